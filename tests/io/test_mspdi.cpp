// MSPDI reader/writer tests against real MS Project 2002-2019 files (shared/data/interchange/mspdi).
// Expected values: shared/data/interchange/EXPECTED.md and expected/, restated from MPXJ's unit tests
// (joniles/mpxj @ 764fe84f, src/test/java/org/mpxj/junit: TaskLinksTest, MppTaskTest, DurationTest,
// CalendarCalendarsTest, RecurringExceptionsTest, AssignmentAssignmentsTest, TaskStartsTest,
// AvailabilityTest, CostRateTableTest, ResourceMiscTest, DefaultDurationFormatTest).
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "interchange_test_util.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/mspdi.hpp"

using namespace ppm;
using ppm::test::custom_text;
using ppm::test::interchange;
using ppm::test::task_by_row;

namespace {

struct Counts {
    std::size_t tasks = 0, links = 0, calendars = 0, resources = 0, assignments = 0;
};

// Independent count with pugixml: tasks except UID 0 and blank rows, named resources plus any with UID != 0,
// assignments with a real task and resource.
Counts count_elements(const std::filesystem::path& file) {
    pugi::xml_document doc;
    REQUIRE(doc.load_file(file.c_str()));
    const auto root = doc.document_element();
    Counts c;
    for (auto t : root.child("Tasks").children("Task")) {
        if (std::string(t.child_value("UID")) == "0" || std::string(t.child_value("IsNull")) == "1") continue;
        ++c.tasks;
        for (auto l : t.children("PredecessorLink")) { (void)l; ++c.links; }
    }
    for (auto cal : root.child("Calendars").children("Calendar")) { (void)cal; ++c.calendars; }
    std::set<std::string> resources;
    for (auto r : root.child("Resources").children("Resource")) {
        if (std::string(r.child_value("UID")) == "0" && std::string(r.child_value("Name")).empty()) continue;
        ++c.resources;
        resources.insert(r.child_value("UID"));
    }
    for (auto a : root.child("Assignments").children("Assignment"))
        if (resources.count(a.child_value("ResourceUID")) && std::string(a.child_value("TaskUID")) != "0") ++c.assignments;
    return c;
}

Counts count_model(const Portfolio& pf) {
    Counts c;
    c.calendars = pf.calendars.size();
    c.resources = pf.resources.size();
    for (const auto& p : pf.projects)
        for (const auto& t : p.tasks) {
            ++c.tasks;
            c.links += t.predecessors.size();
            c.assignments += t.assignments.size();
        }
    return c;
}

// Child element names the Project 2013 schema allows under Project, Calendar, Task, Resource, Assignment
// (read from the XSD itself).
std::map<std::string, std::set<std::string>> schema_children() {
    std::map<std::string, std::set<std::string>> out;
    pugi::xml_document xsd;
    REQUIRE(xsd.load_file(interchange("schema/mspdi_pj15-correct_2023-06-16.xsd").c_str()));
    const auto seq_of = [](pugi::xml_node el) { return el.child("xsd:complexType").child("xsd:sequence"); };
    pugi::xml_node project;
    for (auto ct : xsd.document_element().children("xsd:complexType"))
        if (std::string(ct.attribute("name").value()) == "Project") project = ct.child("xsd:sequence");
    const auto find = [](pugi::xml_node seq, const char* name) {
        for (auto e : seq.children("xsd:element"))
            if (std::string(e.attribute("name").value()) == name) return e;
        return pugi::xml_node{};
    };
    const auto names = [](pugi::xml_node seq) {
        std::set<std::string> s;
        for (auto e : seq.children("xsd:element")) s.insert(e.attribute("name").value());
        return s;
    };
    out["Project"] = names(project);
    out["Calendar"] = names(seq_of(find(seq_of(find(project, "Calendars")), "Calendar")));
    out["Task"] = names(seq_of(find(seq_of(find(project, "Tasks")), "Task")));
    out["Resource"] = names(seq_of(find(seq_of(find(project, "Resources")), "Resource")));
    out["Assignment"] = names(seq_of(find(seq_of(find(project, "Assignments")), "Assignment")));
    return out;
}

// What export legitimately changes: elements outside the schema are not written; the two header
// fields the schema requires (SaveVersion, CurrencyCode) are filled in when the file lacked them.
void normalise_for_export(Portfolio& pf, const std::map<std::string, std::set<std::string>>& allowed) {
    const auto prune = [](CustomFields& c, const std::set<std::string>& names) {
        for (auto it = c.begin(); it != c.end();) {
            std::string key = it->first;
            bool drop = false;
            if (key.rfind("mspdi.xml.", 0) == 0) drop = !names.count(key.substr(10));
            else if (key.rfind("mspdi.", 0) == 0 && key.find('.', 6) == std::string::npos) drop = !names.count(key.substr(6));
            it = drop ? c.erase(it) : std::next(it);
        }
    };
    for (auto& c : pf.calendars) prune(c.custom, allowed.at("Calendar"));
    for (auto& r : pf.resources) prune(r.custom, allowed.at("Resource"));
    for (auto& p : pf.projects) {
        prune(p.custom, allowed.at("Project"));
        p.custom.emplace("mspdi.SaveVersion", std::string("14"));
        p.custom.emplace("mspdi.CurrencyCode", std::string("USD"));
        for (auto& t : p.tasks) {
            prune(t.custom, allowed.at("Task"));
            for (auto& a : t.assignments) prune(a.custom, allowed.at("Assignment"));
        }
    }
}

bool xmllint_available() { return std::system("xmllint --version > /dev/null 2>&1") == 0; }

}  // namespace

