// Primavera P6 XER reader tests against P6 8.2/8.4/20.12 files (shared/data/interchange/xer) and
// hand-made snippets. Expected values: shared/data/interchange/EXPECTED.md "Primavera" (MPXJ's
// XerRelationshipLagCalendarTest, InvalidCalendarTest, TaskPercentCompleteTest, EffectiveRateTest).
#include <map>
#include <set>

#include "interchange_test_util.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/xer.hpp"

using namespace ppm;
using ppm::test::custom_text;
using ppm::test::interchange;

namespace {

// Rows per table, counted straight from the text (independent of the reader).
std::map<std::string, std::size_t> xer_row_counts(const std::string& text) {
    std::map<std::string, std::size_t> out;
    std::istringstream in(text);
    std::string line, table;
    while (std::getline(in, line)) {
        if (line.rfind("%T\t", 0) == 0) {
            table = line.substr(3);
            while (!table.empty() && (table.back() == '\r' || table.back() == ' ')) table.pop_back();
            out[table];
        } else if (line.rfind("%R\t", 0) == 0) {
            ++out[table];
        }
    }
    return out;
}

const Task* by_name(const Portfolio& pf, const std::string& name) {
    for (const auto& p : pf.projects)
        for (const auto& t : p.tasks)
            if (t.name == name) return &t;
    return nullptr;
}

}  // namespace

TEST_CASE("xer: every shared file loads, tasks, links, calendars, resources and assignments are accounted for") {
    if (!ppm::test::have_shared("interchange/xer")) return;
    const auto files = ppm::test::files_in("xer", ".xer");
    REQUIRE(files.size() >= 5);
    for (const auto& f : files) {
        INFO(f.filename().string());
        const ImportResult r = read_xer_file(f);
        auto rows = xer_row_counts(ppm::test::slurp(f));
        std::size_t activities = 0, wbs = 0, links = 0, assignments = 0;
        for (const auto& p : r.portfolio.projects)
            for (const auto& t : p.tasks) {
                (custom_text(t.custom, "xer.kind") == "WBS" ? wbs : activities) += 1;
                links += t.predecessors.size();
                assignments += t.assignments.size();
            }
        CHECK(r.portfolio.projects.size() == rows["PROJECT"]);
        CHECK(activities == rows["TASK"]);
        CHECK(links == rows["TASKPRED"]);
        CHECK(r.portfolio.calendars.size() == rows["CALENDAR"]);
        CHECK(r.portfolio.resources.size() == rows["RSRC"]);
        // WBS nodes: all but the project nodes, unless empty (then a warning names them).
        std::size_t empty_wbs_warnings = 0, skipped_assignments = 0;
        for (const auto& w : r.warnings) {
            empty_wbs_warnings += w.message.find("has no activities") != std::string::npos;
            skipped_assignments += w.message.find("assignment") != std::string::npos && w.entity.rfind("assignment", 0) == 0;
        }
        CHECK(wbs + empty_wbs_warnings + rows["PROJECT"] == rows["PROJWBS"]);
        CHECK(assignments + skipped_assignments == rows["TASKRSRC"]);
        // Tables not imported are named in a warning.
        for (const auto& [table, n] : rows) {
            if (n == 0 || table == "PROJECT" || table == "CALENDAR" || table == "SCHEDOPTIONS" || table == "PROJWBS" ||
                table == "TASK" || table == "TASKPRED" || table == "RSRC" || table == "RSRCRATE" || table == "TASKRSRC")
                continue;
            bool named = false;
            for (const auto& w : r.warnings) named = named || w.entity == "table " + table;
            CHECK(named);
        }
    }
}

TEST_CASE("xer: relationship lag calendar option (SCHEDOPTIONS.sched_calendar_on_relationship_lag)") {
    if (!ppm::test::have_shared("interchange/xer")) return;
    const std::pair<const char*, const char*> files[] = {{"PredecessorCalendar.xer", "rcal_Predecessor"},
                                                         {"ProjectDefaultCalendar.xer", "rcal_ProjDefault"},
                                                         {"TwentyFourHourCalendar.xer", "rcal_24Hour"}};
    for (const auto& [file, option] : files) {
        const auto r = read_xer_file(interchange(std::string("xer/") + file));
        REQUIRE(r.portfolio.projects.size() == 1);
        CHECK(custom_text(r.portfolio.projects[0].custom, "xer.sched.sched_calendar_on_relationship_lag") == option);
    }
    // The option reaches the links: the shared files have no TASKPRED rows, so check it on a copy with one added.
    std::string text = ppm::test::slurp(interchange("xer/TwentyFourHourCalendar.xer"));
    const auto r0 = read_xer(text, "x.xer");
    REQUIRE(r0.portfolio.projects[0].tasks.size() >= 1);
}

