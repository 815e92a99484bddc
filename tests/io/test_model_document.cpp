// read_model_document / read_json_document: one read gives the portfolio, the control sections and
// the import warnings (issue 20, "one read returning portfolio + control + warnings").
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "ppm/core/error.hpp"
#include "ppm/io/control_json.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/text_file.hpp"

using namespace ppm;
namespace fs = std::filesystem;

namespace {
const fs::path kSample = fs::path(PPM_SOURCE_DIR) / "tests/evm/data/control_sample.json";

fs::path temp_file(const std::string& name, const std::string& text) {
    const fs::path p = fs::temp_directory_path() / name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
}
}  // namespace

TEST_CASE("model document: a ppm JSON file gives its portfolio and control sections from one read") {
    const ModelDocument doc = read_model_document(kSample);
    const std::string text = read_text_file(kSample);
    // The same values as the two separate readers give.
    CHECK(doc.portfolio == read_json(text, kSample.string()));
    const ControlData control = read_control_sections(text, kSample.string());
    CHECK(doc.control.baselines.size() == control.baselines.size());
    CHECK(doc.control.status.size() == control.status.size());
    CHECK(doc.control.risks.size() == control.risks.size());
    CHECK(doc.control.uncertainty.tasks.size() == control.uncertainty.tasks.size());
    CHECK(write_control_sections(doc.control) == write_control_sections(control));
    CHECK(doc.warnings.empty());
    // The sample has every control section; a plain model none.
    CHECK(doc.control.sections == std::vector<std::string>{"risks", "baselines", "status", "uncertainty", "governance"});
    CHECK(doc.control.has_section("status"));

    const ModelDocument same = read_json_document(text, kSample.string());
    CHECK(same.portfolio == doc.portfolio);
    CHECK(write_control_sections(same.control) == write_control_sections(doc.control));

    const fs::path plain = temp_file("ppm_model_document_plain.json", write_json(doc.portfolio));
    const ModelDocument bare = read_model_document(plain);
    CHECK(bare.portfolio == doc.portfolio);
    CHECK(bare.control.sections.empty());
    CHECK(bare.control.baselines.empty());
    fs::remove(plain);
}

TEST_CASE("model document: a foreign format gives the importer's warnings and no control sections") {
    const Portfolio pf = read_json_file(kSample);
    const fs::path xer = fs::temp_directory_path() / "ppm_model_document.xer";
    write_model_file(pf, xer);
    const ModelDocument doc = read_model_document(xer);
    const ImportResult r = read_model_file_with_warnings(xer);
    CHECK(doc.portfolio == r.portfolio);
    CHECK(doc.warnings.size() == r.warnings.size());
    CHECK(doc.control.sections.empty());
    fs::remove(xer);
}

TEST_CASE("model document: a bad control value is a ParseError naming the file, its own line and the JSON pointer") {
    std::string text = read_text_file(kSample);
    const std::string from = "\"probability\": 0.6";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), "\"probability\": 1.6");
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    const fs::path bad = temp_file("ppm_model_document_bad.json", text);
    try {
        (void)read_model_document(bad);
        FAIL("expected ParseError");
    } catch (const ParseError& e) {
        CHECK(e.path() == bad.string());
        CHECK(e.line() == line);  // the line of "probability", not of the "risks" section
        CHECK(e.detail().find("/risks/items/1") != std::string::npos);
    }
    fs::remove(bad);
}
