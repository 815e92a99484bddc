#pragma once
// Multi-mode model after preprocessing (Sprecher, Hartmann & Drexl 1997, "An exact algorithm for
// project scheduling with multiple modes", OR Spektrum 19): non-executable modes (a renewable
// demand above capacity, or a non-renewable demand that cannot fit with the smallest demands of
// all other jobs) and inefficient modes (another mode is no longer and needs no more of anything)
// removed; the remaining modes of a job in CSR form; serial SGS forward and backward on it.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "ppm/leveling/psplib.hpp"

namespace ppm::detail {

struct MultiModeModel {
    std::int32_t n = 0, R = 0, N = 0;
    std::vector<std::int32_t> allowed_offset, allowed_row;  // CSR: allowed global mode rows per job
    std::vector<std::int32_t> dur, rdem, ndem;              // per global row (copied from the project)
    std::vector<std::int32_t> rcap, ncap;
    std::vector<std::int32_t> succ_offset, succ, pred_offset, pred;
    std::vector<std::int32_t> topo_rank;
    std::vector<std::int32_t> min_ndem_excess;  // per non-renewable: sum of smallest demands - budget
    bool proven_infeasible = false;
    std::int32_t horizon = 0;      // sum of the longest allowed durations
    std::int32_t lower_bound = 0;  // critical path with shortest modes, energy with cheapest modes

    [[nodiscard]] std::int32_t modes_of(std::int32_t j) const { return allowed_offset[j + 1] - allowed_offset[j]; }
    [[nodiscard]] std::int32_t row(std::int32_t j, std::int32_t m) const { return allowed_row[allowed_offset[j] + m]; }
};

MultiModeModel build_multimode_model(const PsplibProject& p);

/// Time-indexed serial SGS over a multi-mode model (profile sized by the horizon).
class MultiModeSgs {
public:
    explicit MultiModeSgs(const MultiModeModel& m)
        : m_(m), usage_(static_cast<std::size_t>(m.horizon + 2) * static_cast<std::size_t>(std::max(m.R, 1)), 0),
          finish_(static_cast<std::size_t>(m.n), 0) {}

    /// Schedules `order` (precedence-feasible for the direction) with mode rows `rows` (one per
    /// job); forward gives starts; backward gives right-justified starts with the same makespan
    /// reference (start = makespan - mirrored finish). Returns the makespan.
    std::int32_t run(const std::int32_t* order, const std::int32_t* rows, bool backward, std::int32_t* starts) {
        const std::int32_t R = m_.R;
        std::int32_t used_until = 0;
        const std::int32_t* before_off = backward ? m_.succ_offset.data() : m_.pred_offset.data();
        const std::int32_t* before = backward ? m_.succ.data() : m_.pred.data();
        for (std::int32_t i = 0; i < m_.n; ++i) {
            const std::int32_t j = order[i];
            const std::int32_t r = rows[j];
            const std::int32_t d = m_.dur[r];
            std::int32_t t = 0;
            for (std::int32_t a = before_off[j]; a < before_off[j + 1]; ++a) t = std::max(t, finish_[before[a]]);
            if (d > 0) {
                const std::int32_t* dem = m_.rdem.data() + static_cast<std::ptrdiff_t>(r) * R;
                const std::int32_t* cap = m_.rcap.data();
                for (;;) {
                    std::int32_t clash = -1;
                    for (std::int32_t tau = t + d - 1; tau >= t && clash < 0; --tau) {
                        const std::int32_t* u = usage_.data() + static_cast<std::ptrdiff_t>(tau) * R;
                        for (std::int32_t k = 0; k < R; ++k)
                            if (u[k] + dem[k] > cap[k]) {
                                clash = tau;
                                break;
                            }
                    }
                    if (clash < 0) break;
                    t = clash + 1;
                }
                for (std::int32_t tau = t; tau < t + d; ++tau) {
                    std::int32_t* u = usage_.data() + static_cast<std::ptrdiff_t>(tau) * R;
                    for (std::int32_t k = 0; k < R; ++k) u[k] += dem[k];
                }
            }
            starts[j] = t;
            finish_[j] = t + d;
            used_until = std::max(used_until, t + d);
        }
        std::fill(usage_.begin(), usage_.begin() + static_cast<std::ptrdiff_t>(used_until) * R, 0);
        if (backward)
            for (std::int32_t j = 0; j < m_.n; ++j) starts[j] = used_until - finish_[j];
        return used_until;
    }

private:
    const MultiModeModel& m_;
    std::vector<std::int32_t> usage_;
    std::vector<std::int32_t> finish_;
};

}  // namespace ppm::detail
