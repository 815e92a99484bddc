// RAG status, policy profiles, roll-up and trend (hand computations on the documented rules).
#include <catch2/catch.hpp>

#include <cmath>

#include "ppm/core/error.hpp"
#include "ppm/governance/pmo_policy.hpp"
#include "ppm/governance/rag.hpp"

using namespace ppm;

namespace {
ProjectHealth health(const char* id, double spi, double cpi, double weight = 1.0, const char* program = nullptr) {
    ProjectHealth h;
    h.project = ProjectId{id};
    if (program != nullptr) h.program = ProgramId{program};
    h.spi = spi;
    h.cpi = cpi;
    h.weight = weight;
    return h;
}
}  // namespace

TEST_CASE("governance: RAG per check and overall = worst applicable check") {
    const RagPolicy p = policy_profile(PmoType::controlling);  // SPI/CPI green >= 0.95, amber >= 0.85
    auto h = health("P", 0.97, 0.90);
    auto r = assess(h, p);
    CHECK(r.check[static_cast<std::size_t>(RagCheck::spi)] == Rag::green);
    CHECK(r.check[static_cast<std::size_t>(RagCheck::cpi)] == Rag::amber);
    CHECK(r.overall == Rag::amber);
    CHECK(r.reasons.size() == 1);
    CHECK_FALSE(r.escalate);  // controlling escalates red only
    h.open_high_risks = 3;    // > 2 -> red
    r = assess(h, p);
    CHECK(r.overall == Rag::red);
    CHECK(r.escalate);
    h = health("Q", std::nan(""), std::nan(""));
    CHECK(assess(h, p).overall == Rag::none);  // nothing known
}

TEST_CASE("governance: PMO profiles differ in what is checked and what escalates") {
    auto h = health("P", 0.96, 0.96);
    h.has_baseline = false;
    h.open_high_risks = 1;
    // Supportive: only SPI/CPI (looser) -> green, never escalates.
    const auto s = assess(h, policy_profile(PmoType::supportive));
    CHECK(s.overall == Rag::green);
    CHECK_FALSE(s.escalate);
    // Controlling: one open high risk -> amber (green only at 0), no escalation.
    const auto c = assess(h, policy_profile(PmoType::controlling));
    CHECK(c.overall == Rag::amber);
    CHECK_FALSE(c.escalate);
    // Directive: executing without a baseline -> red; tighter SPI (0.96 < 0.98 -> amber); escalates.
    const auto d = assess(h, policy_profile(PmoType::directive));
    CHECK(d.check[static_cast<std::size_t>(RagCheck::baseline)] == Rag::red);
    CHECK(d.check[static_cast<std::size_t>(RagCheck::spi)] == Rag::amber);
    CHECK(d.overall == Rag::red);
    CHECK(d.escalate);
    h.has_baseline = true;
    h.gate_approved = false;
    CHECK(assess(h, policy_profile(PmoType::directive)).check[static_cast<std::size_t>(RagCheck::gate)] == Rag::red);
    CHECK(parse_pmo_type("directive") == PmoType::directive);
    CHECK_THROWS_AS(parse_pmo_type("laissez-faire"), ModelError);
}

TEST_CASE("governance: RAG roll-up weighted by BAC, a red project keeps its parent at least amber") {
    const RagPolicy p = policy_profile(PmoType::controlling);  // amber_from 0.5, red_from 1.25
    // A: green, BAC 900; B: red, BAC 100 -> weighted score (0 x 900 + 2 x 100) / 1000 = 0.2 -> green by
    // score, lifted to amber because a member is red. C (program Y) amber alone -> amber.
    const std::vector<ProjectHealth> hs{health("A", 1.0, 1.0, 900, "X"), health("B", 0.5, 0.5, 100, "X"), health("C", 0.9, 1.0, 50, "Y")};
    const auto rows = rag_rollup(hs, p);
    REQUIRE(rows.size() == 3 + 2 + 1);
    CHECK(rows[3].kind == "program");
    CHECK(rows[3].id == "X");
    CHECK(rows[3].score == Approx(0.2));
    CHECK(rows[3].rag == Rag::amber);
    CHECK(rows[3].red == 1);
    CHECK(rows[3].escalate);
    CHECK(rows[4].rag == Rag::amber);
    // Portfolio: (0 x 900 + 2 x 100 + 1 x 50) / 1050 = 0.238 -> amber (red member).
    CHECK(rows[5].kind == "portfolio");
    CHECK(rows[5].score == Approx(250.0 / 1050.0));
    CHECK(rows[5].rag == Rag::amber);
    // Unweighted by a chosen measure: all weights equal -> (0 + 2 + 1) / 3 = 1 -> amber.
    auto eq = hs;
    for (auto& h : eq) h.weight = 1;
    CHECK(rag_rollup(eq, p).back().score == Approx(1.0));
    // Nested programs: X inside Y -> Y sees A, B and C.
    const std::vector<std::pair<ProgramId, ProgramId>> nest{{ProgramId{"X"}, ProgramId{"Y"}}};
    const auto nested = rag_rollup(hs, p, nest);
    CHECK(nested[4].id == "Y");
    CHECK(nested[4].red + nested[4].amber + nested[4].green == 3);
}

TEST_CASE("governance: RAG trend over status periods") {
    const std::vector<double> worse{0, 0, 1, 2};
    const std::vector<double> better{2, 2, 1, 0};
    const std::vector<double> flat{1, 1, 1};
    CHECK(trend(worse) == Trend::worsening);
    CHECK(trend(better) == Trend::improving);
    CHECK(trend(flat) == Trend::stable);
    CHECK(trend(std::vector<double>{2}) == Trend::stable);
    CHECK(rag_score(Rag::red) == 2.0);
}
