// Earned value by measurement method, hand-computed. Definitions from the PMI *Practice Standard for
// Earned Value Management* (2nd ed., 2011), ch. 4, measurement methods (summarised in each test from
// secondary descriptions: the standard itself could not be read offline, so no page is cited), as
// P6 offers them ("Earned Value Technique" / "Performance % Complete").
#include <catch2/catch.hpp>

#include "evm_units.hpp"

#include <cmath>
#include <limits>
#include <optional>

#include "ppm/core/error.hpp"
#include "ppm/evm/capture.hpp"
#include "ppm/evm/earned_value_methods.hpp"
#include "ppm/evm/rollup.hpp"
#include "ppm/evm/time_phased.hpp"
#include "ppm/io/control_json.hpp"
#include "ppm/io/json.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {
constexpr double kNotReported = std::numeric_limits<double>::quiet_NaN();

Task leaf(const char* id, EarnedValueRule rule, const char* parent = nullptr) {
    Task t;
    t.id = TaskId{id};
    if (parent != nullptr) t.parent = TaskId{parent};
    t.earned_value = std::move(rule);
    return t;
}

EarnedValueRule fixed(double start_percent) {
    return {.method = EarnedValueMethod::fixed_formula, .start_percent = start_percent, .milestones = {}, .units = 0, .apportioned_to = {}};
}
EarnedValueRule milestones() {  // Design 30, Build 50, Test 20: steps at 30 %, 80 %, 100 %
    return {.method = EarnedValueMethod::weighted_milestones, .start_percent = 0,
            .milestones = {{.name = "Design", .weight = 30}, {.name = "Build", .weight = 50}, {.name = "Test", .weight = 20}},
            .units = 0, .apportioned_to = {}};
}
EarnedValueRule units_rule(double planned) {
    return {.method = EarnedValueMethod::units_complete, .start_percent = 0, .milestones = {}, .units = planned, .apportioned_to = {}};
}
EarnedValueRule method(EarnedValueMethod m) { return {.method = m, .start_percent = 0, .milestones = {}, .units = 0, .apportioned_to = {}}; }
EarnedValueRule apportioned(const char* base) {
    return {.method = EarnedValueMethod::apportioned_effort, .start_percent = 0, .milestones = {}, .units = 0, .apportioned_to = TaskId{base}};
}

// One project "P": every task planned over days 0-10 (elapsed time: no calendars), so PV at day 5 is
// half of each budget. Summary S holds the percent-complete and fixed-formula tasks.
Portfolio mixed() {
    Portfolio pf;
    pf.id = PortfolioId{"PF"};
    Project p;
    p.id = ProjectId{"P"};
    p.tasks = {leaf("S", {}),
               leaf("PC", {}, "S"),
               leaf("F0", fixed(0), "S"),
               leaf("F50", fixed(50), "S"),
               leaf("F25", fixed(25), "S"),
               leaf("WM", milestones()),
               leaf("UC", units_rule(120)),
               leaf("LOE", method(EarnedValueMethod::level_of_effort)),
               leaf("AE", apportioned("PC"))};
    pf.projects = {p};
    return pf;
}

Baseline mixed_baseline() {
    const std::vector<TaskId> ids{TaskId{"PC"}, TaskId{"F0"}, TaskId{"F50"}, TaskId{"F25"}, TaskId{"WM"}, TaskId{"UC"}, TaskId{"LOE"}, TaskId{"AE"}};
    return make_baseline("BL", ProjectId{"P"}, day(0), ids, std::vector<Instant>(ids.size(), day(0)), std::vector<Instant>(ids.size(), day(10)),
                         {usd(1000), usd(1000), usd(1000), usd(800), usd(2000), usd(1200), usd(1000), usd(100)});
}

