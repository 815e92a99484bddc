#pragma once
/// @file
/// The portfolio-selection problem: candidates (proposals, optionally tied to a project of the
/// model) with time-phased cost and role demand, benefits, category and risk; and the constraints
/// the PMO sets (budgets, role capacities, dependencies, groups, forced decisions, category
/// balance, total risk, start windows). Periods are abstract buckets 0..periods-1 (months,
/// quarters); a candidate's profiles are relative to its start period. Solved by `select_portfolio`.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"

namespace ppm {

/// Demand of one role (or resource pool) per period, relative to the candidate's start.
struct RoleDemand {
    std::string role;                ///< Role / pool id (must appear in `SelectionProblem::capacities`).
    std::vector<double> per_period;  ///< Units (FTE, hours...) in periods start, start+1, ...
};

/// A proposal competing for funding.
struct Candidate {
    std::string id;                     ///< Unique among candidates.
    std::string name;                   ///< Display name.
    std::optional<ProjectId> project;   ///< The model's project it stands for, if any.
    std::string category;               ///< Category for balance constraints ("run", "grow", ...).
    double risk = 0.0;                  ///< Risk score (>= 0) summed for the total-risk limit.
    std::vector<Money> cost;            ///< Cost per period from its start.
    std::vector<RoleDemand> demand;     ///< Role demand per period from its start.
    std::map<std::string, double> benefits;  ///< "score", "npv", or any custom measure.
    int earliest_start = 0;             ///< First allowed start period.
    int latest_start = -1;              ///< Last allowed start period; -1 = same as earliest (fixed start).

    /// Sum of `cost`.
    [[nodiscard]] Money total_cost() const noexcept;
    /// Number of periods the candidate runs (longest of cost and demand profiles, at least 1).
    [[nodiscard]] int duration() const noexcept;
};

/// Capacity of a role per period (absolute periods).
struct RoleCapacity {
    std::string role;                ///< Role / pool id.
    std::vector<double> per_period;  ///< Available units per period (size = periods).
};

/// Kind of a pairwise link between candidates.
enum class LinkKind : std::uint8_t {
    requires_,  ///< `from` can only be selected if `to` is ("B requires A": from = B, to = A).
    exclusive,  ///< At most one of `from`, `to`.
};

/// "requires", "exclusive".
[[nodiscard]] std::string_view to_string(LinkKind k) noexcept;

/// A dependency between two candidates.
struct CandidateLink {
    LinkKind kind = LinkKind::requires_;  ///< Requires or exclusive.
    std::string from;                     ///< Dependent candidate.
    std::string to;                       ///< Candidate depended on / excluded.
};

/// At least / at most k of a group.
struct CandidateGroup {
    std::string id;                    ///< Group name for reports.
    std::vector<std::string> members;  ///< Candidate ids.
    std::optional<int> at_least;       ///< Lower bound on selected members.
    std::optional<int> at_most;        ///< Upper bound on selected members.
};

/// What a category share is measured on.
enum class ShareBasis : std::uint8_t { spend, count };

/// "spend", "count".
[[nodiscard]] std::string_view to_string(ShareBasis b) noexcept;

/// Category balance: min / max share of the selected portfolio's spend (or count) in a category.
struct CategoryLimit {
    std::string category;             ///< Category name.
    ShareBasis basis = ShareBasis::spend;
    std::optional<double> min_share;  ///< In [0, 1].
    std::optional<double> max_share;  ///< In [0, 1].
};

/// The whole problem.
struct SelectionProblem {
    int periods = 12;                          ///< Planning horizon in periods.
    std::vector<std::string> period_labels;    ///< Optional labels ("2027-01"), size periods or empty.
    std::string objective = "score";           ///< Benefit maximised (key of `Candidate::benefits`).
    std::vector<Candidate> candidates;         ///< The proposals.
    std::vector<Money> period_budget;          ///< Budget per period (size periods) or empty = none.
    std::optional<Money> total_budget;         ///< Budget over the horizon.
    std::vector<RoleCapacity> capacities;      ///< Role capacity per period.
    std::vector<CandidateLink> links;          ///< Requires / exclusive.
    std::vector<CandidateGroup> groups;        ///< At least / at most k of.
    std::vector<std::string> forced_in;        ///< Must be selected.
    std::vector<std::string> forced_out;       ///< Must not be selected.
    std::vector<CategoryLimit> category_limits;  ///< Balance.
    std::optional<double> max_total_risk;      ///< Sum of selected candidates' risk.
};

/// Throws `ModelError` for unknown/duplicate ids, bad windows, sizes that do not match the
/// horizon, negative costs/demands/capacities, shares outside [0, 1], a candidate forced both in
/// and out, a missing objective benefit.
void validate_selection(const SelectionProblem& problem);

/// Index of a candidate by id, or -1.
[[nodiscard]] std::ptrdiff_t find_candidate(const SelectionProblem& problem, std::string_view id) noexcept;

}  // namespace ppm
