#pragma once
/// @file
/// Named baselines: a frozen copy of each task's planned start, finish and cost, several per
/// project (MS Project keeps Baseline..Baseline10, P6 keeps any number of baseline projects).
/// Stored as a struct of arrays over the project's tasks. A baseline is built from plain arrays
/// (`make_baseline`) so it does not depend on the scheduling engine. Planned value at an instant
/// spreads each task's cost evenly over the working minutes of its planned [start, finish] on the
/// task's calendar, as P6 and MS Project spread a linear curve (nothing is planned on nights,
/// weekends or holidays); a task without a calendar attached (`attach_calendars`, capture.hpp)
/// spreads over elapsed time. A milestone's cost is earned at its finish.

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "ppm/calendar/work_calendar.hpp"

#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/task.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// One baseline of one project; arrays indexed alike (position k is task `task[k]`).
struct Baseline {
    std::string name;                 ///< "Baseline", "Baseline 1", "CR-12"...
    ProjectId project;                ///< The project it freezes.
    Instant captured_at{};            ///< When it was taken.
    std::vector<TaskId> task;         ///< Leaf tasks (summary tasks roll up from these).
    std::vector<Instant> start;       ///< Planned start.
    std::vector<Instant> finish;      ///< Planned finish (>= start).
    std::vector<Money> cost;          ///< Budget (>= 0).
    /// The working calendar each task's budget is spread on (empty, or null entries: elapsed time).
    /// Not part of the stored baseline: attached from the model (`attach_calendars`).
    std::vector<std::shared_ptr<const WorkCalendar>> calendar;
    /// Each task's earned-value method (empty, or a default entry: percent complete). Not part of
    /// the stored baseline either: attached from the model with the calendars (`attach_calendars`).
    std::vector<EarnedValueRule> earned_value;

    /// Number of tasks.
    [[nodiscard]] std::size_t size() const noexcept { return task.size(); }
};

/// Builds a baseline from parallel arrays; throws ModelError when their sizes differ (invalid_value),
/// a task repeats (duplicate_id), a finish precedes its start (inconsistent) or a cost is negative.
[[nodiscard]] Baseline make_baseline(std::string name, ProjectId project, Instant captured_at,
                                     std::vector<TaskId> tasks, std::vector<Instant> starts,
                                     std::vector<Instant> finishes, std::vector<Money> costs);

/// Budget at completion: the sum of the costs.
[[nodiscard]] Money budget_at_completion(const Baseline& b) noexcept;
/// Planned value of task k at instant `t` (even over its working minutes, rounded down to the cent).
[[nodiscard]] Money planned_value(const Baseline& b, std::size_t k, Instant t) noexcept;
/// Planned value of the whole baseline at `t`.
[[nodiscard]] Money planned_value(const Baseline& b, Instant t) noexcept;
/// Earliest planned start and latest planned finish (captured_at twice when empty).
[[nodiscard]] std::pair<Instant, Instant> planned_span(const Baseline& b) noexcept;
/// Position of `id` in the baseline, or size() when absent.
[[nodiscard]] std::size_t find_task(const Baseline& b, const TaskId& id) noexcept;

/// The baselines of one project with the one that is current (what EVM measures against).
struct BaselineSet {
    std::vector<Baseline> baselines;
    std::string current;  ///< Name of the current baseline; empty = the last one.

    /// The current baseline, or nullptr when there is none.
    [[nodiscard]] const Baseline* active() const noexcept;
    /// Adds `b` (replacing one of the same name) and makes it current.
    void set_current(Baseline b);
};

}  // namespace ppm
