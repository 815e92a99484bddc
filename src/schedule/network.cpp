// Network: compiles a Portfolio into CSR link arrays, per-task calendars, the WBS tree and a
// topological order (Kahn 1962, "Topological sorting of large networks", CACM 5(11), with the
// smallest ready index first). Cycles are
// reported with their members in order along the cycle.
#include "ppm/schedule/network.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm {

namespace {
constexpr std::uint32_t kNone = TaskIndex::kInvalid;
}  // namespace

struct NetworkBuilder {
    const Portfolio& pf;
    const NetworkOptions& opt;
    Network& net;
    std::unordered_map<std::string, CalendarIndex> cal_index;

    CalendarIndex calendar(const CalendarId& id, std::string_view where) {
        if (auto it = cal_index.find(id.str()); it != cal_index.end()) return it->second;
        if (pf.find_calendar(id) == nullptr) throw ModelError::unknown_id("calendar", id.str(), where);
        net.calendars_.push_back(WorkCalendar::compile(pf.calendars, id, net.horizon_first_, net.horizon_last_));
        net.calendar_ids_.push_back(id);
        const CalendarIndex idx{static_cast<std::uint32_t>(net.calendars_.size() - 1)};
        cal_index.emplace(id.str(), idx);
        return idx;
    }

    // Priorities and resource assignments (CSR, resources by position), in task order.
    void assignments() {
        std::unordered_map<std::string, std::uint32_t> resource_index;
        resource_index.reserve(pf.resources.size());
        for (std::size_t r = 0; r < pf.resources.size(); ++r) resource_index.emplace(pf.resources[r].id.str(), static_cast<std::uint32_t>(r));
        net.task_priority_.reserve(net.task_ids_.size());
        net.assignment_offsets_.assign(1, 0);
        for (const auto& p : pf.projects)
            for (const auto& t : p.tasks) {
                net.task_priority_.push_back(t.priority);
                for (const Assignment& a : t.assignments) {
                    const auto it = resource_index.find(a.resource.str());
                    if (it == resource_index.end()) {
                        net.build_warnings_.push_back("task " + t.id.str() + ": assignment to unknown resource " + a.resource.str() +
                                                      " left out");
                        continue;
                    }
                    net.assignment_resource_.emplace_back(it->second);
                    net.assignment_units_.push_back(a.units);
                }
                net.assignment_offsets_.push_back(static_cast<std::uint32_t>(net.assignment_units_.size()));
            }
    }

    void horizon() {
        bool any = false;
        Date lo{}, hi{};
        auto see = [&](Instant t) {
            const Date d = t.date();
            if (!any) lo = hi = d;
            lo = std::min(lo, d);
            hi = std::max(hi, d);
            any = true;
        };
        if (pf.status_date) see(*pf.status_date);
        for (const auto& p : pf.projects) {
            see(p.start);
            if (p.deadline) see(*p.deadline);
            if (p.status_date) see(*p.status_date);
            for (const auto& t : p.tasks) {
                if (t.constraint.date) see(*t.constraint.date);
                if (t.deadline) see(*t.deadline);
                if (t.progress.actual_start) see(*t.progress.actual_start);
                if (t.progress.actual_finish) see(*t.progress.actual_finish);
            }
        }
        for (const auto& c : pf.calendars)
            for (const auto& ex : c.exceptions) net.has_yearly_ = net.has_yearly_ || ex.yearly;
        if (!any) lo = hi = Date::from_ymd(2000, 1, 3);
        net.horizon_first_ = lo - opt.days_before;
        net.horizon_last_ = hi + opt.days_after;
    }

