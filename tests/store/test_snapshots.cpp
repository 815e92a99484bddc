// Status snapshots over time and the task-level diff between two of them. Dates are hand-computed
// CPM (Kelley & Walker 1959) on a 24/7 calendar (no calendar given: ppm's documented fallback).
#include <catch2/catch.hpp>

#include "ppm/core/error.hpp"
#include "ppm/store/repository.hpp"
#include "ppm/store/snapshot_diff.hpp"
#include "store_fixtures.hpp"

using namespace ppm;
using ppm::Repository;

namespace {

const Instant kStart = Instant::from_ymd_hm(2026, 1, 5, 8, 0);

Task task(std::string id, std::int64_t minutes, std::vector<std::string> preds = {}) {
    Task t{.id = TaskId{std::move(id)}, .name = "", .duration = Duration{minutes}};
    t.name = "task " + t.id.str();
    for (auto& p : preds) t.predecessors.push_back(Dependency{.predecessor = TaskId{std::move(p)}});
    return t;
}

/// A -> B -> C chain plus D and F standing alone (or E instead of F in the later plan).
Portfolio plan(bool later) {
    Portfolio pf{.id = PortfolioId{"PF"}, .name = "diff"};
    Project p{.id = ProjectId{"P1"}, .name = "one", .start = kStart};
    p.tasks = {task("A", 60), task("B", later ? 180 : 120, {"A"}), task("C", 60, {"B"}), task("D", 30)};
    if (later) {
        p.tasks[3].progress.percent_complete = 50.0;
        p.tasks.push_back(task("E", 45));
    } else {
        p.tasks.push_back(task("F", 15));
    }
    pf.projects.push_back(std::move(p));
    return pf;
}

std::size_t row_of(const SnapshotDiff& d, const std::string& id) {
    for (std::size_t i = 0; i < d.size(); ++i)
        if (d.task[i].str() == id) return i;
    FAIL("no diff row for " << id);
    return 0;
}

}  // namespace

TEST_CASE("store: snapshots freeze CPM dates and progress, and the diff lists added, removed and changed tasks") {
    auto repo = Repository::open(test::fresh_db("snapshots"));
    const PortfolioId pf{"PF"};
    repo.save_portfolio(plan(false));
    const std::int64_t s1 = repo.snapshot(pf, {.label = "week 1"});
    repo.save_portfolio(plan(true));
    const std::int64_t s2 = repo.snapshot(pf, {.label = "week 2"});
    CHECK(s2 > s1);

    const auto list = repo.list_snapshots(pf);
    REQUIRE(list.size() == 2);
    CHECK(list.label[0] == "week 1");
    CHECK(list.revision[0] == 1);
    CHECK(list.revision[1] == 2);
    CHECK(list.scheduled[0] == 1);
    CHECK(list.task_count[1] == 5);
    CHECK(repo.find_snapshot("week 2") == s2);
    CHECK(repo.find_snapshot(std::to_string(s1)) == s1);
    CHECK_FALSE(repo.find_snapshot("week 9").has_value());
    CHECK(repo.snapshot_portfolio(s1) == plan(false));
    CHECK(repo.list_portfolios().snapshot_count[0] == 2);

    const auto a = repo.snapshot_tasks(s1);
    const auto b = repo.snapshot_tasks(s2);
    REQUIRE(a.size() == 5);
    // Hand CPM, 24/7: A 08:00-09:00, B 09:00-11:00, C 11:00-12:00.
    CHECK(a.start[2] == kStart + Duration{180});
    CHECK(a.finish[2] == kStart + Duration{240});

    const SnapshotDiff d = diff_snapshots(a, b);
    CHECK(d.size() == 5);     // B, C, D changed; E added; F removed
    CHECK(d.unchanged == 1);  // A
    const std::size_t rb = row_of(d, "B");
    CHECK(d.kind[rb] == TaskChangeKind::changed);
    CHECK(d.fields[rb] == (kDurationField | kFinishField));
    CHECK(d.duration_before[rb] == Duration{120});
    CHECK(d.duration_after[rb] == Duration{180});
    CHECK(d.finish_after[rb] == kStart + Duration{240});  // 09:00 + 3 h
    const std::size_t rc = row_of(d, "C");
    CHECK(d.fields[rc] == (kStartField | kFinishField));
    CHECK(d.start_before[rc] == kStart + Duration{180});
    CHECK(d.start_after[rc] == kStart + Duration{240});
    const std::size_t rd = row_of(d, "D");
    CHECK((d.fields[rd] & kProgressField) != 0);
    CHECK(d.percent_before[rd] == 0.0);
    CHECK(d.percent_after[rd] == 50.0);
    const std::size_t re = row_of(d, "E");
    CHECK(d.kind[re] == TaskChangeKind::added);
    CHECK_FALSE(d.duration_before[re].has_value());
    CHECK(d.duration_after[re] == Duration{45});
    const std::size_t rf = row_of(d, "F");
    CHECK(d.kind[rf] == TaskChangeKind::removed);
    CHECK(rf == d.size() - 1);  // removed rows come last
    CHECK_FALSE(d.start_after[rf].has_value());

    // The reverse diff mirrors it.
    const auto r = diff_snapshots(b, a);
    CHECK(r.kind[row_of(r, "E")] == TaskChangeKind::removed);
    CHECK(r.kind[row_of(r, "F")] == TaskChangeKind::added);
    CHECK(diff_snapshots(a, a).size() == 0);
    CHECK_THROWS_AS(repo.snapshot_tasks(999), ModelError);
    CHECK_THROWS_AS(repo.snapshot(PortfolioId{"NOPE"}), ModelError);
}

TEST_CASE("store: a model that cannot be scheduled is snapshotted without dates") {
    auto repo = Repository::open(test::fresh_db("snapshot-cycle"));
    Portfolio pf = plan(false);
    pf.projects[0].tasks[0].predecessors.push_back(Dependency{.predecessor = TaskId{"C"}});  // A -> B -> C -> A
    repo.save_portfolio(pf);
    const std::int64_t s = repo.snapshot(pf.id);
    CHECK(repo.list_snapshots().scheduled[0] == 0);
    const auto rows = repo.snapshot_tasks(s);
    REQUIRE(rows.size() == 5);
    CHECK_FALSE(rows.start[0].has_value());
    CHECK(rows.duration[1] == Duration{120});
}
