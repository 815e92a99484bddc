#include <catch2/catch.hpp>

#include "ppm/core/error.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"

using namespace ppm;

TEST_CASE("time: epoch and weekdays") {
    // 1970-01-01 was a Thursday; 2026-01-05 is a Monday (any perpetual calendar).
    CHECK(Date{0}.weekday() == 3);
    CHECK(Date::from_ymd(2026, 1, 5).weekday() == 0);
    CHECK(Date::from_ymd(1969, 12, 29).weekday() == 0);
    CHECK(to_string(Date::from_ymd(2024, 2, 29)) == "2024-02-29");
    CHECK_THROWS_AS(Date::from_ymd(2023, 2, 29), ModelError);
}

TEST_CASE("time: instants split into date and minute of day, also before 1970") {
    const Instant t = Instant::from_ymd_hm(2026, 3, 9, 13, 5);
    CHECK(t.date() == Date::from_ymd(2026, 3, 9));
    CHECK(t.minute_of_day() == 13 * 60 + 5);
    const Instant early = Instant::from_ymd_hm(1969, 12, 31, 23, 59);
    CHECK(early.minutes_since_epoch() == -1);
    CHECK(early.date() == Date::from_ymd(1969, 12, 31));
    CHECK(early.minute_of_day() == 1439);
}

TEST_CASE("time: parse and format round trip") {
    CHECK(to_string(parse_instant("2026-03-09T08:30")) == "2026-03-09T08:30");
    CHECK(parse_instant("2026-03-09") == Instant::at(Date::from_ymd(2026, 3, 9)));
    CHECK(parse_instant("2026-03-09T08:30:00") == parse_instant("2026-03-09T08:30"));
    CHECK_THROWS_AS(parse_instant("2026-03-09T8:30"), ModelError);
    CHECK_THROWS_AS(parse_instant("2026-13-09"), ModelError);
    CHECK_THROWS_AS(parse_date("yesterday"), ModelError);
    // Each message says what is wrong (issue 23, point 8): the syntax, the year's range, the month, the day.
    CHECK_THROWS_WITH(parse_date("yesterday"), Catch::Contains("expected YYYY-MM-DD"));
    CHECK_THROWS_WITH(parse_date("0999-01-05"), Catch::Contains("year 999 is outside the supported years 1400-9999"));
    CHECK_THROWS_WITH(parse_instant("2026-13-09"), Catch::Contains("month 13 is not 1-12"));
    CHECK_THROWS_WITH(parse_date("2023-02-29"), Catch::Contains("day 29 does not exist"));
}

TEST_CASE("money: minor units and formatting") {
    CHECK(Money::from_major(12.345).minor_units() == 1235);  // half away from zero
    CHECK(to_string(Money{-1205}) == "-12.05");
    CHECK((Money{100} + Money{250}).minor_units() == 350);
}
