// MSPDI writer: emits elements in the order of Microsoft's Project 2013 schema (mspdi_pj15.xsd,
// tables in detail/mspdi_schema.hpp) so the output validates, and writes back every custom field the
// reader kept ("mspdi.<Element>" scalars, "mspdi.xml.<Element>" verbatim XML, extended attributes,
// "mspdi.Baseline<N>.<Field>"). Elements outside the schema (e.g. Project 2019's BuildNumber) are
// not written. What MS Project XML cannot say is written as its nearest equivalent and named in a
// warning (`write_mspdi_with_warnings`), never changed in silence: P6 constraint types MS Project
// lacks, a second constraint, lag calendars other than the successor's, links into other projects,
// further projects of the portfolio, custom fields of other formats. See docs/interchange.md.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include <pugixml.hpp>

#include "detail/interchange_text.hpp"
#include "detail/mspdi_common.hpp"
#include "detail/mspdi_schema.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/schedule_output.hpp"
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
    Writer(const Portfolio& pf, std::string target) : pf_(pf), target_(std::move(target)) {}
    std::string run();
    std::vector<ImportWarning> warnings;

private:
    const Portfolio& pf_;
    std::string target_;
    std::optional<CalendarId> project_calendar_;
    std::map<std::string, const Task*, std::less<>> task_by_id_;
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
    void warn(std::string entity, std::string message) { warnings.push_back({target_, 0, std::move(entity), std::move(message)}); }
    /// The MSPDI ConstraintType of `c` in project `p`, the nearest one when MS Project has none that
    /// binds the same way under the project's HonorConstraints (docs/scheduling.md, "Constraints").
    std::string constraint_code(const Project& p, const Task& t, const Constraint& c);
    std::optional<CalendarId> task_calendar(const Task& t) const { return t.calendar ? t.calendar : project_calendar_; }
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

