#pragma once
/// @file
/// What an importer of a foreign project file (MSPDI, P6 XER / PMXML, MPX) returns: the model plus
/// the warnings that list everything the model could not represent. Nothing in a file is dropped
/// silently: a value ppm does not model is kept as a custom field (key prefixed by the format, e.g.
/// "mspdi.WBS", "xer.task_code") or named in a warning. See docs/interchange.md.

#include <cstdint>
#include <string>
#include <vector>

#include "ppm/core/portfolio.hpp"

namespace ppm {

/// One thing the importer could not carry into the model as it is (or changed on the way in).
struct ImportWarning {
    std::string source;       ///< File (or source name) it comes from.
    std::int64_t line = 0;    ///< 1-based line of the element/row, 0 when unknown.
    std::string entity;       ///< "task 12", "calendar 3", "project", ...
    std::string message;      ///< What was not imported or was changed, and why.
    friend bool operator==(const ImportWarning&, const ImportWarning&) = default;
};

/// The model read from a foreign file and the warnings raised while reading it.
struct ImportResult {
    Portfolio portfolio;
    std::vector<ImportWarning> warnings;
};

/// A model written in a foreign format and what that format could not say as the model does: each
/// warning names the entity and the nearest equivalent written instead (a P6 "Start On" constraint
/// written as SNET, a 24-hour lag calendar as an elapsed lag, ...). Warnings use `ImportWarning`
/// with `source` = the output's name and `line` = 0.
struct ExportResult {
    std::string text;
    std::vector<ImportWarning> warnings;
};

}  // namespace ppm
