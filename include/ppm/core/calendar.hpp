#pragma once
/// @file
/// The editable definition of a working calendar: a weekly pattern of working intervals per day,
/// dated exceptions (non-working days, changed hours, ranges, yearly recurring holidays) and an
/// optional base calendar it derives from. Compile it with `WorkCalendar` (work_calendar.hpp)
/// for fast work-time arithmetic.

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "ppm/core/custom_field.hpp"
#include "ppm/core/id.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// Working time on one day: minutes after midnight, half-open [start, finish), 0 <= start < finish <= 1440.
struct WorkInterval {
    int start = 0;
    int finish = 0;
    friend bool operator==(const WorkInterval&, const WorkInterval&) = default;
};

/// The working intervals of one day, sorted and disjoint; empty means a non-working day.
using DaySchedule = std::vector<WorkInterval>;

/// A dated exception: the days from `from` to `to` (inclusive) work `hours` (empty = non-working).
/// With `yearly`, the same month/day range recurs every year (e.g. national holidays on fixed dates);
/// `from`'s year is the first year it applies, `to`'s month/day ends each occurrence.
struct CalendarException {
    std::string name;
    Date from;
    Date to;
    DaySchedule hours;
    bool yearly = false;
    friend bool operator==(const CalendarException&, const CalendarException&) = default;
};

/// A working calendar. Week days are indexed Monday = 0 ... Sunday = 6; a day left empty
/// (`std::nullopt`) inherits the base calendar's day, and a calendar without base treats it as
/// non-working. Exceptions override the week; a derived calendar's exceptions override the base's.
struct Calendar {
    CalendarId id;
    std::string name;
    std::optional<CalendarId> base;
    std::array<std::optional<DaySchedule>, 7> week{};
    std::vector<CalendarException> exceptions;
    std::string notes;
    CustomFields custom;

    /// Mon-Fri with the given day (default 08:00-12:00, 13:00-17:00), weekends off.
    static Calendar standard(CalendarId id, DaySchedule day = {{480, 720}, {780, 1020}});
    /// Every minute of every day works (P6's "24 hour" calendar, used for elapsed time).
    static Calendar twenty_four_seven(CalendarId id);

    friend bool operator==(const Calendar&, const Calendar&) = default;
};

}  // namespace ppm
