// Reading ppm's JSON format (docs/format.md; schema docs/schema/ppm.schema.json).
//
// The document is parsed once into a DOM with positions (detail/json_dom.hpp); the reader then
// walks the model's structure, checking every key against the fields it knows so that nothing the
// user wrote is silently dropped, and converts human-friendly values: ids as strings, instants
// "2026-03-09T08:00", dates "2026-03-09", durations as integer minutes or "5d"/"3h"/"90m"/"2w",
// money as decimal major units converted exactly to minor units.
#include <algorithm>
#include <array>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "io/detail/interchange_text.hpp"
#include "io/detail/json_dom.hpp"
#include "io/detail/json_units.hpp"
#include "io/detail/model_document.hpp"
#include "io/detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/text_file.hpp"

namespace ppm {

namespace {

using json = nlohmann::json;
using detail::JsonDoc;

constexpr std::array<std::string_view, 14> kKnownSections = {"strategy", "selection", "risks",    "baselines",
                                                             "status",   "scenarios", "scoring", "leveling",
                                                             "evm",      "schedule",  "results", "meta",
                                                             "uncertainty", "governance"};

std::string join(std::initializer_list<std::string_view> keys) {
    std::string s;
    for (auto k : keys) {
        if (!s.empty()) s += ", ";
        s += k;
    }
    return s;
}

std::string type_name(const json& v) {
    switch (v.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::number_integer:
        case json::value_t::number_unsigned: return "an integer";
        case json::value_t::number_float: return "a number";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "an unsupported value";
    }
}

/// A JSON object being read, with its pointer; every accessor fails with the field's position.
class Obj {
public:
    Obj(const JsonDoc& doc, const json& j, std::string ptr) : doc_(doc), j_(j), ptr_(std::move(ptr)) {}

    [[noreturn]] static void fail_at(const JsonDoc& doc, const std::string& ptr, const std::string& what) {
        const auto [line, column] = doc.locate(ptr);
        throw ParseError::unexpected(doc.source, line, column, (ptr.empty() ? std::string("/") : ptr) + ": " + what);
    }
    [[noreturn]] void fail(std::string_view key, const std::string& what) const { fail_at(doc_, child(key), what); }

    static Obj object_at(const JsonDoc& doc, const json& j, const std::string& ptr, std::initializer_list<std::string_view> allowed) {
        if (!j.is_object()) fail_at(doc, ptr, "expected an object, found " + type_name(j));
        for (const auto& [k, v] : j.items()) {
            if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
                fail_at(doc, ptr + "/" + detail::escape_pointer_token(k), "unknown key \"" + k + "\" (allowed: " + join(allowed) + ")");
        }
        return Obj(doc, j, ptr);
    }

    [[nodiscard]] std::string child(std::string_view key) const { return ptr_ + "/" + detail::escape_pointer_token(key); }
    [[nodiscard]] const std::string& pointer() const { return ptr_; }
    [[nodiscard]] const JsonDoc& doc() const { return doc_; }
    [[nodiscard]] bool has(std::string_view key) const { return j_.contains(key); }
    [[nodiscard]] const json& raw(std::string_view key) const { return j_.at(std::string(key)); }

    const json& require(std::string_view key) const {
        auto it = j_.find(key);
        if (it == j_.end()) fail_at(doc_, ptr_, "missing required key \"" + std::string(key) + "\"");
        return *it;
    }

    Obj object(std::string_view key, std::initializer_list<std::string_view> allowed) const {
        return object_at(doc_, require(key), child(key), allowed);
    }

    /// Calls f(element json, element pointer) for each element of the array at `key` (absent = empty).
    template <class F>
    void each(std::string_view key, F f) const {
        if (!has(key)) return;
        const json& a = raw(key);
        if (!a.is_array()) fail(key, "expected an array, found " + type_name(a));
        for (std::size_t i = 0; i < a.size(); ++i) f(a[i], child(key) + "/" + std::to_string(i));
    }

