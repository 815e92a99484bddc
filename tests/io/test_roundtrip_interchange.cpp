// "What ppm writes, ppm reads" (issue 19): every shared interchange file that imports is written to
// every output format of write_model_file (.json, .xml = MSPDI, .xer, .mpx; .ics is export-only),
// read back with read_model_file_with_warnings, and must give the same tasks and the same CPM early
// dates. Also: format detection by content (src/io/model_file.cpp, docs/interchange.md).
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "interchange_test_util.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/csv.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/mpx.hpp"
#include "ppm/io/mspdi.hpp"
#include "ppm/io/xer.hpp"
#include "ppm/schedule/cpm.hpp"

using namespace ppm;
namespace fs = std::filesystem;

namespace {

/// The output formats write_model_file has that a reader can take back (.ics is export-only).
const std::vector<std::string> kOutputs = {".json", ".xml", ".xer", ".mpx"};

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

/// Whether the format written with `ext` keeps this task id verbatim. Where it does not, the task is
/// matched by its position in outline order and its name instead (the count must still agree).
bool keeps_id(const std::string& ext, const std::string& id, bool summary) {
    if (ext == ".json" || ext == ".mpx") return true;  // MPX: the Unique ID column holds the id text
    if (ext == ".xml") return all_digits(id);          // MSPDI UIDs are integers: other ids are numbered
    // XER keys are integers; summary tasks become PROJWBS nodes, read back as "WBS<wbs_id>".
    return summary ? id.rfind("WBS", 0) == 0 && all_digits(std::string_view(id).substr(3)) : all_digits(id);
}

struct Flat {
    std::vector<const Task*> tasks;  ///< Every task, project by project, in outline order.
    std::set<std::string> summaries;
};

Flat flatten(const Portfolio& pf) {
    Flat f;
    for (const auto& p : pf.projects)
        for (const auto& t : p.tasks) {
            f.tasks.push_back(&t);
            if (t.parent) f.summaries.insert(t.parent->str());
        }
    return f;
}

std::optional<ScheduleResult> try_schedule(const Portfolio& pf, std::string& error) {
    try {
        return schedule(pf);
    } catch (const Error& e) {
        error = e.what();
        return std::nullopt;
    }
}

std::map<std::string, std::size_t> index_of(const ScheduleResult& r) {
    std::map<std::string, std::size_t> m;
    for (std::size_t i = 0; i < r.task_id.size(); ++i) m[r.task_id[i].str()] = i;
    return m;
}

/// Writes `original` to every output format in `dir`, reads each back and compares with the original.
void check_round_trips(const Portfolio& original, const std::string& name, const fs::path& dir) {
    const Flat orig = flatten(original);
    std::string orig_error;
    const auto orig_sched = try_schedule(original, orig_error);
    // mspdiassignmentfields.xml: a resource calendar whose base (-65533) is not in the file has no
    // working time, so the original itself does not schedule: only tasks are compared for it.
    if (!orig_sched) WARN(name << ": the original does not schedule (" << orig_error << "): early dates not compared");
    const auto orig_index = orig_sched ? index_of(*orig_sched) : std::map<std::string, std::size_t>{};

    for (const auto& ext : kOutputs) {
        INFO(name << " -> " << ext);
        const fs::path out = dir / (fs::path(name).stem().string() + ext);
        // MPX 4.0 holds one project and no cross-project links: write_mpx refuses others with
        // ModelError unsupported (docs/interchange.md). Every shared file is a single project.
        if (ext == ".mpx" && original.projects.size() != 1) {
            CHECK_THROWS_AS(write_model_file(original, out), ModelError);
            continue;
        }
        REQUIRE_NOTHROW(write_model_file(original, out));
        std::optional<ImportResult> back;
        try {
            back = read_model_file_with_warnings(out);
        } catch (const Error& e) {
            FAIL_CHECK("the written file does not read back: " << e.what());
            continue;
        }
        const Portfolio& pf = back->portfolio;
        // ppm JSON is the canonical, lossless format: the model comes back equal (docs/format.md).
        if (ext == ".json") CHECK(pf == original);

        const Flat got = flatten(pf);
        REQUIRE(got.tasks.size() == orig.tasks.size());
        for (std::size_t k = 0; k < orig.tasks.size(); ++k) {
            const Task& o = *orig.tasks[k];
            const Task& b = *got.tasks[k];
            INFO("task " << o.id.str() << " '" << o.name << "' read back as " << b.id.str());
            CHECK(b.name == o.name);
            const bool summary = orig.summaries.count(o.id.str()) > 0;
            CHECK((got.summaries.count(b.id.str()) > 0) == summary);
            if (keeps_id(ext, o.id.str(), summary)) CHECK(b.id == o.id);
        }

        if (!orig_sched) continue;
        std::string error;
        const auto sched = try_schedule(pf, error);
        if (!sched) {
            FAIL_CHECK("the original schedules, the read-back file does not: " << error);
            continue;
        }
        const auto back_index = index_of(*sched);
        for (std::size_t k = 0; k < orig.tasks.size(); ++k) {
            const std::size_t i = orig_index.at(orig.tasks[k]->id.str());
            const std::size_t j = back_index.at(got.tasks[k]->id.str());
            INFO("task " << orig.tasks[k]->id.str() << " '" << orig.tasks[k]->name << "'");
            CHECK(to_string(sched->early_start[j]) == to_string(orig_sched->early_start[i]));
            CHECK(to_string(sched->early_finish[j]) == to_string(orig_sched->early_finish[i]));
        }
    }
}

fs::path fresh_dir(const std::string& leaf) {
    const fs::path dir = fs::temp_directory_path() / leaf;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void write_text(const fs::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

/// A P6 export with a material resource whose quantity is a cost (23,765,670.8 units): the reader
/// keeps material quantities as work hours, so the work is 1,425,940,248 minutes.
const std::string kCostLoadedXer =
    "ERMHDR\t20.12\t2026-01-01\tProject\tadmin\tAdmin\tdb\tProject Management\tUSD\n"
    "%T\tPROJECT\n%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tlast_recalc_date\n"
    "%R\t1\tCOST\t10\t2026-03-02 08:00\t2026-03-02 08:00\n"
    "%T\tCALENDAR\n%F\tclndr_id\tclndr_name\tbase_clndr_id\tday_hr_cnt\tclndr_data\n"
    "%R\t10\t5 Day\t\t8\t(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|08:00|f|16:00)())))(0||3()((0||0(s|08:00|f|16:00)())))"
    "(0||4()((0||0(s|08:00|f|16:00)())))(0||5()((0||0(s|08:00|f|16:00)())))(0||6()((0||0(s|08:00|f|16:00)())))(0||7()())))"
    "(0||Exceptions()())))\n"
    "%T\tPROJWBS\n%F\twbs_id\tproj_id\tseq_num\tproj_node_flag\twbs_short_name\twbs_name\tparent_wbs_id\n"
    "%R\t100\t1\t0\tY\tCOST\tCost loaded\t\n"
    "%T\tRSRC\n%F\trsrc_id\trsrc_name\trsrc_short_name\trsrc_type\n%R\t7\tBudget\tBUDGET\tRT_Mat\n"
    "%T\tTASK\n%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_code\ttask_name\ttask_type\ttarget_drtn_hr_cnt\tremain_drtn_hr_cnt\n"
    "%R\t1\t1\t100\t10\tA10\tBuild\tTT_Task\t80\t80\n"
    "%T\tTASKRSRC\n%F\ttaskrsrc_id\ttask_id\tproj_id\trsrc_id\ttarget_qty\ttarget_qty_per_hr\n"
    "%R\t1\t1\t1\t7\t23765670.8\t297070.885\n"
    "%E\n";

}  // namespace

TEST_CASE("io: round trip - every shared interchange file written to every format reads back with the same tasks and CPM dates") {
    if (!ppm::test::have_shared("interchange")) return;
    const fs::path dir = fresh_dir("ppm_roundtrip_interchange");
    const std::vector<std::pair<std::string, std::string>> inputs = {{"mspdi", ".xml"}, {"xer", ".xer"}, {"pmxml", ".xml"}, {"mpx", ".mpx"}};
    std::size_t checked = 0;
    for (const auto& [folder, ext] : inputs) {
        if (!ppm::test::have_shared("interchange/" + folder)) continue;
        for (const auto& f : ppm::test::files_in(folder, ext)) {
            const std::string name = folder + "/" + f.filename().string();
            std::optional<ImportResult> in;
            try {
                in = read_model_file_with_warnings(f);
            } catch (const Error& e) {
                // Only files that import are in scope (none of the shared set fails today).
                WARN(name << " does not import, not round-tripped: " << e.what());
                continue;
            }
            check_round_trips(in->portfolio, name, dir);
            ++checked;
        }
    }
    CHECK(checked > 0);
    fs::remove_all(dir);
}

TEST_CASE("io: round trip - a cost-loaded P6 material quantity (work of 1.4 billion minutes) reads back from every format") {
    const ImportResult in = read_xer(kCostLoadedXer, "cost-loaded.xer");
    REQUIRE(in.portfolio.projects.size() == 1);
    const Task* t = in.portfolio.find_task(TaskId("1"));
    REQUIRE(t);
    REQUIRE(t->assignments.size() == 1);
    CHECK(t->assignments[0].work == Duration{1'425'940'248});
    // Was: ppm JSON wrote "1425940248m" and read_json refused it ("too many digits").
    const std::string json = write_json(in.portfolio);
    CHECK(json.find("\"work\": \"1425940248m\"") != std::string::npos);
    CHECK(read_json(json) == in.portfolio);
    const fs::path dir = fresh_dir("ppm_roundtrip_cost_loaded");
    check_round_trips(in.portfolio, "cost-loaded.xer", dir);
    fs::remove_all(dir);
}

TEST_CASE("io: round trip - JSON refuses to write a duration its reader would refuse") {
    Portfolio pf;
    pf.id = PortfolioId("PF");
    Project p;
    p.id = ProjectId("P");
    p.start = Instant::from_ymd_hm(2026, 3, 2, 8, 0);
    Task t;
    t.id = TaskId("A");
    t.assignments.push_back({.resource = ResourceId("R"), .work = Duration{1'000'000'000'000}});  // the largest accepted
    p.tasks.push_back(t);
    pf.projects.push_back(p);
    CHECK(read_json(write_json(pf)) == pf);
    pf.projects[0].tasks[0].assignments[0].work = Duration{1'000'000'000'001};
    try {
        (void)write_json(pf);
        FAIL("no error");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::invalid_value);
        CHECK(std::string(e.what()).find("assignment work") != std::string::npos);
    }
}

// ---- Format detection by content -------------------------------------------------------------

namespace {

const std::string kMspdi =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<!-- saved by <a tool> -->\n"
    "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>Demo</Name><StartDate>2026-03-02T08:00:00</StartDate>"
    "<Tasks><Task><UID>1</UID><ID>1</ID><Name>Only</Name><Duration>PT8H0M0S</Duration><OutlineLevel>1</OutlineLevel></Task></Tasks>"
    "</Project>\n";

const std::string kJson =
    "\xEF\xBB\xBF  \n{\"format\": \"ppm\", \"version\": 1, \"portfolio\": {\"id\": \"PF\", \"name\": \"PF\", \"calendars\": [], "
    "\"resources\": [], \"programs\": [], \"projects\": [{\"id\": \"P\", \"name\": \"P\", \"start\": \"2026-03-02T08:00\", "
    "\"tasks\": [{\"id\": \"A\", \"name\": \"A\", \"duration\": \"1d\"}]}]}}\n";

const std::string kMpx =
    "MPX,Microsoft Project for Windows,4.0,ANSI\r\n"
    "12,2,1,480,/,:,am,pm,20,0\r\n"
    "30,Demo,,,,2026/03/02\r\n"
    "60,Name,ID,Unique ID,Outline Level,Duration\r\n"
    "61,1,90,98,3,40\r\n"
    "70,Only,1,1,1,1d\r\n";

const std::string kPmxml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<APIBusinessObjects xmlns=\"http://xmlns.oracle.com/Primavera/P6/V8.2/API/BusinessObjects\">"
    "<Project><ObjectId>1</ObjectId><Id>DEMO</Id><Name>Demo</Name><PlannedStartDate>2026-03-02T08:00:00</PlannedStartDate></Project>"
    "</APIBusinessObjects>\n";

std::string error_of(const fs::path& path) {
    try {
        (void)read_model_file_with_warnings(path);
    } catch (const ParseError& e) {
        return e.what();
    }
    return "<no ParseError>";
}

}  // namespace

TEST_CASE("io: format detection - content decides for generic extensions (.xml, .pmxml, .txt, none)") {
    const fs::path dir = fresh_dir("ppm_format_detection_generic");
    write_text(dir / "plan.pmxml", kMspdi);  // MS Project XML under a P6-looking name
    write_text(dir / "plan", kMspdi);
    write_text(dir / "plan.txt", kJson);
    write_text(dir / "json.xml", kJson);
    write_text(dir / "p6.pmxml", kPmxml);
    write_text(dir / "p6.XML", kPmxml);
    write_text(dir / "mpx.txt", kMpx);
    write_text(dir / "xer.txt", kCostLoadedXer);

    CHECK(read_model_file(dir / "plan.pmxml").task_count() == 1);
    CHECK(read_model_file(dir / "plan").task_count() == 1);
    CHECK(read_model_file(dir / "plan.txt").find_task(TaskId("A")) != nullptr);  // UTF-8 BOM and blanks before '{'
    CHECK(read_model_file(dir / "json.xml").find_task(TaskId("A")) != nullptr);
    CHECK(read_model_file(dir / "p6.pmxml").projects.size() == 1);
    CHECK(read_model_file(dir / "p6.XML").projects.size() == 1);
    CHECK(read_model_file(dir / "mpx.txt").task_count() == 1);
    CHECK(read_model_file(dir / "xer.txt").find_task(TaskId("1")) != nullptr);
    fs::remove_all(dir);
}

TEST_CASE("io: format detection - an extension naming one format with another's content is named, not misread") {
    const fs::path dir = fresh_dir("ppm_format_detection_mismatch");
    write_text(dir / "file.xer", kMspdi);
    write_text(dir / "file.json", kCostLoadedXer);
    write_text(dir / "file.mpx", kJson);
    write_text(dir / "p6.xer", kPmxml);
    write_text(dir / "x.json", kMpx);

    CHECK(error_of(dir / "file.xer").find("file.xer looks like MS Project XML (MSPDI), not Primavera P6 XER") != std::string::npos);
    CHECK(error_of(dir / "file.json").find("file.json looks like Primavera P6 XER, not ppm JSON") != std::string::npos);
    CHECK(error_of(dir / "file.mpx").find("file.mpx looks like ppm JSON, not MPX") != std::string::npos);
    CHECK(error_of(dir / "p6.xer").find("looks like Primavera P6 XML (PMXML), not Primavera P6 XER") != std::string::npos);
    CHECK(error_of(dir / "x.json").find("looks like MPX, not ppm JSON") != std::string::npos);
    try {
        (void)read_model_file(dir / "file.xer");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.code() == ErrorCode::unexpected);
        CHECK(e.path() == (dir / "file.xer").string());
    }
    fs::remove_all(dir);
}

TEST_CASE("io: format detection - empty, unrecognised and unreadable files") {
    const fs::path dir = fresh_dir("ppm_format_detection_bad");
    write_text(dir / "empty.json", "");
    write_text(dir / "blank.xml", "\xEF\xBB\xBF \n\t\n");
    write_text(dir / "notes.txt", "hello\n");
    write_text(dir / "other.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ELEMENT x ANY>]>\n<svg/>\n");
    write_text(dir / "broken.json", "[1, 2");  // unrecognised content: the named reader diagnoses it
    write_text(dir / "plan.mpp", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(64, '\0'));

    for (const char* f : {"empty.json", "blank.xml"}) {
        INFO(f);
        try {
            (void)read_model_file(dir / f);
            FAIL("no error");
        } catch (const ParseError& e) {
            CHECK(e.detail() == "empty file");
            CHECK(e.code() == ErrorCode::syntax);
        }
    }
    CHECK(error_of(dir / "notes.txt").find("unsupported file extension '.txt' and content not recognised") != std::string::npos);
    CHECK(error_of(dir / "other.xml").find("XML root <svg> is neither MS Project XML") != std::string::npos);
    CHECK(error_of(dir / "broken.json").find("malformed JSON") != std::string::npos);
    CHECK(error_of(dir / "plan.mpp").find("binary MS Project .mpp file") != std::string::npos);
    try {
        (void)read_model_file(dir / "missing.xer");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.code() == ErrorCode::io);
    }
    fs::remove_all(dir);
}

TEST_CASE("io: CSV text cells are quoted and safe from formula injection") {
    // RFC 4180 quoting; OWASP "CSV Injection": a cell starting with = + - @ tab or CR is prefixed
    // with a single quote so a spreadsheet shows it as text.
    CHECK(csv_field("Design") == "Design");
    CHECK(csv_field("a,b") == "\"a,b\"");
    CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_field("+1") == "'+1");
    CHECK(csv_field("-2") == "'-2");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("\tx") == "'\tx");
    CHECK(csv_field("") == "");
}

