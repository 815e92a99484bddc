#pragma once
// Solver-facing dense form of a SelectionProblem (built once): candidate attributes as arrays,
// each candidate's time-phased usage as a CSR list of (row, relative period, amount), resource rows
// = period budgets [0, T) then role r's periods [T + r T, T + (r + 1) T). Plus an incremental
// evaluator used by the greedy heuristic, the exclusion explanations and `check_selection`.

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "ppm/portfolio/selection_problem.hpp"

namespace ppm::detail {

inline constexpr double kUnlimited = std::numeric_limits<double>::infinity();

struct Compiled {
    int periods = 0;
    int roles = 0;
    std::size_t candidates = 0;
    std::vector<std::string> role_ids;
    // per candidate
    std::vector<double> value;
    std::vector<double> total_cost;  // major units
    std::vector<double> risk;
    std::vector<int> earliest;
    std::vector<int> latest;
    std::vector<int> category;       // index into category_names, -1 = none
    std::vector<std::uint8_t> forced_in;
    std::vector<std::uint8_t> forced_out;
    // usage profile CSR: entries [usage_begin[p], usage_begin[p+1])
    std::vector<std::size_t> usage_begin;
    std::vector<int> usage_base;     // row of period 0 of this resource (0 for budget, T + r T for role r)
    std::vector<int> usage_rel;      // period offset from the start
    std::vector<double> usage_amount;
    // resource rows
    std::vector<double> row_cap;     // size T + R T; kUnlimited when absent
    double total_budget = kUnlimited;
    double max_risk = kUnlimited;
    std::vector<std::string> category_names;
    // links (dense)
    std::vector<std::size_t> requires_from, requires_to;
    std::vector<std::size_t> exclusive_a, exclusive_b;
    // groups: CSR members
    std::vector<std::size_t> group_begin, group_member;
    std::vector<int> group_at_least, group_at_most;  // -1 = none
    std::vector<std::size_t> member_group_begin, member_group;  // candidate -> groups (CSR)
    // category limits
    std::vector<int> limit_category;
    std::vector<std::uint8_t> limit_on_spend;
    std::vector<double> limit_min, limit_max;        // -1 = none

    [[nodiscard]] std::size_t rows() const noexcept { return row_cap.size(); }
};

/// Validates and compiles.
Compiled compile(const SelectionProblem& problem);

/// Label of a resource row: "budget in period 3" / "role DEV in period 5".
std::string row_label(const Compiled& c, const SelectionProblem& p, int row);

/// Running totals of a partial selection; O(profile) per add/check.
class Evaluator {
public:
    explicit Evaluator(const Compiled& c);

    /// First resource row violated if p starts at s (-1 if none), besides total/risk checks below.
    [[nodiscard]] int first_row_violation(std::size_t p, int s, double tolerance = 1e-7) const;
    /// True if total budget would be exceeded.
    [[nodiscard]] bool exceeds_total(std::size_t p) const;
    /// True if max total risk would be exceeded.
    [[nodiscard]] bool exceeds_risk(std::size_t p) const;
    /// Index of a category limit whose maximum share would be exceeded after adding p (-1 none).
    [[nodiscard]] int max_share_violation(std::size_t p) const;
    /// Index of a group whose at-most count is reached (-1 none).
    [[nodiscard]] int group_full(std::size_t p) const;

    void add(std::size_t p, int s);

    [[nodiscard]] const std::vector<double>& used() const noexcept { return used_; }
    [[nodiscard]] double spend() const noexcept { return spend_; }
    [[nodiscard]] double risk() const noexcept { return risk_; }
    [[nodiscard]] std::size_t count() const noexcept { return count_; }
    [[nodiscard]] const std::vector<double>& category_spend() const noexcept { return cat_spend_; }
    [[nodiscard]] const std::vector<double>& category_count() const noexcept { return cat_count_; }
    [[nodiscard]] const std::vector<int>& group_count() const noexcept { return group_count_; }

private:
    const Compiled* c_;
    std::vector<double> used_;
    double spend_ = 0.0;
    double risk_ = 0.0;
    std::size_t count_ = 0;
    std::vector<double> cat_spend_;
    std::vector<double> cat_count_;
    std::vector<int> group_count_;
};

}  // namespace ppm::detail
