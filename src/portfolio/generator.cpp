// Seeded candidate-portfolio generator (see generator.hpp for the model of a "realistic" portfolio).
#include "ppm/portfolio/generator.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "ppm/core/detail/random.hpp"
#include "ppm/core/error.hpp"

namespace ppm {

namespace {

// The shared SplitMix64 with the generator's own mappings, unchanged so that a seed still gives the
// same problem.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : gen_(seed * detail::kSplitMixGamma + 0x632BE59BD9B4E019ULL) {}
    double uniform() { return gen_.unit(); }  // [0, 1)
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    int integer(int lo, int hi) { return lo + static_cast<int>(gen_.next() % static_cast<std::uint64_t>(hi - lo + 1)); }

private:
    detail::SplitMix64 gen_;
};

}  // namespace

SelectionProblem generate_selection_problem(const GeneratorOptions& o) {
    if (o.candidates < 1 || o.periods < 2 || o.roles < 1)
        throw ModelError::invalid_value("generator options", "generator", "need candidates >= 1, periods >= 2, roles >= 1");
    Rng rng(o.seed);
    SelectionProblem p;
    p.periods = o.periods;
    p.objective = "npv";
    const auto T = static_cast<std::size_t>(o.periods);
    for (int r = 0; r < o.roles; ++r) p.capacities.push_back({"R" + std::to_string(r + 1), std::vector<double>(T, 0.0)});
    std::vector<double> spend_if_all(T, 0.0);
    double risk_sum = 0.0;
    static const char* kCategories[] = {"run", "grow", "transform"};
    for (int i = 0; i < o.candidates; ++i) {
        Candidate k;
        k.id = "C" + std::to_string(i + 1);
        k.name = "Candidate " + std::to_string(i + 1);
        const double u = rng.uniform();
        k.category = kCategories[u < 0.4 ? 0 : (u < 0.8 ? 1 : 2)];
        // Size class: small 60%, medium 30%, large 10%; monthly burn log-uniform within the class.
        const double cls = rng.uniform();
        const double lo = cls < 0.6 ? 10e3 : (cls < 0.9 ? 50e3 : 200e3);
        const double burn = lo * std::exp(rng.uniform(0.0, std::log(4.0)));
        const int duration = std::min(o.periods, cls < 0.6 ? rng.integer(3, 8) : (cls < 0.9 ? rng.integer(6, 14) : rng.integer(10, 20)));
        const int ramp = std::max(1, duration / 4);
        k.cost.resize(static_cast<std::size_t>(duration));
        std::vector<double> shape(static_cast<std::size_t>(duration));
        for (int t = 0; t < duration; ++t) {
            const double up = std::min(1.0, static_cast<double>(t + 1) / ramp);
            const double down = std::min(1.0, static_cast<double>(duration - t) / ramp);
            shape[static_cast<std::size_t>(t)] = 0.4 + 0.6 * std::min(up, down);
        }
        double total = 0.0;
        for (int t = 0; t < duration; ++t) {
            const double c = std::round(burn * shape[static_cast<std::size_t>(t)]);
            k.cost[static_cast<std::size_t>(t)] = Money::from_major(c);
            total += c;
        }
        // Roles: 2-4 distinct, FTE proportional to burn (~ 10k per FTE-month) split unevenly.
        const int nroles = std::min(o.roles, rng.integer(2, 4));
        std::vector<int> chosen;
        while (static_cast<int>(chosen.size()) < nroles) {
            const int r = rng.integer(0, o.roles - 1);
            if (std::find(chosen.begin(), chosen.end(), r) == chosen.end()) chosen.push_back(r);
        }
        const double fte = burn / 10e3;
        double left = 1.0;
        for (std::size_t j = 0; j < chosen.size(); ++j) {
            const double share = j + 1 == chosen.size() ? left : left * rng.uniform(0.3, 0.7);
            left -= share;
            RoleDemand d{"R" + std::to_string(chosen[j] + 1), std::vector<double>(static_cast<std::size_t>(duration))};
            for (int t = 0; t < duration; ++t)
                d.per_period[static_cast<std::size_t>(t)] = std::round(fte * share * shape[static_cast<std::size_t>(t)] * 10.0) / 10.0;
            k.demand.push_back(std::move(d));
        }
        k.earliest_start = rng.integer(0, std::max(0, std::min(o.periods - duration, o.periods / 2)));
        k.latest_start = std::min(o.periods - 1, k.earliest_start + rng.integer(0, o.max_window));
        // Benefits: ROI roughly lognormal (sum of uniforms), weakly tied to the alignment score.
        const double score = rng.uniform();
        const double roi = std::exp(-0.4 + 0.9 * (rng.uniform() + rng.uniform() + rng.uniform() - 1.5) + 0.6 * score);
        k.benefits["npv"] = std::round(total * roi);
        k.benefits["score"] = std::round(score * 1000.0) / 1000.0;
        k.risk = static_cast<double>(rng.integer(1, 10));
        risk_sum += k.risk;
        for (int t = 0; t < duration && k.earliest_start + t < o.periods; ++t) {
            spend_if_all[static_cast<std::size_t>(k.earliest_start + t)] += k.cost[static_cast<std::size_t>(t)].major();
            for (const auto& d : k.demand) {
                const auto r = static_cast<std::size_t>(std::stoi(d.role.substr(1)) - 1);
                p.capacities[r].per_period[static_cast<std::size_t>(k.earliest_start + t)] += d.per_period[static_cast<std::size_t>(t)];
            }
        }
        p.candidates.push_back(std::move(k));
    }
    // Budgets and capacities: a fraction of the smoothed unconstrained need.
    const double avg_spend = [&] {
        double s = 0;
        for (double x : spend_if_all) s += x;
        return s / static_cast<double>(T);
    }();
    double total_budget = 0.0;
    for (std::size_t t = 0; t < T; ++t) {
        const double b = std::round(o.budget_tightness * (0.5 * spend_if_all[t] + 0.5 * avg_spend));
        p.period_budget.push_back(Money::from_major(b));
        total_budget += b;
    }
    p.total_budget = Money::from_major(std::round(0.95 * total_budget));
    for (auto& rc : p.capacities) {
        double avg = 0;
        for (double x : rc.per_period) avg += x;
        avg /= static_cast<double>(T);
        for (double& x : rc.per_period) x = std::round(o.capacity_tightness * (0.5 * x + 0.5 * avg) * 10.0) / 10.0;
    }
    // Dependencies: a candidate requires an earlier one; exclusive pairs among neighbours.
    const int n = o.candidates;
    const int nreq = static_cast<int>(std::round(o.requires_fraction * n));
    for (int k = 0; k < nreq && n > 1; ++k) {
        const int b = rng.integer(1, n - 1);
        const int a = rng.integer(0, b - 1);
        p.links.push_back({LinkKind::requires_, p.candidates[static_cast<std::size_t>(b)].id, p.candidates[static_cast<std::size_t>(a)].id});
    }
    const int nex = static_cast<int>(std::round(o.exclusive_fraction * n));
    for (int k = 0; k < nex && n > 1; ++k) {
        const int a = rng.integer(0, n - 2);
        p.links.push_back({LinkKind::exclusive, p.candidates[static_cast<std::size_t>(a)].id, p.candidates[static_cast<std::size_t>(a + 1)].id});
    }
    if (o.category_limits) {
        p.category_limits.push_back({"transform", ShareBasis::spend, 0.15, std::nullopt});
        p.category_limits.push_back({"run", ShareBasis::spend, std::nullopt, 0.5});
    }
    if (o.risk_limit) p.max_total_risk = std::round(0.4 * risk_sum);
    return p;
}

}  // namespace ppm
