// Quality beside schedule, cost and risk (issue 20): the measures of a status period, the quality
// check of the RAG assessment under each PMO profile and in the roll-up, threshold validation, the
// "governance.quality" records of the control JSON and the health facts taken from them (hand
// computations on the documented rules, docs/governance.md "Quality").
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "ppm/core/error.hpp"
#include "ppm/evm/rollup.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/governance/pmo_policy.hpp"
#include "ppm/governance/quality.hpp"
#include "ppm/governance/rag.hpp"
#include "ppm/io/control_json.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/text_file.hpp"

using namespace ppm;

namespace {

const std::string kQualitySample = std::string(PPM_SOURCE_DIR) + "/tests/governance/data/quality_sample.json";
constexpr auto kQuality = static_cast<std::size_t>(RagCheck::quality);

/// A project green on SPI and CPI with only the given quality facts known.
ProjectHealth green_project(const char* id = "P", const char* program = nullptr) {
    ProjectHealth h;
    h.project = ProjectId{id};
    if (program != nullptr) h.program = ProgramId{program};
    h.spi = 1.0;
    h.cpi = 1.0;
    return h;
}

bool has_reason(const RagResult& r, const std::string& text) {
    for (const auto& s : r.reasons)
        if (s == text) return true;
    return false;
}

std::string bad(const std::string& governance) {
    try {
        (void)read_control_sections("{\"governance\": " + governance + "}", "bad.json");
    } catch (const ParseError& e) {
        return std::string(e.detail());
    }
    return std::string("no error");
}

/// The quality sample with `from` replaced by `to` in its text, read; the error message (file, line,
/// JSON pointer and detail) or "no error".
std::string bad_sample(const std::string& from, const std::string& to) {
    std::string text = read_text_file(kQualitySample);
    const auto pos = text.find(from);
    REQUIRE(pos != std::string::npos);
    text.replace(pos, from.size(), to);
    try {
        (void)read_control_sections(text, kQualitySample);
    } catch (const ParseError& e) {
        CHECK(e.path() == kQualitySample);
        CHECK(e.line() > 0);
        return std::string(e.what());
    }
    return std::string("no error");
}

}  // namespace

TEST_CASE("governance: quality measures of a status period") {
    QualityStatus q{.project = ProjectId{"P1"}, .date = parse_instant("2026-03-13T17:00")};
    CHECK(std::isnan(test_pass_rate(q)));  // not reported
    CHECK(std::isnan(acceptance_rate(q)));
    CHECK(failed_reviews(q) == 0);
    q.tests_run = 0;
    q.tests_passed = 0;
    CHECK(std::isnan(test_pass_rate(q)));  // nothing run: unknown, not 0 % or 100 %
    q.tests_run = 120;
    q.tests_passed = 110;
    CHECK(test_pass_rate(q) == Approx(110.0 / 120.0));  // 0.9167
    q.deliverables_submitted = 4;
    q.deliverables_accepted = 3;
    CHECK(acceptance_rate(q) == 0.75);
    q.reviews = {{.id = "QR-1", .kind = "audit", .passed = false, .findings = 4}, {.id = "QR-2"}, {.id = "QR-3", .passed = false}};
    CHECK(failed_reviews(q) == 2);
    CHECK_NOTHROW(check_quality_status(q));

    CHECK(to_string(DefectSeverity::major) == "major");
    CHECK(parse_defect_severity("critical") == DefectSeverity::critical);
    CHECK_THROWS_AS(parse_defect_severity("blocker"), ModelError);

    auto refused = [](QualityStatus x, ErrorCode code) {
        try {
            check_quality_status(x);
        } catch (const ModelError& e) {
            CHECK(e.code() == code);
            CHECK(e.ids() == std::vector<std::string>{"P1"});
            return std::string(e.what());
        }
        return std::string("no error");
    };
    QualityStatus x = q;
    x.open_defects[1] = -1;
    CHECK(refused(x, ErrorCode::invalid_value).find("open major defects -1 is negative") != std::string::npos);
    x = q;
    x.tests_passed = 121;
    CHECK(refused(x, ErrorCode::inconsistent).find("tests passed 121 is more than tests run 120") != std::string::npos);
    x = q;
    x.deliverables_accepted = 5;
    CHECK(refused(x, ErrorCode::inconsistent).find("deliverables accepted 5 is more than deliverables submitted 4") != std::string::npos);
    x = q;
    x.tests_run.reset();
    CHECK(refused(x, ErrorCode::inconsistent).find("tests passed given without tests run") != std::string::npos);
    x = q;
    x.reviews[0].kind = "inspection";
    CHECK(refused(x, ErrorCode::invalid_value).find("inspection") != std::string::npos);
    x = q;
    x.reviews[1].findings = -2;
    CHECK(refused(x, ErrorCode::invalid_value).find("findings -2") != std::string::npos);

    // The latest record at or before the status date.
    const std::vector<QualityStatus> records{{.project = ProjectId{"P1"}, .date = parse_instant("2026-03-06T17:00")},
                                             {.project = ProjectId{"P2"}, .date = parse_instant("2026-03-10T17:00")},
                                             {.project = ProjectId{"P1"}, .date = parse_instant("2026-03-13T17:00")}};
    CHECK(latest_quality(records, ProjectId{"P1"}, parse_instant("2026-03-13T17:00")) == &records[2]);
    CHECK(latest_quality(records, ProjectId{"P1"}, parse_instant("2026-03-12T08:00")) == &records[0]);
    CHECK(latest_quality(records, ProjectId{"P1"}, parse_instant("2026-03-01T08:00")) == nullptr);
    CHECK(latest_quality(records, ProjectId{"P3"}, parse_instant("2026-03-13T17:00")) == nullptr);
}

