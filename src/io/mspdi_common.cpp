// MSPDI code tables and recurring calendar exceptions. The recurrence rules follow MS Project's
// "Details" dialog of a calendar exception: weekly patterns count weeks from the Sunday of the start
// date's week; monthly/yearly "relative" picks the n-th (or last) weekday of the month; occurrences
// before the start date are skipped. Checked against the 27 exceptions of MPXJ's
// calendar-recurring-exceptions fixtures (shared/data/interchange/expected/).
#include "detail/mspdi_common.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>

#include <pugixml.hpp>

namespace ppm::detail {

int complete_outline_code_values(std::string& xml) {
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size())) return 0;
    int completed = 0, unnamed = 0;
    for (pugi::xml_node code : doc.document_element().children("OutlineCode"))
        for (pugi::xml_node value : code.child("Values").children("Value")) {
            bool changed = false;
            if (!value.child("FieldGUID")) {
                std::string id = value.child_value("ValueID");
                if (id.empty() || id.size() > 12 || !std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isdigit(c); }))
                    id = "9" + std::to_string(++unnamed);
                value.append_child("FieldGUID").text().set(("00000000-0000-0000-0001-" + std::string(12 - std::min<std::size_t>(12, id.size()), '0') + id).c_str());
                changed = true;
            }
            if (!value.child("Type")) {
                value.append_child("Type").text().set("21");
                changed = true;
            }
            completed += changed;
        }
    if (completed == 0) return 0;
    std::ostringstream os;
    doc.save(os, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    xml = os.str();
    return completed;
}

bool mspdi_format_is_elapsed(int f) noexcept {
    return f == 4 || f == 6 || f == 8 || f == 10 || f == 12 || f == 20 || f == 36 || f == 38 || f == 40 || f == 42 ||
           f == 44 || f == 52;
}

bool mspdi_format_is_percent(int f) noexcept { return f == 19 || f == 20 || f == 51 || f == 52; }

FieldFamily mspdi_field_family(std::string_view name) noexcept {
    std::string_view base = name;
    while (!base.empty() && std::isdigit(static_cast<unsigned char>(base.back()))) base.remove_suffix(1);
    if (base.size() == name.size()) return FieldFamily::other;
    if (base == "Start" || base == "Finish" || base == "Date" || base == "BaselineStart" || base == "BaselineFinish")
        return FieldFamily::date;
    if (base == "Cost" || base == "BaselineCost") return FieldFamily::cost;
    if (base == "Number") return FieldFamily::number;
    if (base == "Flag") return FieldFamily::flag;
    if (base == "Duration") return FieldFamily::duration;
    if (base == "Text" || base == "OutlineCode") return FieldFamily::text;
    return FieldFamily::other;
}

std::string mspdi_field_name(std::string_view id) {
    // Task custom fields MS Project numbers contiguously (Project 2013 SDK, "Task field IDs").
    if (id == "188743731") return "Text1";
    if (id == "188743732") return "Start1";
    if (id == "188743733") return "Finish1";
    if (id == "188743734") return "Text2";
    if (id == "188743786") return "Cost1";
    if (id == "188743767") return "Number1";
    if (id == "188743752") return "Flag1";
    if (id == "188743945") return "Date1";
    return {};
}

namespace {
int days_in_month(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : kDays[m - 1];
}

// n-th (0-based position, 4 = last) `weekday` (0 Monday .. 6 Sunday) of month m of year y.
Date relative_day(int y, int m, int position, int weekday) {
    if (position >= 4) {
        Date d = Date::from_ymd(y, m, days_in_month(y, m));
        while (d.weekday() != weekday) d = d - 1;
        return d;
    }
    Date d = Date::from_ymd(y, m, 1);
    while (d.weekday() != weekday) d = d + 1;
    return d + 7 * position;
}
}  // namespace

ExpandedRecurrence expand_recurrence(const Recurrence& r) {
    ExpandedRecurrence out;
    constexpr std::size_t kMax = 100000;
    const int count = r.occurrences;
    const auto more = [&](Date d) { return count > 0 ? out.dates.size() < static_cast<std::size_t>(count) : d <= r.to; };
    const auto past_end = [&](Date d) { return count <= 0 && d > r.to; };
    const int period = std::max(1, r.period);
    // MonthItem 3 = Sunday ... 9 = Saturday -> ISO Monday 0 ... Sunday 6.
    const int weekday = r.month_item >= 3 && r.month_item <= 9 ? (r.month_item - 3 + 6) % 7 : 0;
    switch (r.type) {
        case 7:
            for (Date d = r.from; more(d) && out.dates.size() < kMax; d = d + period) out.dates.push_back(d);
            break;
        case 6: {
            Date week = r.from - ((r.from.weekday() + 1) % 7);  // Sunday of the start week
            if (r.days_of_week == 0) break;
            while (out.dates.size() < kMax) {
                bool done = false;
                for (int k = 0; k < 7 && !done; ++k) {
                    const Date d = week + k;
                    if (!(r.days_of_week & (1 << k)) || d < r.from) continue;
                    if (!more(d)) { done = true; break; }
                    out.dates.push_back(d);
                }
                if (done || past_end(week) || (count > 0 && out.dates.size() >= static_cast<std::size_t>(count))) break;
                week = week + 7 * period;
            }
            break;
        }
        case 4:
        case 5: {
            int y = r.from.year(), m = r.from.month();
            while (out.dates.size() < kMax && y < 2200) {
                const Date d = r.type == 4 ? Date::from_ymd(y, m, std::min(r.month_day, days_in_month(y, m)))
                                           : relative_day(y, m, r.month_position, weekday);
                if (d >= r.from) {
                    if (!more(d)) break;
                    out.dates.push_back(d);
                }
                m += period;
                while (m > 12) { m -= 12; ++y; }
            }
            break;
        }
        case 2:
        case 3: {
            const int month = std::clamp(r.month + 1, 1, 12);
            if (r.type == 2 && count <= 0 && r.to.year() >= 2049) {
                int y = r.from.year();
                Date d = Date::from_ymd(y, month, std::min(r.month_day, days_in_month(y, month)));
                if (d < r.from) d = Date::from_ymd(y + 1, month, std::min(r.month_day, days_in_month(y + 1, month)));
                out.dates.push_back(d);
                out.yearly_forever = true;
                break;
            }
            for (int y = r.from.year(); y < 2200 && out.dates.size() < kMax; ++y) {
                const Date d = r.type == 2 ? Date::from_ymd(y, month, std::min(r.month_day, days_in_month(y, month)))
                                           : relative_day(y, month, r.month_position, weekday);
                if (d < r.from) continue;
                if (!more(d)) break;
                out.dates.push_back(d);
            }
            break;
        }
        default:
            for (Date d = r.from; d <= r.to && out.dates.size() < kMax; d = d + 1) out.dates.push_back(d);
            break;
    }
    return out;
}

}  // namespace ppm::detail
