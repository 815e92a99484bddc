// The dashboard's charts, written as SVG text. Gantt conventions follow the PMI Practice Standard
// for Scheduling (bars on a time scale, critical activities highlighted, baseline beneath the
// current bar, milestones as diamonds, the data-date line); S-curves follow the PMI Practice
// Standard for EVM (cumulative PV, EV, AC; EV/AC stop at the data date); the heat map is the 5x5
// probability-impact matrix of the PMI Practice Standard for Project Risk Management, fig. 5-6.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>

#include "detail/remaining_work.hpp"
#include "detail/svg.hpp"
#include "ppm/report/dashboard.hpp"

namespace ppm::detail {


std::string num(double v, int decimals) {
    if (!std::isfinite(v)) return "0";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    if (s == "-0") s = "0";
    return s;
}

std::vector<double> nice_ticks(double lo, double hi, int count) {
    if (!(hi > lo)) hi = lo + 1.0;
    const double raw = (hi - lo) / std::max(count, 1);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    const double f = raw / mag;
    const double step = (f < 1.5 ? 1.0 : f < 3.0 ? 2.0 : f < 7.0 ? 5.0 : 10.0) * mag;
    std::vector<double> out;
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
    return out;
}

std::vector<TimeTick> time_ticks(Instant lo, Instant hi) {
    std::vector<TimeTick> out;
    const std::int64_t days = (hi - lo).count() / kMinutesPerDay;
    if (days < 70) {
        Date d = lo.date();
        while (d.weekday() != 0) d = d + 1;  // Mondays
        for (; Instant::at(d) <= hi; d = d + 7) out.push_back({Instant::at(d), to_string(d).substr(5)});
        return out;
    }
    const int months = static_cast<int>(days / 30);
    const int step = months <= 14 ? 1 : months <= 42 ? 3 : months <= 84 ? 6 : 12;
    int y = lo.date().year(), m = lo.date().month();
    // First tick: the first month boundary after lo that is a multiple of step (months counted from January).
    auto advance = [&] { m += 1; if (m > 12) { m = 1; ++y; } };
    advance();
    while ((m - 1) % step != 0) advance();
    for (int guard = 0; guard < 200; ++guard) {
        const Instant t = Instant::at(Date::from_ymd(y, m, 1));
        if (t > hi) break;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
        out.push_back({t, buf});
        for (int k = 0; k < step; ++k) advance();
    }
    return out;
}

std::string short_number(double v) {
    const double a = std::abs(v);
    if (a >= 1e9) return num(v / 1e9, 2) + "G";
    if (a >= 1e6) return num(v / 1e6, 2) + "M";
    if (a >= 1e4) return num(v / 1e3, 1) + "k";
    return num(v, a < 10 ? 2 : 0);
}

std::string clip(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0, i = 0;
    while (i < text.size()) {
        if (chars == max_chars) return std::string(text.substr(0, i)) + "...";
        const auto c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        ++chars;
    }
    return std::string(text);
}

namespace {

constexpr double kLabelWidth = 240.0;  // left column of Gantt and histogram rows
constexpr double kPlotWidth = 1000.0;

std::string svg_open(std::string_view id, double w, double h, std::string_view cls, std::string_view label) {
    return "<svg id=\"" + std::string(id) + "\" class=\"chart " + std::string(cls) + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
           num(w) + "\" height=\"" + num(h) + "\" viewBox=\"0 0 " + num(w) + " " + num(h) + "\" role=\"img\" aria-label=\"" +
           html_escape(label) + "\">";
}
std::string text(double x, double y, std::string_view s, std::string_view cls = {}, std::string_view anchor = "start") {
    return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"" + (cls.empty() ? "" : " class=\"" + std::string(cls) + "\"") +
           " text-anchor=\"" + std::string(anchor) + "\">" + html_escape(s) + "</text>";
}
std::string line(double x1, double y1, double x2, double y2, std::string_view cls) {
    return "<line class=\"" + std::string(cls) + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\"/>";
}
// A rectangle with optional extra attributes and content (a <title> tooltip).
std::string rect(double x, double y, double w, double h, std::string_view cls, std::string_view attrs = {}, std::string_view inner = {}) {
    return "<rect class=\"" + std::string(cls) + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(std::max(w, 0.0)) +
           "\" height=\"" + num(std::max(h, 0.0)) + "\"" + std::string(attrs) + (inner.empty() ? "/>" : ">" + std::string(inner) + "</rect>");
}
std::string title(std::string_view s) { return "<title>" + html_escape(s) + "</title>"; }
double minutes(Instant t) { return static_cast<double>(t.minutes_since_epoch()); }
std::string day_string(Instant t) { return to_string(t).substr(0, 10); }

// Time scale with a 2% margin on each side.
LinearScale time_scale(Instant lo, Instant hi, double x0, double width) {
    const double pad = std::max(1.0, (minutes(hi) - minutes(lo)) * 0.02);
    return {minutes(lo) - pad, minutes(hi) + pad, x0, x0 + width};
}

// Month (or week) ticks: labels in the top margin, `kTickRow` above the plot; grid lines through it.
constexpr double kTickRow = 18.0;
std::string time_axis(const LinearScale& x, Instant lo, Instant hi, double top, double bottom) {
    std::string s;
    for (const auto& t : time_ticks(lo, hi)) {
        const double px = x(minutes(t.at));
        s += line(px, top, px, bottom, "grid");
        s += text(px + 2, top - kTickRow + 4, t.label, "tick");
    }
    return s;
}

// The status-date line. Its label sits in the margin above the plot (below the tick labels), never
// over bars; near the right edge it is written to the left of the line.
std::string today_line(const LinearScale& x, std::optional<Instant> today, double top, double bottom) {
    if (!today) return {};
    const double px = x(minutes(*today));
    if (px < x.r0 || px > x.r1) return {};
    const bool left = px > x.r1 - 110;
    return "<g class=\"today\">" + line(px, top - 12, px, bottom, "today-line") +
           text(left ? px - 3 : px + 3, top - 3, "status " + day_string(*today), "today-label", left ? "end" : "start") + "</g>";
}

// A legend entry; `series` names the element(s) of the chart drawing it (data-series), so a test
// can check that every series a legend names has data.
std::string legend_entry(double x, double y, std::string_view series, std::string_view swatch_cls, std::string_view label, bool as_line) {
    std::string s = "<g class=\"legend-item\" data-legend=\"" + std::string(series) + "\">";
    s += as_line ? line(x, y - 4, x + 18, y - 4, std::string(swatch_cls) + " legend-line") : rect(x, y - 10, 12, 12, swatch_cls);
    return s + text(x + (as_line ? 22 : 16), y, label, "legend") + "</g>";
}

const char* rag_class(Rag r) {
    switch (r) {
        case Rag::green: return "rag-green";
        case Rag::amber: return "rag-amber";
        case Rag::red: return "rag-red";
        default: return "rag-none";
    }
}

}  // namespace

std::string rag_summary_svg(const DashboardData& d) {
    if (!d.portfolio) return {};
    std::array<int, 4> count{};  // green, amber, red, none
    const std::size_t n = d.portfolio->projects.size();
    for (std::size_t p = 0; p < n; ++p) {
        const Rag r = p < d.project_rag.size() ? d.project_rag[p].overall : Rag::none;
        ++count[static_cast<std::size_t>(r)];
    }
    const double w = 600, h = 56, bar = 24;
    std::string s = svg_open("rag-summary", w, h, "rag-summary", "Projects by RAG status");
    double x = 0;
    const char* names[] = {"green", "amber", "red", "not assessed"};
    for (std::size_t k = 0; k < 4; ++k) {
        if (count[k] == 0 || n == 0) continue;
        const double bw = w * count[k] / static_cast<double>(n);
        s += "<g class=\"rag-part\">" + rect(x, 0, bw, bar, rag_class(static_cast<Rag>(k))) +
             title(std::to_string(count[k]) + " " + names[k]) + "</g>";
        if (bw > 30) s += text(x + bw / 2, 17, std::to_string(count[k]), "bar-label", "middle");
        x += bw;
    }
    double lx = 0;
    for (std::size_t k = 0; k < 4; ++k) {
        s += rect(lx, 34, 12, 12, rag_class(static_cast<Rag>(k))) + text(lx + 16, 45, std::string(names[k]) + " " + std::to_string(count[k]), "legend");
        lx += 140;
    }
    return s + "</svg>";
}

std::string gantt_svg(const DashboardData& d, std::size_t project_index, std::optional<Instant> today) {
    if (!d.schedule || !d.portfolio || project_index >= d.portfolio->projects.size()) return {};
    const ScheduleResult& s = *d.schedule;
    const Project& project = d.portfolio->projects[project_index];
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < s.task_id.size(); ++i)
        if (s.project[i].value() == project_index) rows.push_back(i);
    std::unordered_map<std::string, const Task*> task_by_id;
    std::unordered_map<std::string, int> depth;
    const auto finished = detail::finished_tasks(project);  // no longer on any path: not critical
    for (const auto& t : project.tasks) {
        task_by_id[t.id.str()] = &t;
        depth[t.id.str()] = t.parent ? depth[t.parent->str()] + 1 : 0;
    }
    const Baseline* baseline = nullptr;
    for (const auto& set : d.baselines)
        if (const Baseline* b = set.active(); b && b->project == project.id) baseline = b;

