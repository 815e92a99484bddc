// Multi-mode RCPSP: preprocessing (Sprecher, Hartmann & Drexl 1997), the genetic algorithm of
// Hartmann (2001, Annals of OR 102: activity list + mode assignment, serial SGS, fitness of a
// non-renewable-infeasible individual = horizon + excess, ranking selection of the best P of
// parents and children), a non-renewable repair and a mode-improvement step (Van Peteghem &
// Vanhoucke 2010, EJOR 201), and double justification of every child (Valls, Ballestin &
// Quintanilla 2005, EJOR 165). Each SGS pass counts one schedule (Kolisch & Hartmann 2006).
#include "ppm/leveling/mrcpsp.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>

#include "detail/multimode_model.hpp"
#include "ppm/core/detail/random.hpp"
#include "ppm/core/error.hpp"

namespace ppm::detail {

MultiModeModel build_multimode_model(const PsplibProject& p) {
    MultiModeModel m;
    m.n = p.num_jobs;
    m.R = static_cast<std::int32_t>(p.renewable_capacities.size());
    m.N = static_cast<std::int32_t>(p.nonrenewable_capacities.size());
    m.dur = p.mode_durations;
    m.rdem = p.renewable_demands;
    m.ndem = p.nonrenewable_demands;
    m.rcap = p.renewable_capacities;
    m.ncap = p.nonrenewable_capacities;
    const auto n = static_cast<std::size_t>(m.n);
    const auto R = static_cast<std::size_t>(m.R);
    const auto N = static_cast<std::size_t>(m.N);
    if (p.mode_offsets.size() != n + 1 || p.successor_offsets.size() != n + 1 ||
        m.dur.size() != static_cast<std::size_t>(p.mode_offsets.back()) || m.rdem.size() != m.dur.size() * R ||
        m.ndem.size() != m.dur.size() * N)
        throw ModelError::invalid_value("multi-mode project", p.path, "array sizes do not match the job and mode counts");

    // Allowed modes: renewable-executable first.
    std::vector<std::vector<std::int32_t>> allowed(n);
    for (std::size_t j = 0; j < n; ++j)
        for (std::int32_t r = p.mode_offsets[j]; r < p.mode_offsets[j + 1]; ++r) {
            bool ok = true;
            for (std::size_t k = 0; k < R; ++k) ok = ok && m.rdem[static_cast<std::size_t>(r) * R + k] <= m.rcap[k];
            if (ok) allowed[j].push_back(r);
        }
    // Non-renewable: a mode is non-executable when its demand plus the smallest demands of all
    // other jobs exceeds the budget. Repeat until nothing changes (removals raise the minima).
    auto min_nd = [&](std::size_t j, std::size_t k) {
        std::int32_t best = std::numeric_limits<std::int32_t>::max();
        for (std::int32_t r : allowed[j]) best = std::min(best, m.ndem[static_cast<std::size_t>(r) * N + k]);
        return best;
    };
    m.min_ndem_excess.assign(N, 0);
    for (bool changed = true; changed && !m.proven_infeasible;) {
        changed = false;
        for (std::size_t j = 0; j < n; ++j)
            if (allowed[j].empty()) m.proven_infeasible = true;
        if (m.proven_infeasible) break;
        for (std::size_t k = 0; k < N; ++k) {
            std::int64_t total = 0;
            for (std::size_t j = 0; j < n; ++j) total += min_nd(j, k);
            m.min_ndem_excess[k] = static_cast<std::int32_t>(total - m.ncap[k]);
            if (total > m.ncap[k]) {
                m.proven_infeasible = true;
                break;
            }
            for (std::size_t j = 0; j < n; ++j) {
                const std::int64_t others = total - min_nd(j, k);
                auto& a = allowed[j];
                const auto before = a.size();
                std::erase_if(a, [&](std::int32_t r) { return others + m.ndem[static_cast<std::size_t>(r) * N + k] > m.ncap[k]; });
                if (a.size() != before) changed = true;
                total = others + (a.empty() ? 0 : min_nd(j, k));
            }
        }
    }
    // Inefficient modes: another allowed mode is no longer and needs no more of any resource
    // (identical modes: keep the first).
    for (std::size_t j = 0; j < n && !m.proven_infeasible; ++j) {
        auto& a = allowed[j];
        std::vector<std::int32_t> kept;
        for (std::size_t x = 0; x < a.size(); ++x) {
            bool dominated = false;
            for (std::size_t y = 0; y < a.size() && !dominated; ++y) {
                if (x == y) continue;
                const auto rx = static_cast<std::size_t>(a[x]), ry = static_cast<std::size_t>(a[y]);
                bool le = m.dur[ry] <= m.dur[rx], strict = m.dur[ry] < m.dur[rx];
                for (std::size_t k = 0; k < R && le; ++k) {
                    le = m.rdem[ry * R + k] <= m.rdem[rx * R + k];
                    strict = strict || m.rdem[ry * R + k] < m.rdem[rx * R + k];
                }
                for (std::size_t k = 0; k < N && le; ++k) {
                    le = m.ndem[ry * N + k] <= m.ndem[rx * N + k];
                    strict = strict || m.ndem[ry * N + k] < m.ndem[rx * N + k];
                }
                dominated = le && (strict || y < x);
            }
            if (!dominated) kept.push_back(a[x]);
        }
        a = std::move(kept);
    }
    m.allowed_offset.assign(n + 1, 0);
    for (std::size_t j = 0; j < n; ++j) {
        m.allowed_offset[j + 1] = m.allowed_offset[j] + static_cast<std::int32_t>(allowed[j].size());
        m.allowed_row.insert(m.allowed_row.end(), allowed[j].begin(), allowed[j].end());
    }
    // Precedence CSR both ways, topological rank (Kahn).
    m.succ_offset = p.successor_offsets;
    m.succ = p.successor_indices;
    m.pred_offset.assign(n + 1, 0);
    for (std::int32_t s : m.succ) {
        if (s < 0 || s >= m.n) throw ModelError::invalid_value("successor", p.path, "job index out of range");
        ++m.pred_offset[static_cast<std::size_t>(s) + 1];
    }
    for (std::size_t j = 0; j < n; ++j) m.pred_offset[j + 1] += m.pred_offset[j];
    m.pred.assign(m.succ.size(), 0);
    {
        std::vector<std::int32_t> fill(m.pred_offset.begin(), m.pred_offset.end() - 1);
        for (std::int32_t j = 0; j < m.n; ++j)
            for (std::int32_t a = m.succ_offset[j]; a < m.succ_offset[j + 1]; ++a) m.pred[fill[m.succ[a]]++] = j;
    }
    m.topo_rank.assign(n, -1);
    std::vector<std::int32_t> indeg(n), queue;
    for (std::size_t j = 0; j < n; ++j) {
        indeg[j] = m.pred_offset[j + 1] - m.pred_offset[j];
        if (indeg[j] == 0) queue.push_back(static_cast<std::int32_t>(j));
    }
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const std::int32_t j = queue[q];
        m.topo_rank[j] = static_cast<std::int32_t>(q);
        for (std::int32_t a = m.succ_offset[j]; a < m.succ_offset[j + 1]; ++a)
            if (--indeg[m.succ[a]] == 0) queue.push_back(m.succ[a]);
    }
    if (queue.size() != n) throw ModelError::cycle("job", {p.path});
    if (m.proven_infeasible) return m;

