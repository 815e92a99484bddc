// The CSR network's CPM passes on hand-computed examples.
#include <catch2/catch.hpp>

#include "ppm/core/error.hpp"
#include "ppm/risk/simulation_network.hpp"

using namespace ppm;

TEST_CASE("risk: network forward/backward passes with all link types and lags") {
    // 0 (10) -FS+5-> 1 (20); 0 -SS+2-> 2 (4); 1 -FF+0-> 3 (6); 2 -SF+30-> 4 (10)
    // ES: 0:0; 1: 15 (EF 35); 2: 2 (EF 6); 3: FF -> EF >= 35 -> ES 29 (EF 35); 4: SF: EF >= 2 + 30 -> ES 22, EF 32.
    // Finish 35. Backward: LF4 = 35; LF3 = 35; LF2: SF -> LS2 <= LF4 - 30 = 5 -> LF2 = 9;
    // LF1 = LF3 - 0 = 35; LF0 = min(LS1 - 5 = 10, SS: LS2 - 2 + d0 = 5 - 2 + 10 = 13) = 10.
    const std::vector<NetworkLink> links{{0, 1, LinkType::finish_start, 5}, {0, 2, LinkType::start_start, 2},
                                         {1, 3, LinkType::finish_finish, 0}, {2, 4, LinkType::start_finish, 30}};
    const auto net = SimulationNetwork::build(5, links);
    auto ws = net.make_workspace();
    const std::int64_t d[] = {10, 20, 4, 6, 10};
    for (std::uint32_t t = 0; t < 5; ++t) ws.duration[net.position(t)] = d[t];
    const auto finish = net.forward(ws);
    CHECK(finish == 35);
    auto es = [&](std::uint32_t t) { return ws.early_start[net.position(t)]; };
    auto lf = [&](std::uint32_t t) { return ws.late_finish[net.position(t)]; };
    CHECK(es(1) == 15);
    CHECK(es(2) == 2);
    CHECK(es(3) == 29);
    CHECK(es(4) == 22);
    net.backward(ws, finish);
    CHECK(lf(4) == 35);
    CHECK(lf(3) == 35);
    CHECK(lf(2) == 9);
    CHECK(lf(1) == 35);
    CHECK(lf(0) == 10);
}

TEST_CASE("risk: network release times and cycle detection") {
    const std::vector<std::int64_t> release{0, 100};
    const std::vector<NetworkLink> one{{0, 1, LinkType::finish_start, 0}};
    const auto net = SimulationNetwork::build(2, one, release);
    auto ws = net.make_workspace();
    ws.duration[net.position(0)] = 10;
    ws.duration[net.position(1)] = 5;
    CHECK(net.forward(ws) == 105);

    const std::vector<NetworkLink> cyc{{0, 1, LinkType::finish_start, 0}, {1, 2, LinkType::finish_start, 0},
                                       {2, 1, LinkType::finish_start, 0}};
    try {
        (void)SimulationNetwork::build(3, cyc);
        FAIL("expected a cycle");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::cycle);
        CHECK(e.ids().size() == 2);
    }
    const std::vector<NetworkLink> bad{{0, 7, LinkType::finish_start, 0}};
    CHECK_THROWS_AS(SimulationNetwork::build(2, bad), ModelError);
}

TEST_CASE("risk: network finish-start-only loop equals the general loop") {
    // An all-FS network takes the specialised passes; the same network plus one start-start link
    // that can never bind (lag -10^9 minutes) takes the general ones. Dates must agree per task.
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        std::uint64_t state = seed * 0x9E3779B97F4A7C15ULL;
        auto next = [&](std::uint64_t bound) {
            state ^= state << 13, state ^= state >> 7, state ^= state << 17;  // xorshift64
            return state % bound;
        };
        const std::uint32_t n = 50 + static_cast<std::uint32_t>(next(200));
        std::vector<NetworkLink> links;
        std::vector<std::int64_t> release(n, 0);
        for (std::uint32_t j = 1; j < n; ++j) {
            for (std::uint64_t k = next(4); k > 0; --k)
                links.push_back({static_cast<std::uint32_t>(next(j)), j, LinkType::finish_start, static_cast<std::int64_t>(next(200)) - 60});
            if (next(10) == 0) release[j] = static_cast<std::int64_t>(next(5000));
        }
        const auto fs_only = SimulationNetwork::build(n, links, release);
        links.push_back({0, n - 1, LinkType::start_start, -1'000'000'000});
        const auto mixed = SimulationNetwork::build(n, links, release);
        auto a = fs_only.make_workspace();
        auto b = mixed.make_workspace();
        for (std::uint32_t t = 0; t < n; ++t) a.duration[fs_only.position(t)] = b.duration[mixed.position(t)] = static_cast<std::int64_t>(next(1000));
        const auto fa = fs_only.forward(a), fb = mixed.forward(b);
        REQUIRE(fa == fb);
        fs_only.backward(a, fa);
        mixed.backward(b, fb);
        for (std::uint32_t t = 0; t < n; ++t) {
            INFO("seed " << seed << " task " << t);
            REQUIRE(a.early_start[fs_only.position(t)] == b.early_start[mixed.position(t)]);
            REQUIRE(a.late_finish[fs_only.position(t)] == b.late_finish[mixed.position(t)]);
        }
    }
}
