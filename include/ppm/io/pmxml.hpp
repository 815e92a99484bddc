#pragma once
/// @file
/// Primavera P6 XML (PMXML, root <APIBusinessObjects>, Oracle's P6 API Business Objects schema;
/// versions 8.x-22.x, with or without namespace). Import only.
///
/// @code
/// ppm::ImportResult r = ppm::read_pmxml_file("plan.xml");
/// @endcode
///
/// Mapping (docs/interchange.md), as for XER: projects "P<ObjectId>", WBS nodes "WBS<ObjectId>" as
/// summary tasks, activities by ObjectId (Id kept as "pmxml.Id"), hours-based durations and lags,
/// the project's RelationshipLagCalendar, calendars (StandardWorkWeek, HolidayOrExceptions),
/// resources with ResourceRate rows, assignments. Other scalar fields are kept as "pmxml.<Element>".

#include <filesystem>
#include <string>
#include <string_view>

#include "ppm/io/import_result.hpp"
#include "ppm/io/read_limits.hpp"

namespace ppm {

/// Reads PMXML text. Throws ParseError (syntax with line/column; unexpected when the root is not
/// <APIBusinessObjects> or a value is malformed, naming the element and its line).
ImportResult read_pmxml(std::string_view text, std::string_view source_name = "<input>");
/// As above with explicit safety limits (docs/limits.md): ParseError `limit_exceeded` when exceeded.
ImportResult read_pmxml(std::string_view text, std::string_view source_name, const ReadLimits& limits);

/// Reads a PMXML file; ParseError::io when unreadable.
ImportResult read_pmxml_file(const std::filesystem::path& path);
/// As above with explicit safety limits (max_file_bytes is checked before reading).
ImportResult read_pmxml_file(const std::filesystem::path& path, const ReadLimits& limits);

}  // namespace ppm
