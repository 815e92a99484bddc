// MSPDI reader: Microsoft Project XML Data Interchange (Project 2002-2019; Project 2013 schema
// mspdi_pj15.xsd). Tolerant by design: children are looked up by name, so element order and missing
// header fields do not matter. Recurring calendar exceptions (Project 2007+ <Exceptions>) are expanded
// into dated exceptions following MS Project's recurrence rules (weeks start on Sunday; "last" =
// MonthPosition 4). See docs/interchange.md for the field mapping.
#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "detail/mspdi_common.hpp"
#include "detail/mspdi_schema.hpp"
#include "detail/xml_doc.hpp"
#include "detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/mspdi.hpp"
#include "ppm/io/text_file.hpp"

namespace ppm {

namespace {

using detail::child;
using detail::child_text;
using detail::local_name;

void append_text(CustomFields& custom, const std::string& key, const std::string& text) {
    auto& v = custom[key];
    if (auto* s = std::get_if<std::string>(&v)) *s += text;
    else v = text;
}

/// Re-emits `el` with its children in schema order; returns the names of children the schema lacks.
template <std::size_t N>
std::string schema_ordered(pugi::xml_node el, const std::string_view (&order)[N], std::vector<std::string>& dropped) {
    std::string out = "<" + std::string(local_name(el)) + ">";
    for (const auto name : order)
        for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling())
            if (c.type() == pugi::node_element && local_name(c) == name) out += detail::outer_xml(c);
    for (pugi::xml_node c = el.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        if (std::find(std::begin(order), std::end(order), local_name(c)) == std::end(order)) dropped.emplace_back(local_name(c));
    }
    return out + "</" + std::string(local_name(el)) + ">";
}

class Reader {
public:
    Reader(std::string_view text, std::string source, const ReadLimits& limits)
        : doc_(text, std::move(source), limits) {}

    ImportResult run();

private:
    detail::XmlDoc doc_;
    ImportResult out_;
    std::map<std::string, std::string, std::less<>> field_names_;  // FieldID -> FieldName
    std::map<std::string, std::string, std::less<>> field_aliases_;
    std::int64_t minutes_per_day_ = 480;
    std::int64_t minutes_per_week_ = 2400;
    int default_duration_format_ = 7;

    void warn(pugi::xml_node n, std::string entity, std::string message) {
        out_.warnings.push_back({doc_.source(), doc_.line(n), std::move(entity), std::move(message)});
    }
    [[noreturn]] void fail(pugi::xml_node n, const std::string& what) {
        throw ParseError::unexpected(doc_.source(), doc_.line(n), 0, what);
    }
    Instant instant(pugi::xml_node el) {
        const auto v = detail::parse_iso_datetime(el.child_value());
        if (!v)
            fail(el, "<" + std::string(local_name(el)) + ">: " + detail::date_problem(el.child_value(), "a date-time YYYY-MM-DDTHH:MM:SS") +
                         ", got '" + std::string(el.child_value()) + "'");
        return *v;
    }
    std::int64_t integer(pugi::xml_node el) {
        const auto v = detail::parse_int(el.child_value());
        if (!v) fail(el, "<" + std::string(local_name(el)) + ">: expected an integer, got '" + std::string(el.child_value()) + "'");
        return *v;
    }
    double number(pugi::xml_node el) {
        const auto v = detail::parse_double(el.child_value());
        if (!v) fail(el, "<" + std::string(local_name(el)) + ">: expected a number, got '" + std::string(el.child_value()) + "'");
        return *v;
    }
    std::int64_t duration(pugi::xml_node el) {
        const auto v = detail::parse_iso_duration(el.child_value());
        if (!v) fail(el, "<" + std::string(local_name(el)) + ">: expected an ISO 8601 duration like PT8H0M0S, got '" +
                         std::string(el.child_value()) + "'");
        return *v;
    }
    /// Keeps an element not mapped to the model: scalar text as "mspdi.<Name>", complex as raw XML.
    void keep(CustomFields& custom, pugi::xml_node el, const std::string& prefix = "mspdi.") {
        const std::string name(local_name(el));
        if (name == "OutlineCode") {
            std::vector<std::string> dropped;
            append_text(custom, prefix + "xml." + name, schema_ordered(el, detail::kMspdiOutlineCodeRefOrder, dropped));
            for (const auto& x : dropped) warn(el, "outline code", "<" + x + "> is not in the Project 2013 schema: not kept");
            return;
        }
        if (detail::has_element_children(el)) append_text(custom, prefix + "xml." + name, detail::outer_xml(el));
        else custom[prefix + name] = std::string(detail::trim(el.child_value()));
    }

