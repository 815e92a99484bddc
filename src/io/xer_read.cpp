// Primavera P6 XER reader. Format: a tab-separated export (ERMHDR line; per table "%T name",
// "%F fields...", "%R values..." rows, "%E" at the end), Windows-1252 text. Calendar clndr_data is
// P6's nested "(0||name(attributes)(children))" notation; exception days are serial day numbers
// counted from 1899-12-30 (the OLE Automation date epoch). See docs/interchange.md for the mapping.
#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "detail/read_limits_check.hpp"
#include "detail/wbs_forest.hpp"
#include "detail/xer_table.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/text_file.hpp"
#include "ppm/io/xer.hpp"

namespace ppm {

namespace {

using detail::XerRow;
using detail::XerTable;

// ---- clndr_data -------------------------------------------------------------------------------

struct ClndrNode {
    std::string name;
    std::string attrs;
    std::vector<ClndrNode> children;
};

class ClndrParser {
public:
    explicit ClndrParser(std::string_view t) : t_(t) {}
    ClndrNode parse() {
        skip();
        ClndrNode n = node();
        return n;
    }

private:
    std::string_view t_;
    std::size_t i_ = 0;
    void skip() {
        while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\r' || t_[i_] == '\n' || t_[i_] == 0x7f)) ++i_;
    }
    void expect(char c) {
        skip();
        if (i_ >= t_.size() || t_[i_] != c) throw std::runtime_error(std::string("expected '") + c + "' at offset " + std::to_string(i_));
        ++i_;
    }
    ClndrNode node() {
        expect('(');
        ClndrNode n;
        std::string header;
        while (i_ < t_.size() && t_[i_] != '(') header += t_[i_++];
        const auto bar = header.rfind("||");
        n.name = std::string(detail::trim(bar == std::string::npos ? header : header.substr(bar + 2)));
        expect('(');
        while (i_ < t_.size() && t_[i_] != ')') n.attrs += t_[i_++];
        expect(')');
        expect('(');
        skip();
        while (i_ < t_.size() && t_[i_] == '(') {
            n.children.push_back(node());
            skip();
        }
        expect(')');
        expect(')');
        return n;
    }
};

std::map<std::string, std::string> attr_map(std::string_view attrs) {
    std::map<std::string, std::string> out;
    std::vector<std::string> parts;
    std::string cur;
    for (char c : attrs) {
        if (c == '|') { parts.push_back(cur); cur.clear(); } else cur += c;
    }
    parts.push_back(cur);
    for (std::size_t k = 0; k + 1 < parts.size(); k += 2) out[std::string(detail::trim(parts[k]))] = std::string(detail::trim(parts[k + 1]));
    return out;
}

const ClndrNode* find_node(const ClndrNode& n, std::string_view name) {
    if (n.name == name) return &n;
    for (const auto& c : n.children)
        if (const auto* f = find_node(c, name)) return f;
    return nullptr;
}

DaySchedule hours_of(const ClndrNode& day) {
    DaySchedule out;
    for (const auto& iv : day.children) {
        auto a = attr_map(iv.attrs);
        const auto s = detail::parse_time_of_day(a["s"], false);
        const auto f = detail::parse_time_of_day(a["f"], true);
        if (!s || !f) continue;
        if (*f <= *s) {
            out.push_back({*s, 1440});
            if (*f > 0 && *f < 1440) out.push_back({0, *f});
        } else {
            out.push_back({*s, *f});
        }
    }
    std::sort(out.begin(), out.end(), [](const WorkInterval& x, const WorkInterval& y) { return x.start < y.start; });
    DaySchedule merged;
    for (const auto& iv : out) {
        if (!merged.empty() && iv.start <= merged.back().finish) merged.back().finish = std::max(merged.back().finish, iv.finish);
        else merged.push_back(iv);
    }
    return merged;
}

// ---- reader -------------------------------------------------------------------------------------

class XerReader {
public:
    XerReader(std::string_view text, std::string source, const ReadLimits& limits)
        : source_(std::move(source)), limits_(limits) {
        split(detail::cp1252_to_utf8(text));
    }
    ImportResult run();

private:
    std::string source_;
    ReadLimits limits_;
    std::map<std::string, XerTable, std::less<>> tables_;
    std::vector<std::string> table_order_;
    ImportResult out_;

    void warn(std::int64_t line, std::string entity, std::string message) {
        out_.warnings.push_back({source_, line, std::move(entity), std::move(message)});
    }
    [[noreturn]] void fail(std::int64_t line, const std::string& what) { throw ParseError::unexpected(source_, line, 0, what); }

