// RcpspInstance validation and CSR structure.
#include <catch2/catch.hpp>

#include "leveling_fixtures.hpp"
#include "ppm/core/error.hpp"
#include "ppm/leveling/lower_bounds.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"

using namespace ppm;

TEST_CASE("rcpsp instance: CSR in both directions and a topological order") {
    const RcpspInstance inst = test::hand_instance();
    CHECK(inst.num_jobs() == 5);
    CHECK(inst.num_arcs() == 6);
    CHECK(inst.successors(0).size() == 3);
    CHECK(inst.predecessors(4).size() == 3);
    for (std::int32_t j = 0; j < inst.num_jobs(); ++j)
        for (std::int32_t s : inst.successors(j)) CHECK(inst.topological_rank()[j] < inst.topological_rank()[s]);
    CHECK(inst.horizon() >= 3 + 2 + 2);
}

TEST_CASE("rcpsp instance: a cycle is a ModelError naming its members") {
    RcpspData d;
    d.durations = {1, 1, 1};
    d.capacities = {1};
    d.demands = {1, 1, 1};
    add_finish_to_start(d, 0, 1);
    add_finish_to_start(d, 1, 2);
    add_finish_to_start(d, 2, 1);
    try {
        RcpspInstance bad(std::move(d));
        FAIL("no error");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::cycle);
        CHECK(e.ids().size() == 2);  // jobs "2" and "3"
        CHECK(std::find(e.ids().begin(), e.ids().end(), "2") != e.ids().end());
        CHECK(std::find(e.ids().begin(), e.ids().end(), "3") != e.ids().end());
    }
}

TEST_CASE("rcpsp instance: bad values are typed errors") {
    auto base = [] {
        RcpspData d;
        d.durations = {0, 2, 0};
        d.capacities = {3};
        d.demands = {0, 2, 0};
        return d;
    };
    {
        RcpspData d = base();
        d.demands[1] = 4;  // above capacity 3
        CHECK_THROWS_AS(RcpspInstance(std::move(d)), ModelError);
    }
    {
        RcpspData d = base();
        d.durations[1] = -1;
        try {
            RcpspInstance bad(std::move(d));
            FAIL("no error");
        } catch (const ModelError& e) {
            CHECK(e.code() == ErrorCode::negative_duration);
        }
    }
    {
        RcpspData d = base();
        d.arcs.push_back(RcpspArc{.from = 0, .to = 7, .lag = 0});
        CHECK_THROWS_AS(RcpspInstance(std::move(d)), ModelError);
    }
    {
        RcpspData d = base();
        d.demands.pop_back();
        CHECK_THROWS_AS(RcpspInstance(std::move(d)), ModelError);
    }
}

TEST_CASE("rcpsp instance: lower bounds of the hand instance") {
    // Hand-computed (see leveling_fixtures.hpp): critical path 3, energy ceil(12 / 3) = 4.
    const LowerBounds b = lower_bounds(test::hand_instance());
    CHECK(b.critical_path == 3);
    CHECK(b.energy == 4);
    CHECK(b.best == 4);
}
