// Baseline capture from a CPM schedule (see capture.hpp).
#include "ppm/evm/capture.hpp"

#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "ppm/core/error.hpp"
#include "ppm/evm/earned_value_methods.hpp"

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

void attach_calendars(Baseline& baseline, const Portfolio& portfolio) {
    baseline.calendar.assign(baseline.size(), nullptr);
    baseline.earned_value.clear();
    if (baseline.size() == 0) return;
    const Project* p = portfolio.find_project(baseline.project);
    if (p == nullptr) return;
    baseline.earned_value = earned_value_rules(baseline, *p);
    // Compiled over the baseline's span with a week either side; past it the weekly pattern repeats.
    const auto [from, to] = planned_span(baseline);
    const Date first = from.date() - 7, last = to.date() + 7;
    std::unordered_map<CalendarId, std::shared_ptr<const WorkCalendar>> compiled;
    auto get = [&](const CalendarId& id) {
        auto [it, fresh] = compiled.try_emplace(id);
        if (fresh) it->second = std::make_shared<const WorkCalendar>(WorkCalendar::compile(portfolio.calendars, id, first, last));
        return it->second;
    };
    std::unordered_map<TaskId, const Task*> task_of;
    for (const auto& t : p->tasks) task_of.emplace(t.id, &t);
    const std::optional<CalendarId> project_calendar = p->calendar ? p->calendar : portfolio.default_calendar;
    for (std::size_t k = 0; k < baseline.size(); ++k) {
        const auto it = task_of.find(baseline.task[k]);
        if (it == task_of.end()) continue;
        const std::optional<CalendarId>& id = it->second->calendar ? it->second->calendar : project_calendar;
        if (id) baseline.calendar[k] = get(*id);
    }
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
    Baseline b = make_baseline(std::move(name), project, captured_at, std::move(ids), std::move(starts), std::move(finishes),
                               std::move(costs));
    attach_calendars(b, portfolio);
    return b;
}

}  // namespace ppm
