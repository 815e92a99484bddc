#pragma once
/// @file
/// An independent feasibility checker for RCPSP schedules: every precedence arc (start-to-start
/// lag) and every resource at every time unit. Written without the SGS code so solver tests do not
/// trust the solver (the capacity check rebuilds the usage profile period by period).

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ppm/leveling/rcpsp_instance.hpp"

namespace ppm {

/// What the checker found; `problems` lists the first violations (at most 20) as readable text.
struct ScheduleCheck {
    bool feasible = true;               ///< No violation found.
    std::int32_t makespan = 0;          ///< Largest finish time.
    std::int64_t precedence_violations = 0;  ///< Arcs with S[to] < S[from] + lag.
    std::int64_t capacity_violations = 0;    ///< (resource, period) pairs over capacity.
    std::vector<std::string> problems;  ///< "job 5 starts at 3 before 2 + lag 4", ...
};

/// Checks `starts` (one per job, >= 0) against `instance`.
[[nodiscard]] ScheduleCheck check_schedule(const RcpspInstance& instance, std::span<const std::int32_t> starts);

}  // namespace ppm
