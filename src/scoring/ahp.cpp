// AHP on one matrix: Saaty (1980) eigenvector method, CI/CR, LLSM priorities, group aggregation.
#include "ppm/scoring/ahp.hpp"

#include <Eigen/Eigenvalues>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm {

namespace {

std::string cell(std::size_t i, std::size_t j) {
    return "(" + std::to_string(i) + "," + std::to_string(j) + ")";
}

std::string num(double v) {
    std::string s = std::to_string(v);
    return s;
}

Eigen::Index idx(std::size_t i) { return static_cast<Eigen::Index>(i); }

std::vector<double> normalised(const Eigen::VectorXd& v) {
    const double sum = v.sum();
    std::vector<double> out(static_cast<std::size_t>(v.size()));
    for (Eigen::Index i = 0; i < v.size(); ++i) out[static_cast<std::size_t>(i)] = v[i] / sum;
    return out;
}

}  // namespace

double saaty_random_index(std::size_t n) noexcept {
    static constexpr std::array<double, 16> kRandomIndex = {0.0,  0.0,  0.0,  0.58, 0.90, 1.12, 1.24, 1.32,
                                                            1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59};
    return kRandomIndex[std::min<std::size_t>(n, 15)];
}

double nearest_saaty_value(double ratio) noexcept {
    if (!(ratio > 0.0) || !std::isfinite(ratio)) return 1.0;
    double best = 1.0;
    double best_err = std::abs(std::log(ratio));
    for (int k = 2; k <= 9; ++k) {
        for (double v : {static_cast<double>(k), 1.0 / static_cast<double>(k)}) {
            const double err = std::abs(std::log(ratio / v));
            if (err < best_err) {
                best_err = err;
                best = v;
            }
        }
    }
    return best;
}

void validate_pairwise(const PairwiseMatrix& m, std::string_view id, const PairwiseChecks& checks) {
    if (m.rows() != m.cols())
        throw ModelError::invalid_value("pairwise matrix", id,
                                        "not square (" + std::to_string(m.rows()) + "x" + std::to_string(m.cols()) + ")");
    if (m.rows() == 0) throw ModelError::invalid_value("pairwise matrix", id, "empty");
    const auto n = static_cast<std::size_t>(m.rows());
    constexpr double kLow = 1.0 / 9.0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < n; ++j) {
            const double a = m(idx(i), idx(j));
            if (std::isnan(a)) throw ModelError::missing_value("judgement " + cell(i, j) + " of pairwise matrix", id);
            if (!(a > 0.0) || !std::isfinite(a))
                throw ModelError::invalid_value("pairwise matrix", id, "judgement " + cell(i, j) + " = " + num(a) +
                                                                          " is not a positive finite number");
            if (i == j) {
                if (std::abs(a - 1.0) > checks.reciprocal_tolerance)
                    throw ModelError::invalid_value("pairwise matrix", id,
                                                    "diagonal " + cell(i, j) + " = " + num(a) + " must be 1");
                continue;
            }
            if (checks.saaty_range && (a > 9.0 * (1.0 + checks.reciprocal_tolerance) ||
                                       a < kLow * (1.0 - checks.reciprocal_tolerance)))
                throw ModelError::invalid_value("pairwise matrix", id,
                                                "judgement " + cell(i, j) + " = " + num(a) + " is outside Saaty's 1/9..9");
            if (checks.integer_scale) {
                const double k = a >= 1.0 ? a : 1.0 / a;
                if (std::abs(k - std::round(k)) > 1e-6 * k)
                    throw ModelError::invalid_value("pairwise matrix", id,
                                                    "judgement " + cell(i, j) + " = " + num(a) +
                                                        " is not an integer 1..9 or its reciprocal");
            }
            if (j > i) {
                const double product = a * m(idx(j), idx(i));
                if (std::abs(product - 1.0) > checks.reciprocal_tolerance)
                    throw ModelError::inconsistent("pairwise matrix", id,
                                                   "not reciprocal: " + cell(i, j) + " = " + num(a) + " but " +
                                                       cell(j, i) + " = " + num(m(idx(j), idx(i))) + " (expected " +
                                                       num(1.0 / a) + ")");
            }
        }
    }
}

