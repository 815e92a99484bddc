#pragma once
/// @file
/// MPX (the text exchange format of MS Project 4.0/98): comma- or locale-separated records, each
/// starting with its record number (10/11/12 settings, 20/25/26 base calendars, 30 project, 40/41
/// resource columns, 50/51/55/56/57 resources, 60/61 task columns, 70/71 tasks, 75 assignments).
///
/// @code
/// ppm::ImportResult r = ppm::read_mpx_file("old.mpx");   // throws ppm::ParseError
/// @endcode
///
/// Mapping (docs/interchange.md): tasks by Unique ID (column 98; the row ID is kept as "mpx.ID"),
/// parents from Outline Level, Predecessors column ("3FS+1d", "5SS-2h", several separated by the
/// list separator) with row-ID references, durations in m/h/d/w/mo and elapsed forms, calendars
/// with per-day hours and exceptions, resources (Max Units and assignment units as fractions: 1 =
/// 100 %; rates and cost per use as money), assignments. Other columns are kept typed (dates, costs,
/// flags, numbers) as "mpx.<English column name>". The separator comes from the header line; money
/// and number separators from record 10; date order, date format (any of 0-20), 12/24-hour times
/// and AM/PM text from record 12.

#include <filesystem>
#include <string>
#include <string_view>

#include "ppm/io/import_result.hpp"
#include "ppm/io/read_limits.hpp"

namespace ppm {

/// Reads MPX text (Windows-1252 or UTF-8). Throws ParseError (unexpected, with the line: missing MPX
/// header, malformed duration/date/number naming the column).
ImportResult read_mpx(std::string_view text, std::string_view source_name = "<input>");
/// As above with explicit safety limits (docs/limits.md): ParseError `limit_exceeded` when exceeded.
ImportResult read_mpx(std::string_view text, std::string_view source_name, const ReadLimits& limits);

/// Reads an MPX file; ParseError::io when unreadable.
ImportResult read_mpx_file(const std::filesystem::path& path);
/// As above with explicit safety limits (max_file_bytes is checked before reading).
ImportResult read_mpx_file(const std::filesystem::path& path, const ReadLimits& limits);

/// Writes a one-project portfolio as MPX 4.0 text (Windows-1252, comma separated, year-month-day
/// dates) that `read_mpx` reads back to the same tasks, links, lags, constraints, progress,
/// calendars, resources (max units, one cost-rate row), assignments and MPX user fields
/// (docs/interchange.md lists what MPX cannot hold). Throws
/// ModelError::unsupported for a portfolio with more or fewer than one project or a link to
/// another project.
std::string write_mpx(const Portfolio& portfolio);

/// Writes `write_mpx(portfolio)` to `path`; ParseError::io when it cannot be written.
void write_mpx_file(const Portfolio& portfolio, const std::filesystem::path& path);

/// `write_mpx` with what MPX cannot say as the model does (P6 Start/Finish On written as SNET/FNET,
/// constraints of a project that does not honour them, secondary constraints): each warning names
/// the entity and the nearest equivalent written.
ExportResult write_mpx_with_warnings(const Portfolio& portfolio, std::string_view target_name = "<output>");
/// Writes `write_mpx_with_warnings(portfolio, path)` to `path` and returns its warnings.
std::vector<ImportWarning> write_mpx_file_with_warnings(const Portfolio& portfolio, const std::filesystem::path& path);

}  // namespace ppm
