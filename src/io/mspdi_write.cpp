// MSPDI writer: emits elements in the order of Microsoft's Project 2013 schema (mspdi_pj15.xsd,
// tables in detail/mspdi_schema.hpp) so the output validates, and writes back every custom field the
// reader kept ("mspdi.<Element>" scalars, "mspdi.xml.<Element>" verbatim XML, extended attributes,
// "mspdi.Baseline<N>.<Field>"). Elements outside the schema (e.g. Project 2019's BuildNumber) are
// not written. See docs/interchange.md.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "detail/interchange_text.hpp"
#include "detail/mspdi_common.hpp"
#include "detail/mspdi_schema.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/mspdi.hpp"

namespace ppm {

namespace {

std::string esc(std::string_view t) {
    std::string out;
    out.reserve(t.size());
    for (char c : t) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string el(std::string_view name, std::string_view text) {
    return "<" + std::string(name) + ">" + esc(text) + "</" + std::string(name) + ">";
}

std::string money_cents(Money m) { return std::to_string(m.minor_units()); }

/// Elements of one entity, sorted into schema order on output.
class Elements {
public:
    template <std::size_t N>
    explicit Elements(const std::string_view (&order)[N]) {
        for (std::size_t i = 0; i < N; ++i) index_[order[i]] = i;
    }
    /// Adds a scalar element (model-mapped values take precedence over kept custom fields).
    void add(std::string_view name, std::string_view text) { add_raw(name, el(name, text)); }
    void add_raw(std::string_view name, std::string xml) {
        const auto it = index_.find(name);
        if (it == index_.end()) return;  // not in the schema
        owned_.insert(std::string(name));
        items_.push_back({it->second, items_.size(), std::move(xml)});
    }
    [[nodiscard]] bool has(std::string_view name) const { return owned_.count(std::string(name)) != 0; }
    /// Kept custom fields "mspdi.<Name>" (scalars) and "mspdi.xml.<Name>" (verbatim XML).
    void add_custom(const CustomFields& custom) {
        for (const auto& [key, value] : custom) {
            if (key.rfind("mspdi.xml.", 0) == 0) {
                const std::string name = key.substr(10);
                if (!has(name) && std::holds_alternative<std::string>(value)) add_raw(name, std::get<std::string>(value));
            } else if (key.rfind("mspdi.", 0) == 0) {
                const std::string name = key.substr(6);
                if (name.find('.') != std::string::npos || has(name)) continue;
                if (const auto* s = std::get_if<std::string>(&value)) add(name, *s);
            }
        }
    }
    [[nodiscard]] std::string str() {
        std::stable_sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) {
            return a.order != b.order ? a.order < b.order : a.seq < b.seq;
        });
        std::string out;
        for (const auto& i : items_) out += i.xml;
        return out;
    }

private:
    struct Item {
        std::size_t order;
        std::size_t seq;
        std::string xml;
    };
    std::map<std::string_view, std::size_t, std::less<>> index_;
    std::set<std::string> owned_;
    std::vector<Item> items_;
};

/// Assigns numeric UIDs: numeric ids keep their value, others are numbered after the largest.
template <class IdT>
class UidMap {
public:
    void add(const IdT& id) { ids_.push_back(id); }
    void finish() {
        std::int64_t next = 1;
        for (const auto& id : ids_)
            if (const auto v = detail::parse_int(id.str()); v && *v >= 0) next = std::max(next, *v + 1);
        std::set<std::int64_t> used;
        for (const auto& id : ids_) {
            const auto v = detail::parse_int(id.str());
            if (v && *v >= 0 && used.insert(*v).second) map_[id.str()] = std::to_string(*v);
            else map_[id.str()] = std::to_string(next++);
        }
    }
    [[nodiscard]] std::string operator()(const IdT& id) const {
        const auto it = map_.find(id.str());
        return it == map_.end() ? std::string("-1") : it->second;
    }

private:
    std::vector<IdT> ids_;
    std::map<std::string, std::string, std::less<>> map_;
};

constexpr std::string_view kTaskBaselineOrder[] = {"TimephasedData", "Number", "Interim", "Start", "Finish", "Duration",
                                                   "DurationFormat", "EstimatedDuration", "Work", "Cost", "BCWS", "BCWP",
                                                   "FixedCost"};
constexpr std::string_view kResourceBaselineOrder[] = {"Number", "Work", "Cost", "BCWS", "BCWP"};
constexpr std::string_view kAssignmentBaselineOrder[] = {"TimephasedData", "Number", "Start", "Finish", "Work", "Cost",
                                                         "BCWS", "BCWP"};

/// "mspdi.Baseline<N>.<Field>" custom fields -> <Baseline> elements, in baseline number order.
template <std::size_t N>
void add_baselines(Elements& e, const CustomFields& custom, const std::string_view (&order)[N]) {
    std::map<int, std::map<std::string, std::string>> by_number;
    for (const auto& [key, value] : custom) {
        if (key.rfind("mspdi.Baseline", 0) != 0) continue;
        const auto dot = key.find('.', 14);
        if (dot == std::string::npos) continue;
        const auto n = detail::parse_int(std::string_view(key).substr(14, dot - 14));
        if (!n || !std::holds_alternative<std::string>(value)) continue;
        by_number[static_cast<int>(*n)][key.substr(dot + 1)] = std::get<std::string>(value);
    }
    for (const auto& [number, fields] : by_number) {
        std::string xml = "<Baseline>";
        for (const auto name : order) {
            if (name == "Number") { xml += el("Number", std::to_string(number)); continue; }
            if (const auto it = fields.find(std::string(name)); it != fields.end()) xml += el(name, it->second);
        }
        e.add_raw("Baseline", xml + "</Baseline>");
    }
}

class Writer {
public:
    explicit Writer(const Portfolio& pf) : pf_(pf) {}
    std::string run();

private:
    const Portfolio& pf_;
    UidMap<TaskId> task_uid_;
    UidMap<ResourceId> resource_uid_;
    UidMap<CalendarId> calendar_uid_;
    std::map<std::string, std::string, std::less<>> field_ids_;  // FieldName -> FieldID

