// Resource levelling inside a Monte Carlo iteration: serial SGS (Kolisch 1996, EJOR 90) on the
// sampled durations, on a grid of whole periods (see iteration_leveling.hpp and docs/risk.md).
#include "ppm/risk/iteration_leveling.hpp"

#include <algorithm>
#include <limits>
#include <string>
#include <utility>

#include "ppm/core/error.hpp"
#include "ppm/leveling/sgs.hpp"

namespace ppm {
namespace {

/// ceil(a / b) for b > 0 and any sign of a.
constexpr std::int64_t ceil_div(std::int64_t a, std::int64_t b) noexcept { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

std::int32_t to_period_count(std::int64_t v, std::string_view what) {
    if (v > std::numeric_limits<std::int32_t>::max() / 4)
        throw ModelError::invalid_value(what, std::to_string(v), "too many levelling periods: raise period_minutes");
    return static_cast<std::int32_t>(v);
}

}  // namespace

void check_simulation_resources(const SimulationResources& res, std::size_t task_count) {
    if (res.period_minutes < 1)
        throw ModelError::invalid_value("levelling period", std::to_string(res.period_minutes), "must be >= 1 minute");
    const std::size_t r = res.capacity.size();
    if (res.demand.size() != task_count * r)
        throw ModelError::invalid_value("resource demands", "", "one per task and resource expected (task-major)");
    if (!res.release.empty() && res.release.size() != task_count)
        throw ModelError::invalid_value("release times", "", "one per task expected (or none)");
    for (std::size_t k = 0; k < r; ++k)
        if (res.capacity[k] < 0) throw ModelError::invalid_value("resource capacity", "resource #" + std::to_string(k), "must be >= 0");
    for (std::size_t t = 0; t < task_count; ++t)
        for (std::size_t k = 0; k < r; ++k) {
            const auto d = res.demand[t * r + k];
            if (d < 0 || d > res.capacity[k])
                throw ModelError::invalid_value("resource demand", "task #" + std::to_string(t),
                                                "demand " + std::to_string(d) + " on resource #" + std::to_string(k) +
                                                    " is outside 0.." + std::to_string(res.capacity[k]));
        }
    for (const auto& l : res.links) {
        if (l.predecessor >= task_count) throw ModelError::unknown_id("task index", std::to_string(l.predecessor), "levelling link");
        if (l.successor >= task_count) throw ModelError::unknown_id("task index", std::to_string(l.successor), "levelling link");
    }
}

RcpspInstance iteration_instance(const SimulationResources& res, std::span<const std::int64_t> duration) {
    const std::size_t n = duration.size();
    const std::size_t r = res.capacity.size();
    const std::int64_t p = res.period_minutes;
    if (p < 1) throw ModelError::invalid_value("levelling period", std::to_string(p), "must be >= 1 minute");
    if (res.demand.size() != n * r) throw ModelError::invalid_value("resource demands", "", "one per task and resource expected (task-major)");
    RcpspData data;
    data.name = "Monte Carlo iteration";
    data.durations.resize(n + 1);
    data.durations[0] = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (duration[i] < 0) throw ModelError::negative_duration("sampled duration", "task #" + std::to_string(i));
        data.durations[i + 1] = to_period_count(ceil_div(duration[i], p), "sampled duration");
    }
    data.capacities = res.capacity;
    data.demands.assign(r, 0);
    data.demands.insert(data.demands.end(), res.demand.begin(), res.demand.end());
    for (std::size_t i = 0; i < res.release.size() && i < n; ++i)
        if (res.release[i] > 0)
            data.arcs.push_back({0, static_cast<std::int32_t>(i + 1), to_period_count(ceil_div(res.release[i], p), "release")});
    for (const auto& l : res.links) {
        if (l.predecessor >= n || l.successor >= n) throw ModelError::unknown_id("task index", std::to_string(std::max(l.predecessor, l.successor)), "levelling link");
        const std::int64_t di = data.durations[l.predecessor + 1], dj = data.durations[l.successor + 1];
        const std::int64_t lag = ceil_div(l.lag, p);
        std::int64_t ss = 0;
        switch (l.type) {
            case LinkType::finish_start: ss = di + lag; break;
            case LinkType::start_start: ss = lag; break;
            case LinkType::finish_finish: ss = di - dj + lag; break;
            case LinkType::start_finish: ss = lag - dj; break;
        }
        data.arcs.push_back({static_cast<std::int32_t>(l.predecessor + 1), static_cast<std::int32_t>(l.successor + 1),
                             to_period_count(std::max<std::int64_t>(0, ss), "link lag")});
    }
    return RcpspInstance(std::move(data));
}

LevelledIteration level_iteration(const SimulationResources& res, std::span<const std::int64_t> duration) {
    const RcpspInstance inst = iteration_instance(res, duration);
    const std::vector<double> priority = priority_values(inst, res.rule);
    const std::vector<std::int32_t> list = activity_list_from_priorities(inst, priority);
    const std::vector<std::int32_t> starts = serial_sgs(inst, list);
    const std::int32_t jobs = inst.num_jobs();
    std::int32_t makespan = 0;
    for (std::int32_t j = 0; j < jobs; ++j) makespan = std::max(makespan, starts[static_cast<std::size_t>(j)] + inst.duration(j));
    // Late starts against the levelled makespan over the precedence arcs AND the resource arcs the
    // levelling created (task i -> task j when j was delayed past its precedence bound, starts when
    // i finishes and shares a resource with it: the "resource-driven predecessor" of j). Processed
    // by decreasing start (ties: decreasing topological rank), every arc goes backwards in it.
    const auto rank = inst.topological_rank();
    std::vector<std::int32_t> bound(static_cast<std::size_t>(jobs), 0);
    for (std::int32_t j = 0; j < jobs; ++j) {
        const auto pred = inst.predecessors(j);
        const auto lag = inst.predecessor_lags(j);
        for (std::size_t a = 0; a < pred.size(); ++a)
            bound[static_cast<std::size_t>(j)] = std::max(bound[static_cast<std::size_t>(j)], starts[static_cast<std::size_t>(pred[a])] + lag[a]);
    }
    std::vector<std::pair<std::int32_t, std::int32_t>> by_finish;  // (finish, job) of resource users with duration > 0
    const std::int32_t nres = inst.num_resources();
    auto uses = [&](std::int32_t j) {
        for (std::int32_t k = 0; k < nres; ++k)
            if (inst.demand(j, k) > 0) return true;
        return false;
    };
    for (std::int32_t j = 0; j < jobs; ++j)
        if (inst.duration(j) > 0 && uses(j)) by_finish.emplace_back(starts[static_cast<std::size_t>(j)] + inst.duration(j), j);
    std::sort(by_finish.begin(), by_finish.end());
    std::vector<std::pair<std::int32_t, std::int32_t>> resource_arc;  // (from, to)
    for (std::int32_t j = 0; j < jobs; ++j) {
        const std::int32_t sj = starts[static_cast<std::size_t>(j)];
        if (sj <= bound[static_cast<std::size_t>(j)] || !uses(j)) continue;
        for (auto it = std::lower_bound(by_finish.begin(), by_finish.end(), std::pair{sj, std::int32_t{-1}});
             it != by_finish.end() && it->first == sj; ++it) {
            bool shared = false;
            for (std::int32_t k = 0; k < nres && !shared; ++k) shared = inst.demand(it->second, k) > 0 && inst.demand(j, k) > 0;
            if (shared) resource_arc.emplace_back(it->second, j);
        }
    }
    std::sort(resource_arc.begin(), resource_arc.end());
    std::vector<std::int32_t> order(static_cast<std::size_t>(jobs));
    for (std::int32_t j = 0; j < jobs; ++j) order[static_cast<std::size_t>(j)] = j;
    std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) {
        const auto sa = starts[static_cast<std::size_t>(a)], sb = starts[static_cast<std::size_t>(b)];
        return sa != sb ? sa > sb : rank[static_cast<std::size_t>(a)] > rank[static_cast<std::size_t>(b)];
    });
    std::vector<std::int32_t> late(static_cast<std::size_t>(jobs));
    for (const std::int32_t j : order) {
        std::int32_t ls = makespan - inst.duration(j);
        const auto succ = inst.successors(j);
        const auto lag = inst.successor_lags(j);
        for (std::size_t a = 0; a < succ.size(); ++a) ls = std::min(ls, late[static_cast<std::size_t>(succ[a])] - lag[a]);
        for (auto it = std::lower_bound(resource_arc.begin(), resource_arc.end(), std::pair{j, std::int32_t{-1}});
             it != resource_arc.end() && it->first == j; ++it)
            ls = std::min(ls, late[static_cast<std::size_t>(it->second)] - inst.duration(j));
        late[static_cast<std::size_t>(j)] = ls;
    }
    LevelledIteration out;
    const std::size_t n = duration.size();
    out.start.resize(n);
    out.finish.resize(n);
    out.critical.resize(n);
    const std::int64_t p = res.period_minutes;
    for (std::size_t i = 0; i < n; ++i) {
        const auto j = static_cast<std::int32_t>(i + 1);
        out.start[i] = static_cast<std::int64_t>(starts[i + 1]) * p;
        out.finish[i] = static_cast<std::int64_t>(starts[i + 1] + inst.duration(j)) * p;
        out.critical[i] = late[i + 1] <= starts[i + 1] ? 1 : 0;
    }
    out.project_finish = static_cast<std::int64_t>(makespan) * p;
    return out;
}

}  // namespace ppm
