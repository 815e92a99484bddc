// Portfolio -> Monte Carlo input (choices documented in simulation_model.hpp and docs/risk.md).
#include "ppm/risk/simulation_model.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "ppm/core/error.hpp"

namespace ppm {

Instant SimulationModel::to_instant(std::int64_t working_minutes) const {
    if (working_minutes <= 0) return origin;
    if (elapsed) return Instant{origin.minutes_since_epoch() + working_minutes};
    return axis->finish_at_work(origin_work + working_minutes);
}

std::int64_t SimulationModel::to_minutes(Instant t) const {
    if (elapsed) return t.minutes_since_epoch() - origin.minutes_since_epoch();
    return axis->work_index(t) - origin_work;
}

std::string_view to_string(SimulationCalendars c) noexcept {
    switch (c) {
        case SimulationCalendars::automatic: return "automatic";
        case SimulationCalendars::axis: return "axis";
        case SimulationCalendars::per_task: return "per_task";
    }
    return "automatic";
}

namespace {

DurationDistribution scaled(const DurationDistribution& rel, double base) {
    DurationDistribution d = rel;
    d.min *= base;
    d.most_likely *= base;
    d.max *= base;
    d.mean *= base;
    d.stddev *= base;
    for (auto& v : d.values) v *= base;
    if (d.kind == DistributionKind::lognormal && d.mean <= 0.0) return DurationDistribution::fixed_at(0.0);
    return d;
}

}  // namespace

SimulationModel build_simulation_model(const Portfolio& portfolio, std::span<const Risk> risks, const UncertaintySpec& spec) {
    SimulationModel m;
    // The axis calendar.
    std::optional<CalendarId> cal = portfolio.default_calendar;
    for (const auto& p : portfolio.projects)
        if (!cal && p.calendar) cal = p.calendar;
    Instant origin{};
    bool first = true;
    for (const auto& p : portfolio.projects)
        if (first || p.start < origin) origin = p.start, first = false;
    m.origin = origin;
    if (cal) {
        const Date from = origin.date() - 14;
        m.axis = std::make_shared<WorkCalendar>(WorkCalendar::compile(portfolio.calendars, *cal, from, from + 365 * 30));
    } else {
        m.axis = std::make_shared<WorkCalendar>();
    }
    m.origin_work = m.axis->work_index(origin);
    const double week_share = static_cast<double>(m.axis->work_between(Instant::at(origin.date()), Instant::at(origin.date() + 7)).count()) /
                              static_cast<double>(7 * kMinutesPerDay);

    // Leaf tasks and summary expansion.
    std::unordered_map<TaskId, std::uint32_t> index;
    std::unordered_map<TaskId, std::vector<TaskId>> children;
    std::unordered_set<TaskId> summaries;
    std::vector<const Task*> leaf;
    std::vector<double> planned;
    for (const auto& p : portfolio.projects)
        for (const auto& t : p.tasks)
            if (t.parent) {
                children[*t.parent].push_back(t.id);
                summaries.insert(*t.parent);
            }
    std::vector<std::int64_t> release;
    for (std::uint32_t pi = 0; pi < portfolio.projects.size(); ++pi) {
        const auto& p = portfolio.projects[pi];
        m.project.push_back(p.id);
        const std::int64_t rel = std::max<std::int64_t>(0, m.to_minutes(p.start));
        // Work that remains at the status date is done after it (P6's data date, as the CPM does).
        const std::optional<Instant> status = p.status_date ? p.status_date : portfolio.status_date;
        const std::int64_t rel_remaining = status ? std::max(rel, m.to_minutes(*status)) : rel;
        for (const auto& t : p.tasks) {
            if (summaries.count(t.id) != 0) continue;
            if (index.count(t.id) != 0) throw ModelError::duplicate_id("task", t.id.str());
            index[t.id] = static_cast<std::uint32_t>(leaf.size());
            leaf.push_back(&t);
            m.task.push_back(t.id);
            m.project_of.emplace_back(pi);
            const bool done = t.progress.actual_finish || t.progress.percent_complete >= 100.0;
            release.push_back(done ? rel : rel_remaining);
        }
    }
    auto leaves_of = [&](const TaskId& id) {
        std::vector<std::uint32_t> out;
        std::vector<TaskId> stack{id};
        std::size_t guard = 0;
        while (!stack.empty()) {
            if (++guard > 10 * (leaf.size() + summaries.size() + 1)) throw ModelError::cycle("WBS parent", {id.str()});
            TaskId t = stack.back();
            stack.pop_back();
            if (auto it = index.find(t); it != index.end()) {
                out.push_back(it->second);
                continue;
            }
            auto ch = children.find(t);
            if (ch == children.end()) throw ModelError::unknown_id("task", t.str(), "simulation network");
            for (const auto& c : ch->second) stack.push_back(c);
        }
        return out;
    };

    // Durations (remaining), distributions.
    const std::size_t n = leaf.size();
    std::unordered_map<TaskId, const DurationDistribution*> explicit_dist;
    for (const auto& tu : spec.tasks) {
        if (index.count(tu.task) == 0) throw ModelError::unknown_id("task", tu.task.str(), "uncertainty section");
        explicit_dist[tu.task] = &tu.distribution;
    }
    m.input.duration.resize(n);
    m.input.cost_fixed.assign(n, 0.0);
    m.input.cost_per_minute.assign(n, 0.0);
    planned.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const Task& t = *leaf[i];
        const double dur = static_cast<double>(t.duration.count());
        planned[i] = dur;
        double remaining_share = 1.0;
        if (t.progress.actual_finish || t.progress.percent_complete >= 100.0) {
            remaining_share = 0.0;
        } else if (t.progress.remaining_duration && dur > 0.0) {
            remaining_share = std::clamp(static_cast<double>(t.progress.remaining_duration->count()) / dur, 0.0, 1.0);
        } else {
            remaining_share = 1.0 - t.progress.percent_complete / 100.0;
        }
        DurationDistribution d;
        if (auto it = explicit_dist.find(t.id); it != explicit_dist.end()) {
            d = scaled(*it->second, remaining_share);
        } else if (spec.relative_default && dur > 0.0) {
            d = scaled(*spec.relative_default, dur * remaining_share);
        } else {
            d = DurationDistribution::fixed_at(dur * remaining_share);
        }
        check_distribution(d, t.id.str());
        m.input.duration[i] = d;
        // Cost: fixed cost and assignment overrides fixed; rates per working minute of duration.
        double fixed = static_cast<double>(t.fixed_cost.minor_units());
        double rate = 0.0;
        for (const auto& a : t.assignments) {
            if (a.cost) {
                fixed += static_cast<double>(a.cost->minor_units());
                continue;
            }
            const Resource* r = portfolio.find_resource(a.resource);
            if (r == nullptr) throw ModelError::unknown_id("resource", a.resource.str(), "assignment of task " + t.id.str());
            if (r->cost_rates.empty()) continue;
            const double per_hour = static_cast<double>(r->cost_rates.front().standard_per_hour.minor_units());
            if (a.work && dur > 0.0) rate += per_hour / 60.0 * static_cast<double>(a.work->count()) / dur;
            else rate += per_hour / 60.0 * a.units;
            fixed += static_cast<double>(r->cost_rates.front().per_use.minor_units());
        }
        m.input.cost_fixed[i] = fixed;
        m.input.cost_per_minute[i] = rate;
    }

