// The HTML dashboard page: a header, a navigation bar, one section per view (charts from
// charts.cpp, tables here), inline CSS and a small inline script (sortable tables, "critical only"
// filter, error trap). No external resource is referenced, so the file works offline and can be
// mailed as is. See docs/reports.md.
#include <cmath>
#include <fstream>

#include "detail/remaining_work.hpp"
#include "detail/svg.hpp"
#include "ppm/core/error.hpp"
#include "ppm/report/dashboard.hpp"

namespace ppm::report {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string html_id(std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
            out += ch;
        } else {
            out += '_';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out.empty() ? "_" : out;
}

namespace {

using detail::num;

constexpr std::string_view kCss = R"CSS(
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#1f3b57;color:#fff;padding:14px 24px}header h1{margin:0;font-size:22px}header p{margin:4px 0 0;opacity:.85}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:6px 24px;z-index:2}nav a{margin-right:14px;color:#1f3b57;text-decoration:none}
main{padding:8px 24px 40px}section{background:#fff;border:1px solid #e2e4e8;border-radius:6px;margin:14px 0;padding:10px 16px;overflow-x:auto}
h2{font-size:18px;margin:6px 0 10px}h3{font-size:15px;margin:14px 0 6px}
table{border-collapse:collapse;font-size:13px}th,td{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;white-space:nowrap}
th{background:#f0f2f5;cursor:pointer;user-select:none}td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;min-width:52px;text-align:center;border-radius:10px;padding:0 8px;color:#fff;font-weight:600}
.badge.rag-green{background:#2e7d32}.badge.rag-amber{background:#ef8f00}.badge.rag-red{background:#c62828}.badge.rag-none{background:#9e9e9e}
rect.rag-green{fill:#2e7d32}rect.rag-amber{fill:#ef8f00}rect.rag-red{fill:#c62828}rect.rag-none{fill:#9e9e9e}
.chart{display:block;margin:4px 0}.chart text{font-size:11px;fill:#333}.chart .tick{fill:#777;font-size:10px}.chart .legend{font-size:11px}
.chart .axis-label{font-size:12px;fill:#444}.chart .bar-label{fill:#fff;font-weight:600}.grid{stroke:#e6e6e6;stroke-width:1}
.stripe{fill:#f7f8fa}.gantt-bar.task{fill:#4e79a7}.gantt-bar.critical{fill:#d62728}.gantt-bar.summary{fill:#333}.gantt-bar.milestone{fill:#111}
.gantt-bar.milestone.critical{fill:#d62728}.progress{fill:#000;opacity:.35}.baseline{fill:#b8b8b8}.summary-label{font-weight:600}
.today-line{stroke:#8e24aa;stroke-width:1.5;stroke-dasharray:4 3}.chart .today-label{fill:#8e24aa;font-size:10px}
body.critical-only .gantt-row:not(.critical-row){opacity:.15}
.demand{fill:#76a5d8}.demand.over{fill:#d62728}.capacity{fill:none;stroke:#222;stroke-width:1.5}
.bubble{fill:#bdbdbd;fill-opacity:.55;stroke:#757575}.bubble.selected{fill:#2e7d32;stroke:#1b5e20}.chart .bubble-label{font-size:9px}
.frontier-line{fill:none;stroke:#1f3b57;stroke-width:2}.frontier-point{fill:#1f3b57}.current-selection{fill:#ef8f00;stroke:#000}
.cell.low{fill:#a5d6a7}.cell.medium{fill:#ffe082}.cell.high{fill:#ef9a9a}.chart .cell-count{font-size:20px;font-weight:700}
.pv,.ev,.ac{fill:none;stroke-width:2}.pv{stroke:#1f77b4}.ev{stroke:#2ca02c}.ac{stroke:#d62728}
.notes{color:#555;font-size:13px}#script-errors{background:#ffebee;color:#b71c1c;border:1px solid #c62828;padding:8px 12px;white-space:pre-wrap}
.legend-box{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
)CSS";

// Runs last; any error is shown in #script-errors and the ok marker is not set.
constexpr std::string_view kScript = R"JS(
(function () {
  var box = document.getElementById('script-errors');
  function fail(message) { box.hidden = false; box.textContent += message + '\n'; delete document.body.dataset.ok; }
  window.addEventListener('error', function (e) { fail('script error: ' + e.message); });
  try {
    Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
        th.addEventListener('click', function () {
          var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
          var dir = th.dataset.dir === 'asc' ? -1 : 1;
          th.dataset.dir = dir === 1 ? 'asc' : 'desc';
          rows.sort(function (a, b) {
            var x = a.cells[col].dataset.v || a.cells[col].textContent, y = b.cells[col].dataset.v || b.cells[col].textContent;
            var nx = parseFloat(x), ny = parseFloat(y);
            if (!isNaN(nx) && !isNaN(ny)) return (nx - ny) * dir;
            return x.localeCompare(y) * dir;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
    var critical = document.getElementById('critical-only');
    if (critical) critical.addEventListener('change', function () { document.body.classList.toggle('critical-only', critical.checked); });
    var bars = document.querySelectorAll('.gantt-bar').length;
    var counter = document.getElementById('bar-count');
    if (counter) counter.textContent = String(bars);
    document.body.dataset.ok = '1';
  } catch (e) {
    fail('script error: ' + (e && e.message ? e.message : e));
  }
})();
)JS";

std::string badge(Rag r) {
    const char* cls = r == Rag::green ? "rag-green" : r == Rag::amber ? "rag-amber" : r == Rag::red ? "rag-red" : "rag-none";
    return "<span class=\"badge " + std::string(cls) + "\">" + (r == Rag::none ? std::string("n/a") : std::string(to_string(r))) + "</span>";
}
std::string td(const std::string& s) { return "<td>" + html_escape(s) + "</td>"; }
std::string td_num(double v, int decimals) {
    if (!std::isfinite(v)) return "<td class=\"num\" data-v=\"\">-</td>";
    return "<td class=\"num\">" + num(v, decimals) + "</td>";
}
std::string day(Instant t) { return to_string(t).substr(0, 10); }

std::string summary_section(const DashboardData& d) {
    std::string s = "<section id=\"summary\"><h2>Portfolio summary</h2>";
    if (!d.portfolio) return s + "<p class=\"notes\">No portfolio model in this file.</p></section>";
    const Portfolio& pf = *d.portfolio;
    std::string rollup;
    for (const auto& row : d.rag)
        if (row.kind == "portfolio") rollup = " &nbsp; portfolio roll-up: " + badge(row.rag);
    s += "<p>" + std::to_string(pf.projects.size()) + " projects, " + std::to_string(pf.task_count()) + " tasks, " +
         std::to_string(pf.resources.size()) + " resources" + (d.schedule ? ", portfolio finish " + day(d.schedule->finish) : std::string()) +
         (d.status_date ? ", status date " + day(*d.status_date) : std::string()) + rollup + "</p>";
    s += detail::rag_summary_svg(d);
    s += "<table class=\"sortable\" id=\"summary-table\"><thead><tr><th>Project</th><th>Name</th><th>RAG</th><th>Start</th><th>Finish</th>"
         "<th>Deadline</th><th>Tasks</th><th>Critical</th><th>Min float (d)</th><th>SPI</th><th>CPI</th><th>Reasons</th></tr></thead><tbody>";
    for (std::size_t p = 0; p < pf.projects.size(); ++p) {
        const Project& pr = pf.projects[p];
        std::size_t tasks = 0, critical = 0;
        double min_float = NAN;  // over the work that remains: finished tasks carry float 0
        std::optional<Instant> start, finish;
        const auto finished = detail::finished_tasks(pr);
        if (d.schedule)
            for (std::size_t i = 0; i < d.schedule->task_id.size(); ++i) {
                if (d.schedule->project[i] != p) continue;
                ++tasks;
                const bool remaining = !d.schedule->is_summary[i] && finished.count(d.schedule->task_id[i].str()) == 0;
                critical += d.schedule->critical[i] && remaining;
                const double fl = static_cast<double>(d.schedule->total_float[i].count()) / static_cast<double>(std::max<std::int64_t>(pr.minutes_per_day, 1));
                if (remaining && (std::isnan(min_float) || fl < min_float)) min_float = fl;
                start = start ? std::min(*start, d.schedule->early_start[i]) : d.schedule->early_start[i];
                finish = finish ? std::max(*finish, d.schedule->early_finish[i]) : d.schedule->early_finish[i];
            }
        const Rag rag = p < d.project_rag.size() ? d.project_rag[p].overall : Rag::none;
        std::string reasons;
        if (p < d.project_rag.size())
            for (const auto& r : d.project_rag[p].reasons) reasons += (reasons.empty() ? "" : "; ") + r;
        if (pr.deadline && finish && *finish > *pr.deadline) reasons += (reasons.empty() ? "" : "; ") + std::string("finish after deadline");
        s += "<tr>" + td(pr.id.str()) + td(pr.name) + "<td data-v=\"" + std::to_string(static_cast<int>(rag)) + "\">" + badge(rag) + "</td>" +
             td(start ? day(*start) : "-") + td(finish ? day(*finish) : "-") + td(pr.deadline ? day(*pr.deadline) : "-") +
             td_num(static_cast<double>(tasks), 0) + td_num(static_cast<double>(critical), 0) + td_num(min_float, 1) +
             td_num(p < d.health.size() ? d.health[p].spi : NAN, 2) + td_num(p < d.health.size() ? d.health[p].cpi : NAN, 2) + td(reasons) + "</tr>";
    }
    s += "</tbody></table>";
    if (d.project_rag.empty())
        s += "<p class=\"notes\">RAG not assessed: the file has no baselines and status periods (see docs/governance.md).</p>";
    return s + "</section>";
}

std::string gantt_section(const DashboardData& d, std::optional<Instant> today) {
    if (!d.schedule || !d.portfolio) return {};
    std::string s = "<section id=\"gantt\"><h2>Gantt charts</h2><p><label><input type=\"checkbox\" id=\"critical-only\"> critical path only</label>"
                    " &nbsp; <span class=\"legend-box\" style=\"background:#d62728\"></span>critical"
                    "<span class=\"legend-box\" style=\"background:#4e79a7\"></span>task"
                    "<span class=\"legend-box\" style=\"background:#b8b8b8\"></span>baseline"
                    "<span class=\"legend-box\" style=\"background:#8e24aa\"></span>status date"
                    " &nbsp; <span id=\"bar-count\"></span> bars</p>";
    for (std::size_t p = 0; p < d.portfolio->projects.size(); ++p) {
        const Project& pr = d.portfolio->projects[p];
        s += "<h3>" + html_escape(pr.id.str() + " - " + pr.name) + "</h3>" + detail::gantt_svg(d, p, today);
    }
    return s + "</section>";
}

std::string histogram_section(const DashboardData& d, std::optional<Instant> today) {
    if (!d.histogram) return {};
    std::string charts;
    int idle = 0;
    for (std::size_t r = 0; r < d.histogram->resource.size(); ++r) {
        const std::string svg = detail::histogram_svg(d, r, today);
        if (svg.empty()) ++idle;
        charts += svg;
    }
    return "<section id=\"resources\"><h2>Resource histograms</h2><p class=\"notes\">Peak units per " +
           num(static_cast<double>(d.histogram->period.count()) / kMinutesPerDay, 1) + "-day bar (" +
           (d.histogram_source == "levelled" ? "levelled schedule" : "CPM early dates, not levelled") +
           "); the black line is the capacity, red bars exceed it." + (idle ? " " + std::to_string(idle) + " resources without demand not shown." : "") +
           "</p>" + charts + "</section>";
}

std::string selection_section(const DashboardData& d) {
    std::string bubble = detail::bubble_svg(d), frontier = detail::frontier_svg(d);
    if (bubble.empty() && frontier.empty()) return {};
    std::string s = "<section id=\"selection\"><h2>Portfolio selection</h2>";
    if (d.selected && d.selected->has_solution)
        s += "<p>" + std::to_string(d.selected->selected_ids().size()) + " of " + std::to_string(d.selected->candidate.size()) +
             " candidates selected (" + std::string(to_string(d.selected->status)) + "), value " + num(d.selected->objective, 3) + ", spend " +
             detail::short_number(d.selected->total_spend.major()) + ".</p>";
    if (!bubble.empty()) s += "<h3>Value x risk x cost (bubble area ~ cost)</h3>" + bubble;
    if (!frontier.empty()) s += "<h3>Efficient frontier</h3>" + frontier;
    return s + "</section>";
}

std::string risk_section(const DashboardData& d) {
    const std::string svg = detail::heatmap_svg(d);
    if (svg.empty()) return {};
    std::string s = "<section id=\"risks\"><h2>Risk heat map</h2>" + svg +
                    "<table class=\"sortable\"><thead><tr><th>Risk</th><th>Title</th><th>Project</th><th>Status</th><th>P</th><th>I</th>"
                    "<th>Score</th><th>Level</th><th>EMV</th></tr></thead><tbody>";
    for (const auto& r : d.risks) {
        const RiskScore sc = score(d.matrix, current_assessment(r));
        s += "<tr>" + td(r.id) + td(r.title) + td(r.project ? r.project->str() : "-") + td(std::string(to_string(r.status))) +
             td_num(sc.probability_band, 0) + td_num(sc.impact_band, 0) + td_num(sc.score, 0) + td(std::string(to_string(sc.level))) +
             td_num(expected_monetary_value(r, current_assessment(r)).major(), 0) + "</tr>";
    }
    return s + "</tbody></table></section>";
}

std::string evm_section(const DashboardData& d) {
    if (d.scurves.empty()) return {};
    std::string s = "<section id=\"evm\"><h2>Earned value S-curves</h2>";
    for (std::size_t k = 0; k < d.scurves.size(); ++k) {
        s += "<h3>" + html_escape(d.scurves[k].project.str() + " against \"" + d.scurves[k].baseline + "\"") + "</h3>" + detail::scurve_svg(d, k);
    }
    return s + "</section>";
}

}  // namespace

std::string write_dashboard(const DashboardData& d, const DashboardOptions& options) {
    const std::optional<Instant> today = options.today ? options.today : d.status_date;
    const std::string title = !options.title.empty() ? options.title : d.title.empty() ? std::string("ppm dashboard") : d.title;
    const std::string sections[] = {summary_section(d), gantt_section(d, today), histogram_section(d, today), selection_section(d),
                                    risk_section(d), evm_section(d)};
    const char* ids[] = {"summary", "gantt", "resources", "selection", "risks", "evm"};
    const char* names[] = {"Summary", "Gantt", "Resources", "Selection", "Risks", "EVM"};
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"generator\" content=\"ppm\">"
                       "<title>" + html_escape(title) + "</title><style>" + std::string(kCss) + "</style></head><body>\n";
    html += "<header><h1>" + html_escape(title) + "</h1><p>" + html_escape(d.source) +
            (today ? " &middot; status " + day(*today) : std::string()) + "</p></header>\n<nav>";
    for (std::size_t k = 0; k < 6; ++k)
        if (!sections[k].empty()) html += "<a href=\"#" + std::string(ids[k]) + "\">" + names[k] + "</a>";
    html += "</nav>\n<main><div id=\"script-errors\" hidden></div>\n";
    for (const auto& s : sections) html += s + "\n";
    if (!d.notes.empty()) {
        html += "<section id=\"notes\"><h2>Notes</h2><ul class=\"notes\">";
        for (const auto& n : d.notes) html += "<li>" + html_escape(n) + "</li>";
        html += "</ul></section>\n";
    }
    html += "</main><script>" + std::string(kScript) + "</script></body></html>\n";
    return html;
}

void write_dashboard_file(const DashboardData& data, const std::filesystem::path& path, const DashboardOptions& options) {
    const std::string html = write_dashboard(data, options);
    std::ofstream out(path, std::ios::binary);
    if (!out) throw ParseError::io(path.string(), "cannot open for writing");
    out.write(html.data(), static_cast<std::streamsize>(html.size()));
    if (!out) throw ParseError::io(path.string(), "write failed");
}

}  // namespace ppm::report