TEST_CASE("mspdi: every shared file loads and every task, link, calendar, resource and assignment is accounted for") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    const auto files = ppm::test::files_in("mspdi", ".xml");
    REQUIRE(files.size() >= 30);
    for (const auto& f : files) {
        INFO(f.filename().string());
        const ImportResult r = read_mspdi_file(f);
        REQUIRE(r.portfolio.projects.size() == 1);
        const Counts want = count_elements(f);
        const Counts got = count_model(r.portfolio);
        CHECK(got.tasks == want.tasks);
        CHECK(got.links == want.links);
        CHECK(got.calendars == want.calendars);
        CHECK(got.resources == want.resources);
        CHECK(got.assignments == want.assignments);
        // Outline order: a parent always comes before its children.
        std::set<std::string> seen;
        for (const auto& t : r.portfolio.projects[0].tasks) {
            if (t.parent) CHECK(seen.count(t.parent->str()) == 1);
            seen.insert(t.id.str());
        }
    }
}

TEST_CASE("mspdi: links of all four types with lags in days and weeks (task-links family)") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    struct Link { const char* succ; const char* pred; LinkType type; std::int64_t lag_minutes; };
    // EXPECTED.md "Links" (TaskLinksTest): 1 d = 480 min, 1 w = 2400 min.
    const Link expected[] = {{"2", "1", LinkType::finish_start, 0},     {"4", "3", LinkType::finish_start, 480},
                             {"6", "5", LinkType::finish_start, 960},   {"8", "7", LinkType::finish_start, 2400},
                             {"10", "9", LinkType::finish_start, 4800}, {"12", "11", LinkType::start_finish, 960},
                             {"14", "13", LinkType::start_start, 960},  {"16", "15", LinkType::finish_finish, 960}};
    for (const char* name : {"task-links-project2003-mspdi.xml", "task-links-project2010-mspdi.xml",
                             "task-links-project2013-mspdi.xml", "task-links-project2016-mspdi.xml"}) {
        INFO(name);
        const auto r = read_mspdi_file(interchange(std::string("mspdi/") + name));
        const Project& p = r.portfolio.projects.at(0);
        if (p.tasks.empty()) {
            // The 2003 file of this family holds the project header only in this data set.
            WARN(name << " has no tasks");
            continue;
        }
        for (const auto& e : expected) {
            const Task* succ = task_by_row(p, e.succ);
            const Task* pred = task_by_row(p, e.pred);
            REQUIRE(succ);
            REQUIRE(pred);
            REQUIRE(succ->predecessors.size() == 1);
            const auto& d = succ->predecessors[0];
            CHECK(d.predecessor == pred->id);
            CHECK(d.type == e.type);
            CHECK(d.lag.unit == LagUnit::working);
            CHECK(d.lag.amount.count() == e.lag_minutes);
            CHECK(pred->predecessors.empty());
        }
    }
}