    // Links.
    std::vector<NetworkLink> links;
    auto add_links = [&](const Task& owner) {
        const auto succ = leaves_of(owner.id);
        for (const auto& dep : owner.predecessors) {
            const auto preds = leaves_of(dep.predecessor);
            for (auto pi : preds) {
                std::int64_t lag = 0;
                switch (dep.lag.unit) {
                    case LagUnit::working: lag = dep.lag.amount.count(); break;
                    case LagUnit::elapsed: lag = std::llround(static_cast<double>(dep.lag.amount.count()) * week_share); break;
                    case LagUnit::percent: lag = std::llround(dep.lag.percent / 100.0 * planned[pi]); break;
                }
                for (auto si : succ) links.push_back({pi, si, dep.type, lag});
            }
        }
    };
    for (const auto& p : portfolio.projects)
        for (const auto& t : p.tasks) add_links(t);
    try {
        m.network = std::make_shared<SimulationNetwork>(SimulationNetwork::build(n, links, release));
    } catch (const ModelError& e) {
        if (e.code() != ErrorCode::cycle) throw;
        std::vector<std::string> ids;
        for (const auto& s : e.ids()) ids.push_back(m.task[std::stoul(s)].str());
        throw ModelError::cycle("task", ids);
    }
    m.input.network = m.network.get();

