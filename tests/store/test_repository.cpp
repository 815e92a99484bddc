// Repository basics: portfolio round trips, revisions, index tables, WAL mode, schema versions and
// forward migrations, baselines, status and quality history, typed errors.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <cmath>
#include <fstream>
#include <limits>

#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"
#include "ppm/store/repository.hpp"
#include "store/detail/schema.hpp"
#include "store_fixtures.hpp"

using namespace ppm;
using ppm::Repository;

namespace {

/// Runs `sql` on the file with the raw C API (independent of the code under test); first column of the first row.
std::string raw_query(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::string out;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0) != nullptr)
        out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

void raw_exec(const std::filesystem::path& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.string().c_str(), &db) == SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
    INFO((err ? err : ""));
    sqlite3_free(err);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("store: a saved portfolio loads back equal and each save bumps its revision") {
    const auto path = test::fresh_db("roundtrip");
    auto repo = Repository::open(path);
    const Portfolio a = test::make_portfolio(1, 3, 25);
    CHECK(repo.save_portfolio(a) == 1);
    CHECK(repo.contains(PortfolioId{"PF"}));
    CHECK(repo.load_portfolio(PortfolioId{"PF"}) == a);
    const Portfolio b = test::make_portfolio(2, 2, 10);
    CHECK(repo.save_portfolio(b) == 2);
    CHECK(repo.load_portfolio(PortfolioId{"PF"}) == b);
    CHECK(repo.save_portfolio(test::make_portfolio(1, 1, 5, "OTHER")) == 1);

    const auto list = repo.list_portfolios();
    REQUIRE(list.size() == 2);
    CHECK(list.id[0].str() == "OTHER");
    CHECK(list.id[1].str() == "PF");
    CHECK(list.revision[1] == 2);
    CHECK(list.project_count[1] == 2);
    CHECK(list.task_count[1] == 20);
    CHECK(list.task_count[0] == 5);
    CHECK(list.saved_at[1].size() == 24);  // 2026-03-02T08:00:00.000Z

    // The index tables answer SQL queries without the JSON (checked with the raw C API).
    CHECK(raw_query(path, "SELECT count(*) FROM tasks WHERE portfolio_id='PF' AND project_id='P2'") == "10");
    CHECK(raw_query(path, "SELECT sum(duration) FROM tasks WHERE portfolio_id='PF'") ==
          std::to_string([&] {
              std::int64_t s = 0;
              for (const auto& p : b.projects)
                  for (const auto& t : p.tasks) s += t.duration.count();
              return s;
          }()));
    CHECK(repo.check_integrity().empty());
}

