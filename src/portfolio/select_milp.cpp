// Portfolio selection MILP built column-wise and solved by COIN-OR CBC through CbcMain0/CbcMain1
// (CBC's standard driver: presolve, cuts and heuristics as the `cbc` executable), log silenced,
// cancellation and progress through a CbcEventHandler.
#include <coin/CbcEventHandler.hpp>
#include <coin/CbcModel.hpp>
#include <coin/CbcSolver.hpp>
#include <coin/CoinMessageHandler.hpp>
#include <coin/CoinPackedMatrix.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <exception>
#include <limits>
#include <string>
#include <vector>

#include "compiled.hpp"
#include "report.hpp"
#include "ppm/portfolio/selection.hpp"

namespace ppm {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kInf = std::numeric_limits<double>::infinity();

struct Milp {
    std::vector<std::size_t> col_candidate;
    std::vector<int> col_start;
    std::vector<std::size_t> cand_begin;  // columns of candidate p: [cand_begin[p], cand_begin[p+1])
    std::vector<double> obj, collb, colub;
    std::vector<int> trip_row, trip_col;
    std::vector<double> trip_val;
    std::vector<double> rowlb, rowub;
    std::vector<int> resource_row;  // compiled resource row -> MILP row or -1
    int total_row = -1;
    bool trivially_infeasible = false;

