// Portfolio repository throughput (docs/store.md): save_portfolio (one transaction: canonical JSON
// plus index rows, WAL, synchronous=FULL and NORMAL), load_portfolio and snapshot (CPM + task
// rows) on portfolios of 1k and 10k tasks (10 projects of FS chains, 24/7 calendar).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "ppm/store/repository.hpp"

namespace {

ppm::Portfolio make_portfolio(int tasks, int revision) {
    using namespace ppm;
    Portfolio p{.id = PortfolioId{"BENCH"}, .name = "bench"};
    p.notes = "revision " + std::to_string(revision);
    const int per_project = tasks / 10;
    for (int j = 0; j < 10; ++j) {
        Project& pr = p.projects.emplace_back();
        pr.id = ProjectId{"P" + std::to_string(j)};
        pr.name = "Project " + std::to_string(j);
        pr.start = Instant::from_ymd_hm(2026, 1, 5, 8, 0);
        for (int t = 0; t < per_project; ++t) {
            Task& task = pr.tasks.emplace_back();
            task.id = TaskId{pr.id.str() + "." + std::to_string(t)};
            task.name = "Task " + std::to_string(t);
            task.duration = Duration{60 * (1 + (t * 7 + revision) % 13)};
            if (t > 0) task.predecessors.push_back(Dependency{.predecessor = pr.tasks[static_cast<std::size_t>(t) - 1].id});
        }
    }
    return p;
}

std::filesystem::path bench_db(const char* name) {
    const auto path = std::filesystem::temp_directory_path() / (std::string("ppm-bench-") + name + "-" + std::to_string(::getpid()) + ".db");
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s);
    return path;
}

void remove_db(const std::filesystem::path& path) {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s);
}

void save(benchmark::State& state, bool durable) {
    const int tasks = static_cast<int>(state.range(0));
    const auto path = bench_db("save");
    {
        auto repo = ppm::Repository::open(path, {.durable = durable});
        const ppm::Portfolio a = make_portfolio(tasks, 1), b = make_portfolio(tasks, 2);
        int k = 0;
        for (auto _ : state) benchmark::DoNotOptimize(repo.save_portfolio((++k % 2) ? a : b));
    }
    remove_db(path);
    state.SetItemsProcessed(state.iterations() * tasks);
}
void BM_SaveFull(benchmark::State& state) { save(state, true); }
void BM_SaveNormal(benchmark::State& state) { save(state, false); }

void BM_Load(benchmark::State& state) {
    const int tasks = static_cast<int>(state.range(0));
    const auto path = bench_db("load");
    {
        auto repo = ppm::Repository::open(path);
        repo.save_portfolio(make_portfolio(tasks, 1));
        for (auto _ : state) {
            ppm::Portfolio p = repo.load_portfolio(ppm::PortfolioId{"BENCH"});
            benchmark::DoNotOptimize(p.projects.data());
        }
    }
    remove_db(path);
    state.SetItemsProcessed(state.iterations() * tasks);
}

void BM_Snapshot(benchmark::State& state) {
    const int tasks = static_cast<int>(state.range(0));
    const auto path = bench_db("snapshot");
    {
        auto repo = ppm::Repository::open(path);
        repo.save_portfolio(make_portfolio(tasks, 1));
        for (auto _ : state) benchmark::DoNotOptimize(repo.snapshot(ppm::PortfolioId{"BENCH"}));
    }
    remove_db(path);
    state.SetItemsProcessed(state.iterations() * tasks);
}

}  // namespace

BENCHMARK(BM_SaveFull)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SaveNormal)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Load)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_Snapshot)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_MAIN();
