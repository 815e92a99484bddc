// 5x5 probability-impact matrix, EMV, escalation and heat map (see risk_matrix.hpp).
#include "ppm/risk/risk_matrix.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "ppm/core/error.hpp"

namespace ppm {

std::string_view to_string(RiskLevel l) noexcept {
    switch (l) {
        case RiskLevel::low: return "low";
        case RiskLevel::medium: return "medium";
        case RiskLevel::high: return "high";
    }
    return "?";
}

std::string_view to_string(EscalationLevel l) noexcept {
    switch (l) {
        case EscalationLevel::project: return "project";
        case EscalationLevel::program: return "program";
        case EscalationLevel::portfolio: return "portfolio";
    }
    return "?";
}

void check_matrix(const RiskMatrix& m) {
    for (std::size_t i = 1; i < 4; ++i) {
        if (!(m.probability_bounds[i] > m.probability_bounds[i - 1]) || !(m.cost_bounds[i] > m.cost_bounds[i - 1]) ||
            !(m.schedule_bounds[i] > m.schedule_bounds[i - 1]))
            throw ModelError::invalid_value("risk matrix", "bounds", "band bounds must increase");
    }
    if (m.medium_from > m.high_from)
        throw ModelError::invalid_value("risk matrix", "levels", "medium_from must not exceed high_from");
}

namespace {
template <class T, class Array>
int band_of(const Array& bounds, T v) noexcept {
    for (std::size_t i = 0; i < bounds.size(); ++i)
        if (v <= bounds[i]) return static_cast<int>(i) + 1;
    return 5;
}
}  // namespace

int probability_band(const RiskMatrix& m, double probability) noexcept { return band_of(m.probability_bounds, probability); }

int impact_band(const RiskMatrix& m, const RiskImpact& impact) noexcept {
    int b = 1;
    if (impact.cost > Money{0}) b = std::max(b, band_of(m.cost_bounds, impact.cost));
    if (impact.schedule > Duration{0}) b = std::max(b, band_of(m.schedule_bounds, impact.schedule));
    b = std::max({b, std::clamp(impact.quality, 1, 5), std::clamp(impact.scope, 1, 5)});
    return b;
}

RiskScore score(const RiskMatrix& m, const RiskAssessment& a) noexcept {
    RiskScore s;
    s.probability_band = probability_band(m, a.probability);
    s.impact_band = impact_band(m, a.impact);
    s.score = m.score[static_cast<std::size_t>(s.probability_band - 1)][static_cast<std::size_t>(s.impact_band - 1)];
    s.level = s.score >= m.high_from ? RiskLevel::high : s.score >= m.medium_from ? RiskLevel::medium : RiskLevel::low;
    return s;
}

Money expected_monetary_value(const Risk& r, const RiskAssessment& a) noexcept {
    const auto v = std::llround(a.probability * static_cast<double>(a.impact.cost.minor_units()));
    return Money{r.opportunity ? v : -v};
}

Money total_emv(std::span<const Risk> risks, const std::optional<ProjectId>& project) {
    Money sum{};
    for (const auto& r : risks)
        if (is_active(r.status) && (!project || r.project == project)) sum += expected_monetary_value(r, current_assessment(r));
    return sum;
}

EscalationLevel escalation_level(const RiskMatrix& m, const EscalationRule& rule, const Risk& r) noexcept {
    if (!is_active(r.status)) return EscalationLevel::project;
    const auto& a = current_assessment(r);
    const int s = score(m, a).score;
    const auto emv = std::llabs(expected_monetary_value(r, a).minor_units());
    if (s >= rule.portfolio_score || emv >= rule.portfolio_emv.minor_units()) return EscalationLevel::portfolio;
    if (s >= rule.program_score || emv >= rule.program_emv.minor_units() ||
        (rule.strategy_escalates && r.strategy == ResponseStrategy::escalate))
        return EscalationLevel::program;
    return EscalationLevel::project;
}

HeatMap heat_map(const RiskMatrix& m, std::span<const Risk> risks, bool residual) {
    HeatMap h;
    for (const auto& r : risks) {
        if (!is_active(r.status)) continue;
        const auto s = score(m, residual ? current_assessment(r) : r.pre);
        const auto p = static_cast<std::size_t>(s.probability_band - 1), i = static_cast<std::size_t>(s.impact_band - 1);
        ++h.count[p][i];
        h.ids[p][i].push_back(r.id);
    }
    return h;
}

int count_active_at_least(const RiskMatrix& m, std::span<const Risk> risks, RiskLevel level,
                          const std::optional<ProjectId>& project) {
    int n = 0;
    for (const auto& r : risks)
        if (is_active(r.status) && (!project || r.project == project) && score(m, current_assessment(r)).level >= level) ++n;
    return n;
}

}  // namespace ppm
