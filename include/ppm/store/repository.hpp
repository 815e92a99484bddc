#pragma once
/// @file
/// The portfolio repository: the PMO's organisational process assets (PMBOK Guide 6th ed., 2.3.2:
/// baselines, status and quality history, risk register, issue log, change log, lessons learned) kept in one
/// SQLite file (https://sqlite.org), the embedded default. Design and schema: docs/store.md.
///
/// - Every save is one transaction in WAL mode (https://sqlite.org/wal.html): readers on other
///   connections keep seeing the last committed state while one writer saves, and a process killed
///   mid-save leaves the file holding exactly the last committed state.
/// - A `schema_version` table records the schema; opening an older file applies the forward
///   migrations (v1 -> v2 -> ...) in one transaction; a newer file is refused.
/// - A portfolio is stored as its canonical JSON (ppm/io/json.hpp) plus relational index rows for
///   its projects and tasks, so SQL queries over tasks are possible without parsing JSON.
/// - Registers (risks, issues, change requests, lessons) are saved per portfolio, each save
///   replacing that portfolio's register; lessons are searched with SQLite FTS5.
///
/// One `Repository` is one connection: use it from one thread at a time; open one per thread
/// (or process) for concurrent readers.
///
/// @code
/// auto repo = ppm::Repository::open("ppm.db");          // creates it when missing
/// repo.save_portfolio(ppm::read_json_file("examples/portfolio.json"));
/// const std::int64_t snap = repo.snapshot(ppm::PortfolioId{"PF"}, {.label = "week 12"});
/// ppm::Portfolio pf = repo.load_portfolio(ppm::PortfolioId{"PF"});
/// @endcode
///
/// Errors: ParseError::io for a file SQLite cannot open, read or write (message names the file and
/// SQLite's error), ParseError::unexpected when the file is not a ppm repository or its schema is
/// newer than this library; ModelError::unknown_id for a portfolio, snapshot or baseline that is
/// not stored; ModelError from the entities' checks for invalid data (nothing is written then).

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/status_period.hpp"
#include "ppm/governance/change_request.hpp"
#include "ppm/governance/issue_log.hpp"
#include "ppm/governance/lessons.hpp"
#include "ppm/governance/quality.hpp"
#include "ppm/risk/risk.hpp"
#include "ppm/store/records.hpp"

namespace ppm::detail {
class SqliteDb;
}

namespace ppm {

/// How `Repository::open` behaves.
struct RepositoryOptions {
    bool create_if_missing = true;   ///< Create an empty repository when the file does not exist.
    bool read_only = false;          ///< Open without write access (no migration then: an old file is refused).
    std::chrono::milliseconds busy_timeout{10000};  ///< How long a writer waits for another writer's lock.
    /// PRAGMA synchronous: true = FULL (a commit survives power loss), false = NORMAL (a commit
    /// survives a process crash; the last commits may be lost on power loss, but never corrupted).
    bool durable = true;
};

/// What `Repository::snapshot` records.
struct SnapshotOptions {
    std::string label;               ///< Free text shown by `list_snapshots` ("week 12").
    bool schedule = true;            ///< Compute CPM dates (skipped silently when the model cannot be scheduled).
};

/// A portfolio repository file. Move-only; closing happens in the destructor.
class Repository {
public:
    /// Opens (or creates) the repository at `path`, migrating an older schema forward.
    static Repository open(const std::filesystem::path& path, const RepositoryOptions& options = {});
    /// Creates a new repository; throws ParseError::io when `path` already exists.
    static Repository create(const std::filesystem::path& path, const RepositoryOptions& options = {});

    Repository(Repository&&) noexcept;
    Repository& operator=(Repository&&) noexcept;
    ~Repository();

    /// The schema version this library writes.
    [[nodiscard]] static int current_schema_version() noexcept;
    /// The file's schema version (== current_schema_version() after open unless read-only).
    [[nodiscard]] int schema_version() const;
    /// The file.
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

    // ---- portfolios ---------------------------------------------------------------------------
    /// Saves (inserts or replaces) a whole portfolio in one transaction; returns its new revision.
    /// Throws ModelError::missing_value when the portfolio has no id.
    std::int64_t save_portfolio(const Portfolio& portfolio);
    /// The stored portfolio; ModelError::unknown_id when absent.
    [[nodiscard]] Portfolio load_portfolio(const PortfolioId& id) const;
    /// True when a portfolio with this id is stored.
    [[nodiscard]] bool contains(const PortfolioId& id) const;
    /// Every stored portfolio with its counts.
    [[nodiscard]] PortfolioList list_portfolios() const;
    /// Removes a portfolio with its baselines, status, snapshots and registers; false when absent.
    bool remove_portfolio(const PortfolioId& id);

