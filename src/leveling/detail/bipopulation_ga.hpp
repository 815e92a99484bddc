#pragma once
// The bi-population genetic algorithm on activity lists (Debels & Vanhoucke 2005, 2007; the
// methods and their references are listed at the top of rcpsp_solver.cpp and in docs/leveling.md,
// Part 2), written once for any schedule generation scheme: `Decoder` decodes activity lists into
// schedules and ranks them. The integer grid's SgsKernel is the RCPSP engine's decoder
// (rcpsp_solver.cpp), the calendar SGS `level`'s (level.cpp). Internal to the leveling area.

#include <algorithm>
#include <bit>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <mutex>
#include <numeric>
#include <span>
#include <utility>
#include <tuple>
#include <vector>

#include "strided.hpp"
#include "ppm/core/detail/random.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"

namespace ppm::detail {

using GaClock = std::chrono::steady_clock;

/// A schedule's rank, smaller first (the decoder's): (makespan, 0) or, with projects, (weighted
/// delay, makespan) or (makespan, weighted delay); equal scores are ranked by the tie-breaker.
struct GaScore {
    double first = 0, second = 0, third = 0, fourth = 0;
    friend bool operator<(const GaScore& a, const GaScore& b) {
        return std::tie(a.first, a.second, a.third, a.fourth) < std::tie(b.first, b.second, b.third, b.fourth);
    }
    friend bool operator==(const GaScore&, const GaScore&) = default;
};

/// State shared by the islands (read-mostly).
struct GaShared {
    const RcpspOptions* options = nullptr;
    std::vector<double> lft;  // LFT priority values for sampling
    std::int32_t lower_bound = 0;
    GaClock::time_point started;
    std::atomic<std::int64_t> schedules{0};
    std::atomic<std::int32_t> best{std::numeric_limits<std::int32_t>::max()};
    std::mutex progress_mutex;
    std::int64_t progress_step = 50;
    std::int64_t total_budget = 0;
};

/// One island: two populations, left-justified schedules (side 0, activity lists by start, decoded
/// forward) and right-justified schedules (side 1, lists by decreasing finish, decoded backward),
/// as in the bi-population GA of Debels & Vanhoucke (2005, 2007). A child of two side-s parents is
/// decoded in direction s and then justified the other way (2 schedules), landing on side 1 - s.
///
/// `Decoder` is the schedule generation scheme on its model (the integer grid's GridDecoder in
/// rcpsp_solver.cpp, the calendar model's CalendarDecoder in level.cpp), copied for each helper
/// thread. It decodes lists: forward, backward (finishing by set_anchor's period; backward_fits
/// false: an order, not a schedule), parallel (unused when tiered()), backward_within_projects
/// (the justification of the forward schedule just decoded, when has_projects(): then a right-
/// justified member also ranks by the forward schedule it justifies); orders jobs
/// (order_by_start, order_by_finish_desc of the schedule just decoded); gives the precedence
/// network (num_jobs, predecessors, successors, durations); and ranks the schedule it just decoded
/// (score, then tie: smaller first; proven: no better schedule exists). With kRecordsLists the
/// island keeps the list of its answer (best_list), whose forward decoding is the answer.
/// Times are whole periods from 0.
template <class Decoder>
class GaIsland {
public:
    GaIsland(GaShared& shared, const Decoder& decoder, std::uint64_t stream, std::int64_t budget, std::int32_t population,
             std::size_t threads)
        : sh_(shared), kernel_(decoder), rng_(SplitMix64::stream(shared.options->seed, stream)),
          n_(decoder.num_jobs()), pop_(population), budget_(budget), threads_(threads) {
        const auto N = static_cast<std::size_t>(n_);
        const auto slots = static_cast<std::size_t>(3 * pop_);
        for (Side& side : sides_) {
            side.lists.resize(N * slots);
            side.makespan.resize(slots);
            side.score.resize(slots);
            side.hash.resize(slots);
            side.gene.resize(slots);
            side.tie.resize(slots);
            side.keys.resize(N * slots);
        }
        starts_.resize(N);
        list_.resize(N);
        taken_.resize(N);
        missing_.resize(N);
        eligible_.reserve(N);
        slot_of_.resize(N);
        fen_count_.assign(N + 1, 0);
        fen_sum_.assign(N + 1, 0.0);
        heap_lft_.reserve(N);
        order_.reserve(slots);
        keep_.reserve(slots);
        scratch_.resize(N * slots);
        key_scratch_.resize(N * slots);
        best_starts_.resize(N);
        if (record_lists_) best_list_.resize(N);
        heap_.reserve(N);
        value_.resize(N);
        batch_.resize(N * static_cast<std::size_t>(pop_));
        decoded_.resize(static_cast<std::size_t>(pop_));
        for (Decoded& c : decoded_) {
            c.list.resize(N);
            c.starts.resize(N);
            if (forward_only_) c.first_starts.resize(N);
            if (record_lists_) c.first_list.resize(N);
            if (full_justification_) {
                c.third_starts.resize(N);
                c.third_list.resize(N);
            }
        }
        helpers_.assign(threads_ - 1, kernel_);
    }

