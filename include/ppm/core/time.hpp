#pragma once
/// @file
/// Time in whole minutes: `Duration` (a span), `Instant` (a point), `Date` (a calendar day).
///
/// ppm never uses floating point for time. An `Instant` counts minutes since 1970-01-01 00:00 in
/// the portfolio's local wall-clock time: there are no time zones and no daylight-saving jumps
/// (every day has 1,440 minutes), which is what MS Project and Primavera P6 schedule in too.
/// Boost.Date_Time is used only at the edges (parsing, formatting, ISO weekdays): see time.cpp.

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

namespace ppm {

inline constexpr std::int64_t kMinutesPerHour = 60;
inline constexpr std::int64_t kMinutesPerDay = 1440;

/// A span of time in whole minutes; working or elapsed minutes depending on where it is used.
class Duration {
public:
    constexpr Duration() = default;
    constexpr explicit Duration(std::int64_t minutes) noexcept : minutes_(minutes) {}

    static constexpr Duration minutes(std::int64_t m) noexcept { return Duration{m}; }
    static constexpr Duration hours(std::int64_t h) noexcept { return Duration{h * kMinutesPerHour}; }

    /// Number of minutes.
    [[nodiscard]] constexpr std::int64_t count() const noexcept { return minutes_; }

    constexpr Duration operator-() const noexcept { return Duration{-minutes_}; }
    constexpr Duration& operator+=(Duration d) noexcept { minutes_ += d.minutes_; return *this; }
    constexpr Duration& operator-=(Duration d) noexcept { minutes_ -= d.minutes_; return *this; }
    friend constexpr Duration operator+(Duration a, Duration b) noexcept { return Duration{a.minutes_ + b.minutes_}; }
    friend constexpr Duration operator-(Duration a, Duration b) noexcept { return Duration{a.minutes_ - b.minutes_}; }
    friend constexpr Duration operator*(Duration a, std::int64_t k) noexcept { return Duration{a.minutes_ * k}; }
    friend constexpr auto operator<=>(Duration, Duration) = default;

private:
    std::int64_t minutes_ = 0;
};

/// A calendar day: days since 1970-01-01 (proleptic Gregorian).
class Date {
public:
    constexpr Date() = default;
    constexpr explicit Date(std::int32_t days_since_epoch) noexcept : days_(days_since_epoch) {}

    /// Builds a date from year, month (1-12) and day (1-31); throws ModelError when invalid.
    static Date from_ymd(int year, int month, int day);

    [[nodiscard]] constexpr std::int32_t days_since_epoch() const noexcept { return days_; }
    /// ISO weekday with Monday = 0 ... Sunday = 6 (1970-01-01 was a Thursday).
    [[nodiscard]] constexpr int weekday() const noexcept { return static_cast<int>(((days_ % 7) + 7 + 3) % 7); }
    [[nodiscard]] int year() const;
    [[nodiscard]] int month() const;
    [[nodiscard]] int day() const;

    friend constexpr Date operator+(Date d, std::int32_t days) noexcept { return Date{d.days_ + days}; }
    friend constexpr Date operator-(Date d, std::int32_t days) noexcept { return Date{d.days_ - days}; }
    friend constexpr std::int32_t operator-(Date a, Date b) noexcept { return a.days_ - b.days_; }
    friend constexpr auto operator<=>(Date, Date) = default;

private:
    std::int32_t days_ = 0;
};

/// A point in time: minutes since 1970-01-01 00:00 local time (no time zone, no DST).
class Instant {
public:
    constexpr Instant() = default;
    constexpr explicit Instant(std::int64_t minutes_since_epoch) noexcept : minutes_(minutes_since_epoch) {}

    /// The instant at `minute_of_day` minutes after midnight on `date` (0..1440).
    static constexpr Instant at(Date date, std::int64_t minute_of_day = 0) noexcept {
        return Instant{static_cast<std::int64_t>(date.days_since_epoch()) * kMinutesPerDay + minute_of_day};
    }
    /// Builds an instant from calendar fields; throws ModelError when invalid.
    static Instant from_ymd_hm(int year, int month, int day, int hour = 0, int minute = 0);

    [[nodiscard]] constexpr std::int64_t minutes_since_epoch() const noexcept { return minutes_; }
    /// The calendar day this instant falls on (midnight belongs to the day it starts).
    [[nodiscard]] constexpr Date date() const noexcept {
        return Date{static_cast<std::int32_t>(floor_div(minutes_, kMinutesPerDay))};
    }
    /// Minutes after midnight, 0..1439.
    [[nodiscard]] constexpr std::int64_t minute_of_day() const noexcept {
        return minutes_ - floor_div(minutes_, kMinutesPerDay) * kMinutesPerDay;
    }

    constexpr Instant& operator+=(Duration d) noexcept { minutes_ += d.count(); return *this; }
    constexpr Instant& operator-=(Duration d) noexcept { minutes_ -= d.count(); return *this; }
    friend constexpr Instant operator+(Instant t, Duration d) noexcept { return Instant{t.minutes_ + d.count()}; }
    friend constexpr Instant operator-(Instant t, Duration d) noexcept { return Instant{t.minutes_ - d.count()}; }
    friend constexpr Duration operator-(Instant a, Instant b) noexcept { return Duration{a.minutes_ - b.minutes_}; }
    friend constexpr auto operator<=>(Instant, Instant) = default;

private:
    static constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
        const std::int64_t q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }
    std::int64_t minutes_ = 0;
};

/// "2026-03-09".
std::string to_string(Date d);
/// The first and last day ppm's calendar arithmetic supports (1400-01-01 and 9999-12-31, Boost's
/// Gregorian range); a date outside them is a ModelError, never an internal error.
Date first_supported_date() noexcept;
Date last_supported_date() noexcept;
/// "2026-03-09T08:00" (minutes precision, no zone).
std::string to_string(Instant t);
/// Parses "YYYY-MM-DD"; throws ModelError naming the text when malformed.
Date parse_date(std::string_view text);
/// Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" (seconds must be 0, a trailing
/// "Z" or zone offset is rejected); throws ModelError naming the text when malformed.
Instant parse_instant(std::string_view text);

}  // namespace ppm
