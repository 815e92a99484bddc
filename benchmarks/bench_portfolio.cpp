// Portfolio selection benchmarks: exact MILP (CBC) on seeded generated portfolios against the
// greedy ranking heuristic, and a 20-point efficient frontier. Targets (issue 4): 1,000 candidates
// x 24 periods x 10 roles proven optimal (gap <= 0.1%) in <= 10 s; 20-point frontier <= 60 s.
// Each case runs once (Iterations(1)): a solve is seconds long and deterministic for its seed.
// Counters: value (MILP), greedy (heuristic), added_pct = 100 (MILP - greedy) / greedy, gap,
// optimal (1/0), cpu_s (process CPU), vars, rows, nodes.
#include <benchmark/benchmark.h>

#include <ctime>
#include <string>

#include "ppm/portfolio/frontier.hpp"
#include "ppm/portfolio/generator.hpp"
#include "ppm/portfolio/selection.hpp"

namespace {

ppm::SelectionProblem instance(const benchmark::State& state) {
    ppm::GeneratorOptions g;
    g.candidates = static_cast<int>(state.range(0));
    g.periods = static_cast<int>(state.range(1));
    g.roles = static_cast<int>(state.range(2));
    g.seed = static_cast<std::uint64_t>(state.range(3));
    return ppm::generate_selection_problem(g);
}

void BM_Select(benchmark::State& state) {
    const auto problem = instance(state);
    ppm::SelectionOptions o;
    o.time_limit_seconds = state.range(0) >= 5000 ? 60.0 : 120.0;  // wall seconds
    o.relative_gap = 1e-3;
    ppm::SelectionResult r;
    for (auto _ : state) {
        r = ppm::select_portfolio(problem, o);
        benchmark::DoNotOptimize(r.selected.data());  // (not the double: GB's "+m,r" constraint garbles it on GCC 12)
    }
    const auto g = ppm::select_greedy(problem);
    state.counters["value"] = r.objective;
    state.counters["greedy"] = g.has_solution ? g.objective : 0.0;
    state.counters["added_pct"] = g.has_solution && g.objective > 0 ? 100.0 * (r.objective - g.objective) / g.objective : 0.0;
    state.counters["gap"] = r.gap;
    state.counters["optimal"] = r.status == ppm::SelectionStatus::optimal ? 1.0 : 0.0;
    state.counters["cpu_s"] = r.cpu_seconds;
    state.counters["wall_s"] = r.seconds;
    state.counters["vars"] = r.variables;
    state.counters["rows"] = r.constraints;
    state.counters["nodes"] = static_cast<double>(r.nodes);
    state.counters["selected"] = static_cast<double>(r.selected_ids().size());
    state.counters["greedy_s"] = g.seconds;
}

void BM_Greedy(benchmark::State& state) {
    const auto problem = instance(state);
    for (auto _ : state) {
        auto g = ppm::select_greedy(problem);
        benchmark::DoNotOptimize(g.selected.data());
    }
}

void BM_Frontier(benchmark::State& state) {
    const auto problem = instance(state);
    ppm::FrontierOptions f;
    f.points = static_cast<int>(state.range(4));
    f.solve.time_limit_seconds = 60.0;  // per point, wall seconds
    f.solve.relative_gap = 1e-3;
    f.time_limit_seconds = static_cast<double>(state.range(5));  // whole sweep, wall seconds (0 = none)
    ppm::FrontierResult r;
    const std::clock_t cpu0 = std::clock();
    for (auto _ : state) {
        r = ppm::efficient_frontier(problem, f);
        benchmark::DoNotOptimize(r.value.data());
    }
    double optimal = 0, max_gap = 0;
    for (std::size_t k = 0; k < r.status.size(); ++k) {
        optimal += r.status[k] == ppm::SelectionStatus::optimal ? 1.0 : 0.0;
        max_gap = std::max(max_gap, r.gap[k]);
    }
    double reused = 0;
    for (std::size_t k = 0; k < r.status.size(); ++k) {
        reused += r.reused[k];
        const std::string p = "p" + std::to_string(k) + "_";
        state.counters[p + "budget"] = r.budget[k].major();
        state.counters[p + "value"] = r.value[k];
        state.counters[p + "gap"] = r.gap[k];
        state.counters[p + "s"] = r.seconds[k];
        state.counters[p + "reused"] = r.reused[k];
        state.counters[p + "optimal"] = r.status[k] == ppm::SelectionStatus::optimal ? 1.0 : 0.0;
    }
    state.counters["reused_points"] = reused;
    state.counters["points"] = static_cast<double>(r.budget.size());
    state.counters["optimal_points"] = optimal;
    state.counters["max_gap"] = max_gap;
    state.counters["cpu_s"] = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    state.counters["wall_s"] = r.total_seconds;
}

}  // namespace

// candidates, periods, roles, seed
BENCHMARK(BM_Select)->Args({100, 24, 5, 1})->Args({1000, 24, 10, 1})->Args({1000, 24, 10, 2})
    ->Args({1000, 24, 10, 3})->Args({1000, 36, 20, 1})->Args({5000, 24, 10, 1})->Args({5000, 36, 20, 1})
    ->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_Greedy)->Args({1000, 24, 10, 1})->Args({5000, 24, 10, 1})->Unit(benchmark::kMillisecond);
// candidates, periods, roles, seed, points, whole-sweep limit (wall s)
BENCHMARK(BM_Frontier)->Args({1000, 24, 10, 1, 20, 60})->Args({1000, 24, 10, 1, 20, 300})->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

BENCHMARK_MAIN();