std::string Writer::constraint_code(const Project& p, const Task& t, const Constraint& c) {
    const std::string entity = "task " + t.id.str();
    const bool honor = p.honor_constraints;
    switch (c.type) {
        case ConstraintType::as_soon_as_possible: return "0";
        case ConstraintType::as_late_as_possible: return "1";
        case ConstraintType::must_start_on: return "2";
        case ConstraintType::must_finish_on: return "3";
        case ConstraintType::start_no_earlier_than: return "4";
        case ConstraintType::start_no_later_than: return "5";
        case ConstraintType::finish_no_earlier_than: return "6";
        case ConstraintType::finish_no_later_than: return "7";
        // P6's types. MS Project's MSO / MFO bind like P6 "Start On" / "Finish On" when the project
        // does not honour constraints and like "Mandatory Start" / "Mandatory Finish" when it does.
        case ConstraintType::start_on:
        case ConstraintType::finish_on: {
            const bool start = c.type == ConstraintType::start_on;
            if (!honor) return start ? "2" : "3";
            warn(entity, std::string("P6 ") + (start ? "Start On" : "Finish On") +
                             " constraint written as " + (start ? "Start No Earlier Than (SNET)" : "Finish No Earlier Than (FNET)") +
                             ": this project honours constraints, where MS Project's " + (start ? "MSO" : "MFO") +
                             " would override logic; SNET/FNET give the same early dates, the late-date bound is lost");
            return start ? "4" : "6";
        }
        case ConstraintType::mandatory_start:
        case ConstraintType::mandatory_finish: {
            const bool start = c.type == ConstraintType::mandatory_start;
            if (honor) return start ? "2" : "3";
            warn(entity, std::string("P6 ") + (start ? "Mandatory Start" : "Mandatory Finish") + " constraint written as " +
                             (start ? "Must Start On (MSO)" : "Must Finish On (MFO)") +
                             ", the nearest MS Project type: this project does not honour constraints (HonorConstraints 0), so "
                             "MS Project lets logic move the task, where P6 keeps it on its date");
            return start ? "2" : "3";
        }
    }
    return "0";
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
    // MSPDI holds one constraint per task: a P6 secondary constraint cannot travel. When the primary
    // is ASAP, the secondary is written in its place (the same binding); otherwise it is dropped.
    // Either way a warning names it.
    Constraint constraint = t.constraint;
    if (t.secondary_constraint && t.secondary_constraint->type != ConstraintType::as_soon_as_possible) {
        const Constraint& second = *t.secondary_constraint;
        const std::string what = std::string(to_string(second.type)) +
                                 (second.date ? " " + detail::format_iso_datetime(*second.date) : std::string());
        if (constraint.type == ConstraintType::as_soon_as_possible) {
            constraint = second;
            warn("task " + t.id.str(), "secondary constraint " + what + " written as the task's only constraint (MS Project XML holds one)");
        } else {
            warn("task " + t.id.str(), "secondary constraint " + what + " not written: MS Project XML holds one constraint per task, the primary " +
                                           std::string(to_string(constraint.type)) + " is kept");
        }
    }
    e.add("ConstraintType", constraint_code(p, t, constraint));
    if (constraint.date) e.add("ConstraintDate", detail::format_iso_datetime(*constraint.date));
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
        const auto pred = task_by_id_.find(d.predecessor.str());
        if (pred == task_by_id_.end()) {
            // MSPDI links stay inside the file (external links need the other project's file).
            warn("task " + t.id.str(), "link from " + d.predecessor.str() + " (" + std::string(to_string(d.type)) +
                                           ") not written: the predecessor is not in this project");
            continue;
        }
        Elements l(detail::kMspdiLinkOrder);
        l.add("PredecessorUID", task_uid_(d.predecessor));
        static constexpr const char* kLink[] = {"1", "3", "0", "2"};  // FS, SS, FF, SF
        l.add("Type", kLink[static_cast<int>(d.type)]);
        std::int64_t lag = 0;
        int fmt = 7;
        LagUnit unit = d.lag.unit;
        const bool has_lag = d.lag.unit == LagUnit::percent ? d.lag.percent != 0.0 : d.lag.amount.count() != 0;
        // MS Project measures a lag on the successor's calendar (LagCalendar::successor); P6 may use
        // the predecessor's, the project's or a 24-hour calendar, which MSPDI cannot name.
        if (has_lag && unit != LagUnit::elapsed && d.lag_calendar != LagCalendar::successor) {
            const std::string link = "link from " + d.predecessor.str() + " (" + std::string(to_string(d.type)) + ")";
            if (d.lag_calendar == LagCalendar::twenty_four_hour && unit == LagUnit::working) {
                unit = LagUnit::elapsed;  // elapsed time is a 24-hour calendar: the same span
                warn("task " + t.id.str(), link + ": lag on a 24-hour calendar written as an elapsed lag of the same span "
                                                  "(MS Project XML has no lag calendar)");
            } else {
                const std::optional<CalendarId> used =
                    d.lag_calendar == LagCalendar::predecessor ? task_calendar(*pred->second) : project_calendar_;
                if (d.lag_calendar == LagCalendar::twenty_four_hour || used != task_calendar(t))
                    warn("task " + t.id.str(), link + ": lag measured on the " + std::string(to_string(d.lag_calendar)) +
                                                      " calendar written on the successor's calendar, as MS Project measures it "
                                                      "(MS Project XML has no lag calendar): the successor may move");
            }
        }
        if (unit == LagUnit::percent) { lag = static_cast<std::int64_t>(d.lag.percent * 10.0 + 0.5); fmt = 19; }
        else {
            lag = d.lag.amount.count() * 10;
            fmt = unit == LagUnit::elapsed ? 8 : 7;
            if (unit == LagUnit::elapsed && d.lag.unit != LagUnit::elapsed)  // display unit of the converted lag
                fmt = d.lag.amount.count() % kMinutesPerDay == 0 ? 8 : d.lag.amount.count() % 60 == 0 ? 6 : 4;
        }
        if (const auto it = d.custom.find("mspdi.LagFormat"); it != d.custom.end() && std::holds_alternative<std::string>(it->second)) {
            const auto kept = detail::parse_int(std::get<std::string>(it->second));
            if (kept && detail::mspdi_format_is_percent(static_cast<int>(*kept)) == (unit == LagUnit::percent) &&
                detail::mspdi_format_is_elapsed(static_cast<int>(*kept)) == (unit == LagUnit::elapsed))
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
    if (pf_.projects.size() > 1) {
        std::string others;
        for (std::size_t i = 1; i < pf_.projects.size(); ++i) others += (i > 1 ? ", " : "") + pf_.projects[i].id.str();
        warn("portfolio " + pf_.id.str(), "MS Project XML holds one project: only " + p.id.str() + " is written, not " + others +
                                             " (write .json, or one file per project)");
    }
    project_calendar_ = p.calendar ? p.calendar : pf_.default_calendar;
    for (const auto& t : p.tasks) task_by_id_[t.id.str()] = &t;
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
    if (const auto it = p.custom.find("mspdi.xml.OutlineCodes"); it != p.custom.end() && std::holds_alternative<std::string>(it->second)) {
        std::string codes = std::get<std::string>(it->second);  // a model read before the reader completed them
        if (const int n = detail::complete_outline_code_values(codes)) {
            head.add_raw("OutlineCodes", codes);
            warn("project " + p.id.str(), std::to_string(n) + " outline code values completed with the <FieldGUID> and <Type> the "
                                                              "Project 2013 schema requires");
        }
    }
    head.add_custom(p.custom);
    // Custom fields of other formats (P6's "xer.*", "pmxml.*", MPX's "mpx.*") have no MSPDI element.
    std::map<std::string, std::size_t> foreign;
    const auto count_foreign = [&](const CustomFields& custom) {
        for (const auto& [key, value] : custom) {
            for (const char* prefix : {"xer.", "pmxml.", "mpx."})
                if (key.rfind(prefix, 0) == 0) ++foreign[std::string(prefix, std::char_traits<char>::length(prefix) - 1)];
        }
    };
    count_foreign(p.custom);
    for (const auto& t : p.tasks) {
        count_foreign(t.custom);
        for (const auto& d : t.predecessors) count_foreign(d.custom);
        for (const auto& a : t.assignments) count_foreign(a.custom);
    }
    for (const auto& r : pf_.resources) count_foreign(r.custom);
    for (const auto& c : pf_.calendars) count_foreign(c.custom);
    if (!foreign.empty()) {
        std::string list;
        for (const auto& [prefix, n] : foreign) list += (list.empty() ? "" : ", ") + std::to_string(n) + " " + prefix + ".*";
        warn("project " + p.id.str(), "custom fields of other formats have no MS Project XML element and are not written (" + list +
                                          "; .json keeps them)");
    }

    const std::string flat = "<Project xmlns=\"http://schemas.microsoft.com/project\">" + head.str() + "</Project>";
    pugi::xml_document doc;
    const auto res = doc.load_buffer(flat.data(), flat.size());
    if (!res) throw ModelError::invalid_value("MSPDI output", p.id.str(), std::string("internal XML error: ") + res.description());
    std::ostringstream os;
    doc.save(os, "\t", pugi::format_default, pugi::encoding_utf8);
    return os.str();
}

}  // namespace

ExportResult write_mspdi_with_warnings(const Portfolio& portfolio, std::string_view target_name) {
    Writer w(portfolio, std::string(target_name));
    ExportResult out;
    out.text = w.run();
    out.warnings = std::move(w.warnings);
    return out;
}

std::string write_mspdi(const Portfolio& portfolio) { return write_mspdi_with_warnings(portfolio).text; }

std::vector<ImportWarning> write_mspdi_file_with_warnings(const Portfolio& portfolio, const std::filesystem::path& path) {
    ExportResult r = write_mspdi_with_warnings(portfolio, path.string());
    write_text_file(r.text, path);
    return std::move(r.warnings);
}

void write_mspdi_file(const Portfolio& portfolio, const std::filesystem::path& path) { (void)write_mspdi_file_with_warnings(portfolio, path); }

}  // namespace ppm
