#pragma once
/// @file
/// PMO policy profiles. The three PMO types of the seeds (PMI, *PMBOK Guide* 6th ed., sec. 2.4.4.3):
///   supportive  -- consultative, low control: reports SPI/CPI only, escalates only red projects
///                  and only on request (escalate_from = none);
///   controlling -- compliance with frameworks: all performance checks and quality, red escalates;
///   directive   -- directly manages projects: all checks plus a baseline and an approved gate
///                  before execution, tighter thresholds (quality too), amber escalates.

#include <string_view>

#include "ppm/governance/rag.hpp"

namespace ppm {

/// The PMO type.
enum class PmoType { supportive, controlling, directive };
std::string_view to_string(PmoType t) noexcept;  ///< "supportive", "controlling", "directive"
PmoType parse_pmo_type(std::string_view s);      ///< Throws ModelError(invalid_value).

/// The policy profile of a PMO type (documented in docs/governance.md).
[[nodiscard]] RagPolicy policy_profile(PmoType t);

}  // namespace ppm
