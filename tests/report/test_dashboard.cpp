// Tests of the HTML dashboard (ppm/report/dashboard.hpp): the views present for each kind of file,
// one Gantt bar per task, baseline bars and heat-map counts against the file's own data, S-curves
// and EVM figures, the Monte Carlo view, several input files, escaping, determinism, and the worked
// example rendered by headless Chromium (script errors, empty series and overflow at 1280 px checked
// in the live page; screenshots at 1280, 1440 and 1920 px kept in the build directory).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "ppm/core/error.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/report/dashboard.hpp"
#include "ppm/risk/risk_matrix.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace ppm;

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
    o.iterations = 400;
    return o;
}

/// The worked example as scripts/run_example.sh reports it: the portfolio and its selection.
DashboardData worked_example(const DashboardOptions& o = quick()) {
    const std::vector<fs::path> files{kSource / "examples/portfolio.json", kSource / "examples/selection.json"};
    return collect_dashboard_data(std::span<const fs::path>(files), o);
}

/// The `<svg id="...">...</svg>` element of `id` in `html` ("" when absent).
std::string svg_of(const std::string& html, const std::string& id) {
    const auto at = html.find("<svg id=\"" + id + "\"");
    if (at == std::string::npos) return {};
    return html.substr(at, html.find("</svg>", at) + 6 - at);
}

/// Number of points of the first polyline with `cls` in `svg`.
std::size_t polyline_points(const std::string& svg, const std::string& cls) {
    std::smatch m;
    if (!std::regex_search(svg, m, std::regex("<polyline class=\"" + cls + "\"[^>]* points=\"([^\"]*)\""))) return 0;
    return count_of(m[1].str(), ",");
}

bool have_chromium() {
    if (std::system("command -v chromium >/dev/null 2>&1") == 0) return true;
    WARN("SKIPPED: chromium not found on PATH (scripts/setup.sh installs Debian's chromium package)");
    return false;
}

const std::string kChromium = "timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars ";

/// Renders `html_file` with headless Chromium in a window `width` px wide and returns the DOM
/// after the scripts ran.
std::string chromium_dom(const fs::path& html_file, int width = 1400) {
    const fs::path dom_file = fs::path(html_file).replace_extension(".dom.html");
    const std::string url = "file://" + fs::absolute(html_file).string();
    const std::string cmd = kChromium + "--window-size=" + std::to_string(width) + ",1000 --dump-dom '" + url + "' > '" + dom_file.string() + "' 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    return slurp(dom_file);
}

/// A screenshot of the top `height` px of the page at `width` px.
void chromium_screenshot(const fs::path& html_file, const fs::path& png, int width, int height) {
    fs::remove(png);
    const std::string shot = kChromium + "--screenshot='" + png.string() + "' --window-size=" + std::to_string(width) + "," +
                             std::to_string(height) + " 'file://" + fs::absolute(html_file).string() + "' >/dev/null 2>&1";
    CHECK(std::system(shot.c_str()) == 0);
    CHECK(fs::exists(png));
    if (fs::exists(png)) CHECK(fs::file_size(png) > 10000);  // a real image, not an empty canvas
}

