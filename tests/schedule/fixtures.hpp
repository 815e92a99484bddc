#pragma once
// Small model builders for the schedule tests. The calendar is the one of issue 2's note:
// Mon-Fri 09:00-12:00, 13:00-18:00 (8 working hours = 480 minutes a day). 2026-03-02 is a Monday.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/schedule/cpm.hpp"

namespace ppm::test {

inline constexpr std::int64_t kDay = 480;  // working minutes per day on the test calendar

inline Instant at(int month, int day, int hour, int minute = 0) { return Instant::from_ymd_hm(2026, month, day, hour, minute); }

inline Calendar test_calendar(std::string id = "std") {
    return Calendar::standard(CalendarId{std::move(id)}, DaySchedule{{540, 720}, {780, 1080}});
}

inline CalendarException holiday(Date from, Date to, bool yearly = false) {
    CalendarException e;
    e.name = "holiday";
    e.from = from;
    e.to = to;
    e.yearly = yearly;
    return e;
}

/// A portfolio with one project "P" starting Mon 2026-03-02 09:00 on the test calendar.
inline Portfolio one_project() {
    Portfolio pf;
    pf.id = PortfolioId{"pf"};
    pf.calendars.push_back(test_calendar());
    pf.default_calendar = CalendarId{"std"};
    Project p;
    p.id = ProjectId{"P"};
    p.start = at(3, 2, 9);
    pf.projects.push_back(std::move(p));
    return pf;
}

inline Task& add_task(Portfolio& pf, const std::string& id, std::int64_t days, std::size_t project = 0) {
    Task t;
    t.id = TaskId{id};
    t.name = id;
    t.duration = Duration{days * kDay};
    pf.projects[project].tasks.push_back(std::move(t));
    return pf.projects[project].tasks.back();
}

inline Task& find(Portfolio& pf, const std::string& id) { return *pf.find_task(TaskId{id}); }

inline void link(Portfolio& pf, const std::string& pred, const std::string& succ, LinkType type = LinkType::finish_start,
                 Lag lag = {}, LagCalendar cal = LagCalendar::predecessor) {
    Dependency d;
    d.predecessor = TaskId{pred};
    d.type = type;
    d.lag = lag;
    d.lag_calendar = cal;
    find(pf, succ).predecessors.push_back(std::move(d));
}

/// A 3d (Mon 2 - Wed 4) -> B (`b_days`) with the constraint on B; logic alone starts B Thu 5 09:00.
inline Portfolio chain_with(ConstraintType type, Instant date, std::int64_t b_days = 1) {
    Portfolio pf = one_project();
    add_task(pf, "A", 3);
    add_task(pf, "B", b_days).constraint = Constraint{type, date};
    link(pf, "A", "B");
    return pf;
}

/// True when `r` holds a warning of kind `k` about task index `task`.
inline bool has_warning(const ScheduleResult& r, ScheduleWarningKind k, std::uint32_t task) {
    return std::any_of(r.warnings.begin(), r.warnings.end(),
                       [&](const ScheduleWarning& w) { return w.kind == k && w.task == TaskIndex{task}; });
}

inline Lag working_days(std::int64_t days) { return Lag{LagUnit::working, Duration{days * kDay}, 0.0}; }
inline Lag elapsed_minutes(std::int64_t m) { return Lag{LagUnit::elapsed, Duration{m}, 0.0}; }
inline Lag percent(double p) { return Lag{LagUnit::percent, Duration{0}, p}; }

}  // namespace ppm::test
