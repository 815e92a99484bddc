#pragma once
/// @file
/// iCalendar (RFC 5545) export of milestones: one VEVENT per milestone of a CPM schedule, at its
/// early date, as floating local time (ppm has no time zones). Importable by calendar applications.
///
/// @code
/// ppm::write_ical_file(portfolio, "milestones.ics");  // schedules with ppm::schedule() first
/// @endcode

#include <filesystem>
#include <string>

#include "ppm/core/portfolio.hpp"
#include "ppm/schedule/cpm.hpp"

namespace ppm {

/// The milestones of `result` (a schedule of `portfolio`) as an iCalendar document (CRLF lines,
/// folded at 75 octets). Deterministic: DTSTAMP is the status date (else the earliest project start).
std::string write_ical(const Portfolio& portfolio, const ScheduleResult& result);

/// Schedules `portfolio` with default options and writes its milestones to `path`; ParseError::io
/// when the file cannot be written, ModelError when the model cannot be scheduled.
void write_ical_file(const Portfolio& portfolio, const std::filesystem::path& path);

}  // namespace ppm