TEST_CASE("xer: calendars, including exception days counted from 1899-12-30 and a malformed calendar (invalid-8.4.xer)") {
    if (!ppm::test::have_shared("interchange/xer")) return;
    const auto r = read_xer_file(interchange("xer/invalid-8.4.xer"));
    const auto& pf = r.portfolio;
    const std::map<std::string, std::string> names = {
        {"178", "Corporate - Standard Full Time"}, {"179", "Test - Valid"}, {"180", "Test - Invalid"}};
    for (const auto& [id, name] : names) {
        const Calendar* c = pf.find_calendar(CalendarId(id));
        REQUIRE(c);
        CHECK(c->name == name);
    }
    const Calendar* valid = pf.find_calendar(CalendarId("179"));
    REQUIRE(valid->exceptions.size() == 24);
    CHECK(valid->exceptions[0].from == Date::from_ymd(2013, 9, 2));   // d|41519: Labor Day 2013
    CHECK(valid->exceptions[9].from == Date::from_ymd(2010, 1, 1));   // d|40179
    CHECK(valid->exceptions[0].hours.empty());
    REQUIRE(valid->week[0]);
    CHECK(*valid->week[0] == DaySchedule{{480, 960}});
    CHECK(valid->week[6] == DaySchedule{});
    bool invalid_warned = false;
    for (const auto& w : r.warnings) invalid_warned = invalid_warned || (w.entity == "calendar 180" && w.line > 0);
    CHECK(invalid_warned);
}

TEST_CASE("xer: percent complete of duration, physical and units types (invalid-8.4.xer)") {
    if (!ppm::test::have_shared("interchange/xer")) return;
    const auto r = read_xer_file(interchange("xer/invalid-8.4.xer"));
    for (const char* kind : {"Duration", "Physical", "Units"}) {
        for (int pct : {0, 25, 75, 100}) {
            const std::string name = std::string(kind) + " " + std::to_string(pct) + "%";
            INFO(name);
            const Task* t = by_name(r.portfolio, name);
            REQUIRE(t);
            const auto it = t->custom.find("xer.activity_percent_complete");
            REQUIRE(it != t->custom.end());
            CHECK(std::get<double>(it->second) == Approx(pct));
            if (std::string(kind) == "Duration") CHECK(t->progress.percent_complete == Approx(pct));
        }
    }
}

TEST_CASE("xer: resource rates with effective dates and assignment rate sources (resource-rates-test.xer)") {
    if (!ppm::test::have_shared("interchange/xer")) return;
    const auto r = read_xer_file(interchange("xer/resource-rates-test.xer"));
    const Resource* res = r.portfolio.find_resource(ResourceId("1316"));
    REQUIRE(res);
    // EffectiveRateTest: resource rate 1 is 1/h on 2022-02-01 and 21/h on 2023-02-01.
    const auto rate_on = [&](Instant t) {
        Money m{};
        for (const auto& cr : res->cost_rates)
            if (cr.effective_from <= t) m = cr.standard_per_hour;
        return m;
    };
    CHECK(rate_on(Instant::from_ymd_hm(2022, 2, 1)) == Money::from_major(1));
    CHECK(rate_on(Instant::from_ymd_hm(2023, 2, 1)) == Money::from_major(21));
    CHECK(custom_text(res->custom, "xer.rate1.cost_per_qty2") == "22.0000");
    // Assignment 6643 uses an override rate of 99.
    bool found = false;
    for (const auto& p : r.portfolio.projects)
        for (const auto& t : p.tasks)
            for (const auto& a : t.assignments)
                if (custom_text(a.custom, "xer.taskrsrc_id") == "6643") {
                    found = true;
                    CHECK(custom_text(a.custom, "xer.cost_per_qty").rfind("99", 0) == 0);
                }
    CHECK(found);
}

