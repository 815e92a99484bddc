// MPX, PMXML, XER export, iCalendar export and model-file dispatch tests. Expected values:
// shared/data/interchange/EXPECTED.md (MPXJ TaskLinksTest, CalendarCalendarsTest,
// XmlRelationshipLagCalendarTest, EffectiveRateTest) and RFC 5545 for iCalendar.
#include <set>

#include "interchange_test_util.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/ical.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/mpx.hpp"
#include "ppm/io/pmxml.hpp"
#include "ppm/io/xer.hpp"
#include "ppm/schedule/cpm.hpp"

using namespace ppm;
using ppm::test::custom_text;
using ppm::test::interchange;
using ppm::test::task_by_row;

TEST_CASE("mpx: every shared file loads and every task row is accounted for") {
    if (!ppm::test::have_shared("interchange/mpx")) return;
    for (const auto& f : ppm::test::files_in("mpx", ".mpx")) {
        INFO(f.filename().string());
        const auto r = read_mpx_file(f);
        // Independent count: record-70 lines except the project summary row (ID 0).
        std::istringstream in(ppm::test::slurp(f));
        std::string line;
        std::size_t rows = 0, calendars = 0, resources = 0;
        char sep = ',';
        bool first = true;
        while (std::getline(in, line)) {
            if (first) { sep = line.size() > 3 ? line[3] : ','; first = false; continue; }
            const std::string rec = line.substr(0, line.find(sep));
            if (rec == "70") ++rows;
            if (rec == "20" || rec == "55") ++calendars;
            if (rec == "50") ++resources;
        }
        REQUIRE(r.portfolio.projects.size() == 1);
        std::size_t summary_rows = 0;
        for (const auto& w : r.warnings) summary_rows += w.message.find("project summary row") != std::string::npos;
        CHECK(summary_rows <= 1);
        CHECK(r.portfolio.projects[0].tasks.size() + summary_rows == rows);
        CHECK(r.portfolio.calendars.size() == calendars);
        CHECK(r.portfolio.resources.size() == resources);
    }
}

TEST_CASE("mpx: links with lags from the Predecessors column (task-links-project98.mpx)") {
    if (!ppm::test::have_shared("interchange/mpx")) return;
    const auto r = read_mpx_file(interchange("mpx/task-links-project98.mpx"));
    const Project& p = r.portfolio.projects.at(0);
    struct Link { const char* succ; const char* pred; LinkType type; std::int64_t lag; };
    const Link expected[] = {{"2", "1", LinkType::finish_start, 0},     {"4", "3", LinkType::finish_start, 480},
                             {"6", "5", LinkType::finish_start, 960},   {"8", "7", LinkType::finish_start, 2400},
                             {"10", "9", LinkType::finish_start, 4800}, {"12", "11", LinkType::start_finish, 960},
                             {"14", "13", LinkType::start_start, 960},  {"16", "15", LinkType::finish_finish, 960}};
    for (const auto& e : expected) {
        INFO(e.succ);
        const Task* s = task_by_row(p, e.succ, "mpx.ID");
        const Task* q = task_by_row(p, e.pred, "mpx.ID");
        REQUIRE(s);
        REQUIRE(q);
        REQUIRE(s->predecessors.size() == 1);
        CHECK(s->predecessors[0].predecessor == q->id);
        CHECK(s->predecessors[0].type == e.type);
        CHECK(s->predecessors[0].lag.amount.count() == e.lag);
    }
}

TEST_CASE("mpx: calendars and resource calendars (calendar-calendars-project98.mpx)") {
    if (!ppm::test::have_shared("interchange/mpx")) return;
    const auto r = read_mpx_file(interchange("mpx/calendar-calendars-project98.mpx"));
    const auto& cals = r.portfolio.calendars;
    REQUIRE(cals.size() == 5);
    CHECK(cals[0].name == "Standard");
    CHECK(cals[1].name == "Calendar1");
    CHECK(cals[2].name == "Calendar2");
    CHECK(cals[3].base == cals[0].id);
    CHECK(cals[4].base == cals[0].id);
    REQUIRE(cals[0].week[0]);
    CHECK(*cals[0].week[0] == DaySchedule{{480, 720}, {780, 1020}});
    CHECK(cals[0].week[6] == DaySchedule{});
}

