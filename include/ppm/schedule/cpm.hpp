#pragma once
/// @file
/// The critical path method (CPM): forward and backward passes over a compiled `Network`, each
/// task in its own working calendar (Kelley & Walker 1959; PMBOK Guide 6th ed. §6.5.2.2; the
/// precedence diagramming method with FS/SS/FF/SF links and lags as in MS Project and Primavera P6).
///
/// Dates are exact to the minute; floats are working minutes on the task's calendar. Hard
/// constraints (MSO, MFO, SNLT, FNLT) win over logic and the conflict shows as negative float and
/// a warning. Progress-aware from a status date (retained logic or progress override, as P6
/// defines them). Every choice is written down in docs/scheduling.md.
///
/// @code
///   ppm::Portfolio pf = ppm::read_json_file("plan.json");
///   ppm::ScheduleResult r = ppm::schedule(pf, {.critical_float = ppm::Duration{0}});
///   for (std::size_t i = 0; i < r.task_id.size(); ++i)
///       if (r.critical[i]) std::cout << r.task_id[i].str() << " " << ppm::to_string(r.early_finish[i]) << "\n";
/// @endcode

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/core/time.hpp"
#include "ppm/schedule/network.hpp"

namespace ppm {

/// How progressed tasks treat their predecessors (P6 "scheduling logic" option).
enum class ProgressMode : std::uint8_t {
    retained_logic,     ///< The remaining work of a started task still waits for its predecessors.
    progress_override,  ///< A started task ignores its predecessors: remaining work resumes at the status date.
};

/// Options of `schedule`.
struct ScheduleOptions {
    /// A task is critical when its total float is at most this many working minutes.
    Duration critical_float{0};
    ProgressMode progress_mode = ProgressMode::retained_logic;
    /// Overrides every project's and the portfolio's status date.
    std::optional<Instant> status_date;
    /// Calendar horizon of the network `schedule(Portfolio)` builds (grown for speed when dates run past it).
    NetworkOptions network{};
};

/// What a warning is about.
enum class ScheduleWarningKind : std::uint8_t {
    constraint_conflict,  ///< A hard constraint overrode logic (the task starts before its predecessors allow).
    deadline_missed,      ///< The early finish is after the task's or project's deadline.
    negative_float,       ///< A task's total float is negative (listed once per task).
    calendar_fallback,    ///< A project has no calendar and no portfolio default: 24/7 used.
    horizon,              ///< No longer reported: calendars apply every exception past their horizon (issue 23).
    progress,             ///< Progress data ppm had to interpret (percent complete without actual start...).
};

/// A scheduling warning; `task` is invalid when it is about the whole portfolio.
struct ScheduleWarning {
    ScheduleWarningKind kind = ScheduleWarningKind::constraint_conflict;
    TaskIndex task{};
    std::string message;
};

/// The CPM result: one array per attribute, indexed by `TaskIndex::value()` (the network's order).
struct ScheduleResult {
    std::vector<TaskId> task_id;
    std::vector<ProjectIndex> project;         ///< Project index of each task.
    std::vector<Instant> early_start;          ///< Forecast start (the actual start when started).
    std::vector<Instant> early_finish;         ///< Forecast finish (the actual finish when complete).
    std::vector<Instant> late_start;           ///< For in-progress tasks: the latest resume of the remaining work.
    std::vector<Instant> late_finish;
    std::vector<Duration> total_float;         ///< Working minutes of the task's calendar, LF - EF.
    std::vector<Duration> free_float;          ///< Working minutes the finish can slip without delaying any successor's early date.
    std::vector<std::uint8_t> critical;        ///< total_float <= critical_float (never for complete tasks, nor summaries whose children are all complete).
    std::vector<std::uint8_t> is_summary;
    std::vector<std::uint8_t> is_milestone;
    std::vector<TaskIndex> driving_predecessor;///< The predecessor whose link set the early date (invalid if none).
    std::vector<Duration> duration;            ///< Duration used (remaining for in-progress; 0 for complete/summary).

    std::vector<ProjectId> project_id;         ///< By project index.
    std::vector<Instant> project_start;        ///< Earliest early start of each project's tasks.
    std::vector<Instant> project_finish;       ///< Latest early finish of each project's tasks.
    /// Per project, the longest path (P6 sense): from the task finishing last, driving predecessors
    /// walked back to the start; listed start to finish. May cross into other projects.
    std::vector<std::vector<TaskIndex>> longest_path;
    Instant finish;                            ///< Latest early finish over the portfolio.
    std::vector<ScheduleWarning> warnings;
};

/// Schedules a portfolio: builds its `Network` then runs `schedule(network, options)`. Throws
/// ModelError for a broken model (cycle with its members, unknown ids, calendars...).
ScheduleResult schedule(const Portfolio& portfolio, const ScheduleOptions& options = {});

/// Schedules a prebuilt network.
ScheduleResult schedule(const Network& network, const ScheduleOptions& options = {});

/// Reusable buffers for `run_cpm`: after the first call on a network, further calls allocate nothing.
struct CpmWorkspace {
    std::vector<std::int64_t> early_start, early_finish, late_start, late_finish;  ///< Minutes since epoch.
    std::vector<std::int64_t> total_float;      ///< Working minutes of the task's calendar.
    std::vector<std::uint32_t> driving;         ///< Driving link position (UINT32_MAX when none).
    std::vector<std::uint8_t> conflict;         ///< 1 when a hard constraint overrode logic.
    std::vector<std::int64_t> project_finish;   ///< By project index.
    std::vector<std::int64_t> bound_start, bound_finish;  ///< Scratch: summaries' late bounds.
    /// Scratch: W of the early/late start/finish on the task's calendar (working-time keys). The
    /// specialised single-calendar loop fills `start_key` and `late_finish_key` only.
    std::vector<std::int64_t> start_key, finish_key, late_start_key, late_finish_key;
    /// Scratch by project: earliest start (instant and key on the project calendar), late-finish anchor key.
    std::vector<std::int64_t> floor_instant, floor_key, anchor_key;
};

/// The numeric core used by Monte Carlo and levelling: forward + backward pass on `network` with
/// `durations` (indexed by task; planned for not-started, remaining for in-progress, ignored for
/// complete tasks and summaries), writing dates and total float into `ws`. Allocation-free once
/// `ws` has been used with this network. Throws ModelError::horizon_exceeded when a date falls
/// before the calendars' first compiled day.
void run_cpm(const Network& network, std::span<const Duration> durations, CpmWorkspace& ws,
             const ScheduleOptions& options = {});

std::string_view to_string(ProgressMode m) noexcept;         ///< "retained_logic", "progress_override"
std::string_view to_string(ScheduleWarningKind k) noexcept;  ///< "constraint_conflict", ...

}  // namespace ppm
