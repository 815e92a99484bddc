#pragma once
/// @file
/// Primavera P6 XER (tab-separated export: ERMHDR header, %T table, %F fields, %R rows, %E end;
/// Windows-1252 text, per Oracle's "P6 XER file format" notes).
///
/// @code
/// ppm::ImportResult r = ppm::read_xer_file("plan.xer");   // throws ppm::ParseError
/// ppm::write_xer_file(r.portfolio, "copy.xer");
/// @endcode
///
/// Import mapping (docs/interchange.md): each PROJECT row is a project (id "P<proj_id>"); PROJWBS
/// nodes below the project node are summary tasks ("WBS<wbs_id>"); TASK rows are tasks (id = task_id,
/// task_code kept as "xer.task_code"); durations and lags are hours (target_drtn_hr_cnt,
/// remain_drtn_hr_cnt, lag_hr_cnt); TASKPRED links with the project's
/// SCHEDOPTIONS.sched_calendar_on_relationship_lag as lag calendar; CALENDAR clndr_data (week days,
/// exception days counted from 1899-12-30); RSRC/RSRCRATE resources and rates; TASKRSRC assignments.
/// Every other field is kept as custom field "xer.<field>" (P6's own early/late dates and floats
/// included); tables not imported are named in warnings.

#include <filesystem>
#include <string>
#include <string_view>

#include "ppm/io/import_result.hpp"
#include "ppm/io/read_limits.hpp"

namespace ppm {

/// Reads XER text (Windows-1252 or UTF-8). Throws ParseError (unexpected with the line for a
/// missing ERMHDR, a row before its %F, a bad number or date, naming table and field).
ImportResult read_xer(std::string_view text, std::string_view source_name = "<input>");
/// As above with explicit safety limits (docs/limits.md): ParseError `limit_exceeded` when exceeded.
ImportResult read_xer(std::string_view text, std::string_view source_name, const ReadLimits& limits);

/// Reads an XER file; ParseError::io when unreadable.
ImportResult read_xer_file(const std::filesystem::path& path);
/// As above with explicit safety limits (max_file_bytes is checked before reading).
ImportResult read_xer_file(const std::filesystem::path& path, const ReadLimits& limits);

/// Writes the portfolio as XER (PROJECT, CALENDAR, SCHEDOPTIONS, PROJWBS, TASK, TASKPRED, RSRC,
/// RSRCRATE, TASKRSRC), Windows-1252 encoded. Re-reading gives the same tasks, links, calendars and
/// resources (see docs/interchange.md for what is not carried).
std::string write_xer(const Portfolio& portfolio);

/// Writes `write_xer(portfolio)` to `path`; ParseError::io when it cannot be written.
void write_xer_file(const Portfolio& portfolio, const std::filesystem::path& path);

/// `write_xer` with what XER cannot say as the model does (an MS Project SNLT/FNLT that overrides
/// logic written as P6's soft CS_MSOB/CS_MEOB, lags on several calendars or elapsed): each warning
/// names the entity and the nearest equivalent written.
ExportResult write_xer_with_warnings(const Portfolio& portfolio, std::string_view target_name = "<output>");
/// Writes `write_xer_with_warnings(portfolio, path)` to `path` and returns its warnings.
std::vector<ImportWarning> write_xer_file_with_warnings(const Portfolio& portfolio, const std::filesystem::path& path);

}  // namespace ppm