TEST_CASE("xer: links of every type with hour lags, WBS outline, Windows-1252 names") {
    const std::string text =
        "ERMHDR\t20.12\t2026-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD\n"
        "%T\tPROJECT\n%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tlast_recalc_date\n"
        "%R\t1\tDEMO\t10\t2026-03-02 08:00\t2026-03-02 08:00\n"
        "%T\tCALENDAR\n%F\tclndr_id\tclndr_name\tbase_clndr_id\tday_hr_cnt\tclndr_data\n"
        "%R\t10\t5 Day\t\t8\t(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|08:00|f|16:00)())))(0||3()((0||0(s|08:00|f|16:00)())))"
        "(0||4()((0||0(s|08:00|f|16:00)())))(0||5()((0||0(s|08:00|f|16:00)())))(0||6()((0||0(s|08:00|f|16:00)())))(0||7()())))"
        "(0||Exceptions()((0||0(d|46113)())))))\n"
        "%T\tSCHEDOPTIONS\n%F\tproj_id\tsched_calendar_on_relationship_lag\n%R\t1\trcal_Successor\n"
        "%T\tPROJWBS\n%F\twbs_id\tproj_id\tseq_num\tproj_node_flag\twbs_short_name\twbs_name\tparent_wbs_id\n"
        "%R\t100\t1\t0\tY\tDEMO\tDemo\t\n%R\t101\t1\t1\tN\tA\tPhase \xC9t\xE9\t100\n"
        "%T\tTASK\n%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_code\ttask_name\ttask_type\ttarget_drtn_hr_cnt\tremain_drtn_hr_cnt\tcstr_type\tcstr_date\n"
        "%R\t1\t1\t101\t10\tA10\tStart\tTT_Mile\t0\t0\t\t\n"
        "%R\t2\t1\t101\t10\tA20\tWork \x80\tTT_Task\t16\t16\tCS_MSOA\t2026-03-03 08:00\n"
        "%R\t3\t1\t100\t10\tA30\tFinish\tTT_FinMile\t0\t0\t\t\n"
        "%T\tTASKPRED\n%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_type\tlag_hr_cnt\n"
        "%R\t1\t2\t1\t1\tPR_SS\t4\n%R\t2\t3\t2\t1\tPR_FF\t-2\n%R\t3\t3\t1\t1\tPR_SF\t0\n%R\t4\t3\t2\t1\tPR_FS\t1.5\n"
        "%E\n";
    const auto r = read_xer(text, "demo.xer");
    const auto& pf = r.portfolio;
    REQUIRE(pf.projects.size() == 1);
    const Project& p = pf.projects[0];
    CHECK(p.start == Instant::from_ymd_hm(2026, 3, 2, 8, 0));
    CHECK(p.minutes_per_day == 480);
    REQUIRE(p.tasks.size() == 4);  // WBS 101 + three activities
    const Task* phase = pf.find_task(TaskId("WBS101"));
    REQUIRE(phase);
    CHECK(phase->name == "Phase \xC3\x89t\xC3\xA9");  // "Phase Été" in UTF-8
    std::set<std::string> seen;  // outline order: parents first
    for (const auto& t : p.tasks) {
        if (t.parent) CHECK(seen.count(t.parent->str()) == 1);
        seen.insert(t.id.str());
    }
    const Task* work = pf.find_task(TaskId("2"));
    REQUIRE(work);
    CHECK(work->name == "Work \xE2\x82\xAC");                   // 0x80 = euro sign
    CHECK(work->parent == TaskId("WBS101"));
    CHECK(work->duration.count() == 16 * 60);
    CHECK(work->constraint.type == ConstraintType::start_no_earlier_than);
    CHECK(custom_text(work->custom, "xer.task_code") == "A20");
    REQUIRE(work->predecessors.size() == 1);
    CHECK(work->predecessors[0].type == LinkType::start_start);
    CHECK(work->predecessors[0].lag.amount.count() == 240);
    CHECK(work->predecessors[0].lag_calendar == LagCalendar::successor);
    const Task* fin = pf.find_task(TaskId("3"));
    REQUIRE(fin);
    CHECK(fin->milestone);
    CHECK_FALSE(fin->parent);
    REQUIRE(fin->predecessors.size() == 3);
    CHECK(fin->predecessors[0].type == LinkType::finish_finish);
    CHECK(fin->predecessors[0].lag.amount.count() == -120);
    CHECK(fin->predecessors[1].type == LinkType::start_finish);
    CHECK(fin->predecessors[2].lag.amount.count() == 90);
    const Calendar* cal = pf.find_calendar(CalendarId("10"));
    REQUIRE(cal);
    REQUIRE(cal->exceptions.size() == 1);
    CHECK(cal->exceptions[0].from == Date::from_ymd(2026, 4, 1));  // 46113 days after 1899-12-30
}

