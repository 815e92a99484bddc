// Monte Carlo schedule risk analysis: analytic expectations, determinism, correlation, cancellation.
#include <catch2/catch.hpp>

#include <cmath>
#include <stdexcept>

#include "ppm/core/error.hpp"
#include "ppm/risk/monte_carlo.hpp"

using namespace ppm;

namespace {
/// Binomial standard error of a share p over n trials, times 4 (a test that fails by chance
/// less than once in 15,000 runs; the seed is fixed anyway).
double tol(double p, double n) { return 4.0 * std::sqrt(p * (1 - p) / n); }
}  // namespace

TEST_CASE("risk: Monte Carlo with certain durations reproduces CPM and its critical path") {
    // 0 (10) -> 1 (20) -> 3 (5); 0 -> 2 (7) -> 3: critical path 0-1-3, finish 35.
    const std::vector<NetworkLink> links{{0, 1}, {0, 2}, {1, 3}, {2, 3}};
    const auto net = SimulationNetwork::build(4, links);
    MonteCarloInput in{.network = &net, .duration = {DurationDistribution::fixed_at(10), DurationDistribution::fixed_at(20),
                                                     DurationDistribution::fixed_at(7), DurationDistribution::fixed_at(5)}};
    in.cost_fixed = {100, 0, 0, 0};
    in.cost_per_minute = {0, 2, 0, 0};
    const auto r = simulate(in, {.iterations = 200, .seed = 7});
    CHECK(r.status == SimulationStatus::completed);
    CHECK(r.iterations == 200);
    CHECK(r.deterministic_finish == 35);
    CHECK(r.finish_at.front() == 35);
    CHECK(r.finish_at.back() == 35);
    CHECK(r.cost_mean == Approx(140.0));
    CHECK(r.criticality == std::vector<double>{1, 1, 0, 1});
    CHECK(std::isnan(r.sensitivity[0]));  // certain durations have no sensitivity
    CHECK(probability_of_meeting(r, 35) == 1.0);
    CHECK(probability_of_meeting(r, 34) == 0.0);
}

