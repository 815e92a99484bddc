#pragma once
/// @file
/// Microsoft Project XML (MSPDI, "Microsoft Project XML Data Interchange", schema mspdi_pj15.xsd of
/// Project 2013; files from Project 2002-2019). Both namespaces seen in the wild are accepted
/// (`http://schemas.microsoft.com/project` and `.../project/2007`), and element order is not enforced.
///
/// @code
/// ppm::ImportResult r = ppm::read_mspdi_file("plan.xml");   // throws ppm::ParseError
/// for (const auto& w : r.warnings) std::cerr << w.entity << ": " << w.message << "\n";
/// ppm::write_mspdi_file(r.portfolio, "copy.xml");             // validates against the 2013 XSD
/// @endcode
///
/// Mapping (docs/interchange.md): one MSPDI file = one project; UIDs become ids ("12"); task UID 0
/// (the project summary) is not a task; calendars (week days, working times, both exception forms,
/// recurring exceptions expanded to dated ones, base calendars), tasks in outline order (parent from
/// OutlineLevel), durations, constraints, deadline, priority, actuals, percent complete, notes,
/// links of all four types with lags in any LagFormat, resources (type, max units, availability,
/// cost-rate table A), assignments. Everything else (extended attributes by field name, baselines as
/// "mspdi.Baseline<N>.<Field>", other scalar elements as "mspdi.<Element>", complex elements as
/// "mspdi.xml.<Element>") is kept as custom fields and written back on export.

#include <filesystem>
#include <string>
#include <string_view>

#include "ppm/io/import_result.hpp"
#include "ppm/io/read_limits.hpp"

namespace ppm {

/// Reads MSPDI text; `source_name` appears in errors and warnings. Throws ParseError (syntax with
/// line/column; unexpected when the root is not <Project> or a value is malformed, naming the element
/// and its line).
ImportResult read_mspdi(std::string_view text, std::string_view source_name = "<input>");
/// As above with explicit safety limits (docs/limits.md): ParseError `limit_exceeded` when exceeded.
ImportResult read_mspdi(std::string_view text, std::string_view source_name, const ReadLimits& limits);

/// Reads an MSPDI file; ParseError::io when unreadable.
ImportResult read_mspdi_file(const std::filesystem::path& path);
/// As above with explicit safety limits (max_file_bytes is checked before reading).
ImportResult read_mspdi_file(const std::filesystem::path& path, const ReadLimits& limits);

/// Writes the first project of `portfolio` (with the portfolio's calendars and resources) as MSPDI in
/// the schema's element order; the output validates against the Project 2013 XSD. Numeric ids are
/// used as UIDs; other ids are numbered after the largest numeric one (see docs/interchange.md).
/// What MSPDI cannot say is written as its nearest equivalent and named in a warning: P6 "Start On"
/// / "Finish On" in a project that honours constraints (SNET / FNET), "Mandatory Start" /
/// "Mandatory Finish" in one that does not (MSO / MFO, which MS Project then lets logic move), a
/// second constraint, a lag calendar other than the successor's (24-hour: an elapsed lag), links
/// into other projects and further projects (not written), custom fields of other formats.
/// Throws ModelError::invalid_value when the portfolio has no project.
///
/// @code
/// ppm::ExportResult x = ppm::write_mspdi_with_warnings(p6.portfolio, "plan.xml");
/// for (const auto& w : x.warnings) std::cerr << w.entity << ": " << w.message << "\n";
/// @endcode
ExportResult write_mspdi_with_warnings(const Portfolio& portfolio, std::string_view target_name = "<output>");

/// `write_mspdi_with_warnings(portfolio).text`.
std::string write_mspdi(const Portfolio& portfolio);

/// Writes the MSPDI text to `path` and returns the export warnings; ParseError::io when it cannot
/// be written.
std::vector<ImportWarning> write_mspdi_file_with_warnings(const Portfolio& portfolio, const std::filesystem::path& path);

/// Writes `write_mspdi(portfolio)` to `path`; ParseError::io when it cannot be written.
void write_mspdi_file(const Portfolio& portfolio, const std::filesystem::path& path);

}  // namespace ppm
