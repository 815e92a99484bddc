#pragma once
/// @file
/// Per-task calendars in Monte Carlo schedule risk analysis: each iteration runs the exact
/// critical path method of `ppm::run_cpm` (Kelley & Walker 1959; the precedence diagramming
/// method with every task in its own working calendar, docs/scheduling.md) on the sampled working
/// durations, so a task's duration is sampled in working minutes of ITS calendar and converted to
/// dates through it. With degenerate distributions the simulation reproduces `schedule()` exactly.
/// Finishes are then elapsed minutes after `origin` (not working minutes on one axis).

#include <cstdint>
#include <memory>
#include <vector>

#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/network.hpp"

namespace ppm {

/// What a simulation needs to time its iterations on per-task calendars.
struct CalendarTiming {
    std::shared_ptr<const Network> network;  ///< The compiled CPM network (summaries included).
    std::vector<TaskIndex> network_task;     ///< Per simulation task: its index in `network`.
    std::int64_t origin = 0;                 ///< Minutes since epoch of simulation minute 0.
    ScheduleOptions schedule{};              ///< Status date, progress mode, critical float.
};

/// Checks a timing against a simulation of `task_count` tasks (sizes, indices in range, one
/// simulation task per network leaf at most). Throws ModelError invalid_value / missing_value.
void check_calendar_timing(const CalendarTiming& timing, std::size_t task_count);

}  // namespace ppm
