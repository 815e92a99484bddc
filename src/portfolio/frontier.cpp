// Efficient frontier over the budget. The MILP is compiled and built once (at the highest budget)
// and each point only changes the right-hand sides of the budget rows (total budget and, scaled,
// the per-period budgets). The highest budget is solved first: its selection answers every lower
// point where it still fits (the flat part of the curve, where capacity, not money, binds), and its
// proven bound caps every point's bound, since the optimum never decreases with the budget. The
// other points are solved from low to high, each warm-started with the previous point's selection
// (feasible: budgets only grow). CBC's heuristics stall on the capacity-bound points, so at every
// solved point the warm start (CBC's cutoff), CBC's incumbent and the LP rounding are polished by
// local search (improve.hpp). After the sweep, value_k = max_{j <= k} value_j (a selection stays
// feasible at higher budgets) and bound_k = min_{j >= k} bound_j (monotonicity again).
#include "ppm/portfolio/frontier.hpp"

#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

#include "compiled.hpp"
#include "improve.hpp"
#include "milp.hpp"
#include "ppm/core/detail/random.hpp"
#include "ppm/core/error.hpp"

namespace ppm {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kPolishRounds = 4;  // local-search rounds per polish (0.1-1 s on 1,000 candidates)
constexpr int kPerturbedOrders = 4;  // local searches with perturbed LP prices after the two plain ones
constexpr double kCbcShare = 0.85;  // of a point's time: CBC; the rest is left to the local search after it

struct Point {
    bool solved = false;
    SelectionStatus status = SelectionStatus::infeasible;
    bool has_solution = false;
    double value = 0.0;
    double bound = kInf;
    double seconds = 0.0;
    long long nodes = 0;
    bool reused = false;
    std::vector<double> x;
};

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

/// The budget range: budget_min (else the cost of the forced-in candidates) to budget_max (else the
/// cost of every candidate).
std::pair<Money, Money> budget_range(const SelectionProblem& problem, const FrontierOptions& options) {
    Money forced{};
    Money all{};
    for (const auto& k : problem.candidates) {
        all += k.total_cost();
        if (std::find(problem.forced_in.begin(), problem.forced_in.end(), k.id) != problem.forced_in.end()) forced += k.total_cost();
    }
    const Money lo = options.budget_min.value_or(forced);
    const Money hi = options.budget_max.value_or(all);
    if (hi < lo) throw ModelError::invalid_value("frontier budget range", "frontier", "budget_max < budget_min");
    return {lo, hi};
}

/// What the period budgets correspond to: the total budget, else the sum of the period budgets.
double period_budget_reference(const SelectionProblem& problem) {
    double reference = 0.0;
    if (problem.total_budget) {
        reference = problem.total_budget->major();
    } else {
        for (Money b : problem.period_budget) reference += b.major();
    }
    return reference;
}

/// The budgets of `points` points spread evenly from lo to hi (rounded to minor units).
std::vector<Money> point_budgets(Money lo, Money hi, int points) {
    std::vector<Money> budgets(static_cast<std::size_t>(points));
    for (int k = 0; k < points; ++k) {
        const double frac = points == 1 ? 1.0 : static_cast<double>(k) / static_cast<double>(points - 1);
        budgets[static_cast<std::size_t>(k)] =
            Money{lo.minor_units() + static_cast<std::int64_t>(std::llround(frac * static_cast<double>((hi - lo).minor_units())))};
    }
    return budgets;
}

/// The sweep over the budgets: one MILP for all points, built at the highest budget; each point only
/// changes the upper bounds of its budget rows.
class FrontierSweep {
public:
    FrontierSweep(const SelectionProblem& problem, const FrontierOptions& options, std::vector<Money> budgets, Clock::time_point start_time)
        : problem_(problem),
          options_(options),
          start_time_(start_time),
          budgets_(std::move(budgets)),
          reference_(period_budget_reference(problem)),
          top_problem_(problem_at(budgets_.back())),
          compiled_(detail::compile(top_problem_)),
          milp_(detail::build_milp(compiled_)),
          candidates_(compiled_.candidates),
          periods_(static_cast<std::size_t>(compiled_.periods)),
          degenerate_(milp_.trivially_infeasible || milp_.obj.empty()),
          points_(budgets_.size()) {
        if (!degenerate_) detail::load_milp(milp_, base_);
    }

