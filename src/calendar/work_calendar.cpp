// WorkCalendar: working time as sorted disjoint intervals with a prefix sum of working minutes
// (the "cumulative working time" representation used by MS Project / P6 style schedulers; see
// docs/calendars.md). W(t) = working minutes in [origin, t). Both W and its inverses are O(1):
// W through a per-day index of the first interval of the day, the inverses through a per-bucket
// index (one entry per 64 working minutes) followed by a short forward scan.
#include "ppm/calendar/work_calendar.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm {

namespace {

constexpr std::int64_t kWeek = 7 * kMinutesPerDay;
constexpr int kBucketShift = 6;

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
    while ((last + 1).weekday() != 0) last = last + 1;  // end the horizon on a Sunday
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
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        for (const auto& ex : (*it)->exceptions) {
            if (!ex.yearly) {
                mark(ex.from, ex.to, &ex.hours);
                continue;
            }
            const int fm = ex.from.month(), fd = ex.from.day(), tm = ex.to.month(), td = ex.to.day();
            const bool wraps = (tm < fm) || (tm == fm && td < fd);
            for (int y = std::max(ex.from.year(), first.year() - 1); y <= last.year(); ++y) {
                try {
                    mark(Date::from_ymd(y, fm, fd), Date::from_ymd(wraps ? y + 1 : y, tm, td), &ex.hours);
                } catch (const ModelError&) {
                    // 29 February in a common year: that occurrence does not exist.
                }
            }
        }
    }

    for (std::size_t k = 0; k < ndays; ++k) {
        const Date d = first + static_cast<std::int32_t>(k);
        const DaySchedule& day = override_of[k] ? *override_of[k] : *week[static_cast<std::size_t>(d.weekday())];
        const std::int64_t base = Instant::at(d).minutes_since_epoch();
        for (const auto& iv : day) push_interval(wc.starts_, wc.finishes_, base + iv.start, base + iv.finish);
    }
    for (std::size_t d = 0; d < 7; ++d)
        for (const auto& iv : *week[d])
            push_interval(wc.week_starts_, wc.week_finishes_, static_cast<std::int64_t>(d) * kMinutesPerDay + iv.start,
                          static_cast<std::int64_t>(d) * kMinutesPerDay + iv.finish);

    wc.week_work_before_.assign(wc.week_starts_.size() + 1, 0);
    for (std::size_t j = 0; j < wc.week_starts_.size(); ++j)
        wc.week_work_before_[j + 1] = wc.week_work_before_[j] + (wc.week_finishes_[j] - wc.week_starts_[j]);
    wc.week_minutes_ = wc.week_work_before_.back();

    const std::size_t n = wc.starts_.size();
    if (n == 0 && wc.week_minutes_ == 0) throw ModelError::no_working_time(id.str());
    if (wc.week_minutes_ == 0) {
        // Working time only from exceptions: fine inside the horizon, an error past it.
        bool any_week = false;
        for (const Calendar* c : chain)
            for (const auto& ex : c->exceptions) any_week = any_week || !ex.hours.empty();
        if (!any_week) throw ModelError::no_working_time(id.str());
    }
    wc.work_before_.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) wc.work_before_[i + 1] = wc.work_before_[i] + (wc.finishes_[i] - wc.starts_[i]);

    wc.day_first_.assign(ndays + 1, static_cast<std::uint32_t>(n));
    std::size_t i = 0;
    for (std::size_t k = 0; k <= ndays; ++k) {
        const std::int64_t day_start = wc.origin_ + static_cast<std::int64_t>(k) * kMinutesPerDay;
        while (i < n && wc.finishes_[i] <= day_start) ++i;
        wc.day_first_[k] = static_cast<std::uint32_t>(i);
    }
    const std::int64_t total = wc.work_before_[n];
    const auto nbuckets = static_cast<std::size_t>((total >> kBucketShift) + 1);
    wc.bucket_first_.assign(nbuckets, static_cast<std::uint32_t>(n));
    i = 0;
    for (std::size_t b = 0; b < nbuckets; ++b) {
        const std::int64_t w = static_cast<std::int64_t>(b) << kBucketShift;
        while (i < n && wc.work_before_[i + 1] <= w) ++i;
        wc.bucket_first_[b] = static_cast<std::uint32_t>(i);
    }
    if (n == 1 && total == wc.end_ - wc.origin_ && wc.week_minutes_ == kWeek) wc.always_working_ = true;
    wc.starts_.push_back(std::numeric_limits<std::int64_t>::max());  // sentinels for the lookups
    wc.finishes_.push_back(std::numeric_limits<std::int64_t>::max());
    return wc;
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
