// MPX writer (MS Project 4.0/98 "MPX 4.0" exchange format, the record layout of Microsoft's MPX
// file format notes, as read by mpx_read.cpp): header, currency (10), defaults (11), date and time
// settings (12, year-month-day order, 24-hour times), base calendars (20) with their hours (25) and
// exceptions (26), the project header (30), resource columns (40/41) and rows (50, notes 51,
// calendars 55/56/57), task columns (60/61) and rows (70, notes 71, assignments 75). Windows-1252
// text, comma separated, fields with a comma, quote or line break quoted. Durations and lags are
// written in minutes, hours or days (whichever is exact on the project's day length) so nothing is
// rounded. Max Units and assignment units are fractions (1 = 100 %, as MS Project writes them and
// MPXJ reads them); a resource's rates and cost per use are those of its cost-rate row in effect at
// the project start, "$12.50/h". The MPX user fields (Text1-10, Start1-5, Finish1-5, Cost1-3,
// Duration1-3, Flag1-10, Number1-5, Contact, WBS, Marked; resources Initials, Code, Text1-5, Email
// Address) are written from the custom fields "mpx.<field>" or, from MS Project XML, "<field>".
// Yearly exceptions are written as dated ones from the year before the project start to ten years
// after. What MPX 4.0 cannot hold (task calendars, deadlines, other cost-rate rows, other custom
// fields) is listed in docs/interchange.md.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "detail/mpx_fields.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/schedule_output.hpp"
#include "ppm/io/mpx.hpp"

