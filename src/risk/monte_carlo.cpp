// Monte Carlo schedule risk analysis on a CSR network (see monte_carlo.hpp for the method and sources).
#include "ppm/risk/monte_carlo.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <mutex>
#include <string>
#include <thread>

#include "detail/iteration_timing.hpp"
#include "ppm/core/detail/random.hpp"
#include "ppm/core/error.hpp"

namespace ppm {
namespace {

constexpr std::uint64_t kChunk = 64;  // iterations handed to a worker at a time
constexpr std::uint64_t kMaxIterations = 10'000'000;

/// Key of an iteration's random stream: a function of seed and iteration index only.
constexpr std::uint64_t iteration_key(std::uint64_t seed, std::uint64_t it) noexcept {
    return detail::mix64(detail::splitmix64(seed) ^ (it * 0xD1B54A32D192ED03ULL));
}
/// The 32-bit random number of `slot` in an iteration's stream (SplitMix64 at that counter).
constexpr std::uint32_t draw(std::uint64_t key, std::uint64_t slot) noexcept {
    return static_cast<std::uint32_t>(detail::SplitMix64::at(key, slot) >> 32);
}
constexpr double to_unit(std::uint32_t x) noexcept { return (static_cast<double>(x) + 0.5) * (1.0 / 4294967296.0); }

/// Everything prepared once and shared read-only by the workers (positions = topological order).
struct Prepared {
    const SimulationNetwork* net = nullptr;
    std::size_t n = 0;
    std::vector<Sampler> sampler;          // by position
    std::vector<std::uint32_t> task_of;    // position -> task index (RNG slot)
    std::vector<std::uint8_t> fixed;       // by position: duration certain
    std::vector<std::uint8_t> in_group;    // by position
    std::vector<double> cost_fixed, cost_rate;  // by position
    struct Group {
        std::vector<std::uint32_t> pos;    // member positions
        std::vector<std::uint32_t> task;   // member task indices (RNG slots)
        Eigen::MatrixXd factor;
    };
    std::vector<Group> groups;
    struct Event {
        double probability;
        std::vector<std::uint32_t> pos;
        std::vector<std::int64_t> extra;
        double cost;
    };
    std::vector<Event> events;
    // Independent uncertain tasks, by family, as structs of arrays (no per-task branch on the kind).
    struct Batch {
        std::vector<std::uint32_t> pos, slot;
        std::vector<double> a, b, k1, k2, fc;  // meaning depends on the family (see prepare)
        std::vector<const Sampler*> sampler;   // discrete only
    };
    Batch uniform, triangular, lognormal, other;  // other: PERT and discrete through their Sampler
    std::vector<std::uint32_t> indep_pos, indep_slot;  // all of the above, for the sensitivity pass
    std::vector<std::int64_t> base;                    // by position: certain durations (others overwritten)
    double cost_fixed_total = 0.0;
    std::shared_ptr<const detail::IterationTiming> timing;  // levelling / per-task calendars (null: plain pass)
};

/// Samples the uniforms driving each task's duration: u (as a 32-bit quantile) for every task.
/// Independent tasks use their own draw; correlated ones go through the copula.
template <class Sink>
void sample_uniforms(const Prepared& p, std::uint64_t key, Eigen::VectorXd& normals, Eigen::VectorXd& mixed, Sink&& sink) {
    for (std::size_t k = 0; k < p.indep_pos.size(); ++k) {
        const std::uint32_t x = draw(key, p.indep_slot[k]);
        sink(p.indep_pos[k], x, to_unit(x));
    }
    for (const auto& g : p.groups) {
        const auto m = static_cast<Eigen::Index>(g.pos.size());
        normals.resize(m);
        for (Eigen::Index k = 0; k < m; ++k) normals[k] = normal_quantile(to_unit(draw(key, g.task[static_cast<std::size_t>(k)])));
        mixed.noalias() = g.factor * normals;
        for (Eigen::Index k = 0; k < m; ++k) {
            const double u = std::clamp(normal_cdf(mixed[k]), 1e-12, 1.0 - 1e-12);
            const auto x = static_cast<std::uint32_t>(std::min(u * 4294967296.0, 4294967295.0));
            const auto pos = g.pos[static_cast<std::size_t>(k)];
            if (!p.fixed[pos]) sink(pos, x, u);
        }
    }
}

Prepared prepare(const MonteCarloInput& in, const MonteCarloOptions& opt, MonteCarloResult& r) {
    if (in.network == nullptr) throw ModelError::missing_value("simulation network", "");
    Prepared p;
    p.net = in.network;
    p.n = in.network->size();
    const std::size_t n = p.n;
    if (in.duration.size() != n)
        throw ModelError::invalid_value("duration distributions", "", "one per network task expected");
    if ((!in.cost_fixed.empty() && in.cost_fixed.size() != n) || (!in.cost_per_minute.empty() && in.cost_per_minute.size() != n))
        throw ModelError::invalid_value("task costs", "", "one per network task expected (or none)");
    if (opt.iterations < 1 || opt.iterations > kMaxIterations)
        throw ModelError::invalid_value("iterations", std::to_string(opt.iterations), "must be within 1..10,000,000");
    if (opt.histogram_bins < 1) throw ModelError::invalid_value("histogram bins", std::to_string(opt.histogram_bins), "must be >= 1");
    p.sampler.resize(n);
    p.task_of.resize(n);
    p.fixed.resize(n);
    p.in_group.assign(n, 0);
    p.cost_fixed.assign(n, 0.0);
    p.cost_rate.assign(n, 0.0);
    for (std::uint32_t pos = 0; pos < n; ++pos) {
        const auto t = in.network->task_at(pos);
        p.task_of[pos] = t;
        const auto& d = in.duration[t];
        p.sampler[pos] = Sampler(d, "task #" + std::to_string(t));
        p.fixed[pos] = d.kind == DistributionKind::fixed || ((d.kind == DistributionKind::uniform || d.kind == DistributionKind::triangular ||
                                                              d.kind == DistributionKind::pert) && d.min == d.max) ||
                       (d.kind == DistributionKind::lognormal && d.stddev == 0.0);
        if (!in.cost_fixed.empty()) p.cost_fixed[pos] = in.cost_fixed[t];
        if (!in.cost_per_minute.empty()) p.cost_rate[pos] = in.cost_per_minute[t];
    }
    for (const auto& g : in.correlations) {
        const auto f = factor_correlation(g, opt.repair_correlation);
        r.correlation_repaired.push_back(f.repaired ? 1 : 0);
        Prepared::Group pg;
        for (auto t : g.tasks) {
            if (t >= n) throw ModelError::unknown_id("task index", std::to_string(t), "correlation group " + g.name);
            const auto pos = in.network->position(t);
            if (p.in_group[pos]) throw ModelError::invalid_value("correlation groups", g.name, "a task belongs to two groups");
            p.in_group[pos] = 1;
            pg.pos.push_back(pos);
            pg.task.push_back(t);
        }
        pg.factor = f.factor;
        p.groups.push_back(std::move(pg));
    }
    for (const auto& e : in.events) {
        if (!(e.probability >= 0.0 && e.probability <= 1.0))
            throw ModelError::invalid_value("risk event probability", e.id, "must be within 0..1");
        if (e.extra_duration.size() != 1 && e.extra_duration.size() != e.tasks.size())
            throw ModelError::invalid_value("risk event extra duration", e.id, "give one value or one per linked task");
        Prepared::Event pe{.probability = e.probability, .pos = {}, .extra = {}, .cost = e.extra_cost};
        for (std::size_t k = 0; k < e.tasks.size(); ++k) {
            if (e.tasks[k] >= n) throw ModelError::unknown_id("task index", std::to_string(e.tasks[k]), "risk event " + e.id);
            const auto extra = e.extra_duration.size() == 1 ? e.extra_duration[0] : e.extra_duration[k];
            if (extra < 0) throw ModelError::negative_duration("risk event extra duration", e.id);
            pe.pos.push_back(in.network->position(e.tasks[k]));
            pe.extra.push_back(extra);
        }
        p.events.push_back(std::move(pe));
    }
    p.timing = detail::IterationTiming::make(in, opt);
    p.base.assign(n, 0);
    for (std::uint32_t pos = 0; pos < n; ++pos) {
        p.cost_fixed_total += p.cost_fixed[pos];
        const auto& d = in.duration[p.task_of[pos]];
        if (p.fixed[pos]) {
            p.base[pos] = static_cast<std::int64_t>(std::max(0.0, p.sampler[pos].quantile(0.5)) + 0.5);
            continue;
        }
        if (p.in_group[pos]) continue;
        p.indep_pos.push_back(pos);
        p.indep_slot.push_back(p.task_of[pos]);
        auto add = [&](Prepared::Batch& b, double a, double bb, double k1, double k2, double fc) {
            b.pos.push_back(pos);
            b.slot.push_back(p.task_of[pos]);
            b.a.push_back(a), b.b.push_back(bb), b.k1.push_back(k1), b.k2.push_back(k2), b.fc.push_back(fc);
        };
        const double a = d.min, b = d.max, c = d.most_likely;
        switch (d.kind) {
            case DistributionKind::uniform: add(p.uniform, a, b - a, 0, 0, 0); break;
            case DistributionKind::triangular: add(p.triangular, a, b, (b - a) * (c - a), (b - a) * (b - c), (c - a) / (b - a)); break;
            case DistributionKind::lognormal: {
                const double sigma = std::sqrt(std::log1p((d.stddev * d.stddev) / (d.mean * d.mean)));
                add(p.lognormal, std::log(d.mean) - 0.5 * sigma * sigma, sigma, 0, 0, 0);
                break;
            }
            default:
                add(p.other, 0, 0, 0, 0, 0);
                p.other.sampler.push_back(&p.sampler[pos]);
                break;
        }
    }
    return p;
}

/// Per-worker state: workspace, copula scratch and integer accumulators (summed in a fixed order).
struct Worker {
    NetworkWorkspace ws;
    std::vector<std::uint64_t> critical;   // by position
    std::vector<std::uint64_t> event_hits;
    Eigen::VectorXd normals, mixed;
    // Sensitivity pass.
    std::vector<std::uint64_t> sum_a, sum_aa, sum_ab;
    detail::IterationScratch timing_scratch;  // used only with p.timing
};

void run_iteration(const Prepared& p, std::uint64_t seed, std::uint64_t it, Worker& w, std::int64_t& finish_out, double& cost_out) {
    const std::uint64_t key = iteration_key(seed, it);
    std::int64_t* d = w.ws.duration.data();
    std::copy(p.base.begin(), p.base.end(), d);
    auto put = [d](std::uint32_t pos, double v) { d[pos] = static_cast<std::int64_t>(std::max(0.0, v) + 0.5); };
    {
        const auto& b = p.uniform;
        for (std::size_t k = 0; k < b.pos.size(); ++k) put(b.pos[k], b.a[k] + to_unit(draw(key, b.slot[k])) * b.b[k]);
    }
    {
        const auto& b = p.triangular;
        for (std::size_t k = 0; k < b.pos.size(); ++k) {
            const double u = to_unit(draw(key, b.slot[k]));
            put(b.pos[k], u < b.fc[k] ? b.a[k] + std::sqrt(u * b.k1[k]) : b.b[k] - std::sqrt((1.0 - u) * b.k2[k]));
        }
    }
    {
        const auto& b = p.lognormal;
        for (std::size_t k = 0; k < b.pos.size(); ++k)
            put(b.pos[k], std::exp(b.a[k] + b.b[k] * normal_quantile(to_unit(draw(key, b.slot[k])))));
    }
    {
        const auto& b = p.other;
        for (std::size_t k = 0; k < b.pos.size(); ++k) put(b.pos[k], b.sampler[k]->quantile(to_unit(draw(key, b.slot[k]))));
    }
    for (const auto& g : p.groups) {
        const auto m = static_cast<Eigen::Index>(g.pos.size());
        w.normals.resize(m);
        for (Eigen::Index k = 0; k < m; ++k) w.normals[k] = normal_quantile(to_unit(draw(key, g.task[static_cast<std::size_t>(k)])));
        w.mixed.noalias() = g.factor * w.normals;
        for (Eigen::Index k = 0; k < m; ++k) {
            const auto pos = g.pos[static_cast<std::size_t>(k)];
            if (p.fixed[pos]) continue;
            put(pos, p.sampler[pos].quantile(std::clamp(normal_cdf(w.mixed[k]), 1e-12, 1.0 - 1e-12)));
        }
    }
    double cost = p.cost_fixed_total;
    for (std::size_t e = 0; e < p.events.size(); ++e) {
        const auto& ev = p.events[e];
        if (to_unit(draw(key, p.n + e)) < ev.probability) {
            ++w.event_hits[e];
            cost += ev.cost;
            for (std::size_t k = 0; k < ev.pos.size(); ++k) d[ev.pos[k]] += ev.extra[k];
        }
    }
    const double* rate = p.cost_rate.data();
    {
        // Four partial sums in a fixed order: no 4-cycle add latency per task, same answer for any thread count.
        double part[4] = {0.0, 0.0, 0.0, 0.0};
        std::size_t pos = 0;
        for (; pos + 4 <= p.n; pos += 4)
            for (std::size_t l = 0; l < 4; ++l) part[l] += rate[pos + l] * static_cast<double>(d[pos + l]);
        for (; pos < p.n; ++pos) part[0] += rate[pos] * static_cast<double>(d[pos]);
        cost += (part[0] + part[1]) + (part[2] + part[3]);
    }
    if (p.timing) {
        finish_out = p.timing->run(d, w.critical.data(), w.timing_scratch);
        cost_out = cost;
        return;
    }
    const std::int64_t finish = p.net->forward(w.ws);
    p.net->backward(w.ws, finish);
    const std::int64_t* es = w.ws.early_start.data();
    const std::int64_t* lf = w.ws.late_finish.data();
    std::uint64_t* crit = w.critical.data();
    // Critical when LF - EF <= 0, i.e. LF - EF - 1 < 0: the sign bit, so the loop vectorises.
    for (std::size_t pos = 0; pos < p.n; ++pos) crit[pos] += static_cast<std::uint64_t>(lf[pos] - es[pos] - d[pos] - 1) >> 63;
    finish_out = finish;
    cost_out = cost;
}

/// Runs `body(worker, first, last)` over iteration chunks on `threads` workers; the calling thread
/// reports progress. Returns the number of iterations completed (a prefix: chunks are handed out in
/// order and a taken chunk is always finished).
template <class Body>
std::uint64_t parallel_chunks(std::uint64_t iterations, unsigned threads, std::vector<Worker>& workers,
                              const MonteCarloOptions& opt, double progress_from, double progress_to, Body body) {
    std::atomic<std::uint64_t> next{0}, done{0};
    std::atomic<bool> abort{false};
    std::exception_ptr error;
    std::mutex error_mutex;
    const std::uint64_t chunks = (iterations + kChunk - 1) / kChunk;
    auto work = [&](Worker& w, bool reports) {
        try {
            for (;;) {
                if (abort.load(std::memory_order_relaxed) || opt.stop.stop_requested()) return;
                const std::uint64_t c = next.fetch_add(1);
                if (c >= chunks) return;
                const std::uint64_t first = c * kChunk, last = std::min(iterations, first + kChunk);
                body(w, first, last);
                const auto now_done = done.fetch_add(last - first, std::memory_order_relaxed) + (last - first);
                // Only the calling thread reports, between its chunks.
                if (reports && opt.progress)
                    opt.progress(progress_from + (progress_to - progress_from) * static_cast<double>(now_done) /
                                                     static_cast<double>(iterations));
            }
        } catch (...) {
            std::lock_guard lock(error_mutex);
            if (!error) error = std::current_exception();
            abort = true;
        }
    };
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, std::ref(workers[t]), false);
        work(workers[0], true);
    }
    if (error) std::rethrow_exception(error);
    if (opt.progress) opt.progress(progress_to);
    const std::uint64_t taken = std::min(next.load(), chunks);
    return std::min(iterations, taken * kChunk);
}

