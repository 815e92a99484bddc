// Baselines, status periods and time-phased S-curves (hand computations).
#include <catch2/catch.hpp>

#include "ppm/core/error.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/time_phased.hpp"

using namespace ppm;

namespace {
constexpr std::int64_t kDay = 1440;
Instant day(std::int64_t d) { return Instant{d * kDay}; }
Money usd(double v) { return Money::from_major(v); }

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
