#pragma once
/// @file
/// What the HTML dashboard shows: the results of every engine that has data in a model file,
/// gathered once (CPM schedule, levelled resource histogram, EVM roll-up with RAG status and
/// S-curves, risk heat map, Monte Carlo risk of the portfolio finish and cost, portfolio selection
/// and its efficient frontier). Each part is optional:
/// a view is drawn when its data exist, and `notes` says why a view is missing. Rendering is
/// `write_dashboard` (dashboard.hpp); this header only runs the engines through their public APIs.
///
/// @code
/// ppm::DashboardData d = ppm::collect_dashboard_data("plan.json");
/// std::string html = ppm::write_dashboard(d);
/// @endcode

#include <cstdint>
#include <filesystem>
#include <limits>
#include <functional>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/rollup.hpp"
#include "ppm/evm/status_period.hpp"
#include "ppm/evm/time_phased.hpp"
#include "ppm/governance/rag.hpp"
#include "ppm/io/import_result.hpp"
#include "ppm/leveling/level.hpp"
#include "ppm/portfolio/frontier.hpp"
#include "ppm/portfolio/selection.hpp"
#include "ppm/risk/risk.hpp"
#include "ppm/risk/risk_matrix.hpp"
#include "ppm/schedule/cpm.hpp"

namespace ppm {

/// Options of `collect_dashboard_data` and `write_dashboard` (an aggregate with defaults).
struct DashboardOptions {
    std::string title;                   ///< Page title; default: the portfolio's name, else the file name.
    std::optional<Instant> today;        ///< Where the "today" line is drawn; default: the status date.
    bool level_resources = true;         ///< Histograms from the levelled schedule (else from CPM dates).
    std::int32_t level_passes = 4;       ///< Levelling passes (see LevelOptions::passes).
    Duration histogram_period{7 * kMinutesPerDay};  ///< Width of a histogram bar (one week).
    Duration scurve_period{7 * kMinutesPerDay};     ///< Sampling step of the EVM S-curves.
    std::int32_t frontier_points = 8;    ///< Budgets on the efficient frontier (0: no frontier).
    /// Monte Carlo iterations of the risk view (0: the "uncertainty" section's own count; the view
    /// is drawn only when the file has that section).
    std::uint64_t iterations = 0;
    std::size_t tornado_tasks = 10;      ///< Tasks in the sensitivity tornado.
    double solve_seconds = 10.0;         ///< CPU-second limit of each selection solve.
    std::stop_token stop{};              ///< Cancellation: engines not yet run are skipped (noted).
    /// Called before each stage with its name ("schedule", "level", ...) and the fraction done.
    std::function<void(std::string_view stage, double fraction)> progress{};
};

/// EVM S-curves of one project (cumulative PV, EV, AC against its current baseline) and its forecast.
struct ProjectCurves {
    ProjectId project;
    std::string baseline;  ///< Name of the baseline measured against.
    TimePhased curves;     ///< PV sampled every `scurve_period` from the baseline start.
    /// Where EV and AC are known: the baseline start (both 0), then every status date up to the
    /// data date, then the data date itself. Cumulative, as measured against the baseline.
    std::vector<Instant> actual_date;
    std::vector<Money> actual_ev, actual_ac;  ///< Parallel to `actual_date`.
    Money bac{};                              ///< Budget at completion of the baseline.
    Money eac{};                              ///< Estimate at completion (the governance EAC method).
    std::optional<Instant> forecast_finish;   ///< Earned-schedule forecast finish (where EAC is drawn).
};

/// A task of the sensitivity tornado.
struct SensitiveTask {
    TaskId task;
    ProjectId project;
    std::string name;
    double sensitivity = 0.0;  ///< Spearman rank correlation of its duration with the portfolio finish.
    double criticality = 0.0;  ///< Share of iterations in which it was critical (0..1).
};

/// Monte Carlo risk of the whole portfolio: all projects in one network, so the finish is the
/// portfolio's (its last project's) finish and sensitivities are measured against it.
struct PortfolioSimulation {
    std::uint64_t iterations = 0;
    std::uint64_t seed = 0;
    Instant deterministic_finish{};            ///< Every duration at its mean, no risk events.
    std::vector<Instant> finish_edge;          ///< Finish histogram: bin edges (count.size() + 1).
    std::vector<std::uint64_t> finish_count;
    std::vector<double> percentile;            ///< 10, 20, ..., 90.
    std::vector<Instant> finish_at;            ///< Portfolio finish at each percentile.
    std::vector<double> cost_at;               ///< Total cost (major units) at each percentile.
    std::vector<double> cost_edge;             ///< Cost histogram: bin edges in major units.
    std::vector<std::uint64_t> cost_count;
    double cost_mean = 0.0;                    ///< Major units.
    std::vector<SensitiveTask> tornado;        ///< Largest |sensitivity| first.
    std::optional<Instant> target;             ///< The "uncertainty" section's target finish.
    double target_probability = std::numeric_limits<double>::quiet_NaN();  ///< P(finish <= target).
    /// The finish at percentile `p` (10, 20, ... 90), nullopt when not computed.
    [[nodiscard]] std::optional<Instant> finish_percentile(double p) const {
        for (std::size_t k = 0; k < percentile.size() && k < finish_at.size(); ++k)
            if (percentile[k] == p) return finish_at[k];
        return std::nullopt;
    }
};

/// Everything the dashboard draws. Every engine result is optional; arrays are the engines' own.
struct DashboardData {
    std::string title;                        ///< Heading of the page.
    std::string source;                       ///< The file it came from.
    std::optional<Portfolio> portfolio;       ///< The model (absent in a selection-only file).
    std::vector<ImportWarning> import_warnings;  ///< What a foreign file's importer could not carry.
    std::optional<Instant> status_date;       ///< Data date used for EVM/RAG and the today line.
    std::optional<ScheduleResult> schedule;   ///< CPM dates, floats, critical flags.
    std::optional<ResourceHistogram> histogram;  ///< Demand and capacity per resource and bucket.
    std::string histogram_source;             ///< "levelled" or "cpm".
    std::vector<BaselineSet> baselines;       ///< Baselines of the "baselines" section (bars in the Gantt).
    std::vector<ProjectHealth> health;        ///< RAG inputs per project (portfolio order) when assessed.
    std::vector<RagResult> project_rag;       ///< RAG per project, parallel to `health`.
    std::vector<RagRollupRow> rag;            ///< Projects, programs, portfolio.
    RagPolicy policy{};                       ///< The governance policy RAG was assessed with.
    std::optional<EvmTable> evm;              ///< EVM roll-up: projects, programs and the portfolio (no tasks).
    std::vector<ProjectCurves> scurves;       ///< Projects with a baseline.
    std::vector<Risk> risks;                  ///< The risk register.
    RiskMatrix matrix{};                      ///< Its probability-impact matrix.
    std::optional<SelectionProblem> selection;  ///< The "selection" section (alignment applied).
    std::optional<SelectionResult> selected;  ///< The optimal selection.
    std::optional<FrontierResult> frontier;   ///< Value over budget.
    std::optional<PortfolioSimulation> simulation;  ///< Monte Carlo risk of the portfolio finish and cost.
    std::vector<std::string> notes;           ///< Why a view is missing or partial (engine errors, no data).
};

/// Runs the engines on a ppm JSON document: the model when it has a "portfolio", its control
/// sections (risks, baselines, status, governance) and its "selection". Throws ParseError for a
/// malformed document and ModelError for an invalid model; an engine failing on otherwise valid
/// data (e.g. infeasible selection) becomes a note.
[[nodiscard]] DashboardData collect_dashboard_data(std::string_view json_text, std::string_view source_name,
                                                   const DashboardOptions& options = {});

/// Reads any supported model file (.json with all its sections; .xml, .xer, .mpx: the model only).
[[nodiscard]] DashboardData collect_dashboard_data(const std::filesystem::path& path, const DashboardOptions& options = {});

/// The same from several files, e.g. the portfolio (with its control sections) and the selection
/// with its strategy: the model and control sections come from the file holding "portfolio" (or
/// the one foreign model file), "selection" from the file holding it, and "strategy" from its own
/// file when the selection file has none. Throws ModelError(invalid_value) when two files hold the
/// same of those sections or no file holds any of them; ParseError as the one-file form.
[[nodiscard]] DashboardData collect_dashboard_data(std::span<const std::filesystem::path> paths, const DashboardOptions& options = {});

}  // namespace ppm