    void split(const std::string& text);
    const XerTable* table(std::string_view name) const {
        const auto it = tables_.find(name);
        return it == tables_.end() ? nullptr : &it->second;
    }
    double hours(const XerRow& r, std::string_view field) {
        const auto v = r[field];
        if (v.empty()) return 0.0;
        const auto d = detail::parse_double(v);
        if (!d) fail(r.line(), r.table().name + "." + std::string(field) + ": expected a number, got '" + std::string(v) + "'");
        return *d;
    }
    std::optional<Instant> date(const XerRow& r, std::string_view field) {
        const auto v = r[field];
        if (v.empty()) return std::nullopt;
        const auto d = detail::parse_iso_datetime(v);
        if (!d)
            fail(r.line(), r.table().name + "." + std::string(field) + ": " + detail::date_problem(v, "a date YYYY-MM-DD HH:MM") +
                               ", got '" + std::string(v) + "'");
        return d;
    }
    /// Keeps every field of the row not in `used` as "xer.<field>".
    static void keep(const XerRow& r, CustomFields& custom, std::initializer_list<std::string_view> used) {
        const auto& t = r.table();
        for (std::size_t c = 0; c < t.fields.size(); ++c) {
            const std::string& f = t.fields[c];
            if (std::find(used.begin(), used.end(), f) != used.end()) continue;
            const auto& row = t.rows[r.index()];
            if (c < row.size() && !row[c].empty()) custom["xer." + f] = row[c];
        }
    }
    /// A reference to a calendar (clndr_id, base_clndr_id) must name a CALENDAR row: P6 exports every
    /// calendar its rows use, so a missing one means a damaged file (the schedule would change).
    void check_calendar(const XerRow& r, std::string_view field, const std::string& entity) {
        const auto id = r[field];
        if (!id.empty() && !out_.portfolio.find_calendar(CalendarId(id)))
            fail(r.line(), entity + ": " + std::string(field) + " " + std::string(id) + " is not in CALENDAR");
    }
    void read_calendars();
    void read_resources();
    void read_projects();

    // State of read_projects(): per-project options, then the outline of WBS nodes and activities.
    /// A PROJWBS row (is_wbs) or a TASK row in the outline: the WBS forest with activities as leaves.
    struct OutlineNode {
        std::string id;
        bool is_wbs = false;
        std::size_t row = 0;   ///< row in PROJWBS or TASK
        std::int64_t seq = 0;  ///< seq_num (WBS) or row (activity): order among siblings
        std::vector<std::size_t> kids;
    };
    std::map<std::string, LagCalendar> lag_calendar_;       ///< proj_id -> SCHEDOPTIONS lag calendar
    std::map<std::string, CustomFields> schedule_options_;  ///< proj_id -> kept SCHEDOPTIONS fields
    std::map<std::string, std::size_t> project_index_;      ///< proj_id -> position in out_.portfolio.projects
    const XerTable* wbs_table_ = nullptr;   ///< PROJWBS
    const XerTable* task_table_ = nullptr;  ///< TASK
    std::vector<OutlineNode> nodes_;
    std::map<std::string, std::size_t> wbs_node_;                   ///< wbs_id -> node
    std::map<std::string, std::string> wbs_root_of_project_;        ///< proj_id -> wbs_id of its project node
    std::map<std::string, std::vector<std::size_t>> top_level_;     ///< proj_id -> nodes without WBS parent
    std::vector<std::ptrdiff_t> parent_of_;                         ///< node -> WBS parent node, -1 at the top
    std::vector<int> has_task_;                                     ///< node -> activities below: -1 unknown, 0 no, 1 yes

