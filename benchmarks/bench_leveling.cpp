// Speed of the RCPSP machinery on PSPLIB instances (Kolisch & Sprecher 1997):
// one serial SGS pass, one double justification, and full GA runs at the budget
// (goal: 5,000 schedules on a j60 instance in <= 0.1 s on one core).
// Run: bench_leveling [--benchmark_filter=...]; data from ../shared/data/psplib.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <optional>
#include <string>

#include "ppm/leveling/psplib.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"
#include "ppm/leveling/sgs.hpp"

using namespace ppm::leveling;

namespace {

std::optional<RcpspInstance> load(const std::string& set, const std::string& file) {
    const std::filesystem::path path = std::filesystem::path(PPM_SHARED_DATA) / "psplib" / set / "instances" / file;
    if (!std::filesystem::exists(path)) return std::nullopt;
    return read_psplib_sm(path);
}

void BM_serial_sgs_j60(benchmark::State& state) {
    auto inst = load("j60", "j6013_1.sm");
    if (!inst) return state.SkipWithError("shared data missing");
    const auto list = activity_list_from_priorities(*inst, priority_values(*inst, PriorityRule::lft));
    for (auto _ : state) benchmark::DoNotOptimize(serial_sgs(*inst, list));
}
BENCHMARK(BM_serial_sgs_j60);

void BM_justify_j60(benchmark::State& state) {
    auto inst = load("j60", "j6013_1.sm");
    if (!inst) return state.SkipWithError("shared data missing");
    const auto starts = schedule_with_rule(*inst, PriorityRule::lft);
    for (auto _ : state) benchmark::DoNotOptimize(justify(*inst, starts));
}
BENCHMARK(BM_justify_j60);

void BM_solve(benchmark::State& state, const std::string& set, const std::string& file) {
    auto inst = load(set, file);
    if (!inst) return state.SkipWithError("shared data missing");
    RcpspOptions options{.max_schedules = state.range(0), .seed = 1, .stop_at_lower_bound = false};
    std::int32_t makespan = 0;
    for (auto _ : state) makespan = solve_rcpsp(*inst, options).makespan;
    state.counters["makespan"] = makespan;
    state.counters["schedules_per_s"] =
        benchmark::Counter(static_cast<double>(state.range(0)) * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate);
}
BENCHMARK_CAPTURE(BM_solve, j30_hard, std::string("j30"), std::string("j3013_1.sm"))
    ->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_solve, j60_hard, std::string("j60"), std::string("j6013_1.sm"))
    ->Arg(1000)->Arg(5000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