AhpResult analyse_pairwise(const PairwiseMatrix& m, const AhpOptions& options, std::string_view id) {
    validate_pairwise(m, id, options.checks);
    const auto n = static_cast<std::size_t>(m.rows());
    AhpResult r;

    // Principal eigenpair. A positive matrix has a simple real dominant eigenvalue with a positive
    // eigenvector (Perron); take the eigenvalue of largest real part.
    if (n == 1) {
        r.priorities = {1.0};
        r.lambda_max = 1.0;
    } else {
        Eigen::EigenSolver<Eigen::MatrixXd> solver(m, true);
        const auto& values = solver.eigenvalues();
        Eigen::Index best = 0;
        for (Eigen::Index i = 1; i < values.size(); ++i)
            if (values[i].real() > values[best].real()) best = i;
        r.lambda_max = values[best].real();
        Eigen::VectorXd v = solver.eigenvectors().col(best).real().cwiseAbs();
        r.priorities = normalised(v);
    }

    Eigen::VectorXd gm(idx(n));
    for (std::size_t i = 0; i < n; ++i) gm[idx(i)] = std::exp(m.row(idx(i)).array().log().mean());
    r.priorities_geometric_mean = normalised(gm);

    const double dn = static_cast<double>(n);
    r.consistency_index = n > 2 ? std::max(0.0, (r.lambda_max - dn) / (dn - 1.0)) : 0.0;
    r.random_index = saaty_random_index(n);
    r.consistency_ratio = r.random_index > 0.0 ? r.consistency_index / r.random_index : 0.0;
    r.acceptable = r.consistency_ratio <= options.cr_threshold;

    if (n > 2) {
        std::vector<InconsistentJudgement> all;
        all.reserve(n * (n - 1) / 2);
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j) {
                InconsistentJudgement jd;
                jd.row = i;
                jd.col = j;
                jd.given = m(idx(i), idx(j));
                jd.implied = r.priorities[i] / r.priorities[j];
                jd.suggested = nearest_saaty_value(jd.implied);
                jd.log_error = std::abs(std::log(jd.given / jd.implied));
                all.push_back(jd);
            }
        std::stable_sort(all.begin(), all.end(),
                         [](const auto& a, const auto& b) { return a.log_error > b.log_error; });
        all.resize(std::min(all.size(), options.inconsistent_top));
        r.most_inconsistent = std::move(all);
    }
    return r;
}

PairwiseMatrix pairwise_from_upper(std::size_t n, std::span<const double> upper, std::string_view id) {
    if (upper.size() != n * (n - 1) / 2)
        throw ModelError::invalid_value("pairwise matrix", id,
                                        "expected " + std::to_string(n * (n - 1) / 2) + " upper-triangle judgements for " +
                                            std::to_string(n) + " items, got " + std::to_string(upper.size()));
    PairwiseMatrix m = PairwiseMatrix::Ones(idx(n), idx(n));
    std::size_t k = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const double a = upper[k++];
            if (!(a > 0.0) || !std::isfinite(a))
                throw ModelError::invalid_value("pairwise matrix", id,
                                                "judgement " + cell(i, j) + " = " + num(a) + " is not a positive finite number");
            m(idx(i), idx(j)) = a;
            m(idx(j), idx(i)) = 1.0 / a;
        }
    return m;
}

PairwiseMatrix aggregate_judgements(std::span<const PairwiseMatrix> matrices, std::span<const double> weights,
                                    std::string_view id) {
    if (matrices.empty()) throw ModelError::missing_value("judges' matrices", id);
    if (!weights.empty() && weights.size() != matrices.size())
        throw ModelError::invalid_value("judge weights", id,
                                        std::to_string(weights.size()) + " weights for " +
                                            std::to_string(matrices.size()) + " matrices");
    const Eigen::Index n = matrices.front().rows();
    double total = 0.0;
    for (std::size_t k = 0; k < matrices.size(); ++k) {
        PairwiseChecks checks;
        checks.saaty_range = false;
        validate_pairwise(matrices[k], std::string(id) + " judge " + std::to_string(k), checks);
        if (matrices[k].rows() != n)
            throw ModelError::inconsistent("group judgements", id,
                                           "judge " + std::to_string(k) + " compares " + std::to_string(matrices[k].rows()) +
                                               " items, judge 0 compares " + std::to_string(n));
        const double w = weights.empty() ? 1.0 : weights[k];
        if (!(w >= 0.0) || !std::isfinite(w))
            throw ModelError::invalid_value("judge weight", id, "weight " + std::to_string(k) + " must be >= 0");
        total += w;
    }
    if (!(total > 0.0)) throw ModelError::invalid_value("judge weights", id, "all weights are zero");
    Eigen::MatrixXd log_sum = Eigen::MatrixXd::Zero(n, n);
    for (std::size_t k = 0; k < matrices.size(); ++k) {
        const double w = (weights.empty() ? 1.0 : weights[k]) / total;
        log_sum += w * matrices[k].array().log().matrix();
    }
    PairwiseMatrix out = log_sum.array().exp().matrix();
    // Restore exact reciprocity and unit diagonal lost to rounding.
    for (Eigen::Index i = 0; i < n; ++i) {
        out(i, i) = 1.0;
        for (Eigen::Index j = i + 1; j < n; ++j) out(j, i) = 1.0 / out(i, j);
    }
    return out;
}

}  // namespace ppm
