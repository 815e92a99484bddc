// MSPDI export of everything ppm imports (issue 19, point 7): every shared interchange file (MS
// Project XML, P6 XER and PMXML, MPX) is converted to MS Project XML and validated with
// `xmllint --schema` against Microsoft's Project 2013 schema (shared/data/interchange/schema/
// mspdi_pj15-correct_2023-06-16.xsd); what MSPDI cannot say is written as the nearest equivalent
// and named in a warning (write_mspdi_with_warnings). Constraint semantics: docs/scheduling.md,
// "Constraints" (MSO/MFO bind like P6's Mandatory types when the project honours constraints and
// like "Start On" / "Finish On" when it does not; MS Project measures lags on the successor's
// calendar).
#include <cstdlib>
#include <filesystem>

#include "interchange_test_util.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/mspdi.hpp"
#include "ppm/schedule/cpm.hpp"

using namespace ppm;
using namespace ppm::test;
using ppm::test::interchange;

namespace {


bool xmllint_available() { return std::system("xmllint --version > /dev/null 2>&1") == 0; }

/// Two tasks A -> B (FS, 1 day lag) on the standard calendar; B has its own 24-hour calendar.
Portfolio two_tasks() {
    Portfolio pf;
    pf.id = PortfolioId("pf");
    pf.calendars.push_back(Calendar::standard(CalendarId("std")));
    pf.calendars.push_back(Calendar::twenty_four_seven(CalendarId("24h")));
    pf.default_calendar = CalendarId("std");
    Project p;
    p.id = ProjectId("p");
    p.start = at(2026, 3, 2, 8);
    Task a;
    a.id = TaskId("1");
    a.name = "A";
    a.duration = Duration{480};
    Task b;
    b.id = TaskId("2");
    b.name = "B";
    b.duration = Duration{480};
    b.predecessors.push_back({.predecessor = TaskId("1"), .lag = {.amount = Duration{480}}});
    p.tasks = {a, b};
    pf.projects.push_back(p);
    return pf;
}

std::size_t warnings_with(const std::vector<ImportWarning>& ws, const std::string& entity, const std::string& text) {
    std::size_t n = 0;
    for (const auto& w : ws) n += w.entity == entity && w.message.find(text) != std::string::npos;
    return n;
}

std::string constraint_code(const std::string& xml, const std::string& uid) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(xml.c_str()));
    for (auto t : doc.child("Project").child("Tasks").children("Task"))
        if (std::string(t.child_value("UID")) == uid) return t.child_value("ConstraintType");
    return "<none>";
}

}  // namespace

TEST_CASE("mspdi export: every shared interchange file (MSPDI, XER, PMXML, MPX) converts to MSPDI valid against the Project 2013 XSD") {
    if (!ppm::test::have_shared("interchange")) return;
    const bool lint = xmllint_available();
    if (!lint) WARN("SKIPPED schema validation: xmllint not found (install libxml2-utils); the files are still converted");
    const auto xsd = interchange("schema/mspdi_pj15-correct_2023-06-16.xsd");
    const auto out_dir = std::filesystem::temp_directory_path() / "ppm_mspdi_export";
    std::filesystem::create_directories(out_dir);
    std::size_t converted = 0;
    for (const auto& [folder, ext] : std::vector<std::pair<std::string, std::string>>{{"mspdi", ".xml"}, {"xer", ".xer"}, {"pmxml", ".xml"}, {"mpx", ".mpx"}}) {
        if (!ppm::test::have_shared("interchange/" + folder)) continue;
        for (const auto& f : ppm::test::files_in(folder, ext)) {
            INFO(folder << "/" << f.filename().string());
            const ImportResult in = read_model_file_with_warnings(f);
            if (in.portfolio.projects.empty()) continue;  // nothing to write (no MSPDI without a project)
            const auto out = out_dir / (folder + "_" + f.filename().string() + ".xml");
            const std::vector<ImportWarning> warnings = write_model_file_with_warnings(in.portfolio, out);
            for (const auto& w : warnings) CHECK(w.source == out.string());
            ++converted;
            // The export reads back.
            CHECK(read_model_file(out).task_count() == in.portfolio.projects.front().tasks.size());
            if (!lint) continue;
            const std::string cmd = "xmllint --noout --schema '" + xsd.string() + "' '" + out.string() + "' > '" + out.string() + ".lint' 2>&1";
            const int rc = std::system(cmd.c_str());
            INFO(ppm::test::slurp(out.string() + ".lint"));
            CHECK(rc == 0);
        }
    }
    CHECK(converted >= 50);  // 33 MSPDI, 5 XER, 4 PMXML, 10 MPX in the shared set
}

