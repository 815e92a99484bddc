// Efficient frontier over the budget, warm-started point to point.
#include "ppm/portfolio/frontier.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "ppm/core/error.hpp"

namespace ppm {

FrontierResult efficient_frontier(const SelectionProblem& problem, const FrontierOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    if (options.points < 1) throw ModelError::invalid_value("frontier points", "frontier", "must be >= 1");
    validate_selection(problem);
    Money forced{};
    Money all{};
    for (const auto& k : problem.candidates) {
        all += k.total_cost();
        if (std::find(problem.forced_in.begin(), problem.forced_in.end(), k.id) != problem.forced_in.end()) forced += k.total_cost();
    }
    const Money lo = options.budget_min.value_or(forced);
    const Money hi = options.budget_max.value_or(all);
    if (hi < lo) throw ModelError::invalid_value("frontier budget range", "frontier", "budget_max < budget_min");
    double reference = 0.0;  // what the period budgets correspond to
    if (problem.total_budget) {
        reference = problem.total_budget->major();
    } else {
        for (Money b : problem.period_budget) reference += b.major();
    }

    FrontierResult f;
    for (const auto& k : problem.candidates) f.candidates.push_back(k.id);
    const std::size_t P = problem.candidates.size();
    std::vector<int> previous;
    std::vector<std::uint8_t> previous_selected(P, 0);
    const int K = options.points;
    for (int k = 0; k < K; ++k) {
        if (options.solve.stop.stop_requested()) break;
        const double frac = K == 1 ? 1.0 : static_cast<double>(k) / static_cast<double>(K - 1);
        const Money budget{lo.minor_units() + static_cast<std::int64_t>(std::llround(frac * static_cast<double>((hi - lo).minor_units())))};
        SelectionProblem q = problem;
        q.total_budget = budget;
        if (options.scale_period_budgets && !q.period_budget.empty() && reference > 0.0) {
            const double factor = budget.major() / reference;
            for (std::size_t t = 0; t < q.period_budget.size(); ++t)
                q.period_budget[t] = Money::from_major(problem.period_budget[t].major() * factor);
        }
        SelectionOptions so = options.solve;
        so.warm_start = previous;
        const SelectionResult r = select_portfolio(q, so);
        f.budget.push_back(budget);
        f.value.push_back(r.has_solution ? r.objective : 0.0);
        f.spend.push_back(r.total_spend);
        f.status.push_back(r.status);
        f.gap.push_back(r.gap);
        f.seconds.push_back(r.seconds);
        std::vector<std::string> in, out;
        for (std::size_t p = 0; p < P; ++p) {
            const std::uint8_t s = r.has_solution ? r.selected[p] : 0;
            if (s && !previous_selected[p]) in.push_back(f.candidates[p]);
            if (!s && previous_selected[p]) out.push_back(f.candidates[p]);
            f.selected.push_back(s);
            previous_selected[p] = s;
        }
        f.entering.push_back(std::move(in));
        f.leaving.push_back(std::move(out));
        if (r.has_solution) previous = r.start;
        if (r.status == SelectionStatus::cancelled) break;
    }
    f.total_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return f;
}

}  // namespace ppm
