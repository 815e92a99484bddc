// Time conversions at the edges, through Boost.Date_Time's Gregorian calendar.
#include "ppm/core/time.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <charconv>
#include <cstdio>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm {

namespace {
const boost::gregorian::date kEpoch(1970, 1, 1);

// Days from 1970-01-01 of the first and last day Boost's Gregorian calendar (and so ppm) supports.
const std::int32_t kFirstDay = static_cast<std::int32_t>((boost::gregorian::date(1400, 1, 1) - kEpoch).days());
const std::int32_t kLastDay = static_cast<std::int32_t>((boost::gregorian::date(9999, 12, 31) - kEpoch).days());

boost::gregorian::date to_boost(Date d) {
    // A date outside years 1400-9999 (a long duration, a calendar with almost no working time, a
    // project late in 9999) is a model error, not an internal one (docs/limits.md).
    if (d.days_since_epoch() < kFirstDay || d.days_since_epoch() > kLastDay)
        throw ModelError::invalid_value("date", std::to_string(d.days_since_epoch()) + " days after 1970-01-01",
                                        std::string("outside the supported years 1400-9999 (") +
                                            (d.days_since_epoch() < kFirstDay ? "before 1400-01-01" : "after 9999-12-31") +
                                            "): a duration, lag or calendar pushes a date out of range");
    return kEpoch + boost::gregorian::days(d.days_since_epoch());
}

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc{} && p == s.data() + s.size();
}

[[noreturn]] void bad(std::string_view what, std::string_view text) {
    throw ModelError::invalid_value(what, text, "expected YYYY-MM-DD or YYYY-MM-DDTHH:MM");
}
}  // namespace

Date Date::from_ymd(int year, int month, int day) {
    const std::string text = std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day);
    // Say which part is wrong: every reader reports this message with its file and line.
    if (year < 1400 || year > 9999)
        throw ModelError::invalid_value("date", text, "year " + std::to_string(year) + " is outside the supported years 1400-9999");
    if (month < 1 || month > 12) throw ModelError::invalid_value("date", text, "month " + std::to_string(month) + " is not 1-12");
    try {
        const boost::gregorian::date d(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                                       static_cast<unsigned short>(day));
        return Date{static_cast<std::int32_t>((d - kEpoch).days())};
    } catch (const std::exception&) {
        throw ModelError::invalid_value("date", text, "day " + std::to_string(day) + " does not exist in that month");
    }
}

Date first_supported_date() noexcept { return Date{kFirstDay}; }
Date last_supported_date() noexcept { return Date{kLastDay}; }

int Date::year() const { return to_boost(*this).year(); }
int Date::month() const { return to_boost(*this).month(); }
int Date::day() const { return to_boost(*this).day(); }

Instant Instant::from_ymd_hm(int year, int month, int day, int hour, int minute) {
    if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || (hour == 24 && minute != 0))
        throw ModelError::invalid_value("time", std::to_string(hour) + ":" + std::to_string(minute), "hour 0-24, minute 0-59");
    return Instant::at(Date::from_ymd(year, month, day), hour * 60 + minute);
}

std::string to_string(Date d) {
    const auto b = to_boost(d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(b.year()), static_cast<int>(b.month()),
                  static_cast<int>(b.day()));
    return buf;
}

std::string to_string(Instant t) {
    const auto m = t.minute_of_day();
    char buf[8];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", static_cast<int>(m / 60), static_cast<int>(m % 60));
    return to_string(t.date()) + buf;
}

Date parse_date(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parse_int(text.substr(0, 4), y) ||
        !parse_int(text.substr(5, 2), m) || !parse_int(text.substr(8, 2), d))
        bad("date", text);
    return Date::from_ymd(y, m, d);
}

Instant parse_instant(std::string_view text) {
    if (text.size() == 10) return Instant::at(parse_date(text));
    if (text.size() != 16 && text.size() != 19) bad("date-time", text);
    if (text[10] != 'T' && text[10] != ' ') bad("date-time", text);
    int h = 0, mi = 0, s = 0;
    if (text[13] != ':' || !parse_int(text.substr(11, 2), h) || !parse_int(text.substr(14, 2), mi)) bad("date-time", text);
    if (text.size() == 19 && (text[16] != ':' || !parse_int(text.substr(17, 2), s) || s != 0)) bad("date-time", text);
    const Date d = parse_date(text.substr(0, 10));
    if (h > 24 || mi > 59 || (h == 24 && mi != 0)) bad("date-time", text);
    return Instant::at(d, h * 60 + mi);
}

}  // namespace ppm