// The status period at day 5: what each task's method needs.
StatusPeriod mixed_status() {
    StatusPeriod s;
    s.project = ProjectId{"P"};
    s.date = day(5);
    auto row = [&](const char* id, double pct, double ac, bool started, double units_done, std::vector<std::string> names) {
        s.task.push_back(TaskId{id});
        s.percent_complete.push_back(pct);
        s.actual_cost.push_back(usd(ac));
        s.started.push_back(started ? 1 : 0);
        s.units_complete.push_back(units_done);
        s.milestones_done.push_back(std::move(names));
    };
    row("PC", 40, 500, true, kNotReported, {});
    row("F0", 60, 700, true, kNotReported, {});
    row("F50", 0, 0, true, kNotReported, {});  // started, nothing done yet
    row("F25", 10, 100, true, kNotReported, {});
    row("WM", 10, 900, true, kNotReported, {"Design", "Test"});
    row("UC", 20, 400, true, 30, {});
    row("LOE", 90, 450, true, kNotReported, {});
    // AE reports nothing: apportioned effort has no progress of its own.
    return s;
}

Money ev_of(const Baseline& b, const std::vector<Money>& ev, const char* id) { return ev[find_task(b, TaskId{id})]; }
}  // namespace

TEST_CASE("evm methods: percent complete is the default and unchanged (EV = % complete x budget)") {
    // Practice Standard ch. 4, "percent complete", EV = BAC x physical % complete. A baseline
    // without rules attached, and a rule set that is all percent complete, give the same EV.
    Baseline b = make_baseline("BL", ProjectId{"P"}, day(0), {TaskId{"A"}}, {day(0)}, {day(10)}, {Money{333333}});
    StatusPeriod s{.project = ProjectId{"P"}, .date = day(3), .task = {TaskId{"A"}}, .percent_complete = {33.3}, .actual_cost = {Money{0}},
                   .started = {}, .units_complete = {}, .milestones_done = {}};
    const Money expected{static_cast<std::int64_t>(std::llround(333333.0 * 33.3 / 100.0))};
    CHECK(earned_values(b, s).at(0) == expected);
    const std::vector<EarnedValueRule> rules(1);
    CHECK(earned_values(b, s, rules).at(0) == expected);
    CHECK(earned_and_actual(b, s).first == expected);
}

TEST_CASE("evm methods: fixed formula 0/100, 50/50 and 25/75") {
    // Practice Standard ch. 4, "fixed formula": a set share of the budget is earned when the
    // work starts, the rest when it completes; nothing is earned for progress in between.
    const Portfolio pf = mixed();
    Baseline b = mixed_baseline();
    attach_calendars(b, pf);
    StatusPeriod s = mixed_status();
    auto ev = earned_values(b, s);
    CHECK(ev_of(b, ev, "F0") == usd(0));     // 0/100 at 60 %: nothing until complete
    CHECK(ev_of(b, ev, "F50") == usd(500));  // 50/50 started (actual start, 0 %): half of 1,000
    CHECK(ev_of(b, ev, "F25") == usd(200));  // 25/75 at 10 %: a quarter of 800

    s.percent_complete[1] = 100;  // F0 complete: all of 1,000
    s.started[2] = 0;             // F50 neither started nor progressed: nothing
    s.started.clear();            // without the started column, percent > 0 is the start
    ev = earned_values(b, s);
    CHECK(ev_of(b, ev, "F0") == usd(1000));
    CHECK(ev_of(b, ev, "F50") == usd(0));
    CHECK(ev_of(b, ev, "F25") == usd(200));
}

TEST_CASE("evm methods: weighted milestones earn the weights of the milestones reached") {
    // Practice Standard ch. 4, "weighted milestones": the budget is divided over milestones,
    // each with a weight; a milestone's share is earned when it is reached. Weights 30/50/20 of 2,000.
    const Portfolio pf = mixed();
    Baseline b = mixed_baseline();
    attach_calendars(b, pf);
    StatusPeriod s = mixed_status();
    // Reported Design and Test (not in order): (30 + 20) / 100 x 2,000 = 1,000, whatever the percent.
    CHECK(ev_of(b, earned_values(b, s), "WM") == usd(1000));
    // No milestone named: the percent-complete steps passed, in the listed order (30, 80, 100 %).
    s.milestones_done[4].clear();
    s.percent_complete[4] = 85;
    CHECK(ev_of(b, earned_values(b, s), "WM") == usd(1600));  // 80 % step: Design and Build
    s.percent_complete[4] = 79.9;
    CHECK(ev_of(b, earned_values(b, s), "WM") == usd(600));  // only Design
    s.percent_complete[4] = 100;
    CHECK(ev_of(b, earned_values(b, s), "WM") == usd(2000));
    // A milestone the task does not list is an error, not ignored.
    s.milestones_done[4] = {"Deploy"};
    s.percent_complete[4] = 10;
    CHECK_THROWS_AS(earned_values(b, s), ModelError);
}

