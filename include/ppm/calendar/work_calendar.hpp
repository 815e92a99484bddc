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

    /// Low-level form used by solvers' inner loops: W(t), the working minutes from the horizon
    /// start to t (for the default 24/7 calendar, t's minutes since epoch). Comparing W values of
    /// one calendar is comparing instants up to non-working gaps. O(1).
    [[nodiscard]] std::int64_t work_index(Instant t) const { return work_at(t.minutes_since_epoch()); }
    /// The earliest instant f with W(f) == w (w must be > W of the horizon start): where a task
    /// whose work ends at working minute w finishes. O(1).
    [[nodiscard]] Instant finish_at_work(std::int64_t w) const { return Instant{earliest_with_work(w)}; }
    /// The latest instant s with W(s) == w (w >= 0): where work resuming at working minute w starts. O(1).
    [[nodiscard]] Instant start_at_work(std::int64_t w) const { return Instant{latest_with_work(w)}; }

private:
    // W(t) and its two inverses, defined inline below for the CPM inner loops.
    [[nodiscard]] std::int64_t work_at(std::int64_t t) const;
    [[nodiscard]] std::int64_t earliest_with_work(std::int64_t w) const;  // w > 0
    [[nodiscard]] std::int64_t latest_with_work(std::int64_t w) const;    // w >= 0
    [[nodiscard]] std::int64_t week_work_at(std::int64_t offset) const;   // offset in [0, week)
    [[noreturn]] void throw_before_horizon(std::int64_t t) const;

    [[noreturn]] void throw_horizon(std::string_view what) const;

    std::string id_;                       // for error messages
    Date first_{};
    Date last_{};                          // compiled so that last_ + 1 is a Monday
    bool always_working_ = true;
    std::int64_t origin_ = 0;              // minutes since epoch of first_ 00:00
    std::int64_t end_ = 0;                 // minutes since epoch of (last_ + 1) 00:00
    std::vector<std::int64_t> starts_;     // merged interval starts (minutes since epoch), sorted, + sentinel
    std::vector<std::int64_t> finishes_;   // interval finishes, + sentinel
    std::vector<std::int64_t> work_before_;// working minutes before interval i (size n + 1)
    std::vector<std::uint32_t> day_first_; // per compiled day: first interval ending after the day's start
    std::vector<std::uint32_t> bucket_first_; // per 2^kBucketShift working minutes: interval holding its first minute
    std::int64_t week_minutes_ = 0;        // working minutes per week of the repeating pattern
    // Repeating weekly pattern used past `last_`: intervals as offsets from a Monday 00:00.
    std::vector<std::int64_t> week_starts_;
    std::vector<std::int64_t> week_finishes_;
    std::vector<std::int64_t> week_work_before_;  // size m + 1
};

// ---- inline definitions (hot paths) ----

inline std::int64_t WorkCalendar::work_at(std::int64_t t) const {
    if (always_working_) return t;
    if (t < origin_) throw_before_horizon(t);
    if (t >= end_) {
        constexpr std::int64_t kWeek = 7 * kMinutesPerDay;
        const std::int64_t off = t - end_;
        return work_before_.back() + (off / kWeek) * week_minutes_ + week_work_at(off % kWeek);
    }
    // starts_/finishes_ end with a sentinel (INT64_MAX), so no bounds test; the first step is
    // branch-free because most instants sit one interval past the day's first.
    std::size_t i = day_first_[static_cast<std::size_t>((t - origin_) / kMinutesPerDay)];
    i += static_cast<std::size_t>(finishes_[i] <= t);
    while (finishes_[i] <= t) ++i;
    if (starts_[i] < t) return work_before_[i] + (t - starts_[i]);
    return work_before_[i];
}

inline std::int64_t WorkCalendar::earliest_with_work(std::int64_t w) const {
    if (always_working_) return w;
    const std::int64_t total = work_before_.back();
    if (w > 0 && w <= total) {
        std::size_t i = bucket_first_[static_cast<std::size_t>((w - 1) >> 6)];
        i += static_cast<std::size_t>(work_before_[i + 1] < w);
        while (work_before_[i + 1] < w) ++i;
        return starts_[i] + (w - work_before_[i]);
    }
    if (w <= 0) throw_horizon("no working time before the first compiled day");
    if (week_minutes_ == 0) throw_horizon("no working time after the last compiled day");
    const std::int64_t w2 = w - total;
    const std::int64_t k = (w2 - 1) / week_minutes_;
    const std::int64_t rem = w2 - k * week_minutes_;  // in (0, week_minutes_]
    std::size_t j = 0;
    while (week_work_before_[j + 1] < rem) ++j;
    return end_ + k * 7 * kMinutesPerDay + week_starts_[j] + (rem - week_work_before_[j]);
}

inline std::int64_t WorkCalendar::latest_with_work(std::int64_t w) const {
    if (always_working_) return w;
    const std::int64_t total = work_before_.back();
    if (w >= 0 && w < total) {
        std::size_t i = bucket_first_[static_cast<std::size_t>(w >> 6)];
        i += static_cast<std::size_t>(work_before_[i + 1] <= w);
        while (work_before_[i + 1] <= w) ++i;
        return starts_[i] + (w - work_before_[i]);
    }
    if (w < 0) throw_horizon("no working time before the first compiled day");
    if (week_minutes_ == 0) throw_horizon("no working time after the last compiled day");
    const std::int64_t w2 = w - total;
    const std::int64_t k = w2 / week_minutes_;
    const std::int64_t rem = w2 - k * week_minutes_;  // in [0, week_minutes_)
    std::size_t j = 0;
    while (week_work_before_[j + 1] <= rem) ++j;
    return end_ + k * 7 * kMinutesPerDay + week_starts_[j] + (rem - week_work_before_[j]);
}

inline std::int64_t WorkCalendar::week_work_at(std::int64_t offset) const {
    const std::size_t m = week_starts_.size();
    std::size_t j = 0;
    while (j < m && week_finishes_[j] <= offset) ++j;
    if (j < m && week_starts_[j] < offset) return week_work_before_[j] + (offset - week_starts_[j]);
    return week_work_before_[j];
}

}  // namespace ppm