TEST_CASE("governance: test pass rates under the controlling and directive profiles") {
    auto h = green_project();
    h.test_pass_rate = 110.0 / 120.0;  // 0.9167
    // Controlling: green from 0.95, amber from 0.85 -> amber.
    const auto c = assess(h, policy_profile(PmoType::controlling));
    CHECK(c.check[kQuality] == Rag::amber);
    CHECK(c.overall == Rag::amber);
    CHECK(c.reasons == std::vector<std::string>{"quality: test pass rate 0.92 < 0.95"});
    CHECK_FALSE(c.escalate);
    // Directive: green from 0.98, amber from 0.90 -> 0.9167 is amber there too (and amber escalates).
    const RagPolicy d = policy_profile(PmoType::directive);
    CHECK(d.thresholds.quality.test_pass_rate.green == 0.98);
    CHECK(d.thresholds.quality.test_pass_rate.amber == 0.90);
    const auto da = assess(h, d);
    CHECK(da.check[kQuality] == Rag::amber);
    CHECK(da.reasons == std::vector<std::string>{"quality: test pass rate 0.92 < 0.98"});
    CHECK(da.escalate);
    // 105 / 120 = 0.875: amber under controlling (>= 0.85), red under directive (< 0.90).
    h.test_pass_rate = 105.0 / 120.0;
    CHECK(assess(h, policy_profile(PmoType::controlling)).check[kQuality] == Rag::amber);
    const auto dr = assess(h, d);
    CHECK(dr.check[kQuality] == Rag::red);
    CHECK(has_reason(dr, "quality: test pass rate 0.88 < 0.90"));
    CHECK(dr.escalate);
}

TEST_CASE("governance: open defects, failed reviews and acceptance each rate the quality check") {
    const RagPolicy p = policy_profile(PmoType::controlling);
    // Two open critical defects: above the amber bound 1 -> red.
    auto h = green_project();
    h.critical_defects = 2;
    auto r = assess(h, p);
    CHECK(r.check[kQuality] == Rag::red);
    CHECK(r.overall == Rag::red);
    CHECK(r.reasons == std::vector<std::string>{"quality: open critical defects 2 > 1"});
    CHECK(r.escalate);
    h.critical_defects = 1;  // above green 0, within amber 1
    CHECK(assess(h, p).check[kQuality] == Rag::amber);
    h.critical_defects = 0;
    CHECK(assess(h, p).check[kQuality] == Rag::green);
    CHECK(assess(h, p).reasons.empty());

    // Major {2, 5}, minor {10, 30}.
    h = green_project();
    h.major_defects = 3;
    h.minor_defects = 31;
    r = assess(h, p);
    CHECK(r.check[kQuality] == Rag::red);  // the worst sub-measure
    CHECK(r.reasons == std::vector<std::string>{"quality: open major defects 3 > 2", "quality: open minor defects 31 > 30"});

    // Failed reviews {0, 1}: one failed audit -> amber; two -> red; directive {0, 0}: one -> red.
    QualityStatus q;
    q.reviews = {{.id = "A1", .kind = "audit", .passed = false}, {.id = "R1"}};
    h = green_project();
    h.failed_reviews = failed_reviews(q);
    r = assess(h, p);
    CHECK(r.check[kQuality] == Rag::amber);
    CHECK(r.reasons == std::vector<std::string>{"quality: failed reviews and audits 1 > 0"});
    CHECK(assess(h, policy_profile(PmoType::directive)).check[kQuality] == Rag::red);
    h.failed_reviews = 2;
    CHECK(assess(h, p).check[kQuality] == Rag::red);

    // Acceptance {0.90, 0.75}: 3 of 4 = 0.75 -> amber (>= 0.75); 2 of 4 = 0.50 -> red.
    h = green_project();
    h.acceptance_rate = 3.0 / 4.0;
    r = assess(h, p);
    CHECK(r.check[kQuality] == Rag::amber);
    CHECK(r.reasons == std::vector<std::string>{"quality: deliverable acceptance 0.75 < 0.90"});
    h.acceptance_rate = 2.0 / 4.0;
    r = assess(h, p);
    CHECK(r.check[kQuality] == Rag::red);
    CHECK(r.reasons == std::vector<std::string>{"quality: deliverable acceptance 0.50 < 0.75"});

    // Nothing reported: the check is none and the project keeps its colour.
    h = green_project();
    r = assess(h, p);
    CHECK(r.check[kQuality] == Rag::none);
    CHECK(r.overall == Rag::green);
    // Known and green: green.
    h.test_pass_rate = 1.0;
    h.critical_defects = 0;
    CHECK(assess(h, p).check[kQuality] == Rag::green);
}

