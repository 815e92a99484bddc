// Baselines, status periods and time-phased S-curves (hand computations).
#include <catch2/catch.hpp>

#include "evm_units.hpp"

#include "ppm/core/error.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/capture.hpp"
#include "ppm/evm/rollup.hpp"
#include "ppm/evm/time_phased.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {

Baseline two_tasks() {
    // A: days 0-10, 1000; B: days 10-20, 2000. BAC 3000, PV linear within each task.
    return make_baseline("Baseline", ProjectId{"P"}, day(0), {TaskId{"A"}, TaskId{"B"}}, {day(0), day(10)},
                         {day(10), day(20)}, {usd(1000), usd(2000)});
}
}  // namespace

TEST_CASE("evm: baseline planned value spreads cost linearly") {
    const auto b = two_tasks();
    CHECK(budget_at_completion(b) == usd(3000));
    CHECK(planned_value(b, day(5)) == usd(500));
    CHECK(planned_value(b, day(15)) == usd(2000));
    CHECK(planned_value(b, day(25)) == usd(3000));
    CHECK(planned_value(b, day(-1)) == usd(0));
    CHECK(planned_span(b) == std::pair{day(0), day(20)});
}

TEST_CASE("evm: baseline construction rejects bad data") {
    CHECK_THROWS_AS(make_baseline("x", ProjectId{"P"}, day(0), {TaskId{"A"}}, {day(1)}, {day(0)}, {usd(1)}), ModelError);
    CHECK_THROWS_AS(make_baseline("x", ProjectId{"P"}, day(0), {TaskId{"A"}, TaskId{"A"}}, {day(0), day(0)},
                                  {day(1), day(1)}, {usd(1), usd(1)}), ModelError);
    CHECK_THROWS_AS(make_baseline("x", ProjectId{"P"}, day(0), {TaskId{"A"}}, {}, {day(0)}, {usd(1)}), ModelError);
    CHECK_THROWS_AS(make_baseline("x", ProjectId{"P"}, day(0), {TaskId{"A"}}, {day(0)}, {day(1)}, {usd(-1)}), ModelError);
}

TEST_CASE("evm: baseline sets keep several named baselines and a current one") {
    BaselineSet set;
    CHECK(set.active() == nullptr);
    set.set_current(two_tasks());
    auto b1 = two_tasks();
    b1.name = "Baseline 1";
    b1.cost[1] = usd(2500);
    set.set_current(b1);
    REQUIRE(set.active() != nullptr);
    CHECK(set.baselines.size() == 2);
    CHECK(budget_at_completion(*set.active()) == usd(3500));
    set.current = "Baseline";
    CHECK(budget_at_completion(*set.active()) == usd(3000));
}

TEST_CASE("evm: time-phased S-curves follow the latest status period") {
    const auto b = two_tasks();
    // Day 10: A 80 % done for 900; day 15: A done (1100), B 20 % (500).
    const StatusPeriod s1{.project = ProjectId{"P"}, .date = day(10), .task = {TaskId{"A"}}, .percent_complete = {80.0}, .actual_cost = {usd(900)}};
    const StatusPeriod s2{.project = ProjectId{"P"}, .date = day(15), .task = {TaskId{"A"}, TaskId{"B"}},
                          .percent_complete = {100.0, 20.0}, .actual_cost = {usd(1100), usd(500)}};
    const std::vector<StatusPeriod> status{s2, s1};  // any order
    const auto ends = period_ends(day(0), day(20), Duration{5 * kDay});
    REQUIRE(ends.size() == 4);
    const auto tp = time_phase(b, status, ends);
    CHECK(tp.pv == std::vector<Money>{usd(500), usd(1000), usd(2000), usd(3000)});
    CHECK(tp.ev == std::vector<Money>{usd(0), usd(800), usd(1400), usd(1400)});  // 1000 + 20 % of 2000
    CHECK(tp.ac == std::vector<Money>{usd(0), usd(900), usd(1600), usd(1600)});
    CHECK(tp.has_actuals == std::vector<std::uint8_t>{0, 1, 1, 0});

    // ES at day 15: EV 1400 reached by PV at day 12 (1000 + 2000 x 2/10) -> ES = 12 days, SPI(t) = 0.8.
    const auto es = earned_schedule(b, s2);
    CHECK(es.es == Approx(12.0 * kDay));
    CHECK(es.spi_t == Approx(0.8));
    CHECK(forecast_finish(day(0), es) == day(25));  // IEAC(t) = 20 / 0.8
}

TEST_CASE("evm: status periods are validated") {
    StatusPeriod s{.project = ProjectId{"P"}, .date = day(1), .task = {TaskId{"A"}}, .percent_complete = {120.0}, .actual_cost = {usd(1)}};
    CHECK_THROWS_AS(check_status_period(s), ModelError);
    s.percent_complete = {50.0, 10.0};
    CHECK_THROWS_AS(check_status_period(s), ModelError);
}

