#pragma once
/// @file
/// Writing a schedule result for people and machines: JSON (every field of `ScheduleResult`, with
/// the task names from the model) and CSV (one row per task, for spreadsheets). The JSON layout is
/// documented in docs/format.md ("Schedule output").
///
/// @code
/// ppm::ScheduleResult r = ppm::schedule(portfolio);
/// ppm::write_text_file(ppm::write_schedule_csv(portfolio, r), "schedule.csv");
/// @endcode

#include <filesystem>
#include <string>
#include <string_view>

#include "ppm/core/portfolio.hpp"
#include "ppm/io/text_file.hpp"  // write_text_file
#include "ppm/schedule/cpm.hpp"

namespace ppm {

/// `{"format": "ppm-schedule", "version": 1, "finish", "projects": [...], "tasks": [...], "warnings": [...]}`.
std::string write_schedule_json(const Portfolio& portfolio, const ScheduleResult& result);

/// RFC 4180 CSV with a header row: id, project, name, wbs parent, kind, duration and float in
/// minutes, early/late start/finish ("YYYY-MM-DDTHH:MM"), critical, driving predecessor.
std::string write_schedule_csv(const Portfolio& portfolio, const ScheduleResult& result);


}  // namespace ppm
