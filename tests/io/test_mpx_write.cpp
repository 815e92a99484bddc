// MPX writer (src/io/mpx_write.cpp): write -> read_mpx round trips compared field by field, a real
// project of the worked example scheduled to the same dates after the round trip, and the cases
// MPX cannot hold rejected with a ModelError naming them.
#include <algorithm>
#include <filesystem>

#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/mpx.hpp"
#include "ppm/schedule/cpm.hpp"
#include "interchange_test_util.hpp"
#include "test_support.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {


Portfolio rich_project() {
    Portfolio pf;
    pf.id = PortfolioId("PF");
    Calendar std_cal = Calendar::standard(CalendarId("std"));
    std_cal.name = "Standard, 8h";
    std_cal.exceptions.push_back({"Good Friday", Date::from_ymd(2026, 4, 3), Date::from_ymd(2026, 4, 3), {}, false});
    std_cal.exceptions.push_back({"Saturday shift", Date::from_ymd(2026, 4, 11), Date::from_ymd(2026, 4, 11), {{480, 720}}, false});
    Calendar early = Calendar::standard(CalendarId("early"), {{420, 930}});
    early.name = "Early shift";
    early.week[4] = DaySchedule{{420, 720}};  // short Friday
    pf.calendars = {std_cal, early};
    pf.default_calendar = CalendarId("std");
    pf.resources.push_back({.id = ResourceId("R1"), .name = "Anna Müller", .max_units = 2.0, .calendar = CalendarId("early"),
                            .group = "Dev", .notes = "senior, part time"});
    pf.resources.push_back({.id = ResourceId("R2"), .name = "Crane", .max_units = 1.0});

    Project p;
    p.id = ProjectId("P");
    p.name = "Plant \"North\", phase 1";
    p.manager = "J. Doe";
    p.start = at(2026, 3, 2, 8);
    p.status_date = at(2026, 3, 10, 17);
    p.calendar = CalendarId("std");
    p.minutes_per_day = 480;
    p.minutes_per_week = 2400;
    auto task = [&](std::string id, std::string name, std::int64_t minutes, std::optional<std::string> parent = {}) -> Task& {
        Task t;
        t.id = TaskId(std::move(id));
        t.name = std::move(name);
        t.duration = Duration{minutes};
        if (parent) t.parent = TaskId(*parent);
        p.tasks.push_back(std::move(t));
        return p.tasks.back();
    };
    task("S", "Build", 0);
    Task& a = task("A", "Foundations, east", 2 * 480, "S");
    a.progress.percent_complete = 50;
    a.progress.actual_start = at(2026, 3, 2, 8);
    a.progress.remaining_duration = Duration{3 * 480 + 90};  // re-estimated: 3 days 1h30 left (MPX field 43)
    a.notes = "pour \"C30\" concrete, then cure";
    a.assignments.push_back({.resource = ResourceId("R1"), .units = 1.5, .work = Duration{24 * 60}});
    Task& b = task("B", "Walls", 95, "S");  // 1h35: written in minutes
    b.predecessors.push_back({.predecessor = TaskId("A"), .type = LinkType::start_start, .lag = {LagUnit::working, Duration{4 * 60}, 0.0}});
    b.constraint = {ConstraintType::start_no_earlier_than, at(2026, 3, 4, 8)};
    Task& c = task("C", "Roof", 3 * 480);
    c.predecessors.push_back({.predecessor = TaskId("B"), .type = LinkType::finish_finish, .lag = {LagUnit::working, Duration{-480}, 0.0}});
    c.predecessors.push_back({.predecessor = TaskId("A"), .type = LinkType::finish_start, .lag = {LagUnit::percent, Duration{}, 50.0}});
    c.assignments.push_back({.resource = ResourceId("R2"), .units = 1.0, .actual_work = Duration{4 * 60}});
    Task& d = task("D", "Inspection", 90);
    d.predecessors.push_back({.predecessor = TaskId("C"), .type = LinkType::start_finish, .lag = {LagUnit::elapsed, Duration{2 * 1440}, 0.0}});
    d.constraint = {ConstraintType::must_finish_on, at(2026, 3, 27, 17)};
    Task& m = task("M", "Handover", 0);
    m.predecessors.push_back({.predecessor = TaskId("D")});
    pf.projects.push_back(std::move(p));
    return pf;
}

