#pragma once
/// @file
/// Writing a levelling result for people and machines: JSON (every field of `LevelResult`: status,
/// method, the one-pass heuristic's figures, project and task dates, split pieces, remaining
/// over-allocations, the resource histogram, warnings; for a multi-project instance its TMS / TPD)
/// and CSV (one row per task). What `ppm level --json` prints and `--out` writes; the layout is in
/// docs/cli.md ("ppm level").
///
/// @code
/// const ppm::LevelResult r = ppm::level(portfolio, {});
/// ppm::write_text_file(ppm::write_level_csv(r), "levelled.csv");
/// @endcode

#include <optional>
#include <string>
#include <vector>

#include "ppm/leveling/level.hpp"
#include "ppm/leveling/multiproject.hpp"
#include "ppm/schedule/validator.hpp"

namespace ppm {

/// What a multi-project instance (MPLIB .rcmp, MPSPLIB) adds to a levelling result: the instance's
/// objectives for the levelled starts, those starts in periods, and optionally the RCPSP GA's
/// objectives on the combined instance for comparison.
struct MultiProjectLevelReport {
    MultiProjectObjectives objectives;
    std::vector<std::int32_t> start_times;
    std::optional<MultiProjectObjectives> rcpsp_ga;
};

/// The result as JSON (2-space indent, ending with a newline): `{"status", "method", "passes",
/// "best_rule", "one_pass_portfolio_finish", "one_pass_total_project_delay_minutes", "seconds",
/// "portfolio_cpm_finish", "portfolio_finish", "total_project_delay_minutes",
/// "weighted_project_delay_minutes", "projects": [...], "tasks": [...], "over_allocations": [...],
/// "histogram": {...}, "warnings": [...], "multiproject": {...} (with `multiproject` only),
/// "check": {"broken": N, "violations": [{"kind", "task", "other", "message"}]} (with `check` only:
/// what `validate_level` found)}`. Non-finite capacities (unlimited resources) are written as 0.
[[nodiscard]] std::string write_level_json(const LevelResult& result, const MultiProjectLevelReport* multiproject = nullptr,
                                           const std::vector<Violation>* check = nullptr);

/// RFC 4180 CSV with a header row: task_id, project_id, start, finish, cpm_start, cpm_finish,
/// delay_minutes, summary, split (0/1).
[[nodiscard]] std::string write_level_csv(const LevelResult& result);

}  // namespace ppm
