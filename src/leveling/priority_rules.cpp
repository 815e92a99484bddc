// Priority rules (Kolisch 1996, J. Oper. Mgmt 14) and resource-free time windows (CPM).
#include "ppm/leveling/priority_rules.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace ppm {

std::string_view to_string(PriorityRule rule) noexcept {
    switch (rule) {
        case PriorityRule::lft: return "lft";
        case PriorityRule::lst: return "lst";
        case PriorityRule::min_slack: return "min_slack";
        case PriorityRule::mts: return "mts";
        case PriorityRule::grpw: return "grpw";
        case PriorityRule::spt: return "spt";
        case PriorityRule::est: return "est";
    }
    return "unknown";
}

TimeWindows time_windows(const RcpspInstance& instance) {
    const std::int32_t n = instance.num_jobs();
    TimeWindows w;
    w.earliest_start.assign(static_cast<std::size_t>(n), 0);
    for (std::int32_t j : instance.topological_order()) {
        auto preds = instance.predecessors(j);
        auto lags = instance.predecessor_lags(j);
        for (std::size_t a = 0; a < preds.size(); ++a)
            w.earliest_start[j] = std::max(w.earliest_start[j], w.earliest_start[preds[a]] + lags[a]);
        w.critical_path_length = std::max(w.critical_path_length, w.earliest_start[j] + instance.duration(j));
    }
    w.latest_start.assign(static_cast<std::size_t>(n), 0);
    auto order = instance.topological_order();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        const std::int32_t j = *it;
        std::int32_t ls = w.critical_path_length - instance.duration(j);
        auto succs = instance.successors(j);
        auto lags = instance.successor_lags(j);
        for (std::size_t a = 0; a < succs.size(); ++a) ls = std::min(ls, w.latest_start[succs[a]] - lags[a]);
        w.latest_start[j] = ls;
    }
    return w;
}

namespace {

// MTS: minus the number of transitive successors of each task, with bitsets, taking the tasks in
// `reverse_order` (every task after all its successors). `successors_of(j)` is a range of indices.
template <class Order, class Successors>
void most_total_successors(std::size_t n, const Order& reverse_order, Successors successors_of, std::span<double> out) {
    const std::size_t words = (n + 63) / 64;
    std::vector<std::uint64_t> reach(words * n, 0);
    for (const auto j : reverse_order) {
        std::uint64_t* rj = reach.data() + words * static_cast<std::size_t>(j);
        for (const auto s : successors_of(j)) {
            const std::uint64_t* rs = reach.data() + words * static_cast<std::size_t>(s);
            for (std::size_t w = 0; w < words; ++w) rj[w] |= rs[w];
            rj[static_cast<std::size_t>(s) / 64] |= std::uint64_t{1} << (static_cast<std::size_t>(s) % 64);
        }
        int count = 0;
        for (std::size_t w = 0; w < words; ++w) count += __builtin_popcountll(rj[w]);
        out[static_cast<std::size_t>(j)] = -static_cast<double>(count);
    }
}

}  // namespace

std::vector<double> priority_values(const RcpspInstance& instance, PriorityRule rule) {
    const std::int32_t n = instance.num_jobs();
    std::vector<double> v(static_cast<std::size_t>(n), 0.0);
    if (rule == PriorityRule::mts) {
        const auto order = instance.topological_order();
        most_total_successors(static_cast<std::size_t>(n), std::vector<std::int32_t>(order.rbegin(), order.rend()),
                              [&](std::int32_t j) { return instance.successors(j); }, v);
        return v;
    }
    if (rule == PriorityRule::grpw) {
        for (std::int32_t j = 0; j < n; ++j) {
            double w = instance.duration(j);
            for (std::int32_t s : instance.successors(j)) w += instance.duration(s);
            v[j] = -w;
        }
        return v;
    }
    if (rule == PriorityRule::spt) {
        for (std::int32_t j = 0; j < n; ++j) v[j] = instance.duration(j);
        return v;
    }
    const TimeWindows w = time_windows(instance);
    for (std::int32_t j = 0; j < n; ++j) {
        const double lst = w.latest_start[j];
        const double lft = lst + instance.duration(j);
        switch (rule) {
            case PriorityRule::lft: v[j] = lft; break;
            case PriorityRule::lst: v[j] = lst; break;
            case PriorityRule::est: v[j] = w.earliest_start[j]; break;
            // Slack dominates; LFT breaks ties (scaled below one slack unit).
            case PriorityRule::min_slack:
                v[j] = (lst - w.earliest_start[j]) + lft / (2.0 * (w.critical_path_length + 1.0));
                break;
            default: break;
        }
    }
    return v;
}

void priority_values(PriorityRule rule, const NetworkRuleInputs& network, std::span<double> out) {
    const std::size_t n = out.size();
    auto successors_of = [&](std::size_t i) {
        return network.successors.subspan(network.successor_offsets[i], network.successor_offsets[i + 1] - network.successor_offsets[i]);
    };
    if (rule == PriorityRule::mts) {
        // Reverse topological order of the successor graph (Kahn on the reversed arcs).
        std::vector<std::uint32_t> pending(n, 0), order;
        order.reserve(n);
        for (std::size_t i = 0; i < n; ++i) pending[i] = network.successor_offsets[i + 1] - network.successor_offsets[i];
        std::vector<std::vector<std::uint32_t>> predecessors(n);
        for (std::size_t i = 0; i < n; ++i)
            for (const std::uint32_t s : successors_of(i)) predecessors[s].push_back(static_cast<std::uint32_t>(i));
        for (std::size_t i = 0; i < n; ++i)
            if (pending[i] == 0) order.push_back(static_cast<std::uint32_t>(i));
        for (std::size_t k = 0; k < order.size(); ++k)
            for (const std::uint32_t p : predecessors[order[k]])
                if (--pending[p] == 0) order.push_back(p);
        most_total_successors(n, order, successors_of, out);
        return;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double es = static_cast<double>(network.earliest_start[i]);
        switch (rule) {
            case PriorityRule::min_slack: out[i] = static_cast<double>(network.total_float[i]) * 1e6 + es * 1e-6; break;
            case PriorityRule::lst: out[i] = static_cast<double>(network.latest_start[i]) + es * 1e-9; break;
            case PriorityRule::lft: out[i] = static_cast<double>(network.latest_finish[i]) + es * 1e-9; break;
            case PriorityRule::est: out[i] = es + static_cast<double>(network.total_float[i]) * 1e-9; break;
            case PriorityRule::spt: out[i] = static_cast<double>(network.duration[i]); break;
            case PriorityRule::grpw: {
                double w = static_cast<double>(network.duration[i]);
                for (const std::uint32_t s : successors_of(i)) w += static_cast<double>(network.duration[s]);
                out[i] = -w;
                break;
            }
            case PriorityRule::mts: break;  // above
        }
    }
}

}  // namespace ppm
