// Tests of WorkCalendar (work-time arithmetic). Expected values are hand-computed from the
// calendar definitions written next to each case (the Mon-Fri 09:00-12:00, 13:00-18:00 calendar
// of issue 2's note; 2026-03-02 is a Monday). The property tests compare against a brute-force
// minute-by-minute model written here independently of the compiled representation.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "ppm/calendar/work_calendar.hpp"
#include "ppm/core/error.hpp"

using namespace ppm;

namespace {

const DaySchedule kDay{{540, 720}, {780, 1080}};  // 09:00-12:00, 13:00-18:00 = 480 minutes

CalendarException off(Date from, Date to, bool yearly = false) {
    CalendarException e;
    e.name = "off";
    e.from = from;
    e.to = to;
    e.yearly = yearly;
    return e;
}

Instant at(int m, int d, int h, int mi = 0) { return Instant::from_ymd_hm(2026, m, d, h, mi); }

Calendar issue_calendar() {
    Calendar c = Calendar::standard(CalendarId{"std"}, kDay);
    c.exceptions.push_back(off(Date::from_ymd(2026, 3, 6), Date::from_ymd(2026, 3, 6)));
    return c;
}

WorkCalendar compile_one(const Calendar& c, Date first = Date::from_ymd(2026, 1, 1), Date last = Date::from_ymd(2027, 12, 31)) {
    std::vector<Calendar> v{c};
    return WorkCalendar::compile(v, c.id, first, last);
}

}  // namespace

TEST_CASE("calendar: finish lands at the end of a working interval, not at the next start") {
    const auto wc = compile_one(issue_calendar());
    // Mon 09:00 + 8h = Mon 18:00 (3h morning + 5h afternoon), not Tue 09:00.
    CHECK(wc.add_work(at(3, 2, 9), Duration::hours(8)) == at(3, 2, 18));
    // Mon 11:00 + 1h = Mon 12:00: the lunch break is not crossed for nothing.
    CHECK(wc.add_work(at(3, 2, 11), Duration::hours(1)) == at(3, 2, 12));
    // Mon 11:00 + 61 min = 60 min until 12:00, lunch, 1 min -> 13:01.
    CHECK(wc.add_work(at(3, 2, 11), Duration::minutes(61)) == at(3, 2, 13, 1));
    CHECK(wc.add_work(at(3, 2, 11), Duration{0}) == at(3, 2, 11));
}

TEST_CASE("calendar: subtract lands at the start of a working interval") {
    const auto wc = compile_one(issue_calendar());
    // Tue 10:00 - 1h = Tue 09:00 (not Mon 18:00).
    CHECK(wc.subtract_work(at(3, 3, 10), Duration::hours(1)) == at(3, 3, 9));
    // Mon 14:00 - 1h = Mon 13:00 (not 12:00).
    CHECK(wc.subtract_work(at(3, 2, 14), Duration::hours(1)) == at(3, 2, 13));
    // Tue 09:00 - 1h: back over the night -> Mon 17:00.
    CHECK(wc.subtract_work(at(3, 3, 9), Duration::hours(1)) == at(3, 2, 17));
    // Negative work is the other direction.
    CHECK(wc.add_work(at(3, 3, 9), Duration::hours(-1)) == at(3, 2, 17));
}

TEST_CASE("calendar: next_work_start and previous_work_end") {
    const auto wc = compile_one(issue_calendar());
    CHECK(wc.next_work_start(at(3, 2, 12)) == at(3, 2, 13));        // lunch
    CHECK(wc.next_work_start(at(3, 2, 10)) == at(3, 2, 10));        // already working
    CHECK(wc.next_work_start(at(3, 5, 18)) == at(3, 9, 9));         // Thu 18:00 -> Fri is a holiday -> Mon
    CHECK(wc.previous_work_end(at(3, 9, 9)) == at(3, 5, 18));       // Mon 09:00 -> Thu 18:00 (Fri holiday)
    CHECK(wc.previous_work_end(at(3, 2, 12, 30)) == at(3, 2, 12));
    CHECK(wc.previous_work_end(at(3, 2, 18)) == at(3, 2, 18));      // end of work stays
    CHECK(wc.is_working(at(3, 2, 9)));
    CHECK_FALSE(wc.is_working(at(3, 2, 12)));
    CHECK_FALSE(wc.is_working(at(3, 6, 10)));                       // holiday
}

