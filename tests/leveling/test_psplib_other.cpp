// Multi-mode (.mm) and RCPSP/max (.sch) readers on the shared sets, and the RCPSP/max temporal
// analysis checked against the published optimum tables (kobe-scheduling optimum.csv).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "ppm/core/error.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/leveling/rcpsp_max.hpp"
#include "test_support.hpp"

using namespace ppm;

namespace {

std::map<std::string, std::string> read_csv_column(const std::filesystem::path& path, std::size_t key, std::size_t value) {
    std::map<std::string, std::string> out;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string f;
        while (std::getline(ss, f, ',')) fields.push_back(f);
        if (fields.size() > std::max(key, value)) out[fields[key]] = fields[value];
    }
    return out;
}

// A hand-made .sch file: 2 real activities, 1 resource; activity 2 must start within 1 period
// after activity 1 starts (maximum lag, the arc 2 -> 1 with lag -1) and at least 2 after it.
const char* const kSch = "2\t1\t0\t0\n"
                         "0\t1\t2\t1\t2\t[0]\t[0]\n"
                         "1\t1\t2\t2\t3\t[2]\t[3]\n"
                         "2\t1\t2\t1\t3\t[-1]\t[1]\n"
                         "3\t1\t0\n"
                         "0\t1\t0\t0\n"
                         "1\t1\t3\t1\n"
                         "2\t1\t1\t1\n"
                         "3\t1\t0\t0\n"
                         "1\n";

}  // namespace

TEST_CASE("psplib max: a hand-written .sch file and its positive cycle") {
    const RcpspMaxProject p = parse_psplib_max(kSch, "hand.sch");
    CHECK(p.num_jobs == 4);
    CHECK(p.durations == std::vector<std::int32_t>{0, 3, 1, 0});
    CHECK(p.capacities == std::vector<std::int32_t>{1});
    REQUIRE(p.arcs.size() == 6);
    // S2 >= S1 + 2 and S1 >= S2 - 1 cannot both hold: cycle 1 -> 2 -> 1 of length 2 - 1 = 1 > 0.
    const TemporalAnalysis t = temporal_analysis(p);
    CHECK_FALSE(t.feasible);
    CHECK(t.positive_cycle.size() == 2);
    // With the maximum lag relaxed to -3 the network is consistent: S1 = 0, S2 = 2, sink at 3.
    std::string relaxed = kSch;
    relaxed.replace(relaxed.find("[-1]"), 4, "[-3]");
    const TemporalAnalysis ok = temporal_analysis(parse_psplib_max(relaxed, "ok.sch"));
    CHECK(ok.feasible);
    CHECK(ok.earliest_start == std::vector<std::int32_t>{0, 0, 2, 3});
    CHECK(ok.makespan_bound == 3);
}

TEST_CASE("psplib max: malformed .sch files name the line") {
    auto line_of = [](std::string text) -> std::int64_t {
        try {
            (void)parse_psplib_max(text, "bad.sch");
        } catch (const ParseError& e) {
            return e.line();
        }
        return -1;
    };
    std::string bad = kSch;
    CHECK(line_of(bad.replace(bad.find("[3]"), 3, "[x]")) == 3);
    bad = kSch;
    CHECK(line_of(bad.replace(bad.find("2\t1\t1\t1\n"), 8, "2\t1\t1\n")) == 8);
    bad = kSch;
    CHECK(line_of(bad.substr(0, bad.rfind("1\n"))) == 10);  // capacities missing at the end
}

TEST_CASE("psplib max: every .sch file reads, temporal infeasibility only where the table says unsat") {
    for (const char* set : {"j10", "j20", "j30"}) {
        const std::string dir = std::string("psplib/rcpsp-max/") + set;
        if (!test::have_shared(dir + "/optimum.csv")) continue;
        const auto table = read_csv_column(test::shared_data() / dir / "optimum.csv", 0, 1);
        int files = 0, infeasible = 0;
        for (const auto& entry : std::filesystem::directory_iterator(test::shared_data() / dir / "instances")) {
            const RcpspMaxProject p = read_psplib_max(entry.path());
            const TemporalAnalysis t = temporal_analysis(p);
            const std::string name = entry.path().filename().string();
            INFO(name);
            REQUIRE(table.count(name) == 1);
            const std::string& known = table.at(name);
            if (!t.feasible) {
                ++infeasible;
                CHECK(known == "unsat");  // a positive cycle proves infeasibility
            } else if (known != "unsat" && known.find("..") == std::string::npos) {
                CHECK(t.makespan_bound <= std::stoi(known));  // a valid lower bound
            }
            ++files;
        }
        CHECK(files == 270);
        // In these sets every "unsat" instance is temporally consistent (infeasible only with
        // resources), so the analysis must find no positive cycle at all.
        CHECK(infeasible == 0);
    }
}

TEST_CASE("psplib mm: every j10 .mm file reads with three modes per real job") {
    const std::string dir = "psplib/mrcpsp/j10/instances";
    if (!test::have_shared(dir)) return;
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(test::shared_data() / dir)) {
        const PsplibProject p = read_psplib(entry.path());
        INFO(entry.path().string());
        CHECK(p.num_jobs == 12);
        CHECK(p.num_modes(0) == 1);
        CHECK(p.num_modes(p.num_jobs - 1) == 1);
        for (std::int32_t j = 1; j + 1 < p.num_jobs; ++j) CHECK(p.num_modes(j) == 3);
        CHECK(p.nonrenewable_capacities.size() == 2);
        ++files;
    }
    CHECK(files == 536);
}