    Instant lo = s.project_start.size() > project_index ? s.project_start[project_index] : project.start;
    Instant hi = s.project_finish.size() > project_index ? s.project_finish[project_index] : project.start;
    for (std::size_t i : rows) lo = std::min(lo, s.early_start[i]), hi = std::max(hi, std::max(s.early_finish[i], s.late_finish[i]));
    if (baseline)
        for (std::size_t k = 0; k < baseline->size(); ++k) lo = std::min(lo, baseline->start[k]), hi = std::max(hi, baseline->finish[k]);
    if (today && *today > lo - Duration{30 * kMinutesPerDay} && *today < hi + Duration{30 * kMinutesPerDay})
        lo = std::min(lo, *today), hi = std::max(hi, *today);
    if (hi <= lo) hi = lo + Duration{kMinutesPerDay};

    const double row_h = 20, top = 34, h = top + row_h * static_cast<double>(rows.size()) + 6;
    const LinearScale x = time_scale(lo, hi, kLabelWidth, kPlotWidth);
    std::string out = svg_open("gantt-" + html_id(project.id.str()), kLabelWidth + kPlotWidth + 10, h, "gantt-chart",
                               "Gantt chart of project " + project.name);
    out += time_axis(x, lo, hi, top, h);
    const double mpd = static_cast<double>(std::max<std::int64_t>(project.minutes_per_day, 1));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const std::size_t i = rows[r];
        const std::string& id = s.task_id[i].str();
        const auto it = task_by_id.find(id);
        const Task* task = it == task_by_id.end() ? nullptr : it->second;
        const std::string name = task && !task->name.empty() ? task->name : id;
        const bool critical = s.critical[i] != 0 && finished.count(id) == 0;
        const bool summary = s.is_summary[i] != 0;
        const bool milestone = s.is_milestone[i] != 0;
        const double y = top + row_h * static_cast<double>(r);
        const double yc = y + row_h / 2;
        const double x0 = x(minutes(s.early_start[i])), x1 = x(minutes(s.early_finish[i]));
        const double pct = task ? std::clamp(task->progress.percent_complete, 0.0, 100.0) : 0.0;
        std::string tip = name + " (" + id + ")\n" + to_string(s.early_start[i]) + " - " + to_string(s.early_finish[i]) +
                          "\ntotal float " + num(static_cast<double>(s.total_float[i].count()) / mpd, 2) + " d" +
                          (critical ? ", critical" : "") + (pct > 0 ? "\n" + num(pct, 0) + "% complete" : "");
        out += std::string("<g class=\"gantt-row") + (critical ? " critical-row" : "") + "\">";
        if (r % 2 == 1) out += rect(0, y, kLabelWidth + kPlotWidth + 10, row_h, "stripe");
        const int indent = depth.count(id) ? std::min(depth[id], 8) : 0;
        out += text(4 + 12.0 * indent, yc + 4, clip(name, static_cast<std::size_t>(34 - 2 * indent)), summary ? "task-label summary-label" : "task-label");
        // Baseline beneath the bar.
        if (baseline && !summary)
            if (const std::size_t k = find_task(*baseline, s.task_id[i]); k < baseline->size()) {
                const double b0 = x(minutes(baseline->start[k])), b1 = x(minutes(baseline->finish[k]));
                out += rect(b0, y + row_h - 6, std::max(b1 - b0, 2.0), 4, "baseline") ;
            }
        const std::string data = " data-task=\"" + html_escape(id) + "\"";
        const std::string cls = std::string("gantt-bar") + (summary ? " summary" : milestone ? " milestone" : " task") + (critical ? " critical" : "");
        if (milestone) {
            out += "<path class=\"" + cls + "\"" + data + " d=\"M" + num(x0) + "," + num(yc - 7) + " L" + num(x0 + 7) + "," + num(yc) + " L" +
                   num(x0) + "," + num(yc + 7) + " L" + num(x0 - 7) + "," + num(yc) + " Z\">" + title(tip) + "</path>";
        } else if (summary) {
            const double w = std::max(x1 - x0, 2.0);
            out += "<path class=\"" + cls + "\"" + data + " d=\"M" + num(x0) + "," + num(y + 4) + " h" + num(w) + " v9 l-4,-4 h" + num(-(w - 8)) +
                   " l-4,4 Z\">" + title(tip) + "</path>";
        } else {
            out += rect(x0, y + 3, std::max(x1 - x0, 2.0), row_h - 10, cls, data, title(tip));
            if (pct > 0) out += rect(x0, y + 7, std::max(x1 - x0, 2.0) * pct / 100.0, row_h - 18, "progress");
        }
        out += "</g>";
    }
    out += today_line(x, today, top, h);
    return out + "</svg>";
}