    std::string string(std::string_view key) const {
        const json& v = require(key);
        if (!v.is_string()) fail(key, "expected a string, found " + type_name(v));
        return v.get<std::string>();
    }
    std::string string_or(std::string_view key, std::string dflt = {}) const { return has(key) ? string(key) : dflt; }

    template <class IdT>
    std::optional<IdT> opt_id(std::string_view key) const {
        if (!has(key)) return std::nullopt;
        return IdT(string(key));
    }

    bool flag_or(std::string_view key, bool dflt) const {
        if (!has(key)) return dflt;
        const json& v = raw(key);
        if (!v.is_boolean()) fail(key, "expected true or false, found " + type_name(v));
        return v.get<bool>();
    }

    double number_or(std::string_view key, double dflt) const {
        if (!has(key)) return dflt;
        const json& v = raw(key);
        if (!v.is_number()) fail(key, "expected a number, found " + type_name(v));
        return v.get<double>();
    }

    std::int64_t integer_or(std::string_view key, std::int64_t dflt) const {
        if (!has(key)) return dflt;
        const json& v = raw(key);
        if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
            fail(key, "integer out of range");
        if (!v.is_number_integer()) fail(key, "expected an integer, found " + type_name(v));
        return v.get<std::int64_t>();
    }

    int int_or(std::string_view key, int dflt, int lo, int hi) const {
        const std::int64_t v = integer_or(key, dflt);
        if (v < lo || v > hi) fail(key, "expected an integer in " + std::to_string(lo) + ".." + std::to_string(hi) + ", found " + std::to_string(v));
        return static_cast<int>(v);
    }

    Instant instant(std::string_view key) const {
        const std::string s = string(key);
        try {
            return parse_instant(s);
        } catch (const ModelError&) {
            fail(key, "invalid date-time \"" + s + "\" (" + detail::date_problem(s, "YYYY-MM-DD or YYYY-MM-DDTHH:MM") + ")");
        }
    }
    std::optional<Instant> opt_instant(std::string_view key) const {
        if (!has(key)) return std::nullopt;
        return instant(key);
    }

    Date date(std::string_view key) const {
        const std::string s = string(key);
        try {
            return parse_date(s);
        } catch (const ModelError&) {
            fail(key, "invalid date \"" + s + "\" (" + detail::date_problem(s, "YYYY-MM-DD") + ")");
        }
    }

    /// Duration: integer minutes or "<number><m|h|d|w>", `allow_negative` for lags.
    Duration duration(std::string_view key, const detail::DurationUnits& units, bool allow_negative) const {
        const json& v = require(key);
        std::int64_t minutes = 0;
        if (v.is_number_integer()) {
            if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
                fail(key, "duration out of range");
            minutes = v.get<std::int64_t>();
        } else if (v.is_string()) {
            std::string error;
            const std::string s = v.get<std::string>();
            auto parsed = detail::parse_duration_text(s, units, error);
            if (!parsed) fail(key, "invalid duration \"" + s + "\": " + error);
            minutes = *parsed;
        } else {
            fail(key, "expected a duration (integer minutes or a string like \"5d\"), found " + type_name(v));
        }
        if (minutes < 0 && !allow_negative) fail(key, "negative duration " + std::to_string(minutes) + " minutes is not allowed here");
        if (minutes > detail::kMaxDurationMinutes || minutes < -detail::kMaxDurationMinutes)
            fail(key, "duration out of range (|minutes| > 10^12)");
        return Duration{minutes};
    }
    std::optional<Duration> opt_duration(std::string_view key, const detail::DurationUnits& units) const {
        if (!has(key)) return std::nullopt;
        return duration(key, units, false);
    }

