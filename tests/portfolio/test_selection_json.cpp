// JSON sections: the example file end to end, error locations, output documents.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "ppm/core/error.hpp"
#include "ppm/portfolio/selection_json.hpp"

namespace {

const char* kSmall = R"({
  "format": "ppm",
  "version": 1,
  "portfolio": {"id": "X", "projects": [{"id": "P1"}]},
  "strategy": {
    "criteria": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
    "comparisons": [{"parent": null, "children": ["a", "b", "c"],
                     "judgements": [{"matrix": [[1, 3, 5], ["1/3", 1, 2], ["1/5", "1/2", 1]]}]}]
  },
  "selection": {
    "periods": 2,
    "budget": {"per_period": [10, 10]},
    "candidates": [
      {"id": "A", "project": "P1", "cost": [6, 0], "ratings": {"a": "extreme"}},
      {"id": "B", "cost": [5, 0], "ratings": {"b": "strong", "c": 0.5}},
      {"id": "C", "cost": [5, 0], "ratings": {"a": "low"}, "start": {"earliest": 0, "latest": 1}}
    ]
  }
})";

std::string replace(std::string s, const std::string& from, const std::string& to) {
    const auto pos = s.find(from);
    REQUIRE(pos != std::string::npos);
    return s.replace(pos, from.size(), to);
}

}  // namespace

TEST_CASE("selection json: strategy weights become candidate scores and the selection solves") {
    auto doc = ppm::parse_selection_document(kSmall, "small.json");
    REQUIRE(doc.strategy);
    REQUIRE(doc.problem.candidates.size() == 3);
    CHECK(doc.problem.candidates[0].project == ppm::ProjectId("P1"));
    CHECK(doc.problem.candidates[2].latest_start == 1);
    const auto scores = ppm::apply_alignment(doc);
    REQUIRE(scores);
    const auto& w = scores->weights;
    REQUIRE(w.global.size() == 3);
    // A = extreme (1.0) on a; B = strong (.75) on b and .5 on c (numeric, min-max over the one
    // numeric rating -> 1); C = low (.25) on a.
    CHECK(doc.problem.candidates[0].benefits.at("score") == Approx(w.global[0]));
    CHECK(doc.problem.candidates[1].benefits.at("score") == Approx(0.75 * w.global[1] + 1.0 * w.global[2]));
    CHECK(doc.problem.candidates[2].benefits.at("score") == Approx(0.25 * w.global[0]));
    const auto r = ppm::select_portfolio(doc.problem);
    REQUIRE(r.status == ppm::SelectionStatus::optimal);
    // C can start in period 1 where the budget is free: A in period 0 and C in period 1 beat B.
    CHECK(r.selected[0] == 1);
    CHECK(r.start[2] == 1);
    const auto j = nlohmann::json::parse(ppm::selection_to_json(doc.problem, r));
    CHECK(j["status"] == "optimal");
    CHECK(j["candidates"].size() == 3);
    CHECK(j["periods"][0]["budget"] == 10.0);
    const auto s = nlohmann::json::parse(ppm::strategy_to_json(w, &scores->alignment));
    CHECK(s["comparisons"][0]["consistency_ratio"].get<double>() < 0.1);
    CHECK(s["candidates"].size() == 3);
}

TEST_CASE("selection json: the shipped example parses, scores and solves to a feasible optimum") {
    auto doc = ppm::read_selection_document(std::string(PPM_SOURCE_DIR) + "/examples/selection.json");
    REQUIRE(doc.has_selection);
    REQUIRE(ppm::apply_alignment(doc));
    const auto r = ppm::select_portfolio(doc.problem, {.relative_gap = 0.0});
    REQUIRE(r.status == ppm::SelectionStatus::optimal);
    CHECK(ppm::check_selection(doc.problem, r.start).empty());
    const auto g = ppm::select_greedy(doc.problem);
    if (g.has_solution) CHECK(g.objective <= r.objective + 1e-9);
    const auto gdpr = ppm::find_candidate(doc.problem, "GDPR");
    REQUIRE(gdpr >= 0);
    CHECK(r.selected[static_cast<std::size_t>(gdpr)] == 1);  // forced in
    const auto cmp = ppm::compare_scenarios(doc.problem, doc.scenarios);
    CHECK(cmp.names.size() == 1 + doc.scenarios.size());
    const auto j = nlohmann::json::parse(ppm::scenarios_to_json(cmp));
    CHECK(j["scenarios"].size() == cmp.names.size());
}