    void run() {
        // Initial population: one LFT list, the rest sampled with regret-based bias; each sampled
        // list gives a right-justified (2 passes) and a left-justified (1 more pass) individual.
        seed_population(true);
        while (!stopped() && sides_[0].count >= 2 && sides_[1].count >= 2) {
            ++generations_;
            const std::int32_t base0 = sides_[0].count, base1 = sides_[1].count;
            // Children: all lists first (the random stream), then decoded (on `threads_` threads),
            // then stored in order, each counted and checked against the stop rules as it joins.
            // Parents come from the generation's first `base` members, so the answer is the one of
            // decoding and storing each child in turn, whatever the thread count.
            const std::int64_t left = sh_.options->max_schedules > 0 ? budget_ - used_ : 2 * std::int64_t{pop_};
            auto kids = static_cast<std::int32_t>(std::min<std::int64_t>(pop_, (left + 1) / 2));
            std::int64_t planned = 0;  // passes of the children so far
            for (std::int32_t k = 0; k < kids; ++k) {
                if (left - planned <= 0) {
                    kids = k;
                    break;
                }
                const int s = k % 2;  // alternate sides so a stop leaves both fed
                Side& from = sides_[s];
                const std::int32_t mother = tournament(from, s == 0 ? base0 : base1);
                const std::int32_t father = tournament(from, s == 0 ? base0 : base1);
                char gene = from.gene[mother];
                if (rng_.unit() < kGeneFlip) gene = static_cast<char>(!gene);
                std::int32_t* child = batch_.data() + row(k);
                if (rng_.unit() < kWindowRate)
                    window_crossover(from, s, mother, father, child);
                else
                    crossover(slot(from, mother), slot(from, father), child);
                mutate(child, s);
                decoded_[static_cast<std::size_t>(k)].gene = gene;
                decoded_[static_cast<std::size_t>(k)].passes = left - planned == 1 ? 1 : s == 0 && full_justification_ && left - planned >= 3 ? 3 : 2;
                planned += decoded_[static_cast<std::size_t>(k)].passes;
                decoded_[static_cast<std::size_t>(k)].anchor = best_;  // capacity steps: backward decodings finish by the best makespan
            }
            decode_children(kids);
            for (std::int32_t k = 0; k < kids && !stopped(); ++k) keep_child(decoded_[static_cast<std::size_t>(k)]);
            select(sides_[0]);
            select(sides_[1]);
        }
    }

    /// Fills both sides up to `pop_` with sampled lists (when `first`: the options' initial lists,
    /// then the pure LFT list, then sampled ones).
    void seed_population(bool first) {
        const auto& given = sh_.options->initial_lists;  // first: the caller's lists, then the LFT list
        const auto g = first ? static_cast<std::int32_t>(given.size()) : 0;
        for (std::int32_t i = 0; sides_[0].count < pop_ && sides_[1].count < pop_ && !stopped(); ++i) {
            if (i < g) std::copy(given[static_cast<std::size_t>(i)].begin(), given[static_cast<std::size_t>(i)].end(), list_.begin());
            else sample_list(list_.data(), first && i == g);
            const char gene = static_cast<char>((i % 2 == 1));
            if (!decode(0, list_.data(), gene)) break;
            if (stopped()) break;
            left_justify_current(sides_[0], gene);
        }
    }

    [[nodiscard]] bool has_answer() const { return answer_makespan_ >= 0; }
    [[nodiscard]] std::int32_t best_makespan() const { return answer_makespan_; }
    [[nodiscard]] const GaScore& best_score() const { return best_score_; }
    [[nodiscard]] const std::vector<std::int32_t>& best_starts() const { return best_starts_; }
    /// The list whose forward decoding gave the answer (when the decoder records lists).
    [[nodiscard]] const std::vector<std::int32_t>& best_list() const { return best_list_; }
    [[nodiscard]] std::int64_t generations() const { return generations_; }
    [[nodiscard]] std::int64_t used() const { return used_; }
    [[nodiscard]] RcpspStop stop_reason() const { return reason_; }

private:
    struct Side {
        std::vector<std::int32_t> lists, makespan;
        std::vector<GaScore> score;
        std::vector<std::uint64_t> hash;
        std::vector<char> gene;  // 1: decode with the parallel SGS (self-adapting, Hartmann 2002)
        std::vector<std::int64_t> tie;  // secondary fitness (smaller is better)
        std::vector<std::int32_t> keys;  // start times read in the side's own direction, job-indexed
        std::int32_t count = 0;
    };

