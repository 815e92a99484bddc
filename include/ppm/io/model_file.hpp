#pragma once
/// @file
/// Reading a model from any supported file format, recognised by its content and extension.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/governance/control_data.hpp"
#include "ppm/io/import_result.hpp"
#include "ppm/io/read_limits.hpp"

namespace ppm {

/// Reads a portfolio from `path`, choosing the reader by the file's first bytes and its extension
/// (see `read_model_file_with_warnings`). Throws ParseError (io when unreadable, syntax "empty file",
/// unexpected naming the detected format when the extension names another, or the extension when
/// neither it nor the content is recognised).
Portfolio read_model_file(const std::filesystem::path& path);

/// What the first bytes of `path` say it is, as `read_model_file` detects it: "ppm JSON", "MS Project
/// XML (MSPDI)", "Primavera P6 XML (PMXML)", "Primavera P6 XER", "MPX", "a binary MS Project .mpp
/// file", "an empty file", "XML of another kind" or "unknown content". ParseError::io when the file
/// cannot be opened. For messages ("this file is Primavera P6 XER").
std::string detect_model_format(const std::filesystem::path& path);

/// The usual extensions of the formats `read_model_file` reads, lower case with the dot (".json", ...);
/// any other extension is read by content.
std::vector<std::string> supported_model_extensions();

/// Like `read_model_file`, with the warnings of foreign-format importers (empty for .json).
/// The content decides: '{' (after a BOM and whitespace) is ppm JSON, an XML root <Project> MS
/// Project XML (MSPDI), <APIBusinessObjects> Primavera PMXML, a first line "ERMHDR" Primavera XER, a
/// first record "MPX," MPX. .json, .xer and .mpx name their format: a file whose content is another
/// known format is a ParseError ("plan.xer looks like MS Project XML (MSPDI), not Primavera P6
/// XER"), unrecognised content goes to the named reader for its diagnosis. Any other extension
/// (.xml, .pmxml, .txt, none) is read by content (docs/interchange.md, "Format detection").
ImportResult read_model_file_with_warnings(const std::filesystem::path& path);

/// A model file read once: its portfolio, the monitoring-and-control sections beside it (risks,
/// baselines, status, uncertainty, governance: ppm JSON only, other formats carry none) and the
/// importer's warnings (foreign formats only).
struct ModelDocument {
    Portfolio portfolio;
    ControlData control;
    std::vector<ImportWarning> warnings;
};

/// Reads `path` as `read_model_file_with_warnings` does (same detection and errors) and, for ppm
/// JSON, the control sections from the same parse (`read_control_sections`' checks and errors).
/// `limits` bound a JSON document as `read_json`'s do.
[[nodiscard]] ModelDocument read_model_document(const std::filesystem::path& path);
[[nodiscard]] ModelDocument read_model_document(const std::filesystem::path& path, const ReadLimits& limits);

/// A ppm JSON document from text, as `read_model_document` reads a ppm JSON file (one parse):
/// `read_json`'s errors for the model, `read_control_sections`' for the control sections.
[[nodiscard]] ModelDocument read_json_document(std::string_view text, std::string_view source_name = "<input>",
                                               const ReadLimits& limits = {});

/// Writes a portfolio to `path` in the format its extension names (.json, .xml = MSPDI, .xer, .ics =
/// iCalendar milestones of a CPM schedule). Throws ParseError::unexpected naming the extension when
/// unsupported, ParseError::io when the file cannot be written.
void write_model_file(const Portfolio& portfolio, const std::filesystem::path& path);

/// Like `write_model_file`, returning what the output format could not say as the model does (the
/// nearest equivalent written instead, ExportResult): MS Project XML (.xml), XER and MPX report them;
/// JSON holds the whole model and iCalendar only milestones (docs/interchange.md).
std::vector<ImportWarning> write_model_file_with_warnings(const Portfolio& portfolio, const std::filesystem::path& path);

/// The extensions `write_model_file` accepts.
std::vector<std::string> supported_output_extensions();

}  // namespace ppm