    // Horizon and lower bounds.
    std::vector<std::int32_t> ef(n, 0);
    for (std::int32_t j : queue) {
        std::int32_t dmin = std::numeric_limits<std::int32_t>::max(), dmax = 0;
        for (std::int32_t x = m.allowed_offset[j]; x < m.allowed_offset[j + 1]; ++x) {
            dmin = std::min(dmin, m.dur[m.allowed_row[x]]);
            dmax = std::max(dmax, m.dur[m.allowed_row[x]]);
        }
        m.horizon += dmax;
        std::int32_t es = 0;
        for (std::int32_t a = m.pred_offset[j]; a < m.pred_offset[j + 1]; ++a) es = std::max(es, ef[m.pred[a]]);
        ef[j] = es + dmin;
        m.lower_bound = std::max(m.lower_bound, ef[j]);
    }
    for (std::size_t k = 0; k < R; ++k) {
        if (m.rcap[k] <= 0) continue;
        std::int64_t work = 0;
        for (std::size_t j = 0; j < n; ++j) {
            std::int64_t least = std::numeric_limits<std::int64_t>::max();
            for (std::int32_t x = m.allowed_offset[j]; x < m.allowed_offset[j + 1]; ++x) {
                const auto r = static_cast<std::size_t>(m.allowed_row[x]);
                least = std::min(least, static_cast<std::int64_t>(m.dur[r]) * m.rdem[r * R + k]);
            }
            work += least;
        }
        m.lower_bound = std::max(m.lower_bound, static_cast<std::int32_t>((work + m.rcap[k] - 1) / m.rcap[k]));
    }
    return m;
}

}  // namespace ppm::detail