std::string histogram_svg(const DashboardData& d, std::size_t r, std::optional<Instant> today) {
    if (!d.histogram || r >= d.histogram->resource.size() || d.histogram->bucket_count <= 0) return {};
    const auto& h = *d.histogram;
    const std::size_t nb = static_cast<std::size_t>(h.bucket_count);
    double top_value = 0.0, total = 0.0;
    for (std::size_t b = 0; b < nb; ++b) {
        top_value = std::max({top_value, h.peak_demand[r * nb + b], h.capacity[r * nb + b]});
        total += h.peak_demand[r * nb + b];
    }
    if (total <= 0.0) return {};
    const Resource* res = d.portfolio ? d.portfolio->find_resource(h.resource[r]) : nullptr;
    const std::string name = res && !res->name.empty() ? res->name : h.resource[r].str();
    const double height = 142, top = 34, bottom = height - 6;
    const Instant lo = h.start, hi = h.start + h.period * h.bucket_count;
    const LinearScale x{minutes(lo), minutes(hi), kLabelWidth, kLabelWidth + kPlotWidth};
    const LinearScale y{0.0, top_value * 1.1, bottom, top};
    std::string s = svg_open("histogram-" + html_id(h.resource[r].str()), kLabelWidth + kPlotWidth + 10, height, "histogram-chart",
                             "Resource histogram of " + name);
    s += text(4, top + 14, clip(name, 32), "task-label") + text(4, top + 30, h.resource[r].str(), "tick");
    for (double v : nice_ticks(0.0, top_value * 1.1, 3)) s += line(kLabelWidth, y(v), kLabelWidth + kPlotWidth, y(v), "grid") + text(kLabelWidth - 4, y(v) + 4, num(v, 2), "tick", "end");
    for (const auto& t : time_ticks(lo, hi)) s += text(x(minutes(t.at)) + 2, top - kTickRow + 4, t.label, "tick");
    std::string cap = "<polyline class=\"capacity\" points=\"";
    for (std::size_t b = 0; b < nb; ++b) {
        const double demand = h.peak_demand[r * nb + b], capacity = h.capacity[r * nb + b];
        const double bx0 = x(minutes(lo + h.period * static_cast<std::int64_t>(b))), bx1 = x(minutes(lo + h.period * static_cast<std::int64_t>(b + 1)));
        if (demand > 0)
            s += rect(bx0, y(demand), std::max(bx1 - bx0 - 0.5, 0.5), y(0) - y(demand), demand > capacity + 1e-9 ? "demand over" : "demand",
                      " data-series=\"demand\"",
                      title(day_string(lo + h.period * static_cast<std::int64_t>(b)) + ": demand " + num(demand, 2) + ", capacity " + num(capacity, 2)));
        cap += num(bx0) + "," + num(y(capacity)) + " " + num(bx1) + "," + num(y(capacity)) + " ";
    }
    s += cap + "\" data-series=\"capacity\"/>";
    s += today_line(x, today, top, bottom);
    return s + "</svg>";
}

