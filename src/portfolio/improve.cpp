// Add / swap local search on a feasible selection (see improve.hpp). The state keeps the usage of
// every resource row, a dense copy of each selected candidate's usage (so a swap is checked on the
// rows the added candidate would break), and the activity of the few dense linear rows (total budget,
// risk, category shares, groups).
#include "improve.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

namespace ppm::detail {

namespace {

struct LinearRow {
    std::vector<double> coef;  // per candidate
    double lo = -kUnlimited;
    double hi = kUnlimited;
    double activity = 0.0;
};

double tolerance(double limit) { return 1e-7 * std::max(1.0, std::abs(limit)); }

class Search {
public:
    Search(const Compiled& c, std::vector<int> start)
        : c_(c), P_(c.candidates), R_(c.rows()), start_(std::move(start)), used_(R_, 0.0), dense_(P_ * R_, 0.0) {
        if (std::isfinite(c.total_budget)) add_row(c.total_cost, -kUnlimited, c.total_budget);
        if (std::isfinite(c.max_risk)) add_row(c.risk, -kUnlimited, c.max_risk);
        for (std::size_t l = 0; l < c.limit_category.size(); ++l) {
            std::vector<double> coef(P_, 0.0);
            for (int side = 0; side < 2; ++side) {
                const double share = side == 0 ? c.limit_min[l] : c.limit_max[l];
                if (share < 0.0) continue;
                for (std::size_t p = 0; p < P_; ++p) {
                    const double w = c.limit_on_spend[l] ? c.total_cost[p] : 1.0;
                    const double in = (c.category[p] == c.limit_category[l] && c.category[p] >= 0) ? 1.0 : 0.0;
                    coef[p] = (in - share) * w;
                }
                if (side == 0) add_row(coef, 0.0, kUnlimited);
                else add_row(coef, -kUnlimited, 0.0);
            }
        }
        for (std::size_t g = 0; g + 1 < c.group_begin.size(); ++g) {
            std::vector<double> coef(P_, 0.0);
            for (std::size_t e = c.group_begin[g]; e < c.group_begin[g + 1]; ++e) coef[c.group_member[e]] = 1.0;
            add_row(coef, c.group_at_least[g] >= 0 ? c.group_at_least[g] : -kUnlimited,
                    c.group_at_most[g] >= 0 ? c.group_at_most[g] : kUnlimited);
        }
        requires_of_.resize(P_);
        required_by_.resize(P_);
        excludes_.resize(P_);
        for (std::size_t l = 0; l < c.requires_from.size(); ++l) {
            requires_of_[c.requires_from[l]].push_back(c.requires_to[l]);
            required_by_[c.requires_to[l]].push_back(c.requires_from[l]);
        }
        for (std::size_t l = 0; l < c.exclusive_a.size(); ++l) {
            excludes_[c.exclusive_a[l]].push_back(c.exclusive_b[l]);
            excludes_[c.exclusive_b[l]].push_back(c.exclusive_a[l]);
        }
        for (std::size_t p = 0; p < P_; ++p)
            if (start_[p] >= 0) place(p, start_[p], +1.0);
    }

    [[nodiscard]] bool feasible() const {
        for (std::size_t r = 0; r < R_; ++r)
            if (used_[r] > c_.row_cap[r] + tolerance(c_.row_cap[r])) return false;
        for (const auto& row : rows_)
            if (row.activity > row.hi + tolerance(row.hi) || row.activity < row.lo - tolerance(row.lo)) return false;
        for (std::size_t p = 0; p < P_; ++p) {
            if (start_[p] < 0) {
                if (c_.forced_in[p]) return false;
                continue;
            }
            if (c_.forced_out[p] || start_[p] < c_.earliest[p] || start_[p] > c_.latest[p]) return false;
            for (std::size_t q : requires_of_[p])
                if (start_[q] < 0) return false;
            for (std::size_t q : excludes_[p])
                if (start_[q] >= 0) return false;
        }
        return true;
    }

