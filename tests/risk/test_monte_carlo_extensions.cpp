// Monte Carlo beyond the single-axis pass: resource levelling inside iterations (serial SGS,
// Kolisch 1996) and per-task calendars through the exact CPM (run_cpm). Property tests on seeded
// random networks plus hand-checked cases; the capacity check below is written independently of
// the SGS (it sweeps every start/finish instant of the levelled minutes).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>

#include "ppm/core/error.hpp"
#include "ppm/leveling/schedule_check.hpp"
#include "ppm/leveling/sgs.hpp"
#include "ppm/risk/iteration_leveling.hpp"
#include "ppm/risk/monte_carlo.hpp"
#include "ppm/risk/simulation_model.hpp"
#include "ppm/schedule/cpm.hpp"

using namespace ppm;

namespace {

/// Over-capacity instants of a levelled iteration, in minutes: at every start instant the demand of
/// the tasks running over [t, t+1) summed per resource (task i runs over [start, finish)).
int capacity_violations(const SimulationResources& res, const LevelledIteration& lv) {
    const std::size_t n = lv.start.size(), r = res.capacity.size();
    int bad = 0;
    for (std::size_t a = 0; a < n; ++a) {
        const std::int64_t t = lv.start[a];
        for (std::size_t k = 0; k < r; ++k) {
            std::int64_t use = 0;
            for (std::size_t b = 0; b < n; ++b)
                if (lv.start[b] <= t && t < lv.finish[b]) use += res.demand[b * r + k];
            bad += use > res.capacity[k] ? 1 : 0;
        }
    }
    return bad;
}

/// A random FS/SS network (non-negative lags: the forward pass is then monotone in durations),
/// random uniform durations and random demands on `r` resources.
struct RandomCase {
    std::vector<NetworkLink> links;
    std::vector<DurationDistribution> dist;
    SimulationResources res;
};
RandomCase random_case(std::uint32_t n, std::size_t r, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    RandomCase c;
    for (std::uint32_t j = 1; j < n; ++j)
        for (std::uint32_t i = 0; i < j; ++i)
            if (rng() % 4 == 0)
                c.links.push_back({i, j, rng() % 3 == 0 ? LinkType::start_start : LinkType::finish_start,
                                   static_cast<std::int64_t>(rng() % 3) * 60});
    for (std::uint32_t i = 0; i < n; ++i) {
        const double lo = 60.0 * static_cast<double>(1 + rng() % 8);
        c.dist.push_back({.kind = DistributionKind::uniform, .min = lo, .max = lo * 2.5});
    }
    c.res.capacity.assign(r, 0);
    for (auto& cap : c.res.capacity) cap = static_cast<std::int32_t>(100 + 100 * (rng() % 2));
    for (std::uint32_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < r; ++k)
            c.res.demand.push_back(rng() % 2 == 0 ? static_cast<std::int32_t>(50 + 50 * (rng() % 2)) : 0);
    c.res.links = c.links;
    return c;
}

Calendar six_day(CalendarId id) {
    // Monday..Saturday 07:00-15:00 (a construction crew's week), Sunday off.
    Calendar c = Calendar::standard(id, {{420, 900}});
    c.week[5] = DaySchedule{{420, 900}};  // index 5 = Saturday (0 = Monday)
    return c;
}

}  // namespace

TEST_CASE("risk: levelling two tasks that share one unit puts them in sequence") {
    // Hand case: A and B (8 h each) both need the single unit of R; no precedence. CPM finish 480,
    // levelled finish 960 (one after the other), both critical in the levelled schedule.
    SimulationResources res{.capacity = {100}, .demand = {100, 100}, .links = {}};
    const auto lv = level_iteration(res, std::vector<std::int64_t>{480, 480});
    CHECK(lv.project_finish == 960);
    CHECK(std::min(lv.start[0], lv.start[1]) == 0);
    CHECK(std::max(lv.start[0], lv.start[1]) == 480);
    CHECK(lv.critical == std::vector<std::uint8_t>{1, 1});
    CHECK(capacity_violations(res, lv) == 0);

    const auto net = SimulationNetwork::build(2, {});
    MonteCarloInput in{.network = &net, .duration = {DurationDistribution::fixed_at(480), DurationDistribution::fixed_at(480)}};
    in.resources = res;
    const auto plain = simulate(in, {.iterations = 64, .seed = 3});
    const auto levelled = simulate(in, {.iterations = 64, .seed = 3, .level = true});
    CHECK(plain.finish_at.back() == 480);
    CHECK(levelled.finish_at.front() == 960);
    CHECK(levelled.finish_at.back() == 960);
    CHECK(levelled.deterministic_finish == 960);
    // Capacity 2 units: no conflict, the levelled run equals CPM (durations are whole periods).
    in.resources->capacity = {200};
    CHECK(simulate(in, {.iterations = 64, .seed = 3, .level = true}).finish_at.back() == 480);
}

