// JSON format: lossless round trips (write -> read -> ==, byte-identical second write) on a model
// touching every field and on examples/portfolio.json, value conversions as documented in
// docs/format.md, and malformed inputs asserting the error's kind, line, column and what it names.
#include <catch2/catch.hpp>

#include "interchange_test_util.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "ppm/core/error.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/io/json.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {


// A model that sets every field of every entity to a non-default value somewhere.
Portfolio rich() {
    Portfolio p;
    p.id = PortfolioId("PF-1");
    p.name = "Rich \"quoted\" portfolio / ünïcode";
    p.default_calendar = CalendarId("STD");
    p.status_date = at(2026, 4, 1, 17);
    p.notes = "line 1\nline 2";
    p.custom = {{"Budget", 1.25e6}, {"Owner", std::string("PMO")}, {"Approved", true}, {"Review", at(2026, 6, 30, 12, 30)}};

    Calendar std_cal;
    std_cal.id = CalendarId("STD");
    std_cal.name = "Standard";
    for (std::size_t d = 0; d < 5; ++d) std_cal.week[d] = DaySchedule{{480, 720}, {780, 1020}};
    std_cal.week[5] = DaySchedule{};
    std_cal.week[6] = DaySchedule{};
    std_cal.exceptions.push_back(CalendarException{.name = "New Year", .from = Date::from_ymd(2026, 1, 1), .to = Date::from_ymd(2026, 1, 1), .hours = {}, .yearly = true});
    std_cal.exceptions.push_back(CalendarException{.name = "Shutdown", .from = Date::from_ymd(2026, 12, 24), .to = Date::from_ymd(2026, 12, 31), .hours = {}, .yearly = false});
    std_cal.exceptions.push_back(CalendarException{.name = "Half day", .from = Date::from_ymd(2026, 7, 3), .to = Date::from_ymd(2026, 7, 3), .hours = {{480, 720}}, .yearly = false});
    std_cal.notes = "national holidays";
    std_cal.custom = {{"Country", std::string("DE")}};
    Calendar four;
    four.id = CalendarId("4DAY");
    four.name = "Four-day week";
    four.base = CalendarId("STD");
    four.week[4] = DaySchedule{};
    four.week[0] = DaySchedule{{420, 720}, {750, 1440}};
    p.calendars = {std_cal, four};

    Resource eng;
    eng.id = ResourceId("ENG");
    eng.name = "Engineers";
    eng.max_units = 3.5;
    eng.availability = {AvailabilityPeriod{.from = at(2026, 5, 1), .to = at(2026, 6, 1), .units = 2.0},
                        AvailabilityPeriod{.from = at(2026, 8, 1), .to = at(2026, 8, 15, 12), .units = 1.0}};
    eng.calendar = CalendarId("4DAY");
    eng.cost_rates = {CostRate{.effective_from = at(2026, 1, 1), .standard_per_hour = Money{9550}, .overtime_per_hour = Money{14325}, .per_use = Money{5}},
                      CostRate{.effective_from = at(2027, 1, 1), .standard_per_hour = Money{10000}, .overtime_per_hour = Money{}, .per_use = Money{}}};
    eng.group = "Engineering";
    eng.notes = "pool";
    eng.custom = {{"Grade", 7.0}};
    Resource steel;
    steel.id = ResourceId("STEEL");
    steel.name = "Steel";
    steel.type = ResourceType::material;
    steel.material_label = "t";
    Resource travel;
    travel.id = ResourceId("TRAVEL");
    travel.name = "Travel";
    travel.type = ResourceType::cost;
    p.resources = {eng, steel, travel};

    Program top;
    top.id = ProgramId("PG");
    top.name = "Transformation";
    top.manager = "A. Chief";
    top.notes = "n";
    top.custom = {{"Tier", 1.0}};
    Program sub;
    sub.id = ProgramId("PG.1");
    sub.name = "Sub";
    sub.parent = ProgramId("PG");
    p.programs = {top, sub};

    Project a;
    a.id = ProjectId("PA");
    a.name = "Project A";
    a.program = ProgramId("PG.1");
    a.start = at(2026, 3, 2, 8);
    a.deadline = at(2026, 12, 18, 17);
    a.calendar = CalendarId("STD");
    a.status_date = at(2026, 4, 1, 17);
    a.priority = 800;
    a.delay_weight = 2.5;
    a.minutes_per_day = 450;
    a.minutes_per_week = 2250;
    a.honor_constraints = false;
    a.manager = "B. Lead";
    a.notes = "project notes";
    a.custom = {{"Phase gate", std::string("G2")}};

    Task sum;
    sum.id = TaskId("A");
    sum.name = "Summary";
    Task t1;
    t1.id = TaskId("A.1");
    t1.name = "Design";
    t1.parent = TaskId("A");
    t1.duration = Duration{450 * 5};
    t1.calendar = CalendarId("4DAY");
    t1.constraint = Constraint{.type = ConstraintType::start_no_earlier_than, .date = at(2026, 3, 3, 8)};
    t1.secondary_constraint = Constraint{.type = ConstraintType::finish_no_later_than, .date = at(2026, 3, 31, 17)};
    t1.deadline = at(2026, 3, 20, 17);
    t1.priority = 1000;
    t1.fixed_cost = Money{123456};
    t1.assignments.push_back(Assignment{.resource = ResourceId("ENG"), .units = 0.75, .work = Duration{1500}, .actual_work = Duration{600},
                                        .cost = Money{99999}, .custom = {{"Role", std::string("lead")}}});
    t1.progress = Progress{.actual_start = at(2026, 3, 3, 8), .actual_finish = std::nullopt, .percent_complete = 40.0,
                           .remaining_duration = Duration{1350}, .actual_cost = Money{-250}};
    t1.earned_value = EarnedValueRule{.method = EarnedValueMethod::fixed_formula, .start_percent = 50, .milestones = {}, .units = 0,
                                      .apportioned_to = std::nullopt};
    t1.notes = "n1";
    t1.custom = {{"Risky", false}, {"Score", 0.1}};
    Task t2;
    t2.id = TaskId("A.2");
    t2.name = "Build";
    t2.parent = TaskId("A");
    t2.duration = Duration{95};
    Dependency d1;
    d1.predecessor = TaskId("A.1");
    d1.type = LinkType::start_start;
    d1.lag.amount = Duration{-450};
    d1.lag_calendar = LagCalendar::successor;
    d1.custom = {{"Why", std::string("overlap")}};
    Dependency d2;
    d2.predecessor = TaskId("B.1");
    d2.type = LinkType::finish_finish;
    d2.lag.unit = LagUnit::elapsed;
    d2.lag.amount = Duration{2 * 1440};
    d2.lag_calendar = LagCalendar::twenty_four_hour;
    Dependency d3;
    d3.predecessor = TaskId("A.M");
    d3.type = LinkType::start_finish;
    d3.lag.unit = LagUnit::percent;
    d3.lag.percent = 33.3;
    d3.lag_calendar = LagCalendar::project;
    t2.predecessors = {d1, d2, d3};
    t2.assignments.push_back(Assignment{.resource = ResourceId("STEEL"), .units = 12.5, .work = std::nullopt, .actual_work = std::nullopt,
                                        .cost = std::nullopt, .custom = {}});
    t2.assignments.push_back(Assignment{.resource = ResourceId("TRAVEL"), .units = 1.0, .work = std::nullopt, .actual_work = std::nullopt,
                                        .cost = Money{50}, .custom = {}});
    t2.earned_value = EarnedValueRule{.method = EarnedValueMethod::weighted_milestones, .start_percent = 0,
                                      .milestones = {{.name = "Frame", .weight = 1.0}, {.name = "Roof", .weight = 2.5}}, .units = 0,
                                      .apportioned_to = std::nullopt};
    Task m;
    m.id = TaskId("A.M");
    m.name = "Done";
    m.parent = TaskId("A");
    m.milestone = true;
    m.constraint = Constraint{.type = ConstraintType::must_finish_on, .date = at(2026, 9, 30, 17)};
    m.progress.actual_start = at(2026, 3, 3, 8);
    m.progress.actual_finish = at(2026, 3, 3, 8);
    m.progress.percent_complete = 100.0;
    m.earned_value = EarnedValueRule{.method = EarnedValueMethod::apportioned_effort, .start_percent = 0, .milestones = {}, .units = 0,
                                     .apportioned_to = TaskId("A.2")};
    a.tasks = {sum, t1, t2, m};

    Project b;
    b.id = ProjectId("PB");
    b.name = "Project B";
    b.start = at(2026, 3, 2);
    Task b1;
    b1.id = TaskId("B.1");
    b1.name = "Other";
    b1.duration = Duration{480 * 3 + 30};
    b1.constraint = Constraint{.type = ConstraintType::as_late_as_possible, .date = std::nullopt};
    b1.earned_value.method = EarnedValueMethod::units_complete;
    b1.earned_value.units = 42.5;
    b.tasks = {b1};
    p.projects = {a, b};
    return p;
}

