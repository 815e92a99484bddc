// Selection reports: usage, slack, binding rows, exclusion reasons; greedy baseline; feasibility check.
#include "report.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <string>

namespace ppm {

std::string_view to_string(SelectionStatus s) noexcept {
    switch (s) {
        case SelectionStatus::optimal: return "optimal";
        case SelectionStatus::feasible: return "feasible";
        case SelectionStatus::infeasible: return "infeasible";
        case SelectionStatus::time_limit: return "time_limit";
        case SelectionStatus::cancelled: return "cancelled";
    }
    return "infeasible";
}

std::string_view to_string(ExclusionReason r) noexcept {
    switch (r) {
        case ExclusionReason::none: return "none";
        case ExclusionReason::forced_out: return "forced_out";
        case ExclusionReason::no_benefit: return "no_benefit";
        case ExclusionReason::alone_infeasible: return "alone_infeasible";
        case ExclusionReason::requires_: return "requires";
        case ExclusionReason::exclusive: return "exclusive";
        case ExclusionReason::group_limit: return "group_limit";
        case ExclusionReason::budget_period: return "budget_period";
        case ExclusionReason::budget_total: return "budget_total";
        case ExclusionReason::capacity: return "capacity";
        case ExclusionReason::risk: return "risk";
        case ExclusionReason::category_balance: return "category_balance";
        case ExclusionReason::lower_value_density: return "lower_value_density";
        case ExclusionReason::not_proven: return "not_proven";
    }
    return "none";
}

std::vector<std::string> SelectionResult::selected_ids() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < candidate.size(); ++i)
        if (selected[i]) out.push_back(candidate[i]);
    return out;
}

