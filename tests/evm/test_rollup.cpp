// EVM roll-up over WBS, project, program and portfolio (hand computations).
#include <catch2/catch.hpp>

#include "evm_units.hpp"

#include <cmath>

#include "ppm/core/error.hpp"
#include "ppm/evm/rollup.hpp"
#include "ppm/governance/pmo_policy.hpp"
#include "ppm/governance/rag.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {

Task task(const char* id, const char* parent, double pct, double ac) {
    Task t;
    t.id = TaskId{id};
    if (parent != nullptr) t.parent = TaskId{parent};
    t.progress.percent_complete = pct;
    if (ac > 0) t.progress.actual_cost = usd(ac);
    return t;
}

Portfolio sample() {
    Portfolio p;
    p.id = PortfolioId{"PF"};
    p.programs.push_back(Program{.id = ProgramId{"PG"}, .name = "", .parent = {}, .manager = "", .notes = "", .custom = {}});
    Project a;
    a.id = ProjectId{"A"};
    a.program = ProgramId{"PG"};
    a.tasks = {task("S", nullptr, 0, 0), task("A1", "S", 100, 1200), task("A2", "S", 50, 300)};
    Project b;
    b.id = ProjectId{"B"};
    b.tasks = {task("B1", nullptr, 25, 100)};
    p.projects = {a, b};
    return p;
}

std::vector<BaselineSet> baselines() {
    std::vector<BaselineSet> sets(2);
    // A1: days 0-10, 1000; A2: days 10-20, 1000; B1: days 0-40, 400.
    sets[0].set_current(make_baseline("BL", ProjectId{"A"}, day(0), {TaskId{"A1"}, TaskId{"A2"}}, {day(0), day(10)},
                                      {day(10), day(20)}, {usd(1000), usd(1000)}));
    sets[1].set_current(make_baseline("BL", ProjectId{"B"}, day(0), {TaskId{"B1"}}, {day(0)}, {day(40)}, {usd(400)}));
    return sets;
}
}  // namespace

TEST_CASE("evm: roll-up sums figures and recomputes indices at every level") {
    const auto p = sample();
    const auto sets = baselines();
    const auto t = evm_rollup(p, sets, day(15));
    // Rows: PF, PG, A, S, A1, A2, B, B1.
    REQUIRE(t.size() == 8);
    const auto a = t.find(EvmNodeKind::project, "A");
    const auto s = t.find(EvmNodeKind::summary, "S");
    const auto pf = t.find(EvmNodeKind::portfolio, "PF");
    const auto pg = t.find(EvmNodeKind::program, "PG");
    REQUIRE(a < t.size());
    REQUIRE(s < t.size());
    CHECK(t.parent[s] == static_cast<std::int32_t>(a));
    CHECK(t.parent[a] == static_cast<std::int32_t>(pg));
    // Project A at day 15: PV = 1000 + 500 = 1500, EV = 1000 + 500 = 1500, AC = 1500.
    CHECK(t.pv[a] == usd(1500));
    CHECK(t.ev[a] == usd(1500));
    CHECK(t.ac[a] == usd(1500));
    CHECK(t.metrics[a].cpi == Approx(1.0));
    // Portfolio: adds B1 (PV 400 x 15/40 = 150, EV 100, AC 100): CPI = 1600/1600, SPI = 1600/1650,
    // not the mean of the project indices.
    CHECK(t.bac[pf] == usd(2400));
    CHECK(t.pv[pf] == usd(1650));
    CHECK(t.ev[pf] == usd(1600));
    CHECK(t.metrics[pf].spi == Approx(1600.0 / 1650.0));
    // Bottom-up EAC sums the leaves' CPI-based EACs: A1 1000 x 1200/1000 = 1200, A2 1000 x 300/500 = 600, B1 400.
    CHECK(t.metrics[a].eac_bottom_up == usd(1800));
    CHECK(t.metrics[pf].eac_bottom_up == usd(2200));
    // Earned schedule of project A: EV 1500 reached at day 15 -> on time.
    CHECK(t.schedule[a].es == Approx(15.0 * kDay));
    CHECK(t.schedule[a].spi_t == Approx(1.0));
    CHECK(t.forecast_finish[a] == day(20));
}