TEST_CASE("mspdi export: P6 constraint types get MS Project's nearest type under the project's HonorConstraints, with a warning") {
    Portfolio pf = two_tasks();
    Project& p = pf.projects[0];
    const Instant day = at(2026, 3, 4, 8);
    p.tasks[0].constraint = {ConstraintType::start_on, day};
    p.tasks[1].constraint = {ConstraintType::mandatory_finish, at(2026, 3, 6, 17)};

    // P6 semantics (honor_constraints off, as the XER and PMXML readers set it): "Start On" is MSO
    // exactly; "Mandatory Finish" has no exact MS Project form.
    p.honor_constraints = false;
    ExportResult x = write_mspdi_with_warnings(pf, "p6.xml");
    CHECK(constraint_code(x.text, "1") == "2");  // MSO, binds as Start On when not honoured
    CHECK(constraint_code(x.text, "2") == "3");  // MFO, nearest
    CHECK(warnings_with(x.warnings, "task 1", "") == 0);
    CHECK(warnings_with(x.warnings, "task 2", "Mandatory Finish") == 1);
    CHECK(x.text.find("<HonorConstraints>0</HonorConstraints>") != std::string::npos);

    // MS Project semantics (honoured): Mandatory Finish is MFO exactly; Start On becomes SNET.
    p.honor_constraints = true;
    x = write_mspdi_with_warnings(pf, "msp.xml");
    CHECK(constraint_code(x.text, "1") == "4");
    CHECK(constraint_code(x.text, "2") == "3");
    CHECK(warnings_with(x.warnings, "task 1", "Start No Earlier Than") == 1);
    CHECK(warnings_with(x.warnings, "task 2", "") == 0);
    CHECK(x.warnings.front().source == "msp.xml");

    // MS Project's own eight types are exact in either mode: no warning.
    p.tasks[0].constraint = {ConstraintType::start_no_later_than, day};
    p.tasks[1].constraint = {ConstraintType::must_start_on, day};
    for (const bool honor : {false, true}) {
        p.honor_constraints = honor;
        x = write_mspdi_with_warnings(pf);
        CHECK(x.warnings.empty());
        CHECK(constraint_code(x.text, "1") == "5");
        CHECK(constraint_code(x.text, "2") == "2");
    }
}

TEST_CASE("mspdi export: a P6 secondary constraint is written alone when the primary is ASAP, else named as dropped") {
    Portfolio pf = two_tasks();
    Project& p = pf.projects[0];
    p.honor_constraints = false;
    p.tasks[0].secondary_constraint = Constraint{ConstraintType::finish_no_later_than, at(2026, 3, 9, 17)};
    p.tasks[1].constraint = {ConstraintType::start_no_earlier_than, at(2026, 3, 4, 8)};
    p.tasks[1].secondary_constraint = Constraint{ConstraintType::finish_no_later_than, at(2026, 3, 9, 17)};
    const ExportResult x = write_mspdi_with_warnings(pf);
    CHECK(constraint_code(x.text, "1") == "7");  // FNLT in the ASAP's place
    CHECK(constraint_code(x.text, "2") == "4");  // the primary SNET kept
    CHECK(warnings_with(x.warnings, "task 1", "written as the task's only constraint") == 1);
    CHECK(warnings_with(x.warnings, "task 2", "not written") == 1);
    const Portfolio back = read_mspdi(x.text).portfolio;
    CHECK(back.projects[0].tasks[0].constraint == Constraint{ConstraintType::finish_no_later_than, at(2026, 3, 9, 17)});
}

