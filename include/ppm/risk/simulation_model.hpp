#pragma once
/// @file
/// From a portfolio (+ risk register + uncertainty spec) to a Monte Carlo input.
///
/// Choices (docs/risk.md): leaf tasks only (links to or from a summary apply to each of its
/// leaves); one working-time axis, the portfolio's default calendar (else the first project's,
/// else 24/7), on which task durations and working lags are read as working minutes; elapsed lags
/// are scaled by the axis' share of working time in a week, percent lags use the predecessor's
/// planned duration; a project's start is a release time on that axis, and so is its status date
/// for every task not complete (remaining work is done after the data date, as the CPM and P6
/// schedule it). In-progress tasks keep their remaining duration (distribution scaled by the
/// remaining share); finished tasks are 0. `apply_status_periods` (evm/status_period.hpp) turns
/// a control file's status periods into that progress and status date.
/// Active risks with linked tasks and a schedule or cost impact become risk events (current
/// assessment: probability, schedule impact on every linked task, cost impact).
///
/// Per-task calendars: when the leaf tasks use more than one calendar (or `spec.calendars` says
/// so) every iteration runs the exact CPM (`run_cpm`, iteration_calendars.hpp), each duration
/// sampled in working minutes of its task's calendar; finishes are then elapsed minutes after the
/// origin and `to_instant` / `to_minutes` convert accordingly. Resources (work resources, units in
/// percent, demand capped at capacity) are always prepared for `MonteCarloOptions::level`.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/calendar/work_calendar.hpp"
#include "ppm/core/id.hpp"
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

/// How iterations are timed.
enum class SimulationCalendars : std::uint8_t {
    automatic,  ///< Per-task calendars when the leaf tasks use more than one calendar (and iterations are not levelled), else one axis.
    axis,       ///< One working-time axis (fast network pass; levelling works only here).
    per_task,   ///< Always the exact CPM with each task's own calendar.
};
std::string_view to_string(SimulationCalendars c) noexcept;  ///< "automatic", "axis", "per_task"

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
    SimulationCalendars calendars = SimulationCalendars::automatic;  ///< Iteration timing.
    bool level = false;                ///< Level resources inside each iteration (default of `ppm simulate`).
    std::int64_t level_period = 60;    ///< Levelling grid in working minutes.
};

/// A prepared simulation with the mapping back to ids and dates.
struct SimulationModel {
    std::vector<TaskId> task;                     ///< By network task index.
    std::vector<ProjectIndex> project_of;         ///< Project index of each task.
    std::vector<ProjectId> project;               ///< By project index.
    std::vector<std::string> event_risk;          ///< Risk id of each event.
    std::shared_ptr<const SimulationNetwork> network;
    MonteCarloInput input;                        ///< input.network points into `network`.
    std::shared_ptr<const WorkCalendar> axis;     ///< The working-time axis.
    Instant origin{};                             ///< Axis minute 0 (earliest project start).
    std::int64_t origin_work = 0;                 ///< axis->work_index(origin).
    bool elapsed = false;                         ///< Per-task calendars: minutes are elapsed, not axis working minutes.
    /// True when `input.calendars` is set (iterations run the exact multi-calendar CPM).
    [[nodiscard]] bool per_task_calendars() const noexcept { return input.calendars.has_value(); }

    /// The instant `working_minutes` after the origin on the axis (elapsed minutes when `elapsed`).
    [[nodiscard]] Instant to_instant(std::int64_t working_minutes) const;
    /// Working minutes from the origin to `t` on the axis (elapsed minutes when `elapsed`).
    [[nodiscard]] std::int64_t to_minutes(Instant t) const;
};

/// Builds the simulation. Throws ModelError for unknown task ids in the spec or risks, bad
/// distributions, cycles (member ids named) and calendar problems.
[[nodiscard]] SimulationModel build_simulation_model(const Portfolio& portfolio, std::span<const Risk> risks,
                                                     const UncertaintySpec& spec);

}  // namespace ppm