TEST_CASE("evm: baseline earned schedule of complete work stops AT at the actual finish (Lipke 2003)") {
    // Both tasks done on plan by day 20, reported at day 25. With the actual finish AT = 20 days:
    // ES = 20, SV(t) = 0, SPI(t) = 1 (Lipke: AT = actual finish once complete). Without it the
    // status period is all there is: AT = 25, SPI(t) = 0.8.
    const auto b = two_tasks();
    const StatusPeriod done{.project = ProjectId{"P"}, .date = day(25), .task = {TaskId{"A"}, TaskId{"B"}},
                            .percent_complete = {100.0, 100.0}, .actual_cost = {usd(1000), usd(2000)}};
    const auto es = earned_schedule(b, done, day(20));
    CHECK(es.es == Approx(20.0 * kDay));
    CHECK(es.sv_t == Approx(0.0).margin(1e-9));
    CHECK(es.spi_t == Approx(1.0));
    CHECK(earned_schedule(b, done).spi_t == Approx(0.8));
    // The actual finish is ignored while work remains.
    StatusPeriod open = done;
    open.percent_complete[1] = 50.0;
    CHECK(earned_schedule(b, open, day(20)).at == Approx(25.0 * kDay));
}

namespace {
// One task, Mon 2026-03-02 08:00 - Fri 2026-03-06 17:00, on Mon-Fri 08-12 / 13-17 (40 working hours).
Portfolio one_week_task() {
    Portfolio pf;
    pf.id = PortfolioId{"pf"};
    pf.calendars.push_back(Calendar::standard(CalendarId{"std"}));
    pf.default_calendar = CalendarId{"std"};
    Project p;
    p.id = ProjectId{"P"};
    p.start = Instant::from_ymd_hm(2026, 3, 2, 8, 0);
    Task t;
    t.id = TaskId{"A"};
    t.duration = Duration{5 * 480};
    p.tasks.push_back(t);
    pf.projects.push_back(p);
    return pf;
}
Baseline one_week_baseline() {
    return make_baseline("Baseline", ProjectId{"P"}, Instant::from_ymd_hm(2026, 3, 1, 0, 0), {TaskId{"A"}},
                         {Instant::from_ymd_hm(2026, 3, 2, 8, 0)}, {Instant::from_ymd_hm(2026, 3, 6, 17, 0)}, {usd(4000)});
}
}  // namespace

TEST_CASE("evm: planned value is spread over the task's working time, as P6 and MS Project spread it") {
    const Portfolio pf = one_week_task();
    Baseline b = one_week_baseline();
    // Without a calendar: elapsed time. Tue 20:00 is 36 of 105 elapsed hours: 4000 x 36 / 105.
    CHECK(planned_value(b, Instant::from_ymd_hm(2026, 3, 3, 20, 0)) == Money{137142});
    attach_calendars(b, pf);
    REQUIRE(b.calendar.size() == 1);
    REQUIRE(b.calendar[0] != nullptr);
    // Hand: Tue 20:00 -> 16 of 40 working hours = 1600; Wed 12:00 -> 20 h = 2000; Wed 12:30 (lunch)
    // -> still 2000; Sat -> all 4000.
    CHECK(planned_value(b, Instant::from_ymd_hm(2026, 3, 3, 20, 0)) == usd(1600));
    CHECK(planned_value(b, Instant::from_ymd_hm(2026, 3, 4, 12, 0)) == usd(2000));
    CHECK(planned_value(b, Instant::from_ymd_hm(2026, 3, 4, 12, 30)) == usd(2000));
    CHECK(planned_value(b, Instant::from_ymd_hm(2026, 3, 7, 12, 0)) == usd(4000));
    // S-curve at the end of each day: 800 per working day.
    const std::vector<Instant> ends{Instant::from_ymd_hm(2026, 3, 3, 0, 0), Instant::from_ymd_hm(2026, 3, 4, 0, 0),
                                    Instant::from_ymd_hm(2026, 3, 5, 0, 0)};
    const TimePhased tp = time_phase(b, {}, ends);
    CHECK(tp.pv == std::vector<Money>{usd(800), usd(1600), usd(2400)});
}

TEST_CASE("evm: earned schedule on a calendar-spread plan: a night is on plan, not a jump") {
    const Portfolio pf = one_week_task();
    Baseline b = one_week_baseline();
    attach_calendars(b, pf);
    StatusPeriod s{.project = ProjectId{"P"}, .date = Instant::from_ymd_hm(2026, 3, 3, 20, 0), .task = {TaskId{"A"}},
                   .percent_complete = {40.0}, .actual_cost = {usd(1600)}};
    // 40 % earned = the plan from Tue 17:00 to Wed 08:00: at Tue 20:00 that is on plan.
    const EarnedSchedule on_plan = earned_schedule(b, s);
    CHECK(on_plan.sv_t == Approx(0.0).margin(1e-9));
    CHECK(on_plan.spi_t == Approx(1.0));
    // The same 40 % at Wed 12:00: the plan left 40 % at Wed 08:00, four hours (240 min) ago.
    s.date = Instant::from_ymd_hm(2026, 3, 4, 12, 0);
    CHECK(earned_schedule(b, s).sv_t == Approx(-240.0));
    // Half earned (2000 = Wed 12:00-13:00 lunch level) on Wed 12:30: on plan; the roll-up agrees.
    s.percent_complete = {50.0};
    s.date = Instant::from_ymd_hm(2026, 3, 4, 12, 30);
    CHECK(earned_schedule(b, s).sv_t == Approx(0.0).margin(1e-9));
    const BaselineSet set{.baselines = {one_week_baseline()}, .current = ""};
    const EvmTable t = evm_rollup(pf, std::span<const BaselineSet>(&set, 1), s.date, std::span<const StatusPeriod>(&s, 1));
    const std::size_t row = t.find(EvmNodeKind::project, "P");
    REQUIRE(row < t.size());
    CHECK(t.pv[row] == usd(2000));
    CHECK(t.schedule[row].sv_t == Approx(0.0).margin(1e-9));
}