    void read_schedule_options();
    void read_project_rows(const XerTable& projects);
    void add_wbs_nodes();
    void attach_wbs_nodes();
    void add_task_nodes();
    void attach(std::size_t n, const std::string& parent_wbs, const std::string& proj);
    void check_outline() const;
    bool has_activities(std::size_t n);
    void emit_outline();
    void emit(std::size_t n, Project& p, std::optional<TaskId> parent);
    void emit_wbs(std::size_t n, Project& p, std::optional<TaskId> parent);
    void emit_activity(const OutlineNode& node, Project& p, std::optional<TaskId> parent);
    void read_activity_progress(const XerRow& r, const std::string& task, Task& t);
    void read_activity_constraints(const XerRow& r, const std::string& task, Task& t);
    std::optional<Constraint> activity_constraint(const XerRow& r, const std::string& task, std::string_view type_field,
                                                  std::string_view date_field);
    void read_links();
    void read_assignments();
};

void XerReader::split(const std::string& text) {
    std::int64_t line_no = 0;
    std::size_t pos = 0;
    XerTable* cur = nullptr;
    bool header = false, ended = false;
    std::int64_t last_line = 0;  // the last line that is not empty
    while (pos <= text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + pos, end - pos);
        pos = end + 1;
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty()) { if (end == text.size()) break; continue; }
        last_line = line_no;
        std::vector<std::string> cols;
        std::size_t s = 0;
        while (true) {
            const std::size_t tab = line.find('\t', s);
            cols.emplace_back(line.substr(s, tab == std::string_view::npos ? std::string_view::npos : tab - s));
            if (tab == std::string_view::npos) break;
            s = tab + 1;
        }
        if (!header) {
            if (cols[0] != "ERMHDR") fail(line_no, "an XER file starts with 'ERMHDR', got '" + std::string(line.substr(0, 20)) + "'");
            header = true;
            if (cols.size() > 1) out_.portfolio.custom["xer.version"] = cols[1];
            if (cols.size() > 8) out_.portfolio.custom["xer.currency"] = cols[8];
            continue;
        }
        if (cols[0] == "%T") {
            if (cols.size() < 2) fail(line_no, "%T without a table name");
            auto [it, fresh] = tables_.try_emplace(cols[1]);
            cur = &it->second;
            if (fresh) { cur->name = cols[1]; cur->line = line_no; table_order_.push_back(cols[1]); }
            cur->fields.clear();
        } else if (cols[0] == "%F") {
            if (!cur) fail(line_no, "%F before any %T table");
            cur->fields.assign(cols.begin() + 1, cols.end());
        } else if (cols[0] == "%R") {
            if (!cur || cur->fields.empty()) fail(line_no, "%R row before its table's %F field list");
            cols.erase(cols.begin());
            // Fewer values than fields is what P6 8.2 writes (it drops trailing empty values: they
            // read as empty); more cannot be placed.
            if (cols.size() > cur->fields.size())
                fail(line_no, cur->name + ": row has " + std::to_string(cols.size()) + " values, its %F line lists " +
                                  std::to_string(cur->fields.size()) + " fields");
            // A repeated table (same name, new %F) keeps rows aligned to its own fields.
            if (cols.size() < cur->fields.size()) cols.resize(cur->fields.size());
            std::vector<std::string> aligned(tables_[cur->name].fields.size());
            for (std::size_t k = 0; k < cur->fields.size() && k < cols.size(); ++k) aligned[k] = cols[k];
            cur->rows.push_back(std::move(aligned));
            cur->lines.push_back(line_no);
        } else if (cols[0] == "%E") {
            ended = true;
            break;
        } else {
            fail(line_no, "expected a line starting with %T, %F, %R or %E, got '" + std::string(line.substr(0, 20)) + "'");
        }
        if (end == text.size()) break;
    }
    if (!header) fail(1, "an XER file starts with 'ERMHDR' (empty file)");
    // P6 ends every export with %E: without it the file was cut short, maybe inside the last row,
    // whose missing values would otherwise read as empty.
    if (!ended) fail(last_line, "no %E line after the last row: the file is truncated");
}

void XerReader::read_calendars() {
    const XerTable* t = table("CALENDAR");
    if (!t) return;
    for (std::size_t i = 0; i < t->rows.size(); ++i) {
        const XerRow r(*t, i);
        Calendar cal;
        cal.id = CalendarId(r["clndr_id"]);
        cal.name = std::string(r["clndr_name"]);
        if (!r["base_clndr_id"].empty()) cal.base = CalendarId(r["base_clndr_id"]);
        keep(r, cal.custom, {"clndr_id", "clndr_name", "base_clndr_id", "clndr_data"});
        const std::string data(r["clndr_data"]);
        bool ok = false;
        if (!data.empty()) {
            try {
                const ClndrNode root = ClndrParser(data).parse();
                if (const auto* week = find_node(root, "DaysOfWeek")) {
                    for (const auto& day : week->children) {
                        const auto n = detail::parse_int(day.name);
                        if (!n || *n < 1 || *n > 7) continue;
                        cal.week[static_cast<std::size_t>((*n + 5) % 7)] = hours_of(day);  // 1 = Sunday
                    }
                }
                if (const auto* ex = find_node(root, "Exceptions")) {
                    for (const auto& e : ex->children) {
                        auto a = attr_map(e.attrs);
                        const auto serial = detail::parse_int(a["d"]);
                        if (!serial) continue;
                        const Date d = Date::from_ymd(1899, 12, 30) + static_cast<std::int32_t>(*serial);
                        cal.exceptions.push_back({"", d, d, hours_of(e), false});
                    }
                }
                ok = true;
            } catch (const std::exception& e) {
                warn(r.line(), "calendar " + cal.id.str(), std::string("malformed clndr_data (") + e.what() +
                                                             "): standard week used, text kept as xer.clndr_data");
                cal.custom["xer.clndr_data"] = data;
            }
        }
        if (!ok || std::all_of(cal.week.begin(), cal.week.end(), [](const auto& d) { return !d; })) {
            if (ok) warn(r.line(), "calendar " + cal.id.str(), "no week days in clndr_data: standard Mon-Fri 08:00-16:00 used");
            const Calendar std_cal = Calendar::standard(cal.id, {{480, 960}});
            cal.week = std_cal.week;
        }
        out_.portfolio.calendars.push_back(std::move(cal));
    }
    for (std::size_t i = 0; i < t->rows.size(); ++i) {
        const XerRow r(*t, i);
        check_calendar(r, "base_clndr_id", "CALENDAR " + std::string(r["clndr_id"]));
    }
}