TEST_CASE("selection json: syntax errors carry line and column") {
    const std::string bad = replace(kSmall, "\"periods\": 2,", "\"periods\": 2,,");
    try {
        (void)ppm::parse_selection_document(bad, "bad.json");
        FAIL("expected ParseError");
    } catch (const ppm::ParseError& e) {
        CHECK(e.code() == ppm::ErrorCode::syntax);
        CHECK(e.path() == "bad.json");
        CHECK(e.line() == 11);  // the "periods" line of kSmall
    }
}

TEST_CASE("selection json: wrong values name the JSON path and the line") {
    try {
        (void)ppm::parse_selection_document(replace(kSmall, "\"periods\": 2", "\"periods\": \"two\""), "f.json");
        FAIL("expected ParseError");
    } catch (const ppm::ParseError& e) {
        CHECK(e.code() == ppm::ErrorCode::unexpected);
        CHECK(e.line() == 11);
        CHECK(e.detail().find("/selection/periods") != std::string::npos);
    }
    try {
        (void)ppm::parse_selection_document(replace(kSmall, "\"cost\": [5, 0], \"ratings\"", "\"cost\": [5, -1], \"ratings\""),
                                            "f.json");
        FAIL("expected ParseError");
    } catch (const ppm::ParseError& e) {
        CHECK(e.line() == 15);  // candidate B
        CHECK(e.detail().find("/selection/candidates/1/cost/1") != std::string::npos);
    }
    try {
        (void)ppm::parse_selection_document(replace(kSmall, "\"budget\"", "\"budjet\""), "f.json");
        FAIL("expected ParseError");
    } catch (const ppm::ParseError& e) {
        CHECK(e.line() == 12);
        CHECK(e.detail().find("unknown field 'budjet'") != std::string::npos);
    }
    try {
        (void)ppm::parse_selection_document(replace(kSmall, "\"1/5\", \"1/2\"", "\"1/5\", \"half\""), "f.json");
        FAIL("expected ParseError");
    } catch (const ppm::ParseError& e) {
        CHECK(e.line() == 8);
        CHECK(e.detail().find("/strategy/comparisons/0/judgements/0/matrix/2/1") != std::string::npos);
    }
}

TEST_CASE("selection json: model errors are ModelErrors") {
    // A candidate naming a project the portfolio does not have.
    CHECK_THROWS_AS(ppm::parse_selection_document(replace(kSmall, "\"project\": \"P1\"", "\"project\": \"P9\"")),
                    ppm::ModelError);
    // A missing judgement (null) is reported by AHP validation.
    auto doc = ppm::parse_selection_document(replace(kSmall, "[\"1/3\", 1, 2]", "[\"1/3\", 1, null]"));
    try {
        (void)ppm::apply_alignment(doc);
        FAIL("expected ModelError");
    } catch (const ppm::ModelError& e) {
        CHECK(e.code() == ppm::ErrorCode::missing_value);
    }
    // Ratings against an unknown driver.
    doc = ppm::parse_selection_document(replace(kSmall, "{\"a\": \"low\"}", "{\"zz\": \"low\"}"));
    CHECK_THROWS_AS(ppm::apply_alignment(doc), ppm::ModelError);
    // A link to an unknown candidate is a ParseError at the link.
    const std::string linked = replace(kSmall, "\"periods\": 2,", "\"periods\": 2, \"links\": [{\"type\": \"requires\", \"from\": \"A\", \"to\": \"Q\"}],");
    CHECK_THROWS_AS(ppm::parse_selection_document(linked), ppm::ParseError);
    CHECK_THROWS_AS(ppm::read_selection_document("/nonexistent/x.json"), ppm::ParseError);
}
