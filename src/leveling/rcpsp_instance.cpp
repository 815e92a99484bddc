// Validation and CSR construction of the RCPSP instance (see include/ppm/leveling/rcpsp_instance.hpp).
// Cycle detection: Kahn's algorithm; a cycle's members are recovered by walking unprocessed arcs.
#include "ppm/leveling/rcpsp_instance.hpp"

#include <algorithm>
#include <numeric>
#include <queue>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm {

void add_finish_to_start(RcpspData& data, std::int32_t from, std::int32_t to, std::int32_t lag) {
    const std::int32_t duration =
        (from >= 0 && static_cast<std::size_t>(from) < data.durations.size()) ? data.durations[from] : 0;
    data.arcs.push_back(RcpspArc{.from = from, .to = to, .lag = duration + lag});
}

namespace {

std::vector<std::int32_t> build_csr(std::int32_t n, const std::vector<RcpspArc>& arcs, bool forward,
                                    std::vector<std::int32_t>& index, std::vector<std::int32_t>& lag) {
    std::vector<std::int32_t> offset(static_cast<std::size_t>(n) + 1, 0);
    for (const RcpspArc& a : arcs) ++offset[static_cast<std::size_t>(forward ? a.from : a.to) + 1];
    for (std::size_t i = 1; i < offset.size(); ++i) offset[i] += offset[i - 1];
    index.assign(arcs.size(), 0);
    lag.assign(arcs.size(), 0);
    std::vector<std::int32_t> fill(offset.begin(), offset.end() - 1);
    for (const RcpspArc& a : arcs) {
        const std::int32_t key = forward ? a.from : a.to;
        const std::int32_t pos = fill[key]++;
        index[pos] = forward ? a.to : a.from;
        lag[pos] = a.lag;
    }
    return offset;
}

}  // namespace

