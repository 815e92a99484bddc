// Text helpers shared by the interchange readers and writers (see detail/interchange_text.hpp).
// ISO 8601 (date-times and durations as written by MS Project's MSPDI and Primavera's PMXML),
// Windows-1252 (the code page of XER and MPX files, per Oracle's XER documentation).
#include "detail/interchange_text.hpp"

#include "ppm/core/error.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace ppm::detail {

std::string_view trim(std::string_view t) {
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\r' || t.front() == '\n')) t.remove_prefix(1);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r' || t.back() == '\n')) t.remove_suffix(1);
    return t;
}

std::optional<std::int64_t> parse_int(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}

std::optional<double> parse_double(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double v = 0;
    auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || p != text.data() + text.size() || text.empty() || !std::isfinite(v)) return std::nullopt;
    // Magnitudes beyond 1e15 are never meaningful hours, minutes or amounts, and would overflow the
    // integer conversions of the readers (docs/limits.md).
    if (std::fabs(v) > 1e15) return std::nullopt;
    return v;
}

std::string format_double(double value) {
    std::array<char, 64> buf{};
    auto [p, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), value);
    if (ec != std::errc{}) return "0";
    return std::string(buf.data(), p);
}

namespace {
bool digits(std::string_view t, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > t.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) {
        if (t[i] < '0' || t[i] > '9') return false;
        v = v * 10 + (t[i] - '0');
    }
    out = v;
    return true;
}
}  // namespace

std::optional<Instant> parse_iso_datetime(std::string_view t) {
    t = trim(t);
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    if (!digits(t, 0, 4, y) || t.size() < 10 || t[4] != '-' || !digits(t, 5, 2, mo) || t[7] != '-' || !digits(t, 8, 2, d))
        return std::nullopt;
    if (t.size() > 10) {
        if ((t[10] != 'T' && t[10] != ' ') || !digits(t, 11, 2, h) || t.size() < 16 || t[13] != ':' || !digits(t, 14, 2, mi))
            return std::nullopt;
    }
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59) return std::nullopt;
    try {
        return Instant::from_ymd_hm(y, mo, d, 0, 0) + Duration{h * 60 + mi};
    } catch (...) {
        return std::nullopt;
    }
}

std::string date_problem(int year, int month, int day) {
    if (year < first_supported_date().year() || year > last_supported_date().year())
        return "year " + std::to_string(year) + " is outside the supported years " + std::to_string(first_supported_date().year()) +
               "-" + std::to_string(last_supported_date().year());
    if (month < 1 || month > 12) return "month " + std::to_string(month) + " is not 1-12";
    try {
        (void)Date::from_ymd(year, month, day);
    } catch (const ModelError&) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "day %d does not exist in %04d-%02d", day, year, month);
        return buf;
    }
    return {};
}

std::string date_problem(std::string_view t, std::string_view expected) {
    t = trim(t);
    int y = 0, mo = 0, d = 0;
    if (digits(t, 0, 4, y) && t.size() >= 10 && t[4] == '-' && digits(t, 5, 2, mo) && t[7] == '-' && digits(t, 8, 2, d))
        if (std::string why = date_problem(y, mo, d); !why.empty()) return why;
    return "expected " + std::string(expected);
}

std::string format_iso_datetime(Instant t) {
    const Date d = t.date();
    const auto m = t.minute_of_day();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:00", d.year(), d.month(), d.day(), static_cast<int>(m / 60),
                  static_cast<int>(m % 60));
    return buf;
}

std::optional<int> parse_time_of_day(std::string_view t, bool is_end) {
    t = trim(t);
    int h = 0, m = 0;
    if (!digits(t, 0, 2, h) || t.size() < 5 || t[2] != ':' || !digits(t, 3, 2, m) || h > 24 || m > 59) return std::nullopt;
    int v = h * 60 + m;
    if (is_end && v == 0) v = 1440;
    if (v > 1440) return std::nullopt;
    return v;
}

std::string format_time_of_day(int minute) {
    if (minute >= 1440) minute = 0;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d:00", minute / 60, minute % 60);
    return buf;
}

