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

}  // namespace

FrontierResult efficient_frontier(const SelectionProblem& problem, const FrontierOptions& options) {
    const auto t0 = Clock::now();
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
    const int K = options.points;
    const auto Ku = static_cast<std::size_t>(K);
    std::vector<Money> budgets(Ku);
    for (int k = 0; k < K; ++k) {
        const double frac = K == 1 ? 1.0 : static_cast<double>(k) / static_cast<double>(K - 1);
        budgets[static_cast<std::size_t>(k)] =
            Money{lo.minor_units() + static_cast<std::int64_t>(std::llround(frac * static_cast<double>((hi - lo).minor_units())))};
    }
    auto problem_at = [&](Money budget) {
        SelectionProblem q = problem;
        q.total_budget = budget;
        if (options.scale_period_budgets && !q.period_budget.empty() && reference > 0.0) {
            const double factor = budget.major() / reference;
            for (std::size_t t = 0; t < q.period_budget.size(); ++t)
                q.period_budget[t] = Money::from_major(problem.period_budget[t].major() * factor);
        }
        return q;
    };

    // One model for all points, built at the highest budget.
    const SelectionProblem top_problem = problem_at(budgets.back());
    const detail::Compiled c = detail::compile(top_problem);
    const detail::Milp m = detail::build_milp(c);
    const std::size_t P = c.candidates;
    const auto T = static_cast<std::size_t>(c.periods);
    // Upper bounds of the budget rows at point k (rows absent from the model stay absent).
    auto set_budget_rows = [&](OsiClpSolverInterface& s, std::size_t k) {
        const SelectionProblem q = problem_at(budgets[k]);
        for (std::size_t t = 0; t < T && t < q.period_budget.size(); ++t)
            if (m.resource_row[t] >= 0) s.setRowUpper(m.resource_row[t], q.period_budget[t].major());
        if (m.total_row >= 0) s.setRowUpper(m.total_row, budgets[k].major());
    };

    OsiClpSolverInterface base;
    const bool degenerate = m.trivially_infeasible || m.obj.empty();
    if (!degenerate) detail::load_milp(m, base);

    // Local search (detail::improve_selection) on a column vector at point k; the result is checked
    // against every constraint of point k and dropped if it fails or is worth no more.
    auto polish = [&](const detail::Compiled& ck, std::size_t k, const std::vector<double>& x,
                      const std::vector<double>& priority) {
        const std::vector<int> before = detail::starts_of(m, P, x);
        std::vector<int> after = detail::improve_selection(ck, before, kPolishRounds, priority);
        if (detail::selection_value(ck, after) <= detail::selection_value(ck, before) ||
            !check_selection(problem_at(budgets[k]), after).empty())
            return x;
        std::vector<double> y = detail::columns_of(m, after);
        return y.empty() ? x : y;
    };

    // Reduced profit of each candidate in the LP relaxation solved in `s` (its best start): value
    // minus the LP prices of the rows it uses, one-start rows excepted. Orders the local search.
    auto lp_priority = [&](const OsiClpSolverInterface& s) {
        std::vector<double> priority(P, -kInf);
        const double* price = s.getRowPrice();
        const CoinPackedMatrix* a = s.getMatrixByCol();
        const double* obj = s.getObjCoefficients();
        for (int j = 0; j < m.cols(); ++j) {
            double score = -obj[j];
            const CoinBigIndex b = a->getVectorStarts()[j];
            for (CoinBigIndex e = b; e < b + a->getVectorLengths()[j]; ++e) {
                const int i = a->getIndices()[e];
                if (i >= m.start_rows) score += price[i] * a->getElements()[e];
            }
            const std::size_t p = m.col_candidate[static_cast<std::size_t>(j)];
            priority[p] = std::max(priority[p], score);
        }
        return priority;
    };

    const std::vector<double> no_priority;
    // LP prices with seeded noise of up to 5% of each candidate's value (SplitMix64's mix of seed,
    // point, variant and candidate: the same for every run and thread count).
    auto perturbed = [&](const std::vector<double>& priority, std::size_t k, int variant) {
        std::vector<double> out = priority;
        for (std::size_t p = 0; p < P && p < out.size(); ++p) {
            const std::uint64_t key = static_cast<std::uint64_t>(options.solve.seed) * detail::kSplitMixGamma +
                                      (static_cast<std::uint64_t>(k) << 40) + (static_cast<std::uint64_t>(variant) << 32) + p;
            const double u = detail::unit_from_bits(detail::mix64(key)) * 2.0 - 1.0;
            out[p] += 0.05 * u * c.value[p];
        }
        return out;
    };
    std::vector<Point> pts(Ku);
    auto solve_point = [&](std::size_t k, const std::vector<double>& warm, double time_limit) {
        Point pt;
        const auto ts = Clock::now();
        pt.solved = true;
        if (degenerate) {  // no columns or a forced/group condition that cannot hold: one ordinary solve
            SelectionOptions so = options.solve;
            so.time_limit_seconds = time_limit;
            so.explain = false;
            so.shadow_prices = false;
            const SelectionResult r = select_portfolio(problem_at(budgets[k]), so);
            pt.status = r.status;
            pt.has_solution = r.has_solution;
            pt.value = r.objective;
            pt.bound = r.has_solution ? r.best_bound : kInf;
            pt.x = r.has_solution ? detail::columns_of(m, r.start) : std::vector<double>{};
            if (r.has_solution && pt.x.empty()) pt.x.assign(static_cast<std::size_t>(m.cols()), 0.0);
            pt.seconds = seconds_since(ts);
            return pt;
        }
        OsiClpSolverInterface s(base);
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
        SelectionOptions so = options.solve;
        so.time_limit_seconds = time_limit * kCbcShare;
        // The warm start, polished by local search at this point's budget, enters CBC as its cutoff.
        const detail::Compiled ck = detail::compile(problem_at(budgets[k]));
        std::vector<double> start_x = warm;
        const std::vector<double> priority = s.isProvenOptimal() ? lp_priority(s) : std::vector<double>{};
        if (!warm.empty()) start_x = polish(ck, k, warm, priority);
        // LP rounding: the relaxation's columns at 1 satisfy every resource row; when they satisfy the
        // other rows too, local search fills them up (compared with CBC's incumbent after the solve:
        // as CBC's cutoff it would hide the incumbents CBC finds below it, which polish better).
        std::vector<double> rounded_x;
        if (s.isProvenOptimal()) {
            const double* lp_x = s.getColSolution();
            std::vector<int> rounded(P, -1);
            for (int j = 0; j < m.cols(); ++j)
                if (lp_x[j] > 1.0 - 1e-6) rounded[m.col_candidate[static_cast<std::size_t>(j)]] = m.col_start[static_cast<std::size_t>(j)];
            if (check_selection(problem_at(budgets[k]), rounded).empty()) rounded_x = detail::columns_of(m, rounded);
        }
        const detail::CbcOutcome o = detail::run_cbc(s, start_x, lp, so, ts);
        pt.status = o.status;
        pt.has_solution = o.has_solution;
        pt.value = o.objective;
        pt.bound = o.has_solution ? o.best_bound : (o.status == SelectionStatus::infeasible ? -kInf : lp);
        pt.nodes = o.nodes;
        pt.x = o.x;
        if (o.status != SelectionStatus::cancelled) {
            // CBC's incumbent and the LP rounding, each polished by a chain of local searches: value
            // order, LP-price order, then LP prices perturbed by seeded noise (diversification).
            std::vector<std::vector<double>> orders = {no_priority, priority};
            if (!priority.empty())
                for (int v = 0; v < kPerturbedOrders; ++v) orders.push_back(perturbed(priority, k, v));
            for (const std::vector<double>* from : std::array<const std::vector<double>*, 2>{&o.x, &rounded_x}) {
                if (from->empty()) continue;
                std::vector<double> current = *from;
                for (const auto& order : orders) current = polish(ck, k, current, order);
                const double v = detail::selection_value(ck, detail::starts_of(m, P, current));
                if (!pt.has_solution || v > pt.value) {
                    pt.has_solution = true;
                    pt.value = v;
                    pt.x = std::move(current);
                    pt.bound = std::max(pt.bound, v);
                }
            }
        }
        if (pt.status == SelectionStatus::infeasible && pt.has_solution) pt.status = SelectionStatus::feasible;
        pt.seconds = seconds_since(ts);
        return pt;
    };
    auto time_for = [&](int solves_left, bool top) {
        double limit = options.solve.time_limit_seconds;
        if (options.time_limit_seconds > 0.0) {
            const double left = std::max(0.0, options.time_limit_seconds - seconds_since(t0));
            const double share = top ? left * options.top_share : left / std::max(1, solves_left);
            limit = std::min(limit, share);
        }
        return std::max(0.05, limit);
    };
    // Activity of a column vector on a budget row at point k: fits when within the row's upper bound.
    auto fits_at = [&](const std::vector<double>& x, std::size_t k) {
        if (x.empty() || degenerate) return false;
        OsiClpSolverInterface s(base);
        set_budget_rows(s, k);
        std::vector<double> act(static_cast<std::size_t>(m.rows()), 0.0);
        s.getMatrixByRow()->times(x.data(), act.data());
        const double* ub = s.getRowUpper();
        for (std::size_t t = 0; t < T; ++t) {
            const int row = m.resource_row[t];
            if (row >= 0 && act[static_cast<std::size_t>(row)] > ub[row] + 1e-7 * std::max(1.0, ub[row])) return false;
        }
        return m.total_row < 0 || act[static_cast<std::size_t>(m.total_row)] <= ub[m.total_row] + 1e-7 * std::max(1.0, ub[m.total_row]);
    };

    // 1. The highest budget (warm-started by the greedy ranking).
    const std::size_t top = Ku - 1;
    bool cancelled = options.solve.stop.stop_requested();
    if (!cancelled) {
        std::vector<double> warm;
        if (!degenerate) {
            const SelectionResult g = select_greedy(top_problem);
            if (g.has_solution) warm = detail::columns_of(m, g.start);
        }
        pts[top] = solve_point(top, warm, time_for(K, K > 1));
        cancelled = pts[top].status == SelectionStatus::cancelled;
    }
    // 2. Lower budgets, low to high.
    std::vector<std::uint8_t> reuse(Ku, 0);
    int solves_left = 0;
    for (std::size_t k = 0; k < top; ++k) {
        reuse[k] = !cancelled && pts[top].has_solution && fits_at(pts[top].x, k) ? 1 : 0;
        if (!reuse[k]) ++solves_left;
    }
    std::vector<double> previous;
    for (std::size_t k = 0; k < top && !cancelled; ++k) {
        if (options.solve.stop.stop_requested()) {
            cancelled = true;
            break;
        }
        if (reuse[k]) {
            Point pt = pts[top];
            pt.reused = true;
            pt.seconds = 0.0;
            pt.nodes = 0;
            pts[k] = std::move(pt);
        } else {
            pts[k] = solve_point(k, previous, time_for(solves_left, false));
            --solves_left;
            if (pts[k].status == SelectionStatus::cancelled) cancelled = true;
        }
        if (pts[k].has_solution) previous = pts[k].x;
    }
    // 3. Monotonicity of the value: a selection stays feasible at every higher budget (only the budget
    // rows grow), so a point reports the best selection of itself and the points below it.
    for (std::size_t k = 1; k < Ku; ++k) {
        const Point& below = pts[k - 1];
        Point& pt = pts[k];
        if (!pt.solved || !below.solved || !below.has_solution || degenerate) continue;
        if (!pt.has_solution || below.value > pt.value + 1e-9 * std::max(1.0, std::abs(pt.value))) {
            pt.has_solution = true;
            pt.value = below.value;
            pt.x = below.x;
            pt.bound = std::max(pt.bound, pt.value);
            if (pt.status == SelectionStatus::infeasible) pt.status = below.status;
        }
    }
    // 4. Monotonicity of the bound: V(b_k) <= V(b_j) <= bound_j for j > k.
    double cap = kInf;
    for (std::size_t k = Ku; k-- > 0;) {
        if (!pts[k].solved) continue;
        if (pts[k].status != SelectionStatus::infeasible) {
            pts[k].bound = std::min(pts[k].bound, cap);
            cap = pts[k].bound;
        }
    }

    FrontierResult f;
    for (const auto& k : problem.candidates) f.candidates.push_back(k.id);
    std::vector<std::uint8_t> previous_selected(P, 0);
    for (std::size_t k = 0; k < Ku; ++k) {
        const Point& pt = pts[k];
        if (!pt.solved) break;  // cancelled before this point
        std::vector<int> start = pt.has_solution ? detail::starts_of(m, P, pt.x) : std::vector<int>(P, -1);
        if (degenerate && pt.has_solution) start = std::vector<int>(P, -1);
        Money spend{};
        for (std::size_t p = 0; p < P; ++p)
            if (start[p] >= 0) spend += problem.candidates[p].total_cost();
        SelectionStatus status = pt.status;
        double gap = 0.0;
        if (pt.has_solution) {
            gap = std::max(0.0, pt.bound - pt.value) / std::max(std::abs(pt.value), 1e-9);
            const double allowed = std::max(std::max(0.0, options.solve.relative_gap),
                                            std::max(0.0, options.solve.absolute_gap) / std::max(std::abs(pt.value), 1e-9));
            if (status != SelectionStatus::cancelled && gap <= allowed + 1e-12) status = SelectionStatus::optimal;
        }
        f.budget.push_back(budgets[k]);
        f.value.push_back(pt.has_solution ? pt.value : 0.0);
        f.bound.push_back(pt.has_solution ? pt.bound : 0.0);
        f.spend.push_back(spend);
        f.status.push_back(status);
        f.gap.push_back(gap);
        f.seconds.push_back(pt.seconds);
        f.nodes.push_back(pt.nodes);
        f.reused.push_back(pt.reused ? 1 : 0);
        std::vector<std::string> in, out;
        for (std::size_t p = 0; p < P; ++p) {
            const std::uint8_t s = start[p] >= 0 ? 1 : 0;
            if (s && !previous_selected[p]) in.push_back(f.candidates[p]);
            if (!s && previous_selected[p]) out.push_back(f.candidates[p]);
            f.selected.push_back(s);
            previous_selected[p] = s;
        }
        f.entering.push_back(std::move(in));
        f.leaving.push_back(std::move(out));
    }
    f.total_seconds = seconds_since(t0);
    return f;
}

}  // namespace ppm