    std::size_t row(std::int32_t i) const { return static_cast<std::size_t>(i) * static_cast<std::size_t>(n_); }
    std::int32_t* slot(Side& side, std::int32_t i) { return side.lists.data() + row(i); }
    const std::int32_t* slot(const Side& side, std::int32_t i) const { return side.lists.data() + row(i); }
    std::int32_t* keys(Side& side, std::int32_t i) { return side.keys.data() + row(i); }
    const std::int32_t* keys(const Side& side, std::int32_t i) const { return side.keys.data() + row(i); }

    bool stopped() {
        if (halted_) return true;
        const RcpspOptions& o = *sh_.options;
        if (proven() && o.stop_at_lower_bound) return halt(RcpspStop::lower_bound);
        if (o.max_schedules > 0 && used_ >= budget_) return halt(RcpspStop::budget);
        if (o.stop.stop_requested()) return halt(RcpspStop::cancelled);
        if (o.time_limit_seconds > 0 &&
            std::chrono::duration<double>(GaClock::now() - sh_.started).count() >= o.time_limit_seconds)
            return halt(RcpspStop::time_limit);
        return false;
    }
    /// The answer is optimal: its makespan meets the lower bound and no project is late.
    [[nodiscard]] bool proven() const {
        return has_answer() && kernel_.proven(best_score_, answer_makespan_, sh_.lower_bound);
    }
    bool halt(RcpspStop why) {
        halted_ = true;
        reason_ = why;
        return true;
    }

    void count(std::int64_t passes) {
        used_ += passes;
        const std::int64_t total = sh_.schedules.fetch_add(passes) + passes;
        if (sh_.options->progress && total / sh_.progress_step != (total - passes) / sh_.progress_step) {
            std::lock_guard lock(sh_.progress_mutex);
            sh_.options->progress(RcpspProgress{
                .schedules = total,
                .max_schedules = sh_.total_budget,
                .best_makespan = sh_.best.load(),
                .lower_bound = sh_.lower_bound,
                .seconds = std::chrono::duration<double>(GaClock::now() - sh_.started).count()});
        }
    }

    [[nodiscard]] bool budget_left(std::int64_t passes) const {
        return sh_.options->max_schedules <= 0 || budget_ - used_ >= passes;
    }

    /// Records the schedule in `starts_` (makespan m) as a new member of `to` with list `list`,
    /// ranked by `score` and `tie` (with projects, a right-justified schedule by the forward one it
    /// justifies); `decoded_from`: the list whose decoding gave the schedule (recorded for an answer).
    void store(Side& to, const std::int32_t* list, std::int32_t m, char gene, int dir, GaScore score, std::int64_t tie,
               const std::int32_t* decoded_from) {
        std::uint64_t h = 1469598103934665603ULL;  // FNV-1a over the start times
        for (std::int32_t s : starts_) h = (h ^ static_cast<std::uint64_t>(s)) * 1099511628211ULL;
        to.tie[static_cast<std::size_t>(to.count)] = tie;
        const auto d = kernel_.durations();
        std::int32_t* key = keys(to, to.count);
        for (std::int32_t j = 0; j < n_; ++j) key[j] = dir == 0 ? starts_[j] : m - starts_[j] - d[j];
        const std::int32_t i = to.count++;
        std::copy_n(list, n_, slot(to, i));
        to.makespan[i] = m;
        to.score[i] = score;
        to.hash[i] = h;
        to.gene[i] = gene;
        // With priority tiers or projects only forward schedules answer: a backward one ignores
        // the tiers and pushes every project to the end.
        if (dir == 0 || !forward_only_) offer(score, m, starts_, decoded_from);
    }

    /// Keeps the schedule `starts` (makespan m; decoded from `list`) when it is the best so far.
    void offer(const GaScore& score, std::int32_t m, std::span<const std::int32_t> starts, const std::int32_t* list) {
        if (has_answer() && !(score < best_score_)) return;
        best_score_ = score;
        answer_makespan_ = m;
        std::copy(starts.begin(), starts.end(), best_starts_.begin());
        if (record_lists_) std::copy_n(list, n_, best_list_.begin());
        if (m >= best_) return;
        best_ = m;
        std::int32_t seen = sh_.best.load();
        while (m < seen && !sh_.best.compare_exchange_weak(seen, m)) {
        }
    }