namespace ppm {

std::string_view to_string(MrcpspStatus status) noexcept {
    switch (status) {
        case MrcpspStatus::optimal: return "optimal";
        case MrcpspStatus::feasible: return "feasible";
        case MrcpspStatus::infeasible: return "infeasible";
        case MrcpspStatus::no_solution: return "no_solution";
    }
    return "unknown";
}

namespace {

using Clock = std::chrono::steady_clock;

/// The GA state; individuals as structs of arrays (lists and mode indices job-major by slot).
class MultiModeGa {
public:
    MultiModeGa(const detail::MultiModeModel& m, const MrcpspOptions& o)
        : m_(m), o_(o), sgs_(m), rng_(detail::SplitMix64::stream(o.seed, 7)), n_(static_cast<std::size_t>(m.n)) {
        const double budget = static_cast<double>(o.max_schedules > 0 ? o.max_schedules : 5000);
        pop_ = o.population_size > 0 ? static_cast<std::size_t>(o.population_size)
                                     : static_cast<std::size_t>(std::clamp(0.6 * std::sqrt(budget), 20.0, 100.0));
        big_ = m.horizon + 1;
        lft_.assign(n_, 0);
        // Latest finish with shortest modes (backward pass from the critical-path length).
        std::vector<std::int32_t> order(n_);
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) { return m.topo_rank[a] > m.topo_rank[b]; });
        std::int32_t cp = 0;
        std::vector<std::int32_t> tail(n_, 0);
        for (std::int32_t j : order) {
            std::int32_t t = 0;
            for (std::int32_t a = m.succ_offset[j]; a < m.succ_offset[j + 1]; ++a) t = std::max(t, tail[m.succ[a]]);
            tail[j] = t + min_duration(j);
            cp = std::max(cp, tail[j]);
        }
        for (std::size_t j = 0; j < n_; ++j) lft_[j] = cp - tail[j] + min_duration(static_cast<std::int32_t>(j));
        rows_.resize(n_);
        starts_.resize(n_);
        tmp_starts_.resize(n_);
        order_.resize(n_);
        key_.resize(n_);
    }

