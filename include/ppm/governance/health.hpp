#pragma once
/// @file
/// The facts behind a project's RAG status, gathered from the model, its control sections and an
/// EVM roll-up: SPI, CPI, SPI(t) (project rows of the roll-up), open high risks (risk register,
/// current assessment), overdue milestones (baseline milestones planned before the status date and
/// not complete), baseline presence, the governance section's facts (float erosion, gate,
/// execution, weight) and its quality measures (the project's latest `governance.quality` record
/// dated at or before the status date; none: the quality facts stay unknown). Weight: the
/// project's BAC, or 1 with governance weight "equal".

#include <vector>

#include "ppm/evm/rollup.hpp"
#include "ppm/governance/control_data.hpp"

namespace ppm {

/// One ProjectHealth per portfolio project, in portfolio order.
[[nodiscard]] std::vector<ProjectHealth> project_health(const Portfolio& portfolio, const ControlData& control,
                                                        const EvmTable& evm, Instant status_date);

/// The RAG policy the governance section asks for: its full `policy` when given, else the `pmo`
/// profile with the threshold overrides.
[[nodiscard]] RagPolicy governance_policy(const GovernanceSpec& g);

}  // namespace ppm