    /// Money in decimal major units, converted exactly (at most 2 decimals).
    Money money(std::string_view key) const {
        const json& v = require(key);
        if (v.is_number_integer()) {
            if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX / 100))
                fail(key, "amount out of range");
            const std::int64_t major = v.get<std::int64_t>();
            if (major > INT64_MAX / 100 || major < INT64_MIN / 100) fail(key, "amount out of range");
            return Money{major * 100};
        }
        if (!v.is_number_float()) fail(key, "expected an amount of money (a number), found " + type_name(v));
        auto raw = doc_.raw_floats.find(child(key));
        std::string error;
        auto minor = detail::parse_money_text(raw == doc_.raw_floats.end() ? std::string() : raw->second, v.get<double>(), error);
        if (!minor) fail(key, error);
        return Money{*minor};
    }
    std::optional<Money> opt_money(std::string_view key) const {
        if (!has(key)) return std::nullopt;
        return money(key);
    }
    Money money_or_zero(std::string_view key) const { return has(key) ? money(key) : Money{}; }

    CustomFields custom() const {
        CustomFields out;
        if (!has("custom")) return out;
        const json& c = raw("custom");
        const std::string cp = child("custom");
        if (!c.is_object()) fail_at(doc_, cp, "expected an object of custom fields, found " + type_name(c));
        for (const auto& [name, v] : c.items()) {
            const std::string vp = cp + "/" + detail::escape_pointer_token(name);
            if (v.is_string())
                out.emplace(name, v.get<std::string>());
            else if (v.is_boolean())
                out.emplace(name, v.get<bool>());
            else if (v.is_number())
                out.emplace(name, v.get<double>());
            else if (v.is_object())
                out.emplace(name, object_at(doc_, v, vp, {"date"}).instant("date"));
            else
                fail_at(doc_, vp, "a custom field is a string, number, boolean or {\"date\": ...}; found " + type_name(v));
        }
        return out;
    }

private:
    const JsonDoc& doc_;
    const json& j_;
    std::string ptr_;
};

template <class Enum, std::size_t N>
Enum enum_or(const Obj& o, std::string_view key, Enum dflt, const std::array<Enum, N>& values) {
    if (!o.has(key)) return dflt;
    const std::string s = o.string(key);
    std::string allowed;
    for (Enum e : values) {
        if (to_string(e) == s) return e;
        allowed += (allowed.empty() ? "" : ", ") + std::string(to_string(e));
    }
    o.fail(key, "unknown value \"" + s + "\" (allowed: " + allowed + ")");
}

// ---- calendars --------------------------------------------------------------------------------

DaySchedule read_hours(const JsonDoc& doc, const json& a, const std::string& ptr) {
    if (!a.is_array()) Obj::fail_at(doc, ptr, "expected an array of \"HH:MM-HH:MM\" intervals, found " + type_name(a));
    DaySchedule day;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::string ep = ptr + "/" + std::to_string(i);
        if (!a[i].is_string()) Obj::fail_at(doc, ep, "expected an interval \"HH:MM-HH:MM\", found " + type_name(a[i]));
        const std::string s = a[i].get<std::string>();
        auto iv = detail::parse_interval_text(s);
        if (!iv) Obj::fail_at(doc, ep, "invalid working interval \"" + s + "\" (expected \"HH:MM-HH:MM\", 00:00..24:00)");
        day.push_back(WorkInterval{iv->first, iv->second});
    }
    return day;
}

Calendar read_calendar(const JsonDoc& doc, const json& j, const std::string& ptr) {
    const Obj o = Obj::object_at(doc, j, ptr, {"id", "name", "base", "week", "exceptions", "notes", "custom"});
    Calendar c;
    c.id = CalendarId(o.string("id"));
    c.name = o.string_or("name");
    c.base = o.opt_id<CalendarId>("base");
    if (o.has("week")) {
        const Obj w = o.object("week", {"mon", "tue", "wed", "thu", "fri", "sat", "sun"});
        for (std::size_t d = 0; d < 7; ++d) {
            const std::string_view name = detail::kWeekdayKeys[d];
            if (w.has(name)) c.week[d] = read_hours(doc, w.raw(name), w.child(name));
        }
    }
    o.each("exceptions", [&](const json& ej, const std::string& ep) {
        const Obj e = Obj::object_at(doc, ej, ep, {"name", "date", "from", "to", "hours", "yearly"});
        CalendarException ex;
        ex.name = e.string_or("name");
        if (e.has("date")) {
            if (e.has("from") || e.has("to")) e.fail("date", "give either \"date\" or \"from\" and \"to\", not both");
            ex.from = ex.to = e.date("date");
        } else {
            ex.from = e.date("from");
            ex.to = e.date("to");
        }
        if (e.has("hours")) ex.hours = read_hours(doc, e.raw("hours"), e.child("hours"));
        ex.yearly = e.flag_or("yearly", false);
        c.exceptions.push_back(std::move(ex));
    });
    c.notes = o.string_or("notes");
    c.custom = o.custom();
    return c;
}

