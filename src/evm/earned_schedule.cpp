// Earned schedule (Lipke 2003; Lipke & Henderson 2006): ES by linear interpolation of the PV curve.
#include "ppm/evm/earned_schedule.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "ppm/core/error.hpp"

namespace ppm {
namespace {
constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
}

EarnedSchedule earned_schedule(std::span<const double> time, std::span<const double> pv, double ev,
                               double actual_time, double planned_finish) {
    if (time.size() != pv.size() || time.empty())
        throw ModelError::invalid_value("earned schedule PV curve", "", "time and PV arrays must be non-empty and equally long");
    for (std::size_t k = 1; k < time.size(); ++k) {
        if (!(time[k] > time[k - 1]))
            throw ModelError::invalid_value("earned schedule PV curve", std::to_string(k), "times must increase");
        if (pv[k] < pv[k - 1])
            throw ModelError::invalid_value("earned schedule PV curve", std::to_string(k), "cumulative PV must not decrease");
    }
    const double start = time.front();
    const double bac = pv.back();
    double es_time = start;
    if (ev >= bac) {
        // Complete: the first time the curve reached BAC.
        std::size_t k = 0;
        while (k < pv.size() && pv[k] < bac) ++k;
        es_time = time[k];
    } else if (ev > pv.front()) {
        // C = last point with PV <= EV; I interpolates towards the next point (PV there > EV).
        std::size_t c = 0;
        while (c + 1 < pv.size() && pv[c + 1] <= ev) ++c;
        const double i = (ev - pv[c]) / (pv[c + 1] - pv[c]);
        es_time = time[c] + i * (time[c + 1] - time[c]);
        // EV equal to a flat stretch of the curve (a weekend, a holiday, a pause between tasks): the
        // plan reached EV anywhere on [first, last] of the stretch, so ES is the point of it nearest
        // AT: on plan inside the stretch, never a jump to its end (or its start).
        if (pv[c] == ev) {
            std::size_t first = c;
            while (first > 0 && pv[first - 1] == ev) --first;
            es_time = std::clamp(actual_time, time[first], time[c]);
        }
    }
    EarnedSchedule r;
    r.es = es_time - start;
    r.at = actual_time - start;
    r.pd = planned_finish - start;
    if (!(bac > pv.front())) {
        // A flat curve (no budget, or all of it at the start): no time-phased plan to earn against.
        r.sv_t = r.spi_t = r.tspi = r.ieac_t = kUndefined;
        return r;
    }
    const bool complete = ev >= bac;
    // Not started (nothing earned, status date at or before the planned start): no schedule
    // performance yet. ES - AT would be the days still to go before the start, a "gain" nobody made.
    const bool not_started = !complete && r.es <= 0.0 && r.at <= 0.0;
    r.sv_t = not_started ? kUndefined : r.es - r.at;
    r.spi_t = r.at > 0.0 ? r.es / r.at : kUndefined;
    if (complete) {
        // Nothing remains: no to-complete index; the final duration is the actual time (Lipke &
        // Henderson 2006: at completion IEAC(t) = AT + (PD - ES) / SPI(t) = AT, as ES = PD).
        r.tspi = kUndefined;
        r.ieac_t = r.at;
    } else {
        r.tspi = r.pd > r.at ? (r.pd - r.es) / (r.pd - r.at) : kUndefined;
        r.ieac_t = (std::isfinite(r.spi_t) && r.spi_t > 0.0) ? r.pd / r.spi_t : kUndefined;
    }
    return r;
}

EarnedSchedule earned_schedule_periods(std::span<const double> cumulative_pv, double ev, double actual_time,
                                       double planned_duration) {
    std::vector<double> t(cumulative_pv.size() + 1), pv(cumulative_pv.size() + 1);
    t[0] = 0.0;
    pv[0] = 0.0;
    for (std::size_t k = 0; k < cumulative_pv.size(); ++k) {
        t[k + 1] = static_cast<double>(k + 1);
        pv[k + 1] = cumulative_pv[k];
    }
    const double pd = planned_duration > 0.0 ? planned_duration : static_cast<double>(cumulative_pv.size());
    return earned_schedule(t, pv, ev, actual_time, pd);
}

Instant forecast_finish(Instant start, const EarnedSchedule& es) {
    const double d = std::isfinite(es.ieac_t) ? es.ieac_t : es.pd;
    return start + Duration{static_cast<std::int64_t>(std::llround(d))};
}

}  // namespace ppm