TEST_CASE("evm: roll-up reads the latest status period and can hide tasks") {
    const auto p = sample();
    const auto sets = baselines();
    const std::vector<StatusPeriod> status{
        {.project = ProjectId{"B"}, .date = day(10), .task = {TaskId{"B1"}}, .percent_complete = {50.0}, .actual_cost = {usd(150)}},
        {.project = ProjectId{"B"}, .date = day(30), .task = {TaskId{"B1"}}, .percent_complete = {90.0}, .actual_cost = {usd(999)}}};
    const auto t = evm_rollup(p, sets, day(20), status, {.eac_method = EacMethod::cpi, .include_tasks = false});
    CHECK(t.find(EvmNodeKind::task, "A1") == t.size());
    const auto b = t.find(EvmNodeKind::project, "B");
    REQUIRE(b < t.size());
    CHECK(t.ev[b] == usd(200));  // the day-10 report; the day-30 one is after the status date
    CHECK(t.ac[b] == usd(150));
}

TEST_CASE("evm: roll-up rejects a baseline of an unknown project") {
    const auto p = sample();
    std::vector<BaselineSet> sets(1);
    sets[0].set_current(make_baseline("BL", ProjectId{"nope"}, day(0), {}, {}, {}, {}));
    CHECK_THROWS_AS(evm_rollup(p, sets, day(1)), ModelError);
}

TEST_CASE("evm: earned schedule on a flat stretch of PV is not thrown back by rounding") {
    // 60 overlapping tasks with awkward budgets and spans (the summed slopes leave a floating-point
    // residue), all done by day 40; nothing is planned from day 40 to day 80, then one last task.
    // At day 60 EV equals PV exactly: ES must lie on the flat stretch (Lipke: C counts every period
    // with PV <= EV), not at its start because the curve sat a fraction of a cent above EV.
    Portfolio p;
    p.id = PortfolioId{"PF"};
    Project a;
    a.id = ProjectId{"A"};
    std::vector<TaskId> ids;
    std::vector<Instant> starts, finishes;
    std::vector<Money> costs;
    for (int k = 0; k < 60; ++k) {
        const std::string id = "T" + std::to_string(k);
        a.tasks.push_back(task(id.c_str(), nullptr, 100, 0));
        ids.emplace_back(id);
        const std::int64_t s = (k * 37) % 30 * kDay / 2 + k * 7;
        starts.push_back(Instant{s});
        finishes.push_back(Instant{s + 3 * kDay + k * 113});
        costs.push_back(Money{123457 + 1009 * k});
    }
    a.tasks.push_back(task("LAST", nullptr, 0, 0));
    ids.emplace_back("LAST");
    starts.push_back(day(80));
    finishes.push_back(day(90));
    costs.push_back(usd(1000));
    p.projects = {a};
    std::vector<BaselineSet> sets(1);
    sets[0].set_current(make_baseline("BL", ProjectId{"A"}, day(0), ids, starts, finishes, costs));
    const auto t = evm_rollup(p, sets, day(60));
    const auto r = t.find(EvmNodeKind::project, "A");
    REQUIRE(r < t.size());
    REQUIRE(t.ev[r] == t.pv[r]);
    CHECK(t.schedule[r].es >= 60.0 * kDay);  // on the flat stretch: at least the actual time
    CHECK(t.schedule[r].spi_t >= 1.0);
}

TEST_CASE("evm: roll-up stops actual time at the actual finish of complete work (Lipke 2003)") {
    // Hand computation. Project A: summary S with A1 (days 0-10, 1,000) and A2 (days 10-20, 1,000),
    // both done exactly on plan (actual finishes day 10 and day 20). Status date day 30. Lipke: AT
    // is the actual finish once complete, so S and A keep ES = AT = 20 days: SV(t) = 0, SPI(t) = 1,
    // forecast finish day 20. (With AT = the status date: SV(t) = -10 days, SPI(t) = 0.67.)
    auto p = sample();
    for (auto& t : p.projects[0].tasks) {
        if (t.id == TaskId{"A1"}) t.progress = {.actual_start = day(0), .actual_finish = day(10), .percent_complete = 100, .actual_cost = usd(1000)};
        if (t.id == TaskId{"A2"}) t.progress = {.actual_start = day(10), .actual_finish = day(20), .percent_complete = 100, .actual_cost = usd(1000)};
    }
    const auto sets = baselines();
    const auto t = evm_rollup(p, sets, day(30));
    for (const auto kind : {EvmNodeKind::summary, EvmNodeKind::project}) {
        const auto r = t.find(kind, kind == EvmNodeKind::summary ? "S" : "A");
        REQUIRE(r < t.size());
        INFO(to_string(kind));
        CHECK(t.schedule[r].es == Approx(20.0 * kDay));
        CHECK(t.schedule[r].at == Approx(20.0 * kDay));
        CHECK(t.schedule[r].sv_t == Approx(0.0).margin(1e-9));
        CHECK(t.schedule[r].spi_t == Approx(1.0));
        CHECK(t.forecast_finish[r] == day(20));
        CHECK(std::isnan(t.metrics[r].tcpi_bac));  // nothing remains: n/a, not 0.00 or -0.00
    }
    const auto a1 = t.find(EvmNodeKind::task, "A1");
    CHECK(t.schedule[a1].spi_t == Approx(1.0));
    CHECK(t.forecast_finish[a1] == day(10));
    // The portfolio still runs (B1 is a quarter done at day 30 of 40): its AT is the status date.
    CHECK(t.schedule[0].at == Approx(30.0 * kDay));

    // A project finished on plan stays green under the controlling PMO (it turned red and escalated
    // when AT ran on to the status date: SPI(t) 0.67 < 0.85).
    const auto a = t.find(EvmNodeKind::project, "A");
    const ProjectHealth h{.project = ProjectId{"A"}, .program = {}, .spi = t.metrics[a].spi, .cpi = t.metrics[a].cpi,
                          .spi_t = t.schedule[a].spi_t};
    const auto rag = assess(h, policy_profile(PmoType::controlling));
    CHECK(rag.overall == Rag::green);
    CHECK_FALSE(rag.escalate);
}

