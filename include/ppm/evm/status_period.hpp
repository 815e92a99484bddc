#pragma once
/// @file
/// Status periods: what was reported at each data date (percent complete, actual cost per task, and
/// what a task's earned-value method needs: started, units done, milestones reached). Earned value
/// is computed from them by each task's method (earned_value_methods.hpp).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/core/project.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// Progress of one project's tasks at one data date; arrays indexed alike. The last three arrays
/// are optional: each is empty (not reported for any task) or holds one entry per task.
struct StatusPeriod {
    ProjectId project;
    Instant date{};                        ///< The data (status) date.
    std::vector<TaskId> task;
    std::vector<double> percent_complete;  ///< 0..100 physical percent complete.
    std::vector<Money> actual_cost;        ///< Cumulative actual cost.
    std::vector<std::uint8_t> started;     ///< 1: work has started (an actual start), even at 0 %; empty: percent > 0.
    std::vector<double> units_complete;    ///< Units done (units_complete method), >= 0; NaN: not reported.
    std::vector<std::vector<std::string>> milestones_done;  ///< Names of the task's earned-value milestones reached.
};

/// Reads the tasks' `progress` of `project` (leaf tasks only) as a status period at `date`.
/// A task without actual cost contributes zero AC; `started` is 1 for a task with an actual start
/// (or finish, or percent > 0); units and milestones are not reported (their methods fall back
/// on percent complete, docs/evm.md).
[[nodiscard]] StatusPeriod status_from_project(const Project& project, Instant date);

/// Throws ModelError when arrays differ in size (an optional array: neither empty nor one per task),
/// a percent is outside 0..100, a cost or a reported number of units is negative.
void check_status_period(const StatusPeriod& s);

/// `portfolio` as its status periods report it: for each project, the latest period dated at or
/// before `status_date` (none given: the project's latest period) becomes the tasks' progress --
/// percent complete and actual cost; a started task without an actual start gets the earlier of
/// its CPM early start and the first period reporting it started, a 100 % task without an actual
/// finish the first period reporting it done (not before its start) -- and the project's status
/// date becomes the period's date. Rows for tasks not in the project throw ModelError(unknown_id).
/// What the Monte Carlo forecast starts from (`ppm simulate` with status periods).
[[nodiscard]] Portfolio apply_status_periods(Portfolio portfolio, std::span<const StatusPeriod> status,
                                             std::optional<Instant> status_date = std::nullopt);

}  // namespace ppm
