#pragma once
/// @file
/// Reading and writing the monitoring-and-control sections of a ppm model file (docs/evm.md,
/// schema docs/schema/control.schema.json): "risks", "baselines", "status", "uncertainty",
/// "governance". They sit beside "portfolio" at the top level; the model reader skips them.
/// `read_model_document` (model_file.hpp) reads both from one parse.
///
/// @code
/// const std::string text = ppm::read_text_file("plan.json");
/// ppm::ControlData control = ppm::read_control_sections(text, "plan.json");
/// std::string out = ppm::write_json(portfolio, ppm::write_control_sections(control));
/// @endcode

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "ppm/core/time.hpp"
#include "ppm/governance/control_data.hpp"

namespace ppm {

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
