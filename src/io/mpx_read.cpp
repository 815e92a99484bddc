// MPX reader (MS Project 4.0/98 "MPX 4.0" exchange format, as documented in Microsoft's MPX file
// format notes): one record per line, the first field its record number; the field separator is the
// character after "MPX" on the header line; record 10 gives the decimal separator, record 12 the date
// order (0 MDY, 1 DMY, 2 YMD), record 11 the default hours per day and week. Locale names of duration
// units (English and German) are accepted. See docs/interchange.md.
#include <algorithm>
#include <cmath>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/mpx.hpp"

namespace ppm {

namespace {

class Reader {
public:
    Reader(std::string_view text, std::string source) : text_(detail::cp1252_to_utf8(text)), source_(std::move(source)) {}
    ImportResult run();

private:
    std::string text_;
    std::string source_;
    ImportResult out_;
    char sep_ = ',';
    char decimal_ = '.';
    int date_order_ = 1;
    double hours_per_day_ = 8.0;
    double hours_per_week_ = 40.0;
    std::int64_t line_ = 0;

    [[noreturn]] void fail(const std::string& what) { throw ParseError::unexpected(source_, line_, 0, what); }
    void warn(std::string entity, std::string message) { out_.warnings.push_back({source_, line_, std::move(entity), std::move(message)}); }