std::string bubble_svg(const DashboardData& d) {
    if (!d.selection || d.selection->candidates.empty()) return {};
    const SelectionProblem& p = *d.selection;
    const bool solved = d.selected && d.selected->has_solution && d.selected->value.size() == p.candidates.size();
    std::vector<double> value(p.candidates.size()), risk(p.candidates.size()), cost(p.candidates.size());
    double vmax = 0, rmax = 0, cmax = 0;
    for (std::size_t i = 0; i < p.candidates.size(); ++i) {
        const auto& c = p.candidates[i];
        const auto it = c.benefits.find(p.objective);
        value[i] = solved ? d.selected->value[i] : it == c.benefits.end() ? 0.0 : it->second;
        risk[i] = c.risk;
        cost[i] = c.total_cost().major();
        vmax = std::max(vmax, value[i]), rmax = std::max(rmax, risk[i]), cmax = std::max(cmax, cost[i]);
    }
    const double w = 760, h = 460, l = 70, r = 30, t = 20, b = 50;
    const LinearScale x{0.0, vmax * 1.1 + 1e-12, l, w - r};
    const LinearScale y{0.0, rmax * 1.1 + 1e-12, h - b, t};
    std::string s = svg_open("bubble", w, h, "bubble-chart", "Portfolio bubble chart: value, risk and cost of each candidate");
    for (double v : nice_ticks(0, vmax * 1.1 + 1e-12)) s += line(x(v), t, x(v), h - b, "grid") + text(x(v), h - b + 16, short_number(v), "tick", "middle");
    for (double v : nice_ticks(0, rmax * 1.1 + 1e-12)) s += line(l, y(v), w - r, y(v), "grid") + text(l - 6, y(v) + 4, short_number(v), "tick", "end");
    s += text((l + w - r) / 2, h - 12, "value (" + p.objective + ")", "axis-label", "middle");
    s += "<text class=\"axis-label\" transform=\"translate(16," + num((t + h - b) / 2) + ") rotate(-90)\" text-anchor=\"middle\">risk</text>";
    // Largest bubbles first so small ones stay visible on top.
    std::vector<std::size_t> order(p.candidates.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t c) { return cost[a] > cost[c]; });
    for (std::size_t i : order) {
        const auto& c = p.candidates[i];
        const bool sel = solved && d.selected->selected[i];
        const double radius = 4.0 + 26.0 * std::sqrt(cmax > 0 ? cost[i] / cmax : 0.0);
        s += "<g class=\"bubble-item\"><circle class=\"bubble" + std::string(sel ? " selected" : "") + "\" data-candidate=\"" + html_escape(c.id) + "\" data-series=\"" +
             (sel ? "selected" : "not-selected") +
             "\" cx=\"" + num(x(value[i])) + "\" cy=\"" + num(y(risk[i])) + "\" r=\"" + num(radius) + "\">" +
             title(c.id + " " + c.name + "\nvalue " + num(value[i], 3) + ", risk " + num(risk[i], 2) + ", cost " + short_number(cost[i]) +
                   (solved ? (sel ? "\nselected" : "\nnot selected: " + std::string(to_string(d.selected->reason[i]))) : "")) +
             "</circle>" + text(x(value[i]), y(risk[i]) + 4, clip(c.id, 10), "bubble-label", "middle") + "</g>";
    }
    std::size_t selected_count = 0;
    for (std::size_t i = 0; i < p.candidates.size(); ++i) selected_count += solved && d.selected->selected[i];
    if (selected_count > 0)
        s += "<g class=\"legend-item\" data-legend=\"selected\"><circle class=\"bubble selected\" cx=\"" + num(w - 180) + "\" cy=\"" + num(t + 8) +
         "\" r=\"6\"/>" + text(w - 170, t + 12, "selected", "legend") + "</g>";
    if (selected_count < p.candidates.size())
        s += "<g class=\"legend-item\" data-legend=\"not-selected\"><circle class=\"bubble\" cx=\"" + num(w - 100) + "\" cy=\"" + num(t + 8) +
         "\" r=\"6\"/>" + text(w - 90, t + 12, "not selected", "legend") + "</g>";
    return s + "</svg>";
}

