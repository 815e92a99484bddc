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

    /// Free units at instant x.
    [[nodiscard]] double at(std::int64_t x) const { return free[segment(x)]; }

    /// True when `units` fit over [s, f). Otherwise `next` is the first instant after the first
    /// conflict where they fit again (kProfileMax when never).
    bool fits(std::int64_t s, std::int64_t f, double units, std::int64_t& next) const {
        const std::size_t n = time.size();
        for (std::size_t k = segment(s); k < n && time[k] < f; ++k) {
            if (free[k] + kUnitsEps >= units) continue;
            std::size_t j = k + 1;
            while (j < n && free[j] + kUnitsEps < units) ++j;
            next = j < n ? time[j] : kProfileMax;
            return false;
        }
        return true;
    }

    /// The mirror of `fits` for a search that moves a span left: true when `units` fit over [s, f);
    /// otherwise `before` is where the run of too-full segments holding the first conflict begins,
    /// so every span that starts at or before s and ends after `before` conflicts too
    /// (kProfileMin when the run reaches back without end).
    bool fits_before(std::int64_t s, std::int64_t f, double units, std::int64_t& before) const {
        const std::size_t n = time.size();
        for (std::size_t k = segment(s); k < n && time[k] < f; ++k) {
            if (free[k] + kUnitsEps >= units) continue;
            std::size_t j = k;
            while (j > 0 && free[j - 1] + kUnitsEps < units) --j;
            before = time[j];
            return false;
        }
        return true;
    }

    /// The first instant >= x where `units` fit (kProfileMax when never).
    [[nodiscard]] std::int64_t next_fit(std::int64_t x, double units) const {
        const std::size_t n = time.size();
        std::size_t k = segment(x);
        if (free[k] + kUnitsEps >= units) return x;
        while (k < n && free[k] + kUnitsEps < units) ++k;
        return k < n ? time[k] : kProfileMax;
    }

    /// The end of the run of segments from x on where `units` fit (kProfileMax when it never ends).
    [[nodiscard]] std::int64_t fit_end(std::int64_t x, double units) const {
        const std::size_t n = time.size();
        std::size_t k = segment(x);
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
