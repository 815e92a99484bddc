#pragma once
/// @file
/// PMO performance figures: across finished and running projects, the share on time and on
/// budget, mean schedule and cost variance, benefits realised vs planned -- by program, category
/// or period (the measures of Hobbs & Aubry, "The Project Management Office (PMO): A Quest for
/// Understanding", PMI 2010, ch. 6, and PMI Pulse of the Profession's "met original goals / on
/// time / on budget"). Running projects count with their forecast finish and cost.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// One project's plan against its actual (finished) or forecast (running) outcome.
struct ProjectOutcome {
    ProjectId project;
    std::optional<ProgramId> program;
    std::string category;
    std::string period;            ///< Reporting period label ("2026-Q1").
    bool finished = false;
    Date planned_start{};
    Date planned_finish{};
    Date finish{};                 ///< Actual if finished, else forecast.
    Money budget{};
    Money cost{};                  ///< Actual if finished, else EAC.
    Money benefits_planned{};
    Money benefits_realised{};
};

/// How to group.
enum class PmoGrouping { all, program, category, period };
std::string_view to_string(PmoGrouping g) noexcept;  ///< "all", "program", "category", "period"

/// Tolerances for "on time" and "on budget".
struct PmoTolerance {
    std::int32_t days_late = 0;      ///< Finish up to this many days late is on time.
    double budget_overrun = 0.0;     ///< Cost up to budget x (1 + this) is on budget.
};

/// Figures of one group (`group` is "" for `all` and for projects without a program).
struct PmoFigures {
    std::string group;
    int projects = 0;
    int finished = 0;
    double share_on_time = 0.0;               ///< 0..1
    double share_on_budget = 0.0;             ///< 0..1
    double mean_schedule_variance = 0.0;      ///< Mean of (finish - planned finish) / planned duration (0.1 = 10 % late).
    double mean_cost_variance = 0.0;          ///< Mean of (cost - budget) / budget.
    double benefits_realisation = 0.0;        ///< Sum realised / sum planned (NaN when none planned).
};

/// Groups sorted by name.
[[nodiscard]] std::vector<PmoFigures> pmo_performance(std::span<const ProjectOutcome> outcomes, PmoGrouping by,
                                                      const PmoTolerance& tolerance = {});

}  // namespace ppm
