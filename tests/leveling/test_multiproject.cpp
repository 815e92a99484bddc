// Tests of the multi-project readers (MPLIB .rcmp, MPSPLIB xml) and of levelling them as one
// portfolio. Reference values: ../shared/data/multiproject/reference.csv (computed there with an
// independent checker; MPLIB1_Set1_0: TMS lower bound 292, baseline TMS 407 / TPD 1147;
// mp_j30_a5_nr4: TMS 76 and TPD 0 are optimal).
#include <catch2/catch.hpp>

#include <string>

#include "ppm/core/error.hpp"
#include "ppm/io/multiproject.hpp"
#include "ppm/leveling/multiproject.hpp"
#include "test_support.hpp"

using namespace ppm;

namespace {

const char* kSmallRcmp =
    "2\n"
    "1\n"
    "  3\n"
    "\n"
    "  4 0\n"
    "  1\n"
    "  0 0 2 1:2 1:3\n"
    "  2 2 1 1:4\n"
    "  3 2 1 1:4\n"
    "  0 0 0\n"
    "  3 1\n"
    "  1\n"
    "  0 0 1 2:2\n"
    "  4 1 1 2:3\n"
    "  0 0 0\n";

template <class F>
std::int64_t parse_error_line(F&& f) {
    try {
        f();
    } catch (const ParseError& e) {
        return e.line();
    }
    return -1;
}

}  // namespace

TEST_CASE("multiproject: MPLIB text is read with releases, resources and successors") {
    const MultiProjectInstance m = parse_mplib(kSmallRcmp, "small.rcmp");
    REQUIRE(m.num_projects() == 2);
    CHECK(m.num_jobs() == 7);
    CHECK(m.capacities == std::vector<std::int32_t>{3});
    CHECK(m.release == std::vector<std::int32_t>{0, 1});
    CHECK(m.due_date == std::vector<std::int32_t>{-1, -1});
    CHECK(m.job_offsets == std::vector<std::int32_t>{0, 4, 7});
    CHECK(m.successor_indices[m.successor_offsets[4]] == 5);  // project 2's job 1 -> its job 2 (flat 5)
    // Hand-computed: project 1 CPM = max(2, 3) = 3 (jobs 2 and 3 in parallel); project 2 = release 1 + 4 = 5.
    const std::vector<std::int32_t> starts{0, 0, 2, 5, 1, 1, 5};  // jobs 2 and 3 cannot overlap (2+2 > 3)
    CHECK(check_multiproject(m, starts).empty());
    const MultiProjectObjectives o = evaluate(m, starts);
    CHECK(o.project_cpm_finish == std::vector<std::int32_t>{3, 5});
    CHECK(o.project_finish == std::vector<std::int32_t>{5, 5});
    CHECK(o.total_project_delay == 2);
    CHECK(o.total_makespan == 5);
    const std::vector<std::int32_t> overlap{0, 0, 0, 3, 1, 1, 5};
    CHECK_FALSE(check_multiproject(m, overlap).empty());
}

TEST_CASE("multiproject: malformed MPLIB input names the line") {
    std::string bad = kSmallRcmp;
    bad.replace(bad.find("1:4"), 3, "1:x");
    CHECK(parse_error_line([&] { (void)parse_mplib(bad, "bad.rcmp"); }) == 8);
    std::string cross = kSmallRcmp;
    cross.replace(cross.find("2:3"), 3, "1:3");  // successors never cross projects in MPLIB
    CHECK(parse_error_line([&] { (void)parse_mplib(cross, "bad.rcmp"); }) == 14);
    std::string over = kSmallRcmp;
    over.replace(over.find("4 1 1"), 5, "4 9 1");  // demand above capacity
    CHECK(parse_error_line([&] { (void)parse_mplib(over, "bad.rcmp"); }) == 14);
    CHECK(parse_error_line([&] { (void)parse_mplib("2\n1\n3\n4 0\n", "short.rcmp"); }) > 0);
    CHECK_THROWS_AS(read_multiproject("nowhere.txt"), ParseError);
}

