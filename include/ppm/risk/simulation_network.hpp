#pragma once
/// @file
/// A compact activity-on-node network for Monte Carlo re-runs: tasks renumbered in topological
/// order, predecessor and successor lists in CSR arrays, integer working minutes. A forward pass
/// is the DAG longest path (Kelley & Walker, "Critical-path planning and scheduling", 1959); the
/// backward pass gives late dates and total float. Used by schedule risk analysis with a reusable
/// workspace so no iteration allocates. Lags are working minutes on one common time axis.

#include <cstdint>
#include <span>
#include <vector>

#include "ppm/core/dependency.hpp"

namespace ppm {

/// A precedence link between dense task positions (0-based, as given to build()).
struct NetworkLink {
    std::uint32_t predecessor = 0;
    std::uint32_t successor = 0;
    LinkType type = LinkType::finish_start;
    std::int64_t lag = 0;  ///< Working minutes (negative = lead).
};

/// Per-run scratch arrays; size them once with SimulationNetwork::make_workspace.
/// Per-run scratch arrays (position order); size them once with SimulationNetwork::make_workspace.
/// Only early starts and late finishes are stored: the other two dates add or subtract the duration.
struct NetworkWorkspace {
    std::vector<std::int64_t> duration;     ///< In topological position order.
    std::vector<std::int64_t> early_start;  ///< Filled by forward().
    std::vector<std::int64_t> late_finish;  ///< Filled by backward().

    [[nodiscard]] std::int64_t early_finish(std::uint32_t pos) const noexcept { return early_start[pos] + duration[pos]; }
    [[nodiscard]] std::int64_t late_start(std::uint32_t pos) const noexcept { return late_finish[pos] - duration[pos]; }
};

/// The immutable network (a class: its arrays must stay consistent).
class SimulationNetwork {
public:
    SimulationNetwork() = default;
    /// Builds the network; `release[i]` is task i's earliest start (minutes, default 0).
    /// Throws ModelError: unknown_id for a link to a task >= task_count, cycle (members in order).
    static SimulationNetwork build(std::size_t task_count, std::span<const NetworkLink> links,
                                   std::span<const std::int64_t> release = {});

    /// Number of tasks.
    [[nodiscard]] std::size_t size() const noexcept { return order_.size(); }
    /// Number of links.
    [[nodiscard]] std::size_t link_count() const noexcept { return fwd_from_.size(); }
    /// Topological position of task i, and the task at a position.
    [[nodiscard]] std::uint32_t position(std::uint32_t task) const noexcept { return position_[task]; }
    [[nodiscard]] std::uint32_t task_at(std::uint32_t pos) const noexcept { return order_[pos]; }

    /// Workspace sized for this network.
    [[nodiscard]] NetworkWorkspace make_workspace() const;

    /// Forward pass on `ws.duration` (position order): fills early start/finish, returns the
    /// project finish (max early finish, >= 0).
    std::int64_t forward(NetworkWorkspace& ws) const noexcept;
    /// Backward pass from `finish`: fills late dates (position order). Call after forward().
    void backward(NetworkWorkspace& ws, std::int64_t finish) const noexcept;

private:
    std::vector<std::uint32_t> order_, position_;
    std::vector<std::int64_t> release_;  // by position
    // Links as flat arrays, 12 bytes each, so a pass is one loop without a per-task inner loop
    // (whose varying trip count costs a branch misprediction per task). Bit 31 of a position
    // carries the link type: see build(). Forward links are sorted by successor position (all
    // links into a task precede the links out of it), backward links by predecessor, descending.
    std::vector<std::uint32_t> fwd_from_, fwd_to_;
    std::vector<std::int32_t> fwd_lag_;
    std::vector<std::uint32_t> bwd_from_, bwd_to_;
    std::vector<std::int32_t> bwd_lag_;
    // True when every link is finish-start (the common case): the passes then skip the flag
    // arithmetic (half the instructions per link), with flag bits left clear in the arrays.
    bool all_finish_start_ = false;
};

}  // namespace ppm
