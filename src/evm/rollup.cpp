// EVM roll-up over task -> WBS -> project -> program -> portfolio (PMI Practice Standard for EVM,
// 2nd ed., sec. 4.4). Sums roll up; indices and earned schedule are recomputed at every level.
#include "ppm/evm/rollup.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>
#include <unordered_set>

#include "detail/pv_curve.hpp"
#include "ppm/core/error.hpp"
#include "ppm/evm/capture.hpp"
#include "ppm/evm/earned_value_methods.hpp"

namespace ppm {
namespace {

struct LeafRef {
    const Baseline* baseline;
    std::size_t k;
};

}  // namespace

std::string_view to_string(EvmNodeKind k) noexcept {
    switch (k) {
        case EvmNodeKind::portfolio: return "portfolio";
        case EvmNodeKind::program: return "program";
        case EvmNodeKind::project: return "project";
        case EvmNodeKind::summary: return "summary";
        case EvmNodeKind::task: return "task";
    }
    return "?";
}

std::size_t EvmTable::find(EvmNodeKind k, std::string_view node_id) const noexcept {
    for (std::size_t i = 0; i < size(); ++i)
        if (kind[i] == k && id[i] == node_id) return i;
    return size();
}

EvmTable evm_rollup(const Portfolio& portfolio, std::span<const BaselineSet> baselines, Instant status_date,
                    std::span<const StatusPeriod> status, const EvmRollupOptions& options) {
    EvmTable t;
    std::vector<std::vector<LeafRef>> leaves_of;  // per row: leaves below it
    // Per row: every leaf below reported 100 % complete, and the latest of their actual finishes.
    std::vector<std::uint8_t> complete;
    std::vector<Instant> finished;
    auto add_row = [&](EvmNodeKind k, std::string id, std::int32_t parent) {
        t.kind.push_back(k);
        t.id.push_back(std::move(id));
        t.parent.push_back(parent);
        leaves_of.emplace_back();
        t.bac.emplace_back(), t.pv.emplace_back(), t.ev.emplace_back(), t.ac.emplace_back();
        complete.push_back(1);
        finished.push_back(Instant{std::numeric_limits<std::int64_t>::min()});
        return static_cast<std::int32_t>(t.id.size() - 1);
    };
    add_row(EvmNodeKind::portfolio, portfolio.id.str(), -1);

    // Programs, parents first (nested programs); a cycle in program parents is a model error.
    std::unordered_map<std::string, std::int32_t> program_row;
    {
        std::vector<const Program*> pending;
        for (const auto& p : portfolio.programs) pending.push_back(&p);
        while (!pending.empty()) {
            std::vector<const Program*> later;
            for (const Program* p : pending) {
                if (!p->parent) {
                    program_row[p->id.str()] = add_row(EvmNodeKind::program, p->id.str(), 0);
                } else if (auto it = program_row.find(p->parent->str()); it != program_row.end()) {
                    program_row[p->id.str()] = add_row(EvmNodeKind::program, p->id.str(), it->second);
                } else if (portfolio.find_program(*p->parent) == nullptr) {
                    throw ModelError::unknown_id("program", p->parent->str(), "parent of program " + p->id.str());
                } else {
                    later.push_back(p);
                }
            }
            if (later.size() == pending.size()) {
                std::vector<std::string> ids;
                for (auto* p : later) ids.push_back(p->id.str());
                throw ModelError::cycle("program", ids);
            }
            pending.swap(later);
        }
    }
    // Rows naming what does not exist would drop out of BAC, EV and AC in silence: refuse them.
    std::unordered_map<ProjectId, std::unordered_set<TaskId>> tasks_of;
    for (const auto& project : portfolio.projects) {
        auto& ids = tasks_of[project.id];
        for (const auto& task : project.tasks) ids.insert(task.id);
    }
    for (const auto& set : baselines) {
        const Baseline* b = set.active();
        if (b == nullptr) continue;
        const auto it = tasks_of.find(b->project);
        if (it == tasks_of.end()) throw ModelError::unknown_id("project", b->project.str(), "baseline " + b->name);
        for (const auto& id : b->task)
            if (it->second.count(id) == 0)
                throw ModelError::unknown_id("task", id.str(), "baseline " + b->name + " of project " + b->project.str());
    }
    for (const auto& s : status) {
        const auto it = tasks_of.find(s.project);
        if (it == tasks_of.end()) throw ModelError::unknown_id("project", s.project.str(), "status period " + to_string(s.date));
        for (const auto& id : s.task)
            if (it->second.count(id) == 0)
                throw ModelError::unknown_id("task", id.str(), "status period " + to_string(s.date) + " of project " + s.project.str());
    }

    // Each project's current baseline, its PV spread over the tasks' working calendars.
    std::vector<Baseline> spread;
    spread.reserve(portfolio.projects.size());  // no reallocation: leaves point into it
    for (const auto& project : portfolio.projects) {
        const Baseline* base = nullptr;
        for (const auto& set : baselines)
            if (const Baseline* b = set.active(); b != nullptr && b->project == project.id) base = b;
        if (base == nullptr) continue;
        if (base->calendar.empty()) {
            spread.push_back(*base);
            attach_calendars(spread.back(), portfolio);
            base = &spread.back();
        }
        std::int32_t parent = 0;
        if (project.program) {
            auto it = program_row.find(project.program->str());
            if (it == program_row.end())
                throw ModelError::unknown_id("program", project.program->str(), "program of project " + project.id.str());
            parent = it->second;
        }
        const std::int32_t prow = add_row(EvmNodeKind::project, project.id.str(), parent);

        // Progress: latest status period at or before the status date, else the tasks' progress.
        const StatusPeriod* chosen = nullptr;
        for (const auto& s : status)
            if (s.project == project.id && s.date <= status_date && (chosen == nullptr || s.date > chosen->date))
                chosen = &s;
        StatusPeriod from_tasks;
        if (chosen == nullptr) {
            from_tasks = status_from_project(project, status_date);
            chosen = &from_tasks;
        }
        check_status_period(*chosen);
        // EV of every baseline task by its method as the model defines it now (not as attached).
        const std::vector<EarnedValueRule> rules = earned_value_rules(*base, project);
        const std::vector<Money> earned = earned_values(*base, *chosen, rules);
        std::unordered_map<TaskId, std::size_t> progress_of;
        for (std::size_t k = 0; k < chosen->task.size(); ++k) progress_of[chosen->task[k]] = k;
        // A complete task's actual finish: its own, else the first data date reporting it done.
        std::unordered_map<TaskId, Instant> reported_done;
        for (const auto& s : status) {
            if (s.project != project.id || s.date > status_date) continue;
            for (std::size_t k = 0; k < s.task.size(); ++k) {
                if (s.percent_complete[k] < 100.0) continue;
                auto [it, fresh] = reported_done.emplace(s.task[k], s.date);
                if (!fresh) it->second = std::min(it->second, s.date);
            }
        }
        auto actual_finish = [&](const Task& task) {
            Instant f = status_date;
            if (auto it = reported_done.find(task.id); it != reported_done.end()) f = std::min(f, it->second);
            if (task.progress.actual_finish && *task.progress.actual_finish <= status_date) f = std::min(f, *task.progress.actual_finish);
            return f;
        };

        std::unordered_set<TaskId> parents;
        for (const auto& task : project.tasks)
            if (task.parent) parents.insert(*task.parent);
        // Rows in outline order; a child listed before its parent is placed after it by a DFS.
        std::unordered_map<TaskId, std::vector<const Task*>> children;
        std::vector<const Task*> roots;
        std::unordered_set<TaskId> ids;
        for (const auto& task : project.tasks) ids.insert(task.id);
        for (const auto& task : project.tasks) {
            if (task.parent && ids.count(*task.parent) != 0) children[*task.parent].push_back(&task);
            else roots.push_back(&task);
        }
        std::vector<std::pair<const Task*, std::int32_t>> stack;
        for (auto it = roots.rbegin(); it != roots.rend(); ++it) stack.emplace_back(*it, prow);
        std::size_t visited = 0;
        while (!stack.empty()) {
            auto [task, up] = stack.back();
            stack.pop_back();
            if (++visited > project.tasks.size()) throw ModelError::cycle("WBS parent", {task->id.str()});
            const bool summary = parents.count(task->id) != 0;
            if (summary || options.include_tasks) {
                const auto row = add_row(summary ? EvmNodeKind::summary : EvmNodeKind::task, task->id.str(), up);
                if (summary) {
                    auto& ch = children[task->id];
                    for (auto it = ch.rbegin(); it != ch.rend(); ++it) stack.emplace_back(*it, row);
                    continue;
                }
                up = row;
            }
            // A leaf: its figures go to `up` (its own row, or its parent when tasks are hidden).
            const std::size_t k = find_task(*base, task->id);
            Money bac{}, pv{}, ev{}, ac{};
            auto p = progress_of.find(task->id);
            if (p != progress_of.end()) ac = chosen->actual_cost[p->second];
            if (k < base->size()) {
                bac = base->cost[k];
                pv = planned_value(*base, k, status_date);
                ev = earned[k];
            }
            const bool done = p != progress_of.end() && chosen->percent_complete[p->second] >= 100.0;
            const Instant done_at = done ? actual_finish(*task) : Instant{};
            // Accumulate the leaf on its row and every ancestor.
            for (std::int32_t r = up; r >= 0; r = t.parent[static_cast<std::size_t>(r)]) {
                const auto ur = static_cast<std::size_t>(r);
                t.bac[ur] += bac;
                t.pv[ur] += pv;
                t.ev[ur] += ev;
                t.ac[ur] += ac;
                if (k < base->size()) leaves_of[ur].push_back({base, k});
                if (!done) complete[ur] = 0;
                else finished[ur] = std::max(finished[ur], done_at);
            }
        }
    }
    const std::size_t n = t.size();
    t.metrics.resize(n);
    t.schedule.resize(n);
    t.planned_start.resize(n);
    t.planned_finish.resize(n);
    t.forecast_finish.resize(n);

    // Metrics bottom-up (children come after parents): a parent's bottom-up EAC sums its children's.
    std::vector<Money> bottom_up(n);
    std::vector<bool> has_children(n, false);
    for (std::size_t i = 1; i < n; ++i) has_children[static_cast<std::size_t>(t.parent[i])] = true;
    const EacMethod leaf_method = options.eac_method == EacMethod::bottom_up ? EacMethod::cpi : options.eac_method;
    for (std::size_t i = n; i-- > 0;) {
        EvmInput in{.bac = t.bac[i], .pv = t.pv[i], .ev = t.ev[i], .ac = t.ac[i], .etc_estimate = {}, .eac_bottom_up = {}};
        if (has_children[i]) in.eac_bottom_up = bottom_up[i];
        t.metrics[i] = evaluate_evm(in, has_children[i] ? options.eac_method : leaf_method);
        if (i > 0) bottom_up[static_cast<std::size_t>(t.parent[i])] += t.metrics[i].eac_bottom_up;
    }

    // Earned schedule at every level from the node's own PV curve; each leaf's events computed once.
    std::vector<double> tt, pv;
    std::vector<detail::PvEvent> pool, events;
    std::unordered_map<const Baseline*, std::vector<std::pair<std::uint32_t, std::uint32_t>>> range_of;
    auto leaf_events = [&](const LeafRef& l) {
        auto& ranges = range_of[l.baseline];
        if (ranges.empty()) ranges.assign(l.baseline->size(), {0U, 0U});
        auto& r = ranges[l.k];
        if (r.second == 0) {
            r.first = static_cast<std::uint32_t>(pool.size());
            detail::append_pv_events(*l.baseline, l.k, pool);
            r.second = static_cast<std::uint32_t>(pool.size()) + 1;  // +1: 0 means "not yet"
        }
        events.insert(events.end(), pool.begin() + r.first, pool.begin() + (r.second - 1));
    };
    for (std::size_t i = 0; i < n; ++i) {
        const auto& leaves = leaves_of[i];
        if (leaves.empty()) {
            t.planned_start[i] = t.planned_finish[i] = t.forecast_finish[i] = status_date;
            t.schedule[i] = EarnedSchedule{};
            continue;
        }
        Instant s = leaves.front().baseline->start[leaves.front().k], f = leaves.front().baseline->finish[leaves.front().k];
        for (const auto& l : leaves) {
            s = std::min(s, l.baseline->start[l.k]);
            f = std::max(f, l.baseline->finish[l.k]);
        }
        events.clear();
        for (const auto& l : leaves) leaf_events(l);
        detail::pv_curve(events, s, tt, pv);
        t.planned_start[i] = s;
        t.planned_finish[i] = f;
        // Lipke: actual time stops at the actual finish once the work is complete.
        const Instant at = complete[i] != 0 ? finished[i] : status_date;
        t.schedule[i] = earned_schedule(tt, pv, static_cast<double>(t.ev[i].minor_units()), static_cast<double>((at - s).count()),
                                        static_cast<double>((f - s).count()));
        t.forecast_finish[i] = complete[i] != 0 ? finished[i] : forecast_finish(s, t.schedule[i]);
    }
    return t;
}

}  // namespace ppm
