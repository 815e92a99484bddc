// validate(portfolio): every problem in a model, without throwing.
//
// Checks, in this order (docs/model.md, "Validation"): ids (empty, duplicate per kind; tasks are
// unique across the whole portfolio), calendars (unknown or cyclic base chains, intervals out of
// 0..1440 / unsorted / overlapping, exception ranges, no working time), resources, programs
// (unknown or cyclic parents), projects, tasks (WBS parents, durations, milestones, constraints,
// progress, assignments, links) and finally dependency cycles.
//
// Dependency cycles are found with Tarjan's strongly connected components algorithm (Tarjan 1972,
// "Depth-first search and linear graph algorithms", SIAM J. Computing 1(2)); each non-trivial
// component is reported once, as one elementary cycle through its members found by a DFS that
// stays inside the component, starting from the member that comes first in file order.
#include "ppm/core/validate.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ppm {

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

class Checker {
public:
    explicit Checker(const Portfolio& p) : p_(p) {}

    std::vector<Problem> run() {
        std::uint32_t first = 0;
        for (const auto& pr : p_.projects) {
            first_flat_.push_back(first);
            first += static_cast<std::uint32_t>(pr.tasks.size());
        }
        index_ids();
        check_calendars();
        check_resources();
        check_programs();
        check_projects_and_tasks();
        check_dependency_cycles();
        check_earned_value_rules();
        return std::move(problems_);
    }

private:
    void add(const ModelError& e, Severity s = Severity::error) {
        problems_.push_back(Problem{.severity = s, .code = e.code(), .message = e.what(), .ids = e.ids()});
    }
    void add_problem(Severity s, ErrorCode code, std::string message, std::vector<std::string> ids) {
        problems_.push_back(Problem{.severity = s, .code = code, .message = std::move(message), .ids = std::move(ids)});
    }

    // ---- ids -------------------------------------------------------------------------------
    template <class Range>
    void index_kind(const Range& range, std::string_view kind, std::unordered_map<std::string, std::uint32_t>& map) {
        std::uint32_t i = 0;
        for (const auto& e : range) {
            if (e.id.empty())
                add(ModelError::missing_value(std::string(kind) + " id", std::string("#") + std::to_string(i + 1)));
            else if (!map.emplace(e.id.str(), i).second)
                add(ModelError::duplicate_id(kind, e.id.str()));
            ++i;
        }
    }

    void index_ids() {
        index_kind(p_.calendars, "calendar", calendars_);
        index_kind(p_.resources, "resource", resources_);
        index_kind(p_.programs, "program", programs_);
        index_kind(p_.projects, "project", projects_);
        // Tasks: unique across the portfolio (links may cross projects).
        for (std::uint32_t pi = 0; pi < p_.projects.size(); ++pi) {
            const Project& pr = p_.projects[pi];
            for (std::uint32_t ti = 0; ti < pr.tasks.size(); ++ti) {
                const Task& t = pr.tasks[ti];
                const auto flat = static_cast<std::uint32_t>(task_project_.size());
                task_project_.push_back(pi);
                task_local_.push_back(ti);
                task_ptr_.push_back(&t);
                if (t.id.empty())
                    add(ModelError::missing_value("task id", std::string("#") + std::to_string(ti + 1) + " of project " + pr.id.str()));
                else if (!tasks_.emplace(t.id.str(), flat).second)
                    add(ModelError::duplicate_id("task", t.id.str()));
            }
        }
        if (p_.default_calendar && !calendars_.contains(p_.default_calendar->str()))
            add(ModelError::unknown_id("calendar", p_.default_calendar->str(), "default calendar of the portfolio"));
    }

    void check_calendar_ref(const std::optional<CalendarId>& id, const std::string& where) {
        if (id && !calendars_.contains(id->str())) add(ModelError::unknown_id("calendar", id->str(), where));
    }

