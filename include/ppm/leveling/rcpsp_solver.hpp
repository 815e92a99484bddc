#pragma once
/// @file
/// The RCPSP solver: a genetic algorithm on activity lists with two populations (left- and
/// right-justified schedules, the bi-population GA of Debels & Vanhoucke 2005/2007), every child
/// decoded by the serial or the parallel SGS (a self-adapting gene, Hartmann 2002, NRL 49) and
/// justified the other way (Valls, Ballestin & Quintanilla 2005, EJOR 165), a time-window crossover
/// after the peak crossover (Valls et al. 2008, EJOR 185) and the two-point crossover (Hartmann 1998,
/// NRL 45), and lists re-encoded from the justified schedule (Debels et al. 2006);
/// equal makespans are ranked by the work left in the last periods (docs/leveling.md).
/// The budget is counted in schedules as in Kolisch & Hartmann (2006, EJOR 174): every SGS pass,
/// forward or backward, serial or parallel, counts one.
/// docs/leveling.md explains the choices.
///
/// @code
/// auto instance = ppm::read_psplib_sm("j301_1.sm");
/// auto result = ppm::solve_rcpsp(instance, {.max_schedules = 5000, .seed = 1});
/// // result.makespan, result.start_times (one per job), result.lower_bound, result.status
/// @endcode

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string_view>
#include <vector>

#include "ppm/leveling/lower_bounds.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"

namespace ppm {

/// What the solver can say about its answer.
enum class RcpspStatus : std::uint8_t {
    optimal,      ///< Makespan equals a lower bound (and no project is late): proven optimal.
    feasible,     ///< A feasible schedule, optimality not proven.
    no_solution,  ///< Stopped before the first schedule (cancelled at once, or zero budget).
};

/// Why the search stopped.
enum class RcpspStop : std::uint8_t {
    budget,         ///< The schedule budget is used up.
    time_limit,     ///< The time limit was reached.
    cancelled,      ///< The stop token was triggered.
    lower_bound,    ///< The makespan met the lower bound.
};

/// "optimal", "feasible", "no_solution".
std::string_view to_string(RcpspStatus status) noexcept;
/// "budget", "time_limit", "cancelled", "lower_bound".
std::string_view to_string(RcpspStop stop) noexcept;

/// How `RcpspOptions::threads` are used.
enum class RcpspThreading : std::uint8_t {
    islands,   ///< One independent GA per thread, the budget split evenly: the answer depends on the thread count.
    children,  ///< One GA whose children are decoded by the threads: the same answer for any thread count.
};

/// A snapshot handed to the progress callback.
struct RcpspProgress {
    std::int64_t schedules = 0;        ///< Schedules generated so far (all threads).
    std::int64_t max_schedules = 0;    ///< The budget.
    std::int32_t best_makespan = 0;    ///< Best makespan so far (all threads).
    std::int32_t lower_bound = 0;      ///< Best lower bound.
    double seconds = 0.0;              ///< Wall time so far.
};

/// Several projects in one instance: the solver then minimises their total weighted delay
/// (sum over projects of weight x max(0, finish - due), a project's finish being its jobs' latest
/// finish) and the makespan, lexicographically in the order `makespan_first` says. Only forward
/// (left-justified) schedules can then be the answer; right-justified ones still order the search.
struct RcpspProjects {
    std::vector<std::int32_t> project_of;  ///< One per job: its project (0-based), or -1 for none.
    std::vector<std::int32_t> due;         ///< One per project: the period it may finish by without delay.
    std::vector<double> weight;            ///< One per project: the weight of a period late (0..1e9).
    bool makespan_first = false;           ///< The makespan first, then the weighted delay (else the delay first).
};

/// Solver settings (an aggregate: set what you need with designated initialisers).
struct RcpspOptions {
    std::int64_t max_schedules = 5000;  ///< Budget in SGS passes (<= 0: no schedule budget, needs a time limit).
    double time_limit_seconds = 0.0;    ///< Wall-clock limit; <= 0 means none. Makes runs timing-dependent.
    std::uint64_t seed = 1;             ///< Same seed, instance and thread count (any count with `children`): same answer.
    std::int32_t threads = 1;           ///< Threads: islands or child decoders (`threading`).
    RcpspThreading threading = RcpspThreading::islands;  ///< What the threads do.
    std::int32_t population_size = 0;  ///< 0: chosen from the budget and the number of jobs (docs/leveling.md).
    bool stop_at_lower_bound = true;    ///< Stop as soon as the makespan meets the lower bound.
    std::stop_token stop{};             ///< Cancellation; the best schedule so far is returned.
    /// Activity lists the first population starts from, before the sampled ones (each island's);
    /// every one must be an activity list of the instance (`require_activity_list`).
    std::vector<std::vector<std::int32_t>> initial_lists{};
    /// Empty (no `project_of`): minimise the makespan. Else the projects' weighted delay too.
    RcpspProjects projects{};
    /// Called about every 1% of the budget (and at the end), serialised, possibly from a worker thread.
    std::function<void(const RcpspProgress&)> progress{};
};

/// The answer: schedule, bounds and statistics (arrays indexed by job).
struct RcpspResult {
    RcpspStatus status = RcpspStatus::no_solution;  ///< See RcpspStatus.
    RcpspStop stop_reason = RcpspStop::budget;      ///< See RcpspStop.
    std::int32_t makespan = 0;                      ///< Finish of the last job.
    double weighted_delay = 0.0;                    ///< With `RcpspOptions::projects`: the answer's weighted delay.
    std::int32_t lower_bound = 0;                   ///< `bounds.best`.
    LowerBounds bounds;                             ///< All bounds computed.
    std::vector<std::int32_t> start_times;          ///< One per job (empty when no_solution).
    std::int64_t schedules = 0;                     ///< SGS passes generated (all threads).
    std::int64_t generations = 0;                   ///< GA generations (all threads).
    double seconds = 0.0;                           ///< Wall time.
};

/// Minimises the makespan of `instance` (or the projects' weighted delay and the makespan). Never
/// throws for solver outcomes; throws `ModelError` (invalid_value) for nonsensical options
/// (threads < 1, no budget and no limit, projects of the wrong size or out of range).
[[nodiscard]] RcpspResult solve_rcpsp(const RcpspInstance& instance, const RcpspOptions& options = {});

}  // namespace ppm