    /// A child decoded in its side's direction and justified the other way (2 passes), or with
    /// one pass of budget left only decoded: its list (ordered for the side it joins) and schedule.
    struct Decoded {
        std::vector<std::int32_t> list, starts;
        std::vector<std::int32_t> first_starts;  // tiers or projects: the forward decoding a backward pass justified
        std::vector<std::int32_t> first_list;  // the decoder records lists: the list of a forward decoding
        std::vector<std::int32_t> third_starts, third_list;  // passes == 3: the forward pass after the backward one
        GaScore score, first_score, third_score;  // of starts, first_starts and third_starts
        std::int64_t tie = 0, third_tie = 0;
        std::int32_t third_makespan = 0;
        std::int32_t first_makespan = 0;
        std::int32_t makespan = 0;
        std::int32_t passes = 2;
        std::int32_t anchor = 0;  // capacity steps: where a backward decoding finishes its jobs
        int dir = 0;  // direction of the stored schedule = the side it joins
        char gene = 0;
        bool store = true;  // false: a backward decoding with no room before period 0 (not a schedule)
    };

    /// Decodes `list` (feasible in direction `dir`, 0 forward, 1 backward) with `kernel` into `out`.
    static void decode_into(Decoder& kernel, const std::int32_t* list, int dir, Decoded& out) {
        const std::size_t n = out.list.size();
        std::span<const std::int32_t> l(list, n);
        std::span<std::int32_t> starts(out.starts), o(out.list);
        out.store = true;
        if (dir == 1) kernel.set_anchor(out.anchor);
        // The parallel SGS does not apply priority tiers: with tiers every decoding is serial.
        std::int32_t m = out.gene && !kernel.tiered() ? kernel.parallel(dir, l, starts)
                                                      : (dir == 0 ? kernel.forward(l, starts) : kernel.backward(l, starts));
        if (dir == 0 && !out.first_list.empty()) std::copy(l.begin(), l.end(), out.first_list.begin());
        if (out.passes == 1) {  // keep the decoded schedule on its own side
            out.score = kernel.score(starts, m);
            out.tie = kernel.tie(starts, m, dir);
            if (dir == 0) kernel.order_by_start(starts, o);
            else kernel.order_by_finish_desc(starts, o);
            out.makespan = m;
            out.dir = dir;
            out.store = dir == 0 || kernel.backward_fits();
            return;
        }
        if (dir == 0) {
            if (!out.first_starts.empty()) {
                out.first_makespan = m;
                out.first_score = kernel.score(starts, m);
                std::copy(starts.begin(), starts.end(), out.first_starts.begin());
            }
            kernel.order_by_finish_desc(starts, o);
            kernel.set_anchor(m);  // capacity steps: right-justified against its own makespan
            // Several projects: each right-justified against its own finish.
            m = kernel.has_projects() ? kernel.backward_within_projects(o, starts, m) : kernel.backward(o, starts);
            out.score = kernel.score(starts, m);
            out.tie = kernel.tie(starts, m, 1);
            if (out.passes == 3) {
                kernel.order_by_start(starts, out.third_list);
                out.third_makespan = kernel.forward(out.third_list, out.third_starts);
                out.third_score = kernel.score(out.third_starts, out.third_makespan);
                out.third_tie = kernel.tie(out.third_starts, out.third_makespan, 0);
            }
        } else {
            kernel.order_by_start(starts, o);
            m = kernel.forward(o, starts);
            out.score = kernel.score(starts, m);
            out.tie = kernel.tie(starts, m, 0);
        }
        out.makespan = m;
        out.dir = 1 - dir;
    }

    /// Decodes the generation's children 0..kids-1 (child k in direction k % 2) on `threads_`
    /// threads, child k on thread k % threads_ with that thread's kernel.
    void decode_children(std::int32_t kids) {
        for_each_strided(threads_, static_cast<std::size_t>(kids), [&](std::size_t t, std::size_t k) {
            Decoder& kernel = t == 0 ? kernel_ : helpers_[t - 1];
            decode_into(kernel, batch_.data() + row(static_cast<std::int32_t>(k)), static_cast<int>(k % 2), decoded_[k]);
        });
    }

