// Repository schema and forward migrations (docs/store.md). Instants are INTEGER minutes since
// 1970-01-01 00:00 (ppm::Instant), dates INTEGER days (ppm::Date), durations INTEGER minutes, money
// INTEGER minor units: exact, sortable and cheap to compare in SQL.
#include "store/detail/schema.hpp"

#include <array>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm::detail {

namespace {

constexpr std::string_view kV1 = R"sql(
CREATE TABLE schema_version(
  version INTEGER PRIMARY KEY,
  description TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
CREATE TABLE portfolios(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  revision INTEGER NOT NULL,
  saved_at TEXT NOT NULL,
  status_date INTEGER,
  model_json TEXT NOT NULL);
CREATE TABLE projects(
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  program_id TEXT,
  start INTEGER NOT NULL,
  deadline INTEGER,
  manager TEXT NOT NULL,
  PRIMARY KEY(portfolio_id, pos)) WITHOUT ROWID;
CREATE TABLE tasks(
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  project_pos INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  project_id TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  parent_id TEXT,
  duration INTEGER NOT NULL,
  milestone INTEGER NOT NULL,
  percent_complete REAL NOT NULL,
  actual_start INTEGER,
  actual_finish INTEGER,
  PRIMARY KEY(portfolio_id, project_pos, pos)) WITHOUT ROWID;
CREATE INDEX tasks_by_id ON tasks(portfolio_id, id);
CREATE TABLE baselines(
  id INTEGER PRIMARY KEY,
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  project_id TEXT NOT NULL,
  name TEXT NOT NULL,
  captured_at INTEGER NOT NULL,
  is_current INTEGER NOT NULL DEFAULT 0,
  UNIQUE(portfolio_id, project_id, name));
CREATE TABLE baseline_tasks(
  baseline_id INTEGER NOT NULL REFERENCES baselines(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  task_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  finish INTEGER NOT NULL,
  cost INTEGER NOT NULL,
  PRIMARY KEY(baseline_id, pos)) WITHOUT ROWID;
CREATE TABLE status_periods(
  id INTEGER PRIMARY KEY,
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  project_id TEXT NOT NULL,
  data_date INTEGER NOT NULL,
  UNIQUE(portfolio_id, project_id, data_date));
CREATE TABLE status_tasks(
  status_id INTEGER NOT NULL REFERENCES status_periods(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  task_id TEXT NOT NULL,
  percent_complete REAL NOT NULL,
  actual_cost INTEGER NOT NULL,
  PRIMARY KEY(status_id, pos)) WITHOUT ROWID;
CREATE TABLE snapshots(
  id INTEGER PRIMARY KEY,
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  label TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  revision INTEGER NOT NULL,
  status_date INTEGER,
  scheduled INTEGER NOT NULL,
  model_json TEXT NOT NULL);
CREATE INDEX snapshots_by_portfolio ON snapshots(portfolio_id, id);
CREATE TABLE snapshot_tasks(
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  project_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  name TEXT NOT NULL,
  duration INTEGER NOT NULL,
  percent_complete REAL NOT NULL,
  start INTEGER,
  finish INTEGER,
  PRIMARY KEY(snapshot_id, pos)) WITHOUT ROWID;
)sql";

constexpr std::string_view kV2 = R"sql(
CREATE TABLE risks(
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  pos INTEGER NOT NULL,
  title TEXT NOT NULL, cause TEXT NOT NULL, event TEXT NOT NULL, effect TEXT NOT NULL,
  category TEXT NOT NULL, project_id TEXT, program_id TEXT, owner TEXT NOT NULL,
  opportunity INTEGER NOT NULL,
  pre_probability REAL NOT NULL, pre_cost INTEGER NOT NULL, pre_schedule INTEGER NOT NULL,
  pre_quality INTEGER NOT NULL, pre_scope INTEGER NOT NULL,
  post_probability REAL, post_cost INTEGER, post_schedule INTEGER, post_quality INTEGER, post_scope INTEGER,
  strategy TEXT NOT NULL, status TEXT NOT NULL, raised INTEGER, review_due INTEGER,
  PRIMARY KEY(portfolio_id, id)) WITHOUT ROWID;
CREATE TABLE risk_actions(
  portfolio_id TEXT NOT NULL, risk_id TEXT NOT NULL, pos INTEGER NOT NULL,
  description TEXT NOT NULL, owner TEXT NOT NULL, due INTEGER, done INTEGER NOT NULL, cost INTEGER NOT NULL,
  PRIMARY KEY(portfolio_id, risk_id, pos),
  FOREIGN KEY(portfolio_id, risk_id) REFERENCES risks(portfolio_id, id) ON DELETE CASCADE) WITHOUT ROWID;
CREATE TABLE risk_tasks(
  portfolio_id TEXT NOT NULL, risk_id TEXT NOT NULL, pos INTEGER NOT NULL, task_id TEXT NOT NULL,
  PRIMARY KEY(portfolio_id, risk_id, pos),
  FOREIGN KEY(portfolio_id, risk_id) REFERENCES risks(portfolio_id, id) ON DELETE CASCADE) WITHOUT ROWID;
CREATE TABLE issues(
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  id TEXT NOT NULL, pos INTEGER NOT NULL, project_id TEXT,
  title TEXT NOT NULL, description TEXT NOT NULL, owner TEXT NOT NULL,
  priority TEXT NOT NULL, status TEXT NOT NULL,
  raised INTEGER, due INTEGER, resolved INTEGER, resolution TEXT NOT NULL, from_risk TEXT NOT NULL,
  PRIMARY KEY(portfolio_id, id)) WITHOUT ROWID;
CREATE TABLE change_requests(
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  id TEXT NOT NULL, pos INTEGER NOT NULL, project_id TEXT NOT NULL,
  title TEXT NOT NULL, description TEXT NOT NULL, requested_by TEXT NOT NULL, submitted INTEGER,
  status TEXT NOT NULL, cost_delta INTEGER NOT NULL, schedule_delta INTEGER NOT NULL,
  decided INTEGER, decided_by TEXT NOT NULL,
  PRIMARY KEY(portfolio_id, id)) WITHOUT ROWID;
CREATE TABLE change_request_tasks(
  portfolio_id TEXT NOT NULL, change_id TEXT NOT NULL, pos INTEGER NOT NULL, task_id TEXT NOT NULL,
  PRIMARY KEY(portfolio_id, change_id, pos),
  FOREIGN KEY(portfolio_id, change_id) REFERENCES change_requests(portfolio_id, id) ON DELETE CASCADE) WITHOUT ROWID;
CREATE TABLE lessons(
  rowid INTEGER PRIMARY KEY,
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  id TEXT NOT NULL, pos INTEGER NOT NULL, project_id TEXT, phase TEXT NOT NULL,
  title TEXT NOT NULL, text TEXT NOT NULL, recorded INTEGER,
  UNIQUE(portfolio_id, id));
CREATE TABLE lesson_tags(
  lesson_rowid INTEGER NOT NULL REFERENCES lessons(rowid) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY(lesson_rowid, pos)) WITHOUT ROWID;
CREATE INDEX lesson_tags_by_tag ON lesson_tags(tag COLLATE NOCASE);
CREATE VIRTUAL TABLE lessons_fts USING fts5(title, text, tags, tokenize = 'unicode61 remove_diacritics 2');
)sql";

// v3: counts kept on the portfolio row so listing a large repository reads no task rows;
// back-filled from the index tables for files written by v1/v2.
constexpr std::string_view kV3 = R"sql(
ALTER TABLE portfolios ADD COLUMN project_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE portfolios ADD COLUMN task_count INTEGER NOT NULL DEFAULT 0;
UPDATE portfolios SET
  project_count = (SELECT count(*) FROM projects WHERE projects.portfolio_id = portfolios.id),
  task_count = (SELECT count(*) FROM tasks WHERE tasks.portfolio_id = portfolios.id);
ALTER TABLE snapshots ADD COLUMN task_count INTEGER NOT NULL DEFAULT 0;
UPDATE snapshots SET task_count = (SELECT count(*) FROM snapshot_tasks WHERE snapshot_id = snapshots.id);
)sql";

// v4: what a status period reports for the earned-value methods (docs/evm.md): started, units
// complete, milestones reached; NULL where not reported (older rows: none of them reported).
constexpr std::string_view kV4 = R"sql(
ALTER TABLE status_tasks ADD COLUMN started INTEGER;
ALTER TABLE status_tasks ADD COLUMN units_complete REAL;
ALTER TABLE status_tasks ADD COLUMN milestones_reported INTEGER;
CREATE TABLE status_task_milestones(
  status_id INTEGER NOT NULL,
  pos INTEGER NOT NULL,
  k INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY(status_id, pos, k),
  FOREIGN KEY(status_id, pos) REFERENCES status_tasks(status_id, pos) ON DELETE CASCADE) WITHOUT ROWID;
)sql";