TEST_CASE("mpx: German locale (semicolons, decimal comma, 't' for days) reads like the English sample") {
    if (!ppm::test::have_shared("interchange/mpx")) return;
    const auto de = read_mpx_file(interchange("mpx/sample.de.mpx"));
    const auto en = read_mpx_file(interchange("mpx/sample.mpx"));
    const auto& a = de.portfolio.projects.at(0).tasks;
    const auto& b = en.portfolio.projects.at(0).tasks;
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        INFO(b[i].name);
        CHECK(a[i].duration == b[i].duration);
        CHECK(a[i].name == b[i].name);
        CHECK(a[i].parent == b[i].parent);
    }
    // "10EA+1t": Ende-Anfang (finish-start) plus one Tag.
    const Task* t = nullptr;
    for (const auto& x : a)
        if (x.name == "Related Task 2b") t = &x;
    REQUIRE(t);
    REQUIRE(!t->predecessors.empty());
    CHECK(t->predecessors[0].type == LinkType::finish_start);
    CHECK(t->predecessors[0].lag.amount.count() == 480);
}

TEST_CASE("mpx: the project header's dates and calendar are read, never dropped in silence") {
    // Record 30 (MPX 4.0): name, company, manager, calendar, start date, finish date, schedule from,
    // current (status) date. Written by hand; the dates follow the file's date format (record 10).
    const std::string head = "MPX;Microsoft Project for Windows;4.0;ANSI\r\n"
                             "10;$;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0\r\n"
                             "20;Standard;1;1;1;1;1;1;1\r\n";
    const auto read = [&](const std::string& record30) { return read_mpx(head + record30 + "\r\n", "h.mpx"); };
    const auto ok = read("30;P;;;Standard;06/01/2003;;0;10/01/2003");
    REQUIRE(ok.portfolio.projects.size() == 1);
    CHECK(ok.portfolio.projects[0].status_date.has_value());
    CHECK(ok.warnings.empty());
    // "NA" is MPX's "no date".
    const auto na = read("30;P;;;Standard;NA;;0;NA");
    CHECK_FALSE(na.portfolio.projects[0].status_date.has_value());
    CHECK(na.portfolio.projects[0].start != ok.portfolio.projects[0].start);
    try {
        (void)read("30;P;;;Standard;soon;;0;");
        FAIL("a start date that is no date must be an error");
    } catch (const ppm::ParseError& e) {
        CHECK(e.line() == 4);
        CHECK_THAT(std::string(e.what()), Catch::Matchers::Contains("start date") && Catch::Matchers::Contains("'soon'"));
    }
    CHECK_THROWS_AS(read("30;P;;;Standard;06/01/2003;;0;31/31/31"), ppm::ParseError);
    const auto unknown = read("30;P;;;Night shift;06/01/2003");
    REQUIRE(unknown.warnings.size() == 1);
    CHECK_THAT(unknown.warnings[0].message, Catch::Matchers::Contains("'Night shift' not found"));
}

