// EVM measures against hand computations of the PMI Practice Standard for EVM (2nd ed.) formulas.
#include <catch2/catch.hpp>

#include "evm_units.hpp"

#include <cmath>

#include "ppm/core/error.hpp"
#include "ppm/evm/earned_value.hpp"

using namespace ppm;
using namespace ppm::test;

TEST_CASE("evm: variances, indices and every EAC variant (hand computation)") {
    // BAC 1000, PV 500, EV 400, AC 450 (a textbook-style status; computed by hand below):
    //   SV = 400-500 = -100; CV = 400-450 = -50; SPI = 0.8; CPI = 400/450 = 0.8889
    //   EAC(CPI) = 1000 x 450/400 = 1125; EAC(atypical) = 450 + 600 = 1050
    //   EAC(composite) = 450 + 600 / (0.8889 x 0.8) = 450 + 843.75 = 1293.75
    //   EAC(new estimate, ETC 700) = 1150; TCPI(BAC) = 600/550 = 1.0909; TCPI(EAC CPI) = 600/675 = 0.8889
    const EvmInput in{.bac = usd(1000), .pv = usd(500), .ev = usd(400), .ac = usd(450), .etc_estimate = usd(700), .eac_bottom_up = {}};
    const auto m = evaluate_evm(in);
    CHECK(m.sv == usd(-100));
    CHECK(m.cv == usd(-50));
    CHECK(m.spi == Approx(0.8));
    CHECK(m.cpi == Approx(400.0 / 450.0));
    CHECK(m.eac_cpi == usd(1125));
    CHECK(m.eac_atypical == usd(1050));
    CHECK(m.eac_composite == usd(1293.75));
    CHECK(m.eac_new_estimate == usd(1150));
    CHECK(m.eac_bottom_up == m.eac_cpi);  // a leaf without children
    CHECK(m.eac == usd(1125));
    CHECK(m.etc == usd(675));
    CHECK(m.vac == usd(-125));
    CHECK(m.tcpi_bac == Approx(600.0 / 550.0));
    CHECK(m.tcpi_eac == Approx(600.0 / 675.0));
    CHECK(m.percent_complete == Approx(40.0));
    CHECK(m.percent_spent == Approx(45.0));
    // TCPI against the CPI-based EAC equals the CPI (PMI Practice Standard, sec. 6.4).
    CHECK(m.tcpi_eac == Approx(m.cpi).epsilon(1e-4));

    const auto c = evaluate_evm(in, EacMethod::composite);
    CHECK(c.eac == usd(1293.75));
    CHECK(c.vac == usd(-293.75));
    CHECK(evaluate_evm(in, EacMethod::new_estimate).etc == usd(700));
}

TEST_CASE("evm: undefined ratios are NaN, never a crash") {
    const auto m = evaluate_evm({.bac = usd(100), .pv = usd(0), .ev = usd(0), .ac = usd(0), .etc_estimate = {}, .eac_bottom_up = {}});
    CHECK(std::isnan(m.spi));
    CHECK(std::isnan(m.cpi));
    CHECK(m.eac_cpi == usd(100));  // nothing spent, nothing earned: the budget stands
    CHECK(m.eac_composite == usd(100));
    const auto spent = evaluate_evm({.bac = usd(100), .pv = usd(10), .ev = usd(0), .ac = usd(30), .etc_estimate = {}, .eac_bottom_up = {}});
    CHECK(spent.eac_cpi == usd(130));  // falls back to AC + (BAC - EV)
}

TEST_CASE("evm: EAC method names round trip and unknown names are rejected") {
    for (auto m : {EacMethod::new_estimate, EacMethod::cpi, EacMethod::atypical, EacMethod::composite, EacMethod::bottom_up})
        CHECK(parse_eac_method(to_string(m)) == m);
    CHECK_THROWS_AS(parse_eac_method("guess"), ModelError);
}

TEST_CASE("evm: TCPI is n/a when complete and unachievable once AC >= BAC with work left (PMI Practice Standard)") {
    // PMI Practice Standard for EVM, 2nd ed., sec. 6.4: TCPI = work remaining / funds remaining.
    // Complete, over budget: BAC 1000, EV 1000, AC 1100 -> 0 / -100, printed "-0.00" before; no
    // work remains, so n/a. Complete under budget (AC 900): 0 / 100 -> n/a as well.
    const auto done = evaluate_evm({.bac = usd(1000), .pv = usd(1000), .ev = usd(1000), .ac = usd(1100), .etc_estimate = {}, .eac_bottom_up = {}});
    CHECK(std::isnan(done.tcpi_bac));
    CHECK(std::isnan(done.tcpi_eac));
    CHECK(std::isnan(evaluate_evm({.bac = usd(1000), .pv = usd(1000), .ev = usd(1000), .ac = usd(900), .etc_estimate = {}, .eac_bottom_up = {}}).tcpi_bac));
    // Work left but the budget spent: BAC 1000, EV 600, AC 1050 -> 400 / -50 = -8 before. No
    // efficiency finishes within BAC: +infinity ("unachievable"); TCPI against the EAC still
    // reads: EAC(CPI) = 1000 x 1050/600 = 1750, TCPI(EAC) = 400 / 700 = 0.5714.
    const auto over = evaluate_evm({.bac = usd(1000), .pv = usd(800), .ev = usd(600), .ac = usd(1050), .etc_estimate = {}, .eac_bottom_up = {}});
    CHECK(std::isinf(over.tcpi_bac));
    CHECK(over.tcpi_bac > 0.0);
    CHECK(over.eac == usd(1750));
    CHECK(over.tcpi_eac == Approx(400.0 / 700.0));
    // Exactly at budget with work left: 400 / 0 is unachievable too, not n/a.
    CHECK(std::isinf(evaluate_evm({.bac = usd(1000), .pv = usd(800), .ev = usd(600), .ac = usd(1000), .etc_estimate = {}, .eac_bottom_up = {}}).tcpi_bac));
    // A new estimate with nothing left to spend (ETC 0) cannot achieve its EAC either.
    CHECK(std::isinf(evaluate_evm({.bac = usd(1000), .pv = usd(800), .ev = usd(600), .ac = usd(700), .etc_estimate = usd(0), .eac_bottom_up = {}},
                                  EacMethod::new_estimate)
                         .tcpi_eac));
}