    void tasks() {
        const auto n_projects = pf.projects.size();
        net.project_ids_.reserve(n_projects);
        std::size_t n = 0;
        for (const auto& p : pf.projects) n += p.tasks.size();
        net.task_ids_.reserve(n);
        net.index_.reserve(n);
        // The 24/7 calendar is always index 0 (elapsed lags, projects without calendar).
        net.calendars_.emplace_back();
        net.calendar_ids_.emplace_back();
        for (std::size_t pi = 0; pi < n_projects; ++pi) {
            const Project& p = pf.projects[pi];
            net.project_ids_.push_back(p.id);
            net.project_start_.push_back(p.start.minutes_since_epoch());
            net.project_deadline_.push_back(p.deadline ? p.deadline->minutes_since_epoch() : kNoDate);
            const auto status = p.status_date ? p.status_date : pf.status_date;
            net.project_status_.push_back(status ? status->minutes_since_epoch() : kNoDate);
            CalendarIndex pcal{0};
            if (p.calendar) pcal = calendar(*p.calendar, "calendar of project " + p.id.str());
            else if (pf.default_calendar) pcal = calendar(*pf.default_calendar, "default calendar of the portfolio");
            else net.build_warnings_.push_back("project " + p.id.str() + " has no calendar and the portfolio no default: 24/7 used");
            net.project_calendar_.push_back(pcal);
            net.project_priority_.push_back(p.priority);
            net.project_delay_weight_.push_back(p.delay_weight);
            for (const auto& t : p.tasks) {
                const auto idx = static_cast<std::uint32_t>(net.task_ids_.size());
                if (!net.index_.emplace(t.id.str(), idx).second) throw ModelError::duplicate_id("task", t.id.str());
                net.task_ids_.push_back(t.id);
                net.project_of_.emplace_back(static_cast<std::uint32_t>(pi));
                net.calendar_of_.push_back(t.calendar ? calendar(*t.calendar, "calendar of task " + t.id.str()) : pcal);
            }
        }
        net.parent_.assign(n, kNone);
        net.is_summary_.assign(n, 0);
        net.is_milestone_.assign(n, 0);
        net.duration_.assign(n, 0);
        net.constraint_type_.assign(n, ConstraintType::as_soon_as_possible);
        net.constraint_date_.assign(n, kNoDate);
        for (auto* v : {&net.start_floor_, &net.finish_floor_, &net.start_cap_, &net.finish_cap_}) v->assign(n, kNoDate);
        net.deadline_.assign(n, kNoDate);
        net.progress_state_.assign(n, ProgressState::not_started);
        net.actual_start_.assign(n, kNoDate);
        net.actual_finish_.assign(n, kNoDate);
        net.remaining_.assign(n, 0);
        std::uint32_t i = 0;
        for (const auto& p : pf.projects) {
            for (const auto& t : p.tasks) {
                if (t.parent) {
                    const auto it = net.index_.find(t.parent->str());
                    if (it == net.index_.end()) throw ModelError::unknown_id("task", t.parent->str(), "parent of task " + t.id.str());
                    if (it->second == i) throw ModelError::cycle("WBS parent", {t.id.str()});
                    net.parent_[i] = it->second;
                    net.is_summary_[it->second] = 1;
                }
                ++i;
            }
        }
        // WBS cycles: follow parents; more than n steps means a loop.
        for (std::uint32_t k = 0; k < n; ++k) {
            std::uint32_t a = k;
            std::size_t steps = 0;
            while (a != kNone && steps <= n) {
                a = net.parent_[a];
                ++steps;
            }
            if (a != kNone) {
                std::vector<std::string> members;
                std::uint32_t b = a;
                do {
                    members.push_back(net.task_ids_[b].str());
                    b = net.parent_[b];
                } while (b != a);
                throw ModelError::cycle("WBS parent", std::move(members));
            }
        }
        i = 0;
        for (const auto& p : pf.projects) {
            for (const auto& t : p.tasks) {
                const std::string& id = t.id.str();
                if (t.duration.count() < 0) throw ModelError::negative_duration("duration of task", id);
                if (t.milestone && t.duration.count() != 0 && !net.is_summary_[i])
                    throw ModelError::invalid_value("duration of milestone", id, "a milestone has duration 0");
                net.is_milestone_[i] = t.milestone ? 1 : 0;
                net.duration_[i] = net.is_summary_[i] ? 0 : t.duration.count();
                constrain(i, id, t.constraint, p.honor_constraints);
                if (t.secondary_constraint) constrain(i, id, *t.secondary_constraint, p.honor_constraints);
                if (net.constraint_type_[i] == ConstraintType::as_late_as_possible && !net.is_summary_[i]) net.has_alap_ = true;
                if (t.deadline) net.deadline_[i] = t.deadline->minutes_since_epoch();
                progress(t, i);
                ++i;
            }
        }
        // Children CSR (in task order).
        net.child_offsets_.assign(n + 1, 0);
        for (std::uint32_t k = 0; k < n; ++k)
            if (net.parent_[k] != kNone) ++net.child_offsets_[net.parent_[k] + 1];
        for (std::size_t k = 0; k < n; ++k) net.child_offsets_[k + 1] += net.child_offsets_[k];
        net.children_.assign(net.child_offsets_[n], 0);
        std::vector<std::uint32_t> fill(net.child_offsets_.begin(), net.child_offsets_.end() - 1);
        for (std::uint32_t k = 0; k < n; ++k)
            if (net.parent_[k] != kNone) net.children_[fill[net.parent_[k]]++] = k;
    }

