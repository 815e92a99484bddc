#pragma once
/// @file
/// Correlated durations through a Gaussian copula (Iman & Conover, "A distribution-free approach
/// to inducing rank correlation among input variables", 1982, use ranks; ppm uses the normal
/// copula of the same literature): independent standard normals n are mixed as z = B n with
/// B B^T = R, and each task samples its own distribution at u = Phi(z).
/// B is the Cholesky factor (Eigen::LLT) when R is positive definite, else a spectral factor
/// V sqrt(Lambda) when R is positive semi-definite. A matrix with a negative eigenvalue is rejected
/// with ModelError, or repaired when asked: eigenvalues clipped at `repair_epsilon` and the result
/// rescaled to unit diagonal (the spectral method of Rebonato & Jaeckel, "The most general
/// methodology to create a valid correlation matrix", 1999) -- the nearest-PSD choice documented
/// in docs/risk.md.

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Dense>

namespace ppm {

/// Tasks (dense indices) whose durations are correlated with matrix `correlation`.
struct CorrelationGroup {
    std::string name;
    std::vector<std::uint32_t> tasks;
    Eigen::MatrixXd correlation;  ///< Symmetric, unit diagonal, entries in [-1, 1].
};

/// Result of preparing a group.
struct CorrelationFactor {
    Eigen::MatrixXd factor;       ///< B with B B^T = the (possibly repaired) matrix.
    Eigen::MatrixXd used;         ///< The matrix actually used.
    bool repaired = false;
    double min_eigenvalue = 0.0;  ///< Of the input matrix.
};

/// Validates and factors a group's matrix. Throws ModelError(invalid_value) when it is not square
/// of the group's size, not symmetric, has a diagonal other than 1 or entries outside [-1, 1], or
/// (without `repair`) is not positive semi-definite (tolerance 1e-10).
[[nodiscard]] CorrelationFactor factor_correlation(const CorrelationGroup& g, bool repair = false,
                                                   double repair_epsilon = 1e-8);

}  // namespace ppm
