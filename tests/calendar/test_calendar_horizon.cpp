// Tests of WorkCalendar after its laid-out horizon (issue 23): every exception (explicit and
// yearly) is honoured however far a date lies, and the memory of a compiled calendar does not
// grow with the dates asked. The references are (1) the same calendar compiled with a horizon
// covering the dates, and (2) a day-by-day model written here straight from docs/calendars.md.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "ppm/calendar/work_calendar.hpp"
#include "ppm/core/error.hpp"

using namespace ppm;

namespace {

Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }

// The schedule of date d straight from the definition: the week day of the most derived
// calendar that defines it, then the exceptions base first, later ones winning.
DaySchedule reference_day(const std::vector<Calendar>& base_first, Date d) {
    DaySchedule day;
    for (auto it = base_first.rbegin(); it != base_first.rend(); ++it)
        if (const auto& w = it->week[static_cast<std::size_t>(d.weekday())]) {
            day = *w;
            break;
        }
    const int y = d.year();
    for (const Calendar& c : base_first) {
        for (const CalendarException& ex : c.exceptions) {
            bool hit = false;
            if (!ex.yearly) {
                hit = ex.from <= d && d <= ex.to;
            } else {
                const bool wraps = ex.to.month() < ex.from.month() || (ex.to.month() == ex.from.month() && ex.to.day() < ex.from.day());
                for (int occ = y - 1; occ <= y && !hit; ++occ) {
                    if (occ < ex.from.year()) continue;
                    try {
                        const Date a = Date::from_ymd(occ, ex.from.month(), ex.from.day());
                        const Date b = Date::from_ymd(wraps ? occ + 1 : occ, ex.to.month(), ex.to.day());
                        hit = a <= d && d <= b;
                    } catch (const ModelError&) {
                        // 29 February in a common year: no occurrence.
                    }
                }
            }
            if (hit) day = ex.hours;
        }
    }
    return day;
}

Duration minutes_of(const DaySchedule& day) {
    std::int64_t m = 0;
    for (const auto& iv : day) m += iv.finish - iv.start;
    return Duration{m};
}

DaySchedule random_day(std::mt19937_64& rng) {
    switch (rng() % 5) {
        case 0: return {};
        case 1: return {{480, 720}, {780, 1020}};
        case 2: return {{0, 1440}};
        case 3: return {{420, 500}, {500, 600}, {1000, 1440}};
        default: return {{static_cast<int>(rng() % 600), 700 + static_cast<int>(rng() % 700)}};
    }
}

Date random_date(std::mt19937_64& rng, int from_year, int years) {
    return ymd(from_year, 1, 1) + static_cast<std::int32_t>(rng() % static_cast<std::uint64_t>(years * 365));
}

// A base and a derived calendar with random weeks, explicit ranges (some years long,
// overlapping) and yearly exceptions (wrapping over New Year, 29 February, changed hours).
std::vector<Calendar> random_calendars(std::mt19937_64& rng) {
    std::vector<Calendar> v(2);
    v[0].id = CalendarId{"base"};
    v[1].id = CalendarId{"derived"};
    v[1].base = CalendarId{"base"};
    for (std::size_t d = 0; d < 7; ++d) {
        v[0].week[d] = d < 5 ? DaySchedule{{480, 720}, {780, 1020}} : DaySchedule{};
        if (rng() % 3 == 0) v[1].week[d] = random_day(rng);
    }
    for (Calendar& c : v) {
        for (int k = 0; k < 6; ++k) {
            const Date a = random_date(rng, 2020, 60);
            const Date b = a + static_cast<std::int32_t>(rng() % 2 == 0 ? rng() % 10 : rng() % 1500);
            c.exceptions.push_back({.name = "range", .from = a, .to = b, .hours = rng() % 2 == 0 ? DaySchedule{} : random_day(rng)});
        }
        for (int k = 0; k < 4; ++k) {
            const Date a = random_date(rng, 2015, 40);
            const Date b = rng() % 3 == 0 ? ymd(a.year(), 1, 3) : a + static_cast<std::int32_t>(rng() % 12);  // some wrap
            c.exceptions.push_back({.name = "yearly", .from = a, .to = b, .hours = rng() % 2 == 0 ? DaySchedule{} : random_day(rng), .yearly = true});
        }
    }
    v[1].exceptions.push_back({.name = "leap", .from = ymd(2024, 2, 29), .to = ymd(2024, 2, 29), .yearly = true});
    v[1].exceptions.push_back({.name = "xmas", .from = ymd(2021, 12, 24), .to = ymd(2021, 1, 2), .yearly = true});
    return v;
}

}  // namespace