// ---- resources, programs -----------------------------------------------------------------------

Resource read_resource(const JsonDoc& doc, const json& j, const std::string& ptr) {
    const Obj o = Obj::object_at(doc, j, ptr,
                                 {"id", "name", "type", "max_units", "availability", "calendar", "cost_rates", "material_label",
                                  "group", "notes", "custom"});
    Resource r;
    r.id = ResourceId(o.string("id"));
    r.name = o.string_or("name");
    r.type = enum_or(o, "type", ResourceType::work,
                     std::array{ResourceType::work, ResourceType::material, ResourceType::cost});
    r.max_units = o.number_or("max_units", 1.0);
    o.each("availability", [&](const json& aj, const std::string& ap) {
        const Obj a = Obj::object_at(doc, aj, ap, {"from", "to", "units"});
        r.availability.push_back(AvailabilityPeriod{.from = a.instant("from"), .to = a.instant("to"), .units = a.number_or("units", 1.0)});
    });
    r.calendar = o.opt_id<CalendarId>("calendar");
    o.each("cost_rates", [&](const json& cj, const std::string& cp) {
        const Obj c = Obj::object_at(doc, cj, cp, {"from", "standard", "overtime", "per_use"});
        r.cost_rates.push_back(CostRate{.effective_from = c.instant("from"),
                                        .standard_per_hour = c.money_or_zero("standard"),
                                        .overtime_per_hour = c.money_or_zero("overtime"),
                                        .per_use = c.money_or_zero("per_use")});
    });
    r.material_label = o.string_or("material_label");
    r.group = o.string_or("group");
    r.notes = o.string_or("notes");
    r.custom = o.custom();
    return r;
}

Program read_program(const JsonDoc& doc, const json& j, const std::string& ptr) {
    const Obj o = Obj::object_at(doc, j, ptr, {"id", "name", "parent", "manager", "notes", "custom"});
    return Program{.id = ProgramId(o.string("id")),
                   .name = o.string_or("name"),
                   .parent = o.opt_id<ProgramId>("parent"),
                   .manager = o.string_or("manager"),
                   .notes = o.string_or("notes"),
                   .custom = o.custom()};
}

// ---- tasks -------------------------------------------------------------------------------------

Dependency read_dependency(const JsonDoc& doc, const json& j, const std::string& ptr, const detail::DurationUnits& units) {
    const Obj o = Obj::object_at(doc, j, ptr, {"task", "type", "lag", "lag_unit", "lag_percent", "lag_calendar", "custom"});
    Dependency d;
    d.predecessor = TaskId(o.string("task"));
    d.type = enum_or(o, "type", LinkType::finish_start,
                     std::array{LinkType::finish_start, LinkType::start_start, LinkType::finish_finish, LinkType::start_finish});
    d.lag.unit = enum_or(o, "lag_unit", LagUnit::working, std::array{LagUnit::working, LagUnit::elapsed, LagUnit::percent});
    if (o.has("lag")) d.lag.amount = o.duration("lag", d.lag.unit == LagUnit::elapsed ? detail::kElapsedUnits : units, true);
    d.lag.percent = o.number_or("lag_percent", 0.0);
    d.lag_calendar = enum_or(o, "lag_calendar", LagCalendar::predecessor,
                             std::array{LagCalendar::predecessor, LagCalendar::successor, LagCalendar::project,
                                        LagCalendar::twenty_four_hour});
    d.custom = o.custom();
    return d;
}