TEST_CASE("evm methods: units complete earns the share of units done") {
    // Practice Standard ch. 4, "physical measurement / units complete": EV = BAC x units
    // completed / units planned. 30 of 120 units of a 1,200 budget: 300.
    const Portfolio pf = mixed();
    Baseline b = mixed_baseline();
    attach_calendars(b, pf);
    StatusPeriod s = mixed_status();
    CHECK(ev_of(b, earned_values(b, s), "UC") == usd(300));
    s.units_complete[5] = 150;  // more units than planned: the budget, never more
    CHECK(ev_of(b, earned_values(b, s), "UC") == usd(1200));
    s.units_complete[5] = kNotReported;  // no units reported: percent complete (20 %)
    CHECK(ev_of(b, earned_values(b, s), "UC") == usd(240));
}

TEST_CASE("evm methods: level of effort earns its planned value") {
    // Practice Standard ch. 4, "level of effort": support work with no measurable output earns
    // as planned, EV = PV, whatever progress is reported (90 % reported here, half planned).
    const Portfolio pf = mixed();
    Baseline b = mixed_baseline();
    attach_calendars(b, pf);
    StatusPeriod s = mixed_status();
    CHECK(ev_of(b, earned_values(b, s), "LOE") == usd(500));
    s.date = day(8);
    CHECK(ev_of(b, earned_values(b, s), "LOE") == usd(800));
    // Not reported at all: still earns as planned.
    s.date = day(5);
    StatusPeriod none{.project = ProjectId{"P"}, .date = day(5), .task = {}, .percent_complete = {}, .actual_cost = {},
                      .started = {}, .units_complete = {}, .milestones_done = {}};
    CHECK(ev_of(b, earned_values(b, none), "LOE") == usd(500));
}

TEST_CASE("evm methods: apportioned effort earns its base task's fraction") {
    // Practice Standard ch. 4, "apportioned effort": effort in direct proportion to a discrete
    // base (e.g. inspection of fabrication) earns the base's performance: EV = BAC x EV_base / BAC_base.
    // Base PC is 40 % complete: 40 % of 100.
    const Portfolio pf = mixed();
    Baseline b = mixed_baseline();
    attach_calendars(b, pf);
    const auto ev = earned_values(b, mixed_status());
    CHECK(ev_of(b, ev, "AE") == usd(40));

    // Apportioned to the level-of-effort task: its planned fraction (half at day 5).
    Portfolio loe = mixed();
    loe.projects[0].tasks.back().earned_value = apportioned("LOE");
    attach_calendars(b, loe);
    CHECK(ev_of(b, earned_values(b, mixed_status()), "AE") == usd(50));
}