TEST_CASE("calendar: a task crossing a holiday and a weekend") {
    const auto wc = compile_one(issue_calendar());
    // 3 days from Thu 2026-03-05 09:00: Thu, (Fri holiday, weekend), Mon, Tue -> Tue 18:00.
    CHECK(wc.add_work(at(3, 5, 9), Duration::hours(24)) == at(3, 10, 18));
    CHECK(wc.work_between(at(3, 5, 9), at(3, 10, 18)) == Duration::hours(24));
    CHECK(wc.work_on(Date::from_ymd(2026, 3, 6)) == Duration{0});
    CHECK(wc.work_on(Date::from_ymd(2026, 3, 5)) == Duration{480});
    CHECK(wc.work_on(Date::from_ymd(2026, 3, 7)) == Duration{0});  // Saturday
}

TEST_CASE("calendar: exception ranges and changed hours") {
    Calendar c = Calendar::standard(CalendarId{"c"}, kDay);
    c.exceptions.push_back(off(Date::from_ymd(2026, 3, 9), Date::from_ymd(2026, 3, 13)));
    c.exceptions.push_back({.name = "short day", .from = Date::from_ymd(2026, 3, 17), .to = Date::from_ymd(2026, 3, 17),
                            .hours = {{600, 900}}});  // 10:00-15:00 = 300 min
    const auto wc = compile_one(c);
    // Week of 9-13 March is off: Fri 6th 18:00 + 1 min -> Mon 16th 09:01.
    CHECK(wc.add_work(at(3, 6, 18), Duration{1}) == at(3, 16, 9, 1));
    CHECK(wc.work_between(at(3, 2, 0), at(3, 16, 0)) == Duration{5 * 480});
    CHECK(wc.work_on(Date::from_ymd(2026, 3, 17)) == Duration{300});
    // Tue 17th starts 10:00 and ends 15:00: Mon 16th 17:00 + 2h = 1h Mon + 1h Tue -> Tue 11:00.
    CHECK(wc.add_work(at(3, 16, 17), Duration::hours(2)) == at(3, 17, 11));
    CHECK(wc.add_work(at(3, 17, 10), Duration{300}) == at(3, 17, 15));
    CHECK(wc.next_work_start(at(3, 17, 15)) == at(3, 18, 9));
}

TEST_CASE("calendar: yearly recurring holiday, including 29 February") {
    Calendar c = Calendar::standard(CalendarId{"c"}, kDay);
    c.exceptions.push_back(off(Date::from_ymd(2020, 12, 25), Date::from_ymd(2020, 12, 26), true));
    c.exceptions.push_back(off(Date::from_ymd(2024, 2, 29), Date::from_ymd(2024, 2, 29), true));
    const auto wc = compile_one(c, Date::from_ymd(2026, 1, 1), Date::from_ymd(2029, 12, 31));
    CHECK(wc.work_on(Date::from_ymd(2026, 12, 25)) == Duration{0});   // Friday, holiday
    CHECK(wc.work_on(Date::from_ymd(2026, 12, 24)) == Duration{480});
    CHECK(wc.work_on(Date::from_ymd(2027, 12, 24)) == Duration{480});  // Friday
    CHECK(wc.work_on(Date::from_ymd(2028, 12, 25)) == Duration{0});   // Monday, holiday
    CHECK(wc.work_on(Date::from_ymd(2028, 12, 26)) == Duration{0});   // Tuesday, holiday
    CHECK(wc.work_on(Date::from_ymd(2028, 2, 29)) == Duration{0});    // Tuesday of a leap year
    CHECK(wc.work_on(Date::from_ymd(2027, 3, 1)) == Duration{480});   // no 29 Feb in 2027: nothing moves
}

