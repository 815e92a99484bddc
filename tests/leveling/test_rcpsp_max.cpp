// RCPSP/max solver: a hand-made instance that needs unscheduling, the positive-cycle proof, and
// the j10 RCPSP/max set (every file) against the kobe-scheduling optimum table, every schedule run
// through the independent checker.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <vector>
#include <iostream>
#include <string>

#include "csv_table.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/leveling/rcpsp_max_solver.hpp"
#include "ppm/leveling/variant_check.hpp"
#include "test_support.hpp"

using namespace ppm;

namespace {

// Source 0, jobs 1..3, sink 4; one resource of capacity 1, every real job needs it.
// Job 1: 2 periods; job 2: 1 period, must start exactly 2 after job 1 (min and max lag 2);
// job 3: 3 periods. With LST order job 3 (longest tail) goes first at 0, then job 1 at 3 and
// job 2 at 5: makespan 6 = sum of durations, which is optimal (capacity 1).
RcpspMaxProject chain_project() {
    RcpspMaxProject p;
    p.path = "chain.sch";
    p.num_jobs = 5;
    p.durations = {0, 2, 1, 3, 0};
    p.capacities = {1};
    p.demands = {0, 1, 1, 1, 0};
    p.arcs = {{0, 1, 0}, {0, 2, 0}, {0, 3, 0}, {1, 2, 2}, {2, 1, -2}, {1, 4, 2}, {2, 4, 1}, {3, 4, 3}};
    return p;
}

}  // namespace

TEST_CASE("rcpsp max: a minimum and maximum lag pair is honoured") {
    const RcpspMaxProject p = chain_project();
    const RcpspMaxResult r = solve_rcpsp_max(p, {.max_schedules = 200});
    REQUIRE(r.status == RcpspMaxStatus::optimal);
    CHECK(r.makespan == 6);
    CHECK(r.start_times[2] - r.start_times[1] == 2);
    CHECK(check_max_schedule(p, r.start_times).feasible);
}

TEST_CASE("rcpsp max: unscheduling repairs a window that resources close") {
    // Job 3 (capacity-hungry, 4 periods) is forced to start at 1 or later by a release-like arc;
    // job 2 must start within 1 period after job 1 (max lag). LST sampling may place job 1 at 0,
    // then job 3 blocks job 2's window [2, 1+...]: the SGS must push job 1 right.
    RcpspMaxProject p;
    p.path = "window.sch";
    p.num_jobs = 5;
    p.durations = {0, 2, 2, 4, 0};
    p.capacities = {1};
    p.demands = {0, 1, 1, 1, 0};
    p.arcs = {{0, 1, 0}, {0, 2, 0}, {0, 3, 1}, {1, 2, 2}, {2, 1, -3}, {1, 4, 2}, {2, 4, 2}, {3, 4, 4}};
    const RcpspMaxResult r = solve_rcpsp_max(p, {.max_schedules = 300, .stop_at_lower_bound = false});
    REQUIRE(r.start_times.size() == 5);
    const ScheduleCheck c = check_max_schedule(p, r.start_times);
    INFO((c.problems.empty() ? std::string() : c.problems.front()));
    CHECK(c.feasible);
    CHECK(r.makespan == 8);  // capacity 1: the 8 periods of work back to back, job 3 first or last
}

TEST_CASE("rcpsp max: a positive cycle is reported as a proof of infeasibility") {
    RcpspMaxProject p = chain_project();
    p.arcs.push_back({2, 1, -1});  // S1 >= S2 - 1 and S2 >= S1 + 2: cycle of length +1
    p.arcs.erase(p.arcs.begin() + 4);
    p.arcs.push_back({2, 1, 0});
    const RcpspMaxResult r = solve_rcpsp_max(p);
    CHECK(r.status == RcpspMaxStatus::infeasible);
    CHECK(r.positive_cycle.size() == 2);
    CHECK(r.start_times.empty());
    RcpspMaxProject bad = chain_project();
    bad.durations.pop_back();
    CHECK_THROWS_AS(solve_rcpsp_max(bad), ModelError);
}

TEST_CASE("rcpsp max: the checker sees a violated maximum lag") {
    const RcpspMaxProject p = chain_project();
    const ScheduleCheck c = check_max_schedule(p, std::vector<std::int32_t>{0, 3, 6, 0, 7});
    CHECK(c.precedence_violations == 1);  // S1 >= S2 - 2 fails: 3 < 4
    CHECK(c.feasible == false);
}

TEST_CASE("rcpsp max: j10 (every file) and j20 (every third) against the optimum table") {
    for (const char* set : {"j10", "j20"}) {
        const int stride = std::string(set) == "j10" ? 1 : 3;
        const std::string dir = std::string("psplib/rcpsp-max/") + set;
        if (!test::have_shared(dir + "/optimum.csv")) continue;
        const auto table = test::csv_columns(test::shared_data() / dir / "optimum.csv", 0, 1);
        int files = 0, feasible_known = 0, found = 0, at_optimum = 0, closed = 0;
        double deviation = 0;
        std::vector<std::filesystem::path> paths;
        for (const auto& entry : std::filesystem::directory_iterator(test::shared_data() / dir / "instances"))
            paths.push_back(entry.path());
        std::sort(paths.begin(), paths.end());
        for (std::size_t at = 0; at < paths.size(); at += static_cast<std::size_t>(stride)) {
            const std::filesystem::path& path = paths[at];
            const std::string name = path.filename().string();
            INFO(name);
            REQUIRE(table.count(name) == 1);
            const std::string& known = table.at(name);
            const RcpspMaxProject p = read_psplib_max(path);
            const RcpspMaxResult r = solve_rcpsp_max(p, {.max_schedules = 1000, .seed = 1});
            ++files;
            if (known != "unsat") ++feasible_known;
            if (r.start_times.empty()) continue;
            ++found;
            CHECK(known != "unsat");  // a checked schedule for an instance proven infeasible is a bug
            const ScheduleCheck c = check_max_schedule(p, r.start_times);
            CHECK(c.feasible);
            CHECK(c.makespan == r.makespan);
            if (known.find("..") != std::string::npos) {
                CHECK(r.makespan >= std::stoi(known.substr(0, known.find(".."))));
                continue;
            }
            const int opt = std::stoi(known);
            CHECK(r.makespan >= opt);
            CHECK(r.lower_bound <= opt);
            ++closed;
            if (r.makespan == opt) ++at_optimum;
            deviation += 100.0 * (r.makespan - opt) / opt;
        }
        CHECK(files == (270 + stride - 1) / stride);
        std::cout << "rcpsp/max " << set << " at 1000 schedules: feasible found " << found << "/" << feasible_known
                  << ", optimal " << at_optimum << "/" << closed << ", mean deviation from optimum "
                  << deviation / std::max(closed, 1) << "%\n";
        CHECK(found >= feasible_known - 2);
        CHECK(deviation / std::max(closed, 1) < 5.0);
    }
}
