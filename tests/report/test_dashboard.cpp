// Tests of the HTML dashboard (ppm/report/dashboard.hpp): the views present for each kind of file,
// one Gantt bar per task, baseline bars and heat-map counts against the file's own data, escaping,
// determinism, and the page rendered by headless Chromium (DOM checked, screenshot kept).
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "ppm/evm/health.hpp"
#include "ppm/report/dashboard.hpp"
#include "ppm/risk/risk_matrix.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ppm;
using namespace ppm::report;

namespace {

const fs::path kSource{PPM_SOURCE_DIR};
const fs::path kBinary{PPM_BINARY_DIR};

std::size_t count_of(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + needle.size())) ++n;
    return n;
}

bool has_svg(const std::string& html, const std::string& id) { return html.find("<svg id=\"" + id + "\"") != std::string::npos; }

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

DashboardOptions quick() {
    DashboardOptions o;
    o.frontier_points = 5;
    o.solve_seconds = 5.0;
    o.level_passes = 1;
    return o;
}

bool have_chromium() {
    if (std::system("command -v chromium >/dev/null 2>&1") == 0) return true;
    WARN("SKIPPED: chromium not found on PATH (scripts/setup.sh installs Debian's chromium package)");
    return false;
}

/// Renders `html_file` with headless Chromium and returns the DOM after the scripts ran.
std::string chromium_dom(const fs::path& html_file, const fs::path& screenshot = {}) {
    const fs::path dom_file = fs::path(html_file).replace_extension(".dom.html");
    const std::string common = "timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run ";
    const std::string url = "file://" + fs::absolute(html_file).string();
    const std::string cmd = common + "--dump-dom '" + url + "' > '" + dom_file.string() + "' 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    if (!screenshot.empty()) {
        fs::remove(screenshot);
        const std::string shot = common + "--screenshot='" + screenshot.string() + "' --window-size=1400,3000 '" + url + "' >/dev/null 2>&1";
        CHECK(std::system(shot.c_str()) == 0);
        CHECK(fs::exists(screenshot));
        CHECK(fs::file_size(screenshot) > 10000);  // a real image, not an empty canvas
    }
    return slurp(dom_file);
}

void check_rendered(const std::string& dom) {
    // The page's script ran to its end: it sets data-ok="1" on <body> (never present in the source).
    CHECK(std::regex_search(dom, std::regex("<body[^>]*data-ok=\"1\"")));
    // ... and reported no error: the error box is still hidden and empty.
    CHECK(std::regex_search(dom, std::regex("<div id=\"script-errors\" hidden=\"\"></div>")));
}

}  // namespace