    // Resources for levelling inside iterations: work resources, integer percent units.
    {
        SimulationResources res;
        std::unordered_map<ResourceId, std::size_t> rindex;
        for (const auto& r : portfolio.resources)
            if (r.type == ResourceType::work) {
                rindex[r.id] = res.capacity.size();
                res.capacity.push_back(static_cast<std::int32_t>(std::clamp(std::llround(r.max_units * 100.0), 0LL, 1'000'000LL)));
            }
        const std::size_t nr = res.capacity.size();
        res.demand.assign(n * nr, 0);
        for (std::size_t i = 0; i < n; ++i)
            for (const auto& a : leaf[i]->assignments) {
                auto it = rindex.find(a.resource);
                if (it == rindex.end()) continue;  // material / cost resources do not level
                auto& dem = res.demand[i * nr + it->second];
                const auto units = std::clamp(std::llround(a.units * 100.0), 0LL, 1'000'000LL);
                dem = static_cast<std::int32_t>(std::min<long long>(res.capacity[it->second], dem + units));
            }
        res.links = links;
        res.release = release;
        res.period_minutes = spec.level_period;
        m.input.resources = std::move(res);
    }

    // Per-task calendars: the exact CPM network when the leaves use more than one calendar, unless
    // iterations are levelled (levelling works on the single working-time axis).
    bool per_task = spec.calendars == SimulationCalendars::per_task;
    if (spec.calendars == SimulationCalendars::automatic && !spec.level) {
        std::optional<std::optional<CalendarId>> first_cal;
        for (std::size_t i = 0; i < n && !per_task; ++i) {
            const Project& pr = portfolio.projects[m.project_of[i].value()];
            std::optional<CalendarId> c = leaf[i]->calendar ? leaf[i]->calendar : pr.calendar ? pr.calendar : portfolio.default_calendar;
            if (!first_cal) first_cal = c;
            else if (*first_cal != c) per_task = true;
        }
    }
    if (per_task) {
        CalendarTiming timing;
        auto net = std::make_shared<Network>(portfolio);
        timing.network_task.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            const TaskIndex ti = net->index_of(m.task[i]);
            if (!ti.valid()) throw ModelError::unknown_id("task", m.task[i].str(), "CPM network");
            timing.network_task[i] = ti;
        }
        timing.network = std::move(net);
        timing.origin = origin.minutes_since_epoch();
        m.input.calendars = std::move(timing);
        m.elapsed = true;
    }

    // Correlations.
    for (const auto& c : spec.correlations) {
        CorrelationGroup g;
        g.name = c.name;
        for (const auto& t : c.tasks) {
            auto it = index.find(t);
            if (it == index.end()) throw ModelError::unknown_id("task", t.str(), "correlation " + c.name);
            g.tasks.push_back(it->second);
        }
        g.correlation = c.correlation;
        m.input.correlations.push_back(std::move(g));
    }
    // Risk events.
    if (spec.risk_events) {
        for (const auto& r : risks) {
            if (!is_active(r.status) || r.linked_tasks.empty()) continue;
            const auto& a = current_assessment(r);
            if (a.impact.schedule <= Duration{0} && a.impact.cost <= Money{0}) continue;
            RiskEvent e;
            e.id = r.id;
            e.probability = a.probability;
            for (const auto& t : r.linked_tasks) {
                auto it = index.find(t);
                if (it == index.end()) {
                    if (summaries.count(t) == 0) throw ModelError::unknown_id("task", t.str(), "linked task of risk " + r.id);
                    for (auto l : leaves_of(t)) e.tasks.push_back(l);
                } else {
                    e.tasks.push_back(it->second);
                }
            }
            const double sign = r.opportunity ? -1.0 : 1.0;
            e.extra_duration = {r.opportunity ? 0 : a.impact.schedule.count()};
            e.extra_cost = sign * static_cast<double>(a.impact.cost.minor_units());
            m.input.events.push_back(std::move(e));
            m.event_risk.push_back(r.id);
        }
    }
    return m;
}

}  // namespace ppm
