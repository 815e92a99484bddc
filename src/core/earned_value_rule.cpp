// Checks of a task's earned-value rule on its own (see task.hpp).
#include <cmath>
#include <string>
#include <unordered_set>

#include "ppm/core/error.hpp"
#include "ppm/core/task.hpp"

namespace ppm {

EarnedValueMethod parse_earned_value_method(std::string_view name) {
    for (auto m : kAllEarnedValueMethods)
        if (to_string(m) == name) return m;
    throw ModelError::invalid_value("earned-value method", name,
                                    "expected percent_complete, fixed_formula, weighted_milestones, units_complete, "
                                    "level_of_effort or apportioned_effort");
}

void check_earned_value_rule(const EarnedValueRule& rule, const TaskId& task) {
    const std::string id = task.str();
    switch (rule.method) {
        case EarnedValueMethod::percent_complete:
        case EarnedValueMethod::level_of_effort: break;
        case EarnedValueMethod::fixed_formula:
            if (!(rule.start_percent >= 0.0 && rule.start_percent <= 100.0))
                throw ModelError::invalid_value("earned-value start percent", id, "must be within 0..100");
            break;
        case EarnedValueMethod::weighted_milestones: {
            if (rule.milestones.empty())
                throw ModelError::invalid_value("earned-value milestones", id, "weighted milestones need at least one milestone");
            std::unordered_set<std::string> names;
            for (const auto& m : rule.milestones) {
                if (!(std::isfinite(m.weight) && m.weight > 0.0))
                    throw ModelError::invalid_value("earned-value milestone weight", id, "\"" + m.name + "\": must be a finite number > 0");
                if (!names.insert(m.name).second)
                    throw ModelError::invalid_value("earned-value milestones", id, "milestone \"" + m.name + "\" is listed twice");
            }
            break;
        }
        case EarnedValueMethod::units_complete:
            if (!(std::isfinite(rule.units) && rule.units > 0.0))
                throw ModelError::invalid_value("earned-value units", id, "units complete needs the units planned, a finite number > 0");
            break;
        case EarnedValueMethod::apportioned_effort:
            if (!rule.apportioned_to)
                throw ModelError::invalid_value("earned-value apportioned_to", id, "apportioned effort needs the task it follows");
            if (*rule.apportioned_to == task)
                throw ModelError::invalid_value("earned-value apportioned_to", id, "a task cannot be apportioned to itself");
            break;
    }
}

}  // namespace ppm