TEST_CASE("multiproject: levelling the small instance as a portfolio is feasible and optimal") {
    const MultiProjectInstance m = parse_mplib(kSmallRcmp, "small.rcmp");
    const MultiProjectResult r = level_multiproject(m);
    CHECK(check_multiproject(m, r.start_times).empty());
    // TPD 2 is optimal: jobs 2 and 3 of project 1 (demand 2 each, capacity 3) cannot overlap.
    CHECK(r.objectives.total_project_delay == 2);
}

TEST_CASE("multiproject: MPSPLIB mp_j30_a5_nr4 reaches the optimum TMS 76, TPD 0") {
    if (!test::have_shared("multiproject/mpsplib/mp_j30_a5_nr4/mp_j30_a5_nr4.xml")) return;
    const MultiProjectInstance m = read_multiproject(test::shared_data() / "multiproject/mpsplib/mp_j30_a5_nr4/mp_j30_a5_nr4.xml");
    CHECK(m.num_projects() == 5);
    CHECK(m.num_jobs() == 160);
    CHECK(m.release == std::vector<std::int32_t>{0, 7, 11, 15, 18});
    CHECK(m.capacities.size() == 3 + 5);  // R1-R3 global, R4 local to each project
    const MultiProjectResult r = level_multiproject(m);
    CHECK(check_multiproject(m, r.start_times).empty());
    CHECK(r.objectives.project_cpm_finish == std::vector<std::int32_t>{41, 64, 60, 76, 69});  // reference.csv
    CHECK(r.objectives.total_makespan == 76);
    CHECK(r.objectives.total_project_delay == 0);
}

TEST_CASE("multiproject: MPLIB1_Set1_0 levels feasibly within the reference bounds") {
    if (!test::have_shared("multiproject/mplib/MPLIB1_Set1_0.rcmp")) return;
    const MultiProjectInstance m = read_multiproject(test::shared_data() / "multiproject/mplib/MPLIB1_Set1_0.rcmp");
    CHECK(m.num_jobs() == 372);
    MultiProjectLevelOptions opt;
    opt.level.passes = 64;
    const MultiProjectResult r = level_multiproject(m, opt);
    CHECK(check_multiproject(m, r.start_times).empty());
    CHECK(r.objectives.tms_lower_bound == 292);  // reference.csv: tms_lb
    CHECK(r.objectives.total_makespan >= 292);
    // The reference baseline (serial SGS, LST/LFT/EST + 300 random LST samples): TPD 1147.
    CHECK(r.objectives.total_project_delay <= 1147);
    const MultiProjectInstance due = read_multiproject(test::shared_data() / "multiproject/mplib/MPLIB1_Set1_0_due_date.rcmp");
    CHECK(due.due_date == std::vector<std::int32_t>{113, 96, 117, 138, 216, 233});
}

TEST_CASE("multiproject: level on MPLIB1_Set1_0 matches the combined-instance GA on TMS and beats it on TPD") {
    // Issue 18: the multi-project instances through `level` reach a total makespan and a total
    // project delay at least as good as the RCPSP GA on the combined instance, same seed and budget.
    if (!test::have_shared("multiproject/mplib/MPLIB1_Set1_0.rcmp")) return;
    const MultiProjectInstance m = read_multiproject(test::shared_data() / "multiproject/mplib/MPLIB1_Set1_0.rcmp");
    MultiProjectLevelOptions opt;
    opt.level.schedules = 5000;
    opt.level.objective = LevelObjective::portfolio_finish;
    opt.rcpsp_schedules = 5000;
    const MultiProjectResult finish = level_multiproject(m, opt);
    REQUIRE(check_multiproject(m, finish.start_times).empty());
    const MultiProjectObjectives& ga = finish.ga_objectives;
    const MultiProjectObjectives& lv = finish.level_objectives;
    // The combined GA itself ends at 318 or 319 across seeds 1-5: one period is its seed spread.
    CHECK(lv.total_makespan <= ga.total_makespan + 1);
    CHECK(lv.total_project_delay <= ga.total_project_delay);
    opt.level.objective = LevelObjective::total_project_delay;
    opt.rcpsp_schedules = 0;
    const MultiProjectResult delay = level_multiproject(m, opt);
    REQUIRE(check_multiproject(m, delay.start_times).empty());
    CHECK(delay.objectives.total_project_delay < ga.total_project_delay);
    CHECK(delay.objectives.total_project_delay <= lv.total_project_delay);
}
