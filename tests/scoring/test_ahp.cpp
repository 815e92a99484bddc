// AHP on published worked examples.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "ppm/core/error.hpp"
#include "ppm/scoring/ahp.hpp"


namespace {
// Criteria of the "choosing a leader" example (Wikipedia, "Analytic hierarchy process - leader example",
// after Saaty's teaching material): Experience, Education, Charisma, Age.
// Published priorities .547, .127, .270, .056 and CR .044 (3-decimal rounding).
ppm::PairwiseMatrix leader_criteria() { return ppm::pairwise_from_upper(4, std::vector<double>{4, 3, 7, 1.0 / 3, 3, 5}); }
}  // namespace

TEST_CASE("ahp: leader example criteria priorities and CR match the published values") {
    const auto r = ppm::analyse_pairwise(leader_criteria());
    REQUIRE(r.priorities.size() == 4);
    CHECK(r.priorities[0] == Approx(0.547).margin(0.0015));
    CHECK(r.priorities[1] == Approx(0.127).margin(0.0015));
    CHECK(r.priorities[2] == Approx(0.270).margin(0.0015));
    CHECK(r.priorities[3] == Approx(0.056).margin(0.0015));
    CHECK(r.random_index == Approx(0.90));
    CHECK(r.consistency_ratio == Approx(0.044).margin(0.002));
    CHECK(r.acceptable);
    CHECK(r.lambda_max > 4.0);
    // geometric-mean priorities are close to the eigenvector for a nearly consistent matrix
    for (std::size_t i = 0; i < 4; ++i) CHECK(r.priorities_geometric_mean[i] == Approx(r.priorities[i]).margin(0.02));
}

TEST_CASE("ahp: leader example alternatives give the published local priorities") {
    // Tom, Dick, Harry under each criterion (same published example).
    struct Case { std::vector<double> upper; std::vector<double> expected; };
    const std::vector<Case> cases = {
        {{0.25, 4, 9}, {0.217, 0.717, 0.066}},           // experience
        {{3, 0.2, 1.0 / 7}, {0.188, 0.081, 0.731}},      // education
        {{5, 9, 4}, {0.743, 0.194, 0.063}},              // charisma
        {{1.0 / 3, 5, 9}, {0.265, 0.672, 0.063}},        // age
    };
    std::vector<double> goal(3, 0.0);
    const auto crit = ppm::analyse_pairwise(leader_criteria()).priorities;
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const auto r = ppm::analyse_pairwise(ppm::pairwise_from_upper(3, cases[k].upper));
        for (std::size_t i = 0; i < 3; ++i) {
            CHECK(r.priorities[i] == Approx(cases[k].expected[i]).margin(0.0015));
            goal[i] += crit[k] * r.priorities[i];
        }
    }
    // Published overall priorities: Tom .358, Dick .493, Harry .149.
    CHECK(goal[0] == Approx(0.358).margin(0.002));
    CHECK(goal[1] == Approx(0.493).margin(0.002));
    CHECK(goal[2] == Approx(0.149).margin(0.002));
}

TEST_CASE("ahp: Saaty's wealth-of-nations matrix has lambda_max 7.61 and CR 0.08") {
    // Saaty, The Analytic Hierarchy Process (1980), relative wealth of US, USSR, China, France, UK,
    // Japan, W. Germany: eigenvector .427 .230 .021 .052 .052 .123 .094, lambda_max 7.61, CI .10, CR .08.
    const auto m = ppm::pairwise_from_upper(
        7, std::vector<double>{4, 9, 6, 6, 5, 5,  7, 5, 5, 3, 4,  0.2, 0.2, 1.0 / 7, 0.2,  1, 1.0 / 3, 1.0 / 3,
                               1.0 / 3, 1.0 / 3,  2});
    const auto r = ppm::analyse_pairwise(m);
    const std::vector<double> published = {0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094};
    for (std::size_t i = 0; i < 7; ++i) CHECK(r.priorities[i] == Approx(published[i]).margin(0.0015));
    CHECK(r.lambda_max == Approx(7.61).margin(0.005));
    CHECK(r.consistency_index == Approx(0.10).margin(0.005));
    CHECK(r.consistency_ratio == Approx(0.08).margin(0.005));
}

TEST_CASE("ahp: a consistent matrix has lambda_max n and CR 0") {
    const std::vector<double> w = {0.5, 0.25, 0.125, 0.125};
    ppm::PairwiseMatrix m(4, 4);
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) m(i, j) = w[static_cast<std::size_t>(i)] / w[static_cast<std::size_t>(j)];
    const auto r = ppm::analyse_pairwise(m);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(r.priorities[i] == Approx(w[i]).margin(1e-9));
        CHECK(r.priorities_geometric_mean[i] == Approx(w[i]).margin(1e-9));
    }
    CHECK(r.lambda_max == Approx(4.0).margin(1e-9));
    CHECK(r.consistency_ratio == Approx(0.0).margin(1e-9));
}