TEST_CASE("calendar: past the laid-out horizon, W and its inverses equal a calendar laid out over the dates") {
    std::mt19937_64 rng(23);
    for (int round = 0; round < 6; ++round) {
        const auto cals = random_calendars(rng);
        const Date first = ymd(2020, 1, 1);
        const WorkCalendar near = WorkCalendar::compile(cals, CalendarId{"derived"}, first, ymd(2064, 12, 31));
        const WorkCalendar far = WorkCalendar::compile(cals, CalendarId{"derived"}, first, first);
        REQUIRE(near.last_day() == ymd(2064, 12, 31));
        REQUIRE(far.last_day() == ymd(2020, 12, 31));
        const std::int64_t lo = Instant::at(first).minutes_since_epoch();
        const std::int64_t span = Instant::at(ymd(2064, 1, 1)).minutes_since_epoch() - lo;
        const std::int64_t w_max = near.work_index(Instant::at(ymd(2064, 1, 1)));
        for (int probe = 0; probe < 3000; ++probe) {
            const Instant t{lo + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(span))};
            REQUIRE(far.work_index(t) == near.work_index(t));
            REQUIRE(far.is_working(t) == near.is_working(t));
            const std::int64_t w = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(w_max - 1));
            REQUIRE(far.finish_at_work(w) == near.finish_at_work(w));
            REQUIRE(far.start_at_work(w) == near.start_at_work(w));
            const Duration d{static_cast<std::int64_t>(rng() % 200'000)};
            if (near.work_index(t) + d.count() < w_max) {
                REQUIRE(far.add_work(t, d) == near.add_work(t, d));
                if (near.work_index(t) >= d.count()) REQUIRE(far.subtract_work(t, d) == near.subtract_work(t, d));
            }
        }
    }
}