TEST_CASE("mspdi: mspdirelations.xml chain FS, SS+1d, FF, SF by UID") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    const auto r = read_mspdi_file(interchange("mspdi/mspdirelations.xml"));
    const auto* pf = &r.portfolio;
    const auto check = [&](const char* succ, const char* pred, LinkType type, std::int64_t lag) {
        const Task* t = pf->find_task(TaskId(succ));
        REQUIRE(t);
        REQUIRE(t->predecessors.size() == 1);
        CHECK(t->predecessors[0].predecessor == TaskId(pred));
        CHECK(t->predecessors[0].type == type);
        CHECK(t->predecessors[0].lag.amount.count() == lag);
    };
    check("2", "1", LinkType::finish_start, 0);
    check("3", "2", LinkType::start_start, 480);
    check("4", "3", LinkType::finish_finish, 0);
    check("5", "4", LinkType::start_finish, 0);
}

TEST_CASE("mspdi: durations in every format, elapsed ones flagged (mspdiduration.xml, DefaultDurationFormat.xml)") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    const auto r = read_mspdi_file(interchange("mspdi/mspdiduration.xml"));
    const Project& p = r.portfolio.projects.at(0);
    // DurationTest: 1 m, 1 h, 1 d, 1 w, 1 mo, then the elapsed ones; file values PT0H1M0S ... PT720H.
    const std::int64_t minutes[] = {1, 60, 480, 2400, 9600, 1, 60, 1440, 10080, 43200};
    for (int i = 1; i <= 10; ++i) {
        const Task* t = task_by_row(p, std::to_string(i));
        REQUIRE(t);
        CHECK(t->duration.count() == minutes[i - 1]);
    }
    std::size_t elapsed_warnings = 0;
    for (const auto& w : r.warnings) elapsed_warnings += w.message.find("elapsed duration") != std::string::npos;
    CHECK(elapsed_warnings == 5);

    const auto d = read_mspdi_file(interchange("mspdi/DefaultDurationFormat.xml"));
    const Task* t1 = task_by_row(d.portfolio.projects.at(0), "1");
    REQUIRE(t1);
    CHECK(t1->duration.count() == 2 * 2400);  // 2 weeks of 40 h
    CHECK(custom_text(d.portfolio.projects[0].custom, "mspdi.DurationFormat") == "9");
}

TEST_CASE("mspdi: base and derived calendars with split working days (calendar-calendars family)") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    for (const char* name : {"calendar-calendars-project2002-mspdi.xml", "calendar-calendars-project2010-mspdi.xml",
                             "calendar-calendars-project2019-mspdi.xml"}) {
        INFO(name);
        const auto r = read_mspdi_file(interchange(std::string("mspdi/") + name));
        const auto& pf = r.portfolio;
        const std::map<std::string, std::string> names = {
            {"1", "Standard"}, {"3", "Calendar1"}, {"4", "Calendar2"}, {"5", "Resource One"}, {"6", "Resource Two"}};
        for (const auto& [uid, cal_name] : names) {
            const Calendar* c = pf.find_calendar(CalendarId(uid));
            REQUIRE(c);
            CHECK(c->name == cal_name);
        }
        CHECK_FALSE(pf.find_calendar(CalendarId("1"))->base);
        CHECK_FALSE(pf.find_calendar(CalendarId("3"))->base);
        CHECK_FALSE(pf.find_calendar(CalendarId("4"))->base);
        CHECK(pf.find_calendar(CalendarId("5"))->base == CalendarId("1"));
        CHECK(pf.find_calendar(CalendarId("6"))->base == CalendarId("1"));
        const Calendar* standard = pf.find_calendar(CalendarId("1"));
        const DaySchedule day{{480, 720}, {780, 1020}};
        for (std::size_t d = 0; d < 5; ++d) {
            REQUIRE(standard->week[d]);
            CHECK(*standard->week[d] == day);
        }
        CHECK(standard->week[5] == DaySchedule{});
        CHECK(standard->week[6] == DaySchedule{});
    }
}

