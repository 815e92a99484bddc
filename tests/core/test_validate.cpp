// validate(): one test per kind of problem, each asserting the code, the ids and the message.
// The expected values follow from the rules in include/ppm/core/validate.hpp and docs/model.md.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "ppm/core/validate.hpp"

using namespace ppm;

namespace {

Calendar mon_fri(const char* id) {
    Calendar c;
    c.id = CalendarId(id);
    for (std::size_t d = 0; d < 5; ++d) c.week[d] = DaySchedule{{480, 720}, {780, 1020}};
    c.week[5] = DaySchedule{};
    c.week[6] = DaySchedule{};
    return c;
}

Dependency link(const char* pred, LinkType type = LinkType::finish_start) {
    Dependency d;
    d.predecessor = TaskId(pred);
    d.type = type;
    return d;
}

Project project(const char* id) {
    Project p;
    p.id = ProjectId(id);
    p.name = id;
    p.start = Instant::from_ymd_hm(2026, 3, 2, 8);
    return p;
}

Task task(const char* id, std::int64_t minutes, std::vector<const char*> preds = {}) {
    Task t;
    t.id = TaskId(id);
    t.name = id;
    t.duration = Duration{minutes};
    for (auto p : preds) t.predecessors.push_back(link(p));
    return t;
}

// A small valid portfolio: one calendar, one resource, one program, two projects linked across.
Portfolio good() {
    Portfolio p;
    p.id = PortfolioId("PF");
    p.default_calendar = CalendarId("STD");
    p.calendars.push_back(mon_fri("STD"));
    Resource eng;
    eng.id = ResourceId("ENG");
    p.resources.push_back(eng);
    Program pg;
    pg.id = ProgramId("PG");
    p.programs.push_back(pg);
    Project a = project("PA");
    a.program = ProgramId("PG");
    a.tasks.push_back(task("A1", 0));
    a.tasks.push_back(task("A2", 480, {"A1"}));
    a.tasks.back().parent = TaskId("A1");
    a.tasks.push_back(task("A3", 960, {"A2"}));
    a.tasks.back().parent = TaskId("A1");
    Assignment as;
    as.resource = ResourceId("ENG");
    as.units = 0.5;
    a.tasks.back().assignments.push_back(as);
    Project b = project("PB");
    b.tasks.push_back(task("B1", 480, {"A3"}));
    p.projects = {a, b};
    return p;
}

std::vector<Problem> errors_of(const Portfolio& p) {
    auto all = validate(p);
    std::erase_if(all, [](const Problem& q) { return q.severity != Severity::error; });
    return all;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("validate: a consistent portfolio has no problem") {
    CHECK(validate(good()).empty());
    CHECK_NOTHROW(throw_if_invalid(good()));
}

TEST_CASE("validate: unknown predecessor names the id and the successor") {
    auto p = good();
    p.projects[1].tasks[0].predecessors.push_back(link("NOPE"));
    const auto e = errors_of(p);
    REQUIRE(e.size() == 1);
    CHECK(e[0].code == ErrorCode::unknown_id);
    CHECK(e[0].ids == std::vector<std::string>{"NOPE"});
    CHECK(contains(e[0].message, "predecessor of task B1"));
}

TEST_CASE("validate: unknown WBS parent, calendar, resource, program and base calendar") {
    auto p = good();
    p.projects[0].tasks[1].parent = TaskId("X1");
    p.projects[0].tasks[2].calendar = CalendarId("X2");
    p.projects[0].tasks[2].assignments[0].resource = ResourceId("X3");
    p.projects[1].program = ProgramId("X4");
    p.calendars[0].base = CalendarId("X5");
    p.resources[0].calendar = CalendarId("X6");
    p.programs[0].parent = ProgramId("X7");
    const auto e = errors_of(p);
    std::vector<std::string> ids;
    for (const auto& q : e) {
        CHECK(q.code == ErrorCode::unknown_id);
        ids.push_back(q.ids.at(0));
    }
    std::sort(ids.begin(), ids.end());
    CHECK(ids == std::vector<std::string>{"X1", "X2", "X3", "X4", "X5", "X6", "X7"});
    CHECK(std::any_of(e.begin(), e.end(), [](auto& q) { return contains(q.message, "WBS parent of task A2"); }));
    CHECK(std::any_of(e.begin(), e.end(), [](auto& q) { return contains(q.message, "base of calendar STD"); }));
}

TEST_CASE("validate: duplicate task ids are caught across projects, and other kinds per kind") {
    auto p = good();
    p.projects[1].tasks[0].id = TaskId("A2");  // same id as a task of project PA
    p.calendars.push_back(mon_fri("STD"));
    p.resources.push_back(p.resources[0]);
    const auto e = errors_of(p);
    REQUIRE(e.size() == 3);
    for (const auto& q : e) CHECK(q.code == ErrorCode::duplicate_id);
    CHECK(e[0].message == "duplicate calendar id 'STD'");
    CHECK(e[1].message == "duplicate resource id 'ENG'");
    CHECK(e[2].message == "duplicate task id 'A2'");
}

TEST_CASE("validate: a dependency cycle is reported once with its members in order") {
    auto p = good();
    // A2 -> A3 -> B1 -> A2 (B1 is in the other project).
    p.projects[0].tasks[1].predecessors.push_back(link("B1"));
    const auto e = errors_of(p);
    REQUIRE(e.size() == 1);
    CHECK(e[0].code == ErrorCode::cycle);
    CHECK(e[0].ids == std::vector<std::string>{"A2", "A3", "B1"});
    CHECK(e[0].message == "dependency cycle: A2 -> A3 -> B1 -> A2");
    CHECK_THROWS_AS(throw_if_invalid(p), ModelError);
    try {
        throw_if_invalid(p);
    } catch (const ModelError& err) {
        CHECK(err.code() == ErrorCode::cycle);
        CHECK(err.ids() == std::vector<std::string>{"A2", "A3", "B1"});
    }
}

TEST_CASE("validate: two separate cycles and a self link are each reported once") {
    auto p = good();
    p.projects[0].tasks[0].predecessors.push_back(link("A1"));  // self link
    Project c = project("PC");
    c.tasks = {task("C1", 60, {"C3"}), task("C2", 60, {"C1"}), task("C3", 60, {"C2", "C1"})};
    p.projects.push_back(c);
    const auto e = errors_of(p);
    REQUIRE(e.size() == 2);
    CHECK(e[0].ids == std::vector<std::string>{"A1"});
    CHECK(e[0].message == "dependency cycle: A1 -> A1");
    // From C1 the DFS takes C1's first successor in file order (C2), then C3, which closes the loop.
    CHECK(e[1].ids == std::vector<std::string>{"C1", "C2", "C3"});
}

TEST_CASE("validate: WBS parent cycle and program parent cycle") {
    auto p = good();
    p.projects[0].tasks[0].parent = TaskId("A2");  // A1 <-> A2
    Program pg2;
    pg2.id = ProgramId("PG2");
    pg2.parent = ProgramId("PG");
    p.programs.push_back(pg2);
    p.programs[0].parent = ProgramId("PG2");
    const auto e = errors_of(p);
    std::vector<std::string> messages;
    for (const auto& q : e) messages.push_back(q.message);
    CHECK(std::count(messages.begin(), messages.end(), "WBS parent cycle: A1 -> A2 -> A1") == 1);
    CHECK(std::count(messages.begin(), messages.end(), "program parent cycle: PG -> PG2 -> PG") == 1);
}

TEST_CASE("validate: negative durations, work and remaining duration") {
    auto p = good();
    p.projects[0].tasks[1].duration = Duration{-5};
    p.projects[0].tasks[2].assignments[0].work = Duration{-60};
    p.projects[1].tasks[0].progress.remaining_duration = Duration{-1};
    const auto e = errors_of(p);
    REQUIRE(e.size() == 3);
    for (const auto& q : e) CHECK(q.code == ErrorCode::negative_duration);
    CHECK(e[0].message == "negative duration on 'A2'");
    CHECK(contains(e[1].message, "work (resource ENG on task A3)"));
    CHECK(e[2].message == "negative remaining duration on 'B1'");
}

TEST_CASE("validate: a milestone must have zero duration") {
    auto p = good();
    p.projects[1].tasks[0].milestone = true;
    const auto e = errors_of(p);
    REQUIRE(e.size() == 1);
    CHECK(e[0].code == ErrorCode::invalid_value);
    CHECK(e[0].ids == std::vector<std::string>{"B1"});
    CHECK(contains(e[0].message, "480 minutes"));
}

TEST_CASE("validate: percent complete outside 0..100 and negative units") {
    auto p = good();
    p.projects[1].tasks[0].progress.percent_complete = 100.5;
    p.projects[0].tasks[2].assignments[0].units = -0.5;
    p.resources[0].max_units = -1;
    const auto e = errors_of(p);
    REQUIRE(e.size() == 3);
    for (const auto& q : e) CHECK(q.code == ErrorCode::invalid_value);
    CHECK(contains(e[0].message, "max units on 'ENG'"));
    CHECK(contains(e[1].message, "assignment units on 'A3'"));
    CHECK(contains(e[2].message, "percent complete on 'B1'"));
}

TEST_CASE("validate: calendar with no working time, bad intervals and bad exception range") {
    auto p = good();
    Calendar off;
    off.id = CalendarId("OFF");
    for (auto& d : off.week) d = DaySchedule{};
    p.calendars.push_back(off);
    p.calendars[0].week[0] = DaySchedule{{780, 1020}, {480, 800}};  // unsorted / overlapping
    p.calendars[0].week[1] = DaySchedule{{600, 1500}};               // past midnight
    p.calendars[0].exceptions.push_back(
        CalendarException{.name = "Works", .from = Date::from_ymd(2026, 5, 2), .to = Date::from_ymd(2026, 5, 1), .hours = {}, .yearly = false});
    const auto e = errors_of(p);
    REQUIRE(e.size() == 4);
    CHECK(e[0].code == ErrorCode::invalid_value);
    CHECK(contains(e[0].message, "Monday: intervals must be sorted"));
    CHECK(contains(e[1].message, "Tuesday: [600, 1500)"));
    CHECK(contains(e[2].message, "exception 'Works' ends (2026-05-01) before it starts (2026-05-02)"));
    CHECK(e[3].code == ErrorCode::no_working_time);
    CHECK(e[3].ids == std::vector<std::string>{"OFF"});
}

TEST_CASE("validate: a derived calendar inherits working days, an exception with hours counts as work") {
    auto p = good();
    Calendar derived;
    derived.id = CalendarId("DER");
    derived.base = CalendarId("STD");
    Calendar weekend_only;  // every day off, but one dated working Saturday
    weekend_only.id = CalendarId("ONE");
    for (auto& d : weekend_only.week) d = DaySchedule{};
    weekend_only.exceptions.push_back(CalendarException{
        .name = "Sat", .from = Date::from_ymd(2026, 3, 7), .to = Date::from_ymd(2026, 3, 7), .hours = {{480, 720}}, .yearly = false});
    p.calendars.push_back(derived);
    p.calendars.push_back(weekend_only);
    CHECK(errors_of(p).empty());
}

TEST_CASE("validate: calendar base cycle names the calendars in order") {
    auto p = good();
    Calendar x;
    x.id = CalendarId("X");
    x.base = CalendarId("Y");
    Calendar y;
    y.id = CalendarId("Y");
    y.base = CalendarId("X");
    p.calendars.push_back(x);
    p.calendars.push_back(y);
    const auto e = errors_of(p);
    REQUIRE(e.size() == 1);
    CHECK(e[0].code == ErrorCode::cycle);
    CHECK(e[0].message == "calendar base cycle: X -> Y -> X");
}

TEST_CASE("validate: a date constraint without its date") {
    auto p = good();
    p.projects[0].tasks[2].constraint = Constraint{.type = ConstraintType::must_finish_on, .date = std::nullopt};
    p.projects[0].tasks[1].constraint = Constraint{.type = ConstraintType::as_late_as_possible, .date = std::nullopt};  // needs no date
    const auto e = errors_of(p);
    REQUIRE(e.size() == 1);
    CHECK(e[0].code == ErrorCode::missing_value);
    CHECK(e[0].message == "missing date of constraint MFO on 'A3'");
}

TEST_CASE("validate: actual finish without actual start, and before it") {
    auto p = good();
    p.projects[0].tasks[1].progress.actual_finish = Instant::from_ymd_hm(2026, 3, 3, 17);
    p.projects[0].tasks[2].progress.actual_start = Instant::from_ymd_hm(2026, 3, 4, 8);
    p.projects[0].tasks[2].progress.actual_finish = Instant::from_ymd_hm(2026, 3, 3, 17);
    const auto e = errors_of(p);
    REQUIRE(e.size() == 2);
    for (const auto& q : e) CHECK(q.code == ErrorCode::inconsistent);
    CHECK(contains(e[0].message, "'A2': actual finish 2026-03-03T17:00 without an actual start"));
    CHECK(contains(e[1].message, "'A3': actual finish 2026-03-03T17:00 is before actual start 2026-03-04T08:00"));
}

TEST_CASE("validate: WBS parent in another project and parent after child") {
    auto p = good();
    p.projects[1].tasks[0].parent = TaskId("A1");
    std::swap(p.projects[0].tasks[0], p.projects[0].tasks[2]);  // A3, A2, A1: children before their parent
    const auto e = errors_of(p);
    REQUIRE(e.size() == 3);
    CHECK(contains(e[0].message, "outline order on 'A3'"));
    CHECK(contains(e[1].message, "outline order on 'A2'"));
    CHECK(contains(e[2].message, "parent A1 belongs to another project (PA)"));
}

TEST_CASE("validate: warnings do not make throw_if_invalid throw") {
    auto p = good();
    p.projects[1].tasks[0].predecessors.push_back(link("A3", LinkType::start_start));
    const auto all = validate(p);
    REQUIRE(all.size() == 1);
    CHECK(all[0].severity == Severity::warning);
    CHECK(all[0].ids == std::vector<std::string>{"B1", "A3"});
    CHECK_NOTHROW(throw_if_invalid(p));
}

TEST_CASE("validate: earned-value rules, and apportioned effort following an unknown, summary or circular base") {
    // Rules from include/ppm/core/validate.hpp: apportioned effort follows a leaf task of its own
    // project (PMI Practice Standard for EVM: apportioned effort is tied to a discrete base).
    auto apportioned = [](const char* base) {
        EarnedValueRule r;
        r.method = EarnedValueMethod::apportioned_effort;
        r.apportioned_to = TaskId(base);
        return r;
    };
    Portfolio ok = good();
    ok.projects[0].tasks[2].earned_value = apportioned("A2");  // A3 follows A2
    CHECK(errors_of(ok).empty());

    Portfolio other = good();
    other.projects[0].tasks[2].earned_value = apportioned("B1");  // a task of project PB
    auto e = errors_of(other);
    REQUIRE(e.size() == 1);
    CHECK(e[0].code == ErrorCode::unknown_id);
    CHECK(e[0].ids == std::vector<std::string>{"B1"});
    CHECK(e[0].message.find("apportioned_to of task A3 (project PA)") != std::string::npos);

    Portfolio summary = good();
    summary.projects[0].tasks[2].earned_value = apportioned("A1");  // A1 is the WBS summary
    e = errors_of(summary);
    REQUIRE(e.size() == 1);
    CHECK(e[0].code == ErrorCode::invalid_value);
    CHECK(e[0].message.find("summary task") != std::string::npos);

    Portfolio round = good();
    round.projects[0].tasks[1].earned_value = apportioned("A3");
    round.projects[0].tasks[2].earned_value = apportioned("A2");
    e = errors_of(round);
    REQUIRE(e.size() == 1);  // one cycle, reported once
    CHECK(e[0].code == ErrorCode::cycle);
    CHECK(e[0].ids == std::vector<std::string>{"A2", "A3"});

    Portfolio formula = good();
    formula.projects[0].tasks[1].earned_value.method = EarnedValueMethod::fixed_formula;
    formula.projects[0].tasks[1].earned_value.start_percent = 150.0;
    e = errors_of(formula);
    REQUIRE(e.size() == 1);
    CHECK(e[0].code == ErrorCode::invalid_value);
    CHECK(e[0].ids == std::vector<std::string>{"A2"});
    CHECK_THROWS_AS(throw_if_invalid(formula), ModelError);
}
