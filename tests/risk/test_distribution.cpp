// Duration distributions: inverse CDFs checked against closed forms.
#include <catch2/catch.hpp>

#include <cmath>

#include "ppm/core/error.hpp"
#include "ppm/risk/distribution.hpp"

using namespace ppm;

TEST_CASE("risk: normal quantile and CDF (Acklam 2003, standard normal tables)") {
    CHECK(normal_quantile(0.975) == Approx(1.959963985).epsilon(1e-8));
    CHECK(normal_quantile(0.5) == Approx(0.0).margin(1e-12));
    CHECK(normal_quantile(0.001) == Approx(-3.090232306).epsilon(1e-8));
    CHECK(normal_cdf(1.959963985) == Approx(0.975).epsilon(1e-9));
}

TEST_CASE("risk: triangular, uniform and discrete quantiles") {
    // Triangular(0, 2, 10): F(c) = 0.2; below: a + sqrt(u (b-a)(c-a)) -> u=0.1: sqrt(2) ; above:
    // b - sqrt((1-u)(b-a)(b-c)) -> u = 0.5: 10 - sqrt(40) = 3.675.
    const Sampler tri(DurationDistribution::triangular(0, 2, 10));
    CHECK(tri.quantile(0.1) == Approx(std::sqrt(2.0)));
    CHECK(tri.quantile(0.2) == Approx(2.0));
    CHECK(tri.quantile(0.5) == Approx(10.0 - std::sqrt(40.0)));
    CHECK(Sampler(DurationDistribution::uniform(10, 20)).quantile(0.25) == Approx(12.5));
    DurationDistribution d{.kind = DistributionKind::discrete, .values = {5, 7, 9}, .probabilities = {0.2, 0.5, 0.3}};
    const Sampler disc(d);
    CHECK(disc.quantile(0.1) == 5);
    CHECK(disc.quantile(0.6) == 7);
    CHECK(disc.quantile(0.71) == 9);
    CHECK(distribution_mean(d) == Approx(0.2 * 5 + 0.5 * 7 + 0.3 * 9));
}

TEST_CASE("risk: PERT-beta quantiles match the closed-form beta(3,3) CDF") {
    // PERT(0, 0.5, 1, lambda 4) is beta(3, 3) whose CDF is 10x^3 - 15x^4 + 6x^5 (regularised
    // incomplete beta for integer parameters); x = 0.3 -> 0.16308, x = 0.5 -> 0.5.
    const Sampler pert(DurationDistribution::pert(0, 0.5, 1));
    CHECK(pert.quantile(0.16308) == Approx(0.3).margin(1e-3));
    CHECK(pert.quantile(0.5) == Approx(0.5).margin(1e-3));
    // Scaled: PERT(10, 15, 20) median 15; mean (a + 4c + b)/6.
    const auto d = DurationDistribution::pert(10, 15, 20);
    CHECK(Sampler(d).quantile(0.5) == Approx(15.0).margin(1e-2));
    CHECK(distribution_mean(d) == Approx(15.0));
    CHECK(distribution_mean(DurationDistribution::pert(0, 1, 10)) == Approx(14.0 / 6.0));
}

TEST_CASE("risk: lognormal parameterised by the duration's mean and deviation") {
    // mean 100, sd 50: sigma^2 = ln(1.25), mu = ln 100 - sigma^2/2; median = exp(mu) = 100/sqrt(1.25).
    const Sampler ln(DurationDistribution::lognormal(100, 50));
    CHECK(ln.quantile(0.5) == Approx(100.0 / std::sqrt(1.25)).epsilon(1e-8));
    const double sigma = std::sqrt(std::log(1.25));
    CHECK(ln.quantile(0.975) == Approx(100.0 / std::sqrt(1.25) * std::exp(1.959963985 * sigma)).epsilon(1e-7));
}

TEST_CASE("risk: inconsistent distributions are rejected") {
    CHECK_THROWS_AS(Sampler(DurationDistribution::triangular(5, 2, 10)), ModelError);
    CHECK_THROWS_AS(Sampler(DurationDistribution::uniform(-1, 2)), ModelError);
    CHECK_THROWS_AS(Sampler(DurationDistribution::lognormal(0, 1)), ModelError);
    CHECK_THROWS_AS(Sampler(DurationDistribution{.kind = DistributionKind::discrete, .values = {1, 2}, .probabilities = {0.5, 0.6}}),
                    ModelError);
    CHECK(parse_distribution_kind("pert") == DistributionKind::pert);
    CHECK_THROWS_AS(parse_distribution_kind("normal"), ModelError);
}
