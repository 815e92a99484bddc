// Risk register: 5x5 matrix scoring, EMV, escalation and heat map (hand computations on the
// PMI Practice Standard for Project Risk Management (2009) P x I scheme).
#include <catch2/catch.hpp>

#include "ppm/core/error.hpp"
#include "ppm/risk/risk_matrix.hpp"

using namespace ppm;

namespace {
Risk make(const char* id, double p, double cost_major, int quality = 0) {
    Risk r;
    r.id = id;
    r.pre.probability = p;
    r.pre.impact.cost = Money::from_major(cost_major);
    r.pre.impact.quality = quality;
    return r;
}
}  // namespace

TEST_CASE("risk: probability and impact bands on the default matrix") {
    const RiskMatrix m;
    CHECK(probability_band(m, 0.05) == 1);
    CHECK(probability_band(m, 0.10) == 1);  // bounds are inclusive
    CHECK(probability_band(m, 0.11) == 2);
    CHECK(probability_band(m, 0.95) == 5);
    CHECK(impact_band(m, {.cost = Money::from_major(500), .schedule = {}, .quality = 0, .scope = 0}) == 1);
    CHECK(impact_band(m, {.cost = Money::from_major(20'000), .schedule = {}, .quality = 0, .scope = 0}) == 3);
    // The worst dimension wins: a 2-week delay (band 3) beats a small cost (band 1); quality 4 beats both.
    CHECK(impact_band(m, {.cost = Money::from_major(10), .schedule = Duration{4800}, .quality = 0, .scope = 0}) == 3);
    CHECK(impact_band(m, {.cost = Money::from_major(10), .schedule = Duration{4800}, .quality = 4, .scope = 0}) == 4);
}

TEST_CASE("risk: score, level, EMV and a configurable matrix") {
    const RiskMatrix m;
    // p = 0.4 -> band 3; cost 60,000 -> band 4; score 3 x 4 = 12 -> high (>= 12).
    const auto r = make("R1", 0.4, 60'000);
    const auto s = score(m, r.pre);
    CHECK(s.probability_band == 3);
    CHECK(s.impact_band == 4);
    CHECK(s.score == 12);
    CHECK(s.level == RiskLevel::high);
    CHECK(expected_monetary_value(r, r.pre) == Money::from_major(-24'000));  // threat: 0.4 x 60,000, negative
    auto opp = r;
    opp.opportunity = true;
    CHECK(expected_monetary_value(opp, opp.pre) == Money::from_major(24'000));

    RiskMatrix strict = m;
    strict.high_from = 15;
    CHECK(score(strict, r.pre).level == RiskLevel::medium);
    strict.score[2][3] = 20;  // an asymmetric matrix that weighs impact more
    CHECK(score(strict, r.pre).score == 20);
    strict.probability_bounds = {0.5, 0.4, 0.6, 0.7};
    CHECK_THROWS_AS(check_matrix(strict), ModelError);
}

TEST_CASE("risk: residual assessment, totals, escalation and heat map") {
    const RiskMatrix m;
    std::vector<Risk> reg{make("R1", 0.4, 60'000), make("R2", 0.9, 300'000), make("R3", 0.05, 100), make("R4", 0.5, 1'000)};
    reg[0].project = ProjectId{"P"};
    reg[0].post = RiskAssessment{.probability = 0.1, .impact = reg[0].pre.impact};  // mitigated: 0.1 x 60,000
    reg[2].status = RiskStatus::closed;
    reg[3].strategy = ResponseStrategy::escalate;
    CHECK(total_emv(reg) == Money::from_major(-(6'000 + 270'000 + 500)));
    CHECK(total_emv(reg, ProjectId{"P"}) == Money::from_major(-6'000));

    const EscalationRule rule;
    CHECK(escalation_level(m, rule, reg[0]) == EscalationLevel::project);    // residual score 1x4 = 4, |EMV| 6,000
    CHECK(escalation_level(m, rule, reg[1]) == EscalationLevel::portfolio);  // score 25 and |EMV| 270,000
    CHECK(escalation_level(m, rule, reg[2]) == EscalationLevel::project);    // closed
    CHECK(escalation_level(m, rule, reg[3]) == EscalationLevel::program);    // strategy "escalate"

    const auto h = heat_map(m, reg);
    CHECK(h.count[0][3] == 1);  // R1 residual: p band 1, impact band 4
    CHECK(h.count[4][4] == 1);  // R2
    CHECK(h.ids[4][4] == std::vector<std::string>{"R2"});
    const auto inherent = heat_map(m, reg, false);
    CHECK(inherent.count[2][3] == 1);  // R1 before response
    int total = 0;
    for (auto& row : h.count)
        for (int c : row) total += c;
    CHECK(total == 3);  // closed risks are not shown
    CHECK(count_active_at_least(m, reg, RiskLevel::high) == 1);
}

TEST_CASE("risk: invalid risks are rejected with the risk named") {
    auto r = make("R9", 1.5, 10);
    try {
        check_risk(r);
        FAIL("expected ModelError");
    } catch (const ModelError& e) {
        CHECK(std::string(e.what()).find("R9") != std::string::npos);
    }
    r.pre.probability = 0.5;
    r.pre.impact.scope = 7;
    CHECK_THROWS_AS(check_risk(r), ModelError);
    CHECK(parse_response_strategy("mitigate") == ResponseStrategy::mitigate);
    CHECK_THROWS_AS(parse_risk_status("maybe"), ModelError);
}
