// RCPSP/max: temporal analysis (Bellman-Ford for the positive-cycle proof, Floyd-Warshall for
// the distance matrix D; Neumann, Schwindt & Zimmermann 2003, ch. 1) and a serial schedule
// generation scheme with unscheduling (Franck, Neumann & Schwindt 2001, OR Spektrum 23), repeated
// with regret-based biased random sampling on LST (Kolisch 1996) and on perturbed start times of
// the best schedule found.
#include "ppm/leveling/rcpsp_max_solver.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

#include "ppm/core/detail/random.hpp"
#include "ppm/core/error.hpp"

namespace ppm {

std::string_view to_string(RcpspMaxStatus status) noexcept {
    switch (status) {
        case RcpspMaxStatus::optimal: return "optimal";
        case RcpspMaxStatus::feasible: return "feasible";
        case RcpspMaxStatus::infeasible: return "infeasible";
        case RcpspMaxStatus::no_solution: return "no_solution";
    }
    return "unknown";
}

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::int32_t kNone = std::numeric_limits<std::int32_t>::min() / 4;  // no path

class MaxSgs {
public:
    MaxSgs(const RcpspMaxProject& p, std::vector<std::int32_t> dist, std::int32_t max_steps)
        : p_(p), n_(static_cast<std::size_t>(p.num_jobs)), R_(p.capacities.size()), D_(std::move(dist)),
          max_steps_(max_steps), start_(n_, -1), release_(n_, 0) {
        std::int64_t span = 0;
        for (std::size_t j = 0; j < n_; ++j) span += p.durations[j];
        for (const RcpspArc& a : p.arcs) span += std::abs(a.lag);
        strict_preds_.assign(n_, 0);
        for (std::size_t i = 0; i < n_; ++i)
            for (std::size_t j = 0; j < n_; ++j)
                if (i != j && d(i, j) > 0) ++strict_preds_[j];
        limit_ = static_cast<std::int32_t>(std::min<std::int64_t>(4 * span + 16, std::numeric_limits<std::int32_t>::max() / 4));
    }

    [[nodiscard]] std::int32_t d(std::size_t i, std::size_t j) const { return D_[i * n_ + j]; }

    /// One pass with priorities (smaller first among eligible jobs). Returns the makespan, or -1
    /// when the pass is abandoned; the schedule is in `starts()`.
    std::int32_t run(const std::vector<double>& priority) {
        std::fill(start_.begin(), start_.end(), -1);
        std::fill(release_.begin(), release_.end(), 0);
        std::fill(usage_.begin(), usage_.end(), 0);
        waiting_ = strict_preds_;
        std::size_t scheduled = 0;
        std::int32_t steps = 0;
        place(0, 0);
        ++scheduled;
        while (scheduled < n_) {
            // Eligible: unscheduled, no unscheduled job that must start strictly earlier (D > 0).
            // waiting_[j] counts those jobs (kept up to date by place/unplace).
            std::size_t pick = n_;
            for (std::size_t j = 0; j < n_; ++j)
                if (start_[j] < 0 && waiting_[j] == 0 && (pick == n_ || priority[j] < priority[pick])) pick = j;
            if (pick == n_) return -1;  // cannot happen without a positive cycle
            const std::size_t j = pick;
            std::int32_t es = release_[j], ls = std::numeric_limits<std::int32_t>::max();
            for (std::size_t i = 0; i < n_; ++i) {
                if (start_[i] < 0) continue;
                if (d(i, j) != kNone) es = std::max(es, start_[i] + d(i, j));
                if (d(j, i) != kNone) ls = std::min(ls, start_[i] - d(j, i));
            }
            const std::int32_t t = earliest_fit(j, es);
            if (t < 0) return -1;
            if (t <= ls) {
                place(j, t);
                ++scheduled;
                continue;
            }
            // Unscheduling: push the jobs that set LS right by the missing amount and undo the
            // partial schedule from the earliest of them on.
            if (++steps > max_steps_) return -1;
            const std::int32_t delta = t - ls;
            std::int32_t from = std::numeric_limits<std::int32_t>::max();
            for (std::size_t i = 0; i < n_; ++i)
                if (start_[i] >= 0 && d(j, i) != kNone && start_[i] - d(j, i) == ls) {
                    if (i == 0) return -1;  // the source cannot move
                    release_[i] = start_[i] + delta;
                    from = std::min(from, start_[i]);
                }
            for (std::size_t i = 1; i < n_; ++i)
                if (start_[i] >= from) {
                    unplace(i);
                    --scheduled;
                }
        }
        std::int32_t ms = 0;
        for (std::size_t j = 0; j < n_; ++j) ms = std::max(ms, start_[j] + p_.durations[j]);
        return ms;
    }

