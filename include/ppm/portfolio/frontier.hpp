#pragma once
/// @file
/// Efficient frontier of portfolio selection over the budget (Markowitz-style value vs. budget
/// curve used in capital budgeting): K budgets from low to high, each solved exactly by
/// `select_portfolio`, each warm-started with the previous optimum (still feasible since the budget
/// only grows), with the candidates entering and leaving at each step.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ppm/core/money.hpp"
#include "ppm/portfolio/selection.hpp"

namespace ppm {

/// Options of `efficient_frontier`.
struct FrontierOptions {
    int points = 10;                   ///< K >= 1 budgets, evenly spaced from min to max.
    std::optional<Money> budget_min;   ///< Default: total cost of forced-in candidates.
    std::optional<Money> budget_max;   ///< Default: total cost of all candidates (nothing left out for money).
    bool scale_period_budgets = true;  ///< Scale per-period budgets in proportion to the total.
    SelectionOptions solve{};          ///< Per-point solver options (time limit applies per point).
};

/// The frontier (struct of arrays indexed by point; `selected` is points x candidates, point-major).
struct FrontierResult {
    std::vector<std::string> candidates;               ///< Candidate ids (problem order).
    std::vector<Money> budget;                         ///< Total budget of each point.
    std::vector<double> value;                         ///< Optimal (or best found) value.
    std::vector<Money> spend;                          ///< Total spend of the selection.
    std::vector<SelectionStatus> status;               ///< Solver status per point.
    std::vector<double> gap;                           ///< Relative gap per point.
    std::vector<double> seconds;                       ///< Solve time per point.
    std::vector<std::vector<std::string>> entering;    ///< Ids selected at this point but not at the previous.
    std::vector<std::vector<std::string>> leaving;     ///< Ids selected at the previous point but not at this one.
    std::vector<std::uint8_t> selected;                ///< [point * candidates + candidate].
    double total_seconds = 0.0;                        ///< Whole sweep.
};

/// Solves the selection at K budgets. Stops early (remaining points absent) when cancelled.
[[nodiscard]] FrontierResult efficient_frontier(const SelectionProblem& problem, const FrontierOptions& options = {});

}  // namespace ppm
