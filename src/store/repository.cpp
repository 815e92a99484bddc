// The portfolio repository on SQLite: opening (WAL, busy timeout, migrations), portfolios with
// their index rows, baselines, status periods, snapshots and the integrity check (docs/store.md).
#include "ppm/store/repository.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"
#include "ppm/schedule/cpm.hpp"
#include "store/detail/bind.hpp"
#include "store/detail/schema.hpp"
#include "store/detail/sqlite.hpp"

namespace ppm {

using detail::SqliteDb;
using detail::SqliteStatement;
using detail::SqliteTransaction;
using Tx = detail::SqliteTransaction::Kind;

namespace {

constexpr std::string_view kNow = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

Portfolio parse_stored(const std::string& json, const std::string& source) { return read_json(json, source); }

}  // namespace

Repository::Repository(std::unique_ptr<SqliteDb> db, std::filesystem::path path)
    : db_(std::move(db)), path_(std::move(path)) {}
Repository::Repository(Repository&&) noexcept = default;
Repository& Repository::operator=(Repository&&) noexcept = default;
Repository::~Repository() = default;

int Repository::current_schema_version() noexcept { return detail::store_migrations().back().version; }

Repository Repository::open(const std::filesystem::path& path, const RepositoryOptions& options) {
    int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (!options.read_only && options.create_if_missing) flags |= SQLITE_OPEN_CREATE;
    auto db = std::make_unique<SqliteDb>(path, flags);
    sqlite3_busy_timeout(db->handle(), static_cast<int>(std::clamp<std::int64_t>(options.busy_timeout.count(), 0, 1 << 30)));
    db->exec("PRAGMA foreign_keys = ON");
    if (!options.read_only) {
        auto mode = db->prepare("PRAGMA journal_mode = WAL");
        if (!mode.step() || mode.get_text(0) != "wal")
            throw ParseError::io(path.string(), "cannot switch the repository to WAL mode (is it on a network file system?)");
    }
    db->exec(options.durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    if (options.read_only) {
        const int v = detail::read_schema_version(*db);
        if (v != current_schema_version())
            throw ParseError::unexpected(path.string(), 0, 0,
                                         "repository schema version " + std::to_string(v) + " opened read-only; this ppm needs " +
                                             std::to_string(current_schema_version()) + " (open it writable to migrate)");
    } else {
        detail::migrate(*db);
    }
    return Repository(std::move(db), path);
}

Repository Repository::create(const std::filesystem::path& path, const RepositoryOptions& options) {
    if (std::filesystem::exists(path)) throw ParseError::io(path.string(), "cannot create repository: the file already exists");
    RepositoryOptions o = options;
    o.create_if_missing = true;
    o.read_only = false;
    return open(path, o);
}

int Repository::schema_version() const { return detail::read_schema_version(*db_); }

// ---- portfolios ----------------------------------------------------------------------------------

std::int64_t Repository::save_portfolio(const Portfolio& portfolio) {
    if (portfolio.id.empty()) throw ModelError::missing_value("portfolio id", portfolio.name);
    const std::string json = write_json(portfolio);  // before the transaction: the lock is held only for writing
    SqliteTransaction tx(*db_, Tx::write);
    const std::string& pf = portfolio.id.str();
    std::int64_t revision = 1;
    {
        auto s = db_->prepare("SELECT revision FROM portfolios WHERE id = ?");
        s.bind(1, pf);
        if (s.step()) revision = s.get_int(0) + 1;
    }
    db_->prepare(std::string("INSERT INTO portfolios(id, name, revision, saved_at, status_date, model_json, project_count, task_count) "
                             "VALUES(?1, ?2, ?3, ") + std::string(kNow) + ", ?4, ?5, ?6, ?7) "
                 "ON CONFLICT(id) DO UPDATE SET name = excluded.name, revision = excluded.revision, saved_at = excluded.saved_at, "
                 "status_date = excluded.status_date, model_json = excluded.model_json, "
                 "project_count = excluded.project_count, task_count = excluded.task_count")
        .bind(1, pf)
        .bind(2, portfolio.name)
        .bind(3, revision)
        .bind(4, detail::to_column(portfolio.status_date))
        .bind(5, json)
        .bind(6, static_cast<std::int64_t>(portfolio.projects.size()))
        .bind(7, static_cast<std::int64_t>(portfolio.task_count()))
        .run();
    db_->prepare("DELETE FROM projects WHERE portfolio_id = ?").bind(1, pf).run();
    db_->prepare("DELETE FROM tasks WHERE portfolio_id = ?").bind(1, pf).run();
    auto ins_project = db_->prepare(
        "INSERT INTO projects(portfolio_id, pos, id, name, program_id, start, deadline, manager) VALUES(?,?,?,?,?,?,?,?)");
    auto ins_task = db_->prepare(
        "INSERT INTO tasks(portfolio_id, project_pos, pos, project_id, id, name, parent_id, duration, milestone, "
        "percent_complete, actual_start, actual_finish) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)");
    for (std::size_t p = 0; p < portfolio.projects.size(); ++p) {
        const Project& project = portfolio.projects[p];
        ins_project.bind(1, pf)
            .bind(2, static_cast<std::int64_t>(p))
            .bind(3, project.id.str())
            .bind(4, project.name)
            .bind(5, detail::to_column(project.program))
            .bind(6, project.start.minutes_since_epoch())
            .bind(7, detail::to_column(project.deadline))
            .bind(8, project.manager)
            .run();
        for (std::size_t t = 0; t < project.tasks.size(); ++t) {
            const Task& task = project.tasks[t];
            ins_task.bind(1, pf)
                .bind(2, static_cast<std::int64_t>(p))
                .bind(3, static_cast<std::int64_t>(t))
                .bind(4, project.id.str())
                .bind(5, task.id.str())
                .bind(6, task.name)
                .bind(7, detail::to_column(task.parent))
                .bind(8, task.duration.count())
                .bind(9, task.milestone ? 1 : 0)
                .bind(10, task.progress.percent_complete)
                .bind(11, detail::to_column(task.progress.actual_start))
                .bind(12, detail::to_column(task.progress.actual_finish))
                .run();
        }
    }
    tx.commit();
    return revision;
}

Portfolio Repository::load_portfolio(const PortfolioId& id) const {
    auto s = db_->prepare("SELECT model_json FROM portfolios WHERE id = ?");
    s.bind(1, id.str());
    if (!s.step()) throw ModelError::unknown_id("portfolio", id.str(), "repository " + path_.string());
    return parse_stored(s.get_text(0), path_.string() + ":portfolio " + id.str());
}

bool Repository::contains(const PortfolioId& id) const {
    auto s = db_->prepare("SELECT 1 FROM portfolios WHERE id = ?");
    s.bind(1, id.str());
    return s.step();
}

PortfolioList Repository::list_portfolios() const {
    PortfolioList out;
    auto s = db_->prepare(
        "SELECT id, name, revision, saved_at, project_count, task_count, "
        "(SELECT count(*) FROM snapshots WHERE snapshots.portfolio_id = portfolios.id) FROM portfolios ORDER BY id");
    while (s.step()) {
        out.id.emplace_back(s.get_text(0));
        out.name.push_back(s.get_text(1));
        out.revision.push_back(s.get_int(2));
        out.saved_at.push_back(s.get_text(3));
        out.project_count.push_back(s.get_int(4));
        out.task_count.push_back(s.get_int(5));
        out.snapshot_count.push_back(s.get_int(6));
    }
    return out;
}

bool Repository::remove_portfolio(const PortfolioId& id) {
    SqliteTransaction tx(*db_, Tx::write);
    db_->prepare("DELETE FROM lessons_fts WHERE rowid IN (SELECT rowid FROM lessons WHERE portfolio_id = ?)").bind(1, id.str()).run();
    db_->prepare("DELETE FROM portfolios WHERE id = ?").bind(1, id.str()).run();
    const bool removed = db_->changes() > 0;
    tx.commit();
    return removed;
}

// ---- baselines -----------------------------------------------------------------------------------

void Repository::save_baseline(const PortfolioId& pf, const Baseline& b, bool make_current) {
    (void)make_baseline(b.name, b.project, b.captured_at, b.task, b.start, b.finish, b.cost);  // the same checks
    SqliteTransaction tx(*db_, Tx::write);
    detail::require_portfolio(*db_, pf);
    bool was_current = false;
    {
        auto s = db_->prepare("SELECT is_current FROM baselines WHERE portfolio_id = ? AND project_id = ? AND name = ?");
        s.bind(1, pf.str()).bind(2, b.project.str()).bind(3, b.name);
        if (s.step()) was_current = s.get_int(0) != 0;
    }
    db_->prepare("DELETE FROM baselines WHERE portfolio_id = ? AND project_id = ? AND name = ?")
        .bind(1, pf.str())
        .bind(2, b.project.str())
        .bind(3, b.name)
        .run();
    db_->prepare("INSERT INTO baselines(portfolio_id, project_id, name, captured_at, is_current) VALUES(?,?,?,?,?)")
        .bind(1, pf.str())
        .bind(2, b.project.str())
        .bind(3, b.name)
        .bind(4, b.captured_at.minutes_since_epoch())
        .bind(5, was_current ? 1 : 0)
        .run();
    const std::int64_t id = db_->last_rowid();
    auto ins = db_->prepare("INSERT INTO baseline_tasks(baseline_id, pos, task_id, start, finish, cost) VALUES(?,?,?,?,?,?)");
    for (std::size_t k = 0; k < b.size(); ++k)
        ins.bind(1, id)
            .bind(2, static_cast<std::int64_t>(k))
            .bind(3, b.task[k].str())
            .bind(4, b.start[k].minutes_since_epoch())
            .bind(5, b.finish[k].minutes_since_epoch())
            .bind(6, b.cost[k].minor_units())
            .run();
    if (make_current)
        db_->prepare("UPDATE baselines SET is_current = (id = ?) WHERE portfolio_id = ? AND project_id = ?")
            .bind(1, id)
            .bind(2, pf.str())
            .bind(3, b.project.str())
            .run();
    tx.commit();
}

namespace {
Baseline read_baseline_tasks(SqliteDb& db, std::int64_t id, std::string name, ProjectId project, Instant captured) {
    Baseline b{.name = std::move(name), .project = std::move(project), .captured_at = captured};
    auto s = db.prepare("SELECT task_id, start, finish, cost FROM baseline_tasks WHERE baseline_id = ? ORDER BY pos");
    s.bind(1, id);
    while (s.step()) {
        b.task.emplace_back(s.get_text(0));
        b.start.emplace_back(s.get_int(1));
        b.finish.emplace_back(s.get_int(2));
        b.cost.emplace_back(s.get_int(3));
    }
    return b;
}
}  // namespace

BaselineSet Repository::load_baselines(const PortfolioId& pf, const ProjectId& project) const {
    SqliteTransaction tx(*db_, Tx::read);
    BaselineSet set;
    auto s = db_->prepare(
        "SELECT id, name, captured_at, is_current FROM baselines WHERE portfolio_id = ? AND project_id = ? ORDER BY captured_at, id");
    s.bind(1, pf.str()).bind(2, project.str());
    while (s.step()) {
        set.baselines.push_back(read_baseline_tasks(*db_, s.get_int(0), s.get_text(1), project, Instant{s.get_int(2)}));
        if (s.get_int(3) != 0) set.current = set.baselines.back().name;
    }
    return set;
}

Baseline Repository::load_baseline(const PortfolioId& pf, const ProjectId& project, std::string_view name) const {
    SqliteTransaction tx(*db_, Tx::read);
    auto s = db_->prepare("SELECT id, captured_at FROM baselines WHERE portfolio_id = ? AND project_id = ? AND name = ?");
    s.bind(1, pf.str()).bind(2, project.str()).bind(3, name);
    if (!s.step())
        throw ModelError::unknown_id("baseline", name, "project " + project.str() + " of portfolio " + pf.str() + " in " + path_.string());
    return read_baseline_tasks(*db_, s.get_int(0), std::string(name), project, Instant{s.get_int(1)});
}

// ---- status periods ------------------------------------------------------------------------------

void Repository::save_status_period(const PortfolioId& pf, const StatusPeriod& period) {
    check_status_period(period);
    SqliteTransaction tx(*db_, Tx::write);
    detail::require_portfolio(*db_, pf);
    db_->prepare("DELETE FROM status_periods WHERE portfolio_id = ? AND project_id = ? AND data_date = ?")
        .bind(1, pf.str())
        .bind(2, period.project.str())
        .bind(3, period.date.minutes_since_epoch())
        .run();
    db_->prepare("INSERT INTO status_periods(portfolio_id, project_id, data_date) VALUES(?,?,?)")
        .bind(1, pf.str())
        .bind(2, period.project.str())
        .bind(3, period.date.minutes_since_epoch())
        .run();
    const std::int64_t id = db_->last_rowid();
    // The optional arrays (earned-value methods) are NULL where not reported; milestones in a child table.
    auto ins = db_->prepare(
        "INSERT INTO status_tasks(status_id, pos, task_id, percent_complete, actual_cost, started, units_complete, milestones_reported) "
        "VALUES(?,?,?,?,?,?,?,?)");
    auto milestone = db_->prepare("INSERT INTO status_task_milestones(status_id, pos, k, name) VALUES(?,?,?,?)");
    const bool has_started = !period.started.empty(), has_units = !period.units_complete.empty();
    const bool has_milestones = !period.milestones_done.empty();
    for (std::size_t k = 0; k < period.task.size(); ++k) {
        const auto pos = static_cast<std::int64_t>(k);
        ins.bind(1, id).bind(2, pos).bind(3, period.task[k].str()).bind(4, period.percent_complete[k]);
        ins.bind(5, period.actual_cost[k].minor_units());
        ins.bind(6, has_started ? std::optional<std::int64_t>(period.started[k]) : std::nullopt);
        ins.bind(7, has_units && !std::isnan(period.units_complete[k]) ? std::optional<double>(period.units_complete[k]) : std::nullopt);
        ins.bind(8, has_milestones ? std::optional<std::int64_t>(1) : std::nullopt);
        ins.run();
        if (!has_milestones) continue;
        for (std::size_t m = 0; m < period.milestones_done[k].size(); ++m)
            milestone.bind(1, id).bind(2, pos).bind(3, static_cast<std::int64_t>(m)).bind(4, period.milestones_done[k][m]).run();
    }
    tx.commit();
}

std::vector<StatusPeriod> Repository::status_history(const PortfolioId& pf, const ProjectId& project) const {
    SqliteTransaction tx(*db_, Tx::read);
    std::vector<StatusPeriod> out;
    auto s = db_->prepare("SELECT id, data_date FROM status_periods WHERE portfolio_id = ? AND project_id = ? ORDER BY data_date");
    s.bind(1, pf.str()).bind(2, project.str());
    auto rows = db_->prepare(
        "SELECT task_id, percent_complete, actual_cost, started, units_complete, milestones_reported FROM status_tasks "
        "WHERE status_id = ? ORDER BY pos");
    auto milestones = db_->prepare("SELECT pos, name FROM status_task_milestones WHERE status_id = ? ORDER BY pos, k");
    while (s.step()) {
        StatusPeriod& p = out.emplace_back(StatusPeriod{.project = project, .date = Instant{s.get_int(1)}});
        rows.bind(1, s.get_int(0));
        std::vector<std::optional<std::int64_t>> started;
        std::vector<std::optional<double>> units;
        bool any_started = false, any_units = false, any_milestones = false;
        while (rows.step()) {
            p.task.emplace_back(rows.get_text(0));
            p.percent_complete.push_back(rows.get_double(1));
            p.actual_cost.emplace_back(rows.get_int(2));
            started.push_back(rows.is_null(3) ? std::nullopt : std::optional<std::int64_t>(rows.get_int(3)));
            units.push_back(rows.is_null(4) ? std::nullopt : std::optional<double>(rows.get_double(4)));
            any_started = any_started || started.back().has_value();
            any_units = any_units || units.back().has_value();
            any_milestones = any_milestones || !rows.is_null(5);
        }
        rows.reset();
        if (any_started)
            for (const auto& v : started) p.started.push_back(static_cast<std::uint8_t>(v.value_or(0)));
        if (any_units)
            for (const auto& v : units) p.units_complete.push_back(v.value_or(std::numeric_limits<double>::quiet_NaN()));
        if (any_milestones) {
            p.milestones_done.resize(p.task.size());
            milestones.bind(1, s.get_int(0));
            while (milestones.step()) p.milestones_done.at(static_cast<std::size_t>(milestones.get_int(0))).push_back(milestones.get_text(1));
            milestones.reset();
        }
    }
    return out;
}

// ---- quality history -----------------------------------------------------------------------------

void Repository::save_quality_status(const PortfolioId& pf, const QualityStatus& q) {
    check_quality_status(q);
    SqliteTransaction tx(*db_, Tx::write);
    detail::require_portfolio(*db_, pf);
    db_->prepare("DELETE FROM quality_status WHERE portfolio_id = ? AND project_id = ? AND data_date = ?")
        .bind(1, pf.str())
        .bind(2, q.project.str())
        .bind(3, q.date.minutes_since_epoch())
        .run();
    auto opt = [](const std::optional<std::int32_t>& v) { return v ? std::optional<std::int64_t>(*v) : std::nullopt; };
    db_->prepare("INSERT INTO quality_status(portfolio_id, project_id, data_date, critical_defects, major_defects, minor_defects, "
                 "tests_run, tests_passed, deliverables_submitted, deliverables_accepted) VALUES(?,?,?,?,?,?,?,?,?,?)")
        .bind(1, pf.str())
        .bind(2, q.project.str())
        .bind(3, q.date.minutes_since_epoch())
        .bind(4, q.open_defects[static_cast<std::size_t>(DefectSeverity::critical)])
        .bind(5, q.open_defects[static_cast<std::size_t>(DefectSeverity::major)])
        .bind(6, q.open_defects[static_cast<std::size_t>(DefectSeverity::minor)])
        .bind(7, opt(q.tests_run))
        .bind(8, opt(q.tests_passed))
        .bind(9, opt(q.deliverables_submitted))
        .bind(10, opt(q.deliverables_accepted))
        .run();
    const std::int64_t id = db_->last_rowid();
    auto ins = db_->prepare(
        "INSERT INTO quality_reviews(quality_id, pos, review_id, review_date, kind, methodology, phase, passed, findings) "
        "VALUES(?,?,?,?,?,?,?,?,?)");
    for (std::size_t k = 0; k < q.reviews.size(); ++k) {
        const QualityReview& r = q.reviews[k];
        ins.bind(1, id)
            .bind(2, static_cast<std::int64_t>(k))
            .bind(3, r.id)
            .bind(4, static_cast<std::int64_t>(r.date.days_since_epoch()))
            .bind(5, r.kind)
            .bind(6, r.methodology)
            .bind(7, r.phase)
            .bind(8, r.passed ? 1 : 0)
            .bind(9, r.findings)
            .run();
    }
    tx.commit();
}

std::vector<QualityStatus> Repository::quality_history(const PortfolioId& pf, const ProjectId& project) const {
    SqliteTransaction tx(*db_, Tx::read);
    std::vector<QualityStatus> out;
    auto s = db_->prepare(
        "SELECT id, data_date, critical_defects, major_defects, minor_defects, tests_run, tests_passed, deliverables_submitted, "
        "deliverables_accepted FROM quality_status WHERE portfolio_id = ? AND project_id = ? ORDER BY data_date");
    s.bind(1, pf.str()).bind(2, project.str());
    auto reviews = db_->prepare(
        "SELECT review_id, review_date, kind, methodology, phase, passed, findings FROM quality_reviews WHERE quality_id = ? ORDER BY pos");
    auto opt = [&](int col) {
        return s.is_null(col) ? std::nullopt : std::optional<std::int32_t>(static_cast<std::int32_t>(s.get_int(col)));
    };
    while (s.step()) {
        QualityStatus& q = out.emplace_back(QualityStatus{.project = project, .date = Instant{s.get_int(1)}});
        for (std::size_t k = 0; k < kDefectSeverityCount; ++k) q.open_defects[k] = static_cast<std::int32_t>(s.get_int(2 + static_cast<int>(k)));
        q.tests_run = opt(5);
        q.tests_passed = opt(6);
        q.deliverables_submitted = opt(7);
        q.deliverables_accepted = opt(8);
        reviews.bind(1, s.get_int(0));
        while (reviews.step())
            q.reviews.push_back(QualityReview{.id = reviews.get_text(0),
                                              .date = Date{static_cast<std::int32_t>(reviews.get_int(1))},
                                              .kind = reviews.get_text(2),
                                              .methodology = reviews.get_text(3),
                                              .phase = reviews.get_text(4),
                                              .passed = reviews.get_int(5) != 0,
                                              .findings = static_cast<int>(reviews.get_int(6))});
        reviews.reset();
    }
    return out;
}

// ---- snapshots -----------------------------------------------------------------------------------

std::int64_t Repository::snapshot(const PortfolioId& pf, const SnapshotOptions& options) {
    // One read (a consistent state), then CPM outside any lock, then one write transaction.
    std::string json;
    std::int64_t revision = 0;
    {
        auto s = db_->prepare("SELECT model_json, revision FROM portfolios WHERE id = ?");
        s.bind(1, pf.str());
        if (!s.step()) throw ModelError::unknown_id("portfolio", pf.str(), "repository " + path_.string());
        json = s.get_text(0);
        revision = s.get_int(1);
    }
    const Portfolio portfolio = parse_stored(json, path_.string() + ":portfolio " + pf.str());
    std::optional<ScheduleResult> cpm;
    std::unordered_map<std::string_view, std::size_t> position;
    if (options.schedule) {
        try {
            cpm = schedule(portfolio);
            for (std::size_t i = 0; i < cpm->task_id.size(); ++i) position.emplace(cpm->task_id[i].str(), i);
        } catch (const Error&) {
            cpm.reset();  // an unschedulable model is still snapshotted, without dates
        }
    }
    SqliteTransaction tx(*db_, Tx::write);
    db_->prepare(std::string("INSERT INTO snapshots(portfolio_id, label, taken_at, revision, status_date, scheduled, model_json, task_count) "
                             "VALUES(?1, ?2, ") + std::string(kNow) + ", ?3, ?4, ?5, ?6, ?7)")
        .bind(1, pf.str())
        .bind(2, options.label)
        .bind(3, revision)
        .bind(4, detail::to_column(portfolio.status_date))
        .bind(5, cpm ? 1 : 0)
        .bind(6, json)
        .bind(7, static_cast<std::int64_t>(portfolio.task_count()))
        .run();
    const std::int64_t id = db_->last_rowid();
    auto ins = db_->prepare(
        "INSERT INTO snapshot_tasks(snapshot_id, pos, project_id, task_id, name, duration, percent_complete, start, finish) "
        "VALUES(?,?,?,?,?,?,?,?,?)");
    std::int64_t pos = 0;
    for (const Project& project : portfolio.projects)
        for (const Task& task : project.tasks) {
            ins.bind(1, id)
                .bind(2, pos++)
                .bind(3, project.id.str())
                .bind(4, task.id.str())
                .bind(5, task.name)
                .bind(6, task.duration.count())
                .bind(7, task.progress.percent_complete);
            if (const auto it = position.find(task.id.str()); cpm && it != position.end()) {
                ins.bind(8, cpm->early_start[it->second].minutes_since_epoch());
                ins.bind(9, cpm->early_finish[it->second].minutes_since_epoch());
            }
            ins.run();
        }
    tx.commit();
    return id;
}

SnapshotList Repository::list_snapshots(const PortfolioId& pf) const {
    SnapshotList out;
    auto s = db_->prepare(
        "SELECT id, portfolio_id, label, taken_at, revision, status_date, scheduled, task_count FROM snapshots "
        "WHERE ?1 = '' OR portfolio_id = ?1 ORDER BY id");
    s.bind(1, pf.str());
    while (s.step()) {
        out.id.push_back(s.get_int(0));
        out.portfolio.emplace_back(s.get_text(1));
        out.label.push_back(s.get_text(2));
        out.taken_at.push_back(s.get_text(3));
        out.revision.push_back(s.get_int(4));
        out.status_date.push_back(detail::instant_column(s, 5));
        out.scheduled.push_back(static_cast<std::uint8_t>(s.get_int(6) != 0));
        out.task_count.push_back(s.get_int(7));
    }
    return out;
}

SnapshotTasks Repository::snapshot_tasks(std::int64_t snapshot_id) const {
    SqliteTransaction tx(*db_, Tx::read);
    {
        auto s = db_->prepare("SELECT 1 FROM snapshots WHERE id = ?");
        s.bind(1, snapshot_id);
        if (!s.step()) throw ModelError::unknown_id("snapshot", std::to_string(snapshot_id), "repository " + path_.string());
    }
    SnapshotTasks out{.snapshot = snapshot_id};
    auto s = db_->prepare(
        "SELECT project_id, task_id, name, duration, percent_complete, start, finish FROM snapshot_tasks WHERE snapshot_id = ? ORDER BY pos");
    s.bind(1, snapshot_id);
    while (s.step()) {
        out.project.emplace_back(s.get_text(0));
        out.task.emplace_back(s.get_text(1));
        out.name.push_back(s.get_text(2));
        out.duration.emplace_back(s.get_int(3));
        out.percent_complete.push_back(s.get_double(4));
        out.start.push_back(detail::instant_column(s, 5));
        out.finish.push_back(detail::instant_column(s, 6));
    }
    return out;
}

Portfolio Repository::snapshot_portfolio(std::int64_t snapshot_id) const {
    auto s = db_->prepare("SELECT model_json FROM snapshots WHERE id = ?");
    s.bind(1, snapshot_id);
    if (!s.step()) throw ModelError::unknown_id("snapshot", std::to_string(snapshot_id), "repository " + path_.string());
    return parse_stored(s.get_text(0), path_.string() + ":snapshot " + std::to_string(snapshot_id));
}

std::optional<std::int64_t> Repository::find_snapshot(std::string_view id_or_label) const {
    std::int64_t number = 0;
    const auto* end = id_or_label.data() + id_or_label.size();
    if (const auto [ptr, ec] = std::from_chars(id_or_label.data(), end, number); ec == std::errc{} && ptr == end) {
        auto s = db_->prepare("SELECT id FROM snapshots WHERE id = ?");
        s.bind(1, number);
        if (s.step()) return number;
    }
    auto s = db_->prepare("SELECT id FROM snapshots WHERE label = ? ORDER BY id DESC LIMIT 1");
    s.bind(1, id_or_label);
    if (s.step()) return s.get_int(0);
    return std::nullopt;
}

// ---- maintenance ---------------------------------------------------------------------------------

std::vector<std::string> Repository::check_integrity() const {
    std::vector<std::string> problems;
    {
        auto s = db_->prepare("PRAGMA integrity_check");
        while (s.step())
            if (const std::string row = s.get_text(0); row != "ok") problems.push_back("integrity_check: " + row);
    }
    {
        auto s = db_->prepare("PRAGMA foreign_key_check");
        while (s.step()) problems.push_back("foreign_key_check: row " + std::to_string(s.get_int(1)) + " of " + s.get_text(0) +
                                            " refers to a missing row of " + s.get_text(2));
    }
    SqliteTransaction tx(*db_, Tx::read);
    auto pfs = db_->prepare("SELECT id, model_json, project_count, task_count FROM portfolios ORDER BY id");
    auto tasks = db_->prepare("SELECT project_id, id FROM tasks WHERE portfolio_id = ? ORDER BY project_pos, pos");
    auto projects = db_->prepare("SELECT count(*) FROM projects WHERE portfolio_id = ?");
    while (pfs.step()) {
        const std::string id = pfs.get_text(0);
        Portfolio p;
        try {
            p = parse_stored(pfs.get_text(1), path_.string() + ":portfolio " + id);
        } catch (const Error& e) {
            problems.push_back("portfolio " + id + ": stored JSON does not read back: " + e.what());
            continue;
        }
        if (static_cast<std::size_t>(pfs.get_int(2)) != p.projects.size() || static_cast<std::size_t>(pfs.get_int(3)) != p.task_count())
            problems.push_back("portfolio " + id + ": counts on the portfolio row differ from its JSON");
        projects.bind(1, id);
        if (!projects.step() || static_cast<std::size_t>(projects.get_int(0)) != p.projects.size())
            problems.push_back("portfolio " + id + ": project index rows differ from its JSON");
        projects.reset();
        tasks.bind(1, id);
        bool same = true;
        for (const Project& project : p.projects)
            for (const Task& task : project.tasks)
                same = same && tasks.step() && tasks.get_text(0) == project.id.str() && tasks.get_text(1) == task.id.str();
        same = same && !tasks.step();
        tasks.reset();
        if (!same) problems.push_back("portfolio " + id + ": task index rows differ from its JSON");
    }
    return problems;
}

}  // namespace ppm
