// Weighted-sum alignment scoring and exact one-at-a-time weight sensitivity
// (Triantaphyllou & Sanchez 1997; scores are linear in the moved weight).
#include "ppm/scoring/alignment.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numeric>

#include "ppm/core/error.hpp"

namespace ppm {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

}  // namespace

std::optional<double> RatingScale::value_of(std::string_view name) const {
    for (const auto& l : levels)
        if (iequals(l.name, name)) return l.value;
    return std::nullopt;
}

std::string_view to_string(Normalisation n) noexcept {
    switch (n) {
        case Normalisation::none: return "none";
        case Normalisation::min_max: return "min_max";
        case Normalisation::range: return "range";
        case Normalisation::max: return "max";
    }
    return "none";
}

AlignmentResult score_alignment(const AlignmentInput& in) {
    const std::size_t nd = in.drivers.size();
    const std::size_t nc = in.candidates.size();
    if (nd == 0) throw ModelError::missing_value("drivers", "alignment");
    if (in.weights.size() != nd)
        throw ModelError::invalid_value("driver weights", "alignment",
                                        std::to_string(in.weights.size()) + " weights for " + std::to_string(nd) + " drivers");
    if (!in.driver_scales.empty() && in.driver_scales.size() != nd)
        throw ModelError::invalid_value("driver scales", "alignment", "one scale per driver expected");
    if (in.ratings.size() != nc * nd)
        throw ModelError::invalid_value("ratings", "alignment",
                                        std::to_string(in.ratings.size()) + " ratings for " + std::to_string(nc) +
                                            " candidates x " + std::to_string(nd) + " drivers");
    for (const auto& l : in.scale.levels)
        if (!(l.value >= 0.0 && l.value <= 1.0))
            throw ModelError::invalid_value("rating level", l.name, "value must be in [0, 1]");

    AlignmentResult r;
    r.candidates = in.candidates;
    r.drivers = in.drivers;
    double wsum = 0.0;
    for (std::size_t d = 0; d < nd; ++d) {
        if (!(in.weights[d] >= 0.0) || !std::isfinite(in.weights[d]))
            throw ModelError::invalid_value("driver weight", in.drivers[d], "must be a finite number >= 0");
        wsum += in.weights[d];
    }
    if (!(wsum > 0.0)) throw ModelError::invalid_value("driver weights", "alignment", "all weights are zero");
    r.weights.resize(nd);
    for (std::size_t d = 0; d < nd; ++d) r.weights[d] = in.weights[d] / wsum;

    // Normalise each driver's column.
    r.normalised.assign(nc * nd, 0.0);
    for (std::size_t d = 0; d < nd; ++d) {
        const DriverScale ds = in.driver_scales.empty() ? DriverScale{} : in.driver_scales[d];
        double lo = std::numeric_limits<double>::infinity();
        double hi = -lo;
        for (std::size_t c = 0; c < nc; ++c) {
            const Rating& rt = in.ratings[c * nd + d];
            if (!rt.level.empty() || !rt.number) continue;
            if (!std::isfinite(*rt.number))
                throw ModelError::invalid_value("rating of " + in.drivers[d], in.candidates[c], "not a finite number");
            lo = std::min(lo, *rt.number);
            hi = std::max(hi, *rt.number);
        }
        if (ds.normalisation == Normalisation::range && !(ds.hi > ds.lo))
            throw ModelError::invalid_value("driver range", in.drivers[d], "hi must be greater than lo");
        for (std::size_t c = 0; c < nc; ++c) {
            const Rating& rt = in.ratings[c * nd + d];
            double v = 0.0;
            if (!rt.level.empty()) {
                auto lv = in.scale.value_of(rt.level);
                if (!lv)
                    throw ModelError::invalid_value("rating of " + in.drivers[d], in.candidates[c],
                                                    "unknown level '" + rt.level + "'");
                v = *lv;
            } else if (rt.number) {
                const double x = *rt.number;
                switch (ds.normalisation) {
                    case Normalisation::none:
                        if (x < 0.0 || x > 1.0)
                            throw ModelError::invalid_value("rating of " + in.drivers[d], in.candidates[c],
                                                            "must be in [0, 1] without normalisation");
                        v = x;
                        break;
                    case Normalisation::min_max: v = hi > lo ? (x - lo) / (hi - lo) : 1.0; break;
                    case Normalisation::range: v = std::clamp((x - ds.lo) / (ds.hi - ds.lo), 0.0, 1.0); break;
                    case Normalisation::max:
                        if (x < 0.0)
                            throw ModelError::invalid_value("rating of " + in.drivers[d], in.candidates[c],
                                                            "must be >= 0 for max normalisation");
                        v = hi > 0.0 ? x / hi : 0.0;
                        break;
                }
                if (!ds.higher_is_better) v = 1.0 - v;
            }
            r.normalised[c * nd + d] = v;
        }
    }

    r.score.assign(nc, 0.0);
    for (std::size_t c = 0; c < nc; ++c)
        for (std::size_t d = 0; d < nd; ++d) r.score[c] += r.weights[d] * r.normalised[c * nd + d];
    r.order.resize(nc);
    std::iota(r.order.begin(), r.order.end(), std::size_t{0});
    // Rank on scores rounded to 1e-12 so that ties in exact arithmetic stay ties (input order).
    std::vector<double> key(nc);
    for (std::size_t c = 0; c < nc; ++c) key[c] = std::round(r.score[c] * 1e12);
    std::stable_sort(r.order.begin(), r.order.end(), [&](std::size_t a, std::size_t b) { return key[a] > key[b]; });
    r.rank.assign(nc, 0);
    for (std::size_t k = 0; k < nc; ++k) r.rank[r.order[k]] = k + 1;

    // Sensitivity. With t the new weight of driver d, other weights are w_e * (1 - t) / (1 - w_d),
    // so S_p(t) = t * r_pd + (1 - t) * R_p with R_p = (S_p - w_d r_pd) / (1 - w_d), linear in t.
    // The first ranking change is a crossing of two neighbours in the current order.
    r.sensitivity.resize(nd);
    for (std::size_t d = 0; d < nd; ++d) {
        WeightSensitivity& s = r.sensitivity[d];
        const double wd = r.weights[d];
        s.weight = wd;
        s.lower = 0.0;
        s.upper = 1.0;
        const double rest = 1.0 - wd;
        auto rest_score = [&](std::size_t c) {
            if (rest > 1e-12) return (r.score[c] - wd * r.normalised[c * nd + d]) / rest;
            // Only driver d carries weight: the others would share equally.
            double sum = 0.0;
            for (std::size_t e = 0; e < nd; ++e)
                if (e != d) sum += r.normalised[c * nd + e];
            return nd > 1 ? sum / static_cast<double>(nd - 1) : 0.0;
        };
        for (std::size_t k = 0; k + 1 < nc; ++k) {
            const std::size_t p = r.order[k];
            const std::size_t q = r.order[k + 1];
            // diff(t) = S_p(t) - S_q(t) = A + B t ; the order holds while diff >= 0 (ties keep input order
            // only if p precedes q in the input; otherwise it must stay > 0, which we treat the same).
            const double rp = rest_score(p);
            const double rq = rest_score(q);
            const double a = rp - rq;
            const double b = (r.normalised[p * nd + d] - rp) - (r.normalised[q * nd + d] - rq);
            if (std::abs(b) < 1e-15) continue;
            const double t = -a / b;  // crossing
            if (b > 0.0 && t > s.lower && t <= wd + 1e-12) {
                s.lower = std::min(t, wd);
                s.lower_swap_first = r.candidates[p];
                s.lower_swap_second = r.candidates[q];
            } else if (b < 0.0 && t < s.upper && t >= wd - 1e-12) {
                s.upper = std::max(t, wd);
                s.upper_swap_first = r.candidates[p];
                s.upper_swap_second = r.candidates[q];
            }
        }
    }
    return r;
}

}  // namespace ppm
