// Multi-project instances (MPLIB .rcmp, Van Eynde & Vanhoucke 2020; MPSPLIB xml + PSPLIB .sm,
// Homberger 2007): conversion to a portfolio and to one RCPSP instance, TPD / TMS, levelling. The
// readers are io's (src/io/multiproject_read.cpp).
#include "ppm/leveling/multiproject.hpp"

#include <algorithm>
#include <chrono>
#include <limits>

#include "ppm/core/error.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"

namespace ppm {

namespace {

// Resource-free earliest finish of every job from its project's release (FS arcs, lag 0).
std::vector<std::int32_t> earliest_finish(const MultiProjectInstance& m) {
    const std::int32_t n = m.num_jobs();
    std::vector<std::int32_t> es(static_cast<std::size_t>(n), 0), indeg(static_cast<std::size_t>(n), 0);
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j) es[j] = m.release[p];
    for (const std::int32_t s : m.successor_indices) ++indeg[s];
    std::vector<std::int32_t> queue;
    for (std::int32_t j = 0; j < n; ++j) if (indeg[j] == 0) queue.push_back(j);
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const std::int32_t j = queue[q];
        for (std::int32_t k = m.successor_offsets[j]; k < m.successor_offsets[j + 1]; ++k) {
            const std::int32_t s = m.successor_indices[k];
            es[s] = std::max(es[s], es[j] + m.durations[j]);
            if (--indeg[s] == 0) queue.push_back(s);
        }
    }
    if (static_cast<std::int32_t>(queue.size()) != n)
        throw ModelError::cycle("job", {m.name});
    for (std::int32_t j = 0; j < n; ++j) es[j] += m.durations[j];
    return es;
}

}  // namespace

Portfolio to_portfolio(const MultiProjectInstance& m, const MultiProjectPortfolioOptions& options) {
    Portfolio pf;
    pf.id = PortfolioId{m.name.empty() ? std::string("multiproject") : m.name};
    pf.name = m.name;
    pf.calendars.push_back(Calendar::twenty_four_seven(CalendarId{"24x7"}));
    pf.default_calendar = CalendarId{"24x7"};
    const std::int64_t per = options.period.count();
    for (std::int32_t r = 0; r < m.num_resources(); ++r)
        pf.resources.push_back({.id = ResourceId{m.resource_names[r]}, .name = m.resource_names[r],
                                .max_units = static_cast<double>(m.capacities[r])});
    const std::int32_t nr = m.num_resources();
    std::vector<TaskId> ids(static_cast<std::size_t>(m.num_jobs()));
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j)
            ids[j] = TaskId{(std::string("P") += std::to_string(p + 1)) + (std::string(".") += std::to_string(j - m.job_offsets[p] + 1))};
    std::vector<std::vector<std::int32_t>> preds(static_cast<std::size_t>(m.num_jobs()));
    for (std::int32_t j = 0; j < m.num_jobs(); ++j)
        for (std::int32_t k = m.successor_offsets[j]; k < m.successor_offsets[j + 1]; ++k) preds[m.successor_indices[k]].push_back(j);
    for (std::int32_t p = 0; p < m.num_projects(); ++p) {
        Project proj;
        proj.id = ProjectId{(std::string("P") += std::to_string(p + 1))};
        proj.name = m.project_names[p];
        proj.start = options.origin + Duration{per * m.release[p]};
        if (m.due_date[p] >= 0) proj.deadline = options.origin + Duration{per * m.due_date[p]};
        proj.minutes_per_day = per;
        proj.minutes_per_week = per * 7;
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j) {
            Task t;
            t.id = ids[j];
            t.name = (std::string("job ") += std::to_string(j - m.job_offsets[p] + 1));
            t.duration = Duration{per * m.durations[j]};
            t.milestone = m.durations[j] == 0;
            for (const std::int32_t q : preds[j]) t.predecessors.push_back({.predecessor = ids[q]});
            for (std::int32_t r = 0; r < nr; ++r) {
                const std::int32_t d = m.demands[static_cast<std::size_t>(j) * nr + r];
                if (d > 0) t.assignments.push_back({.resource = ResourceId{m.resource_names[r]}, .units = static_cast<double>(d)});
            }
            proj.tasks.push_back(std::move(t));
        }
        pf.projects.push_back(std::move(proj));
    }
    return pf;
}

