// The dashboard's charts, written as SVG text. Gantt conventions follow the PMI Practice Standard
// for Scheduling (bars on a time scale, critical activities highlighted, baseline beneath the
// current bar, milestones as diamonds, the data-date line); S-curves follow the PMI Practice
// Standard for EVM (cumulative PV, EV, AC; EV/AC stop at the data date); the heat map is the 5x5
// probability-impact matrix of the PMI Practice Standard for Project Risk Management, fig. 5-6.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_map>

#include "detail/remaining_work.hpp"
#include "detail/svg.hpp"
#include "ppm/report/dashboard.hpp"

namespace ppm::detail {

using report::html_escape;
using report::html_id;

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

std::string time_axis(const LinearScale& x, Instant lo, Instant hi, double top, double bottom) {
    std::string s;
    for (const auto& t : time_ticks(lo, hi)) {
        const double px = x(minutes(t.at));
        s += line(px, top, px, bottom, "grid");
        s += text(px + 2, top - 4, t.label, "tick");
    }
    return s;
}

std::string today_line(const LinearScale& x, std::optional<Instant> today, double top, double bottom) {
    if (!today) return {};
    const double px = x(minutes(*today));
    if (px < x.r0 || px > x.r1) return {};
    return "<g class=\"today\">" + line(px, top, px, bottom, "today-line") + text(px + 3, bottom - 3, "status " + day_string(*today), "today-label") +
           "</g>";
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

std::string rag_summary_svg(const report::DashboardData& d) {
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

std::string gantt_svg(const report::DashboardData& d, std::size_t project_index, std::optional<Instant> today) {
    if (!d.schedule || !d.portfolio || project_index >= d.portfolio->projects.size()) return {};
    const ScheduleResult& s = *d.schedule;
    const Project& project = d.portfolio->projects[project_index];
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < s.task_id.size(); ++i)
        if (s.project[i] == project_index) rows.push_back(i);
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

    const double row_h = 20, top = 24, h = top + row_h * static_cast<double>(rows.size()) + 6;
    const LinearScale x = time_scale(lo, hi, kLabelWidth, kPlotWidth);
    std::string out = svg_open("gantt-" + html_id(project.id.str()), kLabelWidth + kPlotWidth + 10, h, "gantt",
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

std::string histogram_svg(const report::DashboardData& d, std::size_t r, std::optional<Instant> today) {
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
    const double height = 130, top = 18, bottom = height - 6;
    const Instant lo = h.start, hi = h.start + h.period * h.bucket_count;
    const LinearScale x{minutes(lo), minutes(hi), kLabelWidth, kLabelWidth + kPlotWidth};
    const LinearScale y{0.0, top_value * 1.1, bottom, top};
    std::string s = svg_open("histogram-" + html_id(h.resource[r].str()), kLabelWidth + kPlotWidth + 10, height, "histogram",
                             "Resource histogram of " + name);
    s += text(4, top + 14, clip(name, 32), "task-label") + text(4, top + 30, h.resource[r].str(), "tick");
    for (double v : nice_ticks(0.0, top_value * 1.1, 3)) s += line(kLabelWidth, y(v), kLabelWidth + kPlotWidth, y(v), "grid") + text(kLabelWidth - 4, y(v) + 4, num(v, 2), "tick", "end");
    for (const auto& t : time_ticks(lo, hi)) s += text(x(minutes(t.at)) + 2, top - 4, t.label, "tick");
    std::string cap = "<polyline class=\"capacity\" points=\"";
    for (std::size_t b = 0; b < nb; ++b) {
        const double demand = h.peak_demand[r * nb + b], capacity = h.capacity[r * nb + b];
        const double bx0 = x(minutes(lo + h.period * static_cast<std::int64_t>(b))), bx1 = x(minutes(lo + h.period * static_cast<std::int64_t>(b + 1)));
        if (demand > 0)
            s += rect(bx0, y(demand), std::max(bx1 - bx0 - 0.5, 0.5), y(0) - y(demand), demand > capacity + 1e-9 ? "demand over" : "demand", {},
                      title(day_string(lo + h.period * static_cast<std::int64_t>(b)) + ": demand " + num(demand, 2) + ", capacity " + num(capacity, 2)));
        cap += num(bx0) + "," + num(y(capacity)) + " " + num(bx1) + "," + num(y(capacity)) + " ";
    }
    s += cap + "\"/>";
    s += today_line(x, today, top, bottom);
    return s + "</svg>";
}

std::string bubble_svg(const report::DashboardData& d) {
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
    std::string s = svg_open("bubble", w, h, "bubble", "Portfolio bubble chart: value, risk and cost of each candidate");
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
        s += "<g class=\"bubble-item\"><circle class=\"bubble" + std::string(sel ? " selected" : "") + "\" data-candidate=\"" + html_escape(c.id) +
             "\" cx=\"" + num(x(value[i])) + "\" cy=\"" + num(y(risk[i])) + "\" r=\"" + num(radius) + "\">" +
             title(c.id + " " + c.name + "\nvalue " + num(value[i], 3) + ", risk " + num(risk[i], 2) + ", cost " + short_number(cost[i]) +
                   (solved ? (sel ? "\nselected" : "\nnot selected: " + std::string(to_string(d.selected->reason[i]))) : "")) +
             "</circle>" + text(x(value[i]), y(risk[i]) + 4, clip(c.id, 10), "bubble-label", "middle") + "</g>";
    }
    s += "<circle class=\"bubble selected\" cx=\"" + num(w - 180) + "\" cy=\"" + num(t + 8) + "\" r=\"6\"/>" + text(w - 170, t + 12, "selected", "legend");
    s += "<circle class=\"bubble\" cx=\"" + num(w - 100) + "\" cy=\"" + num(t + 8) + "\" r=\"6\"/>" + text(w - 90, t + 12, "not selected", "legend");
    return s + "</svg>";
}

std::string frontier_svg(const report::DashboardData& d) {
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
    std::string s = svg_open("frontier", w, h, "frontier", "Efficient frontier: best value for each total budget");
    for (double v : nice_ticks(x.d0, x.d1)) s += line(x(v), t, x(v), h - b, "grid") + text(x(v), h - b + 16, short_number(v), "tick", "middle");
    for (double v : nice_ticks(0, y.d1)) s += line(l, y(v), w - r, y(v), "grid") + text(l - 6, y(v) + 4, short_number(v), "tick", "end");
    s += text((l + w - r) / 2, h - 12, "total budget", "axis-label", "middle");
    s += "<text class=\"axis-label\" transform=\"translate(16," + num((t + h - b) / 2) + ") rotate(-90)\" text-anchor=\"middle\">value</text>";
    std::string pts;
    for (std::size_t k = 0; k < f.budget.size(); ++k) pts += num(x(f.budget[k].major())) + "," + num(y(f.value[k])) + " ";
    s += "<polyline class=\"frontier-line\" points=\"" + pts + "\"/>";
    for (std::size_t k = 0; k < f.budget.size(); ++k) {
        std::string moves;
        for (const auto& id : f.entering[k]) moves += " +" + id;
        for (const auto& id : f.leaving[k]) moves += " -" + id;
        s += "<circle class=\"frontier-point\" cx=\"" + num(x(f.budget[k].major())) + "\" cy=\"" + num(y(f.value[k])) + "\" r=\"5\">" +
             title("budget " + short_number(f.budget[k].major()) + ": value " + num(f.value[k], 3) + ", spend " + short_number(f.spend[k].major()) +
                   " (" + std::string(to_string(f.status[k])) + ")" + (moves.empty() ? "" : "\n" + moves)) + "</circle>";
    }
    if (current) {
        const double cx = x(current_budget), cy = y(d.selected->objective);
        s += "<path class=\"current-selection\" d=\"M" + num(cx) + "," + num(cy - 8) + " L" + num(cx + 8) + "," + num(cy) + " L" + num(cx) + "," +
             num(cy + 8) + " L" + num(cx - 8) + "," + num(cy) + " Z\">" + title("current selection: budget " + short_number(current_budget) + ", spend " + short_number(d.selected->total_spend.major()) +
             ", value " + num(d.selected->objective, 3)) + "</path>" + text(cx + 10, cy - 8, "current selection", "legend");
    }
    return s + "</svg>";
}

std::string heatmap_svg(const report::DashboardData& d) {
    if (d.risks.empty()) return {};
    const HeatMap map = heat_map(d.matrix, d.risks, true);
    const double cell = 72, l = 90, t = 20, w = l + 5 * cell + 20, h = t + 5 * cell + 50;
    std::string s = svg_open("heatmap", w, h, "heatmap", "Risk heat map: active risks by probability and impact (current assessment)");
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

std::string scurve_svg(const report::DashboardData& d, std::size_t k) {
    if (k >= d.scurves.size() || d.scurves[k].curves.period_end.empty()) return {};
    const auto& c = d.scurves[k].curves;
    const std::size_t n = c.period_end.size();
    double top_value = 0;
    for (std::size_t i = 0; i < n; ++i) top_value = std::max({top_value, c.pv[i].major(), c.ev[i].major(), c.ac[i].major()});
    const Instant lo = c.period_end.front() - Duration{7 * kMinutesPerDay}, hi = c.period_end.back();
    const double w = 760, h = 300, l = 70, r = 30, t = 24, b = 40;
    const LinearScale x{minutes(lo), minutes(hi), l, w - r};
    const LinearScale y{0.0, top_value * 1.1 + 1e-12, h - b, t};
    const std::string& pid = d.scurves[k].project.str();
    std::string s = svg_open("scurve-" + html_id(pid), w, h, "scurve", "EVM S-curves of project " + pid);
    for (double v : nice_ticks(0, y.d1, 4)) s += line(l, y(v), w - r, y(v), "grid") + text(l - 6, y(v) + 4, short_number(v), "tick", "end");
    for (const auto& tk : time_ticks(lo, hi)) s += line(x(minutes(tk.at)), t, x(minutes(tk.at)), h - b, "grid") + text(x(minutes(tk.at)), h - b + 16, tk.label, "tick", "middle");
    auto series = [&](const std::vector<Money>& v, bool actuals_only, const char* cls, const char* label) {
        std::string pts;
        for (std::size_t i = 0; i < n; ++i) {
            if (actuals_only && !c.has_actuals[i]) break;
            pts += num(x(minutes(c.period_end[i]))) + "," + num(y(v[i].major())) + " ";
        }
        if (pts.empty()) return std::string();
        return "<polyline class=\"" + std::string(cls) + "\" points=\"" + pts + "\">" + title(label) + "</polyline>";
    };
    s += series(c.pv, false, "pv", "PV: planned value (baseline)") + series(c.ev, true, "ev", "EV: earned value") + series(c.ac, true, "ac", "AC: actual cost");
    double lx = l + 10;
    for (auto [cls, label] : {std::pair{"pv", "PV"}, std::pair{"ev", "EV"}, std::pair{"ac", "AC"}}) {
        s += line(lx, t + 6, lx + 18, t + 6, std::string(cls) + " legend-line") + text(lx + 22, t + 10, label, "legend");
        lx += 60;
    }
    s += today_line(x, d.status_date, t, h - b);
    return s + "</svg>";
}

}  // namespace ppm::detail