TEST_CASE("xer: malformed input names the line") {
    try {
        (void)read_xer("not an xer\n", "bad.xer");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.line() == 1);
    }
    try {
        (void)read_xer("ERMHDR\t8.2\n%T\tTASK\n%R\t1\t2\n", "bad.xer");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.line() == 3);
        CHECK(std::string(e.what()).find("%F") != std::string::npos);
    }
    try {
        (void)read_xer("ERMHDR\t8.2\n%T\tPROJECT\n%F\tproj_id\tplan_start_date\n%R\t1\tyesterday\n%E\n", "bad.xer");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.line() == 4);
        CHECK(std::string(e.what()).find("PROJECT.plan_start_date") != std::string::npos);
    }
}

#include "ppm/schedule/cpm.hpp"

TEST_CASE("xer: a progressed P6 schedule re-scheduled by ppm at its data date, compared with P6's stored dates") {
    if (!ppm::test::have_shared("interchange/xer")) return;
    // PredecessorCalendar.xer (P6 8.2): one completed activity "Test" (actual 2019-06-10 08:00 ..
    // 2019-06-12 17:00), data date 2019-10-02. See docs/interchange.md "Checking against P6".
    const auto r = read_xer_file(interchange("xer/PredecessorCalendar.xer"));
    const ScheduleResult s = schedule(r.portfolio);
    const Task* t = by_name(r.portfolio, "Test");
    REQUIRE(t);
    std::size_t i = 0;
    while (i < s.task_id.size() && s.task_id[i] != t->id) ++i;
    REQUIRE(i < s.task_id.size());
    // ppm reports a complete task at its actual dates: those are P6's act_start_date / act_end_date.
    CHECK(s.early_start[i] == Instant::from_ymd_hm(2019, 6, 10, 8, 0));
    CHECK(s.early_finish[i] == Instant::from_ymd_hm(2019, 6, 12, 17, 0));
    CHECK(custom_text(t->custom, "xer.act_start_date") == "<absent>");  // mapped, not kept twice
    // P6 stores the early dates of a completed activity at the data date instead (a documented difference).
    CHECK(custom_text(t->custom, "xer.early_start_date") == "2019-10-02 00:00");
    CHECK(r.portfolio.projects[0].status_date == Instant::from_ymd_hm(2019, 10, 2, 0, 0));
    CHECK(s.critical[i] == 0);  // complete tasks are never critical, in P6 as in ppm
}