Portfolio to_portfolio(const RcpspInstance& inst, const MultiProjectPortfolioOptions& options) {
    Portfolio pf;
    pf.id = PortfolioId{inst.name().empty() ? std::string("rcpsp") : inst.name()};
    pf.name = inst.name();
    pf.calendars.push_back(Calendar::twenty_four_seven(CalendarId{"24x7"}));
    pf.default_calendar = CalendarId{"24x7"};
    const std::int64_t per = options.period.count();
    const std::int32_t nr = inst.num_resources();
    for (std::int32_t r = 0; r < nr; ++r) {
        const std::string name = "R" + std::to_string(r + 1);
        pf.resources.push_back({.id = ResourceId{name}, .name = name, .max_units = static_cast<double>(inst.capacity(r))});
    }
    Project proj;
    proj.id = ProjectId{"P1"};
    proj.name = inst.name();
    proj.start = options.origin;
    proj.minutes_per_day = per;
    proj.minutes_per_week = per * 7;
    auto id_of = [&](std::int32_t j) { return TaskId{"J" + inst.job_name(j)}; };
    for (std::int32_t j = 0; j < inst.num_jobs(); ++j) {
        Task t;
        t.id = id_of(j);
        t.name = "job " + inst.job_name(j);
        t.duration = Duration{per * inst.duration(j)};
        t.milestone = inst.duration(j) == 0;
        const auto preds = inst.predecessors(j);
        const auto lags = inst.predecessor_lags(j);
        for (std::size_t k = 0; k < preds.size(); ++k) {
            Dependency d{.predecessor = id_of(preds[k])};
            if (lags[k] != inst.duration(preds[k])) {
                d.type = LinkType::start_start;
                d.lag = Lag{LagUnit::elapsed, Duration{per * lags[k]}, 0.0};
            }
            t.predecessors.push_back(std::move(d));
        }
        const auto dem = inst.demands(j);
        for (std::int32_t r = 0; r < nr; ++r)
            if (dem[r] > 0) t.assignments.push_back({.resource = pf.resources[r].id, .units = static_cast<double>(dem[r])});
        proj.tasks.push_back(std::move(t));
    }
    pf.projects.push_back(std::move(proj));
    return pf;
}

RcpspInstance to_rcpsp_instance(const MultiProjectInstance& m) {
    RcpspData d;
    d.name = m.name;
    const std::int32_t n = m.num_jobs(), nr = m.num_resources();
    d.durations.push_back(0);
    d.durations.insert(d.durations.end(), m.durations.begin(), m.durations.end());
    d.durations.push_back(0);
    d.capacities = m.capacities;
    d.demands.assign(static_cast<std::size_t>(n + 2) * nr, 0);
    std::copy(m.demands.begin(), m.demands.end(), d.demands.begin() + nr);
    d.job_names.push_back("source");
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j)
            d.job_names.push_back((std::string("P") += std::to_string(p + 1)) + (std::string(".") += std::to_string(j - m.job_offsets[p] + 1)));
    d.job_names.push_back("sink");
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j) d.arcs.push_back({0, j + 1, m.release[p]});
    for (std::int32_t j = 0; j < n; ++j) {
        for (std::int32_t k = m.successor_offsets[j]; k < m.successor_offsets[j + 1]; ++k)
            add_finish_to_start(d, j + 1, m.successor_indices[k] + 1);
        add_finish_to_start(d, j + 1, n + 1);
    }
    return RcpspInstance(std::move(d));
}

MultiProjectObjectives evaluate(const MultiProjectInstance& m, std::span<const std::int32_t> starts) {
    MultiProjectObjectives o;
    const std::vector<std::int32_t> ef = earliest_finish(m);
    std::int32_t min_release = std::numeric_limits<std::int32_t>::max(), max_finish = 0, max_cpm = 0;
    for (std::int32_t p = 0; p < m.num_projects(); ++p) {
        std::int32_t f = m.release[p], c = m.release[p];
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j) {
            c = std::max(c, ef[j]);
            if (static_cast<std::size_t>(j) < starts.size()) f = std::max(f, starts[j] + m.durations[j]);
        }
        o.project_finish.push_back(f);
        o.project_cpm_finish.push_back(c);
        o.total_project_delay += f - c;
        min_release = std::min(min_release, m.release[p]);
        max_finish = std::max(max_finish, f);
        max_cpm = std::max(max_cpm, c);
    }
    if (m.num_projects() == 0) min_release = 0;
    o.total_makespan = max_finish - min_release;
    std::int32_t lb = max_cpm - min_release;
    for (std::int32_t r = 0; r < m.num_resources(); ++r) {
        if (m.capacities[r] <= 0) continue;
        std::int64_t work = 0;
        for (std::int32_t j = 0; j < m.num_jobs(); ++j) work += std::int64_t{m.durations[j]} * m.demands[static_cast<std::size_t>(j) * m.num_resources() + r];
        lb = std::max(lb, static_cast<std::int32_t>((work + m.capacities[r] - 1) / m.capacities[r]));
    }
    o.tms_lower_bound = lb;
    return o;
}