    bool solve_highest_point();
    void solve_lower_points(bool cancelled);
    void carry_values_up();
    void cap_bounds();
    [[nodiscard]] FrontierResult result() const;

private:
    const SelectionProblem& problem_;
    const FrontierOptions& options_;
    Clock::time_point start_time_;
    std::vector<Money> budgets_;
    double reference_;                  ///< what the period budgets correspond to
    SelectionProblem top_problem_;      ///< the problem at the highest budget
    detail::Compiled compiled_;         ///< of top_problem_
    detail::Milp milp_;                 ///< of top_problem_
    std::size_t candidates_;
    std::size_t periods_;
    bool degenerate_;                   ///< no columns, or a forced/group condition that cannot hold
    OsiClpSolverInterface base_;        ///< milp_ loaded (unless degenerate_)
    std::vector<Point> points_;

    [[nodiscard]] SelectionProblem problem_at(Money budget) const;
    void set_budget_rows(OsiClpSolverInterface& s, std::size_t k) const;
    [[nodiscard]] std::vector<double> polish(const detail::Compiled& ck, std::size_t k, const std::vector<double>& x,
                                             const std::vector<double>& priority) const;
    [[nodiscard]] std::vector<double> lp_priority(const OsiClpSolverInterface& s) const;
    [[nodiscard]] std::vector<double> perturbed(const std::vector<double>& priority, std::size_t k, int variant) const;
    [[nodiscard]] std::vector<double> lp_rounding(const OsiClpSolverInterface& s, std::size_t k) const;
    [[nodiscard]] Point solve_point(std::size_t k, const std::vector<double>& warm, double time_limit) const;
    [[nodiscard]] Point solve_degenerate_point(std::size_t k, double time_limit) const;
    void polish_incumbents(const detail::Compiled& ck, std::size_t k, const std::vector<double>& priority,
                           const std::vector<double>& incumbent, const std::vector<double>& rounded, Point& pt) const;
    [[nodiscard]] double time_for(int solves_left, bool top) const;
    [[nodiscard]] bool fits_at(const std::vector<double>& x, std::size_t k) const;
    void append_point(FrontierResult& f, std::size_t k, std::vector<std::uint8_t>& previous_selected) const;
};

/// The problem at one budget: the total budget set, the period budgets scaled by it (if asked).
SelectionProblem FrontierSweep::problem_at(Money budget) const {
    SelectionProblem q = problem_;
    q.total_budget = budget;
    if (options_.scale_period_budgets && !q.period_budget.empty() && reference_ > 0.0) {
        const double factor = budget.major() / reference_;
        for (std::size_t t = 0; t < q.period_budget.size(); ++t)
            q.period_budget[t] = Money::from_major(problem_.period_budget[t].major() * factor);
    }
    return q;
}

/// Upper bounds of the budget rows at point k (rows absent from the model stay absent).
void FrontierSweep::set_budget_rows(OsiClpSolverInterface& s, std::size_t k) const {
    const SelectionProblem q = problem_at(budgets_[k]);
    for (std::size_t t = 0; t < periods_ && t < q.period_budget.size(); ++t)
        if (milp_.resource_row[t] >= 0) s.setRowUpper(milp_.resource_row[t], q.period_budget[t].major());
    if (milp_.total_row >= 0) s.setRowUpper(milp_.total_row, budgets_[k].major());
}

/// Local search (detail::improve_selection) on a column vector at point k; the result is checked
/// against every constraint of point k and dropped if it fails or is worth no more.
std::vector<double> FrontierSweep::polish(const detail::Compiled& ck, std::size_t k, const std::vector<double>& x,
                                          const std::vector<double>& priority) const {
    const std::vector<int> before = detail::starts_of(milp_, candidates_, x);
    std::vector<int> after = detail::improve_selection(ck, before, kPolishRounds, priority);
    if (detail::selection_value(ck, after) <= detail::selection_value(ck, before) ||
        !check_selection(problem_at(budgets_[k]), after).empty())
        return x;
    std::vector<double> y = detail::columns_of(milp_, after);
    return y.empty() ? x : y;
}

/// Reduced profit of each candidate in the LP relaxation solved in `s` (its best start): value
/// minus the LP prices of the rows it uses, one-start rows excepted. Orders the local search.
std::vector<double> FrontierSweep::lp_priority(const OsiClpSolverInterface& s) const {
    std::vector<double> priority(candidates_, -kInf);
    const double* price = s.getRowPrice();
    const CoinPackedMatrix* a = s.getMatrixByCol();
    const double* obj = s.getObjCoefficients();
    for (int j = 0; j < milp_.cols(); ++j) {
        double score = -obj[j];
        const CoinBigIndex b = a->getVectorStarts()[j];
        for (CoinBigIndex e = b; e < b + a->getVectorLengths()[j]; ++e) {
            const int i = a->getIndices()[e];
            if (i >= milp_.start_rows) score += price[i] * a->getElements()[e];
        }
        const std::size_t p = milp_.col_candidate[static_cast<std::size_t>(j)];
        priority[p] = std::max(priority[p], score);
    }
    return priority;
}

/// LP prices with seeded noise of up to 5% of each candidate's value (SplitMix64's mix of seed,
/// point, variant and candidate: the same for every run and thread count).
std::vector<double> FrontierSweep::perturbed(const std::vector<double>& priority, std::size_t k, int variant) const {
    std::vector<double> out = priority;
    for (std::size_t p = 0; p < candidates_ && p < out.size(); ++p) {
        const std::uint64_t key = static_cast<std::uint64_t>(options_.solve.seed) * detail::kSplitMixGamma +
                                  (static_cast<std::uint64_t>(k) << 40) + (static_cast<std::uint64_t>(variant) << 32) + p;
        const double u = detail::unit_from_bits(detail::mix64(key)) * 2.0 - 1.0;
        out[p] += 0.05 * u * compiled_.value[p];
    }
    return out;
}

/// LP rounding: the relaxation's columns at 1 satisfy every resource row; when they satisfy the
/// other rows of point k too, they are a selection (else empty).
std::vector<double> FrontierSweep::lp_rounding(const OsiClpSolverInterface& s, std::size_t k) const {
    const double* lp_x = s.getColSolution();
    std::vector<int> rounded(candidates_, -1);
    for (int j = 0; j < milp_.cols(); ++j)
        if (lp_x[j] > 1.0 - 1e-6)
            rounded[milp_.col_candidate[static_cast<std::size_t>(j)]] = milp_.col_start[static_cast<std::size_t>(j)];
    if (check_selection(problem_at(budgets_[k]), rounded).empty()) return detail::columns_of(milp_, rounded);
    return {};
}

/// Point k: the LP relaxation, then CBC from the polished warm start, then CBC's incumbent and the
/// LP rounding polished by local search.
Point FrontierSweep::solve_point(std::size_t k, const std::vector<double>& warm, double time_limit) const {
    if (degenerate_) return solve_degenerate_point(k, time_limit);
    Point pt;
    const auto ts = Clock::now();
    pt.solved = true;
    OsiClpSolverInterface s(base_);
    set_budget_rows(s, k);
    s.initialSolve();
    double lp = kInf;
    if (s.isProvenOptimal()) {
        lp = detail::negated(s.getObjValue());
    } else if (s.isProvenPrimalInfeasible()) {
        pt.status = SelectionStatus::infeasible;
        pt.seconds = seconds_since(ts);
        return pt;
    }
    SelectionOptions so = options_.solve;
    so.time_limit_seconds = time_limit * kCbcShare;
    // The warm start, polished by local search at this point's budget, enters CBC as its cutoff.
    const detail::Compiled ck = detail::compile(problem_at(budgets_[k]));
    std::vector<double> start_x = warm;
    const std::vector<double> priority = s.isProvenOptimal() ? lp_priority(s) : std::vector<double>{};
    if (!warm.empty()) start_x = polish(ck, k, warm, priority);
    // The LP rounding is compared with CBC's incumbent after the solve: as CBC's cutoff it would
    // hide the incumbents CBC finds below it, which polish better.
    const std::vector<double> rounded_x = s.isProvenOptimal() ? lp_rounding(s, k) : std::vector<double>{};
    const detail::CbcOutcome o = detail::run_cbc(s, start_x, lp, so, ts);
    pt.status = o.status;
    pt.has_solution = o.has_solution;
    pt.value = o.objective;
    pt.bound = o.has_solution ? o.best_bound : (o.status == SelectionStatus::infeasible ? -kInf : lp);
    pt.nodes = o.nodes;
    pt.x = o.x;
    if (o.status != SelectionStatus::cancelled) polish_incumbents(ck, k, priority, o.x, rounded_x, pt);
    if (pt.status == SelectionStatus::infeasible && pt.has_solution) pt.status = SelectionStatus::feasible;
    pt.seconds = seconds_since(ts);
    return pt;
}

/// No columns or a forced/group condition that cannot hold: one ordinary solve.
Point FrontierSweep::solve_degenerate_point(std::size_t k, double time_limit) const {
    Point pt;
    const auto ts = Clock::now();
    pt.solved = true;
    SelectionOptions so = options_.solve;
    so.time_limit_seconds = time_limit;
    so.explain = false;
    so.shadow_prices = false;
    const SelectionResult r = select_portfolio(problem_at(budgets_[k]), so);
    pt.status = r.status;
    pt.has_solution = r.has_solution;
    pt.value = r.objective;
    pt.bound = r.has_solution ? r.best_bound : kInf;
    pt.x = r.has_solution ? detail::columns_of(milp_, r.start) : std::vector<double>{};
    if (r.has_solution && pt.x.empty()) pt.x.assign(static_cast<std::size_t>(milp_.cols()), 0.0);
    pt.seconds = seconds_since(ts);
    return pt;
}

/// CBC's incumbent and the LP rounding, each polished by a chain of local searches: value order,
/// LP-price order, then LP prices perturbed by seeded noise (diversification); the best replaces
/// the point's selection when it is worth more.
void FrontierSweep::polish_incumbents(const detail::Compiled& ck, std::size_t k, const std::vector<double>& priority,
                                      const std::vector<double>& incumbent, const std::vector<double>& rounded, Point& pt) const {
    std::vector<std::vector<double>> orders = {std::vector<double>{}, priority};
    if (!priority.empty())
        for (int v = 0; v < kPerturbedOrders; ++v) orders.push_back(perturbed(priority, k, v));
    for (const std::vector<double>* from : std::array<const std::vector<double>*, 2>{&incumbent, &rounded}) {
        if (from->empty()) continue;
        std::vector<double> current = *from;
        for (const auto& order : orders) current = polish(ck, k, current, order);
        const double v = detail::selection_value(ck, detail::starts_of(milp_, candidates_, current));
        if (!pt.has_solution || v > pt.value) {
            pt.has_solution = true;
            pt.value = v;
            pt.x = std::move(current);
            pt.bound = std::max(pt.bound, v);
        }
    }
}

/// A solve's time limit: the per-solve limit, capped by a share of the frontier's time left.
double FrontierSweep::time_for(int solves_left, bool top) const {
    double limit = options_.solve.time_limit_seconds;
    if (options_.time_limit_seconds > 0.0) {
        const double left = std::max(0.0, options_.time_limit_seconds - seconds_since(start_time_));
        const double share = top ? left * options_.top_share : left / std::max(1, solves_left);
        limit = std::min(limit, share);
    }
    return std::max(0.05, limit);
}

/// Activity of a column vector on a budget row at point k: fits when within the row's upper bound.
bool FrontierSweep::fits_at(const std::vector<double>& x, std::size_t k) const {
    if (x.empty() || degenerate_) return false;
    OsiClpSolverInterface s(base_);
    set_budget_rows(s, k);
    std::vector<double> act(static_cast<std::size_t>(milp_.rows()), 0.0);
    s.getMatrixByRow()->times(x.data(), act.data());
    const double* ub = s.getRowUpper();
    for (std::size_t t = 0; t < periods_; ++t) {
        const int row = milp_.resource_row[t];
        if (row >= 0 && act[static_cast<std::size_t>(row)] > ub[row] + 1e-7 * std::max(1.0, ub[row])) return false;
    }
    return milp_.total_row < 0 ||
           act[static_cast<std::size_t>(milp_.total_row)] <= ub[milp_.total_row] + 1e-7 * std::max(1.0, ub[milp_.total_row]);
}

/// 1. The highest budget (warm-started by the greedy ranking). Returns whether the sweep is cancelled.
bool FrontierSweep::solve_highest_point() {
    const std::size_t top = points_.size() - 1;
    const int point_count = static_cast<int>(points_.size());
    if (options_.solve.stop.stop_requested()) return true;
    std::vector<double> warm;
    if (!degenerate_) {
        const SelectionResult g = select_greedy(top_problem_);
        if (g.has_solution) warm = detail::columns_of(milp_, g.start);
    }
    points_[top] = solve_point(top, warm, time_for(point_count, point_count > 1));
    return points_[top].status == SelectionStatus::cancelled;
}

/// 2. Lower budgets, low to high: the highest point's selection where it fits, else a solve
/// warm-started by the previous point's selection.
void FrontierSweep::solve_lower_points(bool cancelled) {
    const std::size_t top = points_.size() - 1;
    std::vector<std::uint8_t> reuse(points_.size(), 0);
    int solves_left = 0;
    for (std::size_t k = 0; k < top; ++k) {
        reuse[k] = !cancelled && points_[top].has_solution && fits_at(points_[top].x, k) ? 1 : 0;
        if (!reuse[k]) ++solves_left;
    }
    std::vector<double> previous;
    for (std::size_t k = 0; k < top && !cancelled; ++k) {
        if (options_.solve.stop.stop_requested()) {
            cancelled = true;
            break;
        }
        if (reuse[k]) {
            Point pt = points_[top];
            pt.reused = true;
            pt.seconds = 0.0;
            pt.nodes = 0;
            points_[k] = std::move(pt);
        } else {
            points_[k] = solve_point(k, previous, time_for(solves_left, false));
            --solves_left;
            if (points_[k].status == SelectionStatus::cancelled) cancelled = true;
        }
        if (points_[k].has_solution) previous = points_[k].x;
    }
}

/// 3. Monotonicity of the value: a selection stays feasible at every higher budget (only the budget
/// rows grow), so a point reports the best selection of itself and the points below it.
void FrontierSweep::carry_values_up() {
    for (std::size_t k = 1; k < points_.size(); ++k) {
        const Point& below = points_[k - 1];
        Point& pt = points_[k];
        if (!pt.solved || !below.solved || !below.has_solution || degenerate_) continue;
        if (!pt.has_solution || below.value > pt.value + 1e-9 * std::max(1.0, std::abs(pt.value))) {
            pt.has_solution = true;
            pt.value = below.value;
            pt.x = below.x;
            pt.bound = std::max(pt.bound, pt.value);
            if (pt.status == SelectionStatus::infeasible) pt.status = below.status;
        }
    }
}

/// 4. Monotonicity of the bound: V(b_k) <= V(b_j) <= bound_j for j > k.
void FrontierSweep::cap_bounds() {
    double cap = kInf;
    for (std::size_t k = points_.size(); k-- > 0;) {
        if (!points_[k].solved) continue;
        if (points_[k].status != SelectionStatus::infeasible) {
            points_[k].bound = std::min(points_[k].bound, cap);
            cap = points_[k].bound;
        }
    }
}

/// The frontier of the solved points (up to the first one a cancellation left unsolved).
FrontierResult FrontierSweep::result() const {
    FrontierResult f;
    for (const auto& k : problem_.candidates) f.candidates.push_back(k.id);
    std::vector<std::uint8_t> previous_selected(candidates_, 0);
    for (std::size_t k = 0; k < points_.size(); ++k) {
        if (!points_[k].solved) break;  // cancelled before this point
        append_point(f, k, previous_selected);
    }
    return f;
}

/// Point k's row of the frontier: budget, value, bound, spend, status (optimal within the gaps),
/// selection and the candidates entering and leaving it since the previous point.
void FrontierSweep::append_point(FrontierResult& f, std::size_t k, std::vector<std::uint8_t>& previous_selected) const {
    const Point& pt = points_[k];
    std::vector<int> start = pt.has_solution ? detail::starts_of(milp_, candidates_, pt.x) : std::vector<int>(candidates_, -1);
    if (degenerate_ && pt.has_solution) start = std::vector<int>(candidates_, -1);
    Money spend{};
    for (std::size_t p = 0; p < candidates_; ++p)
        if (start[p] >= 0) spend += problem_.candidates[p].total_cost();
    SelectionStatus status = pt.status;
    double gap = 0.0;
    if (pt.has_solution) {
        gap = std::max(0.0, pt.bound - pt.value) / std::max(std::abs(pt.value), 1e-9);
        const double allowed = std::max(std::max(0.0, options_.solve.relative_gap),
                                        std::max(0.0, options_.solve.absolute_gap) / std::max(std::abs(pt.value), 1e-9));
        if (status != SelectionStatus::cancelled && gap <= allowed + 1e-12) status = SelectionStatus::optimal;
    }
    f.budget.push_back(budgets_[k]);
    f.value.push_back(pt.has_solution ? pt.value : 0.0);
    f.bound.push_back(pt.has_solution ? pt.bound : 0.0);
    f.spend.push_back(spend);
    f.status.push_back(status);
    f.gap.push_back(gap);
    f.seconds.push_back(pt.seconds);
    f.nodes.push_back(pt.nodes);
    f.reused.push_back(pt.reused ? 1 : 0);
    std::vector<std::string> in, out;
    for (std::size_t p = 0; p < candidates_; ++p) {
        const std::uint8_t s = start[p] >= 0 ? 1 : 0;
        if (s && !previous_selected[p]) in.push_back(f.candidates[p]);
        if (!s && previous_selected[p]) out.push_back(f.candidates[p]);
        f.selected.push_back(s);
        previous_selected[p] = s;
    }
    f.entering.push_back(std::move(in));
    f.leaving.push_back(std::move(out));
}

}  // namespace

FrontierResult efficient_frontier(const SelectionProblem& problem, const FrontierOptions& options) {
    const auto start_time = Clock::now();
    if (options.points < 1) throw ModelError::invalid_value("frontier points", "frontier", "must be >= 1");
    validate_selection(problem);
    const auto [lo, hi] = budget_range(problem, options);  // budget_min/max, else forced-in cost .. all costs
    FrontierSweep sweep(problem, options, point_budgets(lo, hi, options.points), start_time);  // one MILP at the top
    const bool cancelled = sweep.solve_highest_point();  // 1. highest budget, greedy warm start
    sweep.solve_lower_points(cancelled);                 // 2. low to high, reusing the top selection where it fits
    sweep.carry_values_up();                             // 3. value never decreases with the budget
    sweep.cap_bounds();                                  // 4. bound never increases as the budget falls
    FrontierResult f = sweep.result();                   // the points as arrays, with entering/leaving candidates
    f.total_seconds = seconds_since(start_time);
    return f;
}

}  // namespace ppm