std::optional<std::int64_t> parse_iso_duration(std::string_view t) {
    t = trim(t);
    bool negative = false;
    if (!t.empty() && t.front() == '-') { negative = true; t.remove_prefix(1); }
    if (t.empty() || t.front() != 'P') return std::nullopt;
    t.remove_prefix(1);
    double minutes = 0;
    bool in_time = false, any = false;
    while (!t.empty()) {
        if (t.front() == 'T') { in_time = true; t.remove_prefix(1); continue; }
        std::size_t n = 0;
        while (n < t.size() && ((t[n] >= '0' && t[n] <= '9') || t[n] == '.')) ++n;
        if (n == 0 || n >= t.size()) return std::nullopt;
        const auto v = parse_double(t.substr(0, n));
        if (!v) return std::nullopt;
        const char unit = t[n];
        t.remove_prefix(n + 1);
        any = true;
        if (!in_time) {
            if (unit == 'Y') minutes += *v * 365 * 1440;
            else if (unit == 'M') minutes += *v * 30 * 1440;
            else if (unit == 'W') minutes += *v * 7 * 1440;
            else if (unit == 'D') minutes += *v * 1440;
            else return std::nullopt;
        } else {
            if (unit == 'H') minutes += *v * 60;
            else if (unit == 'M') minutes += *v;
            else if (unit == 'S') minutes += *v / 60.0;
            else return std::nullopt;
        }
    }
    if (!any || !(std::fabs(minutes) <= 1e15)) return std::nullopt;  // no overflow in llround or -r
    const auto r = static_cast<std::int64_t>(std::llround(minutes));
    return negative ? -r : r;
}

std::string format_iso_duration(std::int64_t minutes) {
    const bool negative = minutes < 0;
    const std::int64_t m = negative ? -minutes : minutes;
    return std::string(negative ? "-" : "") + "PT" + std::to_string(m / 60) + "H" + std::to_string(m % 60) + "M0S";
}

namespace {
// Windows-1252 0x80..0x9F (undefined positions map to themselves as C1 controls).
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};
}  // namespace

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

std::size_t invalid_utf8_offset(std::string_view t) {
    std::size_t i = 0;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(t[k]); };
    while (i < t.size()) {
        const unsigned char c = byte(i);
        if (c < 0x80) { ++i; continue; }
        std::size_t n = 0;                  // continuation bytes
        unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte (RFC 3629 table, section 4)
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c == 0xE0) { n = 2; lo = 0xA0; }
        else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) n = 2;
        else if (c == 0xED) { n = 2; hi = 0x9F; }  // no UTF-16 surrogates
        else if (c == 0xF0) { n = 3; lo = 0x90; }
        else if (c >= 0xF1 && c <= 0xF3) n = 3;
        else if (c == 0xF4) { n = 3; hi = 0x8F; }  // nothing above U+10FFFF
        else return i;                           // a continuation byte, an overlong lead, 0xF5..0xFF
        if (i + n >= t.size()) return i;  // cut short by the end of the text
        if (byte(i + 1) < lo || byte(i + 1) > hi) return i;
        for (std::size_t k = 2; k <= n; ++k)
            if ((byte(i + k) >> 6) != 2) return i;
        i += n + 1;
    }
    return std::string_view::npos;
}

bool is_valid_utf8(std::string_view t) { return invalid_utf8_offset(t) == std::string_view::npos; }

std::string cp1252_to_utf8(std::string_view t) {
    if (is_valid_utf8(t)) return std::string(t);
    std::string out;
    out.reserve(t.size() + t.size() / 8);
    for (char ch : t) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) out += ch;
        else if (c < 0xA0) append_utf8(out, kCp1252High[c - 0x80]);
        else append_utf8(out, c);
    }
    return out;
}

std::string utf8_to_cp1252(std::string_view t) {
    std::string out;
    out.reserve(t.size());
    std::size_t i = 0;
    while (i < t.size()) {
        const auto c = static_cast<unsigned char>(t[i]);
        char32_t cp = c;
        std::size_t n = 1;
        if (c >= 0xF0 && i + 3 < t.size()) { cp = 0x10000; n = 4; }
        else if (c >= 0xE0 && i + 2 < t.size()) {
            cp = static_cast<char32_t>(((c & 0x0F) << 12) | ((static_cast<unsigned char>(t[i + 1]) & 0x3F) << 6) |
                                       (static_cast<unsigned char>(t[i + 2]) & 0x3F));
            n = 3;
        } else if (c >= 0xC0 && i + 1 < t.size()) {
            cp = static_cast<char32_t>(((c & 0x1F) << 6) | (static_cast<unsigned char>(t[i + 1]) & 0x3F));
            n = 2;
        }
        i += n;
        if (cp < 0x80 || (cp >= 0xA0 && cp < 0x100)) { out += static_cast<char>(cp); continue; }
        char mapped = '?';
        for (std::size_t k = 0; k < kCp1252High.size(); ++k)
            if (kCp1252High[k] == cp) mapped = static_cast<char>(0x80 + k);
        out += mapped;
    }
    return out;
}

std::pair<std::int64_t, std::int64_t> line_column(std::string_view text, std::size_t offset) {
    std::int64_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') { ++line; col = 1; } else { ++col; }
    }
    return {line, col};
}

}  // namespace ppm::detail