    MrcpspResult run() {
        const auto t0 = Clock::now();
        MrcpspResult res;
        res.lower_bound = m_.lower_bound;
        const std::int64_t budget = o_.max_schedules > 0 ? o_.max_schedules : std::numeric_limits<std::int64_t>::max();
        const std::int64_t max_evaluations = o_.max_schedules > 0 ? 4 * o_.max_schedules + 1000 : budget;
        const std::int64_t progress_step = std::max<std::int64_t>(1, budget / 100);
        std::int64_t next_progress = progress_step;
        auto stop_now = [&]() -> bool {
            if (schedules_ >= budget) return stop(res, RcpspStop::budget);
            if (evaluations_ >= max_evaluations) return stop(res, RcpspStop::budget);
            if (o_.stop.stop_requested()) return stop(res, RcpspStop::cancelled);
            if (o_.stop_at_lower_bound && best_ <= m_.lower_bound) return stop(res, RcpspStop::lower_bound);
            if (o_.time_limit_seconds > 0 &&
                std::chrono::duration<double>(Clock::now() - t0).count() >= o_.time_limit_seconds)
                return stop(res, RcpspStop::time_limit);
            if (o_.progress && schedules_ >= next_progress) {
                next_progress = schedules_ + progress_step;
                o_.progress({schedules_, o_.max_schedules, best_ < big_ ? best_ : 0, m_.lower_bound,
                             std::chrono::duration<double>(Clock::now() - t0).count()});
            }
            return false;
        };

        // Two slot banks: population [0, P) and children [P, 2P).
        lists_.assign((2 * pop_ + 2) * n_, 0);  // +2: a pair of children when P is odd
        modes_.assign((2 * pop_ + 2) * n_, 0);
        fit_.assign(2 * pop_ + 2, 0);
        std::size_t filled = 0;
        for (; filled < pop_ && !stop_now(); ++filled) {
            random_individual(filled);
            evaluate(filled);
        }
        std::vector<std::size_t> rank(2 * pop_ + 2);
        while (filled == pop_ && !stop_now()) {
            ++res.generations;
            std::size_t made = 0;
            // The budget is checked before every child, so a run overshoots by at most one
            // child's passes (decode + justification + re-decode after mode improvement: 6).
            while (made < pop_ && !stop_now()) {
                const std::size_t mother = tournament(), father = tournament();
                crossover(mother, father, pop_ + made, pop_ + made + 1);
                mutate(pop_ + made);
                evaluate(pop_ + made);
                ++made;
                if (made < pop_ && !stop_now()) {
                    mutate(pop_ + made);
                    evaluate(pop_ + made);
                    ++made;
                }
            }
            // Ranking: keep the best P of parents and children, dropping exact duplicates.
            const std::size_t total = pop_ + made;
            std::iota(rank.begin(), rank.begin() + static_cast<std::ptrdiff_t>(total), std::size_t{0});
            std::stable_sort(rank.begin(), rank.begin() + static_cast<std::ptrdiff_t>(total),
                             [&](std::size_t a, std::size_t b) { return fit_[a] < fit_[b]; });
            std::vector<std::size_t> keep;
            keep.reserve(pop_);
            for (std::size_t i = 0; i < total && keep.size() < pop_; ++i) {
                const std::size_t s = rank[i];
                bool dup = false;
                for (std::size_t k : keep)
                    if (fit_[k] == fit_[s] && same(k, s)) {
                        dup = true;
                        break;
                    }
                if (!dup) keep.push_back(s);
            }
            for (std::size_t i = 0; i < total && keep.size() < pop_; ++i)
                if (std::find(keep.begin(), keep.end(), rank[i]) == keep.end()) keep.push_back(rank[i]);
            compact(keep);
            local_search(stop_now);
        }
        res.schedules = schedules_;
        res.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        if (best_ < big_) {
            res.makespan = best_;
            res.start_times = best_starts_;
            res.modes.resize(n_);
            for (std::size_t j = 0; j < n_; ++j)
                res.modes[j] = best_rows_[j] - project_mode_offset(static_cast<std::int32_t>(j));
            res.status = best_ <= m_.lower_bound ? MrcpspStatus::optimal : MrcpspStatus::feasible;
        }
        if (o_.progress)
            o_.progress({schedules_, o_.max_schedules, res.makespan, m_.lower_bound, res.seconds});
        return res;
    }

    void set_mode_offsets(const std::vector<std::int32_t>& offsets) { mode_offsets_ = &offsets; }

private:
    [[nodiscard]] std::int32_t project_mode_offset(std::int32_t j) const { return (*mode_offsets_)[static_cast<std::size_t>(j)]; }

    bool stop(MrcpspResult& res, RcpspStop why) {
        res.stop_reason = why;
        return true;
    }

    [[nodiscard]] std::int32_t min_duration(std::int32_t j) const {
        std::int32_t d = std::numeric_limits<std::int32_t>::max();
        for (std::int32_t x = 0; x < m_.modes_of(j); ++x) d = std::min(d, m_.dur[m_.row(j, x)]);
        return d;
    }

    std::int32_t* list(std::size_t s) { return lists_.data() + s * n_; }
    std::int32_t* modes(std::size_t s) { return modes_.data() + s * n_; }

    [[nodiscard]] bool same(std::size_t a, std::size_t b) const {
        return std::equal(modes_.begin() + static_cast<std::ptrdiff_t>(a * n_), modes_.begin() + static_cast<std::ptrdiff_t>((a + 1) * n_),
                          modes_.begin() + static_cast<std::ptrdiff_t>(b * n_)) &&
               std::equal(lists_.begin() + static_cast<std::ptrdiff_t>(a * n_), lists_.begin() + static_cast<std::ptrdiff_t>((a + 1) * n_),
                          lists_.begin() + static_cast<std::ptrdiff_t>(b * n_));
    }

