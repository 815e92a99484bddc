// Status periods: what was reported per task at each data date (PMI Practice Standard for EVM,
// 2nd ed., ch. 4: the progress each measurement method needs).
#include "ppm/evm/status_period.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ppm/core/error.hpp"
#include "ppm/schedule/cpm.hpp"

namespace ppm {

StatusPeriod status_from_project(const Project& project, Instant date) {
    std::unordered_set<TaskId> parents;
    for (const auto& t : project.tasks)
        if (t.parent) parents.insert(*t.parent);
    StatusPeriod s{.project = project.id, .date = date, .task = {}, .percent_complete = {}, .actual_cost = {},
                   .started = {}, .units_complete = {}, .milestones_done = {}};
    for (const auto& t : project.tasks) {
        if (parents.count(t.id) != 0) continue;
        s.task.push_back(t.id);
        const double pct = t.progress.actual_finish ? 100.0 : t.progress.percent_complete;
        s.percent_complete.push_back(pct);
        s.actual_cost.push_back(t.progress.actual_cost.value_or(Money{0}));
        s.started.push_back(t.progress.actual_start || t.progress.actual_finish || pct > 0.0 ? 1 : 0);
    }
    check_status_period(s);
    return s;
}

void check_status_period(const StatusPeriod& s) {
    if (s.percent_complete.size() != s.task.size() || s.actual_cost.size() != s.task.size())
        throw ModelError::invalid_value("status period", s.project.str(), "task, percent and cost arrays differ in length");
    auto optional_array = [&](std::size_t size, const char* what) {
        if (size != 0 && size != s.task.size())
            throw ModelError::invalid_value("status period", s.project.str(),
                                            std::string(what) + " must be empty or give one entry per task");
    };
    optional_array(s.started.size(), "started");
    optional_array(s.units_complete.size(), "units_complete");
    optional_array(s.milestones_done.size(), "milestones_done");
    for (std::size_t k = 0; k < s.units_complete.size(); ++k)
        if (s.units_complete[k] < 0.0 || std::isinf(s.units_complete[k]))
            throw ModelError::invalid_value("units complete", s.task[k].str(), "must be a finite number >= 0");
    for (std::size_t k = 0; k < s.task.size(); ++k) {
        if (!(s.percent_complete[k] >= 0.0 && s.percent_complete[k] <= 100.0))
            throw ModelError::invalid_value("percent complete", s.task[k].str(), "must be within 0..100");
        if (s.actual_cost[k] < Money{0})
            throw ModelError::invalid_value("actual cost", s.task[k].str(), "must be >= 0");
    }
}

Portfolio apply_status_periods(Portfolio portfolio, std::span<const StatusPeriod> status, std::optional<Instant> status_date) {
    if (status.empty()) return portfolio;
    for (const auto& s : status) {
        check_status_period(s);
        if (portfolio.find_project(s.project) == nullptr)
            throw ModelError::unknown_id("project", s.project.str(), "status period " + to_string(s.date));
    }
    // Early starts of the plan as of before any work (a status date at the earliest project start).
    ScheduleOptions plan_options;
    for (const Project& project : portfolio.projects)
        if (!plan_options.status_date || project.start < *plan_options.status_date) plan_options.status_date = project.start;
    const ScheduleResult plan = schedule(portfolio, plan_options);
    std::unordered_map<TaskId, Instant> planned_start;
    for (std::size_t i = 0; i < plan.task_id.size(); ++i) planned_start.emplace(plan.task_id[i], plan.early_start[i]);
    for (Project& project : portfolio.projects) {
        const StatusPeriod* latest = nullptr;
        for (const auto& s : status)
            if (s.project == project.id && (!status_date || s.date <= *status_date) && (latest == nullptr || s.date > latest->date))
                latest = &s;
        if (latest == nullptr) continue;
        // First date each task was reported started / done (periods up to the latest one).
        std::unordered_map<TaskId, Task*> task_of;
        for (Task& t : project.tasks) task_of.emplace(t.id, &t);
        std::unordered_map<TaskId, Instant> first_started, first_done;
        for (const auto& s : status) {
            if (s.project != project.id || s.date > latest->date) continue;
            for (std::size_t k = 0; k < s.task.size(); ++k) {
                if (task_of.count(s.task[k]) == 0)
                    throw ModelError::unknown_id("task", s.task[k].str(),
                                                 "status period " + to_string(s.date) + " of project " + project.id.str());
                auto keep_min = [&](std::unordered_map<TaskId, Instant>& m) {
                    auto [it, fresh] = m.emplace(s.task[k], s.date);
                    if (!fresh) it->second = std::min(it->second, s.date);
                };
                if (s.percent_complete[k] > 0.0 || (!s.started.empty() && s.started[k] != 0)) keep_min(first_started);
                if (s.percent_complete[k] >= 100.0) keep_min(first_done);
            }
        }
        for (std::size_t k = 0; k < latest->task.size(); ++k) {
            const auto it = task_of.find(latest->task[k]);
            Progress& pr = it->second->progress;
            const double pct = latest->percent_complete[k];
            pr.percent_complete = pct;
            pr.actual_cost = latest->actual_cost[k];
            pr.remaining_duration.reset();
            const bool started = pct > 0.0 || (!latest->started.empty() && latest->started[k] != 0);
            if (started && !pr.actual_start) {
                Instant start = first_started.at(latest->task[k]);
                if (auto p = planned_start.find(latest->task[k]); p != planned_start.end()) start = std::min(start, p->second);
                pr.actual_start = start;
            }
            if (pct >= 100.0 && !pr.actual_finish) pr.actual_finish = std::max(*pr.actual_start, first_done.at(latest->task[k]));
            if (pct < 100.0) pr.actual_finish.reset();
        }
        project.status_date = latest->date;
    }
    return portfolio;
}

}  // namespace ppm
