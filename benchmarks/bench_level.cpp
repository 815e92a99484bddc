// Speed of portfolio resource levelling (`ppm::leveling::level`, serial SGS on the calendar model;
// see include/ppm/leveling/level.hpp). Goal of issue 3: a 3,000-task, 10-resource portfolio levels
// in well under a second. The portfolio is the seeded generator of the tests (20 projects of 150
// tasks, all four link types with lags, availability periods); one benchmark per pass budget, so
// the single-pass MS Project-style heuristic and the sampled search are side by side.
// Run: bench_level [--benchmark_filter=...].
#include <benchmark/benchmark.h>

#include "../tests/leveling/level_generator.hpp"
#include "ppm/leveling/level.hpp"

namespace {

const ppm::Portfolio& portfolio_3000() {
    static const ppm::Portfolio pf = ppm::test::random_portfolio(
        {.projects = 20, .tasks_per_project = 150, .resources = 10, .links_per_task = 2, .seed = 42});
    return pf;
}

void BM_level_3000_tasks_10_resources(benchmark::State& state) {
    const ppm::Portfolio& pf = portfolio_3000();
    ppm::leveling::LevelOptions opt;
    opt.passes = static_cast<std::int32_t>(state.range(0));
    opt.split = state.range(1) != 0;
    std::int64_t delay = 0;
    for (auto _ : state) {
        const auto r = ppm::leveling::level(pf, opt);
        delay = r.total_project_delay.count();
        benchmark::DoNotOptimize(delay);
    }
    state.counters["tasks"] = static_cast<double>(pf.task_count());
    state.counters["total_delay_days"] = static_cast<double>(delay) / 1440.0;
}
BENCHMARK(BM_level_3000_tasks_10_resources)
    ->ArgNames({"passes", "split"})
    ->Args({1, 0})
    ->Args({16, 0})
    ->Args({64, 0})
    ->Args({16, 1})
    ->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
