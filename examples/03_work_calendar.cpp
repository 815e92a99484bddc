// 03: working-time arithmetic on a calendar with a lunch break and a public holiday.
#include <iostream>

#include "ppm/calendar/work_calendar.hpp"

int main() {
    using namespace ppm;
    Calendar cal = Calendar::standard(CalendarId{"DE"}, {{540, 720}, {780, 1080}});  // 09-12, 13-18
    cal.exceptions.push_back({.name = "Tag der Arbeit", .from = Date::from_ymd(2026, 5, 1),
                              .to = Date::from_ymd(2026, 5, 1), .yearly = true});
    const std::vector<Calendar> all{cal};
    const WorkCalendar wc = WorkCalendar::compile(all, cal.id, Date::from_ymd(2026, 1, 1), Date::from_ymd(2027, 12, 31));

    // 16 working hours from Thursday 30 April 2026 10:00: Thursday gives 7h (10-12, 13-18);
    // Friday 1 May is a holiday and the weekend follows; Monday 4 May gives 8h; the last hour is
    // Tuesday 5 May 09:00-10:00.
    const Instant start = parse_instant("2026-04-30T10:00");
    const Instant finish = wc.add_work(start, Duration::hours(16));
    std::cout << "16h from " << to_string(start) << " ends " << to_string(finish) << "\n";
    std::cout << "working minutes between: " << wc.work_between(start, finish).count() << "\n";
    std::cout << "back again: " << to_string(wc.subtract_work(finish, Duration::hours(16))) << "\n";
    return finish == parse_instant("2026-05-05T10:00") && wc.subtract_work(finish, Duration::hours(16)) == start ? 0 : 1;
}