void compare_calendar(const Calendar& got, const Calendar& want) {
    INFO("calendar " << want.name);
    CHECK(got.name == want.name);
    for (std::size_t d = 0; d < 7; ++d) {
        const DaySchedule w = want.week[d].value_or(DaySchedule{});
        const DaySchedule g = got.week[d].value_or(DaySchedule{});
        CHECK(g == w);
    }
    CHECK(got.exceptions.size() == want.exceptions.size());
    for (std::size_t k = 0; k < std::min(got.exceptions.size(), want.exceptions.size()); ++k) {
        CHECK(got.exceptions[k].from == want.exceptions[k].from);
        CHECK(got.exceptions[k].to == want.exceptions[k].to);
        CHECK(got.exceptions[k].hours == want.exceptions[k].hours);
    }
}

const Calendar* calendar_named(const Portfolio& pf, const std::string& name) {
    for (const auto& c : pf.calendars)
        if (c.name == name) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("mpx: write then read gives back every field MPX carries", "[io][mpx]") {
    const Portfolio want = rich_project();
    const std::string text = write_mpx(want);
    REQUIRE(text.rfind("MPX,", 0) == 0);
    const ImportResult r = read_mpx(text, "P.mpx");
    const Portfolio& got = r.portfolio;
    REQUIRE(got.projects.size() == 1);
    const Project& gp = got.projects[0];
    const Project& wp = want.projects[0];
    CHECK(gp.name == wp.name);
    CHECK(gp.manager == wp.manager);
    CHECK(gp.start == wp.start);
    CHECK(gp.status_date == wp.status_date);
    CHECK(gp.minutes_per_day == wp.minutes_per_day);
    CHECK(gp.minutes_per_week == wp.minutes_per_week);
    REQUIRE(gp.calendar);
    CHECK(got.find_calendar(*gp.calendar)->name == "Standard, 8h");

    // Calendars by name (MPX numbers them): the week and the exceptions.
    for (const auto& c : want.calendars) {
        const Calendar* g = calendar_named(got, c.name);
        REQUIRE(g);
        compare_calendar(*g, c);
    }

    // Resources: id, name, capacity, group, notes; the calendar is a resource calendar deriving from "Early shift".
    REQUIRE(got.resources.size() == want.resources.size());
    for (std::size_t i = 0; i < want.resources.size(); ++i) {
        const Resource& g = got.resources[i];
        const Resource& w = want.resources[i];
        CHECK(g.id == w.id);
        CHECK(g.name == w.name);
        CHECK(g.max_units == Approx(w.max_units));
        CHECK(g.group == w.group);
        CHECK(g.notes == w.notes);
        CHECK(g.calendar.has_value() == w.calendar.has_value());
        if (w.calendar && g.calendar) {
            const Calendar* rc = got.find_calendar(*g.calendar);
            REQUIRE(rc);
            REQUIRE(rc->base);
            CHECK(got.find_calendar(*rc->base)->name == want.find_calendar(*w.calendar)->name);
        }
    }

    // Tasks in outline order, field by field.
    REQUIRE(gp.tasks.size() == wp.tasks.size());
    for (std::size_t i = 0; i < wp.tasks.size(); ++i) {
        const Task& g = gp.tasks[i];
        const Task& w = wp.tasks[i];
        INFO("task " << w.id.str());
        CHECK(g.id == w.id);
        CHECK(g.name == w.name);
        CHECK(g.parent == w.parent);
        CHECK(g.duration == w.duration);
        CHECK(g.notes == w.notes);
        CHECK(g.constraint == w.constraint);
        CHECK(g.progress.percent_complete == Approx(w.progress.percent_complete));
        CHECK(g.progress.actual_start == w.progress.actual_start);
        CHECK(g.progress.actual_finish == w.progress.actual_finish);
        CHECK(g.progress.remaining_duration == w.progress.remaining_duration);
        REQUIRE(g.predecessors.size() == w.predecessors.size());
        for (std::size_t k = 0; k < w.predecessors.size(); ++k) {
            CHECK(g.predecessors[k].predecessor == w.predecessors[k].predecessor);
            CHECK(g.predecessors[k].type == w.predecessors[k].type);
            CHECK(g.predecessors[k].lag.unit == w.predecessors[k].lag.unit);
            CHECK(g.predecessors[k].lag.amount == w.predecessors[k].lag.amount);
            CHECK(g.predecessors[k].lag.percent == Approx(w.predecessors[k].lag.percent));
        }
        REQUIRE(g.assignments.size() == w.assignments.size());
        for (std::size_t k = 0; k < w.assignments.size(); ++k) {
            CHECK(g.assignments[k].resource == w.assignments[k].resource);
            CHECK(g.assignments[k].units == Approx(w.assignments[k].units));
            CHECK(g.assignments[k].work == w.assignments[k].work);
            CHECK(g.assignments[k].actual_work == w.assignments[k].actual_work);
        }
    }
    // Nothing MPX-specific was reported missing.
    for (const auto& w : r.warnings) CHECK(w.message.find("not imported") == std::string::npos);
}

TEST_CASE("mpx: a project of the worked example schedules to the same dates after the round trip", "[io][mpx]") {
    Portfolio pf = read_json_file(std::filesystem::path(PPM_SOURCE_DIR) / "examples/portfolio.json");
    // Keep the first project alone, without its links into other projects (MPX holds one project).
    Portfolio one = pf;
    one.projects.resize(1);
    std::size_t dropped = 0;
    for (auto& t : one.projects[0].tasks) {
        const auto n = t.predecessors.size();
        std::erase_if(t.predecessors, [&](const Dependency& d) {
            return std::none_of(one.projects[0].tasks.begin(), one.projects[0].tasks.end(), [&](const Task& x) { return x.id == d.predecessor; });
        });
        dropped += n - t.predecessors.size();
    }
    // Task calendars and deadlines are not MPX 4.0 fields: clear them on both sides of the comparison.
    for (auto& t : one.projects[0].tasks) t.calendar.reset(), t.deadline.reset();
    one.projects[0].deadline.reset();
    INFO("cross-project links dropped: " << dropped);
    const ScheduleResult before = schedule(one);
    const Portfolio back = read_mpx(write_mpx(one), "example.mpx").portfolio;
    REQUIRE(back.task_count() == one.task_count());
    const ScheduleResult after = schedule(back);
    REQUIRE(after.task_id.size() == before.task_id.size());
    std::size_t same = 0;
    for (std::size_t i = 0; i < before.task_id.size(); ++i) {
        INFO("task " << before.task_id[i].str());
        CHECK(after.task_id[i] == before.task_id[i]);
        CHECK(after.early_start[i] == before.early_start[i]);
        CHECK(after.early_finish[i] == before.early_finish[i]);
        CHECK(after.total_float[i] == before.total_float[i]);
        same += after.early_finish[i] == before.early_finish[i];
    }
    CHECK(same == before.task_id.size());
    CHECK(after.finish == before.finish);
}

TEST_CASE("mpx: what MPX cannot hold is a ModelError naming it", "[io][mpx]") {
    Portfolio two = rich_project();
    two.projects.push_back(two.projects[0]);
    two.projects[1].id = ProjectId("Q");
    try {
        (void)write_mpx(two);
        FAIL("two projects were written");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::unsupported);
        CHECK(std::string(e.what()).find("one project") != std::string::npos);
    }
    Portfolio none = rich_project();
    none.projects.clear();
    CHECK_THROWS_AS(write_mpx(none), ModelError);
}

TEST_CASE("mpx: convert writes .mpx by extension and reads it back", "[io][mpx]") {
    const auto path = std::filesystem::path(PPM_BINARY_DIR) / "io_roundtrip.mpx";
    const Portfolio want = rich_project();
    write_model_file(want, path);
    const Portfolio got = read_model_file(path);
    REQUIRE(got.projects.size() == 1);
    CHECK(got.projects[0].tasks.size() == want.projects[0].tasks.size());
    const auto ext = supported_output_extensions();
    CHECK(std::find(ext.begin(), ext.end(), ".mpx") != ext.end());
}
