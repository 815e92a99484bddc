// Earned value by measurement method (PMI Practice Standard for EVM, 2nd ed., ch. 4: fixed formula,
// weighted milestones, percent complete, physical measurement / units complete, level of effort,
// apportioned effort; P6's earned-value technique). See earned_value_methods.hpp.
#include "ppm/evm/earned_value_methods.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ppm/core/error.hpp"

namespace ppm {
namespace {

const EarnedValueRule kPercentComplete{};

/// Earned percent (0..100) of each baseline task, memoised; apportioned tasks follow their base.
class Earning {
public:
    Earning(const Baseline& b, const StatusPeriod& s, std::span<const EarnedValueRule> rules)
        : b_(b), s_(s), rules_(rules), percent_(b.size(), 0.0), state_(b.size(), 0) {
        for (std::size_t r = 0; r < s.task.size(); ++r) row_[s.task[r]] = r;  // the last row of a task counts
    }

    [[nodiscard]] Money earned(std::size_t k) {
        if (rule(k).method == EarnedValueMethod::level_of_effort) return planned_value(b_, k, s_.date);
        // The percent-complete expression exactly as before methods existed (bit-identical EV).
        return Money{static_cast<std::int64_t>(std::llround(static_cast<double>(b_.cost[k].minor_units()) * percent(k) / 100.0))};
    }

private:
    const EarnedValueRule& rule(std::size_t k) const { return k < rules_.size() ? rules_[k] : kPercentComplete; }
    [[nodiscard]] const std::size_t* row(const TaskId& id) const {
        const auto it = row_.find(id);
        return it == row_.end() ? nullptr : &it->second;
    }

    double percent(std::size_t k) {
        if (state_[k] == 2) return percent_[k];
        if (state_[k] == 1) {  // on the stack: apportioned tasks following each other round
            std::vector<std::string> members{b_.task[k].str()};
            for (std::size_t j = rule(k).apportioned_to ? find_task(b_, *rule(k).apportioned_to) : b_.size();
                 j < b_.size() && j != k; j = rule(j).apportioned_to ? find_task(b_, *rule(j).apportioned_to) : b_.size())
                members.push_back(b_.task[j].str());
            throw ModelError::cycle("apportioned effort", std::move(members));
        }
        state_[k] = 1;
        percent_[k] = compute(k);
        state_[k] = 2;
        return percent_[k];
    }

    double compute(std::size_t k) {
        const EarnedValueRule& r = rule(k);
        if (r.method == EarnedValueMethod::level_of_effort) {
            // Earns as planned: the planned fraction (a task without budget: all at its planned finish).
            const auto bac = b_.cost[k].minor_units();
            if (bac == 0) return s_.date >= b_.finish[k] ? 100.0 : 0.0;
            return 100.0 * static_cast<double>(planned_value(b_, k, s_.date).minor_units()) / static_cast<double>(bac);
        }
        if (r.method == EarnedValueMethod::apportioned_effort) {
            if (!r.apportioned_to) return 0.0;
            const std::size_t base = find_task(b_, *r.apportioned_to);
            if (base < b_.size()) return percent(base);
            const std::size_t* br = row(*r.apportioned_to);  // not budgeted: its reported percent
            return br == nullptr ? 0.0 : s_.percent_complete[*br];
        }
        const std::size_t* pr = row(b_.task[k]);
        if (pr == nullptr) return 0.0;
        const std::size_t i = *pr;
        const double pct = s_.percent_complete[i];
        switch (r.method) {
            case EarnedValueMethod::percent_complete: return pct;
            case EarnedValueMethod::fixed_formula: {
                if (pct >= 100.0) return 100.0;
                const bool started = pct > 0.0 || (!s_.started.empty() && s_.started[i] != 0);
                return started ? r.start_percent : 0.0;
            }
            case EarnedValueMethod::weighted_milestones: return milestones(k, i, pct);
            case EarnedValueMethod::units_complete: {
                if (pct >= 100.0 || !(r.units > 0.0)) return pct;
                if (s_.units_complete.empty() || std::isnan(s_.units_complete[i])) return pct;
                return 100.0 * std::min(s_.units_complete[i], r.units) / r.units;
            }
            case EarnedValueMethod::level_of_effort:
            case EarnedValueMethod::apportioned_effort: break;
        }
        return pct;
    }

