#pragma once
/// @file
/// Resource levelling inside a Monte Carlo iteration (issue 5, "optional resource levelling inside
/// each iteration"): the iteration's sampled durations become a single-mode RCPSP instance (Kolisch
/// & Sprecher, PSPLIB, EJOR 96, 1997) on a grid of `period_minutes`, scheduled by one serial
/// schedule generation scheme pass with a priority rule (Kolisch 1996, "Serial and parallel
/// resource-constrained project scheduling methods revisited", EJOR 90; LFT by default, Kolisch
/// 1996, J. Oper. Mgmt 14). This is what schedule-risk tools that level in each iteration do
/// (Primavera Risk Analysis, "resource levelling during risk analysis"): one fast heuristic pass,
/// not an optimisation. docs/risk.md explains the grid rounding and the criticality it reports.
///
/// @code
/// ppm::SimulationResources res{.capacity = {100}, .demand = {100, 100}, .links = {}};
/// auto lv = ppm::level_iteration(res, std::vector<std::int64_t>{480, 480});  // finish 960
/// @endcode

#include <cstdint>
#include <span>
#include <vector>

#include "ppm/leveling/priority_rules.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"
#include "ppm/risk/simulation_network.hpp"

namespace ppm {

/// Renewable resources and their use by the simulation's tasks (indices as in the network).
struct SimulationResources {
    std::vector<std::int32_t> capacity;  ///< Per resource, in integer units (ppm uses percent: 100 = one full-time unit).
    std::vector<std::int32_t> demand;    ///< Task-major: `demand[task * capacity.size() + resource]`, 0..capacity.
    std::vector<NetworkLink> links;      ///< The precedence links (the ones given to SimulationNetwork::build).
    std::vector<std::int64_t> release;   ///< Per task earliest start in working minutes (empty = 0).
    std::int64_t period_minutes = 60;    ///< Levelling grid: durations, lags and releases are rounded UP to it.
    PriorityRule rule = PriorityRule::lft;  ///< Serial SGS order (on the sampled durations).
};

/// One levelled iteration, per task (working minutes on the simulation axis, multiples of the grid).
struct LevelledIteration {
    std::vector<std::int64_t> start;      ///< Levelled start.
    std::vector<std::int64_t> finish;     ///< Levelled finish.
    /// Zero float against the levelled finish over the links and the resource-driven links (a task
    /// delayed by levelling depends on the tasks sharing a resource that finish where it starts).
    std::vector<std::uint8_t> critical;
    std::int64_t project_finish = 0;      ///< Latest finish (0 for an empty network).
};

/// Checks `resources` against a network of `task_count` tasks. Throws ModelError invalid_value
/// (array sizes, period < 1, negative capacity, demand outside 0..capacity) or unknown_id (link to
/// a task >= task_count).
void check_simulation_resources(const SimulationResources& resources, std::size_t task_count);

/// The RCPSP instance of one iteration: job 0 is a dummy source carrying the release times, job
/// i + 1 is task i with duration ceil(duration[i] / period). Links become start-to-start arcs with
/// lag max(0, grid lag): FS d_i + L, SS L, FF d_i - d_j + L, SF L - d_j (all in periods).
[[nodiscard]] RcpspInstance iteration_instance(const SimulationResources& resources,
                                                         std::span<const std::int64_t> duration);

/// Levels one iteration (`duration` per task, working minutes): serial SGS with `resources.rule`.
[[nodiscard]] LevelledIteration level_iteration(const SimulationResources& resources, std::span<const std::int64_t> duration);

}  // namespace ppm