/// A task's earned-value method and the parameters of that method only (docs/format.md).
EarnedValueRule read_earned_value(const Obj& task, const TaskId& id) {
    const Obj any = task.object("earned_value", {"method", "start_percent", "milestones", "units", "apportioned_to"});
    EarnedValueRule r;
    r.method = enum_or(any, "method", EarnedValueMethod::percent_complete, std::to_array(kAllEarnedValueMethods));
    // Only the parameters of the method named: one of another method is an error, not ignored.
    const Obj o = [&] {
        switch (r.method) {
            case EarnedValueMethod::fixed_formula: return task.object("earned_value", {"method", "start_percent"});
            case EarnedValueMethod::weighted_milestones: return task.object("earned_value", {"method", "milestones"});
            case EarnedValueMethod::units_complete: return task.object("earned_value", {"method", "units"});
            case EarnedValueMethod::apportioned_effort: return task.object("earned_value", {"method", "apportioned_to"});
            case EarnedValueMethod::percent_complete:
            case EarnedValueMethod::level_of_effort: break;
        }
        return task.object("earned_value", {"method"});
    }();
    if (r.method == EarnedValueMethod::fixed_formula) {
        r.start_percent = o.number_or("start_percent", 0.0);
        if (!(r.start_percent >= 0.0 && r.start_percent <= 100.0)) o.fail("start_percent", "expected a percent within 0..100");
    } else if (r.method == EarnedValueMethod::weighted_milestones) {
        if (!o.has("milestones")) o.fail("method", "weighted_milestones needs \"milestones\"");
        o.each("milestones", [&](const json& mj, const std::string& mp) {
            const Obj m = Obj::object_at(o.doc(), mj, mp, {"name", "weight"});
            EarnedValueMilestone ms{.name = m.string("name"), .weight = m.number_or("weight", 1.0)};
            if (!(ms.weight > 0.0)) m.fail("weight", "expected a weight > 0");
            for (const auto& other : r.milestones)
                if (other.name == ms.name) m.fail("name", "milestone \"" + ms.name + "\" is listed twice");
            r.milestones.push_back(std::move(ms));
        });
        if (r.milestones.empty()) o.fail("milestones", "expected at least one milestone");
    } else if (r.method == EarnedValueMethod::units_complete) {
        if (!o.has("units")) o.fail("method", "units_complete needs \"units\" (the units planned)");
        r.units = o.number_or("units", 0.0);
        if (!(r.units > 0.0)) o.fail("units", "expected the units planned, a number > 0");
    } else if (r.method == EarnedValueMethod::apportioned_effort) {
        r.apportioned_to = o.opt_id<TaskId>("apportioned_to");
        if (!r.apportioned_to) o.fail("method", "apportioned_effort needs \"apportioned_to\" (the task it follows)");
        if (*r.apportioned_to == id) o.fail("apportioned_to", "a task cannot be apportioned to itself");
    }
    return r;
}

