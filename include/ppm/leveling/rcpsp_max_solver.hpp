#pragma once
/// @file
/// A solver for the RCPSP/max (generalised minimum and maximum time lags, renewable resources).
/// Temporal analysis first: all-pairs longest path lengths D (Floyd-Warshall); a positive cycle
/// (D[i][i] > 0) proves that no schedule exists, and the solver reports the cycle. Otherwise a
/// serial schedule generation scheme with unscheduling (Franck, Neumann & Schwindt 2001,
/// "Truncated branch-and-bound, schedule-construction, and schedule-improvement procedures for
/// resource-constrained project scheduling", OR Spektrum 23): each job starts at the earliest
/// resource-feasible time in its time window [ES, LS] computed from D and the jobs already
/// scheduled; when the window holds no such time, the jobs whose start set LS are pushed right
/// (their release dates raised by the missing amount) and the partial schedule from their start on
/// is undone. Passes are repeated with regret-based biased random sampling on LST (Kolisch 1996)
/// and, after the first schedule, on perturbed start times of the best schedule (an iterated
/// sampling). Every complete or abandoned pass counts one schedule.
/// Resource-infeasibility of a temporally consistent instance is NP-hard to prove; the solver then
/// says `no_solution`, never `infeasible`.

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string_view>
#include <vector>

#include "ppm/leveling/rcpsp_max.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"

namespace ppm {

/// What the RCPSP/max solver can say.
enum class RcpspMaxStatus : std::uint8_t {
    optimal,      ///< A schedule whose makespan equals the lower bound.
    feasible,     ///< A schedule, optimality not proven.
    infeasible,   ///< Proven: a positive cycle in the lag graph (`positive_cycle`), or a demand above a capacity.
    no_solution,  ///< No schedule found within the budget (not a proof).
};

/// "optimal", "feasible", "infeasible", "no_solution".
std::string_view to_string(RcpspMaxStatus status) noexcept;

/// RCPSP/max solver settings (an aggregate).
struct RcpspMaxOptions {
    std::int64_t max_schedules = 5000;  ///< Budget in SGS passes.
    double time_limit_seconds = 0.0;    ///< Wall-clock limit; <= 0 means none.
    std::uint64_t seed = 1;             ///< Same seed and instance: same answer.
    std::int32_t max_unschedule_steps = 0;  ///< Per pass; 0: 4 x jobs. A pass beyond it is abandoned.
    bool stop_at_lower_bound = true;    ///< Stop as soon as the makespan meets the lower bound.
    std::stop_token stop{};             ///< Cancellation; the best schedule so far is returned.
    /// Called about every 1% of the budget and at the end.
    std::function<void(const RcpspProgress&)> progress{};
};

/// The answer (arrays indexed by job, file order).
struct RcpspMaxResult {
    RcpspMaxStatus status = RcpspMaxStatus::no_solution;  ///< See RcpspMaxStatus.
    RcpspStop stop_reason = RcpspStop::budget;            ///< Why the search ended.
    std::int32_t makespan = 0;       ///< Finish of the last job (0 without a schedule).
    std::int32_t lower_bound = 0;    ///< max(longest path source -> sink, energy bound).
    std::vector<std::int32_t> start_times;     ///< One per job (empty without a schedule).
    std::vector<std::int32_t> positive_cycle;  ///< Jobs along a positive cycle when infeasible.
    std::int64_t schedules = 0;      ///< SGS passes (complete or abandoned).
    std::int64_t feasible_passes = 0;  ///< Passes that ended with a complete schedule.
    double seconds = 0.0;            ///< Wall time.
};

/// Minimises the makespan of an RCPSP/max project. Throws `ModelError` invalid_value for
/// nonsensical options or a project whose arrays do not match `num_jobs`.
[[nodiscard]] RcpspMaxResult solve_rcpsp_max(const RcpspMaxProject& project, const RcpspMaxOptions& options = {});

}  // namespace ppm
