// PMO policy profiles (PMBOK Guide 6th ed., sec. 2.4.4.3; thresholds in docs/governance.md).
#include "ppm/governance/pmo_policy.hpp"

#include "ppm/core/error.hpp"

namespace ppm {

std::string_view to_string(PmoType t) noexcept {
    switch (t) {
        case PmoType::supportive: return "supportive";
        case PmoType::controlling: return "controlling";
        case PmoType::directive: return "directive";
    }
    return "?";
}

PmoType parse_pmo_type(std::string_view s) {
    for (auto t : {PmoType::supportive, PmoType::controlling, PmoType::directive})
        if (to_string(t) == s) return t;
    throw ModelError::invalid_value("PMO type", s, "expected supportive, controlling or directive");
}

RagPolicy policy_profile(PmoType t) {
    RagPolicy p;
    p.name = std::string(to_string(t));
    switch (t) {
        case PmoType::supportive:
            // Reports the two EVM indices; looser thresholds; nothing escalates by rule; quality not rated.
            p.enabled = {true, true, false, false, false, false, false, false, false};
            p.thresholds.spi = {0.90, 0.80};
            p.thresholds.cpi = {0.90, 0.80};
            p.escalate_from = Rag::none;
            break;
        case PmoType::controlling:
            // All performance checks and quality (default thresholds); red escalates.
            p.enabled = {true, true, true, true, true, true, false, false, true};
            p.escalate_from = Rag::red;
            break;
        case PmoType::directive:
            // Everything, including baseline and approved gate before execution; tighter thresholds; amber escalates.
            p.enabled = {true, true, true, true, true, true, true, true, true};
            p.thresholds.spi = {0.98, 0.90};
            p.thresholds.cpi = {0.98, 0.90};
            p.thresholds.spi_t = {0.98, 0.90};
            p.thresholds.float_erosion = {0.15, 0.35};
            p.thresholds.high_risks = {0.0, 1.0};
            p.thresholds.quality = {.critical_defects = {0, 0}, .major_defects = {1, 3}, .minor_defects = {5, 15},
                                    .failed_reviews = {0, 0}, .test_pass_rate = {0.98, 0.90}, .acceptance = {0.95, 0.85}};
            p.escalate_from = Rag::amber;
            p.amber_from = 0.34;
            p.red_from = 1.0;
            break;
    }
    return p;
}

}  // namespace ppm
