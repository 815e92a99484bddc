#pragma once
/// @file
/// Reading a model from any supported file format, chosen by the file's extension.

#include <filesystem>
#include <string>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/io/import_result.hpp"

namespace ppm {

/// Reads a portfolio from `path`, choosing the reader by extension (.json: ppm's own format).
/// Throws ParseError (io when unreadable, unexpected naming the extension when unsupported).
Portfolio read_model_file(const std::filesystem::path& path);

/// The extensions `read_model_file` accepts, lower case with the dot (".json", ...).
std::vector<std::string> supported_model_extensions();

/// Like `read_model_file`, with the warnings of foreign-format importers (empty for .json).
/// .xml is MS Project XML (root <Project>) or Primavera PMXML (root <APIBusinessObjects>), told
/// apart by the root element; .xer is Primavera XER; .mpx is MPX (docs/interchange.md).
ImportResult read_model_file_with_warnings(const std::filesystem::path& path);

/// Writes a portfolio to `path` in the format its extension names (.json, .xml = MSPDI, .xer, .ics =
/// iCalendar milestones of a CPM schedule). Throws ParseError::unexpected naming the extension when
/// unsupported, ParseError::io when the file cannot be written.
void write_model_file(const Portfolio& portfolio, const std::filesystem::path& path);

/// The extensions `write_model_file` accepts.
std::vector<std::string> supported_output_extensions();

}  // namespace ppm