namespace detail {

namespace {

std::string fmt(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return buf;
}

double amount_in_row(const Compiled& c, std::size_t p, int s, int row) {
    double a = 0.0;
    for (std::size_t e = c.usage_begin[p]; e < c.usage_begin[p + 1]; ++e)
        if (c.usage_base[e] + s + c.usage_rel[e] == row && s + c.usage_rel[e] < c.periods) a += c.usage_amount[e];
    return a;
}

// Would adding p break a minimum share that holds now?
bool breaks_min_share(const Compiled& c, const Evaluator& ev, std::size_t p) {
    for (std::size_t l = 0; l < c.limit_category.size(); ++l) {
        if (c.limit_min[l] < 0.0) continue;
        const int k = c.limit_category[l];
        const bool spend = c.limit_on_spend[l] != 0;
        const double add = spend ? c.total_cost[p] : 1.0;
        const double total = (spend ? ev.spend() : static_cast<double>(ev.count())) + add;
        double in = k >= 0 ? (spend ? ev.category_spend()[static_cast<std::size_t>(k)]
                                    : ev.category_count()[static_cast<std::size_t>(k)])
                           : 0.0;
        if (k >= 0 && c.category[p] == k) in += add;
        if (in < c.limit_min[l] * total - 1e-7 * std::max(1.0, total)) return true;
    }
    return false;
}

}  // namespace

void fill_report(const Compiled& c, const SelectionProblem& problem, const std::vector<int>& start, SelectionResult& r,
                 bool explain) {
    const std::size_t P = c.candidates;
    const auto T = static_cast<std::size_t>(c.periods);
    r.candidate.resize(P);
    r.selected.assign(P, 0);
    r.start.assign(P, -1);
    r.value = c.value;
    r.reason.assign(P, ExclusionReason::none);
    r.reason_detail.assign(P, std::string());
    r.spend.assign(T, Money{});
    r.total_spend = Money{};
    r.total_risk = 0.0;
    Evaluator ev(c);
    for (std::size_t p = 0; p < P; ++p) {
        r.candidate[p] = problem.candidates[p].id;
        if (!r.has_solution || start[p] < 0) continue;
        r.selected[p] = 1;
        r.start[p] = start[p];
        ev.add(p, start[p]);
        const auto& cost = problem.candidates[p].cost;
        for (std::size_t k = 0; k < cost.size(); ++k) {
            const std::size_t t = static_cast<std::size_t>(start[p]) + k;
            if (t < T) r.spend[t] += cost[k];
        }
        r.total_spend += problem.candidates[p].total_cost();
        r.total_risk += c.risk[p];
    }
    if (!r.has_solution) r.objective = 0.0;
    auto near_zero = [](double slack, double cap) { return slack <= 1e-6 * std::max(1.0, cap); };
    const auto& used = ev.used();
    r.budget_slack.clear();
    r.budget_binding.clear();
    if (!problem.period_budget.empty()) {
        for (std::size_t t = 0; t < T; ++t) {
            const double cap = c.row_cap[t];
            r.budget_slack.push_back(cap - used[t]);
            r.budget_binding.push_back(near_zero(cap - used[t], cap) ? 1 : 0);
        }
    }
    r.budget_shadow_price.resize(T, 0.0);
    r.roles = c.role_ids;
    const std::size_t RT = c.rows() - T;
    r.role_used.resize(RT);  // (element loop: GCC 12 -O3 warns falsely on assign(first + T, last))
    r.role_slack.resize(RT);
    r.role_binding.resize(RT);
    for (std::size_t k = 0; k < RT; ++k) {
        r.role_used[k] = used[T + k];
        const double cap = c.row_cap[T + k];
        r.role_slack[k] = cap - used[T + k];
        r.role_binding[k] = near_zero(r.role_slack[k], cap) ? 1 : 0;
    }
    r.role_shadow_price.resize(RT, 0.0);
    r.total_budget_slack = std::isfinite(c.total_budget) ? c.total_budget - ev.spend() : 0.0;
    if (!explain || !r.has_solution) return;

    // Lowest value density (value per unit of the row) among selected candidates, per row.
    std::vector<double> min_density(c.rows(), kUnlimited);
    std::vector<std::size_t> min_density_who(c.rows(), P);
    for (std::size_t q = 0; q < P; ++q) {
        if (!r.selected[q]) continue;
        for (std::size_t e = c.usage_begin[q]; e < c.usage_begin[q + 1]; ++e) {
            const int t = r.start[q] + c.usage_rel[e];
            if (t >= c.periods) continue;
            const auto row = static_cast<std::size_t>(c.usage_base[e] + t);
            const double d = c.value[q] / c.usage_amount[e];
            if (d < min_density[row]) {
                min_density[row] = d;
                min_density_who[row] = q;
            }
        }
    }
    auto when = [&](int t) {
        return problem.period_labels.empty() ? std::to_string(t) : problem.period_labels[static_cast<std::size_t>(t)];
    };
    Evaluator empty(c);
    const bool proven = r.status == SelectionStatus::optimal;
    for (std::size_t p = 0; p < P; ++p) {
        if (r.selected[p]) continue;
        auto& why = r.reason[p];
        auto& detail = r.reason_detail[p];
        if (c.forced_out[p]) {
            why = ExclusionReason::forced_out;
            detail = "forced out";
            continue;
        }
        if (c.value[p] <= 0.0) {
            why = ExclusionReason::no_benefit;
            detail = "benefit '" + problem.objective + "' is " + fmt(c.value[p]);
            continue;
        }
        int alone_start = -1;
        for (int s = c.earliest[p]; s <= c.latest[p] && alone_start < 0; ++s)
            if (empty.first_row_violation(p, s) < 0) alone_start = s;
        if (alone_start < 0 || empty.exceeds_total(p) || empty.exceeds_risk(p)) {
            why = ExclusionReason::alone_infeasible;
            if (empty.exceeds_total(p))
                detail = "its total cost " + fmt(c.total_cost[p]) + " exceeds the total budget";
            else if (empty.exceeds_risk(p))
                detail = "its risk " + fmt(c.risk[p]) + " exceeds the maximum total risk";
            else
                detail = "on its own it exceeds the " + row_label(c, problem, empty.first_row_violation(p, c.earliest[p])) +
                         " at every allowed start";
            continue;
        }
        bool done = false;
        for (std::size_t l = 0; l < c.requires_from.size() && !done; ++l)
            if (c.requires_from[l] == p && !r.selected[c.requires_to[l]]) {
                why = ExclusionReason::requires_;
                detail = "requires " + problem.candidates[c.requires_to[l]].id + ", which is not selected";
                done = true;
            }
        for (std::size_t l = 0; l < c.exclusive_a.size() && !done; ++l) {
            const std::size_t other = c.exclusive_a[l] == p ? c.exclusive_b[l] : (c.exclusive_b[l] == p ? c.exclusive_a[l] : P);
            if (other < P && r.selected[other]) {
                why = ExclusionReason::exclusive;
                detail = "mutually exclusive with " + problem.candidates[other].id + ", which is selected";
                done = true;
            }
        }
        if (done) continue;
        if (const int g = ev.group_full(p); g >= 0) {
            why = ExclusionReason::group_limit;
            detail = "group " + problem.groups[static_cast<std::size_t>(g)].id + " already has its maximum of " +
                     std::to_string(c.group_at_most[static_cast<std::size_t>(g)]) + " selected";
            continue;
        }
        int fit = -1;
        int first_row = -1;
        int first_start = -1;
        for (int s = c.earliest[p]; s <= c.latest[p]; ++s) {
            const int row = ev.first_row_violation(p, s);
            if (row < 0) {
                fit = s;
                break;
            }
            if (first_row < 0) {
                first_row = row;
                first_start = s;
            }
        }
        if (fit >= 0) {
            if (ev.exceeds_total(p)) {
                why = ExclusionReason::budget_total;
                detail = "would exceed the total budget by " + fmt(ev.spend() + c.total_cost[p] - c.total_budget);
            } else if (ev.exceeds_risk(p)) {
                why = ExclusionReason::risk;
                detail = "would raise total risk to " + fmt(ev.risk() + c.risk[p]) + " above the maximum " + fmt(c.max_risk);
            } else if (const int l = ev.max_share_violation(p); l >= 0 || breaks_min_share(c, ev, p)) {
                why = ExclusionReason::category_balance;
                detail = l >= 0 ? "would exceed the maximum share of category " +
                                      problem.category_limits[static_cast<std::size_t>(l)].category
                                : "would push a category below its minimum share";
            } else {
                why = ExclusionReason::not_proven;
                detail = proven ? "fits at start " + when(fit) + " but is within the optimality gap"
                                : "fits at start " + when(fit) + "; the search stopped before deciding it";
            }
            continue;
        }
        const auto row = static_cast<std::size_t>(first_row);
        const double need = amount_in_row(c, p, first_start, first_row);
        const double density = need > 0.0 ? c.value[p] / need : kUnlimited;
        const std::string where = row_label(c, problem, first_row);
        if (!r.budget_binding.empty() && row < T) r.budget_binding[row] = 1;
        if (row >= T) r.role_binding[row - T] = 1;
        if (min_density_who[row] < P && density < min_density[row]) {
            why = ExclusionReason::lower_value_density;
            detail = "would exceed the " + where + " (start " + when(first_start) + "); its value per unit there (" +
                     fmt(density) + ") is below every selected candidate using it (lowest: " +
                     problem.candidates[min_density_who[row]].id + ", " + fmt(min_density[row]) + ")";
        } else {
            why = row < T ? ExclusionReason::budget_period : ExclusionReason::capacity;
            detail = "would exceed the " + where + " by " + fmt(used[row] + need - c.row_cap[row]) +
                     " at its earliest start " + when(first_start) +
                     (c.latest[p] > c.earliest[p] ? " (and a limit at every later start in its window)" : "");
        }
    }
}

}  // namespace detail

