#pragma once
/// @file
/// Change requests (PMBOK Guide 6th ed., 4.6 "Perform integrated change control"): an approved
/// change re-baselines the project -- its revised baseline becomes the current one and the old
/// baselines stay for comparison.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"
#include "ppm/evm/baseline.hpp"

namespace ppm {

/// Where a change request stands.
enum class ChangeStatus { submitted, approved, rejected, withdrawn };
std::string_view to_string(ChangeStatus s) noexcept;  ///< "submitted", "approved", "rejected", "withdrawn"
ChangeStatus parse_change_status(std::string_view s);  ///< Throws ModelError(invalid_value).

/// A change request.
struct ChangeRequest {
    std::string id;
    ProjectId project;
    std::string title;
    std::string description;
    std::string requested_by;
    std::optional<Date> submitted;
    ChangeStatus status = ChangeStatus::submitted;
    Money cost_delta{};               ///< Budget change (may be negative).
    Duration schedule_delta{};        ///< Extension of the affected tasks (elapsed minutes, may be negative).
    std::vector<TaskId> affected_tasks;
    std::optional<Date> decided;
    std::string decided_by;
};

/// The current baseline revised by the change: the cost delta split evenly over the affected
/// tasks (remainder on the first), their finishes moved by the schedule delta and every task that
/// started at or after the latest affected finish shifted by it. Re-capturing from a rescheduled
/// plan is more exact; this is the quick what-if. Throws ModelError(unknown_id) for an affected
/// task absent from the baseline, (invalid_value) when a cost would become negative.
[[nodiscard]] Baseline apply_change(const Baseline& current, const ChangeRequest& cr, std::string new_name);

/// Approves a submitted change: status approved, decision recorded, `revised` added to `set` and
/// made current. Throws ModelError(inconsistent) when the request is not submitted or for another project.
void approve_change(ChangeRequest& cr, BaselineSet& set, Baseline revised, Date when, std::string by);
/// Rejects a submitted change (baselines untouched).
void reject_change(ChangeRequest& cr, Date when, std::string by);

}  // namespace ppm