TEST_CASE("store: a new repository is in WAL mode at the current schema version") {
    const auto path = test::fresh_db("wal");
    {
        auto repo = Repository::create(path);
        CHECK(repo.schema_version() == Repository::current_schema_version());
        CHECK(Repository::current_schema_version() == 5);
    }
    CHECK(raw_query(path, "PRAGMA journal_mode") == "wal");
    CHECK(raw_query(path, "SELECT group_concat(version) FROM (SELECT version FROM schema_version ORDER BY version)") == "1,2,3,4,5");
    CHECK(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name='lessons_fts'") == "1");
    CHECK_THROWS_AS(Repository::create(path), ParseError);  // exists already
}

TEST_CASE("store: opening a version 1 file migrates it forward and keeps its data") {
    const auto path = test::fresh_db("migrate");
    const Portfolio pf = test::make_portfolio(7, 2, 6);
    {
        // A file as ppm's first schema wrote it: built with migration 1 only, rows inserted by hand.
        detail::SqliteDb db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(detail::migrate(db, 1) == 1);
        REQUIRE(detail::read_schema_version(db) == 1);
        auto s = db.prepare("INSERT INTO portfolios(id, name, revision, saved_at, model_json) VALUES('PF', 'old', 4, 'then', ?)");
        s.bind(1, ppm::write_json(pf)).run();
        auto p = db.prepare("INSERT INTO projects(portfolio_id, pos, id, name, start, manager) VALUES('PF', ?, ?, '', 0, '')");
        auto t = db.prepare("INSERT INTO tasks(portfolio_id, project_pos, pos, project_id, id, name, duration, milestone, percent_complete) "
                            "VALUES('PF', ?, ?, ?, ?, '', 0, 0, 0)");
        for (std::size_t i = 0; i < pf.projects.size(); ++i) {
            p.bind(1, static_cast<std::int64_t>(i)).bind(2, pf.projects[i].id.str()).run();
            for (std::size_t k = 0; k < pf.projects[i].tasks.size(); ++k)
                t.bind(1, static_cast<std::int64_t>(i)).bind(2, static_cast<std::int64_t>(k)).bind(3, pf.projects[i].id.str())
                    .bind(4, pf.projects[i].tasks[k].id.str()).run();
        }
    }
    CHECK(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name='risks'") == "0");
    auto repo = Repository::open(path);
    CHECK(repo.schema_version() == 5);
    const auto list = repo.list_portfolios();
    REQUIRE(list.size() == 1);
    CHECK(list.revision[0] == 4);
    CHECK(list.project_count[0] == 2);  // back-filled by migration 3 from the v1 index rows
    CHECK(list.task_count[0] == 12);
    CHECK(repo.load_portfolio(PortfolioId{"PF"}) == pf);
    // Version 2's tables now exist and work.
    const std::vector<Issue> issues{Issue{.id = "I1", .title = "after migration"}};
    repo.save_issues(PortfolioId{"PF"}, issues);
    CHECK(repo.load_issues(PortfolioId{"PF"}).size() == 1);
    CHECK(repo.save_portfolio(pf) == 5);
    CHECK(repo.check_integrity().empty());
}

TEST_CASE("store: a newer schema, a foreign database and a non-database are refused with typed errors") {
    SECTION("newer schema") {
        const auto path = test::fresh_db("newer");
        { auto repo = Repository::open(path); }
        raw_exec(path, "INSERT INTO schema_version(version, description) VALUES(99, 'future')");
        try {
            (void)Repository::open(path);
            FAIL("opened a newer file");
        } catch (const ParseError& e) {
            CHECK(e.code() == ErrorCode::unexpected);
            CHECK(std::string(e.what()).find("99") != std::string::npos);
            CHECK(e.path() == path.string());
        }
    }
    SECTION("foreign database") {
        const auto path = test::fresh_db("foreign");
        raw_exec(path, "CREATE TABLE invoices(x)");
        CHECK_THROWS_MATCHES(Repository::open(path), ParseError,
                             Catch::Matchers::Predicate<ParseError>([](const ParseError& e) { return e.code() == ErrorCode::unexpected; }));
    }
    SECTION("not a database") {
        const auto path = test::fresh_db("text");
        std::ofstream(path) << "this is not an SQLite file, just some text that is long enough to have a header.....\n";
        CHECK_THROWS_MATCHES(Repository::open(path), ParseError,
                             Catch::Matchers::Predicate<ParseError>([](const ParseError& e) { return e.code() == ErrorCode::io; }));
    }
    SECTION("missing file without create") {
        const auto path = test::fresh_db("missing");
        CHECK_THROWS_AS(Repository::open(path, {.create_if_missing = false}), ParseError);
        CHECK_FALSE(std::filesystem::exists(path));
    }
    SECTION("unknown portfolio") {
        auto repo = Repository::open(test::fresh_db("unknown"));
        try {
            (void)repo.load_portfolio(PortfolioId{"NOPE"});
            FAIL("loaded a missing portfolio");
        } catch (const ModelError& e) {
            CHECK(e.code() == ErrorCode::unknown_id);
            CHECK(std::string(e.what()).find("NOPE") != std::string::npos);
        }
        CHECK_THROWS_AS(repo.save_portfolio(Portfolio{}), ModelError);  // no id
    }
}

TEST_CASE("store: a read-only connection reads but cannot write") {
    const auto path = test::fresh_db("readonly");
    { Repository::open(path).save_portfolio(test::make_portfolio(1, 1, 3)); }
    auto ro = Repository::open(path, {.read_only = true});
    CHECK(ro.load_portfolio(PortfolioId{"PF"}).task_count() == 3);
    CHECK_THROWS_AS(ro.save_portfolio(test::make_portfolio(2, 1, 3)), ParseError);
    CHECK(ro.load_portfolio(PortfolioId{"PF"}) == test::make_portfolio(1, 1, 3));
}

TEST_CASE("store: baselines keep several names per project with one current") {
    auto repo = Repository::open(test::fresh_db("baselines"));
    repo.save_portfolio(test::make_portfolio(1, 2, 3));
    const PortfolioId pf{"PF"};
    const Instant t0 = Instant::from_ymd_hm(2026, 1, 5, 8, 0);
    const auto make = [&](std::string name, std::int64_t shift, Instant captured) {
        return make_baseline(std::move(name), ProjectId{"P1"}, captured, {TaskId{"P1.T1"}, TaskId{"P1.T2"}},
                             {t0, t0 + Duration{60 + shift}}, {t0 + Duration{60}, t0 + Duration{180 + shift}},
                             {Money{100000}, Money{250050}});
    };
    repo.save_baseline(pf, make("Baseline", 0, t0));
    repo.save_baseline(pf, make("CR-1", 120, t0 + Duration{1440}));
    auto set = repo.load_baselines(pf, ProjectId{"P1"});
    REQUIRE(set.baselines.size() == 2);
    CHECK(set.current == "CR-1");
    CHECK(set.active()->finish[1] == t0 + Duration{300});
    CHECK(budget_at_completion(set.baselines[0]) == Money{350050});

    // Saving an older one without making it current keeps CR-1 current; re-saving CR-1 keeps it current.
    repo.save_baseline(pf, make("Baseline", 30, t0), false);
    repo.save_baseline(pf, make("CR-1", 60, t0 + Duration{1440}), false);
    set = repo.load_baselines(pf, ProjectId{"P1"});
    CHECK(set.current == "CR-1");
    CHECK(repo.load_baseline(pf, ProjectId{"P1"}, "Baseline").start[1] == t0 + Duration{90});
    CHECK(repo.load_baselines(pf, ProjectId{"P2"}).baselines.empty());
    CHECK_THROWS_AS(repo.load_baseline(pf, ProjectId{"P1"}, "Nope"), ModelError);

    Baseline bad = make("Bad", 0, t0);
    bad.finish[0] = t0 - Duration{1};
    CHECK_THROWS_AS(repo.save_baseline(pf, bad), ModelError);
    CHECK_THROWS_AS(repo.save_baseline(PortfolioId{"NOPE"}, make("X", 0, t0)), ModelError);
    CHECK(repo.load_baselines(pf, ProjectId{"P1"}).baselines.size() == 2);
}

TEST_CASE("store: status periods come back in data-date order, a re-saved date replaces the old one") {
    auto repo = Repository::open(test::fresh_db("status"));
    repo.save_portfolio(test::make_portfolio(1, 1, 2));
    const PortfolioId pf{"PF"};
    const auto period = [](int day, double pct, std::int64_t cost) {
        return StatusPeriod{.project = ProjectId{"P1"},
                            .date = Instant::from_ymd_hm(2026, 3, day, 17, 0),
                            .task = {TaskId{"P1.T1"}, TaskId{"P1.T2"}},
                            .percent_complete = {pct, pct / 2},
                            .actual_cost = {Money{cost}, Money{cost / 2}}};
    };
    repo.save_status_period(pf, period(20, 80, 9000));
    repo.save_status_period(pf, period(6, 20, 1000));
    repo.save_status_period(pf, period(13, 50, 4000));
    repo.save_status_period(pf, period(13, 55, 4400));  // corrected report for the same date
    const auto h = repo.status_history(pf, ProjectId{"P1"});
    REQUIRE(h.size() == 3);
    CHECK(h[0].date == Instant::from_ymd_hm(2026, 3, 6, 17, 0));
    CHECK(h[1].percent_complete[0] == 55.0);
    CHECK(h[1].actual_cost[1] == Money{2200});
    CHECK(h[2].percent_complete[1] == 40.0);
    StatusPeriod bad = period(27, 120, 0);
    CHECK_THROWS_AS(repo.save_status_period(pf, bad), ModelError);
    CHECK(repo.status_history(pf, ProjectId{"P1"}).size() == 3);
}

TEST_CASE("store: what a status period reports for the earned-value methods round-trips") {
    auto repo = Repository::open(test::fresh_db("status_ev"));
    repo.save_portfolio(test::make_portfolio(1, 1, 2));
    const PortfolioId pf{"PF"};
    const StatusPeriod full{.project = ProjectId{"P1"},
                            .date = Instant::from_ymd_hm(2026, 3, 6, 17, 0),
                            .task = {TaskId{"P1.T1"}, TaskId{"P1.T2"}},
                            .percent_complete = {0.0, 40.0},
                            .actual_cost = {Money{0}, Money{500}},
                            .started = {1, 0},
                            .units_complete = {std::numeric_limits<double>::quiet_NaN(), 12.5},
                            .milestones_done = {{}, {"design", "build"}}};
    repo.save_status_period(pf, full);
    StatusPeriod plain = full;  // a later period reporting none of them
    plain.date = Instant::from_ymd_hm(2026, 3, 13, 17, 0);
    plain.started.clear();
    plain.units_complete.clear();
    plain.milestones_done.clear();
    repo.save_status_period(pf, plain);
    const auto h = repo.status_history(pf, ProjectId{"P1"});
    REQUIRE(h.size() == 2);
    CHECK(h[0].started == std::vector<std::uint8_t>{1, 0});
    REQUIRE(h[0].units_complete.size() == 2);
    CHECK(std::isnan(h[0].units_complete[0]));
    CHECK(h[0].units_complete[1] == 12.5);
    CHECK(h[0].milestones_done == std::vector<std::vector<std::string>>{{}, {"design", "build"}});
    CHECK(h[1].started.empty());
    CHECK(h[1].units_complete.empty());
    CHECK(h[1].milestones_done.empty());
}

TEST_CASE("store: quality records round-trip field by field, oldest first, a re-saved date replacing the old one") {
    const auto path = test::fresh_db("quality");
    auto repo = Repository::open(path);
    repo.save_portfolio(test::make_portfolio(1, 2, 2));
    const PortfolioId pf{"PF"};
    QualityStatus full{.project = ProjectId{"P1"}, .date = Instant::from_ymd_hm(2026, 3, 13, 17, 0)};
    full.open_defects = {1, 3, 7};
    full.reviews = {{.id = "QR-1", .date = Date::from_ymd(2026, 3, 10), .kind = "audit", .methodology = "M1", .phase = "Design",
                     .passed = false, .findings = 4},
                    {.id = "QR-2", .date = Date::from_ymd(2026, 3, 12), .phase = "Build", .findings = 1}};
    full.tests_run = 120;
    full.tests_passed = 110;
    full.deliverables_submitted = 4;
    full.deliverables_accepted = 3;
    const QualityStatus early{.project = ProjectId{"P1"}, .date = Instant::from_ymd_hm(2026, 3, 6, 17, 0), .open_defects = {0, 1, 4}};
    repo.save_quality_status(pf, full);
    repo.save_quality_status(pf, early);
    repo.save_quality_status(pf, QualityStatus{.project = ProjectId{"P2"}, .date = early.date});
    const auto h = repo.quality_history(pf, ProjectId{"P1"});
    REQUIRE(h.size() == 2);
    CHECK(h[0].date == early.date);  // oldest first
    CHECK(h[0].open_defects == early.open_defects);
    CHECK(h[0].reviews.empty());
    CHECK_FALSE(h[0].tests_run.has_value());  // not reported stays not reported
    CHECK_FALSE(h[0].deliverables_accepted.has_value());
    const QualityStatus& q = h[1];
    CHECK(q.project == full.project);
    CHECK(q.date == full.date);
    CHECK(q.open_defects == full.open_defects);
    CHECK(q.tests_run == 120);
    CHECK(q.tests_passed == 110);
    CHECK(q.deliverables_submitted == 4);
    CHECK(q.deliverables_accepted == 3);
    REQUIRE(q.reviews.size() == 2);
    for (std::size_t k = 0; k < 2; ++k) {
        CHECK(q.reviews[k].id == full.reviews[k].id);
        CHECK(q.reviews[k].date == full.reviews[k].date);
        CHECK(q.reviews[k].kind == full.reviews[k].kind);
        CHECK(q.reviews[k].methodology == full.reviews[k].methodology);
        CHECK(q.reviews[k].phase == full.reviews[k].phase);
        CHECK(q.reviews[k].passed == full.reviews[k].passed);
        CHECK(q.reviews[k].findings == full.reviews[k].findings);
    }
    CHECK(failed_reviews(q) == 1);
    CHECK(test_pass_rate(q) == Approx(110.0 / 120.0));

    // A corrected report for the same date replaces the old record and its reviews.
    QualityStatus corrected = full;
    corrected.open_defects = {0, 2, 7};
    corrected.reviews.pop_back();
    repo.save_quality_status(pf, corrected);
    const auto again = repo.quality_history(pf, ProjectId{"P1"});
    REQUIRE(again.size() == 2);
    CHECK(again[1].open_defects[0] == 0);
    CHECK(again[1].reviews.size() == 1);
    CHECK(raw_query(path, "SELECT count(*) FROM quality_reviews") == "1");
    CHECK(repo.quality_history(pf, ProjectId{"P2"}).size() == 1);
    CHECK(repo.quality_history(pf, ProjectId{"P3"}).empty());

    // Invalid records and unknown portfolios are refused; nothing is written.
    QualityStatus bad = full;
    bad.tests_passed = 130;
    CHECK_THROWS_AS(repo.save_quality_status(pf, bad), ModelError);
    bad = full;
    bad.open_defects[2] = -1;
    CHECK_THROWS_AS(repo.save_quality_status(pf, bad), ModelError);
    CHECK_THROWS_AS(repo.save_quality_status(PortfolioId{"NOPE"}, full), ModelError);
    CHECK(repo.quality_history(pf, ProjectId{"P1"})[1].open_defects[0] == 0);

    // SQL over the history without the model: open critical defects per project and date.
    CHECK(raw_query(path, "SELECT group_concat(project_id || '@' || critical_defects) FROM "
                          "(SELECT project_id, critical_defects FROM quality_status WHERE portfolio_id = 'PF' ORDER BY project_id, data_date)") ==
          "P1@0,P1@0,P2@0");
    // Removed with the portfolio.
    CHECK(repo.remove_portfolio(pf));
    CHECK(raw_query(path, "SELECT count(*) FROM quality_status") == "0");
    CHECK(raw_query(path, "SELECT count(*) FROM quality_reviews") == "0");
    CHECK(repo.check_integrity().empty());
}

TEST_CASE("store: opening a version 4 file adds the quality tables and keeps its status history") {
    const auto path = test::fresh_db("migrate4");
    const StatusPeriod period{.project = ProjectId{"P1"},
                              .date = Instant::from_ymd_hm(2026, 3, 6, 17, 0),
                              .task = {TaskId{"P1.T1"}},
                              .percent_complete = {40.0},
                              .actual_cost = {Money{1000}}};
    {
        // A file as the version 4 schema wrote it: the library's migrations up to 4, then its own API.
        detail::SqliteDb db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        REQUIRE(detail::migrate(db, 4) == 4);
        db.prepare("INSERT INTO portfolios(id, name, revision, saved_at, model_json) VALUES('PF', 'old', 1, 'then', ?)")
            .bind(1, ppm::write_json(test::make_portfolio(1, 1, 2)))
            .run();
        db.prepare("INSERT INTO status_periods(portfolio_id, project_id, data_date) VALUES('PF', 'P1', ?)")
            .bind(1, period.date.minutes_since_epoch())
            .run();
        db.prepare("INSERT INTO status_tasks(status_id, pos, task_id, percent_complete, actual_cost) VALUES(1, 0, 'P1.T1', 40, 1000)").run();
    }
    CHECK(raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name='quality_status'") == "0");
    auto repo = Repository::open(path);
    CHECK(repo.schema_version() == 5);
    CHECK(raw_query(path, "SELECT description FROM schema_version WHERE version = 5").find("quality") != std::string::npos);
    const auto h = repo.status_history(PortfolioId{"PF"}, ProjectId{"P1"});
    REQUIRE(h.size() == 1);
    CHECK(h[0].percent_complete[0] == 40.0);
    CHECK(h[0].actual_cost[0] == Money{1000});
    CHECK(repo.quality_history(PortfolioId{"PF"}, ProjectId{"P1"}).empty());
    repo.save_quality_status(PortfolioId{"PF"}, QualityStatus{.project = ProjectId{"P1"}, .date = period.date, .open_defects = {2, 0, 0}});
    CHECK(repo.quality_history(PortfolioId{"PF"}, ProjectId{"P1"}).at(0).open_defects[0] == 2);
    CHECK(repo.save_portfolio(test::make_portfolio(1, 1, 2)) == 2);  // writes the index rows the hand-made file lacks
    CHECK(repo.status_history(PortfolioId{"PF"}, ProjectId{"P1"}).size() == 1);
    CHECK(repo.quality_history(PortfolioId{"PF"}, ProjectId{"P1"}).size() == 1);
    CHECK(repo.check_integrity().empty());
}

TEST_CASE("store: removing a portfolio removes everything recorded for it") {
    const auto path = test::fresh_db("remove");
    auto repo = Repository::open(path);
    repo.save_portfolio(test::make_portfolio(1, 1, 4));
    repo.save_portfolio(test::make_portfolio(1, 1, 4, "KEEP"));
    const PortfolioId pf{"PF"};
    repo.snapshot(pf);
    const std::vector<Lesson> lessons{Lesson{.id = "L1", .tags = {"x"}, .title = "gone", .text = "soon"}};
    repo.save_lessons(pf, lessons);
    CHECK(repo.remove_portfolio(pf));
    CHECK_FALSE(repo.remove_portfolio(pf));
    CHECK_FALSE(repo.contains(pf));
    CHECK(repo.list_snapshots().size() == 0);
    CHECK(raw_query(path, "SELECT count(*) FROM tasks") == "4");
    CHECK(raw_query(path, "SELECT count(*) FROM lessons_fts") == "0");
    CHECK(raw_query(path, "SELECT count(*) FROM lesson_tags") == "0");
    CHECK(repo.check_integrity().empty());
}
