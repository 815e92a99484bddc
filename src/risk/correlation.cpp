// Gaussian-copula factors with PSD check and optional spectral repair (see correlation.hpp).
#include "ppm/risk/correlation.hpp"

#include <cmath>

#include "ppm/core/error.hpp"

namespace ppm {

CorrelationFactor factor_correlation(const CorrelationGroup& g, bool repair, double repair_epsilon) {
    const auto n = static_cast<Eigen::Index>(g.tasks.size());
    const auto& r = g.correlation;
    if (r.rows() != n || r.cols() != n)
        throw ModelError::invalid_value("correlation matrix", g.name, "must be square with one row per task of the group");
    for (Eigen::Index i = 0; i < n; ++i) {
        if (std::abs(r(i, i) - 1.0) > 1e-12) throw ModelError::invalid_value("correlation matrix", g.name, "diagonal must be 1");
        for (Eigen::Index j = 0; j < n; ++j) {
            if (!(std::abs(r(i, j)) <= 1.0)) throw ModelError::invalid_value("correlation matrix", g.name, "entries must be within [-1, 1]");
            if (std::abs(r(i, j) - r(j, i)) > 1e-12) throw ModelError::invalid_value("correlation matrix", g.name, "must be symmetric");
        }
    }
    CorrelationFactor f;
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(r);
    f.min_eigenvalue = n > 0 ? eig.eigenvalues().minCoeff() : 1.0;
    f.used = r;
    if (f.min_eigenvalue < -1e-10) {
        if (!repair)
            throw ModelError::invalid_value("correlation matrix", g.name,
                                            "is not positive semi-definite (smallest eigenvalue " +
                                                std::to_string(f.min_eigenvalue) + "); fix it or enable repair");
        // Rebonato & Jaeckel (1999): clip eigenvalues, rebuild, rescale to unit diagonal.
        Eigen::VectorXd lambda = eig.eigenvalues().cwiseMax(repair_epsilon);
        Eigen::MatrixXd m = eig.eigenvectors() * lambda.asDiagonal() * eig.eigenvectors().transpose();
        Eigen::VectorXd s = m.diagonal().cwiseSqrt().cwiseInverse();
        f.used = s.asDiagonal() * m * s.asDiagonal();
        f.used = 0.5 * (f.used + f.used.transpose());
        f.used.diagonal().setOnes();
        f.repaired = true;
    }
    Eigen::LLT<Eigen::MatrixXd> llt(f.used);
    if (llt.info() == Eigen::Success) {
        f.factor = llt.matrixL();
    } else {  // positive semi-definite but singular (e.g. rho = 1): spectral factor
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> e2(f.used);
        f.factor = e2.eigenvectors() * e2.eigenvalues().cwiseMax(0.0).cwiseSqrt().asDiagonal();
    }
    return f;
}

}  // namespace ppm