TEST_CASE("risk: merge bias of two parallel uniform tasks matches P(max <= x) = (x/b)^2") {
    // Two independent uniform(0, 1000) paths: P(finish <= 500) = 0.25 and E[max] = 2000/3.
    const auto net = SimulationNetwork::build(2, {});
    MonteCarloInput in{.network = &net, .duration = {DurationDistribution::uniform(0, 1000), DurationDistribution::uniform(0, 1000)}};
    const auto r = simulate(in, {.iterations = 20'000, .seed = 11});
    CHECK(std::abs(probability_of_meeting(r, 500) - 0.25) < tol(0.25, 20'000));
    CHECK(r.finish_mean == Approx(2000.0 / 3.0).epsilon(0.01));
    CHECK(r.criticality[0] + r.criticality[1] == Approx(1.0).epsilon(0.01));  // ties are rare
    CHECK(r.criticality[0] == Approx(0.5).margin(tol(0.5, 20'000)));
    CHECK(finish_percentile(r, 50) == Approx(1000.0 * std::sqrt(0.5)).epsilon(0.02));  // median of max: b sqrt(0.5)
}

TEST_CASE("risk: same seed gives identical results on 1 and 3 threads, another seed differs") {
    std::vector<NetworkLink> links;
    std::vector<DurationDistribution> d;
    for (std::uint32_t i = 0; i < 300; ++i) {
        d.push_back(i % 3 == 0 ? DurationDistribution::pert(10, 20, 60) : DurationDistribution::triangular(5, 10, 30));
        if (i >= 3) links.push_back({i - 3, i, LinkType::finish_start, 0});
        if (i >= 7 && i % 5 == 0) links.push_back({i - 7, i, LinkType::start_start, 3});
    }
    const auto net = SimulationNetwork::build(d.size(), links);
    MonteCarloInput in{.network = &net, .duration = d};
    in.events.push_back({.id = "E1", .probability = 0.3, .tasks = {5, 6}, .extra_duration = {40}, .extra_cost = 1000});
    in.correlations.push_back({.name = "G", .tasks = {1, 2}, .correlation = (Eigen::MatrixXd(2, 2) << 1, 0.8, 0.8, 1).finished()});
    const auto a = simulate(in, {.iterations = 1000, .seed = 5, .threads = 1});
    const auto b = simulate(in, {.iterations = 1000, .seed = 5, .threads = 3});
    CHECK(a.finish == b.finish);
    CHECK(a.cost == b.cost);
    CHECK(a.criticality == b.criticality);
    CHECK(a.event_hits == b.event_hits);
    for (std::size_t i = 0; i < a.sensitivity.size(); ++i)
        if (!std::isnan(a.sensitivity[i])) REQUIRE(a.sensitivity[i] == b.sensitivity[i]);
    const auto c = simulate(in, {.iterations = 1000, .seed = 6, .threads = 2});
    CHECK(c.finish != a.finish);
    CHECK(std::abs(static_cast<double>(a.event_hits[0]) / 1000.0 - 0.3) < tol(0.3, 1000));
}

TEST_CASE("risk: risk events shift the mean by probability x impact") {
    // One task fixed at 100; an event with p = 0.3 adds 50: E[finish] = 115, cost event 200 -> E = 60.
    const auto net = SimulationNetwork::build(1, {});
    MonteCarloInput in{.network = &net, .duration = {DurationDistribution::fixed_at(100)}};
    in.events.push_back({.id = "R", .probability = 0.3, .tasks = {0}, .extra_duration = {50}, .extra_cost = 200});
    const auto r = simulate(in, {.iterations = 10'000, .seed = 3});
    const double share = static_cast<double>(r.event_hits[0]) / 10'000.0;
    CHECK(std::abs(share - 0.3) < tol(0.3, 10'000));
    CHECK(r.finish_mean == Approx(100.0 + 50.0 * share));
    CHECK(r.cost_mean == Approx(200.0 * share));
    in.events[0].probability = 1.5;
    CHECK_THROWS_AS(simulate(in), ModelError);
}

TEST_CASE("risk: Gaussian copula correlation, PSD check and documented repair") {
    const auto net = SimulationNetwork::build(2, {});
    MonteCarloInput in{.network = &net, .duration = {DurationDistribution::uniform(0, 1000), DurationDistribution::uniform(0, 1000)}};
    // rho = 1 (positive semi-definite, singular): the two durations move together, so
    // P(max <= 500) = P(U <= 500) = 0.5 instead of 0.25.
    in.correlations.push_back({.name = "same", .tasks = {0, 1}, .correlation = (Eigen::MatrixXd(2, 2) << 1, 1, 1, 1).finished()});
    const auto r = simulate(in, {.iterations = 10'000, .seed = 1});
    CHECK(std::abs(probability_of_meeting(r, 500) - 0.5) < tol(0.5, 10'000));
    CHECK(r.correlation_repaired == std::vector<std::uint8_t>{0});

    const auto net3 = SimulationNetwork::build(3, {});
    MonteCarloInput bad{.network = &net3, .duration = {DurationDistribution::uniform(0, 10), DurationDistribution::uniform(0, 10),
                                                       DurationDistribution::uniform(0, 10)}};
    // Eigenvalues of [[1,.9,-.9],[.9,1,.9],[-.9,.9,1]] include 1 - 1.8 < 0: not PSD.
    bad.correlations.push_back({.name = "inconsistent", .tasks = {0, 1, 2},
                                .correlation = (Eigen::MatrixXd(3, 3) << 1, .9, -.9, .9, 1, .9, -.9, .9, 1).finished()});
    CHECK_THROWS_AS(simulate(bad, {.iterations = 10}), ModelError);
    const auto f = factor_correlation(bad.correlations[0], true);
    CHECK(f.repaired);
    CHECK(f.min_eigenvalue < 0);
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(f.used);
    CHECK(eig.eigenvalues().minCoeff() > -1e-9);
    CHECK(f.used.diagonal().isOnes(1e-12));
    CHECK((f.factor * f.factor.transpose() - f.used).norm() < 1e-9);
    const auto repaired = simulate(bad, {.iterations = 100, .repair_correlation = true});
    CHECK(repaired.correlation_repaired == std::vector<std::uint8_t>{1});
}

TEST_CASE("risk: Spearman sensitivity ranks the driving task first") {
    // 0: uniform(0, 1000) -> 1: fixed 10; 2: uniform(0, 100) in parallel (never drives the finish).
    const std::vector<NetworkLink> links{{0, 1}};
    const auto net = SimulationNetwork::build(3, links);
    MonteCarloInput in{.network = &net, .duration = {DurationDistribution::uniform(0, 1000), DurationDistribution::fixed_at(10),
                                                     DurationDistribution::uniform(0, 100)}};
    const auto r = simulate(in, {.iterations = 5000, .seed = 2});
    CHECK(r.sensitivity[0] > 0.95);
    CHECK(std::abs(r.sensitivity[2]) < 0.1);
    CHECK(r.cruciality[0] == Approx(r.sensitivity[0] * r.criticality[0]));
    CHECK(r.criticality[2] < 0.2);
}

TEST_CASE("risk: cancellation returns a completed prefix, progress errors propagate") {
    const auto net = SimulationNetwork::build(2, {});
    MonteCarloInput in{.network = &net, .duration = {DurationDistribution::uniform(0, 1000), DurationDistribution::uniform(0, 10)}};
    // One thread: the calling thread reports after each of its chunks, so the third report stops
    // the run after exactly three chunks. (With two threads the other worker may take every chunk
    // while the reporting thread is descheduled: on a loaded machine the run then completed before
    // the third report, so the threaded case below stops before any chunk instead.)
    std::stop_source stop;
    MonteCarloOptions opt{.iterations = 100'000, .seed = 9, .threads = 1};
    opt.stop = stop.get_token();
    int calls = 0;
    opt.progress = [&](double) {
        if (++calls == 3) stop.request_stop();
    };
    const auto r = simulate(in, opt);
    CHECK(r.status == SimulationStatus::cancelled);
    CHECK(r.iterations < 100'000);
    CHECK(r.finish.size() == r.iterations);
    const auto full = simulate(in, {.iterations = r.iterations, .seed = 9, .threads = 1});
    CHECK(full.finish == r.finish);  // the prefix of the deterministic sequence

    std::stop_source stopped;
    stopped.request_stop();
    MonteCarloOptions two{.iterations = 100'000, .seed = 9, .threads = 2};
    two.stop = stopped.get_token();
    const auto r2 = simulate(in, two);
    CHECK(r2.status == SimulationStatus::cancelled);
    CHECK(r2.iterations < 100'000);
    CHECK(r2.finish.size() == r2.iterations);

    MonteCarloOptions throwing{.iterations = 10'000, .seed = 9, .threads = 2};
    throwing.progress = [](double) { throw std::runtime_error("host says stop"); };
    CHECK_THROWS_AS(simulate(in, throwing), std::runtime_error);
}
