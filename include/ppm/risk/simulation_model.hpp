#pragma once
/// @file
/// From a portfolio (+ risk register + uncertainty spec) to a Monte Carlo input.
///
/// Choices (docs/risk.md): leaf tasks only (links to or from a summary apply to each of its
/// leaves); one working-time axis, the portfolio's default calendar (else the first project's,
/// else 24/7), on which task durations and working lags are read as working minutes; elapsed lags
/// are scaled by the axis' share of working time in a week, percent lags use the predecessor's
/// planned duration; a project's start is a release time on that axis. In-progress tasks keep
/// their remaining duration (distribution scaled by the remaining share); finished tasks are 0.
/// Active risks with linked tasks and a schedule or cost impact become risk events (current
/// assessment: probability, schedule impact on every linked task, cost impact).

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ppm/calendar/work_calendar.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/risk/monte_carlo.hpp"
#include "ppm/risk/risk.hpp"

namespace ppm {

/// A duration distribution for one task.
struct TaskUncertainty {
    TaskId task;
    DurationDistribution distribution;  ///< Absolute, in working minutes.
};

/// Correlation between named tasks.
struct NamedCorrelation {
    std::string name;
    std::vector<TaskId> tasks;
    Eigen::MatrixXd correlation;
};

/// The "uncertainty" section of a model file.
struct UncertaintySpec {
    /// Applied to tasks without their own distribution: min/most_likely/max (or mean/stddev,
    /// values) are multiples of the task's planned duration. None = those tasks are certain.
    std::optional<DurationDistribution> relative_default;
    std::vector<TaskUncertainty> tasks;
    std::vector<NamedCorrelation> correlations;
    bool repair_correlation = false;
    bool risk_events = true;           ///< Turn linked risks into events.
    std::uint64_t iterations = 1000;   ///< Default when the caller does not say.
    std::uint64_t seed = 1;
    std::optional<Instant> target_finish;  ///< For the probability of meeting a date.
};

/// A prepared simulation with the mapping back to ids and dates.
struct SimulationModel {
    std::vector<TaskId> task;                     ///< By network task index.
    std::vector<std::uint32_t> project_of;        ///< Project index of each task.
    std::vector<ProjectId> project;               ///< By project index.
    std::vector<std::string> event_risk;          ///< Risk id of each event.
    std::shared_ptr<const SimulationNetwork> network;
    MonteCarloInput input;                        ///< input.network points into `network`.
    std::shared_ptr<const WorkCalendar> axis;     ///< The working-time axis.
    Instant origin{};                             ///< Axis minute 0 (earliest project start).
    std::int64_t origin_work = 0;                 ///< axis->work_index(origin).

    /// The instant `working_minutes` after the origin on the axis.
    [[nodiscard]] Instant to_instant(std::int64_t working_minutes) const;
    /// Working minutes from the origin to `t` on the axis.
    [[nodiscard]] std::int64_t to_minutes(Instant t) const;
};

/// Builds the simulation. Throws ModelError for unknown task ids in the spec or risks, bad
/// distributions, cycles (member ids named) and calendar problems.
[[nodiscard]] SimulationModel build_simulation_model(const Portfolio& portfolio, std::span<const Risk> risks,
                                                     const UncertaintySpec& spec);

}  // namespace ppm
