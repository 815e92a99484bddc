// Exact cumulative PV curves over working calendars (see pv_curve.hpp).
#include "pv_curve.hpp"

#include <algorithm>
#include <cmath>

namespace ppm::detail {

namespace {

// End of the working period that starts at `a` (a working minute), capped at `limit`: the largest
// b <= limit with every minute of [a, b) working. Exponential then binary search on work_between.
std::int64_t period_end(const WorkCalendar& cal, std::int64_t a, std::int64_t limit) {
    auto all_work = [&](std::int64_t b) { return cal.work_between(Instant{a}, Instant{b}).count() == b - a; };
    std::int64_t lo = a + 1, step = 60;  // [a, a + 1) works
    std::int64_t hi = std::min(limit, lo + step);
    while (hi < limit && all_work(hi)) {
        lo = hi;
        step *= 2;
        hi = std::min(limit, lo + step);
    }
    if (all_work(hi)) return hi;
    while (hi - lo > 1) {  // all_work(lo) holds, all_work(hi) does not
        const std::int64_t mid = lo + (hi - lo) / 2;
        (all_work(mid) ? lo : hi) = mid;
    }
    return lo;
}

}  // namespace

void append_pv_events(const Baseline& b, std::size_t k, std::vector<PvEvent>& out) {
    const std::int64_t s = b.start[k].minutes_since_epoch(), f = b.finish[k].minutes_since_epoch();
    const auto c = static_cast<double>(b.cost[k].minor_units());
    if (f == s) {
        out.push_back({f, 0.0, c});
        return;
    }
    const WorkCalendar* cal = k < b.calendar.size() ? b.calendar[k].get() : nullptr;
    const std::int64_t work = cal ? cal->work_between(b.start[k], b.finish[k]).count() : 0;
    if (cal == nullptr || work <= 0) {  // elapsed time (also a span with no working minute)
        const double slope = c / static_cast<double>(f - s);
        out.push_back({s, slope, 0.0});
        out.push_back({f, -slope, 0.0});
        return;
    }
    const double slope = c / static_cast<double>(work);
    for (std::int64_t t = s; t < f;) {
        const std::int64_t a = std::max(t, cal->next_work_start(Instant{t}).minutes_since_epoch());
        if (a >= f) break;
        const std::int64_t e = period_end(*cal, a, f);
        out.push_back({a, slope, 0.0});
        out.push_back({e, -slope, 0.0});
        t = e;
    }
}

void pv_curve(std::vector<PvEvent>& ev, Instant origin, std::vector<double>& t, std::vector<double>& pv) {
    const std::int64_t o = origin.minutes_since_epoch();
    ev.push_back({o, 0.0, 0.0});
    std::sort(ev.begin(), ev.end(), [](const PvEvent& a, const PvEvent& b) { return a.time < b.time; });
    t.clear();
    pv.clear();
    double value = 0.0, slope = 0.0;
    std::int64_t now = ev.front().time;
    for (std::size_t i = 0; i < ev.size();) {
        value += slope * static_cast<double>(ev[i].time - now);
        now = ev[i].time;
        for (; i < ev.size() && ev[i].time == now; ++i) {
            slope += ev[i].slope;
            value += ev[i].jump;
        }
        // Summing the slopes of many tasks in floating point leaves a residue (a slope of ~1e-12
        // cents per minute once every task has finished, a value a few 1e-7 cents off a whole
        // cent). Left alone, a flat stretch of the curve sits just above the exact PV, EV equal to
        // that PV falls short of it and ES jumps back to where the stretch began; or the curve dips
        // and is rejected. So: snap to the whole cent within 1e-3 cent, no negative slope, and
        // cumulative PV never decreases.
        if (const double whole = std::round(value); std::abs(value - whole) < 1e-3) value = whole;
        if (slope < 1e-9) slope = 0.0;  // a real slope is at least 1 cent per ~2,000 years
        if (!pv.empty() && value < pv.back()) value = pv.back();
        t.push_back(static_cast<double>(now - o));
        pv.push_back(value);
    }
    if (t.size() == 1) {
        t.push_back(t.front() + 1.0);
        pv.push_back(pv.front());
    }
}

}  // namespace ppm::detail
