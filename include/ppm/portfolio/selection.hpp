#pragma once
/// @file
/// Exact portfolio selection as a 0-1 MILP solved by COIN-OR CBC (Forrest et al., CBC 2.10),
/// with start windows (Weingartner 1966 capital budgeting; time-indexed starts after Pritsker,
/// Watters & Wolfe 1969):
///
///   max  sum_p sum_s v_p x[p,s]
///   s.t. sum_s x[p,s] <= 1                                  (one start per candidate)
///        sum_{p,s} c_p[t-s] x[p,s] <= B_t                   (budget per period t)
///        sum_{p,s} C_p x[p,s] <= B                          (total budget)
///        sum_{p,s} d_pr[t-s] x[p,s] <= K_rt                 (role capacity)
///        y_b <= y_a (b requires a); y_a + y_b <= 1 (exclusive); lo <= sum_{g} y <= hi (groups)
///        y_p = 1 (forced in), y_p = 0 (forced out); sum_p risk_p y_p <= R
///        sum_p (1[cat p = k] - share) w_p y_p >= 0 / <= 0   (category balance, w = cost or 1)
///   with y_p = sum_s x[p,s].
///
/// The solution reports slack per constraint row (from the integer solution) and shadow prices
/// from the LP relaxation at the root (value of one more unit of budget/capacity in the relaxed
/// problem; documented in docs/selection.md), and explains each exclusion where determinable.
///
/// @code
///   ppm::SelectionProblem p = ppm::read_selection_document("selection.json").problem;
///   ppm::SelectionResult r = ppm::select_portfolio(p, {.time_limit_seconds = 10});
///   if (r.status == ppm::SelectionStatus::optimal) { /* r.selected[i], r.start[i] */ }
/// @endcode

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/money.hpp"
#include "ppm/portfolio/selection_problem.hpp"

namespace ppm {

/// Outcome of a solve: a status, never an exception.
enum class SelectionStatus : std::uint8_t {
    optimal,     ///< Proven optimal within the requested gap.
    feasible,    ///< A solution, search ended without proof (node/solution limit).
    infeasible,  ///< No selection satisfies the constraints.
    time_limit,  ///< Stopped by the time limit; `has_solution` says whether one was found.
    cancelled,   ///< Stopped by the stop token; `has_solution` says whether one was found.
};

/// "optimal", "feasible", "infeasible", "time_limit", "cancelled".
[[nodiscard]] std::string_view to_string(SelectionStatus s) noexcept;

/// Progress of the branch and bound.
struct SelectionProgress {
    double seconds = 0.0;     ///< Since the solve started.
    long long nodes = 0;      ///< Nodes explored.
    double incumbent = 0.0;   ///< Best value found (0 if none).
    double bound = 0.0;       ///< Best bound.
    bool has_incumbent = false;  ///< Whether `incumbent` is meaningful.
};

/// Solver options (aggregate with defaults).
struct SelectionOptions {
    double time_limit_seconds = 60.0;  ///< Limit of the whole call in wall-clock seconds (CBC `-timeMode elapsed`, checked again at every CBC event).
    double relative_gap = 1e-3;        ///< Stop when (bound - value) / |value| <= gap (0.1%).
    double absolute_gap = 1e-9;        ///< Stop when bound - value <= this.
    int threads = 1;                   ///< CBC threads (1 = deterministic).
    int seed = 1;                      ///< CBC random seed.
    std::stop_token stop{};            ///< Cancellation (checked at every node).
    std::function<void(const SelectionProgress&)> progress{};  ///< Called at nodes (throttled to ~4 Hz).
    bool shadow_prices = true;         ///< Solve the LP relaxation for shadow prices.
    bool explain = true;               ///< Fill exclusion reasons.
    std::vector<std::string> cbc_arguments{};  ///< Expert: extra CBC driver arguments placed before "-solve" (e.g. {"-cuts", "off"}).
    std::vector<int> warm_start{};     ///< Optional start period per candidate (-1 = not selected) tried as first incumbent.
};

/// Why a candidate is not in the selection.
enum class ExclusionReason : std::uint8_t {
    none,              ///< Selected.
    forced_out,        ///< In `forced_out`.
    no_benefit,        ///< Objective benefit <= 0.
    alone_infeasible,  ///< Does not fit even on its own (a period budget, capacity, total budget or risk limit).
    requires_,         ///< A candidate it requires is not selected.
    exclusive,         ///< Excluded by a selected candidate.
    group_limit,       ///< Its group's at-most count is reached.
    budget_period,     ///< Would exceed the budget of a period (at every allowed start).
    budget_total,      ///< Would exceed the total budget.
    capacity,          ///< Would exceed a role's capacity in a period.
    risk,              ///< Would exceed the maximum total risk.
    category_balance,  ///< Would break a category share.
    lower_value_density,  ///< It would fit only by displacing candidates worth more per unit of the binding resource.
    not_proven,        ///< Fits and adds value: the search stopped before proving it out (time limit, gap).
};

/// "forced_out", "budget_period", ...
[[nodiscard]] std::string_view to_string(ExclusionReason r) noexcept;

/// Result of `select_portfolio` (struct of arrays indexed by candidate, period, role).
struct SelectionResult {
    SelectionStatus status = SelectionStatus::infeasible;  ///< Solver outcome.
    bool has_solution = false;     ///< Whether the arrays below describe a selection.
    double objective = 0.0;        ///< Total objective value of the selection.
    double best_bound = 0.0;       ///< Proven upper bound on the optimum.
    double gap = 0.0;              ///< (bound - objective) / max(|objective|, 1e-9).
    double seconds = 0.0;          ///< Wall-clock time of the solve.
    double cpu_seconds = 0.0;      ///< Process CPU time of the solve (the honest figure on a loaded machine).
    long long nodes = 0;           ///< Branch-and-bound nodes.
    int variables = 0;             ///< MILP columns.
    int constraints = 0;           ///< MILP rows.

