#pragma once
/// @file
/// Time-phased PV, EV and AC: the S-curves of a baseline and its status periods (PMI Practice
/// Standard for EVM, 2nd ed., fig. 5-1). Cumulative values at the end of each reporting period.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/earned_schedule.hpp"
#include "ppm/evm/status_period.hpp"

namespace ppm {

/// Cumulative S-curves sampled at `period_end`; EV and AC are known only up to the last status
/// date (`has_actuals[k]` false after it: EV/AC hold the last known value there).
struct TimePhased {
    std::vector<Instant> period_end;
    std::vector<Money> pv;
    std::vector<Money> ev;
    std::vector<Money> ac;
    std::vector<std::uint8_t> has_actuals;  ///< 0/1 (not vector<bool>: it becomes a numpy array)
};

/// Period boundaries from `from` to at least `to`, every `step` (e.g. one week = 10080 minutes).
[[nodiscard]] std::vector<Instant> period_ends(Instant from, Instant to, Duration step);

/// S-curves of `baseline` at `ends`; EV/AC at each end come from the latest status period dated at
/// or before it (none -> zero). Status periods may be in any order.
[[nodiscard]] TimePhased time_phase(const Baseline& baseline, std::span<const StatusPeriod> status,
                                    std::span<const Instant> ends);

/// Earned value and actual cost of a status period measured against a baseline: EV by each task's
/// method attached to the baseline (`Baseline::earned_value`, percent complete when none;
/// earned_values), AC summed over the period's rows (tasks absent from the baseline earn nothing:
/// they were not budgeted).
[[nodiscard]] std::pair<Money, Money> earned_and_actual(const Baseline& baseline, const StatusPeriod& status);

/// Earned schedule of a baseline at a status period, in minutes from the baseline's planned
/// start; PV curve evaluated exactly at every task start/finish (the curve is piecewise linear).
/// Once EV reaches BAC, actual time stops at `actual_finish` when given (Lipke: AT = the actual
/// finish when complete); a status period alone carries no finish dates, so AT is its date then.
[[nodiscard]] EarnedSchedule earned_schedule(const Baseline& baseline, const StatusPeriod& status,
                                             std::optional<Instant> actual_finish = std::nullopt);

}  // namespace ppm
