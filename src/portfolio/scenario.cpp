// What-if scenarios: copy, change, solve, compare.
#include "ppm/portfolio/scenario.hpp"

#include <cmath>

#include "ppm/core/error.hpp"

namespace ppm {

SelectionProblem apply_scenario(const SelectionProblem& base, const Scenario& s) {
    SelectionProblem q = base;
    const std::string id = s.name.empty() ? "scenario" : s.name;
    if (s.budget_scale) {
        if (!(*s.budget_scale >= 0.0)) throw ModelError::invalid_value("budget scale", id, "must be >= 0");
        for (Money& b : q.period_budget) b = Money::from_major(b.major() * *s.budget_scale);
        if (q.total_budget) q.total_budget = Money::from_major(q.total_budget->major() * *s.budget_scale);
    }
    if (s.total_budget) q.total_budget = s.total_budget;
    if (s.capacity_scale) {
        if (!(*s.capacity_scale >= 0.0)) throw ModelError::invalid_value("capacity scale", id, "must be >= 0");
        for (auto& rc : q.capacities)
            for (double& x : rc.per_period) x *= *s.capacity_scale;
    }
    q.forced_in.insert(q.forced_in.end(), s.forced_in.begin(), s.forced_in.end());
    q.forced_out.insert(q.forced_out.end(), s.forced_out.begin(), s.forced_out.end());
    if (s.max_total_risk) q.max_total_risk = s.max_total_risk;
    if (s.objective) q.objective = *s.objective;
    return q;
}

ScenarioComparison compare_scenarios(const SelectionProblem& base, std::span<const Scenario> scenarios,
                                     const SelectionOptions& options) {
    ScenarioComparison cmp;
    for (const auto& k : base.candidates) cmp.candidates.push_back(k.id);
    auto add = [&](const std::string& name, const SelectionProblem& q) {
        cmp.names.push_back(name);
        cmp.results.push_back(select_portfolio(q, options));
        const auto& r = cmp.results.back();
        for (std::size_t p = 0; p < cmp.candidates.size(); ++p) cmp.selected.push_back(r.has_solution ? r.selected[p] : 0);
    };
    add("base", base);
    for (const auto& s : scenarios) add(s.name, apply_scenario(base, s));
    return cmp;
}

}  // namespace ppm