TEST_CASE("risk: with levelling no iteration finishes earlier than without, and capacity holds") {
    for (std::uint64_t seed = 1; seed <= 6; ++seed) {
        const auto c = random_case(24, 3, seed);
        const auto net = SimulationNetwork::build(c.dist.size(), c.links);
        MonteCarloInput in{.network = &net, .duration = c.dist};
        in.resources = c.res;
        const MonteCarloOptions plain_opt{.iterations = 200, .seed = seed, .threads = 2};
        MonteCarloOptions level_opt = plain_opt;
        level_opt.level = true;
        const auto plain = simulate(in, plain_opt);
        const auto levelled = simulate(in, level_opt);
        REQUIRE(levelled.finish.size() == plain.finish.size());
        int earlier = 0, later = 0;
        for (std::size_t k = 0; k < plain.finish.size(); ++k) {
            earlier += levelled.finish[k] < plain.finish[k] ? 1 : 0;
            later += levelled.finish[k] > plain.finish[k] ? 1 : 0;
        }
        CHECK(earlier == 0);
        CHECK(later > 0);  // the demands do conflict in these networks
        // Same seed, other thread count: identical levelled samples.
        MonteCarloOptions one = level_opt;
        one.threads = 1;
        CHECK(simulate(in, one).finish == levelled.finish);
    }
}

TEST_CASE("risk: a levelled iteration is feasible for the independent RCPSP checker and in minutes") {
    std::mt19937_64 rng(11);
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto c = random_case(30, 2, seed);
        std::vector<std::int64_t> d;
        for (const auto& dist : c.dist) d.push_back(static_cast<std::int64_t>(dist.min + static_cast<double>(rng() % 400)));
        const auto inst = iteration_instance(c.res, d);
        const auto lv = level_iteration(c.res, d);
        std::vector<std::int32_t> starts{0};
        for (auto s : lv.start) starts.push_back(static_cast<std::int32_t>(s / c.res.period_minutes));
        const auto check = check_schedule(inst, starts);
        CHECK(check.feasible);
        CHECK(check.capacity_violations == 0);
        CHECK(check.precedence_violations == 0);
        CHECK(capacity_violations(c.res, lv) == 0);
        // Precedence in minutes (FS / SS with lags), durations rounded up to whole periods.
        for (const auto& l : c.links) {
            if (l.type == LinkType::finish_start) CHECK(lv.start[l.successor] >= lv.finish[l.predecessor] + l.lag);
            else CHECK(lv.start[l.successor] >= lv.start[l.predecessor] + l.lag);
        }
        for (std::size_t i = 0; i < d.size(); ++i) CHECK(lv.finish[i] - lv.start[i] >= d[i]);
    }
}

TEST_CASE("risk: levelling input errors are typed") {
    const auto net = SimulationNetwork::build(2, {});
    MonteCarloInput in{.network = &net, .duration = {DurationDistribution::fixed_at(60), DurationDistribution::fixed_at(60)}};
    CHECK_THROWS_AS(simulate(in, {.iterations = 10, .level = true}), ModelError);  // no resources
    in.resources = SimulationResources{.capacity = {100}, .demand = {100, 150}};
    CHECK_THROWS_AS(simulate(in, {.iterations = 10, .level = true}), ModelError);  // demand above capacity
    in.resources = SimulationResources{.capacity = {100}, .demand = {100}};
    CHECK_THROWS_AS(simulate(in, {.iterations = 10, .level = true}), ModelError);  // wrong size
    in.resources = SimulationResources{.capacity = {100}, .demand = {100, 100}, .links = {{0, 5}}};
    CHECK_THROWS_AS(simulate(in, {.iterations = 10, .level = true}), ModelError);  // unknown task
}

