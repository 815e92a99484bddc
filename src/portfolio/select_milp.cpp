// Portfolio selection MILP built column-wise and solved by COIN-OR CBC through CbcMain0/CbcMain1
// (CBC's standard driver: presolve, cuts and heuristics as the `cbc` executable), log silenced,
// wall-clock time limit (`-timeMode elapsed`), cancellation and progress through a CbcEventHandler.
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
#include <memory>
#include <string>
#include <vector>

#include "compiled.hpp"
#include "milp.hpp"
#include "report.hpp"
#include "ppm/portfolio/selection.hpp"

namespace ppm::detail {

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

int Milp::add_row(double lo, double hi) {
    rowlb.push_back(lo);
    rowub.push_back(hi);
    return static_cast<int>(rowlb.size()) - 1;
}

void Milp::coef(int row, std::size_t col, double v) {
    trip_row.push_back(row);
    trip_col.push_back(static_cast<int>(col));
    trip_val.push_back(v);
}

void Milp::coef_y(int row, std::size_t p, double v) {
    for (std::size_t j = cand_begin[p]; j < cand_begin[p + 1]; ++j) coef(row, j, v);
}

Milp build_milp(const Compiled& c) {
    Milp m;
    Evaluator empty(c);
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
    m.start_rows = m.rows();
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

void load_milp(const Milp& m, OsiClpSolverInterface& solver) {
    CoinPackedMatrix matrix(true, m.trip_row.data(), m.trip_col.data(), m.trip_val.data(),
                            static_cast<CoinBigIndex>(m.trip_val.size()));
    matrix.setDimensions(m.rows(), m.cols());
    solver.messageHandler()->setLogLevel(0);
    solver.setHintParam(OsiDoReducePrint, true, OsiHintTry);
    solver.loadProblem(matrix, m.collb.data(), m.colub.data(), m.obj.data(), m.rowlb.data(), m.rowub.data());
    for (int j = 0; j < m.cols(); ++j) solver.setInteger(j);
}

std::vector<int> starts_of(const Milp& m, std::size_t candidates, const std::vector<double>& x) {
    std::vector<int> start(candidates, -1);
    for (std::size_t j = 0; j < x.size() && j < m.col_candidate.size(); ++j)
        if (x[j] > 0.5) start[m.col_candidate[j]] = m.col_start[j];
    return start;
}

std::vector<double> columns_of(const Milp& m, const std::vector<int>& start) {
    std::vector<double> x(static_cast<std::size_t>(m.cols()), 0.0);
    for (std::size_t p = 0; p < start.size() && p + 1 < m.cand_begin.size(); ++p) {
        if (start[p] < 0) continue;
        bool found = false;
        for (std::size_t j = m.cand_begin[p]; j < m.cand_begin[p + 1]; ++j)
            if (m.col_start[j] == start[p]) {
                x[j] = 1.0;
                found = true;
            }
        if (!found) return {};
    }
    return x;
}

namespace {

// State shared by the handler and the clones CBC makes of it (CbcModel::passInEventHandler clones).
struct HandlerState {
    const SelectionOptions* options = nullptr;
    Clock::time_point t0{};
    Clock::time_point deadline{};
    Clock::time_point last{};
    bool cancelled = false;
    bool timed_out = false;
    std::exception_ptr error{};
};

class Handler : public CbcEventHandler {
public:
    explicit Handler(std::shared_ptr<HandlerState> state) : state_(std::move(state)) {}
    CbcAction event(CbcEvent which) override {
        HandlerState& s = *state_;
        // Ending the search: returning `stop` from here can leave CBC's preprocessing in a state its
        // post-processing crashes on (CglPreProcess::postProcess, CBC 2.10), so we instead zero the
        // time limit and let CBC end the search the ordinary way at its next check.
        if (s.options->stop.stop_requested()) {
            s.cancelled = true;
            return end_search();
        }
        const auto now = Clock::now();
        if (now >= s.deadline) {  // backstop of CBC's own `-sec` check
            s.timed_out = true;
            return end_search();
        }
        if (s.options->progress && (which == node || which == solution || which == heuristicSolution)) {
            if (which != node || now - s.last >= std::chrono::milliseconds(250)) {
                s.last = now;
                SelectionProgress pr;
                pr.seconds = std::chrono::duration<double>(now - s.t0).count();
                if (model_ != nullptr) {
                    pr.nodes = model_->getNodeCount();
                    pr.has_incumbent = model_->bestSolution() != nullptr;
                    pr.incumbent = pr.has_incumbent ? negated(model_->getObjValue()) : 0.0;
                    pr.bound = negated(model_->getBestPossibleObjValue());
                }
                try {
                    s.options->progress(pr);
                } catch (...) {
                    s.error = std::current_exception();
                    return end_search();
                }
            }
        }
        return noAction;
    }
    CbcEventHandler* clone() const override { return new Handler(*this); }

private:
    CbcAction end_search() {
        if (model_ != nullptr) {
            model_->setMaximumSeconds(0.0);
            return noAction;
        }
        return stop;
    }
    std::shared_ptr<HandlerState> state_;
};

int no_callback(CbcModel*, int) { return 0; }

bool row_feasible(const OsiSolverInterface& solver, const std::vector<double>& x) {
    const CoinPackedMatrix* a = solver.getMatrixByRow();
    std::vector<double> act(static_cast<std::size_t>(solver.getNumRows()), 0.0);
    a->times(x.data(), act.data());
    const double* lo = solver.getRowLower();
    const double* hi = solver.getRowUpper();
    for (std::size_t i = 0; i < act.size(); ++i) {
        const double tol = 1e-7 * std::max(1.0, std::abs(act[i]));
        if (act[i] < lo[i] - tol || act[i] > hi[i] + tol) return false;
    }
    const double* cl = solver.getColLower();
    const double* cu = solver.getColUpper();
    for (std::size_t j = 0; j < x.size(); ++j)
        if (x[j] < cl[j] - 1e-9 || x[j] > cu[j] + 1e-9) return false;
    return true;
}

}  // namespace

CbcOutcome run_cbc(const OsiClpSolverInterface& solver, const std::vector<double>& warm, double lp_bound,
                   const SelectionOptions& options, Clock::time_point t0) {
    CbcOutcome out;
    const int ncols = solver.getNumCols();
    CbcModel model(solver);
    CbcSolverUsefulData data;
    data.noPrinting_ = true;
    data.useSignalHandler_ = false;
    CbcMain0(model, data);
    model.setLogLevel(0);
    model.messageHandler()->setLogLevel(0);
    model.solver()->messageHandler()->setLogLevel(0);
    const double limit = std::max(0.0, options.time_limit_seconds);
    auto state = std::make_shared<HandlerState>();
    state->options = &options;
    state->t0 = t0;
    state->deadline = t0 + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limit));
    Handler handler(state);
    model.passInEventHandler(&handler);

