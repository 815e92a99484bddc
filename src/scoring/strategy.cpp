// Hierarchic composition of AHP weights (Saaty 1980, ch. 3): local -> global.
#include "ppm/scoring/strategy.hpp"

#include <algorithm>
#include <unordered_map>

#include "ppm/core/error.hpp"

namespace ppm {

std::vector<std::string> StrategyWeights::driver_ids() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (is_driver[i]) out.push_back(ids[i]);
    return out;
}

std::vector<double> StrategyWeights::driver_weights() const {
    std::vector<double> out;
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (is_driver[i]) out.push_back(global[i]);
    return out;
}

namespace {

constexpr std::size_t kGoal = static_cast<std::size_t>(-1);

std::string parent_name(const std::string& parent) { return parent.empty() ? std::string("goal") : parent; }

}  // namespace

StrategyWeights evaluate_strategy(const Strategy& s, const AhpOptions& options) {
    const std::size_t n = s.criteria.size();
    if (n == 0) throw ModelError::missing_value("criteria", s.name.empty() ? "strategy" : s.name);
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < n; ++i) {
        if (s.criteria[i].id.empty()) throw ModelError::missing_value("id of criterion #" + std::to_string(i), "strategy");
        if (!index.emplace(s.criteria[i].id, i).second) throw ModelError::duplicate_id("criterion", s.criteria[i].id);
    }
    std::vector<std::size_t> parent(n, kGoal);
    for (std::size_t i = 0; i < n; ++i) {
        const auto& p = s.criteria[i].parent;
        if (p.empty()) continue;
        auto it = index.find(p);
        if (it == index.end())
            throw ModelError::unknown_id("criterion", p, "parent of criterion " + s.criteria[i].id);
        parent[i] = it->second;
    }
    // Depth with cycle detection (walk up at most n steps).
    StrategyWeights w;
    w.ids.resize(n);
    w.depth.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        w.ids[i] = s.criteria[i].id;
        std::size_t d = 1;
        std::vector<std::string> path{s.criteria[i].id};
        for (std::size_t p = parent[i]; p != kGoal; p = parent[p]) {
            if (++d > n + 1 || p == i) {
                path.push_back(s.criteria[p].id);
                throw ModelError::cycle("criterion parent", path);
            }
            path.push_back(s.criteria[p].id);
        }
        w.depth[i] = d;
    }
    std::unordered_map<std::string, double> stakeholder_weight;
    for (const auto& st : s.stakeholders) {
        if (!stakeholder_weight.emplace(st.id, st.weight).second) throw ModelError::duplicate_id("stakeholder", st.id);
        if (!(st.weight >= 0.0)) throw ModelError::invalid_value("stakeholder weight", st.id, "must be >= 0");
    }

    // Children per parent (goal first), in criteria order.
    std::vector<std::string> parents{""};
    for (std::size_t i = 0; i < n; ++i)
        if (std::any_of(parent.begin(), parent.end(), [&](std::size_t p) { return p == i; }))
            parents.push_back(s.criteria[i].id);
    std::unordered_map<std::string, const Comparison*> comparison_of;
    for (const auto& c : s.comparisons) {
        if (!c.parent.empty() && !index.count(c.parent))
            throw ModelError::unknown_id("criterion", c.parent, "parent of a comparison");
        if (!comparison_of.emplace(c.parent, &c).second)
            throw ModelError::duplicate_id("comparison of the children of", parent_name(c.parent));
    }

    w.local.assign(n, 0.0);
    w.is_driver.assign(n, 1);
    for (const auto& pid : parents) {
        const std::size_t pi = pid.empty() ? kGoal : index.at(pid);
        if (pi != kGoal) w.is_driver[pi] = 0;
        std::vector<std::size_t> kids;
        for (std::size_t i = 0; i < n; ++i)
            if (parent[i] == pi) kids.push_back(i);
        ComparisonAnalysis ca;
        ca.parent = pid;
        auto it = comparison_of.find(pid);
        if (kids.size() == 1 && it == comparison_of.end()) {
            ca.children = {s.criteria[kids[0]].id};
            ca.ahp.priorities = {1.0};
            ca.ahp.priorities_geometric_mean = {1.0};
            ca.ahp.lambda_max = 1.0;
            w.local[kids[0]] = 1.0;
            w.comparisons.push_back(std::move(ca));
            continue;
        }
        if (it == comparison_of.end())
            throw ModelError::missing_value("pairwise comparison of the children", parent_name(pid));
        const Comparison& c = *it->second;
        const std::string where = "comparison under " + parent_name(pid);
        // The comparison must list exactly the children (any order).
        std::vector<std::size_t> order;
        for (const auto& cid : c.children) {
            auto ci = index.find(cid);
            if (ci == index.end()) throw ModelError::unknown_id("criterion", cid, where);
            if (parent[ci->second] != pi)
                throw ModelError::inconsistent("comparison", parent_name(pid),
                                               "'" + cid + "' is not a child of " + parent_name(pid));
            if (std::find(order.begin(), order.end(), ci->second) != order.end())
                throw ModelError::duplicate_id("criterion in " + where, cid);
            order.push_back(ci->second);
        }
        if (order.size() != kids.size())
            throw ModelError::inconsistent("comparison", parent_name(pid),
                                           "lists " + std::to_string(order.size()) + " children, the hierarchy has " +
                                               std::to_string(kids.size()));
        ca.children = c.children;
        if (!c.direct_weights.empty()) {
            if (!c.judgements.empty())
                throw ModelError::inconsistent("comparison", parent_name(pid), "has both judgements and direct weights");
            if (c.direct_weights.size() != order.size())
                throw ModelError::invalid_value("direct weights", parent_name(pid), "one weight per child expected");
            double sum = 0.0;
            for (double x : c.direct_weights) {
                if (!(x >= 0.0)) throw ModelError::invalid_value("direct weights", parent_name(pid), "weights must be >= 0");
                sum += x;
            }
            if (!(sum > 0.0)) throw ModelError::invalid_value("direct weights", parent_name(pid), "all weights are zero");
            for (double x : c.direct_weights) ca.ahp.priorities.push_back(x / sum);
            ca.ahp.priorities_geometric_mean = ca.ahp.priorities;
        } else {
            if (c.judgements.empty()) throw ModelError::missing_value("judgements", where);
            std::vector<PairwiseMatrix> mats;
            std::vector<double> jw;
            for (std::size_t k = 0; k < c.judgements.size(); ++k) {
                const auto& j = c.judgements[k];
                const std::string jid = where + (j.stakeholder.empty() ? "" : " by " + j.stakeholder);
                if (j.matrix.rows() != static_cast<Eigen::Index>(order.size()))
                    throw ModelError::invalid_value("pairwise matrix", jid,
                                                    "size " + std::to_string(j.matrix.rows()) + " for " +
                                                        std::to_string(order.size()) + " children");
                double sw = 1.0;
                if (!j.stakeholder.empty()) {
                    auto si = stakeholder_weight.find(j.stakeholder);
                    if (si == stakeholder_weight.end()) throw ModelError::unknown_id("stakeholder", j.stakeholder, where);
                    sw = si->second;
                }
                const AhpResult own = analyse_pairwise(j.matrix, options, jid);
                ca.stakeholder_cr.push_back(own.consistency_ratio);
                mats.push_back(j.matrix);
                jw.push_back(sw);
            }
            ca.aggregated = mats.size() == 1 ? mats.front() : aggregate_judgements(mats, jw, where);
            AhpOptions group = options;
            group.checks.integer_scale = false;  // geometric means are not integers
            ca.ahp = analyse_pairwise(ca.aggregated, group, where);
            if (!ca.ahp.acceptable) w.all_acceptable = false;
        }
        for (std::size_t k = 0; k < order.size(); ++k) w.local[order[k]] = ca.ahp.priorities[k];
        w.comparisons.push_back(std::move(ca));
    }

    w.global.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        double g = w.local[i];
        for (std::size_t p = parent[i]; p != kGoal; p = parent[p]) g *= w.local[p];
        w.global[i] = g;
    }
    return w;
}

}  // namespace ppm
