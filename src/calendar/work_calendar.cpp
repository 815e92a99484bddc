// WorkCalendar: working time as sorted disjoint intervals with a prefix sum of working minutes
// (the "cumulative working time" representation used by MS Project / P6 style schedulers; see
// docs/calendars.md). W(t) = working minutes in [origin, t). Both W and its inverses are O(1):
// W through a per-day index of the first interval of the day, the inverses through a per-bucket
// index (one entry per 64 working minutes) followed by a short forward scan.
//
// The layout is bounded (kMaxLayoutDays, kMaxLayoutIntervals; issue 23). After it, each year is
// split into runs of days that follow the weekly pattern or one exception's hours (explicit
// exceptions pre-resolved into disjoint runs, yearly ones placed per year, the highest rank
// winning a day), and a table holds W at each 1 January until 400 years after the last year an
// exception changes; later years repeat it (the Gregorian cycle, 146,097 days, is 20,871 whole
// weeks, so week days and leap years repeat with it). Civil dates use H. Hinnant's
// days_from_civil / civil_from_days ("chrono-Compatible Low-Level Date Algorithms"), valid for
// any year, so no query past 9999 needs Boost.
#include "ppm/calendar/work_calendar.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <string>
#include <utility>

#include "ppm/core/error.hpp"

namespace ppm {

namespace {

constexpr std::int64_t kWeek = 7 * kMinutesPerDay;
constexpr int kBucketShift = 6;
constexpr std::int64_t kCycleYears = 400;
constexpr std::int64_t kCycleDays = 146'097;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * kCycleDays + doe - 719'468;
}

struct Civil {
    std::int64_t year, month, day;
};

Civil civil_from_days(std::int64_t z) {
    z += 719'468;
    const std::int64_t era = floor_div(z, kCycleDays);
    const std::int64_t doe = z - era * kCycleDays;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

bool valid_ymd(std::int64_t y, std::int64_t m, std::int64_t d) {
    if (m < 1 || m > 12 || d < 1) return false;
    constexpr std::int64_t kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

std::size_t weekday_of(std::int64_t day) { return static_cast<std::size_t>(((day % 7) + 7 + 3) % 7); }

// Splits the days [lo, hi] by `items` (runs with from, to, rank, schedule): calls
// emit(from, to, winner) for each maximal piece, winner the covering item of highest rank or
// nullptr where none covers. O(k log k).
template <class Run, class Emit>
void resolve_runs(const std::vector<Run>& items, std::int64_t lo, std::int64_t hi, Emit&& emit) {
    std::vector<std::pair<std::int64_t, std::int64_t>> events;  // (day, +(i+1) opens / -(i+1) closes)
    events.reserve(2 * items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::int64_t a = std::max<std::int64_t>(items[i].from, lo), b = std::min<std::int64_t>(items[i].to, hi);
        if (a > b) continue;
        events.emplace_back(a, static_cast<std::int64_t>(i) + 1);
        events.emplace_back(b + 1, -(static_cast<std::int64_t>(i) + 1));
    }
    std::sort(events.begin(), events.end());
    std::set<std::pair<std::uint32_t, std::size_t>> active;
    auto winner = [&]() -> const Run* { return active.empty() ? nullptr : &items[active.rbegin()->second]; };
    std::int64_t cur = lo;
    for (std::size_t e = 0; e < events.size();) {
        const std::int64_t d = events[e].first;
        if (d > cur) {
            emit(cur, d - 1, winner());
            cur = d;
        }
        for (; e < events.size() && events[e].first == d; ++e) {
            const std::int64_t v = events[e].second;
            const auto i = static_cast<std::size_t>((v > 0 ? v : -v) - 1);
            if (v > 0) active.emplace(items[i].rank, i);
            else active.erase({items[i].rank, i});
        }
    }
    if (cur <= hi) emit(cur, hi, winner());
}

void check_day(const DaySchedule& day, const Calendar& cal, std::string_view where) {
    int previous_finish = -1;
    for (const auto& iv : day) {
        if (iv.start < 0 || iv.finish > 1440 || iv.start >= iv.finish)
            throw ModelError::invalid_value("calendar", cal.id.str(),
                                            std::string(where) + ": working interval [" + std::to_string(iv.start) + ", " +
                                                std::to_string(iv.finish) + ") must satisfy 0 <= start < finish <= 1440");
        if (iv.start < previous_finish)
            throw ModelError::invalid_value("calendar", cal.id.str(),
                                            std::string(where) + ": working intervals overlap or are not sorted (at minute " +
                                                std::to_string(iv.start) + ")");
        previous_finish = iv.finish;
    }
}

const Calendar* find(std::span<const Calendar> calendars, const CalendarId& id) {
    for (const auto& c : calendars)
        if (c.id == id) return &c;
    return nullptr;
}

// Appends [s, f) to the interval list, merging with the previous interval when they touch.
void push_interval(std::vector<std::int64_t>& starts, std::vector<std::int64_t>& finishes, std::int64_t s, std::int64_t f) {
    if (!finishes.empty() && finishes.back() == s) {
        finishes.back() = f;
        return;
    }
    starts.push_back(s);
    finishes.push_back(f);
}

}  // namespace

WorkCalendar::WorkCalendar() = default;

void WorkCalendar::throw_horizon(std::string_view what) const {
    throw ModelError::horizon_exceeded("calendar '" + id_ + "' compiled for " + to_string(first_) + " .. " +
                                       to_string(last_) + ": " + std::string(what));
}

WorkCalendar WorkCalendar::compile(std::span<const Calendar> calendars, const CalendarId& id, Date first, Date last) {
    // Base chain, most derived first.
    std::vector<const Calendar*> chain;
    const Calendar* cal = find(calendars, id);
    if (cal == nullptr) throw ModelError::unknown_id("calendar", id.str());
    while (cal != nullptr) {
        for (std::size_t k = 0; k < chain.size(); ++k) {
            if (chain[k] == cal) {
                std::vector<std::string> members;
                for (std::size_t m = k; m < chain.size(); ++m) members.push_back(chain[m]->id.str());
                throw ModelError::cycle("calendar base", std::move(members));
            }
        }
        chain.push_back(cal);
        if (!cal->base) break;
        const Calendar* base = find(calendars, *cal->base);
        if (base == nullptr) throw ModelError::unknown_id("calendar", cal->base->str(), "base of calendar " + cal->id.str());
        cal = base;
    }
    for (const Calendar* c : chain) {
        for (std::size_t d = 0; d < 7; ++d)
            if (c->week[d]) check_day(*c->week[d], *c, "week day " + std::to_string(d));
        for (const auto& ex : c->exceptions) {
            check_day(ex.hours, *c, "exception '" + ex.name + "'");
            if (ex.to < ex.from && !ex.yearly)
                throw ModelError::invalid_value("calendar", c->id.str(),
                                                "exception '" + ex.name + "' ends (" + to_string(ex.to) +
                                                    ") before it starts (" + to_string(ex.from) + ")");
        }
    }
    if (last < first)
        throw ModelError::invalid_value("calendar", id.str(), "horizon ends before it starts");

    // Weekly pattern: a day left empty inherits the nearest base that defines it.
    std::array<const DaySchedule*, 7> week{};
    static const DaySchedule kEmpty;
    for (std::size_t d = 0; d < 7; ++d) {
        week[d] = &kEmpty;
        for (const Calendar* c : chain)
            if (c->week[d]) {
                week[d] = &*c->week[d];
                break;
            }
    }

    WorkCalendar wc;
    wc.id_ = id.str();
    wc.always_working_ = false;

    // Day schedules: the week days, then every exception's hours in application order (base-most
    // calendar first, then file order): that order is the rank, a higher rank wins a day.
    for (std::size_t d = 0; d < 7; ++d) wc.schedules_.push_back(*week[d]);
    std::size_t most_per_day = 1;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it)
        for (const auto& ex : (*it)->exceptions) wc.schedules_.push_back(ex.hours);
    for (const auto& sch : wc.schedules_) {
        std::int64_t m = 0;
        for (const auto& iv : sch) m += iv.finish - iv.start;
        wc.schedule_minutes_.push_back(m);
        most_per_day = std::max(most_per_day, sch.size());
    }

    // Bounded layout: at most kMaxLayoutDays days and about kMaxLayoutIntervals intervals, ended
    // on a 31 December so that the per-year arithmetic starts on a 1 January.
    const std::int64_t layout_days =
        std::min<std::int64_t>(kMaxLayoutDays, std::max<std::int64_t>(kMaxLayoutIntervals / static_cast<std::int64_t>(most_per_day), 366));
    if (last - first >= layout_days) last = first + static_cast<std::int32_t>(layout_days - 1);
    const std::int64_t first_year = civil_from_days(first.days_since_epoch()).year;
    const std::int64_t last_year = civil_from_days(last.days_since_epoch()).year;
    last = Date{static_cast<std::int32_t>(days_from_civil(last_year, 12, 31))};
    wc.first_ = first;
    wc.last_ = last;
    wc.origin_ = Instant::at(first).minutes_since_epoch();
    wc.end_ = Instant::at(last + 1).minutes_since_epoch();
    const auto ndays = static_cast<std::size_t>(last - first + 1);

    // Exceptions: base-most calendar first, so a derived calendar's exception wins on the same date;
    // within one calendar a later exception wins.
    std::vector<const DaySchedule*> override_of(ndays, nullptr);
    auto mark = [&](Date from, Date to, const DaySchedule* hours) {
        const Date a = std::max(from, first);
        const Date b = std::min(to, last);
        for (Date d = a; d <= b; d = d + 1) override_of[static_cast<std::size_t>(d - first)] = hours;
    };
    std::vector<FarRun> explicit_far;
    std::uint32_t rank = 0;
    std::int32_t schedule = 7;
    const std::int64_t far_start = std::int64_t{last.days_since_epoch()} + 1;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        for (const auto& ex : (*it)->exceptions) {
            ++rank;
            const std::int32_t sch = schedule++;
            const DaySchedule* hours = &wc.schedules_[static_cast<std::size_t>(sch)];
            if (!ex.yearly) {
                mark(ex.from, ex.to, hours);
                if (ex.to.days_since_epoch() >= far_start)
                    explicit_far.push_back({.from = static_cast<std::int32_t>(std::max<std::int64_t>(ex.from.days_since_epoch(), far_start)),
                                            .to = ex.to.days_since_epoch(), .rank = rank, .schedule = sch});
                continue;
            }
            const Civil f = civil_from_days(ex.from.days_since_epoch()), t = civil_from_days(ex.to.days_since_epoch());
            const int fm = static_cast<int>(f.month), fd = static_cast<int>(f.day), tm = static_cast<int>(t.month), td = static_cast<int>(t.day);
            const bool wraps = (tm < fm) || (tm == fm && td < fd);
            wc.far_yearly_.push_back({.first_year = static_cast<int>(f.year), .from_month = fm, .from_day = fd, .to_month = tm,
                                      .to_day = td, .wraps = wraps, .rank = rank, .schedule = sch});
            for (std::int64_t y = std::max(f.year, first_year - 1); y <= last_year; ++y) {
                const std::int64_t y2 = wraps ? y + 1 : y;
                if (!valid_ymd(y, fm, fd) || !valid_ymd(y2, tm, td)) continue;  // 29 February in a common year
                mark(Date{static_cast<std::int32_t>(days_from_civil(y, fm, fd))}, Date{static_cast<std::int32_t>(days_from_civil(y2, tm, td))},
                     hours);
            }
        }
    }

