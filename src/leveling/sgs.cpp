// Public serial / parallel SGS (Kolisch 1996, EJOR 90) and double justification (Valls et al. 2005).
#include "ppm/leveling/sgs.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "detail/sgs_kernel.hpp"
#include "ppm/core/error.hpp"

namespace ppm {

std::string_view to_string(SgsScheme scheme) noexcept {
    return scheme == SgsScheme::serial ? "serial" : "parallel";
}

void require_activity_list(const RcpspInstance& instance, std::span<const std::int32_t> list) {
    const std::int32_t n = instance.num_jobs();
    if (static_cast<std::int32_t>(list.size()) != n)
        throw ModelError::invalid_value("activity list", instance.name(),
                                        "has " + std::to_string(list.size()) + " entries for " + std::to_string(n) + " jobs");
    std::vector<std::int32_t> position(static_cast<std::size_t>(n), -1);
    for (std::int32_t i = 0; i < n; ++i) {
        const std::int32_t j = list[i];
        if (j < 0 || j >= n || position[j] >= 0)
            throw ModelError::invalid_value("activity list", instance.name(), "is not a permutation of the jobs");
        position[j] = i;
    }
    for (std::int32_t j = 0; j < n; ++j)
        for (std::int32_t p : instance.predecessors(j))
            if (position[p] > position[j])
                throw ModelError::invalid_value("activity list", instance.name(),
                                                "job " + instance.job_name(j) + " comes before its predecessor " +
                                                    instance.job_name(p));
}

std::vector<std::int32_t> serial_sgs(const RcpspInstance& instance, std::span<const std::int32_t> activity_list) {
    require_activity_list(instance, activity_list);
    detail::SgsKernel kernel(instance);
    std::vector<std::int32_t> starts(static_cast<std::size_t>(instance.num_jobs()), 0);
    kernel.forward(activity_list, starts);
    return starts;
}

std::vector<std::int32_t> activity_list_from_priorities(const RcpspInstance& instance, std::span<const double> priority) {
    const std::int32_t n = instance.num_jobs();
    if (static_cast<std::int32_t>(priority.size()) != n)
        throw ModelError::invalid_value("priorities", instance.name(), "needs one value per job");
    std::vector<std::int32_t> missing(static_cast<std::size_t>(n));
    for (std::int32_t j = 0; j < n; ++j) missing[j] = static_cast<std::int32_t>(instance.predecessors(j).size());
    std::vector<std::int32_t> eligible, list;
    for (std::int32_t j = 0; j < n; ++j)
        if (missing[j] == 0) eligible.push_back(j);
    while (!eligible.empty()) {
        std::size_t best = 0;
        for (std::size_t e = 1; e < eligible.size(); ++e)
            if (priority[eligible[e]] < priority[eligible[best]] ||
                (priority[eligible[e]] == priority[eligible[best]] && eligible[e] < eligible[best]))
                best = e;
        const std::int32_t j = eligible[best];
        eligible.erase(eligible.begin() + static_cast<std::ptrdiff_t>(best));
        list.push_back(j);
        for (std::int32_t s : instance.successors(j))
            if (--missing[s] == 0) eligible.push_back(s);
    }
    return list;
}

std::vector<std::int32_t> parallel_sgs(const RcpspInstance& instance, std::span<const double> priority) {
    const std::int32_t n = instance.num_jobs();
    const std::int32_t r = instance.num_resources();
    if (static_cast<std::int32_t>(priority.size()) != n)
        throw ModelError::invalid_value("priorities", instance.name(), "needs one value per job");
    const std::int32_t horizon = instance.horizon() + 1;
    std::vector<std::int32_t> avail(static_cast<std::size_t>(horizon) * static_cast<std::size_t>(r));
    for (std::int32_t t = 0; t < horizon; ++t)
        for (std::int32_t k = 0; k < r; ++k) avail[static_cast<std::size_t>(t) * r + k] = instance.capacity(k);
    std::vector<std::int32_t> starts(static_cast<std::size_t>(n), -1), missing(static_cast<std::size_t>(n));
    std::vector<std::int32_t> ready_at(static_cast<std::size_t>(n), 0);  // earliest start from scheduled preds
    std::vector<std::int32_t> candidates;  // all predecessors scheduled
    for (std::int32_t j = 0; j < n; ++j) {
        missing[j] = static_cast<std::int32_t>(instance.predecessors(j).size());
        if (missing[j] == 0) candidates.push_back(j);
    }
    auto fits = [&](std::int32_t j, std::int32_t t) {
        for (std::int32_t s = t; s < t + instance.duration(j); ++s)
            for (std::int32_t k = 0; k < r; ++k)
                if (avail[static_cast<std::size_t>(s) * r + k] < instance.demand(j, k)) return false;
        return true;
    };
    std::int32_t t = 0, scheduled = 0;
    while (scheduled < n) {
        // Start, in priority order, every candidate released by t that fits at t.
        std::vector<std::int32_t> eligible;
        for (std::int32_t j : candidates)
            if (ready_at[j] <= t) eligible.push_back(j);
        std::sort(eligible.begin(), eligible.end(), [&](std::int32_t a, std::int32_t b) {
            return priority[a] < priority[b] || (priority[a] == priority[b] && a < b);
        });
        bool started = false;
        for (std::int32_t j : eligible) {
            if (!fits(j, t)) continue;
            starts[j] = t;
            ++scheduled;
            started = true;
            for (std::int32_t s = t; s < t + instance.duration(j); ++s)
                for (std::int32_t k = 0; k < r; ++k) avail[static_cast<std::size_t>(s) * r + k] -= instance.demand(j, k);
            candidates.erase(std::find(candidates.begin(), candidates.end(), j));
            auto succs = instance.successors(j);
            auto lags = instance.successor_lags(j);
            for (std::size_t a = 0; a < succs.size(); ++a) {
                ready_at[succs[a]] = std::max(ready_at[succs[a]], t + lags[a]);
                if (--missing[succs[a]] == 0) candidates.push_back(succs[a]);
            }
        }
        if (started) continue;  // zero-lag successors may become eligible at the same t
        // Next decision point: the next finish time or release after t.
        std::int32_t next = std::numeric_limits<std::int32_t>::max();
        for (std::int32_t j = 0; j < n; ++j)
            if (starts[j] >= 0 && starts[j] + instance.duration(j) > t) next = std::min(next, starts[j] + instance.duration(j));
        for (std::int32_t j : candidates)
            if (ready_at[j] > t) next = std::min(next, ready_at[j]);
        t = next == std::numeric_limits<std::int32_t>::max() ? t + 1 : next;
    }
    return starts;
}

std::vector<std::int32_t> schedule_with_rule(const RcpspInstance& instance, PriorityRule rule, SgsScheme scheme) {
    const std::vector<double> priority = priority_values(instance, rule);
    if (scheme == SgsScheme::parallel) return parallel_sgs(instance, priority);
    const std::vector<std::int32_t> list = activity_list_from_priorities(instance, priority);
    return serial_sgs(instance, list);
}

std::vector<std::int32_t> justify(const RcpspInstance& instance, std::span<const std::int32_t> starts) {
    if (static_cast<std::int32_t>(starts.size()) != instance.num_jobs())
        throw ModelError::invalid_value("start times", instance.name(), "needs one start per job");
    detail::SgsKernel kernel(instance);
    std::vector<std::int32_t> out(starts.begin(), starts.end());
    std::vector<std::int32_t> list(starts.size());
    kernel.justify(out, list);
    return out;
}

std::int32_t makespan(const RcpspInstance& instance, std::span<const std::int32_t> starts) {
    std::int32_t m = 0;
    for (std::size_t j = 0; j < starts.size(); ++j)
        m = std::max(m, starts[j] + instance.duration(static_cast<std::int32_t>(j)));
    return m;
}

}  // namespace ppm
