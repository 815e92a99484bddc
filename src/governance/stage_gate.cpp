// Stage gates: checklist evaluation and phase entry (see stage_gate.hpp for sources).
#include "ppm/governance/stage_gate.hpp"

#include <algorithm>

#include "ppm/core/error.hpp"

namespace ppm {

std::string_view to_string(GateDecision d) noexcept {
    switch (d) {
        case GateDecision::pending: return "pending";
        case GateDecision::approve: return "approve";
        case GateDecision::hold: return "hold";
        case GateDecision::kill: return "kill";
    }
    return "?";
}

GateDecision parse_gate_decision(std::string_view s) {
    for (auto d : {GateDecision::pending, GateDecision::approve, GateDecision::hold, GateDecision::kill})
        if (to_string(d) == s) return d;
    throw ModelError::invalid_value("gate decision", s, "expected pending, approve, hold or kill");
}

GateChecklist evaluate_gate(const PhaseTemplate& phase, const GateReview& review) {
    for (const auto& r : review.results) {
        const bool known = std::any_of(phase.criteria.begin(), phase.criteria.end(), [&](const auto& c) { return c.id == r.criterion; });
        if (!known) throw ModelError::unknown_id("gate criterion", r.criterion, "review of phase " + phase.name);
    }
    GateChecklist out;
    for (const auto& c : phase.criteria) {
        ++out.total;
        const auto it = std::find_if(review.results.begin(), review.results.end(), [&](const auto& r) { return r.criterion == c.id; });
        if (it != review.results.end() && it->met) {
            ++out.met;
        } else {
            out.unmet.push_back(c.id);
            if (c.mandatory) ++out.mandatory_unmet;
        }
    }
    out.recommended = out.mandatory_unmet == 0 ? GateDecision::approve : GateDecision::hold;
    return out;
}

bool may_enter_phase(const Methodology& m, std::span<const GateReview> reviews, const ProjectId& project, std::string_view phase) {
    const std::size_t k = phase_index(m, phase);
    if (k == m.phases.size()) throw ModelError::unknown_id("phase", phase, "methodology " + m.id);
    if (k == 0) return true;
    const std::string& previous = m.phases[k - 1].name;
    const GateReview* latest = nullptr;
    for (const auto& r : reviews) {
        if (r.project != project || r.phase != previous) continue;
        if (latest == nullptr || !latest->date || (r.date && *r.date >= *latest->date)) latest = &r;
    }
    return latest != nullptr && latest->decision == GateDecision::approve;
}

}  // namespace ppm
