#pragma once
/// @file
/// Earned schedule (Lipke, "Schedule is Different", The Measurable News, March 2003; Lipke &
/// Henderson, "Earned Schedule: an emerging enhancement to EVM", CrossTalk, 2006; PMI Practice
/// Standard for EVM, 2nd ed., appendix D).
///
/// ES is the time at which the planned value curve reached today's earned value: with cumulative
/// PV known at the end of each period, ES = C + I where C is the number of whole periods whose PV
/// does not exceed EV and I = (EV - PV_C) / (PV_{C+1} - PV_C) -- i.e. linear interpolation of the
/// PV curve, which is what `earned_schedule` does for curves on any time axis (periods or minutes).
///   SV(t) = ES - AT, SPI(t) = ES / AT, TSPI = (PD - ES) / (PD - AT),
///   IEAC(t) = PD / SPI(t), forecast finish = start + IEAC(t).
/// When EV equals the level of a flat stretch of the curve (a weekend or holiday on a calendar-
/// spread PV, a pause between tasks), the plan stood at EV over the whole stretch: ES is the point
/// of the stretch nearest AT (SV(t) = 0 inside it), not its end -- with whole periods, as Lipke
/// counts, the status date falls on a period end and the two agree.
/// When EV has reached BAC, ES is the first time the PV curve reached BAC (work is complete), and
/// actual time stops at the actual finish (Lipke: AT = the actual finish once complete): the caller
/// passes the actual finish as `actual_time` then, so work finished on plan keeps SV(t) = 0 and
/// SPI(t) = 1 however late the status date. n/a (NaN) where there is no schedule performance:
/// SV(t) and SPI(t) before anything is earned while the status date is not after the planned start;
/// TSPI once complete (nothing remains); every index when the curve is flat (no budget to earn).

#include <span>

#include "ppm/core/time.hpp"

namespace ppm {

/// Earned-schedule measures, all in the time unit of the input curve. NaN when undefined (AT = 0...).
struct EarnedSchedule {
    double es = 0.0;      ///< Earned schedule.
    double at = 0.0;      ///< Actual time (status - start; actual finish - start once complete).
    double pd = 0.0;      ///< Planned duration (planned finish - start).
    double sv_t = 0.0;    ///< ES - AT (negative = behind); NaN before the start with nothing earned.
    double spi_t = 0.0;   ///< ES / AT; NaN while AT <= 0.
    double tspi = 0.0;    ///< (PD - ES) / (PD - AT); NaN once AT >= PD (use ED - AT then) or complete.
    double ieac_t = 0.0;  ///< PD / SPI(t): forecast total duration (AT once complete).
};

/// ES from a cumulative PV curve given as points (time[k], pv[k]), times increasing, PV
/// non-decreasing, starting at the project start (time[0], usually pv[0] = 0). `ev` is cumulative
/// EV, `actual_time` the status time (the actual finish once EV = BAC) and `planned_finish` the
/// planned finish time, on the same axis.
/// Throws ModelError(invalid_value) when the arrays differ in length, are empty or not monotone.
[[nodiscard]] EarnedSchedule earned_schedule(std::span<const double> time, std::span<const double> pv,
                                             double ev, double actual_time, double planned_finish);

/// Lipke's period form: `cumulative_pv[k]` is PV at the end of period k+1 (period 0 starts at PV 0),
/// `actual_time` in periods, planned duration = number of periods unless `planned_duration` > 0.
[[nodiscard]] EarnedSchedule earned_schedule_periods(std::span<const double> cumulative_pv, double ev,
                                                     double actual_time, double planned_duration = 0.0);

/// Forecast finish instant: `start` + IEAC(t) minutes (for a result computed on a minute axis
/// measured from `start`). Returns `start` + PD when IEAC(t) is undefined (nothing earned yet).
[[nodiscard]] Instant forecast_finish(Instant start, const EarnedSchedule& es);

}  // namespace ppm
