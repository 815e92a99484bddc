// Speed of the RCPSP machinery on PSPLIB instances (Kolisch & Sprecher 1997):
// one serial SGS pass, one double justification, and full GA runs at the budget
// (goal: 5,000 schedules on a j60 instance in <= 0.1 s on one core).
// Also the multi-mode GA on a j30 .mm file, the RCPSP/max SGS on a j30 .sch file, and levelling a
// generated 3,000-task portfolio (BM_level_*).
// Run: bench_leveling [--benchmark_filter=...]; data from ../shared/data/psplib.
// `bench_leveling --solve FILE.mm|FILE.sch [--schedules N] [--seed S]` prints one JSON line like
// `ppm rcpsp --json` (used by scripts/bench_leveling_variants.py when the CLI is not built).
#include <benchmark/benchmark.h>

#include <cctype>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <optional>
#include <string>
#include <string_view>

#include "../tests/leveling/level_generator.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/leveling/level.hpp"
#include "ppm/leveling/mrcpsp.hpp"
#include "ppm/leveling/rcpsp_max_solver.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"
#include "ppm/leveling/schedule_check.hpp"
#include "ppm/leveling/sgs.hpp"

using namespace ppm;

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

void BM_mrcpsp(benchmark::State& state) {
    const auto path = std::filesystem::path(PPM_SHARED_DATA) / "psplib/mrcpsp/j30/instances/j3010_1.mm";
    if (!std::filesystem::exists(path)) return state.SkipWithError("shared data missing");
    const PsplibProject project = read_psplib(path);
    std::int32_t makespan = 0;
    for (auto _ : state)
        makespan = solve_mrcpsp(project, {.max_schedules = state.range(0), .stop_at_lower_bound = false}).makespan;
    state.counters["makespan"] = makespan;
}
BENCHMARK(BM_mrcpsp)->Arg(1000)->Arg(5000)->Unit(benchmark::kMillisecond);

void BM_rcpsp_max(benchmark::State& state) {
    const auto path = std::filesystem::path(PPM_SHARED_DATA) / "psplib/rcpsp-max/j30/instances/PSP1.SCH";
    if (!std::filesystem::exists(path)) return state.SkipWithError("shared data missing");
    const RcpspMaxProject project = read_psplib_max(path);
    std::int32_t makespan = 0;
    for (auto _ : state)
        makespan = solve_rcpsp_max(project, {.max_schedules = state.range(0), .stop_at_lower_bound = false}).makespan;
    state.counters["makespan"] = makespan;
}
BENCHMARK(BM_rcpsp_max)->Arg(1000)->Unit(benchmark::kMillisecond);

/// Minimal JSON array of ints.
std::string json_array(const std::vector<std::int32_t>& v, int add = 0) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + std::to_string(v[i] + add);
    return out + "]";
}

int solve_file(int argc, char** argv) {
    const std::string file = argv[2];
    std::int64_t schedules = 5000;
    std::uint64_t seed = 1;
    for (int i = 3; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--schedules") schedules = std::stoll(argv[i + 1]);
        else if (flag == "--seed") seed = std::stoull(argv[i + 1]);
    }
    const std::clock_t cpu0 = std::clock();
    std::string ext = std::filesystem::path(file).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string json;
    auto common = [&](const auto& r) {
        return "{\"makespan\":" + std::to_string(r.makespan) + ",\"lower_bound\":" + std::to_string(r.lower_bound) +
               ",\"status\":\"" + std::string(to_string(r.status)) + "\",\"start_times\":" + json_array(r.start_times) +
               ",\"schedules\":" + std::to_string(r.schedules) + ",\"seconds\":" + std::to_string(r.seconds);
    };
    if (ext == ".mm") {
        const MrcpspResult r = solve_mrcpsp(read_psplib(file), {.max_schedules = schedules, .seed = seed});
        json = common(r) + ",\"modes\":" + json_array(r.modes, 1);
    } else {
        const RcpspMaxResult r = solve_rcpsp_max(read_psplib_max(file), {.max_schedules = schedules, .seed = seed});
        json = common(r);
    }
    const double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    std::cout << json << ",\"cpu_seconds\":" << cpu << "}\n";
    return 0;
}

