// Identities the sources state between the EVM / earned-schedule formulas, checked over seeded
// random status data (each could fail if one formula were wrong):
// - PMI Practice Standard for EVM, 2nd ed. (2011), ch. 6 "forecasting": EAC = AC + (BAC - EV) / PF
//   with performance factor PF = 1 (atypical), CPI, CPI x SPI (composite); TCPI against an EAC is
//   (BAC - EV) / (EAC - AC), so TCPI(EAC) equals that PF for each variant; VAC = BAC - EAC; ETC = EAC - AC.
// - Lipke & Henderson, "Earned Schedule: an emerging enhancement to EVM", CrossTalk (2006), table of
//   ES metrics: IEAC(t) = AT + (PD - ES) / PF(t) with PF(t) = SPI(t) equals PD / SPI(t); TSPI = 1
//   exactly when the project is on schedule (ES = AT); SV(t) = ES - AT.
// Published worked examples with printed figures are in test_published_examples.cpp (see docs/evm.md).
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <vector>

#include "ppm/evm/earned_schedule.hpp"
#include "ppm/evm/earned_value.hpp"

using namespace ppm;

TEST_CASE("evm: every EAC variant is AC + (BAC - EV) / PF and TCPI(EAC) equals its PF") {
    std::mt19937_64 rng(2011);
    std::uniform_real_distribution<double> u(0.05, 0.95);
    for (int k = 0; k < 200; ++k) {
        const double bac = 100000.0;
        const double ev = std::round(bac * u(rng) * 100) / 100, pv = std::round(bac * u(rng) * 100) / 100;
        const double ac = std::round(ev * (0.6 + u(rng)) * 100) / 100;
        const EvmInput in{.bac = Money::from_major(bac), .pv = Money::from_major(pv), .ev = Money::from_major(ev), .ac = Money::from_major(ac),
                          .etc_estimate = Money::from_major(12345.67), .eac_bottom_up = {}};
        const double cpi = ev / ac, spi = ev / pv;
        struct Case {
            EacMethod method;
            double pf;
        };
        for (const Case c : {Case{EacMethod::atypical, 1.0}, Case{EacMethod::cpi, cpi}, Case{EacMethod::composite, cpi * spi}}) {
            const auto m = evaluate_evm(in, c.method);
            INFO(to_string(c.method) << " BAC " << bac << " PV " << pv << " EV " << ev << " AC " << ac);
            CHECK(m.eac.major() == Approx(ac + (bac - ev) / c.pf).epsilon(1e-6).margin(0.01));
            CHECK(m.tcpi_eac == Approx(c.pf).epsilon(1e-4));
            CHECK(m.vac == Money::from_major(bac) - m.eac);
            CHECK(m.etc == m.eac - Money::from_major(ac));
        }
        const auto ne = evaluate_evm(in, EacMethod::new_estimate);
        CHECK(ne.eac == Money::from_major(ac + 12345.67));
        CHECK(ne.tcpi_eac == Approx((bac - ev) / 12345.67));
        if (ac < bac) CHECK(ne.tcpi_bac == Approx((bac - ev) / (bac - ac)));
        else CHECK(std::isinf(ne.tcpi_bac));  // budget spent, work left: BAC unachievable, never a negative index
        CHECK(ne.sv == Money::from_major(ev) - Money::from_major(pv));
        CHECK(ne.cv == Money::from_major(ev) - Money::from_major(ac));
    }
}

TEST_CASE("evm: IEAC(t) = AT + (PD - ES) / SPI(t) = PD / SPI(t), TSPI is 1 on schedule") {
    std::mt19937_64 rng(2006);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (int k = 0; k < 200; ++k) {
        // A random S-curve over 12 periods.
        std::vector<double> pv;
        double cum = 0.0;
        for (int p = 0; p < 12; ++p) pv.push_back(cum += 10.0 + 90.0 * u(rng));
        const double at = 1.0 + 9.0 * u(rng);
        const double ev = pv.back() * u(rng) * 0.95 + 1.0;
        const auto es = earned_schedule_periods(pv, ev, at);
        CHECK(es.pd == 12.0);
        CHECK(es.sv_t == Approx(es.es - at));
        CHECK(es.spi_t == Approx(es.es / at));
        CHECK(es.ieac_t == Approx(at + (es.pd - es.es) / es.spi_t));
        CHECK(es.ieac_t == Approx(es.pd / es.spi_t));
        CHECK(es.tspi == Approx((es.pd - es.es) / (es.pd - at)));
        // PV interpolated at ES gives back EV (ES is where the plan had earned EV).
        const auto c = static_cast<std::size_t>(std::floor(es.es));
        const double lo = c == 0 ? 0.0 : pv[c - 1], hi = pv[c];
        CHECK(lo + (es.es - static_cast<double>(c)) * (hi - lo) == Approx(ev));
        // On schedule: EV equal to PV at AT gives ES = AT, SPI(t) = TSPI = 1, IEAC(t) = PD.
        const double whole = std::floor(at);
        const double pv_at = (whole == 0 ? 0.0 : pv[static_cast<std::size_t>(whole) - 1]) +
                             (at - whole) * (pv[static_cast<std::size_t>(whole)] - (whole == 0 ? 0.0 : pv[static_cast<std::size_t>(whole) - 1]));
        const auto on = earned_schedule_periods(pv, pv_at, at);
        CHECK(on.es == Approx(at));
        CHECK(on.spi_t == Approx(1.0));
        CHECK(on.tspi == Approx(1.0));
        CHECK(on.ieac_t == Approx(12.0));
    }
}

TEST_CASE("evm: the forecast finish is the start plus IEAC(t) on a minute axis") {
    // PV linear over 10 working days of 480 minutes; at day 6 the plan of day 4.5 is earned.
    const std::vector<double> time{0, 4800}, pv{0, 1000};
    const auto es = earned_schedule(time, pv, 450.0, 2880.0, 4800.0);
    CHECK(es.es == Approx(2160.0));
    CHECK(es.spi_t == Approx(0.75));
    CHECK(es.ieac_t == Approx(6400.0));
    const Instant start = parse_instant("2026-03-02T08:00");
    CHECK(forecast_finish(start, es) == Instant{start.minutes_since_epoch() + 6400});
}