    void read_header(pugi::xml_node root, Project& project);
    void read_extended_attribute_definitions(pugi::xml_node defs);
    void read_calendar(pugi::xml_node cal);
    void read_exception(pugi::xml_node ex, Calendar& cal, const std::string& entity);
    void read_tasks(pugi::xml_node tasks, Project& project);
    void read_resources(pugi::xml_node resources);
    void read_assignments(pugi::xml_node assignments, Project& project);
    void read_extended_attribute(pugi::xml_node ea, CustomFields& custom, const std::string& entity);
    DaySchedule working_times(pugi::xml_node wt_parent);
};

DaySchedule Reader::working_times(pugi::xml_node parent) {
    DaySchedule day;
    const pugi::xml_node wts = child(parent, "WorkingTimes");
    for (pugi::xml_node wt = wts.first_child(); wt; wt = wt.next_sibling()) {
        if (local_name(wt) != "WorkingTime") continue;
        const auto from = detail::parse_time_of_day(child_text(wt, "FromTime"), false);
        const auto to = detail::parse_time_of_day(child_text(wt, "ToTime"), true);
        if (!from || !to) {
            if (child(wt, "FromTime") || child(wt, "ToTime")) fail(wt, "<WorkingTime>: expected FromTime/ToTime HH:MM:SS");
            continue;
        }
        if (*to <= *from) {
            // A shift crossing midnight (22:00-06:00): keep the part on this day and the rest from 00:00.
            if (*from < 1440) day.push_back({*from, 1440});
            if (*to > 0) day.push_back({0, *to});
            continue;
        }
        day.push_back({*from, *to});
    }
    std::sort(day.begin(), day.end(), [](const WorkInterval& a, const WorkInterval& b) { return a.start < b.start; });
    // Merge touching/overlapping intervals (the model requires disjoint intervals).
    DaySchedule merged;
    for (const auto& iv : day) {
        if (!merged.empty() && iv.start <= merged.back().finish) merged.back().finish = std::max(merged.back().finish, iv.finish);
        else merged.push_back(iv);
    }
    return merged;
}

void Reader::read_header(pugi::xml_node root, Project& project) {
    for (pugi::xml_node el = root.first_child(); el; el = el.next_sibling()) {
        if (el.type() != pugi::node_element) continue;
        const std::string_view n = local_name(el);
        const std::string_view text = detail::trim(el.child_value());
        if (n == "Calendars" || n == "Tasks" || n == "Resources" || n == "Assignments" || n == "ExtendedAttributes") continue;
        if (n == "Title") {
            if (!text.empty()) project.name = std::string(text);
        } else if (n == "StartDate") {
            project.start = instant(el);
        } else if (n == "CalendarUID") {
            if (!text.empty() && text != "-1") project.calendar = CalendarId(text);
        } else if (n == "MinutesPerDay") {
            minutes_per_day_ = integer(el);
            if (minutes_per_day_ > 0) project.minutes_per_day = minutes_per_day_;
        } else if (n == "MinutesPerWeek") {
            minutes_per_week_ = integer(el);
            if (minutes_per_week_ > 0) project.minutes_per_week = minutes_per_week_;
        } else if (n == "HonorConstraints") {
            // "Tasks will always honor their constraint dates" (default on, as in MS Project).
            project.honor_constraints = !(text == "0" || text == "false");
        } else if (n == "StatusDate") {
            project.status_date = instant(el);
        } else if (n == "Manager") {
            project.manager = std::string(text);
        } else if (n == "DurationFormat") {
            default_duration_format_ = static_cast<int>(integer(el));
            keep(project.custom, el);
        } else if ((n == "OutlineCodes" || n == "WBSMasks") && !detail::has_element_children(el)) {
            continue;
        } else if (n == "OutlineCodes") {
            std::string xml = "<OutlineCodes>";
            std::vector<std::string> dropped;
            for (pugi::xml_node oc = el.first_child(); oc; oc = oc.next_sibling())
                if (local_name(oc) == "OutlineCode") {
                    std::string def = schema_ordered(oc, detail::kMspdiOutlineCodeDefOrder, dropped);
                    if (!child(oc, "Guid")) {
                        // The schema requires a Guid; files from Project 2003 have none. Derive one from FieldID.
                        std::string id(child_text(oc, "FieldID"));
                        id = std::string(id.size() < 12 ? 12 - id.size() : 0, '0') + id;
                        def.insert(13, "<Guid>00000000-0000-0000-0000-" + id.substr(0, 12) + "</Guid>");
                        warn(oc, "outline code definition", "no <Guid>: one derived from FieldID is written on export");
                    }
                    xml += def;
                }
            for (const auto& x : dropped) warn(el, "outline code definition", "<" + x + "> is not in the Project 2013 schema: not kept");
            xml += "</OutlineCodes>";
            if (const int completed = detail::complete_outline_code_values(xml))
                warn(el, "outline code definition", std::to_string(completed) + " values without the <FieldGUID> and <Type> the Project 2013 schema "
                                                    "requires (Project 2003): a FieldGUID derived from the ValueID and Type 21 (text) are written on export");
            project.custom["mspdi.xml.OutlineCodes"] = xml;
            warn(el, "project", "outline code definitions kept verbatim as custom field mspdi.xml.OutlineCodes (not used by ppm)");
        } else {
            if (detail::has_element_children(el))
                warn(el, "project", "<" + std::string(n) + "> kept verbatim as custom field mspdi.xml." + std::string(n) +
                                        " (not used by ppm)");
            keep(project.custom, el);
        }
    }
    // The title is the display name; fall back to <Name> (the file name MS Project saved).
    if (project.name.empty()) {
        if (const auto it = project.custom.find("mspdi.Name"); it != project.custom.end())
            project.name = std::get<std::string>(it->second);
    }
}

void Reader::read_extended_attribute_definitions(pugi::xml_node defs) {
    for (pugi::xml_node d = defs.first_child(); d; d = d.next_sibling()) {
        if (local_name(d) != "ExtendedAttribute") continue;
        const std::string id(child_text(d, "FieldID"));
        std::string name(child_text(d, "FieldName"));
        if (name.empty()) name = "Field" + id;
        field_names_[id] = name;
        if (const auto alias = child_text(d, "Alias"); !alias.empty()) field_aliases_[name] = std::string(alias);
        // The definition itself (aliases, value lists, formulas) goes back on export unchanged.
        std::vector<std::string> dropped;
        out_.portfolio.custom["mspdi.ExtendedAttributeDefinition." + name] =
            schema_ordered(d, detail::kMspdiExtendedAttributeDefOrder, dropped);
        for (const auto& x : dropped)
            warn(d, "extended attribute " + name, "<" + x + "> is not in the Project 2013 schema: not kept");
    }
}

void Reader::read_extended_attribute(pugi::xml_node ea, CustomFields& custom, const std::string& entity) {
    const std::string id(child_text(ea, "FieldID"));
    const std::string value(child_text(ea, "Value"));
    std::string name;
    if (const auto it = field_names_.find(id); it != field_names_.end()) name = it->second;
    else name = detail::mspdi_field_name(id);
    if (name.empty()) {
        name = "Field" + id;
        warn(ea, entity, "extended attribute FieldID " + id + " has no definition; kept as custom field " + name);
    }
    // Typed by the field's family (Date/Start/Finish: date-time; Cost: currency in cents; Number;
    // Flag); Text, Duration and Outline codes stay text.
    const auto family = detail::mspdi_field_family(name);
    if (family == detail::FieldFamily::date) {
        if (const auto t = detail::parse_iso_datetime(value)) { custom[name] = *t; return; }
    } else if (family == detail::FieldFamily::cost) {
        if (const auto v = detail::parse_double(value)) { custom[name] = *v / 100.0; return; }
    } else if (family == detail::FieldFamily::number) {
        if (const auto v = detail::parse_double(value)) { custom[name] = *v; return; }
    } else if (family == detail::FieldFamily::flag) {
        if (value == "1" || value == "0") { custom[name] = value == "1"; return; }
    }
    custom[name] = value;
    if (const auto dfmt = child_text(ea, "DurationFormat"); !dfmt.empty()) custom[name + ".DurationFormat"] = std::string(dfmt);
}

void Reader::read_calendar(pugi::xml_node c) {
    Calendar cal;
    const std::string uid(child_text(c, "UID"));
    if (uid.empty()) fail(c, "<Calendar> without <UID>");
    cal.id = CalendarId(uid);
    const std::string entity = "calendar " + uid;
    const pugi::xml_node exceptions = child(c, "Exceptions");
    bool is_base = false;
    for (pugi::xml_node el = c.first_child(); el; el = el.next_sibling()) {
        if (el.type() != pugi::node_element) continue;
        const std::string_view n = local_name(el);
        if (n == "UID") continue;
        if (n == "Name") { cal.name = std::string(detail::trim(el.child_value())); continue; }
        if (n == "BaseCalendarUID") {
            const auto t = detail::trim(el.child_value());
            if (!t.empty() && t != "-1") cal.base = CalendarId(t);
            continue;
        }
        if (n == "WeekDays") {
            for (pugi::xml_node wd = el.first_child(); wd; wd = wd.next_sibling()) {
                if (local_name(wd) != "WeekDay") continue;
                const auto type = integer(child(wd, "DayType"));
                const bool working = child_text(wd, "DayWorking") == "1";
                if (type >= 1 && type <= 7) {
                    const auto idx = static_cast<std::size_t>((type + 5) % 7);  // Sunday=1 -> 6, Monday=2 -> 0
                    cal.week[idx] = working ? working_times(wd) : DaySchedule{};
                } else if (type == 0) {
                    // Pre-2007 exception form. Project 2007+ also writes the <Exceptions> form, which wins.
                    if (exceptions) continue;
                    const pugi::xml_node tp = child(wd, "TimePeriod");
                    CalendarException ex;
                    ex.from = instant(child(tp, "FromDate")).date();
                    ex.to = instant(child(tp, "ToDate")).date();
                    if (working) ex.hours = working_times(wd);
                    if (ex.to < ex.from) fail(wd, "calendar exception ends before it starts");
                    cal.exceptions.push_back(std::move(ex));
                } else {
                    fail(wd, "<DayType>: expected 0..7");
                }
            }
            continue;
        }
        if (n == "Exceptions") {
            for (pugi::xml_node ex = el.first_child(); ex; ex = ex.next_sibling())
                if (local_name(ex) == "Exception") read_exception(ex, cal, entity);
            continue;
        }
        if (n == "IsBaseCalendar") is_base = detail::trim(el.child_value()) == "1";
        if (n == "WorkWeeks")
            warn(el, entity, "alternative work weeks (<WorkWeeks>) are not modelled; kept as custom field mspdi.xml.WorkWeeks");
        keep(cal.custom, el);
    }
    if (is_base) cal.base.reset();  // Project 2019 writes BaseCalendarUID 0 on base calendars
    out_.portfolio.calendars.push_back(std::move(cal));
}

void Reader::read_exception(pugi::xml_node ex, Calendar& cal, const std::string& entity) {
    const pugi::xml_node tp = child(ex, "TimePeriod");
    if (!tp) fail(ex, "<Exception> without <TimePeriod>");
    detail::Recurrence r;
    r.from = instant(child(tp, "FromDate")).date();
    r.to = instant(child(tp, "ToDate")).date();
    if (r.to < r.from) fail(ex, "calendar exception ends before it starts");
    const auto opt_int = [&](std::string_view name, int def) {
        const pugi::xml_node e = child(ex, name);
        return e && !detail::trim(e.child_value()).empty() ? static_cast<int>(integer(e)) : def;
    };
    r.type = opt_int("Type", 1);
    r.occurrences = child_text(ex, "EnteredByOccurrences") == "1" ? opt_int("Occurrences", 1) : 0;
    r.period = std::max(1, opt_int("Period", 1));
    r.days_of_week = opt_int("DaysOfWeek", 0);
    r.month_item = opt_int("MonthItem", 0);
    r.month_position = opt_int("MonthPosition", 0);
    r.month = opt_int("Month", 0);
    r.month_day = opt_int("MonthDay", 1);
    const std::string name(child_text(ex, "Name"));
    const bool working = child_text(ex, "DayWorking") == "1";
    const DaySchedule hours = working ? working_times(ex) : DaySchedule{};
    if (working && hours.empty()) warn(ex, entity, "working exception '" + name + "' has no working times; read as non-working");
    const auto expanded = detail::expand_recurrence(r);
    if (expanded.yearly_forever) {
        cal.exceptions.push_back({name, expanded.dates.front(), expanded.dates.front(), hours, true});
        return;
    }
    if (r.type == 1 || r.type < 1 || r.type > 7) {
        if (r.type < 1 || r.type > 7) warn(ex, entity, "exception '" + name + "': unknown recurrence Type " + std::to_string(r.type) + ", read as a date range");
        cal.exceptions.push_back({name, r.from, r.to, hours, false});
        return;
    }
    if (expanded.dates.empty()) warn(ex, entity, "recurring exception '" + name + "' has no occurrence in its range");
    for (const Date d : expanded.dates) cal.exceptions.push_back({name, d, d, hours, false});
}

// MSPDI LinkLag is in tenths of a minute; LagFormat says how it was entered (elapsed or percent).
Lag read_lag(std::int64_t link_lag, int lag_format) {
    Lag lag;
    if (detail::mspdi_format_is_percent(lag_format)) {
        lag.unit = LagUnit::percent;
        lag.percent = static_cast<double>(link_lag) / 10.0;
        return lag;
    }
    lag.unit = detail::mspdi_format_is_elapsed(lag_format) ? LagUnit::elapsed : LagUnit::working;
    lag.amount = Duration{(link_lag >= 0 ? link_lag + 5 : link_lag - 5) / 10};
    return lag;
}

void Reader::read_tasks(pugi::xml_node tasks, Project& project) {
    std::vector<std::pair<int, TaskId>> outline;  // (level, id) stack
    std::set<std::string> uids;
    for (pugi::xml_node t = tasks.first_child(); t; t = t.next_sibling()) {
        if (local_name(t) != "Task") continue;
        const std::string uid(child_text(t, "UID"));
        if (uid.empty()) fail(t, "<Task> without <UID>");
        const std::string entity = "task " + uid;
        if (uid == "0") {
            // The project summary task: MS Project derives it; its scalar fields are kept on the project.
            for (pugi::xml_node el = t.first_child(); el; el = el.next_sibling())
                if (el.type() == pugi::node_element && local_name(el) == "ExtendedAttribute")
                    read_extended_attribute(el, project.custom, "project summary task");
            continue;
        }
        if (!uids.insert(uid).second) fail(t, "duplicate task UID " + uid);
        if (child_text(t, "IsNull") == "1") {
            warn(t, entity, "blank row (IsNull=1) skipped");
            continue;
        }
        Task task;
        task.id = TaskId(uid);
        int level = 1;
        int duration_format = 21;
        bool elapsed_duration = false;
        bool milestone_flag = false;
        std::size_t timephased = 0;
        for (pugi::xml_node el = t.first_child(); el; el = el.next_sibling()) {
            if (el.type() != pugi::node_element) continue;
            const std::string_view n = local_name(el);
            const std::string_view text = detail::trim(el.child_value());
            if (n == "UID") continue;
            if (n == "Name") { task.name = std::string(text); continue; }
            if (n == "OutlineLevel") { level = static_cast<int>(integer(el)); keep(task.custom, el); continue; }
            if (n == "Duration") { task.duration = Duration{duration(el)}; continue; }
            if (n == "DurationFormat") {
                duration_format = static_cast<int>(integer(el));
                elapsed_duration = detail::mspdi_format_is_elapsed(duration_format);
                keep(task.custom, el);
                continue;
            }
            if (n == "Milestone") { milestone_flag = text == "1"; continue; }
            if (n == "Priority") { task.priority = static_cast<int>(integer(el)); continue; }
            if (n == "ConstraintType") {
                static constexpr ConstraintType kTypes[] = {
                    ConstraintType::as_soon_as_possible, ConstraintType::as_late_as_possible, ConstraintType::must_start_on,
                    ConstraintType::must_finish_on, ConstraintType::start_no_earlier_than, ConstraintType::start_no_later_than,
                    ConstraintType::finish_no_earlier_than, ConstraintType::finish_no_later_than};
                const auto v = integer(el);
                if (v < 0 || v > 7) fail(el, "<ConstraintType>: expected 0..7");
                task.constraint.type = kTypes[v];
                continue;
            }
            if (n == "ConstraintDate") { if (!text.empty()) task.constraint.date = instant(el); continue; }
            if (n == "Deadline") { if (!text.empty()) task.deadline = instant(el); continue; }
            if (n == "CalendarUID") { if (!text.empty() && text != "-1") task.calendar = CalendarId(text); continue; }
            if (n == "ActualStart") { task.progress.actual_start = instant(el); continue; }
            if (n == "ActualFinish") { task.progress.actual_finish = instant(el); continue; }
            if (n == "PercentComplete") { task.progress.percent_complete = number(el); continue; }
            if (n == "RemainingDuration") { task.progress.remaining_duration = Duration{duration(el)}; continue; }
            if (n == "ActualCost") { task.progress.actual_cost = Money{static_cast<std::int64_t>(number(el))}; continue; }
            if (n == "FixedCost") { task.fixed_cost = Money{static_cast<std::int64_t>(number(el))}; continue; }
            if (n == "Notes") { task.notes = std::string(el.child_value()); continue; }
            if (n == "PredecessorLink") {
                Dependency dep;
                const std::string pred(child_text(el, "PredecessorUID"));
                if (pred.empty()) fail(el, "<PredecessorLink> without <PredecessorUID>");
                dep.predecessor = TaskId(pred);
                const pugi::xml_node type = child(el, "Type");
                const auto tv = type ? integer(type) : 1;
                static constexpr LinkType kLinks[] = {LinkType::finish_finish, LinkType::finish_start, LinkType::start_finish,
                                                      LinkType::start_start};
                if (tv < 0 || tv > 3) fail(type, "<Type> of a link: expected 0 (FF), 1 (FS), 2 (SF) or 3 (SS)");
                dep.type = kLinks[tv];
                const pugi::xml_node lag = child(el, "LinkLag");
                const pugi::xml_node fmt = child(el, "LagFormat");
                const int lag_format = fmt ? static_cast<int>(integer(fmt)) : 7;
                dep.lag = read_lag(lag ? integer(lag) : 0, lag_format);
                dep.lag_calendar = LagCalendar::successor;
                if (fmt) dep.custom["mspdi.LagFormat"] = std::string(detail::trim(fmt.child_value()));
                for (pugi::xml_node le = el.first_child(); le; le = le.next_sibling()) {
                    const std::string_view ln = local_name(le);
                    if (le.type() != pugi::node_element || ln == "PredecessorUID" || ln == "Type" || ln == "LinkLag" || ln == "LagFormat")
                        continue;
                    keep(dep.custom, le);
                }
                if (child_text(el, "CrossProject") == "1")
                    warn(el, entity, "cross-project link to '" + std::string(child_text(el, "CrossProjectName")) +
                                         "' task " + pred + " kept; the other project must be loaded in the same portfolio");
                task.predecessors.push_back(std::move(dep));
                continue;
            }
            if (n == "ExtendedAttribute") { read_extended_attribute(el, task.custom, entity); continue; }
            if (n == "Baseline") {
                const std::string number_text(child_text(el, "Number"));
                const std::string prefix = "mspdi.Baseline" + (number_text.empty() ? std::string("0") : number_text) + ".";
                for (pugi::xml_node b = el.first_child(); b; b = b.next_sibling())
                    if (b.type() == pugi::node_element && local_name(b) != "Number") {
                        if (local_name(b) == "TimephasedData") { ++timephased; continue; }
                        task.custom[prefix + std::string(local_name(b))] = std::string(detail::trim(b.child_value()));
                    }
                continue;
            }
            if (n == "TimephasedData") { ++timephased; continue; }
            keep(task.custom, el);
        }
        if (duration_format == 21 || duration_format == 53) {
            elapsed_duration = detail::mspdi_format_is_elapsed(default_duration_format_);
        }
        if (elapsed_duration)
            warn(t, entity, "elapsed duration (DurationFormat " + std::to_string(duration_format) +
                                ") read as the same number of working minutes on the task calendar");
        if (milestone_flag) {
            if (task.duration.count() == 0) task.milestone = true;
            else {
                task.custom["mspdi.Milestone"] = std::string("1");
                warn(t, entity, "milestone with a non-zero duration: read as a normal task (flag kept as mspdi.Milestone)");
            }
        }
        if (timephased) warn(t, entity, std::to_string(timephased) + " <TimephasedData> blocks not imported (derived from durations and work)");
        // A task whose start has not happened has no remaining duration of its own.
        if (!task.progress.actual_start && task.progress.remaining_duration &&
            *task.progress.remaining_duration == task.duration)
            task.progress.remaining_duration.reset();
        if (task.progress.actual_cost && task.progress.actual_cost->minor_units() == 0 && !task.progress.actual_start)
            task.progress.actual_cost.reset();
        // Outline: the parent is the nearest preceding task with a smaller outline level.
        while (!outline.empty() && outline.back().first >= level) outline.pop_back();
        if (!outline.empty()) task.parent = outline.back().second;
        outline.emplace_back(level, task.id);
        project.tasks.push_back(std::move(task));
    }
}

void Reader::read_resources(pugi::xml_node resources) {
    for (pugi::xml_node r = resources.first_child(); r; r = r.next_sibling()) {
        if (local_name(r) != "Resource") continue;
        const std::string uid(child_text(r, "UID"));
        if (uid.empty()) fail(r, "<Resource> without <UID>");
        const std::string entity = "resource " + uid;
        if (uid == "0" && child_text(r, "Name").empty()) continue;  // MS Project's internal unnamed resource
        if (child_text(r, "IsNull") == "1") { warn(r, entity, "blank row (IsNull=1) skipped"); continue; }
        Resource res;
        res.id = ResourceId(uid);
        bool cost_resource = false;
        int type = 1;
        std::size_t timephased = 0;
        for (pugi::xml_node el = r.first_child(); el; el = el.next_sibling()) {
            if (el.type() != pugi::node_element) continue;
            const std::string_view n = local_name(el);
            const std::string_view text = detail::trim(el.child_value());
            if (n == "UID") continue;
            if (n == "Name") { res.name = std::string(text); continue; }
            if (n == "Type") { type = static_cast<int>(integer(el)); continue; }
            if (n == "IsCostResource") { cost_resource = text == "1"; continue; }
            if (n == "MaxUnits") { res.max_units = number(el); continue; }
            if (n == "MaterialLabel") { res.material_label = std::string(text); continue; }
            if (n == "Group") { res.group = std::string(text); continue; }
            if (n == "Notes") { res.notes = std::string(el.child_value()); continue; }
            if (n == "CalendarUID") { if (!text.empty() && text != "-1") res.calendar = CalendarId(text); continue; }
            if (n == "ExtendedAttribute") { read_extended_attribute(el, res.custom, entity); continue; }
            if (n == "AvailabilityPeriods") {
                for (pugi::xml_node ap = el.first_child(); ap; ap = ap.next_sibling()) {
                    if (local_name(ap) != "AvailabilityPeriod") continue;
                    AvailabilityPeriod p;
                    const pugi::xml_node from = child(ap, "AvailableFrom");
                    const pugi::xml_node to = child(ap, "AvailableTo");
                    p.from = from && !detail::trim(from.child_value()).empty() ? instant(from) : Instant::from_ymd_hm(1984, 1, 1);
                    p.to = to && !detail::trim(to.child_value()).empty() ? instant(to) : Instant::from_ymd_hm(2049, 12, 31, 23, 59);
                    if (p.to.minute_of_day() == 1439) p.to += Duration{1};  // inclusive 23:59 -> exclusive midnight
                    const pugi::xml_node units = child(ap, "AvailableUnits");
                    p.units = units ? number(units) : 1.0;  // a fraction: 1 = 100 %
                    res.availability.push_back(p);
                }
                continue;
            }
            if (n == "Rates") {
                // Table A (RateTable 0) is the model's cost-rate table; tables B-E are kept verbatim.
                for (pugi::xml_node rate = el.first_child(); rate; rate = rate.next_sibling()) {
                    if (local_name(rate) != "Rate") continue;
                    const std::string_view table = child_text(rate, "RateTable");
                    if (!table.empty() && table != "0") {
                        append_text(res.custom, "mspdi.xml.Rates", detail::outer_xml(rate));
                        continue;
                    }
                    CostRate cr;
                    const pugi::xml_node from = child(rate, "RatesFrom");
                    cr.effective_from = from ? instant(from) : Instant::from_ymd_hm(1984, 1, 1);
                    if (const auto v = child(rate, "StandardRate")) cr.standard_per_hour = Money::from_major(number(v));
                    if (const auto v = child(rate, "OvertimeRate")) cr.overtime_per_hour = Money::from_major(number(v));
                    if (const auto v = child(rate, "CostPerUse")) cr.per_use = Money{static_cast<std::int64_t>(number(v))};
                    for (const char* fmt : {"StandardRateFormat", "OvertimeRateFormat"})
                        if (const auto v = child_text(rate, fmt); !v.empty())
                            res.custom["mspdi.Rates.A." + std::to_string(res.cost_rates.size()) + "." + fmt] = std::string(v);
                    res.cost_rates.push_back(cr);
                }
                continue;
            }
            if (n == "Baseline") {
                const std::string number_text(child_text(el, "Number"));
                const std::string prefix = "mspdi.Baseline" + (number_text.empty() ? std::string("0") : number_text) + ".";
                for (pugi::xml_node b = el.first_child(); b; b = b.next_sibling())
                    if (b.type() == pugi::node_element && local_name(b) != "Number")
                        res.custom[prefix + std::string(local_name(b))] = std::string(detail::trim(b.child_value()));
                continue;
            }
            if (n == "TimephasedData") { ++timephased; continue; }
            keep(res.custom, el);
        }
        if (res.cost_rates.empty()) {
            // No rate table: the resource's own rates are table A's only row.
            CostRate cr;
            cr.effective_from = Instant::from_ymd_hm(1984, 1, 1);
            bool any = false;
            if (const auto v = child(r, "StandardRate")) { cr.standard_per_hour = Money::from_major(number(v)); any = true; }
            if (const auto v = child(r, "OvertimeRate")) { cr.overtime_per_hour = Money::from_major(number(v)); any = true; }
            if (const auto v = child(r, "CostPerUse")) { cr.per_use = Money{static_cast<std::int64_t>(number(v))}; any = true; }
            if (any) res.cost_rates.push_back(cr);
        }
        if (cost_resource || type == 2) res.type = ResourceType::cost;
        else if (type == 0) res.type = ResourceType::material;
        else res.type = ResourceType::work;
        if (timephased) warn(r, entity, std::to_string(timephased) + " <TimephasedData> blocks not imported");
        out_.portfolio.resources.push_back(std::move(res));
    }
}

void Reader::read_assignments(pugi::xml_node assignments, Project& project) {
    std::map<std::string, Task*, std::less<>> by_uid;
    for (auto& t : project.tasks) by_uid[t.id.str()] = &t;
    std::set<std::string, std::less<>> resources;
    for (const auto& r : out_.portfolio.resources) resources.insert(r.id.str());
    for (pugi::xml_node a = assignments.first_child(); a; a = a.next_sibling()) {
        if (local_name(a) != "Assignment") continue;
        const std::string uid(child_text(a, "UID"));
        const std::string entity = "assignment " + uid;
        const std::string task_uid(child_text(a, "TaskUID"));
        const std::string res_uid(child_text(a, "ResourceUID"));
        const auto task = by_uid.find(task_uid);
        if (task == by_uid.end()) {
            if (task_uid == "0") { warn(a, entity, "assignment to the project summary task skipped"); continue; }
            fail(a, "<Assignment> " + uid + ": <TaskUID> " + task_uid + " names no task");
        }
        if (res_uid.empty() || res_uid == "-65535" || !resources.count(res_uid)) {
            warn(a, entity, "assignment without a (known) resource (ResourceUID " + res_uid + ") on task " + task_uid +
                                " skipped: MS Project writes these placeholders for unassigned tasks");
            continue;
        }
        Assignment as;
        as.resource = ResourceId(res_uid);
        as.custom["mspdi.UID"] = uid;
        std::size_t timephased = 0;
        const Resource* res = nullptr;
        for (const auto& r : out_.portfolio.resources)
            if (r.id.str() == res_uid) res = &r;
        for (pugi::xml_node el = a.first_child(); el; el = el.next_sibling()) {
            if (el.type() != pugi::node_element) continue;
            const std::string_view n = local_name(el);
            if (n == "UID" || n == "TaskUID" || n == "ResourceUID") continue;
            if (n == "Units") { as.units = number(el); continue; }
            if (n == "Work") { as.work = Duration{duration(el)}; continue; }
            if (n == "ActualWork") { as.actual_work = Duration{duration(el)}; continue; }
            if (n == "Cost" && res && res->type == ResourceType::cost) { as.cost = Money{static_cast<std::int64_t>(number(el))}; continue; }
            if (n == "ExtendedAttribute") { read_extended_attribute(el, as.custom, entity); continue; }
            if (n == "Baseline") {
                const std::string number_text(child_text(el, "Number"));
                const std::string prefix = "mspdi.Baseline" + (number_text.empty() ? std::string("0") : number_text) + ".";
                for (pugi::xml_node b = el.first_child(); b; b = b.next_sibling())
                    if (b.type() == pugi::node_element && local_name(b) != "Number") {
                        if (local_name(b) == "TimephasedData") { ++timephased; continue; }
                        as.custom[prefix + std::string(local_name(b))] = std::string(detail::trim(b.child_value()));
                    }
                continue;
            }
            if (n == "TimephasedData") { ++timephased; continue; }
            keep(as.custom, el);
        }
        if (as.actual_work && as.actual_work->count() == 0) as.actual_work.reset();
        if (timephased)
            warn(a, entity, std::to_string(timephased) + " <TimephasedData> blocks not imported (work contour/splits are not modelled)");
        task->second->assignments.push_back(std::move(as));
    }
}

ImportResult Reader::run() {
    const pugi::xml_node root = doc_.root();
    if (local_name(root) != "Project")
        fail(root, "root element <Project> of an MS Project XML (MSPDI) file, got <" + std::string(root.name()) + ">");
    const std::string_view ns = root.attribute("xmlns").value();
    if (!ns.empty() && ns != "http://schemas.microsoft.com/project" && ns != "http://schemas.microsoft.com/project/2007")
        warn(root, "project", "unknown namespace '" + std::string(ns) + "' (read as MSPDI)");
    Project project;
    std::string stem = std::filesystem::path(doc_.source()).stem().string();
    project.id = ProjectId(stem.empty() || stem == "<input>" ? "project" : stem);
    read_header(root, project);
    if (const auto defs = child(root, "ExtendedAttributes")) read_extended_attribute_definitions(defs);
    for (const auto& [name, alias] : field_aliases_) out_.portfolio.custom["mspdi.Alias." + name] = alias;
    if (const auto cals = child(root, "Calendars"))
        for (pugi::xml_node c = cals.first_child(); c; c = c.next_sibling())
            if (local_name(c) == "Calendar") read_calendar(c);
    for (auto& c : out_.portfolio.calendars) {
        if (!c.base) continue;
        bool found = false;
        for (const auto& b : out_.portfolio.calendars) found = found || b.id == *c.base;
        if (!found) {
            warn(root, "calendar " + c.id.str(), "base calendar UID " + c.base->str() + " does not exist: read as a base calendar");
            c.base.reset();
            c.custom["mspdi.IsBaseCalendar"] = std::string("1");
        }
    }
    if (const auto tasks = child(root, "Tasks")) read_tasks(tasks, project);
    if (const auto res = child(root, "Resources")) read_resources(res);
    if (const auto as = child(root, "Assignments")) read_assignments(as, project);
    if (project.start == Instant{}) {
        Instant earliest{std::numeric_limits<std::int64_t>::max()};
        for (const auto& t : project.tasks)
            if (const auto it = t.custom.find("mspdi.Start"); it != t.custom.end())
                if (const auto v = detail::parse_iso_datetime(std::get<std::string>(it->second))) earliest = std::min(earliest, *v);
        if (earliest.minutes_since_epoch() != std::numeric_limits<std::int64_t>::max()) project.start = earliest;
        warn(root, "project", "no <StartDate>: project start taken from the earliest task start");
    }
    auto& pf = out_.portfolio;
    pf.id = PortfolioId(project.id.str());
    pf.name = project.name;
    pf.default_calendar = project.calendar;
    pf.status_date = project.status_date;
    pf.projects.push_back(std::move(project));
    return std::move(out_);
}

}  // namespace

ImportResult read_mspdi(std::string_view text, std::string_view source_name) {
    return read_mspdi(text, source_name, ReadLimits{});
}

ImportResult read_mspdi(std::string_view text, std::string_view source_name, const ReadLimits& limits) {
    const std::string source(source_name);
    Reader reader(text, source, limits);
    ImportResult out = reader.run();
    detail::check_tasks(out.portfolio, source, limits);
    return out;
}

ImportResult read_mspdi_file(const std::filesystem::path& path) { return read_mspdi_file(path, ReadLimits{}); }

ImportResult read_mspdi_file(const std::filesystem::path& path, const ReadLimits& limits) {
    detail::check_file_size(path, limits);
    return read_mspdi(read_text_file(path), path.string(), limits);
}

}  // namespace ppm
