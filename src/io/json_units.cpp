// Durations, working intervals and money as text (docs/format.md, "Value formats").
#include "io/detail/json_units.hpp"

#include <cmath>
#include <cstdio>
#include <limits>

namespace ppm::detail {

namespace {
bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
std::int64_t to_int(std::string_view digits) {
    std::int64_t v = 0;
    for (char c : digits) v = v * 10 + (c - '0');
    return v;
}
std::int64_t pow10(std::size_t n) {
    std::int64_t p = 1;
    while (n-- > 0) p *= 10;
    return p;
}
}  // namespace

std::optional<std::int64_t> parse_duration_text(std::string_view text, const DurationUnits& units, std::string& error) {
    std::string_view s = text;
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    if (s.empty()) {
        error = "empty (expected e.g. \"5d\", \"3h\", \"90m\", \"2w\")";
        return std::nullopt;
    }
    const char unit = s.back();
    std::int64_t per = 0;
    switch (unit) {
        case 'm': per = 1; break;
        case 'h': per = 60; break;
        case 'd': per = units.minutes_per_day; break;
        case 'w': per = units.minutes_per_week; break;
        default:
            error = "unknown unit (expected a number followed by m, h, d or w, e.g. \"5d\")";
            return std::nullopt;
    }
    s.remove_suffix(1);
    const auto dot = s.find('.');
    const std::string_view whole = s.substr(0, dot);
    const std::string_view frac = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
    if (!all_digits(whole) || (dot != std::string_view::npos && !all_digits(frac))) {
        error = "expected a number followed by m, h, d or w, e.g. \"5d\" or \"1.5h\"";
        return std::nullopt;
    }
    // 13 integer digits: every duration within kMaxDurationMinutes, as format_duration writes it
    // in minutes, reads back (a P6 material quantity of millions gives a work of billions of minutes).
    if (whole.size() > 13 || frac.size() > 4) {
        error = "too many digits (at most 13 before and 4 after the decimal point)";
        return std::nullopt;
    }
    // value = (whole * 10^k + frac) / 10^k units; minutes must be whole.
    const std::int64_t scale = pow10(frac.size());
    const std::int64_t scaled = to_int(whole) * scale + (frac.empty() ? 0 : to_int(frac));  // < 1e17
    if (per > 0 && scaled > std::numeric_limits<std::int64_t>::max() / per) {
        error = "out of range";
        return std::nullopt;
    }
    const std::int64_t numerator = scaled * per;
    if (numerator % scale != 0) {
        error = "not a whole number of minutes";
        return std::nullopt;
    }
    const std::int64_t minutes = numerator / scale;
    return negative ? -minutes : minutes;
}

std::string format_duration(std::int64_t minutes, const DurationUnits& units) {
    if (units.minutes_per_day > 0 && minutes % units.minutes_per_day == 0)
        return std::to_string(minutes / units.minutes_per_day) + "d";
    if (minutes % 60 == 0) return std::to_string(minutes / 60) + "h";
    return std::to_string(minutes) + "m";
}

std::optional<std::int64_t> parse_money_text(std::string_view raw, double value, std::string& error) {
    // Exact path: [-]digits[.digits][e[+-]digits] with at most 2 effective decimals.
    std::string_view s = raw;
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    std::string_view exp_part;
    if (auto e = s.find_first_of("eE"); e != std::string_view::npos) {
        exp_part = s.substr(e + 1);
        s = s.substr(0, e);
    }
    const auto dot = s.find('.');
    std::string digits(s.substr(0, dot));
    std::string frac = dot == std::string_view::npos ? std::string() : std::string(s.substr(dot + 1));
    int exponent = 0;
    bool parsed = all_digits(digits) && (dot == std::string_view::npos || all_digits(frac));
    if (parsed && !exp_part.empty()) {
        bool eneg = false;
        if (exp_part.front() == '+' || exp_part.front() == '-') {
            eneg = exp_part.front() == '-';
            exp_part.remove_prefix(1);
        }
        parsed = all_digits(exp_part) && exp_part.size() <= 3;
        if (parsed) exponent = static_cast<int>(eneg ? -to_int(exp_part) : to_int(exp_part));
    }
    if (parsed) {
        std::string mantissa = digits + frac;
        int shift = exponent - static_cast<int>(frac.size()) + 2;  // minor = mantissa * 10^shift
        while (shift < 0 && !mantissa.empty() && mantissa.back() == '0') {
            mantissa.pop_back();
            ++shift;
        }
        if (mantissa.empty()) mantissa.assign(1, '0');
        if (shift >= 0) {
            const auto first = mantissa.find_first_not_of('0');
            const std::string_view sig = first == std::string::npos ? std::string_view("0") : std::string_view(mantissa).substr(first);
            if (sig.size() + static_cast<std::size_t>(shift) <= 18) {
                const std::int64_t minor = to_int(sig) * pow10(static_cast<std::size_t>(shift));
                return negative ? -minor : minor;
            }
            error = "amount out of range";
            return std::nullopt;
        }
    }
    // The text has more than 2 decimals: accept it only when it is another spelling of the double
    // nearest to a 2-decimal amount (a writer's shortest-round-trip output may differ in spelling).
    if (std::isfinite(value) && std::fabs(value) < 9.0e13) {
        const double r = std::round(value * 100.0);
        if (r / 100.0 == value) return static_cast<std::int64_t>(r);
    }
    error = "an amount of money has at most 2 decimals (minor units), found " + std::string(raw);
    return std::nullopt;
}

std::optional<std::pair<int, int>> parse_interval_text(std::string_view text) {
    auto hm = [](std::string_view t) -> int {
        if (t.size() != 5 || t[2] != ':' || !all_digits(t.substr(0, 2)) || !all_digits(t.substr(3, 2))) return -1;
        const int h = static_cast<int>(to_int(t.substr(0, 2)));
        const int m = static_cast<int>(to_int(t.substr(3, 2)));
        if (h > 24 || m > 59 || (h == 24 && m != 0)) return -1;
        return h * 60 + m;
    };
    if (text.size() != 11 || text[5] != '-') return std::nullopt;
    const int a = hm(text.substr(0, 5));
    const int b = hm(text.substr(6, 5));
    if (a < 0 || b < 0) return std::nullopt;
    return std::pair{a, b};
}

std::string format_interval(int start, int finish) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", start / 60, start % 60, finish / 60, finish % 60);
    return buf;
}

}  // namespace ppm::detail