std::string check_selection(const SelectionProblem& problem, const std::vector<int>& start) {
    const detail::Compiled c = detail::compile(problem);
    if (start.size() != c.candidates) return "start vector has " + std::to_string(start.size()) + " entries";
    detail::Evaluator ev(c);
    for (std::size_t p = 0; p < c.candidates; ++p) {
        const int s = start[p];
        const std::string& id = problem.candidates[p].id;
        if (s < 0) {
            if (c.forced_in[p]) return id + " is forced in but not selected";
            continue;
        }
        if (c.forced_out[p]) return id + " is forced out but selected";
        if (s < c.earliest[p] || s > c.latest[p]) return id + " starts outside its window";
        ev.add(p, s);
    }
    for (std::size_t row = 0; row < c.rows(); ++row)
        if (ev.used()[row] > c.row_cap[row] + 1e-6 * std::max(1.0, c.row_cap[row]))
            return "exceeds the " + detail::row_label(c, problem, static_cast<int>(row));
    if (ev.spend() > c.total_budget + 1e-6 * std::max(1.0, c.total_budget)) return "exceeds the total budget";
    if (ev.risk() > c.max_risk + 1e-9) return "exceeds the maximum total risk";
    auto sel = [&](std::size_t p) { return start[p] >= 0; };
    for (std::size_t l = 0; l < c.requires_from.size(); ++l)
        if (sel(c.requires_from[l]) && !sel(c.requires_to[l]))
            return problem.candidates[c.requires_from[l]].id + " requires " + problem.candidates[c.requires_to[l]].id;
    for (std::size_t l = 0; l < c.exclusive_a.size(); ++l)
        if (sel(c.exclusive_a[l]) && sel(c.exclusive_b[l]))
            return problem.candidates[c.exclusive_a[l]].id + " and " + problem.candidates[c.exclusive_b[l]].id +
                   " are exclusive";
    for (std::size_t g = 0; g + 1 < c.group_begin.size(); ++g) {
        const int n = ev.group_count()[g];
        if ((c.group_at_least[g] >= 0 && n < c.group_at_least[g]) || (c.group_at_most[g] >= 0 && n > c.group_at_most[g]))
            return "group " + problem.groups[g].id + " has " + std::to_string(n) + " selected";
    }
    for (std::size_t l = 0; l < c.limit_category.size(); ++l) {
        const int k = c.limit_category[l];
        const bool spend = c.limit_on_spend[l] != 0;
        const double total = spend ? ev.spend() : static_cast<double>(ev.count());
        const double in = k >= 0 ? (spend ? ev.category_spend()[static_cast<std::size_t>(k)]
                                          : ev.category_count()[static_cast<std::size_t>(k)])
                                 : 0.0;
        const double tol = 1e-6 * std::max(1.0, total);
        if (c.limit_min[l] >= 0 && in < c.limit_min[l] * total - tol)
            return "category " + problem.category_limits[l].category + " below its minimum share";
        if (c.limit_max[l] >= 0 && in > c.limit_max[l] * total + tol)
            return "category " + problem.category_limits[l].category + " above its maximum share";
    }
    return {};
}

