#pragma once
/// @file
/// `Network`: the immutable, solver-facing form of a portfolio's precedence network, built once.
///
/// Tasks get a dense `TaskIndex` (projects in portfolio order, tasks in file order). Links are
/// stored as compressed sparse rows (CSR) twice: grouped by successor (forward pass) and by
/// predecessor (backward pass), as in Boost.Graph's `compressed_sparse_row_graph`, but as plain
/// arrays so the CPM inner loops touch contiguous memory only. Calendars are compiled once
/// (`WorkCalendar`), each task refers to one by a dense index. A topological order is computed
/// once (Kahn 1962); a cycle throws `ModelError::cycle("dependency", members_in_order)`.
///
/// Summary tasks (MS Project semantics, see docs/scheduling.md): a link INTO a summary task is
/// applied to every leaf task below it; a link FROM a summary task starts from the summary's
/// rolled-up dates. The topological order puts every summary after all its descendants.

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "ppm/calendar/work_calendar.hpp"
#include "ppm/core/constraint.hpp"
#include "ppm/core/dependency.hpp"
#include "ppm/core/id.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/core/time.hpp"
#include "ppm/schedule/detail/cpm_fast_plan.hpp"

namespace ppm {

/// How far each compiled calendar reaches around the dates of the model (see docs/calendars.md).
struct NetworkOptions {
    /// Days compiled before the earliest date found in the model (project starts, actuals,
    /// constraint dates, deadlines, exceptions). The backward pass may need dates before it when
    /// deadlines are missed badly; `schedule(Portfolio)` then rebuilds with a larger margin.
    std::int32_t days_before = 400;
    /// Days compiled after the latest date found in the model; past it each calendar's weekly
    /// pattern repeats. `schedule(Portfolio)` grows this when yearly exceptions would be missed.
    std::int32_t days_after = 3 * 366;
};

/// Progress state of a task, from its actual dates.
enum class ProgressState : std::uint8_t { not_started, in_progress, complete };

/// Sentinel for "no date" in the network's integer date arrays.
inline constexpr std::int64_t kNoDate = std::numeric_limits<std::int64_t>::min();

/// The compiled precedence network of a portfolio. Immutable once built; cheap to share between
/// threads. Arrays are indexed by `TaskIndex::value()` (tasks) or link position (links).
class Network {
public:
    /// Builds the network. Throws ModelError: unknown_id (predecessor, parent, calendar), duplicate_id
    /// (task), cycle (dependencies and WBS roll-up together, members in order), negative_duration,
    /// invalid_value (percent lag < 0, milestone with duration), missing_value (constraint without date).
    explicit Network(const Portfolio& portfolio, const NetworkOptions& options = {});

    /// Number of tasks (summaries included).
    [[nodiscard]] std::size_t task_count() const noexcept { return task_ids_.size(); }
    /// Number of links after summary expansion.
    [[nodiscard]] std::size_t link_count() const noexcept { return link_pred_.size(); }
    /// Task ids by index.
    [[nodiscard]] std::span<const TaskId> task_ids() const noexcept { return task_ids_; }
    /// The index of a task id; an invalid index when absent.
    [[nodiscard]] TaskIndex index_of(const TaskId& id) const;

    /// Project ids by project index, and each task's project.
    [[nodiscard]] std::span<const ProjectId> project_ids() const noexcept { return project_ids_; }
    [[nodiscard]] std::span<const ProjectIndex> project_of() const noexcept { return project_of_; }
    /// Planned project starts (minutes since epoch) by project index.
    [[nodiscard]] std::span<const std::int64_t> project_start() const noexcept { return project_start_; }
    /// Project deadlines by project index (kNoDate when none).
    [[nodiscard]] std::span<const std::int64_t> project_deadline() const noexcept { return project_deadline_; }
    /// Status dates by project index after defaulting to the portfolio's (kNoDate when none).
    [[nodiscard]] std::span<const std::int64_t> project_status_date() const noexcept { return project_status_; }

    /// Priorities for levelling (0-1000, 1000 = never delayed for resources; default 500): each
    /// project's and each task's. Each project's `delay_weight` (its cost of a day late).
    [[nodiscard]] std::span<const std::int32_t> project_priority() const noexcept { return project_priority_; }
    [[nodiscard]] std::span<const std::int32_t> task_priority() const noexcept { return task_priority_; }
    [[nodiscard]] std::span<const double> project_delay_weight() const noexcept { return project_delay_weight_; }