TEST_CASE("governance: a red-quality project makes its program at least amber, and a supportive PMO ignores quality") {
    const RagPolicy p = policy_profile(PmoType::controlling);  // amber_from 0.5, red_from 1.25
    // A and B green on every index; B has two open critical defects -> red. Weighted by BAC 900 / 100:
    // score (0 x 900 + 2 x 100) / 1000 = 0.2 -> green by score, lifted to amber by the red member.
    auto a = green_project("A", "X");
    a.weight = 900;
    auto b = green_project("B", "X");
    b.weight = 100;
    b.critical_defects = 2;
    const std::vector<ProjectHealth> hs{a, b};
    const auto rows = rag_rollup(hs, p);
    REQUIRE(rows.size() == 2 + 1 + 1);
    CHECK(rows[1].rag == Rag::red);
    CHECK(rows[2].kind == "program");
    CHECK(rows[2].score == Approx(0.2));
    CHECK(rows[2].rag == Rag::amber);
    CHECK(rows[2].escalate);
    CHECK(rows[3].rag == Rag::amber);  // portfolio

    // Supportive: quality is not a check of the profile -> B is green, nothing escalates.
    const RagPolicy s = policy_profile(PmoType::supportive);
    CHECK_FALSE(s.enabled[kQuality]);
    const auto sr = assess(b, s);
    CHECK(sr.check[kQuality] == Rag::none);
    CHECK(sr.overall == Rag::green);
    CHECK(sr.reasons.empty());
    CHECK(rag_rollup(hs, s).back().rag == Rag::green);
    // Controlling and directive check quality; so does a default-constructed policy.
    CHECK(policy_profile(PmoType::controlling).enabled[kQuality]);
    CHECK(policy_profile(PmoType::directive).enabled[kQuality]);
    CHECK(RagPolicy{}.enabled[kQuality]);
    CHECK(to_string(RagCheck::quality) == "quality");
    CHECK(kRagCheckCount == 9);
}