    void progress(const Task& t, std::uint32_t i) {
        const Progress& pr = t.progress;
        const std::string& id = t.id.str();
        if (pr.percent_complete < 0.0 || pr.percent_complete > 100.0)
            throw ModelError::invalid_value("percent complete", id, "must be within 0..100");
        if (pr.remaining_duration && pr.remaining_duration->count() < 0)
            throw ModelError::negative_duration("remaining duration of task", id);
        if (net.is_summary_[i]) return;  // a summary's progress rolls up from its children
        const std::int64_t d = net.duration_[i];
        if (pr.actual_finish && !pr.actual_start)
            throw ModelError::inconsistent("progress", id, "actual finish without actual start");
        if (pr.actual_start && pr.actual_finish && *pr.actual_finish < *pr.actual_start)
            throw ModelError::inconsistent("progress", id, "actual finish before actual start");
        if (pr.actual_finish) {
            net.progress_state_[i] = ProgressState::complete;
            net.actual_start_[i] = pr.actual_start->minutes_since_epoch();
            net.actual_finish_[i] = pr.actual_finish->minutes_since_epoch();
            return;
        }
        if (pr.actual_start) {
            net.progress_state_[i] = ProgressState::in_progress;
            net.actual_start_[i] = pr.actual_start->minutes_since_epoch();
            net.remaining_[i] = pr.remaining_duration
                                    ? pr.remaining_duration->count()
                                    : std::llround(static_cast<double>(d) * (1.0 - pr.percent_complete / 100.0));
            return;
        }
        if (pr.percent_complete > 0.0 || pr.remaining_duration)
            net.build_warnings_.push_back("task " + id + " has progress but no actual start: scheduled as not started with its full duration");
        net.remaining_[i] = d;
    }

    void leaves_below(std::uint32_t s, std::vector<std::uint32_t>& out) const {
        for (std::uint32_t k = net.child_offsets_[s]; k < net.child_offsets_[s + 1]; ++k) {
            const std::uint32_t c = net.children_[k];
            if (net.is_summary_[c]) leaves_below(c, out);
            else out.push_back(c);
        }
    }

    struct RawLink {
        std::uint32_t pred, succ;
        LinkType type;
        LagUnit unit;
        std::int64_t lag;
        double percent;
        CalendarIndex cal;
    };

