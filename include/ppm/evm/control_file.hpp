#pragma once
/// @file
/// Reading and writing the monitoring-and-control sections of a ppm model file (docs/evm.md,
/// schema docs/schema/control.schema.json): "risks", "baselines", "status", "uncertainty",
/// "governance". They sit beside "portfolio" at the top level; the model reader skips them.
///
/// @code
/// const std::string text = read_whole_file("plan.json");
/// ppm::Portfolio pf = ppm::read_json(text, "plan.json");
/// ppm::ControlData control = ppm::read_control_sections(text, "plan.json");
/// @endcode

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/change_request.hpp"
#include "ppm/evm/earned_value.hpp"
#include "ppm/evm/issue_log.hpp"
#include "ppm/evm/lessons.hpp"
#include "ppm/evm/methodology.hpp"
#include "ppm/evm/pmo_policy.hpp"
#include "ppm/evm/rag.hpp"
#include "ppm/evm/stage_gate.hpp"
#include "ppm/evm/status_period.hpp"
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
};

/// Reads the control sections of a model document (absent sections keep their defaults).
/// References are checked against the document's own "portfolio" (skipped for a fragment without
/// one): baseline rows, status periods, governance project facts, risks and uncertainty tasks must
/// name projects and tasks that exist (a status or baseline row's task must be in its project),
/// and governance thresholds must make sense (check_policy). "d" and "w" in durations are the
/// minutes_per_day / minutes_per_week of the project an entry belongs to, as in the model format;
/// ambiguous across projects with different units, they are refused.
/// Throws ParseError(unexpected) naming the file, the section's line and the JSON pointer of the
/// bad value; ModelError for values out of their domain (probability > 1...).
[[nodiscard]] ControlData read_control_sections(std::string_view text, std::string_view source_name = "<input>");

/// The sections as JSON texts (name -> value), for `write_json(portfolio, sections)`.
[[nodiscard]] std::map<std::string, std::string, std::less<>> write_control_sections(const ControlData& data);

/// Parses a duration: integer minutes or "<number><m|h|d|w>" with the model format's default units
/// (d = 480, w = 2400 minutes; read_control_sections applies each project's own).
/// Throws ModelError(invalid_value) naming `where`.
[[nodiscard]] Duration parse_duration_text(std::string_view text, std::string_view where);

}  // namespace ppm
