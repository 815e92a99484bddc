#pragma once
// Allocation-free serial schedule generation scheme (Kolisch 1996, "Serial and parallel resource-
// constrained project scheduling methods revisited", EJOR 90) on a time-indexed resource profile,
// forward and on the mirrored (backward) instance, plus double justification / forward-backward
// improvement (Valls, Ballestin & Quintanilla 2005, "Justification and RCPSP: a technique that
// pays", EJOR 165; Tormos & Lova 2001). Internal to the leveling area: every buffer is sized once
// in the constructor, so a pass performs no heap allocation.
//
// Capacity that changes over time (RcpspInstance::capacity_steps) is read from a base profile in
// the pass's direction. Forward, period t has the capacity of period t. The mirrored (backward)
// instance is then no longer the same from any makespan on, so it is anchored: mirrored period p is
// period anchor - 1 - p, and a backward pass puts every job as late as possible finishing by the
// anchor (set_anchor; justification anchors at the schedule's own makespan). A backward decoding
// that needs more room than the anchor gives starts before 0 (backward_fits() false): an order for
// the forward pass that follows, not a schedule.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <span>
#include <vector>

#include "ppm/leveling/rcpsp_instance.hpp"

namespace ppm::detail {

/// One direction of the problem in flat arrays: predecessor CSR with start-to-start lags.
struct SgsNetwork {
    std::vector<std::int32_t> pred_offset, pred_index, pred_lag;
    std::vector<std::int32_t> succ_offset, succ_index, succ_lag;
};

/// Reusable workspace for one thread: profile, keys, and the two networks (forward, mirrored).
class SgsKernel {
public:
    explicit SgsKernel(const RcpspInstance& inst) : inst_(&inst) {
        n_ = inst.num_jobs();
        r_ = inst.num_resources();
        dur_.assign(inst.durations().begin(), inst.durations().end());
        // Mirrored lags reach l + d_j, so size the profile for both directions generously.
        std::int64_t horizon = 1;
        for (std::int32_t j = 0; j < n_; ++j) {
            std::int32_t out = 0;
            for (std::int32_t lag : inst.successor_lags(j)) out = std::max(out, lag);
            horizon += 2LL * dur_[j] + out;
        }
        horizon += inst.last_step();
        horizon_ = static_cast<std::int32_t>(std::min<std::int64_t>(horizon, 1LL << 30));
        anchor_ = horizon_;
        // Non-zero demands per job in CSR, so jobs using one resource check one row.
        dem_offset_.assign(static_cast<std::size_t>(n_) + 1, 0);
        for (std::int32_t j = 0; j < n_; ++j) {
            for (std::int32_t k = 0; k < r_; ++k)
                if (inst.demand(j, k) > 0) {
                    dem_res_.push_back(k);
                    dem_amount_.push_back(inst.demand(j, k));
                }
            dem_offset_[j + 1] = static_cast<std::int32_t>(dem_res_.size());
        }
        fwd_.pred_offset.assign(inst.predecessor_offsets().begin(), inst.predecessor_offsets().end());
        fwd_.pred_index.assign(inst.predecessor_indices().begin(), inst.predecessor_indices().end());
        fwd_.pred_lag.assign(inst.predecessor_lag_values().begin(), inst.predecessor_lag_values().end());
        // Mirrored time s' = M - S - d: arc i->j (S_j >= S_i + l) becomes j->i with lag l + d_j - d_i.
        bwd_.pred_offset.assign(inst.successor_offsets().begin(), inst.successor_offsets().end());
        bwd_.pred_index.assign(inst.successor_indices().begin(), inst.successor_indices().end());
        bwd_.pred_lag.resize(bwd_.pred_index.size());
        finish_to_start_ = true;
        for (std::int32_t i = 0; i < n_; ++i)
            for (std::int32_t a = bwd_.pred_offset[i]; a < bwd_.pred_offset[i + 1]; ++a) {
                const std::int32_t j = bwd_.pred_index[a];
                const std::int32_t lag = inst.successor_lag_values()[a];
                bwd_.pred_lag[a] = lag + dur_[j] - dur_[i];
                if (lag < dur_[i]) finish_to_start_ = false;
                if (lag < 0) leads_ = true;
            }
        // Successor views: forward = the instance's successors; mirrored = its predecessors.
        fwd_.succ_offset.assign(inst.successor_offsets().begin(), inst.successor_offsets().end());
        fwd_.succ_index.assign(inst.successor_indices().begin(), inst.successor_indices().end());
        fwd_.succ_lag.assign(inst.successor_lag_values().begin(), inst.successor_lag_values().end());
        bwd_.succ_offset.assign(inst.predecessor_offsets().begin(), inst.predecessor_offsets().end());
        bwd_.succ_index.assign(inst.predecessor_indices().begin(), inst.predecessor_indices().end());
        bwd_.succ_lag.resize(bwd_.succ_index.size());
        for (std::int32_t j = 0; j < n_; ++j)
            for (std::int32_t a = bwd_.succ_offset[j]; a < bwd_.succ_offset[j + 1]; ++a) {
                const std::int32_t i = bwd_.succ_index[a];  // arc i -> j in original time
                bwd_.succ_lag[a] = inst.predecessor_lag_values()[a] + dur_[j] - dur_[i];
            }
        rank_.assign(inst.topological_rank().begin(), inst.topological_rank().end());
        topo_.assign(inst.topological_order().begin(), inst.topological_order().end());
        avail_.resize(static_cast<std::size_t>(horizon_) * static_cast<std::size_t>(std::max(r_, 1)));
        for (std::int32_t t = 0; t < horizon_; ++t)
            for (std::int32_t k = 0; k < r_; ++k) avail_[static_cast<std::size_t>(t) * r_ + k] = inst.capacity(k);
        if (!inst.capacity_steps().empty()) {
            base_ = avail_;  // period by period, the steps applied
            for (const RcpspCapacityStep& st : inst.capacity_steps())
                for (std::int32_t t = st.period; t < horizon_; ++t) base_[static_cast<std::size_t>(t) * r_ + st.resource] = st.capacity;
            avail_ = base_;
            // Before period 0 (a backward pass past its anchor): period 0's capacity, raised to the
            // largest demand so every job fits there and the pass ends inside the profile.
            before_.assign(inst.capacities().begin(), inst.capacities().end());
            for (std::int32_t j = 0; j < n_; ++j)
                for (std::int32_t k = 0; k < r_; ++k) before_[k] = std::max(before_[k], inst.demand(j, k));
        }
        keys_.resize(static_cast<std::size_t>(n_));
        // Priority tiers as ranks (0: the highest tier); one tier is none.
        const auto tiers = inst.tiers();
        if (!tiers.empty() && std::any_of(tiers.begin(), tiers.end(), [&](std::int32_t t) { return t != tiers[0]; })) {
            std::vector<std::int32_t> levels(tiers.begin(), tiers.end());
            std::sort(levels.begin(), levels.end(), std::greater<>());
            levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
            tier_rank_.resize(static_cast<std::size_t>(n_));
            for (std::int32_t j = 0; j < n_; ++j)
                tier_rank_[j] = static_cast<std::int32_t>(std::lower_bound(levels.begin(), levels.end(), tiers[j], std::greater<>()) - levels.begin());
            tier_list_.resize(static_cast<std::size_t>(n_));
        }
        if (leads_ || tiered()) heap_.resize(static_cast<std::size_t>(n_));
        mirror_.resize(static_cast<std::size_t>(n_));
        order_.resize(static_cast<std::size_t>(n_));
        missing_.resize(static_cast<std::size_t>(n_));
        ready_.resize(static_cast<std::size_t>(n_));
        running_.resize(static_cast<std::size_t>(n_));
    }