TEST_CASE("evm: without actual finishes, the first status period reporting the work done ends AT") {
    // B1 (days 0-40, 400) reported 100 % at day 40 and again at day 50; status date day 60. The
    // model holds no actual finish, so the finish is the first data date reporting it done: day 40.
    const auto p = sample();
    const auto sets = baselines();
    const std::vector<StatusPeriod> status{
        {.project = ProjectId{"B"}, .date = day(50), .task = {TaskId{"B1"}}, .percent_complete = {100.0}, .actual_cost = {usd(400)}},
        {.project = ProjectId{"B"}, .date = day(40), .task = {TaskId{"B1"}}, .percent_complete = {100.0}, .actual_cost = {usd(400)}}};
    const auto t = evm_rollup(p, sets, day(60), status);
    const auto b = t.find(EvmNodeKind::project, "B");
    REQUIRE(b < t.size());
    CHECK(t.schedule[b].at == Approx(40.0 * kDay));
    CHECK(t.schedule[b].sv_t == Approx(0.0).margin(1e-9));
    CHECK(t.forecast_finish[b] == day(40));
}

TEST_CASE("evm: roll-up rows not yet started show SV(t) and SPI(t) as n/a, which RAG skips") {
    // Project B's only task starts at day 10 in this baseline; at day 5 nothing is earned. ES - AT
    // would be +5 days "ahead"; there is no schedule performance yet.
    const auto p = sample();
    auto sets = baselines();
    sets[1].set_current(make_baseline("late", ProjectId{"B"}, day(0), {TaskId{"B1"}}, {day(10)}, {day(40)}, {usd(400)}));
    Portfolio q = p;
    q.projects[1].tasks[0].progress = {};
    const auto t = evm_rollup(q, sets, day(5));
    const auto b = t.find(EvmNodeKind::project, "B");
    REQUIRE(b < t.size());
    CHECK(std::isnan(t.schedule[b].sv_t));
    CHECK(std::isnan(t.schedule[b].spi_t));
    CHECK(t.forecast_finish[b] == day(40));
    const ProjectHealth h{.project = ProjectId{"B"}, .program = {}, .spi = t.metrics[b].spi, .cpi = t.metrics[b].cpi,
                          .spi_t = t.schedule[b].spi_t};
    const auto rag = assess(h, policy_profile(PmoType::controlling));
    CHECK(rag.overall == Rag::none);  // nothing to assess yet: neither green nor red
}

TEST_CASE("evm: roll-up rejects status and baseline rows naming unknown projects or tasks") {
    const auto p = sample();
    const auto sets = baselines();
    auto period = [](const char* project, const char* task) {
        return std::vector<StatusPeriod>{
            {.project = ProjectId{project}, .date = day(5), .task = {TaskId{task}}, .percent_complete = {50.0}, .actual_cost = {usd(1)}}};
    };
    CHECK_NOTHROW(evm_rollup(p, sets, day(10), period("B", "B1")));
    CHECK_THROWS_AS(evm_rollup(p, sets, day(10), period("Z", "B1")), ModelError);   // unknown project
    CHECK_THROWS_AS(evm_rollup(p, sets, day(10), period("B", "B9")), ModelError);   // unknown task
    CHECK_THROWS_AS(evm_rollup(p, sets, day(10), period("B", "A1")), ModelError);   // a task of another project
    auto bad = sets;
    bad[1].set_current(make_baseline("typo", ProjectId{"B"}, day(0), {TaskId{"B2"}}, {day(0)}, {day(40)}, {usd(400)}));
    try {
        (void)evm_rollup(p, bad, day(10));
        FAIL("expected ModelError");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::unknown_id);
        CHECK(e.ids().front() == "B2");
    }
}
