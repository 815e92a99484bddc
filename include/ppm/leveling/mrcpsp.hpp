#pragma once
/// @file
/// The multi-mode RCPSP (MRCPSP): every job runs in one of several modes (duration, renewable
/// per-period demands, non-renewable total consumption); choose a mode and a start per job so that
/// renewable capacities hold in every period, non-renewable budgets hold over the project, and the
/// makespan is minimal. Problem: Talbot (1982); instances: PSPLIB `.mm` (Kolisch & Sprecher 1997).
///
/// Solver: the genetic algorithm of Hartmann (2001, "Project scheduling with multiple modes: a
/// genetic algorithm", Annals of OR 102): an individual is an activity list plus a mode assignment,
/// decoded by the serial SGS; fitness of a non-renewable-infeasible assignment is the horizon plus
/// the excess (so every feasible individual is better). Additions from Van Peteghem & Vanhoucke
/// (2010, "A genetic algorithm for the preemptive and non-preemptive multi-mode RCPSP", EJOR 201):
/// a mode-improvement step, and the double justification of Valls et al. (2005) of every child.
/// Preprocessing removes non-executable and inefficient modes (Sprecher, Hartmann & Drexl 1997).
/// docs/leveling.md explains the choices.
///
/// @code
/// auto project = ppm::read_psplib("j1010_1.mm");
/// auto result = ppm::solve_mrcpsp(project, {.max_schedules = 5000, .seed = 1});
/// // result.makespan, result.modes (0-based per job), result.start_times
/// @endcode

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string_view>
#include <vector>

#include "ppm/leveling/psplib.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"

namespace ppm {

/// What the multi-mode solver can say about its answer.
enum class MrcpspStatus : std::uint8_t {
    optimal,      ///< A schedule whose makespan equals the lower bound.
    feasible,     ///< A schedule, optimality not proven.
    infeasible,   ///< Proven: some non-renewable budget is below the sum of the smallest demands.
    no_solution,  ///< No non-renewable-feasible mode assignment was found (not a proof).
};

/// "optimal", "feasible", "infeasible", "no_solution".
std::string_view to_string(MrcpspStatus status) noexcept;

/// Multi-mode solver settings (an aggregate).
struct MrcpspOptions {
    std::int64_t max_schedules = 5000;  ///< Budget in SGS passes (forward or backward, each counts one).
    double time_limit_seconds = 0.0;    ///< Wall-clock limit; <= 0 means none.
    std::uint64_t seed = 1;             ///< Same seed and instance: same answer.
    std::int32_t population_size = 0;  ///< 0: chosen from the budget.
    bool stop_at_lower_bound = true;    ///< Stop as soon as the makespan meets the lower bound.
    std::stop_token stop{};             ///< Cancellation; the best schedule so far is returned.
    /// Called about every 1% of the budget and at the end.
    std::function<void(const RcpspProgress&)> progress{};
};

/// The answer (arrays indexed by job, file order).
struct MrcpspResult {
    MrcpspStatus status = MrcpspStatus::no_solution;  ///< See MrcpspStatus.
    RcpspStop stop_reason = RcpspStop::budget;        ///< Why the search ended.
    std::int32_t makespan = 0;                        ///< Finish of the last job (0 without a schedule).
    std::int32_t lower_bound = 0;  ///< max(critical path with shortest modes, energy bound with cheapest modes).
    std::vector<std::int32_t> modes;        ///< 0-based mode index per job (empty without a schedule).
    std::vector<std::int32_t> start_times;  ///< One per job (empty without a schedule).
    std::vector<std::int32_t> nonrenewable_excess;  ///< Proof data when infeasible: per resource, min total demand - budget.
    std::int64_t schedules = 0;  ///< SGS passes generated.
    std::int64_t generations = 0;  ///< GA generations.
    double seconds = 0.0;        ///< Wall time.
};

/// Minimises the makespan of a multi-mode project (read by `read_psplib`; single-mode files work
/// too). Throws `ModelError` invalid_value for nonsensical options (no budget and no time limit).
[[nodiscard]] MrcpspResult solve_mrcpsp(const PsplibProject& project, const MrcpspOptions& options = {});

}  // namespace ppm