TEST_CASE("mspdi: 27 recurring calendar exceptions expand to MS Project's dates (2007, 2010, 2013)") {
    if (!ppm::test::have_shared("interchange/expected/calendar-recurring-exceptions.csv")) return;
    // expected/calendar-recurring-exceptions.csv: index,name,working,...,expanded_dates_iso (last column).
    std::istringstream csv(ppm::test::slurp(interchange("expected/calendar-recurring-exceptions.csv")));
    std::string line;
    std::getline(csv, line);
    std::vector<std::pair<std::string, std::vector<std::string>>> expected;
    std::vector<bool> working;
    while (std::getline(csv, line)) {
        if (line.empty()) continue;
        std::vector<std::string> cols;
        std::stringstream ls(line);
        std::string col;
        while (std::getline(ls, col, ',')) cols.push_back(col);
        std::vector<std::string> dates;
        std::stringstream ds(cols.back());
        std::string d;
        while (ds >> d) dates.push_back(d);
        expected.emplace_back(cols[1], dates);
        working.push_back(cols[2] == "true");
    }
    REQUIRE(expected.size() == 27);
    for (const char* name : {"calendar-recurring-exceptions-project2007-mspdi.xml", "calendar-recurring-exceptions-project2010-mspdi.xml",
                             "calendar-recurring-exceptions-project2013-mspdi.xml"}) {
        INFO(name);
        const auto r = read_mspdi_file(interchange(std::string("mspdi/") + name));
        const Calendar* standard = nullptr;
        for (const auto& c : r.portfolio.calendars)
            if (c.name == "Standard") standard = &c;
        REQUIRE(standard);
        std::map<std::string, std::vector<const CalendarException*>> by_name;
        std::vector<std::string> order;
        for (const auto& e : standard->exceptions) {
            if (by_name[e.name].empty()) order.push_back(e.name);
            by_name[e.name].push_back(&e);
        }
        REQUIRE(order.size() == 27);
        // MPXJ lists exceptions by first date; the file keeps MS Project's entry order.
        std::stable_sort(order.begin(), order.end(), [&](const std::string& x, const std::string& y) {
            return by_name[x].front()->from < by_name[y].front()->from;
        });
        for (std::size_t i = 0; i < expected.size(); ++i) {
            const auto& [ex_name, dates] = expected[i];
            INFO(ex_name);
            CHECK(order[i] == ex_name);
            const auto& got = by_name[ex_name];
            REQUIRE(!got.empty());
            CHECK(to_string(got.front()->from) == dates.front());
            if (dates.size() > 1) {
                REQUIRE(got.size() == dates.size());
                for (std::size_t k = 0; k < dates.size(); ++k) {
                    CHECK(to_string(got[k]->from) == dates[k]);
                    CHECK(got[k]->to == got[k]->from);
                }
            }
            CHECK(got.front()->hours.empty() == !working[i]);
        }
    }
}

TEST_CASE("mspdi: assignments keep Stop/Resume (assignment-assignments family)") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    for (const char* name : {"assignment-assignments-project2002-mspdi.xml", "assignment-assignments-project2010-mspdi.xml",
                             "assignment-assignments-project2019-mspdi.xml"}) {
        INFO(name);
        const auto r = read_mspdi_file(interchange(std::string("mspdi/") + name));
        const Project& p = r.portfolio.projects.at(0);
        const Task* t1 = task_by_row(p, "1");
        const Task* t2 = task_by_row(p, "2");
        if (!t1 || !t2) { WARN(name << " has no tasks 1/2"); continue; }
        CHECK(t1->name == "Task 1");
        CHECK(t2->name == "Task 2");
        REQUIRE(t1->assignments.size() == 1);
        REQUIRE(t2->assignments.size() == 1);
        const auto stop1 = custom_text(t1->assignments[0].custom, "mspdi.Stop");
        if (stop1 != "<absent>") CHECK(stop1 == "2016-01-04T08:00:00");
        CHECK(custom_text(t2->assignments[0].custom, "mspdi.Stop") == "2016-01-06T12:00:00");
        CHECK(custom_text(t2->assignments[0].custom, "mspdi.Resume") == "2016-01-06T13:00:00");
    }
}