    void links() {
        const std::size_t n = net.task_ids_.size();
        std::vector<RawLink> raw;
        std::vector<std::uint32_t> leaves;
        std::uint32_t s = 0;
        for (const auto& p : pf.projects) {
            for (const auto& t : p.tasks) {
                for (const auto& dep : t.predecessors) {
                    const auto it = net.index_.find(dep.predecessor.str());
                    if (it == net.index_.end())
                        throw ModelError::unknown_id("task", dep.predecessor.str(), "predecessor of task " + t.id.str());
                    const std::uint32_t pred = it->second;
                    if (pred == s) throw ModelError::cycle("dependency", {t.id.str()});
                    if (dep.lag.unit == LagUnit::percent && (dep.lag.percent < 0.0 || !std::isfinite(dep.lag.percent)))
                        throw ModelError::invalid_value("percent lag", t.id.str(), "must be >= 0 (predecessor " + dep.predecessor.str() + ")");
                    leaves.clear();
                    if (net.is_summary_[s]) leaves_below(s, leaves);
                    else leaves.push_back(s);
                    for (std::uint32_t succ : leaves) {
                        CalendarIndex cal{0};
                        switch (dep.lag_calendar) {
                            case LagCalendar::predecessor: cal = net.calendar_of_[pred]; break;
                            case LagCalendar::successor: cal = net.calendar_of_[succ]; break;
                            case LagCalendar::project: cal = net.project_calendar_[net.project_of_[succ].value()]; break;
                            case LagCalendar::twenty_four_hour: cal = CalendarIndex{0}; break;
                        }
                        raw.push_back({pred, succ, dep.type, dep.lag.unit, dep.lag.amount.count(), dep.lag.percent, cal});
                    }
                }
                ++s;
            }
        }
        // Group by successor (stable counting sort keeps file order within a task).
        const std::size_t m = raw.size();
        net.pred_offsets_.assign(n + 1, 0);
        for (const auto& r : raw) ++net.pred_offsets_[r.succ + 1];
        for (std::size_t k = 0; k < n; ++k) net.pred_offsets_[k + 1] += net.pred_offsets_[k];
        std::vector<std::uint32_t> pos(net.pred_offsets_.begin(), net.pred_offsets_.end() - 1);
        net.link_pred_.resize(m);
        net.link_succ_.resize(m);
        net.link_type_.resize(m);
        net.link_lag_unit_.resize(m);
        net.link_lag_.resize(m);
        net.link_percent_.resize(m);
        net.link_calendar_.resize(m);
        for (const auto& r : raw) {
            const std::uint32_t k = pos[r.succ]++;
            net.link_pred_[k] = r.pred;
            net.link_succ_[k] = r.succ;
            net.link_type_[k] = r.type;
            net.link_lag_unit_[k] = r.unit;
            net.link_lag_[k] = r.lag;
            net.link_percent_[k] = r.percent;
            net.link_calendar_[k] = r.cal;
        }
        net.succ_offsets_.assign(n + 1, 0);
        for (std::size_t k = 0; k < m; ++k) ++net.succ_offsets_[net.link_pred_[k] + 1];
        for (std::size_t k = 0; k < n; ++k) net.succ_offsets_[k + 1] += net.succ_offsets_[k];
        std::vector<std::uint32_t> spos(net.succ_offsets_.begin(), net.succ_offsets_.end() - 1);
        net.succ_links_.resize(m);
        for (std::uint32_t k = 0; k < m; ++k) net.succ_links_[spos[net.link_pred_[k]]++] = k;
    }