    /// Counts a decoded child's passes and stores it on its side (a one-pass child only while its
    /// side has room, as the generation's members are kept in 3 x population slots).
    void keep_child(const Decoded& c) {
        count(c.passes);
        const bool justified = forward_only_ && c.passes >= 2 && c.dir == 1;  // from a forward decoding
        GaScore first = justified ? c.first_score : GaScore{};
        if (justified) offer(first, c.first_makespan, c.first_starts, c.first_list.data());
        if (c.passes == 3) {  // the fully justified schedule answers, joins side 0, and ranks the right-justified one
            first = c.third_score;
            offer(first, c.third_makespan, c.third_starts, c.third_list.data());
            if (sides_[0].count < 3 * pop_) {
                std::copy(c.third_starts.begin(), c.third_starts.end(), starts_.begin());
                store(sides_[0], c.third_list.data(), c.third_makespan, c.gene, 0, first, c.third_tie, c.third_list.data());
            }
        }
        Side& to = sides_[c.dir];
        if (!c.store || (c.passes == 1 && to.count >= 3 * pop_)) return;
        std::copy(c.starts.begin(), c.starts.end(), starts_.begin());
        // A one-pass forward child's schedule comes from the list it was decoded from.
        store(to, c.list.data(), c.makespan, c.gene, c.dir, justified && projects_ ? first : c.score, c.tie,
              c.passes == 1 && c.dir == 0 ? c.first_list.data() : c.list.data());
    }

    /// Decodes `list` in direction `dir` and justifies it the other way (2 passes), or with one
    /// pass of budget left only decodes it; the result joins its side. False when no budget is left.
    bool decode(int dir, const std::int32_t* list, char gene) {
        if (!budget_left(1)) return false;
        Decoded& c = decoded_[0];
        c.gene = gene;
        c.passes = budget_left(2) ? 2 : 1;
        decode_into(kernel_, list, dir, c);
        keep_child(c);
        return c.passes == 2;
    }

    /// Left-justifies the schedule in `starts_` (the last one decoded) with one forward pass.
    void left_justify_current(Side& to, char gene) {
        if (!budget_left(1)) return;
        std::span<std::int32_t> o(scratch_.data(), static_cast<std::size_t>(n_));
        kernel_.order_by_start(starts_, o);
        const std::int32_t m = kernel_.forward(o, starts_);
        count(1);
        store(to, o.data(), m, gene, 0, kernel_.score(starts_, m), kernel_.tie(starts_, m, 0), o.data());
    }

    /// Regret-based biased random sampling on LFT (or the pure LFT list when `greedy`).
    void sample_list(std::int32_t* list, bool greedy) {
        // The eligible jobs sit in `eligible_` (a pick is swapped with the last one); a Fenwick tree
        // over those slots holds their count and LFT sum, and a heap the largest LFT (the regret's
        // reference), so a pick costs O(log n) instead of a scan of every eligible job (thousands
        // in a large portfolio). The pick is the one of the plain scan: the first slot whose
        // cumulative weight exceeds u, weight = worst - lft + 1 (regret + epsilon, alpha = 1); LFT
        // values are whole periods or minutes, so the sums are exact.
        const Decoder& inst = kernel_;
        const std::vector<double>& lft = sh_.lft;
        eligible_.clear();
        std::fill(fen_count_.begin(), fen_count_.end(), 0);
        std::fill(fen_sum_.begin(), fen_sum_.end(), 0.0);
        heap_lft_.clear();
        auto fen_add = [&](std::size_t slot, std::int32_t c, double v) {
            for (std::size_t i = slot + 1; i < fen_count_.size(); i += i & (~i + 1)) {
                fen_count_[i] += c;
                fen_sum_[i] += v;
            }
        };
        auto make_eligible = [&](std::int32_t j) {
            fen_add(eligible_.size(), 1, lft[j]);
            eligible_.push_back(j);
            heap_lft_.emplace_back(greedy ? -lft[j] : lft[j], greedy ? -j : j);  // greedy: smallest LFT, then index
            std::push_heap(heap_lft_.begin(), heap_lft_.end());
        };
        for (std::int32_t j = 0; j < n_; ++j) {
            missing_[j] = static_cast<std::int32_t>(inst.predecessors(j).size());
            slot_of_[j] = -1;
            if (missing_[j] == 0) {
                slot_of_[j] = static_cast<std::int32_t>(eligible_.size());
                make_eligible(j);
            }
        }
        const std::size_t top = std::bit_floor(fen_count_.size() - 1);
        for (std::int32_t pos = 0; pos < n_; ++pos) {
            std::size_t pick = 0;
            while (slot_of_[heap_lft_.front().second * (greedy ? -1 : 1)] < 0) {  // picked already
                std::pop_heap(heap_lft_.begin(), heap_lft_.end());
                heap_lft_.pop_back();
            }
            if (greedy) {
                pick = static_cast<std::size_t>(slot_of_[-heap_lft_.front().second]);
            } else {
                const double worst = heap_lft_.front().first;
                const std::size_t size = eligible_.size();
                const double total = static_cast<double>(size) * (worst + 1.0) - [&] {
                    double sum = 0;
                    for (std::size_t i = size; i > 0; i -= i & (~i + 1)) sum += fen_sum_[i];
                    return sum;
                }();
                const double u = rng_.unit() * total;
                // The most slots m whose cumulative weight m (worst + 1) - (their LFT sum) is <= u.
                std::size_t m = 0;
                std::int64_t count = 0;
                double sum = 0;
                for (std::size_t step = top; step > 0; step >>= 1) {
                    const std::size_t next = m + step;
                    if (next > size) continue;
                    const std::int64_t c = count + fen_count_[next];
                    const double v = sum + fen_sum_[next];
                    if (static_cast<double>(c) * (worst + 1.0) - v <= u) {
                        m = next;
                        count = c;
                        sum = v;
                    }
                }
                pick = std::min(m, size - 1);
            }
            const std::int32_t j = eligible_[pick];
            const std::int32_t moved = eligible_.back();
            const std::size_t last = eligible_.size() - 1;
            fen_add(pick, -1, -lft[j]);
            if (pick != last) {
                fen_add(last, -1, -lft[moved]);
                fen_add(pick, 1, lft[moved]);
                slot_of_[moved] = static_cast<std::int32_t>(pick);
            }
            eligible_[pick] = moved;
            eligible_.pop_back();
            slot_of_[j] = -1;
            list[pos] = j;
            for (std::int32_t s : inst.successors(j))
                if (--missing_[s] == 0) {
                    slot_of_[s] = static_cast<std::int32_t>(eligible_.size());
                    make_eligible(s);
                }
        }
    }