Histogram make_histogram(const std::vector<double>& v, int bins) {
    Histogram h;
    if (v.empty()) return h;
    const auto [lo_it, hi_it] = std::minmax_element(v.begin(), v.end());
    const double lo = *lo_it, hi = *hi_it;
    const auto b = static_cast<std::size_t>(hi > lo ? bins : 1);
    const double width = hi > lo ? (hi - lo) / static_cast<double>(b) : 1.0;
    h.edge.resize(b + 1);
    for (std::size_t k = 0; k <= b; ++k) h.edge[k] = lo + width * static_cast<double>(k);
    h.count.assign(b, 0);
    for (double x : v) ++h.count[std::min(b - 1, static_cast<std::size_t>((x - lo) / width))];
    return h;
}

double nearest_rank(std::vector<double> sorted_copy, double pct) {
    if (sorted_copy.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(sorted_copy.begin(), sorted_copy.end());
    const auto n = sorted_copy.size();
    auto k = static_cast<std::size_t>(std::ceil(pct / 100.0 * static_cast<double>(n)));
    k = std::clamp<std::size_t>(k, 1, n);
    return sorted_copy[k - 1];
}

}  // namespace

void summarise_samples(MonteCarloResult& r, int histogram_bins) {
    const std::uint64_t completed = r.finish.size();
    const std::vector<double> fin(r.finish.begin(), r.finish.end());
    const std::vector<double>& cost = r.cost;
    r.finish_histogram = make_histogram(fin, histogram_bins);
    r.cost_histogram = make_histogram(cost, histogram_bins);
    r.percentile.clear();
    r.finish_at.clear();
    r.cost_at.clear();
    for (int k = 1; k <= 9; ++k) {
        const double pct = 10.0 * k;
        r.percentile.push_back(pct);
        r.finish_at.push_back(nearest_rank(fin, pct));
        r.cost_at.push_back(nearest_rank(cost, pct));
    }
    if (completed > 0) {
        double sum = 0.0, sum2 = 0.0, csum = 0.0;
        for (std::uint64_t i = 0; i < completed; ++i) {
            sum += fin[i];
            sum2 += fin[i] * fin[i];
            csum += cost[i];
        }
        const double m = sum / static_cast<double>(completed);
        r.finish_mean = m;
        r.finish_stddev = std::sqrt(std::max(0.0, sum2 / static_cast<double>(completed) - m * m));
        r.cost_mean = csum / static_cast<double>(completed);
    }
}

