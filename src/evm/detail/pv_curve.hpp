#pragma once
// The cumulative planned-value curve of a set of baseline tasks, exact and piecewise linear: each
// task's budget runs at a constant rate over the working minutes of its calendar (elapsed time
// without one), so the curve bends only where a task's working period starts or ends.
#include <cstdint>
#include <span>
#include <vector>

#include "ppm/core/time.hpp"
#include "ppm/evm/baseline.hpp"

namespace ppm::detail {

/// A change of the PV rate (minor units per minute) or a step (a milestone's cost) at `time`
/// (minutes since the epoch).
struct PvEvent {
    std::int64_t time;
    double slope;
    double jump;
};

/// Appends the events of task `k` of `b`: one rate change at each start and end of a working
/// period of its calendar inside [start, finish] (O(periods x log span) calendar queries).
void append_pv_events(const Baseline& b, std::size_t k, std::vector<PvEvent>& out);

/// The curve of `events` (any order; sorted here) as knots: times in minutes from `origin` and
/// cumulative PV in minor units, linear between knots, never decreasing, at least two knots.
void pv_curve(std::vector<PvEvent>& events, Instant origin, std::vector<double>& t, std::vector<double>& pv);

}  // namespace ppm::detail
