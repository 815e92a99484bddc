// Hierarchic composition: local -> global weights.
#include <catch2/catch.hpp>

#include "ppm/core/error.hpp"
#include "ppm/scoring/strategy.hpp"


namespace {
ppm::Strategy two_level() {
    ppm::Strategy s;
    s.name = "test";
    s.criteria = {{"growth", "Growth", "", ""},  {"efficiency", "Efficiency", "", ""},
                  {"revenue", "Revenue", "growth", ""}, {"market", "Market share", "growth", ""},
                  {"cost", "Cost", "efficiency", ""}};
    // goal: growth 3x efficiency -> .75/.25 (consistent 2x2)
    s.comparisons.push_back({"", {"growth", "efficiency"}, {{"", ppm::pairwise_from_upper(2, std::vector<double>{3})}}, {}});
    // growth: revenue 1/... direct weights .6/.4
    s.comparisons.push_back({"growth", {"market", "revenue"}, {}, {2.0, 3.0}});
    return s;
}
}  // namespace

TEST_CASE("strategy: global weight is the product of local weights along the path") {
    const auto w = ppm::evaluate_strategy(two_level());
    REQUIRE(w.ids.size() == 5);
    CHECK(w.local[0] == Approx(0.75));
    CHECK(w.local[1] == Approx(0.25));
    CHECK(w.local[2] == Approx(0.6));   // revenue (3 of 5)
    CHECK(w.local[3] == Approx(0.4));   // market
    CHECK(w.local[4] == Approx(1.0));   // only child
    CHECK(w.global[2] == Approx(0.45));
    CHECK(w.global[3] == Approx(0.30));
    CHECK(w.global[4] == Approx(0.25));
    CHECK(w.is_driver == std::vector<std::uint8_t>{0, 0, 1, 1, 1});
    const auto dw = w.driver_weights();
    double sum = 0;
    for (double x : dw) sum += x;
    CHECK(sum == Approx(1.0));
    CHECK(w.driver_ids() == std::vector<std::string>{"revenue", "market", "cost"});
}

TEST_CASE("strategy: stakeholders' judgements are aggregated by weighted geometric mean") {
    auto s = two_level();
    s.stakeholders = {{"ceo", "CEO", 3.0}, {"cfo", "CFO", 1.0}};
    s.comparisons[0].judgements = {{"ceo", ppm::pairwise_from_upper(2, std::vector<double>{4})},
                                   {"cfo", ppm::pairwise_from_upper(2, std::vector<double>{1.0 / 4})}};
    const auto w = ppm::evaluate_strategy(s);
    // a = 4^(3/4) * (1/4)^(1/4) = 2; priorities 2/3, 1/3
    CHECK(w.comparisons[0].aggregated(0, 1) == Approx(2.0));
    CHECK(w.local[0] == Approx(2.0 / 3.0));
    CHECK(w.comparisons[0].stakeholder_cr.size() == 2);
}

TEST_CASE("strategy: hierarchy errors are ModelErrors naming the culprit") {
    auto s = two_level();
    s.criteria[2].parent = "nowhere";
    CHECK_THROWS_AS(ppm::evaluate_strategy(s), ppm::ModelError);

    s = two_level();
    s.criteria.push_back({"growth", "dup", "", ""});
    try {
        (void)ppm::evaluate_strategy(s);
        FAIL("expected duplicate");
    } catch (const ppm::ModelError& e) {
        CHECK(e.code() == ppm::ErrorCode::duplicate_id);
        CHECK(e.ids() == std::vector<std::string>{"growth"});
    }

    s = two_level();
    s.criteria[0].parent = "revenue";  // growth -> revenue -> growth
    try {
        (void)ppm::evaluate_strategy(s);
        FAIL("expected cycle");
    } catch (const ppm::ModelError& e) {
        CHECK(e.code() == ppm::ErrorCode::cycle);
    }

    s = two_level();
    s.comparisons.pop_back();  // growth has two children and no comparison
    try {
        (void)ppm::evaluate_strategy(s);
        FAIL("expected missing");
    } catch (const ppm::ModelError& e) {
        CHECK(e.code() == ppm::ErrorCode::missing_value);
        CHECK(std::string(e.what()).find("growth") != std::string::npos);
    }

    s = two_level();
    s.comparisons[1].children = {"market", "cost"};
    CHECK_THROWS_AS(ppm::evaluate_strategy(s), ppm::ModelError);
}
