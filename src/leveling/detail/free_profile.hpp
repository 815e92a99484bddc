#pragma once
// A resource's free capacity over time as a step function (capacity minus the units of the tasks
// placed so far): the time-phased profile behind levelling's resource-feasibility test.
// Segment k covers [time[k], time[k+1]) (the last one runs to +infinity); both arrays are kept
// sorted and contiguous, so a test is a binary search plus a scan of the segments a task spans.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "ppm/core/resource.hpp"

namespace ppm::detail {

inline constexpr std::int64_t kProfileMin = std::numeric_limits<std::int64_t>::min() / 4;
inline constexpr std::int64_t kProfileMax = std::numeric_limits<std::int64_t>::max();
inline constexpr double kUnitsEps = 1e-9;

/// The segment hints of one search over a task's demands (FreeProfile::fits and friends), one per
/// demand for the first kCount demands; a later demand gets a fresh `none` hint every time.
class SegmentHints {
public:
    static constexpr std::size_t kCount = 8;
    explicit SegmentHints(std::size_t none) : none_(none) { std::fill_n(hint_, kCount, none); }
    std::size_t& operator[](std::size_t q) {
        if (q < kCount) return hint_[q];
        spare_ = none_;
        return spare_;
    }

private:
    std::size_t hint_[kCount];
    std::size_t none_, spare_ = 0;
};

struct FreeProfile {
    std::vector<std::int64_t> time{kProfileMin};
    std::vector<double> free{0.0};

    /// Capacity only: `max_units`, overridden by each availability period in list order.
    void init(const Resource& resource) {
        time.assign(1, kProfileMin);
        free.assign(1, resource.max_units);
        for (const AvailabilityPeriod& p : resource.availability) {
            const std::int64_t a = p.from.minutes_since_epoch(), b = p.to.minutes_since_epoch();
            if (b <= a) continue;
            const std::size_t ka = split(a), kb = split(b);
            for (std::size_t k = ka; k < kb; ++k) free[k] = p.units;
        }
    }

    /// Index of the segment holding instant x.
    [[nodiscard]] std::size_t segment(std::int64_t x) const {
        return static_cast<std::size_t>(std::upper_bound(time.begin(), time.end(), x) - time.begin()) - 1;
    }

    /// Index of the segment holding instant x, searched from segment `from` on when it starts at or
    /// before x (galloping: O(log distance)), else from the start. The same index as `segment(x)`;
    /// a search that moves right through a profile passes its last index as `from`.
    [[nodiscard]] std::size_t segment_from(std::size_t from, std::int64_t x) const {
        const std::size_t n = time.size();
        if (from >= n || time[from] > x) from = 0;
        std::size_t lo = from, step = 1, hi = from + 1;
        while (hi < n && time[hi] <= x) {
            lo = hi;
            hi = lo + step;
            step *= 2;
        }
        hi = std::min(hi, n);
        return static_cast<std::size_t>(std::upper_bound(time.begin() + static_cast<std::ptrdiff_t>(lo + 1),
                                                         time.begin() + static_cast<std::ptrdiff_t>(hi), x) - time.begin()) - 1;
    }

    /// The mirror of `segment_from` for a search that moves left: `from` is a segment at or after
    /// x's (past the end: none).
    [[nodiscard]] std::size_t segment_back(std::size_t from, std::int64_t x) const {
        const std::size_t n = time.size();
        if (from >= n || time[from] <= x) return segment(x);
        std::size_t hi = from, step = 1;  // time[hi] > x
        std::size_t lo = hi >= step ? hi - step : 0;
        while (lo > 0 && time[lo] > x) {
            hi = lo;
            step *= 2;
            lo = hi >= step ? hi - step : 0;
        }
        return static_cast<std::size_t>(std::upper_bound(time.begin() + static_cast<std::ptrdiff_t>(lo),
                                                         time.begin() + static_cast<std::ptrdiff_t>(hi), x) - time.begin()) - 1;
    }

    /// Free units at instant x.
    [[nodiscard]] double at(std::int64_t x) const { return free[segment(x)]; }

    /// True when `units` fit over [s, f). Otherwise `next` is the first instant after the first
    /// conflict where they fit again (kProfileMax when never).
    bool fits(std::int64_t s, std::int64_t f, double units, std::int64_t& next) const {
        std::size_t hint = 0;
        return fits(s, f, units, next, hint);
    }

