// CSR activity-on-node network with forward/backward CPM passes (Kelley & Walker 1959).
#include "ppm/risk/simulation_network.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm {
namespace {
constexpr std::uint32_t kFlag = 1u << 31;  // link flag bit in the packed date reference
}  // namespace

SimulationNetwork SimulationNetwork::build(std::size_t task_count, std::span<const NetworkLink> links,
                                           std::span<const std::int64_t> release) {
    if (task_count >= (std::size_t{1} << 30)) throw ModelError::invalid_value("network", "", "more than 2^30 tasks");
    if (!release.empty() && release.size() != task_count)
        throw ModelError::invalid_value("network release times", "", "one per task expected");
    const auto n = static_cast<std::uint32_t>(task_count);
    for (const auto& l : links) {
        if (l.predecessor >= n) throw ModelError::unknown_id("task index", std::to_string(l.predecessor), "network link");
        if (l.successor >= n) throw ModelError::unknown_id("task index", std::to_string(l.successor), "network link");
        if (l.lag <= std::numeric_limits<std::int32_t>::min() || l.lag >= std::numeric_limits<std::int32_t>::max())
            throw ModelError::invalid_value("lag", std::to_string(l.predecessor) + "->" + std::to_string(l.successor),
                                            "must be below 2^31 minutes in magnitude");
    }
    // Kahn's algorithm; ties by task index so the order is deterministic.
    std::vector<std::uint32_t> indeg(n, 0), sbeg(n + 1, 0), sadj(links.size());
    for (const auto& l : links) ++sbeg[l.predecessor + 1], ++indeg[l.successor];
    for (std::uint32_t i = 0; i < n; ++i) sbeg[i + 1] += sbeg[i];
    {
        std::vector<std::uint32_t> fill(sbeg.begin(), sbeg.end() - 1);
        for (const auto& l : links) sadj[fill[l.predecessor]++] = l.successor;
    }
    SimulationNetwork net;
    net.order_.reserve(n);
    std::vector<std::uint32_t> ready;
    for (std::uint32_t i = n; i-- > 0;)
        if (indeg[i] == 0) ready.push_back(i);
    while (!ready.empty()) {
        const auto i = ready.back();
        ready.pop_back();
        net.order_.push_back(i);
        for (auto k = sbeg[i]; k < sbeg[i + 1]; ++k)
            if (--indeg[sadj[k]] == 0) ready.push_back(sadj[k]);
    }
    if (net.order_.size() != n) {
        // Report one cycle: walk predecessors-with-indegree among the remaining tasks.
        std::vector<std::uint32_t> remaining_pred(n, n);
        for (const auto& l : links)
            if (indeg[l.successor] > 0 && indeg[l.predecessor] > 0) remaining_pred[l.successor] = l.predecessor;
        std::uint32_t start = 0;
        while (indeg[start] == 0) ++start;
        std::vector<std::uint32_t> seen_at(n, n), path;
        std::uint32_t v = start;
        while (seen_at[v] == n) {
            seen_at[v] = static_cast<std::uint32_t>(path.size());
            path.push_back(v);
            v = remaining_pred[v];
        }
        std::vector<std::string> ids;
        for (std::size_t k = path.size(); k-- > seen_at[v];) ids.push_back(std::to_string(path[k]));
        throw ModelError::cycle("task", ids);
    }
    net.position_.assign(n, 0);
    for (std::uint32_t p = 0; p < n; ++p) net.position_[net.order_[p]] = p;
    net.release_.assign(n, 0);
    if (!release.empty())
        for (std::uint32_t i = 0; i < n; ++i) net.release_[net.position_[i]] = release[i];

    // Flat link arrays. Forward: start_j >= start_i + [FS,FF] d_i + lag - [FF,SF] d_j, with the
    // first flag on the predecessor's position and the second on the successor's. Backward:
    // finish_i <= finish_j - [FS,SS] d_j - lag + [SS,SF] d_i.
    net.all_finish_start_ = std::all_of(links.begin(), links.end(), [](const NetworkLink& l) { return l.type == LinkType::finish_start; });
    // With only FS links the flags are implied (forward: from the predecessor's finish; backward:
    // into the successor's start) and left clear, so the specialised loops use the words as indices.
    const std::uint32_t flag = net.all_finish_start_ ? 0u : kFlag;
    std::vector<std::size_t> order(links.size());
    for (std::size_t k = 0; k < links.size(); ++k) order[k] = k;
    auto pos = [&](std::uint32_t t) { return net.position_[t]; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pos(links[a].successor) < pos(links[b].successor); });
    for (auto k : order) {
        const auto& l = links[k];
        const bool fs = l.type == LinkType::finish_start, ss = l.type == LinkType::start_start;
        const bool ff = l.type == LinkType::finish_finish, sf = l.type == LinkType::start_finish;
        net.fwd_from_.push_back(pos(l.predecessor) | ((fs || ff) ? flag : 0u));
        net.fwd_to_.push_back(pos(l.successor) | ((ff || sf) ? flag : 0u));
        net.fwd_lag_.push_back(static_cast<std::int32_t>(l.lag));
        (void)ss;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return pos(links[a].predecessor) > pos(links[b].predecessor); });
    for (auto k : order) {
        const auto& l = links[k];
        const bool fs = l.type == LinkType::finish_start, ss = l.type == LinkType::start_start;
        const bool sf = l.type == LinkType::start_finish;
        net.bwd_from_.push_back(pos(l.successor) | ((fs || ss) ? flag : 0u));
        net.bwd_to_.push_back(pos(l.predecessor) | ((ss || sf) ? flag : 0u));
        net.bwd_lag_.push_back(static_cast<std::int32_t>(l.lag));
    }
    return net;
}