TEST_CASE("mspdi: extended attributes become typed custom fields (Start, Date, Cost, Number, text values)") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    const auto check_dates = [](const char* file, const char* family, int n) {
        INFO(file);
        const auto r = read_mspdi_file(interchange(std::string("mspdi/") + file));
        const Project& p = r.portfolio.projects.at(0);
        for (int i = 1; i <= n; ++i) {
            const Task* t = task_by_row(p, std::to_string(i));
            if (!t) { WARN(file << " has no task " << i); return; }
            const std::string key = family + std::to_string(i);
            CHECK(t->name == key);
            const auto it = t->custom.find(key);
            REQUIRE(it != t->custom.end());
            REQUIRE(std::holds_alternative<Instant>(it->second));
            // TaskStartsTest: Start{i} = 2014-01-{i} at (8+i):00.
            CHECK(std::get<Instant>(it->second) == Instant::from_ymd_hm(2014, 1, i, 8 + i, 0));
            for (int j = 1; j <= n; ++j)
                if (j != i) CHECK(t->custom.find(family + std::to_string(j)) == t->custom.end());
        }
    };
    check_dates("task-starts-project2013-mspdi.xml", "Start", 10);
    check_dates("task-starts-project2003-mspdi.xml", "Start", 10);
    check_dates("task-dates-project2010-mspdi.xml", "Date", 10);

    const auto costs = read_mspdi_file(interchange("mspdi/task-costs-project2016-mspdi.xml"));
    for (int i = 1; i <= 10; ++i) {
        const Task* t = task_by_row(costs.portfolio.projects.at(0), std::to_string(i));
        REQUIRE(t);
        const auto it = t->custom.find("Cost" + std::to_string(i));
        REQUIRE(it != t->custom.end());
        CHECK(std::get<double>(it->second) == Approx(i));  // TaskCostsTest: Cost{i} = i
    }
    const auto numbers = read_mspdi_file(interchange("mspdi/task-numbers-project2010-mspdi.xml"));
    for (int i = 1; i <= 20; ++i) {
        const Task* t = task_by_row(numbers.portfolio.projects.at(0), std::to_string(i));
        REQUIRE(t);
        const auto it = t->custom.find("Number" + std::to_string(i));
        REQUIRE(it != t->custom.end());
        CHECK(std::get<double>(it->second) == Approx(i));
    }
    const auto text = read_mspdi_file(interchange("mspdi/task-textvalues-project2019-mspdi.xml"));
    std::map<std::string, std::string> by_name;
    for (const auto& t : text.portfolio.projects.at(0).tasks)
        by_name[t.name] = custom_text(t.custom, "mspdi.StartText") + "|" + custom_text(t.custom, "mspdi.FinishText") + "|" +
                          custom_text(t.custom, "mspdi.DurationText");
    CHECK(by_name["Start is text"] == "AAA||");
    CHECK(by_name["Finish is text"] == "|BBB|");
    CHECK(by_name["Duration is text"] == "||CCC");
}

TEST_CASE("mspdi: resources: availability, cost rate table A, misc fields, types") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    const auto av = read_mspdi_file(interchange("mspdi/mspdiavailability.xml"));
    const Resource* one = nullptr;
    const Resource* two = nullptr;
    for (const auto& r : av.portfolio.resources) {
        if (r.name == "Resource One") one = &r;
        if (r.name == "Resource Two") two = &r;
    }
    REQUIRE(one);
    REQUIRE(two);
    CHECK(one->availability.empty());
    // AvailabilityTest: 2009-06-01..07-01 23:59 100 %, 07-02..08-01 60 %, 08-20..08-30 75 % (to is exclusive here).
    const std::vector<AvailabilityPeriod> want = {
        {Instant::from_ymd_hm(2009, 6, 1), Instant::from_ymd_hm(2009, 7, 2), 1.0},
        {Instant::from_ymd_hm(2009, 7, 2), Instant::from_ymd_hm(2009, 8, 2), 0.6},
        {Instant::from_ymd_hm(2009, 8, 20), Instant::from_ymd_hm(2009, 8, 31), 0.75}};
    REQUIRE(two->availability.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(two->availability[i].from == want[i].from);
        CHECK(two->availability[i].to == want[i].to);
        CHECK(two->availability[i].units == Approx(want[i].units));
    }

    const auto rates = read_mspdi_file(interchange("mspdi/mspdicostratetable.xml"));
    const auto by_name = [&](const std::string& n) -> const Resource& {
        for (const auto& r : rates.portfolio.resources)
            if (r.name == n) return r;
        FAIL("no resource " << n);
        throw 0;
    };
    // CostRateTableTest: Resource Two table A = (5, 10, 15); Resource Three A row 2 from 2009-06-15 08:00 = 20/minute, 25/h, 30.
    const Resource& r2 = by_name("Resource Two");
    REQUIRE(r2.cost_rates.size() == 1);
    CHECK(r2.cost_rates[0].standard_per_hour == Money::from_major(5));
    CHECK(r2.cost_rates[0].overtime_per_hour == Money::from_major(10));
    CHECK(r2.cost_rates[0].per_use == Money::from_major(15));
    const Resource& r3 = by_name("Resource Three");
    REQUIRE(r3.cost_rates.size() == 2);
    CHECK(r3.cost_rates[1].effective_from == Instant::from_ymd_hm(2009, 6, 15, 8, 0));
    CHECK(r3.cost_rates[1].standard_per_hour == Money::from_major(20 * 60));
    CHECK(r3.cost_rates[1].overtime_per_hour == Money::from_major(25));
    CHECK(r3.cost_rates[1].per_use == Money::from_major(30));
    CHECK(custom_text(r3.custom, "mspdi.xml.Rates").find("<RateTable>4</RateTable>") != std::string::npos);  // B-E kept

    const auto misc = read_mspdi_file(interchange("mspdi/resource-misc-project2019-mspdi.xml"));
    const Resource* m1 = nullptr;
    for (const auto& r : misc.portfolio.resources)
        if (r.name == "Resource 1") m1 = &r;
    REQUIRE(m1);
    CHECK(custom_text(m1->custom, "mspdi.Code") == "Code1");
    CHECK(custom_text(m1->custom, "mspdi.EmailAddress") == "resource1@example.com");
    CHECK(custom_text(m1->custom, "mspdi.Initials") == "R1");
    CHECK(m1->group == "Group1");
    CHECK(m1->notes == "Notes1");
    REQUIRE(!m1->cost_rates.empty());
    CHECK(m1->cost_rates[0].per_use == Money::from_major(1.23));

    const auto types = read_mspdi_file(interchange("mspdi/resource-type-project2010-mspdi.xml"));
    std::map<ResourceType, int> count;
    for (const auto& r : types.portfolio.resources) ++count[r.type];
    CHECK(count[ResourceType::work] == 5);
    CHECK(count[ResourceType::material] == 5);
    CHECK(count[ResourceType::cost] == 5);
}