std::string frontier_svg(const DashboardData& d) {
    if (!d.frontier || d.frontier->budget.empty()) return {};
    const FrontierResult& f = *d.frontier;
    double bmin = f.budget.front().major(), bmax = bmin, vmax = 0;
    for (std::size_t k = 0; k < f.budget.size(); ++k) bmin = std::min(bmin, f.budget[k].major()), bmax = std::max(bmax, f.budget[k].major()), vmax = std::max(vmax, f.value[k]);
    const bool current = d.selected && d.selected->has_solution;
    // The current selection sits at the file's total budget (the frontier's x axis), else at its spend.
    const double current_budget = !current ? 0.0
                                  : d.selection && d.selection->total_budget ? d.selection->total_budget->major()
                                                                              : d.selected->total_spend.major();
    if (current) vmax = std::max(vmax, d.selected->objective), bmax = std::max(bmax, current_budget);
    const double w = 760, h = 400, l = 70, r = 30, t = 20, b = 50;
    const LinearScale x{std::min(bmin, 0.0), bmax * 1.05 + 1e-12, l, w - r};
    const LinearScale y{0.0, vmax * 1.1 + 1e-12, h - b, t};
    std::string s = svg_open("frontier", w, h, "frontier-chart", "Efficient frontier: best value for each total budget");
    for (double v : nice_ticks(x.d0, x.d1)) s += line(x(v), t, x(v), h - b, "grid") + text(x(v), h - b + 16, short_number(v), "tick", "middle");
    for (double v : nice_ticks(0, y.d1)) s += line(l, y(v), w - r, y(v), "grid") + text(l - 6, y(v) + 4, short_number(v), "tick", "end");
    s += text((l + w - r) / 2, h - 12, "total budget", "axis-label", "middle");
    s += "<text class=\"axis-label\" transform=\"translate(16," + num((t + h - b) / 2) + ") rotate(-90)\" text-anchor=\"middle\">value</text>";
    // A budget without a selection (infeasible, or stopped before one was found) is a gap in the
    // line and a hollow marker on the axis, not a point at value 0.
    auto solved = [&](std::size_t k) {
        const SelectionStatus st = f.status[k];
        if (st == SelectionStatus::optimal || st == SelectionStatus::feasible) return true;
        if (st == SelectionStatus::infeasible) return false;
        const std::size_t n = f.candidates.size();
        for (std::size_t c = 0; c < n; ++c)
            if (k * n + c < f.selected.size() && f.selected[k * n + c]) return true;
        return false;
    };
    std::string pts;
    auto flush = [&] {
        if (std::count(pts.begin(), pts.end(), ' ') >= 2) s += "<polyline class=\"frontier-line\" data-series=\"frontier\" points=\"" + pts + "\"/>";
        pts.clear();
    };
    bool any_gap = false;
    for (std::size_t k = 0; k < f.budget.size(); ++k) {
        if (solved(k))
            pts += num(x(f.budget[k].major())) + "," + num(y(f.value[k])) + " ";
        else
            flush(), any_gap = true;
    }
    flush();
    for (std::size_t k = 0; k < f.budget.size(); ++k) {
        const double px = x(f.budget[k].major());
        if (!solved(k)) {
            s += "<circle class=\"frontier-gap\" data-series=\"no-selection\" cx=\"" + num(px) + "\" cy=\"" + num(y(0)) + "\" r=\"5\">" +
                 title("budget " + short_number(f.budget[k].major()) + ": no selection (" + std::string(to_string(f.status[k])) + ")") + "</circle>";
            continue;
        }
        std::string moves;
        for (const auto& id : f.entering[k]) moves += " +" + id;
        for (const auto& id : f.leaving[k]) moves += " -" + id;
        s += "<circle class=\"frontier-point\" data-series=\"frontier\" cx=\"" + num(px) + "\" cy=\"" + num(y(f.value[k])) + "\" r=\"5\">" +
             title("budget " + short_number(f.budget[k].major()) + ": value " + num(f.value[k], 3) + ", spend " + short_number(f.spend[k].major()) +
                   " (" + std::string(to_string(f.status[k])) + ")" + (moves.empty() ? "" : "\n" + moves)) + "</circle>";
    }
    s += legend_entry(l + 10, t + 12, "frontier", "frontier-line", "best value for the budget", true);
    if (any_gap)
        s += "<g class=\"legend-item\" data-legend=\"no-selection\"><circle class=\"frontier-gap\" cx=\"" + num(l + 206) + "\" cy=\"" + num(t + 8) +
             "\" r=\"5\"/>" + text(l + 216, t + 12, "no feasible selection", "legend") + "</g>";
    if (current) {
        const double cx = x(current_budget), cy = y(d.selected->objective);
        s += "<path class=\"current-selection\" d=\"M" + num(cx) + "," + num(cy - 8) + " L" + num(cx + 8) + "," + num(cy) + " L" + num(cx) + "," +
             num(cy + 8) + " L" + num(cx - 8) + "," + num(cy) + " Z\">" + title("current selection: budget " + short_number(current_budget) + ", spend " + short_number(d.selected->total_spend.major()) +
             ", value " + num(d.selected->objective, 3)) + "</path>" + text(cx + 10, cy - 8, "current selection", "legend");
    }
    return s + "</svg>";
}