    for (std::size_t k = 0; k < ndays; ++k) {
        const Date d = first + static_cast<std::int32_t>(k);
        const DaySchedule& day = override_of[k] ? *override_of[k] : *week[static_cast<std::size_t>(d.weekday())];
        const std::int64_t base = Instant::at(d).minutes_since_epoch();
        for (const auto& iv : day) push_interval(wc.starts_, wc.finishes_, base + iv.start, base + iv.finish);
    }
    for (std::size_t d = 0; d < 7; ++d) wc.week_minutes_ += wc.schedule_minutes_[d];

    const std::size_t n = wc.starts_.size();
    wc.work_before_.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) wc.work_before_[i + 1] = wc.work_before_[i] + (wc.finishes_[i] - wc.starts_[i]);
    const std::int64_t total = wc.work_before_[n];

    // After the layout: explicit exceptions as disjoint runs, then W at each 1 January until the
    // years repeat (400 years after the last one an exception changes).
    std::int64_t max_to = far_start;
    for (const auto& r : explicit_far) max_to = std::max<std::int64_t>(max_to, r.to);
    resolve_runs(explicit_far, far_start, max_to, [&](std::int64_t a, std::int64_t b, const FarRun* w) {
        if (w != nullptr)
            wc.far_runs_.push_back({.from = static_cast<std::int32_t>(a), .to = static_cast<std::int32_t>(b), .rank = w->rank, .schedule = w->schedule});
    });
    wc.far_year_ = static_cast<int>(last_year + 1);
    std::int64_t period = wc.far_year_;
    for (const auto& r : wc.far_runs_) period = std::max(period, civil_from_days(r.to).year + 1);
    for (const auto& y : wc.far_yearly_) period = std::max<std::int64_t>(period, y.first_year + 1);
    wc.period_year_ = static_cast<int>(period);
    wc.year_work_.reserve(static_cast<std::size_t>(period + kCycleYears - wc.far_year_ + 1));
    wc.year_work_.push_back(total);
    std::vector<FarRun> segments;
    for (std::int64_t y = wc.far_year_; y < period + kCycleYears; ++y) {
        wc.far_segments(static_cast<int>(y), segments);
        std::int64_t w = wc.year_work_.back();
        for (const auto& sg : segments) w += wc.days_work(sg.from, std::int64_t{sg.to} - sg.from + 1, sg.schedule);
        wc.year_work_.push_back(w);
    }

    if (wc.year_work_.back() == 0) throw ModelError::no_working_time(id.str());
    if (wc.week_minutes_ == 0) {
        // Working time only from exceptions: fine where they are, an error past them.
        bool any_week = false;
        for (const Calendar* c : chain)
            for (const auto& ex : c->exceptions) any_week = any_week || !ex.hours.empty();
        if (!any_week) throw ModelError::no_working_time(id.str());
    }

    wc.day_first_.assign(ndays + 1, static_cast<std::uint32_t>(n));
    std::size_t i = 0;
    for (std::size_t k = 0; k <= ndays; ++k) {
        const std::int64_t day_start = wc.origin_ + static_cast<std::int64_t>(k) * kMinutesPerDay;
        while (i < n && wc.finishes_[i] <= day_start) ++i;
        wc.day_first_[k] = static_cast<std::uint32_t>(i);
    }
    const auto nbuckets = static_cast<std::size_t>((total >> kBucketShift) + 1);
    wc.bucket_first_.assign(nbuckets, static_cast<std::uint32_t>(n));
    i = 0;
    for (std::size_t b = 0; b < nbuckets; ++b) {
        const std::int64_t w = static_cast<std::int64_t>(b) << kBucketShift;
        while (i < n && wc.work_before_[i + 1] <= w) ++i;
        wc.bucket_first_[b] = static_cast<std::uint32_t>(i);
    }
    if (n == 1 && total == wc.end_ - wc.origin_ && wc.week_minutes_ == kWeek && wc.far_runs_.empty() && wc.far_yearly_.empty())
        wc.always_working_ = true;
    wc.starts_.push_back(std::numeric_limits<std::int64_t>::max());  // sentinels for the lookups
    wc.finishes_.push_back(std::numeric_limits<std::int64_t>::max());
    return wc;
}