TEST_CASE("dashboard: html_escape and html_id", "[report]") {
    CHECK(html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(html_escape("plain") == "plain");
    CHECK(html_id("P1.A") == "P1_2eA");
    CHECK(html_id("A B") != html_id("A_B"));  // '_' is escaped too, so distinct ids stay distinct
    CHECK(html_id("") == "_");
}

TEST_CASE("dashboard: worked example has a Gantt per project and one bar per task", "[report]") {
    const auto d = collect_dashboard_data(kSource / "examples/portfolio.json", quick());
    REQUIRE(d.portfolio);
    REQUIRE(d.schedule);
    const std::string html = write_dashboard(d);
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(has_svg(html, "rag-summary"));
    for (const auto& p : d.portfolio->projects) CHECK(has_svg(html, "gantt-" + html_id(p.id.str())));
    CHECK(count_of(html, "class=\"gantt-bar") == d.portfolio->task_count());
    // Critical bars: as many as the CPM flags say on work that remains (a finished summary -- every
    // leaf below it has an actual finish -- keeps its children's zero float but is never critical).
    std::set<std::string> finished;
    for (const auto& p : d.portfolio->projects) {
        std::map<std::string, std::vector<const Task*>> children;
        for (const auto& t : p.tasks)
            if (t.parent) children[t.parent->str()].push_back(&t);
        std::function<bool(const Task&)> done = [&](const Task& t) {
            const auto it = children.find(t.id.str());
            if (it == children.end()) return t.progress.actual_finish.has_value();
            return std::all_of(it->second.begin(), it->second.end(), [&](const Task* c) { return done(*c); });
        };
        for (const auto& t : p.tasks)
            if (done(t)) finished.insert(t.id.str());
    }
    std::size_t critical = 0, finished_critical = 0;
    for (std::size_t i = 0; i < d.schedule->task_id.size(); ++i) {
        const bool over = finished.count(d.schedule->task_id[i].str()) != 0;
        critical += d.schedule->critical[i] && !over;
        finished_critical += d.schedule->critical[i] && over;
    }
    CHECK(finished_critical == 0);  // the CPM flags no finished work critical, summaries included
    const std::regex critical_bar("class=\"gantt-bar[^\"]* critical\"");
    CHECK(static_cast<std::size_t>(std::distance(std::sregex_iterator(html.begin(), html.end(), critical_bar), std::sregex_iterator())) == critical);
    // Milestones drawn as diamonds, one per milestone task.
    std::size_t milestones = 0;
    for (const auto& p : d.portfolio->projects)
        for (const auto& t : p.tasks) milestones += t.milestone;
    CHECK(count_of(html, "class=\"gantt-bar milestone") == milestones);
    // Resources with assignments get a histogram with a capacity line.
    REQUIRE(d.histogram);
    CHECK(d.histogram_source == "levelled");
    CHECK(count_of(html, "<svg id=\"histogram-") >= 1);
    CHECK(count_of(html, "class=\"capacity\"") == count_of(html, "<svg id=\"histogram-"));
    // No network: nothing is loaded from elsewhere.
    CHECK(count_of(html, "http://") == count_of(html, "xmlns=\"http://www.w3.org/2000/svg\""));  // only the SVG namespace
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("src=") == std::string::npos);
    // Deterministic.
    CHECK(write_dashboard(collect_dashboard_data(kSource / "examples/portfolio.json", quick())) == html);
}

TEST_CASE("dashboard: control sections give RAG, baseline bars, heat map and S-curves", "[report]") {
    const fs::path file = kSource / "tests/evm/data/control_sample.json";
    const auto d = collect_dashboard_data(file, quick());
    REQUIRE(d.portfolio);
    const std::string html = write_dashboard(d);
    // Heat map: the counts in the cells add up to the active risks of the register.
    REQUIRE(has_svg(html, "heatmap"));
    std::size_t active = 0;
    for (const auto& r : d.risks) active += is_active(r.status);
    REQUIRE(active > 0);
    std::size_t placed = 0;
    const std::regex cell("data-count=\"([0-9]+)\"");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), cell); it != std::sregex_iterator(); ++it) placed += std::stoul((*it)[1]);
    CHECK(placed == active);
    CHECK(count_of(html, "class=\"heat-cell\"") == 25);
    // One S-curve per project with a baseline; one baseline bar per non-summary task in its active baseline.
    std::size_t expected_bars = 0;
    for (const auto& set : d.baselines) {
        const Baseline* b = set.active();
        REQUIRE(b);
        CHECK(has_svg(html, "scurve-" + html_id(b->project.str())));
        for (std::size_t k = 0; k < b->size(); ++k)
            if (d.portfolio->find_task(b->task[k])) ++expected_bars;
    }
    CHECK(count_of(html, "class=\"baseline\"") == expected_bars);
    CHECK(count_of(html, "class=\"pv\"") == d.scurves.size());
    // RAG was assessed for every project and shown as a badge.
    REQUIRE(d.project_rag.size() == d.portfolio->projects.size());
    for (const auto& r : d.project_rag) CHECK(r.overall != Rag::none);
    CHECK(count_of(html, "<span class=\"badge rag-") >= d.portfolio->projects.size());
    // The status-date line is drawn on the Gantt charts.
    REQUIRE(d.status_date);
    CHECK(count_of(html, "class=\"today-line\"") >= d.portfolio->projects.size());
}

