// Earned schedule (Lipke 2003, "Schedule is Different"): ES = C + I and the derived indicators.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "ppm/core/error.hpp"
#include "ppm/evm/earned_schedule.hpp"

using namespace ppm;

TEST_CASE("evm: earned schedule C + I, SV(t), SPI(t), TSPI, IEAC(t) (hand computation)") {
    // Cumulative PV by month: 100, 250, 450, 700, 1000 (PD = 5 months). At AT = 3, EV = 350.
    // C = 2 (PV2 = 250 <= 350 < 450 = PV3); I = (350-250)/(450-250) = 0.5; ES = 2.5.
    // SV(t) = -0.5; SPI(t) = 2.5/3 = 0.8333; TSPI = (5-2.5)/(5-3) = 1.25; IEAC(t) = 5/0.8333 = 6.
    const std::vector<double> pv{100, 250, 450, 700, 1000};
    const auto es = earned_schedule_periods(pv, 350.0, 3.0);
    CHECK(es.es == Approx(2.5));
    CHECK(es.sv_t == Approx(-0.5));
    CHECK(es.spi_t == Approx(2.5 / 3.0));
    CHECK(es.tspi == Approx(1.25));
    CHECK(es.ieac_t == Approx(6.0));
}

TEST_CASE("evm: a late finished project has SPI = 1 but SPI(t) < 1 (Lipke 2003's motivation)") {
    // Planned 5 periods, finished at period 7: EV = PV = BAC, so the cost-based SPI is 1.0, while
    // ES = 5 (the time PV reached BAC) gives SPI(t) = 5/7 and SV(t) = -2 periods.
    const std::vector<double> pv{100, 250, 450, 700, 1000};
    const auto es = earned_schedule_periods(pv, 1000.0, 7.0);
    CHECK(es.es == Approx(5.0));
    CHECK(es.sv_t == Approx(-2.0));
    CHECK(es.spi_t == Approx(5.0 / 7.0));
    CHECK(std::isnan(es.tspi));  // AT past PD: TSPI needs an estimated duration instead
}

TEST_CASE("evm: ES with a PV plateau and ahead-of-plan progress") {
    // PV flat in period 3 (a holiday month): 100, 200, 200, 400. EV = 300 at AT = 2:
    // C = 3 (PV3 = 200 <= 300), I = (300-200)/(400-200) = 0.5, ES = 3.5 > AT: ahead.
    const std::vector<double> pv{100, 200, 200, 400};
    const auto es = earned_schedule_periods(pv, 300.0, 2.0);
    CHECK(es.es == Approx(3.5));
    CHECK(es.spi_t == Approx(1.75));
    CHECK(forecast_finish(Instant{0}, earned_schedule(std::vector<double>{0, 100}, std::vector<double>{0, 10}, 5.0, 100.0, 100.0)) ==
          Instant{200});  // half earned at the planned finish: IEAC(t) = PD / 0.5
}

TEST_CASE("evm: malformed PV curves are rejected") {
    CHECK_THROWS_AS(earned_schedule(std::vector<double>{0, 1}, std::vector<double>{0}, 1, 1, 1), ModelError);
    CHECK_THROWS_AS(earned_schedule(std::vector<double>{0, 0}, std::vector<double>{0, 1}, 1, 1, 1), ModelError);
    CHECK_THROWS_AS(earned_schedule(std::vector<double>{0, 1}, std::vector<double>{5, 1}, 1, 1, 1), ModelError);
}

TEST_CASE("evm: actual time stops at the actual finish of complete work (Lipke 2003)") {
    // Lipke, "Schedule is Different" (2003), and Lipke & Henderson, CrossTalk (2006): once the work
    // is complete, AT is the actual finish, not the status date. The curve of the first test
    // (PD = 5 periods) finished exactly on plan, measured two periods later: the caller passes
    // AT = 5 (the finish), and ES = 5 gives SV(t) = 0, SPI(t) = 1, IEAC(t) = AT = 5, TSPI n/a.
    const std::vector<double> pv{100, 250, 450, 700, 1000};
    const auto on_plan = earned_schedule_periods(pv, 1000.0, 5.0);
    CHECK(on_plan.es == Approx(5.0));
    CHECK(on_plan.sv_t == Approx(0.0));
    CHECK(on_plan.spi_t == Approx(1.0));
    CHECK(on_plan.ieac_t == Approx(5.0));
    CHECK(std::isnan(on_plan.tspi));  // nothing remains to be done
    // Finished early, at period 4: ES = 5 > AT = 4, SV(t) = +1, SPI(t) = 1.25, final duration 4.
    const auto early = earned_schedule_periods(pv, 1000.0, 4.0);
    CHECK(early.sv_t == Approx(1.0));
    CHECK(early.spi_t == Approx(1.25));
    CHECK(early.ieac_t == Approx(4.0));
    CHECK(forecast_finish(Instant{0}, earned_schedule(std::vector<double>{0, 100}, std::vector<double>{0, 10}, 10.0, 80.0, 100.0)) ==
          Instant{80});  // complete: the forecast finish is the actual finish
}

TEST_CASE("evm: an element not yet started has no schedule performance (SV(t), SPI(t) n/a)") {
    // Hand computation on a minute axis: planned start 100, finish 200, PV 0 -> 1000 linearly.
    const std::vector<double> time{100, 200}, pv{0, 1000};
    // Status 40 minutes before the start, nothing earned: ES - AT would be +40 of "gain"; n/a instead.
    const auto before = earned_schedule(time, pv, 0.0, 60.0, 200.0);
    CHECK(before.at == Approx(-40.0));
    CHECK(std::isnan(before.sv_t));
    CHECK(std::isnan(before.spi_t));
    CHECK(std::isnan(before.ieac_t));
    CHECK(forecast_finish(Instant{100}, before) == Instant{200});  // the plan stands
    CHECK(std::isnan(earned_schedule(time, pv, 0.0, 100.0, 200.0).sv_t));  // at the planned start
    // After the planned start with nothing earned it is late: SV(t) = -10, SPI(t) = 0.
    const auto late = earned_schedule(time, pv, 0.0, 110.0, 200.0);
    CHECK(late.sv_t == Approx(-10.0));
    CHECK(late.spi_t == Approx(0.0));
    // Started early and earned 100 (ES = 10) five minutes before the planned start: 15 ahead.
    CHECK(earned_schedule(time, pv, 100.0, 95.0, 200.0).sv_t == Approx(15.0));
    // No budget to earn (a flat curve): every index is n/a.
    const auto flat = earned_schedule(time, std::vector<double>{0, 0}, 0.0, 150.0, 200.0);
    CHECK(std::isnan(flat.sv_t));
    CHECK(std::isnan(flat.spi_t));
}
