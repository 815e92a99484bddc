// CPM forward + backward pass speed (issue 2): generated networks of 1k, 10k, 100k and 1M tasks
// with ~1.5 links per task on a Mon-Fri 09:00-12:00, 13:00-18:00 calendar with yearly holidays,
// against a bare integer longest-path pass over the same CSR arrays (the floor).
//
// What is timed:
// - BM_Cpm: `run_cpm` on a prebuilt Network with a warmed CpmWorkspace = forward pass, project
//   finishes, backward pass and total float, every date through the task's calendar (exact to the
//   minute). Network build and result conversion are NOT timed (BM_NetworkBuild shows the build).
// - BM_CpmGeneral: the same on the same network forced onto run_cpm's general loop (see fixture()).
// - BM_BarePass: forward (ES = max(EF[p] + lag), EF = ES + d) and backward (LF = min(LS[s] - lag),
//   LS = LF - d) in plain integer minutes over the same topological order and CSR arrays; no
//   calendars, no link types.
// Shape: projects of 1,000 tasks (1M tasks = 1,000 projects) starting over two years; each task
// links to 0-3 (mean 1.5) of the 50 tasks before it in its project, 90% FS; durations 1-10 days;
// lags 0-2 days on 20% of links.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <map>
#include <memory>
#include <limits>
#include <random>

#include "ppm/schedule/cpm.hpp"

namespace {

using namespace ppm;

Portfolio generate(std::size_t n_tasks, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1)); };
    Portfolio pf;
    pf.id = PortfolioId{"bench"};
    Calendar cal = Calendar::standard(CalendarId{"std"}, DaySchedule{{540, 720}, {780, 1080}});
    const int fixed[][2] = {{1, 1}, {5, 1}, {7, 14}, {8, 15}, {11, 11}, {12, 25}, {12, 26}};
    for (const auto& md : fixed) {
        CalendarException e;
        e.name = "holiday";
        e.from = e.to = Date::from_ymd(2026, md[0], md[1]);
        e.yearly = true;
        cal.exceptions.push_back(e);
    }
    pf.calendars.push_back(cal);
    pf.default_calendar = CalendarId{"std"};
    const std::size_t per_project = std::min<std::size_t>(1000, n_tasks);
    const std::size_t n_projects = (n_tasks + per_project - 1) / per_project;
    pf.projects.reserve(n_projects);
    std::size_t made = 0;
    for (std::size_t p = 0; p < n_projects; ++p) {
        Project pr;
        pr.id = ProjectId{"P" + std::to_string(p)};
        pr.start = Instant::at(Date::from_ymd(2026, 1, 5) + uniform(0, 730), 540);
        const std::size_t count = std::min(per_project, n_tasks - made);
        pr.tasks.resize(count);
        for (std::size_t i = 0; i < count; ++i) {
            Task& t = pr.tasks[i];
            t.id = TaskId{"T" + std::to_string(made + i)};
            t.duration = Duration{uniform(1, 10) * 480};
            const int links = i == 0 ? 0 : uniform(0, 1) + uniform(0, 1) + uniform(0, 1);  // binomial(3, 1/2): mean 1.5
            for (int l = 0; l < links; ++l) {
                const std::size_t back = static_cast<std::size_t>(uniform(1, static_cast<int>(std::min<std::size_t>(50, i))));
                Dependency d;
                d.predecessor = TaskId{"T" + std::to_string(made + i - back)};
                const int kind = uniform(0, 19);
                d.type = kind == 0 ? LinkType::start_start : kind == 1 ? LinkType::finish_finish : LinkType::finish_start;
                if (uniform(0, 4) == 0) d.lag.amount = Duration{uniform(0, 2) * 480};
                t.predecessors.push_back(std::move(d));
            }
        }
        made += count;
        pf.projects.push_back(std::move(pr));
    }
    return pf;
}

struct Fixture {
    std::unique_ptr<Network> net;
    std::vector<Duration> durations;
};

