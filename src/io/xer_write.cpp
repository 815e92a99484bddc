// Primavera P6 XER writer (the subset the reader imports: PROJECT, CALENDAR, SCHEDOPTIONS, PROJWBS,
// TASK, TASKPRED, RSRC, RSRCRATE, TASKRSRC), tab-separated, Windows-1252. Summary tasks become WBS
// nodes; ids that are not numbers are numbered (P6 keys are integers). See docs/interchange.md.
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/schedule_output.hpp"
#include "ppm/io/xer.hpp"

namespace ppm {

namespace {

std::string xer_date(Instant t) {
    std::string s = detail::format_iso_datetime(t);  // 2026-03-02T08:00:00
    s[10] = ' ';
    return s.substr(0, 16);
}

std::string clean(std::string_view t) {
    std::string out(t);
    for (char& c : out)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
}

std::string hours(std::int64_t minutes) { return detail::format_double(static_cast<double>(minutes) / 60.0); }

/// Numeric keys: a numeric id keeps its value (after stripping `prefix`), others get fresh numbers.
class Keys {
public:
    explicit Keys(std::string prefix = {}) : prefix_(std::move(prefix)) {}
    void add(const std::string& id) { ids_.push_back(id); }
    void finish() {
        std::int64_t next = 1;
        for (const auto& id : ids_)
            if (const auto v = parse(id)) next = std::max(next, *v + 1);
        std::set<std::int64_t> used;
        for (const auto& id : ids_) {
            const auto v = parse(id);
            map_[id] = v && used.insert(*v).second ? std::to_string(*v) : std::to_string(next++);
        }
    }
    [[nodiscard]] std::string operator()(const std::string& id) const {
        const auto it = map_.find(id);
        return it == map_.end() ? std::string() : it->second;
    }

private:
    std::optional<std::int64_t> parse(const std::string& id) const {
        if (id.rfind(prefix_, 0) != 0) return std::nullopt;
        const auto v = detail::parse_int(std::string_view(id).substr(prefix_.size()));
        return v && *v >= 0 ? v : std::nullopt;
    }
    std::string prefix_;
    std::vector<std::string> ids_;
    std::map<std::string, std::string> map_;
};

struct Table {
    std::string name;
    std::vector<std::string> fields;
    std::vector<std::vector<std::string>> rows;
    void write(std::string& out) const {
        out += "%T\t" + name + "\n%F";
        for (const auto& f : fields) out += "\t" + f;
        out += "\n";
        for (const auto& r : rows) {
            out += "%R";
            for (const auto& v : r) out += "\t" + clean(v);
            out += "\n";
        }
    }
};

std::string day_xml(const DaySchedule& day) {
    std::string out;
    for (std::size_t i = 0; i < day.size(); ++i)
        out += "(0||" + std::to_string(i) + "(f|" + detail::format_time_of_day(day[i].finish).substr(0, 5) + "|s|" +
               detail::format_time_of_day(day[i].start).substr(0, 5) + ")())";
    return out;
}

// P6 writes all seven days of every calendar (base_clndr_id only shares holidays), and the reader
// takes an empty day as non-working: a day the model inherits from the base calendar (nullopt) is
// written as the base's day, else a derived calendar would lose its working time on the way back.
std::optional<DaySchedule> resolved_day(const Portfolio& pf, const Calendar& c, std::size_t weekday) {
    const Calendar* cal = &c;
    for (std::size_t depth = 0; cal && depth <= pf.calendars.size(); ++depth) {  // bounded: a base cycle ends here
        if (cal->week[weekday]) return cal->week[weekday];
        cal = cal->base ? pf.find_calendar(*cal->base) : nullptr;
    }
    return std::nullopt;
}

std::string clndr_data(const Portfolio& pf, const Calendar& c) {
    std::string out = "(0||CalendarData()((0||DaysOfWeek()(";
    for (int p6 = 1; p6 <= 7; ++p6) {
        const auto d = resolved_day(pf, c, static_cast<std::size_t>((p6 + 5) % 7));
        out += "(0||" + std::to_string(p6) + "()(" + (d ? day_xml(*d) : std::string()) + "))";
    }
    out += "))(0||Exceptions()(";
    std::size_t n = 0;
    const Date epoch = Date::from_ymd(1899, 12, 30);
    for (const auto& e : c.exceptions) {
        if (e.yearly) continue;
        for (Date d = e.from; d <= e.to; d = d + 1)
            out += "(0||" + std::to_string(n++) + "(d|" + std::to_string(d - epoch) + ")(" + day_xml(e.hours) + "))";
    }
    return out + "))))";
}

}  // namespace

ExportResult write_xer_with_warnings(const Portfolio& pf, std::string_view target_name) {
    std::vector<ImportWarning> warnings;
    auto warn = [&](std::string entity, std::string message) {
        warnings.push_back({.source = std::string(target_name), .line = 0, .entity = std::move(entity), .message = std::move(message)});
    };
    Keys cal_keys, res_keys, proj_keys("P"), task_keys, wbs_keys("WBS");
    for (const auto& c : pf.calendars) cal_keys.add(c.id.str());
    for (const auto& r : pf.resources) res_keys.add(r.id.str());
    std::set<std::string> summaries;
    for (const auto& p : pf.projects)
        for (const auto& t : p.tasks)
            if (t.parent) summaries.insert(t.parent->str());
    for (const auto& p : pf.projects) {
        proj_keys.add(p.id.str());
        wbs_keys.add("WBS-project-" + p.id.str());
        for (const auto& t : p.tasks) (summaries.count(t.id.str()) ? wbs_keys : task_keys).add(t.id.str());
    }
    cal_keys.finish(); res_keys.finish(); proj_keys.finish(); task_keys.finish(); wbs_keys.finish();

    Table project{"PROJECT", {"proj_id", "proj_short_name", "clndr_id", "plan_start_date", "last_recalc_date", "plan_end_date"}, {}};
    Table calendar{"CALENDAR", {"clndr_id", "default_flag", "clndr_name", "proj_id", "base_clndr_id", "clndr_type", "day_hr_cnt", "clndr_data"}, {}};
    Table options{"SCHEDOPTIONS", {"schedoptions_id", "proj_id", "sched_calendar_on_relationship_lag"}, {}};
    Table wbs{"PROJWBS", {"wbs_id", "proj_id", "seq_num", "proj_node_flag", "wbs_short_name", "wbs_name", "parent_wbs_id"}, {}};
    Table task{"TASK", {"task_id", "proj_id", "wbs_id", "clndr_id", "task_code", "task_name", "task_type", "status_code",
                        "target_drtn_hr_cnt", "remain_drtn_hr_cnt", "act_start_date", "act_end_date", "cstr_type", "cstr_date",
                        "cstr_type2", "cstr_date2", "priority_type", "complete_pct_type"}, {}};
    Table pred{"TASKPRED", {"task_pred_id", "task_id", "pred_task_id", "proj_id", "pred_proj_id", "pred_type", "lag_hr_cnt"}, {}};
    Table rsrc{"RSRC", {"rsrc_id", "rsrc_name", "rsrc_short_name", "clndr_id", "rsrc_type", "rsrc_notes"}, {}};
    Table rate{"RSRCRATE", {"rsrc_rate_id", "rsrc_id", "max_qty_per_hr", "cost_per_qty", "start_date"}, {}};
    Table assign{"TASKRSRC", {"taskrsrc_id", "task_id", "proj_id", "rsrc_id", "target_qty", "target_qty_per_hr", "act_reg_qty"}, {}};

    for (const auto& c : pf.calendars) {
        const std::string day = [&] {
            for (const auto& p : pf.projects)
                if (p.calendar == c.id) return detail::format_double(static_cast<double>(p.minutes_per_day) / 60.0);
            return std::string("8");
        }();
        calendar.rows.push_back({cal_keys(c.id.str()), pf.default_calendar == c.id ? "Y" : "N", c.name, "",
                                 c.base ? cal_keys(c.base->str()) : "", "CA_Base", day, clndr_data(pf, c)});
    }
    std::map<std::string, std::string> project_of_task;
    for (const auto& p : pf.projects)
        for (const auto& t : p.tasks) project_of_task[t.id.str()] = proj_keys(p.id.str());
    std::size_t link_no = 0, assign_no = 0;
    for (const auto& p : pf.projects) {
        const std::string pid = proj_keys(p.id.str());
        const auto cal = p.calendar ? p.calendar : pf.default_calendar;
        project.rows.push_back({pid, p.name.empty() ? p.id.str() : p.name, cal ? cal_keys(cal->str()) : "", xer_date(p.start),
                                p.status_date ? xer_date(*p.status_date) : "", p.deadline ? xer_date(*p.deadline) : ""});
        LagCalendar lc = LagCalendar::predecessor;
        for (const auto& t : p.tasks)
            if (!t.predecessors.empty()) { lc = t.predecessors.front().lag_calendar; break; }
        // P6 has one lag calendar per project (SCHEDOPTIONS) and lags in working hours on it.
        std::size_t other_calendar = 0, elapsed = 0;
        for (const auto& t : p.tasks)
            for (const auto& d : t.predecessors) {
                other_calendar += d.lag.amount.count() != 0 && d.lag_calendar != lc;
                elapsed += d.lag.unit == LagUnit::elapsed && d.lag.amount.count() != 0 && lc != LagCalendar::twenty_four_hour;
            }
        if (other_calendar)
            warn("project " + p.id.str(), std::to_string(other_calendar) +
                                              " links lag on another calendar than the project's first link: P6 has one relationship-lag "
                                              "calendar per project, their lags are measured on it");
        if (elapsed)
            warn("project " + p.id.str(), std::to_string(elapsed) +
                                              " elapsed lags written as working hours on the project's lag calendar (P6 has no elapsed lags)");
        static constexpr const char* kLag[] = {"rcal_Predecessor", "rcal_Successor", "rcal_ProjDefault", "rcal_24Hour"};
        options.rows.push_back({pid, pid, kLag[static_cast<int>(lc)]});
        const std::string root = wbs_keys("WBS-project-" + p.id.str());
        wbs.rows.push_back({root, pid, "0", "Y", p.id.str(), p.name, ""});
        std::size_t seq = 0;
        for (const auto& t : p.tasks) {
            const std::string parent_wbs = t.parent ? wbs_keys(t.parent->str()) : root;
            if (summaries.count(t.id.str())) {
                wbs.rows.push_back({wbs_keys(t.id.str()), pid, std::to_string(++seq), "N", t.id.str(), t.name, parent_wbs});
                continue;
            }
            // Each type to the P6 code of the same behaviour: MS Project's MSO/MFO are mandatory
            // when the project honours constraints, P6's "Start On"/"Finish On" when it does not.
            auto code_of = [&](const Constraint& c) -> std::string {
                static constexpr const char* kC[] = {"", "CS_ALAP", "CS_MSOA", "CS_MSOB", "CS_MEOA", "CS_MEOB",
                                                     "CS_MSO", "CS_MEO", "CS_MSO", "CS_MEO", "CS_MANDSTART", "CS_MANDFIN"};
                if (p.honor_constraints && c.type == ConstraintType::must_start_on) return "CS_MANDSTART";
                if (p.honor_constraints && c.type == ConstraintType::must_finish_on) return "CS_MANDFIN";
                return kC[static_cast<int>(c.type)];
            };
            const Constraint second = t.secondary_constraint.value_or(Constraint{});
            for (const Constraint* c : {&t.constraint, &second})
                if (p.honor_constraints && (c->type == ConstraintType::start_no_later_than || c->type == ConstraintType::finish_no_later_than))
                    warn("task " + t.id.str(), std::string(to_string(c->type)) +
                                                   " overrides logic in this project (honor_constraints) but P6's " + code_of(*c) +
                                                   " does not: written as " + code_of(*c) + ", logic will win in P6");
            const int pr = t.priority >= 875 ? 0 : t.priority >= 625 ? 1 : t.priority >= 375 ? 2 : t.priority >= 125 ? 3 : 4;
            static constexpr const char* kP[] = {"PT_Top", "PT_High", "PT_Normal", "PT_Low", "PT_Lowest"};
            // The remaining duration the model schedules with (docs/format.md, Progress): the reader
            // takes remain_drtn_hr_cnt as the re-estimate of a started task, so a task started with a
            // percent complete only must carry duration x (1 - percent/100), not its full duration.
            const std::int64_t remaining =
                t.progress.actual_finish ? 0
                : t.progress.remaining_duration ? t.progress.remaining_duration->count()
                : t.progress.actual_start ? std::llround(static_cast<double>(t.duration.count()) * (1.0 - t.progress.percent_complete / 100.0))
                                          : t.duration.count();
            std::string code = t.id.str();
            if (const auto it = t.custom.find("xer.task_code"); it != t.custom.end() && std::holds_alternative<std::string>(it->second))
                code = std::get<std::string>(it->second);
            const auto tc = t.calendar ? t.calendar : cal;
            task.rows.push_back({task_keys(t.id.str()), pid, parent_wbs, tc ? cal_keys(tc->str()) : "", code, t.name,
                                 t.milestone ? (t.predecessors.empty() ? "TT_Mile" : "TT_FinMile") : "TT_Task",
                                 t.progress.actual_finish ? "TK_Complete" : t.progress.actual_start ? "TK_Active" : "TK_NotStart",
                                 hours(t.duration.count()), hours(remaining),
                                 t.progress.actual_start ? xer_date(*t.progress.actual_start) : "",
                                 t.progress.actual_finish ? xer_date(*t.progress.actual_finish) : "",
                                 code_of(t.constraint), t.constraint.date ? xer_date(*t.constraint.date) : "",
                                 code_of(second), second.date ? xer_date(*second.date) : "",
                                 kP[pr], "CP_Drtn"});
            for (const auto& d : t.predecessors) {
                static constexpr const char* kT[] = {"PR_FS", "PR_SS", "PR_FF", "PR_SF"};
                std::int64_t lag = d.lag.amount.count();
                if (d.lag.unit == LagUnit::percent) {  // P6 has no percent lags: the share of the predecessor's duration
                    const Task* pt = pf.find_task(d.predecessor);
                    lag = pt ? static_cast<std::int64_t>(d.lag.percent / 100.0 * static_cast<double>(pt->duration.count()) + 0.5) : 0;
                }
                const std::string pred_task = summaries.count(d.predecessor.str()) ? wbs_keys(d.predecessor.str()) : task_keys(d.predecessor.str());
                pred.rows.push_back({std::to_string(++link_no), task_keys(t.id.str()), pred_task.empty() ? d.predecessor.str() : pred_task,
                                     pid, project_of_task.count(d.predecessor.str()) ? project_of_task[d.predecessor.str()] : pid,
                                     kT[static_cast<int>(d.type)], hours(lag)});
            }
            for (const auto& a : t.assignments) {
                const std::int64_t work = a.work ? a.work->count() : static_cast<std::int64_t>(static_cast<double>(t.duration.count()) * a.units);
                assign.rows.push_back({std::to_string(++assign_no), task_keys(t.id.str()), pid, res_keys(a.resource.str()), hours(work),
                                       detail::format_double(a.units), a.actual_work ? hours(a.actual_work->count()) : "0"});
            }
        }
    }
    std::size_t rate_no = 0;
    for (const auto& r : pf.resources) {
        rsrc.rows.push_back({res_keys(r.id.str()), r.name, r.id.str(), r.calendar ? cal_keys(r.calendar->str()) : "",
                             r.type == ResourceType::material ? "RT_Mat" : "RT_Labor", r.notes});
        for (const auto& cr : r.cost_rates)
            rate.rows.push_back({std::to_string(++rate_no), res_keys(r.id.str()), detail::format_double(r.max_units),
                                 detail::format_double(cr.standard_per_hour.major()), xer_date(cr.effective_from)});
    }
    std::string out = "ERMHDR\t20.12\t2026-01-01\tProject\tppm\tppm\tppm\tProject Management\tUSD\n";
    for (const Table* t : {&project, &calendar, &options, &wbs, &rsrc, &rate, &task, &pred, &assign}) t->write(out);
    out += "%E\n";
    return {detail::utf8_to_cp1252(out), std::move(warnings)};
}

std::string write_xer(const Portfolio& portfolio) { return write_xer_with_warnings(portfolio).text; }

std::vector<ImportWarning> write_xer_file_with_warnings(const Portfolio& portfolio, const std::filesystem::path& path) {
    ExportResult r = write_xer_with_warnings(portfolio, path.string());
    write_text_file(r.text, path);
    return std::move(r.warnings);
}

void write_xer_file(const Portfolio& portfolio, const std::filesystem::path& path) { (void)write_xer_file_with_warnings(portfolio, path); }

}  // namespace ppm