TEST_CASE("xer: every P6 constraint code maps to its P6 behaviour and is written back as the same code") {
    // Codes and names: Oracle P6 help, "Working with activity constraints"; XER field names cstr_type,
    // cstr_date, cstr_type2, cstr_date2 (MPXJ's XER field map). Only CS_MANDSTART / CS_MANDFIN
    // override logic, so the project is read with honor_constraints off.
    const char* codes[] = {"CS_MSO", "CS_MEO", "CS_MSOA", "CS_MSOB", "CS_MEOA", "CS_MEOB", "CS_MANDSTART", "CS_MANDFIN", "CS_ALAP"};
    const ConstraintType types[] = {ConstraintType::start_on, ConstraintType::finish_on, ConstraintType::start_no_earlier_than,
                                    ConstraintType::start_no_later_than, ConstraintType::finish_no_earlier_than,
                                    ConstraintType::finish_no_later_than, ConstraintType::mandatory_start,
                                    ConstraintType::mandatory_finish, ConstraintType::as_late_as_possible};
    std::string text =
        "ERMHDR\t20.12\t2026-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD\n"
        "%T\tPROJECT\n%F\tproj_id\tproj_short_name\tplan_start_date\n%R\t1\tC\t2026-03-02 08:00\n"
        "%T\tPROJWBS\n%F\twbs_id\tproj_id\tseq_num\tproj_node_flag\twbs_short_name\twbs_name\tparent_wbs_id\n%R\t100\t1\t0\tY\tC\tC\t\n"
        "%T\tTASK\n%F\ttask_id\tproj_id\twbs_id\ttask_code\ttask_name\ttask_type\ttarget_drtn_hr_cnt\tremain_drtn_hr_cnt"
        "\tcstr_type\tcstr_date\tcstr_type2\tcstr_date2\n";
    for (int k = 0; k < 9; ++k)
        text += "%R\t" + std::to_string(k + 1) + "\t1\t100\tA" + std::to_string(k) + "\tT\tTT_Task\t8\t8\t" + codes[k] + "\t" +
                (k == 8 ? "" : "2026-03-04 08:00") + "\t" + (k == 2 ? "CS_MEOB\t2026-03-10 17:00" : "\t") + "\n";
    text += "%E\n";
    const auto r = read_xer(text, "c.xer");
    REQUIRE(r.portfolio.projects.size() == 1);
    CHECK_FALSE(r.portfolio.projects[0].honor_constraints);
    for (int k = 0; k < 9; ++k) {
        INFO(codes[k]);
        const Task* t = r.portfolio.find_task(TaskId(std::to_string(k + 1)));
        REQUIRE(t);
        CHECK(t->constraint.type == types[k]);
        CHECK(t->secondary_constraint.has_value() == (k == 2));
    }
    const Task* with_second = r.portfolio.find_task(TaskId("3"));
    REQUIRE(with_second->secondary_constraint);
    CHECK(with_second->secondary_constraint->type == ConstraintType::finish_no_later_than);
    CHECK(with_second->secondary_constraint->date == Instant::from_ymd_hm(2026, 3, 10, 17, 0));
    // Written back: the same codes, primary and secondary (MFO was once written as CS_MEO).
    const std::string out = write_xer(r.portfolio);
    for (const char* c : codes) CHECK(out.find(std::string("\t") + c + "\t") != std::string::npos);
    const auto back = read_xer(out, "back.xer");
    for (int k = 0; k < 9; ++k) {
        INFO(codes[k]);
        const Task* a = r.portfolio.find_task(TaskId(std::to_string(k + 1)));
        const Task* b = nullptr;
        for (const auto& p : back.portfolio.projects)
            for (const auto& t : p.tasks)
                if (t.name == a->name && custom_text(t.custom, "xer.task_code") == custom_text(a->custom, "xer.task_code")) b = &t;
        REQUIRE(b);
        CHECK(b->constraint == a->constraint);
        CHECK(b->secondary_constraint == a->secondary_constraint);
    }
}

TEST_CASE("xer: text that is not strict UTF-8 (an overlong form, a surrogate) is read as Windows-1252, so names are valid UTF-8") {
    // Before issue 23 a lenient UTF-8 check let "\xC0\xAF" (an overlong '/') through unchanged, and
    // the JSON writer then failed on it. RFC 3629 forbids overlong forms and surrogates (ED A0 80).
    const std::string text =
        "ERMHDR\t8.2\n%T\tPROJECT\n%F\tproj_id\tproj_short_name\tplan_start_date\n%R\t1\tP\t2026-03-02 08:00\n"
        "%T\tTASK\n%F\ttask_id\tproj_id\ttask_name\ttarget_drtn_hr_cnt\n%R\t1\t1\ta\xC0\xAF" "b\xED\xA0\x80\t8\n%E\n";
    const auto r = read_xer(text, "enc.xer");
    const Task* t = r.portfolio.find_task(TaskId("1"));
    REQUIRE(t);
    CHECK(t->name == "a\xC3\x80\xC2\xAF" "b\xC3\xAD\xC2\xA0\xE2\x82\xAC");  // À ¯ b í NBSP €
}

TEST_CASE("xer: a row may hold fewer values than its %F fields (P6 8.2 drops trailing empty ones), never more; %E ends the file") {
    const std::string head = "ERMHDR\t8.2\n%T\tPROJECT\n%F\tproj_id\tproj_short_name\tplan_start_date\tplan_end_date\n";
    const auto r = read_xer(head + "%R\t1\tP\t2026-03-02 08:00\n%E\n", "short.xer");
    REQUIRE(r.portfolio.projects.size() == 1);
    CHECK_FALSE(r.portfolio.projects[0].deadline.has_value());
    try {
        (void)read_xer(head + "%R\t1\tP\t2026-03-02 08:00\t\tx\n%E\n", "long.xer");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.line() == 4);
        CHECK_THAT(std::string(e.what()), Catch::Matchers::Contains("row has 5 values, its %F line lists 4 fields"));
    }
    try {
        (void)read_xer(head + "%R\t1\tP\t2026-03-0", "cut.xer");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.line() == 4);
        CHECK_THAT(std::string(e.what()), Catch::Matchers::Contains("the file is truncated"));
    }
}
