// Calendar factories: the MS Project "Standard" calendar pattern and P6's "24 hour" calendar.
#include "ppm/core/calendar.hpp"

#include <utility>

namespace ppm {

Calendar Calendar::standard(CalendarId id, DaySchedule day) {
    Calendar c;
    c.id = std::move(id);
    c.name = "Standard";
    for (int d = 0; d < 5; ++d) c.week[static_cast<std::size_t>(d)] = day;
    c.week[5] = DaySchedule{};
    c.week[6] = DaySchedule{};
    return c;
}

Calendar Calendar::twenty_four_seven(CalendarId id) {
    Calendar c;
    c.id = std::move(id);
    c.name = "24 Hours";
    for (auto& d : c.week) d = DaySchedule{{0, 1440}};
    return c;
}

}  // namespace ppm