TEST_CASE("mspdi: project header properties") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    const auto r = read_mspdi_file(interchange("mspdi/headertest9.xml"));
    const Project& p = r.portfolio.projects.at(0);
    CHECK(p.name == "Project Title Text");
    CHECK(p.manager == "Manager Text");
    CHECK(custom_text(p.custom, "mspdi.Subject") == "Subject Text");
    CHECK(custom_text(p.custom, "mspdi.Author") == "Author Text");
    CHECK(custom_text(p.custom, "mspdi.Company") == "Company Text");
    CHECK(p.start == Instant::from_ymd_hm(2004, 12, 2, 8, 0));
}

TEST_CASE("mspdi: baselines are kept as custom fields (baselines.xml)") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    const auto r = read_mspdi_file(interchange("mspdi/baselines.xml"));
    const Task* t = r.portfolio.find_task(TaskId("1"));
    REQUIRE(t);
    for (int n = 1; n <= 10; ++n) {
        CHECK(custom_text(t->custom, "mspdi.Baseline" + std::to_string(n) + ".Cost") == std::to_string(100 * n));
        CHECK(custom_text(t->custom, "mspdi.Baseline" + std::to_string(n) + ".Work") == "PT" + std::to_string(n) + "H0M0S");
    }
}

TEST_CASE("mspdi: export re-imports to the same model and validates against the Project 2013 XSD") {
    if (!ppm::test::have_shared("interchange/mspdi")) return;
    const bool lint = xmllint_available();
    if (!lint) WARN("xmllint not found: schema validation skipped (install libxml2-utils)");
    const auto xsd = interchange("schema/mspdi_pj15-correct_2023-06-16.xsd");
    const auto out_dir = std::filesystem::temp_directory_path() / "ppm_mspdi_roundtrip";
    std::filesystem::create_directories(out_dir);
    const auto allowed = schema_children();
    REQUIRE(allowed.at("Task").count("PredecessorLink") == 1);
    for (const auto& f : ppm::test::files_in("mspdi", ".xml")) {
        INFO(f.filename().string());
        ImportResult first = read_mspdi_file(f);
        const auto out = out_dir / f.filename();
        write_mspdi_file(first.portfolio, out);
        ImportResult second = read_mspdi_file(out);
        normalise_for_export(first.portfolio, allowed);
        // The source name (project id) is the same file name in both.
        const Portfolio& a = first.portfolio;
        const Portfolio& b = second.portfolio;
        CHECK(a.calendars == b.calendars);
        CHECK(a.resources == b.resources);
        REQUIRE(a.projects.size() == b.projects.size());
        const Project& pa = a.projects[0];
        const Project& pb = b.projects[0];
        CHECK(pa.name == pb.name);
        CHECK(pa.start == pb.start);
        CHECK(pa.custom == pb.custom);
        REQUIRE(pa.tasks.size() == pb.tasks.size());
        for (std::size_t i = 0; i < pa.tasks.size(); ++i) {
            INFO("task " << pa.tasks[i].id.str());
            CHECK(pa.tasks[i] == pb.tasks[i]);
        }
        CHECK(a.custom == b.custom);
        CHECK(a == b);
        if (!(a == b)) {  // leave both models as JSON for a diff
            write_json_file(a, out.string() + ".first.json");
            write_json_file(b, out.string() + ".second.json");
        }
        if (lint) {
            const std::string cmd = "xmllint --noout --schema '" + xsd.string() + "' '" + out.string() + "' > '" + out.string() + ".lint' 2>&1";
            const int rc = std::system(cmd.c_str());
            INFO(ppm::test::slurp(out.string() + ".lint"));
            // All 33 files, mspextattr.xml included: its Project 2003 outline-code values lack the
            // FieldGUID and Type the 2013 schema requires, which the reader completes (warned).
            CHECK(rc == 0);
        }
    }
}