TEST_CASE("calendar: every day up to 9999 and past the 400-year cycle follows the definition") {
    std::mt19937_64 rng(2323);
    for (int round = 0; round < 4; ++round) {
        const auto cals = random_calendars(rng);
        const WorkCalendar wc = WorkCalendar::compile(cals, CalendarId{"derived"}, ymd(2026, 1, 1), ymd(2029, 12, 31));
        for (int probe = 0; probe < 1500; ++probe) {
            const Date d = random_date(rng, 2026, 7900);
            REQUIRE(wc.work_on(d) == minutes_of(reference_day(cals, d)));
        }
        // Beyond 9999 (no Date there): a day 400 years after another has the same work.
        const Date d = random_date(rng, 9000, 999);
        const Instant t = Instant::at(d);
        const Instant t400{t.minutes_since_epoch() + 146'097 * kMinutesPerDay};
        REQUIRE(wc.work_between(t400, Instant{t400.minutes_since_epoch() + kMinutesPerDay}) == wc.work_on(d));
        // add/subtract stay exact inverses far out.
        const Duration big{static_cast<std::int64_t>(rng() % 2'000'000'000)};
        const Instant s = wc.next_work_start(Instant::at(ymd(2027, 5, 3)));
        const Instant f = wc.add_work(s, big);
        REQUIRE(wc.work_between(s, f) == big);
        REQUIRE(wc.subtract_work(f, big) == s);
    }
}

TEST_CASE("calendar: explicit exceptions past the horizon are honoured (closed until 2199)") {
    Calendar c = Calendar::standard(CalendarId{"c"});
    c.exceptions.push_back({.name = "closed", .from = ymd(2026, 1, 1), .to = ymd(2199, 12, 31)});
    c.exceptions.push_back({.name = "new year", .from = ymd(2026, 1, 1), .to = ymd(2026, 1, 1), .yearly = true});
    std::vector<Calendar> v{c};
    const WorkCalendar wc = WorkCalendar::compile(v, CalendarId{"c"}, ymd(2026, 3, 1), ymd(2029, 12, 31));
    // 1 January 2200 is a Wednesday, and a yearly holiday: work resumes Thursday 2 January 08:00.
    REQUIRE(ymd(2200, 1, 1).weekday() == 2);
    CHECK(wc.next_work_start(Instant::at(ymd(2026, 3, 2), 480)) == Instant::at(ymd(2200, 1, 2), 480));
    CHECK(wc.work_on(ymd(2150, 6, 2)) == Duration{0});
    CHECK(wc.work_between(Instant::at(ymd(2026, 3, 1)), Instant::at(ymd(2200, 1, 7))) == Duration{3 * 480});
    CHECK(wc.add_work(Instant::at(ymd(2030, 1, 1)), Duration{480}) == Instant::at(ymd(2200, 1, 2), 1020));
}

TEST_CASE("calendar: the layout is bounded whatever horizon is asked") {
    Calendar c = Calendar::standard(CalendarId{"c"});
    c.exceptions.push_back({.name = "new year", .from = ymd(2026, 1, 1), .to = ymd(2026, 1, 1), .yearly = true});
    std::vector<Calendar> v{c};
    const WorkCalendar wc = WorkCalendar::compile(v, CalendarId{"c"}, ymd(1400, 1, 1), ymd(9999, 12, 31));
    CHECK(wc.last_day() - wc.first_day() < WorkCalendar::kMaxLayoutDays + 366);
    CHECK(wc.work_on(ymd(9999, 1, 1)) == Duration{0});     // a Friday, New Year
    CHECK(wc.work_on(ymd(9999, 1, 4)) == Duration{480});   // Monday
    // Many intervals per day shorten the layout instead of growing memory.
    Calendar fine;
    fine.id = CalendarId{"fine"};
    DaySchedule day;
    for (int m = 0; m < 1440; m += 2) day.push_back({m, m + 1});
    for (auto& d : fine.week) d = day;
    std::vector<Calendar> f{fine};
    const WorkCalendar wf = WorkCalendar::compile(f, CalendarId{"fine"}, ymd(2026, 1, 1), ymd(2100, 12, 31));
    CHECK((wf.last_day() - wf.first_day() + 1) * 720 <= WorkCalendar::kMaxLayoutIntervals + 366 * 720);
    CHECK(wf.work_on(ymd(2090, 5, 5)) == Duration{720});
    CHECK(wf.add_work(Instant::at(ymd(2090, 5, 5)), Duration{3}) == Instant::at(ymd(2090, 5, 5), 5));
}

TEST_CASE("calendar: a calendar whose only working time is an exception far away") {
    Calendar c;
    c.id = CalendarId{"only"};
    for (auto& d : c.week) d = DaySchedule{};
    c.exceptions.push_back({.name = "open", .from = ymd(2300, 3, 1), .to = ymd(2300, 3, 2), .hours = {{480, 960}}});
    std::vector<Calendar> v{c};
    const WorkCalendar wc = WorkCalendar::compile(v, CalendarId{"only"}, ymd(2026, 1, 1), ymd(2026, 12, 31));
    CHECK(wc.next_work_start(Instant::at(ymd(2026, 1, 5))) == Instant::at(ymd(2300, 3, 1), 480));
    CHECK(wc.add_work(Instant::at(ymd(2026, 1, 5)), Duration{960}) == Instant::at(ymd(2300, 3, 2), 960));
    try {
        (void)wc.add_work(Instant::at(ymd(2026, 1, 5)), Duration{961});
        FAIL("expected horizon_exceeded");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::horizon_exceeded);
    }
}