    // ---- calendars -------------------------------------------------------------------------
    void check_day(const DaySchedule& day, const std::string& cal, const std::string& what) {
        int prev_finish = -1;
        for (const auto& iv : day) {
            if (iv.start < 0 || iv.finish > 1440 || iv.start >= iv.finish) {
                add(ModelError::invalid_value("working interval", cal,
                                              what + ": [" + std::to_string(iv.start) + ", " + std::to_string(iv.finish) +
                                                  ") must satisfy 0 <= start < finish <= 1440 minutes"));
            } else if (iv.start < prev_finish) {
                add(ModelError::invalid_value("working interval", cal,
                                              what + ": intervals must be sorted and must not overlap (interval starting at minute " +
                                                  std::to_string(iv.start) + ")"));
            }
            prev_finish = std::max(prev_finish, iv.finish);
        }
    }

    void check_calendars() {
        static constexpr const char* kDays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        const auto n = static_cast<std::uint32_t>(p_.calendars.size());
        std::vector<std::uint32_t> base(n, kNone);
        for (std::uint32_t i = 0; i < n; ++i) {
            const Calendar& c = p_.calendars[i];
            if (c.base) {
                auto it = calendars_.find(c.base->str());
                if (it == calendars_.end())
                    add(ModelError::unknown_id("calendar", c.base->str(), "base of calendar " + c.id.str()));
                else
                    base[i] = it->second;
            }
            for (int d = 0; d < 7; ++d)
                if (c.week[static_cast<std::size_t>(d)]) check_day(*c.week[static_cast<std::size_t>(d)], c.id.str(), kDays[d]);
            for (const auto& ex : c.exceptions) {
                check_day(ex.hours, c.id.str(), "exception '" + ex.name + "'");
                if (ex.to < ex.from)
                    add(ModelError::invalid_value("exception range", c.id.str(),
                                                  "exception '" + ex.name + "' ends (" + to_string(ex.to) + ") before it starts (" +
                                                      to_string(ex.from) + ")"));
            }
        }
        // Base chains: report each cycle once (by its member that comes first in file order).
        std::vector<char> in_cycle(n, 0);
        for (std::uint32_t i = 0; i < n; ++i) {
            std::vector<std::uint32_t> chain;
            std::vector<char> seen(n, 0);
            std::uint32_t c = i;
            while (c != kNone && !seen[c]) {
                seen[c] = 1;
                chain.push_back(c);
                c = base[c];
            }
            if (c == kNone || in_cycle[c]) continue;
            // c is on a cycle: collect it starting from its smallest member.
            std::vector<std::uint32_t> cyc{c};
            for (std::uint32_t k = base[c]; k != c; k = base[k]) cyc.push_back(k);
            std::rotate(cyc.begin(), std::min_element(cyc.begin(), cyc.end()), cyc.end());
            std::vector<std::string> names;
            for (auto k : cyc) {
                in_cycle[k] = 1;
                names.push_back(p_.calendars[k].id.str());
            }
            add(ModelError::cycle("calendar base", std::move(names)));
        }
        // No working time: the week as inherited through the base chain, plus exceptions anywhere in the chain.
        for (std::uint32_t i = 0; i < n; ++i) {
            if (in_cycle[i]) continue;
            bool works = false;
            std::vector<char> seen(n, 0);
            std::array<bool, 7> resolved{};
            for (std::uint32_t c = i; c != kNone && !seen[c]; c = base[c]) {
                seen[c] = 1;
                const Calendar& cal = p_.calendars[c];
                for (std::size_t d = 0; d < 7; ++d) {
                    if (resolved[d] || !cal.week[d]) continue;
                    resolved[d] = true;
                    if (!cal.week[d]->empty()) works = true;
                }
                for (const auto& ex : cal.exceptions)
                    if (!ex.hours.empty()) works = true;
            }
            if (!works) add(ModelError::no_working_time(p_.calendars[i].id.str()));
        }
    }

