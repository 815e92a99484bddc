// The HTML dashboard page: a header, a navigation bar, one section per view (charts from
// charts.cpp, tables here), inline CSS and a small inline script (sortable tables, "critical only"
// filter, error trap). No external resource is referenced, so the file works offline and can be
// mailed as is. See docs/reports.md.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <fstream>

#include "detail/remaining_work.hpp"
#include "detail/svg.hpp"
#include "ppm/core/error.hpp"
#include "ppm/report/dashboard.hpp"

namespace ppm {

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
.row{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(520px,100%),1fr));gap:0 24px;align-items:start}.row>div{min-width:0}
h2{font-size:18px;margin:6px 0 10px}h3{font-size:15px;margin:14px 0 6px}
table{border-collapse:collapse;font-size:13px}th,td{padding:3px 6px;border-bottom:1px solid #eee;text-align:left;white-space:nowrap;vertical-align:top}
#summary-table{width:100%}#summary-table td.wrap{white-space:normal}#summary-table td.name{min-width:150px;max-width:230px}
#summary-table td.reasons{min-width:180px;font-size:12px}#summary-table .sub{display:block;color:#555;font-size:12px}
tbody.rollup td{background:#f7f8fa;font-weight:600;border-top:1px solid #ccd}tbody.rollup tr.portfolio-row td{border-top:2px solid #889}
th{background:#f0f2f5;cursor:pointer;user-select:none}td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;min-width:52px;text-align:center;border-radius:10px;padding:0 8px;color:#fff;font-weight:600}
.badge.rag-green{background:#2e7d32}.badge.rag-amber{background:#ef8f00}.badge.rag-red{background:#c62828}.badge.rag-none{background:#9e9e9e}
rect.rag-green{fill:#2e7d32}rect.rag-amber{fill:#ef8f00}rect.rag-red{fill:#c62828}rect.rag-none{fill:#9e9e9e}
.chart{display:block;margin:4px 0;max-width:100%;height:auto}.chart text{font-size:11px;fill:#333}.chart .tick{fill:#777;font-size:10px}.chart .legend{font-size:11px}
.chart .axis-label{font-size:12px;fill:#444}.chart .bar-label{fill:#fff;font-weight:600}.grid{stroke:#e6e6e6;stroke-width:1}
.stripe{fill:#f7f8fa}.gantt-bar.task{fill:#4e79a7}.gantt-bar.critical{fill:#d62728}.gantt-bar.summary{fill:#333}.gantt-bar.milestone{fill:#111}
.gantt-bar.milestone.critical{fill:#d62728}.progress{fill:#000;opacity:.35}.baseline{fill:#b8b8b8}.summary-label{font-weight:600}
.today-line{stroke:#8e24aa;stroke-width:1.5;stroke-dasharray:4 3}.chart .today-label{fill:#8e24aa;font-size:10px}
body.critical-only .gantt-row:not(.critical-row){opacity:.15}
.demand{fill:#76a5d8}.demand.over{fill:#d62728}.capacity{fill:none;stroke:#222;stroke-width:1.5}
circle.bubble{fill:#bdbdbd;fill-opacity:.55;stroke:#757575}circle.bubble.selected{fill:#2e7d32;stroke:#1b5e20}.chart .bubble-label{font-size:9px}
.frontier-line{fill:none;stroke:#1f3b57;stroke-width:2}.frontier-point{fill:#1f3b57}.frontier-gap{fill:#fff;stroke:#c62828;stroke-width:1.5}
.current-selection{fill:#ef8f00;stroke:#000}
.cell.low{fill:#a5d6a7}.cell.medium{fill:#ffe082}.cell.high{fill:#ef9a9a}.chart .cell-count{font-size:20px;font-weight:700}
.pv,.ev,.ac,.eac{fill:none;stroke-width:2}.pv{stroke:#1f77b4}.ev{stroke:#2ca02c}.ac{stroke:#d62728}.eac{stroke:#d62728;stroke-dasharray:6 4}
.ev-dot{fill:#2ca02c}.ac-dot,.eac-dot{fill:#d62728}.bac-line{stroke:#777;stroke-dasharray:2 3}
rect.mc-bar{fill:#76a5d8}.pct-line{stroke:#1f3b57;stroke-width:1.5;stroke-dasharray:5 3}.chart .pct-label{fill:#1f3b57;font-weight:600}
.det-line{stroke:#8e24aa;stroke-width:1.5}rect.tornado-bar{fill:#d62728}rect.tornado-bar.negative{fill:#1f77b4}
.figures{display:flex;flex-wrap:wrap;gap:8px 28px;margin:4px 0 8px}.figures div b{display:block;font-size:16px}
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

std::string fixed2(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}
std::string percent(double share) { return num(100.0 * share, 0) + "%"; }
std::string plural(double n, const char* one, const char* many) { return num(n, 0) + " " + (n == 1.0 ? one : many); }

// The RAG checks that made a project amber or red, in the words of a status report (the engine's
// own reasons are keyed for logs: "spi: SPI 0.84 < 0.85").
std::vector<std::string> reasons_in_words(const ProjectHealth& h, const RagResult& r, const RagThresholds& t) {
    std::vector<std::string> out;
    auto colour = [&](RagCheck c) { return r.check[static_cast<std::size_t>(c)]; };
    auto flagged = [&](RagCheck c) { return colour(c) == Rag::amber || colour(c) == Rag::red; };
    auto index = [&](RagCheck c, double v, const IndexThreshold& th, const char* what) {
        if (flagged(c) && std::isfinite(v))
            out.push_back(std::string(what) + " " + fixed2(v) + ", below " + fixed2(colour(c) == Rag::red ? th.amber : th.green));
    };
    index(RagCheck::spi, h.spi, t.spi, "schedule performance");
    index(RagCheck::cpi, h.cpi, t.cpi, "cost performance");
    index(RagCheck::spi_t, h.spi_t, t.spi_t, "time performance (earned schedule)");
    const auto limit = [&](RagCheck c, const CountThreshold& th) { return colour(c) == Rag::red ? th.amber : th.green; };
    if (flagged(RagCheck::float_erosion) && std::isfinite(h.float_erosion))
        out.push_back(percent(h.float_erosion) + " of the schedule float used, above " + percent(limit(RagCheck::float_erosion, t.float_erosion)));
    if (flagged(RagCheck::high_risks) && h.open_high_risks)
        out.push_back(plural(*h.open_high_risks, "open high risk", "open high risks") + ", more than " + num(limit(RagCheck::high_risks, t.high_risks), 0));
    if (flagged(RagCheck::overdue_milestones) && h.overdue_milestones)
        out.push_back(plural(*h.overdue_milestones, "milestone overdue", "milestones overdue") + ", more than " +
                      num(limit(RagCheck::overdue_milestones, t.overdue_milestones), 0));
    if (flagged(RagCheck::baseline)) out.emplace_back("executing without an approved baseline");
    if (flagged(RagCheck::gate)) out.emplace_back("executing without an approved gate");
    if (flagged(RagCheck::quality)) {
        // Each quality measure past its green bound, against the bound it broke.
        const auto& q = t.quality;
        auto over = [&](double v, const CountThreshold& th, const char* one, const char* many) {
            if (std::isfinite(v) && v > th.green) out.push_back(plural(v, one, many) + ", more than " + num(v > th.amber ? th.amber : th.green, 0));
        };
        auto under = [&](double v, const IndexThreshold& th, const char* what) {
            const auto pct = [](double share) { return num(100.0 * share, 1) + "%"; };  // 94.5%, not a rounded 95% below 95%
            if (std::isfinite(v) && v < th.green) out.push_back(std::string(what) + " " + pct(v) + ", below " + pct(v < th.amber ? th.amber : th.green));
        };
        over(h.critical_defects, q.critical_defects, "open critical defect", "open critical defects");
        over(h.major_defects, q.major_defects, "open major defect", "open major defects");
        over(h.minor_defects, q.minor_defects, "open minor defect", "open minor defects");
        over(h.failed_reviews, q.failed_reviews, "failed quality review or audit", "failed quality reviews or audits");
        under(h.test_pass_rate, q.test_pass_rate, "test pass rate");
        under(h.acceptance_rate, q.acceptance, "deliverables accepted");
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string s;
    for (const auto& p : parts) s += (s.empty() ? "" : sep) + p;
    return s;
}

std::string td_money(std::optional<Money> m) {
    if (!m) return "<td class=\"num\" data-v=\"\">-</td>";
    const double v = m->major();
    return "<td class=\"num" + std::string(v < 0 ? " neg" : "") + "\" data-v=\"" + num(v, 2) + "\">" + detail::short_number(v) + "</td>";
}

// CPM facts of a set of projects: dates, remaining critical tasks, minimum float over the work
// that remains (finished tasks carry float 0, which would win every minimum).
struct ScheduleFacts {
    std::size_t tasks = 0, critical = 0;
    double min_float = NAN;
    std::optional<Instant> start, finish;
};
ScheduleFacts schedule_facts(const DashboardData& d, const std::vector<std::size_t>& projects) {
    ScheduleFacts f;
    if (!d.schedule) return f;
    for (std::size_t p : projects) {
        const Project& pr = d.portfolio->projects[p];
        const auto finished = detail::finished_tasks(pr);
        for (std::size_t i = 0; i < d.schedule->task_id.size(); ++i) {
            if (d.schedule->project[i].value() != p) continue;
            ++f.tasks;
            const bool remaining = !d.schedule->is_summary[i] && finished.count(d.schedule->task_id[i].str()) == 0;
            f.critical += d.schedule->critical[i] && remaining;
            const double fl = static_cast<double>(d.schedule->total_float[i].count()) / static_cast<double>(std::max<std::int64_t>(pr.minutes_per_day, 1));
            if (remaining && (std::isnan(f.min_float) || fl < f.min_float)) f.min_float = fl;
            f.start = f.start ? std::min(*f.start, d.schedule->early_start[i]) : d.schedule->early_start[i];
            f.finish = f.finish ? std::max(*f.finish, d.schedule->early_finish[i]) : d.schedule->early_finish[i];
        }
    }
    return f;
}

// One row of the summary table: RAG, dates, critical work, SPI/CPI and BAC/EAC/VAC of a project,
// a program or the portfolio (`evm_row` into the EVM roll-up, or none).
std::string summary_row(const DashboardData& d, const std::string& id, const std::string& name, Rag rag, const ScheduleFacts& f,
                        std::optional<Instant> deadline, std::size_t evm_row, const std::string& reasons, const char* cls) {
    const bool evm = d.evm && evm_row < d.evm->size();
    const auto metric = [&](double EvmMetrics::*m) { return evm ? d.evm->metrics[evm_row].*m : NAN; };
    const auto money = [&](Money v) { return evm ? std::optional<Money>(v) : std::nullopt; };
    return std::string("<tr") + (cls ? std::string(" class=\"") + cls + "\"" : "") + "><td class=\"wrap name\" data-v=\"" + html_escape(id) + "\"><b>" +
           html_escape(id) + "</b><span class=\"sub\">" + html_escape(name) + "</span></td><td data-v=\"" + std::to_string(static_cast<int>(rag)) +
           "\">" + badge(rag) + "</td>" + td(f.start ? day(*f.start) : "-") + td(f.finish ? day(*f.finish) : "-") + td(deadline ? day(*deadline) : "-") +
           "<td class=\"num\" data-v=\"" + std::to_string(f.critical) + "\">" + std::to_string(f.critical) + " / " + std::to_string(f.tasks) + "</td>" +
           td_num(f.min_float, 1) + td_num(metric(&EvmMetrics::spi), 2) + td_num(metric(&EvmMetrics::cpi), 2) +
           td_money(evm ? money(d.evm->bac[evm_row]) : std::nullopt) + td_money(evm ? money(d.evm->metrics[evm_row].eac) : std::nullopt) +
           td_money(evm ? money(d.evm->metrics[evm_row].vac) : std::nullopt) + "<td class=\"wrap reasons\">" + html_escape(reasons) + "</td></tr>";
}

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
    s += "<table class=\"sortable\" id=\"summary-table\"><thead><tr><th>Project</th><th>RAG</th><th>Start</th><th>Finish</th>"
         "<th>Deadline</th><th title=\"critical tasks with work left / all tasks\">Critical</th><th title=\"minimum total float of the work left, days\">"
         "Float (d)</th><th title=\"schedule performance index EV/PV\">SPI</th><th title=\"cost performance index EV/AC\">CPI</th>"
         "<th title=\"budget at completion\">BAC</th><th title=\"estimate at completion\">EAC</th><th title=\"variance at completion BAC - EAC\">VAC</th>"
         "<th>Reasons</th></tr></thead><tbody>";
    const auto evm_row = [&](EvmNodeKind k, const std::string& id) { return d.evm ? d.evm->find(k, id) : std::size_t(0); };
    for (std::size_t p = 0; p < pf.projects.size(); ++p) {
        const Project& pr = pf.projects[p];
        const ScheduleFacts f = schedule_facts(d, {p});
        const Rag rag = p < d.project_rag.size() ? d.project_rag[p].overall : Rag::none;
        std::vector<std::string> reasons;
        if (p < d.project_rag.size() && p < d.health.size()) reasons = reasons_in_words(d.health[p], d.project_rag[p], d.policy.thresholds);
        if (pr.deadline && f.finish && *f.finish > *pr.deadline)
            reasons.push_back("forecast finish " + day(*f.finish) + " after the deadline " + day(*pr.deadline));
        s += summary_row(d, pr.id.str(), pr.name, rag, f, pr.deadline, evm_row(EvmNodeKind::project, pr.id.str()), join(reasons, "; "), nullptr);
    }
    s += "</tbody>";
    // Program roll-ups (each program with its nested programs' projects), then the portfolio: a
    // second body, so sorting the projects leaves them at the foot.
    if (!pf.programs.empty() || !d.rag.empty()) {
        s += "<tbody class=\"rollup\">";
        const auto within = [&](const std::optional<ProgramId>& of, const ProgramId& program) {
            for (std::optional<ProgramId> at = of; at; ) {
                if (*at == program) return true;
                const Program* pg = pf.find_program(*at);
                at = pg ? pg->parent : std::nullopt;
            }
            return false;
        };
        auto rag_of = [&](const char* kind, const std::string& id) -> const RagRollupRow* {
            for (const auto& r : d.rag)
                if (r.kind == kind && (id.empty() || r.id == id)) return &r;
            return nullptr;
        };
        auto rollup_reasons = [](const RagRollupRow* r, std::size_t projects) {
            if (!r) return std::string();
            std::vector<std::string> parts;
            if (r->red) parts.push_back(std::to_string(r->red) + " red");
            if (r->amber) parts.push_back(std::to_string(r->amber) + " amber");
            if (r->green) parts.push_back(std::to_string(r->green) + " green");
            return join(parts, ", ") + " of " + plural(static_cast<double>(projects), "project", "projects") + (r->escalate ? "; escalated" : "");
        };
        for (const auto& pg : pf.programs) {
            std::vector<std::size_t> members;
            std::optional<Instant> deadline;
            for (std::size_t p = 0; p < pf.projects.size(); ++p)
                if (within(pf.projects[p].program, pg.id)) members.push_back(p);
            if (members.empty()) continue;
            const RagRollupRow* r = rag_of("program", pg.id.str());
            s += summary_row(d, pg.id.str(), "program: " + pg.name, r ? r->rag : Rag::none, schedule_facts(d, members), deadline,
                             evm_row(EvmNodeKind::program, pg.id.str()), rollup_reasons(r, members.size()), "program-row");
        }
        std::vector<std::size_t> all(pf.projects.size());
        for (std::size_t p = 0; p < all.size(); ++p) all[p] = p;
        std::size_t row = d.evm ? d.evm->size() : 0;
        if (d.evm)
            for (std::size_t i = 0; i < d.evm->size(); ++i)
                if (d.evm->kind[i] == EvmNodeKind::portfolio) row = i;
        const RagRollupRow* r = rag_of("portfolio", "");
        s += summary_row(d, pf.id.str().empty() ? std::string("portfolio") : pf.id.str(), "portfolio: " + pf.name, r ? r->rag : Rag::none,
                         schedule_facts(d, all), std::nullopt, row, rollup_reasons(r, pf.projects.size()), "portfolio-row");
        s += "</tbody>";
    }
    s += "</table>";
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
    std::string s = "<section id=\"evm\"><h2>Earned value S-curves</h2><p class=\"notes\">Cumulative planned value (baseline), earned value and "
                    "actual cost as reported at each status date up to the data date; the dashed line runs from the actual cost to the "
                    "estimate at completion at the forecast finish (earned schedule).</p><div class=\"row\">";
    for (std::size_t k = 0; k < d.scurves.size(); ++k) {
        const auto& c = d.scurves[k];
        const Money vac = c.bac - c.eac;
        s += "<div><h3>" + html_escape(c.project.str() + " against \"" + c.baseline + "\"") + "</h3><p class=\"notes\">BAC " +
             detail::short_number(c.bac.major()) + " &middot; EAC " + detail::short_number(c.eac.major()) + " &middot; VAC " +
             detail::short_number(vac.major()) + (c.forecast_finish ? " &middot; forecast finish " + day(*c.forecast_finish) : std::string()) +
             "</p>" + detail::scurve_svg(d, k) + "</div>";
    }
    return s + "</div></section>";
}

std::string monte_carlo_section(const DashboardData& d) {
    if (!d.simulation) return {};
    const auto& m = *d.simulation;
    std::string s = "<section id=\"montecarlo\"><h2>Schedule and cost risk (Monte Carlo)</h2><p class=\"notes\">" + std::to_string(m.iterations) +
                    " iterations (seed " + std::to_string(m.seed) + ") of the whole portfolio as one network: duration uncertainty, "
                    "correlations and the risk register's events. The finish is the portfolio's (its last project's).</p><div class=\"figures\">";
    auto figure = [&](const std::string& label, const std::string& value) { s += "<div>" + html_escape(label) + "<b>" + html_escape(value) + "</b></div>"; };
    figure("deterministic finish", day(m.deterministic_finish));
    for (double p : {50.0, 80.0, 90.0})
        if (auto at = m.finish_percentile(p)) figure("P" + num(p, 0) + " finish", day(*at));
    for (std::size_t k = 0; k < m.percentile.size() && k < m.cost_at.size(); ++k)
        if (m.percentile[k] == 50.0 || m.percentile[k] == 80.0) figure("P" + num(m.percentile[k], 0) + " cost", detail::short_number(m.cost_at[k]));
    if (m.target && std::isfinite(m.target_probability)) figure("P(finish by " + day(*m.target) + ")", num(100.0 * m.target_probability, 0) + "%");
    s += "</div><div class=\"row\"><div><h3>Portfolio finish date</h3>" + detail::mc_finish_svg(d) + "</div><div><h3>Portfolio cost</h3>" +
         detail::mc_cost_svg(d) + "</div></div>";
    const std::string tornado = detail::tornado_svg(d);
    s += "<h3>Most sensitive tasks: rank correlation of each task's duration with the portfolio finish</h3>";
    s += tornado.empty() ? std::string("<p class=\"notes\">No task's duration correlates with the portfolio finish beyond sampling noise.</p>")
                         : "<p class=\"notes\">Spearman rank correlation over the iterations; correlations within 2/&radic;N of zero "
                           "(sampling noise) are not shown.</p>" + tornado;
    return s + "</section>";
}

}  // namespace

std::vector<std::string> dashboard_views(const DashboardData& d) {
    std::vector<std::string> views;
    if (d.portfolio) views.emplace_back("summary");
    if (d.schedule) views.emplace_back("gantt");
    if (d.histogram) views.emplace_back("histograms");
    if (d.selection) views.emplace_back("bubble");
    if (d.frontier) views.emplace_back("frontier");
    if (!d.risks.empty()) views.emplace_back("heatmap");
    if (!d.scurves.empty()) views.emplace_back("scurves");
    if (d.simulation) views.emplace_back("montecarlo");
    return views;
}

std::vector<std::string> dashboard_notes(const DashboardData& d) {
    std::vector<std::string> notes = d.notes;
    // Why a view is missing is read from the data as they are now, so a host that fills a part
    // in after collecting (e.g. sets a selection) never sees a stale note.
    const auto mentions = [&](std::string_view prefix) {
        return std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.rfind(prefix, 0) == 0; });
    };
    if (!d.portfolio) notes.emplace_back("schedule views: no \"portfolio\" section");
    if (d.portfolio && d.scurves.empty() && d.baselines.empty() && !mentions("EVM") && !mentions("control")) notes.emplace_back("EVM S-curves and RAG: no \"baselines\" section");
    if (d.portfolio && !d.simulation && !mentions("Monte Carlo") && !mentions("simulate") && !mentions("control")) notes.emplace_back("Monte Carlo risk: no \"uncertainty\" section");
    if (!d.selection && !mentions("select")) notes.emplace_back("bubble chart and efficient frontier: no \"selection\" section");
    return notes;
}

std::string write_dashboard(const DashboardData& d, const DashboardOptions& options) {
    const std::optional<Instant> today = options.today ? options.today : d.status_date;
    const std::string title = !options.title.empty() ? options.title : d.title.empty() ? std::string("ppm dashboard") : d.title;
    const std::string sections[] = {summary_section(d), gantt_section(d, today), histogram_section(d, today), evm_section(d),
                                    monte_carlo_section(d), risk_section(d), selection_section(d)};
    const char* ids[] = {"summary", "gantt", "resources", "evm", "montecarlo", "risks", "selection"};
    const char* names[] = {"Summary", "Gantt", "Resources", "EVM", "Monte Carlo", "Risks", "Selection"};
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"generator\" content=\"ppm\">"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                       "<title>" + html_escape(title) + "</title><style>" + std::string(kCss) + "</style></head><body>\n";
    html += "<header><h1>" + html_escape(title) + "</h1><p>" + html_escape(d.source) +
            (today ? " &middot; status " + day(*today) : std::string()) + "</p></header>\n<nav>";
    for (std::size_t k = 0; k < std::size(sections); ++k)
        if (!sections[k].empty()) html += "<a href=\"#" + std::string(ids[k]) + "\">" + names[k] + "</a>";
    html += "</nav>\n<main><div id=\"script-errors\" hidden></div>\n";
    for (const auto& s : sections) html += s + "\n";
    const std::vector<std::string> notes = dashboard_notes(d);
    if (!notes.empty()) {
        html += "<section id=\"notes\"><h2>Notes</h2><ul class=\"notes\">";
        for (const auto& n : notes) html += "<li>" + html_escape(n) + "</li>";
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

}  // namespace ppm
