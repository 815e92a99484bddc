// Writing ppm's JSON format in its canonical form (docs/format.md, "Canonical form"): keys in the
// order of the schema, values at their defaults omitted (ids, names, a task's duration and a
// project's start always written), durations as "<n>d"/"<n>h"/"<n>m", instants "YYYY-MM-DDTHH:MM",
// money as major units, 2-space indent, "\n" line ends and a final newline.
#include <cmath>
#include <fstream>
#include <string>
#include <utility>

#include "io/detail/json_units.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"

#include <nlohmann/json.hpp>

namespace ppm {

namespace {

using ojson = nlohmann::ordered_json;

double finite(double v, std::string_view what, const std::string& id) {
    if (!std::isfinite(v)) throw ModelError::invalid_value(what, id, "not a finite number (JSON cannot hold it)");
    return v;
}

ojson money(Money m) {
    if (m.minor_units() % 100 == 0) return ojson(m.minor_units() / 100);
    return ojson(static_cast<double>(m.minor_units()) / 100.0);
}

// What the reader accepts (detail::kMaxDurationMinutes): refuse to write a file ppm cannot read back.
std::string duration_text(Duration d, const detail::DurationUnits& units, std::string_view what, const std::string& id) {
    const std::int64_t m = d.count();
    if (m > detail::kMaxDurationMinutes || m < -detail::kMaxDurationMinutes)
        throw ModelError::invalid_value(what, id, std::to_string(m) + " minutes is out of range (|minutes| <= 10^12)");
    return detail::format_duration(m, units);
}

ojson custom(const CustomFields& fields, const std::string& id) {
    ojson o = ojson::object();
    for (const auto& [name, value] : fields) {
        if (const auto* s = std::get_if<std::string>(&value))
            o[name] = *s;
        else if (const auto* d = std::get_if<double>(&value))
            o[name] = finite(*d, "custom field " + name, id);
        else if (const auto* t = std::get_if<Instant>(&value))
            o[name] = ojson{{"date", to_string(*t)}};
        else
            o[name] = std::get<bool>(value);
    }
    return o;
}

void put_text(ojson& o, const char* key, const std::string& s) {
    if (!s.empty()) o[key] = s;
}
void put_custom(ojson& o, const CustomFields& c, const std::string& id) {
    if (!c.empty()) o["custom"] = custom(c, id);
}
template <class IdT>
void put_id(ojson& o, const char* key, const std::optional<IdT>& id) {
    if (id) o[key] = id->str();
}
void put_instant(ojson& o, const char* key, const std::optional<Instant>& t) {
    if (t) o[key] = to_string(*t);
}

ojson hours(const DaySchedule& day) {
    ojson a = ojson::array();
    for (const auto& iv : day) a.push_back(detail::format_interval(iv.start, iv.finish));
    return a;
}

ojson calendar(const Calendar& c) {
    ojson o;
    o["id"] = c.id.str();
    o["name"] = c.name;
    put_id(o, "base", c.base);
    ojson week = ojson::object();
    for (std::size_t d = 0; d < 7; ++d)
        if (c.week[d]) week[std::string(detail::kWeekdayKeys[d])] = hours(*c.week[d]);
    if (!week.empty()) o["week"] = std::move(week);
    if (!c.exceptions.empty()) {
        ojson a = ojson::array();
        for (const auto& ex : c.exceptions) {
            ojson e;
            put_text(e, "name", ex.name);
            if (ex.from == ex.to) {
                e["date"] = to_string(ex.from);
            } else {
                e["from"] = to_string(ex.from);
                e["to"] = to_string(ex.to);
            }
            if (!ex.hours.empty()) e["hours"] = hours(ex.hours);
            if (ex.yearly) e["yearly"] = true;
            a.push_back(std::move(e));
        }
        o["exceptions"] = std::move(a);
    }
    put_text(o, "notes", c.notes);
    put_custom(o, c.custom, c.id.str());
    return o;
}

ojson resource(const Resource& r) {
    const std::string& id = r.id.str();
    ojson o;
    o["id"] = id;
    o["name"] = r.name;
    if (r.type != ResourceType::work) o["type"] = to_string(r.type);
    if (r.max_units != 1.0) o["max_units"] = finite(r.max_units, "max units", id);
    if (!r.availability.empty()) {
        ojson a = ojson::array();
        for (const auto& p : r.availability) {
            ojson e{{"from", to_string(p.from)}, {"to", to_string(p.to)}};
            if (p.units != 1.0) e["units"] = finite(p.units, "availability units", id);
            a.push_back(std::move(e));
        }
        o["availability"] = std::move(a);
    }
    put_id(o, "calendar", r.calendar);
    if (!r.cost_rates.empty()) {
        ojson a = ojson::array();
        for (const auto& c : r.cost_rates) {
            ojson e{{"from", to_string(c.effective_from)}};
            if (c.standard_per_hour != Money{}) e["standard"] = money(c.standard_per_hour);
            if (c.overtime_per_hour != Money{}) e["overtime"] = money(c.overtime_per_hour);
            if (c.per_use != Money{}) e["per_use"] = money(c.per_use);
            a.push_back(std::move(e));
        }
        o["cost_rates"] = std::move(a);
    }
    put_text(o, "material_label", r.material_label);
    put_text(o, "group", r.group);
    put_text(o, "notes", r.notes);
    put_custom(o, r.custom, id);
    return o;
}

ojson program(const Program& g) {
    ojson o;
    o["id"] = g.id.str();
    o["name"] = g.name;
    put_id(o, "parent", g.parent);
    put_text(o, "manager", g.manager);
    put_text(o, "notes", g.notes);
    put_custom(o, g.custom, g.id.str());
    return o;
}

ojson task(const Task& t, const detail::DurationUnits& units) {
    const std::string& id = t.id.str();
    ojson o;
    o["id"] = id;
    o["name"] = t.name;
    put_id(o, "parent", t.parent);
    o["duration"] = duration_text(t.duration, units, "task duration", id);
    if (t.milestone) o["milestone"] = true;
    put_id(o, "calendar", t.calendar);
    auto constraint = [&](const char* key, const Constraint& con) {
        ojson c{{"type", to_string(con.type)}};
        put_instant(c, "date", con.date);
        o[key] = std::move(c);
    };
    if (t.constraint != Constraint{}) constraint("constraint", t.constraint);
    if (t.secondary_constraint) constraint("secondary_constraint", *t.secondary_constraint);
    put_instant(o, "deadline", t.deadline);
    if (t.priority != 500) o["priority"] = t.priority;
    if (!t.predecessors.empty()) {
        ojson a = ojson::array();
        for (const auto& d : t.predecessors) {
            ojson e{{"task", d.predecessor.str()}};
            if (d.type != LinkType::finish_start) e["type"] = to_string(d.type);
            if (d.lag.amount.count() != 0)
                e["lag"] = duration_text(d.lag.amount, d.lag.unit == LagUnit::elapsed ? detail::kElapsedUnits : units, "lag", id);
            if (d.lag.unit != LagUnit::working) e["lag_unit"] = to_string(d.lag.unit);
            if (d.lag.percent != 0.0) e["lag_percent"] = finite(d.lag.percent, "lag percent", id);
            if (d.lag_calendar != LagCalendar::predecessor) e["lag_calendar"] = to_string(d.lag_calendar);
            put_custom(e, d.custom, id);
            a.push_back(std::move(e));
        }
        o["predecessors"] = std::move(a);
    }
    if (!t.assignments.empty()) {
        ojson a = ojson::array();
        for (const auto& as : t.assignments) {
            ojson e{{"resource", as.resource.str()}};
            if (as.units != 1.0) e["units"] = finite(as.units, "assignment units", id);
            if (as.work) e["work"] = duration_text(*as.work, units, "assignment work", id);
            if (as.actual_work) e["actual_work"] = duration_text(*as.actual_work, units, "assignment actual work", id);
            if (as.cost) e["cost"] = money(*as.cost);
            put_custom(e, as.custom, id);
            a.push_back(std::move(e));
        }
        o["assignments"] = std::move(a);
    }
    if (t.fixed_cost != Money{}) o["fixed_cost"] = money(t.fixed_cost);
    if (t.progress != Progress{}) {
        const Progress& g = t.progress;
        ojson p = ojson::object();
        put_instant(p, "actual_start", g.actual_start);
        put_instant(p, "actual_finish", g.actual_finish);
        if (g.percent_complete != 0.0) p["percent_complete"] = finite(g.percent_complete, "percent complete", id);
        if (g.remaining_duration) p["remaining_duration"] = duration_text(*g.remaining_duration, units, "remaining duration", id);
        if (g.actual_cost) p["actual_cost"] = money(*g.actual_cost);
        o["progress"] = std::move(p);
    }
    if (t.earned_value != EarnedValueRule{}) {
        const EarnedValueRule& r = t.earned_value;
        ojson e{{"method", to_string(r.method)}};
        switch (r.method) {
            case EarnedValueMethod::percent_complete:
            case EarnedValueMethod::level_of_effort: break;
            case EarnedValueMethod::fixed_formula:
                if (r.start_percent != 0.0) e["start_percent"] = finite(r.start_percent, "earned-value start percent", id);
                break;
            case EarnedValueMethod::weighted_milestones: {
                ojson a = ojson::array();
                for (const auto& m : r.milestones) {
                    ojson ms{{"name", m.name}};
                    if (m.weight != 1.0) ms["weight"] = finite(m.weight, "earned-value milestone weight", id);
                    a.push_back(std::move(ms));
                }
                e["milestones"] = std::move(a);
                break;
            }
            case EarnedValueMethod::units_complete: e["units"] = finite(r.units, "earned-value units", id); break;
            case EarnedValueMethod::apportioned_effort: put_id(e, "apportioned_to", r.apportioned_to); break;
        }
        o["earned_value"] = std::move(e);
    }
    put_text(o, "notes", t.notes);
    put_custom(o, t.custom, id);
    return o;
}

ojson project(const Project& p) {
    const std::string& id = p.id.str();
    ojson o;
    o["id"] = id;
    o["name"] = p.name;
    put_id(o, "program", p.program);
    o["start"] = to_string(p.start);
    put_instant(o, "deadline", p.deadline);
    put_id(o, "calendar", p.calendar);
    put_instant(o, "status_date", p.status_date);
    if (p.priority != 500) o["priority"] = p.priority;
    if (p.delay_weight != 1.0) o["delay_weight"] = p.delay_weight;
    if (p.minutes_per_day != 480) o["minutes_per_day"] = p.minutes_per_day;
    if (p.minutes_per_week != 2400) o["minutes_per_week"] = p.minutes_per_week;
    if (!p.honor_constraints) o["honor_constraints"] = false;
    put_text(o, "manager", p.manager);
    const detail::DurationUnits units{.minutes_per_day = p.minutes_per_day, .minutes_per_week = p.minutes_per_week};
    ojson tasks = ojson::array();
    for (const auto& t : p.tasks) tasks.push_back(task(t, units));
    o["tasks"] = std::move(tasks);
    put_text(o, "notes", p.notes);
    put_custom(o, p.custom, id);
    return o;
}

ojson document(const Portfolio& pf) {
    ojson p;
    p["id"] = pf.id.str();
    p["name"] = pf.name;
    put_id(p, "default_calendar", pf.default_calendar);
    put_instant(p, "status_date", pf.status_date);
    auto list = [](const auto& items, auto fn) {
        ojson a = ojson::array();
        for (const auto& x : items) a.push_back(fn(x));
        return a;
    };
    p["calendars"] = list(pf.calendars, calendar);
    p["resources"] = list(pf.resources, resource);
    p["programs"] = list(pf.programs, program);
    p["projects"] = list(pf.projects, project);
    put_text(p, "notes", pf.notes);
    put_custom(p, pf.custom, pf.id.str());
    ojson root;
    root["format"] = "ppm";
    root["version"] = 1;
    root["portfolio"] = std::move(p);
    return root;
}

std::string dump(const ojson& root) {
    try {
        return root.dump(2) + "\n";
    } catch (const nlohmann::json::type_error& e) {
        throw ModelError::invalid_value("text", "", std::string("cannot be written as JSON: ") + e.what());
    }
}

}  // namespace

std::string write_json(const Portfolio& portfolio) { return dump(document(portfolio)); }

std::string write_json(const Portfolio& portfolio, const std::map<std::string, std::string, std::less<>>& sections) {
    ojson root = document(portfolio);
    for (const auto& [name, text] : sections) {
        if (name == "format" || name == "version" || name == "portfolio")
            throw ModelError::invalid_value("section name", name, "reserved for the model");
        try {
            root[name] = ojson::parse(text);
        } catch (const nlohmann::json::parse_error& e) {
            throw ParseError::syntax("section " + name, 0, 0, e.what());
        }
    }
    return dump(root);
}

void write_json_file(const Portfolio& portfolio, const std::filesystem::path& path) {
    const std::string text = write_json(portfolio);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw ParseError::io(path.string(), "cannot open file for writing");
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) throw ParseError::io(path.string(), "write failed");
}

}  // namespace ppm