RcpspInstance::RcpspInstance(RcpspData data) : name_(std::move(data.name)) {
    const auto n = static_cast<std::int32_t>(data.durations.size());
    const auto r = static_cast<std::int32_t>(data.capacities.size());
    const std::string where = name_.empty() ? std::string("rcpsp") : name_;
    if (!data.job_names.empty() && data.job_names.size() != data.durations.size())
        throw ModelError::invalid_value("job_names", where, "needs one name per job");
    job_names_ = std::move(data.job_names);
    if (!data.tiers.empty() && data.tiers.size() != data.durations.size())
        throw ModelError::invalid_value("tiers", where, "needs one tier per job");
    tiers_ = std::move(data.tiers);
    if (job_names_.empty()) {
        job_names_.reserve(static_cast<std::size_t>(n));
        for (std::int32_t j = 0; j < n; ++j) job_names_.push_back(std::to_string(j + 1));
    }
    if (data.demands.size() != static_cast<std::size_t>(n) * static_cast<std::size_t>(r))
        throw ModelError::invalid_value("demands", where,
                                        "needs jobs x resources = " + std::to_string(static_cast<long long>(n) * r) +
                                            " entries, got " + std::to_string(data.demands.size()));
    for (std::int32_t j = 0; j < n; ++j)
        if (data.durations[j] < 0) throw ModelError::negative_duration("duration of job", job_names_[j]);
    for (std::int32_t k = 0; k < r; ++k)
        if (data.capacities[k] < 0)
            throw ModelError::invalid_value("capacity", "resource " + std::to_string(k + 1), "must be >= 0");
    // Capacity steps: by resource, then strictly increasing periods > 0, capacities >= 0. A demand
    // must fit the capacity that holds from the last step on (the SGS then always finds a start).
    std::vector<std::int32_t> final_capacity(data.capacities.begin(), data.capacities.end());
    peak_.assign(data.capacities.begin(), data.capacities.end());
    for (std::size_t q = 0; q < data.capacity_steps.size(); ++q) {
        const RcpspCapacityStep& st = data.capacity_steps[q];
        const std::string what = "capacity step " + std::to_string(q + 1);
        if (st.resource < 0 || st.resource >= r) throw ModelError::invalid_value(what, where, "resource index out of range");
        if (st.period <= 0 || st.capacity < 0) throw ModelError::invalid_value(what, where, "needs period > 0 and capacity >= 0");
        if (q > 0) {
            const RcpspCapacityStep& prev = data.capacity_steps[q - 1];
            if (st.resource < prev.resource || (st.resource == prev.resource && st.period <= prev.period))
                throw ModelError::invalid_value(what, where, "steps must be ordered by resource, then increasing period");
        }
        final_capacity[st.resource] = st.capacity;
        peak_[st.resource] = std::max(peak_[st.resource], st.capacity);
        last_step_ = std::max(last_step_, st.period);
    }
    for (std::int32_t j = 0; j < n; ++j)
        for (std::int32_t k = 0; k < r; ++k) {
            const std::int32_t d = data.demands[static_cast<std::size_t>(j) * r + k];
            if (d < 0 || d > final_capacity[k])
                throw ModelError::invalid_value("demand on resource " + std::to_string(k + 1), job_names_[j],
                                                std::to_string(d) + " is outside 0.." +
                                                    std::to_string(final_capacity[k]) + " (capacity)");
        }
    steps_ = std::move(data.capacity_steps);
    for (const RcpspArc& a : data.arcs) {
        if (a.from < 0 || a.from >= n || a.to < 0 || a.to >= n)
            throw ModelError::invalid_value("arc", std::to_string(a.from) + "->" + std::to_string(a.to),
                                            "job index out of range 0.." + std::to_string(n - 1));
    }
    durations_ = std::move(data.durations);
    capacities_ = std::move(data.capacities);
    demands_ = std::move(data.demands);
    succ_offset_ = build_csr(n, data.arcs, true, succ_index_, succ_lag_);
    pred_offset_ = build_csr(n, data.arcs, false, pred_index_, pred_lag_);

    // Kahn's algorithm with a min-heap: smallest ready index first gives a stable order.
    std::vector<std::int32_t> indegree(static_cast<std::size_t>(n), 0);
    for (std::int32_t j = 0; j < n; ++j) indegree[j] = pred_offset_[j + 1] - pred_offset_[j];
    std::priority_queue<std::int32_t, std::vector<std::int32_t>, std::greater<>> ready;
    for (std::int32_t j = 0; j < n; ++j)
        if (indegree[j] == 0) ready.push(j);
    topo_order_.reserve(static_cast<std::size_t>(n));
    while (!ready.empty()) {
        const std::int32_t j = ready.top();
        ready.pop();
        topo_order_.push_back(j);
        for (std::int32_t s : successors(j))
            if (--indegree[s] == 0) ready.push(s);
    }
    if (static_cast<std::int32_t>(topo_order_.size()) != n) {
        // Walk predecessors inside the unprocessed set until a job repeats: that is a cycle.
        std::int32_t start = 0;
        while (indegree[start] == 0) ++start;
        std::vector<std::int32_t> seen_at(static_cast<std::size_t>(n), -1);
        std::vector<std::int32_t> path;
        std::int32_t j = start;
        while (seen_at[j] < 0) {
            seen_at[j] = static_cast<std::int32_t>(path.size());
            path.push_back(j);
            for (std::int32_t p : predecessors(j))
                if (indegree[p] > 0) {
                    j = p;
                    break;
                }
        }
        std::vector<std::string> members;
        for (auto it = path.rbegin(); it != path.rend(); ++it) {
            members.push_back(job_names_[*it]);
            if (*it == j) break;
        }
        // `path` follows predecessors, so reading it backwards follows the arcs (the error closes it).
        throw ModelError::cycle("job", std::move(members));
    }
    topo_rank_.assign(static_cast<std::size_t>(n), 0);
    for (std::int32_t i = 0; i < n; ++i) topo_rank_[topo_order_[i]] = i;

    long long horizon = 0;
    for (std::int32_t j = 0; j < n; ++j) {
        std::int32_t longest = durations_[j];
        for (std::int32_t lag : successor_lags(j)) longest = std::max(longest, lag);
        horizon += longest;
    }
    horizon += last_step_;
    if (horizon > (1LL << 30)) throw ModelError::invalid_value("horizon", where, "sum of durations too large");
    horizon_ = static_cast<std::int32_t>(horizon);
}

}  // namespace ppm