    // ---- resources and programs -------------------------------------------------------------
    void check_resources() {
        for (const Resource& r : p_.resources) {
            check_calendar_ref(r.calendar, "calendar of resource " + r.id.str());
            if (!(r.max_units >= 0.0))
                add(ModelError::invalid_value("max units", r.id.str(), std::to_string(r.max_units) + " (must be >= 0)"));
            for (const auto& a : r.availability) {
                if (!(a.units >= 0.0))
                    add(ModelError::invalid_value("availability units", r.id.str(),
                                                  std::to_string(a.units) + " from " + to_string(a.from) + " (must be >= 0)"));
                if (a.to <= a.from)
                    add(ModelError::invalid_value("availability period", r.id.str(),
                                                  "from " + to_string(a.from) + " to " + to_string(a.to) + " (must end after it starts)"));
            }
        }
    }

    void check_programs() {
        const auto n = static_cast<std::uint32_t>(p_.programs.size());
        std::vector<std::uint32_t> parent(n, kNone);
        for (std::uint32_t i = 0; i < n; ++i) {
            const Program& g = p_.programs[i];
            if (!g.parent) continue;
            auto it = programs_.find(g.parent->str());
            if (it == programs_.end())
                add(ModelError::unknown_id("program", g.parent->str(), "parent of program " + g.id.str()));
            else
                parent[i] = it->second;
        }
        report_parent_cycles(parent, [&](std::uint32_t i) { return p_.programs[i].id.str(); }, "program parent");
    }

    // Reports each cycle of a "parent" forest once, members in parent order from the first in file order.
    template <class NameOf>
    void report_parent_cycles(const std::vector<std::uint32_t>& parent, NameOf name_of, std::string_view kind) {
        const auto n = static_cast<std::uint32_t>(parent.size());
        std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on current walk, 2 done
        for (std::uint32_t i = 0; i < n; ++i) {
            std::vector<std::uint32_t> walk;
            std::uint32_t c = i;
            while (c != kNone && state[c] == 0) {
                state[c] = 1;
                walk.push_back(c);
                c = parent[c];
            }
            if (c != kNone && state[c] == 1) {
                auto from = std::find(walk.begin(), walk.end(), c);
                std::vector<std::uint32_t> cyc(from, walk.end());
                std::rotate(cyc.begin(), std::min_element(cyc.begin(), cyc.end()), cyc.end());
                std::vector<std::string> names;
                for (auto k : cyc) names.push_back(name_of(k));
                add(ModelError::cycle(kind, std::move(names)));
            }
            for (auto k : walk) state[k] = 2;
        }
    }

    // ---- projects and tasks -----------------------------------------------------------------
    void check_projects_and_tasks() {
        std::vector<std::uint32_t> wbs_parent(task_ptr_.size(), kNone);
        for (std::uint32_t pi = 0; pi < p_.projects.size(); ++pi) {
            const Project& pr = p_.projects[pi];
            const std::string& pid = pr.id.str();
            if (pr.program && !programs_.contains(pr.program->str()))
                add(ModelError::unknown_id("program", pr.program->str(), "program of project " + pid));
            check_calendar_ref(pr.calendar, "calendar of project " + pid);
            if (pr.minutes_per_day <= 0 || pr.minutes_per_day > kMinutesPerDay)
                add(ModelError::invalid_value("minutes per day", pid, std::to_string(pr.minutes_per_day) + " (must be 1..1440)"));
            if (pr.minutes_per_week <= 0 || pr.minutes_per_week > 7 * kMinutesPerDay)
                add(ModelError::invalid_value("minutes per week", pid, std::to_string(pr.minutes_per_week) + " (must be 1..10080)"));
            if (!(pr.delay_weight >= 0.0 && pr.delay_weight <= 1e9))  // also rejects NaN
                add(ModelError::invalid_value("delay weight", pid, std::to_string(pr.delay_weight) + " (must be 0..1e9)"));
            if (pr.priority < 0 || pr.priority > 1000)
                add(ModelError::invalid_value("priority", pid, std::to_string(pr.priority) + " (must be 0..1000)"));
            if (pr.deadline && *pr.deadline < pr.start)
                add(ModelError::inconsistent("deadline", pid, "deadline " + to_string(*pr.deadline) + " is before the project start " +
                                                                  to_string(pr.start)),
                    Severity::warning);
            if (!pr.calendar && !p_.default_calendar)
                add(ModelError::missing_value("calendar (no project calendar and no portfolio default calendar)", pid),
                    Severity::warning);

            for (std::uint32_t ti = 0; ti < pr.tasks.size(); ++ti) {
                const Task& t = pr.tasks[ti];
                const std::string& id = t.id.str();
                if (t.parent) {
                    auto it = tasks_.find(t.parent->str());
                    if (it == tasks_.end()) {
                        add(ModelError::unknown_id("task", t.parent->str(), "WBS parent of task " + id));
                    } else if (task_project_[it->second] != pi) {
                        add(ModelError::invalid_value("WBS parent", id,
                                                      "parent " + t.parent->str() + " belongs to another project (" +
                                                          p_.projects[task_project_[it->second]].id.str() + ")"));
                    } else {
                        wbs_parent[first_flat_[pi] + ti] = it->second;
                        if (task_local_[it->second] > ti)
                            add(ModelError::invalid_value("outline order", id,
                                                          "WBS parent " + t.parent->str() + " must come before its children"));
                    }
                }
                check_task(t);
            }
        }
        report_parent_cycles(wbs_parent, [&](std::uint32_t i) { return task_ptr_[i]->id.str(); }, "WBS parent");
    }

