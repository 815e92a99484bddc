// Status periods (percent-complete EV rule, PMI Practice Standard for EVM, 2nd ed., sec. 4.3).
#include "ppm/evm/status_period.hpp"

#include <unordered_set>

#include "ppm/core/error.hpp"

namespace ppm {

StatusPeriod status_from_project(const Project& project, Instant date) {
    std::unordered_set<TaskId> parents;
    for (const auto& t : project.tasks)
        if (t.parent) parents.insert(*t.parent);
    StatusPeriod s{.project = project.id, .date = date, .task = {}, .percent_complete = {}, .actual_cost = {}};
    for (const auto& t : project.tasks) {
        if (parents.count(t.id) != 0) continue;
        s.task.push_back(t.id);
        s.percent_complete.push_back(t.progress.actual_finish ? 100.0 : t.progress.percent_complete);
        s.actual_cost.push_back(t.progress.actual_cost.value_or(Money{0}));
    }
    check_status_period(s);
    return s;
}

void check_status_period(const StatusPeriod& s) {
    if (s.percent_complete.size() != s.task.size() || s.actual_cost.size() != s.task.size())
        throw ModelError::invalid_value("status period", s.project.str(), "task, percent and cost arrays differ in length");
    for (std::size_t k = 0; k < s.task.size(); ++k) {
        if (!(s.percent_complete[k] >= 0.0 && s.percent_complete[k] <= 100.0))
            throw ModelError::invalid_value("percent complete", s.task[k].str(), "must be within 0..100");
        if (s.actual_cost[k] < Money{0})
            throw ModelError::invalid_value("actual cost", s.task[k].str(), "must be >= 0");
    }
}

}  // namespace ppm
