// run_cpm's specialised single-calendar loop (detail/cpm_fast_plan.hpp) against its general loop:
// the same seeded random network is scheduled once as it is (the specialised loop applies) and once
// with a deadline far after every date on one task (a deadline disqualifies the network, so the
// general loop runs, and a deadline that is never reached changes no date). Every output array
// must be identical, for all four link types, leads and lags, several projects and status dates.
#include <catch2/catch.hpp>

#include <random>

#include "fixtures.hpp"
#include "ppm/schedule/cpm.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {

// Random DAG on the test calendar: each task links to up to 3 earlier tasks (any project), all link
// types, working-day lags from -1 to 3 days plus odd minutes; durations 1-10 days plus odd minutes.
Portfolio random_plain(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1)); };
    Portfolio pf = one_project();
    for (int k = 0; k < 5; ++k) {
        const Date d = Date::from_ymd(2026, 3, 2) + uniform(0, 120);
        pf.calendars[0].exceptions.push_back(holiday(d, d + uniform(0, 2)));
    }
    const int projects = uniform(1, 3);
    for (int p = 1; p < projects; ++p) {
        Project q;
        q.id = ProjectId{"P" + std::to_string(p)};
        q.start = at(3, 2, 9) + Duration{uniform(0, 10) * 1440 + uniform(0, 600)};
        pf.projects.push_back(q);
    }
    const int n = uniform(20, 150);
    for (int i = 0; i < n; ++i) {
        const std::string id = "t" + std::to_string(i);
        Task& t = add_task(pf, id, uniform(1, 10), static_cast<std::size_t>(uniform(0, projects - 1)));
        if (uniform(0, 3) == 0) t.duration += Duration{uniform(1, 300)};
        const int links = i == 0 ? 0 : uniform(0, 3);
        for (int l = 0; l < links; ++l) {
            Lag lag = working_days(uniform(-1, 3));
            if (uniform(0, 4) == 0) lag.amount = Duration{uniform(-200, 900)};
            link(pf, "t" + std::to_string(uniform(0, i - 1)), id, static_cast<LinkType>(uniform(0, 3)), lag);
        }
    }
    return pf;
}

void require_same(const CpmWorkspace& a, const CpmWorkspace& b) {
    REQUIRE(a.early_start == b.early_start);
    REQUIRE(a.early_finish == b.early_finish);
    REQUIRE(a.late_start == b.late_start);
    REQUIRE(a.late_finish == b.late_finish);
    REQUIRE(a.total_float == b.total_float);
    REQUIRE(a.driving == b.driving);
    REQUIRE(a.conflict == b.conflict);
    REQUIRE(a.project_finish == b.project_finish);
}

}  // namespace

TEST_CASE("cpm: specialised single-calendar loop equals the general loop") {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        INFO("seed " << seed);
        Portfolio pf = random_plain(seed);
        if (seed % 3 == 0) pf.status_date = at(3, 9, 14);  // status date as a floor on not-started work
        if (seed % 5 == 0) pf.projects[0].deadline = at(4, 1, 12);  // a project deadline moves the late anchor
        Portfolio twin = pf;
        find(twin, "t0").deadline = Instant::from_ymd_hm(2031, 1, 1, 0, 0);

        const Network fast(pf);
        const Network general(twin);
        REQUIRE(fast.fast_plan().usable);
        REQUIRE_FALSE(general.fast_plan().usable);
        CpmWorkspace ws_fast, ws_general;
        for (const auto mode : {ProgressMode::retained_logic, ProgressMode::progress_override}) {
            run_cpm(fast, fast.default_durations(), ws_fast, {.progress_mode = mode});
            run_cpm(general, general.default_durations(), ws_general, {.progress_mode = mode});
            require_same(ws_fast, ws_general);
        }
        // Other durations (as Monte Carlo and levelling pass them), reusing the workspaces.
        std::mt19937_64 rng(seed);
        std::vector<Duration> d = fast.default_durations();
        for (auto& x : d) x = Duration{1 + static_cast<std::int64_t>(rng() % 5000)};
        run_cpm(fast, d, ws_fast);
        run_cpm(general, d, ws_general);
        require_same(ws_fast, ws_general);
        // A zero duration (a milestone) is left to the general loop, with the same answer.
        d[d.size() / 2] = Duration{0};
        run_cpm(fast, d, ws_fast);
        run_cpm(general, d, ws_general);
        require_same(ws_fast, ws_general);
        // And the full result through schedule(): same floats, critical flags and longest paths.
        const ScheduleResult a = schedule(fast), b = schedule(general);
        REQUIRE(a.total_float == b.total_float);
        REQUIRE(a.free_float == b.free_float);
        REQUIRE(a.critical == b.critical);
        REQUIRE(a.longest_path == b.longest_path);
    }
}

