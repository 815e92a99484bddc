#pragma once
/// @file
/// Internal: the precomputed form of a `Network` that lets `run_cpm` take its specialised loop
/// (CPM forward and backward passes in integer working-time keys, Kelley & Walker 1959).
///
/// A network qualifies when every task and every link share one calendar, every lag is in working
/// minutes (fitting 32 bits), and no task has a summary, progress, a constraint other than
/// "as soon as possible" or a deadline. Then every date of the passes is a working-minute key of
/// that calendar and the passes are plain integer longest paths; the instants are computed once
/// per task at the end. Links are packed as `task | flags` in one 32-bit word each, in the same
/// positions as the network's CSR arrays, so a pass reads 8 bytes per link and no link attribute
/// needs a branch of its own.

#include <cstdint>
#include <vector>

#include "ppm/core/id.hpp"

namespace ppm::detail {

/// Packed links and the eligibility flag of the specialised CPM loop (see file comment).
struct CpmFastPlan {
    /// Flag bits in `pred` / `succ` words; the low 30 bits are a task index.
    static constexpr std::uint32_t kHigh = 1u << 31;
    static constexpr std::uint32_t kLow = 1u << 30;
    static constexpr std::uint32_t kTaskMask = kLow - 1;

    /// True when the network qualifies (durations are checked by run_cpm at each call).
    bool usable = false;
    /// The one calendar of every task, project and lag.
    CalendarIndex calendar{0};
    /// Forward, by the network's link position (grouped by successor): predecessor index,
    /// `kHigh` when the link leaves the predecessor's finish (FS, FF), `kLow` when it enters the
    /// successor's finish (FF, SF).
    std::vector<std::uint32_t> pred;
    /// Lag of each link (working minutes), same positions as `pred`.
    std::vector<std::int32_t> pred_lag;
    /// Backward, by position in the network's `succ_links()` (grouped by predecessor): successor
    /// index, `kHigh` when the link enters the successor's start (FS, SS), `kLow` when it leaves
    /// the predecessor's start (SS, SF).
    std::vector<std::uint32_t> succ;
    /// Lag of each link, same positions as `succ`.
    std::vector<std::int32_t> succ_lag;
};

}  // namespace ppm::detail