TEST_CASE("calendar: derived calendar inherits days and base exceptions, and overrides them") {
    Calendar base = issue_calendar();  // holiday Fri 6 March
    base.exceptions.push_back(off(Date::from_ymd(2026, 3, 20), Date::from_ymd(2026, 3, 20)));
    Calendar derived;
    derived.id = CalendarId{"night"};
    derived.base = CalendarId{"std"};
    derived.week[5] = DaySchedule{{540, 780}};  // Saturday 09:00-13:00
    // The derived calendar works the base's holiday of 6 March in the morning only.
    derived.exceptions.push_back({.name = "half", .from = Date::from_ymd(2026, 3, 6), .to = Date::from_ymd(2026, 3, 6), .hours = {{540, 720}}});
    std::vector<Calendar> cals{base, derived};
    const auto wc = WorkCalendar::compile(cals, CalendarId{"night"}, Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 12, 31));
    CHECK(wc.work_on(Date::from_ymd(2026, 3, 2)) == Duration{480});  // Monday from the base
    CHECK(wc.work_on(Date::from_ymd(2026, 3, 7)) == Duration{240});  // own Saturday
    CHECK(wc.work_on(Date::from_ymd(2026, 3, 8)) == Duration{0});    // Sunday from the base
    CHECK(wc.work_on(Date::from_ymd(2026, 3, 6)) == Duration{180});  // own exception beats the base's
    CHECK(wc.work_on(Date::from_ymd(2026, 3, 20)) == Duration{0});   // base exception inherited
    CHECK(wc.work_between(at(3, 2, 0), at(3, 9, 0)) == Duration{4 * 480 + 180 + 240});
}

TEST_CASE("calendar: the weekly pattern continues past the horizon") {
    // The layout runs to the 31 December after the requested last day (issue 23); later days
    // are computed per year (tests/calendar/test_calendar_horizon.cpp).
    const auto wc = compile_one(issue_calendar(), Date::from_ymd(2026, 3, 2), Date::from_ymd(2026, 3, 8));
    CHECK(wc.last_day() == Date::from_ymd(2026, 12, 31));
    // Mon 2 March 09:00 + 10 days: 4 days this week (Fri holiday), 5 next week, 1 the week after.
    CHECK(wc.add_work(at(3, 2, 9), Duration{10 * 480}) == at(3, 16, 18));
    CHECK(wc.subtract_work(at(3, 16, 18), Duration{10 * 480}) == at(3, 2, 9));
    CHECK(wc.work_between(at(3, 2, 0), Instant::at(Date::from_ymd(2026, 3, 2) + 7 * 100)) == Duration{4 * 480 + 99 * 5 * 480});
    CHECK(wc.next_work_start(at(3, 14, 12)) == at(3, 16, 9));
    CHECK_THROWS_AS(wc.subtract_work(at(3, 2, 10), Duration::hours(2)), ModelError);  // before the horizon
}

TEST_CASE("calendar: the 24/7 calendar counts every minute") {
    std::vector<Calendar> v{Calendar::twenty_four_seven(CalendarId{"24"})};
    const auto wc = WorkCalendar::compile(v, CalendarId{"24"}, Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 1, 31));
    CHECK(wc.add_work(at(3, 7, 10), Duration{3 * 1440}) == at(3, 10, 10));
    CHECK(wc.work_between(at(3, 7, 10), at(3, 10, 10)) == Duration{3 * 1440});
    const WorkCalendar elapsed;
    CHECK(elapsed.add_work(at(3, 7, 10), Duration{90}) == at(3, 7, 11, 30));
}

TEST_CASE("calendar: bad definitions throw typed errors naming the calendar") {
    const Date a = Date::from_ymd(2026, 1, 1), b = Date::from_ymd(2026, 12, 31);
    std::vector<Calendar> v{Calendar::standard(CalendarId{"std"})};
    try {
        (void)WorkCalendar::compile(v, CalendarId{"nope"}, a, b);
        FAIL("expected unknown_id");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::unknown_id);
    }
    Calendar x = Calendar::standard(CalendarId{"x"});
    x.base = CalendarId{"y"};
    Calendar y = Calendar::standard(CalendarId{"y"});
    y.base = CalendarId{"x"};
    std::vector<Calendar> cyc{x, y};
    try {
        (void)WorkCalendar::compile(cyc, CalendarId{"x"}, a, b);
        FAIL("expected cycle");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::cycle);
        CHECK(e.ids() == std::vector<std::string>{"x", "y"});
    }
    Calendar empty;
    empty.id = CalendarId{"empty"};
    std::vector<Calendar> ev{empty};
    try {
        (void)WorkCalendar::compile(ev, CalendarId{"empty"}, a, b);
        FAIL("expected no_working_time");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::no_working_time);
    }
    Calendar bad = Calendar::standard(CalendarId{"bad"}, {{780, 1080}, {540, 800}});
    std::vector<Calendar> bv{bad};
    try {
        (void)WorkCalendar::compile(bv, CalendarId{"bad"}, a, b);
        FAIL("expected invalid_value");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::invalid_value);
        CHECK(std::string(e.what()).find("bad") != std::string::npos);
    }
    Calendar out = Calendar::standard(CalendarId{"out"}, {{540, 1500}});
    std::vector<Calendar> ov{out};
    CHECK_THROWS_AS(WorkCalendar::compile(ov, CalendarId{"out"}, a, b), ModelError);
}