SelectionResult select_greedy(const SelectionProblem& problem) {
    const auto t0 = std::chrono::steady_clock::now();
    const detail::Compiled c = detail::compile(problem);
    const std::size_t P = c.candidates;
    std::vector<std::size_t> order(P);
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto density = [&](std::size_t p) { return c.total_cost[p] > 0 ? c.value[p] / c.total_cost[p] : detail::kUnlimited; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (c.forced_in[a] != c.forced_in[b]) return c.forced_in[a] > c.forced_in[b];
        if (c.value[a] != c.value[b]) return c.value[a] > c.value[b];
        return density(a) > density(b);
    });
    std::vector<int> start(P, -1);
    detail::Evaluator ev(c);
    std::vector<std::vector<std::size_t>> requires_of(P);
    std::vector<std::vector<std::size_t>> excludes(P);
    for (std::size_t l = 0; l < c.requires_from.size(); ++l) requires_of[c.requires_from[l]].push_back(c.requires_to[l]);
    for (std::size_t l = 0; l < c.exclusive_a.size(); ++l) {
        excludes[c.exclusive_a[l]].push_back(c.exclusive_b[l]);
        excludes[c.exclusive_b[l]].push_back(c.exclusive_a[l]);
    }
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t p : order) {
            if (start[p] >= 0 || c.forced_out[p] || (c.value[p] <= 0.0 && !c.forced_in[p])) continue;
            if (std::any_of(requires_of[p].begin(), requires_of[p].end(), [&](std::size_t q) { return start[q] < 0; })) continue;
            if (std::any_of(excludes[p].begin(), excludes[p].end(), [&](std::size_t q) { return start[q] >= 0; })) continue;
            if (ev.group_full(p) >= 0 || ev.exceeds_total(p) || ev.exceeds_risk(p) || ev.max_share_violation(p) >= 0) continue;
            for (int s = c.earliest[p]; s <= c.latest[p]; ++s)
                if (ev.first_row_violation(p, s) < 0) {
                    start[p] = s;
                    ev.add(p, s);
                    changed = true;
                    break;
                }
        }
    }
    SelectionResult r;
    const bool ok = check_selection(problem, start).empty();
    r.status = ok ? SelectionStatus::feasible : SelectionStatus::infeasible;
    r.has_solution = ok;
    for (std::size_t p = 0; p < P; ++p)
        if (start[p] >= 0) r.objective += c.value[p];
    r.best_bound = r.objective;
    detail::fill_report(c, problem, start, r, false);
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace ppm
