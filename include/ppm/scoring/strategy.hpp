#pragma once
/// @file
/// Strategy as an AHP hierarchy: goal -> objectives (criteria) -> business drivers (sub-criteria).
/// Each parent's children are compared pairwise by one or more stakeholders; their judgements are
/// aggregated by weighted geometric mean (Aczel & Saaty 1983), local priorities come from the
/// principal eigenvector, and global weights are the products of local weights along the path
/// from the goal (Saaty 1980, ch. 3, "hierarchic composition"). Leaves are the drivers that
/// candidates are rated against (MS Project Online's "business drivers").

#include <string>
#include <vector>

#include "ppm/scoring/ahp.hpp"

namespace ppm {

/// A node of the strategy hierarchy. Top-level objectives have an empty `parent`.
struct Criterion {
    std::string id;           ///< Unique among criteria.
    std::string name;         ///< Display name.
    std::string parent;       ///< Id of the parent criterion; empty = child of the goal.
    std::string description;  ///< Free text (MS Project's driver description).
};

/// A person (or body) whose judgements count, with a weight in group aggregation.
struct Stakeholder {
    std::string id;      ///< Unique among stakeholders.
    std::string name;    ///< Display name.
    double weight = 1.0; ///< Relative weight (>= 0) in the geometric mean.
};

/// One stakeholder's pairwise judgements over the children of a parent.
struct Judgements {
    std::string stakeholder;  ///< Stakeholder id; empty = anonymous, weight 1.
    PairwiseMatrix matrix;    ///< Children in the order `children` of the owning `Comparison`.
};

/// The comparison of a parent's children: pairwise judgements, or direct weights.
struct Comparison {
    std::string parent;                     ///< Criterion id, or empty for the goal.
    std::vector<std::string> children;      ///< Order of the matrix rows; must be exactly the parent's children.
    std::vector<Judgements> judgements;     ///< One or more matrices (aggregated when several).
    std::vector<double> direct_weights;     ///< Alternative to judgements: weights given outright (normalised).
};

/// The whole strategy.
struct Strategy {
    std::string name;                       ///< E.g. "FY27 strategy".
    std::vector<Criterion> criteria;        ///< Objectives and drivers.
    std::vector<Stakeholder> stakeholders;  ///< Judges.
    std::vector<Comparison> comparisons;    ///< One per parent with two or more children.
};

/// The analysis of one comparison (one parent).
struct ComparisonAnalysis {
    std::string parent;                 ///< Criterion id, empty for the goal.
    std::vector<std::string> children;  ///< Children in matrix order.
    PairwiseMatrix aggregated;          ///< Group matrix (the single matrix when one judge; empty for direct weights).
    AhpResult ahp;                      ///< Priorities and consistency of `aggregated` (priorities = direct weights otherwise).
    std::vector<double> stakeholder_cr; ///< Each judge's own consistency ratio, in `judgements` order.
};

/// Weights of every criterion (struct of arrays indexed like `Strategy::criteria`).
struct StrategyWeights {
    std::vector<std::string> ids;        ///< Criterion ids.
    std::vector<double> local;           ///< Weight relative to siblings (sum 1 per parent).
    std::vector<double> global;          ///< Product of local weights from the goal; leaves sum to 1.
    std::vector<std::uint8_t> is_driver; ///< 1 for leaves (drivers).
    std::vector<std::size_t> depth;      ///< 1 for objectives under the goal.
    std::vector<ComparisonAnalysis> comparisons;  ///< Goal first, then parents in criteria order.
    bool all_acceptable = true;          ///< Every comparison's CR <= threshold.

    /// Ids of the drivers (leaves) in criteria order, with their global weights.
    [[nodiscard]] std::vector<std::string> driver_ids() const;
    [[nodiscard]] std::vector<double> driver_weights() const;
};

/// Validates the hierarchy (unknown/duplicate ids, cycles, comparisons that do not list exactly the
/// children) and computes local and global weights. Throws `ModelError`.
[[nodiscard]] StrategyWeights evaluate_strategy(const Strategy& strategy, const AhpOptions& options = {});

}  // namespace ppm