    void compact(const std::vector<std::size_t>& keep) {
        std::vector<std::int32_t> l(pop_ * n_), md(pop_ * n_);
        std::vector<std::int32_t> f(pop_);
        for (std::size_t i = 0; i < keep.size(); ++i) {
            std::copy_n(list(keep[i]), n_, l.begin() + static_cast<std::ptrdiff_t>(i * n_));
            std::copy_n(modes(keep[i]), n_, md.begin() + static_cast<std::ptrdiff_t>(i * n_));
            f[i] = fit_[keep[i]];
        }
        std::copy(l.begin(), l.end(), lists_.begin());
        std::copy(md.begin(), md.end(), modes_.begin());
        std::copy(f.begin(), f.end(), fit_.begin());
    }

    std::size_t tournament() {
        const std::size_t a = rng_.below(static_cast<std::uint32_t>(pop_)), b = rng_.below(static_cast<std::uint32_t>(pop_));
        return fit_[a] <= fit_[b] ? a : b;
    }

    /// Mode local search on the best individual (slot 0 after ranking): one random job tries each
    /// of its other modes; a change that is no worse is kept (plateau moves allowed).
    template <class StopNow>
    void local_search(StopNow& stop_now) {
        const std::size_t spare = pop_;
        const auto j = static_cast<std::int32_t>(rng_.below(static_cast<std::uint32_t>(n_)));
        for (std::int32_t x = 0; x < m_.modes_of(j); ++x) {
            if (x == modes(0)[j]) continue;
            if (stop_now()) return;
            std::copy_n(list(0), n_, list(spare));
            std::copy_n(modes(0), n_, modes(spare));
            modes(spare)[j] = x;
            evaluate(spare);
            if (fit_[spare] <= fit_[0]) {
                std::copy_n(list(spare), n_, list(0));
                std::copy_n(modes(spare), n_, modes(0));
                fit_[0] = fit_[spare];
            }
        }
    }

    /// Regret-based biased random sampling on LFT for the list; random modes (half the time the
    /// shortest), then the non-renewable repair.
    void random_individual(std::size_t s) {
        std::int32_t* l = list(s);
        std::int32_t* md = modes(s);
        std::vector<std::int32_t> missing(n_);
        std::vector<std::int32_t> eligible;
        for (std::size_t j = 0; j < n_; ++j) {
            missing[j] = m_.pred_offset[j + 1] - m_.pred_offset[j];
            if (missing[j] == 0) eligible.push_back(static_cast<std::int32_t>(j));
        }
        for (std::size_t i = 0; i < n_; ++i) {
            std::int32_t worst = 0;
            for (std::int32_t e : eligible) worst = std::max(worst, lft_[e]);
            double total = 0;
            for (std::int32_t e : eligible) total += static_cast<double>(worst - lft_[e] + 1);
            double pick = rng_.unit() * total;
            std::size_t at = 0;
            for (; at + 1 < eligible.size(); ++at) {
                pick -= static_cast<double>(worst - lft_[eligible[at]] + 1);
                if (pick < 0) break;
            }
            const std::int32_t j = eligible[at];
            eligible.erase(eligible.begin() + static_cast<std::ptrdiff_t>(at));
            l[i] = j;
            for (std::int32_t a = m_.succ_offset[j]; a < m_.succ_offset[j + 1]; ++a)
                if (--missing[m_.succ[a]] == 0) eligible.push_back(m_.succ[a]);
        }
        const bool shortest = rng_.below(2) == 0;
        for (std::size_t j = 0; j < n_; ++j) {
            const auto jj = static_cast<std::int32_t>(j);
            if (shortest) {
                std::int32_t best = 0;
                for (std::int32_t x = 1; x < m_.modes_of(jj); ++x)
                    if (m_.dur[m_.row(jj, x)] < m_.dur[m_.row(jj, best)]) best = x;
                md[j] = best;
            } else {
                md[j] = static_cast<std::int32_t>(rng_.below(static_cast<std::uint32_t>(m_.modes_of(jj))));
            }
        }
    }