    [[nodiscard]] std::int32_t num_jobs() const noexcept { return n_; }
    [[nodiscard]] const RcpspInstance& instance() const noexcept { return *inst_; }

    /// Serial SGS forward on a precedence-feasible list; writes starts, returns the makespan. With
    /// priority tiers the jobs are taken in the list's tier-normalised order (tier_order).
    std::int32_t forward(std::span<const std::int32_t> list, std::span<std::int32_t> starts) {
        if (!tiered()) return serial(fwd_, 0, list, starts);
        tier_order(list, tier_list_);
        return serial(fwd_, 0, tier_list_, starts);
    }

    /// The order a forward pass takes the jobs of `list` in with priority tiers: of the jobs whose
    /// predecessors come before, one of the highest tier first, the earliest in `list` among those
    /// (Kahn's algorithm, as the calendar SGS of `level` picks its next task). `out` may not alias `list`.
    void tier_order(std::span<const std::int32_t> list, std::span<std::int32_t> out) {
        for (std::int32_t pos = 0; pos < n_; ++pos)
            keys_[list[pos]] = (static_cast<std::int64_t>(tier_rank_[list[pos]]) << 32) | static_cast<std::int64_t>(pos);
        topological_by_key(fwd_, out);
    }

    /// Whether the jobs have priority tiers (two or more): forward passes then normalise their
    /// lists; backward and parallel passes do not (the solver only uses them to order forward passes).
    [[nodiscard]] bool tiered() const noexcept { return !tier_rank_.empty(); }

