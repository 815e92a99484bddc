#pragma once
/// @file
/// Task-level differences between two status snapshots (what moved between two reporting
/// periods, as a PMO's "what changed since last period" report or P6's "Compare projects" shows):
/// tasks added, removed, and changed start, finish, duration or progress.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/time.hpp"
#include "ppm/store/records.hpp"

namespace ppm {

/// How a task differs between the two snapshots.
enum class TaskChangeKind : std::uint8_t { added, removed, changed };
/// "added", "removed", "changed".
std::string_view to_string(TaskChangeKind k) noexcept;

/// Which fields changed (bit flags in `SnapshotDiff::fields`).
enum TaskField : std::uint8_t {
    kStartField = 1,
    kFinishField = 2,
    kDurationField = 4,
    kProgressField = 8,
    kNameField = 16,
};

/// The differences, one row per task that differs: ordered by `b`'s task order, removed tasks last
/// (in `a`'s order). Before values are unset for added tasks, after values for removed ones.
struct SnapshotDiff {
    std::int64_t snapshot_a = 0;
    std::int64_t snapshot_b = 0;
    std::vector<ProjectId> project;
    std::vector<TaskId> task;
    std::vector<TaskChangeKind> kind;
    std::vector<std::uint8_t> fields;                   ///< `TaskField` bits (all set for added/removed).
    std::vector<std::optional<Instant>> start_before, start_after;
    std::vector<std::optional<Instant>> finish_before, finish_after;
    std::vector<std::optional<Duration>> duration_before, duration_after;
    std::vector<std::optional<double>> percent_before, percent_after;
    std::size_t unchanged = 0;                          ///< Tasks present in both and equal.

    /// Number of rows.
    [[nodiscard]] std::size_t size() const noexcept { return task.size(); }
};

/// Compares two snapshots' task rows, matching tasks by id (a task moved to another project counts
/// as changed only through its fields). Progress compares percent complete exactly.
[[nodiscard]] SnapshotDiff diff_snapshots(const SnapshotTasks& a, const SnapshotTasks& b);

}  // namespace ppm
