#pragma once
/// @file
/// Monte Carlo schedule risk analysis (Van Slyke, "Monte Carlo methods and the PERT problem",
/// Operations Research 11(5), 1963; AACE International Recommended Practice 57R-09, "Integrated
/// cost and schedule risk analysis using Monte Carlo simulation of a CPM model", 2011).
///
/// Each iteration samples every task's duration (independently or through a Gaussian copula),
/// fires risk events (probability -> extra duration on linked tasks and extra cost), runs a CPM
/// forward and backward pass on the prebuilt network and records the finish, the cost and which
/// tasks were critical (total float <= 0). Outputs: finish and cost distributions (raw samples,
/// histogram, percentiles), criticality index (share of iterations a task is critical), Spearman
/// rank correlation of each task's duration with the project duration (sensitivity), cruciality
/// (criticality x sensitivity, Williams, "Criticality in stochastic networks", JORS 43(4), 1992),
/// and the probability of meeting a date.
///
/// Determinism: every random number is a counter-based hash of (seed, iteration, slot), so the
/// answer is identical for any thread count; accumulations are integers or per-iteration arrays.
///
/// @code
/// auto net = ppm::SimulationNetwork::build(n, links);
/// ppm::MonteCarloInput in{.network = &net, .duration = dists};
/// auto r = ppm::simulate(in, {.iterations = 10'000, .seed = 42});
/// double p80 = ppm::finish_percentile(r, 80);
/// @endcode

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "ppm/risk/correlation.hpp"
#include "ppm/risk/distribution.hpp"
#include "ppm/risk/iteration_calendars.hpp"
#include "ppm/risk/iteration_leveling.hpp"
#include "ppm/risk/simulation_network.hpp"

namespace ppm {

/// A discrete risk event: with `probability` it happens and adds `extra_duration` working minutes
/// to each of `tasks` (one value for all, or one per task) and `extra_cost` minor units.
struct RiskEvent {
    std::string id;
    double probability = 0.0;
    std::vector<std::uint32_t> tasks;
    std::vector<std::int64_t> extra_duration;  ///< Size 1 (applies to every task) or tasks.size().
    double extra_cost = 0.0;                   ///< Minor units added to the iteration's cost.
};

/// What to simulate. Arrays indexed by the network's task index (as given to build()).
struct MonteCarloInput {
    const SimulationNetwork* network = nullptr;
    std::vector<DurationDistribution> duration;  ///< Per task (fixed_at(d) for a certain task).
    std::vector<double> cost_fixed;              ///< Per task, minor units (empty = 0).
    std::vector<double> cost_per_minute;         ///< Per task, minor units per working minute (empty = 0).
    std::vector<RiskEvent> events;
    std::vector<CorrelationGroup> correlations;  ///< Disjoint groups of correlated tasks.
    std::optional<SimulationResources> resources;  ///< Resources for levelling inside iterations (options.level).
    /// Per-task calendars: when set, each iteration runs the exact CPM (`run_cpm`) on the sampled
    /// durations and finishes are elapsed minutes after `calendars->origin` (iteration_calendars.hpp).
    std::optional<CalendarTiming> calendars;
};

/// How to simulate.
struct MonteCarloOptions {
    std::uint64_t iterations = 1000;          ///< 1 .. 10,000,000.
    std::uint64_t seed = 1;
    unsigned threads = 0;                     ///< 0 = hardware concurrency.
    int histogram_bins = 40;
    bool repair_correlation = false;          ///< Repair a non-PSD matrix instead of throwing.
    bool sensitivity = true;                  ///< Compute Spearman sensitivity and cruciality (a second, sampling-only pass).
    /// Level resources inside each iteration (serial SGS on the sampled durations, needs
    /// input.resources; iteration_leveling.hpp). Finishes are then on the levelling grid.
    bool level = false;
    /// Iteration k of this run uses the random stream of global iteration `first_iteration + k`, so a
    /// run of N iterations can be split into chunks whose samples concatenate exactly (ppm.distributed).
    std::uint64_t first_iteration = 0;
    std::stop_token stop;                     ///< Cancellation: result status `cancelled`, partial arrays.
    std::function<void(double)> progress;     ///< Called from the calling thread with 0..1.
};

/// Outcome of a run.
enum class SimulationStatus { completed, cancelled };
std::string_view to_string(SimulationStatus s) noexcept;  ///< "completed", "cancelled"

/// A histogram: `count[k]` samples in [edge[k], edge[k+1]) (last bin closed).
struct Histogram {
    std::vector<double> edge;
    std::vector<std::uint64_t> count;
};

/// Results; per-task arrays indexed by the network's task index.
struct MonteCarloResult {
    SimulationStatus status = SimulationStatus::completed;
    std::uint64_t iterations = 0;               ///< Completed iterations (all unless cancelled).
    std::int64_t deterministic_finish = 0;      ///< Finish with every task at its distribution's mean, no events.
    std::vector<std::int64_t> finish;           ///< Per iteration: project finish (working minutes).
    std::vector<double> cost;                   ///< Per iteration: total cost (minor units).
    Histogram finish_histogram, cost_histogram;
    std::vector<double> percentile;             ///< 10, 20, ..., 90.
    std::vector<double> finish_at, cost_at;     ///< Values at those percentiles.
    double finish_mean = 0.0, finish_stddev = 0.0, cost_mean = 0.0;
    std::vector<double> criticality;            ///< Share of iterations critical, 0..1.
    std::vector<double> sensitivity;            ///< Spearman rho(task duration, project finish); NaN when constant.
    std::vector<double> cruciality;             ///< criticality x sensitivity.
    std::vector<std::uint64_t> event_hits;      ///< Per risk event: iterations in which it occurred.
    std::vector<std::uint8_t> correlation_repaired;  ///< Per correlation group, 0/1.
};

/// Runs the simulation. Throws ModelError for invalid input (bad distribution, event probability
/// outside 0..1, task index out of range, overlapping or non-PSD correlation groups...).
[[nodiscard]] MonteCarloResult simulate(const MonteCarloInput& input, const MonteCarloOptions& options = {});

/// Fills the summary of `r` from its per-iteration samples (`finish`, `cost`: one value each per
/// iteration): finish and cost histograms of `histogram_bins` equal bins from the minimum to the
/// maximum, nearest-rank 10th..90th percentiles, finish mean and standard deviation, cost mean.
/// What `simulate` does after its iterations; ppm.distributed merges chunks of iterations with it
/// into the single-process answer, bit for bit.
void summarise_samples(MonteCarloResult& r, int histogram_bins);

/// Empirical percentile (0..100) of the finish samples (nearest-rank, Hyndman & Fan type 1).
[[nodiscard]] double finish_percentile(const MonteCarloResult& r, double p);
/// Share of iterations finishing at or before `finish` (working minutes).
[[nodiscard]] double probability_of_meeting(const MonteCarloResult& r, std::int64_t finish) noexcept;

}  // namespace ppm
