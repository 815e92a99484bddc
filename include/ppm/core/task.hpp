#pragma once
/// @file
/// Tasks: the nodes of a project's WBS tree (summary tasks, tasks, milestones).

#include <optional>
#include <string>
#include <vector>

#include "ppm/core/constraint.hpp"
#include "ppm/core/custom_field.hpp"
#include "ppm/core/dependency.hpp"
#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// A resource assigned to a task.
struct Assignment {
    ResourceId resource;
    double units = 1.0;              ///< 1.0 = full time of one unit of the resource; material: quantity per ... see docs/model.md
    std::optional<Duration> work;    ///< Planned work; default units x task duration.
    std::optional<Duration> actual_work;
    std::optional<Money> cost;       ///< Planned cost override (cost resources, or a fixed amount).
    CustomFields custom;
    friend bool operator==(const Assignment&, const Assignment&) = default;
};

/// What has happened on a task by the status date.
struct Progress {
    std::optional<Instant> actual_start;
    std::optional<Instant> actual_finish;
    double percent_complete = 0.0;                ///< Duration percent complete, 0..100.
    std::optional<Duration> remaining_duration;   ///< Default: duration x (1 - percent/100).
    std::optional<Money> actual_cost;
    friend bool operator==(const Progress&, const Progress&) = default;
};

/// A WBS node. A task with children (tasks whose `parent` names it) is a summary task: its dates
/// roll up from its children and its own `duration` is ignored.
struct Task {
    TaskId id;
    std::string name;
    std::optional<TaskId> parent;          ///< WBS parent (a task of the same project).
    Duration duration{};                   ///< Working minutes on the task's calendar.
    bool milestone = false;                ///< Zero-duration marker (duration must be 0).
    std::optional<CalendarId> calendar;    ///< Defaults to the project's calendar.
    Constraint constraint{};
    /// A second constraint (P6's secondary constraint); both bind. `as_late_as_possible` is
    /// only a primary constraint.
    std::optional<Constraint> secondary_constraint;
    std::optional<Instant> deadline;       ///< Soft: shows as negative float, never moves the task.
    int priority = 500;                    ///< 0..1000 as in MS Project; used by levelling.
    std::vector<Dependency> predecessors;
    std::vector<Assignment> assignments;
    Money fixed_cost{};
    Progress progress{};
    std::string notes;
    CustomFields custom;
    friend bool operator==(const Task&, const Task&) = default;
};

}  // namespace ppm
