#pragma once
// Local search on a feasible selection (primal heuristic for the selection MILP): repeated passes of
// "add" (a candidate that still fits at some start) and "swap" (drop one selected candidate, add one
// worth more at some start). Every move keeps every constraint; the result is never worth less than
// the input. Deterministic (fixed pass order and limits, no clock). Used by the frontier to lift CBC's
// incumbents and the warm starts carried from one budget to the next.

#include <vector>

#include "compiled.hpp"

namespace ppm::detail {

/// Improves `start` (start period per candidate, -1 = out), which must satisfy every constraint of
/// `c`; returns it unchanged if it does not. At most `max_rounds` add / swap / drop-and-refill rounds.
/// Candidates are tried in descending `priority` (per candidate; empty = by value), e.g. the LP
/// relaxation's reduced profit, so refills follow the relaxation's prices of the scarce rows.
std::vector<int> improve_selection(const Compiled& c, std::vector<int> start, int max_rounds = 4,
                                   const std::vector<double>& priority = {});

/// Objective value of a start vector.
double selection_value(const Compiled& c, const std::vector<int>& start);

}  // namespace ppm::detail