    void run(int max_rounds, const std::vector<double>& priority) {
        std::vector<std::size_t> order(P_);
        std::iota(order.begin(), order.end(), std::size_t{0});
        const bool by_priority = priority.size() == P_;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            if (by_priority && priority[a] != priority[b]) return priority[a] > priority[b];
            return c_.value[a] > c_.value[b];
        });
        for (int round = 0; round < max_rounds && !out_of_work(); ++round) {
            bool changed = add_pass(order);
            changed = swap_pass(order) || changed;
            changed = drop_refill_pass(order) || changed;
            if (!changed) break;
        }
    }

    [[nodiscard]] const std::vector<int>& start() const noexcept { return start_; }

private:
    void add_row(const std::vector<double>& coef, double lo, double hi) { rows_.push_back({coef, lo, hi, 0.0}); }

    void place(std::size_t p, int s, double sign) {
        double* d = dense_.data() + p * R_;
        for (std::size_t e = c_.usage_begin[p]; e < c_.usage_begin[p + 1]; ++e) {
            const int t = s + c_.usage_rel[e];
            if (t >= c_.periods) continue;
            const auto r = static_cast<std::size_t>(c_.usage_base[e] + t);
            used_[r] += sign * c_.usage_amount[e];
            d[r] += sign * c_.usage_amount[e];
        }
        for (auto& row : rows_) row.activity += sign * row.coef[p];
        start_[p] = sign > 0 ? s : -1;
    }

    // Rows p at s would break with the current usage, with the excess; false if p cannot start at s
    // even when a single candidate is dropped (a row whose excess exceeds what any one can free is
    // left to the check against that candidate).
    void excess_rows(std::size_t p, int s) {
        excess_row_.clear();
        excess_.clear();
        work_ += c_.usage_begin[p + 1] - c_.usage_begin[p] + 1;
        for (std::size_t e = c_.usage_begin[p]; e < c_.usage_begin[p + 1]; ++e) {
            const int t = s + c_.usage_rel[e];
            if (t >= c_.periods) continue;
            const auto r = static_cast<std::size_t>(c_.usage_base[e] + t);
            const double over = used_[r] + c_.usage_amount[e] - c_.row_cap[r];
            if (over > tolerance(c_.row_cap[r])) {
                excess_row_.push_back(r);
                excess_.push_back(over);
            }
        }
    }

    // Linear rows, links and forced flags when p is added and (if drop < P) drop is removed.
    [[nodiscard]] bool rest_ok(std::size_t p, std::size_t drop) const {
        if (c_.forced_out[p] || c_.value[p] <= 0.0) return false;
        if (drop < P_) {
            if (c_.forced_in[drop]) return false;
            for (std::size_t b : required_by_[drop])
                if (start_[b] >= 0 && b != drop) return false;
        }
        for (std::size_t q : requires_of_[p])
            if (start_[q] < 0 || q == drop) return false;
        for (std::size_t q : excludes_[p])
            if (start_[q] >= 0 && q != drop) return false;
        for (const auto& row : rows_) {
            const double a = row.activity + row.coef[p] - (drop < P_ ? row.coef[drop] : 0.0);
            if (a > row.hi + tolerance(row.hi) || a < row.lo - tolerance(row.lo)) return false;
        }
        return true;
    }

    bool add_pass(const std::vector<std::size_t>& order) {
        bool changed = false;
        for (std::size_t p : order) {
            if (start_[p] >= 0 || !rest_ok(p, P_)) continue;
            for (int s = c_.earliest[p]; s <= c_.latest[p]; ++s) {
                excess_rows(p, s);
                if (excess_row_.empty()) {
                    place(p, s, +1.0);
                    changed = true;
                    break;
                }
            }
        }
        return changed;
    }

