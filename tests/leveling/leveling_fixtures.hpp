#pragma once
// Small instances shared by the leveling tests.
#include <cstdint>

#include "detail_rng_for_tests.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"

namespace ppm::test {

/// Hand-made: source 0, jobs 1..3, sink 4; one resource of capacity 3.
/// job 1: d=3 r=2, job 2: d=2 r=2, job 3: d=2 r=1. Jobs 1 and 2 cannot overlap (2+2 > 3), so
/// the optimum is 3 + 2 = 5; critical path 3, energy ceil((6+4+2)/3) = 4.
inline RcpspInstance hand_instance() {
    RcpspData d;
    d.name = "hand";
    d.durations = {0, 3, 2, 2, 0};
    d.capacities = {3};
    d.demands = {0, 2, 2, 1, 0};
    for (std::int32_t j = 1; j <= 3; ++j) {
        add_finish_to_start(d, 0, j);
        add_finish_to_start(d, j, 4);
    }
    return RcpspInstance(std::move(d));
}

/// A seeded random instance: `jobs` real jobs between a source and a sink, arcs only from lower
/// to higher numbers (so acyclic), `resources` resources with capacity 10.
inline RcpspInstance random_instance(std::uint64_t seed, std::int32_t jobs, std::int32_t resources) {
    SplitMix rng{seed};
    RcpspData d;
    d.name = "random" + std::to_string(seed);
    const std::int32_t n = jobs + 2;
    d.capacities.assign(static_cast<std::size_t>(resources), 10);
    for (std::int32_t j = 0; j < n; ++j) {
        const bool dummy = j == 0 || j == n - 1;
        d.durations.push_back(dummy ? 0 : static_cast<std::int32_t>(rng.below(10)) + 1);
        for (std::int32_t k = 0; k < resources; ++k)
            d.demands.push_back(dummy ? 0 : static_cast<std::int32_t>(rng.below(11)));
    }
    std::vector<bool> has_pred(static_cast<std::size_t>(n), false), has_succ(static_cast<std::size_t>(n), false);
    for (std::int32_t i = 1; i < n - 1; ++i)
        for (std::int32_t j = i + 1; j < n - 1; ++j)
            if (rng.below(100) < 8) {
                add_finish_to_start(d, i, j);
                has_pred[j] = has_succ[i] = true;
            }
    for (std::int32_t j = 1; j < n - 1; ++j) {
        if (!has_pred[j]) add_finish_to_start(d, 0, j);
        if (!has_succ[j]) add_finish_to_start(d, j, n - 1);
    }
    return RcpspInstance(std::move(d));
}

}  // namespace ppm::test
