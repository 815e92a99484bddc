#pragma once
// The selection MILP (see include/ppm/portfolio/selection.hpp for the model) built column-wise from
// the compiled problem, and one CBC solve of it (CbcMain0/CbcMain1, CBC's standard driver) with a
// warm start, a wall-clock time limit and an event handler for progress and cancellation. Shared by
// `select_portfolio` and `efficient_frontier` (which builds the model once and only changes the
// budget rows' right-hand sides from point to point).

#include <chrono>
#include <cstddef>
#include <vector>

#include "compiled.hpp"
#include "ppm/portfolio/selection.hpp"

class OsiClpSolverInterface;

namespace ppm::detail {

/// CBC minimises, so values, bounds and shadow prices are the negated solver figures; plain
/// negation turns a zero (an empty selection) into -0, which prints "-0" and "-0.000". No sign then.
[[nodiscard]] inline double negated(double v) noexcept { return v == 0.0 ? 0.0 : -v; }

/// Column-wise MILP: columns x[p,s] (candidate p starts in period s), rows as triplets.
struct Milp {
    std::vector<std::size_t> col_candidate;
    std::vector<int> col_start;
    std::vector<std::size_t> cand_begin;  ///< columns of candidate p: [cand_begin[p], cand_begin[p+1])
    std::vector<double> obj, collb, colub;
    std::vector<int> trip_row, trip_col;
    std::vector<double> trip_val;
    std::vector<double> rowlb, rowub;
    std::vector<int> resource_row;  ///< compiled resource row -> MILP row or -1
    int total_row = -1;
    int start_rows = 0;  ///< rows [0, start_rows) are the one-start rows (sum_s x[p,s] <= 1)
    bool trivially_infeasible = false;

    int add_row(double lo, double hi);
    void coef(int row, std::size_t col, double v);
    void coef_y(int row, std::size_t p, double v);  ///< y_p = sum_s x[p,s]
    [[nodiscard]] bool has_columns(std::size_t p) const { return cand_begin[p + 1] > cand_begin[p]; }
    [[nodiscard]] int cols() const noexcept { return static_cast<int>(obj.size()); }
    [[nodiscard]] int rows() const noexcept { return static_cast<int>(rowlb.size()); }
};

/// Builds the MILP; columns that cannot start even alone under `c`'s limits are left out.
Milp build_milp(const Compiled& c);

/// Loads `m` into a CLP interface with every column integer (log silenced).
void load_milp(const Milp& m, OsiClpSolverInterface& solver);

/// Outcome of one CBC run.
struct CbcOutcome {
    SelectionStatus status = SelectionStatus::infeasible;
    bool has_solution = false;
    double objective = 0.0;   ///< maximised value
    double best_bound = 0.0;  ///< honest upper bound (see run_cbc)
    long long nodes = 0;
    std::vector<double> x;    ///< column values (size cols) when has_solution
};

/// Solves `solver`'s problem (already loaded, LP possibly solved) with CBC. `warm` (size cols, or
/// empty) is offered as first incumbent when feasible. `lp_bound` caps the bound (pass +inf if
/// unknown). The time limit is wall-clock seconds counted from `t0`. Rethrows a progress callback's
/// exception.
CbcOutcome run_cbc(const OsiClpSolverInterface& solver, const std::vector<double>& warm, double lp_bound,
                   const SelectionOptions& options, std::chrono::steady_clock::time_point t0);

/// Start period per candidate (-1 = not selected) of a column vector.
std::vector<int> starts_of(const Milp& m, std::size_t candidates, const std::vector<double>& x);

/// Column vector of a start vector; empty if some start has no column.
std::vector<double> columns_of(const Milp& m, const std::vector<int>& start);

}  // namespace ppm::detail
