#pragma once
/// @file
/// Internal: the link, milestone and summary arithmetic of the CPM passes on working calendars, shared by
/// the CPM engine (`run_cpm`) and levelling (`level`), so a levelled schedule respects
/// every link exactly as the CPM computes it. Semantics: docs/scheduling.md and docs/calendars.md.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>

#include "ppm/calendar/work_calendar.hpp"
#include "ppm/schedule/network.hpp"

namespace ppm::detail {

/// Duration used for percent lags of predecessor `p`: its planned duration, or for a summary the
/// working time of its span [start[p], finish[p]) (minutes since the epoch) on its calendar.
inline std::int64_t pred_duration(const Network& net, std::span<const Duration> durations, std::span<const std::int64_t> start,
                                  std::span<const std::int64_t> finish, std::uint32_t p) {
    if (net.is_summary()[p]) {
        const auto& cal = net.calendar(net.calendar_of()[p]);
        return cal.work_index(Instant{finish[p]}) - cal.work_index(Instant{start[p]});
    }
    if (net.progress_state()[p] == ProgressState::not_started) return durations[p].count();
    return net.planned_duration()[p];
}

/// Lag in minutes of link k; `pred_duration()` is only evaluated for percent lags.
template <class PredDuration>
inline std::int64_t lag_minutes(const Network& net, std::uint32_t k, PredDuration pred_duration) {
    if (net.link_lag_unit()[k] == LagUnit::percent)
        return std::llround(net.link_percent()[k] / 100.0 * static_cast<double>(pred_duration()));
    return net.link_lag()[k];
}

/// t shifted by the lag of link k (forward direction): elapsed lags in minutes, working lags to the
/// earliest instant `lag` working minutes on, on the link's calendar (a lead lands at the end of work too).
template <class PredDuration>
inline std::int64_t lag_forward(const Network& net, std::uint32_t k, std::int64_t t, PredDuration pred_duration) {
    const std::int64_t lag = lag_minutes(net, k, pred_duration);
    if (lag == 0) return t;
    if (net.link_lag_unit()[k] == LagUnit::elapsed) return t + lag;
    const WorkCalendar& cal = net.calendar(net.link_calendar()[k]);
    return cal.finish_at_work(cal.work_index(Instant{t}) + lag).minutes_since_epoch();
}

/// t shifted back by the lag of link k (backward direction): the latest instant `lag` working
/// minutes back, the mirror of lag_forward, so that lag_backward(lag_forward(t)) >= t and a tight
/// chain gets zero float, never negative.
template <class PredDuration>
inline std::int64_t lag_backward(const Network& net, std::uint32_t k, std::int64_t t, PredDuration pred_duration) {
    const std::int64_t lag = lag_minutes(net, k, pred_duration);
    if (lag == 0) return t;
    if (net.link_lag_unit()[k] == LagUnit::elapsed) return t - lag;
    const WorkCalendar& cal = net.calendar(net.link_calendar()[k]);
    return cal.start_at_work(cal.work_index(Instant{t}) - lag).minutes_since_epoch();
}

/// Summary i spans its children: `start[i]` / `finish[i]` become the earliest child start and the
/// latest child finish of the same arrays (minutes since the epoch).
inline void span_children(const Network& net, std::uint32_t i, std::span<std::int64_t> start, std::span<std::int64_t> finish) {
    std::int64_t s = std::numeric_limits<std::int64_t>::max(), f = std::numeric_limits<std::int64_t>::min();
    const auto child_offsets = net.child_offsets();
    for (std::uint32_t k = child_offsets[i]; k < child_offsets[i + 1]; ++k) {
        const std::uint32_t c = net.children()[k];
        s = std::min(s, start[c]);
        f = std::max(f, finish[c]);
    }
    start[i] = s;
    finish[i] = f;
}

/// A zero-duration task sits at t when t touches working time (inside it, at its start or at its
/// end); otherwise at the next start of work.
inline std::int64_t milestone_forward(const WorkCalendar& cal, std::int64_t t) {
    const std::int64_t w = cal.work_index(Instant{t});
    const std::int64_t s = cal.start_at_work(w).minutes_since_epoch();
    if (s == t) return t;
    if (w > 0 && cal.work_index(Instant{t - 1}) == w - 1) return t;  // end of a working interval
    return s;
}

/// Backward, a milestone takes the end of the previous working period when t is not inside or at
/// the end of working time: a late date at 08:00 Monday becomes 17:00 Friday, as P6 and MS Project
/// place a finish milestone, so predecessors on other calendars gain no non-working time from it.
inline std::int64_t milestone_backward(const WorkCalendar& cal, std::int64_t t) {
    const std::int64_t w = cal.work_index(Instant{t});
    if (w <= 0 || cal.work_index(Instant{t - 1}) == w - 1) return t;  // inside or at the end of working time
    return cal.finish_at_work(w).minutes_since_epoch();
}

}  // namespace ppm::detail
