#pragma once
/// @file
/// JSON interchange of the "strategy" and "selection" sections of a ppm file
/// (`{"format":"ppm","version":1,"portfolio":{...},"strategy":{...},"selection":{...}}`), and
/// JSON output of AHP, selection, frontier and scenario results. Format: docs/selection.md,
/// schema: docs/schema/selection.schema.json. Money is written in major units (e.g. 1250.5).
/// Errors are `ParseError`s carrying the file, the line/column of the offending value and its
/// JSON path ("/selection/candidates/3/cost/2").

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/portfolio/frontier.hpp"
#include "ppm/portfolio/scenario.hpp"
#include "ppm/portfolio/selection.hpp"
#include "ppm/scoring/alignment.hpp"
#include "ppm/scoring/strategy.hpp"

namespace ppm {

/// What a file's "strategy" and "selection" sections hold.
struct SelectionDocument {
    std::string path;                                  ///< Source file (for messages).
    std::optional<Strategy> strategy;                  ///< The "strategy" section, if present.
    RatingScale rating_scale{};                        ///< strategy.rating_scale (default MS Project levels).
    std::map<std::string, DriverScale> driver_scales;  ///< strategy.driver_scales for numeric ratings.
    bool has_selection = false;                        ///< Whether a "selection" section is present.
    SelectionProblem problem;                          ///< The selection problem.
    std::vector<std::map<std::string, Rating>> ratings;  ///< Per candidate: driver id -> rating (may be empty).
    std::vector<Scenario> scenarios;                   ///< selection.scenarios.
    double time_limit_seconds = 60.0;                  ///< selection.solver.time_limit.
    double relative_gap = 1e-3;                        ///< selection.solver.gap.
};

/// Parses a whole ppm JSON text (other sections are ignored). `path` is used in errors.
[[nodiscard]] SelectionDocument parse_selection_document(std::string_view text, const std::string& path = "<input>");

/// Reads and parses a file; `ParseError` with code io when it cannot be read.
[[nodiscard]] SelectionDocument read_selection_document(const std::filesystem::path& path);

/// Strategy weights and alignment scores of a document's candidates.
struct DocumentScores {
    StrategyWeights weights;     ///< Evaluated hierarchy.
    AlignmentResult alignment;   ///< Scores of candidates that have ratings (all candidates, missing = "none").
};

/// Evaluates the strategy and, when candidates carry ratings, writes each candidate's alignment
/// score into `benefits["score"]`. std::nullopt when the document has no strategy.
std::optional<DocumentScores> apply_alignment(SelectionDocument& doc, const AhpOptions& options = {});

/// JSON text of an AHP/strategy evaluation (every comparison with priorities, CR, worst judgements),
/// plus candidates' scores, ranks and driver-weight sensitivity when `alignment` is given.
[[nodiscard]] std::string strategy_to_json(const StrategyWeights& weights, const AlignmentResult* alignment = nullptr,
                                           int indent = 2);
/// JSON text of a selection result (problem needed for names and labels).
[[nodiscard]] std::string selection_to_json(const SelectionProblem& problem, const SelectionResult& result, int indent = 2);
/// JSON text of a frontier.
[[nodiscard]] std::string frontier_to_json(const FrontierResult& frontier, int indent = 2);
/// JSON text of a scenario comparison.
[[nodiscard]] std::string scenarios_to_json(const ScenarioComparison& comparison, int indent = 2);

}  // namespace ppm