Task read_task(const JsonDoc& doc, const json& j, const std::string& ptr, const detail::DurationUnits& units) {
    const Obj o = Obj::object_at(doc, j, ptr,
                                 {"id", "name", "parent", "duration", "milestone", "calendar", "constraint", "secondary_constraint", "deadline", "priority",
                                  "predecessors", "assignments", "fixed_cost", "progress", "earned_value", "notes", "custom"});
    Task t;
    t.id = TaskId(o.string("id"));
    t.name = o.string_or("name");
    t.parent = o.opt_id<TaskId>("parent");
    if (o.has("duration")) t.duration = o.duration("duration", units, false);
    t.milestone = o.flag_or("milestone", false);
    t.calendar = o.opt_id<CalendarId>("calendar");
    auto constraint = [&](std::string_view key) {
        const Obj c = o.object(key, {"type", "date"});
        return Constraint{.type = enum_or(c, "type", ConstraintType::as_soon_as_possible, std::to_array(kAllConstraintTypes)),
                          .date = c.opt_instant("date")};
    };
    if (o.has("constraint")) t.constraint = constraint("constraint");
    if (o.has("secondary_constraint")) t.secondary_constraint = constraint("secondary_constraint");
    t.deadline = o.opt_instant("deadline");
    t.priority = o.int_or("priority", 500, INT32_MIN, INT32_MAX);
    o.each("predecessors", [&](const json& dj, const std::string& dp) { t.predecessors.push_back(read_dependency(doc, dj, dp, units)); });
    o.each("assignments", [&](const json& aj, const std::string& ap) {
        const Obj a = Obj::object_at(doc, aj, ap, {"resource", "units", "work", "actual_work", "cost", "custom"});
        t.assignments.push_back(Assignment{.resource = ResourceId(a.string("resource")),
                                           .units = a.number_or("units", 1.0),
                                           .work = a.opt_duration("work", units),
                                           .actual_work = a.opt_duration("actual_work", units),
                                           .cost = a.opt_money("cost"),
                                           .custom = a.custom()});
    });
    t.fixed_cost = o.money_or_zero("fixed_cost");
    if (o.has("progress")) {
        const Obj g = o.object("progress", {"actual_start", "actual_finish", "percent_complete", "remaining_duration", "actual_cost"});
        t.progress.actual_start = g.opt_instant("actual_start");
        t.progress.actual_finish = g.opt_instant("actual_finish");
        t.progress.percent_complete = g.number_or("percent_complete", 0.0);
        t.progress.remaining_duration = g.opt_duration("remaining_duration", units);
        t.progress.actual_cost = g.opt_money("actual_cost");
    }
    if (o.has("earned_value")) t.earned_value = read_earned_value(o, t.id);
    t.notes = o.string_or("notes");
    t.custom = o.custom();
    return t;
}

Project read_project(const JsonDoc& doc, const json& j, const std::string& ptr) {
    const Obj o = Obj::object_at(doc, j, ptr,
                                 {"id", "name", "program", "start", "deadline", "calendar", "status_date", "priority", "delay_weight",
                                  "minutes_per_day", "minutes_per_week", "honor_constraints", "manager", "tasks", "notes", "custom"});
    Project p;
    p.id = ProjectId(o.string("id"));
    p.name = o.string_or("name");
    p.program = o.opt_id<ProgramId>("program");
    p.start = o.instant("start");
    p.deadline = o.opt_instant("deadline");
    p.calendar = o.opt_id<CalendarId>("calendar");
    p.status_date = o.opt_instant("status_date");
    p.priority = o.int_or("priority", 500, INT32_MIN, INT32_MAX);
    p.delay_weight = o.number_or("delay_weight", 1.0);
    // Needed to read "d" and "w" durations, hence bounded here (validate() repeats the check for built models).
    p.minutes_per_day = o.int_or("minutes_per_day", 480, 1, 1440);
    p.minutes_per_week = o.int_or("minutes_per_week", 2400, 1, 10080);
    p.honor_constraints = o.flag_or("honor_constraints", true);
    p.manager = o.string_or("manager");
    const detail::DurationUnits units{.minutes_per_day = p.minutes_per_day, .minutes_per_week = p.minutes_per_week};
    o.each("tasks", [&](const json& tj, const std::string& tp) { p.tasks.push_back(read_task(doc, tj, tp, units)); });
    p.notes = o.string_or("notes");
    p.custom = o.custom();
    return p;
}