    // Folds one constraint of task i into the hard constraint, floors and caps
    // (docs/scheduling.md, "Constraints"). A second constraint that would also override logic
    // binds as its soft form (floor and cap), so the first one keeps the task.
    void constrain(std::uint32_t i, const std::string& id, const Constraint& c, bool honor) {
        using CT = ConstraintType;
        const CT ct = c.type;
        if (ct == CT::as_soon_as_possible) return;
        if (ct == CT::as_late_as_possible) {
            if (net.constraint_type_[i] == CT::as_soon_as_possible) net.constraint_type_[i] = ct;
            return;
        }
        if (!c.date) throw ModelError::missing_value("constraint date", id);
        const std::int64_t d = c.date->minutes_since_epoch();
        auto raise = [](std::int64_t& v, std::int64_t x) { v = v == kNoDate ? x : std::max(v, x); };
        auto lower = [](std::int64_t& v, std::int64_t x) { v = v == kNoDate ? x : std::min(v, x); };
        const bool free_slot = net.constraint_type_[i] == CT::as_soon_as_possible || net.constraint_type_[i] == CT::as_late_as_possible;
        auto hard = [&](CT as) {
            if (!free_slot) return false;
            net.constraint_type_[i] = as;
            net.constraint_date_[i] = d;
            return true;
        };
        const bool start = ct == CT::start_no_earlier_than || ct == CT::start_no_later_than || ct == CT::must_start_on ||
                           ct == CT::start_on || ct == CT::mandatory_start;
        std::int64_t& floor = start ? net.start_floor_[i] : net.finish_floor_[i];
        std::int64_t& cap = start ? net.start_cap_[i] : net.finish_cap_[i];
        switch (ct) {
            case CT::start_no_earlier_than:
            case CT::finish_no_earlier_than: raise(floor, d); return;
            case CT::start_no_later_than:
            case CT::finish_no_later_than:
                lower(cap, d);
                if (honor) hard(ct);
                return;
            case CT::must_start_on:
            case CT::must_finish_on:
                if (honor && hard(ct)) return;
                break;
            case CT::mandatory_start:
                if (hard(CT::must_start_on)) return;
                break;
            case CT::mandatory_finish:
                if (hard(CT::must_finish_on)) return;
                break;
            default: break;  // start_on, finish_on
        }
        raise(floor, d);
        lower(cap, d);
    }

    // Packed links for run_cpm's specialised loop (detail/cpm_fast_plan.hpp), when the network
    // qualifies: one calendar everywhere, working-minute lags, no summaries, progress,
    // constraints (other than ASAP) or deadlines.
    void fast_plan() {
        using Plan = detail::CpmFastPlan;
        Plan& fp = net.fast_plan_;
        fp = Plan{};
        const std::size_t n = net.task_ids_.size();
        const std::size_t m = net.link_pred_.size();
        if (n == 0 || n > Plan::kTaskMask || net.has_alap_) return;
        const CalendarIndex c = net.calendar_of_[0];
        for (std::size_t i = 0; i < n; ++i)
            if (net.calendar_of_[i] != c || net.is_summary_[i] || net.progress_state_[i] != ProgressState::not_started ||
                net.constraint_type_[i] != ConstraintType::as_soon_as_possible || net.deadline_[i] != kNoDate ||
                net.start_floor_[i] != kNoDate || net.finish_floor_[i] != kNoDate || net.start_cap_[i] != kNoDate ||
                net.finish_cap_[i] != kNoDate)
                return;
        for (const CalendarIndex pc : net.project_calendar_)
            if (pc != c) return;
        constexpr std::int64_t kLagLimit = std::int64_t{1} << 30;
        for (std::size_t k = 0; k < m; ++k)
            if (net.link_calendar_[k] != c || net.link_lag_unit_[k] != LagUnit::working || net.link_lag_[k] >= kLagLimit ||
                net.link_lag_[k] <= -kLagLimit)
                return;
        fp.calendar = c;
        fp.pred.resize(m);
        fp.pred_lag.resize(m);
        for (std::size_t k = 0; k < m; ++k) {
            const LinkType t = net.link_type_[k];
            const bool from_finish = t == LinkType::finish_start || t == LinkType::finish_finish;
            const bool to_finish = t == LinkType::finish_finish || t == LinkType::start_finish;
            fp.pred[k] = net.link_pred_[k] | (from_finish ? Plan::kHigh : 0u) | (to_finish ? Plan::kLow : 0u);
            fp.pred_lag[k] = static_cast<std::int32_t>(net.link_lag_[k]);
        }
        fp.succ.resize(m);
        fp.succ_lag.resize(m);
        for (std::size_t q = 0; q < m; ++q) {
            const std::uint32_t k = net.succ_links_[q];
            const LinkType t = net.link_type_[k];
            const bool to_start = t == LinkType::finish_start || t == LinkType::start_start;
            const bool from_start = t == LinkType::start_start || t == LinkType::start_finish;
            fp.succ[q] = net.link_succ_[k] | (to_start ? Plan::kHigh : 0u) | (from_start ? Plan::kLow : 0u);
            fp.succ_lag[q] = static_cast<std::int32_t>(net.link_lag_[k]);
        }
        fp.usable = true;
    }