TEST_CASE("mspdi: malformed input gives ParseError with the line") {
    const std::string text = "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n<Tasks>\n<Task><UID>1</UID>\n</Tsk>\n</Tasks></Project>\n";
    try {
        (void)read_mspdi(text, "bad.xml");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.code() == ErrorCode::syntax);
        CHECK(e.path() == "bad.xml");
        CHECK(e.line() == 5);
    }
    const std::string bad_value = "<Project>\n<Tasks>\n<Task>\n<UID>1</UID>\n<Duration>eight hours</Duration>\n</Task></Tasks></Project>";
    try {
        (void)read_mspdi(bad_value, "v.xml");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.code() == ErrorCode::unexpected);
        CHECK(e.line() == 5);
        CHECK(std::string(e.what()).find("Duration") != std::string::npos);
    }
    CHECK_THROWS_AS(read_mspdi("<APIBusinessObjects/>", "x.xml"), ParseError);
}

namespace {
/// `utf8` re-encoded as UTF-16 with a byte-order mark (what Notepad's "Unicode" saves), its XML
/// declaration saying so.
std::string as_utf16(std::string utf8, bool big_endian) {
    if (const auto at = utf8.find("encoding=\"UTF-8\""); at != std::string::npos) utf8.replace(at, 16, "encoding=\"UTF-16\"");
    std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    const auto unit = [&](std::uint32_t u) {
        const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
        out += big_endian ? hi : lo;
        out += big_endian ? lo : hi;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3Fu);
        i += n;
        if (cp >= 0x10000) {
            unit(0xD800 + ((cp - 0x10000) >> 10));
            unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            unit(cp);
        }
    }
    return out;
}
}  // namespace

TEST_CASE("mspdi: a file saved as UTF-16 (either byte order) or with a UTF-8 byte-order mark reads like the UTF-8 original") {
    // XML 1.0 section 4.3.3 and appendix F: the byte-order mark tells the encoding.
    const std::string utf8 =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
        "<Name>Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x9A\x80</Name>\n<Tasks>\n<Task><UID>1</UID><ID>1</ID><Name>\xC3\x9C" "bung</Name>"
        "<Duration>PT8H0M0S</Duration></Task>\n</Tasks>\n</Project>\n";
    const auto original = read_mspdi(utf8, "utf8.xml");
    REQUIRE(original.portfolio.projects.size() == 1);
    REQUIRE(original.portfolio.projects[0].tasks.size() == 1);
    CHECK(original.portfolio.projects[0].tasks[0].name == "\xC3\x9C" "bung");
    for (const auto& [name, text] : {std::pair<std::string, std::string>{"utf16le.xml", as_utf16(utf8, false)},
                                     {"utf16be.xml", as_utf16(utf8, true)},
                                     {"bom.xml", "\xEF\xBB\xBF" + utf8}}) {
        INFO(name);
        const auto r = read_mspdi(text, name);
        REQUIRE(r.portfolio.projects.size() == 1);
        CHECK(r.portfolio.projects[0].name == original.portfolio.projects[0].name);
        REQUIRE(r.portfolio.projects[0].tasks.size() == 1);
        CHECK(r.portfolio.projects[0].tasks[0].name == "\xC3\x9C" "bung");
        CHECK(r.portfolio.projects[0].tasks[0].duration == original.portfolio.projects[0].tasks[0].duration);
    }
    // read_model_file recognises a UTF-16 .xml file by its content, as it does UTF-8.
    const auto path = std::filesystem::temp_directory_path() / "ppm_test_utf16_mspdi.xml";
    {
        std::ofstream out(path, std::ios::binary);
        out << as_utf16(utf8, false);
    }
    const auto via_file = read_model_file_with_warnings(path);
    std::filesystem::remove(path);
    REQUIRE(via_file.portfolio.projects.size() == 1);
    CHECK(via_file.portfolio.projects[0].tasks.size() == 1);
    // Lines are counted in the decoded text: a bad value on line 5 of a UTF-16 file is reported there.
    std::string bad = utf8;
    bad.replace(bad.find("PT8H0M0S"), 8, "eight hours");
    try {
        (void)read_mspdi(as_utf16(bad, false), "bad16.xml");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.code() == ErrorCode::unexpected);
        CHECK(e.line() == 5);
    }
    // A lone UTF-16 surrogate is no character.
    std::string lone = as_utf16(utf8, false);
    lone += std::string("\x00\xD8", 2);
    CHECK_THROWS_AS(read_mspdi(lone, "lone.xml"), ParseError);
}