TEST_CASE("calendar: add/subtract/between agree with a brute-force minute model on seeded random data") {
    // Brute force: a bool per minute over 8 weeks, built straight from the definition.
    const Date first = Date::from_ymd(2026, 3, 2);
    const int days = 56;
    std::mt19937_64 rng(20260302);
    for (int round = 0; round < 5; ++round) {
        Calendar c = Calendar::standard(CalendarId{"r"}, kDay);
        c.week[5] = DaySchedule{{480, 600}, {600, 700}};  // touching intervals on Saturday
        std::vector<std::vector<bool>> holiday_hours;
        for (int k = 0; k < 6; ++k) {
            const Date d = first + static_cast<std::int32_t>(rng() % static_cast<std::uint64_t>(days));
            if (rng() % 2 == 0) c.exceptions.push_back(off(d, d + static_cast<std::int32_t>(rng() % 3)));
            else c.exceptions.push_back({.name = "changed", .from = d, .to = d, .hours = {{420, 500}, {1000, 1440}}});
        }
        std::vector<bool> works(static_cast<std::size_t>(days) * 1440, false);
        for (int day = 0; day < days; ++day) {
            const Date d = first + day;
            const DaySchedule* sched = c.week[static_cast<std::size_t>(d.weekday())] ? &*c.week[static_cast<std::size_t>(d.weekday())] : nullptr;
            for (const auto& ex : c.exceptions)
                if (ex.from <= d && d <= ex.to) sched = &ex.hours;  // later exceptions win
            if (sched == nullptr) continue;
            for (const auto& iv : *sched)
                for (int m = iv.start; m < iv.finish; ++m) works[static_cast<std::size_t>(day * 1440 + m)] = true;
        }
        std::vector<std::int64_t> cum(works.size() + 1, 0);
        for (std::size_t m = 0; m < works.size(); ++m) cum[m + 1] = cum[m] + (works[m] ? 1 : 0);
        const auto wc = compile_one(c, first, first + (days - 1));
        const std::int64_t origin = Instant::at(first).minutes_since_epoch();
        auto W = [&](std::int64_t t) { return cum[static_cast<std::size_t>(t - origin)]; };
        for (int probe = 0; probe < 400; ++probe) {
            const std::int64_t t = origin + 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(28 * 1440));
            const std::int64_t d = static_cast<std::int64_t>(rng() % 3000);
            const Instant ti{t};
            REQUIRE(wc.work_between(Instant{origin}, ti).count() == W(t));
            const Instant f = wc.add_work(ti, Duration{d});
            // f is the earliest instant with W(f) = W(t) + d.
            REQUIRE(W(f.minutes_since_epoch()) == W(t) + d);
            if (d > 0) REQUIRE(W(f.minutes_since_epoch() - 1) == W(t) + d - 1);
            // subtract: the latest s with W(s) = W(t) - d.
            if (W(t) >= d) {
                const Instant s = wc.subtract_work(ti, Duration{d});
                REQUIRE(W(s.minutes_since_epoch()) == W(t) - d);
                if (d > 0) REQUIRE(W(s.minutes_since_epoch() + 1) == W(t) - d + 1);
            }
            // Round trip: subtract(add(t, d), d) is the next working start of t.
            if (d > 0) REQUIRE(wc.subtract_work(f, Duration{d}) == wc.next_work_start(ti));
            REQUIRE(wc.is_working(ti) == works[static_cast<std::size_t>(t - origin)]);
        }
    }
}