    /// Serial SGS on the mirrored instance (jobs as late as possible before the makespan, or before
    /// the anchor when capacity changes over time) on a list feasible for the mirrored network;
    /// writes original-time starts, returns the makespan.
    std::int32_t backward(std::span<const std::int32_t> list, std::span<std::int32_t> starts) {
        const std::int32_t m = serial(bwd_, 1, list, mirror_);
        return unmirror(m, starts);
    }

    /// Several projects (`project_of`: one per job, -1 for none; `count` projects): see
    /// backward_within_projects.
    void set_projects(std::span<const std::int32_t> project_of, std::int32_t count) {
        project_of_.assign(project_of.begin(), project_of.end());
        project_finish_.resize(static_cast<std::size_t>(count));
        floor_.assign(static_cast<std::size_t>(n_), 0);
    }
    [[nodiscard]] bool has_projects() const noexcept { return !project_of_.empty(); }

    /// Each project's finish in the schedule `starts`: its jobs' latest finish (INT32_MIN without
    /// jobs). Valid until the next call.
    std::span<const std::int32_t> project_finishes(std::span<const std::int32_t> starts) {
        std::fill(project_finish_.begin(), project_finish_.end(), std::numeric_limits<std::int32_t>::min());
        for (std::int32_t j = 0; j < n_; ++j)
            if (const std::int32_t p = project_of_[j]; p >= 0) project_finish_[p] = std::max(project_finish_[p], starts[j] + dur_[j]);
        return project_finish_;
    }

    /// The backward pass of a justification with several projects: `starts` holds a forward
    /// schedule of makespan m and is replaced by the backward decoding of `list` in which every job
    /// finishes by its project's finish in that schedule (a mirrored release), not only by m. The
    /// forward pass that follows in start order starts no job later (Valls, Ballestin &
    /// Quintanilla 2005), so no project finishes later: justification by the global makespan would
    /// push every project to the end. Returns the makespan.
    std::int32_t backward_within_projects(std::span<const std::int32_t> list, std::span<std::int32_t> starts, std::int32_t m) {
        const std::span<const std::int32_t> finish = project_finishes(starts);
        for (std::int32_t j = 0; j < n_; ++j) floor_[j] = project_of_[j] >= 0 ? m - finish[project_of_[j]] : 0;
        const std::int32_t mirrored = serial(bwd_, 1, list, mirror_, floor_);
        return unmirror(mirrored, starts);
    }

    /// Capacity that changes over time: backward passes finish every job by `anchor` (default: the
    /// horizon). No effect on a constant-capacity instance.
    void set_anchor(std::int32_t anchor) noexcept { anchor_ = std::clamp(anchor, 0, horizon_); }
    /// Whether the last backward pass kept every start at or after 0 (always, at constant capacity).
    [[nodiscard]] bool backward_fits() const noexcept { return backward_fits_; }
    /// Whether capacity changes over time.
    [[nodiscard]] bool stepped() const noexcept { return !base_.empty(); }

