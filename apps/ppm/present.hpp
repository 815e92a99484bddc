#pragma once
// Presentation helpers the commands share: fixed-width columns, durations in days, JSON numbers.
// (Parsing helpers are in options.hpp; each result's JSON / CSV writer is in the library, io/.)

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "ppm/core/time.hpp"

namespace ppm::cli {

/// `x` with three decimals ("0.333"), as the scoring commands print weights and scores.
inline std::string fixed3(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    return buf;
}

/// `s` in a column of `width` characters: padded with spaces, or cut with a final '~'.
inline std::string pad(std::string s, std::size_t width) {
    if (s.size() > width) s = s.substr(0, width - 1) + "~";
    s.resize(width, ' ');
    return s;
}

/// `s` in a table cell of `width` characters ending in a space: cut to `width` - 1 characters when
/// longer, else padded on the right (left-aligned) or on the left (`right`).
inline std::string cell(std::string s, std::size_t width, bool right = false) {
    if (s.size() >= width) return s.substr(0, width - 1) + " ";
    return right ? std::string(width - s.size() - 1, ' ') + s + " " : s + std::string(width - s.size(), ' ');
}

/// `s` padded to `width` characters, never cut: a longer `s` is followed by one space (lists whose
/// ids must stay whole).
inline std::string column(std::string s, std::size_t width) {
    return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

/// A signed duration in days of `minutes_per_day` minutes, one decimal: "+2.5d".
inline std::string days(Duration d, std::int64_t minutes_per_day) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1fd", static_cast<double>(d.count()) / static_cast<double>(minutes_per_day));
    return buf;
}

/// A JSON number, or null for NaN and infinities (JSON has no such numbers).
inline nlohmann::json jnum(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

}  // namespace ppm::cli
