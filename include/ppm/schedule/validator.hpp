#pragma once
/// @file
/// An independent schedule checker: given a portfolio and a `ScheduleResult`, lists every rule the
/// dates break. It shares no code path with the CPM engine: it reads the editable model directly,
/// compiles its own calendars and checks each rule by counting working minutes with
/// `WorkCalendar::work_between` (plus next_work_start / previous_work_end to snap a date across
/// non-working time; never add/subtract of work), so an engine bug does not hide itself.
///
/// Rules (definitions in docs/scheduling.md):
/// - link: for FS/SS/FF/SF with lag L on the lag calendar C, C.work_between(from, to) >= L where
///   `from` is the predecessor's finish/start moved back to the predecessor's previous end of
///   work and `to` the successor's start/finish moved on to the successor's next start of work
///   (an end may slide across its own task's non-working time); elapsed lags: to - from >= L;
///   checked on leaf successors (links into summaries: on each leaf below);
/// - calendar: a leaf task with duration d > 0 starts in working time and finishes at the end of
///   or inside working time, and work_between(start, finish) == d (remaining for in-progress:
///   counted from the resume point); milestones have start == finish;
/// - constraint: SNET/SNLT/FNET/FNLT/MSO/MFO dates respected (compared in working time);
/// - progress: actual dates kept, nothing not started before the status date;
/// - summary: start == min of children's starts, finish == max of children's finishes;
/// - floats: late dates not before early dates when total float >= 0.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/schedule/cpm.hpp"

namespace ppm {

/// Kind of rule a `Violation` breaks.
enum class ViolationKind : std::uint8_t {
    link, calendar, constraint, progress, summary, float_sign,
    capacity,  ///< A resource over its capacity (`validate_level`).
    piece,     ///< A levelled task's working pieces (`validate_level`).
};

/// One broken rule.
struct Violation {
    ViolationKind kind = ViolationKind::link;
    std::string task;      ///< Task id (capacity: the first task holding the resource).
    std::string other;     ///< The predecessor for links, the child for summaries, the resource for capacity, else empty.
    std::string message;   ///< Names what, where and by how many minutes.
};

/// Options of `validate_schedule`.
struct ValidatorOptions {
    /// Check links into tasks whose hard constraint conflicts with logic (they are expected to break).
    bool check_links_of_conflicting_tasks = false;
    /// Check the late dates too (their calendar rule, the float rules, the late side of soft
    /// constraints, and links against late dates for tasks with total float >= 0); false for dates
    /// that have no late dates (a levelled schedule).
    bool check_late_dates = true;
    ProgressMode progress_mode = ProgressMode::retained_logic;
    /// The status date the schedule was computed with, when it overrode the model's.
    std::optional<Instant> status_date;
};

/// Every violated rule in `result` for `portfolio` (empty means the schedule is consistent).
std::vector<Violation> validate_schedule(const Portfolio& portfolio, const ScheduleResult& result,
                                         const ValidatorOptions& options = {});

std::string_view to_string(ViolationKind k) noexcept;  ///< "link", "calendar", ...

}  // namespace ppm