    /// Parallel SGS (Kolisch 1996) driven by list positions as priorities, forward (`dir` 0) or on
    /// the mirrored instance (`dir` 1, original-time starts written). The list must be feasible for
    /// that direction. Returns the makespan. O(decision points x pending jobs), no allocation.
    /// Priority tiers are not applied.
    std::int32_t parallel(int dir, std::span<const std::int32_t> list, std::span<std::int32_t> starts) {
        const SgsNetwork& net = dir == 0 ? fwd_ : bwd_;
        std::span<std::int32_t> out = dir == 0 ? starts : std::span<std::int32_t>(mirror_);
        reset_profile(dir);
        std::int32_t pending = 0;
        for (std::int32_t j : list) order_[pending++] = j;
        for (std::int32_t j = 0; j < n_; ++j) {
            missing_[j] = net.pred_offset[j + 1] - net.pred_offset[j];
            ready_[j] = 0;
        }
        std::int32_t active = 0;  // finish times of started jobs still running after t
        std::int32_t t = 0, makespan = 0, used = 0;
        const std::int32_t R = r_;
        constexpr std::int32_t kNone = std::numeric_limits<std::int32_t>::max();
        while (pending > 0) {
            std::int32_t keep = 0, next = kNone;
            for (std::int32_t q = 0; q < pending; ++q) {
                const std::int32_t j = order_[q];
                if (missing_[j] == 0 && ready_[j] <= t && fits(j, t)) {
                    const std::int32_t d = dur_[j];
                    for (std::int32_t s = t; s < t + d; ++s) {
                        std::int32_t* row = avail_.data() + static_cast<std::ptrdiff_t>(s) * R;
                        for (std::int32_t e = dem_offset_[j]; e < dem_offset_[j + 1]; ++e) row[dem_res_[e]] -= dem_amount_[e];
                    }
                    out[j] = t;
                    makespan = std::max(makespan, t + d);
                    if (dem_offset_[j] < dem_offset_[j + 1]) used = std::max(used, t + d);
                    if (d > 0) running_[active++] = t + d;
                    // Release successors (they come later in the list, so this sweep sees them).
                    for (std::int32_t a = net.succ_offset[j]; a < net.succ_offset[j + 1]; ++a) {
                        const std::int32_t s = net.succ_index[a];
                        --missing_[s];
                        ready_[s] = std::max(ready_[s], t + net.succ_lag[a]);
                    }
                } else {
                    order_[keep++] = j;
                    if (missing_[j] == 0 && ready_[j] > t) next = std::min(next, ready_[j]);
                }
            }
            pending = keep;
            if (pending == 0) break;
            // Next decision point: the earliest finish after t of a running job, or a release.
            std::int32_t still = 0;
            for (std::int32_t q = 0; q < active; ++q)
                if (running_[q] > t) {
                    next = std::min(next, running_[q]);
                    running_[still++] = running_[q];
                }
            active = still;
            t = next == kNone ? t + 1 : next;
        }
        used_ = std::max(used_, used);
        if (dir == 1) return unmirror(makespan, starts);
        return makespan;
    }

    /// Order of the jobs by increasing start (ties by topological rank): feasible for `forward`.
    /// With leads (an arc with a negative lag lets a job start before its predecessor) the order
    /// is topological, the eligible job with the earliest start first.
    void order_by_start(std::span<const std::int32_t> starts, std::span<std::int32_t> list) {
        for (std::int32_t j = 0; j < n_; ++j)
            keys_[j] = (static_cast<std::int64_t>(starts[j]) << 32) | static_cast<std::int64_t>(rank_[j]);
        if (leads_) return topological_by_key(fwd_, list);
        std::sort(keys_.begin(), keys_.end());
        for (std::int32_t i = 0; i < n_; ++i) list[i] = topo_[static_cast<std::int32_t>(keys_[i] & 0xffffffff)];
    }

    /// Order by decreasing finish (decreasing start when lags are not finish-to-start), ties by
    /// reverse topological rank: feasible for `backward` (with leads, topological as above).
    void order_by_finish_desc(std::span<const std::int32_t> starts, std::span<std::int32_t> list) {
        for (std::int32_t j = 0; j < n_; ++j) {
            const std::int64_t t = finish_to_start_ ? starts[j] + dur_[j] : starts[j];
            keys_[j] = (static_cast<std::int64_t>(horizon_ - t) << 32) | static_cast<std::int64_t>(n_ - 1 - rank_[j]);
        }
        if (leads_) return topological_by_key(bwd_, list);
        std::sort(keys_.begin(), keys_.end());
        for (std::int32_t i = 0; i < n_; ++i)
            list[i] = topo_[n_ - 1 - static_cast<std::int32_t>(keys_[i] & 0xffffffff)];
    }

