#pragma once
/// @file
/// Makespan lower bounds for the RCPSP: the critical path bound (LB0, Stinson et al. 1978) and
/// the resource-based energy bound (LB1 / "capacity bound": for each resource the total work
/// sum(duration x demand) divided by the capacity, rounded up). See Demeulemeester & Herroelen,
/// "Project Scheduling: A Research Handbook" (2002), ch. 6, and Klein (2000).

#include <cstdint>

#include "ppm/leveling/rcpsp_instance.hpp"

namespace ppm {

/// Bounds on the optimal makespan; `best` is the largest.
struct LowerBounds {
    std::int32_t critical_path = 0;  ///< Longest path (LB0).
    std::int32_t energy = 0;         ///< max over resources of ceil(sum d*r / capacity) (LB1).
    std::int32_t best = 0;           ///< max of the above.
};

/// Computes all bounds (O(jobs x resources + arcs)).
[[nodiscard]] LowerBounds lower_bounds(const RcpspInstance& instance);

}  // namespace ppm
