#pragma once
/// @file
/// Duration distributions for schedule risk analysis, sampled by inverse transform (so a Gaussian
/// copula can drive them, and a sample's rank is its uniform's rank):
///   fixed; uniform(a, b); triangular(a, c, b); PERT-beta(a, c, b, lambda = 4) -- Malcolm, Roseboom,
///   Clark & Fazar, "Application of a technique for R&D program evaluation", Operations Research 7(5),
///   1959, in the modified form of Vose, "Risk Analysis", 3rd ed., 2008, sec. 9.2.6: alpha = 1 +
///   lambda (c-a)/(b-a), beta = 1 + lambda (b-c)/(b-a); lognormal given the duration's mean and
///   standard deviation; discrete (values with probabilities).
/// The PERT quantile uses a 1,025-point table of the standard beta inverse CDF per (alpha, beta),
/// interpolated linearly (absolute error < 1e-3 of the range); the normal quantile is Acklam's
/// rational approximation (relative error < 1.2e-9) -- both documented in docs/risk.md.

#include <string>
#include <string_view>
#include <vector>

namespace ppm {

/// Which family a distribution belongs to.
enum class DistributionKind { fixed, uniform, triangular, pert, lognormal, discrete };
std::string_view to_string(DistributionKind k) noexcept;  ///< "fixed", "uniform", "triangular", "pert", "lognormal", "discrete"
DistributionKind parse_distribution_kind(std::string_view s);  ///< Throws ModelError(invalid_value).

/// A duration distribution in working minutes. Fields used depend on `kind`.
struct DurationDistribution {
    DistributionKind kind = DistributionKind::fixed;
    double min = 0.0;           ///< fixed (the value), uniform, triangular, pert: lower bound.
    double most_likely = 0.0;   ///< triangular, pert: mode.
    double max = 0.0;           ///< uniform, triangular, pert: upper bound.
    double lambda = 4.0;        ///< pert: weight of the mode (4 = classic PERT).
    double mean = 0.0;          ///< lognormal: mean of the duration.
    double stddev = 0.0;        ///< lognormal: standard deviation of the duration.
    std::vector<double> values;         ///< discrete: the possible durations.
    std::vector<double> probabilities;  ///< discrete: their probabilities (sum 1 +- 1e-6).

    /// A certain duration `v`.
    static DurationDistribution fixed_at(double v) { return make(DistributionKind::fixed, v, v, v); }
    /// Uniform on [a, b].
    static DurationDistribution uniform(double a, double b) { return make(DistributionKind::uniform, a, a, b); }
    /// Triangular with bounds a, b and mode c.
    static DurationDistribution triangular(double a, double c, double b) { return make(DistributionKind::triangular, a, c, b); }
    /// PERT-beta with bounds a, b, mode c and weight lambda.
    static DurationDistribution pert(double a, double c, double b, double lambda = 4.0) {
        auto d = make(DistributionKind::pert, a, c, b);
        d.lambda = lambda;
        return d;
    }
    /// Lognormal with the given mean and standard deviation of the duration.
    static DurationDistribution lognormal(double mean_, double stddev_) {
        DurationDistribution d;
        d.kind = DistributionKind::lognormal;
        d.mean = mean_;
        d.stddev = stddev_;
        return d;
    }

private:
    static DurationDistribution make(DistributionKind k, double a, double c, double b) {
        DurationDistribution d;
        d.kind = k;
        d.min = a;
        d.most_likely = c;
        d.max = b;
        return d;
    }
};

/// Throws ModelError(invalid_value) naming `where` when the parameters are inconsistent
/// (min > mode > max, negative values, probabilities not summing to 1...).
void check_distribution(const DurationDistribution& d, std::string_view where);

/// Analytic mean of the distribution.
[[nodiscard]] double distribution_mean(const DurationDistribution& d);

/// Standard normal quantile (Acklam's algorithm); u in (0, 1).
[[nodiscard]] double normal_quantile(double u) noexcept;
/// Standard normal CDF.
[[nodiscard]] double normal_cdf(double z) noexcept;

/// A distribution prepared for fast repeated sampling (PERT tables built once).
class Sampler {
public:
    Sampler() = default;
    /// Validates `d` (see check_distribution) and prepares it.
    explicit Sampler(const DurationDistribution& d, std::string_view where = "distribution");
    /// The value at cumulative probability u in (0, 1).
    [[nodiscard]] double quantile(double u) const noexcept;

private:
    DistributionKind kind_ = DistributionKind::fixed;
    double a_ = 0.0, b_ = 0.0, c_ = 0.0, fc_ = 0.0;  // bounds, mode, CDF at mode
    double mu_ = 0.0, sigma_ = 0.0;                  // lognormal
    const double* beta_ = nullptr;                   // pert: shared table of standard beta quantiles
    std::vector<double> table_;                      // discrete: cumulative probabilities
    std::vector<double> values_;                     // discrete values
};

}  // namespace ppm
