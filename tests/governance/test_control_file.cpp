// Control sections of a model file: reading, round trip, malformed input, and the pieces built
// from them (simulation model cross-checked against the CPM engine, baseline capture, health).
#include <catch2/catch.hpp>

#include <string>

#include "ppm/core/error.hpp"
#include "ppm/evm/capture.hpp"
#include "ppm/evm/status_period.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/io/control_json.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/text_file.hpp"
#include "ppm/risk/simulation_model.hpp"
#include "ppm/schedule/cpm.hpp"

using namespace ppm;

namespace {
const std::string kControlFile = std::string(PPM_SOURCE_DIR) + "/tests/evm/data/control_sample.json";

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
}
}  // namespace

TEST_CASE("governance: control sections are read from a model file") {
    const std::string text = read_text_file(kControlFile);
    const auto c = read_control_sections(text, kControlFile);
    REQUIRE(c.risks.size() == 2);
    CHECK(c.risks[0].id == "R1");
    CHECK(c.risks[0].cause == "single supplier");
    CHECK(c.risks[0].pre.impact.schedule == Duration{3 * 480});
    CHECK(c.risks[0].pre.impact.cost == Money::from_major(8000));
    CHECK(c.risks[0].strategy == ResponseStrategy::mitigate);
    CHECK(c.risks[0].actions.size() == 1);
    CHECK(c.risks[0].linked_tasks == std::vector<TaskId>{TaskId{"P1.B"}});
    REQUIRE(c.baselines.size() == 2);
    CHECK(c.baselines[0].active()->size() == 3);
    CHECK(budget_at_completion(*c.baselines[1].active()) == Money::from_major(10000));
    CHECK(c.status.size() == 4);
    REQUIRE(c.uncertainty.relative_default);
    CHECK(c.uncertainty.relative_default->kind == DistributionKind::triangular);
    CHECK(c.uncertainty.tasks.size() == 1);
    CHECK(c.uncertainty.tasks[0].distribution.max == 16 * 480);
    CHECK(c.uncertainty.correlations.size() == 1);
    CHECK(c.uncertainty.iterations == 2000);
    CHECK(c.uncertainty.target_finish == parse_instant("2026-03-27T17:00"));
    CHECK(c.governance.pmo == PmoType::controlling);
    REQUIRE(c.governance.projects.size() == 1);
    CHECK(c.governance.projects[0].float_erosion == 0.3);
}

TEST_CASE("governance: control sections round trip through write_json") {
    const std::string text = read_text_file(kControlFile);
    const auto pf = read_json(text, kControlFile);
    const auto c = read_control_sections(text, kControlFile);
    const std::string again = write_json(pf, write_control_sections(c));
    const auto d = read_control_sections(again, "again");
    REQUIRE(d.risks.size() == c.risks.size());
    CHECK(d.risks[1].pre.probability == c.risks[1].pre.probability);
    CHECK(d.risks[0].actions[0].due == c.risks[0].actions[0].due);
    REQUIRE(d.baselines.size() == 2);
    CHECK(d.baselines[0].active()->finish == c.baselines[0].active()->finish);
    CHECK(d.baselines[0].active()->cost == c.baselines[0].active()->cost);
    CHECK(d.status.size() == c.status.size());
    CHECK(d.status[2].actual_cost == c.status[2].actual_cost);
    CHECK(d.uncertainty.tasks[0].distribution.most_likely == c.uncertainty.tasks[0].distribution.most_likely);
    CHECK(d.uncertainty.correlations[0].correlation == c.uncertainty.correlations[0].correlation);
    CHECK(d.governance.projects[0].float_erosion == c.governance.projects[0].float_erosion);
    // A second write is identical (canonical).
    CHECK(write_json(pf, write_control_sections(d)) == again);
}