    [[nodiscard]] const std::vector<std::int32_t>& starts() const { return start_; }

private:
    void ensure(std::int32_t until) {
        const std::size_t need = static_cast<std::size_t>(until + 1) * R_;
        if (usage_.size() < need) usage_.resize(std::max(need, usage_.size() * 2), 0);
    }
    const std::int32_t* demand(std::size_t j) const { return p_.demands.data() + j * R_; }

    std::int32_t earliest_fit(std::size_t j, std::int32_t t) {
        const std::int32_t dj = p_.durations[j];
        if (dj == 0) return t;
        const std::int32_t* dem = demand(j);
        while (t <= limit_) {
            ensure(t + dj);
            std::int32_t clash = -1;
            for (std::int32_t tau = t + dj - 1; tau >= t && clash < 0; --tau)
                for (std::size_t k = 0; k < R_; ++k)
                    if (usage_[static_cast<std::size_t>(tau) * R_ + k] + dem[k] > p_.capacities[k]) {
                        clash = tau;
                        break;
                    }
            if (clash < 0) return t;
            t = clash + 1;
        }
        return -1;
    }

    void place(std::size_t j, std::int32_t t) {
        start_[j] = t;
        for (std::size_t x = 0; x < n_; ++x)
            if (x != j && d(j, x) > 0) --waiting_[x];
        ensure(t + p_.durations[j]);
        const std::int32_t* dem = demand(j);
        for (std::int32_t tau = t; tau < t + p_.durations[j]; ++tau)
            for (std::size_t k = 0; k < R_; ++k) usage_[static_cast<std::size_t>(tau) * R_ + k] += dem[k];
    }

    void unplace(std::size_t j) {
        const std::int32_t* dem = demand(j);
        for (std::int32_t tau = start_[j]; tau < start_[j] + p_.durations[j]; ++tau)
            for (std::size_t k = 0; k < R_; ++k) usage_[static_cast<std::size_t>(tau) * R_ + k] -= dem[k];
        start_[j] = -1;
        for (std::size_t x = 0; x < n_; ++x)
            if (x != j && d(j, x) > 0) ++waiting_[x];
    }

    const RcpspMaxProject& p_;
    std::size_t n_, R_;
    std::vector<std::int32_t> D_;
    std::int32_t max_steps_;
    std::int32_t limit_ = 0;
    std::vector<std::int32_t> start_, release_, usage_, strict_preds_, waiting_;
};

void validate(const RcpspMaxProject& p) {
    const auto n = static_cast<std::size_t>(p.num_jobs);
    if (p.num_jobs < 1 || p.durations.size() != n || p.demands.size() != n * p.capacities.size())
        throw ModelError::invalid_value("RCPSP/max project", p.path, "array sizes do not match num_jobs");
    for (const RcpspArc& a : p.arcs)
        if (a.from < 0 || a.to < 0 || a.from >= p.num_jobs || a.to >= p.num_jobs)
            throw ModelError::invalid_value("arc", p.path, "job index out of range");
    for (std::size_t j = 0; j < n; ++j) {
        if (p.durations[j] < 0) throw ModelError::negative_duration("duration", std::to_string(j));
        for (std::size_t k = 0; k < p.capacities.size(); ++k)
            if (p.demands[j * p.capacities.size() + k] < 0)
                throw ModelError::invalid_value("demand", std::to_string(j), "negative");
    }
}

}  // namespace