TEST_CASE("governance: quality thresholds that make no sense are refused") {
    auto refused = [](auto change) {
        RagThresholds t;
        change(t.quality);
        try {
            check_thresholds(t);
        } catch (const ModelError& e) {
            CHECK(e.code() == ErrorCode::invalid_value);
            return e.ids().front() + ": " + e.what();
        }
        return std::string("no error");
    };
    auto has = [](const std::string& detail, const char* what) {
        INFO(detail);
        CHECK(detail.find(what) != std::string::npos);
    };
    has(refused([](QualityThresholds& q) { q.test_pass_rate = {95, 85}; }), "quality.test_pass_rate: ");
    has(refused([](QualityThresholds& q) { q.test_pass_rate = {95, 85}; }), "outside 0..1");
    has(refused([](QualityThresholds& q) { q.acceptance = {0.7, 0.8}; }), "quality.acceptance: ");
    has(refused([](QualityThresholds& q) { q.acceptance = {0.7, 0.8}; }), "below amber");
    has(refused([](QualityThresholds& q) { q.critical_defects = {-1, 1}; }), "quality.critical_defects: ");
    has(refused([](QualityThresholds& q) { q.major_defects = {5, 2}; }), "quality.major_defects: ");
    has(refused([](QualityThresholds& q) { q.major_defects = {5, 2}; }), "above amber");
    has(refused([](QualityThresholds& q) { q.minor_defects = {1, std::nan("")}; }), "quality.minor_defects: ");
    has(refused([](QualityThresholds& q) { q.failed_reviews = {0, -1}; }), "quality.failed_reviews: ");
    CHECK(refused([](QualityThresholds& q) { q.failed_reviews = {0, 0}; }) == "no error");
    CHECK_NOTHROW(check_policy(policy_profile(PmoType::directive)));

    // In the file: ParseError naming the JSON pointer of the entry.
    has(bad(R"({"thresholds": {"quality": {"test_pass_rate": {"green": 95, "amber": 85}}}})"),
        "/governance/thresholds/quality/test_pass_rate");
    has(bad(R"({"thresholds": {"quality": {"acceptance": {"amber": 0.95}}}})"), "/governance/thresholds/quality/acceptance");
    has(bad(R"({"thresholds": {"quality": {"critical_defects": {"green": 2}}}})"), "/governance/thresholds/quality/critical_defects");
    has(bad(R"({"policy": {"thresholds": {"quality": {"failed_reviews": {"green": -1}}}}})"),
        "/governance/policy/thresholds/quality/failed_reviews");
    has(bad(R"({"thresholds": {"quality": {"defects": {"green": 0}}}})"), "unknown key \"defects\"");
    has(bad(R"({"policy": {"checks": {"qualiti": true}}})"), "unknown check");
    // A bound left out keeps the profile's (directive: test pass rate amber from 0.90).
    const auto ok = read_control_sections(R"({"governance": {"pmo": "directive", "thresholds": {"quality": {"test_pass_rate": {"green": 0.99}}}}})",
                                          "ok.json");
    REQUIRE(ok.governance.thresholds);
    CHECK(ok.governance.thresholds->quality.test_pass_rate.green == 0.99);
    CHECK(ok.governance.thresholds->quality.test_pass_rate.amber == 0.90);
    CHECK(ok.governance.thresholds->quality.critical_defects.amber == 0);
    const auto off = read_control_sections(R"({"governance": {"policy": {"checks": {"quality": false}}}})", "ok.json");
    REQUIRE(off.governance.policy);
    CHECK_FALSE(off.governance.policy->enabled[kQuality]);
}

