#pragma once
/// @file
/// What the portfolio repository lists and snapshots return: structs of arrays, one vector per
/// attribute, indexed alike (so they can become numpy columns / pandas frames as they are).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// The portfolios held by a repository, ordered by id.
struct PortfolioList {
    std::vector<PortfolioId> id;
    std::vector<std::string> name;
    std::vector<std::int64_t> revision;        ///< 1 after the first save, +1 per save.
    std::vector<std::string> saved_at;         ///< UTC "YYYY-MM-DDTHH:MM:SS.SSSZ" of the last save.
    std::vector<std::int64_t> project_count;
    std::vector<std::int64_t> task_count;
    std::vector<std::int64_t> snapshot_count;

    /// Number of portfolios.
    [[nodiscard]] std::size_t size() const noexcept { return id.size(); }
};

/// Status snapshots, oldest first.
struct SnapshotList {
    std::vector<std::int64_t> id;              ///< Repository-wide snapshot number (1, 2, ...).
    std::vector<PortfolioId> portfolio;
    std::vector<std::string> label;            ///< Free text ("" when none).
    std::vector<std::string> taken_at;         ///< UTC "YYYY-MM-DDTHH:MM:SS.SSSZ".
    std::vector<std::int64_t> revision;        ///< Portfolio revision the snapshot froze.
    std::vector<std::optional<Instant>> status_date;  ///< The portfolio's data date then.
    std::vector<std::uint8_t> scheduled;       ///< 1 when CPM dates were computed, 0 when the model could not be scheduled.
    std::vector<std::int64_t> task_count;

    /// Number of snapshots.
    [[nodiscard]] std::size_t size() const noexcept { return id.size(); }
};

/// The task rows frozen by one snapshot, in model order (projects, then their tasks in outline order).
struct SnapshotTasks {
    std::int64_t snapshot = 0;                 ///< The snapshot's id.
    std::vector<ProjectId> project;
    std::vector<TaskId> task;
    std::vector<std::string> name;
    std::vector<Duration> duration;            ///< Planned duration (working minutes).
    std::vector<double> percent_complete;      ///< 0..100.
    std::vector<std::optional<Instant>> start; ///< CPM early start (forecast), when scheduled.
    std::vector<std::optional<Instant>> finish;///< CPM early finish (forecast), when scheduled.

    /// Number of tasks.
    [[nodiscard]] std::size_t size() const noexcept { return task.size(); }
};

}  // namespace ppm