    std::vector<std::string> split(std::string_view line) const {
        std::vector<std::string> out;
        std::string cur;
        bool quoted = false;
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '"') {
                if (quoted && i + 1 < line.size() && line[i + 1] == '"') { cur += '"'; ++i; }
                else quoted = !quoted;
            } else if (c == sep_ && !quoted) {
                out.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        out.push_back(cur);
        return out;
    }
    std::optional<double> number(std::string_view t) const {
        std::string s;
        for (char c : t) {
            if (c == decimal_) s += '.';
            else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') s += c;
        }
        return detail::parse_double(s);
    }
    /// "1d", "2.5h", "3ew", "0ed", "1mo?", "50t" -> (minutes, elapsed).
    std::optional<std::pair<std::int64_t, bool>> duration(std::string_view t) const {
        t = detail::trim(t);
        if (!t.empty() && t.back() == '?') t.remove_suffix(1);
        std::size_t n = 0;
        while (n < t.size() && (std::isdigit(static_cast<unsigned char>(t[n])) || t[n] == decimal_ || t[n] == '.' || t[n] == '-')) ++n;
        const auto v = number(t.substr(0, n));
        if (!v) return std::nullopt;
        std::string unit(detail::trim(t.substr(n)));
        std::transform(unit.begin(), unit.end(), unit.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        bool elapsed = false;
        if (!unit.empty() && unit[0] == 'e' && unit != "e") { elapsed = true; unit.erase(0, 1); }
        if (unit.size() > 1 && unit[0] == 'f' ) { elapsed = true; unit.erase(0, 1); }  // German "fT" (fortlaufend)
        double minutes = 0;
        const double day = elapsed ? 1440.0 : hours_per_day_ * 60.0;
        const double week = elapsed ? 10080.0 : hours_per_week_ * 60.0;
        if (unit == "m" || unit == "min") minutes = *v;
        else if (unit == "h" || unit == "std") minutes = *v * 60.0;
        else if (unit == "d" || unit == "t" || unit.empty()) minutes = *v * day;
        else if (unit == "w") minutes = *v * week;
        else if (unit == "mo" || unit == "mon") minutes = *v * (elapsed ? 43200.0 : day * 20.0);
        else if (unit == "%") return std::nullopt;
        else return std::nullopt;
        if (!(std::fabs(minutes) <= 1e15)) return std::nullopt;  // overflow of the conversion (docs/limits.md)
        return std::make_pair(static_cast<std::int64_t>(minutes + (minutes >= 0 ? 0.5 : -0.5)), elapsed);
    }
    /// A date field of the project header (record 30): empty or "NA" -> nullopt, a date -> Instant,
    /// anything else -> ParseError at the record's line (docs/errors.md: bad date).
    std::optional<Instant> header_date(std::string_view t, const char* what) const {
        const std::string_view v = detail::trim(t);
        if (v.empty() || v == "NA" || v == "NV") return std::nullopt;
        const auto d = date(v);
        if (!d) throw ParseError::unexpected(source_, line_, 0, std::string("project header (record 30) ") + what +
                                                                     ": expected a date like 17/10/14, got '" + std::string(v) + "'");
        return d;
    }
    /// "Fri 17/10/14", "17/10/14 08:00", "Di 07.01.03" -> Instant; "NA" -> nullopt.
    std::optional<Instant> date(std::string_view t) const {
        t = detail::trim(t);
        if (t.empty() || t == "NA" || t == "NV") return std::nullopt;
        // Skip a leading weekday name.
        if (!t.empty() && !std::isdigit(static_cast<unsigned char>(t[0]))) {
            const auto sp = t.find(' ');
            if (sp == std::string_view::npos) return std::nullopt;
            t = detail::trim(t.substr(sp + 1));
        }
        int parts[3] = {0, 0, 0};
        std::size_t i = 0;
        for (int k = 0; k < 3; ++k) {
            int v = 0;
            std::size_t digits = 0;
            while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) {
                if (++digits > 4) return std::nullopt;  // no date part has more than 4 digits; and no int overflow
                v = v * 10 + (t[i] - '0');
                ++i;
            }
            if (digits == 0) return std::nullopt;
            parts[k] = v;
            if (k < 2) { if (i >= t.size()) return std::nullopt; ++i; }
        }
        int y = 0, m = 0, d = 0;
        if (date_order_ == 0) { m = parts[0]; d = parts[1]; y = parts[2]; }
        else if (date_order_ == 2) { y = parts[0]; m = parts[1]; d = parts[2]; }
        else { d = parts[0]; m = parts[1]; y = parts[2]; }
        if (y < 100) y += y < 70 ? 2000 : 1900;
        int minute = 0;
        const auto rest = detail::trim(t.substr(i));
        if (!rest.empty()) {
            const auto tm = detail::parse_time_of_day(rest, false);
            if (tm) minute = *tm;
            if (rest.find("PM") != std::string_view::npos && minute < 720) minute += 720;
        }
        try {
            return Instant::from_ymd_hm(y, m, d) + Duration{minute};
        } catch (...) {
            return std::nullopt;
        }
    }
};

ImportResult Reader::run() {
    std::istringstream in(text_);
    std::string raw;
    std::vector<std::string> task_columns, resource_columns;
    std::vector<int> task_ids, resource_ids;
    Project project;
    const std::string stem = std::filesystem::path(source_).stem().string();
    project.id = ProjectId(stem.empty() || stem == "<input>" ? "project" : stem);
    std::map<std::string, std::string> calendar_by_name;  // name -> id
    Calendar* calendar = nullptr;
    Task* task = nullptr;
    Resource* resource = nullptr;
    std::map<std::string, TaskId> task_by_row;
    std::map<std::string, ResourceId> resource_by_row;
    std::vector<std::pair<std::size_t, std::string>> pending_links;  // (task position, Predecessors text)
    std::vector<std::pair<int, TaskId>> outline;
    int calendar_count = 0;
    bool header = false;
    while (std::getline(in, raw)) {
        ++line_;
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        if (raw.empty()) continue;
        if (!header) {
            if (raw.rfind("MPX", 0) != 0 || raw.size() < 4) fail("an MPX file starts with 'MPX,'");
            sep_ = raw[3];
            header = true;
            continue;
        }
        const auto f = split(raw);
        const auto rec = detail::parse_int(f[0]);
        if (!rec) fail("expected a record number, got '" + f[0] + "'");
        const auto at = [&](std::size_t i) -> std::string { return i < f.size() ? f[i] : std::string(); };
        switch (*rec) {
            case 10:
                if (!at(5).empty()) decimal_ = at(5)[0];
                break;
            case 11:
                if (const auto h = number(at(4)); h && *h > 0) hours_per_day_ = *h;
                if (const auto h = number(at(5)); h && *h > 0) hours_per_week_ = *h;
                project.minutes_per_day = static_cast<std::int64_t>(hours_per_day_ * 60.0 + 0.5);
                project.minutes_per_week = static_cast<std::int64_t>(hours_per_week_ * 60.0 + 0.5);
                break;
            case 12:
                if (const auto v = detail::parse_int(at(1))) date_order_ = static_cast<int>(*v);
                break;
            case 20:
            case 55: {
                Calendar cal;
                ++calendar_count;
                cal.id = CalendarId(std::to_string(calendar_count));
                if (*rec == 20) {
                    cal.name = at(1);
                    calendar_by_name[cal.name] = cal.id.str();
                } else {
                    if (!resource) fail("resource calendar (record 55) before any resource (record 50)");
                    cal.name = resource->name;
                    if (const auto it = calendar_by_name.find(at(1)); it != calendar_by_name.end()) cal.base = CalendarId(it->second);
                    else if (!at(1).empty()) warn("calendar " + cal.id.str(), "base calendar '" + at(1) + "' not found");
                    resource->calendar = cal.id;
                }
                for (std::size_t d = 0; d < 7; ++d) {
                    const std::string flag = at(2 + d);
                    const auto idx = (d + 6) % 7;  // Sunday first -> Monday = 0
                    if (flag == "0") cal.week[idx] = DaySchedule{};
                    else if (flag == "1") cal.week[idx] = DaySchedule{{480, 720}, {780, 1020}};
                    // 2 (or empty): default / inherited from the base calendar.
                }
                out_.portfolio.calendars.push_back(std::move(cal));
                calendar = &out_.portfolio.calendars.back();
                break;
            }
            case 25:
            case 56: {
                if (!calendar) fail("calendar hours (record 25/56) before a calendar");
                const auto day = detail::parse_int(at(1));
                if (!day || *day < 1 || *day > 7) fail("calendar hours: expected a day 1 (Sunday) .. 7");
                DaySchedule hours;
                for (std::size_t k = 2; k + 1 < f.size() + 1; k += 2) {
                    const auto s = detail::parse_time_of_day(at(k), false);
                    const auto e = detail::parse_time_of_day(at(k + 1), true);
                    if (!s || !e) break;
                    if (*e <= *s) { hours.push_back({*s, 1440}); if (*e > 0 && *e < 1440) hours.push_back({0, *e}); }
                    else hours.push_back({*s, *e});
                }
                std::sort(hours.begin(), hours.end(), [](const WorkInterval& a, const WorkInterval& b) { return a.start < b.start; });
                auto& slot = calendar->week[static_cast<std::size_t>((*day + 5) % 7)];
                if (!hours.empty() || (slot && !slot->empty())) slot = hours;
                break;
            }
            case 26:
            case 57: {
                if (!calendar) fail("calendar exception (record 26/57) before a calendar");
                const auto from = date(at(1));
                const auto to = date(at(2));
                if (!from || !to) fail("calendar exception: expected from and to dates");
                CalendarException ex{"", from->date(), to->date(), {}, false};
                if (at(3) == "1") {
                    for (std::size_t k = 4; k + 1 < f.size() + 1; k += 2) {
                        const auto s = detail::parse_time_of_day(at(k), false);
                        const auto e = detail::parse_time_of_day(at(k + 1), true);
                        if (!s || !e) break;
                        ex.hours.push_back({*s, *e});
                    }
                }
                calendar->exceptions.push_back(std::move(ex));
                break;
            }
            case 30:
                project.name = at(1);
                if (!at(2).empty()) project.custom["mpx.Company"] = at(2);
                project.manager = at(3);
                if (const auto it = calendar_by_name.find(at(4)); it != calendar_by_name.end()) project.calendar = CalendarId(it->second);
                else if (!detail::trim(at(4)).empty()) warn("project", "calendar '" + at(4) + "' not found: the project keeps its default calendar");
                if (const auto s = header_date(at(5), "start date")) project.start = *s;
                if (const auto s = header_date(at(8), "status date")) project.status_date = *s;
                for (std::size_t k = 6; k < f.size(); ++k)
                    if (k != 8 && !f[k].empty()) project.custom["mpx.header." + std::to_string(k)] = f[k];
                break;
            case 40: resource_columns.assign(f.begin() + 1, f.end()); break;
            case 41:
                resource_ids.clear();
                for (std::size_t k = 1; k < f.size(); ++k) resource_ids.push_back(static_cast<int>(detail::parse_int(f[k]).value_or(-1)));
                break;
            case 60: task_columns.assign(f.begin() + 1, f.end()); break;
            case 61:
                task_ids.clear();
                for (std::size_t k = 1; k < f.size(); ++k) task_ids.push_back(static_cast<int>(detail::parse_int(f[k]).value_or(-1)));
                break;
            case 50: {
                Resource res;
                std::string row;
                for (std::size_t k = 0; k < resource_ids.size() && k + 1 < f.size(); ++k) {
                    const std::string& v = f[k + 1];
                    const int id = resource_ids[k];
                    const std::string col = k < resource_columns.size() ? resource_columns[k] : "field" + std::to_string(id);
                    if (id == 1) res.name = v;
                    else if (id == 40) row = v;
                    else if (id == 49) res.id = ResourceId(v);
                    else if (id == 41) { if (const auto u = number(v)) res.max_units = *u / 100.0; }
                    else if (id == 3) res.group = v;
                    else if (!v.empty()) res.custom["mpx." + col] = v;
                }
                if (res.id.empty()) res.id = ResourceId(row.empty() ? std::to_string(out_.portfolio.resources.size() + 1) : row);
                res.custom["mpx.ID"] = row;
                resource_by_row[row] = res.id;
                out_.portfolio.resources.push_back(std::move(res));
                resource = &out_.portfolio.resources.back();
                calendar = nullptr;
                break;
            }
            case 51:
                if (resource) resource->notes = at(1);
                break;
            case 70: {
                Task t;
                std::string row, links;
                int level = 1;
                for (std::size_t k = 0; k < task_ids.size() && k + 1 < f.size(); ++k) {
                    const std::string& v = f[k + 1];
                    const int id = task_ids[k];
                    const std::string col = k < task_columns.size() ? task_columns[k] : "field" + std::to_string(id);
                    switch (id) {
                        case 1: t.name = v; break;
                        case 90: row = v; break;
                        case 98: t.id = TaskId(v); break;
                        case 3: level = static_cast<int>(detail::parse_int(v).value_or(1)); break;
                        case 40: {
                            if (detail::trim(v).empty()) break;  // summary rows may leave it blank
                            const auto d = duration(v);
                            if (!d) fail("task column '" + col + "': expected a duration like 2d, got '" + v + "'");
                            t.duration = Duration{d->first};
                            if (d->second) t.custom["mpx.ElapsedDuration"] = true;
                            break;
                        }
                        case 43: {  // Remaining Duration: the team's re-estimate of an in-progress task
                            if (detail::trim(v).empty()) break;
                            const auto d = duration(v);
                            if (!d) fail("task column '" + col + "': expected a duration like 2d, got '" + v + "'");
                            t.progress.remaining_duration = Duration{d->first};
                            break;
                        }
                        case 44: if (const auto p = number(v)) t.progress.percent_complete = *p; break;
                        case 58: t.progress.actual_start = date(v); break;
                        case 59: t.progress.actual_finish = date(v); break;
                        case 70: links = v; break;
                        case 68: t.constraint.date = date(v); break;
                        case 91: {
                            static const std::map<std::string, ConstraintType> kC = {
                                {"As Soon As Possible", ConstraintType::as_soon_as_possible},
                                {"As Late As Possible", ConstraintType::as_late_as_possible},
                                {"Must Start On", ConstraintType::must_start_on}, {"Must Finish On", ConstraintType::must_finish_on},
                                {"Start No Earlier Than", ConstraintType::start_no_earlier_than},
                                {"Start No Later Than", ConstraintType::start_no_later_than},
                                {"Finish No Earlier Than", ConstraintType::finish_no_earlier_than},
                                {"Finish No Later Than", ConstraintType::finish_no_later_than}};
                            if (const auto it = kC.find(v); it != kC.end()) t.constraint.type = it->second;
                            else if (!v.empty()) t.custom["mpx." + col] = v;
                            break;
                        }
                        default:
                            if (!v.empty()) t.custom["mpx." + col] = v;
                    }
                }
                if (!t.constraint.date && t.constraint.type != ConstraintType::as_soon_as_possible &&
                    t.constraint.type != ConstraintType::as_late_as_possible) {
                    warn("task " + row, "constraint without a date ignored");
                    t.constraint = {};
                }
                if (t.constraint.type == ConstraintType::as_soon_as_possible || t.constraint.type == ConstraintType::as_late_as_possible)
                    t.constraint.date.reset();
                if (t.id.empty()) t.id = TaskId(row);
                t.custom["mpx.ID"] = row;
                if (row == "0" && level == 0) {  // the project summary row
                    warn("task 0", "project summary row (outline level 0) not imported as a task; MS Project derives it");
                    task = nullptr;
                    break;
                }
                while (!outline.empty() && outline.back().first >= level) outline.pop_back();
                if (!outline.empty()) t.parent = outline.back().second;
                outline.emplace_back(level, t.id);
                task_by_row[row] = t.id;
                project.tasks.push_back(std::move(t));
                task = &project.tasks.back();
                if (!links.empty()) pending_links.emplace_back(project.tasks.size() - 1, links);
                break;
            }
            case 71:
                if (task) task->notes = at(1);
                break;
            case 75: {
                if (!task) fail("assignment (record 75) before a task");
                Assignment a;
                const auto it = resource_by_row.find(at(1));
                if (it == resource_by_row.end()) { warn("task " + task->id.str(), "assignment of unknown resource " + at(1) + " skipped"); break; }
                a.resource = it->second;
                if (const auto u = number(at(2))) a.units = *u;
                if (const auto w = duration(at(3))) a.work = Duration{w->first};
                if (const auto w = duration(at(5)); w && w->first > 0) a.actual_work = Duration{w->first};
                task->assignments.push_back(std::move(a));
                break;
            }
            default:
                warn("record " + f[0], "MPX record type " + f[0] + " not imported");
        }
    }
    if (!header) fail("an MPX file starts with 'MPX,' (empty file)");
    // Links: "3FS+1d", "5", "11SF+2d"; several separated by the list separator.
    for (auto& [index, text] : pending_links) {
        Task& t = project.tasks[index];
        std::string list = text;
        for (char& c : list) if (c == ';') c = ',';
        std::stringstream ss(list);
        std::string item;
        while (std::getline(ss, item, ',')) {
            const std::string_view s = detail::trim(item);
            if (s.empty()) continue;
            std::size_t n = 0;
            while (n < s.size() && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
            const std::string ref(s.substr(0, n));
            const auto target = task_by_row.find(ref);
            if (target == task_by_row.end()) { warn("task " + t.id.str(), "predecessor row " + ref + " not found"); continue; }
            Dependency d;
            d.predecessor = target->second;
            d.lag_calendar = LagCalendar::successor;
            std::string_view rest = s.substr(n);
            if (rest.size() >= 2) {
                const auto type = rest.substr(0, 2);
                if (type == "FS" || type == "EA") d.type = LinkType::finish_start;
                else if (type == "SS" || type == "AA") d.type = LinkType::start_start;
                else if (type == "FF" || type == "EE") d.type = LinkType::finish_finish;
                else if (type == "SF" || type == "AE") d.type = LinkType::start_finish;
                rest.remove_prefix(2);
            }
            if (!rest.empty()) {
                const bool neg = rest[0] == '-';
                if (rest[0] == '+' || rest[0] == '-') rest.remove_prefix(1);
                if (!rest.empty() && rest.back() == '%') {
                    d.lag.unit = LagUnit::percent;
                    d.lag.percent = number(rest.substr(0, rest.size() - 1)).value_or(0.0) * (neg ? -1 : 1);
                } else {
                    const auto lag = duration(rest);
                    if (!lag) { warn("task " + t.id.str(), "lag '" + std::string(rest) + "' not understood: 0 used"); }
                    else {
                        d.lag.unit = lag->second ? LagUnit::elapsed : LagUnit::working;
                        d.lag.amount = Duration{neg ? -lag->first : lag->first};
                    }
                }
            }
            t.predecessors.push_back(std::move(d));
        }
    }
    auto& pf = out_.portfolio;
    pf.id = PortfolioId(project.id.str());
    pf.name = project.name;
    pf.default_calendar = project.calendar;
    if (!pf.default_calendar && !pf.calendars.empty()) pf.default_calendar = pf.calendars.front().id;
    pf.status_date = project.status_date;
    pf.projects.push_back(std::move(project));
    return std::move(out_);
}

}  // namespace

ImportResult read_mpx(std::string_view text, std::string_view source_name) {
    return read_mpx(text, source_name, io::ReadLimits{});
}

ImportResult read_mpx(std::string_view text, std::string_view source_name, const io::ReadLimits& limits) {
    const std::string source(source_name);
    detail::check_text_lines(text, source, limits, ",;\t");
    Reader r(text, source);
    ImportResult out = r.run();
    detail::check_tasks(out.portfolio, source, limits);
    return out;
}

ImportResult read_mpx_file(const std::filesystem::path& path) { return read_mpx_file(path, io::ReadLimits{}); }

ImportResult read_mpx_file(const std::filesystem::path& path, const io::ReadLimits& limits) {
    detail::check_file_size(path, limits);
    return read_mpx(detail::read_file_text(path), path.string(), limits);
}

}  // namespace ppm