    double warm_value = kInf;  // minimisation objective of the warm start
    const bool warm_ok = static_cast<int>(warm.size()) == ncols && row_feasible(solver, warm);
    if (warm_ok) {
        warm_value = 0.0;
        const double* obj = solver.getObjCoefficients();
        for (int j = 0; j < ncols; ++j) warm_value += obj[j] * warm[static_cast<std::size_t>(j)];
    }
    // The warm start enters as a cutoff, not as an incumbent: CBC 2.10 can crash in
    // CglPreProcess::postProcess when a search holding a setBestSolution() incumbent ends on its time
    // limit during the root. Cutoff = warm value improved by the allowed gap, so CBC only looks for
    // selections worth more than that; "infeasible" then proves the warm start optimal within the gap.
    const double warm_allowed = std::max(std::max(0.0, options.relative_gap) * std::abs(warm_value),
                                         std::max(0.0, options.absolute_gap));
    const std::string cutoff = warm_ok ? std::to_string(warm_value - warm_allowed) : std::string{};

    const double remaining = std::max(0.01, limit - std::chrono::duration<double>(Clock::now() - t0).count());
    const std::string sec = std::to_string(remaining);
    const std::string ratio = std::to_string(std::max(0.0, options.relative_gap));
    const std::string allow = std::to_string(std::max(0.0, options.absolute_gap));
    const std::string threads = std::to_string(std::max(1, options.threads));
    const std::string seed = std::to_string(options.seed);
    std::vector<const char*> args = {"ppm",   "-log",    "0",         "-slog",  "0",           "-timeMode",
                                     "elapsed", "-sec",  sec.c_str(), "-ratio", ratio.c_str(), "-allow",
                                     allow.c_str(), "-randomCbcSeed", seed.c_str()};
    if (options.threads > 1) {
        args.push_back("-threads");
        args.push_back(threads.c_str());
    }
    if (warm_ok) {
        args.push_back("-cutoff");
        args.push_back(cutoff.c_str());
    }
    for (const auto& a : options.cbc_arguments) args.push_back(a.c_str());
    args.push_back("-solve");
    args.push_back("-quit");
    CbcMain1(static_cast<int>(args.size()), args.data(), model, no_callback, data);
    if (state->error) std::rethrow_exception(state->error);