TEST_CASE("dashboard: a selection-only file draws the bubble chart and the frontier", "[report]") {
    const auto d = collect_dashboard_data(kSource / "examples/selection.json", quick());
    CHECK_FALSE(d.portfolio);
    REQUIRE(d.selection);
    REQUIRE(d.selected);
    REQUIRE(d.frontier);
    const std::string html = write_dashboard(d);
    CHECK(has_svg(html, "bubble"));
    CHECK(has_svg(html, "frontier"));
    CHECK_FALSE(has_svg(html, "rag-summary"));
    CHECK(count_of(html, "data-candidate=") == d.selection->candidates.size());
    CHECK(count_of(html, "class=\"bubble selected\" data-candidate=") == d.selected->selected_ids().size());
    CHECK(count_of(html, "class=\"frontier-point\"") == d.frontier->budget.size());
    CHECK(d.frontier->budget.size() == 5);
}

TEST_CASE("dashboard: names are escaped", "[report]") {
    const std::string text = R"({"format": "ppm", "version": 1, "portfolio": {"id": "X", "name": "A & B <script>alert(1)</script>",
      "calendars": [{"id": "std", "week": {"mon": ["08:00-12:00"], "tue": ["08:00-12:00"], "wed": ["08:00-12:00"], "thu": ["08:00-12:00"], "fri": ["08:00-12:00"]}}],
      "default_calendar": "std",
      "projects": [{"id": "P<1>", "name": "\"quoted\"", "start": "2026-01-05T08:00",
        "tasks": [{"id": "T'1", "name": "<b>bold</b>", "duration": "2d"}]}]}})";
    DashboardData d;
    try {
        d = collect_dashboard_data(text, "escape.json", quick());
    } catch (const std::exception& e) {
        FAIL("the model did not load: " << e.what());
    }
    const std::string html = write_dashboard(d);
    CHECK(html.find("<script>alert") == std::string::npos);
    CHECK(html.find("<b>bold") == std::string::npos);
    CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(html.find("data-task=\"T&#39;1\"") != std::string::npos);
    CHECK(has_svg(html, "gantt-" + html_id("P<1>")));
    CHECK(count_of(html, "<script>") == 1);  // only the page's own script
}

TEST_CASE("dashboard: headless Chromium renders every view without script errors", "[report][chromium]") {
    if (!have_chromium()) return;
    struct Case {
        std::string name;
        fs::path file;
    };
    const Case cases[] = {{"portfolio", kSource / "examples/portfolio.json"},
                          {"control", kSource / "tests/evm/data/control_sample.json"},
                          {"selection", kSource / "examples/selection.json"}};
    for (const auto& c : cases) {
        SECTION(c.name) {
            const auto d = collect_dashboard_data(c.file, quick());
            const fs::path html_file = kBinary / ("report_" + c.name + ".html");
            write_dashboard_file(d, html_file);
            const std::string source = slurp(html_file);
            CHECK(source.find("data-ok=\"1\"") == std::string::npos);  // only the script sets it
            const std::string dom = chromium_dom(html_file, c.name == "portfolio" ? kBinary / "report.png" : fs::path());
            check_rendered(dom);
            const std::size_t tasks = d.portfolio ? d.portfolio->task_count() : 0;
            CHECK(count_of(dom, "class=\"gantt-bar") == tasks);
            if (d.portfolio) {
                CHECK(has_svg(dom, "rag-summary"));
                for (const auto& p : d.portfolio->projects) CHECK(has_svg(dom, "gantt-" + html_id(p.id.str())));
                // The script counted the bars in the live DOM and wrote the number into the page.
                CHECK(dom.find("<span id=\"bar-count\">" + std::to_string(tasks) + "</span>") != std::string::npos);
            }
            if (d.histogram) CHECK(count_of(dom, "<svg id=\"histogram-") >= 1);
            if (!d.risks.empty()) CHECK(has_svg(dom, "heatmap"));
            for (const auto& s : d.scurves) CHECK(has_svg(dom, "scurve-" + html_id(s.project.str())));
            if (d.selection) CHECK(has_svg(dom, "bubble"));
            if (d.frontier) CHECK(has_svg(dom, "frontier"));
        }
    }
}
