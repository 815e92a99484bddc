#pragma once
/// @file
/// The monitoring-and-control data of a ppm model file beside its portfolio: risks, baselines,
/// status periods, uncertainty and the governance section (docs/evm.md, docs/governance.md; schema
/// docs/schema/control.schema.json). `io/control_json.hpp` reads and writes it; `io/model_file.hpp`
/// reads it together with the portfolio (`read_model_document`).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/earned_value.hpp"
#include "ppm/evm/status_period.hpp"
#include "ppm/governance/change_request.hpp"
#include "ppm/governance/issue_log.hpp"
#include "ppm/governance/lessons.hpp"
#include "ppm/governance/methodology.hpp"
#include "ppm/governance/pmo_policy.hpp"
#include "ppm/governance/quality.hpp"
#include "ppm/governance/rag.hpp"
#include "ppm/governance/stage_gate.hpp"
#include "ppm/risk/risk_matrix.hpp"
#include "ppm/risk/simulation_model.hpp"

namespace ppm {

/// Facts about a project that the model cannot derive (the "governance.projects" entries).
struct ProjectFacts {
    ProjectId project;
    std::optional<double> float_erosion;   ///< 0..1
    std::optional<bool> gate_approved;
    std::optional<bool> executing;
    std::optional<double> weight;          ///< Overrides the roll-up weight.
};

/// The "governance" section.
struct GovernanceSpec {
    PmoType pmo = PmoType::controlling;
    std::optional<RagThresholds> thresholds;   ///< Overrides the profile's thresholds.
    std::string weight = "bac";                ///< "bac" or "equal".
    EacMethod eac_method = EacMethod::cpi;
    std::vector<ProjectFacts> projects;
    /// A complete custom policy profile (checks enabled, thresholds, escalation, roll-up bounds);
    /// when set it replaces the `pmo` profile and `thresholds`.
    std::optional<RagPolicy> policy;
    std::vector<Methodology> methodologies;      ///< Lifecycle and WBS templates (the PMO's standards).
    std::vector<GateReview> gates;               ///< Gate reviews: checklist results and decisions.
    std::vector<ChangeRequest> change_requests;  ///< Change requests and their decisions.
    std::vector<Issue> issues;                   ///< The issue log.
    std::vector<Lesson> lessons;                 ///< Lessons learned.
    std::vector<QualityStatus> quality;          ///< Quality measures per project and status date.
};

/// Everything the control sections hold.
struct ControlData {
    std::vector<Risk> risks;
    RiskMatrix matrix{};
    EscalationRule escalation{};
    std::vector<BaselineSet> baselines;   ///< One set per project.
    std::vector<StatusPeriod> status;
    UncertaintySpec uncertainty{};
    GovernanceSpec governance{};
    /// The control sections the document has ("risks", "baselines", "status", "uncertainty",
    /// "governance"), in that order; absent ones keep their defaults above.
    std::vector<std::string> sections;

    /// Does the document have section `name`?
    [[nodiscard]] bool has_section(std::string_view name) const {
        for (const auto& s : sections)
            if (s == name) return true;
        return false;
    }
};

}  // namespace ppm