    // Per candidate.
    std::vector<std::string> candidate;          ///< Candidate ids (problem order).
    std::vector<std::uint8_t> selected;          ///< 1 if selected.
    std::vector<int> start;                      ///< Start period (-1 if not selected).
    std::vector<double> value;                   ///< Objective benefit.
    std::vector<ExclusionReason> reason;         ///< Why not selected (none if selected).
    std::vector<std::string> reason_detail;      ///< Human-readable explanation.

    // Per period.
    std::vector<Money> spend;                    ///< Cost of the selection per period.
    std::vector<double> budget_slack;            ///< Budget - spend (major units); empty without period budgets.
    std::vector<double> budget_shadow_price;     ///< LP-relaxation dual of the period budget (value per major unit).
    std::vector<std::uint8_t> budget_binding;    ///< 1 when slack is (near) zero or the row blocks an excluded candidate.

    // Per role x period: index role * periods + period, roles in `roles` order.
    std::vector<std::string> roles;              ///< Role ids.
    std::vector<double> role_used;               ///< Demand of the selection.
    std::vector<double> role_slack;              ///< Capacity - used.
    std::vector<double> role_shadow_price;       ///< LP-relaxation dual.
    std::vector<std::uint8_t> role_binding;      ///< 1 when (near) zero slack or blocking.

    Money total_spend;                           ///< Sum of selected candidates' total cost.
    double total_budget_slack = 0.0;             ///< Total budget - total spend (0 without a total budget).
    double total_budget_shadow_price = 0.0;      ///< LP dual of the total budget.
    double total_risk = 0.0;                     ///< Sum of selected risks.
    double lp_bound = 0.0;                       ///< LP-relaxation value (root, before cuts).

    /// Ids of the selected candidates, in problem order.
    [[nodiscard]] std::vector<std::string> selected_ids() const;
};

/// Builds the MILP, solves it with CBC (log silenced) and reports. Throws `ModelError` for an
/// invalid problem (see `validate_selection`); solver outcomes are statuses.
[[nodiscard]] SelectionResult select_portfolio(const SelectionProblem& problem, const SelectionOptions& options = {});

/// Greedy baseline (what a ranked list does, e.g. MS Project's "cost constraint analysis" order):
/// candidates by descending objective value (ties: value density), each added at the earliest
/// start in its window where every constraint still holds; forced-in first. Never fails;
/// status `feasible` (or `infeasible` if forced-in candidates do not fit / lower bounds of
/// groups and category shares are not met).
[[nodiscard]] SelectionResult select_greedy(const SelectionProblem& problem);

/// Checks a selection (start per candidate, -1 = out) against every constraint; returns an empty
/// string when feasible, else a description of the first violation. Used by tests and callers.
[[nodiscard]] std::string check_selection(const SelectionProblem& problem, const std::vector<int>& start);

}  // namespace ppm
