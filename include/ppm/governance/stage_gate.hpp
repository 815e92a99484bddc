#pragma once
/// @file
/// Stage-gate reviews (Cooper, "Stage-gate systems: a new tool for managing new products",
/// Business Horizons 33(3), 1990): a checklist of the gate's criteria, a decision (approve / hold /
/// kill; Cooper's "go / hold / kill"), and whether a project may proceed into a phase.
/// ppm recommends approve when every mandatory criterion is met and hold otherwise; kill is
/// always a human decision and is never recommended automatically.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/time.hpp"
#include "ppm/governance/methodology.hpp"

namespace ppm {

/// A gate decision.
enum class GateDecision { pending, approve, hold, kill };
std::string_view to_string(GateDecision d) noexcept;  ///< "pending", "approve", "hold", "kill"
GateDecision parse_gate_decision(std::string_view s);  ///< Throws ModelError(invalid_value).

/// The answer to one criterion.
struct CriterionResult {
    std::string criterion;  ///< GateCriterion::id
    bool met = false;
    std::string note;
};

/// A review of the gate that closes `phase`.
struct GateReview {
    ProjectId project;
    std::string phase;
    std::optional<Date> date;
    std::vector<CriterionResult> results;
    GateDecision decision = GateDecision::pending;
    std::string decided_by;
};

/// The checklist outcome.
struct GateChecklist {
    int met = 0;
    int total = 0;
    int mandatory_unmet = 0;
    std::vector<std::string> unmet;  ///< Criterion ids not met (or not answered).
    GateDecision recommended = GateDecision::hold;
};

/// Scores a review against the phase's criteria; an unanswered criterion counts as unmet.
/// Throws ModelError(unknown_id) for a result naming a criterion the phase does not have.
[[nodiscard]] GateChecklist evaluate_gate(const PhaseTemplate& phase, const GateReview& review);

/// True when `project` may work in `phase`: the first phase is always open; otherwise the latest
/// review of the previous phase's gate (by date, then order) decided approve.
[[nodiscard]] bool may_enter_phase(const Methodology& m, std::span<const GateReview> reviews, const ProjectId& project,
                                   std::string_view phase);

}  // namespace ppm
