// Serial / parallel SGS (Kolisch 1996), priority rules and justification (Valls et al. 2005),
// checked by the independent checker on hand-made, random and PSPLIB instances.
#include <catch2/catch.hpp>

#include "leveling_fixtures.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/leveling/lower_bounds.hpp"
#include "ppm/leveling/schedule_check.hpp"
#include "ppm/leveling/sgs.hpp"
#include "test_support.hpp"

using namespace ppm;

namespace {
const PriorityRule kRules[] = {PriorityRule::lft, PriorityRule::lst, PriorityRule::min_slack, PriorityRule::mts,
                               PriorityRule::grpw, PriorityRule::spt, PriorityRule::est};
}

TEST_CASE("sgs: serial SGS on the hand instance, computed by hand") {
    const RcpspInstance inst = test::hand_instance();
    // List 0,1,2,3,4: job 1 at 0 (2 of 3 units over [0,3)); job 2 needs 2, fits only from 3;
    // job 3 needs 1 and fits at 0; the sink starts at 5.
    const std::vector<std::int32_t> list{0, 1, 2, 3, 4};
    CHECK(serial_sgs(inst, list) == std::vector<std::int32_t>{0, 0, 3, 0, 5});
    // List 0,2,3,1,4: job 2 at 0, job 3 at 0 (3 units used over [0,2)), job 1 at 2; sink at 5.
    CHECK(serial_sgs(inst, std::vector<std::int32_t>{0, 2, 3, 1, 4}) == std::vector<std::int32_t>{0, 2, 0, 0, 5});
}

TEST_CASE("sgs: an infeasible activity list is rejected") {
    const RcpspInstance inst = test::hand_instance();
    CHECK_THROWS_AS(serial_sgs(inst, std::vector<std::int32_t>{1, 0, 2, 3, 4}), ModelError);
    CHECK_THROWS_AS(serial_sgs(inst, std::vector<std::int32_t>{0, 1, 1, 3, 4}), ModelError);
}

TEST_CASE("sgs: parallel SGS on the hand instance, computed by hand") {
    const RcpspInstance inst = test::hand_instance();
    // Priorities 1 < 2 < 3: at t=0 job 1 starts, job 2 does not fit, job 3 does; at t=2 (job 3
    // ends) job 2 still does not fit; at t=3 it starts.
    const std::vector<double> priority{0, 1, 2, 3, 4};
    CHECK(parallel_sgs(inst, priority) == std::vector<std::int32_t>{0, 0, 3, 0, 5});
}

TEST_CASE("sgs: every rule and scheme gives feasible schedules on random networks") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const RcpspInstance inst = test::random_instance(seed, 25, 3);
        const LowerBounds lb = lower_bounds(inst);
        for (PriorityRule rule : kRules)
            for (SgsScheme scheme : {SgsScheme::serial, SgsScheme::parallel}) {
                INFO("seed " << seed << " rule " << to_string(rule) << " scheme " << to_string(scheme));
                const auto starts = schedule_with_rule(inst, rule, scheme);
                const ScheduleCheck c = check_schedule(inst, starts);
                CHECK(c.feasible);
                CHECK(c.makespan >= lb.best);
                // Justification keeps feasibility and never lengthens (Valls et al. 2005, theorem 1).
                const auto justified = justify(inst, starts);
                const ScheduleCheck cj = check_schedule(inst, justified);
                CHECK(cj.feasible);
                CHECK(cj.makespan <= c.makespan);
            }
    }
}

TEST_CASE("sgs: the checker catches violations") {
    const RcpspInstance inst = test::hand_instance();
    // Jobs 1 and 2 overlap in [0,2): 4 units on a capacity of 3.
    const ScheduleCheck overlap = check_schedule(inst, std::vector<std::int32_t>{0, 0, 0, 3, 5});
    CHECK_FALSE(overlap.feasible);
    CHECK(overlap.capacity_violations == 2);
    // The sink before job 1 finishes.
    const ScheduleCheck early = check_schedule(inst, std::vector<std::int32_t>{0, 0, 3, 0, 2});
    CHECK_FALSE(early.feasible);
    CHECK(early.precedence_violations >= 1);
}

TEST_CASE("sgs: justification with a lead, computed by hand") {
    // A (2 periods) finish-to-finish onto B (5): S_B >= S_A - 3, a negative start-to-start lag, so
    // B may start first. B -> D finish-to-start, C (8) in parallel, no resource demands. From
    // A = 3, B = 0, C = 0, D = 5 (makespan 8) the backward pass must take B, A's successor, before
    // A (B is held early by D, so A can go no later than 3 + 0); an order by start alone would take
    // A first, put it at 6 (past B + 3) and the forward pass would then push B to 3 and finish at 11.
    RcpspData d;
    d.name = "lead";
    d.durations = {0, 2, 5, 8, 3, 0};
    d.capacities = {1};
    d.demands = {0, 0, 0, 0, 0, 0};
    d.arcs = {{0, 1, 0}, {0, 2, 0}, {0, 3, 0}, {1, 2, -3}, {2, 4, 5}, {1, 5, 2}, {3, 5, 8}, {4, 5, 3}};
    const RcpspInstance inst(d);
    const std::vector<std::int32_t> given = {0, 3, 0, 0, 5, 8};
    REQUIRE(check_schedule(inst, given).feasible);
    const std::vector<std::int32_t> out = justify(inst, given);
    const ScheduleCheck c = check_schedule(inst, out);
    CHECK(c.feasible);
    CHECK(c.makespan == 8);
    CHECK(out == std::vector<std::int32_t>{0, 0, 0, 0, 5, 8});
}

