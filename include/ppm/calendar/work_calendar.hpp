#pragma once
/// @file
/// `WorkCalendar`: a calendar compiled for fast work-time arithmetic.
///
/// The working time of the horizon is stored as sorted disjoint intervals with a prefix sum of
/// working minutes, so every operation is a binary search: O(log n) per call, no allocation.
/// Let W(t) be the working minutes between the horizon start and t; W is non-decreasing.
///
/// Semantics (those of MS Project and P6, documented in docs/calendars.md):
/// - A task starts at a working instant: `next_work_start(t)` moves a non-working t forward to
///   the start of the next working interval (an instant at the end of an interval moves too).
/// - A task of duration d > 0 starting at s finishes at `add_work(s, d)`, the EARLIEST instant f
///   with W(f) = W(s) + d: a finish lands at the end of a working interval (17:00), never at the
///   start of the next one (08:00 the next day).
/// - Backward: `subtract_work(f, d)` is the LATEST instant s with W(s) = W(f) - d (a start lands
///   at 08:00, not at 17:00 the day before); `previous_work_end(t)` moves a t that is not inside
///   or at the end of working time back to the end of the previous working interval.
/// - `add_work(t, 0) == t` and `subtract_work(t, 0) == t`.
/// - Beyond the compiled horizon the weekly pattern repeats (no exceptions); queries before the
///   horizon start throw ModelError::horizon_exceeded.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/calendar/calendar.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

class WorkCalendar {
public:
    /// An empty 24/7 calendar (every minute works); useful for elapsed time.
    WorkCalendar();

    /// Compiles `id` from `calendars`, resolving its base chain, over the days [first, last].
    /// Throws ModelError: unknown_id (calendar or base), cycle (base chain), no_working_time
    /// (no working minute in a whole week pattern and no exception adds any), invalid_value
    /// (intervals out of 0..1440, overlapping or unsorted).
    static WorkCalendar compile(std::span<const Calendar> calendars, const CalendarId& id, Date first, Date last);

    /// True when the minute [t, t+1) is working time.
    [[nodiscard]] bool is_working(Instant t) const;
    /// t if [t, t+1) works, else the start of the next working interval.
    [[nodiscard]] Instant next_work_start(Instant t) const;
    /// t if [t-1, t) works, else the end of the previous working interval.
    [[nodiscard]] Instant previous_work_end(Instant t) const;
    /// The earliest f >= t with work_between(t, f) == work (work >= 0). For work < 0 this is subtract_work(t, -work).
    [[nodiscard]] Instant add_work(Instant t, Duration work) const;
    /// The latest s <= t with work_between(s, t) == work (work >= 0). For work < 0 this is add_work(t, -work).
    [[nodiscard]] Instant subtract_work(Instant t, Duration work) const;
    /// Working minutes in [a, b); negative when b < a.
    [[nodiscard]] Duration work_between(Instant a, Instant b) const;
    /// Working minutes on one date.
    [[nodiscard]] Duration work_on(Date d) const;

    /// First and last day compiled with exceptions.
    [[nodiscard]] Date first_day() const noexcept { return first_; }
    [[nodiscard]] Date last_day() const noexcept { return last_; }

private:
    // W(t) and its two inverses; see work_calendar.cpp.
    [[nodiscard]] std::int64_t work_at(std::int64_t t) const;
    [[nodiscard]] std::int64_t earliest_with_work(std::int64_t w) const;  // w > 0
    [[nodiscard]] std::int64_t latest_with_work(std::int64_t w) const;    // w >= 0
    [[nodiscard]] std::int64_t week_work_at(std::int64_t offset) const;   // offset in [0, week)

    [[noreturn]] void throw_horizon(std::string_view what) const;

    std::string id_;                       // for error messages
    Date first_{};
    Date last_{};                          // compiled so that last_ + 1 is a Monday
    bool always_working_ = true;
    std::int64_t origin_ = 0;              // minutes since epoch of first_ 00:00
    std::int64_t end_ = 0;                 // minutes since epoch of (last_ + 1) 00:00
    std::vector<std::int64_t> starts_;     // merged interval starts (minutes since epoch), sorted
    std::vector<std::int64_t> finishes_;   // interval finishes
    std::vector<std::int64_t> work_before_;// working minutes before interval i (size n + 1)
    std::vector<std::uint32_t> day_first_; // per compiled day: first interval ending after the day's start
    std::vector<std::uint32_t> bucket_first_; // per 2^kBucketShift working minutes: interval holding its first minute
    std::int64_t week_minutes_ = 0;        // working minutes per week of the repeating pattern
    // Repeating weekly pattern used past `last_`: intervals as offsets from a Monday 00:00.
    std::vector<std::int64_t> week_starts_;
    std::vector<std::int64_t> week_finishes_;
    std::vector<std::int64_t> week_work_before_;  // size m + 1
};

}  // namespace ppm