NetworkWorkspace SimulationNetwork::make_workspace() const {
    const auto n = size();
    NetworkWorkspace ws;
    ws.duration.assign(n, 0);
    ws.early_start.assign(n, 0);
    ws.late_finish.assign(n, 0);
    return ws;
}

std::int64_t SimulationNetwork::forward(NetworkWorkspace& ws) const noexcept {
    const std::size_t n = size();
    const std::int64_t* d = ws.duration.data();
    std::int64_t* es = ws.early_start.data();
    std::copy(release_.begin(), release_.end(), es);
    const std::uint32_t* from = fwd_from_.data();
    const std::uint32_t* to = fwd_to_.data();
    const std::int32_t* lag = fwd_lag_.data();
    const std::size_t m = fwd_from_.size();
    if (all_finish_start_) {
        for (std::size_t k = 0; k < m; ++k) {
            const std::uint32_t i = from[k], j = to[k];
            es[j] = std::max(es[j], es[i] + d[i] + lag[k]);
        }
    } else {
        for (std::size_t k = 0; k < m; ++k) {
            const std::uint32_t f = from[k], t = to[k];
            const std::uint32_t i = f & ~kFlag, j = t & ~kFlag;
            const std::int64_t cand = es[i] + static_cast<std::int64_t>(f >> 31) * d[i] + lag[k] - static_cast<std::int64_t>(t >> 31) * d[j];
            es[j] = std::max(es[j], cand);
        }
    }
    std::int64_t finish = 0;
    for (std::size_t j = 0; j < n; ++j) finish = std::max(finish, es[j] + d[j]);
    return finish;
}

void SimulationNetwork::backward(NetworkWorkspace& ws, std::int64_t finish) const noexcept {
    const std::int64_t* d = ws.duration.data();
    std::int64_t* lf = ws.late_finish.data();
    std::fill(ws.late_finish.begin(), ws.late_finish.end(), finish);
    const std::uint32_t* from = bwd_from_.data();
    const std::uint32_t* to = bwd_to_.data();
    const std::int32_t* lag = bwd_lag_.data();
    const std::size_t m = bwd_from_.size();
    if (all_finish_start_) {
        for (std::size_t k = 0; k < m; ++k) {
            const std::uint32_t j = from[k], i = to[k];
            lf[i] = std::min(lf[i], lf[j] - d[j] - lag[k]);
        }
        return;
    }
    for (std::size_t k = 0; k < m; ++k) {
        const std::uint32_t f = from[k], t = to[k];
        const std::uint32_t j = f & ~kFlag, i = t & ~kFlag;
        const std::int64_t cand = lf[j] - static_cast<std::int64_t>(f >> 31) * d[j] - lag[k] + static_cast<std::int64_t>(t >> 31) * d[i];
        lf[i] = std::min(lf[i], cand);
    }
}

}  // namespace ppm