TEST_CASE("evm methods: a roll-up mixes the methods and sums their EV") {
    // Practice Standard ch. 4: a control account's EV is the sum of its work packages' EV, whatever
    // method measures each. By hand at day 5 (every task planned days 0-10, PV = BAC / 2):
    //   PC 400 + F0 0 + F50 500 + F25 200 = 1,100 (summary S, BAC 3,800)
    //   + WM 1,000 + UC 300 + LOE 500 + AE 40 = 2,940 for the project (BAC 8,100, PV 4,050).
    const Portfolio pf = mixed();
    std::vector<BaselineSet> sets(1);
    sets[0].set_current(mixed_baseline());
    const std::vector<StatusPeriod> status{mixed_status()};
    const EvmTable t = evm_rollup(pf, sets, day(5), status);
    const auto s = t.find(EvmNodeKind::summary, "S");
    const auto p = t.find(EvmNodeKind::project, "P");
    REQUIRE(s < t.size());
    REQUIRE(p < t.size());
    CHECK(t.ev[s] == usd(1100));
    CHECK(t.bac[s] == usd(3800));
    CHECK(t.ev[p] == usd(2940));
    CHECK(t.bac[p] == usd(8100));
    CHECK(t.pv[p] == usd(4050));
    CHECK(t.ac[p] == usd(3050));
    CHECK(t.metrics[p].spi == Approx(2940.0 / 4050.0));
    CHECK(t.ev[t.find(EvmNodeKind::task, "LOE")] == usd(500));
    CHECK(t.ev[t.find(EvmNodeKind::task, "AE")] == usd(40));

    // The S-curves and earned schedule measure the same EV (rules attached with the calendars).
    Baseline b = mixed_baseline();
    attach_calendars(b, pf);
    CHECK(earned_and_actual(b, status[0]).first == usd(2940));
    const TimePhased tp = time_phase(b, status, std::vector<Instant>{day(5), day(10)});
    CHECK(tp.ev[0] == usd(2940));
    // ES: the PV curve is linear (810 a day), so EV 2,940 was planned at day 2940 / 810.
    CHECK(earned_schedule(b, status[0]).es == Approx(2940.0 / 810.0 * kDay));
}

TEST_CASE("evm methods: without status periods the tasks' own progress drives the methods") {
    // The started flag comes from the actual start: a 50/50 task started at 0 % earns half.
    Portfolio pf = mixed();
    for (Task& t : pf.projects[0].tasks) {
        if (t.id == TaskId{"F50"}) t.progress.actual_start = day(1);
        if (t.id == TaskId{"WM"}) t.progress.percent_complete = 30;  // the Design step
        if (t.id == TaskId{"PC"}) t.progress.percent_complete = 40;
    }
    std::vector<BaselineSet> sets(1);
    sets[0].set_current(mixed_baseline());
    const EvmTable t = evm_rollup(pf, sets, day(5));
    CHECK(t.ev[t.find(EvmNodeKind::task, "F50")] == usd(500));
    CHECK(t.ev[t.find(EvmNodeKind::task, "WM")] == usd(600));
    CHECK(t.ev[t.find(EvmNodeKind::task, "LOE")] == usd(500));
    CHECK(t.ev[t.find(EvmNodeKind::task, "AE")] == usd(40));
    // apply_status_periods records the start reported by the started flag.
    StatusPeriod s = mixed_status();
    const Portfolio applied = apply_status_periods(mixed(), std::vector<StatusPeriod>{s});
    for (const Task& task : applied.projects[0].tasks)
        if (task.id == TaskId{"F50"}) CHECK(task.progress.actual_start.has_value());
}

TEST_CASE("evm methods: bad rules are model errors") {
    const Baseline b = mixed_baseline();
    auto code_of = [&](const Portfolio& pf) -> std::optional<ErrorCode> {
        try {
            (void)earned_value_rules(b, pf.projects[0]);
        } catch (const ModelError& e) {
            return e.code();
        }
        return std::nullopt;
    };
    Portfolio pf = mixed();
    CHECK_FALSE(code_of(pf).has_value());
    pf.projects[0].tasks.back().earned_value = apportioned("NOPE");
    CHECK(code_of(pf) == ErrorCode::unknown_id);
    pf.projects[0].tasks.back().earned_value = apportioned("S");  // a summary task
    CHECK(code_of(pf) == ErrorCode::invalid_value);
    pf.projects[0].tasks.back().earned_value = apportioned("AE");
    CHECK(code_of(pf) == ErrorCode::invalid_value);
    // PC -> AE -> PC: a cycle, named in order from the first task listed.
    pf = mixed();
    pf.projects[0].tasks[1].earned_value = apportioned("AE");
    CHECK(code_of(pf) == ErrorCode::cycle);
    try {
        (void)earned_value_rules(b, pf.projects[0]);
    } catch (const ModelError& e) {
        CHECK(std::string(e.what()) == "apportioned effort cycle: PC -> AE -> PC");
    }
    pf = mixed();
    pf.projects[0].tasks[2].earned_value = fixed(120);
    CHECK(code_of(pf) == ErrorCode::invalid_value);
    pf = mixed();
    pf.projects[0].tasks[6].earned_value = units_rule(0);
    CHECK(code_of(pf) == ErrorCode::invalid_value);
    pf = mixed();
    pf.projects[0].tasks[5].earned_value.milestones[1].weight = 0;
    CHECK(code_of(pf) == ErrorCode::invalid_value);
    pf.projects[0].tasks[5].earned_value.milestones.clear();
    CHECK(code_of(pf) == ErrorCode::invalid_value);
    // The rules given in code are checked for cycles too.
    std::vector<EarnedValueRule> rules(b.size());
    rules[0] = apportioned("AE");
    rules[7] = apportioned("PC");
    CHECK_THROWS_AS(earned_values(b, mixed_status(), rules), ModelError);
    CHECK(parse_earned_value_method("level_of_effort") == EarnedValueMethod::level_of_effort);
    CHECK_THROWS_AS(parse_earned_value_method("0/100"), ModelError);
}