TEST_CASE("governance: malformed control sections name the file, line and JSON pointer") {
    const std::string text = read_text_file(kControlFile);
    try {
        (void)read_control_sections(replace(text, "\"probability\": 0.6", "\"probability\": 1.6"), "bad.json");
        FAIL("expected ParseError");
    } catch (const ParseError& e) {
        CHECK(e.path() == "bad.json");
        CHECK(e.line() > 40);  // the "risks" section's line
        CHECK(e.detail().find("/risks/items/1") != std::string::npos);
    }
    CHECK_THROWS_AS(read_control_sections(replace(text, "\"owner\": \"PM1\"", "\"ownr\": \"PM1\""), "bad.json"), ParseError);
    CHECK_THROWS_AS(read_control_sections(replace(text, "\"type\": \"pert\"", "\"type\": \"normal\""), "bad.json"), ParseError);
    CHECK_THROWS_AS(read_control_sections(replace(text, "\"schedule\": \"3d\"", "\"schedule\": \"3 days\""), "bad.json"), ParseError);
    CHECK_THROWS_AS(read_control_sections(replace(text, "\"pmo\": \"controlling\"", "\"pmo\": \"relaxed\""), "bad.json"), ParseError);
}

TEST_CASE("governance: the simulation model with certain durations finishes where the CPM engine does") {
    const std::string text = read_text_file(kControlFile);
    const auto pf = read_json(text, kControlFile);
    UncertaintySpec certain;  // no distributions, no events: every iteration is the deterministic CPM
    certain.risk_events = false;
    const auto model = build_simulation_model(pf, {}, certain);
    CHECK(model.task.size() == 5);
    const auto r = simulate(model.input, {.iterations = 64, .seed = 1});
    // Both are progress-aware: the file's status date is mid-project and nothing is reported done
    // in the tasks themselves, so all the work is done after the status date in both.
    const auto cpm = schedule(pf);
    CHECK(model.to_instant(r.finish.front()) == cpm.finish);
    CHECK(cpm.finish == parse_instant("2026-04-03T17:00"));  // P1: A (5 d) then B (10 d) from Mon 03-16
    CHECK(r.finish.front() == r.finish.back());

    const auto c = read_control_sections(text, kControlFile);
    const auto full = build_simulation_model(pf, c.risks, c.uncertainty);
    REQUIRE(full.input.events.size() == 2);
    CHECK(full.event_risk == std::vector<std::string>{"R1", "R2"});
    CHECK(full.input.events[0].extra_duration == std::vector<std::int64_t>{1440});
    CHECK(full.input.correlations.size() == 1);
    UncertaintySpec unknown;
    unknown.tasks.push_back({TaskId{"nope"}, DurationDistribution::fixed_at(1)});
    CHECK_THROWS_AS(build_simulation_model(pf, {}, unknown), ModelError);
}

TEST_CASE("governance: the Monte Carlo forecast starts from the status periods' progress") {
    const std::string text = read_text_file(kControlFile);
    const auto c = read_control_sections(text, kControlFile);
    const Portfolio pf = apply_status_periods(read_json(text, kControlFile), c.status);
    // Latest periods (03-13 17:00): P1.A 100 % (reported 80 % on 03-06, done on 03-13), P1.B 20 %.
    const Task& a = pf.projects[0].tasks[0];
    const Task& b = pf.projects[0].tasks[1];
    REQUIRE(a.id == TaskId{"P1.A"});
    CHECK(a.progress.percent_complete == 100.0);
    CHECK(a.progress.actual_start == parse_instant("2026-03-02T08:00"));   // its CPM early start
    CHECK(a.progress.actual_finish == parse_instant("2026-03-13T17:00"));  // first period reporting it done
    CHECK(a.progress.actual_cost == Money::from_major(12000));
    CHECK(b.progress.percent_complete == 20.0);
    CHECK(b.progress.actual_start == parse_instant("2026-03-09T08:00"));
    CHECK(!b.progress.actual_finish);
    CHECK(pf.projects[0].status_date == parse_instant("2026-03-13T17:00"));
    // Certain durations: B's remaining 8 of 10 days from Mon 03-16 08:00 end Wed 03-25 17:00; P2's Y
    // (5 days, not started) ends 03-20. The simulation and the CPM agree, and neither plans work
    // before the data date.
    UncertaintySpec certain;
    certain.risk_events = false;
    const auto model = build_simulation_model(pf, {}, certain);
    const auto r = simulate(model.input, {.iterations = 16, .seed = 1});
    CHECK(model.to_instant(r.finish.front()) == parse_instant("2026-03-25T17:00"));
    CHECK(schedule(pf).finish == parse_instant("2026-03-25T17:00"));
    // A period after the status date asked for is not used; an unknown task is an error.
    const Portfolio early = apply_status_periods(read_json(text, kControlFile), c.status, parse_instant("2026-03-10T00:00"));
    CHECK(early.projects[0].tasks[0].progress.percent_complete == 80.0);
    auto bad = c.status;
    bad[0].task[0] = TaskId{"P1.NOPE"};
    CHECK_THROWS_AS(apply_status_periods(read_json(text, kControlFile), bad), ModelError);
}

