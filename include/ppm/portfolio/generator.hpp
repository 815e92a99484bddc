#pragma once
/// @file
/// Seeded generator of realistic candidate portfolios for tests and benchmarks: project sizes
/// log-uniform (three size classes), trapezoid cost profiles (ramp-up, plateau, ramp-down), 2-4
/// roles per project, NPV = cost x lognormal-like ROI, alignment score in [0, 1], three
/// categories (run / grow / transform) with balance limits, start windows, "requires" chains and
/// exclusive pairs, budgets and capacities set to a fraction of the unconstrained demand.
/// Same options and seed -> same problem on every platform (own integer-based sampling).

#include <cstdint>

#include "ppm/portfolio/selection_problem.hpp"

namespace ppm {

/// Generator settings.
struct GeneratorOptions {
    int candidates = 100;            ///< Number of proposals.
    int periods = 24;                ///< Horizon (months).
    int roles = 10;                  ///< Number of roles.
    std::uint64_t seed = 1;          ///< Random seed.
    int max_window = 3;              ///< Start windows are 0..max_window periods wide.
    double requires_fraction = 0.05; ///< Share of candidates that require another.
    double exclusive_fraction = 0.02;///< Exclusive pairs as a share of candidates.
    double budget_tightness = 0.35;  ///< Budgets as a share of everything's cost.
    double capacity_tightness = 0.45;///< Capacities as a share of everything's demand.
    bool category_limits = true;     ///< Add "transform >= 15% of spend" and "run <= 50% of spend".
    bool risk_limit = true;          ///< Max total risk = 40% of the sum of risks.
};

/// Generates a problem with objective "npv".
[[nodiscard]] SelectionProblem generate_selection_problem(const GeneratorOptions& options);

}  // namespace ppm