    void check_task(const Task& t) {
        const std::string& id = t.id.str();
        check_calendar_ref(t.calendar, "calendar of task " + id);
        if (t.duration.count() < 0) add(ModelError::negative_duration("duration", id));
        if (t.milestone && t.duration.count() != 0)
            add(ModelError::invalid_value("milestone duration", id,
                                          std::to_string(t.duration.count()) + " minutes (a milestone must have duration 0)"));
        const auto ct = t.constraint.type;
        if (ct != ConstraintType::as_soon_as_possible && ct != ConstraintType::as_late_as_possible && !t.constraint.date)
            add(ModelError::missing_value(std::string("date of constraint ") + std::string(to_string(ct)), id));
        if (t.priority < 0 || t.priority > 1000)
            add(ModelError::invalid_value("priority", id, std::to_string(t.priority) + " (must be 0..1000)"));

        const Progress& g = t.progress;
        if (!(g.percent_complete >= 0.0 && g.percent_complete <= 100.0))
            add(ModelError::invalid_value("percent complete", id, std::to_string(g.percent_complete) + " (must be 0..100)"));
        if (g.remaining_duration && g.remaining_duration->count() < 0) add(ModelError::negative_duration("remaining duration", id));
        if (g.actual_finish && !g.actual_start)
            add(ModelError::inconsistent("progress", id, "actual finish " + to_string(*g.actual_finish) + " without an actual start"));
        if (g.actual_finish && g.actual_start && *g.actual_finish < *g.actual_start)
            add(ModelError::inconsistent("progress", id,
                                         "actual finish " + to_string(*g.actual_finish) + " is before actual start " +
                                             to_string(*g.actual_start)));

        for (const Assignment& a : t.assignments) {
            const std::string where = "resource " + a.resource.str() + " on task " + id;
            if (!resources_.contains(a.resource.str())) add(ModelError::unknown_id("resource", a.resource.str(), "assigned to task " + id));
            if (!(a.units >= 0.0)) add(ModelError::invalid_value("assignment units", id, std::to_string(a.units) + " for resource " +
                                                                                               a.resource.str() + " (must be >= 0)"));
            if (a.work && a.work->count() < 0) add(ModelError::negative_duration("work (" + where + ")", id));
            if (a.actual_work && a.actual_work->count() < 0) add(ModelError::negative_duration("actual work (" + where + ")", id));
        }

        std::vector<std::string> seen;
        for (const Dependency& d : t.predecessors) {
            const std::string& pred = d.predecessor.str();
            if (!tasks_.contains(pred)) add(ModelError::unknown_id("task", pred, "predecessor of task " + id));
            if (std::find(seen.begin(), seen.end(), pred) != seen.end())
                add_problem(Severity::warning, ErrorCode::duplicate_id,
                            "task '" + id + "' lists predecessor '" + pred + "' more than once", {id, pred});
            seen.push_back(pred);
            if (d.lag.unit == LagUnit::percent && !(d.lag.percent >= -100.0 && d.lag.percent <= 10000.0))
                add(ModelError::invalid_value("lag percent", id,
                                              std::to_string(d.lag.percent) + " on the link from " + pred + " (must be -100..10000)"));
        }
    }