    int add_row(double lo, double hi) {
        rowlb.push_back(lo);
        rowub.push_back(hi);
        return static_cast<int>(rowlb.size()) - 1;
    }
    void coef(int row, std::size_t col, double v) {
        trip_row.push_back(row);
        trip_col.push_back(static_cast<int>(col));
        trip_val.push_back(v);
    }
    // y_p coefficients: every start column of p.
    void coef_y(int row, std::size_t p, double v) {
        for (std::size_t j = cand_begin[p]; j < cand_begin[p + 1]; ++j) coef(row, j, v);
    }
    [[nodiscard]] bool has_columns(std::size_t p) const { return cand_begin[p + 1] > cand_begin[p]; }
};

Milp build(const detail::Compiled& c) {
    Milp m;
    detail::Evaluator empty(c);
    m.cand_begin.push_back(0);
    for (std::size_t p = 0; p < c.candidates; ++p) {
        const bool alone_ok = !empty.exceeds_total(p) && !empty.exceeds_risk(p);
        if (!c.forced_out[p] && alone_ok) {
            for (int s = c.earliest[p]; s <= c.latest[p]; ++s) {
                if (empty.first_row_violation(p, s) >= 0) continue;  // cannot start at s even alone
                m.col_candidate.push_back(p);
                m.col_start.push_back(s);
                m.obj.push_back(-c.value[p]);  // CBC minimises
                m.collb.push_back(0.0);
                m.colub.push_back(1.0);
            }
        }
        m.cand_begin.push_back(m.col_candidate.size());
    }
    // One start per candidate; forced in.
    for (std::size_t p = 0; p < c.candidates; ++p) {
        const std::size_t k = m.cand_begin[p + 1] - m.cand_begin[p];
        if (c.forced_in[p] && k == 0) m.trivially_infeasible = true;
        if (k > 1 || (c.forced_in[p] && k > 0)) {
            const int row = m.add_row(c.forced_in[p] ? 1.0 : -kInf, 1.0);
            m.coef_y(row, p, 1.0);
        }
    }
    // Resource rows, created on first coefficient.
    m.resource_row.assign(c.rows(), -1);
    for (std::size_t j = 0; j < m.col_candidate.size(); ++j) {
        const std::size_t p = m.col_candidate[j];
        const int s = m.col_start[j];
        for (std::size_t e = c.usage_begin[p]; e < c.usage_begin[p + 1]; ++e) {
            const int t = s + c.usage_rel[e];
            if (t >= c.periods) continue;
            const auto r = static_cast<std::size_t>(c.usage_base[e] + t);
            if (!std::isfinite(c.row_cap[r])) continue;
            if (m.resource_row[r] < 0) m.resource_row[r] = m.add_row(-kInf, c.row_cap[r]);
            m.coef(m.resource_row[r], j, c.usage_amount[e]);
        }
    }
    if (std::isfinite(c.total_budget)) {
        m.total_row = m.add_row(-kInf, c.total_budget);
        for (std::size_t j = 0; j < m.col_candidate.size(); ++j)
            if (c.total_cost[m.col_candidate[j]] > 0) m.coef(m.total_row, j, c.total_cost[m.col_candidate[j]]);
    }
    if (std::isfinite(c.max_risk)) {
        const int row = m.add_row(-kInf, c.max_risk);
        for (std::size_t j = 0; j < m.col_candidate.size(); ++j)
            if (c.risk[m.col_candidate[j]] > 0) m.coef(row, j, c.risk[m.col_candidate[j]]);
    }
    for (std::size_t l = 0; l < c.requires_from.size(); ++l) {
        const std::size_t a = c.requires_from[l], b = c.requires_to[l];
        if (!m.has_columns(a)) continue;
        const int row = m.add_row(-kInf, 0.0);
        m.coef_y(row, a, 1.0);
        m.coef_y(row, b, -1.0);
    }
    for (std::size_t l = 0; l < c.exclusive_a.size(); ++l) {
        const std::size_t a = c.exclusive_a[l], b = c.exclusive_b[l];
        if (!m.has_columns(a) || !m.has_columns(b)) continue;
        const int row = m.add_row(-kInf, 1.0);
        m.coef_y(row, a, 1.0);
        m.coef_y(row, b, 1.0);
    }
    for (std::size_t g = 0; g + 1 < c.group_begin.size(); ++g) {
        const double lo = c.group_at_least[g] >= 0 ? c.group_at_least[g] : -kInf;
        const double hi = c.group_at_most[g] >= 0 ? c.group_at_most[g] : kInf;
        const int row = m.add_row(lo, hi);
        std::size_t available = 0;
        for (std::size_t e = c.group_begin[g]; e < c.group_begin[g + 1]; ++e) {
            m.coef_y(row, c.group_member[e], 1.0);
            if (m.has_columns(c.group_member[e])) ++available;
        }
        if (c.group_at_least[g] > 0 && available < static_cast<std::size_t>(c.group_at_least[g])) m.trivially_infeasible = true;
    }
    // Category balance: sum_p (1[cat p = k] - share) w_p y_p >= 0 (min) / <= 0 (max).
    for (std::size_t l = 0; l < c.limit_category.size(); ++l) {
        for (int side = 0; side < 2; ++side) {
            const double share = side == 0 ? c.limit_min[l] : c.limit_max[l];
            if (share < 0.0) continue;
            const int row = side == 0 ? m.add_row(0.0, kInf) : m.add_row(-kInf, 0.0);
            for (std::size_t p = 0; p < c.candidates; ++p) {
                if (!m.has_columns(p)) continue;
                const double w = c.limit_on_spend[l] ? c.total_cost[p] : 1.0;
                const double v = ((c.category[p] == c.limit_category[l] && c.category[p] >= 0) ? 1.0 : 0.0) - share;
                if (w * v != 0.0) m.coef_y(row, p, w * v);
            }
        }
    }
    return m;
}

class Handler : public CbcEventHandler {
public:
    Handler(const SelectionOptions* options, Clock::time_point t0) : options_(options), t0_(t0) {}
    CbcAction event(CbcEvent which) override {
        if (options_->stop.stop_requested()) {
            stopped_ = true;
            return stop;
        }
        if (options_->progress && (which == node || which == solution || which == heuristicSolution)) {
            const auto now = Clock::now();
            if (which != node || now - last_ >= std::chrono::milliseconds(250)) {
                last_ = now;
                SelectionProgress pr;
                pr.seconds = std::chrono::duration<double>(now - t0_).count();
                if (model_ != nullptr) {
                    pr.nodes = model_->getNodeCount();
                    pr.has_incumbent = model_->bestSolution() != nullptr;
                    pr.incumbent = pr.has_incumbent ? -model_->getObjValue() : 0.0;
                    pr.bound = -model_->getBestPossibleObjValue();
                }
                try {
                    options_->progress(pr);
                } catch (...) {
                    *error_ = std::current_exception();
                    return stop;
                }
            }
        }
        return noAction;
    }
    CbcEventHandler* clone() const override { return new Handler(*this); }
    bool stopped_ = false;
    std::exception_ptr* error_ = nullptr;

private:
    const SelectionOptions* options_;
    Clock::time_point t0_;
    Clock::time_point last_{};
};

int no_callback(CbcModel*, int) { return 0; }

}  // namespace