// v5: quality measures per project and status date (docs/governance.md "Quality"): open defects
// by severity, tests and deliverables (NULL = not reported), the reviews and audits of the period.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE quality_status(
  id INTEGER PRIMARY KEY,
  portfolio_id TEXT NOT NULL REFERENCES portfolios(id) ON DELETE CASCADE,
  project_id TEXT NOT NULL,
  data_date INTEGER NOT NULL,
  critical_defects INTEGER NOT NULL,
  major_defects INTEGER NOT NULL,
  minor_defects INTEGER NOT NULL,
  tests_run INTEGER,
  tests_passed INTEGER,
  deliverables_submitted INTEGER,
  deliverables_accepted INTEGER,
  UNIQUE(portfolio_id, project_id, data_date));
CREATE TABLE quality_reviews(
  quality_id INTEGER NOT NULL REFERENCES quality_status(id) ON DELETE CASCADE,
  pos INTEGER NOT NULL,
  review_id TEXT NOT NULL,
  review_date INTEGER NOT NULL,
  kind TEXT NOT NULL,
  methodology TEXT NOT NULL,
  phase TEXT NOT NULL,
  passed INTEGER NOT NULL,
  findings INTEGER NOT NULL,
  PRIMARY KEY(quality_id, pos)) WITHOUT ROWID;
)sql";