std::string heatmap_svg(const DashboardData& d) {
    if (d.risks.empty()) return {};
    const HeatMap map = heat_map(d.matrix, d.risks, true);
    const double cell = 72, l = 90, t = 20, w = l + 5 * cell + 20, h = t + 5 * cell + 50;
    std::string s = svg_open("heatmap", w, h, "heatmap-chart", "Risk heat map: active risks by probability and impact (current assessment)");
    for (int pb = 5; pb >= 1; --pb) {
        const double y = t + (5 - pb) * cell;
        s += text(l - 8, y + cell / 2 + 4, "P" + std::to_string(pb), "tick", "end");
        for (int ib = 1; ib <= 5; ++ib) {
            const double x = l + (ib - 1) * cell;
            const int score = d.matrix.score[static_cast<std::size_t>(pb - 1)][static_cast<std::size_t>(ib - 1)];
            const char* level = score >= d.matrix.high_from ? "high" : score >= d.matrix.medium_from ? "medium" : "low";
            const auto& ids = map.ids[static_cast<std::size_t>(pb - 1)][static_cast<std::size_t>(ib - 1)];
            const int count = map.count[static_cast<std::size_t>(pb - 1)][static_cast<std::size_t>(ib - 1)];
            std::string list;
            for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
            s += "<g class=\"heat-cell\">" + rect(x, y, cell - 2, cell - 2, std::string("cell ") + level, " data-count=\"" + std::to_string(count) + "\"",
                 title("probability " + std::to_string(pb) + ", impact " + std::to_string(ib) + ", score " + std::to_string(score) + " (" + level + ")" +
                       (list.empty() ? "" : "\n" + list)));
            if (count > 0) s += text(x + cell / 2 - 1, y + cell / 2 + 7, std::to_string(count), "cell-count", "middle");
            s += "</g>";
        }
    }
    for (int ib = 1; ib <= 5; ++ib) s += text(l + (ib - 0.5) * cell, t + 5 * cell + 16, "I" + std::to_string(ib), "tick", "middle");
    s += text(l + 2.5 * cell, h - 8, "impact (worst of cost, schedule, quality, scope)", "axis-label", "middle");
    s += "<text class=\"axis-label\" transform=\"translate(16," + num(t + 2.5 * cell) + ") rotate(-90)\" text-anchor=\"middle\">probability</text>";
    return s + "</svg>";
}

std::string scurve_svg(const DashboardData& d, std::size_t k) {
    if (k >= d.scurves.size() || d.scurves[k].curves.period_end.empty()) return {};
    const auto& pc = d.scurves[k];
    const auto& c = pc.curves;
    const std::size_t n = c.period_end.size();
    const bool actuals = pc.actual_date.size() >= 2;
    // EAC forecast: from AC at the data date to EAC at the forecast finish (PMI EVM practice
    // standard fig. 5-1: the estimate at completion beyond the data date).
    const bool forecast = actuals && pc.forecast_finish && *pc.forecast_finish > pc.actual_date.back();
    double top_value = std::max(pc.bac.major(), forecast ? pc.eac.major() : 0.0);
    for (std::size_t i = 0; i < n; ++i) top_value = std::max(top_value, c.pv[i].major());
    for (std::size_t i = 0; i < pc.actual_date.size(); ++i) top_value = std::max({top_value, pc.actual_ev[i].major(), pc.actual_ac[i].major()});
    Instant lo = c.period_end.front() - Duration{7 * kMinutesPerDay}, hi = c.period_end.back();
    if (!pc.actual_date.empty()) lo = std::min(lo, pc.actual_date.front()), hi = std::max(hi, pc.actual_date.back());
    if (forecast) hi = std::max(hi, *pc.forecast_finish);
    const double w = 760, h = 300, l = 70, r = 30, t = 34, b = 40;
    const LinearScale x = time_scale(lo, hi, l, w - l - r);
    const LinearScale y{0.0, top_value * 1.12 + 1e-12, h - b, t};
    const std::string& pid = pc.project.str();
    std::string s = svg_open("scurve-" + html_id(pid), w, h, "scurve-chart", "EVM S-curves of project " + pid);
    for (double v : nice_ticks(0, y.d1, 4)) s += line(l, y(v), w - r, y(v), "grid") + text(l - 6, y(v) + 4, short_number(v), "tick", "end");
    for (const auto& tk : time_ticks(lo, hi)) s += line(x(minutes(tk.at)), t, x(minutes(tk.at)), h - b, "grid") + text(x(minutes(tk.at)), h - b + 16, tk.label, "tick", "middle");
    s += line(l, y(pc.bac.major()), w - r, y(pc.bac.major()), "bac-line") + text(l + (w - l - r) * 0.45, y(pc.bac.major()) - 4, "BAC " + short_number(pc.bac.major()), "legend", "middle");
    std::string pv;
    for (std::size_t i = 0; i < n; ++i) pv += num(x(minutes(c.period_end[i]))) + "," + num(y(c.pv[i].major())) + " ";
    s += "<polyline class=\"pv\" data-series=\"pv\" points=\"" + pv + "\">" + title("PV: planned value (baseline \"" + pc.baseline + "\")") + "</polyline>";
    auto known = [&](const std::vector<Money>& v, const char* cls, const std::string& label) {
        std::string pts, dots;
        for (std::size_t i = 0; i < pc.actual_date.size(); ++i) {
            const double px = x(minutes(pc.actual_date[i])), py = y(v[i].major());
            pts += num(px) + "," + num(py) + " ";
            if (i > 0)
                dots += "<circle class=\"" + std::string(cls) + "-dot\" cx=\"" + num(px) + "\" cy=\"" + num(py) + "\" r=\"3\">" +
                        title(label + " " + short_number(v[i].major()) + " at " + day_string(pc.actual_date[i])) + "</circle>";
        }
        return "<polyline class=\"" + std::string(cls) + "\" data-series=\"" + cls + "\" points=\"" + pts + "\">" + title(label) + "</polyline>" + dots;
    };
    if (actuals) s += known(pc.actual_ev, "ev", "EV: earned value") + known(pc.actual_ac, "ac", "AC: actual cost");
    if (forecast) {
        const double x0 = x(minutes(pc.actual_date.back())), y0 = y(pc.actual_ac.back().major());
        const double x1 = x(minutes(*pc.forecast_finish)), y1 = y(pc.eac.major());
        s += "<polyline class=\"eac\" data-series=\"eac\" points=\"" + num(x0) + "," + num(y0) + " " + num(x1) + "," + num(y1) + "\">" +
             title("EAC forecast: " + short_number(pc.eac.major()) + " by " + day_string(*pc.forecast_finish)) + "</polyline>" +
             "<circle class=\"eac-dot\" cx=\"" + num(x1) + "\" cy=\"" + num(y1) + "\" r=\"4\"/>" +
             text(x1 - 6, y1 - 8, "EAC " + short_number(pc.eac.major()), "legend", "end");
    }
    double lx = l + 10;
    for (auto [cls, label] : {std::pair{"pv", "PV"}, std::pair{"ev", "EV"}, std::pair{"ac", "AC"}, std::pair{"eac", "EAC forecast"}}) {
        if ((cls == std::string_view("ev") || cls == std::string_view("ac")) && !actuals) continue;
        if (cls == std::string_view("eac") && !forecast) continue;
        s += legend_entry(lx, t + 12, cls, cls, label, true);
        lx += 60;
    }
    s += today_line(x, d.status_date, t, h - b);
    return s + "</svg>";
}

