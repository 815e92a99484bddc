#pragma once
/// @file
/// Earned value by each task's measurement method: the one place EV is computed (the roll-up,
/// the S-curves and earned schedule all call it). Methods from the PMI *Practice Standard for
/// Earned Value Management* (2nd ed., 2011), ch. 4, and P6's earned-value technique:
///
/// | method              | EV of a task with budget BAC at a status period                      |
/// |---------------------|----------------------------------------------------------------------|
/// | percent_complete    | BAC x percent / 100 (the default; unchanged from before methods)     |
/// | fixed_formula       | 0 before the start, BAC x start_percent / 100 once started (percent  |
/// |                     | > 0 or `started`), BAC at 100 % (0/100: start_percent 0; 50/50: 50)  |
/// | weighted_milestones | BAC x (weights of the milestones reached) / (sum of the weights);    |
/// |                     | reached: those the period lists, else the percent steps passed       |
/// | units_complete      | BAC x min(units done, units planned) / units planned (no units       |
/// |                     | reported: percent complete); BAC at 100 %                            |
/// | level_of_effort     | PV at the period's date, whatever the progress                       |
/// | apportioned_effort  | BAC x the fraction its `apportioned_to` task has earned              |
///
/// Money is rounded half away from zero to a cent per task. docs/evm.md, "Earned-value methods".

#include <span>
#include <vector>

#include "ppm/core/money.hpp"
#include "ppm/core/project.hpp"
#include "ppm/core/task.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/status_period.hpp"

namespace ppm {

/// The rules of `baseline`'s tasks as `project` defines them (position k: task k of the baseline; a
/// task absent from the project: percent complete). Checks every rule of the project
/// (check_earned_value_rule); an `apportioned_to` naming no task of the project throws
/// ModelError(unknown_id), one naming a summary task ModelError(invalid_value), apportioned tasks
/// following each other round ModelError(cycle).
[[nodiscard]] std::vector<EarnedValueRule> earned_value_rules(const Baseline& baseline, const Project& project);

/// Earned value of each task of `baseline` (position k) at `status`, by the rule at position k of
/// `rules` (absent: percent complete). A task without a row in `status` earns nothing, except by
/// level of effort (PV at the status date) and apportioned effort (its base task's fraction); when
/// `status` repeats a task its last row counts. An apportioned task whose base is not in the
/// baseline follows the base's reported percent complete. Throws ModelError(invalid_value) for a
/// reported milestone the task does not list, ModelError(cycle) for an apportionment cycle.
[[nodiscard]] std::vector<Money> earned_values(const Baseline& baseline, const StatusPeriod& status,
                                               std::span<const EarnedValueRule> rules);
/// The same by the rules attached to the baseline (`Baseline::earned_value`, attach_calendars).
[[nodiscard]] std::vector<Money> earned_values(const Baseline& baseline, const StatusPeriod& status);

}  // namespace ppm
