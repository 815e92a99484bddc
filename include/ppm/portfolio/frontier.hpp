#pragma once
/// @file
/// Efficient frontier of portfolio selection over the budget (Markowitz-style value vs. budget
/// curve used in capital budgeting; parametric right-hand side of the MILP): K budgets, each solved
/// exactly by CBC on one model built once (only the budget rows' right-hand sides change). The
/// highest budget is solved first; its selection answers every lower point where it still fits
/// (the flat part of the curve, where capacity and not money binds) and its bound caps every
/// point's bound (the optimum never decreases with the budget). The other points are solved from
/// low to high, each warm-started with the previous point's selection (still feasible since the
/// budget only grows). At every solved point the warm start, CBC's incumbent and the LP rounding are
/// improved by a deterministic local search (add / swap / drop-and-refill); a point then reports the
/// best selection of itself and the points below it. Reports the candidates entering and leaving at
/// each step. See docs/selection.md for the algorithm and where proofs are out of reach.

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
    SelectionOptions solve{};          ///< Per-point solver options (time limit, wall seconds, applies per point).
    double time_limit_seconds = 0.0;   ///< Whole sweep in wall seconds (0 = none): the time left is shared by the points still to solve.
    double top_share = 0.3;            ///< With `time_limit_seconds`: share of it given to the highest budget (solved first).
};

/// The frontier (struct of arrays indexed by point; `selected` is points x candidates, point-major).
struct FrontierResult {
    std::vector<std::string> candidates;               ///< Candidate ids (problem order).
    std::vector<Money> budget;                         ///< Total budget of each point.
    std::vector<double> value;                         ///< Optimal (or best found) value.
    std::vector<Money> spend;                          ///< Total spend of the selection.
    std::vector<SelectionStatus> status;               ///< Solver status per point.
    std::vector<double> gap;                           ///< Relative gap per point.
    std::vector<double> bound;                         ///< Proven upper bound on the optimum per point.
    std::vector<double> seconds;                       ///< Solve time per point (wall; 0 when reused).
    std::vector<long long> nodes;                      ///< Branch-and-bound nodes per point.
    std::vector<std::uint8_t> reused;                  ///< 1 when answered without its own solve: the highest budget's selection fits (a lower point's better selection may replace it).
    std::vector<std::vector<std::string>> entering;    ///< Ids selected at this point but not at the previous.
    std::vector<std::vector<std::string>> leaving;     ///< Ids selected at the previous point but not at this one.
    std::vector<std::uint8_t> selected;                ///< [point * candidates + candidate].
    double total_seconds = 0.0;                        ///< Whole sweep.
};

/// Solves the selection at K budgets. Stops early (remaining points absent) when cancelled.
[[nodiscard]] FrontierResult efficient_frontier(const SelectionProblem& problem, const FrontierOptions& options = {});

}  // namespace ppm