namespace {

/// Two projects on three calendars: standard Mon-Fri 08-12/13-17, a six-day 07-15 crew, and 24/7
/// for a curing task; FS/SS/FF links with working lags, a cross-project link, a Friday start.
Portfolio calendar_portfolio() {
    Portfolio pf;
    pf.id = PortfolioId{"pf"};
    pf.default_calendar = CalendarId{"std"};
    pf.calendars = {Calendar::standard(CalendarId{"std"}), six_day(CalendarId{"six"}), Calendar::twenty_four_seven(CalendarId{"h24"})};
    Project a{.id = ProjectId{"A"}, .name = "A", .start = parse_instant("2026-03-06T08:00")};  // a Friday
    a.tasks.push_back({.id = TaskId{"A1"}, .name = "design", .duration = Duration{3 * 480}});
    a.tasks.push_back({.id = TaskId{"A2"}, .name = "build", .duration = Duration{5 * 480}, .calendar = CalendarId{"six"},
                       .predecessors = {{.predecessor = TaskId{"A1"}}}});
    a.tasks.push_back({.id = TaskId{"A3"}, .name = "cure", .duration = Duration{3 * 1440}, .calendar = CalendarId{"h24"},
                       .predecessors = {{.predecessor = TaskId{"A2"}, .lag = {.amount = Duration{120}}}}});
    a.tasks.push_back({.id = TaskId{"A4"}, .name = "inspect", .duration = Duration{480},
                       .predecessors = {{.predecessor = TaskId{"A3"}}, {.predecessor = TaskId{"A2"}, .type = LinkType::finish_finish,
                                                                        .lag = {.amount = Duration{960}}}}});
    Project b{.id = ProjectId{"B"}, .name = "B", .start = parse_instant("2026-03-09T08:00"), .calendar = CalendarId{"six"}};
    b.tasks.push_back({.id = TaskId{"B1"}, .name = "prepare", .duration = Duration{7 * 480}});
    b.tasks.push_back({.id = TaskId{"B2"}, .name = "fit out", .duration = Duration{4 * 480}, .calendar = CalendarId{"std"},
                       .predecessors = {{.predecessor = TaskId{"B1"}, .type = LinkType::start_start, .lag = {.amount = Duration{2 * 480}}},
                                        {.predecessor = TaskId{"A2"}}}});
    pf.projects = {a, b};
    return pf;
}

}  // namespace

TEST_CASE("risk: per-task calendars at zero variance reproduce schedule() exactly") {
    const Portfolio pf = calendar_portfolio();
    const ScheduleResult cpm = schedule(pf);
    UncertaintySpec spec;  // no distributions: every duration is certain
    const SimulationModel model = build_simulation_model(pf, {}, spec);
    REQUIRE(model.per_task_calendars());  // three calendars in use: chosen automatically
    const auto r = simulate(model.input, {.iterations = 50, .seed = 9, .threads = 2});
    REQUIRE(r.finish.size() == 50);
    CHECK(std::all_of(r.finish.begin(), r.finish.end(), [&](auto f) { return f == r.finish.front(); }));
    CHECK(model.to_instant(r.finish.front()) == cpm.finish);
    CHECK(model.to_instant(r.deterministic_finish) == cpm.finish);
    for (std::size_t i = 0; i < model.task.size(); ++i) {
        const auto ti = static_cast<std::size_t>(std::find(cpm.task_id.begin(), cpm.task_id.end(), model.task[i]) - cpm.task_id.begin());
        REQUIRE(ti < cpm.task_id.size());
        INFO(model.task[i].str());
        CHECK(r.criticality[i] == static_cast<double>(cpm.critical[ti]));
    }
    // The single-axis approximation would not reproduce it: the six-day and 24/7 tasks convert
    // through the standard calendar there.
    UncertaintySpec axis_spec;
    axis_spec.calendars = SimulationCalendars::axis;
    const SimulationModel axis = build_simulation_model(pf, {}, axis_spec);
    const auto ra = simulate(axis.input, {.iterations = 10, .seed = 9});
    CHECK(axis.to_instant(ra.finish.front()) != cpm.finish);
}

TEST_CASE("risk: per-task calendars convert each sampled working duration through its own calendar") {
    // One uncertain task on the six-day calendar after a certain standard-calendar task: every
    // iteration's finish equals schedule() of the same plan with that iteration's duration, which
    // we rebuild from the sampled working minutes (the finish minus the task's CPM start on "six").
    Portfolio pf = calendar_portfolio();
    pf.projects.pop_back();
    pf.projects[0].tasks.resize(2);  // A1 (std) -> A2 (six)
    UncertaintySpec spec;
    spec.tasks.push_back({TaskId{"A2"}, {.kind = DistributionKind::uniform, .min = 480, .max = 4800}});
    const SimulationModel model = build_simulation_model(pf, {}, spec);
    REQUIRE(model.per_task_calendars());
    const auto r = simulate(model.input, {.iterations = 40, .seed = 5});
    const auto cpm = schedule(pf);
    const WorkCalendar six = WorkCalendar::compile(pf.calendars, CalendarId{"six"}, parse_instant("2026-01-01T00:00").date(),
                                                   parse_instant("2027-12-31T00:00").date());
    const Instant a2_start = cpm.early_start[1];
    int distinct = 0;
    for (std::size_t k = 0; k < r.finish.size(); ++k) {
        const Instant f = model.to_instant(r.finish[k]);
        const Duration work = six.work_between(a2_start, f);  // the sampled working minutes
        Portfolio again = pf;
        again.projects[0].tasks[1].duration = work;
        CHECK(schedule(again).finish == f);
        CHECK(work.count() >= 480);
        CHECK(work.count() <= 4800);
        distinct += k > 0 && r.finish[k] != r.finish[k - 1] ? 1 : 0;
    }
    CHECK(distinct > 20);
}