TEST_CASE("governance: quality records are read from the governance section, and wrong ones name the JSON pointer") {
    const std::string text = read_text_file(kQualitySample);
    const auto c = read_control_sections(text, kQualitySample);
    REQUIRE(c.governance.quality.size() == 3);
    const QualityStatus& q = c.governance.quality[1];
    CHECK(q.project == ProjectId{"P1"});
    CHECK(q.date == parse_instant("2026-03-13T17:00"));
    CHECK(q.open_defects == std::array<std::int32_t, 3>{0, 3, 7});
    REQUIRE(q.reviews.size() == 2);
    CHECK(q.reviews[0].id == "QR-1");
    CHECK(q.reviews[0].date == parse_instant("2026-03-10").date());
    CHECK(q.reviews[0].kind == "audit");
    CHECK(q.reviews[0].methodology == "M1");
    CHECK(q.reviews[0].phase == "Design");
    CHECK_FALSE(q.reviews[0].passed);
    CHECK(q.reviews[0].findings == 4);
    CHECK(q.reviews[1].kind == "review");
    CHECK(q.reviews[1].methodology.empty());
    CHECK(q.tests_run == 120);
    CHECK(q.tests_passed == 110);
    CHECK(q.deliverables_submitted == 4);
    CHECK(q.deliverables_accepted == 3);
    const QualityStatus& p2 = c.governance.quality[2];
    CHECK_FALSE(p2.tests_run.has_value());  // not reported
    CHECK(p2.reviews.empty());

    // Round trip: written and read again, the same text.
    const auto pf = read_json(text, kQualitySample);
    const std::string again = write_json(pf, write_control_sections(c));
    const auto c2 = read_control_sections(again, "again.json");
    CHECK(write_control_sections(c2).at("governance") == write_control_sections(c).at("governance"));
    CHECK(c2.governance.quality[1].reviews[0].findings == 4);

    // An unknown project, an unknown methodology, more tests passed than run, an unknown key.
    auto has = [](const std::string& detail, const char* what) {
        INFO(detail);
        CHECK(detail.find(what) != std::string::npos);
    };
    const std::string unknown_project = bad_sample(R"({"project": "P2", "date": "2026-03-13T17:00",
       "open_defects")", R"({"project": "P9", "date": "2026-03-13T17:00",
       "open_defects")");
    has(unknown_project, "/governance/quality/2/project");
    has(unknown_project, "unknown project \"P9\"");
    const std::string unknown_methodology = bad_sample(R"("methodology": "M1")", R"("methodology": "M7")");
    has(unknown_methodology, "/governance/quality/1/reviews/0/methodology");
    has(unknown_methodology, "unknown methodology \"M7\"");
    const std::string too_many = bad_sample(R"("run": 120, "passed": 110)", R"("run": 120, "passed": 130)");
    has(too_many, "/governance/quality/1:");
    has(too_many, "tests passed 130 is more than tests run 120");
    has(bad_sample(R"("submitted": 4, "accepted": 3)", R"("submitted": 4, "accepted": 5)"), "deliverables accepted 5 is more than");
    has(bad_sample(R"("minor": 7})", R"("minor": 7, "trivial": 1})"), "/governance/quality/1/open_defects: unknown key \"trivial\"");
    has(bad_sample(R"("critical": 2,)", R"("critical": -2,)"), "/governance/quality/2/open_defects/critical: expected a non-negative integer");
    has(bad_sample(R"("kind": "audit")", R"("kind": "inspection")"), "/governance/quality/1/reviews/0/kind");
    has(bad_sample(R"("date": "2026-03-06T17:00",
       "open_defects")", R"("date": "2026-03-13T17:00",
       "open_defects")"), "duplicate quality record for project P1");
    // A fragment without a portfolio has nothing to check project ids against; the methodology still must exist.
    has(bad(R"({"quality": [{"project": "P1", "date": "2026-03-13T17:00", "reviews": [{"id": "A", "date": "2026-03-10", "methodology": "X"}]}]})"),
        "/governance/quality/0/reviews/0/methodology");
    has(bad(R"({"quality": [{"project": "P1"}]})"), "missing key \"date\"");
}

TEST_CASE("governance: project health takes the latest quality record at the status date") {
    const std::string text = read_text_file(kQualitySample);
    const auto pf = read_json(text, kQualitySample);
    const auto c = read_control_sections(text, kQualitySample);
    auto health_at = [&](const char* when) {
        const Instant at = parse_instant(when);
        return project_health(pf, c, evm_rollup(pf, c.baselines, at, c.status), at);
    };
    const auto h = health_at("2026-03-13T17:00");
    REQUIRE(h.size() == 2);
    // P1 at 03-13: 0 / 3 / 7 open defects, one failed audit of two reviews, 110 of 120 tests, 3 of 4 deliverables.
    CHECK(h[0].critical_defects == 0);
    CHECK(h[0].major_defects == 3);
    CHECK(h[0].minor_defects == 7);
    CHECK(h[0].failed_reviews == 1);
    CHECK(h[0].test_pass_rate == Approx(110.0 / 120.0));
    CHECK(h[0].acceptance_rate == 0.75);
    CHECK(h[1].critical_defects == 2);
    CHECK(std::isnan(h[1].test_pass_rate));  // P2 reports no tests
    CHECK(h[1].acceptance_rate == 1.0);
    // Controlling: P1 quality amber (major 3 > 2, failed 1 > 0, pass rate 0.92 < 0.95, acceptance 0.75 < 0.90);
    // P2 red (2 open critical defects > 1).
    const RagPolicy p = governance_policy(c.governance);
    const auto r1 = assess(h[0], p);
    CHECK(r1.check[kQuality] == Rag::amber);
    CHECK(r1.reasons.size() >= 4);
    CHECK(has_reason(r1, "quality: open major defects 3 > 2"));
    CHECK(has_reason(r1, "quality: failed reviews and audits 1 > 0"));
    CHECK(has_reason(r1, "quality: test pass rate 0.92 < 0.95"));
    CHECK(has_reason(r1, "quality: deliverable acceptance 0.75 < 0.90"));
    CHECK(assess(h[1], p).check[kQuality] == Rag::red);

    // A week earlier: P1's first record (all green: 0 / 1 / 4 defects, 40 of 40 tests); P2 has none yet.
    const auto early = health_at("2026-03-06T17:00");
    CHECK(early[0].major_defects == 1);
    CHECK(early[0].test_pass_rate == 1.0);
    CHECK(std::isnan(early[0].acceptance_rate));
    CHECK(assess(early[0], p).check[kQuality] == Rag::green);
    CHECK(std::isnan(early[1].critical_defects));
    CHECK(assess(early[1], p).check[kQuality] == Rag::none);
}