    void add_extended(Elements& e, const CustomFields& custom) {
        for (const auto& [key, value] : custom) {
            std::string field_id;
            if (const auto fid = field_ids_.find(key); fid != field_ids_.end()) field_id = fid->second;
            else if (key.rfind("Field", 0) == 0 && detail::parse_int(std::string_view(key).substr(5))) field_id = key.substr(5);
            else continue;
            std::string text;
            if (const auto* s = std::get_if<std::string>(&value)) text = *s;
            else if (const auto* d = std::get_if<double>(&value))
                text = detail::mspdi_field_family(key) == detail::FieldFamily::cost ? detail::format_double(*d * 100.0)
                                                                                    : detail::format_double(*d);
            else if (const auto* t = std::get_if<Instant>(&value)) text = detail::format_iso_datetime(*t);
            else if (const auto* b = std::get_if<bool>(&value)) text = *b ? "1" : "0";
            std::string xml = "<ExtendedAttribute>" + el("FieldID", field_id) + el("Value", text);
            if (const auto f = custom.find(key + ".DurationFormat"); f != custom.end() && std::holds_alternative<std::string>(f->second))
                xml += el("DurationFormat", std::get<std::string>(f->second));
            e.add_raw("ExtendedAttribute", xml + "</ExtendedAttribute>");
        }
    }
    std::string calendar(const Calendar& c);
    std::string task(const Project& p, const Task& t, std::size_t row, const std::map<std::string, int, std::less<>>& level,
                     const std::set<std::string, std::less<>>& summaries);
    std::string resource(const Resource& r, std::size_t row);
};

std::string working_times_xml(const DaySchedule& day) {
    if (day.empty()) return {};
    std::string xml = "<WorkingTimes>";
    for (const auto& iv : day)
        xml += "<WorkingTime>" + el("FromTime", detail::format_time_of_day(iv.start)) +
               el("ToTime", detail::format_time_of_day(iv.finish)) + "</WorkingTime>";
    return xml + "</WorkingTimes>";
}

std::string Writer::calendar(const Calendar& c) {
    Elements e(detail::kMspdiCalendarOrder);
    e.add("UID", calendar_uid_(c.id));
    e.add("Name", c.name);
    e.add("IsBaseCalendar", c.base ? "0" : "1");
    e.add("BaseCalendarUID", c.base ? calendar_uid_(*c.base) : "-1");
    std::string week;
    for (int type = 1; type <= 7; ++type) {
        const auto idx = static_cast<std::size_t>((type + 5) % 7);
        if (!c.week[idx]) continue;
        const auto& day = *c.week[idx];
        week += "<WeekDay>" + el("DayType", std::to_string(type)) + el("DayWorking", day.empty() ? "0" : "1") +
                working_times_xml(day) + "</WeekDay>";
    }
    if (!week.empty()) e.add_raw("WeekDays", "<WeekDays>" + week + "</WeekDays>");
    if (!c.exceptions.empty()) {
        std::string xml = "<Exceptions>";
        for (const auto& ex : c.exceptions) {
            xml += "<Exception>" + el("EnteredByOccurrences", "0");
            const Date to = ex.yearly ? Date::from_ymd(2049, 12, 31) : ex.to;
            xml += "<TimePeriod>" + el("FromDate", detail::format_iso_datetime(Instant::at(ex.from))) +
                   el("ToDate", detail::format_iso_datetime(Instant::at(to, 1439))) + "</TimePeriod>";
            xml += el("Occurrences", "1");
            xml += el("Name", ex.name);
            if (ex.yearly) {
                xml += el("Type", "2") + el("Month", std::to_string(ex.from.month() - 1)) + el("MonthDay", std::to_string(ex.from.day()));
            } else {
                xml += el("Type", "1");
            }
            xml += el("DayWorking", ex.hours.empty() ? "0" : "1") + working_times_xml(ex.hours) + "</Exception>";
        }
        e.add_raw("Exceptions", xml + "</Exceptions>");
    }
    e.add_custom(c.custom);
    return "<Calendar>" + e.str() + "</Calendar>";
}

std::string Writer::task(const Project& p, const Task& t, std::size_t row, const std::map<std::string, int, std::less<>>& level,
                         const std::set<std::string, std::less<>>& summaries) {
    Elements e(detail::kMspdiTaskOrder);
    e.add("UID", task_uid_(t.id));
    if (const auto it = t.custom.find("mspdi.ID"); it != t.custom.end() && std::holds_alternative<std::string>(it->second))
        e.add("ID", std::get<std::string>(it->second));
    else e.add("ID", std::to_string(row));
    e.add("Name", t.name);
    e.add("OutlineLevel", std::to_string(level.at(t.id.str())));
    e.add("Priority", std::to_string(t.priority));
    e.add("Duration", detail::format_iso_duration(t.duration.count()));
    if (t.custom.find("mspdi.DurationFormat") == t.custom.end()) e.add("DurationFormat", "7");
    const bool milestone_kept = [&] {
        const auto it = t.custom.find("mspdi.Milestone");
        return it != t.custom.end() && std::holds_alternative<std::string>(it->second) && std::get<std::string>(it->second) == "1";
    }();
    e.add("Milestone", t.milestone || milestone_kept ? "1" : "0");
    e.add("Summary", summaries.count(t.id.str()) ? "1" : "0");
    // P6's start_on / finish_on / mandatory types have no MSPDI code of their own: the nearest
    // is MSO / MFO, which binds as the P6 type under the project's HonorConstraints.
    static constexpr const char* kConstraint[] = {"0", "1", "4", "5", "6", "7", "2", "3", "2", "3", "2", "3"};
    e.add("ConstraintType", kConstraint[static_cast<int>(t.constraint.type)]);
    if (t.constraint.date) e.add("ConstraintDate", detail::format_iso_datetime(*t.constraint.date));
    if (t.deadline) e.add("Deadline", detail::format_iso_datetime(*t.deadline));
    e.add("CalendarUID", t.calendar ? calendar_uid_(*t.calendar) : "-1");
    if (t.progress.actual_start) e.add("ActualStart", detail::format_iso_datetime(*t.progress.actual_start));
    if (t.progress.actual_finish) e.add("ActualFinish", detail::format_iso_datetime(*t.progress.actual_finish));
    // The Project XSD types PercentComplete as an integer: whole percent, as MS Project shows it.
    e.add("PercentComplete", std::to_string(std::llround(std::clamp(t.progress.percent_complete, 0.0, 100.0))));
    // A started task's remaining work, also when the model gives only a percent: PercentComplete is
    // written in whole percent, so the exact remainder the schedule uses travels here.
    if (t.progress.remaining_duration)
        e.add("RemainingDuration", detail::format_iso_duration(t.progress.remaining_duration->count()));
    else if (t.progress.actual_start && !t.progress.actual_finish)
        e.add("RemainingDuration",
              detail::format_iso_duration(std::llround(static_cast<double>(t.duration.count()) * (1.0 - t.progress.percent_complete / 100.0))));
    if (t.progress.actual_cost) e.add("ActualCost", money_cents(*t.progress.actual_cost));
    e.add("FixedCost", money_cents(t.fixed_cost));
    if (!t.notes.empty()) e.add("Notes", t.notes);
    for (const auto& d : t.predecessors) {
        Elements l(detail::kMspdiLinkOrder);
        l.add("PredecessorUID", task_uid_(d.predecessor));
        static constexpr const char* kLink[] = {"1", "3", "0", "2"};  // FS, SS, FF, SF
        l.add("Type", kLink[static_cast<int>(d.type)]);
        std::int64_t lag = 0;
        int fmt = 7;
        if (d.lag.unit == LagUnit::percent) { lag = static_cast<std::int64_t>(d.lag.percent * 10.0 + 0.5); fmt = 19; }
        else { lag = d.lag.amount.count() * 10; fmt = d.lag.unit == LagUnit::elapsed ? 8 : 7; }
        if (const auto it = d.custom.find("mspdi.LagFormat"); it != d.custom.end() && std::holds_alternative<std::string>(it->second)) {
            const auto kept = detail::parse_int(std::get<std::string>(it->second));
            if (kept && detail::mspdi_format_is_percent(static_cast<int>(*kept)) == (d.lag.unit == LagUnit::percent) &&
                detail::mspdi_format_is_elapsed(static_cast<int>(*kept)) == (d.lag.unit == LagUnit::elapsed))
                fmt = static_cast<int>(*kept);
        }
        l.add("LinkLag", std::to_string(lag));
        l.add("LagFormat", std::to_string(fmt));
        l.add_custom(d.custom);
        e.add_raw("PredecessorLink", "<PredecessorLink>" + l.str() + "</PredecessorLink>");
    }
    add_extended(e, t.custom);
    add_baselines(e, t.custom, kTaskBaselineOrder);
    e.add_custom(t.custom);
    (void)p;
    return "<Task>" + e.str() + "</Task>";
}

std::string Writer::resource(const Resource& r, std::size_t row) {
    Elements e(detail::kMspdiResourceOrder);
    e.add("UID", resource_uid_(r.id));
    if (!r.custom.count("mspdi.ID")) e.add("ID", std::to_string(row));
    e.add("Name", r.name);
    e.add("Type", r.type == ResourceType::work ? "1" : "0");  // cost resources: Type 0 + IsCostResource, as MS Project writes
    if (r.type == ResourceType::cost) e.add("IsCostResource", "1");
    if (!r.material_label.empty()) e.add("MaterialLabel", r.material_label);
    if (!r.group.empty()) e.add("Group", r.group);
    e.add("MaxUnits", detail::format_double(r.max_units));
    if (r.calendar) e.add("CalendarUID", calendar_uid_(*r.calendar));
    if (!r.notes.empty()) e.add("Notes", r.notes);
    if (!r.availability.empty()) {
        std::string xml = "<AvailabilityPeriods>";
        for (const auto& a : r.availability) {
            const Instant to = a.to.minute_of_day() == 0 ? a.to - Duration{1} : a.to;
            xml += "<AvailabilityPeriod>" + el("AvailableFrom", detail::format_iso_datetime(a.from)) +
                   el("AvailableTo", detail::format_iso_datetime(to)) +
                   el("AvailableUnits", detail::format_double(a.units)) + "</AvailabilityPeriod>";
        }
        e.add_raw("AvailabilityPeriods", xml + "</AvailabilityPeriods>");
    }
    std::string rates;
    for (std::size_t i = 0; i < r.cost_rates.size(); ++i) {
        const auto& cr = r.cost_rates[i];
        const Instant to = i + 1 < r.cost_rates.size() ? r.cost_rates[i + 1].effective_from : Instant::from_ymd_hm(2049, 12, 31, 23, 59);
        const auto fmt = [&](const char* name) {
            const auto it = r.custom.find("mspdi.Rates.A." + std::to_string(i) + "." + name);
            return it != r.custom.end() && std::holds_alternative<std::string>(it->second) ? el(name, std::get<std::string>(it->second))
                                                                                          : std::string();
        };
        rates += "<Rate>" + el("RatesFrom", detail::format_iso_datetime(cr.effective_from)) +
                 el("RatesTo", detail::format_iso_datetime(to)) + el("RateTable", "0") +
                 el("StandardRate", detail::format_double(cr.standard_per_hour.major())) +
                 fmt("StandardRateFormat") +
                 el("OvertimeRate", detail::format_double(cr.overtime_per_hour.major())) +
                 fmt("OvertimeRateFormat") + el("CostPerUse", money_cents(cr.per_use)) + "</Rate>";
    }
    if (const auto it = r.custom.find("mspdi.xml.Rates"); it != r.custom.end() && std::holds_alternative<std::string>(it->second))
        rates += std::get<std::string>(it->second);
    if (!rates.empty()) e.add_raw("Rates", "<Rates>" + rates + "</Rates>");
    add_extended(e, r.custom);
    add_baselines(e, r.custom, kResourceBaselineOrder);
    e.add_custom(r.custom);
    return "<Resource>" + e.str() + "</Resource>";
}

std::string Writer::run() {
    if (pf_.projects.empty()) throw ModelError::invalid_value("portfolio", pf_.id.str(), "has no project to write as MSPDI");
    const Project& p = pf_.projects.front();
    for (const auto& t : p.tasks) task_uid_.add(t.id);
    task_uid_.finish();
    for (const auto& r : pf_.resources) resource_uid_.add(r.id);
    resource_uid_.finish();
    for (const auto& c : pf_.calendars) calendar_uid_.add(c.id);
    calendar_uid_.finish();

    // Extended attribute definitions kept by the reader (FieldName -> FieldID from their XML).
    std::string definitions;
    for (const auto& [key, value] : pf_.custom) {
        if (key.rfind("mspdi.ExtendedAttributeDefinition.", 0) != 0 || !std::holds_alternative<std::string>(value)) continue;
        const std::string& xml = std::get<std::string>(value);
        pugi::xml_document d;
        if (!d.load_buffer(xml.data(), xml.size())) continue;
        const auto node = d.document_element();
        field_ids_[node.child_value("FieldName")] = node.child_value("FieldID");
        definitions += xml;
    }

    Elements head(detail::kMspdiProjectOrder);
    const auto custom_text = [&](const char* key, std::string def) {
        const auto it = p.custom.find(key);
        return it != p.custom.end() && std::holds_alternative<std::string>(it->second) ? std::get<std::string>(it->second) : def;
    };
    head.add("SaveVersion", custom_text("mspdi.SaveVersion", "14"));
    head.add("Name", custom_text("mspdi.Name", p.id.str() + ".xml"));
    if (!p.name.empty()) head.add("Title", p.name);
    if (!p.manager.empty()) head.add("Manager", p.manager);
    head.add("StartDate", detail::format_iso_datetime(p.start));
    head.add("CurrencyCode", custom_text("mspdi.CurrencyCode", "USD"));
    const auto project_calendar = p.calendar ? p.calendar : pf_.default_calendar;
    if (project_calendar) head.add("CalendarUID", calendar_uid_(*project_calendar));
    head.add("MinutesPerDay", std::to_string(p.minutes_per_day));
    head.add("MinutesPerWeek", std::to_string(p.minutes_per_week));
    head.add("HonorConstraints", p.honor_constraints ? "1" : "0");
    const auto status = p.status_date ? p.status_date : pf_.status_date;
    if (status) head.add("StatusDate", detail::format_iso_datetime(*status));
    if (!definitions.empty()) head.add_raw("ExtendedAttributes", "<ExtendedAttributes>" + definitions + "</ExtendedAttributes>");

    std::string cals;
    for (const auto& c : pf_.calendars) cals += calendar(c);
    head.add_raw("Calendars", "<Calendars>" + cals + "</Calendars>");

    std::map<std::string, int, std::less<>> level;
    std::set<std::string, std::less<>> summaries;
    for (const auto& t : p.tasks) {
        level[t.id.str()] = t.parent && level.count(t.parent->str()) ? level[t.parent->str()] + 1 : 1;
        if (t.parent) summaries.insert(t.parent->str());
    }
    std::string tasks;
    for (std::size_t i = 0; i < p.tasks.size(); ++i) tasks += task(p, p.tasks[i], i + 1, level, summaries);
    head.add_raw("Tasks", "<Tasks>" + tasks + "</Tasks>");

    std::string resources;
    for (std::size_t i = 0; i < pf_.resources.size(); ++i) resources += resource(pf_.resources[i], i + 1);
    head.add_raw("Resources", "<Resources>" + resources + "</Resources>");

    std::string assignments;
    std::int64_t next_assignment = 1;
    std::set<std::string> used;
    for (const auto& t : p.tasks)
        for (const auto& a : t.assignments)
            if (const auto it = a.custom.find("mspdi.UID"); it != a.custom.end() && std::holds_alternative<std::string>(it->second)) {
                used.insert(std::get<std::string>(it->second));
                if (const auto v = detail::parse_int(std::get<std::string>(it->second))) next_assignment = std::max(next_assignment, *v + 1);
            }
    for (const auto& t : p.tasks) {
        for (const auto& a : t.assignments) {
            Elements e(detail::kMspdiAssignmentOrder);
            std::string uid;
            if (const auto it = a.custom.find("mspdi.UID"); it != a.custom.end() && std::holds_alternative<std::string>(it->second))
                uid = std::get<std::string>(it->second);
            else uid = std::to_string(next_assignment++);
            e.add("UID", uid);
            e.add("TaskUID", task_uid_(t.id));
            e.add("ResourceUID", resource_uid_(a.resource));
            e.add("Units", detail::format_double(a.units));
            if (a.work) e.add("Work", detail::format_iso_duration(a.work->count()));
            if (a.actual_work) e.add("ActualWork", detail::format_iso_duration(a.actual_work->count()));
            if (a.cost) e.add("Cost", money_cents(*a.cost));
            add_extended(e, a.custom);
            add_baselines(e, a.custom, kAssignmentBaselineOrder);
            e.add_custom(a.custom);
            assignments += "<Assignment>" + e.str() + "</Assignment>";
        }
    }
    head.add_raw("Assignments", "<Assignments>" + assignments + "</Assignments>");
    head.add_custom(p.custom);

    const std::string flat = "<Project xmlns=\"http://schemas.microsoft.com/project\">" + head.str() + "</Project>";
    pugi::xml_document doc;
    const auto res = doc.load_buffer(flat.data(), flat.size());
    if (!res) throw ModelError::invalid_value("MSPDI output", p.id.str(), std::string("internal XML error: ") + res.description());
    std::ostringstream os;
    doc.save(os, "\t", pugi::format_default, pugi::encoding_utf8);
    return os.str();
}

}  // namespace

std::string write_mspdi(const Portfolio& portfolio) { return Writer(portfolio).run(); }

void write_mspdi_file(const Portfolio& portfolio, const std::filesystem::path& path) {
    const std::string text = write_mspdi(portfolio);
    std::ofstream out(path, std::ios::binary);
    if (!out) throw ParseError::io(path.string(), "cannot open for writing");
    out << text;
    if (!out) throw ParseError::io(path.string(), "write failed");
}

}  // namespace ppm