constexpr std::array kMigrations{
    StoreMigration{1, "portfolios, index tables, baselines, status periods, snapshots", kV1},
    StoreMigration{2, "risk register, issue log, change log, lessons learned with FTS5", kV2},
    StoreMigration{3, "project and task counts on portfolios and snapshots", kV3},
    StoreMigration{4, "status periods: started, units complete and milestones reached per task", kV4},
    StoreMigration{5, "quality measures per project and status date, with the reviews and audits of the period", kV5},
};

}  // namespace

std::span<const StoreMigration> store_migrations() noexcept { return kMigrations; }

int read_schema_version(SqliteDb& db) {
    if (db.scalar_int("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='schema_version'") == 0) {
        if (db.scalar_int("SELECT count(*) FROM sqlite_schema") != 0)
            throw ParseError::unexpected(db.path(), 0, 0, "not a ppm repository (no schema_version table)");
        return 0;
    }
    return static_cast<int>(db.scalar_int("SELECT coalesce(max(version), 0) FROM schema_version"));
}

int migrate(SqliteDb& db, int target) {
    const int newest = kMigrations.back().version;
    if (target <= 0 || target > newest) target = newest;
    const auto too_new = [&](int v) {
        return ParseError::unexpected(db.path(), 0, 0,
                                      "repository schema version " + std::to_string(v) +
                                          " is newer than this ppm supports (" + std::to_string(newest) + ")");
    };
    // Read without locking first, so opening an up-to-date file never waits for a writer.
    if (const int v = read_schema_version(db); v > newest) throw too_new(v);
    else if (v >= target) return v;
    SqliteTransaction tx(db, SqliteTransaction::Kind::write);
    const int version = read_schema_version(db);  // again inside the lock: two processes never migrate twice
    if (version > newest) throw too_new(version);
    if (version >= target) return version;
    for (const auto& m : kMigrations) {
        if (m.version <= version || m.version > target) continue;
        db.exec(m.sql);
        db.prepare("INSERT INTO schema_version(version, description) VALUES(?, ?)")
            .bind(1, m.version)
            .bind(2, m.description)
            .run();
    }
    tx.commit();
    return target;
}

}  // namespace ppm::detail
