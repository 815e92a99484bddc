// Frontier, scenarios, generator determinism.
#include <catch2/catch.hpp>

#include "ppm/portfolio/frontier.hpp"
#include "ppm/portfolio/generator.hpp"
#include "ppm/portfolio/scenario.hpp"

TEST_CASE("frontier: value never decreases with budget and entering/leaving track the selections") {
    ppm::GeneratorOptions g;
    g.candidates = 60;
    g.seed = 7;
    const auto p = ppm::generate_selection_problem(g);
    ppm::FrontierOptions fo;
    fo.points = 6;
    const auto f = ppm::efficient_frontier(p, fo);
    REQUIRE(f.value.size() == 6);
    const std::size_t n = f.candidates.size();
    for (std::size_t k = 1; k < f.value.size(); ++k) {
        CHECK(f.budget[k] > f.budget[k - 1]);
        CHECK(f.value[k] >= f.value[k - 1] * (1.0 - 1e-3) - 1e-6);  // within the 0.1% gap
        std::size_t in = 0, out = 0;
        for (std::size_t c = 0; c < n; ++c) {
            const auto now = f.selected[k * n + c], before = f.selected[(k - 1) * n + c];
            if (now && !before) ++in;
            if (!now && before) ++out;
        }
        CHECK(f.entering[k].size() == in);
        CHECK(f.leaving[k].size() == out);
    }
    CHECK(f.spend.back() <= f.budget.back());
}

TEST_CASE("scenario: copies change constraints and compare side by side") {
    ppm::GeneratorOptions g;
    g.candidates = 40;
    g.seed = 11;
    const auto p = ppm::generate_selection_problem(g);
    std::vector<ppm::Scenario> s(2);
    s[0].name = "no money";
    s[0].budget_scale = 0.0;
    s[1].name = "double capacity";
    s[1].capacity_scale = 2.0;
    s[1].budget_scale = 2.0;
    const auto cmp = ppm::compare_scenarios(p, s);
    REQUIRE(cmp.names == std::vector<std::string>{"base", "no money", "double capacity"});
    REQUIRE(cmp.results.size() == 3);
    CHECK(cmp.results[1].total_spend == ppm::Money{});
    CHECK(cmp.results[2].objective >= cmp.results[0].objective * (1.0 - 1e-3));
    const auto q = ppm::apply_scenario(p, s[1]);
    CHECK(q.capacities[0].per_period[0] == Approx(2.0 * p.capacities[0].per_period[0]));
    CHECK(p.capacities[0].per_period[0] == Approx(q.capacities[0].per_period[0] / 2.0));  // base unchanged
}

TEST_CASE("generator: same seed same problem, different seed different problem") {
    ppm::GeneratorOptions g;
    g.candidates = 30;
    const auto a = ppm::generate_selection_problem(g);
    const auto b = ppm::generate_selection_problem(g);
    g.seed = 2;
    const auto c = ppm::generate_selection_problem(g);
    REQUIRE(a.candidates.size() == 30);
    CHECK(a.candidates[5].cost == b.candidates[5].cost);
    CHECK(a.candidates[5].benefits == b.candidates[5].benefits);
    CHECK(a.period_budget == b.period_budget);
    CHECK_FALSE(a.candidates[5].benefits == c.candidates[5].benefits);
}