    std::int32_t tournament(const Side& side, std::int32_t count) {
        const auto a = static_cast<std::int32_t>(rng_.below(static_cast<std::uint32_t>(count)));
        const auto b = static_cast<std::int32_t>(rng_.below(static_cast<std::uint32_t>(count)));
        return ahead(side, b, a) ? b : a;
    }

    /// Whether member a of `side` ranks before member b: by score, then the tail work. With the
    /// makespan first (projects), by makespan, the tail work, then the weighted delay: the tail
    /// work's slope on the makespan plateaus found shorter schedules than the delay's (MPLIB1_Set1_0,
    /// seeds 1-8: total makespan 319.1 on average against 319.4, docs/leveling.md).
    [[nodiscard]] bool ahead(const Side& side, std::int32_t a, std::int32_t b) const {
        if (tail_before_delay_) {
            if (side.makespan[a] != side.makespan[b]) return side.makespan[a] < side.makespan[b];
            if (side.tie[a] != side.tie[b]) return side.tie[a] < side.tie[b];
            return side.score[a] < side.score[b];
        }
        if (!(side.score[a] == side.score[b])) return side.score[a] < side.score[b];
        return side.tie[a] < side.tie[b];
    }

    /// Two-point crossover (Hartmann 1998): mother's head, father's middle order, mother's tail.
    void crossover(const std::int32_t* mother, const std::int32_t* father, std::int32_t* child) {
        auto q1 = static_cast<std::int32_t>(rng_.below(static_cast<std::uint32_t>(n_ + 1)));
        auto q2 = static_cast<std::int32_t>(rng_.below(static_cast<std::uint32_t>(n_ + 1)));
        if (q1 > q2) std::swap(q1, q2);
        std::fill(taken_.begin(), taken_.end(), 0);
        std::int32_t pos = 0;
        for (; pos < q1; ++pos) {
            child[pos] = mother[pos];
            taken_[mother[pos]] = 1;
        }
        for (std::int32_t i = 0; i < n_ && pos < q2; ++i)
            if (!taken_[father[i]]) {
                child[pos++] = father[i];
                taken_[father[i]] = 1;
            }
        for (std::int32_t i = 0; i < n_ && pos < n_; ++i)
            if (!taken_[mother[i]]) {
                child[pos++] = mother[i];
                taken_[mother[i]] = 1;
            }
    }

