#pragma once
/// @file
/// RCPSP/max: the RCPSP with generalised precedence constraints (minimum and maximum start-to-start
/// time lags; a maximum lag is a negative arc in the other direction, so the constraint graph may
/// have cycles). Problem and temporal analysis as in Neumann, Schwindt & Zimmermann, "Project
/// Scheduling with Time Windows and Scarce Resources" (2nd ed. 2003), ch. 1: earliest starts are
/// longest path lengths from the source; a cycle of positive length proves the instance infeasible.
/// First version: data type and temporal analysis (the resource-constrained solver comes later).

#include <cstdint>
#include <string>
#include <vector>

#include "ppm/leveling/rcpsp_instance.hpp"

namespace ppm {

/// An RCPSP/max instance as read from a ProGen/max `.sch` file (jobs 0..n+1, source 0, sink n+1).
struct RcpspMaxProject {
    std::string path;                      ///< The file (for messages).
    std::int32_t num_jobs = 0;             ///< Including both dummies.
    std::vector<std::int32_t> durations;   ///< One per job.
    std::vector<std::int32_t> capacities;  ///< One per renewable resource.
    std::vector<std::int32_t> demands;     ///< Job-major, capacities.size() per job.
    std::vector<RcpspArc> arcs;            ///< S[to] >= S[from] + lag; lag may be negative.
};

/// Result of the temporal analysis (resources ignored).
struct TemporalAnalysis {
    bool feasible = true;                       ///< False when a positive cycle exists.
    std::vector<std::int32_t> earliest_start;   ///< Longest path from the source (when feasible).
    std::int32_t makespan_bound = 0;            ///< Earliest start of the sink: a lower bound.
    std::vector<std::int32_t> positive_cycle;   ///< Jobs of one positive cycle (when infeasible).
};

/// Earliest starts by label-correcting longest paths (Bellman-Ford, O(jobs x arcs)); reports a
/// positive cycle, which proves that no schedule exists whatever the resources.
[[nodiscard]] TemporalAnalysis temporal_analysis(const RcpspMaxProject& project);

}  // namespace ppm