// ---- after the laid-out horizon ----

void WorkCalendar::far_segments(int year, std::vector<FarRun>& out) const {
    out.clear();
    const std::int64_t jan1 = days_from_civil(year, 1, 1), dec31 = days_from_civil(year, 12, 31);
    std::vector<FarRun> items;
    auto it = std::lower_bound(far_runs_.begin(), far_runs_.end(), jan1, [](const FarRun& r, std::int64_t d) { return r.to < d; });
    for (; it != far_runs_.end() && it->from <= dec31; ++it) items.push_back(*it);
    for (const auto& y : far_yearly_) {
        for (std::int64_t occ = year - 1; occ <= year; ++occ) {
            if (occ < y.first_year || (!y.wraps && occ != year)) continue;
            const std::int64_t occ_end = y.wraps ? occ + 1 : occ;
            if (!valid_ymd(occ, y.from_month, y.from_day) || !valid_ymd(occ_end, y.to_month, y.to_day)) continue;
            const std::int64_t a = days_from_civil(occ, y.from_month, y.from_day), b = days_from_civil(occ_end, y.to_month, y.to_day);
            if (b < jan1 || a > dec31) continue;
            items.push_back({.from = static_cast<std::int32_t>(std::max(a, jan1)), .to = static_cast<std::int32_t>(std::min(b, dec31)),
                             .rank = y.rank, .schedule = y.schedule});
        }
    }
    resolve_runs(items, jan1, dec31, [&](std::int64_t a, std::int64_t b, const FarRun* w) {
        out.push_back({.from = static_cast<std::int32_t>(a), .to = static_cast<std::int32_t>(b), .rank = 0,
                       .schedule = w != nullptr ? w->schedule : -1});
    });
}

