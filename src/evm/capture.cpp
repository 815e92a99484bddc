// Baseline capture from a CPM schedule (see capture.hpp).
#include "ppm/evm/capture.hpp"

#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "ppm/core/error.hpp"

namespace ppm {

Money planned_cost(const Portfolio& portfolio, const Task& task) {
    Money sum = task.fixed_cost;
    for (const auto& a : task.assignments) {
        if (a.cost) {
            sum += *a.cost;
            continue;
        }
        const Resource* r = portfolio.find_resource(a.resource);
        if (r == nullptr) throw ModelError::unknown_id("resource", a.resource.str(), "assignment of task " + task.id.str());
        if (r->cost_rates.empty()) continue;
        const auto& rate = r->cost_rates.front();
        const double work = a.work ? static_cast<double>(a.work->count()) : a.units * static_cast<double>(task.duration.count());
        sum += Money{std::llround(static_cast<double>(rate.standard_per_hour.minor_units()) * work / 60.0)} + rate.per_use;
    }
    return sum;
}

Baseline capture_baseline(const Portfolio& portfolio, const ScheduleResult& schedule, const ProjectId& project, std::string name,
                          Instant captured_at) {
    const Project* p = portfolio.find_project(project);
    if (p == nullptr) throw ModelError::unknown_id("project", project.str(), "baseline capture");
    std::unordered_map<TaskId, std::size_t> row;
    for (std::size_t i = 0; i < schedule.task_id.size(); ++i) row[schedule.task_id[i]] = i;
    std::unordered_set<TaskId> parents;
    for (const auto& t : p->tasks)
        if (t.parent) parents.insert(*t.parent);
    std::vector<TaskId> ids;
    std::vector<Instant> starts, finishes;
    std::vector<Money> costs;
    for (const auto& t : p->tasks) {
        if (parents.count(t.id) != 0) continue;
        auto it = row.find(t.id);
        if (it == row.end()) throw ModelError::unknown_id("task", t.id.str(), "schedule result used for the baseline");
        ids.push_back(t.id);
        starts.push_back(schedule.early_start[it->second]);
        finishes.push_back(schedule.early_finish[it->second]);
        costs.push_back(planned_cost(portfolio, t));
    }
    return make_baseline(std::move(name), project, captured_at, std::move(ids), std::move(starts), std::move(finishes), std::move(costs));
}

}  // namespace ppm