    // ---- baselines (several per project; one current) ------------------------------------------
    /// Saves `baseline` under its name for portfolio `pf` (replacing one of the same name), making
    /// it the project's current baseline when `make_current`. Checks it like `make_baseline`.
    void save_baseline(const PortfolioId& pf, const Baseline& baseline, bool make_current = true);
    /// The project's baselines (oldest capture first) and the current one's name.
    [[nodiscard]] BaselineSet load_baselines(const PortfolioId& pf, const ProjectId& project) const;
    /// One baseline by name; ModelError::unknown_id when absent.
    [[nodiscard]] Baseline load_baseline(const PortfolioId& pf, const ProjectId& project, std::string_view name) const;

    // ---- status periods (EVM history) -----------------------------------------------------------
    /// Saves a status period (replacing the one of the same project and data date).
    void save_status_period(const PortfolioId& pf, const StatusPeriod& period);
    /// The project's status periods, oldest data date first (for trends and EVM history).
    [[nodiscard]] std::vector<StatusPeriod> status_history(const PortfolioId& pf, const ProjectId& project) const;

    // ---- quality history (docs/governance.md "Quality") ---------------------------------------
    /// Saves a project's quality measures at a status date (replacing the record of the same
    /// project and date); checks it with `check_quality_status` first.
    void save_quality_status(const PortfolioId& pf, const QualityStatus& quality);
    /// The project's quality records, oldest date first (for trends).
    [[nodiscard]] std::vector<QualityStatus> quality_history(const PortfolioId& pf, const ProjectId& project) const;

    // ---- snapshots (the whole portfolio frozen at a moment) ------------------------------------
    /// Freezes the stored portfolio `pf` (its model and one row per task with CPM dates and
    /// progress); returns the snapshot id.
    std::int64_t snapshot(const PortfolioId& pf, const SnapshotOptions& options = {});
    /// Snapshots of one portfolio (or of all when `pf` is empty), oldest first.
    [[nodiscard]] SnapshotList list_snapshots(const PortfolioId& pf = PortfolioId{}) const;
    /// The task rows of a snapshot; ModelError::unknown_id when absent.
    [[nodiscard]] SnapshotTasks snapshot_tasks(std::int64_t snapshot_id) const;
    /// The portfolio as it was when the snapshot was taken.
    [[nodiscard]] Portfolio snapshot_portfolio(std::int64_t snapshot_id) const;
    /// Resolves "12" (an id) or a label (the latest snapshot with that label); nullopt when none.
    [[nodiscard]] std::optional<std::int64_t> find_snapshot(std::string_view id_or_label) const;

    // ---- registers (each save replaces the portfolio's register) --------------------------------
    /// Saves the risk register; runs `check_risk` on each, ModelError::duplicate_id for a repeated id.
    void save_risks(const PortfolioId& pf, std::span<const Risk> risks);
    /// The risk register in saved order.
    [[nodiscard]] std::vector<Risk> load_risks(const PortfolioId& pf) const;
    /// Saves the issue log (ModelError::duplicate_id for a repeated id).
    void save_issues(const PortfolioId& pf, std::span<const Issue> issues);
    /// The issue log in saved order.
    [[nodiscard]] std::vector<Issue> load_issues(const PortfolioId& pf) const;
    /// Saves the change log (ModelError::duplicate_id for a repeated id).
    void save_change_requests(const PortfolioId& pf, std::span<const ChangeRequest> requests);
    /// The change log in saved order.
    [[nodiscard]] std::vector<ChangeRequest> load_change_requests(const PortfolioId& pf) const;
    /// Saves the lessons-learned register and its full-text index (ModelError::duplicate_id).
    void save_lessons(const PortfolioId& pf, std::span<const Lesson> lessons);
    /// The lessons in saved order.
    [[nodiscard]] std::vector<Lesson> load_lessons(const PortfolioId& pf) const;
    /// Lessons matching `query` (of portfolio `pf`, or of all when empty): every tag must be among
    /// the lesson's tags (case-insensitive); every word of `query.text` must match a token of the
    /// title, text or tags as a prefix (FTS5, Unicode case folding, diacritics removed); best BM25
    /// rank first, then newest. Throws ModelError::invalid_value for text with no word in it.
    [[nodiscard]] std::vector<Lesson> search_lessons(const PortfolioId& pf, const LessonQuery& query) const;

    // ---- maintenance -------------------------------------------------------------------------
    /// Problems found by SQLite's `PRAGMA integrity_check` and `foreign_key_check` and by checking
    /// every portfolio's index rows against its JSON; empty when the file is sound.
    [[nodiscard]] std::vector<std::string> check_integrity() const;

private:
    Repository(std::unique_ptr<detail::SqliteDb> db, std::filesystem::path path);
    std::unique_ptr<detail::SqliteDb> db_;
    std::filesystem::path path_;
};

}  // namespace ppm
