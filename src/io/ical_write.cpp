// iCalendar export of milestones (RFC 5545: VCALENDAR/VEVENT, TEXT escaping 3.3.11, line folding
// 3.1, floating DATE-TIME 3.3.5).
#include <fstream>

#include "ppm/core/error.hpp"
#include "ppm/io/ical.hpp"

namespace ppm {

namespace {
std::string escape(std::string_view t) {
    std::string out;
    for (char c : t) {
        if (c == '\\' || c == ';' || c == ',') { out += '\\'; out += c; }
        else if (c == '\n') out += "\\n";
        else if (c != '\r') out += c;
    }
    return out;
}

std::string stamp(Instant t) {
    const Date d = t.date();
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", d.year(), d.month(), d.day(),
                  static_cast<int>(t.minute_of_day() / 60), static_cast<int>(t.minute_of_day() % 60));
    return buf;
}

// Folds a content line at 75 octets without splitting a UTF-8 sequence.
void line(std::string& out, const std::string& content) {
    std::size_t pos = 0, width = 75;
    while (content.size() - pos > width) {
        std::size_t cut = pos + width;
        while (cut > pos && (static_cast<unsigned char>(content[cut]) & 0xC0) == 0x80) --cut;
        out += content.substr(pos, cut - pos) + "\r\n ";
        pos = cut;
        width = 74;
    }
    out += content.substr(pos) + "\r\n";
}
}  // namespace

std::string write_ical(const Portfolio& pf, const ScheduleResult& r) {
    Instant dtstamp = pf.status_date.value_or(Instant{});
    if (!pf.status_date && !pf.projects.empty()) {
        dtstamp = pf.projects.front().start;
        for (const auto& p : pf.projects) dtstamp = std::min(dtstamp, p.start);
    }
    std::string out;
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//ppm//milestones//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "X-WR-CALNAME:" + escape(pf.name.empty() ? pf.id.str() : pf.name));
    for (std::size_t i = 0; i < r.task_id.size(); ++i) {
        if (!r.is_milestone[i]) continue;
        const Task* t = pf.find_task(r.task_id[i]);
        const std::string project = r.project[i].value() < r.project_id.size() ? r.project_id[r.project[i].value()].str() : "";
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + escape(r.task_id[i].str()) + "@" + escape(project) + ".ppm");
        line(out, "DTSTAMP:" + stamp(dtstamp));
        line(out, "DTSTART:" + stamp(r.early_start[i]));
        line(out, "DTEND:" + stamp(r.early_finish[i]));
        line(out, "SUMMARY:" + escape(t ? t->name : r.task_id[i].str()));
        line(out, "CATEGORIES:Milestone");
        if (r.critical[i]) line(out, "PRIORITY:1");
        if (t && !t->notes.empty()) line(out, "DESCRIPTION:" + escape(t->notes));
        line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out;
}

void write_ical_file(const Portfolio& portfolio, const std::filesystem::path& path) {
    const std::string text = write_ical(portfolio, schedule(portfolio));
    std::ofstream out(path, std::ios::binary);
    if (!out) throw ParseError::io(path.string(), "cannot open for writing");
    out << text;
    if (!out) throw ParseError::io(path.string(), "write failed");
}

}  // namespace ppm