std::int64_t WorkCalendar::days_work(std::int64_t from_day, std::int64_t count, std::int32_t schedule) const {
    if (count <= 0) return 0;
    if (schedule >= 0) return count * schedule_minutes_[static_cast<std::size_t>(schedule)];
    const std::int64_t weeks = count / 7;
    std::int64_t w = weeks * week_minutes_;
    for (std::int64_t d = from_day + weeks * 7; d < from_day + count; ++d) w += schedule_minutes_[weekday_of(d)];
    return w;
}

std::int64_t WorkCalendar::minute_in_day(std::int32_t schedule, std::int64_t work) const {
    for (const auto& iv : schedules_[static_cast<std::size_t>(schedule)]) {
        const std::int64_t len = iv.finish - iv.start;
        if (work < len) return iv.start + work;
        work -= len;
    }
    return kMinutesPerDay;  // not reached: work < the day's minutes
}

std::int64_t WorkCalendar::far_work_at(std::int64_t t) const {
    std::int64_t day = floor_div(t, kMinutesPerDay);
    const std::int64_t minute = t - day * kMinutesPerDay;
    if (far_runs_.empty() && far_yearly_.empty()) {  // the weekly pattern alone: O(1)
        const std::int64_t end_day = end_ / kMinutesPerDay;
        std::int64_t w = year_work_[0] + days_work(end_day, day - end_day, -1);
        for (const auto& iv : schedules_[weekday_of(day)]) w += std::clamp<std::int64_t>(minute - iv.start, 0, iv.finish - iv.start);
        return w;
    }
    std::int64_t year = civil_from_days(day).year;
    std::int64_t w = 0;
    if (year >= period_year_ + kCycleYears) {
        const std::int64_t cycles = (year - period_year_) / kCycleYears;
        year -= cycles * kCycleYears;
        day -= cycles * kCycleDays;
        w = cycles * (year_work_.back() - year_work_[static_cast<std::size_t>(period_year_ - far_year_)]);
    }
    w += year_work_[static_cast<std::size_t>(year - far_year_)];
    std::vector<FarRun> segments;
    far_segments(static_cast<int>(year), segments);
    for (const auto& sg : segments) {
        if (sg.to < day) {
            w += days_work(sg.from, std::int64_t{sg.to} - sg.from + 1, sg.schedule);
            continue;
        }
        w += days_work(sg.from, day - sg.from, sg.schedule);
        const std::int32_t sch = sg.schedule >= 0 ? sg.schedule : static_cast<std::int32_t>(weekday_of(day));
        for (const auto& iv : schedules_[static_cast<std::size_t>(sch)])
            w += std::clamp<std::int64_t>(minute - iv.start, 0, iv.finish - iv.start);
        break;
    }
    return w;
}