    /// Double justification of a schedule in place (backward pass, then forward pass): two
    /// schedules in the Kolisch & Hartmann count. Never lengthens the makespan without leads (with
    /// them the start order is bent to precedence, and may lose). `list` receives the
    /// final order by start. Returns the new makespan.
    std::int32_t justify(std::span<std::int32_t> starts, std::span<std::int32_t> list) {
        if (stepped()) {
            std::int32_t m = 0;
            for (std::int32_t j = 0; j < n_; ++j) m = std::max(m, starts[j] + dur_[j]);
            set_anchor(m);
        }
        order_by_finish_desc(starts, order_);
        backward(order_, starts);
        order_by_start(starts, list);
        return forward(list, starts);
    }

    /// True when every arc's lag covers the predecessor's duration (finish-to-start).
    [[nodiscard]] bool finish_to_start() const noexcept { return finish_to_start_; }

    /// Whether some arc has a negative lag (a lead).
    [[nodiscard]] bool leads() const noexcept { return leads_; }

private:
    // Kahn's algorithm on `net` (forward or mirrored) taking the eligible job with the smallest
    // keys_[job] first: the order by key where precedence allows it. No allocation.
    void topological_by_key(const SgsNetwork& net, std::span<std::int32_t> list) {
        auto later = [&](std::int32_t a, std::int32_t b) { return keys_[a] > keys_[b]; };
        const auto heap = heap_.begin();
        std::ptrdiff_t size = 0;
        for (std::int32_t j = 0; j < n_; ++j) {
            missing_[j] = net.pred_offset[j + 1] - net.pred_offset[j];
            if (missing_[j] == 0) heap[size++] = j;
        }
        std::make_heap(heap, heap + size, later);
        for (std::int32_t pos = 0; pos < n_; ++pos) {
            std::pop_heap(heap, heap + size, later);
            const std::int32_t j = heap[--size];
            list[pos] = j;
            for (std::int32_t a = net.succ_offset[j]; a < net.succ_offset[j + 1]; ++a)
                if (--missing_[net.succ_index[a]] == 0) {
                    heap[size++] = net.succ_index[a];
                    std::push_heap(heap, heap + size, later);
                }
        }
    }

    // Restores the free capacity a pass starts from: the rows the previous pass touched, or with
    // capacity steps the whole profile when the direction or anchor changed (mirrored row p holds
    // period anchor - 1 - p; before period 0 `before_`).
    void reset_profile(int dir) {
        if (base_.empty()) {
            const auto caps = inst_->capacities();
            for (std::int32_t t = 0; t < used_; ++t)
                for (std::int32_t k = 0; k < r_; ++k) avail_[static_cast<std::size_t>(t) * r_ + k] = caps[k];
            used_ = 0;
            return;
        }
        const std::int32_t view = dir == 0 ? -1 : anchor_;  // which profile avail_ must hold
        const std::int32_t rows = view == held_ ? used_ : horizon_;
        for (std::int32_t p = 0; p < rows; ++p) {
            const std::int32_t t = dir == 0 ? p : anchor_ - 1 - p;
            const std::int32_t* from = t >= 0 ? base_.data() + static_cast<std::size_t>(t) * r_ : before_.data();
            std::copy_n(from, r_, avail_.data() + static_cast<std::size_t>(p) * r_);
        }
        held_ = view;
        used_ = 0;
    }

    // Original-time starts of the mirrored schedule in `mirror_` (mirrored makespan m); returns the
    // makespan. With capacity steps the mirror is anchored: starts = anchor - mirrored finish.
    std::int32_t unmirror(std::int32_t m, std::span<std::int32_t> starts) {
        backward_fits_ = true;
        if (base_.empty()) {
            for (std::int32_t j = 0; j < n_; ++j) starts[j] = m - mirror_[j] - dur_[j];
            return m;
        }
        std::int32_t makespan = 0;
        for (std::int32_t j = 0; j < n_; ++j) {
            starts[j] = anchor_ - mirror_[j] - dur_[j];
            makespan = std::max(makespan, starts[j] + dur_[j]);
            backward_fits_ = backward_fits_ && starts[j] >= 0;
        }
        return makespan;
    }