// A minimal valid document whose task fields are `task_fields` (a JSON fragment), task on line 9.
std::string doc_with_task(const std::string& task_fields) {
    return "{\n"                                                  // 1
           "  \"format\": \"ppm\",\n"                             // 2
           "  \"version\": 1,\n"                                  // 3
           "  \"portfolio\": {\n"                                 // 4
           "    \"id\": \"PF\", \"name\": \"x\",\n"               // 5
           "    \"projects\": [\n"                                // 6
           "      {\"id\": \"P\", \"start\": \"2026-03-02T08:00\",\n"  // 7
           "       \"tasks\": [\n"                                // 8
           "         {\"id\": \"T\", " + task_fields + "}\n"      // 9
           "       ]}\n"                                          // 10
           "    ]\n"                                              // 11
           "  }\n"                                                // 12
           "}\n";
}

// Runs the reader and returns the ParseError it must throw.
ParseError parse_error_of(const std::string& text) {
    try {
        (void)read_json(text, "in.json");
    } catch (const ParseError& e) {
        return e;
    }
    FAIL("no ParseError for:\n" << text);
    throw std::logic_error("unreachable");
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("json: round trip of a model touching every field is lossless and canonical") {
    const Portfolio original = rich();
    for (const auto& q : validate(original)) UNSCOPED_INFO(q.message);
    REQUIRE(validate(original).empty());
    const std::string first = write_json(original);
    const Portfolio back = read_json(first, "rich.json");
    CHECK(back == original);
    // Spot checks that equality is not vacuous.
    REQUIRE(back.projects.size() == 2);
    CHECK(back.projects[0].tasks[2].predecessors[2].lag.percent == 33.3);
    CHECK(back.projects[0].tasks[1].progress.actual_cost == Money{-250});
    CHECK(back.projects[0].delay_weight == 2.5);
    CHECK(std::get<Instant>(back.custom.at("Review")) == at(2026, 6, 30, 12, 30));
    const std::string second = write_json(back);
    CHECK(second == first);
}

TEST_CASE("json: the rich model is written for the schema check") {
    // tests/io/test_schema.py validates this file against docs/schema/ppm.schema.json (ctest fixture).
    const char* env = std::getenv("PPM_RICH_JSON");
    const std::filesystem::path out = env != nullptr ? std::filesystem::path(env)
                                                     : std::filesystem::path(PPM_BINARY_DIR) / "io_rich_model.json";
    write_json_file(rich(), out);
    CHECK(read_json_file(out) == rich());
}

TEST_CASE("json: canonical form writes durations in days, hours or minutes of the project") {
    const std::string text = write_json(rich());
    // A.1: 5 days of 450 minutes; A.2: 95 minutes; B.1: 3 days + 30 min of 480 -> 1470m; lags.
    CHECK(contains(text, "\"duration\": \"5d\""));
    CHECK(contains(text, "\"duration\": \"95m\""));
    CHECK(contains(text, "\"duration\": \"1470m\""));
    CHECK(contains(text, "\"lag\": \"-1d\""));   // -450 minutes with minutes_per_day 450
    CHECK(contains(text, "\"lag\": \"2d\""));    // elapsed: 2 x 1440
    CHECK(contains(text, "\"standard\": 95.5"));
    CHECK(contains(text, "\"mon\": [\n"));
    CHECK(contains(text, "\"07:00-12:00\""));
    CHECK(contains(text, "\"12:30-24:00\""));
    CHECK(text.back() == '\n');
}

TEST_CASE("json: file round trip and the worked example portfolio") {
    const auto example = std::filesystem::path(PPM_SOURCE_DIR) / "examples" / "portfolio.json";
    REQUIRE(std::filesystem::exists(example));
    const Portfolio p = read_json_file(example);
    CHECK(p.programs.size() >= 3);
    CHECK(p.projects.size() >= 8);
    CHECK(p.task_count() >= 250);
    CHECK(p.resources.size() >= 12);
    const auto problems = validate(p);
    for (const auto& q : problems) UNSCOPED_INFO(q.message);
    CHECK(problems.empty());
    // scripts/make_example.py writes ppm's canonical form, so rewriting the file (the model, and the
    // control sections passed through after it) changes no byte.
    const std::string text = slurp(example);
    std::map<std::string, std::string, std::less<>> sections;
    for (const char* name : {"baselines", "governance", "risks", "status", "uncertainty"}) {
        const auto s = read_json_section(text, name);
        REQUIRE(s);
        sections.emplace(name, s->text);
    }
    CHECK(write_json(p, sections) == text);
    const std::string canonical = write_json(p);
    CHECK(read_json(canonical) == p);
    CHECK(write_json(read_json(canonical)) == canonical);

    const auto tmp = std::filesystem::temp_directory_path() / "ppm_test_json_roundtrip.json";
    write_json_file(p, tmp);
    CHECK(slurp(tmp) == canonical);
    CHECK(read_json_file(tmp) == p);
    std::filesystem::remove(tmp);
}

TEST_CASE("json: durations, money and custom values are converted exactly") {
    const Portfolio p = read_json(doc_with_task(
        "\"duration\": \"1.5d\", \"fixed_cost\": 1234.56, \"custom\": {\"n\": 3, \"d\": {\"date\": \"2026-03-09\"}},\n"
        " \"assignments\": [{\"resource\": \"R\", \"work\": \"2w\", \"actual_work\": 90, \"cost\": 1e3}],\n"
        " \"predecessors\": [{\"task\": \"X\", \"lag\": \"-3h\"}, {\"task\": \"Y\", \"lag\": \"1.5d\", \"lag_unit\": \"elapsed\"}]"));
    const Task& t = p.projects.at(0).tasks.at(0);
    CHECK(t.duration.count() == 720);                  // 1.5 x 480
    CHECK(t.fixed_cost.minor_units() == 123456);
    CHECK(std::get<double>(t.custom.at("n")) == 3.0);
    CHECK(std::get<Instant>(t.custom.at("d")) == at(2026, 3, 9));
    CHECK(t.assignments.at(0).work->count() == 4800);  // 2 x 2400
    CHECK(t.assignments.at(0).actual_work->count() == 90);
    CHECK(t.assignments.at(0).cost->minor_units() == 100000);
    CHECK(t.predecessors.at(0).lag.amount.count() == -180);
    CHECK(t.predecessors.at(1).lag.amount.count() == 2160);  // elapsed days are 1440 minutes
}

TEST_CASE("json: known sections of other engines are accepted and readable raw") {
    const std::string text =
        "{\"format\": \"ppm\", \"version\": 1,\n"
        " \"portfolio\": {\"id\": \"PF\", \"name\": \"x\"},\n"
        " \"risks\": {\"register\": [1, 2,\n   3]},\n"
        " \"selection\": [true]}\n";
    const Portfolio p = read_json(text);
    CHECK(p.id.str() == "PF");
    const auto risks = read_json_section(text, "risks");
    REQUIRE(risks);
    CHECK(risks->text == "{\"register\": [1, 2,\n   3]}");
    CHECK(risks->line == 3);
    CHECK(risks->column == 11);
    CHECK_FALSE(read_json_section(text, "strategy"));
    const std::string out = write_json(p, {{"risks", risks->text}});
    CHECK(contains(out, "\"risks\": {\n    \"register\": [\n"));
    CHECK(read_json_section(out, "risks").has_value());
}

// ---- malformed inputs: each names the place and the problem ------------------------------------

TEST_CASE("json: malformed JSON is a syntax error with line and column") {
    const auto e = parse_error_of("{\n  \"format\": \"ppm\",\n  \"version\": 1,,\n}");
    CHECK(e.code() == ErrorCode::syntax);
    CHECK(e.path() == "in.json");
    CHECK(e.line() == 3);
    CHECK(e.column() == 16);
    CHECK(contains(e.what(), "in.json:3:16: malformed JSON"));
}

TEST_CASE("json: truncated document is a syntax error at its end") {
    const auto e = parse_error_of("{\n  \"format\": \"ppm\",\n  \"portfolio\": {\"id\": \"x\"");
    CHECK(e.code() == ErrorCode::syntax);
    CHECK(e.line() == 3);
}

TEST_CASE("json: unknown key in a task names the key, its pointer and line") {
    const auto e = parse_error_of(doc_with_task("\"name\": \"t\", \"duratoin\": \"5d\""));
    CHECK(e.code() == ErrorCode::unexpected);
    CHECK(e.line() == 9);
    CHECK(e.column() == 35);  // 9 spaces + {"id": "T", "name": "t", = 34 characters, then the key's quote
    CHECK(contains(e.detail(), "/portfolio/projects/0/tasks/0/duratoin: unknown key \"duratoin\""));
}

TEST_CASE("json: earned-value methods: defaults omitted, parameters of another method refused") {
    // The default (percent complete) is not written; level of effort needs no parameter.
    Portfolio p = read_json(doc_with_task("\"earned_value\": {\"method\": \"level_of_effort\"}"));
    CHECK(p.projects[0].tasks[0].earned_value.method == EarnedValueMethod::level_of_effort);
    CHECK(contains(write_json(p), "\"method\": \"level_of_effort\""));
    CHECK(read_json(write_json(p)) == p);
    p.projects[0].tasks[0].earned_value = {};
    CHECK_FALSE(contains(write_json(p), "earned_value"));
    // 0/100 is a fixed formula with start_percent 0 (the default, not written).
    p = read_json(doc_with_task("\"earned_value\": {\"method\": \"fixed_formula\"}"));
    CHECK(p.projects[0].tasks[0].earned_value.start_percent == 0.0);

    auto e = parse_error_of(doc_with_task("\"earned_value\": {\"method\": \"fixed_formula\", \"units\": 5}"));
    CHECK(e.line() == 9);
    CHECK(contains(e.detail(), "/portfolio/projects/0/tasks/0/earned_value/units: unknown key \"units\" (allowed: method, start_percent)"));
    e = parse_error_of(doc_with_task("\"earned_value\": {\"method\": \"fixed_formula\", \"start_percent\": 150}"));
    CHECK(contains(e.detail(), "earned_value/start_percent: expected a percent within 0..100"));
    e = parse_error_of(doc_with_task("\"earned_value\": {\"method\": \"units_complete\"}"));
    CHECK(contains(e.detail(), "units_complete needs \"units\""));
    e = parse_error_of(doc_with_task("\"earned_value\": {\"method\": \"weighted_milestones\", \"milestones\": [{\"name\": \"a\", \"weight\": 0}]}"));
    CHECK(contains(e.detail(), "earned_value/milestones/0/weight: expected a weight > 0"));
    e = parse_error_of(doc_with_task("\"earned_value\": {\"method\": \"weighted_milestones\", \"milestones\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}"));
    CHECK(contains(e.detail(), "milestones/1/name: milestone \"a\" is listed twice"));
    e = parse_error_of(doc_with_task("\"earned_value\": {\"method\": \"apportioned_effort\", \"apportioned_to\": \"T\"}"));
    CHECK(contains(e.detail(), "apportioned_to: a task cannot be apportioned to itself"));
    e = parse_error_of(doc_with_task("\"earned_value\": {\"method\": \"50/50\"}"));
    CHECK(contains(e.detail(), "unknown value \"50/50\" (allowed: percent_complete, fixed_formula,"));
}

TEST_CASE("json: unknown top-level section is rejected, known ones are not") {
    const auto e = parse_error_of("{\"format\": \"ppm\", \"version\": 1, \"portfolio\": {},\n \"riskz\": {}}");
    CHECK(e.code() == ErrorCode::unexpected);
    CHECK(e.line() == 2);
    CHECK(contains(e.detail(), "/riskz: unknown key \"riskz\""));
    CHECK_NOTHROW(read_json("{\"format\": \"ppm\", \"version\": 1, \"portfolio\": {}, \"baselines\": [], \"status\": {}}"));
}

TEST_CASE("json: wrong type names the field and what was expected") {
    const auto e = parse_error_of(doc_with_task("\"name\": 42"));
    CHECK(e.line() == 9);
    CHECK(contains(e.detail(), "/portfolio/projects/0/tasks/0/name: expected a string, found an integer"));
}

TEST_CASE("json: bad date-time") {
    const auto e = parse_error_of(doc_with_task("\"deadline\": \"2026-02-30T08:00\""));
    CHECK(e.line() == 9);
    CHECK(contains(e.detail(), "/deadline: invalid date-time \"2026-02-30T08:00\""));
}

TEST_CASE("json: bad date in a calendar exception") {
    const auto e = parse_error_of(
        "{\"format\": \"ppm\", \"version\": 1, \"portfolio\": {\"calendars\": [\n"
        "  {\"id\": \"C\", \"exceptions\": [{\"name\": \"x\",\n"
        "     \"date\": \"26-12-25\"}]}]}}");
    CHECK(e.line() == 3);
    CHECK(contains(e.detail(), "/portfolio/calendars/0/exceptions/0/date: invalid date \"26-12-25\""));
}

TEST_CASE("json: negative duration text is rejected for a task duration") {
    const auto e = parse_error_of(doc_with_task("\"duration\": \"-2d\""));
    CHECK(e.line() == 9);
    CHECK(contains(e.detail(), "/duration: negative duration -960 minutes is not allowed here"));
}

TEST_CASE("json: bad duration unit and malformed duration numbers") {
    auto e = parse_error_of(doc_with_task("\"duration\": \"5y\""));
    CHECK(e.line() == 9);
    CHECK(contains(e.detail(), "invalid duration \"5y\": unknown unit"));
    e = parse_error_of(doc_with_task("\"duration\": \"d\""));
    CHECK(contains(e.detail(), "invalid duration \"d\""));
    e = parse_error_of(doc_with_task("\"duration\": \"0.001h\""));  // 0.06 minutes
    CHECK(contains(e.detail(), "not a whole number of minutes"));
    e = parse_error_of(doc_with_task("\"duration\": 2.5"));
    CHECK(contains(e.detail(), "expected a duration (integer minutes or a string like \"5d\"), found a number"));
}

TEST_CASE("json: money with more than two decimals is not rounded silently") {
    const auto e = parse_error_of(doc_with_task("\"fixed_cost\": 10.005"));
    CHECK(e.line() == 9);
    CHECK(contains(e.detail(), "/fixed_cost: an amount of money has at most 2 decimals"));
}

TEST_CASE("json: unknown enum value lists the allowed ones") {
    const auto e = parse_error_of(doc_with_task("\"predecessors\": [{\"task\": \"X\", \"type\": \"XS\"}]"));
    CHECK(e.line() == 9);
    CHECK(contains(e.detail(), "/predecessors/0/type: unknown value \"XS\" (allowed: FS, SS, FF, SF)"));
}

TEST_CASE("json: missing required key names the object") {
    const auto e = parse_error_of(doc_with_task("\"predecessors\": [{\"type\": \"SS\"}]"));
    CHECK(contains(e.detail(), "/portfolio/projects/0/tasks/0/predecessors/0: missing required key \"task\""));
    const auto e2 = parse_error_of("{\"format\": \"ppm\", \"version\": 1}");
    CHECK(contains(e2.detail(), "missing required key \"portfolio\""));
}

TEST_CASE("json: duplicate key in one object is an error, not a silent overwrite") {
    const auto e = parse_error_of(doc_with_task("\"name\": \"a\",\n \"name\": \"b\""));
    CHECK(e.code() == ErrorCode::unexpected);
    CHECK(e.line() == 10);
    CHECK(contains(e.detail(), "/portfolio/projects/0/tasks/0/name: duplicate key \"name\""));
}

TEST_CASE("json: wrong format marker and unsupported version") {
    auto e = parse_error_of("{\"format\": \"mpp\", \"version\": 1, \"portfolio\": {}}");
    CHECK(contains(e.detail(), "/format: expected \"ppm\""));
    e = parse_error_of("{\"format\": \"ppm\", \"version\": 2, \"portfolio\": {}}");
    CHECK(contains(e.detail(), "/version: unsupported version 2"));
    e = parse_error_of("[1, 2]");
    CHECK(contains(e.detail(), "a ppm file is a JSON object, found an array"));
}

TEST_CASE("json: bad working interval in a calendar week") {
    const auto e = parse_error_of(
        "{\"format\": \"ppm\", \"version\": 1, \"portfolio\": {\"calendars\": [\n"
        "  {\"id\": \"C\", \"week\": {\"mon\": [\"08:00-12:00\",\n"
        "     \"13:00-25:00\"]}}]}}");
    CHECK(e.line() == 3);
    CHECK(contains(e.detail(), "/portfolio/calendars/0/week/mon/1: invalid working interval \"13:00-25:00\""));
}

TEST_CASE("json: unknown week day key and out-of-range minutes per day") {
    auto e = parse_error_of(
        "{\"format\": \"ppm\", \"version\": 1, \"portfolio\": {\"calendars\": [{\"id\": \"C\", \"week\": {\"monday\": []}}]}}");
    CHECK(contains(e.detail(), "/portfolio/calendars/0/week/monday: unknown key \"monday\" (allowed: mon, tue, wed, thu, fri, sat, sun)"));
    e = parse_error_of(
        "{\"format\": \"ppm\", \"version\": 1, \"portfolio\": {\"projects\": [{\"id\": \"P\", \"start\": \"2026-01-05\", \"minutes_per_day\": 0}]}}");
    CHECK(contains(e.detail(), "/minutes_per_day: expected an integer in 1..1440, found 0"));
}

TEST_CASE("json: a custom field of an unsupported shape") {
    const auto e = parse_error_of(doc_with_task("\"custom\": {\"tags\": [\"a\"]}"));
    CHECK(e.line() == 9);
    CHECK(contains(e.detail(), "/custom/tags: a custom field is a string, number, boolean or {\"date\": ...}; found an array"));
}

TEST_CASE("json: an unreadable file is an io error naming the path") {
    try {
        (void)read_json_file("/nonexistent/dir/p.json");
        FAIL("expected ParseError");
    } catch (const ParseError& e) {
        CHECK(e.code() == ErrorCode::io);
        CHECK(e.path() == "/nonexistent/dir/p.json");
    }
}
