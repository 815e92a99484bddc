#pragma once
/// @file
/// EVM roll-up over the portfolio tree: task -> WBS summary -> project -> program (nested) ->
/// portfolio. BAC, PV, EV, AC and the bottom-up EAC are summed (PMI Practice Standard for EVM,
/// 2nd ed., sec. 4.4: control accounts roll up the WBS); indices are recomputed from the sums,
/// never averaged. Earned schedule is computed at every level from that node's own PV curve.
///
/// @code
/// const std::vector<ppm::BaselineSet>& baselines = control.baselines;   // one set per project
/// auto table = ppm::evm_rollup(portfolio, baselines, status_date);
/// for (std::size_t i = 0; i < table.size(); ++i) std::cout << table.id[i] << " " << table.metrics[i].cpi;
/// @endcode

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/earned_schedule.hpp"
#include "ppm/evm/earned_value.hpp"
#include "ppm/evm/status_period.hpp"

namespace ppm {

/// Level of a node in the roll-up.
enum class EvmNodeKind : std::uint8_t { portfolio, program, project, summary, task };
/// "portfolio", "program", "project", "summary", "task".
std::string_view to_string(EvmNodeKind k) noexcept;

/// Options of the roll-up.
struct EvmRollupOptions {
    EacMethod eac_method = EacMethod::cpi;  ///< The EAC reported as `eac` at leaves.
    bool include_tasks = true;              ///< false: only summaries and above appear.
};

/// One row per node, parents before children; arrays indexed alike.
struct EvmTable {
    std::vector<EvmNodeKind> kind;
    std::vector<std::string> id;        ///< Portfolio/program/project/task id.
    std::vector<std::int32_t> parent;   ///< Row of the parent, -1 for the portfolio.
    std::vector<Money> bac, pv, ev, ac;
    std::vector<EvmMetrics> metrics;    ///< eac_bottom_up = sum of children's EACs.
    std::vector<EarnedSchedule> schedule;  ///< Earned schedule in minutes from the node's planned start
                                           ///< (AT ends at the actual finish of complete nodes).
    std::vector<Instant> planned_start, planned_finish, forecast_finish;

    /// Number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return id.size(); }
    /// Row of (kind, id), or size() when absent.
    [[nodiscard]] std::size_t find(EvmNodeKind k, std::string_view node_id) const noexcept;
};

/// Rolls EVM up the portfolio at `status_date`. `baselines` holds one set per project (matched by
/// project id; a project without a baseline is skipped). Progress is read from the latest status
/// period of the project dated at or before `status_date`, else from the tasks' `progress`.
/// Earned schedule: a node whose leaf tasks are all reported 100 % stops its actual time at their
/// latest actual finish (the task's `actual_finish`, else the first status period reporting it
/// done; Lipke 2003), and its forecast finish is that finish.
/// Throws ModelError(unknown_id) for a baseline naming an unknown project, or a status period or
/// current-baseline row naming a project or task that does not exist (or a task of another project).
[[nodiscard]] EvmTable evm_rollup(const Portfolio& portfolio, std::span<const BaselineSet> baselines,
                                  Instant status_date, std::span<const StatusPeriod> status = {},
                                  const EvmRollupOptions& options = {});

}  // namespace ppm