std::string_view to_string(SimulationStatus s) noexcept { return s == SimulationStatus::completed ? "completed" : "cancelled"; }

MonteCarloResult simulate(const MonteCarloInput& input, const MonteCarloOptions& opt) {
    MonteCarloResult r;
    const Prepared p = prepare(input, opt, r);
    const std::size_t n = p.n;
    const std::uint64_t iterations = opt.iterations;
    unsigned threads = opt.threads != 0 ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::uint64_t>(threads, (iterations + kChunk - 1) / kChunk));
    threads = std::max(1u, threads);

    std::vector<Worker> workers(threads);
    for (auto& w : workers) {
        w.ws = p.net->make_workspace();
        w.critical.assign(n, 0);
        w.event_hits.assign(p.events.size(), 0);
    }
    // Deterministic reference: every duration at its mean, no events.
    {
        auto& w = workers[0];
        for (std::size_t pos = 0; pos < n; ++pos)
            w.ws.duration[pos] = std::llround(distribution_mean(input.duration[p.task_of[pos]]));
        r.deterministic_finish = p.timing ? p.timing->run(w.ws.duration.data(), nullptr, w.timing_scratch) : p.net->forward(w.ws);
    }

    std::vector<std::int64_t> finish(iterations, 0);
    std::vector<double> cost(iterations, 0.0);
    const double pass1_share = opt.sensitivity ? 0.8 : 1.0;
    const std::uint64_t completed = parallel_chunks(iterations, threads, workers, opt, 0.0, pass1_share,
                                                    [&](Worker& w, std::uint64_t first, std::uint64_t last) {
                                                        for (std::uint64_t it = first; it < last; ++it)
                                                            run_iteration(p, opt.seed, opt.first_iteration + it, w, finish[it], cost[it]);
                                                    });
    r.status = completed == iterations ? SimulationStatus::completed : SimulationStatus::cancelled;
    r.iterations = completed;
    finish.resize(completed);
    cost.resize(completed);

    // Criticality and event counts: integer sums, independent of the thread split... except that
    // workers may have finished chunks beyond the prefix only when cancelled, which cannot happen
    // (a taken chunk is always finished), so the counts cover exactly `completed` iterations.
    r.criticality.assign(n, 0.0);
    r.event_hits.assign(p.events.size(), 0);
    for (std::size_t pos = 0; pos < n; ++pos) {
        std::uint64_t c = 0;
        for (const auto& w : workers) c += w.critical[pos];
        r.criticality[p.task_of[pos]] = completed > 0 ? static_cast<double>(c) / static_cast<double>(completed) : 0.0;
    }
    for (std::size_t e = 0; e < p.events.size(); ++e)
        for (const auto& w : workers) r.event_hits[e] += w.event_hits[e];

    // Sensitivity: Spearman rho between each task's sampled quantile (its rank among the samples,
    // up to O(1/sqrt(N))) and the rank of the project finish. Second pass regenerates the uniforms
    // from the counter-based streams; sums are integers (16-bit quantiles, doubled mid-ranks).
    r.sensitivity.assign(n, std::numeric_limits<double>::quiet_NaN());
    r.cruciality.assign(n, std::numeric_limits<double>::quiet_NaN());
    if (opt.sensitivity && completed > 1 && r.status == SimulationStatus::completed) {
        std::vector<std::uint64_t> order(completed);
        for (std::uint64_t i = 0; i < completed; ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return finish[a] < finish[b]; });
        std::vector<std::uint64_t> rank2(completed);  // 2 x mid-rank (1-based), an integer
        for (std::uint64_t i = 0; i < completed;) {
            std::uint64_t j = i;
            while (j < completed && finish[order[j]] == finish[order[i]]) ++j;
            for (std::uint64_t k = i; k < j; ++k) rank2[order[k]] = i + j + 1;
            i = j;
        }
        for (auto& w : workers) {
            w.sum_a.assign(n, 0);
            w.sum_aa.assign(n, 0);
            w.sum_ab.assign(n, 0);
        }
        MonteCarloOptions opt2;
        opt2.progress = opt.progress;
        parallel_chunks(completed, threads, workers, opt2, pass1_share, 1.0, [&](Worker& w, std::uint64_t first, std::uint64_t last) {
            for (std::uint64_t it = first; it < last; ++it) {
                const std::uint64_t key = iteration_key(opt.seed, opt.first_iteration + it);
                const std::uint64_t b = rank2[it];
                sample_uniforms(p, key, w.normals, w.mixed, [&](std::size_t pos, std::uint32_t x, double) {
                    const std::uint64_t a = x >> 16;
                    w.sum_a[pos] += a;
                    w.sum_aa[pos] += a * a;
                    w.sum_ab[pos] += a * b;
                });
            }
        });
        double sb = 0.0, sbb = 0.0;
        for (std::uint64_t i = 0; i < completed; ++i) {
            const auto b = static_cast<double>(rank2[i]);
            sb += b;
            sbb += b * b;
        }
        const auto N = static_cast<double>(completed);
        const double vb = N * sbb - sb * sb;
        for (std::size_t pos = 0; pos < n; ++pos) {
            if (p.fixed[pos]) continue;
            std::uint64_t sa = 0, saa = 0, sab = 0;
            for (const auto& w : workers) sa += w.sum_a[pos], saa += w.sum_aa[pos], sab += w.sum_ab[pos];
            const double da = static_cast<double>(sa);
            const double va = N * static_cast<double>(saa) - da * da;
            if (va <= 0.0 || vb <= 0.0) continue;
            const double rho = (N * static_cast<double>(sab) - da * sb) / std::sqrt(va * vb);
            const auto t = p.task_of[pos];
            r.sensitivity[t] = rho;
            r.cruciality[t] = rho * r.criticality[t];
        }
    }
    r.finish = std::move(finish);
    r.cost = std::move(cost);
    summarise_samples(r, opt.histogram_bins);
    return r;
}

double finish_percentile(const MonteCarloResult& r, double p) {
    if (!(p >= 0.0 && p <= 100.0)) throw ModelError::invalid_value("percentile", std::to_string(p), "must be within 0..100");
    return nearest_rank(std::vector<double>(r.finish.begin(), r.finish.end()), p);
}

double probability_of_meeting(const MonteCarloResult& r, std::int64_t finish) noexcept {
    if (r.finish.empty()) return 0.0;
    const auto hits = std::count_if(r.finish.begin(), r.finish.end(), [&](std::int64_t f) { return f <= finish; });
    return static_cast<double>(hits) / static_cast<double>(r.finish.size());
}

}  // namespace ppm
