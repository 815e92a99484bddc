// PSPLIB reader tests: real files from ../shared/data/psplib (Kolisch & Sprecher 1997) and
// malformed snippets whose error must name the line.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "ppm/core/error.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/leveling/priority_rules.hpp"
#include "test_support.hpp"

using namespace ppm;

namespace {

// A minimal well-formed single-mode file: 4 jobs, 1 resource (values chosen by hand).
const char* const kSmall = R"(************************************************************************
file with basedata            : hand.bas
initial value random generator: 1
************************************************************************
projects                      :  1
jobs (incl. supersource/sink ):  4
horizon                       :  5
RESOURCES
  - renewable                 :  1   R
  - nonrenewable              :  0   N
  - doubly constrained        :  0   D
************************************************************************
PROJECT INFORMATION:
pronr.  #jobs rel.date duedate tardcost  MPM-Time
    1      2      0        3        1        3
************************************************************************
PRECEDENCE RELATIONS:
jobnr.    #modes  #successors   successors
   1        1          2           2   3
   2        1          1           4
   3        1          1           4
   4        1          0
************************************************************************
REQUESTS/DURATIONS:
jobnr. mode duration  R 1
------------------------------------------------------------------------
  1      1     0       0
  2      1     3       2
  3      1     2       2
  4      1     0       0
************************************************************************
RESOURCEAVAILABILITIES:
  R 1
    3
************************************************************************
)";

std::string replace_line(std::string text, int line_number, const std::string& replacement) {
    std::size_t pos = 0;
    for (int i = 1; i < line_number; ++i) pos = text.find('\n', pos) + 1;
    const std::size_t end = text.find('\n', pos);
    return text.replace(pos, end - pos, replacement);
}

std::int64_t error_line(const std::string& text) {
    try {
        (void)parse_psplib(text, "bad.sm");
    } catch (const ParseError& e) {
        CHECK(e.path() == "bad.sm");
        return e.line();
    }
    FAIL("no ParseError thrown");
    return -1;
}

}  // namespace

TEST_CASE("psplib: a hand-written .sm file reads into the expected arrays") {
    const PsplibProject p = parse_psplib(kSmall, "hand.sm");
    CHECK(p.num_jobs == 4);
    CHECK(p.horizon == 5);
    CHECK(p.mpm_time == 3);
    CHECK(p.due_date == 3);
    CHECK(p.mode_durations == std::vector<std::int32_t>{0, 3, 2, 0});
    CHECK(p.renewable_capacities == std::vector<std::int32_t>{3});
    CHECK(p.successor_offsets == std::vector<std::int32_t>{0, 2, 3, 4, 4});
    CHECK(p.successor_indices == std::vector<std::int32_t>{1, 2, 3, 3});
    const RcpspInstance inst = to_rcpsp_instance(p);
    CHECK(inst.num_jobs() == 4);
    CHECK(inst.demand(1, 0) == 2);
    // Finish-to-start becomes a start-to-start lag equal to the predecessor's duration.
    REQUIRE(inst.successors(1).size() == 1);
    CHECK(inst.successor_lags(1)[0] == 3);
    CHECK(time_windows(inst).critical_path_length == p.mpm_time);
}

TEST_CASE("psplib: malformed files name the offending line") {
    const std::string good = kSmall;
    // Line numbers refer to kSmall above (1-based).
    CHECK(error_line(replace_line(good, 6, "jobs (incl. supersource/sink ):  x4")) == 6);
    CHECK(error_line(replace_line(good, 20, "   2        1          2           4")) == 20);  // 2 successors announced, 1 given
    CHECK(error_line(replace_line(good, 21, "   3        1          1           9")) == 21);  // successor out of range
    CHECK(error_line(replace_line(good, 22, "   7        1          0")) == 22);              // wrong job number
    CHECK(error_line(replace_line(good, 28, "  2      1     3       2   5")) == 28);        // one demand too many
    CHECK(error_line(replace_line(good, 29, "  3      1     two     2")) == 29);            // not an integer
    CHECK(error_line(replace_line(good, 34, "    3   4")) == 34);                            // availability count
    CHECK(error_line(replace_line(good, 11, "  - doubly constrained        :  1   D")) == 11);
    // A truncated file reports what was expected at its end.
    const std::string truncated = good.substr(0, good.find("REQUESTS/DURATIONS"));
    try {
        (void)parse_psplib(truncated, "cut.sm");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(std::string(e.detail()).find("REQUESTS/DURATIONS") != std::string::npos);
    }
}

