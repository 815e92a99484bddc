#pragma once
/// @file
/// Status periods: what was reported at each data date (percent complete, actual cost per task).
/// Earned value uses the percent-complete rule (EV = percent x budget), the PMI Practice Standard
/// for EVM's default for work measured by physical progress.

#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/project.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// Progress of one project's tasks at one data date; arrays indexed alike.
struct StatusPeriod {
    ProjectId project;
    Instant date{};                        ///< The data (status) date.
    std::vector<TaskId> task;
    std::vector<double> percent_complete;  ///< 0..100 physical percent complete.
    std::vector<Money> actual_cost;        ///< Cumulative actual cost.
};

/// Reads the tasks' `progress` of `project` (leaf tasks only) as a status period at `date`.
/// A task without actual cost contributes zero AC.
[[nodiscard]] StatusPeriod status_from_project(const Project& project, Instant date);

/// Throws ModelError when arrays differ in size, a percent is outside 0..100 or a cost is negative.
void check_status_period(const StatusPeriod& s);

}  // namespace ppm
