#pragma once
// Text helpers shared by the interchange readers/writers (MSPDI, XER, PMXML, MPX): ISO 8601 date-times
// and durations as MS Project and P6 write them, numbers, Windows-1252 to UTF-8, offset -> line.

#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ppm/core/time.hpp"

namespace ppm::detail {

/// "2014-10-17T08:00:00", "2014-10-17T08:00", "2014-10-17 08:00", "2014-10-17" -> Instant (seconds dropped).
std::optional<Instant> parse_iso_datetime(std::string_view text);
/// "2014-10-17T08:00:00".
std::string format_iso_datetime(Instant t);
/// "08:00:00" -> 480; "00:00:00" as an end time means 24:00 (pass `is_end`).
std::optional<int> parse_time_of_day(std::string_view text, bool is_end);
/// 480 -> "08:00:00"; 1440 -> "00:00:00".
std::string format_time_of_day(int minute);
/// For a date-time text that is not accepted: why, when its date part has the YYYY-MM-DD shape but
/// names no supported day ("year 1300 is outside the supported years 1400-9999", "month 13 is not
/// 1-12", "day 30 does not exist in 2026-02"); otherwise "expected " + `expected`. For messages.
std::string date_problem(std::string_view text, std::string_view expected);
/// The same check for a date given as numbers (the MPX reader's day-month-year orders); empty when
/// year, month and day name a supported day.
std::string date_problem(int year, int month, int day);
/// ISO 8601 duration "PT8H0M0S", "P1DT2H", "-PT1H30M" -> minutes (rounded to the nearest minute).
std::optional<std::int64_t> parse_iso_duration(std::string_view text);
/// Minutes -> "PT8H0M0S".
std::string format_iso_duration(std::int64_t minutes);
/// Whole-string integer / floating-point parses (leading/trailing blanks allowed).
std::optional<std::int64_t> parse_int(std::string_view text);
std::optional<double> parse_double(std::string_view text);
/// Shortest text that reads back as the same double ("1", "0.5", "1.375").
std::string format_double(double value);
/// Windows-1252 bytes -> UTF-8 (valid UTF-8 input is returned unchanged).
std::string cp1252_to_utf8(std::string_view text);
/// Appends code point `c` (<= U+10FFFF, not a surrogate) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t c);
/// Byte offset of the first byte of `text` that does not start a valid UTF-8 sequence (RFC 3629: no
/// overlong forms, no surrogates, nothing above U+10FFFF, no sequence cut short), or npos.
std::size_t invalid_utf8_offset(std::string_view text);
/// True when `text` is valid UTF-8 (invalid_utf8_offset finds nothing).
bool is_valid_utf8(std::string_view text);
/// UTF-8 -> Windows-1252 (characters outside it become '?').
std::string utf8_to_cp1252(std::string_view text);
/// 1-based line and column of byte `offset` in `text`.
std::pair<std::int64_t, std::int64_t> line_column(std::string_view text, std::size_t offset);
/// Trims ASCII blanks.
std::string_view trim(std::string_view text);

}  // namespace ppm::detail
