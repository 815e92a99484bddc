// CSR activity-on-node network with forward/backward CPM passes (Kelley & Walker 1959).
#include "ppm/risk/simulation_network.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm {

SimulationNetwork SimulationNetwork::build(std::size_t task_count, std::span<const NetworkLink> links,
                                           std::span<const std::int64_t> release) {
    if (task_count >= std::numeric_limits<std::uint32_t>::max())
        throw ModelError::invalid_value("network", "", "too many tasks");
    if (!release.empty() && release.size() != task_count)
        throw ModelError::invalid_value("network release times", "", "one per task expected");
    const auto n = static_cast<std::uint32_t>(task_count);
    for (const auto& l : links) {
        if (l.predecessor >= n) throw ModelError::unknown_id("task index", std::to_string(l.predecessor), "network link");
        if (l.successor >= n) throw ModelError::unknown_id("task index", std::to_string(l.successor), "network link");
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

    // CSR by positions.
    auto fill_csr = [&](bool by_successor, std::vector<std::uint32_t>& begin, std::vector<std::uint32_t>& other,
                        std::vector<std::uint8_t>& type, std::vector<std::int64_t>& lag) {
        begin.assign(n + 1, 0);
        other.resize(links.size());
        type.resize(links.size());
        lag.resize(links.size());
        for (const auto& l : links) ++begin[net.position_[by_successor ? l.successor : l.predecessor] + 1];
        for (std::uint32_t i = 0; i < n; ++i) begin[i + 1] += begin[i];
        std::vector<std::uint32_t> fill(begin.begin(), begin.end() - 1);
        for (const auto& l : links) {
            const auto owner = net.position_[by_successor ? l.successor : l.predecessor];
            const auto k = fill[owner]++;
            other[k] = net.position_[by_successor ? l.predecessor : l.successor];
            type[k] = static_cast<std::uint8_t>(l.type);
            lag[k] = l.lag;
        }
    };
    fill_csr(true, net.pred_begin_, net.pred_task_, net.pred_type_, net.pred_lag_);
    fill_csr(false, net.succ_begin_, net.succ_task_, net.succ_type_, net.succ_lag_);
    return net;
}

NetworkWorkspace SimulationNetwork::make_workspace() const {
    const auto n = size();
    return NetworkWorkspace{.duration = std::vector<std::int64_t>(n, 0), .early_start = std::vector<std::int64_t>(n, 0),
                            .early_finish = std::vector<std::int64_t>(n, 0), .late_finish = std::vector<std::int64_t>(n, 0)};
}

std::int64_t SimulationNetwork::forward(NetworkWorkspace& ws) const noexcept {
    const std::size_t n = size();
    const std::int64_t* d = ws.duration.data();
    std::int64_t* es = ws.early_start.data();
    std::int64_t* ef = ws.early_finish.data();
    std::int64_t finish = 0;
    for (std::size_t j = 0; j < n; ++j) {
        std::int64_t start = release_[j];
        const std::int64_t dj = d[j];
        for (auto k = pred_begin_[j]; k < pred_begin_[j + 1]; ++k) {
            const auto i = pred_task_[k];
            std::int64_t s;
            switch (static_cast<LinkType>(pred_type_[k])) {
                case LinkType::finish_start: s = ef[i] + pred_lag_[k]; break;
                case LinkType::start_start: s = es[i] + pred_lag_[k]; break;
                case LinkType::finish_finish: s = ef[i] + pred_lag_[k] - dj; break;
                default: s = es[i] + pred_lag_[k] - dj; break;  // start_finish
            }
            start = std::max(start, s);
        }
        es[j] = start;
        ef[j] = start + dj;
        finish = std::max(finish, ef[j]);
    }
    return finish;
}

void SimulationNetwork::backward(NetworkWorkspace& ws, std::int64_t finish) const noexcept {
    const std::size_t n = size();
    const std::int64_t* d = ws.duration.data();
    std::int64_t* lf = ws.late_finish.data();
    for (std::size_t j = n; j-- > 0;) {
        std::int64_t late = finish;
        const std::int64_t dj = d[j];
        for (auto k = succ_begin_[j]; k < succ_begin_[j + 1]; ++k) {
            const auto s = succ_task_[k];
            const std::int64_t ls_s = lf[s] - d[s];
            std::int64_t f;
            switch (static_cast<LinkType>(succ_type_[k])) {
                case LinkType::finish_start: f = ls_s - succ_lag_[k]; break;
                case LinkType::start_start: f = ls_s - succ_lag_[k] + dj; break;
                case LinkType::finish_finish: f = lf[s] - succ_lag_[k]; break;
                default: f = lf[s] - succ_lag_[k] + dj; break;  // start_finish
            }
            late = std::min(late, f);
        }
        lf[j] = late;
    }
}

}  // namespace ppm
