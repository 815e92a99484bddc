#pragma once
/// @file
/// Tasks: the nodes of a project's WBS tree (summary tasks, tasks, milestones).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/constraint.hpp"
#include "ppm/core/custom_field.hpp"
#include "ppm/core/dependency.hpp"
#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// A resource assigned to a task.
struct Assignment {
    ResourceId resource;
    double units = 1.0;              ///< 1.0 = full time of one unit of the resource; material: quantity per ... see docs/model.md
    std::optional<Duration> work;    ///< Planned work; default units x task duration.
    std::optional<Duration> actual_work;
    std::optional<Money> cost;       ///< Planned cost override (cost resources, or a fixed amount).
    CustomFields custom;
    friend bool operator==(const Assignment&, const Assignment&) = default;
};

/// What has happened on a task by the status date.
struct Progress {
    std::optional<Instant> actual_start;
    std::optional<Instant> actual_finish;
    double percent_complete = 0.0;                ///< Duration percent complete, 0..100.
    std::optional<Duration> remaining_duration;   ///< Default: duration x (1 - percent/100).
    std::optional<Money> actual_cost;
    friend bool operator==(const Progress&, const Progress&) = default;
};

/// How a task earns value: the measurement methods of the PMI *Practice Standard for Earned Value
/// Management* (2nd ed., ch. 4) and P6's earned-value technique. docs/evm.md, "Earned-value methods".
enum class EarnedValueMethod : std::uint8_t {
    percent_complete,     ///< EV = percent complete x budget (the default).
    fixed_formula,        ///< `start_percent` of the budget at the start, the rest at completion (0/100, 50/50, 25/75).
    weighted_milestones,  ///< The budget split over `milestones` by weight, each earned when reported reached.
    units_complete,       ///< EV = budget x units done / `units` planned.
    level_of_effort,      ///< EV = PV: earns as planned, whatever the progress.
    apportioned_effort,   ///< Earns the fraction its `apportioned_to` task has earned.
};

/// "percent_complete", "fixed_formula", "weighted_milestones", "units_complete", "level_of_effort",
/// "apportioned_effort".
[[nodiscard]] constexpr std::string_view to_string(EarnedValueMethod m) noexcept {
    switch (m) {
        case EarnedValueMethod::percent_complete: return "percent_complete";
        case EarnedValueMethod::fixed_formula: return "fixed_formula";
        case EarnedValueMethod::weighted_milestones: return "weighted_milestones";
        case EarnedValueMethod::units_complete: return "units_complete";
        case EarnedValueMethod::level_of_effort: return "level_of_effort";
        case EarnedValueMethod::apportioned_effort: return "apportioned_effort";
    }
    return "?";
}

/// Every EarnedValueMethod, in declaration order.
inline constexpr EarnedValueMethod kAllEarnedValueMethods[] = {
    EarnedValueMethod::percent_complete, EarnedValueMethod::fixed_formula,   EarnedValueMethod::weighted_milestones,
    EarnedValueMethod::units_complete,   EarnedValueMethod::level_of_effort, EarnedValueMethod::apportioned_effort};

/// One milestone of a weighted-milestones task: reaching it earns weight / (sum of weights) of the budget.
struct EarnedValueMilestone {
    std::string name;
    double weight = 1.0;  ///< > 0
    friend bool operator==(const EarnedValueMilestone&, const EarnedValueMilestone&) = default;
};

/// A task's earned-value method and the parameters it needs (the others are ignored).
struct EarnedValueRule {
    EarnedValueMethod method = EarnedValueMethod::percent_complete;
    double start_percent = 0.0;                    ///< fixed_formula: percent earned at the start (0 = 0/100, 50 = 50/50), 0..100.
    std::vector<EarnedValueMilestone> milestones;  ///< weighted_milestones: in the order they are expected.
    double units = 0.0;                            ///< units_complete: units planned (> 0).
    std::optional<TaskId> apportioned_to;          ///< apportioned_effort: the discrete leaf task it follows (same project).
    friend bool operator==(const EarnedValueRule&, const EarnedValueRule&) = default;
};

/// "percent_complete", ... : the inverse of to_string; throws ModelError(invalid_value) for an unknown name.
[[nodiscard]] EarnedValueMethod parse_earned_value_method(std::string_view name);

/// Checks one task's rule on its own: throws ModelError(invalid_value) for a fixed formula's start
/// percent outside 0..100, weighted milestones without milestones or with a weight that is not a
/// finite number > 0 or a repeated name, units_complete without a finite number of units > 0,
/// apportioned effort without a task or naming the task itself.
void check_earned_value_rule(const EarnedValueRule& rule, const TaskId& task);

/// A WBS node. A task with children (tasks whose `parent` names it) is a summary task: its dates
/// roll up from its children and its own `duration` is ignored.
struct Task {
    TaskId id;
    std::string name;
    std::optional<TaskId> parent;          ///< WBS parent (a task of the same project).
    Duration duration{};                   ///< Working minutes on the task's calendar.
    bool milestone = false;                ///< Zero-duration marker (duration must be 0).
    std::optional<CalendarId> calendar;    ///< Defaults to the project's calendar.
    Constraint constraint{};
    /// A second constraint (P6's secondary constraint); both bind. `as_late_as_possible` is
    /// only a primary constraint.
    std::optional<Constraint> secondary_constraint;
    std::optional<Instant> deadline;       ///< Soft: shows as negative float, never moves the task.
    int priority = 500;                    ///< 0..1000 as in MS Project; used by levelling.
    std::vector<Dependency> predecessors;
    std::vector<Assignment> assignments;
    Money fixed_cost{};
    Progress progress{};
    EarnedValueRule earned_value{};        ///< How the task earns value (default: percent complete).
    std::string notes;
    CustomFields custom;
    friend bool operator==(const Task&, const Task&) = default;
};

}  // namespace ppm
