#pragma once
/// @file
/// An independent checker of a levelled schedule: given the portfolio and a `LevelResult`, lists
/// every rule the levelled dates break. It shares no code with the levelling engine: links,
/// calendars, constraints, progress and summaries go through `validate_schedule` (which reads
/// the editable model and counts working minutes itself), and the two rules of levelling are
/// checked here from the model's own assignments and availability periods:
/// - capacity: for every work resource, at every instant, the units of the assignments of the
///   tasks whose working pieces cover the instant (complete tasks are history and hold nothing;
///   started ones hold their whole span) do not exceed the capacity (the availability
///   period covering it, a later one overriding an earlier one, else `max_units`), except inside
///   an over-allocation the result itself reports (`LevelResult::over_allocations`, the same
///   resource over the same instants);
/// - piece: a task's pieces are in order, do not overlap, start in working time and end at the
///   end of working time, run from the task's start to its finish, and (not started tasks) hold
///   its duration in working minutes on its calendar; an unsplit task has one piece (none for a
///   milestone or a summary).
/// Rules and messages: docs/leveling.md ("Checking a levelled schedule").

#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/leveling/level.hpp"
#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/validator.hpp"

namespace ppm {

/// Options of `validate_level`.
struct LevelValidatorOptions {
    /// The CPM options levelling used (`LevelOptions::schedule`: status date, progress mode).
    ScheduleOptions schedule{};
    /// Count an over-capacity instant as a violation even inside an over-allocation the result
    /// reports (a result of status `levelled` reports none).
    bool strict_capacity = false;
};

/// Every rule `result` breaks for `portfolio` (empty: the levelled schedule is consistent).
/// A `capacity` violation names the resource in `other` and the first task holding it in `task`
/// (its message lists the others).
[[nodiscard]] std::vector<Violation> validate_level(const Portfolio& portfolio, const LevelResult& result,
                                                    const LevelValidatorOptions& options = {});

}  // namespace ppm