    /// Non-renewable repair: best-improvement single-mode changes (largest excess reduction, then
    /// shortest duration, ties at random) until the excess is 0 or no change lowers it. Demands are
    /// summed once and updated per move (O(jobs x modes x resources) per move).
    std::int64_t repair(std::int32_t* md) {
        const auto N = static_cast<std::size_t>(m_.N);
        nr_used_.assign(N, 0);
        for (std::int32_t j = 0; j < m_.n; ++j)
            for (std::size_t k = 0; k < N; ++k) nr_used_[k] += m_.ndem[static_cast<std::size_t>(m_.row(j, md[j])) * N + k];
        auto excess_of = [&](std::size_t k, std::int64_t used) { return std::max<std::int64_t>(0, used - m_.ncap[k]); };
        std::int64_t ex = 0;
        for (std::size_t k = 0; k < N; ++k) ex += excess_of(k, nr_used_[k]);
        for (std::int32_t move = 0; ex > 0 && move < 2 * m_.n; ++move) {
            std::int64_t best_gain = 0;
            std::int32_t best_job = -1, best_mode = -1, best_dur = 0;
            std::uint32_t ties = 0;
            for (std::int32_t j = 0; j < m_.n; ++j) {
                const auto cur = static_cast<std::size_t>(m_.row(j, md[j]));
                for (std::int32_t x = 0; x < m_.modes_of(j); ++x) {
                    if (x == md[j]) continue;
                    const auto r = static_cast<std::size_t>(m_.row(j, x));
                    std::int64_t gain = 0;
                    for (std::size_t k = 0; k < N; ++k)
                        gain += excess_of(k, nr_used_[k]) -
                                excess_of(k, nr_used_[k] - m_.ndem[cur * N + k] + m_.ndem[r * N + k]);
                    if (gain <= 0) continue;
                    const std::int32_t d = m_.dur[r];
                    if (gain > best_gain || (gain == best_gain && d < best_dur)) {
                        best_gain = gain, best_job = j, best_mode = x, best_dur = d, ties = 1;
                    } else if (gain == best_gain && d == best_dur && rng_.below(++ties) == 0) {
                        best_job = j, best_mode = x;
                    }
                }
            }
            if (best_job < 0) break;
            const auto cur = static_cast<std::size_t>(m_.row(best_job, md[best_job]));
            const auto r = static_cast<std::size_t>(m_.row(best_job, best_mode));
            for (std::size_t k = 0; k < N; ++k) nr_used_[k] += m_.ndem[r * N + k] - m_.ndem[cur * N + k];
            md[best_job] = best_mode;
            ex -= best_gain;
        }
        return ex;
    }

    /// Decodes slot s: repair, serial SGS forward, double justification, list re-encoded from the
    /// final start times, mode improvement; fitness = makespan or horizon + excess.
    void evaluate(std::size_t s) {
        ++evaluations_;
        std::int32_t* l = list(s);
        std::int32_t* md = modes(s);
        const std::int64_t ex = repair(md);
        if (ex > 0) {
            fit_[s] = big_ + static_cast<std::int32_t>(std::min<std::int64_t>(ex, 1 << 20));
            return;
        }
        for (std::size_t j = 0; j < n_; ++j) rows_[j] = m_.row(static_cast<std::int32_t>(j), md[j]);
        std::int32_t ms = forward_justified(l);
        // Mode improvement (Hartmann 2001's local search on modes, in the spirit of Van Peteghem &
        // Vanhoucke 2010): a job whose other mode is shorter and keeps the budgets switches to it
        // when its start and all others stay feasible; the schedule is then re-decoded.
        if (improve_modes(md)) {
            for (std::size_t j = 0; j < n_; ++j) rows_[j] = m_.row(static_cast<std::int32_t>(j), md[j]);
            const std::int32_t again = forward_justified(l);
            ms = again;
        }
        fit_[s] = ms;
        if (ms < best_) {
            best_ = ms;
            best_starts_ = starts_;
            best_rows_ = rows_;
        }
    }

