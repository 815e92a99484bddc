// Multi-mode RCPSP solver: a hand-made instance whose optimum needs the slower modes, the proven
// infeasible case, determinism and cancellation, and the PSPLIB j10 set (every file) against the
// published optima (j10opt.mm, Sprecher & Drexl), every result run through the independent checker.
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <string>

#include "csv_table.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/leveling/mrcpsp.hpp"
#include "ppm/leveling/variant_check.hpp"
#include "test_support.hpp"

using namespace ppm;

namespace {

// Two real jobs, one renewable resource (capacity 2), one non-renewable budget `budget`.
// Each job: mode 1 = 2 periods, renewable 2, non-renewable 1; mode 2 = 4 periods, renewable 1,
// non-renewable 0. Fast + slow cannot overlap (3 > 2): 6; fast + fast: 4 but needs budget 2;
// slow + slow run in parallel: 4. Energy bound: each job needs >= 4 resource-periods, 8 / 2 = 4.
PsplibProject two_job_project(std::int32_t budget, std::int32_t slow_nonrenewable = 0) {
    PsplibProject p;
    p.path = "two_jobs.mm";
    p.num_jobs = 4;
    p.mode_offsets = {0, 1, 3, 5, 6};
    p.mode_durations = {0, 2, 4, 2, 4, 0};
    p.renewable_demands = {0, 2, 1, 2, 1, 0};
    p.nonrenewable_demands = {0, 1, slow_nonrenewable, 1, slow_nonrenewable, 0};
    p.renewable_capacities = {2};
    p.nonrenewable_capacities = {budget};
    p.successor_offsets = {0, 2, 3, 4, 4};
    p.successor_indices = {1, 2, 3, 3};
    return p;
}

}  // namespace

TEST_CASE("mrcpsp: the optimum of the hand instance needs the slow modes") {
    const PsplibProject p = two_job_project(1);
    const MrcpspResult r = solve_mrcpsp(p, {.max_schedules = 500, .seed = 3});
    REQUIRE(r.status == MrcpspStatus::optimal);
    CHECK(r.makespan == 4);
    CHECK(r.lower_bound == 4);
    CHECK(r.modes == std::vector<std::int32_t>{0, 1, 1, 0});
    const ScheduleCheck c = check_multimode_schedule(p, r.modes, r.start_times);
    CHECK(c.feasible);
    CHECK(c.makespan == 4);
}

TEST_CASE("mrcpsp: a budget below the smallest demands is proven infeasible") {
    // Both modes of both jobs use 1 unit, budget 1: at least 2 are needed.
    const MrcpspResult r = solve_mrcpsp(two_job_project(1, 1));
    CHECK(r.status == MrcpspStatus::infeasible);
    CHECK(r.nonrenewable_excess == std::vector<std::int32_t>{1});
    CHECK(r.start_times.empty());
    CHECK(r.schedules == 0);
}

TEST_CASE("mrcpsp: the checker catches a broken budget and a broken precedence") {
    const PsplibProject p = two_job_project(1);
    ScheduleCheck c = check_multimode_schedule(p, std::vector<std::int32_t>{0, 0, 0, 0}, std::vector<std::int32_t>{0, 0, 2, 4});
    CHECK_FALSE(c.feasible);
    CHECK(c.capacity_violations == 1);  // non-renewable: 2 > 1
    c = check_multimode_schedule(p, std::vector<std::int32_t>{0, 1, 1, 0}, std::vector<std::int32_t>{0, 0, 0, 3});
    CHECK(c.precedence_violations == 2);  // sink before both finish
    CHECK_THROWS_AS(solve_mrcpsp(p, {.max_schedules = 0}), ModelError);
}

TEST_CASE("mrcpsp: same seed same answer, cancellation returns at once") {
    const std::string file = "psplib/mrcpsp/j20/instances/j2010_1.mm";
    if (!test::have_shared(file)) return;
    const PsplibProject p = read_psplib(test::shared_data() / file);
    const MrcpspResult a = solve_mrcpsp(p, {.max_schedules = 800, .seed = 9, .stop_at_lower_bound = false});
    const MrcpspResult b = solve_mrcpsp(p, {.max_schedules = 800, .seed = 9, .stop_at_lower_bound = false});
    CHECK(a.makespan == b.makespan);
    CHECK(a.start_times == b.start_times);
    CHECK(a.modes == b.modes);
    CHECK(a.schedules >= 800);
    CHECK(a.schedules <= 800 + 6);  // one child may finish its justification
    std::stop_source source;
    source.request_stop();
    const MrcpspResult c = solve_mrcpsp(p, {.max_schedules = 100000, .stop = source.get_token()});
    CHECK(c.stop_reason == RcpspStop::cancelled);
    CHECK(c.schedules == 0);
}

TEST_CASE("mrcpsp: PSPLIB j10, every file, against the published optima") {
    const std::string dir = "psplib/mrcpsp/j10";
    if (!test::have_shared(dir + "/reference.csv")) return;
    const auto status = test::csv_columns(test::shared_data() / dir / "reference.csv", 0, 5);
    const auto value = test::csv_columns(test::shared_data() / dir / "reference.csv", 0, 4);
    int files = 0, solved = 0, at_optimum = 0;
    double deviation = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::shared_data() / dir / "instances")) {
        const std::string name = entry.path().filename().string();
        INFO(name);
        REQUIRE(status.count(name) == 1);
        const PsplibProject p = read_psplib(entry.path());
        const MrcpspResult r = solve_mrcpsp(p, {.max_schedules = 1000, .seed = 1});
        ++files;
        if (r.status == MrcpspStatus::infeasible || r.status == MrcpspStatus::no_solution) {
            CHECK(status.at(name) != "optimal");  // every file present has a published optimum
            continue;
        }
        ++solved;
        const ScheduleCheck c = check_multimode_schedule(p, r.modes, r.start_times);
        CHECK(c.feasible);
        CHECK(c.makespan == r.makespan);
        REQUIRE(status.at(name) == "optimal");
        const int opt = std::stoi(value.at(name));
        CHECK(r.makespan >= opt);  // no schedule beats a proven optimum
        CHECK(r.lower_bound <= opt);
        if (r.makespan == opt) ++at_optimum;
        deviation += 100.0 * (r.makespan - opt) / opt;
    }
    CHECK(files == 536);
    std::cout << "mrcpsp j10 at 1000 schedules: " << solved << "/" << files << " solved, " << at_optimum
              << " optimal, mean deviation " << deviation / std::max(solved, 1) << "%\n";
    CHECK(solved == files);  // j10 ships only instances with a feasible solution
    // Regression guard: 0.87 % measured at 1,000 schedules (seed 1); 0.15 % at 5,000.
    CHECK(deviation / solved < 1.0);
}