std::string check_multiproject(const MultiProjectInstance& m, std::span<const std::int32_t> starts) {
    const std::int32_t n = m.num_jobs(), nr = m.num_resources();
    if (static_cast<std::int32_t>(starts.size()) != n) return (std::string("expected ") += std::to_string(n)) + " start times";
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j)
            if (starts[j] < m.release[p]) return (std::string("job ") += std::to_string(j)) + " starts before its project's release";
    std::int32_t horizon = 0;
    for (std::int32_t j = 0; j < n; ++j) {
        horizon = std::max(horizon, starts[j] + m.durations[j]);
        for (std::int32_t k = m.successor_offsets[j]; k < m.successor_offsets[j + 1]; ++k)
            if (starts[m.successor_indices[k]] < starts[j] + m.durations[j])
                return (std::string("job ") += std::to_string(m.successor_indices[k])) + (std::string(" starts before predecessor ") += std::to_string(j)) + " finishes";
    }
    std::vector<std::int64_t> use(static_cast<std::size_t>(horizon + 1) * nr, 0);
    for (std::int32_t j = 0; j < n; ++j)
        for (std::int32_t t = starts[j]; t < starts[j] + m.durations[j]; ++t)
            for (std::int32_t r = 0; r < nr; ++r) use[static_cast<std::size_t>(t) * nr + r] += m.demands[static_cast<std::size_t>(j) * nr + r];
    for (std::int32_t t = 0; t <= horizon; ++t)
        for (std::int32_t r = 0; r < nr; ++r)
            if (use[static_cast<std::size_t>(t) * nr + r] > m.capacities[r])
                return "resource " + m.resource_names[r] + (std::string(" over capacity in period ") += std::to_string(t));
    return {};
}

std::vector<std::int32_t> start_periods(const LevelResult& levelled, const MultiProjectPortfolioOptions& options) {
    std::vector<std::int32_t> out(levelled.start.size());
    for (std::size_t j = 0; j < out.size(); ++j)
        out[j] = static_cast<std::int32_t>((levelled.start[j] - options.origin).count() / options.period.count());
    return out;
}

std::vector<std::int32_t> solve_combined(const MultiProjectInstance& m, const RcpspOptions& options) {
    const RcpspResult rr = solve_rcpsp(to_rcpsp_instance(m), options);
    if (rr.start_times.empty()) return {};
    return {rr.start_times.begin() + 1, rr.start_times.end() - 1};  // without the source and the sink
}

MultiProjectResult level_multiproject(const MultiProjectInstance& m, const MultiProjectLevelOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    MultiProjectResult out;
    const MultiProjectPortfolioOptions po{};
    out.start_times = start_periods(level(to_portfolio(m, po), options.level), po);
    out.level_objectives = evaluate(m, out.start_times);
    out.objectives = out.level_objectives;
    out.method = "level";
    const bool by_tpd = options.level.objective == LevelObjective::total_project_delay;
    auto key = [&](const MultiProjectObjectives& o) {
        return by_tpd ? std::pair<std::int64_t, std::int64_t>{o.total_project_delay, o.total_makespan}
                      : std::pair<std::int64_t, std::int64_t>{o.total_makespan, o.total_project_delay};
    };
    if (options.rcpsp_schedules > 0) {
        RcpspOptions ro;
        ro.max_schedules = options.rcpsp_schedules;
        ro.seed = options.level.seed;
        ro.stop = options.level.stop;
        std::vector<std::int32_t> s = solve_combined(m, ro);
        if (!s.empty()) {
            out.ga_objectives = evaluate(m, s);
            if (key(out.ga_objectives) < key(out.objectives)) {
                out.objectives = out.ga_objectives;
                out.start_times = std::move(s);
                out.method = "rcpsp_ga";
            }
        }
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

}  // namespace ppm
