#pragma once
/// @file
/// Independent feasibility checkers for the multi-mode RCPSP and the RCPSP/max, written without
/// the solver code so the tests do not trust the solvers: modes in range, precedence (finish-to-
/// start for `.mm`, generalised start-to-start lags for `.sch`), every renewable resource at every
/// period (the usage profile rebuilt period by period) and every non-renewable budget.

#include <cstdint>
#include <span>

#include "ppm/leveling/psplib.hpp"
#include "ppm/leveling/rcpsp_max.hpp"
#include "ppm/leveling/schedule_check.hpp"

namespace ppm {

/// Checks `modes` (0-based, one per job) and `starts` (one per job, >= 0) against a `.mm`/`.sm`
/// project. Non-renewable overruns count as capacity violations (one per resource).
[[nodiscard]] ScheduleCheck check_multimode_schedule(const PsplibProject& project, std::span<const std::int32_t> modes,
                                                     std::span<const std::int32_t> starts);

/// Checks `starts` (one per job, >= 0) against every arc (lags of any sign) and every resource.
[[nodiscard]] ScheduleCheck check_max_schedule(const RcpspMaxProject& project, std::span<const std::int32_t> starts);

}  // namespace ppm
