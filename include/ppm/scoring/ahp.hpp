#pragma once
/// @file
/// Analytic Hierarchy Process on one pairwise comparison matrix.
///
/// Method: T. L. Saaty, "The Analytic Hierarchy Process", McGraw-Hill, 1980 (principal right
/// eigenvector, lambda_max, CI = (lambda_max - n)/(n - 1), CR = CI / RI with Saaty's random-index
/// table); geometric-mean (logarithmic least squares) priorities after Crawford & Williams, J. Math.
/// Psych. 29 (1985); group aggregation of judgements by (weighted) geometric mean after Aczel & Saaty,
/// J. Math. Psych. 27 (1983), which is the only aggregation that keeps the reciprocal property.
///
/// @code
///   const double upper[] = {4, 3, 7, 1.0 / 3, 3, 5};   // row by row above the diagonal
///   ppm::PairwiseMatrix m = ppm::pairwise_from_upper(4, upper);
///   ppm::AhpResult r = ppm::analyse_pairwise(m);   // r.priorities ~ {.548, .127, .270, .056}
///   if (!r.acceptable) { for (auto& j : r.most_inconsistent) { /* show the judgement j */ (void)j; } }
/// @endcode

#include <Eigen/Core>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ppm {

/// a(i, j) says how much more important item i is than item j on Saaty's 1..9 scale; a(j, i) = 1/a(i, j).
using PairwiseMatrix = Eigen::MatrixXd;

/// How `validate_pairwise` treats the values.
struct PairwiseChecks {
    double reciprocal_tolerance = 1e-6;  ///< Relative tolerance of a(i,j) * a(j,i) == 1 and a(i,i) == 1.
    bool saaty_range = true;             ///< Require 1/9 <= a(i,j) <= 9.
    bool integer_scale = false;          ///< Require a(i,j) or 1/a(i,j) to be an integer 1..9 (single judges).
};

/// Options of `analyse_pairwise`.
struct AhpOptions {
    PairwiseChecks checks{};           ///< Validation applied first.
    double cr_threshold = 0.10;        ///< Saaty's acceptability limit for CR (0.05 for n = 3, 0.08 for n = 4 are stricter variants).
    std::size_t inconsistent_top = 3;  ///< How many judgements to list in `most_inconsistent`.
};

/// One judgement a(row, col) compared with what the priorities imply (w_row / w_col).
struct InconsistentJudgement {
    std::size_t row = 0;       ///< Item judged more (or less) important.
    std::size_t col = 0;       ///< Item it was compared with.
    double given = 1.0;        ///< a(row, col) as entered.
    double implied = 1.0;      ///< w_row / w_col from the eigenvector priorities.
    double suggested = 1.0;    ///< `implied` rounded to the nearest Saaty scale value (1..9 or reciprocal).
    double log_error = 0.0;    ///< |ln(given / implied)|: the ranking key.
};

/// Everything AHP says about one matrix.
struct AhpResult {
    std::vector<double> priorities;                  ///< Principal right eigenvector, sum 1 (Saaty's method).
    std::vector<double> priorities_geometric_mean;   ///< Row geometric means, sum 1 (LLSM).
    double lambda_max = 0.0;                         ///< Principal eigenvalue (>= n for a positive reciprocal matrix).
    double consistency_index = 0.0;                  ///< CI = (lambda_max - n) / (n - 1); 0 for n <= 2.
    double random_index = 0.0;                       ///< Saaty's RI for n.
    double consistency_ratio = 0.0;                  ///< CR = CI / RI; 0 when RI is 0 (n <= 2).
    bool acceptable = true;                          ///< CR <= threshold.
    std::vector<InconsistentJudgement> most_inconsistent;  ///< Upper-triangle judgements, worst first (empty when n <= 2).
};

/// Saaty's random consistency index RI(n) (Saaty 1980, table 1.2 for n <= 10; extended to 15 in
/// Saaty 1980 ch. 2): 0, 0, .58, .90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59.
/// For n > 15 the value for 15 is returned (documented approximation).
[[nodiscard]] double saaty_random_index(std::size_t n) noexcept;

/// Throws `ModelError` (invalid_value / missing_value / inconsistent) naming `id` and the cell
/// (row, col) when the matrix is not square, not complete (NaN = missing), not positive, not
/// reciprocal, or out of the scale.
void validate_pairwise(const PairwiseMatrix& matrix, std::string_view id = "matrix", const PairwiseChecks& checks = {});

/// Validates, then computes priorities, lambda_max, CI, CR and the most inconsistent judgements.
[[nodiscard]] AhpResult analyse_pairwise(const PairwiseMatrix& matrix, const AhpOptions& options = {},
                                         std::string_view id = "matrix");

/// Builds the full reciprocal matrix from the strict upper triangle given row by row:
/// (0,1), (0,2), ..., (0,n-1), (1,2), ... Throws `ModelError` when the count is not n(n-1)/2.
[[nodiscard]] PairwiseMatrix pairwise_from_upper(std::size_t n, std::span<const double> upper,
                                                 std::string_view id = "matrix");

/// Aggregates several judges' matrices into one by the weighted geometric mean of each judgement
/// (weights default to equal; they are normalised). All matrices must have the same size and be valid.
[[nodiscard]] PairwiseMatrix aggregate_judgements(std::span<const PairwiseMatrix> matrices,
                                                  std::span<const double> weights = {},
                                                  std::string_view id = "group");

/// Nearest value of Saaty's scale {1/9, ..., 1/2, 1, 2, ..., 9} to `ratio` (in log terms).
[[nodiscard]] double nearest_saaty_value(double ratio) noexcept;

}  // namespace ppm