    // For each candidate out (most valuable first) and start: drop the least valuable selected
    // candidate whose removal makes room, if the swap gains value.
    bool swap_pass(const std::vector<std::size_t>& order) {
        bool changed = false;
        for (std::size_t p : order) {
            if (out_of_work()) break;
            if (start_[p] >= 0 || c_.forced_out[p] || c_.value[p] <= 0.0) continue;
            std::size_t best = P_;
            int best_start = -1;
            for (int s = c_.earliest[p]; s <= c_.latest[p]; ++s) {
                excess_rows(p, s);
                work_ += P_;
                for (std::size_t q = 0; q < P_; ++q) {
                    if (start_[q] < 0 || c_.value[q] >= c_.value[p] - 1e-9 * std::max(1.0, c_.value[p])) continue;
                    if (best < P_ && c_.value[q] >= c_.value[best]) continue;
                    const double* d = dense_.data() + q * R_;
                    bool room = true;
                    for (std::size_t i = 0; i < excess_row_.size() && room; ++i)
                        room = d[excess_row_[i]] >= excess_[i] - tolerance(c_.row_cap[excess_row_[i]]);
                    if (!room || !rest_ok(p, q)) continue;
                    best = q;
                    best_start = s;
                }
            }
            if (best < P_) {
                place(best, start_[best], -1.0);
                place(p, best_start, +1.0);
                changed = true;
            }
        }
        return changed;
    }

    // Drop one selected candidate and refill greedily (in `order`, earliest fitting start; the dropped
    // one may come back at another start, which makes this a shift too); keep the result when it is
    // worth more, else undo.
    bool drop_refill_pass(const std::vector<std::size_t>& order) {
        bool changed = false;
        std::vector<std::size_t> added;
        for (std::size_t q = 0; q < P_ && !out_of_work(); ++q) {
            if (start_[q] < 0 || c_.forced_in[q]) continue;
            bool required = false;
            for (std::size_t b : required_by_[q]) required = required || start_[b] >= 0;
            if (required) continue;
            const int sq = start_[q];
            place(q, sq, -1.0);
            double gain = -c_.value[q];
            added.clear();
            for (std::size_t p : order) {
                if (start_[p] >= 0 || !rest_ok(p, P_)) continue;
                for (int s = c_.earliest[p]; s <= c_.latest[p]; ++s) {
                    if (p == q && s == sq) continue;
                    excess_rows(p, s);
                    if (excess_row_.empty()) {
                        place(p, s, +1.0);
                        added.push_back(p);
                        gain += c_.value[p];
                        break;
                    }
                }
            }
            if (gain > 1e-9 * std::max(1.0, c_.value[q])) {
                changed = true;
                continue;
            }
            for (std::size_t p : added) place(p, start_[p], -1.0);
            place(q, sq, +1.0);
        }
        return changed;
    }

    [[nodiscard]] bool out_of_work() const noexcept { return work_ > kWorkLimit; }

    // Bound on profile entries scanned per call (~0.1-0.5 s): deterministic, unlike a clock, and keeps
    // large instances (5,000 candidates, where a full drop-and-refill round is O(selected x P)) bounded.
    static constexpr std::size_t kWorkLimit = 100'000'000;

    const Compiled& c_;
    std::size_t P_;
    std::size_t R_;
    std::vector<int> start_;
    std::vector<double> used_;
    std::vector<double> dense_;  // [p * R + row]: usage of p at its current start
    std::vector<LinearRow> rows_;
    std::vector<std::vector<std::size_t>> requires_of_, required_by_, excludes_;
    std::vector<std::size_t> excess_row_;
    std::vector<double> excess_;
    std::size_t work_ = 0;
};

}  // namespace

double selection_value(const Compiled& c, const std::vector<int>& start) {
    double v = 0.0;
    for (std::size_t p = 0; p < c.candidates && p < start.size(); ++p)
        if (start[p] >= 0) v += c.value[p];
    return v;
}

std::vector<int> improve_selection(const Compiled& c, std::vector<int> start, int max_rounds,
                                   const std::vector<double>& priority) {
    if (start.size() != c.candidates) return start;
    Search search(c, start);
    if (!search.feasible()) return start;
    search.run(max_rounds, priority);
    if (!search.feasible() || selection_value(c, search.start()) < selection_value(c, start)) return start;
    return search.start();
}

}  // namespace ppm::detail