namespace ppm {

namespace {

/// Years after the project start for which yearly calendar exceptions are written out.
constexpr int kYearlyHorizon = 10;

std::string field(std::string_view text) {
    std::string s = detail::utf8_to_cp1252(text);
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    if (s.find_first_of(",\"") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

std::string record(int number, const std::vector<std::string>& fields) {
    std::string line = std::to_string(number);
    for (const auto& f : fields) line += "," + f;
    return line + "\r\n";
}

std::string date(Instant t) {
    const Date d = t.date();
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04d/%02d/%02d %02d:%02d", d.year(), d.month(), d.day(), static_cast<int>(t.minute_of_day() / 60),
                  static_cast<int>(t.minute_of_day() % 60));
    return buf;
}
std::string date(const std::optional<Instant>& t) { return t ? date(*t) : std::string("NA"); }

std::string hhmm(int minute) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

/// Exact duration text: "3d" when whole days of `minutes_per_day`, "12h", else "95m" (prefix "e" for elapsed).
std::string duration(std::int64_t minutes, std::int64_t minutes_per_day, bool elapsed = false) {
    const std::string e = elapsed ? "e" : "";
    const std::int64_t day = elapsed ? kMinutesPerDay : minutes_per_day;
    if (minutes != 0 && day > 0 && minutes % day == 0) return std::to_string(minutes / day) + e + "d";
    if (minutes % 60 == 0) return std::to_string(minutes / 60) + e + "h";
    return std::to_string(minutes) + e + "m";
}

/// An amount in the record-10 currency format this writer declares ("$", before, 2 digits, ".").
std::string money_text(Money m) {
    const std::int64_t c = m.minor_units();
    const std::int64_t a = c < 0 ? -c : c;
    char buf[48];
    std::snprintf(buf, sizeof buf, "%s$%lld.%02lld", c < 0 ? "-" : "", static_cast<long long>(a / 100), static_cast<long long>(a % 100));
    return buf;
}

/// A duration as another locale's MPX writes it ("2,5t", "3ft", "1mon?") in the English units this
/// writer's files use ("2.5d", "3ed", "1mo?"; MPXJ LocaleData_de TIME_UNITS); other text unchanged.
std::string english_duration(std::string_view text) {
    std::string t(detail::trim(text));
    const bool estimated = !t.empty() && t.back() == '?';
    if (estimated) t.pop_back();
    std::size_t n = 0;
    while (n < t.size() && (std::isdigit(static_cast<unsigned char>(t[n])) || t[n] == '.' || t[n] == ',' || t[n] == '-')) ++n;
    if (n == 0) return std::string(text);
    std::string number = t.substr(0, n);
    std::replace(number.begin(), number.end(), ',', '.');
    std::string unit = t.substr(n);
    std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool elapsed = unit.size() > 1 && (unit[0] == 'e' || unit[0] == 'f');
    if (elapsed) unit.erase(0, 1);
    static const std::pair<const char*, const char*> kUnits[] = {{"m", "m"}, {"min", "m"}, {"h", "h"}, {"std", "h"}, {"d", "d"},
                                                                 {"t", "d"},  {"w", "w"},   {"mo", "mo"}, {"mon", "mo"}, {"y", "y"}, {"%", "%"}};
    for (const auto& [from, to] : kUnits)
        if (unit == from) return number + (elapsed ? "e" : "") + to + (estimated ? "?" : "");
    return std::string(text);
}

/// The value of an MPX user field from a custom field ("mpx.<name>" first, else "<name>" as the MSPDI
/// reader names extended attributes); empty when absent or of another type.
std::string user_field(const CustomFields& custom, const detail::MpxField& f, std::int64_t minutes_per_day) {
    auto it = custom.find("mpx." + std::string(f.name));
    if (it == custom.end()) it = custom.find(f.name);
    if (it == custom.end()) return {};
    const CustomValue& v = it->second;
    switch (f.kind) {
        case detail::MpxValue::date:
            if (const auto* t = std::get_if<Instant>(&v)) return date(*t);
            break;
        case detail::MpxValue::money:
            if (const auto* d = std::get_if<double>(&v)) return money_text(Money::from_major(*d));
            break;
        case detail::MpxValue::number:
            if (const auto* d = std::get_if<double>(&v)) return detail::format_double(*d);
            break;
        case detail::MpxValue::flag:
            if (const auto* b = std::get_if<bool>(&v)) return *b ? "Yes" : "No";
            break;
        case detail::MpxValue::duration:
            if (const auto* s = std::get_if<std::string>(&v)) {
                // MS Project XML keeps Duration1..3 as ISO 8601 ("PT16H0M0S"): written in MPX units.
                if (const auto m = detail::parse_iso_duration(*s)) return duration(*m, minutes_per_day);
                return field(english_duration(*s));
            }
            break;
        case detail::MpxValue::text:
            if (const auto* s = std::get_if<std::string>(&v)) return field(*s);
            break;
    }
    return {};
}

/// The user fields of `table` that some item of `items` holds.
template <std::size_t N, class Range, class Get>
std::vector<const detail::MpxField*> user_columns(const detail::MpxField (&table)[N], const Range& items, Get custom_of,
                                                  std::int64_t minutes_per_day) {
    std::vector<const detail::MpxField*> out;
    for (const auto& f : table) {
        if (!f.user) continue;
        for (const auto& item : items)
            if (!user_field(custom_of(item), f, minutes_per_day).empty()) {
                out.push_back(&f);
                break;
            }
    }
    return out;
}

std::string constraint_name(ConstraintType t) {
    switch (t) {
        case ConstraintType::as_soon_as_possible: return "As Soon As Possible";
        case ConstraintType::as_late_as_possible: return "As Late As Possible";
        case ConstraintType::start_no_earlier_than: return "Start No Earlier Than";
        case ConstraintType::start_no_later_than: return "Start No Later Than";
        case ConstraintType::finish_no_earlier_than: return "Finish No Earlier Than";
        case ConstraintType::finish_no_later_than: return "Finish No Later Than";
        case ConstraintType::must_start_on: return "Must Start On";
        case ConstraintType::must_finish_on: return "Must Finish On";
        // MPX has MS Project's eight types and always honours them: P6's soft "Start On" /
        // "Finish On" keep their early-date effect, the mandatory ones stay on their dates.
        case ConstraintType::start_on: return "Start No Earlier Than";
        case ConstraintType::finish_on: return "Finish No Earlier Than";
        case ConstraintType::mandatory_start: return "Must Start On";
        case ConstraintType::mandatory_finish: return "Must Finish On";
    }
    return "As Soon As Possible";
}

/// Day flags of records 20/55 (Sunday first): 0 non-working, 1 working, 2 inherited from the base.
/// Yearly exceptions are expanded to dated ones for the years [first_year, last_year].
void write_calendar(std::string& out, const Calendar& cal, int header, const std::string& name, int first_year, int last_year) {
    std::vector<std::string> f{field(name)};
    std::string hours;
    for (std::size_t k = 0; k < 7; ++k) {
        const std::size_t d = (k + 6) % 7;  // Sunday, Monday, ... -> ppm index (Monday = 0)
        const auto& day = cal.week[d];
        if (!day) {
            f.push_back("0");  // flattened: no base left to inherit from
            continue;
        }
        f.push_back(day->empty() ? "0" : "1");
        if (!day->empty()) {
            std::vector<std::string> h{std::to_string(k + 1)};
            for (const auto& iv : *day) h.push_back(hhmm(iv.start)), h.push_back(hhmm(iv.finish));
            hours += record(header + 5, h);
        }
    }
    out += record(header, f) + hours;
    auto exception = [&](Date from, Date to, const DaySchedule& day) {
        std::vector<std::string> e{date(Instant::at(from)), date(Instant::at(to)), day.empty() ? "0" : "1"};
        for (const auto& iv : day) e.push_back(hhmm(iv.start)), e.push_back(hhmm(iv.finish));
        out += record(header + 6, e);
    };
    for (const auto& ex : cal.exceptions) {
        if (!ex.yearly) {
            exception(ex.from, ex.to, ex.hours);
            continue;
        }
        // MPX has no recurring exceptions: one dated exception per year of the writing horizon.
        const int span = ex.to.year() - ex.from.year();
        for (int y = std::max(ex.from.year(), first_year); y <= last_year; ++y) {
            try {
                exception(Date::from_ymd(y, ex.from.month(), ex.from.day()), Date::from_ymd(y + span, ex.to.month(), ex.to.day()), ex.hours);
            } catch (const ModelError&) {
                // 29 February in a common year: no occurrence that year.
            }
        }
    }
}

}  // namespace

ExportResult write_mpx_with_warnings(const Portfolio& portfolio, std::string_view target_name) {
    std::vector<ImportWarning> warnings;
    auto warn = [&](std::string entity, std::string message) {
        warnings.push_back({.source = std::string(target_name), .line = 0, .entity = std::move(entity), .message = std::move(message)});
    };
    if (portfolio.projects.size() != 1)
        throw ModelError::unsupported("portfolio", portfolio.id.str(),
                                      "MPX holds exactly one project; this portfolio has " + std::to_string(portfolio.projects.size()) +
                                          " (write .xml or .json, or split it)");
    const Project& project = portfolio.projects.front();
    const std::int64_t mpd = project.minutes_per_day > 0 ? project.minutes_per_day : 480;
    const std::int64_t mpw = project.minutes_per_week > 0 ? project.minutes_per_week : 2400;
    std::string out = "MPX,Microsoft Project for Windows,4.0,ANSI\r\n";
    out += record(10, {"$", "0", "2", "", "."});
    out += record(11, {"0", "1", "1", detail::format_double(static_cast<double>(mpd) / 60.0), detail::format_double(static_cast<double>(mpw) / 60.0),
                       "", "", "0", "0"});
    // Record 12: year/month/day order, 24-hour times, default start 08:00, "/" and ":", AM/PM text,
    // date format 20 ("25/05/1998" in the file's order, here 1998/05/25; a time may follow).
    out += record(12, {"2", "1", "480", "/", ":", "am", "pm", "20", "0"});

    // Base calendars (records 20/25/26) by name; a calendar with a base is written flattened onto its
    // own days (MPX base calendars cannot derive from each other): inherited days take the base's.
    std::map<std::string, std::string> calendar_name;  // id -> unique MPX name
    for (const auto& c : portfolio.calendars) {
        std::string name = c.name.empty() ? c.id.str() : c.name;
        for (const auto& [id, used] : calendar_name)
            if (used == name) name += " (" + c.id.str() + ")";
        calendar_name[c.id.str()] = name;
    }
    for (const auto& c : portfolio.calendars) {
        Calendar flat = c;
        for (const Calendar* base = c.base ? portfolio.find_calendar(*c.base) : nullptr; base;
             base = base->base ? portfolio.find_calendar(*base->base) : nullptr) {
            for (std::size_t d = 0; d < 7; ++d)
                if (!flat.week[d]) flat.week[d] = base->week[d];
            flat.exceptions.insert(flat.exceptions.begin(), base->exceptions.begin(), base->exceptions.end());
        }
        write_calendar(out, flat, 20, calendar_name[c.id.str()], project.start.date().year() - 1, project.start.date().year() + kYearlyHorizon);
    }

    const std::optional<CalendarId> project_calendar = project.calendar ? project.calendar : portfolio.default_calendar;
    const auto company = project.custom.find("mpx.Company");
    out += record(30, {field(project.name),
                       company != project.custom.end() && std::holds_alternative<std::string>(company->second)
                           ? field(std::get<std::string>(company->second))
                           : "",
                       field(project.manager), project_calendar ? field(calendar_name[project_calendar->str()]) : "", date(project.start), "",
                       "", date(project.status_date ? project.status_date : portfolio.status_date)});

    // Resources: row ID = position, unique ID = ppm id.
    // Max Units is a fraction (1 = 100 %); rates and cost per use from the cost-rate row in effect
    // at the project start (MPX holds one).
    std::map<std::string, std::string> resource_row;
    const auto resource_user = user_columns(detail::kMpxResourceFields, portfolio.resources, [](const Resource& r) -> const CustomFields& { return r.custom; }, mpd);
    std::vector<std::string> names{"Name", "ID", "Unique ID", "Max Units", "Group", "Standard Rate", "Overtime Rate", "Cost Per Use"};
    std::vector<std::string> numbers{"1", "40", "49", "41", "3", "42", "43", "44"};
    for (const auto* f : resource_user) names.emplace_back(f->name), numbers.push_back(std::to_string(f->number));
    out += record(40, names);
    out += record(41, numbers);
    for (std::size_t i = 0; i < portfolio.resources.size(); ++i) {
        const Resource& r = portfolio.resources[i];
        const std::string row = std::to_string(i + 1);
        resource_row[r.id.str()] = row;
        const CostRate* rate = r.cost_rates.empty() ? nullptr : &r.cost_rates.front();
        for (const auto& cr : r.cost_rates)
            if (cr.effective_from <= project.start) rate = &cr;
        std::vector<std::string> values{field(r.name), row, field(r.id.str()), detail::format_double(r.max_units), field(r.group),
                                        rate ? money_text(rate->standard_per_hour) + "/h" : "",
                                        rate ? money_text(rate->overtime_per_hour) + "/h" : "", rate ? money_text(rate->per_use) : ""};
        for (const auto* f : resource_user) values.push_back(user_field(r.custom, *f, mpd));
        out += record(50, values);
        if (!r.notes.empty()) out += record(51, {field(r.notes)});
        // A resource calendar (record 55) derives from the base calendar the resource uses, every day
        // inherited ("2"): the same working time, without copying it.
        if (r.calendar)
            if (const Calendar* c = portfolio.find_calendar(*r.calendar))
                out += record(55, {field(calendar_name[c->id.str()]), "2", "2", "2", "2", "2", "2", "2"});
    }

    // Tasks in outline order: row ID = position, unique ID = ppm id, outline level from parents.
    std::map<std::string, std::string> task_row;
    std::map<std::string, int> level;
    for (std::size_t i = 0; i < project.tasks.size(); ++i) task_row[project.tasks[i].id.str()] = std::to_string(i + 1);
    const auto task_user = user_columns(detail::kMpxTaskFields, project.tasks, [](const Task& t) -> const CustomFields& { return t.custom; }, mpd);
    std::vector<std::string> task_names{"Name", "ID", "Unique ID", "Outline Level", "Duration", "% Complete", "Actual Start", "Actual Finish",
                                        "Predecessors", "Constraint Type", "Constraint Date", "Remaining Duration"};
    std::vector<std::string> task_numbers{"1", "90", "98", "3", "40", "44", "58", "59", "70", "91", "68", "43"};
    for (const auto* f : task_user) task_names.emplace_back(f->name), task_numbers.push_back(std::to_string(f->number));
    out += record(60, task_names);
    out += record(61, task_numbers);
    for (const Task& t : project.tasks) {
        const int lvl = t.parent && level.count(t.parent->str()) ? level[t.parent->str()] + 1 : 1;
        level[t.id.str()] = lvl;
        std::string links;
        for (const Dependency& d : t.predecessors) {
            const auto it = task_row.find(d.predecessor.str());
            if (it == task_row.end())
                throw ModelError::unsupported("task", t.id.str(),
                                              "predecessor " + d.predecessor.str() + " is in another project; MPX links stay inside one project");
            std::string link = it->second + std::string(to_string(d.type));
            if (d.lag.unit == LagUnit::percent) {
                if (d.lag.percent != 0.0) link += (d.lag.percent < 0 ? "-" : "+") + detail::format_double(std::abs(d.lag.percent)) + "%";
            } else if (d.lag.amount.count() != 0) {
                const std::int64_t m = d.lag.amount.count();
                link += (m < 0 ? "-" : "+") + duration(m < 0 ? -m : m, mpd, d.lag.unit == LagUnit::elapsed);
            }
            links += (links.empty() ? "" : ",") + link;
        }
        const bool elapsed = [&] {
            const auto it = t.custom.find("mpx.ElapsedDuration");
            return it != t.custom.end() && std::holds_alternative<bool>(it->second) && std::get<bool>(it->second);
        }();
        const bool dated = t.constraint.type != ConstraintType::as_soon_as_possible && t.constraint.type != ConstraintType::as_late_as_possible;
        // MPX has MS Project's eight types and always honours them (no HonorConstraints field).
        const ConstraintType ct = t.constraint.type;
        if (ct == ConstraintType::start_on || ct == ConstraintType::finish_on)
            warn("task " + t.id.str(), std::string(to_string(ct)) + " (P6 Start/Finish On) written as " + constraint_name(ct) +
                                           ": its cap on the late date is lost");
        else if (!project.honor_constraints &&
                 (ct == ConstraintType::must_start_on || ct == ConstraintType::must_finish_on ||
                  ct == ConstraintType::start_no_later_than || ct == ConstraintType::finish_no_later_than))
            warn("task " + t.id.str(), std::string(to_string(ct)) +
                                           " does not override logic in this project (honor_constraints off), but MPX always honours "
                                           "constraints: MS Project will pull the task onto its date");
        if (t.secondary_constraint)
            warn("task " + t.id.str(), "secondary constraint " + std::string(to_string(t.secondary_constraint->type)) +
                                           " not written: MPX has one constraint per task");
        std::vector<std::string> values{field(t.name), task_row[t.id.str()], field(t.id.str()), std::to_string(lvl),
                                        duration(t.duration.count(), mpd, elapsed), detail::format_double(t.progress.percent_complete) + "%",
                                        date(t.progress.actual_start), date(t.progress.actual_finish), field(links), constraint_name(t.constraint.type),
                                        dated ? date(t.constraint.date) : "NA",
                                        t.progress.remaining_duration ? duration(t.progress.remaining_duration->count(), mpd, elapsed) : ""};
        for (const auto* f : task_user) values.push_back(user_field(t.custom, *f, mpd));
        out += record(70, values);
        if (!t.notes.empty()) out += record(71, {field(t.notes)});
        for (const Assignment& a : t.assignments) {
            const auto it = resource_row.find(a.resource.str());
            if (it == resource_row.end()) throw ModelError::unknown_id("resource", a.resource.str(), "assignment of task " + t.id.str());
            out += record(75, {it->second, detail::format_double(a.units), a.work ? duration(a.work->count(), mpd) : "", "",
                               a.actual_work ? duration(a.actual_work->count(), mpd) : ""});
        }
    }
    return {std::move(out), std::move(warnings)};
}

std::string write_mpx(const Portfolio& portfolio) { return write_mpx_with_warnings(portfolio).text; }

std::vector<ImportWarning> write_mpx_file_with_warnings(const Portfolio& portfolio, const std::filesystem::path& path) {
    ExportResult r = write_mpx_with_warnings(portfolio, path.string());
    write_text_file(r.text, path);
    return std::move(r.warnings);
}

void write_mpx_file(const Portfolio& portfolio, const std::filesystem::path& path) { (void)write_mpx_file_with_warnings(portfolio, path); }

}  // namespace ppm