// Appended to a copy of the page by the test (the page itself carries no test code): after the
// page's own script ran, measures the live layout and writes what is wrong into #layout-check.
//  - OVERFLOW: a section scrolls sideways, or a chart or table sticks out of its section, or the
//    page is wider than the window;
//  - EMPTY: a series a chart's legend names (data-legend) has no element with data (data-series:
//    a polyline needs two points, any other shape a non-empty box).
constexpr const char* kLayoutCheck = R"JS(<script>
(function () {
  var out = ['width=' + window.innerWidth];
  var page = document.documentElement;
  if (page.scrollWidth > window.innerWidth + 1) out.push('OVERFLOW page ' + page.scrollWidth + ' > ' + window.innerWidth);
  Array.prototype.forEach.call(document.querySelectorAll('section'), function (sec) {
    if (sec.scrollWidth > sec.clientWidth + 1) out.push('OVERFLOW section#' + sec.id + ' scrolls ' + sec.scrollWidth + ' > ' + sec.clientWidth);
    var box = sec.getBoundingClientRect();
    Array.prototype.forEach.call(sec.querySelectorAll('svg.chart, table'), function (el) {
      var r = el.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1) out.push('OVERFLOW ' + (el.id || el.tagName) + ' in section#' + sec.id + ' ' + Math.round(r.right) + ' > ' + Math.round(box.right));
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('svg.chart'), function (svg) {
    Array.prototype.forEach.call(svg.querySelectorAll('[data-legend]'), function (item) {
      var name = item.getAttribute('data-legend'), ok = false;
      Array.prototype.forEach.call(svg.querySelectorAll('[data-series="' + name + '"]'), function (el) {
        if (el.tagName === 'polyline') { if (el.points.numberOfItems >= 2) ok = true; return; }
        var b = el.getBBox();
        if (b.width > 0 || b.height > 0) ok = true;
      });
      if (!ok) out.push('EMPTY ' + svg.id + ' ' + name);
    });
  });
  var pre = document.createElement('pre');
  pre.id = 'layout-check';
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
})();
</script>)JS";

/// The lines the layout check wrote ("width=N" first).
std::vector<std::string> layout_findings(const std::string& dom) {
    std::smatch m;
    std::vector<std::string> lines;
    if (!std::regex_search(dom, m, std::regex("<pre id=\"layout-check\">([^<]*)</pre>"))) return lines;
    std::stringstream ss(m[1].str());
    for (std::string line; std::getline(ss, line);) lines.push_back(line);
    return lines;
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
    // A budget without a feasible selection is a gap marker, not a point.
    CHECK(count_of(html, "class=\"frontier-point\"") + count_of(html, "class=\"frontier-gap\" data-series") == d.frontier->budget.size());
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

TEST_CASE("dashboard: S-curves run EV and AC to the status date with the EAC forecast", "[report]") {
    const auto d = worked_example();
    REQUIRE(d.status_date);
    REQUIRE(d.evm);
    REQUIRE(d.scurves.size() == d.portfolio->projects.size());
    const std::string html = write_dashboard(d);
    for (const auto& c : d.scurves) {
        INFO(c.project.str());
        // Known from the baseline start (0) through every status period to the data date.
        REQUIRE(c.actual_date.size() >= 2);
        CHECK(c.actual_date.back() == *d.status_date);
        CHECK(c.actual_ev.front() == Money{0});
        CHECK(c.actual_ac.front() == Money{0});
        CHECK(std::is_sorted(c.actual_date.begin(), c.actual_date.end()));
        for (std::size_t k = 1; k < c.actual_ac.size(); ++k) CHECK(c.actual_ac[k] >= c.actual_ac[k - 1]);  // cumulative
        CHECK(c.actual_ev.back() > Money{0});
        // The figures are the EVM roll-up's.
        const std::size_t row = d.evm->find(EvmNodeKind::project, c.project.str());
        REQUIRE(row < d.evm->size());
        CHECK(c.bac == d.evm->bac[row]);
        CHECK(c.eac == d.evm->metrics[row].eac);
        CHECK(c.actual_ev.back() == d.evm->ev[row]);
        CHECK(c.actual_ac.back() == d.evm->ac[row]);
        // Drawn: PV, EV and AC polylines (EV/AC one point per known date), the EAC forecast.
        const std::string svg = svg_of(html, "scurve-" + html_id(c.project.str()));
        REQUIRE_FALSE(svg.empty());
        CHECK(polyline_points(svg, "pv") == c.curves.period_end.size());
        CHECK(polyline_points(svg, "ev") == c.actual_date.size());
        CHECK(polyline_points(svg, "ac") == c.actual_date.size());
        if (c.forecast_finish && *c.forecast_finish > *d.status_date) CHECK(polyline_points(svg, "eac") == 2);
    }
}

TEST_CASE("dashboard: project table has money figures, program roll-ups and reasons in words", "[report]") {
    const auto d = worked_example();
    REQUIRE(d.portfolio);
    const std::string html = write_dashboard(d);
    const auto table = html.substr(html.find("<table class=\"sortable\" id=\"summary-table\">"));
    const std::string summary = table.substr(0, table.find("</table>"));
    for (const char* th : {"<th title=\"budget at completion\">BAC</th>", "<th title=\"estimate at completion\">EAC</th>",
                           "<th title=\"variance at completion BAC - EAC\">VAC</th>", "<th>Reasons</th>"})
        CHECK(summary.find(th) != std::string::npos);
    // One roll-up row per program with projects, and the portfolio row.
    std::size_t programs = 0;
    for (const auto& pg : d.portfolio->programs)
        programs += std::any_of(d.portfolio->projects.begin(), d.portfolio->projects.end(), [&](const Project& p) { return p.program == pg.id; });
    CHECK(count_of(summary, "<tr class=\"program-row\">") == programs);
    CHECK(count_of(summary, "<tr class=\"portfolio-row\">") == 1);
    CHECK(summary.find("<tbody class=\"rollup\">") != std::string::npos);
    // Reasons in words, never the engine's keys.
    for (const char* key : {"spi:", "cpi:", "spi_t:", "float_erosion:", "high_risks:", "overdue_milestones:"}) CHECK(summary.find(key) == std::string::npos);
    bool spi_flagged = false;
    for (std::size_t p = 0; p < d.project_rag.size(); ++p)
        spi_flagged |= d.project_rag[p].check[static_cast<std::size_t>(RagCheck::spi)] == Rag::red;
    REQUIRE(spi_flagged);  // the example has a project behind schedule
    CHECK(std::regex_search(summary, std::regex("schedule performance 0\\.[0-9]{2}, below 0\\.85")));
}

TEST_CASE("dashboard: Monte Carlo view of the portfolio finish and cost with the tornado", "[report]") {
    const auto d = worked_example();
    REQUIRE(d.simulation);
    const auto& m = *d.simulation;
    CHECK(m.iterations == 400);
    REQUIRE(m.finish_percentile(50));
    REQUIRE(m.finish_percentile(80));
    REQUIRE(m.finish_percentile(90));
    CHECK(*m.finish_percentile(50) <= *m.finish_percentile(80));
    CHECK(*m.finish_percentile(80) <= *m.finish_percentile(90));
    CHECK(m.finish_edge.size() == m.finish_count.size() + 1);
    CHECK(m.cost_edge.size() == m.cost_count.size() + 1);
    std::uint64_t total = 0;
    for (auto c : m.finish_count) total += c;
    CHECK(total == m.iterations);
    // Tornado: largest |rho| first, none within sampling noise, measured against the portfolio finish.
    REQUIRE_FALSE(m.tornado.empty());
    for (std::size_t k = 1; k < m.tornado.size(); ++k) CHECK(std::abs(m.tornado[k - 1].sensitivity) >= std::abs(m.tornado[k].sensitivity));
    for (const auto& t : m.tornado) CHECK(std::abs(t.sensitivity) >= 2.0 / std::sqrt(static_cast<double>(m.iterations)));
    const std::string html = write_dashboard(d);
    for (const char* id : {"mc-finish", "mc-cost", "tornado"}) CHECK(has_svg(html, id));
    CHECK(count_of(svg_of(html, "mc-finish"), "class=\"pct-line\"") == 3);  // P50, P80, P90
    CHECK(svg_of(html, "mc-finish").find("P80 ") != std::string::npos);
    CHECK(count_of(svg_of(html, "tornado"), "data-series=\"sensitivity\"") == m.tornado.size());
    // Same seed, same page.
    CHECK(write_dashboard(worked_example()) == html);
}

TEST_CASE("dashboard: the portfolio and the selection from separate files", "[report]") {
    const auto d = worked_example();
    REQUIRE(d.portfolio);
    REQUIRE(d.selection);
    REQUIRE(d.selected);
    REQUIRE(d.frontier);
    CHECK(d.source == (kSource / "examples/portfolio.json").string() + ", " + (kSource / "examples/selection.json").string());
    for (const auto& n : dashboard_notes(d)) CHECK(n.find("\"selection\"") == std::string::npos);
    const std::vector<std::string> views = dashboard_views(d);
    for (const char* v : {"summary", "gantt", "bubble", "frontier", "scurves", "montecarlo"}) CHECK(std::find(views.begin(), views.end(), v) != views.end());
    // The one-file form is the same as a list of one.
    const fs::path one = kSource / "examples/portfolio.json";
    CHECK(write_dashboard(collect_dashboard_data(one, quick())) == write_dashboard(collect_dashboard_data(std::span<const fs::path>(&one, 1), quick())));
    // A section held by two files is ambiguous.
    const std::vector<fs::path> twice{one, one};
    CHECK_THROWS_AS(collect_dashboard_data(std::span<const fs::path>(twice), quick()), ModelError);
}

TEST_CASE("dashboard: chart fixes (bubble text, frontier gaps, stale notes, status label)", "[report]") {
    auto d = collect_dashboard_data(kSource / "examples/selection.json", quick());
    REQUIRE(d.frontier);
    const std::string html = write_dashboard(d);
    // No chart root carries a class that styles its marks (".bubble" filled every text grey).
    CHECK(html.find("class=\"chart bubble\"") == std::string::npos);
    CHECK(html.find("class=\"chart bubble-chart\"") != std::string::npos);
    CHECK(html.find("\n.bubble{") == std::string::npos);
    // Frontier: a budget without a selection is a gap, not a point at value 0 joined to the curve.
    const auto& f = *d.frontier;
    std::size_t unsolved = 0;
    for (std::size_t k = 0; k < f.status.size(); ++k) unsolved += f.status[k] == SelectionStatus::infeasible;
    const std::string frontier = svg_of(html, "frontier");
    CHECK(count_of(frontier, "class=\"frontier-point\"") + count_of(frontier, "class=\"frontier-gap\" data-series") == f.budget.size());
    CHECK(count_of(frontier, "class=\"frontier-gap\" data-series") >= unsolved);
    // Notes describe the data as they are: a selection set after collecting leaves no "no selection" note.
    auto model = collect_dashboard_data(kSource / "examples/portfolio.json", quick());
    const auto has_selection_note = [](const DashboardData& x) {
        const auto notes = dashboard_notes(x);
        return std::any_of(notes.begin(), notes.end(), [](const std::string& n) { return n.find("no \"selection\" section") != std::string::npos; });
    };
    CHECK(has_selection_note(model));
    model.selection = d.selection;
    model.selected = d.selected;
    CHECK_FALSE(has_selection_note(model));
    CHECK(write_dashboard(model).find("no &quot;selection&quot; section") == std::string::npos);
    // The status label sits in the margin above a histogram's plot (which starts at y = 34), not over its bars.
    const std::string page = write_dashboard(model);
    const auto at = page.find("<svg id=\"histogram-");
    REQUIRE(at != std::string::npos);
    const std::string hist = page.substr(at, page.find("</svg>", at) - at);
    std::smatch m;
    REQUIRE(std::regex_search(hist, m, std::regex("<text x=\"[^\"]*\" y=\"([0-9.]+)\" class=\"today-label\"")));
    CHECK(std::stod(m[1].str()) < 34.0);
}

TEST_CASE("dashboard: headless Chromium renders every view without script errors", "[report][chromium]") {
    if (!have_chromium()) return;
    struct Case {
        std::string name;
        fs::path file;
    };
    const Case cases[] = {{"control", kSource / "tests/evm/data/control_sample.json"}, {"selection", kSource / "examples/selection.json"}};
    for (const auto& c : cases) {
        SECTION(c.name) {
            const auto d = collect_dashboard_data(c.file, quick());
            const fs::path html_file = kBinary / ("report_" + c.name + ".html");
            write_dashboard_file(d, html_file);
            const std::string source = slurp(html_file);
            CHECK(source.find("data-ok=\"1\"") == std::string::npos);  // only the script sets it
            const std::string dom = chromium_dom(html_file);
            check_rendered(dom);
            const std::size_t tasks = d.portfolio ? d.portfolio->task_count() : 0;
            CHECK(count_of(dom, "class=\"gantt-bar") == tasks);
            if (d.portfolio) {
                CHECK(has_svg(dom, "rag-summary"));
                for (const auto& p : d.portfolio->projects) CHECK(has_svg(dom, "gantt-" + html_id(p.id.str())));
                CHECK(dom.find("<span id=\"bar-count\">" + std::to_string(tasks) + "</span>") != std::string::npos);
            }
            if (!d.risks.empty()) CHECK(has_svg(dom, "heatmap"));
            for (const auto& s : d.scurves) CHECK(has_svg(dom, "scurve-" + html_id(s.project.str())));
            if (d.selection) CHECK(has_svg(dom, "bubble"));
            if (d.frontier) CHECK(has_svg(dom, "frontier"));
        }
    }
}

TEST_CASE("dashboard: the worked example renders at 1280 px with data in every series and nothing overflowing", "[report][chromium]") {
    if (!have_chromium()) return;
    const auto d = worked_example();
    REQUIRE(d.portfolio);
    REQUIRE(d.simulation);
    REQUIRE(d.frontier);
    const fs::path html_file = kBinary / "report_example.html";
    write_dashboard_file(d, html_file);
    // The page as shipped: its own script runs to the end without errors.
    const std::string dom = chromium_dom(html_file, 1280);
    check_rendered(dom);
    CHECK(dom.find("<span id=\"bar-count\">" + std::to_string(d.portfolio->task_count()) + "</span>") != std::string::npos);
    for (const std::string id : {"rag-summary", "mc-finish", "mc-cost", "tornado", "heatmap", "bubble", "frontier"}) CHECK(has_svg(dom, id));
    for (const auto& p : d.portfolio->projects) CHECK(has_svg(dom, "gantt-" + html_id(p.id.str())));
    for (const auto& s : d.scurves) CHECK(has_svg(dom, "scurve-" + html_id(s.project.str())));
    CHECK(count_of(dom, "<svg id=\"histogram-") >= 1);
    // A copy with the layout check appended, measured in a 1280 px window.
    const fs::path checked = kBinary / "report_example_checked.html";
    {
        std::string html = slurp(html_file);
        html.insert(html.rfind("</body>"), kLayoutCheck);
        std::ofstream(checked, std::ios::binary) << html;
    }
    const std::vector<std::string> findings = layout_findings(chromium_dom(checked, 1280));
    REQUIRE_FALSE(findings.empty());
    CHECK(findings.front() == "width=1280");
    for (std::size_t k = 1; k < findings.size(); ++k) {
        INFO(findings[k]);
        CHECK(false);
    }
    // Screenshots for a person to look at: the top of the page at three laptop/desktop widths.
    for (const int width : {1280, 1440, 1920})
        chromium_screenshot(html_file, kBinary / ("report_" + std::to_string(width) + ".png"), width, 2400);
}