TEST_CASE("cpm: networks outside the specialised loop are recognised") {
    Portfolio pf = one_project();
    add_task(pf, "a", 2);
    add_task(pf, "b", 3);
    link(pf, "a", "b");
    CHECK(Network(pf).fast_plan().usable);
    SECTION("elapsed lag") {
        find(pf, "b").predecessors[0].lag = elapsed_minutes(60);
        CHECK_FALSE(Network(pf).fast_plan().usable);
    }
    SECTION("percent lag") {
        find(pf, "b").predecessors[0].lag = percent(50);
        CHECK_FALSE(Network(pf).fast_plan().usable);
    }
    SECTION("constraint") {
        find(pf, "b").constraint = Constraint{ConstraintType::start_no_earlier_than, at(3, 10, 9)};
        CHECK_FALSE(Network(pf).fast_plan().usable);
    }
    SECTION("progress") {
        find(pf, "a").progress.actual_start = at(3, 2, 9);
        CHECK_FALSE(Network(pf).fast_plan().usable);
    }
    SECTION("second calendar") {
        pf.calendars.push_back(test_calendar("other"));
        find(pf, "b").calendar = CalendarId{"other"};
        CHECK_FALSE(Network(pf).fast_plan().usable);
    }
}

namespace {

std::vector<std::string> longest_path_ids(const ScheduleResult& r, std::size_t project = 0) {
    std::vector<std::string> ids;
    for (auto t : r.longest_path[project]) ids.push_back(r.task_id[t.value()].str());
    return ids;
}

}  // namespace

// P6's longest path (P6 Professional help, "Longest path": driving relationships traced back from
// the activity finishing last to the project start, or to an activity whose start is set by a
// constraint or the data date). Hand-computed on the test calendar (480 working minutes a day,
// Mon 2026-03-02 09:00 project start): A 2d Mon 2 - Tue 3 18:00, B 3d after A, C 1d after B; a
// side chain D 1d -> E 1d finishes long before.
TEST_CASE("cpm: longest path follows driving links back to the start or to a constraint or data date") {
    Portfolio pf = one_project();
    add_task(pf, "A", 2);
    add_task(pf, "B", 3);
    add_task(pf, "C", 1);
    add_task(pf, "D", 1);
    add_task(pf, "E", 1);
    link(pf, "A", "B");
    link(pf, "B", "C");
    link(pf, "D", "E");
    SECTION("logic only: back to the project start") {
        const auto r = schedule(pf);
        CHECK(longest_path_ids(r) == std::vector<std::string>{"A", "B", "C"});
        CHECK(r.early_finish[2] == at(3, 9, 18));  // B Wed 4 - Fri 6, C Mon 9
    }
    SECTION("an SNET before the logic date does not drive: the path goes through A") {
        find(pf, "B").constraint = Constraint{ConstraintType::start_no_earlier_than, at(3, 3, 9)};
        CHECK(longest_path_ids(schedule(pf)) == std::vector<std::string>{"A", "B", "C"});
    }
    SECTION("an SNET at the same working minute as the logic date ties: the link drives") {
        // A finishes Tue 3 18:00, which is the same working minute as Wed 4 09:00.
        find(pf, "B").constraint = Constraint{ConstraintType::start_no_earlier_than, at(3, 4, 9)};
        CHECK(longest_path_ids(schedule(pf)) == std::vector<std::string>{"A", "B", "C"});
    }
    SECTION("an SNET after the logic date drives B: the path starts at B") {
        find(pf, "B").constraint = Constraint{ConstraintType::start_no_earlier_than, at(3, 9, 9)};
        const auto r = schedule(pf);
        CHECK(longest_path_ids(r) == std::vector<std::string>{"B", "C"});
        CHECK(r.early_finish[2] == at(3, 12, 18));  // B Mon 9 - Wed 11, C Thu 12
        CHECK(r.total_float[0] == Duration{3 * kDay});  // A may slip to Fri 6 without moving B
    }
    SECTION("the data date drives B after a finished A: the path starts at B") {
        find(pf, "A").progress.actual_start = at(3, 2, 9);
        find(pf, "A").progress.actual_finish = at(3, 3, 18);
        pf.status_date = at(3, 5, 9);
        const auto r = schedule(pf);
        CHECK(longest_path_ids(r) == std::vector<std::string>{"B", "C"});
        CHECK(r.early_start[1] == at(3, 5, 9));
        CHECK(r.early_finish[2] == at(3, 10, 18));  // B Thu 5 - Mon 9, C Tue 10
    }
    SECTION("a later-finishing side chain takes over") {
        find(pf, "D").duration = Duration{4 * kDay};
        find(pf, "E").duration = Duration{3 * kDay};  // D Mon 2 - Thu 5, E Fri 6 - Tue 10
        CHECK(longest_path_ids(schedule(pf)) == std::vector<std::string>{"D", "E"});
    }
}