    /// Resource assignments as compressed sparse rows: task i's are the positions
    /// [assignment_offsets()[i], assignment_offsets()[i+1]) of `assignment_resource()` (the
    /// resource's position in `Portfolio::resources`) and `assignment_units()`, in the task's order.
    /// An assignment to a resource the portfolio does not have is left out with a build warning
    /// (validate() reports it as an error).
    [[nodiscard]] std::span<const std::uint32_t> assignment_offsets() const noexcept { return assignment_offsets_; }
    [[nodiscard]] std::span<const ResourceIndex> assignment_resource() const noexcept { return assignment_resource_; }
    [[nodiscard]] std::span<const double> assignment_units() const noexcept { return assignment_units_; }

    /// Compiled calendars by `CalendarIndex::value()` (index 0 is the 24/7 fallback). Also holds the
    /// ids (empty for the 24/7 fallback).
    [[nodiscard]] std::span<const WorkCalendar> calendars() const noexcept { return calendars_; }
    [[nodiscard]] std::span<const CalendarId> calendar_ids() const noexcept { return calendar_ids_; }
    /// The compiled calendar at a calendar index: `calendar(calendar_of()[i])` is task i's.
    [[nodiscard]] const WorkCalendar& calendar(CalendarIndex c) const noexcept { return calendars_[c.value()]; }
    /// Each task's calendar index.
    [[nodiscard]] std::span<const CalendarIndex> calendar_of() const noexcept { return calendar_of_; }
    /// Each project's calendar index (the `project` lag calendar).
    [[nodiscard]] std::span<const CalendarIndex> project_calendar() const noexcept { return project_calendar_; }

    /// Planned durations in working minutes (0 for summaries and milestones).
    [[nodiscard]] std::span<const std::int64_t> planned_duration() const noexcept { return duration_; }
    /// The durations `run_cpm` uses by default: planned for not-started tasks, remaining for
    /// in-progress ones, 0 for complete tasks and summaries.
    [[nodiscard]] std::vector<Duration> default_durations() const;
    [[nodiscard]] std::span<const std::uint8_t> is_summary() const noexcept { return is_summary_; }
    [[nodiscard]] std::span<const std::uint8_t> is_milestone() const noexcept { return is_milestone_; }
    /// WBS parent index (TaskIndex::kInvalid for top-level tasks).
    [[nodiscard]] std::span<const std::uint32_t> parent() const noexcept { return parent_; }
    /// Children of task i: `children().subspan(child_offsets()[i], child_offsets()[i+1]-child_offsets()[i])`.
    [[nodiscard]] std::span<const std::uint32_t> child_offsets() const noexcept { return child_offsets_; }
    [[nodiscard]] std::span<const std::uint32_t> children() const noexcept { return children_; }

    /// The constraint that wins over logic, after the project's `honor_constraints` and P6's
    /// types are resolved (docs/scheduling.md, "Constraints"): `must_start_on`, `must_finish_on`,
    /// `start_no_later_than` or `finish_no_later_than` with its date; `as_late_as_possible`; else
    /// `as_soon_as_possible` (date kNoDate). Constraints that logic may override are in the
    /// floors and caps below (a hard SNLT/FNLT also caps the late date).
    [[nodiscard]] std::span<const ConstraintType> constraint_type() const noexcept { return constraint_type_; }
    [[nodiscard]] std::span<const std::int64_t> constraint_date() const noexcept { return constraint_date_; }
    /// Earliest start / finish the constraints allow (kNoDate when none): SNET, FNET, start_on, finish_on.
    [[nodiscard]] std::span<const std::int64_t> start_floor() const noexcept { return start_floor_; }
    [[nodiscard]] std::span<const std::int64_t> finish_floor() const noexcept { return finish_floor_; }
    /// Latest late start / finish the constraints allow (kNoDate when none): SNLT, FNLT, start_on, finish_on.
    [[nodiscard]] std::span<const std::int64_t> start_cap() const noexcept { return start_cap_; }
    [[nodiscard]] std::span<const std::int64_t> finish_cap() const noexcept { return finish_cap_; }
    /// Task deadline (kNoDate when none).
    [[nodiscard]] std::span<const std::int64_t> deadline() const noexcept { return deadline_; }

    /// Progress: state, actual start / finish (kNoDate when none), remaining duration.
    [[nodiscard]] std::span<const ProgressState> progress_state() const noexcept { return progress_state_; }
    [[nodiscard]] std::span<const std::int64_t> actual_start() const noexcept { return actual_start_; }
    [[nodiscard]] std::span<const std::int64_t> actual_finish() const noexcept { return actual_finish_; }
    [[nodiscard]] std::span<const std::int64_t> remaining_duration() const noexcept { return remaining_; }