    /// Forward serial SGS on list l with rows_, then backward and forward justification; leaves the
    /// final schedule in starts_ and l re-encoded by start time. Returns the makespan.
    std::int32_t forward_justified(std::int32_t* l) {
        std::int32_t ms = sgs_.run(l, rows_.data(), false, starts_.data());
        ++schedules_;
        // Backward pass: decreasing finish (ties: later topological rank first).
        sort_order([&](std::int32_t j) { return -static_cast<std::int64_t>(starts_[j] + m_.dur[rows_[j]]) * (m_.n + 1) - m_.topo_rank[j]; });
        const std::int32_t back = sgs_.run(order_.data(), rows_.data(), true, tmp_starts_.data());
        ++schedules_;
        if (back <= ms) {
            sort_order([&](std::int32_t j) { return static_cast<std::int64_t>(tmp_starts_[j]) * (m_.n + 1) + m_.topo_rank[j]; });
            std::copy(order_.begin(), order_.end(), l);
            ms = sgs_.run(l, rows_.data(), false, starts_.data());
            ++schedules_;
        }
        return ms;
    }

    template <class Key>
    void sort_order(Key key) {
        for (std::size_t j = 0; j < n_; ++j) {
            order_[j] = static_cast<std::int32_t>(j);
            key_[j] = key(static_cast<std::int32_t>(j));
        }
        std::sort(order_.begin(), order_.end(), [&](std::int32_t a, std::int32_t b) { return key_[a] < key_[b]; });
    }

    bool improve_modes(std::int32_t* md) {
        // Build the usage profile of the current schedule (starts_, rows_).
        const auto R = static_cast<std::size_t>(m_.R);
        std::int32_t ms = 0;
        for (std::size_t j = 0; j < n_; ++j) ms = std::max(ms, starts_[j] + m_.dur[rows_[j]]);
        profile_.assign(static_cast<std::size_t>(ms + 1) * R, 0);
        for (std::size_t j = 0; j < n_; ++j)
            for (std::int32_t t = starts_[j]; t < starts_[j] + m_.dur[rows_[j]]; ++t)
                for (std::size_t k = 0; k < R; ++k)
                    profile_[static_cast<std::size_t>(t) * R + k] += m_.rdem[static_cast<std::size_t>(rows_[j]) * R + k];
        bool changed = false;
        for (std::size_t j = 0; j < n_; ++j) {
            const auto jj = static_cast<std::int32_t>(j);
            const std::int32_t cur = rows_[j];
            for (std::int32_t x = 0; x < m_.modes_of(jj); ++x) {
                const std::int32_t r = m_.row(jj, x);
                if (m_.dur[r] >= m_.dur[cur]) continue;
                bool fits = true;
                for (std::int32_t t = starts_[j]; t < starts_[j] + m_.dur[r] && fits; ++t)
                    for (std::size_t k = 0; k < R; ++k) {
                        const auto at = static_cast<std::size_t>(t) * R + k;
                        const std::int32_t without = profile_[at] - m_.rdem[static_cast<std::size_t>(cur) * R + k];
                        if (without + m_.rdem[static_cast<std::size_t>(r) * R + k] > m_.rcap[k]) {
                            fits = false;
                            break;
                        }
                    }
                if (!fits) continue;
                bool budget_ok = true;
                const auto N = static_cast<std::size_t>(m_.N);
                for (std::size_t k = 0; k < N; ++k)
                    budget_ok = budget_ok && nr_used_[k] - m_.ndem[static_cast<std::size_t>(cur) * N + k] +
                                                     m_.ndem[static_cast<std::size_t>(r) * N + k] <= m_.ncap[k];
                if (!budget_ok) continue;
                for (std::size_t k = 0; k < N; ++k)
                    nr_used_[k] += m_.ndem[static_cast<std::size_t>(r) * N + k] - m_.ndem[static_cast<std::size_t>(cur) * N + k];
                md[j] = x;
                for (std::int32_t t = starts_[j]; t < starts_[j] + m_.dur[cur]; ++t)
                    for (std::size_t k = 0; k < R; ++k)
                        profile_[static_cast<std::size_t>(t) * R + k] -= m_.rdem[static_cast<std::size_t>(cur) * R + k];
                for (std::int32_t t = starts_[j]; t < starts_[j] + m_.dur[r]; ++t)
                    for (std::size_t k = 0; k < R; ++k)
                        profile_[static_cast<std::size_t>(t) * R + k] += m_.rdem[static_cast<std::size_t>(r) * R + k];
                rows_[j] = r;
                changed = true;
                break;
            }
        }
        return changed;
    }