TEST_CASE("io: XER and MPX exports say what they cannot express as the model does") {
    // P6 has no constraint that overrides logic but the mandatory ones: an MS Project SNLT in an
    // honouring project is written as the soft CS_MSOB, with a warning. MPX always honours and has
    // no "Start On": a P6 Start On is written as SNET, with a warning; a secondary constraint is lost.
    Portfolio pf;
    pf.id = PortfolioId{"PF"};
    Project p;
    p.id = ProjectId{"P"};
    p.start = Instant::from_ymd_hm(2026, 3, 2, 8, 0);
    Task a;
    a.id = TaskId{"A"};
    a.duration = Duration{480};
    a.constraint = Constraint{ConstraintType::start_no_later_than, Instant::from_ymd_hm(2026, 3, 3, 8, 0)};
    Task b;
    b.id = TaskId{"B"};
    b.duration = Duration{480};
    b.constraint = Constraint{ConstraintType::start_on, Instant::from_ymd_hm(2026, 3, 4, 8, 0)};
    b.secondary_constraint = Constraint{ConstraintType::finish_no_later_than, Instant::from_ymd_hm(2026, 3, 6, 17, 0)};
    p.tasks = {a, b};
    pf.projects.push_back(p);
    auto mentions = [](const std::vector<ImportWarning>& ws, const std::string& entity, const std::string& text) {
        return std::any_of(ws.begin(), ws.end(), [&](const ImportWarning& w) {
            return w.entity == entity && w.message.find(text) != std::string::npos;
        });
    };
    const ExportResult xer = write_xer_with_warnings(pf, "out.xer");
    CHECK(mentions(xer.warnings, "task A", "CS_MSOB"));
    const ExportResult mpx = write_mpx_with_warnings(pf, "out.mpx");
    CHECK(mentions(mpx.warnings, "task B", "Start No Earlier Than"));
    CHECK(mentions(mpx.warnings, "task B", "secondary constraint"));
    CHECK_FALSE(mentions(mpx.warnings, "task A", ""));  // an honoured SNLT is what MPX means too
    // The same project not honouring constraints: MPX would now change A's meaning, XER would not.
    pf.projects[0].honor_constraints = false;
    CHECK(mentions(write_mpx_with_warnings(pf, "out.mpx").warnings, "task A", "always honours"));
    CHECK_FALSE(mentions(write_xer_with_warnings(pf, "out.xer").warnings, "task A", ""));
}
