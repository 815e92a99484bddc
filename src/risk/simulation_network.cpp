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

    // CSR by positions, with each link's type folded into an offset and a 0/1 multiplier.
    auto fill_csr = [&](bool by_successor, std::vector<std::uint32_t>& begin, std::vector<std::uint32_t>& ref,
                        std::vector<std::int32_t>& lag) {
        begin.assign(n + 1, 0);
        ref.resize(links.size());
        lag.resize(links.size());
        for (const auto& l : links) ++begin[net.position_[by_successor ? l.successor : l.predecessor] + 1];
        for (std::uint32_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
        std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
        for (const auto& l : links) {
            const auto owner = net.position_[by_successor ? l.successor : l.predecessor];
            const auto other = net.position_[by_successor ? l.predecessor : l.successor];
            const auto k = fill[owner]++;
            const bool ff = l.type == LinkType::finish_finish, sf = l.type == LinkType::start_finish;
            const bool fs = l.type == LinkType::finish_start, ss = l.type == LinkType::start_start;
            if (by_successor) {  // forward: start >= pred.(start|finish) + lag - (FF/SF ? own duration : 0)
                ref[k] = (2 * other + ((fs || ff) ? 1u : 0u)) | ((ff || sf) ? kFlag : 0u);
            } else {  // backward: finish <= succ.(late start|late finish) - lag + (SS/SF ? own duration : 0)
                ref[k] = (2 * other + ((ff || sf) ? 1u : 0u)) | ((ss || sf) ? kFlag : 0u);
            }
            lag[k] = static_cast<std::int32_t>(l.lag);
        }
    };
    fill_csr(true, net.pred_begin_, net.pred_ref_, net.pred_lag_);
    fill_csr(false, net.succ_begin_, net.succ_ref_, net.succ_lag_);
    return net;
}

NetworkWorkspace SimulationNetwork::make_workspace() const {
    const auto n = size();
    NetworkWorkspace ws;
    ws.duration.assign(n, 0);
    ws.early.assign(2 * n, 0);
    ws.late.assign(2 * n, 0);
    return ws;
}

std::int64_t SimulationNetwork::forward(NetworkWorkspace& ws) const noexcept {
    const std::size_t n = size();
    const std::int64_t* d = ws.duration.data();
    std::int64_t* early = ws.early.data();
    const std::uint32_t* begin = pred_begin_.data();
    const std::uint32_t* ref = pred_ref_.data();
    const std::int32_t* lag = pred_lag_.data();
    std::int64_t finish = 0;
    for (std::size_t j = 0; j < n; ++j) {
        std::int64_t start = release_[j];
        const std::int64_t dj = d[j];
        for (auto k = begin[j]; k < begin[j + 1]; ++k) {
            const std::uint32_t r = ref[k];
            start = std::max(start, early[r & ~kFlag] + lag[k] - static_cast<std::int64_t>(r >> 31) * dj);
        }
        early[2 * j] = start;
        early[2 * j + 1] = start + dj;
        finish = std::max(finish, start + dj);
    }
    return finish;
}

void SimulationNetwork::backward(NetworkWorkspace& ws, std::int64_t finish) const noexcept {
    const std::size_t n = size();
    const std::int64_t* d = ws.duration.data();
    std::int64_t* late = ws.late.data();
    const std::uint32_t* begin = succ_begin_.data();
    const std::uint32_t* ref = succ_ref_.data();
    const std::int32_t* lag = succ_lag_.data();
    for (std::size_t j = n; j-- > 0;) {
        std::int64_t lf = finish;
        const std::int64_t dj = d[j];
        for (auto k = begin[j]; k < begin[j + 1]; ++k) {
            const std::uint32_t r = ref[k];
            lf = std::min(lf, late[r & ~kFlag] - lag[k] + static_cast<std::int64_t>(r >> 31) * dj);
        }
        late[2 * j + 1] = lf;
        late[2 * j] = lf - dj;
    }
}

}  // namespace ppm
