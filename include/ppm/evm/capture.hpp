#pragma once
/// @file
/// Capturing a baseline from a CPM schedule (MS Project "Set Baseline", P6 "Maintain Baselines"):
/// each leaf task's early start and finish and its planned cost (fixed cost, assignment cost
/// overrides and per-use costs, plus rate x work at the first cost-rate row; work defaults to
/// units x duration) are frozen under a name.

#include <string>

#include "ppm/core/portfolio.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/schedule/cpm.hpp"

namespace ppm {

/// Planned cost of a task (see the file comment). Throws ModelError(unknown_id) for an unknown resource.
[[nodiscard]] Money planned_cost(const Portfolio& portfolio, const Task& task);

/// Attaches to `baseline` the working calendar of each of its tasks in `portfolio` (the task's
/// calendar, else its project's, else the portfolio default; none: elapsed time), so planned value
/// is spread over working time, and each task's earned-value method (`Task::earned_value`). Tasks
/// absent from the portfolio keep elapsed time and percent complete. Throws ModelError as
/// WorkCalendar::compile does for a broken calendar, and as earned_value_rules does.
void attach_calendars(Baseline& baseline, const Portfolio& portfolio);

/// The baseline of `project` from `schedule` (which must come from `portfolio`), calendars
/// attached. Throws ModelError(unknown_id) when the project is not in the portfolio.
[[nodiscard]] Baseline capture_baseline(const Portfolio& portfolio, const ScheduleResult& schedule, const ProjectId& project,
                                        std::string name = "Baseline", Instant captured_at = Instant{});

}  // namespace ppm