TEST_CASE("pmxml: shared files load, relationship lag calendar option, resource rates") {
    if (!ppm::test::have_shared("interchange/pmxml")) return;
    const std::pair<const char*, LagCalendar> files[] = {{"PredecessorCalendar.xml", LagCalendar::predecessor},
                                                         {"ProjectDefaultCalendar.xml", LagCalendar::project},
                                                         {"TwentyFourHourCalendar.xml", LagCalendar::twenty_four_hour}};
    for (const auto& [file, want] : files) {
        INFO(file);
        const auto r = read_pmxml_file(interchange(std::string("pmxml/") + file));
        REQUIRE(r.portfolio.projects.size() == 1);
        const auto& p = r.portfolio.projects[0];
        const auto expected_text = want == LagCalendar::predecessor ? "Predecessor Activity Calendar"
                                   : want == LagCalendar::project   ? "Project Default Calendar"
                                                                    : "24 Hour Calendar";
        CHECK(custom_text(p.custom, "pmxml.RelationshipLagCalendar") == expected_text);
        const Task* t = nullptr;
        for (const auto& x : p.tasks)
            if (x.name == "Test") t = &x;
        REQUIRE(t);
        CHECK(t->progress.actual_finish == Instant::from_ymd_hm(2021, 4, 19, 15, 30));
        CHECK(t->duration.count() == 360 * 60);
        const Calendar* c = r.portfolio.find_calendar(CalendarId("12002"));
        REQUIRE(c);
        REQUIRE(c->week[0]);
        CHECK(*c->week[0] == DaySchedule{{420, 720}, {750, 930}});  // 07:00-11:59, 12:30-15:29 as P6 writes them
    }
    const auto rates = read_pmxml_file(interchange("pmxml/resource-rates-test.xml"));
    const auto xer = read_xer_file(interchange("xer/resource-rates-test.xer"));
    // Same project exported both ways: the same resources with the same rate rows.
    REQUIRE(rates.portfolio.resources.size() == xer.portfolio.resources.size());
    for (std::size_t i = 0; i < rates.portfolio.resources.size(); ++i) {
        CHECK(rates.portfolio.resources[i].name == xer.portfolio.resources[i].name);
        CHECK(rates.portfolio.resources[i].cost_rates == xer.portfolio.resources[i].cost_rates);
    }
    std::size_t tasks_xml = 0, tasks_xer = 0;
    for (const auto& p : rates.portfolio.projects) for (const auto& t : p.tasks) tasks_xml += custom_text(t.custom, "pmxml.kind") != "WBS";
    for (const auto& p : xer.portfolio.projects) for (const auto& t : p.tasks) tasks_xer += custom_text(t.custom, "xer.kind") != "WBS";
    CHECK(tasks_xml == tasks_xer);
}

TEST_CASE("xer: export re-imports to the same tasks, links, calendars and resources") {
    Portfolio pf;
    pf.id = PortfolioId("demo");
    pf.calendars.push_back(Calendar::standard(CalendarId("7"), {{480, 960}}));
    pf.calendars[0].name = "5 Day \xC3\xA9t\xC3\xA9";  // non-ASCII survives Windows-1252
    pf.calendars[0].exceptions.push_back({"", Date::from_ymd(2026, 4, 3), Date::from_ymd(2026, 4, 3), {}, false});
    pf.default_calendar = CalendarId("7");
    Resource r;
    r.id = ResourceId("3");
    r.name = "Crane";
    r.cost_rates.push_back({Instant::from_ymd_hm(2026, 1, 1), Money::from_major(12.5), {}, {}});
    pf.resources.push_back(r);
    Project p;
    p.id = ProjectId("P1");
    p.name = "Demo";
    p.start = Instant::from_ymd_hm(2026, 3, 2, 8, 0);
    p.calendar = CalendarId("7");
    Task wbs{.id = TaskId("WBS5"), .name = "Phase 1"};
    Task a{.id = TaskId("10"), .name = "Dig", .parent = TaskId("WBS5"), .duration = Duration{960}};
    a.assignments.push_back({ResourceId("3"), 1.0, Duration{960}, std::nullopt, std::nullopt, {}});
    Task b{.id = TaskId("11"), .name = "Pour", .parent = TaskId("WBS5"), .duration = Duration{480}};
    b.predecessors.push_back({TaskId("10"), LinkType::start_start, {LagUnit::working, Duration{240}, 0}, LagCalendar::successor, {}});
    Task m{.id = TaskId("12"), .name = "Done", .milestone = true};
    m.predecessors.push_back({TaskId("11"), LinkType::finish_start, {}, LagCalendar::successor, {}});
    p.tasks = {wbs, a, b, m};
    pf.projects.push_back(p);
    const auto back = read_xer(write_xer(pf), "demo.xer").portfolio;
    REQUIRE(back.projects.size() == 1);
    const Project& q = back.projects[0];
    REQUIRE(q.tasks.size() == 4);
    for (const auto& t : p.tasks) {
        INFO(t.id.str());
        const Task* u = back.find_task(t.id);
        REQUIRE(u);
        CHECK(u->name == t.name);
        CHECK(u->parent == t.parent);
        CHECK(u->milestone == t.milestone);
        if (!t.id.str().starts_with("WBS")) CHECK(u->duration == t.duration);
        REQUIRE(u->predecessors.size() == t.predecessors.size());
        for (std::size_t k = 0; k < t.predecessors.size(); ++k) {
            CHECK(u->predecessors[k].predecessor == t.predecessors[k].predecessor);
            CHECK(u->predecessors[k].type == t.predecessors[k].type);
            CHECK(u->predecessors[k].lag == t.predecessors[k].lag);
            CHECK(u->predecessors[k].lag_calendar == t.predecessors[k].lag_calendar);
        }
        CHECK(u->assignments.size() == t.assignments.size());
    }
    REQUIRE(back.calendars.size() == 1);
    CHECK(back.calendars[0].name == pf.calendars[0].name);
    CHECK(back.calendars[0].week == pf.calendars[0].week);
    CHECK(back.calendars[0].exceptions == pf.calendars[0].exceptions);
    REQUIRE(back.resources.size() == 1);
    CHECK(back.resources[0].cost_rates == pf.resources[0].cost_rates);
}

