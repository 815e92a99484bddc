#pragma once
// The model and control readers over one parsed JSON document, so that a file is parsed once
// (read_model_document). Internal to src/io.

#include "io/detail/json_dom.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/governance/control_data.hpp"
#include "ppm/io/read_limits.hpp"

namespace ppm::detail {

/// The "portfolio" of a parsed ppm document, checked as read_json checks it (top-level keys,
/// format and version, task limits).
Portfolio read_portfolio_document(const JsonDoc& doc, const ReadLimits& limits);

/// The control sections of a parsed document, as read_control_sections reads them.
ControlData read_control_document(const JsonDoc& doc);

}  // namespace ppm::detail