namespace {

// Vertical percentile markers (P50, P80, P90) over a distribution chart, labels staggered so
// close percentiles stay readable.
std::string percentile_marks(const LinearScale& x, const std::vector<std::pair<std::string, double>>& marks, double top, double bottom) {
    std::string s;
    for (std::size_t k = 0; k < marks.size(); ++k) {
        const double px = x(marks[k].second);
        s += "<g data-series=\"percentiles\">" + line(px, top - 4, px, bottom, "pct-line") +
             text(px + 3, top + 8 + 12.0 * static_cast<double>(k), marks[k].first, "pct-label") + "</g>";
    }
    return s;
}

std::string histogram_bars(const LinearScale& x, const LinearScale& y, const std::vector<double>& edge, const std::vector<std::uint64_t>& count,
                           std::string_view series, const std::function<std::string(std::size_t)>& tip) {
    std::string s;
    for (std::size_t b = 0; b < count.size() && b + 1 < edge.size(); ++b) {
        if (count[b] == 0) continue;
        const double x0 = x(edge[b]), x1 = x(edge[b + 1]);
        s += rect(x0, y(static_cast<double>(count[b])), std::max(x1 - x0 - 1.0, 1.0), y(0) - y(static_cast<double>(count[b])), "mc-bar",
                  " data-series=\"" + std::string(series) + "\"", title(tip(b)));
    }
    return s;
}

}  // namespace

std::string mc_finish_svg(const DashboardData& d) {
    if (!d.simulation || d.simulation->finish_count.empty()) return {};
    const auto& m = *d.simulation;
    std::vector<double> edge;
    for (Instant e : m.finish_edge) edge.push_back(minutes(e));
    std::uint64_t peak = 1;
    for (auto c : m.finish_count) peak = std::max(peak, c);
    Instant lo = m.finish_edge.front(), hi = m.finish_edge.back();
    lo = std::min(lo, m.deterministic_finish), hi = std::max(hi, m.deterministic_finish);
    if (m.target && *m.target > lo - Duration{60 * kMinutesPerDay} && *m.target < hi + Duration{60 * kMinutesPerDay})
        lo = std::min(lo, *m.target), hi = std::max(hi, *m.target);
    if (hi <= lo) hi = lo + Duration{kMinutesPerDay};
    const double w = 760, h = 300, l = 60, r = 30, t = 30, b = 40;
    const LinearScale x = time_scale(lo, hi, l, w - l - r);
    const LinearScale y{0.0, static_cast<double>(peak) * 1.15, h - b, t};
    std::string s = svg_open("mc-finish", w, h, "mc-chart", "Distribution of the portfolio finish date (Monte Carlo)");
    for (double v : nice_ticks(0, y.d1, 4)) s += line(l, y(v), w - r, y(v), "grid") + text(l - 6, y(v) + 4, num(v, 0), "tick", "end");
    for (const auto& tk : time_ticks(lo, hi)) s += text(x(minutes(tk.at)), h - b + 16, tk.label, "tick", "middle");
    s += histogram_bars(x, y, edge, m.finish_count, "finish", [&](std::size_t k) {
        return day_string(m.finish_edge[k]) + " - " + day_string(m.finish_edge[k + 1]) + ": " + std::to_string(m.finish_count[k]) + " of " +
               std::to_string(m.iterations) + " iterations";
    });
    std::vector<std::pair<std::string, double>> marks;
    for (double p : {50.0, 80.0, 90.0})
        if (auto at = m.finish_percentile(p)) marks.emplace_back("P" + num(p, 0) + " " + day_string(*at), minutes(*at));
    s += percentile_marks(x, marks, t, h - b);
    const double dx = x(minutes(m.deterministic_finish));
    s += "<g data-series=\"deterministic\">" + line(dx, t, dx, h - b, "det-line") + title("deterministic finish " + day_string(m.deterministic_finish)) + "</g>";
    s += text((l + w - r) / 2, h - 6, "portfolio finish date", "axis-label", "middle");
    s += "<text class=\"axis-label\" transform=\"translate(14," + num((t + h - b) / 2) + ") rotate(-90)\" text-anchor=\"middle\">iterations</text>";
    s += legend_entry(l + 10, t - 8, "finish", "mc-bar", "iterations finishing in the bin", false) +
         legend_entry(l + 240, t - 8, "percentiles", "pct-line", "P50 / P80 / P90", true) +
         legend_entry(l + 380, t - 8, "deterministic", "det-line", "deterministic (mean durations)", true);
    return s + "</svg>";
}