void XerReader::read_resources() {
    const XerTable* t = table("RSRC");
    if (!t) return;
    for (std::size_t i = 0; i < t->rows.size(); ++i) {
        const XerRow r(*t, i);
        Resource res;
        res.id = ResourceId(r["rsrc_id"]);
        res.name = std::string(r["rsrc_name"]);
        const auto type = r["rsrc_type"];
        res.type = type == "RT_Mat" ? ResourceType::material : ResourceType::work;
        if (!r["clndr_id"].empty()) res.calendar = CalendarId(r["clndr_id"]);
        res.notes = std::string(r["rsrc_notes"]);
        keep(r, res.custom, {"rsrc_id", "rsrc_name", "clndr_id", "rsrc_notes"});
        check_calendar(r, "clndr_id", "RSRC " + res.id.str());
        out_.portfolio.resources.push_back(std::move(res));
    }
    if (const XerTable* rates = table("RSRCRATE")) {
        for (std::size_t i = 0; i < rates->rows.size(); ++i) {
            const XerRow r(*rates, i);
            Resource* res = nullptr;
            for (auto& x : out_.portfolio.resources)
                if (x.id.str() == r["rsrc_id"]) res = &x;
            if (!res) fail(r.line(), "RSRCRATE " + std::string(r["rsrc_rate_id"]) + ": rsrc_id " + std::string(r["rsrc_id"]) + " is not in RSRC");
            CostRate cr;
            cr.effective_from = date(r, "start_date").value_or(Instant::from_ymd_hm(1970, 1, 1));
            cr.standard_per_hour = Money::from_major(hours(r, "cost_per_qty"));
            const std::string prefix = "xer.rate" + std::to_string(res->cost_rates.size()) + ".";
            for (const char* f : {"cost_per_qty2", "cost_per_qty3", "cost_per_qty4", "cost_per_qty5", "max_qty_per_hr", "rsrc_rate_id"})
                if (!r[f].empty()) res->custom[prefix + f] = std::string(r[f]);
            if (res->cost_rates.empty() && !r["max_qty_per_hr"].empty()) res->max_units = hours(r, "max_qty_per_hr");
            if (!r["max_qty_per_hr"].empty())
                res->availability.push_back({cr.effective_from, Instant::from_ymd_hm(2100, 1, 1), hours(r, "max_qty_per_hr")});
            res->cost_rates.push_back(cr);
        }
        for (auto& res : out_.portfolio.resources) {
            std::sort(res.availability.begin(), res.availability.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
            for (std::size_t k = 0; k + 1 < res.availability.size(); ++k) res.availability[k].to = res.availability[k + 1].from;
        }
    }
}

void XerReader::read_projects() {
    const XerTable* projects = table("PROJECT");
    if (!projects) fail(1, "no PROJECT table");
    read_schedule_options();       // SCHEDOPTIONS: lag calendar and kept options per project
    read_project_rows(*projects);  // PROJECT: one model project per row
    add_wbs_nodes();               // PROJWBS rows as outline nodes (wbs_id unique)
    attach_wbs_nodes();            // each WBS node under its parent WBS node, or at its project's top
    add_task_nodes();              // TASK rows as outline leaves (task_id unique)
    check_outline();               // a forest: no cycles, no outline deeper than the limits
    emit_outline();                // tasks of each project in outline order (depth first by seq_num)
    read_links();                  // TASKPRED
    read_assignments();            // TASKRSRC
}

/// Scheduling options per project: the lag calendar (kept for the links) and every other field.
void XerReader::read_schedule_options() {
    const XerTable* so = table("SCHEDOPTIONS");
    if (!so) return;
    for (std::size_t i = 0; i < so->rows.size(); ++i) {
        const XerRow r(*so, i);
        const auto v = r["sched_calendar_on_relationship_lag"];
        LagCalendar lc = LagCalendar::predecessor;
        if (v == "rcal_Successor") lc = LagCalendar::successor;
        else if (v == "rcal_ProjDefault") lc = LagCalendar::project;
        else if (v == "rcal_24Hour") lc = LagCalendar::twenty_four_hour;
        else if (!v.empty() && v != "rcal_Predecessor") warn(r.line(), "SCHEDOPTIONS", "unknown lag calendar '" + std::string(v) + "': predecessor used");
        lag_calendar_[std::string(r["proj_id"])] = lc;
        CustomFields c;
        keep(r, c, {"proj_id", "schedoptions_id"});
        auto& dst = schedule_options_[std::string(r["proj_id"])];
        for (auto& [k, val] : c) dst["xer.sched." + k.substr(4)] = val;
    }
}

void XerReader::read_project_rows(const XerTable& projects) {
    for (std::size_t i = 0; i < projects.rows.size(); ++i) {
        const XerRow r(projects, i);
        Project p;
        p.honor_constraints = false;  // P6: logic wins over every constraint but the mandatory ones
        p.id = ProjectId("P" + std::string(r["proj_id"]));
        p.name = std::string(r["proj_short_name"]);
        p.start = date(r, "plan_start_date").value_or(Instant{});
        if (!r["clndr_id"].empty()) p.calendar = CalendarId(r["clndr_id"]);
        check_calendar(r, "clndr_id", "PROJECT " + std::string(r["proj_id"]));
        p.status_date = date(r, "last_recalc_date");
        p.deadline = date(r, "plan_end_date");
        keep(r, p.custom, {"proj_id", "proj_short_name", "plan_start_date", "clndr_id", "last_recalc_date", "plan_end_date"});
        for (auto& [k, v] : schedule_options_[std::string(r["proj_id"])]) p.custom[k] = v;
        if (p.calendar) {
            if (const Calendar* c = out_.portfolio.find_calendar(*p.calendar))
                if (const auto it = c->custom.find("xer.day_hr_cnt"); it != c->custom.end())
                    if (const auto h = detail::parse_double(std::get<std::string>(it->second)); h && *h > 0)
                        p.minutes_per_day = static_cast<std::int64_t>(*h * 60.0 + 0.5);
        }
        project_index_[std::string(r["proj_id"])] = out_.portfolio.projects.size();
        out_.portfolio.projects.push_back(std::move(p));
    }
}

void XerReader::add_wbs_nodes() {
    wbs_table_ = table("PROJWBS");
    if (wbs_table_) {
        const XerTable& wt = *wbs_table_;
        for (std::size_t i = 0; i < wt.rows.size(); ++i) {
            const XerRow r(wt, i);
            if (r["proj_node_flag"] == "Y") wbs_root_of_project_[std::string(r["proj_id"])] = std::string(r["wbs_id"]);
            const auto [at, fresh] = wbs_node_.emplace(std::string(r["wbs_id"]), nodes_.size());
            if (!fresh)
                fail(r.line(), "PROJWBS: wbs_id " + std::string(r["wbs_id"]) + " appears twice (first at line " +
                                   std::to_string(XerRow(wt, nodes_[at->second].row).line()) + ")");
            nodes_.push_back({std::string(r["wbs_id"]), true, i, detail::parse_int(r["seq_num"]).value_or(0), {}});
        }
    }
    task_table_ = table("TASK");
    parent_of_.assign(nodes_.size(), -1);  // WBS forest, checked before the outline is emitted
}

/// Node `n` under the WBS node `parent_wbs`, or at the top of project `proj` when that is its
/// project node or not in PROJWBS.
void XerReader::attach(std::size_t n, const std::string& parent_wbs, const std::string& proj) {
    const auto it = wbs_node_.find(parent_wbs);
    if (it != wbs_node_.end() && wbs_root_of_project_[proj] != parent_wbs) {
        nodes_[it->second].kids.push_back(n);
        parent_of_[n] = static_cast<std::ptrdiff_t>(it->second);
    } else {
        top_level_[proj].push_back(n);
    }
}

void XerReader::attach_wbs_nodes() {
    if (!wbs_table_) return;
    for (std::size_t i = 0; i < wbs_table_->rows.size(); ++i) {
        const XerRow r(*wbs_table_, i);
        if (r["proj_node_flag"] == "Y") continue;
        if (!project_index_.count(std::string(r["proj_id"])))
            fail(r.line(), "PROJWBS " + std::string(r["wbs_id"]) + ": proj_id " + std::string(r["proj_id"]) + " is not in PROJECT");
        attach(wbs_node_[std::string(r["wbs_id"])], std::string(r["parent_wbs_id"]), std::string(r["proj_id"]));
    }
}

void XerReader::add_task_nodes() {
    if (!task_table_) return;
    const XerTable& tt = *task_table_;
    std::map<std::string, std::size_t> task_row;  // task_id -> row
    for (std::size_t i = 0; i < tt.rows.size(); ++i) {
        const XerRow r(tt, i);
        const std::size_t n = nodes_.size();
        nodes_.push_back({std::string(r["task_id"]), false, i, static_cast<std::int64_t>(i), {}});
        parent_of_.push_back(-1);
        if (const auto [at, fresh] = task_row.emplace(std::string(r["task_id"]), i); !fresh)
            fail(r.line(), "TASK: task_id " + std::string(r["task_id"]) + " appears twice (first at line " +
                               std::to_string(XerRow(tt, at->second).line()) + ")");
        if (!project_index_.count(std::string(r["proj_id"])))
            fail(r.line(), "TASK " + std::string(r["task_id"]) + ": proj_id " + std::string(r["proj_id"]) + " is not in PROJECT");
        attach(n, std::string(r["wbs_id"]), std::string(r["proj_id"]));
    }
}

void XerReader::check_outline() const {
    detail::check_wbs_forest(
        parent_of_, [&](std::size_t n) { return nodes_[n].id; },
        [&](std::size_t n) { return XerRow(nodes_[n].is_wbs ? *wbs_table_ : *task_table_, nodes_[n].row).line(); }, source_,
        "PROJWBS", limits_);
}

/// Whether any activity is below node `n` (an activity itself counts); memoised in has_task_.
bool XerReader::has_activities(std::size_t n) {
    if (has_task_[n] >= 0) return has_task_[n] != 0;
    has_task_[n] = 0;
    bool any = !nodes_[n].is_wbs;
    for (auto k : nodes_[n].kids) any = has_activities(k) || any;
    has_task_[n] = any ? 1 : 0;
    return any;
}

void XerReader::emit_outline() {
    has_task_.assign(nodes_.size(), -1);
    for (auto& [proj, list] : top_level_) {
        Project& p = out_.portfolio.projects[project_index_.count(proj) ? project_index_[proj] : 0];
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            if (nodes_[a].is_wbs != nodes_[b].is_wbs) return !nodes_[a].is_wbs;
            return nodes_[a].seq < nodes_[b].seq;
        });
        for (auto n : list) emit(n, p, std::nullopt);
    }
}