    out.nodes = model.getNodeCount();
    const double* best = model.bestSolution();
    const bool cbc_found = best != nullptr && model.getObjValue() <= warm_value + 1e-9 * std::max(1.0, std::abs(warm_value));
    if (cbc_found) {
        out.x.assign(best, best + ncols);
        out.objective = negated(model.getObjValue());
        out.has_solution = true;
    } else if (warm_ok) {  // CBC found nothing better than (or lost) the warm start
        out.x = warm;
        out.objective = negated(warm_value);
        out.has_solution = true;
    }
    const bool has = out.has_solution;
    // CBC prunes nodes within the allowed gap of the incumbent and then reports the incumbent as the
    // bound, so the honest bound is the larger of its open-node bound and incumbent + allowed gap,
    // capped by the root LP relaxation.
    const double cbc_bound = negated(model.getBestPossibleObjValue());
    const bool out_of_time = state->timed_out || model.isSecondsLimitReached() ||
                             std::chrono::duration<double>(Clock::now() - t0).count() >= limit;
    if (options.stop.stop_requested() || state->cancelled) {
        out.status = SelectionStatus::cancelled;
    } else if (model.isProvenOptimal() && cbc_found && !state->timed_out) {
        out.status = SelectionStatus::optimal;
    } else if (model.isProvenInfeasible() && !cbc_found && warm_ok && !out_of_time) {
        out.status = SelectionStatus::optimal;  // nothing beats the warm start by more than the allowed gap
    } else if (out_of_time) {
        out.status = SelectionStatus::time_limit;
    } else if (model.isProvenInfeasible() && !has) {
        out.status = SelectionStatus::infeasible;
    } else {
        out.status = has ? SelectionStatus::feasible : SelectionStatus::infeasible;
    }
    out.best_bound = std::min(lp_bound, cbc_bound);
    if (has) {
        const double allowed = std::max(std::max(0.0, options.relative_gap) * std::abs(out.objective),
                                        std::max(0.0, options.absolute_gap));
        const double pruned = out.status == SelectionStatus::optimal ? out.objective + allowed
                                                                     : std::max(cbc_bound, out.objective + allowed);
        out.best_bound = std::max(out.objective, std::min(lp_bound, pruned));
    }
    return out;
}

}  // namespace ppm::detail

namespace ppm {

SelectionResult select_portfolio(const SelectionProblem& problem, const SelectionOptions& options) {
    using Clock = std::chrono::steady_clock;
    constexpr double kInf = std::numeric_limits<double>::infinity();
    const auto t0 = Clock::now();
    const std::clock_t cpu0 = std::clock();
    const detail::Compiled c = detail::compile(problem);
    const detail::Milp m = detail::build_milp(c);
    SelectionResult r;
    r.variables = m.cols();
    r.constraints = m.rows();
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

    const int nrows = m.rows();
    OsiClpSolverInterface solver;
    detail::load_milp(m, solver);

    // LP relaxation: bound and shadow prices (value of one more unit of a row's right-hand side).
    std::vector<double> dual(static_cast<std::size_t>(nrows), 0.0);
    solver.initialSolve();
    const bool lp_solved = solver.isProvenOptimal();
    if (lp_solved) {
        r.lp_bound = detail::negated(solver.getObjValue());
        if (options.shadow_prices) {
            const double* price = solver.getRowPrice();
            for (int i = 0; i < nrows; ++i) dual[static_cast<std::size_t>(i)] = detail::negated(price[i]);
        }
    } else if (solver.isProvenPrimalInfeasible()) {
        return finish(SelectionStatus::infeasible, false);
    }

    std::vector<double> warm;
    if (!options.warm_start.empty() && options.warm_start.size() == c.candidates &&
        check_selection(problem, options.warm_start).empty())
        warm = detail::columns_of(m, options.warm_start);
    const detail::CbcOutcome o = detail::run_cbc(solver, warm, lp_solved ? r.lp_bound : kInf, options, t0);
    r.nodes = o.nodes;
    if (o.has_solution) {
        start = detail::starts_of(m, c.candidates, o.x);
        r.objective = o.objective;
        r.gap = std::max(0.0, o.best_bound - o.objective) / std::max(std::abs(o.objective), 1e-9);
    }
    r.best_bound = o.best_bound;
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
    return finish(o.status, o.has_solution);
}

}  // namespace ppm
