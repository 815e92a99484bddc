#pragma once
/// @file
/// Priority rules for schedule generation schemes, as surveyed in Kolisch (1996), "Efficient
/// priority rules for the resource-constrained project scheduling problem", J. Oper. Mgmt 14, and
/// Kolisch & Hartmann (1999): LFT, LST, MinSlack, MTS, GRPW, SPT, plus the resource-free
/// earliest/latest start times they are computed from (critical path method, Kelley 1961).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "ppm/leveling/rcpsp_instance.hpp"

namespace ppm {

/// A job-ranking rule. Every rule yields values where SMALLER means scheduled FIRST.
enum class PriorityRule : std::uint8_t {
    lft,        ///< Latest finish time (resource-free, from the critical path length).
    lst,        ///< Latest start time.
    min_slack,  ///< Minimum total slack (LST - EST); ties by LFT.
    mts,        ///< Most total successors (transitive).
    grpw,       ///< Greatest rank positional weight: own duration plus direct successors' durations.
    spt,        ///< Shortest processing time.
    est,        ///< Earliest start time.
};

/// "lft", "lst", "min_slack", "mts", "grpw", "spt", "est".
std::string_view to_string(PriorityRule rule) noexcept;

/// Resource-free time windows of each job (critical path method on the start-to-start lags).
struct TimeWindows {
    std::vector<std::int32_t> earliest_start;  ///< Per job.
    std::vector<std::int32_t> latest_start;    ///< Per job, against the critical path length.
    std::int32_t critical_path_length = 0;     ///< Largest earliest finish.
};

/// Earliest and latest starts ignoring resources.
[[nodiscard]] TimeWindows time_windows(const RcpspInstance& instance);

/// Value of `rule` for every job (smaller = higher priority); ties are broken by callers with the
/// job index.
[[nodiscard]] std::vector<double> priority_values(const RcpspInstance& instance, PriorityRule rule);

/// What the rules read on a network other than an `RcpspInstance` (the calendar model that `level`
/// schedules): per task its resource-free earliest start, latest start and finish (any one time
/// unit, e.g. minutes since the epoch), total float and duration (e.g. working minutes), and its
/// successors as compressed sparse rows (task i's: `successors[successor_offsets[i] ..
/// successor_offsets[i + 1])`).
struct NetworkRuleInputs {
    std::span<const std::int64_t> earliest_start, latest_start, latest_finish, total_float, duration;
    std::span<const std::uint32_t> successor_offsets, successors;
};

/// Value of `rule` for every task of such a network (smaller = higher priority), into `out` (one per
/// task). Ties are broken inside the value: by the earliest start (LFT, LST, min slack), by the total
/// float (EST); SPT and GRPW are durations, MTS counts transitive successors. Callers break the
/// remaining ties by task index.
void priority_values(PriorityRule rule, const NetworkRuleInputs& network, std::span<double> out);

}  // namespace ppm
