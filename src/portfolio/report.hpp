#pragma once
// Filling a SelectionResult from a chosen start vector: usage, slack, binding rows and the
// explanation of each exclusion (shared by the MILP and the greedy heuristic).

#include <vector>

#include "compiled.hpp"
#include "ppm/portfolio/selection.hpp"

namespace ppm::detail {

/// Fills the per-candidate/period/role arrays of `r` for `start` (-1 = not selected). Keeps shadow
/// prices already in `r` (zero-fills them otherwise). Explains exclusions when `explain`.
void fill_report(const Compiled& c, const SelectionProblem& problem, const std::vector<int>& start, SelectionResult& r,
                 bool explain);

}  // namespace ppm::detail