TEST_CASE("sgs: priority tiers, computed by hand") {
    // One resource of 1 unit. A (2 periods) and B (1) both need it; C (3, no demand) follows A.
    // The list A, B, C places A at 0, C at 2 and B at 2: makespan 5. With B a tier above A and C,
    // B is taken first as soon as it is eligible (at once): B at 0, A at 1, C at 3, makespan 6, for
    // every list (levelling by priority, as MS Project and P6 do).
    RcpspData d;
    d.name = "tiers";
    d.durations = {2, 1, 3};
    d.capacities = {1};
    d.demands = {1, 1, 0};
    add_finish_to_start(d, 0, 2);
    const RcpspInstance plain(d);
    CHECK(serial_sgs(plain, std::vector<std::int32_t>{0, 1, 2}) == std::vector<std::int32_t>{0, 2, 2});
    d.tiers = {0, 1, 0};
    const RcpspInstance tiered(d);
    for (const auto& list : {std::vector<std::int32_t>{0, 1, 2}, std::vector<std::int32_t>{0, 2, 1}, std::vector<std::int32_t>{1, 0, 2}})
        CHECK(serial_sgs(tiered, list) == std::vector<std::int32_t>{1, 0, 3});
    // A tier above B instead: the list's own order wins again.
    d.tiers = {1, 0, 0};
    CHECK(serial_sgs(RcpspInstance(d), std::vector<std::int32_t>{1, 0, 2}) == std::vector<std::int32_t>{0, 2, 2});
    d.tiers = {1, 0};
    CHECK_THROWS_AS(RcpspInstance(d), ModelError);  // one tier per job
}

TEST_CASE("sgs: priority rules on j30 files are feasible and justification helps on average") {
    const std::string dir = "psplib/j30/instances";
    if (!test::have_shared(dir)) return;
    long before = 0, after = 0;
    for (int parameter = 1; parameter <= 48; parameter += 3) {
        const RcpspInstance inst =
            read_psplib_sm(test::shared_data() / dir / ("j30" + std::to_string(parameter) + "_1.sm"));
        for (PriorityRule rule : kRules) {
            const auto starts = schedule_with_rule(inst, rule, SgsScheme::serial);
            REQUIRE(check_schedule(inst, starts).feasible);
            const auto justified = justify(inst, starts);
            REQUIRE(check_schedule(inst, justified).feasible);
            before += makespan(inst, starts);
            after += makespan(inst, justified);
        }
    }
    CHECK(after <= before);
}

TEST_CASE("sgs: the rules on a general network (level's calendar model), computed by hand") {
    // Four tasks: 0 -> 1 -> 3 and 0 -> 2 -> 3. Durations 2, 3, 1, 4; early starts 0, 2, 2, 5;
    // late starts 0, 2, 4, 5; late finishes 2, 5, 5, 9; total float 0, 0, 2, 0.
    const std::vector<std::int64_t> es{0, 2, 2, 5}, ls{0, 2, 4, 5}, lf{2, 5, 5, 9}, total_float{0, 0, 2, 0}, duration{2, 3, 1, 4};
    const std::vector<std::uint32_t> offsets{0, 2, 3, 4, 4}, successors{1, 2, 3, 3};
    const NetworkRuleInputs in{.earliest_start = es, .latest_start = ls, .latest_finish = lf, .total_float = total_float,
                               .duration = duration, .successor_offsets = offsets, .successors = successors};
    std::vector<double> v(4);
    priority_values(PriorityRule::min_slack, in, v);  // float first, ties by earliest start: 0, 1, 3, then 2
    CHECK(v[0] < v[1]);
    CHECK(v[1] < v[3]);
    CHECK(v[3] < v[2]);
    priority_values(PriorityRule::lst, in, v);  // latest starts 2, 4, 5 for tasks 1, 2, 3
    CHECK(v[1] < v[2]);
    CHECK(v[2] < v[3]);
    priority_values(PriorityRule::lft, in, v);  // 1 and 2 both finish at 5: the earliest start (both 2), then index
    CHECK(v[1] == Approx(v[2]));
    CHECK(v[0] < v[1]);
    priority_values(PriorityRule::grpw, in, v);  // minus own duration plus direct successors'
    CHECK(v == std::vector<double>{-6, -7, -5, -4});
    priority_values(PriorityRule::spt, in, v);
    CHECK(v == std::vector<double>{2, 3, 1, 4});
    priority_values(PriorityRule::mts, in, v);  // minus the transitive successors: 3, 1, 1, 0
    CHECK(v == std::vector<double>{-3, -1, -1, 0});
    priority_values(PriorityRule::est, in, v);  // earliest start, ties by float: 1 (float 0) before 2 (float 2)
    CHECK(v[1] < v[2]);
    CHECK(v[0] < v[1]);
}