// `general`: the same network with a deadline far after every date on its first task. A deadline
// keeps run_cpm off its specialised single-calendar loop without changing any date, so the
// BM_CpmGeneral rows time the general loop (several calendars, constraints, progress) on equal work.
Fixture& fixture(std::size_t n, bool general = false) {
    static std::map<std::pair<std::size_t, bool>, Fixture> cache;
    auto it = cache.find({n, general});
    if (it != cache.end()) return it->second;
    Fixture f;
    {
        Portfolio pf = generate(n, 42);
        if (general) pf.projects[0].tasks[0].deadline = Instant::at(Date::from_ymd(2060, 1, 1));
        f.net = std::make_unique<Network>(pf, NetworkOptions{.days_before = 400, .days_after = 3 * 366});
    }
    f.durations = f.net->default_durations();
    return cache.emplace(std::pair{n, general}, std::move(f)).first->second;
}

void run_cpm_bench(benchmark::State& state, bool general) {
    Fixture& f = fixture(static_cast<std::size_t>(state.range(0)), general);
    if (f.net->fast_plan().usable == general) state.SkipWithError("network not on the intended CPM loop");
    CpmWorkspace ws;
    run_cpm(*f.net, f.durations, ws);  // warm the workspace: no allocation in the timed loop
    for (auto _ : state) {
        run_cpm(*f.net, f.durations, ws);
        benchmark::DoNotOptimize(ws.total_float.data());
        benchmark::ClobberMemory();
    }
    state.counters["tasks"] = static_cast<double>(f.net->task_count());
    state.counters["links"] = static_cast<double>(f.net->link_count());
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(f.net->task_count()));
}

void BM_Cpm(benchmark::State& state) { run_cpm_bench(state, false); }
void BM_CpmGeneral(benchmark::State& state) { run_cpm_bench(state, true); }

void BM_BarePass(benchmark::State& state) {
    Fixture& f = fixture(static_cast<std::size_t>(state.range(0)));
    const Network& net = *f.net;
    const std::size_t n = net.task_count();
    std::vector<std::int64_t> es(n), ef(n), ls(n), lf(n), d(n);
    for (std::size_t i = 0; i < n; ++i) d[i] = f.durations[i].count();
    const auto topo = net.topological_order();
    const auto po = net.pred_offsets();
    const auto lp = net.link_pred();
    const auto lag = net.link_lag();
    const auto so = net.succ_offsets();
    const auto sl = net.succ_links();
    const auto ls_succ = net.link_succ();
    const auto proj = net.project_of();
    const auto pstart = net.project_start();
    std::vector<std::int64_t> pfinish(net.project_ids().size());
    for (auto _ : state) {
        for (const std::uint32_t i : topo) {
            std::int64_t s = pstart[proj[i].value()];
            for (std::uint32_t k = po[i]; k < po[i + 1]; ++k) s = std::max(s, ef[lp[k]] + lag[k]);
            es[i] = s;
            ef[i] = s + d[i];
        }
        std::fill(pfinish.begin(), pfinish.end(), std::numeric_limits<std::int64_t>::min());
        for (std::size_t i = 0; i < n; ++i) pfinish[proj[i].value()] = std::max(pfinish[proj[i].value()], ef[i]);
        for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
            const std::uint32_t i = *it;
            std::int64_t f_ = pfinish[proj[i].value()];
            for (std::uint32_t q = so[i]; q < so[i + 1]; ++q) {
                const std::uint32_t k = sl[q];
                f_ = std::min(f_, ls[ls_succ[k]] - lag[k]);
            }
            lf[i] = f_;
            ls[i] = f_ - d[i];
        }
        benchmark::DoNotOptimize(ls.data());
        benchmark::ClobberMemory();
    }
    state.counters["tasks"] = static_cast<double>(n);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

void BM_NetworkBuild(benchmark::State& state) {
    const Portfolio pf = generate(static_cast<std::size_t>(state.range(0)), 42);
    for (auto _ : state) {
        Network net(pf);
        benchmark::DoNotOptimize(net.topological_order().data());
    }
    state.counters["tasks"] = static_cast<double>(pf.task_count());
}

}  // namespace

BENCHMARK(BM_Cpm)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_CpmGeneral)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BarePass)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_NetworkBuild)->Arg(100000)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
