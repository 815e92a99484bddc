// Risk register entries (see risk.hpp for the sources).
#include "ppm/risk/risk.hpp"

#include <array>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm {

std::string_view to_string(RiskStatus s) noexcept {
    switch (s) {
        case RiskStatus::open: return "open";
        case RiskStatus::mitigating: return "mitigating";
        case RiskStatus::occurred: return "occurred";
        case RiskStatus::closed: return "closed";
    }
    return "?";
}

std::string_view to_string(ResponseStrategy s) noexcept {
    switch (s) {
        case ResponseStrategy::accept: return "accept";
        case ResponseStrategy::avoid: return "avoid";
        case ResponseStrategy::mitigate: return "mitigate";
        case ResponseStrategy::transfer: return "transfer";
        case ResponseStrategy::escalate: return "escalate";
        case ResponseStrategy::exploit: return "exploit";
        case ResponseStrategy::enhance: return "enhance";
        case ResponseStrategy::share: return "share";
    }
    return "?";
}

RiskStatus parse_risk_status(std::string_view s) {
    for (auto v : {RiskStatus::open, RiskStatus::mitigating, RiskStatus::occurred, RiskStatus::closed})
        if (to_string(v) == s) return v;
    throw ModelError::invalid_value("risk status", s, "expected open, mitigating, occurred or closed");
}

ResponseStrategy parse_response_strategy(std::string_view s) {
    for (auto v : {ResponseStrategy::accept, ResponseStrategy::avoid, ResponseStrategy::mitigate, ResponseStrategy::transfer,
                   ResponseStrategy::escalate, ResponseStrategy::exploit, ResponseStrategy::enhance, ResponseStrategy::share})
        if (to_string(v) == s) return v;
    throw ModelError::invalid_value("response strategy", s,
                                    "expected accept, avoid, mitigate, transfer, escalate, exploit, enhance or share");
}

void check_risk(const Risk& r) {
    auto check = [&](const RiskAssessment& a, const char* which) {
        if (!(a.probability >= 0.0 && a.probability <= 1.0))
            throw ModelError::invalid_value(std::string(which) + " probability of risk", r.id, "must be within 0..1");
        if (a.impact.cost < Money{0} || a.impact.schedule < Duration{0})
            throw ModelError::invalid_value(std::string(which) + " impact of risk", r.id, "cost and schedule impacts must be >= 0");
        if (a.impact.quality < 0 || a.impact.quality > 5 || a.impact.scope < 0 || a.impact.scope > 5)
            throw ModelError::invalid_value(std::string(which) + " impact of risk", r.id, "quality and scope ratings must be within 0..5");
    };
    if (r.id.empty()) throw ModelError::missing_value("risk id", r.title);
    check(r.pre, "pre-response");
    if (r.post) check(*r.post, "post-response");
}

const RiskAssessment& current_assessment(const Risk& r) noexcept { return r.post ? *r.post : r.pre; }

}  // namespace ppm