    /// `fits` for a search that moves right: `hint` is a segment index at or before s's (0: none) and
    /// becomes the segment of `next` (or of s when the units fit), where the next test may start.
    bool fits(std::int64_t s, std::int64_t f, double units, std::int64_t& next, std::size_t& hint) const {
        const std::size_t n = time.size();
        hint = segment_from(hint, s);
        for (std::size_t k = hint; k < n && time[k] < f; ++k) {
            if (free[k] + kUnitsEps >= units) continue;
            std::size_t j = k + 1;
            while (j < n && free[j] + kUnitsEps < units) ++j;
            next = j < n ? time[j] : kProfileMax;
            if (j < n) hint = j;
            return false;
        }
        return true;
    }

    /// The mirror of `fits` for a search that moves a span left: true when `units` fit over [s, f);
    /// otherwise `before` is where the run of too-full segments holding the first conflict begins,
    /// so every span that starts at or before s and ends after `before` conflicts too
    /// (kProfileMin when the run reaches back without end).
    bool fits_before(std::int64_t s, std::int64_t f, double units, std::int64_t& before) const {
        std::size_t hint = time.size();
        return fits_before(s, f, units, before, hint);
    }

    /// `fits_before` for a search that moves left: `hint` is a segment index at or after s's (past
    /// the end: none) and becomes the segment of `before` when the units do not fit.
    bool fits_before(std::int64_t s, std::int64_t f, double units, std::int64_t& before, std::size_t& hint) const {
        const std::size_t n = time.size();
        for (std::size_t k = segment_back(hint, s); k < n && time[k] < f; ++k) {
            if (free[k] + kUnitsEps >= units) continue;
            std::size_t j = k;
            while (j > 0 && free[j - 1] + kUnitsEps < units) --j;
            before = time[j];
            hint = j;
            return false;
        }
        return true;
    }

    /// The first instant >= x where `units` fit (kProfileMax when never).
    [[nodiscard]] std::int64_t next_fit(std::int64_t x, double units) const { return next_fit_from(segment(x), x, units); }

    /// The end of the run of segments from x on where `units` fit (kProfileMax when it never ends).
    [[nodiscard]] std::int64_t fit_end(std::int64_t x, double units) const { return fit_end_from(segment(x), units); }

    /// `next_fit` and `fit_end` from segment k, the one holding x (a search that keeps its place).
    [[nodiscard]] std::int64_t next_fit_from(std::size_t k, std::int64_t x, double units) const {
        const std::size_t n = time.size();
        if (free[k] + kUnitsEps >= units) return x;
        while (k < n && free[k] + kUnitsEps < units) ++k;
        return k < n ? time[k] : kProfileMax;
    }
    [[nodiscard]] std::int64_t fit_end_from(std::size_t k, double units) const {
        const std::size_t n = time.size();
        while (k < n && free[k] + kUnitsEps >= units) ++k;
        return k < n ? time[k] : kProfileMax;
    }

    /// Adds `delta` to the free units over [s, f). Neighbouring segments left with the same free
    /// units are merged, so the profile keeps as few breakpoints as its shape needs (the scans of
    /// `fits` are linear in the segments a task's window spans).
    void add(std::int64_t s, std::int64_t f, double delta) {
        if (f <= s) return;
        const std::size_t ka = split(s);
        std::size_t kb = split(f);
        for (std::size_t k = ka; k < kb; ++k) free[k] += delta;
        if (kb < time.size() && free[kb] == free[kb - 1]) erase(kb);
        if (ka > 0 && free[ka] == free[ka - 1]) erase(ka);
    }

private:
    void erase(std::size_t k) {
        time.erase(time.begin() + static_cast<std::ptrdiff_t>(k));
        free.erase(free.begin() + static_cast<std::ptrdiff_t>(k));
    }

    // Makes x a breakpoint; returns its segment index.
    std::size_t split(std::int64_t x) {
        const std::size_t k = segment(x);
        if (time[k] == x) return k;
        time.insert(time.begin() + static_cast<std::ptrdiff_t>(k + 1), x);
        free.insert(free.begin() + static_cast<std::ptrdiff_t>(k + 1), free[k]);
        return k + 1;
    }
};

}  // namespace ppm::detail
