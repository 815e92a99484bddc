#pragma once
/// @file
/// RAG (red / amber / green) status of projects from configurable thresholds, roll-up to programs
/// and the portfolio, and trend across status periods. Thresholds follow common PMO practice (UK
/// OGC/IPA delivery confidence; US DoD EVM "red below 0.90" convention for SPI/CPI) and are all
/// configurable; a policy (pmo_policy.hpp) says which checks apply and what escalates.
///
/// Each check gives a colour; the project's colour is the worst colour of the checks that apply.
/// Roll-up: weighted mean of colour scores (green 0, amber 1, red 2) with weights = BAC (or any
/// chosen measure); mean >= red_from -> red, >= amber_from -> amber; a red child makes the parent
/// at least amber (a red project never disappears in an average).

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"

namespace ppm {

/// A status colour; `none` when nothing could be assessed.
enum class Rag : std::uint8_t { green, amber, red, none };
std::string_view to_string(Rag r) noexcept;  ///< "green", "amber", "red", "none"

/// The checks, in the order of RagResult::check.
enum class RagCheck : std::uint8_t { spi, cpi, spi_t, float_erosion, high_risks, overdue_milestones, baseline, gate, quality };
inline constexpr std::size_t kRagCheckCount = 9;
std::string_view to_string(RagCheck c) noexcept;  ///< "spi", "cpi", "spi_t", "float_erosion", ..., "quality"

/// Lower bound of green and of amber for an index (>= green -> green, >= amber -> amber, else red).
struct IndexThreshold {
    double green = 0.95;
    double amber = 0.85;
};

/// Upper bound of green and of amber for a count or a share (<= green -> green, <= amber -> amber, else red).
struct CountThreshold {
    double green = 0.0;
    double amber = 2.0;
};

/// Thresholds of the quality check (quality.hpp): its colour is the worst of the sub-measures
/// that are known. Counts are upper bounds, the two rates (shares 0..1) lower bounds.
struct QualityThresholds {
    CountThreshold critical_defects{0, 1};   ///< Open critical defects.
    CountThreshold major_defects{2, 5};
    CountThreshold minor_defects{10, 30};
    CountThreshold failed_reviews{0, 1};     ///< Reviews and audits of the period that did not pass.
    IndexThreshold test_pass_rate{0.95, 0.85};
    IndexThreshold acceptance{0.90, 0.75};   ///< Deliverables accepted / submitted.
};

/// All thresholds.
struct RagThresholds {
    IndexThreshold spi{};
    IndexThreshold cpi{};
    IndexThreshold spi_t{};
    CountThreshold float_erosion{0.25, 0.5};   ///< Share of the baseline total float consumed (0..1).
    CountThreshold high_risks{0.0, 2.0};       ///< Open high risks.
    CountThreshold overdue_milestones{0.0, 1.0};
    QualityThresholds quality{};
};

/// The facts about one project at one status date (NaN / nullopt = unknown, the check is skipped).
struct ProjectHealth {
    ProjectId project;
    std::optional<ProgramId> program;
    double spi = std::numeric_limits<double>::quiet_NaN();
    double cpi = std::numeric_limits<double>::quiet_NaN();
    double spi_t = std::numeric_limits<double>::quiet_NaN();
    double float_erosion = std::numeric_limits<double>::quiet_NaN();  ///< 1 - current float / baseline float.
    std::optional<int> open_high_risks;
    std::optional<int> overdue_milestones;
    bool has_baseline = true;
    bool gate_approved = true;   ///< The gate into the current phase is approved.
    bool executing = true;       ///< In execution (baseline/gate checks apply to executing projects).
    double weight = 1.0;         ///< BAC or another measure for roll-ups (>= 0).
    // Quality (quality.hpp: the latest record at the status date); NaN = not reported.
    double critical_defects = std::numeric_limits<double>::quiet_NaN();  ///< Open critical defects.
    double major_defects = std::numeric_limits<double>::quiet_NaN();
    double minor_defects = std::numeric_limits<double>::quiet_NaN();
    double failed_reviews = std::numeric_limits<double>::quiet_NaN();    ///< Failed reviews and audits of the period.
    double test_pass_rate = std::numeric_limits<double>::quiet_NaN();    ///< Tests passed / run (0..1).
    double acceptance_rate = std::numeric_limits<double>::quiet_NaN();   ///< Deliverables accepted / submitted (0..1).
};

/// Which checks apply, and what escalates (see pmo_policy.hpp for the three PMO profiles).
struct RagPolicy {
    std::string name = "custom";
    RagThresholds thresholds{};
    std::array<bool, kRagCheckCount> enabled{true, true, true, true, true, true, false, false, true};
    Rag escalate_from = Rag::red;  ///< Project colour at or above which it escalates to the program/portfolio.
    double amber_from = 0.5;       ///< Roll-up: weighted mean colour score for amber.
    double red_from = 1.25;        ///< Roll-up: weighted mean colour score for red.
};

/// A project's assessment.
struct RagResult {
    Rag overall = Rag::none;
    std::array<Rag, kRagCheckCount> check{Rag::none, Rag::none, Rag::none, Rag::none, Rag::none,
                                          Rag::none, Rag::none, Rag::none, Rag::none};
    /// One line per amber/red check ("cpi: CPI 0.82 < 0.85"); the quality check one per amber/red
    /// sub-measure ("quality: open critical defects 2 > 1").
    std::vector<std::string> reasons;
    bool escalate = false;
};

/// Throws ModelError(invalid_value, id = the check's name, e.g. "spi") when a threshold makes no
/// sense: an index bound (SPI, CPI, SPI(t)) outside 0..2 -- most likely a percentage typed for a
/// ratio, 95 for 0.95 -- or green below amber; a float-erosion share outside 0..1; a count below 0;
/// a green upper bound above the amber one; a non-finite bound. Quality thresholds likewise, with
/// ids "quality.<measure>" ("quality.test_pass_rate"): counts >= 0 with green <= amber, the test
/// pass rate and acceptance shares in 0..1 (95 for 0.95 is refused) with green >= amber.
void check_thresholds(const RagThresholds& t);

/// check_thresholds, and the roll-up bounds: 0 <= amber_from <= red_from <= 2 (colour scores run
/// from 0 to 2); the id is "amber_from" or "red_from".
void check_policy(const RagPolicy& p);

/// Assesses one project.
[[nodiscard]] RagResult assess(const ProjectHealth& h, const RagPolicy& policy);

/// A roll-up row (a program, or the portfolio when `id` is empty and kind is "portfolio").
struct RagRollupRow {
    std::string kind;         ///< "project", "program" or "portfolio".
    std::string id;
    Rag rag = Rag::none;
    double score = 0.0;       ///< Weighted mean colour score (0 green .. 2 red).
    double weight = 0.0;
    int red = 0, amber = 0, green = 0;  ///< Projects below, by colour.
    bool escalate = false;
};

/// Assesses every project and rolls up to programs (direct members; nested programs roll into
/// their parents when `program_parent` maps them) and the portfolio. Projects first, then programs
/// (sorted by id), then the portfolio. Throws as check_policy for a policy that makes no sense.
[[nodiscard]] std::vector<RagRollupRow> rag_rollup(std::span<const ProjectHealth> projects, const RagPolicy& policy,
                                                   std::span<const std::pair<ProgramId, ProgramId>> program_parent = {});

/// Direction of a series of colours or scores over status periods.
enum class Trend { improving, stable, worsening };
std::string_view to_string(Trend t) noexcept;  ///< "improving", "stable", "worsening"
/// Compares the last score with the mean of the previous `window` scores (lower = better);
/// a change under `tolerance` is stable. Fewer than two points: stable.
[[nodiscard]] Trend trend(std::span<const double> scores, std::size_t window = 3, double tolerance = 0.1);
/// The colour score used by roll-ups and trends: green 0, amber 1, red 2 (none: NaN).
[[nodiscard]] double rag_score(Rag r) noexcept;

}  // namespace ppm