std::string mc_cost_svg(const DashboardData& d) {
    if (!d.simulation || d.simulation->cost_count.empty() || d.simulation->cost_edge.size() < 2) return {};
    const auto& m = *d.simulation;
    std::uint64_t peak = 1;
    for (auto c : m.cost_count) peak = std::max(peak, c);
    double lo = m.cost_edge.front(), hi = m.cost_edge.back();
    if (hi <= lo) hi = lo + 1.0;
    const double pad = (hi - lo) * 0.03;
    const double w = 760, h = 300, l = 60, r = 30, t = 30, b = 40;
    const LinearScale x{lo - pad, hi + pad, l, w - r};
    const LinearScale y{0.0, static_cast<double>(peak) * 1.15, h - b, t};
    std::string s = svg_open("mc-cost", w, h, "mc-chart", "Distribution of the portfolio cost (Monte Carlo)");
    for (double v : nice_ticks(0, y.d1, 4)) s += line(l, y(v), w - r, y(v), "grid") + text(l - 6, y(v) + 4, num(v, 0), "tick", "end");
    for (double v : nice_ticks(x.d0, x.d1, 6)) s += text(x(v), h - b + 16, short_number(v), "tick", "middle");
    s += histogram_bars(x, y, m.cost_edge, m.cost_count, "cost", [&](std::size_t k) {
        return short_number(m.cost_edge[k]) + " - " + short_number(m.cost_edge[k + 1]) + ": " + std::to_string(m.cost_count[k]) + " of " +
               std::to_string(m.iterations) + " iterations";
    });
    std::vector<std::pair<std::string, double>> marks;
    for (std::size_t k = 0; k < m.percentile.size() && k < m.cost_at.size(); ++k)
        if (m.percentile[k] == 50.0 || m.percentile[k] == 80.0 || m.percentile[k] == 90.0)
            marks.emplace_back("P" + num(m.percentile[k], 0) + " " + short_number(m.cost_at[k]), m.cost_at[k]);
    s += percentile_marks(x, marks, t, h - b);
    s += text((l + w - r) / 2, h - 6, "portfolio cost", "axis-label", "middle");
    s += "<text class=\"axis-label\" transform=\"translate(14," + num((t + h - b) / 2) + ") rotate(-90)\" text-anchor=\"middle\">iterations</text>";
    s += legend_entry(l + 10, t - 8, "cost", "mc-bar", "iterations costing in the bin", false) +
         legend_entry(l + 240, t - 8, "percentiles", "pct-line", "P50 / P80 / P90", true);
    return s + "</svg>";
}

std::string tornado_svg(const DashboardData& d) {
    if (!d.simulation || d.simulation->tornado.empty()) return {};
    const auto& tasks = d.simulation->tornado;
    double most = 0.0;
    for (const auto& tk : tasks) most = std::max(most, std::abs(tk.sensitivity));
    const double row = 22, label_w = 330, w = 760, r = 60, t = 30;
    const double h = t + row * static_cast<double>(tasks.size()) + 34;
    const double axis = std::max(most, 0.1) * 1.05;
    const bool negative = std::any_of(tasks.begin(), tasks.end(), [](const SensitiveTask& tk) { return tk.sensitivity < 0; });
    const LinearScale x{negative ? -axis : 0.0, axis, label_w, w - r};
    std::string s = svg_open("tornado", w, h, "tornado-chart", "Tasks whose duration moves the portfolio finish most (Spearman rank correlation)");
    for (double v : nice_ticks(x.d0, x.d1, 5)) s += line(x(v), t, x(v), h - 30, "grid") + text(x(v), h - 16, num(v, 2), "tick", "middle");
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const auto& tk = tasks[i];
        const double y0 = t + row * static_cast<double>(i);
        const double a = x(0.0), bx = x(tk.sensitivity);
        s += text(label_w - 8, y0 + row / 2 + 4, clip(tk.task.str() + " " + tk.name, 46), "task-label", "end");
        s += rect(std::min(a, bx), y0 + 3, std::abs(bx - a), row - 6, tk.sensitivity < 0 ? "tornado-bar negative" : "tornado-bar",
                  " data-series=\"sensitivity\" data-task=\"" + html_escape(tk.task.str()) + "\"",
                  title(tk.task.str() + " " + tk.name + " (" + tk.project.str() + ")\nrank correlation with the portfolio finish " + num(tk.sensitivity, 3) +
                        "\ncritical in " + num(100.0 * tk.criticality, 0) + "% of iterations"));
        s += text(std::max(a, bx) + 4, y0 + row / 2 + 4, num(tk.sensitivity, 2), "tick");
    }
    s += legend_entry(label_w, t - 10, "sensitivity", "tornado-bar", "rank correlation of the task's duration with the portfolio finish", false);
    return s + "</svg>";
}

}  // namespace ppm::detail