void XerReader::emit(std::size_t n, Project& p, std::optional<TaskId> parent) {
    if (nodes_[n].is_wbs) emit_wbs(n, p, std::move(parent));
    else emit_activity(nodes_[n], p, std::move(parent));
}

/// A WBS node with activities below it: a summary task, then its children (activities first).
void XerReader::emit_wbs(std::size_t n, Project& p, std::optional<TaskId> parent) {
    OutlineNode& node = nodes_[n];
    const XerRow r(*wbs_table_, node.row);
    if (!has_activities(n)) {
        warn(r.line(), "WBS " + node.id, "WBS node '" + std::string(r["wbs_name"]) + "' has no activities: not imported as a task");
        return;
    }
    Task t;
    t.id = TaskId("WBS" + node.id);
    t.name = std::string(r["wbs_name"]);
    t.parent = parent;
    t.custom["xer.kind"] = std::string("WBS");
    keep(r, t.custom, {"wbs_name", "parent_wbs_id"});
    const TaskId me = t.id;
    p.tasks.push_back(std::move(t));
    std::sort(node.kids.begin(), node.kids.end(), [&](std::size_t a, std::size_t b) {
        if (nodes_[a].is_wbs != nodes_[b].is_wbs) return !nodes_[a].is_wbs;  // activities first, as P6 lists
        return nodes_[a].seq < nodes_[b].seq;
    });
    for (auto k : node.kids) emit(k, p, me);
}