    bool fits(std::int32_t j, std::int32_t t) const {
        const std::int32_t b = dem_offset_[j], e = dem_offset_[j + 1];
        for (std::int32_t s = t + dur_[j] - 1; s >= t; --s) {
            const std::int32_t* row = avail_.data() + static_cast<std::ptrdiff_t>(s) * r_;
            for (std::int32_t q = b; q < e; ++q)
                if (row[dem_res_[q]] < dem_amount_[q]) return false;
        }
        return true;
    }

    // `floors` (optional): the earliest start of each job in the pass's own time.
    std::int32_t serial(const SgsNetwork& net, int dir, std::span<const std::int32_t> list, std::span<std::int32_t> starts,
                        std::span<const std::int32_t> floors = {}) {
        const std::int32_t R = r_;
        std::int32_t* avail = avail_.data();
        reset_profile(dir);  // only the rows the previous pass touched
        std::int32_t makespan = 0;
        std::int32_t used = 0;
        for (std::int32_t j : list) {
            std::int32_t t = 0;
            for (std::int32_t a = net.pred_offset[j]; a < net.pred_offset[j + 1]; ++a)
                t = std::max(t, starts[net.pred_index[a]] + net.pred_lag[a]);
            if (!floors.empty()) t = std::max(t, floors[j]);
            const std::int32_t d = dur_[j];
            const std::int32_t b = dem_offset_[j], e = dem_offset_[j + 1];
            if (d > 0 && b < e) {
                // Earliest t with capacity over [t, t+d): scan the window from its end, so a
                // conflict at tau moves t past every conflict before it at once.
                // Periods [t, verified] are known to fit, so only new periods are checked.
                std::int32_t verified = t - 1;
                std::int32_t tau = t + d - 1;
                while (tau > verified) {
                    const std::int32_t* row = avail + static_cast<std::ptrdiff_t>(tau) * R;
                    bool fits = true;
                    for (std::int32_t q = b; q < e; ++q)
                        if (row[dem_res_[q]] < dem_amount_[q]) {
                            fits = false;
                            break;
                        }
                    if (fits) {
                        --tau;
                    } else {
                        verified = t + d - 1;
                        t = tau + 1;
                        tau = t + d - 1;
                    }
                }
                for (std::int32_t s = t; s < t + d; ++s) {
                    std::int32_t* row = avail + static_cast<std::ptrdiff_t>(s) * R;
                    for (std::int32_t q = b; q < e; ++q) row[dem_res_[q]] -= dem_amount_[q];
                }
                used = std::max(used, t + d);
            }
            starts[j] = t;
            makespan = std::max(makespan, t + d);
        }
        used_ = used;
        return makespan;
    }

    const RcpspInstance* inst_;
    std::int32_t n_ = 0, r_ = 0, horizon_ = 0, used_ = 0;
    std::int32_t anchor_ = 0, held_ = -1;  // capacity steps: backward anchor; the profile avail_ holds (-1 forward)
    bool finish_to_start_ = true, backward_fits_ = true, leads_ = false;
    std::vector<std::int32_t> base_;  // capacity steps: capacity per period and resource (empty: constant)
    std::vector<std::int32_t> before_;  // capacity steps: capacity before period 0, per resource
    std::vector<std::int32_t> dur_, dem_offset_, dem_res_, dem_amount_, rank_, topo_;
    SgsNetwork fwd_, bwd_;
    std::vector<std::int32_t> avail_, mirror_, order_, missing_, ready_, running_;
    std::vector<std::int64_t> keys_;
    std::vector<std::int32_t> heap_;  // with leads or tiers: topological_by_key's heap
    std::vector<std::int32_t> tier_rank_, tier_list_;  // with tiers: rank per job (0 highest), a forward pass's order
    std::vector<std::int32_t> project_of_, project_finish_, floor_;  // with projects (backward_within_projects)
};

}  // namespace ppm::detail
