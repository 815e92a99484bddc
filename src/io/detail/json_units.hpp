#pragma once
// Text forms of ppm's JSON values that are not plain JSON: durations ("5d"), working intervals
// ("08:00-12:00") and exact decimal money. Internal to src/io; documented in docs/format.md.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ppm::detail {

/// What "d" and "w" mean in a duration text (minutes).
struct DurationUnits {
    std::int64_t minutes_per_day = 480;
    std::int64_t minutes_per_week = 2400;
};

/// Elapsed lags count calendar days and weeks (MS Project's "edays").
inline constexpr DurationUnits kElapsedUnits{.minutes_per_day = 1440, .minutes_per_week = 10080};

/// JSON keys of the week days, Monday first (index = ISO weekday - 1).
inline constexpr std::array<std::string_view, 7> kWeekdayKeys = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

/// The largest |duration| in minutes the JSON reader accepts and the writer writes (~1.9 million
/// years): bounded so that instant + duration arithmetic downstream cannot overflow (docs/limits.md).
inline constexpr std::int64_t kMaxDurationMinutes = 1'000'000'000'000;

/// Parses "<number><unit>": an optional '-', up to 13 integer digits, an optional fraction of up to
/// 4 digits, and a unit m, h, d or w; the result must be a whole number of minutes. On failure
/// returns nullopt and sets `error`.
std::optional<std::int64_t> parse_duration_text(std::string_view text, const DurationUnits& units, std::string& error);

/// Canonical text: "<n>d" when a whole number of days, else "<n>h" when whole hours, else "<n>m".
std::string format_duration(std::int64_t minutes, const DurationUnits& units);

/// Minor units of a decimal JSON number given its verbatim text (and its double value): exact when
/// the text has at most 2 decimals; a longer text is accepted only when it denotes the same double
/// as a 2-decimal amount. On failure returns nullopt and sets `error`.
std::optional<std::int64_t> parse_money_text(std::string_view raw, double value, std::string& error);

/// Parses "HH:MM-HH:MM" (00:00..24:00) into minutes after midnight.
std::optional<std::pair<int, int>> parse_interval_text(std::string_view text);

/// "HH:MM-HH:MM".
std::string format_interval(int start, int finish);

}  // namespace ppm::detail
