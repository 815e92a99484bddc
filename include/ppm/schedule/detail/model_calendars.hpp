#pragma once
/// @file
/// Internal: the working calendars of an editable portfolio's tasks, resolved from the model (task,
/// then project, then portfolio default; none = 24/7) and compiled on first use over a date range.
/// Shared by the independent checkers (`validate_schedule`, `validate_level`), which read the model
/// directly and never the compiled `Network`.

#include <map>
#include <string>

#include "ppm/calendar/work_calendar.hpp"
#include "ppm/core/portfolio.hpp"

namespace ppm::detail {

class ModelCalendars {
public:
    /// Calendars compile over [first, last]; `portfolio` must outlive this object.
    ModelCalendars(const Portfolio& portfolio, Date first, Date last) : pf_(&portfolio), first_(first), last_(last) {}

    /// The calendar with id `id` ("" = 24/7).
    const WorkCalendar& by_id(const std::string& id) {
        auto it = cals_.find(id);
        if (it != cals_.end()) return it->second;
        WorkCalendar wc = id.empty() ? WorkCalendar{} : WorkCalendar::compile(pf_->calendars, CalendarId{id}, first_, last_);
        return cals_.emplace(id, std::move(wc)).first->second;
    }
    [[nodiscard]] std::string project_calendar_id(const Project& p) const {
        if (p.calendar) return p.calendar->str();
        if (pf_->default_calendar) return pf_->default_calendar->str();
        return {};
    }
    [[nodiscard]] std::string task_calendar_id(const Project& p, const Task& t) const {
        return t.calendar ? t.calendar->str() : project_calendar_id(p);
    }
    /// Task `t` of project `p`: its working calendar.
    const WorkCalendar& of_task(const Project& p, const Task& t) { return by_id(task_calendar_id(p, t)); }

private:
    const Portfolio* pf_;
    Date first_, last_;
    std::map<std::string, WorkCalendar> cals_;  // by calendar id ("" = 24/7)
};

}  // namespace ppm::detail
