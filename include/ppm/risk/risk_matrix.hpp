#pragma once
/// @file
/// A configurable 5x5 probability-impact matrix (PMI Practice Standard for Project Risk Management,
/// 2009, sec. 5.3 and fig. 5-6; ISO 31010:2019 B.10), expected monetary value (PMBOK Guide 6th ed.,
/// 11.4.2.5: EMV = probability x impact, threats negative), escalation to program / portfolio
/// level, and heat-map counts.
///
/// Bands: probability band b (1..5) is the first whose upper bound is >= p; each impact dimension
/// is banded likewise (cost, schedule) or taken as its 1..5 rating (quality, scope); the impact
/// band is the worst dimension. score = table[prob_band-1][impact_band-1] (default p x i, 1..25).
///
/// @code
/// ppm::RiskMatrix m;                         // defaults: 10/30/50/70 %, score = p x i
/// auto s = ppm::score(m, risk.pre);          // s.score 1..25, s.level low/medium/high
/// auto map = ppm::heat_map(m, register_);    // counts per cell
/// @endcode

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/risk/risk.hpp"

namespace ppm {

/// Rating of a score.
enum class RiskLevel { low, medium, high };
std::string_view to_string(RiskLevel l) noexcept;  ///< "low", "medium", "high"

/// The matrix definition.
struct RiskMatrix {
    /// Upper bounds of probability bands 1..4 (band 5 is everything above).
    std::array<double, 4> probability_bounds{0.10, 0.30, 0.50, 0.70};
    /// Upper bounds of cost impact bands 1..4 (minor units).
    std::array<Money, 4> cost_bounds{Money{1'000'00}, Money{10'000'00}, Money{50'000'00}, Money{250'000'00}};
    /// Upper bounds of schedule impact bands 1..4 (working minutes: 1 day, 1 week, 1 month, 3 months at 8 h/day).
    std::array<Duration, 4> schedule_bounds{Duration{480}, Duration{2400}, Duration{9600}, Duration{28800}};
    /// score[p-1][i-1]; default the product p x i.
    std::array<std::array<int, 5>, 5> score{{{1, 2, 3, 4, 5}, {2, 4, 6, 8, 10}, {3, 6, 9, 12, 15},
                                             {4, 8, 12, 16, 20}, {5, 10, 15, 20, 25}}};
    int medium_from = 5;  ///< Scores >= this are medium.
    int high_from = 12;   ///< Scores >= this are high.
};

/// Throws ModelError when bounds are not increasing or the level thresholds are inverted.
void check_matrix(const RiskMatrix& m);

/// A risk's position on the matrix.
struct RiskScore {
    int probability_band = 1;  ///< 1..5
    int impact_band = 1;       ///< 1..5 (worst dimension)
    int score = 1;
    RiskLevel level = RiskLevel::low;
};

[[nodiscard]] int probability_band(const RiskMatrix& m, double probability) noexcept;
[[nodiscard]] int impact_band(const RiskMatrix& m, const RiskImpact& impact) noexcept;
[[nodiscard]] RiskScore score(const RiskMatrix& m, const RiskAssessment& a) noexcept;

/// Expected monetary value: probability x cost impact; negative for threats, positive for opportunities.
[[nodiscard]] Money expected_monetary_value(const Risk& r, const RiskAssessment& a) noexcept;
/// EMV of the current assessment of every active risk (`project` empty = all).
[[nodiscard]] Money total_emv(std::span<const Risk> risks, const std::optional<ProjectId>& project = {});

/// Level a risk is managed at.
enum class EscalationLevel { project, program, portfolio };
std::string_view to_string(EscalationLevel l) noexcept;  ///< "project", "program", "portfolio"

/// When a risk leaves the project: by score, by |EMV|, or because the response is "escalate".
struct EscalationRule {
    int program_score = 15;                   ///< Current score >= this -> program.
    int portfolio_score = 20;                 ///< Current score >= this -> portfolio.
    Money program_emv{50'000'00};             ///< |EMV| >= this -> program.
    Money portfolio_emv{250'000'00};          ///< |EMV| >= this -> portfolio.
    bool strategy_escalates = true;           ///< ResponseStrategy::escalate -> at least program.
};

/// Where the risk should be managed; inactive risks stay at project level.
[[nodiscard]] EscalationLevel escalation_level(const RiskMatrix& m, const EscalationRule& rule, const Risk& r) noexcept;

/// Heat-map data: counts and ids per cell, indexed [probability_band-1][impact_band-1].
struct HeatMap {
    std::array<std::array<int, 5>, 5> count{};
    std::array<std::array<std::vector<std::string>, 5>, 5> ids{};
};

/// Places every active risk by its pre-response (`residual` false) or current assessment.
[[nodiscard]] HeatMap heat_map(const RiskMatrix& m, std::span<const Risk> risks, bool residual = true);

/// Number of active risks at `level` or above (current assessment), optionally for one project.
[[nodiscard]] int count_active_at_least(const RiskMatrix& m, std::span<const Risk> risks, RiskLevel level,
                                        const std::optional<ProjectId>& project = {});

}  // namespace ppm