TEST_CASE("governance: capture_baseline freezes CPM dates and planned costs, health gathers RAG facts") {
    const std::string text = read_text_file(kControlFile);
    const auto pf = read_json(text, kControlFile);
    ScheduleOptions before_start;
    before_start.status_date = parse_instant("2026-03-01T00:00");
    const auto cpm = schedule(pf, before_start);
    const auto b = capture_baseline(pf, cpm, ProjectId{"P1"}, "Captured", parse_instant("2026-02-27T12:00"));
    REQUIRE(b.size() == 3);
    CHECK(b.task[1] == TaskId{"P1.B"});
    CHECK(b.start[0] == parse_instant("2026-03-02T08:00"));
    CHECK(b.finish[0] == parse_instant("2026-03-06T17:00"));  // 5 days of 8 h
    CHECK(b.finish[1] == parse_instant("2026-03-20T17:00"));
    CHECK(budget_at_completion(b) == Money::from_major(30000));
    CHECK_THROWS_AS(capture_baseline(pf, cpm, ProjectId{"P9"}), ModelError);

    const auto c = read_control_sections(text, kControlFile);
    const Instant at = parse_instant("2026-03-13T17:00");
    const auto table = evm_rollup(pf, c.baselines, at, c.status);
    const auto h = project_health(pf, c, table, at);
    REQUIRE(h.size() == 2);
    // P1 by hand: A (10,000) is planned done; B (20,000, Mar 9 08:00 - Mar 20 17:00 on STD) has 5 of
    // its 10 working days behind it on Fri Mar 13 17:00, so PV = 10,000 + 10,000 = 20,000 (spread
    // over working time as P6 and MS Project do; elapsed time would give 17,692.30); EV = 10,000 +
    // 20 % x 20,000 = 14,000.
    CHECK(h[0].spi == Approx(14000.0 / 20000.0).epsilon(1e-9));
    CHECK(h[0].open_high_risks == 0);
    CHECK(h[1].open_high_risks == 1);  // R2: p 0.6 x 60,000 -> score 16, high
    CHECK(h[1].float_erosion == 0.3);
    CHECK(h[0].overdue_milestones == 0);  // P1.M planned 03-20, after the status date
    CHECK(h[0].weight == Approx(30000.0));
    const auto late = project_health(pf, c, evm_rollup(pf, c.baselines, parse_instant("2026-03-23T17:00"), c.status),
                                     parse_instant("2026-03-23T17:00"));
    CHECK(late[0].overdue_milestones == 1);
}