/// A TASK row: the model task with its calendar, duration, progress, constraints and priority.
void XerReader::emit_activity(const OutlineNode& node, Project& p, std::optional<TaskId> parent) {
    const XerRow r(*task_table_, node.row);
    Task t;
    t.id = TaskId(node.id);
    t.name = std::string(r["task_name"]);
    t.parent = parent;
    if (!r["clndr_id"].empty()) t.calendar = CalendarId(r["clndr_id"]);
    check_calendar(r, "clndr_id", "TASK " + node.id);
    read_activity_progress(r, node.id, t);
    read_activity_constraints(r, node.id, t);
    static const std::map<std::string_view, int> kPriority = {
        {"PT_Top", 1000}, {"PT_High", 750}, {"PT_Normal", 500}, {"PT_Low", 250}, {"PT_Lowest", 0}};
    if (const auto it = kPriority.find(r["priority_type"]); it != kPriority.end()) t.priority = it->second;
    keep(r, t.custom, {"task_id", "task_name", "clndr_id", "target_drtn_hr_cnt", "act_start_date", "act_end_date",
                       "cstr_type", "cstr_date", "cstr_type2", "cstr_date2", "priority_type", "wbs_id"});
    p.tasks.push_back(std::move(t));
}

/// Planned duration (milestones none), actual dates, remaining duration and % complete.
void XerReader::read_activity_progress(const XerRow& r, const std::string& task, Task& t) {
    const double target = hours(r, "target_drtn_hr_cnt");
    const double remain = hours(r, "remain_drtn_hr_cnt");
    t.duration = Duration{static_cast<std::int64_t>(target * 60.0 + 0.5)};
    const auto type = r["task_type"];
    if (type == "TT_Mile" || type == "TT_FinMile") {
        t.milestone = true;
        t.duration = Duration{};
    }
    if (type == "TT_LOE" || type == "TT_WBS")
        warn(r.line(), "task " + task, std::string(type) + " activity scheduled as a normal task with its planned duration");
    t.progress.actual_start = date(r, "act_start_date");
    t.progress.actual_finish = date(r, "act_end_date");
    if (t.progress.actual_start && !t.progress.actual_finish)
        t.progress.remaining_duration = Duration{static_cast<std::int64_t>(remain * 60.0 + 0.5)};
    // Duration % complete (what the model schedules with); P6's activity % of the task's type is kept.
    if (t.progress.actual_finish) t.progress.percent_complete = 100.0;
    else if (t.progress.actual_start && target > 0) t.progress.percent_complete = std::clamp((target - remain) / target * 100.0, 0.0, 100.0);
    const auto pct_type = r["complete_pct_type"];
    double activity_pct = t.progress.percent_complete;
    if (pct_type == "CP_Phys") activity_pct = hours(r, "phys_complete_pct");
    else if (pct_type == "CP_Units") {
        const double act = hours(r, "act_work_qty"), rem = hours(r, "remain_work_qty");
        activity_pct = act + rem > 0 ? act / (act + rem) * 100.0 : (t.progress.actual_finish ? 100.0 : 0.0);
    }
    t.custom["xer.activity_percent_complete"] = activity_pct;
}