/// `--sweep SET BUDGET [--seed S] [--stride K] [--offset O] [--verbose 1]`: solves every K-th
/// instance of a PSPLIB set in process (no CLI start-up per file) and prints the mean deviations
/// from the best known upper bound and the critical path, with CPU time. For method development;
/// the published table comes from scripts/bench_leveling.py through `ppm rcpsp`.
int sweep(int argc, char** argv) {
    const std::string set = argv[2];
    const std::int64_t budget = std::stoll(argv[3]);
    std::uint64_t seed = 1;
    int stride = 1, offset = 0, verbose = 0;
    for (int i = 4; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i];
        if (flag == "--seed") seed = std::stoull(argv[i + 1]);
        else if (flag == "--stride") stride = std::stoi(argv[i + 1]);
        else if (flag == "--offset") offset = std::stoi(argv[i + 1]);
        else if (flag == "--verbose") verbose = std::stoi(argv[i + 1]);
    }
    const auto dir = std::filesystem::path(PPM_SHARED_DATA) / "psplib" / set;
    std::ifstream csv(dir / "reference.csv");
    std::string line;
    std::getline(csv, line);  // instance,parameter,number,cpm_lb,best_lb,best_ub,optimal
    double dev_ub = 0, dev_cp = 0;
    int n = 0, hits = 0, row = -1;
    const std::clock_t cpu0 = std::clock();
    while (std::getline(csv, line)) {
        if (++row % stride != offset) continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        for (std::string cell; std::getline(ss, cell, ',');) f.push_back(cell);
        const RcpspInstance inst = read_psplib_sm(dir / "instances" / f[0]);
        const RcpspResult r = solve_rcpsp(inst, {.max_schedules = budget, .seed = seed});
        if (!check_schedule(inst, r.start_times).feasible || r.schedules > budget) {
            std::cerr << f[0] << ": infeasible or over budget\n";
            return 1;
        }
        const double cp = std::stod(f[3]), ub = std::stod(f[5]);
        dev_ub += 100.0 * (r.makespan - ub) / ub;
        dev_cp += 100.0 * (r.makespan - cp) / cp;
        hits += r.makespan <= ub;
        ++n;
        if (verbose && r.makespan > ub) std::cout << f[0] << " " << r.makespan << " " << ub << "\n";
    }
    const double cpu = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
    std::cout << set << " " << budget << " n=" << n << " dev_ub=" << dev_ub / n << " dev_cp=" << dev_cp / n
              << " hits=" << hits << " cpu=" << cpu << "\n";
    return 0;
}

// Portfolio levelling (`ppm::level`, the calendar model; include/ppm/leveling/level.hpp). Goal of
// issue 3: a 3,000-task, 10-resource portfolio levels in well under a second. The portfolio is the
// seeded generator of the tests (20 projects of 150 tasks, all four link types with lags,
// availability periods); one benchmark per pass budget, so the one-pass heuristic and the sampled
// search are side by side (scripts/bench_level.py runs these with --benchmark_filter=BM_level_).
const ppm::Portfolio& portfolio_3000() {
    static const ppm::Portfolio pf = ppm::test::random_portfolio(
        {.projects = 20, .tasks_per_project = 150, .resources = 10, .links_per_task = 2, .seed = 42});
    return pf;
}