std::int64_t WorkCalendar::far_minute_start(std::int64_t k) const {
    const std::int64_t period_work = year_work_[static_cast<std::size_t>(period_year_ - far_year_)];
    const std::int64_t cycle_work = year_work_.back() - period_work;
    std::int64_t shift = 0;
    if (far_runs_.empty() && far_yearly_.empty()) {  // the weekly pattern alone: O(1)
        if (week_minutes_ == 0) throw_horizon("no working time after the last compiled day");
        std::int64_t rem = k - year_work_[0];
        const std::int64_t weeks = rem / week_minutes_;
        std::int64_t day = end_ / kMinutesPerDay + weeks * 7;
        rem -= weeks * week_minutes_;
        while (rem >= schedule_minutes_[weekday_of(day)]) rem -= schedule_minutes_[weekday_of(day++)];
        return day * kMinutesPerDay + minute_in_day(static_cast<std::int32_t>(weekday_of(day)), rem);
    }
    if (k >= year_work_.back()) {
        if (cycle_work == 0) throw_horizon("no working time after " + std::to_string(period_year_ - 1));
        const std::int64_t cycles = (k - period_work) / cycle_work;
        k -= cycles * cycle_work;
        shift = cycles * kCycleDays;
    }
    const auto idx = static_cast<std::size_t>(std::upper_bound(year_work_.begin(), year_work_.end(), k) - year_work_.begin() - 1);
    std::int64_t rem = k - year_work_[idx];
    std::vector<FarRun> segments;
    far_segments(far_year_ + static_cast<int>(idx), segments);
    for (const auto& sg : segments) {
        const std::int64_t count = std::int64_t{sg.to} - sg.from + 1;
        const std::int64_t sw = days_work(sg.from, count, sg.schedule);
        if (rem >= sw) {
            rem -= sw;
            continue;
        }
        std::int64_t day = sg.from;
        std::int32_t sch = sg.schedule;
        if (sch >= 0) {
            const std::int64_t per_day = schedule_minutes_[static_cast<std::size_t>(sch)];
            day += rem / per_day;
            rem %= per_day;
        } else {
            const std::int64_t weeks = rem / week_minutes_;
            day += weeks * 7;
            rem -= weeks * week_minutes_;
            while (rem >= schedule_minutes_[weekday_of(day)]) rem -= schedule_minutes_[weekday_of(day++)];
            sch = static_cast<std::int32_t>(weekday_of(day));
        }
        return (day + shift) * kMinutesPerDay + minute_in_day(sch, rem);
    }
    throw_horizon("working minute " + std::to_string(k) + " not found");  // not reached
}