TEST_CASE("ical: milestones of a schedule become VEVENTs (RFC 5545)") {
    Portfolio pf;
    pf.id = PortfolioId("demo");
    pf.calendars.push_back(Calendar::standard(CalendarId("std")));
    pf.default_calendar = CalendarId("std");
    Project p;
    p.id = ProjectId("P1");
    p.start = Instant::from_ymd_hm(2026, 3, 2, 8, 0);
    Task a{.id = TaskId("A"), .name = "Build", .duration = Duration{960}};
    Task m{.id = TaskId("M"), .name = "Go-live, phase 1; done", .milestone = true};
    m.predecessors.push_back({TaskId("A"), LinkType::finish_start, {}, LagCalendar::predecessor, {}});
    p.tasks = {a, m};
    pf.projects.push_back(p);
    const std::string ics = write_ical(pf, schedule(pf));
    CHECK(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0) == 0);
    CHECK(ics.find("UID:M@P1.ppm\r\n") != std::string::npos);
    CHECK(ics.find("SUMMARY:Go-live\\, phase 1\\; done\r\n") != std::string::npos);
    // Two 8-hour days from Monday 08:00 end Tuesday 17:00.
    CHECK(ics.find("DTSTART:20260303T170000\r\n") != std::string::npos);
    CHECK(ics.find("UID:A@") == std::string::npos);  // not a milestone
    std::size_t events = 0;
    for (std::size_t pos = 0; (pos = ics.find("BEGIN:VEVENT", pos)) != std::string::npos; ++pos) ++events;
    CHECK(events == 1);
}

TEST_CASE("model file: dispatch by extension and root element, unsupported extensions named") {
    if (ppm::test::have_shared("interchange")) {
        CHECK(read_model_file(interchange("mspdi/mspdirelations.xml")).task_count() == 5);
        CHECK(read_model_file_with_warnings(interchange("pmxml/PredecessorCalendar.xml")).portfolio.projects.size() == 1);
        CHECK(read_model_file(interchange("xer/invalid-8.4.xer")).projects.size() == 1);
        CHECK(read_model_file(interchange("mpx/task-links-project98.mpx")).task_count() == 16);
    }
    try {
        (void)read_model_file("plan.mpp");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(std::string(e.what()).find(".mpp") != std::string::npos);
    }
    CHECK_THROWS_AS(write_model_file(Portfolio{}, "out.pdf"), ParseError);
}