    // ---- dependency cycles (Tarjan SCC, iterative) ------------------------------------------
    void check_dependency_cycles() {
        const auto n = static_cast<std::uint32_t>(task_ptr_.size());
        // CSR successors: edge pred -> task.
        std::vector<std::uint32_t> offset(n + 1, 0);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
        for (std::uint32_t v = 0; v < n; ++v) {
            // Only the first task of a duplicated id takes part; duplicates are reported already.
            auto own = tasks_.find(task_ptr_[v]->id.str());
            if (own == tasks_.end() || own->second != v) continue;
            for (const Dependency& d : task_ptr_[v]->predecessors) {
                auto it = tasks_.find(d.predecessor.str());
                if (it != tasks_.end()) edges.emplace_back(it->second, v);
            }
        }
        std::stable_sort(edges.begin(), edges.end(), [](auto a, auto b) { return a.first < b.first; });
        for (auto [u, v] : edges) ++offset[u + 1];
        for (std::uint32_t v = 0; v < n; ++v) offset[v + 1] += offset[v];
        std::vector<std::uint32_t> succ(edges.size());
        for (std::size_t e = 0; e < edges.size(); ++e) succ[e] = edges[e].second;

        std::vector<std::uint32_t> index(n, kNone), low(n, 0), comp(n, kNone), stack, next_edge(n, 0);
        std::vector<char> on_stack(n, 0);
        std::uint32_t counter = 0, comps = 0;
        std::vector<std::uint32_t> call;
        for (std::uint32_t root = 0; root < n; ++root) {
            if (index[root] != kNone) continue;
            call.push_back(root);
            index[root] = low[root] = counter++;
            next_edge[root] = offset[root];
            stack.push_back(root);
            on_stack[root] = 1;
            while (!call.empty()) {
                const std::uint32_t v = call.back();
                if (next_edge[v] < offset[v + 1]) {
                    const std::uint32_t w = succ[next_edge[v]++];
                    if (index[w] == kNone) {
                        index[w] = low[w] = counter++;
                        next_edge[w] = offset[w];
                        stack.push_back(w);
                        on_stack[w] = 1;
                        call.push_back(w);
                    } else if (on_stack[w]) {
                        low[v] = std::min(low[v], index[w]);
                    }
                    continue;
                }
                call.pop_back();
                if (!call.empty()) low[call.back()] = std::min(low[call.back()], low[v]);
                if (low[v] == index[v]) {
                    std::uint32_t w = kNone;
                    do {
                        w = stack.back();
                        stack.pop_back();
                        on_stack[w] = 0;
                        comp[w] = comps;
                    } while (w != v);
                    ++comps;
                }
            }
        }
        // Group members per component; a component is a cycle when it has > 1 member or a self link.
        std::vector<std::vector<std::uint32_t>> members(comps);
        for (std::uint32_t v = 0; v < n; ++v)
            if (comp[v] != kNone) members[comp[v]].push_back(v);
        std::vector<std::uint32_t> order;  // components by their first member in file order
        for (std::uint32_t c = 0; c < comps; ++c) order.push_back(c);
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return members[a].front() < members[b].front(); });
        for (std::uint32_t c : order) {
            const auto& m = members[c];
            const std::uint32_t start = m.front();
            bool self = false;
            for (std::uint32_t e = offset[start]; e < offset[start + 1]; ++e) self = self || succ[e] == start;
            if (m.size() == 1 && !self) continue;
            add(ModelError::cycle("dependency", cycle_through(start, c, comp, offset, succ)));
        }
    }

    // ---- earned-value rules ----------------------------------------------------------------
    // Each rule on its own (check_earned_value_rule), and apportioned effort's base: a leaf task of
    // the same project, the chain of bases ending at a task that is not apportioned.
    void check_earned_value_rules() {
        std::set<std::vector<std::string>> reported;  // apportioned cycles, by their sorted members
        for (const Project& pr : p_.projects) {
            std::unordered_map<std::string, const Task*> task_of;
            std::unordered_map<std::string, char> summary;
            for (const Task& t : pr.tasks) {
                task_of.emplace(t.id.str(), &t);
                if (t.parent) summary.emplace(t.parent->str(), 1);
            }
            for (const Task& t : pr.tasks) {
                try {
                    check_earned_value_rule(t.earned_value, t.id);
                } catch (const ModelError& e) {
                    add(e);
                    continue;
                }
                if (t.earned_value.method != EarnedValueMethod::apportioned_effort) continue;
                std::vector<std::string> chain{t.id.str()};
                const Task* at = &t;
                while (at->earned_value.method == EarnedValueMethod::apportioned_effort && at->earned_value.apportioned_to) {
                    const std::string base = at->earned_value.apportioned_to->str();
                    const auto it = task_of.find(base);
                    if (it == task_of.end()) {
                        add(ModelError::unknown_id("task", base, "earned-value apportioned_to of task " + at->id.str() + " (project " + pr.id.str() + ")"));
                        break;
                    }
                    if (summary.contains(base)) {
                        add(ModelError::invalid_value("earned-value apportioned_to", at->id.str(), "\"" + base + "\" is a summary task; name a leaf task"));
                        break;
                    }
                    if (const auto again = std::find(chain.begin(), chain.end(), base); again != chain.end()) {
                        // A cycle through `t` (one reaching a cycle elsewhere is reported from there), once.
                        std::vector<std::string> members(again, chain.end());
                        std::vector<std::string> key = members;
                        std::sort(key.begin(), key.end());
                        if (again == chain.begin() && reported.insert(std::move(key)).second)
                            add(ModelError::cycle("apportioned effort", std::move(members)));
                        break;
                    }
                    chain.push_back(base);
                    at = it->second;
                }
            }
        }
    }

    // An elementary cycle start -> ... -> start inside component `c`, by DFS (smallest successor first).
    std::vector<std::string> cycle_through(std::uint32_t start, std::uint32_t c, const std::vector<std::uint32_t>& comp,
                                           const std::vector<std::uint32_t>& offset, const std::vector<std::uint32_t>& succ) const {
        std::vector<std::uint32_t> path{start};
        std::vector<std::uint32_t> edge{offset[start]};
        std::unordered_map<std::uint32_t, char> visited{{start, 1}};
        while (!path.empty()) {
            const std::uint32_t v = path.back();
            if (edge.back() >= offset[v + 1]) {
                path.pop_back();
                edge.pop_back();
                continue;
            }
            const std::uint32_t w = succ[edge.back()++];
            if (comp[w] != c) continue;
            if (w == start) break;
            if (visited.contains(w)) continue;
            visited.emplace(w, 1);
            path.push_back(w);
            edge.push_back(offset[w]);
        }
        std::vector<std::string> names;
        for (auto v : path) names.push_back(task_ptr_[v]->id.str());
        return names;
    }

    const Portfolio& p_;
    std::vector<Problem> problems_;
    std::unordered_map<std::string, std::uint32_t> calendars_, resources_, programs_, projects_, tasks_;
    std::vector<std::uint32_t> task_project_, task_local_, first_flat_;
    std::vector<const Task*> task_ptr_;
};

}  // namespace

std::vector<Problem> validate(const Portfolio& portfolio) {
    return Checker(portfolio).run();
}

void throw_if_invalid(const Portfolio& portfolio) {
    for (auto& p : validate(portfolio))
        if (p.severity == Severity::error) throw ModelError(p.code, p.message, std::move(p.ids));
}

std::string_view to_string(Severity s) noexcept { return s == Severity::error ? "error" : "warning"; }

}  // namespace ppm