RcpspMaxResult solve_rcpsp_max(const RcpspMaxProject& project, const RcpspMaxOptions& options) {
    if (options.max_schedules <= 0 && options.time_limit_seconds <= 0)
        throw ModelError::invalid_value("max_schedules", "rcpsp_max", "needs a schedule budget or a time limit");
    validate(project);
    const auto t0 = Clock::now();
    RcpspMaxResult res;
    const TemporalAnalysis temporal = temporal_analysis(project);
    if (!temporal.feasible) {
        res.status = RcpspMaxStatus::infeasible;
        res.positive_cycle = temporal.positive_cycle;
        res.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        return res;
    }
    const auto n = static_cast<std::size_t>(project.num_jobs);
    const std::size_t R = project.capacities.size();
    // A job whose demand exceeds a capacity can never run: infeasible, and provably so.
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t k = 0; k < R; ++k)
            if (project.durations[j] > 0 && project.demands[j * R + k] > project.capacities[k]) {
                res.status = RcpspMaxStatus::infeasible;
                res.positive_cycle.clear();
                res.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
                return res;
            }
    // Distance matrix (longest paths), Floyd-Warshall, O(n^3).
    std::vector<std::int32_t> D(n * n, kNone);
    for (std::size_t i = 0; i < n; ++i) D[i * n + i] = 0;
    for (const RcpspArc& a : project.arcs) {
        auto& cell = D[static_cast<std::size_t>(a.from) * n + static_cast<std::size_t>(a.to)];
        cell = std::max(cell, a.lag);
    }
    // Source 0 precedes everything (ProGen/max): make it explicit so every job has an ES.
    for (std::size_t j = 1; j < n; ++j) D[j] = std::max(D[j], 0);
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i) {
            const std::int32_t ik = D[i * n + k];
            if (ik == kNone) continue;
            for (std::size_t j = 0; j < n; ++j) {
                const std::int32_t kj = D[k * n + j];
                if (kj != kNone && ik + kj > D[i * n + j]) D[i * n + j] = ik + kj;
            }
        }
    // Lower bound: longest path to the end, and the energy bound.
    res.lower_bound = temporal.makespan_bound;
    for (std::size_t k = 0; k < R; ++k) {
        if (project.capacities[k] <= 0) continue;
        std::int64_t work = 0;
        for (std::size_t j = 0; j < n; ++j) work += static_cast<std::int64_t>(project.durations[j]) * project.demands[j * R + k];
        res.lower_bound = std::max(res.lower_bound, static_cast<std::int32_t>((work + project.capacities[k] - 1) / project.capacities[k]));
    }

    // LST priorities relative to the temporal bound: LS_j = D[0][sink] - D[j][sink].
    const std::size_t sink = n - 1;
    std::vector<double> lst(n);
    for (std::size_t j = 0; j < n; ++j)
        lst[j] = D[j * n + sink] != kNone ? static_cast<double>(D[sink] - D[j * n + sink]) : static_cast<double>(D[j]);
    const double lst_max = *std::max_element(lst.begin(), lst.end());

    const std::int32_t steps = options.max_unschedule_steps > 0 ? options.max_unschedule_steps
                                                                : 4 * static_cast<std::int32_t>(n);
    MaxSgs sgs(project, std::move(D), steps);
    detail::SplitMix64 rng = detail::SplitMix64::stream(options.seed, 11);
    const std::int64_t budget = options.max_schedules > 0 ? options.max_schedules : std::numeric_limits<std::int64_t>::max();
    const std::int64_t step = std::max<std::int64_t>(1, budget / 100);
    std::int32_t best = std::numeric_limits<std::int32_t>::max();
    std::vector<double> prio(n);
    std::vector<std::int32_t> best_starts;
    for (;;) {
        if (res.schedules >= budget) {
            res.stop_reason = RcpspStop::budget;
            break;
        }
        if (options.stop.stop_requested()) {
            res.stop_reason = RcpspStop::cancelled;
            break;
        }
        if (options.stop_at_lower_bound && best <= res.lower_bound) {
            res.stop_reason = RcpspStop::lower_bound;
            break;
        }
        if (options.time_limit_seconds > 0 &&
            std::chrono::duration<double>(Clock::now() - t0).count() >= options.time_limit_seconds) {
            res.stop_reason = RcpspStop::time_limit;
            break;
        }
        // Pass 0: plain LST. Then biased random sampling: weights (lst_max - LST + 1)^2 turned into
        // random keys (-log(u) / w is the exponential-race form of weighted sampling without
        // replacement), or, once a schedule exists, half the time the best start times + noise.
        if (res.schedules == 0) {
            prio = lst;
        } else if (best_starts.empty() || rng.below(2) == 0) {
            for (std::size_t j = 0; j < n; ++j) {
                const double w = std::pow(lst_max - lst[j] + 1.0, 2.0);
                prio[j] = -std::log(1.0 - rng.unit()) / w;
            }
        } else {
            const double noise = 1.0 + static_cast<double>(rng.below(8));
            for (std::size_t j = 0; j < n; ++j) prio[j] = best_starts[j] + noise * rng.unit();
        }
        const std::int32_t ms = sgs.run(prio);
        ++res.schedules;
        if (ms >= 0) {
            ++res.feasible_passes;
            if (ms < best) {
                best = ms;
                best_starts = sgs.starts();
            }
        }
        if (options.progress && res.schedules % step == 0)
            options.progress({res.schedules, options.max_schedules, best_starts.empty() ? 0 : best, res.lower_bound,
                              std::chrono::duration<double>(Clock::now() - t0).count()});
    }
    res.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    if (!best_starts.empty()) {
        res.makespan = best;
        res.start_times = std::move(best_starts);
        res.status = best <= res.lower_bound ? RcpspMaxStatus::optimal : RcpspMaxStatus::feasible;
    }
    if (options.progress)
        options.progress({res.schedules, options.max_schedules, res.makespan, res.lower_bound, res.seconds});
    return res;
}

}  // namespace ppm