TEST_CASE("psplib: a missing file is an io ParseError") {
    try {
        (void)read_psplib("/nonexistent/x.sm");
        FAIL("no error");
    } catch (const ParseError& e) {
        CHECK(e.code() == ErrorCode::io);
    }
}

TEST_CASE("psplib: j301_1.sm matches its header and MPM-Time") {
    if (!test::have_shared("psplib/j30/instances/j301_1.sm")) return;
    const PsplibProject p = read_psplib(test::shared_data() / "psplib/j30/instances/j301_1.sm");
    // Values as printed in the file itself (PSPLIB j30, instance 1 of parameter 1).
    CHECK(p.num_jobs == 32);
    CHECK(p.horizon == 158);
    CHECK(p.renewable_capacities == std::vector<std::int32_t>{12, 13, 4, 12});
    CHECK(p.num_modes(0) == 1);
    const RcpspInstance inst = to_rcpsp_instance(p);
    CHECK(inst.num_resources() == 4);
    CHECK(inst.successors(0).size() == 3);
    CHECK(time_windows(inst).critical_path_length == p.mpm_time);
}

TEST_CASE("psplib: every j30 and j60 file reads and its critical path equals MPM-Time") {
    for (const char* set : {"j30", "j60"}) {
        const std::string dir = std::string("psplib/") + set + "/instances";
        if (!test::have_shared(dir)) continue;
        int files = 0;
        for (const auto& entry : std::filesystem::directory_iterator(test::shared_data() / dir)) {
            const PsplibProject p = read_psplib(entry.path());
            const RcpspInstance inst = to_rcpsp_instance(p);
            INFO(entry.path().string());
            CHECK(time_windows(inst).critical_path_length == p.mpm_time);
            CHECK(inst.num_jobs() == p.num_jobs);
            ++files;
        }
        CHECK(files == 480);
    }
}

TEST_CASE("psplib: a multi-mode file reads its modes") {
    const std::string file = "psplib/mrcpsp/j10/instances/j1010_1.mm";
    if (!test::have_shared(file)) return;
    const PsplibProject p = read_psplib(test::shared_data() / file);
    CHECK(p.num_jobs == 12);
    CHECK(p.num_modes(1) == 3);  // PSPLIB j10 .mm: every real job has three modes
    CHECK(p.nonrenewable_capacities.size() == 2);
    CHECK(p.renewable_demands.size() == p.mode_durations.size() * p.renewable_capacities.size());
    CHECK_THROWS_AS(to_rcpsp_instance(p), ModelError);
    // Read as a single-mode instance, the error names the file (issue 23, point 8).
    try {
        (void)read_psplib_sm(test::shared_data() / file);
        FAIL("expected ModelError");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::unsupported);
        CHECK(std::string(e.what()).find("j1010_1.mm") != std::string::npos);
    }
}

TEST_CASE("psplib: solution tables read one row per instance") {
    if (!test::have_shared("psplib/j30/j30opt.sm")) return;
    const auto opt = read_psplib_solutions(test::shared_data() / "psplib/j30/j30opt.sm");
    CHECK(opt.size() == 480);
    CHECK(opt.front().parameter == 1);
    CHECK(opt.front().instance == 1);
    CHECK(opt.front().makespan == 43);  // first row of j30opt.sm (Demeulemeester & Herroelen)
    if (!test::have_shared("psplib/j60/j60hrs.sm")) return;
    CHECK(read_psplib_solutions(test::shared_data() / "psplib/j60/j60hrs.sm").size() == 480);
}
