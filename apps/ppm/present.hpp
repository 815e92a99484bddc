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

/// `s` in a column of `width` characters: padded with spaces, or cut with a final '~'.
inline std::string pad(std::string s, std::size_t width) {
    if (s.size() > width) s = s.substr(0, width - 1) + "~";
    s.resize(width, ' ');
    return s;
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