TEST_CASE("mspdi export: lag calendars MSPDI cannot name: 24-hour becomes an elapsed lag, others are warned when they differ") {
    // 24-hour lag calendar: an elapsed lag is the same span, so the successor starts at the same time.
    Portfolio pf = two_tasks();
    pf.projects[0].tasks[1].predecessors[0].lag_calendar = LagCalendar::twenty_four_hour;
    ExportResult x = write_mspdi_with_warnings(pf);
    CHECK(warnings_with(x.warnings, "task 2", "elapsed lag of the same span") == 1);
    const Portfolio back = read_mspdi(x.text).portfolio;
    const Dependency& d = back.projects[0].tasks[1].predecessors.at(0);
    CHECK(d.lag.unit == LagUnit::elapsed);
    CHECK(d.lag.amount == Duration{480});
    const ScheduleResult before = schedule(pf);
    const ScheduleResult after = schedule(back);
    CHECK(after.early_start == before.early_start);
    CHECK(after.early_finish == before.early_finish);

    // Predecessor's calendar = successor's calendar: nothing changes, no warning.
    pf = two_tasks();
    pf.projects[0].tasks[1].predecessors[0].lag_calendar = LagCalendar::predecessor;
    CHECK(write_mspdi_with_warnings(pf).warnings.empty());
    // The successor on another calendar: MS Project will measure the lag on it; said in a warning.
    pf.projects[0].tasks[1].calendar = CalendarId("24h");
    x = write_mspdi_with_warnings(pf);
    CHECK(warnings_with(x.warnings, "task 2", "predecessor calendar written on the successor's calendar") == 1);
    // A zero lag has no calendar to measure on: no warning.
    pf.projects[0].tasks[1].predecessors[0].lag.amount = Duration{0};
    CHECK(write_mspdi_with_warnings(pf).warnings.empty());
}

TEST_CASE("mspdi export: further projects, links into them and custom fields of other formats are named, not dropped in silence") {
    Portfolio pf = two_tasks();
    Project q;
    q.id = ProjectId("q");
    q.start = pf.projects[0].start;
    Task c;
    c.id = TaskId("9");
    c.name = "C";
    c.duration = Duration{480};
    q.tasks.push_back(c);
    pf.projects.push_back(q);
    pf.projects[0].tasks[1].predecessors.push_back({.predecessor = TaskId("9")});
    pf.projects[0].tasks[0].custom["xer.task_code"] = std::string("A1000");
    pf.projects[0].tasks[0].custom["mpx.Text1"] = std::string("kept in JSON only");
    const ExportResult x = write_mspdi_with_warnings(pf);
    CHECK(warnings_with(x.warnings, "portfolio pf", "only p is written, not q") == 1);
    CHECK(warnings_with(x.warnings, "task 2", "link from 9 (FS) not written") == 1);
    CHECK(warnings_with(x.warnings, "project p", "1 mpx.*, 1 xer.*") == 1);
    // The link into the other project is not written as a dangling PredecessorUID.
    CHECK(x.text.find("<PredecessorUID>-1</PredecessorUID>") == std::string::npos);
    CHECK(read_mspdi(x.text).portfolio.projects[0].tasks[1].predecessors.size() == 1);
}

TEST_CASE("mspdi export: P6 files to MSPDI give the warnings a user needs (TwentyFourHourCalendar.xer)") {
    if (!ppm::test::have_shared("interchange/xer")) return;
    const ImportResult in = read_model_file_with_warnings(interchange("xer/TwentyFourHourCalendar.xer"));
    const ExportResult x = write_mspdi_with_warnings(in.portfolio, "TwentyFourHourCalendar.xml");
    // Every link with a lag on P6's 24-hour lag calendar is written as an elapsed lag and reported.
    std::size_t lagged = 0;
    for (const auto& t : in.portfolio.projects.front().tasks)
        for (const auto& d : t.predecessors) lagged += d.lag.amount.count() != 0 && d.lag_calendar == LagCalendar::twenty_four_hour;
    std::size_t elapsed = 0;
    for (const auto& w : x.warnings) elapsed += w.message.find("elapsed lag of the same span") != std::string::npos;
    CHECK(elapsed == lagged);
    // P6's own fields (xer.*) are listed as not written.
    std::size_t foreign = 0;
    for (const auto& w : x.warnings) foreign += w.message.find("xer.*") != std::string::npos;
    CHECK(foreign == 1);
}
