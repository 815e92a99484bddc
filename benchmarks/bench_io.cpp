// JSON model file throughput (docs/format.md): read_json, write_json and validate on generated
// portfolios of 1k, 10k and 100k tasks (10 projects; WBS of summaries, tasks and milestones;
// ~1.5 links per task, one assignment per task, progress on a tenth). Reported per task and per byte.
#include <benchmark/benchmark.h>

#include <string>

#include "ppm/core/validate.hpp"
#include "ppm/io/json.hpp"

namespace {

ppm::Portfolio make_portfolio(int tasks) {
    using namespace ppm;
    Portfolio p;
    p.id = PortfolioId("BENCH");
    p.name = "Generated";
    p.default_calendar = CalendarId("STD");
    Calendar c;
    c.id = CalendarId("STD");
    c.name = "Mon-Fri";
    for (std::size_t d = 0; d < 7; ++d) c.week[d] = d < 5 ? DaySchedule{{540, 720}, {780, 1080}} : DaySchedule{};
    c.exceptions.push_back(CalendarException{.name = "New Year", .from = Date::from_ymd(2026, 1, 1), .to = Date::from_ymd(2026, 1, 1), .hours = {}, .yearly = true});
    p.calendars.push_back(c);
    for (int r = 0; r < 20; ++r) {
        Resource res;
        res.id = ResourceId("R" + std::to_string(r));
        res.name = "Resource " + std::to_string(r);
        res.max_units = 2.0;
        res.cost_rates.push_back(CostRate{.effective_from = Instant::from_ymd_hm(2026, 1, 1), .standard_per_hour = Money{8550}, .overtime_per_hour = Money{}, .per_use = Money{}});
        p.resources.push_back(res);
    }
    const int projects = 10;
    const int per_project = tasks / projects;
    std::uint64_t state = 12345;
    auto next = [&state](std::uint64_t n) {  // splitmix64: deterministic, no <random> cost
        state += 0x9E3779B97F4A7C15ULL;
        std::uint64_t z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return (z ^ (z >> 31)) % n;
    };
    for (int j = 0; j < projects; ++j) {
        Project pr;
        pr.id = ProjectId("P" + std::to_string(j));
        pr.name = "Project " + std::to_string(j);
        pr.start = Instant::from_ymd_hm(2026, 3, 2, 9);
        for (int i = 0; i < per_project; ++i) {
            Task t;
            t.id = TaskId("P" + std::to_string(j) + "." + std::to_string(i));
            t.name = "Task " + std::to_string(i);
            if (i % 20 == 0) {
                t.duration = Duration{0};  // a summary of the next 19
            } else {
                t.parent = TaskId("P" + std::to_string(j) + "." + std::to_string(i - i % 20));
                t.duration = Duration{static_cast<std::int64_t>(60 * (1 + next(80)))};
                if (i % 20 > 1) t.predecessors.push_back(Dependency{.predecessor = TaskId("P" + std::to_string(j) + "." + std::to_string(i - 1)), .type = LinkType::finish_start, .lag = {}, .lag_calendar = LagCalendar::predecessor, .custom = {}});
                if (i > 20 && next(2) == 0) {
                    const auto k = 1 + next(static_cast<std::uint64_t>(i - i % 20 - 1));
                    if (k % 20 != 0)
                        t.predecessors.push_back(Dependency{.predecessor = TaskId("P" + std::to_string(j) + "." + std::to_string(k)), .type = LinkType::start_start,
                                                            .lag = Lag{.unit = LagUnit::working, .amount = Duration{480}, .percent = 0.0}, .lag_calendar = LagCalendar::predecessor, .custom = {}});
                }
                t.assignments.push_back(Assignment{.resource = ResourceId("R" + std::to_string(next(20))), .units = 0.5, .work = std::nullopt, .actual_work = std::nullopt, .cost = std::nullopt, .custom = {}});
                if (i < per_project / 10) {
                    t.progress.actual_start = Instant::from_ymd_hm(2026, 3, 2, 9);
                    t.progress.percent_complete = 50.0;
                }
            }
            pr.tasks.push_back(std::move(t));
        }
        p.projects.push_back(std::move(pr));
    }
    return p;
}

void BM_read_json(benchmark::State& state) {
    const std::string text = ppm::write_json(make_portfolio(static_cast<int>(state.range(0))));
    for (auto _ : state) benchmark::DoNotOptimize(ppm::read_json(text));
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

void BM_write_json(benchmark::State& state) {
    const ppm::Portfolio p = make_portfolio(static_cast<int>(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string text = ppm::write_json(p);
        bytes = text.size();
        benchmark::DoNotOptimize(text.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}

void BM_validate(benchmark::State& state) {
    const ppm::Portfolio p = make_portfolio(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(ppm::validate(p));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}

}  // namespace

BENCHMARK(BM_read_json)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_write_json)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_validate)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
