// Validation of the selection problem and its dense compiled form.
#include "ppm/portfolio/selection_problem.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "compiled.hpp"
#include "ppm/core/error.hpp"

namespace ppm {

Money Candidate::total_cost() const noexcept {
    Money m;
    for (Money c : cost) m += c;
    return m;
}

int Candidate::duration() const noexcept {
    std::size_t d = std::max<std::size_t>(1, cost.size());
    for (const auto& r : demand) d = std::max(d, r.per_period.size());
    return static_cast<int>(d);
}

std::string_view to_string(LinkKind k) noexcept { return k == LinkKind::requires_ ? "requires" : "exclusive"; }
std::string_view to_string(ShareBasis b) noexcept { return b == ShareBasis::spend ? "spend" : "count"; }

std::ptrdiff_t find_candidate(const SelectionProblem& p, std::string_view id) noexcept {
    for (std::size_t i = 0; i < p.candidates.size(); ++i)
        if (p.candidates[i].id == id) return static_cast<std::ptrdiff_t>(i);
    return -1;
}

void validate_selection(const SelectionProblem& p) { (void)detail::compile(p); }

namespace detail {

namespace {
bool finite_nonneg(double x) { return std::isfinite(x) && x >= 0.0; }
}  // namespace

Compiled compile(const SelectionProblem& p) {
    Compiled c;
    if (p.periods <= 0) throw ModelError::invalid_value("periods", "selection", "must be >= 1");
    if (!p.period_labels.empty() && p.period_labels.size() != static_cast<std::size_t>(p.periods))
        throw ModelError::invalid_value("period labels", "selection", "one label per period expected");
    const int T = p.periods;
    c.periods = T;
    c.candidates = p.candidates.size();
    std::unordered_map<std::string, std::size_t> cand;
    for (std::size_t i = 0; i < p.candidates.size(); ++i) {
        if (p.candidates[i].id.empty()) throw ModelError::missing_value("id of candidate #" + std::to_string(i), "selection");
        if (!cand.emplace(p.candidates[i].id, i).second) throw ModelError::duplicate_id("candidate", p.candidates[i].id);
    }
    std::unordered_map<std::string, int> role;
    for (const auto& rc : p.capacities) {
        if (!role.emplace(rc.role, static_cast<int>(c.role_ids.size())).second)
            throw ModelError::duplicate_id("role capacity", rc.role);
        c.role_ids.push_back(rc.role);
        if (rc.per_period.size() != static_cast<std::size_t>(T))
            throw ModelError::invalid_value("capacity", rc.role,
                                            std::to_string(rc.per_period.size()) + " periods given, horizon is " +
                                                std::to_string(T));
        for (double x : rc.per_period)
            if (!finite_nonneg(x)) throw ModelError::invalid_value("capacity", rc.role, "must be finite and >= 0");
    }
    c.roles = static_cast<int>(c.role_ids.size());
    c.row_cap.assign(static_cast<std::size_t>(T) * static_cast<std::size_t>(1 + c.roles), kUnlimited);
    if (!p.period_budget.empty()) {
        if (p.period_budget.size() != static_cast<std::size_t>(T))
            throw ModelError::invalid_value("period budget", "selection",
                                            std::to_string(p.period_budget.size()) + " periods given, horizon is " +
                                                std::to_string(T));
        for (int t = 0; t < T; ++t) {
            const double b = p.period_budget[static_cast<std::size_t>(t)].major();
            if (b < 0) throw ModelError::invalid_value("period budget", "period " + std::to_string(t), "must be >= 0");
            c.row_cap[static_cast<std::size_t>(t)] = b;
        }
    }
    for (int r = 0; r < c.roles; ++r)
        for (int t = 0; t < T; ++t)
            c.row_cap[static_cast<std::size_t>(T + r * T + t)] = p.capacities[static_cast<std::size_t>(r)].per_period[static_cast<std::size_t>(t)];
    if (p.total_budget) {
        if (p.total_budget->minor_units() < 0) throw ModelError::invalid_value("total budget", "selection", "must be >= 0");
        c.total_budget = p.total_budget->major();
    }
    if (p.max_total_risk) {
        if (!finite_nonneg(*p.max_total_risk)) throw ModelError::invalid_value("max total risk", "selection", "must be >= 0");
        c.max_risk = *p.max_total_risk;
    }

    // A benefit no candidate carries would make every selection worth 0 and "optimal": refuse it
    // (a "strategy" section's ratings fill 'score' only once apply_alignment has run).
    if (!p.candidates.empty() &&
        std::none_of(p.candidates.begin(), p.candidates.end(), [&p](const Candidate& k) { return k.benefits.contains(p.objective); }))
        throw ModelError::missing_value("objective benefit '" + p.objective + "' (no candidate has it)", "selection");
    std::unordered_map<std::string, int> category;
    c.usage_begin.push_back(0);
    for (const auto& k : p.candidates) {
        auto vit = k.benefits.find(p.objective);
        const double v = vit == k.benefits.end() ? 0.0 : vit->second;
        if (!std::isfinite(v)) throw ModelError::invalid_value("benefit " + p.objective, k.id, "not finite");
        c.value.push_back(v);
        if (!finite_nonneg(k.risk)) throw ModelError::invalid_value("risk", k.id, "must be finite and >= 0");
        c.risk.push_back(k.risk);
        const int latest = k.latest_start < 0 ? k.earliest_start : k.latest_start;
        if (k.earliest_start < 0 || k.earliest_start >= T)
            throw ModelError::invalid_value("earliest start", k.id,
                                            std::to_string(k.earliest_start) + " is outside periods 0.." + std::to_string(T - 1));
        if (latest < k.earliest_start || latest >= T)
            throw ModelError::invalid_value("latest start", k.id,
                                            std::to_string(latest) + " must be in " + std::to_string(k.earliest_start) + ".." +
                                                std::to_string(T - 1));
        c.earliest.push_back(k.earliest_start);
        c.latest.push_back(latest);
        if (k.category.empty()) {
            c.category.push_back(-1);
        } else {
            auto [it, fresh] = category.emplace(k.category, static_cast<int>(c.category_names.size()));
            if (fresh) c.category_names.push_back(k.category);
            c.category.push_back(it->second);
        }
        double total = 0.0;
        for (std::size_t t = 0; t < k.cost.size(); ++t) {
            const double x = k.cost[t].major();
            if (x < 0) throw ModelError::invalid_value("cost", k.id, "period " + std::to_string(t) + " is negative");
            total += x;
            if (x > 0) {
                c.usage_base.push_back(0);
                c.usage_rel.push_back(static_cast<int>(t));
                c.usage_amount.push_back(x);
            }
        }
        c.total_cost.push_back(total);
        std::unordered_set<std::string> roles_seen;
        for (const auto& d : k.demand) {
            auto rit = role.find(d.role);
            if (rit == role.end()) throw ModelError::unknown_id("role", d.role, "demand of candidate " + k.id);
            if (!roles_seen.insert(d.role).second) throw ModelError::duplicate_id("role demand of candidate " + k.id, d.role);
            for (std::size_t t = 0; t < d.per_period.size(); ++t) {
                const double x = d.per_period[t];
                if (!finite_nonneg(x))
                    throw ModelError::invalid_value("demand of " + d.role, k.id, "period " + std::to_string(t) + " must be >= 0");
                if (x > 0) {
                    c.usage_base.push_back(T + rit->second * T);
                    c.usage_rel.push_back(static_cast<int>(t));
                    c.usage_amount.push_back(x);
                }
            }
        }
        c.usage_begin.push_back(c.usage_base.size());
    }

    auto lookup = [&](const std::string& id, std::string_view where) {
        auto it = cand.find(id);
        if (it == cand.end()) throw ModelError::unknown_id("candidate", id, where);
        return it->second;
    };
    for (const auto& l : p.links) {
        const std::size_t a = lookup(l.from, "link");
        const std::size_t b = lookup(l.to, "link");
        if (a == b) throw ModelError::invalid_value("link", l.from, "links a candidate to itself");
        if (l.kind == LinkKind::requires_) {
            c.requires_from.push_back(a);
            c.requires_to.push_back(b);
        } else {
            c.exclusive_a.push_back(a);
            c.exclusive_b.push_back(b);
        }
    }
    c.group_begin.push_back(0);
    std::vector<std::vector<std::size_t>> groups_of(c.candidates);
    for (const auto& g : p.groups) {
        std::unordered_set<std::size_t> seen;
        for (const auto& m : g.members) {
            const std::size_t i = lookup(m, "group " + g.id);
            if (!seen.insert(i).second) throw ModelError::duplicate_id("member of group " + g.id, m);
            c.group_member.push_back(i);
            groups_of[i].push_back(c.group_begin.size() - 1);
        }
        c.group_begin.push_back(c.group_member.size());
        const int n = static_cast<int>(g.members.size());
        if ((g.at_least && (*g.at_least < 0 || *g.at_least > n)) || (g.at_most && (*g.at_most < 0)) ||
            (g.at_least && g.at_most && *g.at_least > *g.at_most))
            throw ModelError::invalid_value("group bounds", g.id, "need 0 <= at_least <= at_most, at_least <= members");
        c.group_at_least.push_back(g.at_least.value_or(-1));
        c.group_at_most.push_back(g.at_most.value_or(-1));
    }
    c.member_group_begin.push_back(0);
    for (const auto& gs : groups_of) {
        c.member_group.insert(c.member_group.end(), gs.begin(), gs.end());
        c.member_group_begin.push_back(c.member_group.size());
    }
    c.forced_in.assign(c.candidates, 0);
    c.forced_out.assign(c.candidates, 0);
    for (const auto& id : p.forced_in) c.forced_in[lookup(id, "forced in")] = 1;
    for (const auto& id : p.forced_out) {
        const std::size_t i = lookup(id, "forced out");
        if (c.forced_in[i]) throw ModelError::inconsistent("forced decisions", id, "forced both in and out");
        c.forced_out[i] = 1;
    }
    for (const auto& cl : p.category_limits) {
        auto it = category.find(cl.category);
        // A limit on a category nobody has is legal (min share then forces an empty selection).
        int ci = -1;
        if (it != category.end()) ci = it->second;
        auto bad = [](const std::optional<double>& x) { return x && !(*x >= 0.0 && *x <= 1.0); };
        if (bad(cl.min_share) || bad(cl.max_share))
            throw ModelError::invalid_value("category share", cl.category, "shares must be in [0, 1]");
        if (cl.min_share && cl.max_share && *cl.min_share > *cl.max_share)
            throw ModelError::invalid_value("category share", cl.category, "min_share > max_share");
        c.limit_category.push_back(ci);
        c.limit_on_spend.push_back(cl.basis == ShareBasis::spend ? 1 : 0);
        c.limit_min.push_back(cl.min_share.value_or(-1.0));
        c.limit_max.push_back(cl.max_share.value_or(-1.0));
    }
    return c;
}

std::string row_label(const Compiled& c, const SelectionProblem& p, int row) {
    const int T = c.periods;
    const int t = row % T;
    const std::string period = p.period_labels.empty() ? "period " + std::to_string(t)
                                                       : "period " + p.period_labels[static_cast<std::size_t>(t)];
    if (row < T) return "budget in " + period;
    return "role " + c.role_ids[static_cast<std::size_t>(row / T - 1)] + " in " + period;
}

Evaluator::Evaluator(const Compiled& c)
    : c_(&c),
      used_(c.rows(), 0.0),
      cat_spend_(c.category_names.size(), 0.0),
      cat_count_(c.category_names.size(), 0.0),
      group_count_(c.group_at_least.size(), 0) {}

int Evaluator::first_row_violation(std::size_t p, int s, double tol) const {
    const Compiled& c = *c_;
    for (std::size_t e = c.usage_begin[p]; e < c.usage_begin[p + 1]; ++e) {
        const int t = s + c.usage_rel[e];
        if (t >= c.periods) continue;  // beyond the horizon: not constrained
        const int row = c.usage_base[e] + t;
        const double cap = c.row_cap[static_cast<std::size_t>(row)];
        if (used_[static_cast<std::size_t>(row)] + c.usage_amount[e] > cap + tol * std::max(1.0, cap)) return row;
    }
    return -1;
}

bool Evaluator::exceeds_total(std::size_t p) const {
    return spend_ + c_->total_cost[p] > c_->total_budget + 1e-7 * std::max(1.0, c_->total_budget);
}

bool Evaluator::exceeds_risk(std::size_t p) const { return risk_ + c_->risk[p] > c_->max_risk + 1e-9; }

int Evaluator::max_share_violation(std::size_t p) const {
    const Compiled& c = *c_;
    for (std::size_t l = 0; l < c.limit_category.size(); ++l) {
        if (c.limit_max[l] < 0.0) continue;
        const int k = c.limit_category[l];
        const bool spend = c.limit_on_spend[l] != 0;
        const double add = spend ? c.total_cost[p] : 1.0;
        const double total = (spend ? spend_ : static_cast<double>(count_)) + add;
        double in = k >= 0 ? (spend ? cat_spend_[static_cast<std::size_t>(k)] : cat_count_[static_cast<std::size_t>(k)]) : 0.0;
        if (k >= 0 && c.category[p] == k) in += add;
        if (in > c.limit_max[l] * total + 1e-7 * std::max(1.0, total)) return static_cast<int>(l);
    }
    return -1;
}

int Evaluator::group_full(std::size_t p) const {
    const Compiled& c = *c_;
    for (std::size_t e = c.member_group_begin[p]; e < c.member_group_begin[p + 1]; ++e) {
        const std::size_t g = c.member_group[e];
        if (c.group_at_most[g] >= 0 && group_count_[g] >= c.group_at_most[g]) return static_cast<int>(g);
    }
    return -1;
}

void Evaluator::add(std::size_t p, int s) {
    const Compiled& c = *c_;
    for (std::size_t e = c.usage_begin[p]; e < c.usage_begin[p + 1]; ++e) {
        const int t = s + c.usage_rel[e];
        if (t >= c.periods) continue;
        used_[static_cast<std::size_t>(c.usage_base[e] + t)] += c.usage_amount[e];
    }
    spend_ += c.total_cost[p];
    risk_ += c.risk[p];
    ++count_;
    if (c.category[p] >= 0) {
        cat_spend_[static_cast<std::size_t>(c.category[p])] += c.total_cost[p];
        cat_count_[static_cast<std::size_t>(c.category[p])] += 1.0;
    }
    for (std::size_t e = c.member_group_begin[p]; e < c.member_group_begin[p + 1]; ++e) ++group_count_[c.member_group[e]];
}

}  // namespace detail
}  // namespace ppm
