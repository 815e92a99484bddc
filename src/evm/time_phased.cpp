// Time-phased PV/EV/AC S-curves (PMI Practice Standard for EVM, 2nd ed., fig. 5-1).
#include "ppm/evm/time_phased.hpp"

#include <algorithm>
#include <cmath>

#include "detail/pv_curve.hpp"
#include "ppm/core/error.hpp"
#include "ppm/evm/earned_value_methods.hpp"

namespace ppm {

std::vector<Instant> period_ends(Instant from, Instant to, Duration step) {
    if (step.count() <= 0) throw ModelError::invalid_value("period length", "", "must be > 0 minutes");
    std::vector<Instant> ends;
    Instant t = from;
    do {
        t += step;
        ends.push_back(t);
    } while (t < to);
    return ends;
}

std::pair<Money, Money> earned_and_actual(const Baseline& baseline, const StatusPeriod& status) {
    Money ev{}, ac{};
    for (Money e : earned_values(baseline, status)) ev += e;  // checks the status period
    for (Money a : status.actual_cost) ac += a;
    return {ev, ac};
}

TimePhased time_phase(const Baseline& baseline, std::span<const StatusPeriod> status, std::span<const Instant> ends) {
    std::vector<const StatusPeriod*> sorted;
    for (const auto& s : status) sorted.push_back(&s);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->date < b->date; });
    std::vector<std::pair<Money, Money>> evac;
    for (auto* s : sorted) evac.push_back(earned_and_actual(baseline, *s));

    TimePhased r;
    std::size_t next = 0;
    std::pair<Money, Money> last{};
    for (Instant e : ends) {
        while (next < sorted.size() && sorted[next]->date <= e) last = evac[next++];
        r.period_end.push_back(e);
        r.pv.push_back(planned_value(baseline, e));
        r.ev.push_back(last.first);
        r.ac.push_back(last.second);
        r.has_actuals.push_back(0);
    }
    // has_actuals: true up to (and including) the first period end at or after the last status date.
    if (!sorted.empty()) {
        const Instant last_date = sorted.back()->date;
        bool passed = false;
        for (std::size_t k = 0; k < r.period_end.size(); ++k) {
            r.has_actuals[k] = (r.period_end[k] >= sorted.front()->date && !passed) ? 1 : 0;
            if (r.period_end[k] >= last_date) passed = true;
        }
    }
    return r;
}

EarnedSchedule earned_schedule(const Baseline& baseline, const StatusPeriod& status, std::optional<Instant> actual_finish) {
    const auto [start, finish] = planned_span(baseline);
    // The PV curve is linear between the starts and ends of the tasks' working periods: exact knots.
    std::vector<detail::PvEvent> events;
    for (std::size_t k = 0; k < baseline.size(); ++k) detail::append_pv_events(baseline, k, events);
    std::vector<double> t, pv;
    detail::pv_curve(events, start, t, pv);
    const auto [ev, ac] = earned_and_actual(baseline, status);
    (void)ac;
    // Lipke: actual time stops at the actual finish once everything is earned.
    const bool complete = ev >= budget_at_completion(baseline);
    const Instant at = complete && actual_finish && *actual_finish < status.date ? *actual_finish : status.date;
    return earned_schedule(t, pv, static_cast<double>(ev.minor_units()), static_cast<double>((at - start).count()),
                           static_cast<double>((finish - start).count()));
}

}  // namespace ppm
