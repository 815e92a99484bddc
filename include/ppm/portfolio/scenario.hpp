#pragma once
/// @file
/// What-if scenarios: a scenario is a copy of the base selection problem with some constraints
/// changed; `compare_scenarios` solves base and scenarios and lines the results up side by side
/// (MS Project Online's "portfolio analysis" scenarios, with exact optimisation in each).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ppm/core/money.hpp"
#include "ppm/portfolio/selection.hpp"

namespace ppm {

/// Changes a scenario makes to the base problem (absent = unchanged).
struct Scenario {
    std::string name;                     ///< Column header.
    std::optional<Money> total_budget;    ///< New total budget.
    std::optional<double> budget_scale;   ///< Multiply every period budget (and the total if not replaced).
    std::optional<double> capacity_scale; ///< Multiply every role capacity.
    std::vector<std::string> forced_in;   ///< Added to the base's forced-in list.
    std::vector<std::string> forced_out;  ///< Added to the base's forced-out list.
    std::optional<double> max_total_risk; ///< New risk limit.
    std::optional<std::string> objective; ///< Maximise another benefit.
};

/// The base problem with the scenario's changes applied. Throws `ModelError` for negative scales.
[[nodiscard]] SelectionProblem apply_scenario(const SelectionProblem& base, const Scenario& scenario);

/// Base and scenarios solved side by side.
struct ScenarioComparison {
    std::vector<std::string> names;          ///< "base", then the scenarios' names.
    std::vector<SelectionResult> results;    ///< One per name.
    std::vector<std::string> candidates;     ///< Candidate ids.
    std::vector<std::uint8_t> selected;      ///< [scenario * candidates + candidate].
};

/// Solves the base problem and each scenario with the same options.
[[nodiscard]] ScenarioComparison compare_scenarios(const SelectionProblem& base, std::span<const Scenario> scenarios,
                                                   const SelectionOptions& options = {});

}  // namespace ppm