    /// Two-point crossover on the lists (Hartmann 1998), one-point crossover on the modes by job
    /// index (Hartmann 2001).
    void crossover(std::size_t mother, std::size_t father, std::size_t daughter, std::size_t son) {
        const auto q1 = rng_.below(static_cast<std::uint32_t>(n_ + 1));
        const auto q2 = q1 + rng_.below(static_cast<std::uint32_t>(n_ + 1 - q1));
        one_child(mother, father, daughter, q1, q2);
        one_child(father, mother, son, q1, q2);
        const auto r = rng_.below(static_cast<std::uint32_t>(n_ + 1));
        for (std::size_t j = 0; j < n_; ++j) {
            modes(daughter)[j] = (j < r ? modes(mother) : modes(father))[j];
            modes(son)[j] = (j < r ? modes(father) : modes(mother))[j];
        }
    }

    void one_child(std::size_t a, std::size_t b, std::size_t c, std::size_t q1, std::size_t q2) {
        used_.assign(n_, 0);
        std::int32_t* out = list(c);
        const std::int32_t* la = list(a);
        const std::int32_t* lb = list(b);
        std::size_t pos = 0, ia = 0, ib = 0;
        auto take = [&](const std::int32_t* src, std::size_t& i) {
            while (used_[static_cast<std::size_t>(src[i])]) ++i;
            out[pos++] = src[i];
            used_[static_cast<std::size_t>(src[i])] = 1;
        };
        while (pos < q1) take(la, ia);
        while (pos < q2) take(lb, ib);
        while (pos < n_) take(la, ia);
    }

    void mutate(std::size_t c) {
        std::int32_t* l = list(c);
        std::int32_t* md = modes(c);
        constexpr std::uint32_t kPerMille = 50;
        for (std::size_t i = 0; i + 1 < n_; ++i)
            if (rng_.below(1000) < kPerMille) {
                const std::int32_t a = l[i], b = l[i + 1];
                bool related = false;
                for (std::int32_t x = m_.succ_offset[a]; x < m_.succ_offset[a + 1]; ++x) related = related || m_.succ[x] == b;
                if (!related) std::swap(l[i], l[i + 1]);
            }
        for (std::size_t j = 0; j < n_; ++j)
            if (rng_.below(1000) < 2 * kPerMille) {
                const auto k = static_cast<std::uint32_t>(m_.modes_of(static_cast<std::int32_t>(j)));
                md[j] = static_cast<std::int32_t>(rng_.below(k));
            }
    }

    const detail::MultiModeModel& m_;
    const MrcpspOptions& o_;
    detail::MultiModeSgs sgs_;
    detail::SplitMix64 rng_;
    std::size_t n_;
    std::size_t pop_ = 40;
    std::int32_t big_ = 0;
    std::int32_t best_ = std::numeric_limits<std::int32_t>::max();
    std::int64_t schedules_ = 0, evaluations_ = 0;
    const std::vector<std::int32_t>* mode_offsets_ = nullptr;
    std::vector<std::int32_t> lft_, lists_, modes_, fit_, rows_, starts_, tmp_starts_, order_, best_starts_, best_rows_;
    std::vector<std::int32_t> profile_;
    std::vector<std::int64_t> key_, nr_used_;
    std::vector<char> used_;
};

}  // namespace

MrcpspResult solve_mrcpsp(const PsplibProject& project, const MrcpspOptions& options) {
    if (options.max_schedules <= 0 && options.time_limit_seconds <= 0)
        throw ModelError::invalid_value("max_schedules", "mrcpsp", "needs a schedule budget or a time limit");
    const auto t0 = Clock::now();
    const detail::MultiModeModel model = detail::build_multimode_model(project);
    if (model.proven_infeasible) {
        MrcpspResult res;
        res.status = MrcpspStatus::infeasible;
        res.nonrenewable_excess = model.min_ndem_excess;
        res.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        return res;
    }
    MultiModeGa ga(model, options);
    ga.set_mode_offsets(project.mode_offsets);
    MrcpspResult res = ga.run();
    res.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    return res;
}

}  // namespace ppm