SelectionResult select_portfolio(const SelectionProblem& problem, const SelectionOptions& options) {
    const auto t0 = Clock::now();
    const std::clock_t cpu0 = std::clock();
    const detail::Compiled c = detail::compile(problem);
    Milp m = build(c);
    SelectionResult r;
    r.variables = static_cast<int>(m.obj.size());
    r.constraints = static_cast<int>(m.rowlb.size());
    std::vector<int> start(c.candidates, -1);

    auto finish = [&](SelectionStatus status, bool has_solution) {
        r.status = status;
        r.has_solution = has_solution;
        detail::fill_report(c, problem, start, r, options.explain && has_solution);
        r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        r.cpu_seconds = static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC;
        return r;
    };
    if (m.trivially_infeasible) return finish(SelectionStatus::infeasible, false);
    if (options.stop.stop_requested()) return finish(SelectionStatus::cancelled, false);
    if (m.obj.empty()) {
        // Nothing can be selected: the empty selection is optimal if it satisfies the rows.
        const bool ok = std::all_of(m.rowlb.begin(), m.rowlb.end(), [](double lo) { return lo <= 0.0; });
        return finish(ok ? SelectionStatus::optimal : SelectionStatus::infeasible, ok);
    }

    const int ncols = static_cast<int>(m.obj.size());
    const int nrows = static_cast<int>(m.rowlb.size());
    CoinPackedMatrix matrix(true, m.trip_row.data(), m.trip_col.data(), m.trip_val.data(),
                            static_cast<CoinBigIndex>(m.trip_val.size()));
    matrix.setDimensions(nrows, ncols);
    OsiClpSolverInterface solver;
    solver.messageHandler()->setLogLevel(0);
    solver.setHintParam(OsiDoReducePrint, true, OsiHintTry);
    solver.loadProblem(matrix, m.collb.data(), m.colub.data(), m.obj.data(), m.rowlb.data(), m.rowub.data());
    for (int j = 0; j < ncols; ++j) solver.setInteger(j);

    // LP relaxation: bound and shadow prices (value of one more unit of a row's right-hand side).
    std::vector<double> dual(static_cast<std::size_t>(nrows), 0.0);
    solver.initialSolve();
    const bool lp_solved = solver.isProvenOptimal();
    if (lp_solved) {
        r.lp_bound = -solver.getObjValue();
        if (options.shadow_prices) {
            const double* price = solver.getRowPrice();
            for (int i = 0; i < nrows; ++i) dual[static_cast<std::size_t>(i)] = -price[i];
        }
    } else if (solver.isProvenPrimalInfeasible()) {
        return finish(SelectionStatus::infeasible, false);
    }

    CbcModel model(solver);
    CbcSolverUsefulData data;
    data.noPrinting_ = true;
    data.useSignalHandler_ = false;
    CbcMain0(model, data);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.solver()->messageHandler()->setLogLevel(0);
    std::exception_ptr callback_error;
    Handler handler(&options, t0);
    handler.error_ = &callback_error;
    model.passInEventHandler(&handler);

    if (!options.warm_start.empty() && options.warm_start.size() == c.candidates &&
        check_selection(problem, options.warm_start).empty()) {
        std::vector<double> x(static_cast<std::size_t>(ncols), 0.0);
        double value = 0.0;
        bool complete = true;
        for (std::size_t p = 0; p < c.candidates; ++p) {
            const int s = options.warm_start[p];
            if (s < 0) continue;
            bool found = false;
            for (std::size_t j = m.cand_begin[p]; j < m.cand_begin[p + 1]; ++j)
                if (m.col_start[j] == s) {
                    x[j] = 1.0;
                    value += m.obj[j];
                    found = true;
                }
            complete = complete && found;
        }
        if (complete) model.setBestSolution(x.data(), ncols, value, true);
    }

    const double remaining = std::max(
        0.01, options.time_limit_seconds - std::chrono::duration<double>(Clock::now() - t0).count());
    const std::string sec = std::to_string(remaining);
    const std::string ratio = std::to_string(std::max(0.0, options.relative_gap));
    const std::string allow = std::to_string(std::max(0.0, options.absolute_gap));
    const std::string threads = std::to_string(std::max(1, options.threads));
    const std::string seed = std::to_string(options.seed);
    std::vector<const char*> args = {"ppm",   "-log",       "0",           "-slog",          "0",
                                     "-sec",  sec.c_str(),  "-ratio",      ratio.c_str(),    "-allow",
                                     allow.c_str(), "-randomCbcSeed", seed.c_str()};
    if (options.threads > 1) {
        args.push_back("-threads");
        args.push_back(threads.c_str());
    }
    for (const auto& a : options.cbc_arguments) args.push_back(a.c_str());
    args.push_back("-solve");
    args.push_back("-quit");
    CbcMain1(static_cast<int>(args.size()), args.data(), model, no_callback, data);
    if (callback_error) std::rethrow_exception(callback_error);

    r.nodes = model.getNodeCount();
    const double* best = model.bestSolution();
    const bool has = best != nullptr;
    if (has) {
        for (int j = 0; j < ncols; ++j)
            if (best[j] > 0.5) start[m.col_candidate[static_cast<std::size_t>(j)]] = m.col_start[static_cast<std::size_t>(j)];
        r.objective = -model.getObjValue();
    }
    // CBC prunes nodes within the allowed gap of the incumbent and then reports the incumbent as the
    // bound, so the honest bound is the larger of its open-node bound and incumbent + allowed gap,
    // capped by the root LP relaxation.
    const double cbc_bound = -model.getBestPossibleObjValue();
    SelectionStatus status;
    if (options.stop.stop_requested() || handler.stopped_) {
        status = SelectionStatus::cancelled;
    } else if (model.isProvenInfeasible() && !has) {
        status = SelectionStatus::infeasible;
    } else if (model.isProvenOptimal() && has) {
        status = SelectionStatus::optimal;
    } else if (model.isSecondsLimitReached()) {
        status = SelectionStatus::time_limit;
    } else {
        status = has ? SelectionStatus::feasible : SelectionStatus::infeasible;
    }
    const double lp = lp_solved ? r.lp_bound : kInf;
    r.best_bound = std::min(lp, cbc_bound);
    if (has) {
        const double allowed = std::max(std::max(0.0, options.relative_gap) * std::abs(r.objective),
                                        std::max(0.0, options.absolute_gap));
        const double pruned = status == SelectionStatus::optimal ? r.objective + allowed
                                                                 : std::max(cbc_bound, r.objective + allowed);
        r.best_bound = std::max(r.objective, std::min(lp, pruned));
        r.gap = std::max(0.0, r.best_bound - r.objective) / std::max(std::abs(r.objective), 1e-9);
    }
    // Shadow prices from the root LP.
    for (int t = 0; t < c.periods; ++t) {
        const int row = m.resource_row[static_cast<std::size_t>(t)];
        r.budget_shadow_price.push_back(row >= 0 ? dual[static_cast<std::size_t>(row)] : 0.0);
    }
    for (std::size_t k = static_cast<std::size_t>(c.periods); k < c.rows(); ++k) {
        const int row = m.resource_row[k];
        r.role_shadow_price.push_back(row >= 0 ? dual[static_cast<std::size_t>(row)] : 0.0);
    }
    if (m.total_row >= 0) r.total_budget_shadow_price = dual[static_cast<std::size_t>(m.total_row)];
    return finish(status, has);
}

}  // namespace ppm