void BM_level_3000_tasks_10_resources(benchmark::State& state) {
    const ppm::Portfolio& pf = portfolio_3000();
    ppm::LevelOptions opt;
    opt.method = ppm::LevelMethod::priority;  // the rule passes; BM_level_genetic_* is the default method
    opt.passes = static_cast<std::int32_t>(state.range(0));
    opt.split = state.range(1) != 0;
    std::int64_t delay = 0;
    for (auto _ : state) {
        const auto r = ppm::level(pf, opt);
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

// The default method (the GA on the calendar model with its default budget for the size), as
// `ppm level FILE` runs it; the counter is the gain over the one-pass heuristic's total delay.
void level_genetic(benchmark::State& state, const ppm::Portfolio& pf) {
    ppm::LevelOptions opt;
    std::int64_t delay = 0, one_pass = 0;
    for (auto _ : state) {
        const auto r = ppm::level(pf, opt);
        delay = r.total_project_delay.count();
        one_pass = r.one_pass_total_project_delay.count();
        benchmark::DoNotOptimize(delay);
    }
    state.counters["tasks"] = static_cast<double>(pf.task_count());
    state.counters["total_delay_days"] = static_cast<double>(delay) / 1440.0;
    state.counters["one_pass_delay_days"] = static_cast<double>(one_pass) / 1440.0;
}
void BM_level_genetic_3000_tasks_10_resources(benchmark::State& state) { level_genetic(state, portfolio_3000()); }
BENCHMARK(BM_level_genetic_3000_tasks_10_resources)->Unit(benchmark::kMillisecond);

// Issue 18's larger size (goal: 10 s): 100 projects of 200 tasks on 50 resources, same generator.
void BM_level_genetic_20000_tasks_50_resources(benchmark::State& state) {
    static const ppm::Portfolio pf = ppm::test::random_portfolio(
        {.projects = 100, .tasks_per_project = 200, .resources = 50, .links_per_task = 2, .seed = 42});
    level_genetic(state, pf);
}
BENCHMARK(BM_level_genetic_20000_tasks_50_resources)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace

/// `--portfolios PROJECTS TASKS SCHEDULES [--objective delay|finish] [--links fs|all] [--seeds N]
/// [--alone 1]`: levels the generator's portfolios (tests/leveling/level_generator.hpp, seeds 1..N,
/// default 8) with `level` and prints the summed weighted delay and finish past CPM in days, how
/// many answers came from the integer grid, and the seconds. `--links fs` keeps every project on
/// the Mon-Fri calendar with finish-to-start links (the grid holds it whole); `--alone 1` adds a
/// do-not-level milestone to the first project, which keeps the grid engine out (the calendar GA
/// alone, as the tests' calendar_ga_alone). For method development (docs/leveling.md).
int portfolios(int argc, char** argv) {
    const int projects = std::stoi(argv[2]), tasks = std::stoi(argv[3]);
    LevelOptions opt{.schedules = std::stoll(argv[4])};
    bool all_links = true, alone = false;
    int seeds = 8;
    for (int i = 5; i + 1 < argc; i += 2) {
        const std::string_view flag = argv[i], value = argv[i + 1];
        if (flag == "--objective") opt.objective = value == "finish" ? LevelObjective::portfolio_finish : LevelObjective::total_project_delay;
        else if (flag == "--links") all_links = value != "fs";
        else if (flag == "--seeds") seeds = std::stoi(argv[i + 1]);
        else if (flag == "--alone") alone = value == "1";
    }
    double delay = 0, finish = 0, seconds = 0;
    int grid = 0;
    for (int seed = 1; seed <= seeds; ++seed) {
        Portfolio pf = test::random_portfolio({.projects = projects, .tasks_per_project = tasks, .resources = 3, .links_per_task = 2,
                                               .all_link_types = all_links, .seed = static_cast<std::uint64_t>(seed)});
        if (alone) pf.projects[0].tasks.push_back(Task{.id = TaskId{"marker"}, .milestone = true, .priority = 1000});
        opt.seed = static_cast<std::uint64_t>(seed);
        const LevelResult r = level(pf, opt);
        delay += r.weighted_project_delay / kMinutesPerDay;
        finish += static_cast<double>((r.portfolio_finish - r.portfolio_cpm_finish).count()) / kMinutesPerDay;
        seconds += r.seconds;
        grid += r.best_rule == "genetic_integer_grid";
    }
    std::cout << "weighted delay " << delay << " days, finish past CPM " << finish << " days, grid " << grid << "/" << seeds << ", "
              << seconds << " s\n";
    return 0;
}

int main(int argc, char** argv) {
    if (argc >= 3 && std::string_view(argv[1]) == "--solve") return solve_file(argc, argv);
    if (argc >= 5 && std::string_view(argv[1]) == "--portfolios") return portfolios(argc, argv);
    if (argc >= 4 && std::string_view(argv[1]) == "--sweep") return sweep(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