/// The primary and secondary constraints (CS_ALAP only as primary).
void XerReader::read_activity_constraints(const XerRow& r, const std::string& task, Task& t) {
    if (const auto c = activity_constraint(r, task, "cstr_type", "cstr_date")) t.constraint = *c;
    t.secondary_constraint = activity_constraint(r, task, "cstr_type2", "cstr_date2");
    if (t.secondary_constraint && t.secondary_constraint->type == ConstraintType::as_late_as_possible) {
        warn(r.line(), "task " + task, "secondary constraint CS_ALAP ignored (ALAP is a primary constraint)");
        t.secondary_constraint.reset();
    }
}

/// P6's constraint codes (Oracle P6 help, "Working with activity constraints"): only the
/// mandatory ones override logic; the project is read with honor_constraints off.
std::optional<Constraint> XerReader::activity_constraint(const XerRow& r, const std::string& task, std::string_view type_field,
                                                      std::string_view date_field) {
    static const std::map<std::string_view, ConstraintType> kCstr = {
        {"CS_ALAP", ConstraintType::as_late_as_possible}, {"CS_MSO", ConstraintType::start_on},
        {"CS_MEO", ConstraintType::finish_on},            {"CS_MSOA", ConstraintType::start_no_earlier_than},
        {"CS_MSOB", ConstraintType::start_no_later_than}, {"CS_MEOA", ConstraintType::finish_no_earlier_than},
        {"CS_MEOB", ConstraintType::finish_no_later_than}, {"CS_MANDSTART", ConstraintType::mandatory_start},
        {"CS_MANDFIN", ConstraintType::mandatory_finish}};
    const auto cstr = r[type_field];
    if (cstr.empty() || cstr == "CS_ASAP") return std::nullopt;
    const auto it = kCstr.find(cstr);
    if (it == kCstr.end()) {
        warn(r.line(), "task " + task, "unknown constraint " + std::string(type_field) + " '" + std::string(cstr) + "' ignored");
        return std::nullopt;
    }
    Constraint c{.type = it->second, .date = date(r, date_field)};
    if (!c.date && it->second != ConstraintType::as_late_as_possible) {
        warn(r.line(), "task " + task, "constraint " + std::string(cstr) + " without " + std::string(date_field) + " ignored");
        return std::nullopt;
    }
    return c;
}

/// TASKPRED: links, their lag in working hours on the project's lag calendar.
void XerReader::read_links() {
    const XerTable* lt = table("TASKPRED");
    if (!lt) return;
    for (std::size_t i = 0; i < lt->rows.size(); ++i) {
        const XerRow r(*lt, i);
        const std::string succ(r["task_id"]), pred(r["pred_task_id"]);
        Task* s = out_.portfolio.find_task(TaskId(succ));
        if (!s) fail(r.line(), "TASKPRED " + std::string(r["task_pred_id"]) + ": task_id " + succ + " is not in TASK");
        if (!out_.portfolio.find_task(TaskId(pred)))
            warn(r.line(), "task " + succ, "predecessor " + pred + " is not in this file (external link): kept, needs the other project");
        Dependency d;
        d.predecessor = TaskId(pred);
        const auto type = r["pred_type"];
        if (type == "PR_FS" || type.empty()) d.type = LinkType::finish_start;
        else if (type == "PR_SS") d.type = LinkType::start_start;
        else if (type == "PR_FF") d.type = LinkType::finish_finish;
        else if (type == "PR_SF") d.type = LinkType::start_finish;
        else fail(r.line(), "TASKPRED.pred_type: expected PR_FS, PR_SS, PR_FF or PR_SF, got '" + std::string(type) + "'");
        d.lag.unit = LagUnit::working;
        const double lag_h = hours(r, "lag_hr_cnt");
        d.lag.amount = Duration{static_cast<std::int64_t>(lag_h * 60.0 + (lag_h >= 0 ? 0.5 : -0.5))};
        const auto lc = lag_calendar_.find(std::string(r["proj_id"]));
        d.lag_calendar = lc == lag_calendar_.end() ? LagCalendar::predecessor : lc->second;
        keep(r, d.custom, {"task_id", "pred_task_id", "pred_type", "lag_hr_cnt"});
        s->predecessors.push_back(std::move(d));
    }
}