Portfolio read_portfolio(const JsonDoc& doc, const json& j, const std::string& ptr) {
    const Obj o = Obj::object_at(doc, j, ptr,
                                 {"id", "name", "default_calendar", "status_date", "calendars", "resources", "programs", "projects",
                                  "notes", "custom"});
    Portfolio p;
    p.id = PortfolioId(o.string_or("id"));
    p.name = o.string_or("name");
    p.default_calendar = o.opt_id<CalendarId>("default_calendar");
    p.status_date = o.opt_instant("status_date");
    o.each("calendars", [&](const json& x, const std::string& xp) { p.calendars.push_back(read_calendar(doc, x, xp)); });
    o.each("resources", [&](const json& x, const std::string& xp) { p.resources.push_back(read_resource(doc, x, xp)); });
    o.each("programs", [&](const json& x, const std::string& xp) { p.programs.push_back(read_program(doc, x, xp)); });
    o.each("projects", [&](const json& x, const std::string& xp) { p.projects.push_back(read_project(doc, x, xp)); });
    p.notes = o.string_or("notes");
    p.custom = o.custom();
    return p;
}

const json& check_top_level(const JsonDoc& doc) {
    const json& root = doc.root;
    if (!root.is_object()) Obj::fail_at(doc, "", "a ppm file is a JSON object, found " + type_name(root));
    for (const auto& [k, v] : root.items()) {
        if (k == "format" || k == "version" || k == "portfolio") continue;
        if (std::find(kKnownSections.begin(), kKnownSections.end(), k) != kKnownSections.end()) continue;
        std::string allowed = "format, version, portfolio";
        for (auto s : kKnownSections) allowed += ", " + std::string(s);
        Obj::fail_at(doc, "/" + detail::escape_pointer_token(k), "unknown key \"" + k + "\" (allowed: " + allowed + ")");
    }
    const Obj top(doc, root, "");
    if (top.string("format") != "ppm") top.fail("format", "expected \"ppm\"");
    top.require("version");
    const std::int64_t version = top.integer_or("version", 0);
    if (version != 1) top.fail("version", "unsupported version " + std::to_string(version) + " (this reader reads version 1)");
    return top.require("portfolio");
}

}  // namespace

Portfolio read_json(std::string_view text, std::string_view source_name) {
    return read_json(text, source_name, ReadLimits{});
}

Portfolio read_json(std::string_view text, std::string_view source_name, const ReadLimits& limits) {
    return detail::read_portfolio_document(detail::parse_json_doc(text, source_name, limits), limits);
}

Portfolio detail::read_portfolio_document(const JsonDoc& doc, const ReadLimits& limits) {
    const json& portfolio = check_top_level(doc);
    Portfolio pf = read_portfolio(doc, portfolio, "/portfolio");
    detail::check_tasks(pf, doc.source, limits);
    return pf;
}

Portfolio read_json_file(const std::filesystem::path& path) { return read_json_file(path, ReadLimits{}); }

Portfolio read_json_file(const std::filesystem::path& path, const ReadLimits& limits) {
    detail::check_file_size(path, limits);
    const std::string text = read_text_file(path);
    return read_json(text, path.string(), limits);
}

std::span<const std::string_view> known_json_sections() noexcept { return kKnownSections; }

std::optional<JsonSection> read_json_section(std::string_view text, std::string_view name, std::string_view source_name) {
    const JsonDoc doc = detail::parse_json_doc(text, source_name);
    if (!doc.root.is_object()) Obj::fail_at(doc, "", "a ppm file is a JSON object, found " + type_name(doc.root));
    auto it = doc.root.find(name);
    if (it == doc.root.end()) return std::nullopt;
    const std::string ptr = "/" + detail::escape_pointer_token(name);
    const detail::JsonPlace& place = doc.places.at(ptr);
    JsonSection s;
    if (place.begin != std::string_view::npos && place.end != std::string_view::npos) {
        s.text = std::string(text.substr(place.begin, place.end - place.begin + 1));
        std::tie(s.line, s.column) = doc.line_column(place.begin);
    } else {
        s.text = it->dump();
        std::tie(s.line, s.column) = doc.line_column(place.offset);
    }
    return s;
}

}  // namespace ppm