    /// Time-window crossover, a variant of the peak crossover (Valls, Ballestin & Quintanilla 2008,
    /// EJOR 185; Debels & Vanhoucke 2007, OR 55) with the window placed at random instead of on the
    /// father's peak of resource use (no better on PSPLIB here, docs/leveling.md): a window [t1, t2) of
    /// the father's schedule, 5-30 % of its makespan long; the child lists the mother's jobs that
    /// finish by t1 (in her start order), then the jobs the father starts inside the window (in his
    /// start order), then the mother's other jobs (in her start order). Times are read in the side's
    /// own direction (side 1: from the end); the list is rebuilt precedence-feasible for that side.
    void window_crossover(const Side& side, int s, std::int32_t mother, std::int32_t father, std::int32_t* child) {
        const Decoder& inst = kernel_;
        const std::int32_t mf = side.makespan[father];
        const std::int32_t* kf = keys(side, father);
        const std::int32_t* km = keys(side, mother);
        const std::int32_t* lm = slot(side, mother);
        if (mf < 2) {
            crossover(lm, slot(side, father), child);
            return;
        }
        const auto& d = inst.durations();
        const auto lo = std::max<std::int32_t>(1, static_cast<std::int32_t>(kWindowShortest * mf));
        const auto hi = std::max<std::int32_t>(lo, static_cast<std::int32_t>(kWindowLongest * mf));
        const std::int32_t len = lo + static_cast<std::int32_t>(rng_.below(static_cast<std::uint32_t>(hi - lo + 1)));
        const auto t1 = static_cast<std::int32_t>(rng_.below(static_cast<std::uint32_t>(std::max(1, mf - len + 1))));
        const std::int32_t t2 = t1 + len;
        // Key per job: block (before / window / after), time, then the mother's list position.
        constexpr std::int64_t kShift = std::int64_t{1} << 40;  // above any start time: keeps the blocks apart
        for (std::int32_t p = 0; p < n_; ++p) {
            const std::int32_t j = lm[p];
            std::int64_t v = km[j] + kShift;
            if (kf[j] >= t1 && kf[j] < t2) v = kf[j];
            else if (km[j] + d[j] <= t1) v = km[j] - kShift;
            value_[j] = v * n_ + p;
        }
        // Precedence-feasible list for side s: the eligible job with the smallest key first.
        auto worse = [&](std::int32_t a, std::int32_t b) { return value_[a] > value_[b]; };
        heap_.clear();
        for (std::int32_t j = 0; j < n_; ++j) {
            missing_[j] = static_cast<std::int32_t>(s == 0 ? inst.predecessors(j).size() : inst.successors(j).size());
            if (missing_[j] == 0) heap_.push_back(j);
        }
        std::make_heap(heap_.begin(), heap_.end(), worse);
        for (std::int32_t pos = 0; pos < n_; ++pos) {
            std::pop_heap(heap_.begin(), heap_.end(), worse);
            const std::int32_t j = heap_.back();
            heap_.pop_back();
            child[pos] = j;
            for (std::int32_t q : (s == 0 ? inst.successors(j) : inst.predecessors(j)))
                if (--missing_[q] == 0) {
                    heap_.push_back(q);
                    std::push_heap(heap_.begin(), heap_.end(), worse);
                }
        }
    }

    /// Swaps neighbours with a small probability when no arc joins them (either direction).
    void mutate(std::int32_t* list, int dir) {
        const Decoder& inst = kernel_;
        for (std::int32_t i = 0; i + 1 < n_; ++i) {
            if (rng_.unit() >= kMutation) continue;
            const std::int32_t first = dir == 0 ? list[i] : list[i + 1];
            const std::int32_t second = dir == 0 ? list[i + 1] : list[i];
            bool linked = false;
            for (std::int32_t s : inst.successors(first))
                if (s == second) {
                    linked = true;
                    break;
                }
            if (!linked) std::swap(list[i], list[i + 1]);
        }
    }