TEST_CASE("mspdi: DOCTYPE with entities is rejected (billion laughs)") {
    const std::string bomb =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n]>\n"
        "<Project><Name>&lol2;</Name></Project>";
    try {
        (void)read_mspdi(bomb, "bomb.xml");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.line() == 3);
        CHECK(std::string(e.what()).find("DOCTYPE") != std::string::npos);
    }
}

TEST_CASE("mspdi: a model written from scratch round-trips (non-numeric ids numbered, lags of every unit)") {
    Portfolio pf;
    pf.id = PortfolioId("demo");
    pf.calendars.push_back(Calendar::standard(CalendarId("1")));
    pf.calendars[0].name = "Standard";
    pf.calendars[0].exceptions.push_back({"Christmas", Date::from_ymd(2026, 12, 25), Date::from_ymd(2026, 12, 25), {}, true});
    pf.calendars[0].exceptions.push_back({"Short day", Date::from_ymd(2026, 4, 3), Date::from_ymd(2026, 4, 3), {{480, 720}}, false});
    Project p;
    p.id = ProjectId("demo");
    p.name = "Demo";
    p.start = Instant::from_ymd_hm(2026, 3, 2, 8, 0);
    p.calendar = CalendarId("1");
    Task a;
    a.id = TaskId("1");
    a.name = "A";
    a.duration = Duration{960};
    Task b;
    b.id = TaskId("2");
    b.name = "B";
    b.duration = Duration{480};
    b.predecessors.push_back({TaskId("1"), LinkType::start_start, {LagUnit::percent, Duration{}, 50.0}, LagCalendar::successor, {}});
    Task c;
    c.id = TaskId("3");
    c.name = "C";
    c.milestone = true;
    c.predecessors.push_back({TaskId("2"), LinkType::finish_start, {LagUnit::elapsed, Duration{1440}, 0.0}, LagCalendar::successor, {}});
    c.predecessors.push_back({TaskId("1"), LinkType::finish_finish, {LagUnit::working, Duration{-240}, 0.0}, LagCalendar::successor, {}});
    c.constraint = {ConstraintType::finish_no_later_than, Instant::from_ymd_hm(2026, 4, 1, 17, 0)};
    p.tasks = {a, b, c};
    pf.projects.push_back(p);
    const std::string xml = write_mspdi(pf);
    const auto back = read_mspdi(xml, "demo.xml");
    const Project& q = back.portfolio.projects.at(0);
    REQUIRE(q.tasks.size() == 3);
    CHECK(q.tasks[1].predecessors[0].lag.unit == LagUnit::percent);
    CHECK(q.tasks[1].predecessors[0].lag.percent == Approx(50.0));
    CHECK(q.tasks[2].predecessors[0].lag.unit == LagUnit::elapsed);
    CHECK(q.tasks[2].predecessors[0].lag.amount.count() == 1440);
    CHECK(q.tasks[2].predecessors[1].lag.amount.count() == -240);
    CHECK(q.tasks[2].predecessors[1].type == LinkType::finish_finish);
    CHECK(q.tasks[2].milestone);
    CHECK(q.tasks[2].constraint == c.constraint);
    const Calendar& cal = back.portfolio.calendars.at(0);
    CHECK(cal.week == pf.calendars[0].week);
    CHECK(cal.exceptions == pf.calendars[0].exceptions);
}