    /// Links grouped by successor: the links into task i are positions
    /// [pred_offsets()[i], pred_offsets()[i+1]). Every link's successor is a leaf task.
    [[nodiscard]] std::span<const std::uint32_t> pred_offsets() const noexcept { return pred_offsets_; }
    [[nodiscard]] std::span<const std::uint32_t> link_pred() const noexcept { return link_pred_; }
    [[nodiscard]] std::span<const std::uint32_t> link_succ() const noexcept { return link_succ_; }
    [[nodiscard]] std::span<const LinkType> link_type() const noexcept { return link_type_; }
    [[nodiscard]] std::span<const LagUnit> link_lag_unit() const noexcept { return link_lag_unit_; }
    /// Lag minutes (working on the link's calendar, or elapsed); unused for percent lags.
    [[nodiscard]] std::span<const std::int64_t> link_lag() const noexcept { return link_lag_; }
    /// Percent of the predecessor's duration (percent lags only).
    [[nodiscard]] std::span<const double> link_percent() const noexcept { return link_percent_; }
    /// Calendar index measuring the lag.
    [[nodiscard]] std::span<const CalendarIndex> link_calendar() const noexcept { return link_calendar_; }
    /// Links out of task i are `succ_links()[succ_offsets()[i] .. succ_offsets()[i+1])` (link positions).
    [[nodiscard]] std::span<const std::uint32_t> succ_offsets() const noexcept { return succ_offsets_; }
    [[nodiscard]] std::span<const std::uint32_t> succ_links() const noexcept { return succ_links_; }

    /// All tasks, predecessors before successors and children before their summary.
    [[nodiscard]] std::span<const std::uint32_t> topological_order() const noexcept { return topo_; }
    /// True when some task is "as late as possible" (run_cpm then shifts them by their free float).
    [[nodiscard]] bool has_alap() const noexcept { return has_alap_; }
    /// True when some calendar has yearly exceptions (then dates past the horizon end cost more).
    [[nodiscard]] bool has_yearly_exceptions() const noexcept { return has_yearly_; }
    /// The last day every calendar was compiled with its exceptions.
    [[nodiscard]] Date horizon_last_day() const noexcept { return horizon_last_; }
    /// The first day every calendar was compiled for.
    [[nodiscard]] Date horizon_first_day() const noexcept { return horizon_first_; }
    /// Warnings found while building (e.g. a project without calendar falling back to 24/7).
    [[nodiscard]] std::span<const std::string> build_warnings() const noexcept { return build_warnings_; }
    /// Internal (run_cpm): packed links of the specialised single-calendar loop, and whether it applies.
    [[nodiscard]] const detail::CpmFastPlan& fast_plan() const noexcept { return fast_plan_; }

private:
    friend struct NetworkBuilder;
    std::vector<TaskId> task_ids_;
    std::unordered_map<std::string, std::uint32_t> index_;
    std::vector<ProjectId> project_ids_;
    std::vector<ProjectIndex> project_of_;
    std::vector<std::int64_t> project_start_, project_deadline_, project_status_;
    std::vector<CalendarIndex> project_calendar_;
    std::vector<std::int32_t> project_priority_, task_priority_;
    std::vector<double> project_delay_weight_;
    std::vector<std::uint32_t> assignment_offsets_;
    std::vector<ResourceIndex> assignment_resource_;
    std::vector<double> assignment_units_;
    std::vector<WorkCalendar> calendars_;
    std::vector<CalendarId> calendar_ids_;
    std::vector<CalendarIndex> calendar_of_;
    std::vector<std::int64_t> duration_;
    std::vector<std::uint8_t> is_summary_, is_milestone_;
    std::vector<std::uint32_t> parent_, child_offsets_, children_;
    std::vector<ConstraintType> constraint_type_;
    std::vector<std::int64_t> constraint_date_, deadline_;
    std::vector<std::int64_t> start_floor_, finish_floor_, start_cap_, finish_cap_;
    std::vector<ProgressState> progress_state_;
    std::vector<std::int64_t> actual_start_, actual_finish_, remaining_;
    std::vector<std::uint32_t> pred_offsets_, link_pred_, link_succ_;
    std::vector<LinkType> link_type_;
    std::vector<LagUnit> link_lag_unit_;
    std::vector<std::int64_t> link_lag_;
    std::vector<double> link_percent_;
    std::vector<CalendarIndex> link_calendar_;
    std::vector<std::uint32_t> succ_offsets_, succ_links_;
    std::vector<std::uint32_t> topo_;
    bool has_yearly_ = false;
    bool has_alap_ = false;
    Date horizon_first_{}, horizon_last_{};
    std::vector<std::string> build_warnings_;
    detail::CpmFastPlan fast_plan_;
};

}  // namespace ppm