    // Kahn's algorithm over links (pred -> succ) and roll-up edges (child -> parent).
    void topological_order() {
        const std::size_t n = net.task_ids_.size();
        std::vector<std::uint32_t> indegree(n, 0);
        for (std::size_t i = 0; i < n; ++i)
            indegree[i] = (net.pred_offsets_[i + 1] - net.pred_offsets_[i]) + (net.child_offsets_[i + 1] - net.child_offsets_[i]);
        net.topo_.clear();
        net.topo_.reserve(n);
        // Ready tasks leave in index order (a min-heap): a model already in topological file
        // order keeps it, so the passes walk the arrays sequentially (cache-friendly).
        std::priority_queue<std::uint32_t, std::vector<std::uint32_t>, std::greater<>> ready;
        for (std::uint32_t i = 0; i < n; ++i)
            if (indegree[i] == 0) ready.push(i);
        while (!ready.empty()) {
            const std::uint32_t u = ready.top();
            ready.pop();
            net.topo_.push_back(u);
            for (std::uint32_t k = net.succ_offsets_[u]; k < net.succ_offsets_[u + 1]; ++k) {
                const std::uint32_t v = net.link_succ_[net.succ_links_[k]];
                if (--indegree[v] == 0) ready.push(v);
            }
            const std::uint32_t p = net.parent_[u];
            if (p != kNone && --indegree[p] == 0) ready.push(p);
        }
        if (net.topo_.size() == n) return;
        // Every task left has an unprocessed incoming edge: walk incoming edges back until a task repeats.
        std::uint32_t start = 0;
        while (indegree[start] == 0) ++start;
        std::vector<std::uint32_t> seen_at(n, kNone);
        std::vector<std::uint32_t> walk;
        std::uint32_t u = start;
        while (seen_at[u] == kNone) {
            seen_at[u] = static_cast<std::uint32_t>(walk.size());
            walk.push_back(u);
            std::uint32_t next = kNone;
            for (std::uint32_t k = net.pred_offsets_[u]; k < net.pred_offsets_[u + 1] && next == kNone; ++k)
                if (indegree[net.link_pred_[k]] != 0) next = net.link_pred_[k];
            for (std::uint32_t k = net.child_offsets_[u]; k < net.child_offsets_[u + 1] && next == kNone; ++k)
                if (indegree[net.children_[k]] != 0) next = net.children_[k];
            u = next;
        }
        // walk[seen_at[u]..] is the cycle backwards; reverse it and start at the smallest index.
        std::vector<std::uint32_t> cycle(walk.begin() + seen_at[u], walk.end());
        std::reverse(cycle.begin(), cycle.end());
        std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
        std::vector<std::string> members;
        for (auto c : cycle) members.push_back(net.task_ids_[c].str());
        throw ModelError::cycle("dependency", std::move(members));
    }
};

Network::Network(const Portfolio& portfolio, const NetworkOptions& options) {
    NetworkBuilder b{portfolio, options, *this, {}};
    b.horizon();
    b.tasks();
    b.assignments();
    b.links();
    b.topological_order();
    b.fast_plan();
}

TaskIndex Network::index_of(const TaskId& id) const {
    const auto it = index_.find(id.str());
    return it == index_.end() ? TaskIndex{} : TaskIndex{it->second};
}

std::vector<Duration> Network::default_durations() const {
    std::vector<Duration> d(task_count());
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (is_summary_[i] || progress_state_[i] == ProgressState::complete) continue;
        d[i] = Duration{remaining_[i]};
    }
    return d;
}

}  // namespace ppm