TEST_CASE("governance: d and w in risks and uncertainty are the project's minutes_per_day and minutes_per_week") {
    // The model format reads "5d" with the project's minutes_per_day (docs/format.md); the control
    // sections do the same for the project an entry belongs to. P1 becomes a 24-hour-day project:
    // R1 (project P1) "3d" = 3 x 1,440 minutes, P1.B's "16d" = 16 x 1,440; R2 (project P2, default
    // 8-hour days) "2d" stays 2 x 480.
    const std::string text = replace(read_text_file(kControlFile), R"("id": "P1", "name": "Build",)",
                                     R"("id": "P1", "name": "Build", "minutes_per_day": 1440, "minutes_per_week": 10080,)");
    const auto c = read_control_sections(text, kControlFile);
    CHECK(c.risks[0].pre.impact.schedule == Duration{3 * 1440});
    CHECK(c.risks[1].pre.impact.schedule == Duration{2 * 480});
    CHECK(c.uncertainty.tasks[0].distribution.max == 16 * 1440);
    // A risk tied to no project takes the project of its linked tasks ...
    const auto linked = read_control_sections(replace(text, R"("project": "P1", "owner": "PM1",)", R"("owner": "PM1",)"), kControlFile);
    CHECK(linked.risks[0].pre.impact.schedule == Duration{3 * 1440});
    // ... and a week is the project's week.
    const auto weeks = read_control_sections(replace(text, R"("schedule": "3d")", R"("schedule": "1w")"), kControlFile);
    CHECK(weeks.risks[0].pre.impact.schedule == Duration{10080});
    // A portfolio-wide figure in days is ambiguous when the projects' days differ: an error, not a guess.
    const std::string matrix = replace(text, R"("risks": {)", R"("risks": {"matrix": {"schedule_bounds": ["1d", "2d", "5d", "10d"]},)");
    try {
        (void)read_control_sections(matrix, "units.json");
        FAIL("expected ParseError");
    } catch (const ParseError& e) {
        CHECK(e.detail().find("/risks/matrix/schedule_bounds/0") != std::string::npos);
        CHECK(e.detail().find("ambiguous") != std::string::npos);
    }
    CHECK(read_control_sections(replace(matrix, R"(["1d", "2d", "5d", "10d"])", R"(["8h", "16h", "40h", "80h"])"), "units.json")
              .matrix.schedule_bounds[3] == Duration{80 * 60});
    // A document without a portfolio keeps the model format's defaults (480 / 2,400 minutes).
    CHECK(read_control_sections(R"({"risks": {"items": [{"id": "R", "pre": {"probability": 0.5, "schedule": "5d"}}]}})", "fragment.json")
              .risks[0].pre.impact.schedule == Duration{5 * 480});
}

TEST_CASE("governance: control rows naming unknown projects or tasks are ParseErrors naming file, line and JSON pointer") {
    // A baseline row or status period for a task or project that does not exist used to drop out of
    // BAC, EV and AC in silence.
    const std::string text = read_text_file(kControlFile);
    auto error_of = [&](const std::string& from, const std::string& to) {
        try {
            (void)read_control_sections(replace(text, from, to), "bad.json");
        } catch (const ParseError& e) {
            CHECK(e.path() == "bad.json");
            CHECK(e.line() > 1);
            return std::string(e.detail());
        }
        return std::string("no error");
    };
    auto has = [](const std::string& detail, const char* what) {
        INFO(detail);
        CHECK(detail.find(what) != std::string::npos);
    };
    const std::string baseline_task = error_of(R"({"task": "P1.A", "start")", R"({"task": "P1.Z", "start")");
    has(baseline_task, "/baselines/0/tasks/0/task");
    has(baseline_task, "P1.Z");
    has(error_of(R"({"name": "Baseline", "project": "P2")", R"({"name": "Baseline", "project": "P3")"), "/baselines/1/project");
    has(error_of(R"({"project": "P2", "date": "2026-03-06T17:00")", R"({"project": "P7", "date": "2026-03-06T17:00")"), "/status/1/project");
    const std::string other = error_of(R"({"task": "P1.A", "percent_complete": 80)", R"({"task": "P2.X", "percent_complete": 80)");
    has(other, "/status/0/tasks/0/task");
    has(other, "not a task of project P1");
    has(error_of(R"("projects": {"P2": {"float_erosion": 0.3}})", R"("projects": {"P9": {"float_erosion": 0.3}})"), "/governance/projects/P9");
    has(error_of(R"("project": "P2", "pre")", R"("project": "P5", "pre")"), "/risks/items/1/project");
    has(error_of(R"("linked_tasks": ["P1.B"])", R"("linked_tasks": ["P1.BB"])"), "/risks/items/0/linked_tasks/0");
    has(error_of(R"("tasks": {"P1.B": {"type": "pert")", R"("tasks": {"P1.Q": {"type": "pert")"), "/uncertainty/tasks/P1.Q");
}