    /// (mu + lambda) replacement keeping the `pop_` best distinct schedules of a side.
    void select(Side& side) {
        const std::int32_t total = side.count;
        order_.resize(static_cast<std::size_t>(total));
        std::iota(order_.begin(), order_.end(), 0);
        std::sort(order_.begin(), order_.end(), [&](std::int32_t a, std::int32_t b) {
            if (ahead(side, a, b)) return true;
            return !ahead(side, b, a) && a < b;
        });
        keep_.assign(static_cast<std::size_t>(total), 0);
        std::int32_t kept = 0;
        for (std::int32_t i = 0; i < total && kept < pop_; ++i) {
            const std::int32_t c = order_[i];
            bool duplicate = false;
            for (std::int32_t q = i - 1; q >= 0 && side.score[order_[q]] == side.score[c]; --q)
                if (keep_[order_[q]] && side.hash[order_[q]] == side.hash[c]) {
                    duplicate = true;
                    break;
                }
            if (!duplicate) {
                keep_[c] = 1;
                ++kept;
            }
        }
        for (std::int32_t i = 0; i < total && kept < pop_; ++i)
            if (!keep_[order_[i]]) {
                keep_[order_[i]] = 1;
                ++kept;
            }
        // Compact the kept members to slots 0..kept-1, best first (scratch holds the copies).
        const auto N = static_cast<std::size_t>(n_);
        std::int32_t out = 0;
        ms_.clear();
        ss_.clear();
        hs_.clear();
        gs_.clear();
        ts_.clear();
        for (std::int32_t i = 0; i < total; ++i) {
            const std::int32_t c = order_[i];
            if (!keep_[c]) continue;
            std::copy_n(slot(side, c), N, scratch_.data() + static_cast<std::size_t>(out) * N);
            std::copy_n(keys(side, c), N, key_scratch_.data() + static_cast<std::size_t>(out) * N);
            ms_.push_back(side.makespan[c]);
            ss_.push_back(side.score[c]);
            hs_.push_back(side.hash[c]);
            gs_.push_back(side.gene[c]);
            ts_.push_back(side.tie[c]);
            ++out;
        }
        std::copy_n(scratch_.data(), static_cast<std::size_t>(out) * N, side.lists.data());
        std::copy_n(key_scratch_.data(), static_cast<std::size_t>(out) * N, side.keys.data());
        std::copy(ms_.begin(), ms_.end(), side.makespan.begin());
        std::copy(ss_.begin(), ss_.end(), side.score.begin());
        std::copy(hs_.begin(), hs_.end(), side.hash.begin());
        std::copy(gs_.begin(), gs_.end(), side.gene.begin());
        std::copy(ts_.begin(), ts_.end(), side.tie.begin());
        side.count = out;
    }

    static constexpr double kMutation = 0.05;  // per position (Hartmann 1998 uses 0.05)
    static constexpr double kGeneFlip = 0.05;
    static constexpr double kWindowRate = 0.7;  // share of children by window crossover (else two-point)
    static constexpr double kWindowShortest = 0.05, kWindowLongest = 0.3;  // of the father's makespan

    GaShared& sh_;
    Decoder kernel_;
    std::vector<Decoder> helpers_;  // decoders of the decoding threads 1..threads_-1
    SplitMix64 rng_;
    std::int32_t n_, pop_;
    std::int64_t budget_, used_ = 0, generations_ = 0;
    std::size_t threads_;
    std::vector<std::int32_t> batch_;  // the generation's child lists, one row each
    std::vector<Decoded> decoded_;     // and their decodings
    std::int32_t best_ = std::numeric_limits<std::int32_t>::max();  // the best makespan offered
    GaScore best_score_{};                // the answer's (when answer_makespan_ >= 0)
    std::int32_t answer_makespan_ = -1;
    bool projects_ = kernel_.has_projects();  // a right-justified member ranks by its forward origin
    bool forward_only_ = kernel_.tiered() || projects_;
    bool record_lists_ = Decoder::kRecordsLists;  // the answer is rebuilt by decoding its list again
    // The projects' delay first: a forward child is justified in full (forward, backward within
    // the projects, forward again: 3 passes). The last pass finishes no project later than the
    // first; the bi-population scheme alone never decodes it (docs/leveling.md: MPLIB1_Set1_0,
    // seeds 1-4, total project delay 596 against 682 in 2 passes).
    bool full_justification_ = projects_ && !sh_.options->projects.makespan_first;
    bool tail_before_delay_ = projects_ && sh_.options->projects.makespan_first;
    std::vector<GaScore> ss_;
    bool halted_ = false;
    RcpspStop reason_ = RcpspStop::budget;
    Side sides_[2];
    std::vector<std::int32_t> starts_, list_, missing_, eligible_, order_, scratch_, best_starts_, best_list_, ms_;
    std::vector<std::int32_t> key_scratch_, heap_;
    std::vector<std::int64_t> value_;  // window crossover: sort key per job
    std::vector<std::uint64_t> hs_;
    std::vector<std::int64_t> ts_;
    std::vector<char> taken_, keep_, gs_;
    std::vector<std::int32_t> slot_of_, fen_count_;  // sample_list: each job's slot in eligible_ (-1: none), Fenwick counts
    std::vector<double> fen_sum_;                     // and LFT sums over the slots
    std::vector<std::pair<double, std::int32_t>> heap_lft_;  // the eligible jobs' LFT (lazy deletion)
};

}  // namespace ppm::detail
