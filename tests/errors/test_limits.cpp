// Hostile inputs against ppm::ReadLimits (docs/limits.md): each gets ParseError limit_exceeded
// naming the limit to raise, quickly and without exhausting memory; raising the limit accepts the
// same input. The inputs are generated in memory (some are tens of megabytes).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "ppm/core/error.hpp"
#include "read_any.hpp"

namespace {

namespace fs = std::filesystem;

std::string seed(const std::string& relative) {
    std::ifstream in(fs::path(PPM_SOURCE_DIR) / "fuzz" / "seeds" / relative, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs the reader and returns the limit_exceeded error's message ("" when it did not throw one).
std::string limit_message(std::string_view reader, const std::string& text, const ppm::ReadLimits& limits = {}) {
    try {
        ppm::test::read_any(reader, text, "hostile", limits);
    } catch (const ppm::ParseError& e) {
        if (e.code() == ppm::ErrorCode::limit_exceeded) return e.what();
        FAIL("expected limit_exceeded, got " << ppm::to_string(e.code()) << ": " << e.what());
    }
    return {};
}

const char* kJson = R"({"format": "ppm", "version": 1, "portfolio": {"id": "PF", "projects": [{"id": "P",
  "start": "2026-01-05T08:00", "tasks": [{"id": "A", "duration": "1d"}, {"id": "B", "duration": "2d"}]}]}})";

}  // namespace

TEST_CASE("errors: limits - a giant XER line is rejected by max_string_length") {
    std::string text = "ERMHDR\t8.2\n%T\tTASK\n%F\ttask_id\n%R\t";
    text.append(std::size_t{17} * 1024 * 1024, 'x');  // one 17 MiB field, default limit 16 MiB
    const std::string msg = limit_message("xer", text);
    CHECK(msg.find("max_string_length") != std::string::npos);
    CHECK(msg.find("hostile:4") != std::string::npos);  // path:line
}

TEST_CASE("errors: limits - millions of empty fields are rejected by max_records before any is stored") {
    std::string text = "MPX,Microsoft Project for Windows,4.0,ANSI\n70";
    text.append(std::size_t{11'000'000}, ',');  // 11 M fields, default 10 M records
    const std::string msg = limit_message("mpx", text);
    CHECK(msg.find("max_records") != std::string::npos);
}

TEST_CASE("errors: limits - nesting depth of JSON and XML") {
    ppm::ReadLimits shallow;
    shallow.max_nesting_depth = 3;
    CHECK(limit_message("json", kJson).empty());
    CHECK(limit_message("json", kJson, shallow).find("max_nesting_depth") != std::string::npos);
    const std::string xml = seed("mspdi/mspdiavailability.xml");
    CHECK(limit_message("mspdi", xml).empty());
    CHECK(limit_message("mspdi", xml, shallow).find("max_nesting_depth") != std::string::npos);
    // 100 000 levels: rejected by the default limit without deep recursion anywhere.
    const std::string deep_json = std::string(100000, '[') + std::string(100000, ']');
    CHECK(limit_message("json", deep_json).find("max_nesting_depth") != std::string::npos);
    std::string deep_xml = "<Project>";
    for (int i = 0; i < 100000; ++i) deep_xml += "<a>";
    for (int i = 0; i < 100000; ++i) deep_xml += "</a>";
    deep_xml += "</Project>";
    CHECK(limit_message("mspdi", deep_xml).find("max_nesting_depth") != std::string::npos);
}

TEST_CASE("errors: limits - task counts over every reader") {
    ppm::ReadLimits one;  // every file below has at least one task (most have more)
    one.max_tasks = 0;
    CHECK(limit_message("json", kJson, one).find("max_tasks") != std::string::npos);
    CHECK(limit_message("mspdi", seed("mspdi/DefaultDurationFormat.xml"), one).find("max_tasks") != std::string::npos);
    CHECK(limit_message("pmxml", seed("pmxml/PredecessorCalendar.xml"), one).find("max_tasks") != std::string::npos);
    CHECK(limit_message("xer", seed("xer/resource-rates-test.xer"), one).find("max_tasks") != std::string::npos);
    CHECK(limit_message("mpx", seed("mpx/sample1.mpx"), one).find("max_tasks") != std::string::npos);
    CHECK(limit_message("psplib", seed("psplib/j3010_1.sm"), one).find("max_tasks") != std::string::npos);
    CHECK(limit_message("psplib_max", seed("psplib_max/PSP1.SCH"), one).find("max_tasks") != std::string::npos);
    // The defaults accept the same files.
    CHECK(limit_message("psplib", seed("psplib/j3010_1.sm")).empty());
    CHECK(limit_message("xer", seed("xer/resource-rates-test.xer")).empty());
}

TEST_CASE("errors: limits - file size, element count and resources") {
    ppm::ReadLimits tiny;
    tiny.max_file_bytes = 100;
    CHECK(limit_message("pmxml", seed("pmxml/PredecessorCalendar.xml"), tiny).find("max_file_bytes") != std::string::npos);
    CHECK(limit_message("json", kJson, tiny).find("max_file_bytes") != std::string::npos);
    ppm::ReadLimits few;
    few.max_records = 50;
    CHECK(limit_message("mspdi", seed("mspdi/mspdiavailability.xml"), few).find("max_records") != std::string::npos);
    CHECK(limit_message("json", kJson, few).empty());  // ~20 values
    ppm::ReadLimits two;
    two.max_resources = 2;  // j3010_1.sm has 4 renewable resources
    CHECK(limit_message("psplib", seed("psplib/j3010_1.sm"), two).find("max_resources") != std::string::npos);
}

TEST_CASE("errors: limits - read_*_file checks the size before reading") {
    const fs::path path = fs::temp_directory_path() / "ppm_errors_limits.xer";
    {
        std::ofstream out(path, std::ios::binary);
        out << seed("xer/resource-rates-test.xer");
    }
    ppm::ReadLimits tiny;
    tiny.max_file_bytes = 10;
    try {
        (void)ppm::read_xer_file(path, tiny);
        FAIL("no error");
    } catch (const ppm::ParseError& e) {
        CHECK(e.code() == ppm::ErrorCode::limit_exceeded);
        CHECK(e.path() == path.string());
    }
    CHECK_NOTHROW(ppm::read_xer_file(path));
    fs::remove(path);
}

TEST_CASE("errors: limits - gigantic numbers are typed errors, not overflow") {
    for (const char* value : {"1e308", "-1e308", "99999999999999999999", "1e-400", "9223372036854775807"}) {
        std::string text = kJson;
        const auto at = text.find("\"1d\"");
        text.replace(at, 4, value);
        INFO(value);
        try {
            (void)ppm::read_json(text, "big.json");
            FAIL("accepted a task duration of " << value);
        } catch (const ppm::ParseError& e) {
            CHECK(e.code() == ppm::ErrorCode::unexpected);
            CHECK(e.line() == 2);
        }
    }
}