TEST_CASE("ahp: an inconsistent matrix is flagged and the worst judgement is pointed at") {
    // Consistent 1 > 2 > 3 with a(0,1)=3, a(1,2)=3 implies a(0,2)=9; enter 1/5 instead (reversed).
    const auto m = ppm::pairwise_from_upper(3, std::vector<double>{3, 0.2, 3});
    const auto r = ppm::analyse_pairwise(m);
    CHECK(r.consistency_ratio > 0.10);
    CHECK_FALSE(r.acceptable);
    REQUIRE_FALSE(r.most_inconsistent.empty());
    // In a 3x3 matrix all three judgements share the same log error; the listing is sorted.
    for (std::size_t k = 1; k < r.most_inconsistent.size(); ++k)
        CHECK(r.most_inconsistent[k - 1].log_error >= r.most_inconsistent[k].log_error - 1e-12);

    // 4x4: consistent except one reversed judgement (0,3): that one must come first.
    const std::vector<double> w = {0.4, 0.3, 0.2, 0.1};
    ppm::PairwiseMatrix c(4, 4);
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j) c(i, j) = w[static_cast<std::size_t>(i)] / w[static_cast<std::size_t>(j)];
    c(0, 3) = 1.0 / 4.0;
    c(3, 0) = 4.0;
    const auto r4 = ppm::analyse_pairwise(c);
    REQUIRE_FALSE(r4.most_inconsistent.empty());
    CHECK(r4.most_inconsistent[0].row == 0);
    CHECK(r4.most_inconsistent[0].col == 3);
    CHECK(r4.most_inconsistent[0].implied > r4.most_inconsistent[0].given);  // points the other way
}

TEST_CASE("ahp: validation rejects non-reciprocal, non-positive, incomplete and out-of-scale matrices") {
    ppm::PairwiseMatrix m = leader_criteria();
    m(1, 0) = 0.3;  // should be 1/4
    CHECK_THROWS_AS(ppm::analyse_pairwise(m, {}, "criteria"), ppm::ModelError);
    try {
        ppm::validate_pairwise(m, "criteria");
    } catch (const ppm::ModelError& e) {
        CHECK(e.code() == ppm::ErrorCode::inconsistent);
        CHECK(std::string(e.what()).find("criteria") != std::string::npos);
        CHECK(std::string(e.what()).find("(0,1)") != std::string::npos);
        CHECK(e.ids() == std::vector<std::string>{"criteria"});
    }
    m = leader_criteria();
    m(2, 3) = std::nan("");
    try {
        ppm::validate_pairwise(m, "x");
        FAIL("expected ModelError");
    } catch (const ppm::ModelError& e) {
        CHECK(e.code() == ppm::ErrorCode::missing_value);
    }
    m = leader_criteria();
    m(0, 1) = -4;
    m(1, 0) = -0.25;
    CHECK_THROWS_AS(ppm::validate_pairwise(m), ppm::ModelError);
    CHECK_THROWS_AS(ppm::validate_pairwise(ppm::pairwise_from_upper(3, std::vector<double>{12, 1, 1})), ppm::ModelError);
    CHECK_THROWS_AS(ppm::pairwise_from_upper(3, std::vector<double>{1, 2}), ppm::ModelError);
    ppm::PairwiseChecks strict;
    strict.integer_scale = true;
    CHECK_THROWS_AS(ppm::validate_pairwise(ppm::pairwise_from_upper(3, std::vector<double>{2.5, 1, 1}), "x", strict),
                    ppm::ModelError);
    CHECK_NOTHROW(ppm::validate_pairwise(ppm::pairwise_from_upper(3, std::vector<double>{2, 1.0 / 7, 1}), "x", strict));
    CHECK_THROWS_AS(ppm::validate_pairwise(ppm::PairwiseMatrix::Ones(2, 3)), ppm::ModelError);
}

TEST_CASE("ahp: group aggregation is the element-wise geometric mean and stays reciprocal") {
    const auto a = ppm::pairwise_from_upper(3, std::vector<double>{2, 4, 2});
    const auto b = ppm::pairwise_from_upper(3, std::vector<double>{8, 1, 0.5});
    const std::vector<ppm::PairwiseMatrix> both = {a, b};
    const auto g = ppm::aggregate_judgements(both);
    CHECK(g(0, 1) == Approx(4.0));          // sqrt(2*8)
    CHECK(g(0, 2) == Approx(2.0));          // sqrt(4*1)
    CHECK(g(1, 2) == Approx(1.0));          // sqrt(2*0.5)
    CHECK(g(1, 0) * g(0, 1) == Approx(1.0));
    const std::vector<double> weights = {3.0, 1.0};
    const auto gw = ppm::aggregate_judgements(both, weights);
    CHECK(gw(0, 1) == Approx(std::pow(2.0, 0.75) * std::pow(8.0, 0.25)));
    CHECK_NOTHROW(ppm::validate_pairwise(gw));
    const std::vector<ppm::PairwiseMatrix> mismatched = {a, leader_criteria()};
    CHECK_THROWS_AS(ppm::aggregate_judgements(mismatched), ppm::ModelError);
}

TEST_CASE("ahp: Saaty random index table and nearest scale value") {
    CHECK(ppm::saaty_random_index(1) == 0.0);
    CHECK(ppm::saaty_random_index(3) == Approx(0.58));
    CHECK(ppm::saaty_random_index(10) == Approx(1.49));
    CHECK(ppm::nearest_saaty_value(8.6) == Approx(9.0));
    CHECK(ppm::nearest_saaty_value(0.3) == Approx(1.0 / 3.0));
}
