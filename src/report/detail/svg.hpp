#pragma once
// Small helpers for writing SVG and HTML by hand: number formatting independent of the locale,
// linear scales, "nice" axis ticks (Heckbert, "Nice numbers for graph labels", Graphics Gems 1990)
// and calendar ticks for time axes.

#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/time.hpp"
#include "ppm/report/dashboard_data.hpp"

namespace ppm::detail {

/// `v` with `decimals` digits after the point ('.' whatever the locale; "-0" printed as "0").
std::string num(double v, int decimals = 1);

/// Maps [d0, d1] onto [r0, r1] (d0 == d1 maps everything to the middle).
struct LinearScale {
    double d0 = 0, d1 = 1, r0 = 0, r1 = 1;
    [[nodiscard]] double operator()(double v) const noexcept {
        if (d1 == d0) return (r0 + r1) / 2;
        return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
    }
};

/// About `count` round tick values covering [lo, hi] (Heckbert's nice numbers: 1, 2, 5 x 10^k).
std::vector<double> nice_ticks(double lo, double hi, int count = 5);

/// A time tick: its instant and label.
struct TimeTick {
    Instant at;
    std::string label;
};

/// First-of-month ticks (every 1, 3, 6 or 12 months, at most ~14), or weekly ticks for spans under
/// ~10 weeks, between `lo` and `hi`.
std::vector<TimeTick> time_ticks(Instant lo, Instant hi);

/// A short number for axis labels: 1234567 -> "1.23M", 12500 -> "12.5k".
std::string short_number(double v);

/// Truncates UTF-8 text to about `max_chars` characters (never inside a multi-byte sequence), adding "...".
std::string clip(std::string_view text, std::size_t max_chars);

// The views (charts.cpp). Each returns one complete <svg> element (or "" when it has nothing to draw).
std::string rag_summary_svg(const DashboardData& d);
std::string gantt_svg(const DashboardData& d, std::size_t project_index, std::optional<Instant> today);
std::string histogram_svg(const DashboardData& d, std::size_t resource_index, std::optional<Instant> today);
std::string bubble_svg(const DashboardData& d);
std::string frontier_svg(const DashboardData& d);
std::string heatmap_svg(const DashboardData& d);
std::string scurve_svg(const DashboardData& d, std::size_t curve_index);
std::string mc_finish_svg(const DashboardData& d);
std::string mc_cost_svg(const DashboardData& d);
std::string tornado_svg(const DashboardData& d);

}  // namespace ppm::detail
