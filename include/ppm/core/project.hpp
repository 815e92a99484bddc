#pragma once
/// @file
/// A project: a WBS of tasks with a start, a calendar and an optional deadline.

#include <optional>
#include <string>
#include <vector>

#include "ppm/core/custom_field.hpp"
#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/task.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// A project. Tasks are kept in outline order (a parent before its children).
struct Project {
    ProjectId id;
    std::string name;
    std::optional<ProgramId> program;   ///< The program it belongs to, if any.
    Instant start;                      ///< Planned start: no task starts earlier unless it has actuals.
    std::optional<Instant> deadline;    ///< Late finish of the backward pass when set (negative float if missed).
    std::optional<CalendarId> calendar; ///< Default calendar of its tasks (defaults to the portfolio's).
    std::optional<Instant> status_date; ///< Data date for progress (defaults to the portfolio's).
    int priority = 500;
    /// Weight of this project's delay in levelling's total-delay objective (cost of a day late
    /// relative to the others; default 1, 0 = its delay does not count). Finite, >= 0.
    double delay_weight = 1.0;
    /// MS Project's "Tasks will always honor their constraint dates": MSO, MFO, SNLT and FNLT win
    /// over logic. Off (as P6 schedules), logic wins and the conflict shows as negative float.
    bool honor_constraints = true;
    std::int64_t minutes_per_day = 480;   ///< For "days" in files and reports (MS Project's default 8h).
    std::int64_t minutes_per_week = 2400;
    std::string manager;
    std::vector<Task> tasks;
    std::string notes;
    CustomFields custom;
    friend bool operator==(const Project&, const Project&) = default;
};

}  // namespace ppm