TEST_CASE("evm methods: read from the model file and its status section") {
    // The JSON keys of docs/format.md (task "earned_value") and docs/evm.md (status rows "started",
    // "units_complete", "milestones_done"), rolled up by hand: W reached Build (3 of 4 weight units
    // of 4,000: 3,000), U did 50 of 200 units (of 1,000: 250), F (50/50) started at 0 % (of 600: 300).
    const std::string doc = R"({"format": "ppm", "version": 1,
  "portfolio": {"id": "PF", "projects": [{"id": "P", "start": "2026-03-02T08:00", "tasks": [
    {"id": "P.W", "duration": "5d", "earned_value": {"method": "weighted_milestones",
                                                     "milestones": [{"name": "Design"}, {"name": "Build", "weight": 3}]}},
    {"id": "P.U", "duration": "5d", "earned_value": {"method": "units_complete", "units": 200}},
    {"id": "P.F", "duration": "5d", "earned_value": {"method": "fixed_formula", "start_percent": 50}}]}]},
  "baselines": [{"name": "BL", "project": "P", "tasks": [
    {"task": "P.W", "start": "2026-03-02T08:00", "finish": "2026-03-12T08:00", "cost": 4000},
    {"task": "P.U", "start": "2026-03-02T08:00", "finish": "2026-03-12T08:00", "cost": 1000},
    {"task": "P.F", "start": "2026-03-02T08:00", "finish": "2026-03-12T08:00", "cost": 600}]}],
  "status": [{"project": "P", "date": "2026-03-07T08:00", "tasks": [
    {"task": "P.W", "percent_complete": 10, "milestones_done": ["Build"]},
    {"task": "P.U", "percent_complete": 10, "units_complete": 50},
    {"task": "P.F", "started": true}]}]})";
    const Portfolio pf = read_json(doc, "methods.json");
    const ControlData c = read_control_sections(doc, "methods.json");
    const EvmTable t = evm_rollup(pf, c.baselines, parse_instant("2026-03-07T08:00"), c.status);
    CHECK(t.ev[t.find(EvmNodeKind::task, "P.W")] == usd(3000));
    CHECK(t.ev[t.find(EvmNodeKind::task, "P.U")] == usd(250));
    CHECK(t.ev[t.find(EvmNodeKind::task, "P.F")] == usd(300));
    CHECK(t.ev[t.find(EvmNodeKind::project, "P")] == usd(3550));
    CHECK(t.pv[t.find(EvmNodeKind::project, "P")] == usd(2800));  // half of 5,600 at day 5 of 10
    // The status rows are written back as read.
    const ControlData again = read_control_sections(write_json(pf, write_control_sections(c)), "again.json");
    CHECK(again.status.at(0).milestones_done == c.status.at(0).milestones_done);
    CHECK(again.status.at(0).units_complete.at(1) == 50.0);
    CHECK(again.status.at(0).started == std::vector<std::uint8_t>{0, 0, 1});
}