void WorkCalendar::throw_before_horizon(std::int64_t t) const {
    throw_horizon("instant " + to_string(Instant{t}) + " is before the first compiled day");
}

bool WorkCalendar::is_working(Instant t) const {
    const std::int64_t m = t.minutes_since_epoch();
    return work_at(m + 1) - work_at(m) == 1;
}

Instant WorkCalendar::next_work_start(Instant t) const { return Instant{latest_with_work(work_at(t.minutes_since_epoch()))}; }

Instant WorkCalendar::previous_work_end(Instant t) const {
    if (always_working_) return t;
    return Instant{earliest_with_work(work_at(t.minutes_since_epoch()))};
}

Instant WorkCalendar::add_work(Instant t, Duration work) const {
    if (work.count() == 0) return t;
    if (work.count() < 0) return subtract_work(t, -work);
    return Instant{earliest_with_work(work_at(t.minutes_since_epoch()) + work.count())};
}

Instant WorkCalendar::subtract_work(Instant t, Duration work) const {
    if (work.count() == 0) return t;
    if (work.count() < 0) return add_work(t, -work);
    return Instant{latest_with_work(work_at(t.minutes_since_epoch()) - work.count())};
}

Duration WorkCalendar::work_between(Instant a, Instant b) const {
    return Duration{work_at(b.minutes_since_epoch()) - work_at(a.minutes_since_epoch())};
}

Duration WorkCalendar::work_on(Date d) const { return work_between(Instant::at(d), Instant::at(d + 1)); }

}  // namespace ppm