    // The weights of the milestones the period names; none named: the milestones whose cumulative
    // weight (in the listed order) the reported percent complete has reached. 100 %: all.
    double milestones(std::size_t k, std::size_t i, double pct) const {
        const auto& ms = rule(k).milestones;
        double total = 0.0;
        for (const auto& m : ms) total += m.weight;
        if (pct >= 100.0) return 100.0;
        if (!(total > 0.0)) return 0.0;
        const std::vector<std::string>* named = s_.milestones_done.empty() ? nullptr : &s_.milestones_done[i];
        double reached = 0.0;
        if (named != nullptr && !named->empty()) {
            std::unordered_set<std::string> seen;
            for (const auto& name : *named) {
                const auto it = std::find_if(ms.begin(), ms.end(), [&](const EarnedValueMilestone& m) { return m.name == name; });
                if (it == ms.end())
                    throw ModelError::invalid_value("milestone reached", b_.task[k].str(),
                                                    "\"" + name + "\" is not one of the task's earned-value milestones");
                if (seen.insert(name).second) reached += it->weight;
            }
        } else {
            double cumulative = 0.0;
            for (const auto& m : ms) {
                cumulative += m.weight;
                if (pct + 1e-9 >= 100.0 * cumulative / total) reached = cumulative;
            }
        }
        return 100.0 * reached / total;
    }

    const Baseline& b_;
    const StatusPeriod& s_;
    std::span<const EarnedValueRule> rules_;
    std::unordered_map<TaskId, std::size_t> row_;
    std::vector<double> percent_;
    std::vector<std::uint8_t> state_;  // 0 not computed, 1 computing, 2 done
};

}  // namespace

std::vector<EarnedValueRule> earned_value_rules(const Baseline& baseline, const Project& project) {
    std::unordered_map<TaskId, const Task*> task_of;
    std::unordered_set<TaskId> parents;
    for (const auto& t : project.tasks) {
        task_of.emplace(t.id, &t);
        if (t.parent) parents.insert(*t.parent);
    }
    bool any = false;
    for (const auto& t : project.tasks) {
        check_earned_value_rule(t.earned_value, t.id);
        if (t.earned_value.method != EarnedValueMethod::apportioned_effort) {
            any = any || t.earned_value != EarnedValueRule{};
            continue;
        }
        any = true;
        // The chain of bases must end at a task that is not apportioned, without coming round.
        std::vector<std::string> chain{t.id.str()};
        const Task* at = &t;
        while (at->earned_value.method == EarnedValueMethod::apportioned_effort) {
            const TaskId& base = *at->earned_value.apportioned_to;
            const auto it = task_of.find(base);
            if (it == task_of.end())
                throw ModelError::unknown_id("task", base.str(), "apportioned_to of task " + at->id.str() + " (project " + project.id.str() + ")");
            if (parents.count(base) != 0)
                throw ModelError::invalid_value("earned-value apportioned_to", at->id.str(),
                                                "\"" + base.str() + "\" is a summary task; name a leaf task");
            if (const auto again = std::find(chain.begin(), chain.end(), base.str()); again != chain.end()) {
                throw ModelError::cycle("apportioned effort", std::vector<std::string>(again, chain.end()));
            }
            chain.push_back(base.str());
            at = it->second;
        }
    }
    std::vector<EarnedValueRule> rules;
    if (!any) return rules;  // every task by percent complete: nothing to attach
    rules.resize(baseline.size());
    for (std::size_t k = 0; k < baseline.size(); ++k)
        if (const auto it = task_of.find(baseline.task[k]); it != task_of.end()) rules[k] = it->second->earned_value;
    return rules;
}

std::vector<Money> earned_values(const Baseline& baseline, const StatusPeriod& status, std::span<const EarnedValueRule> rules) {
    check_status_period(status);
    Earning earning(baseline, status, rules);
    std::vector<Money> ev(baseline.size());
    for (std::size_t k = 0; k < baseline.size(); ++k) ev[k] = earning.earned(k);
    return ev;
}

std::vector<Money> earned_values(const Baseline& baseline, const StatusPeriod& status) {
    return earned_values(baseline, status, baseline.earned_value);
}

}  // namespace ppm
