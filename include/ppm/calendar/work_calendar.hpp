#pragma once
/// @file
/// `WorkCalendar`: a calendar compiled for fast work-time arithmetic.
///
/// The working time of a bounded horizon (at most `kMaxLayoutDays` days and `kMaxLayoutIntervals`
/// intervals from its first day, extended to a 31 December) is stored as sorted disjoint intervals
/// with a prefix sum of working minutes: O(1) per call there, no allocation. After it, working time
/// is computed year by year from the weekly pattern and the exceptions (explicit ones resolved into
/// disjoint runs, yearly ones per year) with a table of the working minutes at each 1 January up to
/// 400 years after the last year an exception changes (the Gregorian calendar repeats every 400
/// years, 146,097 days = 20,871 weeks). Memory is O(horizon + exceptions + years of that table),
/// never O(days of the schedule). Let W(t) be the working minutes between the horizon start and t;
/// W is non-decreasing.
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
/// - After the laid-out horizon the same calendar continues (weekly pattern, explicit and yearly
///   exceptions all applied); queries before the horizon start throw ModelError::horizon_exceeded.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/calendar.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

class WorkCalendar {
public:
    /// At most this many days from the first are laid out as intervals (about 50 years); later
    /// days are computed per year (docs/limits.md, "Calendars").
    static constexpr std::int32_t kMaxLayoutDays = 18'263;
    /// At most about this many intervals are laid out (fewer days for calendars with many
    /// intervals per day), bounding the memory of one compiled calendar to ~50 MB.
    static constexpr std::int64_t kMaxLayoutIntervals = std::int64_t{1} << 20;

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

    /// First and last day laid out as intervals (the fast path). `last_day()` is a 31 December on
    /// or after the `last` given to compile, unless the layout limits cut the horizon shorter;
    /// later days are exact too, only slower (O(exceptions touching the year) per query).
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
    [[noreturn]] void throw_before_horizon(std::int64_t t) const;

    // After the laid-out horizon (t >= end_, w >= work_before_.back()), see work_calendar.cpp.
    struct FarRun {                 // days [from, to] (days since epoch) work `schedule` (an index of schedules_)
        std::int32_t from = 0, to = 0;
        std::uint32_t rank = 0;     // application order: a higher rank wins on the same day
        std::int32_t schedule = -1; // -1: the weekly pattern
    };
    struct FarYearly {              // a yearly exception: month/day range from `first_year` on
        int first_year = 0;
        int from_month = 1, from_day = 1, to_month = 1, to_day = 1;
        bool wraps = false;
        std::uint32_t rank = 0;
        std::int32_t schedule = -1;
    };
    [[nodiscard]] std::int64_t far_work_at(std::int64_t t) const;
    [[nodiscard]] std::int64_t far_minute_start(std::int64_t k) const;  // start of working minute k (0-based)
    void far_segments(int year, std::vector<FarRun>& out) const;
    [[nodiscard]] std::int64_t days_work(std::int64_t from_day, std::int64_t count, std::int32_t schedule) const;
    [[nodiscard]] std::int64_t minute_in_day(std::int32_t schedule, std::int64_t work) const;

    [[noreturn]] void throw_horizon(std::string_view what) const;

    std::string id_;                       // for error messages
    Date first_{};
    Date last_{};                          // a 31 December: end_ is a 1 January
    bool always_working_ = true;
    std::int64_t origin_ = 0;              // minutes since epoch of first_ 00:00
    std::int64_t end_ = 0;                 // minutes since epoch of (last_ + 1) 00:00
    std::vector<std::int64_t> starts_;     // merged interval starts (minutes since epoch), sorted, + sentinel
    std::vector<std::int64_t> finishes_;   // interval finishes, + sentinel
    std::vector<std::int64_t> work_before_;// working minutes before interval i (size n + 1)
    std::vector<std::uint32_t> day_first_; // per compiled day: first interval ending after the day's start
    std::vector<std::uint32_t> bucket_first_; // per 2^kBucketShift working minutes: interval holding its first minute
    std::int64_t week_minutes_ = 0;        // working minutes per week of the weekly pattern
    // Past end_: day schedules (0..6 the week days Monday..Sunday, then exception hours), their
    // working minutes, the explicit exceptions as disjoint runs sorted by day, the yearly ones,
    // and W at 1 January of far_year_ + i for i = 0 .. period_year_ + 400 - far_year_.
    std::vector<std::vector<WorkInterval>> schedules_;
    std::vector<std::int64_t> schedule_minutes_;
    std::vector<FarRun> far_runs_;
    std::vector<FarYearly> far_yearly_;
    int far_year_ = 0;                     // the year starting at end_
    int period_year_ = 0;                  // from this year on, years repeat with a 400-year period
    std::vector<std::int64_t> year_work_;
};

// ---- inline definitions (hot paths) ----

inline std::int64_t WorkCalendar::work_at(std::int64_t t) const {
    if (always_working_) return t;
    if (t < origin_) throw_before_horizon(t);
    if (t >= end_) return far_work_at(t);
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
    return far_minute_start(w - 1) + 1;
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
    return far_minute_start(w);
}

}  // namespace ppm
