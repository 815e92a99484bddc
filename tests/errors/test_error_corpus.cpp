// The malformed-input corpus (issue 8, "Hardening"; docs/errors.md): every file under corpus/ is
// read by its reader and must fail with the error type, code, line and message phrase listed in
// expectations.tsv (generated with the corpus by make_corpus.py, lines known by construction).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "ppm/core/error.hpp"
#include "read_any.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(PPM_SOURCE_DIR) / "tests" / "errors";

struct Expectation {
    std::string file, reader, type, code;
    long line = -1;
    std::string phrase;
};

std::vector<Expectation> load_expectations() {
    std::ifstream in(kDir / "expectations.tsv");
    std::vector<Expectation> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t')) cols.push_back(col);
        if (cols.size() == 5) cols.emplace_back();  // empty phrase
        REQUIRE(cols.size() == 6);
        rows.push_back({cols[0], cols[1], cols[2], cols[3], std::stol(cols[4]), cols[5]});
    }
    return rows;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("errors: the corpus holds at least 50 malformed inputs over every format, each listed once") {
    const auto rows = load_expectations();
    CHECK(rows.size() >= 50);
    std::set<std::string> listed, readers;
    for (const auto& r : rows) {
        CHECK(listed.insert(r.file).second);
        readers.insert(r.reader);
    }
    for (const char* reader : {"json", "mspdi", "pmxml", "xer", "mpx", "psplib", "psplib_max", "selection", "control"})
        CHECK(readers.count(reader) == 1);
    for (const auto& e : fs::directory_iterator(kDir / "corpus")) {
        INFO(e.path().filename().string());
        CHECK(listed.count(e.path().filename().string()) == 1);
    }
}

TEST_CASE("errors: every corpus file fails with its documented type, code and line") {
    const auto rows = load_expectations();
    REQUIRE(!rows.empty());
    for (const auto& r : rows) {
        DYNAMIC_SECTION(r.file) {
            const fs::path path = kDir / "corpus" / r.file;
            REQUIRE(fs::exists(path));
            const std::string text = slurp(path);
            std::string type = "none", code, message, where;
            long line = -2;
            bool known_reader = true;
            try {
                known_reader = ppm::test::read_any(r.reader, text, r.file);
            } catch (const ppm::ParseError& e) {
                type = "ParseError";
                code = std::string(ppm::to_string(e.code()));
                message = e.what();
                line = static_cast<long>(e.line());
                CHECK(e.path() == r.file);  // the message names the file
            } catch (const ppm::ModelError& e) {
                type = "ModelError";
                code = std::string(ppm::to_string(e.code()));
                message = e.what();
            } catch (const std::exception& e) {
                type = std::string("other: ") + e.what();
            }
            CHECK(known_reader);
            INFO("file " << r.file << " -> " << type << " / " << code << " / line " << line << ": " << message);
            CHECK(type == r.type);
            CHECK(code == r.code);
            if (r.line >= 0) CHECK(line == r.line);
            CHECK(message.find(r.phrase) != std::string::npos);
        }
    }
}