/// TASKRSRC: assignments of resources (role-only ones are skipped).
void XerReader::read_assignments() {
    const XerTable* at = table("TASKRSRC");
    if (!at) return;
    for (std::size_t i = 0; i < at->rows.size(); ++i) {
        const XerRow r(*at, i);
        Task* t = out_.portfolio.find_task(TaskId(r["task_id"]));
        const std::string entity = "assignment " + std::string(r["taskrsrc_id"]);
        if (!t) fail(r.line(), "TASKRSRC " + std::string(r["taskrsrc_id"]) + ": task_id " + std::string(r["task_id"]) + " is not in TASK");
        if (r["rsrc_id"].empty()) {
            warn(r.line(), entity, "role-only assignment (role " + std::string(r["role_id"]) + ") skipped");
            continue;
        }
        if (!out_.portfolio.find_resource(ResourceId(r["rsrc_id"])))
            fail(r.line(), "TASKRSRC " + std::string(r["taskrsrc_id"]) + ": rsrc_id " + std::string(r["rsrc_id"]) + " is not in RSRC");
        Assignment a;
        a.resource = ResourceId(r["rsrc_id"]);
        if (!r["target_qty_per_hr"].empty()) a.units = hours(r, "target_qty_per_hr");
        a.work = Duration{static_cast<std::int64_t>(hours(r, "target_qty") * 60.0 + 0.5)};
        const double actual = hours(r, "act_reg_qty") + hours(r, "act_ot_qty");
        if (actual > 0) a.actual_work = Duration{static_cast<std::int64_t>(actual * 60.0 + 0.5)};
        keep(r, a.custom, {"task_id", "rsrc_id", "target_qty_per_hr", "target_qty"});
        t->assignments.push_back(std::move(a));
    }
}

ImportResult XerReader::run() {
    read_calendars();
    read_resources();
    read_projects();
    static const std::set<std::string, std::less<>> kImported = {"PROJECT", "CALENDAR", "SCHEDOPTIONS", "PROJWBS", "TASK",
                                                                 "TASKPRED", "RSRC", "RSRCRATE", "TASKRSRC"};
    for (const auto& name : table_order_) {
        const XerTable& t = tables_.at(name);
        if (!kImported.count(name) && !t.rows.empty())
            warn(t.line, "table " + name, "table " + name + " (" + std::to_string(t.rows.size()) + " rows) not imported");
    }
    auto& pf = out_.portfolio;
    const std::string stem = std::filesystem::path(source_).stem().string();
    pf.id = PortfolioId(stem.empty() || stem == "<input>" ? "xer" : stem);
    pf.name = pf.projects.size() == 1 ? pf.projects[0].name : pf.id.str();
    if (!pf.projects.empty()) {
        pf.default_calendar = pf.projects[0].calendar;
        pf.status_date = pf.projects[0].status_date;
    }
    if (!pf.default_calendar)
        for (const auto& c : pf.calendars)
            if (const auto it = c.custom.find("xer.default_flag"); it != c.custom.end() && std::get<std::string>(it->second) == "Y")
                pf.default_calendar = c.id;
    return std::move(out_);
}

}  // namespace

ImportResult read_xer(std::string_view text, std::string_view source_name) {
    return read_xer(text, source_name, ReadLimits{});
}

ImportResult read_xer(std::string_view text, std::string_view source_name, const ReadLimits& limits) {
    const std::string source(source_name);
    detail::check_text_lines(text, source, limits, "\t");
    XerReader r(text, source, limits);
    ImportResult out = r.run();
    detail::check_tasks(out.portfolio, source, limits);
    return out;
}

ImportResult read_xer_file(const std::filesystem::path& path) { return read_xer_file(path, ReadLimits{}); }

ImportResult read_xer_file(const std::filesystem::path& path, const ReadLimits& limits) {
    detail::check_file_size(path, limits);
    return read_xer(read_text_file(path), path.string(), limits);
}

}  // namespace ppm
