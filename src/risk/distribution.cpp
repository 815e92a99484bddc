// Duration distributions sampled by inverse transform (see distribution.hpp for sources).
#include "ppm/risk/distribution.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "ppm/core/error.hpp"

namespace ppm {
namespace {

constexpr std::size_t kPertTable = 1024;  // intervals in the beta quantile table

/// Standard beta(alpha, beta) quantiles at k / kPertTable, from the CDF integrated by the midpoint
/// rule on a fine grid (alpha, beta >= 1 so the density is bounded).
std::vector<double> beta_quantile_table(double alpha, double beta) {
    constexpr std::size_t kGrid = 1 << 15;
    std::vector<double> cdf(kGrid + 1, 0.0);
    const double h = 1.0 / static_cast<double>(kGrid);
    for (std::size_t i = 0; i < kGrid; ++i) {
        const double x = (static_cast<double>(i) + 0.5) * h;
        cdf[i + 1] = cdf[i] + std::pow(x, alpha - 1.0) * std::pow(1.0 - x, beta - 1.0) * h;
    }
    const double total = cdf[kGrid];
    for (auto& c : cdf) c /= total;
    std::vector<double> q(kPertTable + 1);
    std::size_t i = 0;
    for (std::size_t k = 0; k <= kPertTable; ++k) {
        const double u = static_cast<double>(k) / static_cast<double>(kPertTable);
        while (i < kGrid && cdf[i + 1] < u) ++i;
        const double span = cdf[i + 1] - cdf[i];
        const double frac = span > 0.0 ? std::clamp((u - cdf[i]) / span, 0.0, 1.0) : 0.0;
        q[k] = (static_cast<double>(i) + frac) * h;
    }
    q.front() = 0.0;
    q.back() = 1.0;
    return q;
}

/// Tables shared between samplers of equal shape (many tasks share a shape).
const std::vector<double>& cached_beta_table(double alpha, double beta) {
    static std::mutex mutex;
    static std::map<std::pair<double, double>, std::vector<double>> cache;
    std::lock_guard lock(mutex);
    auto key = std::pair{alpha, beta};
    auto it = cache.find(key);
    if (it == cache.end()) it = cache.emplace(key, beta_quantile_table(alpha, beta)).first;
    return it->second;
}

}  // namespace

std::string_view to_string(DistributionKind k) noexcept {
    switch (k) {
        case DistributionKind::fixed: return "fixed";
        case DistributionKind::uniform: return "uniform";
        case DistributionKind::triangular: return "triangular";
        case DistributionKind::pert: return "pert";
        case DistributionKind::lognormal: return "lognormal";
        case DistributionKind::discrete: return "discrete";
    }
    return "?";
}

DistributionKind parse_distribution_kind(std::string_view s) {
    for (auto k : {DistributionKind::fixed, DistributionKind::uniform, DistributionKind::triangular, DistributionKind::pert,
                   DistributionKind::lognormal, DistributionKind::discrete})
        if (to_string(k) == s) return k;
    throw ModelError::invalid_value("distribution", s, "expected fixed, uniform, triangular, pert, lognormal or discrete");
}

void check_distribution(const DurationDistribution& d, std::string_view where) {
    auto bad = [&](const char* detail) { throw ModelError::invalid_value("distribution", where, detail); };
    auto finite = [](double v) { return std::isfinite(v); };
    switch (d.kind) {
        case DistributionKind::fixed:
            if (!finite(d.min) || d.min < 0.0) bad("a fixed duration must be finite and >= 0");
            break;
        case DistributionKind::uniform:
            if (!finite(d.min) || !finite(d.max) || d.min < 0.0 || d.max < d.min) bad("uniform needs 0 <= min <= max");
            break;
        case DistributionKind::triangular:
        case DistributionKind::pert:
            if (!finite(d.min) || !finite(d.most_likely) || !finite(d.max) || d.min < 0.0 || d.most_likely < d.min ||
                d.max < d.most_likely)
                bad("needs 0 <= min <= most_likely <= max");
            if (d.kind == DistributionKind::pert && !(d.lambda > 0.0 && d.lambda < 1e6)) bad("pert lambda must be > 0");
            break;
        case DistributionKind::lognormal:
            if (!(d.mean > 0.0) || !(d.stddev >= 0.0) || !finite(d.mean) || !finite(d.stddev))
                bad("lognormal needs mean > 0 and stddev >= 0");
            break;
        case DistributionKind::discrete: {
            if (d.values.empty() || d.values.size() != d.probabilities.size())
                bad("discrete needs as many probabilities as values (at least one)");
            double sum = 0.0;
            for (std::size_t i = 0; i < d.values.size(); ++i) {
                if (!finite(d.values[i]) || d.values[i] < 0.0) bad("discrete values must be >= 0");
                if (!(d.probabilities[i] >= 0.0)) bad("discrete probabilities must be >= 0");
                sum += d.probabilities[i];
            }
            if (std::abs(sum - 1.0) > 1e-6) bad("discrete probabilities must sum to 1");
            break;
        }
    }
}

double distribution_mean(const DurationDistribution& d) {
    switch (d.kind) {
        case DistributionKind::fixed: return d.min;
        case DistributionKind::uniform: return 0.5 * (d.min + d.max);
        case DistributionKind::triangular: return (d.min + d.most_likely + d.max) / 3.0;
        case DistributionKind::pert: return (d.min + d.lambda * d.most_likely + d.max) / (d.lambda + 2.0);
        case DistributionKind::lognormal: return d.mean;
        case DistributionKind::discrete: {
            double m = 0.0;
            for (std::size_t i = 0; i < d.values.size(); ++i) m += d.values[i] * d.probabilities[i];
            return m;
        }
    }
    return 0.0;
}

double normal_quantile(double u) noexcept {
    // P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function" (2003).
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01, -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    constexpr double lo = 0.02425, hi = 1.0 - lo;
    if (u <= 0.0) return -38.0;
    if (u >= 1.0) return 38.0;
    if (u < lo) {
        const double q = std::sqrt(-2.0 * std::log(u));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    if (u > hi) {
        const double q = std::sqrt(-2.0 * std::log(1.0 - u));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    }
    const double q = u - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

double normal_cdf(double z) noexcept { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

Sampler::Sampler(const DurationDistribution& d, std::string_view where) : kind_(d.kind) {
    check_distribution(d, where);
    a_ = d.min;
    b_ = d.max;
    c_ = d.most_likely;
    switch (d.kind) {
        case DistributionKind::fixed: b_ = a_; break;
        case DistributionKind::uniform: break;
        case DistributionKind::triangular: fc_ = b_ > a_ ? (c_ - a_) / (b_ - a_) : 0.0; break;
        case DistributionKind::pert:
            if (b_ > a_) {
                const double alpha = 1.0 + d.lambda * (c_ - a_) / (b_ - a_);
                const double beta = 1.0 + d.lambda * (b_ - c_) / (b_ - a_);
                beta_ = cached_beta_table(alpha, beta).data();  // map nodes are stable
            } else {
                kind_ = DistributionKind::fixed;
            }
            break;
        case DistributionKind::lognormal:
            sigma_ = std::sqrt(std::log1p((d.stddev * d.stddev) / (d.mean * d.mean)));
            mu_ = std::log(d.mean) - 0.5 * sigma_ * sigma_;
            break;
        case DistributionKind::discrete: {
            values_ = d.values;
            double cum = 0.0;
            for (double p : d.probabilities) table_.push_back(cum += p);
            table_.back() = 1.0;
            break;
        }
    }
}

double Sampler::quantile(double u) const noexcept {
    switch (kind_) {
        case DistributionKind::fixed: return a_;
        case DistributionKind::uniform: return a_ + u * (b_ - a_);
        case DistributionKind::triangular:
            if (u < fc_) return a_ + std::sqrt(u * (b_ - a_) * (c_ - a_));
            return b_ - std::sqrt((1.0 - u) * (b_ - a_) * (b_ - c_));
        case DistributionKind::pert: {
            const double x = u * static_cast<double>(kPertTable);
            const auto k = std::min(static_cast<std::size_t>(x), kPertTable - 1);
            const double f = x - static_cast<double>(k);
            return a_ + (b_ - a_) * (beta_[k] + f * (beta_[k + 1] - beta_[k]));
        }
        case DistributionKind::lognormal: return std::exp(mu_ + sigma_ * normal_quantile(u));
        case DistributionKind::discrete: {
            const auto it = std::lower_bound(table_.begin(), table_.end(), u);
            return values_[static_cast<std::size_t>(std::min<std::ptrdiff_t>(it - table_.begin(),
                                                                             static_cast<std::ptrdiff_t>(values_.size()) - 1))];
        }
    }
    return a_;
}

}  // namespace ppm
