// Resource levelling on the calendar model: serial SGS (Kolisch 1996) with CPM link logic for
// time-feasibility and free-capacity profiles for resource-feasibility. Two searches over it: the
// activity-list GA (Hartmann 1998; lists re-encoded from start times, Debels et al. 2006), the
// default, and multi-pass sampling of priority rules and biased random lists (Kolisch & Drexl
// 1996). See level.hpp and docs/leveling.md.
#include "ppm/leveling/level.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <queue>
#include <string>
#include <tuple>

#include "leveling/detail/bipopulation_ga.hpp"
#include "leveling/detail/free_profile.hpp"
#include "leveling/detail/strided.hpp"
#include "ppm/core/detail/random.hpp"
#include "ppm/core/error.hpp"
#include "ppm/leveling/priority_rules.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"
#include "ppm/leveling/sgs.hpp"
#include "ppm/schedule/detail/link_arithmetic.hpp"
#include "ppm/schedule/network.hpp"

namespace ppm {

namespace {

using detail::FreeProfile;
using detail::splitmix64;
using detail::kProfileMax;
using detail::kUnitsEps;

constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

// How a task is placed.
enum class Kind : std::uint8_t {
    summary,
    fixed,        // complete, in progress, MSO/MFO: CPM dates, resources reserved up front
    no_level,     // priority 1000: logic only, never delayed for resources
    movable,
};

struct Prepared {
    const Network* net = nullptr;
    std::size_t n = 0;
    std::vector<Duration> durations;
    std::vector<std::int64_t> duration_minutes;  // the same, as the priority rules read them
    CpmWorkspace ws;
    std::vector<Kind> kind;
    std::vector<std::int64_t> tier;            // higher first
    // Work-resource demands in CSR form (dense resource index, units).
    std::vector<std::uint32_t> demand_offsets;
    std::vector<std::uint32_t> demand_resource;
    std::vector<double> demand_units;
    std::vector<std::uint32_t> work_resources;  // portfolio resource positions of levelled resources
    std::vector<FreeProfile> base;              // capacity minus fixed tasks
    std::vector<std::int64_t> status;           // by project: status date or kNoDate
    std::vector<double> delay_weight;           // by project: weight of its delay in the objective
    std::vector<std::int64_t> limit_finish;     // within float: latest finish instant per task (kMax: none)
    std::vector<std::uint32_t> dep_count;       // link predecessors + children
    std::vector<std::uint32_t> out_off, out_to; // successors: link successors and the WBS parent
    double mean_duration = 1.0;
};

struct Pass {
    std::vector<std::int64_t> start, finish;
    std::vector<std::uint32_t> piece_off;        // per task (n + 1)
    std::vector<std::int64_t> piece_s, piece_f;
    std::vector<std::uint8_t> over;              // could not be placed without over-allocation
    std::vector<std::uint32_t> order;            // the order the SGS placed the tasks in
    std::int64_t over_count = 0;
    std::int64_t total_delay = 0;
    double weighted_delay = 0.0;                 // sum of project delays x delay_weight (the objective)
    std::int64_t finish_max = kMin;
    std::vector<std::int64_t> project_finish;    // by project: its latest task finish (kMin: no task)
    std::int64_t task_delay = 0;                 // sum of the tasks' finish delays (tie-breaker)
};

using detail::milestone_forward;

// t moved by the lag of link k, as the CPM forward pass does (percent lags on the predecessor's
// levelled span when it is a summary).
std::int64_t lag_forward(const Prepared& model, const Pass& pass, std::uint32_t k, std::int64_t t) {
    const Network& net = *model.net;
    return detail::lag_forward(net, k, t, [&] { return detail::pred_duration(net, model.durations, pass.start, pass.finish, net.link_pred()[k]); });
}

Prepared prepare(const Portfolio& pf, const Network& net, const LevelOptions& opt) {
    Prepared model;
    model.net = &net;
    model.n = net.task_count();
    const std::size_t n = model.n;
    model.durations = net.default_durations();
    model.duration_minutes.reserve(n);
    for (const Duration d : model.durations) model.duration_minutes.push_back(d.count());
    run_cpm(net, model.durations, model.ws, opt.schedule);

    // Each project's weight of a day late; the levelled (work) resources by dense index.
    const auto weights = net.project_delay_weight();
    model.delay_weight.assign(weights.begin(), weights.end());
    for (std::size_t p = 0; p < weights.size(); ++p)
        if (!(weights[p] >= 0.0 && weights[p] <= 1e9))  // as validate(); also NaN
            throw ModelError::invalid_value("delay weight", net.project_ids()[p].str(), std::to_string(weights[p]) + " (must be 0..1e9)");
    constexpr std::uint32_t kNotLevelled = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> dense_resource(pf.resources.size(), kNotLevelled);
    for (std::size_t r = 0; r < pf.resources.size(); ++r) {
        if (pf.resources[r].type != ResourceType::work) continue;
        dense_resource[r] = static_cast<std::uint32_t>(model.work_resources.size());
        model.work_resources.push_back(static_cast<std::uint32_t>(r));
    }

    model.status.assign(net.project_ids().size(), kNoDate);
    for (std::size_t p = 0; p < model.status.size(); ++p)
        model.status[p] = opt.schedule.status_date ? opt.schedule.status_date->minutes_since_epoch() : net.project_status_date()[p];

    model.kind.assign(n, Kind::movable);
    model.tier.assign(n, 0);
    model.demand_offsets.assign(n + 1, 0);
    model.limit_finish.assign(n, kMax);
    double dur_sum = 0.0;
    std::size_t dur_count = 0;
    const auto task_priority = net.task_priority();
    const auto assignment_offsets = net.assignment_offsets();
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t proj = net.project_of()[i].value();
        if (opt.use_priorities) model.tier[i] = std::int64_t{net.project_priority()[proj]} * 2000 + task_priority[i];
        const ConstraintType ct = net.constraint_type()[i];
        if (net.is_summary()[i]) model.kind[i] = Kind::summary;
        else if (net.progress_state()[i] != ProgressState::not_started || ct == ConstraintType::must_start_on ||
                 ct == ConstraintType::must_finish_on)
            model.kind[i] = Kind::fixed;
        else if (opt.use_priorities && task_priority[i] >= 1000)
            model.kind[i] = Kind::no_level;
        if (model.kind[i] != Kind::summary && model.durations[i].count() > 0) {
            // Demands on the levelled resources, one per resource (a task's assignments to the same
            // resource add up).
            const std::size_t first = model.demand_resource.size();
            for (std::uint32_t a = assignment_offsets[i]; a < assignment_offsets[i + 1]; ++a) {
                const std::uint32_t r = dense_resource[net.assignment_resource()[a].value()];
                const double units = net.assignment_units()[a];
                if (r == kNotLevelled || !(units > 0.0)) continue;
                bool merged = false;
                for (std::size_t k = first; k < model.demand_resource.size(); ++k)
                    if (model.demand_resource[k] == r) { model.demand_units[k] += units; merged = true; }
                if (!merged) { model.demand_resource.push_back(r); model.demand_units.push_back(units); }
            }
            dur_sum += static_cast<double>(model.ws.early_finish[i] - model.ws.early_start[i]);
            ++dur_count;
        }
        model.demand_offsets[i + 1] = static_cast<std::uint32_t>(model.demand_resource.size());
        if (opt.within_float && model.kind[i] == Kind::movable)
            model.limit_finish[i] = std::min(model.ws.late_finish[i], model.ws.project_finish[proj]);
        if (ct == ConstraintType::finish_no_later_than) model.limit_finish[i] = std::min(model.limit_finish[i], net.constraint_date()[i]);
    }
    if (dur_count > 0) model.mean_duration = std::max(1.0, dur_sum / static_cast<double>(dur_count));

    // Capacity profiles, then the fixed tasks' usage.
    model.base.resize(model.work_resources.size());
    for (std::size_t r = 0; r < model.work_resources.size(); ++r) model.base[r].init(pf.resources[model.work_resources[r]]);
    for (std::size_t i = 0; i < n; ++i) {
        if (model.kind[i] != Kind::fixed) continue;
        for (std::uint32_t k = model.demand_offsets[i]; k < model.demand_offsets[i + 1]; ++k)
            model.base[model.demand_resource[k]].add(model.ws.early_start[i], model.ws.early_finish[i], -model.demand_units[k]);
    }

    // Dependency graph of the SGS: links (into leaves) and child -> summary.
    model.dep_count.assign(n, 0);
    std::vector<std::uint32_t> outdeg(n + 1, 0);
    const auto pred_off = net.pred_offsets();
    for (std::size_t i = 0; i < n; ++i) {
        model.dep_count[i] += pred_off[i + 1] - pred_off[i];
        for (std::uint32_t k = pred_off[i]; k < pred_off[i + 1]; ++k) ++outdeg[net.link_pred()[k]];
        const std::uint32_t par = net.parent()[i];
        if (par != TaskIndex::kInvalid) { ++model.dep_count[par]; ++outdeg[i]; }
    }
    model.out_off.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) model.out_off[i + 1] = model.out_off[i] + outdeg[i];
    model.out_to.assign(model.out_off[n], 0);
    std::vector<std::uint32_t> fill(model.out_off.begin(), model.out_off.end() - 1);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::uint32_t k = pred_off[i]; k < pred_off[i + 1]; ++k) model.out_to[fill[net.link_pred()[k]]++] = static_cast<std::uint32_t>(i);
        const std::uint32_t par = net.parent()[i];
        if (par != TaskIndex::kInvalid) model.out_to[fill[i]++] = par;
    }
    return model;
}

void score(const Prepared& model, Pass& pass);

// The steps of one calendar-SGS pass (run_pass below).

// Earliest start of a movable task from logic, as the CPM forward pass computes it for a
// not-started task: its working-minute key on the task's calendar (d > 0), or the milestone's
// instant (d == 0, returned as an instant). `extra_floor`: a start floor of the pass's own (kMin: none).
struct LogicalStart {
    std::int64_t start_key = 0;   // d > 0: W(earliest start)
    std::int64_t milestone = 0;   // d == 0: the milestone's instant
};
LogicalStart earliest_logical_start(const Prepared& model, const Pass& pass, std::uint32_t i, const WorkCalendar& cal, std::int64_t d,
                                    std::int64_t extra_floor) {
    const Network& net = *model.net;
    std::int64_t start_bound = kMin, finish_bound = kMin;
    for (std::uint32_t k = net.pred_offsets()[i]; k < net.pred_offsets()[i + 1]; ++k) {
        const std::uint32_t p = net.link_pred()[k];
        const LinkType lt = net.link_type()[k];
        const bool from_finish = lt == LinkType::finish_start || lt == LinkType::finish_finish;
        const std::int64_t cand = lag_forward(model, pass, k, from_finish ? pass.finish[p] : pass.start[p]);
        if (lt == LinkType::finish_start || lt == LinkType::start_start) start_bound = std::max(start_bound, cand);
        else finish_bound = std::max(finish_bound, cand);
    }
    const std::uint32_t proj = net.project_of()[i].value();
    std::int64_t floor_start = net.project_start()[proj];
    if (model.status[proj] != kNoDate) floor_start = std::max(floor_start, model.status[proj]);
    if (net.start_floor()[i] != kNoDate) floor_start = std::max(floor_start, net.start_floor()[i]);
    floor_start = std::max(floor_start, extra_floor);
    const std::int64_t floor_finish = net.finish_floor()[i] != kNoDate ? net.finish_floor()[i] : kMin;
    LogicalStart out;
    if (d <= 0) {
        out.milestone = milestone_forward(cal, std::max({floor_start, start_bound, finish_bound, floor_finish}));
        return out;
    }
    out.start_key = cal.work_index(Instant{std::max(floor_start, start_bound)});
    if (finish_bound != kMin) out.start_key = std::max(out.start_key, cal.work_index(Instant{finish_bound}) - d);
    if (floor_finish != kMin) out.start_key = std::max(out.start_key, cal.work_index(Instant{floor_finish}) - d);
    return out;
}

// Whole-task placement: the first start from `start_key` on where every resource of the task
// fits over its whole span [start, finish) and the finish is not after `limit`. Jumps from
// conflict to conflict (the profiles say where each resource has room again).
bool place_whole(const Prepared& model, const std::vector<FreeProfile>& prof, std::uint32_t i, const WorkCalendar& cal,
                 std::int64_t start_key, std::int64_t d, std::int64_t limit, std::vector<std::int64_t>& piece_start,
                 std::vector<std::int64_t>& piece_finish) {
    const std::uint32_t first = model.demand_offsets[i], last = model.demand_offsets[i + 1];
    // Each demand's profile segment where its last test began or found room again: the search only
    // moves right, so the next test starts there (the walk crosses many conflicts on a busy profile).
    detail::SegmentHints hint(0);
    for (std::int64_t key = start_key;;) {
        const std::int64_t s = cal.start_at_work(key).minutes_since_epoch();
        const std::int64_t f = cal.finish_at_work(key + d).minutes_since_epoch();
        if (f > limit) return false;
        std::int64_t next = s;
        bool fits = true;
        for (std::uint32_t q = first; q < last; ++q) {
            std::int64_t free_again = kProfileMax;
            if (!prof[model.demand_resource[q]].fits(s, f, model.demand_units[q], free_again, hint[q - first])) {
                fits = false;
                next = std::max(next, free_again);
            }
        }
        if (fits) {
            piece_start.push_back(s);
            piece_finish.push_back(f);
            return true;
        }
        if (next == kProfileMax) return false;
        key = cal.work_index(Instant{next});
    }
}

// Split placement: the task's d working minutes fill the free capacity in pieces from its
// earliest start, working while every resource fits and pausing where one does not.
bool place_split(const Prepared& model, const std::vector<FreeProfile>& prof, std::uint32_t i, const WorkCalendar& cal,
                 std::int64_t start_key, std::int64_t d, std::int64_t limit, std::vector<std::int64_t>& piece_start,
                 std::vector<std::int64_t>& piece_finish) {
    const std::uint32_t first = model.demand_offsets[i], last = model.demand_offsets[i + 1];
    std::int64_t remaining = d;
    std::int64_t t = cal.start_at_work(start_key).minutes_since_epoch();
    detail::SegmentHints hint(0);  // each demand's segment at t (t only grows), as place_whole's
    while (remaining > 0) {
        t = cal.start_at_work(cal.work_index(Instant{t})).minutes_since_epoch();
        std::int64_t next = t, end = kProfileMax;
        bool fits = true;
        for (std::uint32_t q = first; q < last; ++q) {
            const FreeProfile& fp = prof[model.demand_resource[q]];
            const double units = model.demand_units[q];
            std::size_t& k = hint[q - first];
            k = fp.segment_from(k, t);
            if (fp.free[k] + kUnitsEps < units) {
                fits = false;
                next = std::max(next, fp.next_fit_from(k, t, units));
            } else {
                end = std::min(end, fp.fit_end_from(k, units));
            }
        }
        if (!fits) {
            if (next == kProfileMax) return false;
            t = next;
            continue;
        }
        const std::int64_t work_at_t = cal.work_index(Instant{t});
        const std::int64_t available = end == kProfileMax ? kMax : cal.work_index(Instant{end}) - work_at_t;
        const std::int64_t take = std::min(available, remaining);
        if (take > 0) {
            const std::int64_t piece_end = cal.finish_at_work(work_at_t + take).minutes_since_epoch();
            if (!piece_finish.empty() && piece_finish.back() == t) piece_finish.back() = piece_end;
            else {
                piece_start.push_back(t);
                piece_finish.push_back(piece_end);
            }
            remaining -= take;
        }
        t = end;
        if (piece_start.size() > 10000) return false;
    }
    return piece_finish.back() <= limit;
}

// Pieces are appended in scheduling order (`placed`): rebuild them in task order.
void pieces_in_task_order(std::size_t n, const std::vector<std::uint32_t>& placed, Pass& pass) {
    std::vector<std::uint32_t> count(n, 0);
    std::vector<std::uint32_t> source(n, 0);
    std::uint32_t pos = 0;
    for (const std::uint32_t i : placed) {
        source[i] = pos;
        count[i] = pass.piece_off[i + 1] - pos;
        pos = pass.piece_off[i + 1];
    }
    std::vector<std::int64_t> starts(pass.piece_s.size()), finishes(pass.piece_f.size());
    std::uint32_t out = 0;
    for (std::size_t i = 0; i < n; ++i) {
        pass.piece_off[i] = out;
        for (std::uint32_t c = 0; c < count[i]; ++c) {
            starts[out] = pass.piece_s[source[i] + c];
            finishes[out] = pass.piece_f[source[i] + c];
            ++out;
        }
    }
    pass.piece_off[n] = out;
    pass.piece_s.swap(starts);
    pass.piece_f.swap(finishes);
}

// A fixed task (progress, MSO/MFO) keeps its CPM dates; its resources were reserved up front.
void place_fixed(const Prepared& model, std::uint32_t i, Pass& pass, std::vector<std::int64_t>& piece_start,
                 std::vector<std::int64_t>& piece_finish) {
    pass.start[i] = model.ws.early_start[i];
    pass.finish[i] = model.ws.early_finish[i];
    if (pass.finish[i] > pass.start[i] && model.demand_offsets[i + 1] > model.demand_offsets[i]) {
        piece_start.push_back(pass.start[i]);
        piece_finish.push_back(pass.finish[i]);
    }
}

// A movable task at its earliest resource-feasible start (or pieces, when splitting) after its
// logical earliest start, its resources then taken from the profiles; where none is found before
// its limit it stays at its logical earliest start and counts as over-allocated.
void place_movable(const Prepared& model, const LevelOptions& opt, std::uint32_t i, std::vector<FreeProfile>& prof, Pass& pass,
                   std::vector<std::int64_t>& piece_start, std::vector<std::int64_t>& piece_finish, std::int64_t extra_floor) {
    const Network& net = *model.net;
    const WorkCalendar& cal = net.calendar(net.calendar_of()[i]);
    const std::int64_t d = model.durations[i].count();
    LogicalStart logical = earliest_logical_start(model, pass, i, cal, d, extra_floor);
    // A hard SNLT / FNLT wins over logic, as in the CPM (apply_hard_constraint): a task whose
    // logical start is past it starts (finishes) on its date; the conflict is the schedule's.
    const ConstraintType ct = net.constraint_type()[i];
    if (ct == ConstraintType::start_no_later_than || ct == ConstraintType::finish_no_later_than) {
        const std::int64_t date = net.constraint_date()[i];
        const bool on_start = ct == ConstraintType::start_no_later_than;
        if (d <= 0) {  // a milestone's date is an instant, compared as one (as the CPM does)
            const std::int64_t at = on_start ? milestone_forward(cal, date) : detail::milestone_backward(cal, date);
            logical.milestone = std::min(logical.milestone, at);
        } else {
            logical.start_key = std::min(logical.start_key, cal.work_index(Instant{date}) - (on_start ? 0 : d));
        }
    }
    if (d <= 0) {
        pass.start[i] = pass.finish[i] = logical.milestone;
        return;
    }
    const std::int64_t es_key = logical.start_key;
    std::int64_t limit = model.limit_finish[i];
    if (net.constraint_type()[i] == ConstraintType::start_no_later_than)
        limit = std::min(limit, cal.finish_at_work(cal.work_index(Instant{net.constraint_date()[i]}) + d).minutes_since_epoch());
    const std::uint32_t first = model.demand_offsets[i], last = model.demand_offsets[i + 1];
    bool placed = false;
    if (model.kind[i] == Kind::no_level || first == last) {
        piece_start.push_back(cal.start_at_work(es_key).minutes_since_epoch());
        piece_finish.push_back(cal.finish_at_work(es_key + d).minutes_since_epoch());
        placed = true;
    } else if (!opt.split) {
        placed = place_whole(model, prof, i, cal, es_key, d, limit, piece_start, piece_finish);
    } else {
        placed = place_split(model, prof, i, cal, es_key, d, limit, piece_start, piece_finish);
        if (!placed) {
            piece_start.clear();
            piece_finish.clear();
        }
    }
    if (!placed) {
        // Unresolvable here: earliest logical start, over-allocation reported.
        pass.over[i] = 1;
        ++pass.over_count;
        piece_start.assign(1, cal.start_at_work(es_key).minutes_since_epoch());
        piece_finish.assign(1, cal.finish_at_work(es_key + d).minutes_since_epoch());
    }
    for (std::uint32_t q = first; q < last; ++q)
        for (std::size_t piece = 0; piece < piece_start.size(); ++piece)
            prof[model.demand_resource[q]].add(piece_start[piece], piece_finish[piece], -model.demand_units[q]);
    pass.start[i] = piece_start.front();
    pass.finish[i] = piece_finish.back();
}

// Appends task i's working pieces (one when it was not split) to the pass, in placing order.
void record_pieces(const Prepared& model, std::uint32_t i, const std::vector<std::int64_t>& piece_start,
                   const std::vector<std::int64_t>& piece_finish, Pass& pass) {
    if (model.kind[i] != Kind::summary && pass.finish[i] > pass.start[i]) {
        pass.piece_s.insert(pass.piece_s.end(), piece_start.begin(), piece_start.end());
        pass.piece_f.insert(pass.piece_f.end(), piece_finish.begin(), piece_finish.end());
        if (piece_start.empty()) {
            pass.piece_s.push_back(pass.start[i]);
            pass.piece_f.push_back(pass.finish[i]);
        }
    }
    pass.piece_off[i + 1] = static_cast<std::uint32_t>(pass.piece_s.size());
}

// One serial SGS pass over the priority order given by (tier desc, key asc, index asc): summaries
// roll up, fixed tasks keep their CPM dates, the others go to their earliest resource-feasible
// start (or pieces, when splitting) after their logical earliest start, and after `floor[i]`
// where given (empty: none).
void run_pass(const Prepared& model, const LevelOptions& opt, std::span<const double> key, std::vector<FreeProfile>& prof,
              Pass& pass, std::span<const std::int64_t> floor = {}) {
    const Network& net = *model.net;
    const std::size_t n = model.n;
    prof = model.base;
    pass.start.assign(n, kMin);
    pass.finish.assign(n, kMin);
    pass.piece_off.assign(n + 1, 0);
    pass.piece_s.clear();
    pass.piece_f.clear();
    pass.over.assign(n, 0);
    pass.over_count = 0;
    std::vector<std::uint32_t> pending(model.dep_count);
    std::vector<std::uint32_t> placed_order;

    using Item = std::tuple<std::int64_t, double, std::uint32_t>;  // (-tier, key, index): smallest first
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    for (std::uint32_t i = 0; i < n; ++i)
        if (pending[i] == 0) heap.emplace(-model.tier[i], key[i], i);

    std::vector<std::int64_t> piece_start, piece_finish;
    while (!heap.empty()) {
        const std::uint32_t i = std::get<2>(heap.top());
        heap.pop();
        piece_start.clear();
        piece_finish.clear();
        switch (model.kind[i]) {
            case Kind::summary: detail::span_children(net, i, pass.start, pass.finish); break;  // children placed before
            case Kind::fixed: place_fixed(model, i, pass, piece_start, piece_finish); break;
            default: place_movable(model, opt, i, prof, pass, piece_start, piece_finish, floor.empty() ? kMin : floor[i]);
        }
        record_pieces(model, i, piece_start, piece_finish, pass);
        placed_order.push_back(i);
        for (std::uint32_t k = model.out_off[i]; k < model.out_off[i + 1]; ++k) {
            const std::uint32_t successor = model.out_to[k];
            if (--pending[successor] == 0) heap.emplace(-model.tier[successor], key[successor], successor);
        }
    }
    pieces_in_task_order(n, placed_order, pass);
    pass.order.swap(placed_order);
    score(model, pass);
}

// ---- right-justification (the backward half of double justification) ----------------------------
// Valls, Ballestin & Quintanilla (2005), "Justification and RCPSP: a technique that pays", EJOR 165,
// on the calendar model: the tasks of a decoded pass, in decreasing finish order, each move to the
// latest span that ends by what its successors (already moved) allow through their links and lags,
// by its project's levelled finish and by its own limits, with its resources free. Read left to
// right, the moved start times are the priority keys of a further forward pass, which packs the
// work to the left again. That forward pass is the schedule: the moved dates are only an order,
// so links out of summaries, split work and the like are taken here conservatively or whole.

// The largest working-minute key whose minute starts at or before t on `cal`.
std::int64_t last_start_key(const WorkCalendar& cal, std::int64_t t) {
    const std::int64_t w = cal.work_index(Instant{t});
    return cal.start_at_work(w).minutes_since_epoch() <= t ? w : w - 1;
}

// Latest start and finish task i may take in the right-justified schedule `late` (start, finish)
// from the links out of it and out of its summaries (successors at their current late dates).
struct LateBound {
    std::int64_t start = kMax, finish = kMax;
};
LateBound late_bound_from_links(const Prepared& model, const Pass& late, std::uint32_t i) {
    const Network& net = *model.net;
    LateBound b;
    for (std::uint32_t t = i; t != TaskIndex::kInvalid; t = net.parent()[t]) {
        for (std::uint32_t pos = net.succ_offsets()[t]; pos < net.succ_offsets()[t + 1]; ++pos) {
            const std::uint32_t k = net.succ_links()[pos];
            const std::uint32_t j = net.link_succ()[k];
            const LinkType type = net.link_type()[k];
            const bool to_start = type == LinkType::finish_start || type == LinkType::start_start;
            const std::int64_t target = to_start ? late.start[j] : late.finish[j];
            const std::int64_t bound = detail::lag_backward(
                net, k, target, [&] { return detail::pred_duration(net, model.durations, late.start, late.finish, t); });
            if (type == LinkType::finish_start || type == LinkType::finish_finish) b.finish = std::min(b.finish, bound);
            else b.start = std::min(b.start, bound);
        }
    }
    return b;
}

// Moves task i (not a summary, not fixed) of `late` to the latest span that ends by what its
// successors' dates in `late` allow through their links, by `deadline` and by its own limits, with
// its resources free in `prof` (then taken), never starting before the instant `floor`.
void place_late(const Prepared& model, std::vector<FreeProfile>& prof, Pass& late, std::uint32_t i, std::int64_t deadline,
                std::int64_t floor) {
    const Network& net = *model.net;
    const WorkCalendar& cal = net.calendar(net.calendar_of()[i]);
    const std::int64_t d = model.durations[i].count();
    const LateBound links = late_bound_from_links(model, late, i);
    const std::int64_t finish_bound = std::min({links.finish, deadline, model.limit_finish[i]});
    std::int64_t start_bound = links.start;
    if (net.constraint_type()[i] == ConstraintType::start_no_later_than) start_bound = std::min(start_bound, net.constraint_date()[i]);
    if (d <= 0) {
        const std::int64_t t = std::min(finish_bound, start_bound);  // finite: the deadline bounds it
        late.start[i] = late.finish[i] = t > floor ? detail::milestone_backward(cal, t) : floor;
        return;
    }
    const std::int64_t floor_key = cal.work_index(Instant{floor});
    std::int64_t key = cal.work_index(Instant{finish_bound}) - d;
    if (start_bound != kMax) key = std::min(key, last_start_key(cal, start_bound));
    const std::uint32_t first = model.demand_offsets[i], last = model.demand_offsets[i + 1];
    const bool levelled = model.kind[i] == Kind::movable && first != last;
    detail::SegmentHints hint(std::numeric_limits<std::size_t>::max());  // as place_whole's, for a search that moves left
    while (levelled && key > floor_key) {
        const std::int64_t s = cal.start_at_work(key).minutes_since_epoch();
        const std::int64_t f = cal.finish_at_work(key + d).minutes_since_epoch();
        std::int64_t before = kMax;
        for (std::uint32_t q = first; q < last; ++q) {
            std::int64_t conflict = kMax;
            if (!prof[model.demand_resource[q]].fits_before(s, f, model.demand_units[q], conflict, hint[q - first])) before = std::min(before, conflict);
        }
        if (before == kMax) break;
        key = before <= detail::kProfileMin ? floor_key : std::min(key - 1, cal.work_index(Instant{before}) - d);
    }
    key = std::max(key, floor_key);  // never left of the floor
    late.start[i] = cal.start_at_work(key).minutes_since_epoch();
    late.finish[i] = cal.finish_at_work(key + d).minutes_since_epoch();
    if (levelled)
        for (std::uint32_t q = first; q < last; ++q) prof[model.demand_resource[q]].add(late.start[i], late.finish[i], -model.demand_units[q]);
}

// Moves the movable tasks of `fwd` right as far as they go (see above); `late` gets the moved dates.
void right_justify(const Prepared& model, const Pass& fwd, std::vector<FreeProfile>& prof, Pass& late) {
    const Network& net = *model.net;
    const std::size_t n = model.n;
    prof = model.base;
    late.start = fwd.start;
    late.finish = fwd.finish;
    std::vector<std::uint32_t>& order = late.order;  // by decreasing finish
    order.resize(n);
    std::iota(order.begin(), order.end(), 0U);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return std::tie(fwd.finish[a], fwd.start[a]) > std::tie(fwd.finish[b], fwd.start[b]);
    });
    for (const std::uint32_t i : order) {
        const Kind kind = model.kind[i];
        if (kind == Kind::summary || kind == Kind::fixed) continue;
        place_late(model, prof, late, i, fwd.project_finish[net.project_of()[i].value()], fwd.start[i]);
    }
}

// A backward calendar-SGS pass over the priority `rank` (smaller first): each task is taken once
// every task that waits for it is placed (its link successors and its summary) and goes to its
// latest span by `deadline` (place_late), not before its CPM early start; fixed tasks keep their
// CPM dates and summaries span their children. Where a task cannot move right of its floor it
// stays there: the pass is an order for a forward pass, not a schedule. `late.order` is the
// placing order; `in_off`/`in_to` list what each task waits for (link predecessors, children).
void backward_pass(const Prepared& model, std::span<const double> rank, std::int64_t deadline, std::vector<FreeProfile>& prof,
                   Pass& late, std::span<const std::uint32_t> in_off, std::span<const std::int32_t> in_to) {
    const Network& net = *model.net;
    const std::size_t n = model.n;
    prof = model.base;
    late.start = model.ws.early_start;
    late.finish = model.ws.early_finish;
    late.order.clear();
    std::vector<std::uint32_t> pending(n);
    using Item = std::pair<double, std::uint32_t>;  // (rank, index): smallest first
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    for (std::uint32_t i = 0; i < n; ++i) {
        pending[i] = model.out_off[i + 1] - model.out_off[i];
        if (pending[i] == 0) heap.emplace(rank[i], i);
    }
    while (!heap.empty()) {
        const std::uint32_t i = heap.top().second;
        heap.pop();
        if (model.kind[i] != Kind::summary && model.kind[i] != Kind::fixed) place_late(model, prof, late, i, deadline, model.ws.early_start[i]);
        late.order.push_back(i);
        for (std::uint32_t k = in_off[i]; k < in_off[i + 1]; ++k) {
            const auto p = static_cast<std::uint32_t>(in_to[k]);
            if (--pending[p] == 0) heap.emplace(rank[p], p);
        }
    }
    for (auto it = late.order.rbegin(); it != late.order.rend(); ++it)  // children before their summary
        if (model.kind[*it] == Kind::summary) detail::span_children(net, *it, late.start, late.finish);
}

// The objective values of a placed pass: per project, levelled finish minus CPM finish.
void score(const Prepared& model, Pass& pass) {
    const Network& net = *model.net;
    const std::size_t n = model.n;
    pass.task_delay = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (!net.is_summary()[i]) pass.task_delay += pass.finish[i] - model.ws.early_finish[i];
    std::vector<std::int64_t>& project_finish = pass.project_finish;
    project_finish.assign(net.project_ids().size(), kMin);
    for (std::size_t i = 0; i < n; ++i) {
        std::int64_t& f = project_finish[net.project_of()[i].value()];
        f = std::max(f, pass.finish[i]);
    }
    pass.total_delay = 0;
    pass.weighted_delay = 0.0;
    pass.finish_max = kMin;
    for (std::size_t p = 0; p < project_finish.size(); ++p) {
        if (project_finish[p] == kMin) continue;
        const std::int64_t late = std::max<std::int64_t>(0, project_finish[p] - model.ws.project_finish[p]);
        pass.total_delay += late;
        pass.weighted_delay += model.delay_weight[p] * static_cast<double>(late);
        pass.finish_max = std::max(pass.finish_max, project_finish[p]);
    }
}

// A pass's rank, smaller first: fewer over-allocated tasks, then the objective (lexicographic),
// then the sum of the tasks' finish delays (a compact schedule leaves more room to the work after
// it). Minutes and counts stay far below 2^53, so the doubles are exact.
detail::GaScore rank(const Pass& p, LevelObjective obj) {
    const auto finish = static_cast<double>(p.finish_max);
    const bool delay_first = obj == LevelObjective::total_project_delay;
    return {static_cast<double>(p.over_count), delay_first ? p.weighted_delay : finish, delay_first ? finish : p.weighted_delay,
            static_cast<double>(p.task_delay)};
}

bool better(const Pass& a, const Pass& b, LevelObjective obj) { return rank(a, obj) < rank(b, obj); }

// Demand vs capacity sweep per resource: over-allocations and the histogram.
void analyse(const Portfolio& pf, const Prepared& model, const LevelOptions& opt, LevelResult& out) {
    const std::size_t nr = model.work_resources.size();
    ResourceHistogram& h = out.histogram;
    h.period = opt.histogram_period.count() > 0 ? opt.histogram_period : Duration{kMinutesPerDay};
    std::int64_t lo = kMax, hi = kMin;
    for (std::size_t i = 0; i < out.start.size(); ++i) {
        if (out.is_summary[i]) continue;
        lo = std::min({lo, out.start[i].minutes_since_epoch(), out.cpm_start[i].minutes_since_epoch()});
        hi = std::max(hi, out.finish[i].minutes_since_epoch());
    }
    if (lo > hi) { lo = 0; hi = 0; }
    lo = Instant{lo}.date().days_since_epoch() * kMinutesPerDay;
    const std::int64_t per = h.period.count();
    h.start = Instant{lo};
    h.bucket_count = hi > lo ? (hi - lo + per - 1) / per : 0;
    for (std::size_t r = 0; r < nr; ++r) h.resource.push_back(pf.resources[model.work_resources[r]].id);
    const std::size_t nb = static_cast<std::size_t>(h.bucket_count);
    h.peak_demand.assign(nr * nb, 0.0);
    h.capacity.assign(nr * nb, std::numeric_limits<double>::infinity());
    h.load.assign(nr * nb, 0.0);

    // Events per resource: (time, +units / -units).
    std::vector<std::vector<std::pair<std::int64_t, double>>> events(nr);
    for (std::size_t i = 0; i < out.start.size(); ++i) {
        for (std::uint32_t q = model.demand_offsets[i]; q < model.demand_offsets[i + 1]; ++q)
            for (std::uint32_t pc = out.piece_offsets[i]; pc < out.piece_offsets[i + 1]; ++pc) {
                const std::int64_t a = out.piece_start[pc].minutes_since_epoch(), b = out.piece_finish[pc].minutes_since_epoch();
                if (b <= a) continue;
                events[model.demand_resource[q]].emplace_back(a, model.demand_units[q]);
                events[model.demand_resource[q]].emplace_back(b, -model.demand_units[q]);
            }
    }
    for (std::size_t r = 0; r < nr; ++r) {
        FreeProfile cap;
        cap.init(pf.resources[model.work_resources[r]]);
        auto& ev = events[r];
        for (std::size_t k = 1; k < cap.time.size(); ++k) ev.emplace_back(cap.time[k], 0.0);
        ev.emplace_back(lo, 0.0);
        for (std::int64_t b = 1; b <= h.bucket_count; ++b) ev.emplace_back(lo + b * per, 0.0);
        std::sort(ev.begin(), ev.end());
        double demand = 0.0;
        OverAllocation* open = nullptr;
        for (std::size_t k = 0; k < ev.size();) {
            const std::int64_t t = ev[k].first;
            while (k < ev.size() && ev[k].first == t) demand += ev[k++].second;
            if (k == ev.size()) break;
            const std::int64_t t2 = ev[k].first;
            const double c = cap.at(t);
            const double dm = std::max(0.0, demand);
            if (dm > c + 1e-6) {
                if (open && open->to.minutes_since_epoch() == t) {
                    open->to = Instant{t2};
                    open->demand = std::max(open->demand, dm);
                    open->capacity = std::min(open->capacity, c);
                } else {
                    out.over_allocations.push_back({pf.resources[model.work_resources[r]].id, Instant{t}, Instant{t2}, dm, c});
                    open = &out.over_allocations.back();
                }
            } else {
                open = nullptr;
            }
            if (t >= lo && t < lo + h.bucket_count * per) {
                const std::size_t b = r * nb + static_cast<std::size_t>((t - lo) / per);
                h.peak_demand[b] = std::max(h.peak_demand[b], dm);
                h.capacity[b] = std::min(h.capacity[b], c);
                h.load[b] += dm * static_cast<double>(t2 - t);
            }
        }
    }
}

// What a search returns: the best pass and how it was found.
struct Search {
    Pass best;
    std::int32_t passes = 0;
    std::int32_t best_pass = 0;
    std::string best_rule;
    bool cancelled = false;
    std::int64_t one_pass_finish = kMin;     // the first rule's pass: the one-pass heuristic
    std::int64_t one_pass_total_delay = 0;
};

// The deterministic rules of both methods, in pass order (priority_rules.hpp computes them on the
// resource-free CPM dates): minimum total float (pass 1: the one-pass heuristic, MS Project's
// standard order), latest start, latest finish, earliest start, greatest rank positional weight.
constexpr PriorityRule kRules[] = {PriorityRule::min_slack, PriorityRule::lst, PriorityRule::lft, PriorityRule::est, PriorityRule::grpw};
constexpr const char* kRuleNames[] = {"priority_float", "priority_lst", "priority_lft", "priority_est", "priority_grpw"};
constexpr std::int32_t kRuleCount = 5;

void rule_keys(const Prepared& model, std::int32_t rule, std::vector<double>& key) {
    key.resize(model.n);
    priority_values(kRules[rule],
                    {.earliest_start = model.ws.early_start, .latest_start = model.ws.late_start, .latest_finish = model.ws.late_finish,
                     .total_float = model.ws.total_float, .duration = model.duration_minutes, .successor_offsets = model.out_off,
                     .successors = model.out_to},
                    key);
}

// The priority method: the five rules, then regret-biased random lists around the latest start
// and the best list re-sorted by its own starts (Kolisch & Drexl 1996).
Search search_priority(const Prepared& model, const LevelOptions& options) {
    const std::size_t n = model.n;
    Search out;
    std::vector<double> key(n);
    std::vector<FreeProfile> prof;
    Pass cur;
    bool have_best = false;
    const std::int32_t max_passes = std::max(1, options.passes);
    for (std::int32_t pass = 0; pass < max_passes; ++pass) {
        if (options.stop.stop_requested() && have_best) { out.cancelled = true; break; }
        std::string rule;
        detail::SplitMix64 rng(splitmix64(options.seed * 0x100000001B3ULL + static_cast<std::uint64_t>(pass)));
        if (pass < kRuleCount) {
            rule = kRuleNames[pass];
            rule_keys(model, pass, key);
        } else if (have_best && pass % 3 == 0) {
            // List improvement: the best schedule's own start order, lightly perturbed.
            rule = "best_start_order";
            const double noise = model.mean_duration * 0.5 * rng.unit();
            for (std::size_t i = 0; i < n; ++i)
                key[i] = static_cast<double>(out.best.start[i]) + noise * rng.unit();
        } else {
            // Biased random sampling around the latest start.
            rule = "random_lst";
            const double spread = model.mean_duration * (0.25 + 2.75 * rng.unit());
            for (std::size_t i = 0; i < n; ++i) key[i] = static_cast<double>(model.ws.late_start[i]) + spread * rng.unit();
        }
        run_pass(model, options, key, prof, cur);
        ++out.passes;
        if (pass == 0) { out.one_pass_finish = cur.finish_max; out.one_pass_total_delay = cur.total_delay; }
        if (!have_best || better(cur, out.best, options.objective)) {
            std::swap(out.best, cur);
            have_best = true;
            out.best_pass = pass;
            out.best_rule = rule;
        }
        if (options.progress) options.progress({.passes = out.passes, .max_passes = max_passes, .best_total_delay = out.best.total_delay});
    }
    return out;
}

// ---- the genetic method -------------------------------------------------------------------------
// The calendar model is decoded for the RCPSP engine's bi-population GA (detail/bipopulation_ga.hpp,
// docs/leveling.md Part 2): the same lists, operators, populations and justification, with the
// calendar SGS as the decoder. A forward decoding is one run_pass over the list's order; the
// backward half of a justification is right_justify (each project's tasks within its forward
// finish); a list decoded backward is a backward_pass. Only forward passes are schedules: a
// right-justified member ranks by the forward schedule it justifies, and a left-justified child is
// justified in full (forward, backward, forward: 3 passes), as the calendar GA before did. Times
// are whole minutes from the model's earliest CPM date (int32: ~4,000 years).

// The activity list of priority keys: tasks by key, ties in index order.
void list_by_keys(const std::vector<double>& key, std::vector<std::uint32_t>& list) {
    list.resize(key.size());
    std::iota(list.begin(), list.end(), 0U);
    std::stable_sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
}

class CalendarDecoder {
public:
    static constexpr bool kRecordsLists = true;  // the answer is decoded again from its list

    CalendarDecoder(const Prepared& model, const LevelOptions& opt) : model_(&model), opt_(&opt) {
        const std::size_t n = model.n;
        origin_ = kMax;
        for (std::size_t i = 0; i < n; ++i) origin_ = std::min(origin_, model.ws.early_start[i]);
        if (n == 0) origin_ = 0;
        // The SGS's dependency graph: successors (links, the summary) and their transpose.
        succ_.assign(model.out_to.begin(), model.out_to.end());
        pred_off_.assign(n + 1, 0);
        for (const std::uint32_t j : model.out_to) ++pred_off_[j + 1];
        for (std::size_t i = 0; i < n; ++i) pred_off_[i + 1] += pred_off_[i];
        pred_.resize(model.out_to.size());
        std::vector<std::uint32_t> fill(pred_off_.begin(), pred_off_.end() - 1);
        for (std::uint32_t i = 0; i < n; ++i)
            for (std::uint32_t k = model.out_off[i]; k < model.out_off[i + 1]; ++k) pred_[fill[model.out_to[k]]++] = static_cast<std::int32_t>(i);
        duration_.resize(n);  // the CPM span: for the operators' time windows and mirrored keys
        for (std::size_t i = 0; i < n; ++i) duration_[i] = rel(model.ws.early_finish[i]) - rel(model.ws.early_start[i]);
        key_.resize(n);
        finish_.resize(n);
    }

    [[nodiscard]] std::int32_t num_jobs() const noexcept { return static_cast<std::int32_t>(model_->n); }
    [[nodiscard]] std::span<const std::int32_t> predecessors(std::int32_t j) const {
        return {pred_.data() + pred_off_[j], pred_off_[j + 1] - pred_off_[j]};
    }
    [[nodiscard]] std::span<const std::int32_t> successors(std::int32_t j) const {
        const auto& off = model_->out_off;
        return {succ_.data() + off[j], off[j + 1] - off[j]};
    }
    [[nodiscard]] std::span<const std::int32_t> durations() const { return duration_; }
    [[nodiscard]] bool tiered() const noexcept { return true; }         // serial SGS only; forward schedules answer
    [[nodiscard]] bool has_projects() const noexcept { return true; }   // justification within each project's finish
    [[nodiscard]] bool backward_fits() const noexcept { return false; } // a backward pass is an order, not a schedule
    void set_anchor(std::int32_t anchor) noexcept { anchor_ = anchor; }

    /// One calendar-SGS pass over the list's order.
    std::int32_t forward(std::span<const std::int32_t> list, std::span<std::int32_t> starts) {
        set_keys(list);
        run_pass(*model_, *opt_, key_, prof_, fwd_);
        last_forward_ = true;
        return read(fwd_, starts);
    }
    /// A backward pass over the list's order, every task finishing by the anchor.
    std::int32_t backward(std::span<const std::int32_t> list, std::span<std::int32_t> starts) {
        set_keys(list);
        backward_pass(*model_, key_, origin_ + anchor_, prof_, late_, pred_off_, pred_);
        last_forward_ = false;
        return read(late_, starts);
    }
    std::int32_t parallel(int dir, std::span<const std::int32_t> list, std::span<std::int32_t> starts) {
        return dir == 0 ? forward(list, starts) : backward(list, starts);
    }
    /// The right-justification of the last forward pass (the list and starts are its own).
    std::int32_t backward_within_projects(std::span<const std::int32_t>, std::span<std::int32_t> starts, std::int32_t) {
        right_justify(*model_, fwd_, prof_, late_);
        last_forward_ = false;
        return read(late_, starts);
    }
    /// Tasks by start (ties by index); by decreasing finish of the last decoded schedule, whose
    /// starts these are (ties: later start first, then index).
    void order_by_start(std::span<const std::int32_t> starts, std::span<std::int32_t> list) const {
        std::iota(list.begin(), list.end(), 0);
        std::stable_sort(list.begin(), list.end(), [&](std::int32_t a, std::int32_t b) { return starts[a] < starts[b]; });
    }
    void order_by_finish_desc(std::span<const std::int32_t> starts, std::span<std::int32_t> list) const {
        std::iota(list.begin(), list.end(), 0);
        std::stable_sort(list.begin(), list.end(), [&](std::int32_t a, std::int32_t b) {
            return std::tie(finish_[a], starts[a]) > std::tie(finish_[b], starts[b]);
        });
    }

    /// The last forward pass's rank, as `better` orders passes: over-allocated tasks, the objective
    /// (lexicographic), the tasks' summed finish delays. A backward pass has none (never stored).
    detail::GaScore score(std::span<const std::int32_t>, std::int32_t) const {
        return last_forward_ ? rank(fwd_, opt_->objective) : detail::GaScore{kWorst, kWorst, kWorst, kWorst};
    }
    [[nodiscard]] std::int64_t tie(std::span<const std::int32_t>, std::int32_t, int) const { return 0; }  // in the score
    /// Nothing left to level: nothing over-allocated and every task at its CPM finish (a levelled
    /// task never finishes before it, so no schedule is better by either objective or the
    /// tie-breaker and the search can stop).
    [[nodiscard]] bool proven(const detail::GaScore& score, std::int32_t, std::int32_t) const {
        return score.first == 0 && score.fourth == 0;
    }

    [[nodiscard]] const Pass& forward_pass() const noexcept { return fwd_; }

private:
    static constexpr double kWorst = std::numeric_limits<double>::infinity();

    [[nodiscard]] std::int32_t rel(std::int64_t t) const {
        if (t == kMin) return 0;
        return static_cast<std::int32_t>(std::clamp<std::int64_t>(t - origin_, -(std::int64_t{1} << 30), std::int64_t{1} << 30));
    }
    // key_[task] = its position in `list`: the order a pass (either way) takes the tasks in.
    void set_keys(std::span<const std::int32_t> list) {
        for (std::size_t pos = 0; pos < list.size(); ++pos) key_[static_cast<std::size_t>(list[pos])] = static_cast<double>(pos);
    }
    // Starts of `p` for the GA, finishes kept for order_by_finish_desc; the makespan.
    std::int32_t read(const Pass& p, std::span<std::int32_t> starts) {
        std::int64_t last = origin_;
        for (std::size_t i = 0; i < model_->n; ++i) {
            starts[i] = rel(p.start[i]);
            finish_[i] = rel(p.finish[i]);
            if (p.finish[i] != kMin) last = std::max(last, p.finish[i]);
        }
        return rel(last);
    }

    const Prepared* model_;
    const LevelOptions* opt_;
    std::int64_t origin_ = 0;
    std::int32_t anchor_ = 0;
    bool last_forward_ = false;
    std::vector<std::uint32_t> pred_off_;  // the transpose of the model's out_off / out_to
    std::vector<std::int32_t> succ_, pred_, duration_, finish_;
    std::vector<double> key_;
    std::vector<FreeProfile> prof_;
    Pass fwd_, late_;
};

// ---- the integer-period path ----------------------------------------------------------------------
// A plan that is exactly a single-mode RCPSP on one time axis (the working minutes of the one
// calendar every task and working lag uses, or real minutes when every calendar works around the
// clock; durations, lags and releases on a common grid; capacities and demands that a small scale
// makes whole, capacity changes (availability, fixed work) as steps; links as start-to-start lags,
// leads included, summaries as zero-length jobs at their finish; SNET/FNET as releases; priority
// tiers as the jobs' tiers, whose eligible jobs the grid's serial SGS takes first as the calendar
// SGS does (RcpspData::tiers); no other constraints, splitting or float limit) is solved by the
// RCPSP engine on that grid: the bi-population GA with forward-backward justification
// (rcpsp_solver.hpp); with several projects for the objective (RcpspProjects: each project's
// weighted delay past its CPM finish in periods of the axis, and the makespan, in the objective's
// order). Its start periods are then decoded by one forward calendar-SGS pass (from_grid), which
// gives the plan's dates.
//
// The grid GA's schedule is a starting point (GridUse::start), the calendar GA going on from it,
// for a plan that is that RCPSP but for caps (SNLT/FNLT), ALAP and the constraints that win over logic, tasks on
// other calendars than the axis, or splitting: the grid leaves them out (a relaxation; a task on
// another calendar spans its CPM dates' axis minutes), the pass that decodes its starts and the
// calendar GA after it hold them. Several priority tiers keep a start out: on the generator's
// portfolios (projects of different priorities, test::random_portfolio, seeds 1-8 summed) the
// start made both objectives worse than the calendar GA alone, 6 projects of 30 tasks at 5,000
// schedules: total delay 5,290 against 5,247 days, portfolio finish (that objective) 1,500
// against 1,489 days past CPM; 20 of 50 at 1,000: 107,388 against 107,272 days; with the projects'
// objective in the grid engine still 5,301 against 5,247 and 1,501 against 1,489; with one GA for
// both models (2026-12-06) 5,266 against 5,245 and 1,497 against 1,490. (Left out of the
// grid, tiers made j60 on working days later too: 82.67 / 82.69 working days against 82.38 / 82.54.)
constexpr std::int64_t kGridPeriodsPerTask = 1000;  // mean task length in grid periods the grid engine takes on

enum class GridUse { answer, start };

// Whether the plan is a single-mode RCPSP as far as the tasks, resources and options go (the
// grid itself is checked by integer_grid), for `use`.
bool grid_applies(const Prepared& model, const LevelOptions& opt, GridUse use) {
    const Network& net = *model.net;
    const std::size_t n = model.n;
    // Split work is no RCPSP; a schedule that splits nothing is one to start from.
    if (opt.within_float || (opt.split && use == GridUse::answer) || n == 0 || n > 1'000'000) return false;
    // The tasks that are levelled; for a start, all of one priority tier.
    std::optional<std::int64_t> tier;
    for (std::size_t i = 0; i < n; ++i) {
        if (model.kind[i] == Kind::fixed) continue;  // keeps its dates; its work is in the capacity profile
        if (model.kind[i] != Kind::summary) {
            if (model.kind[i] != Kind::movable || (use == GridUse::start && model.tier[i] != tier.value_or(model.tier[i]))) return false;
            tier = model.tier[i];
        }
        // SNET/FNET floors of the tasks that move are release dates; a summary's, caps (SNLT/FNLT)
        // and the constraints that win over logic are not an RCPSP (left out of a start).
        if (use == GridUse::start) continue;
        const bool floors = net.start_floor()[i] != kNoDate || net.finish_floor()[i] != kNoDate;
        if (net.constraint_type()[i] != ConstraintType::as_soon_as_possible || (floors && model.kind[i] == Kind::summary) ||
            net.start_cap()[i] != kNoDate || net.finish_cap()[i] != kNoDate)
            return false;
    }
    return tier.has_value();
}

// The plan as an RCPSP on its integer grid: period k is working minute W(t0) + k * grid of the
// axis calendar (every minute for 24/7 plans); job 0 is a release source (`off` = 1) when projects
// start apart or fixed work holds tasks back, and a summary is a zero-length job at its finish.
struct GridPlan {
    RcpspInstance instance;
    std::int32_t off = 0;
    CalendarIndex axis{};            // the axis calendar; period k starts at working minute base + k * grid
    std::int64_t base = 0, grid = 1;
};

// Units per resource as whole numbers: the smallest of a few scales that makes every free capacity
// (from t0 on) and every demand integral (100 % of a person is 1; 50 % needs a scale of 2), or none.
std::optional<std::vector<std::int32_t>> unit_scales(const Prepared& model, std::int64_t t0) {
    constexpr std::int32_t kScales[] = {1, 2, 4, 5, 10, 20, 25, 50, 100};
    const std::size_t nr = model.work_resources.size();
    auto whole = [](double v) { return std::abs(v - std::round(v)) <= 1e-9 * std::max(1.0, std::abs(v)); };
    std::vector<std::int32_t> scale(nr, 0);
    for (std::size_t r = 0; r < nr; ++r) {
        const FreeProfile& fp = model.base[r];
        for (const std::int32_t f : kScales) {
            bool all = true;
            for (std::size_t k = fp.segment(t0); k < fp.time.size() && all; ++k)
                all = whole(std::max(0.0, fp.free[k]) * f) && fp.free[k] * f <= 1e8;
            for (std::size_t q = 0; q < model.demand_resource.size() && all; ++q)
                all = model.demand_resource[q] != r || whole(model.demand_units[q] * f);
            if (all) { scale[r] = f; break; }
        }
        if (scale[r] == 0) return std::nullopt;
    }
    return scale;
}

std::optional<GridPlan> integer_grid(const Prepared& model, GridUse use) {
    const Network& net = *model.net;
    const std::size_t n = model.n;
    const std::size_t nr = model.work_resources.size();
    // Releases: each project's floor (start, status date) from the earliest one.
    std::int64_t t0 = kMax;
    std::vector<std::int64_t> release(net.project_ids().size());
    for (std::size_t p = 0; p < release.size(); ++p) {
        release[p] = std::max(net.project_start()[p], model.status[p] == kNoDate ? kMin : model.status[p]);
        t0 = std::min(t0, release[p]);
    }
    // The axis: working minutes of the calendar of the first task that moves.
    const auto mover = std::find(model.kind.begin(), model.kind.end(), Kind::movable);
    if (mover == model.kind.end()) return std::nullopt;
    const CalendarIndex axis = net.calendar_of()[static_cast<std::size_t>(mover - model.kind.begin())];
    const WorkCalendar& cal = net.calendar(axis);
    const std::int64_t base = cal.work_index(Instant{t0});
    auto key_of = [&](std::int64_t t) { return std::max<std::int64_t>(0, cal.work_index(Instant{t}) - base); };

    // Arcs as start-to-start lags in working minutes (from = kSource: a release from the source job
    // at period 0); the grid is their gcd with durations, releases and capacity changes.
    constexpr std::int64_t kSource = -1;
    struct Arc { std::int64_t from, to, lag; };
    std::vector<Arc> arcs;
    std::int64_t span = 0, grid = 0, work = 0;  // work: the tasks' summed durations
    bool elapsed_lag = false, one_calendar = true;  // one_calendar: every moving task and working lag on the axis
    auto on_grid = [&](std::int64_t v) { grid = std::gcd(grid, v); span += std::abs(v); };
    auto fixed = [&](std::uint32_t i) { return model.kind[i] == Kind::fixed; };
    // Durations in working minutes of the axis. For a start, a task on another calendar takes the
    // axis minutes its CPM dates span (a 24/7 task of two days over a weekend: none).
    std::vector<std::int64_t> length(n);
    for (std::size_t i = 0; i < n; ++i) {
        length[i] = model.durations[i].count();
        if (use == GridUse::start && model.kind[i] != Kind::summary && !fixed(static_cast<std::uint32_t>(i)) &&
            net.calendar_of()[i] != axis && length[i] > 0)
            length[i] = key_of(model.ws.early_finish[i]) - key_of(model.ws.early_start[i]);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::int64_t d = length[i];
        if (fixed(static_cast<std::uint32_t>(i))) continue;  // a zero-length job nothing waits for
        if (model.kind[i] == Kind::summary) {
            // A summary is a zero-length job at its finish: after every child's finish (a child
            // summary's job is its finish; a fixed child's finish is a release), so a link from it
            // starts from the latest child finish.
            if (net.pred_offsets()[i] != net.pred_offsets()[i + 1]) return std::nullopt;  // links into it go to its leaves
            for (std::uint32_t c = net.child_offsets()[i]; c < net.child_offsets()[i + 1]; ++c) {
                const std::uint32_t child = net.children()[c];
                if (fixed(child)) arcs.push_back({kSource, static_cast<std::int64_t>(i), key_of(model.ws.early_finish[child])});
                else arcs.push_back({child, static_cast<std::int64_t>(i), length[child]});
                on_grid(arcs.back().lag);
            }
            continue;
        }
        on_grid(d);
        work += d;
        one_calendar = one_calendar && net.calendar_of()[i] == axis;
        if (net.start_floor()[i] != kNoDate) {  // SNET: a release, as the calendar SGS floors the start
            arcs.push_back({kSource, static_cast<std::int64_t>(i), key_of(net.start_floor()[i])});
            on_grid(arcs.back().lag);
        }
        if (net.finish_floor()[i] != kNoDate) {  // FNET: the start d working minutes before it
            arcs.push_back({kSource, static_cast<std::int64_t>(i), std::max<std::int64_t>(0, key_of(net.finish_floor()[i]) - d)});
            on_grid(arcs.back().lag);
        }
        for (std::uint32_t k = net.pred_offsets()[i]; k < net.pred_offsets()[i + 1]; ++k) {
            const std::uint32_t p = net.link_pred()[k];
            const LagUnit unit = net.link_lag_unit()[k];
            // A percent lag is a working lag of that share of the predecessor's duration; from a
            // summary it depends on the levelled span of its children.
            if (unit == LagUnit::percent && model.kind[p] == Kind::summary) return std::nullopt;
            const std::int64_t dp = length[p];
            auto pred_span = [&] { return detail::pred_duration(net, model.durations, model.ws.early_start, model.ws.early_finish, p); };
            const std::int64_t lag = detail::lag_minutes(net, k, pred_span);
            // From a summary only its finish is a job (its start is the earliest child start).
            const LinkType type = net.link_type()[k];
            const bool from_finish = type == LinkType::finish_start || type == LinkType::finish_finish;
            const bool to_finish = type == LinkType::finish_finish || type == LinkType::start_finish;
            if (model.kind[p] == Kind::summary && !from_finish) return std::nullopt;
            if (fixed(p)) {
                // From work fixed in time: the link's date, as the CPM forward pass computes it, is a release.
                const std::int64_t t = detail::lag_forward(net, k, from_finish ? model.ws.early_finish[p] : model.ws.early_start[p],
                                                           pred_span);
                arcs.push_back({kSource, static_cast<std::int64_t>(i), std::max<std::int64_t>(0, key_of(t) - (to_finish ? d : 0))});
                on_grid(arcs.back().lag);
                continue;
            }
            std::int64_t ss = 0;
            switch (type) {
                case LinkType::finish_start: ss = dp + lag; break;
                case LinkType::start_start: ss = lag; break;
                case LinkType::finish_finish: ss = dp + lag - d; break;
                case LinkType::start_finish: ss = lag - d; break;
            }
            // A negative ss (a lead, or FF/SF onto a longer successor) lets the successor start first.
            if (lag != 0 && unit == LagUnit::elapsed) elapsed_lag = true;
            if (lag != 0 && unit != LagUnit::elapsed) one_calendar = one_calendar && net.link_calendar()[k] == axis;
            on_grid(lag);
            arcs.push_back({p, static_cast<std::int64_t>(i), ss});
        }
    }
    std::vector<std::int64_t> release_key(release.size());
    for (std::size_t p = 0; p < release.size(); ++p) {
        release_key[p] = key_of(release[p]);
        on_grid(release_key[p]);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!fixed(static_cast<std::uint32_t>(i)))
            arcs.push_back({kSource, static_cast<std::int64_t>(i), release_key[net.project_of()[i].value()]});
    // Capacity changes from t0 on (availability periods, fixed work) as steps in working minutes. A
    // change inside non-working time counts from the next working minute, which is exact unless two
    // fall in one stretch of non-working time (a dip no working minute sees, but a task spanning it
    // would): then the calendar GA levels the plan.
    const std::optional<std::vector<std::int32_t>> scale = unit_scales(model, t0);
    if (!scale) return std::nullopt;
    std::vector<std::int32_t> initial(nr);
    std::vector<RcpspCapacityStep> steps;
    std::vector<std::int64_t> step_key;
    auto units = [&](std::size_t r, double free) { return static_cast<std::int32_t>(std::llround(std::max(0.0, free) * (*scale)[r])); };
    for (std::size_t r = 0; r < nr; ++r) {
        const FreeProfile& fp = model.base[r];
        std::size_t k = fp.segment(cal.start_at_work(base).minutes_since_epoch());
        initial[r] = units(r, fp.free[k]);
        std::int64_t last_key = 0;
        std::int32_t last = initial[r];
        for (++k; k < fp.time.size(); ++k) {
            const std::int64_t key = key_of(fp.time[k]);
            if (key == last_key && key > 0) return std::nullopt;  // a change no working minute sees
            if (key == 0) { last = initial[r] = units(r, fp.free[k]); continue; }
            last_key = key;
            if (units(r, fp.free[k]) == last) continue;
            last = units(r, fp.free[k]);
            on_grid(key);
            steps.push_back({static_cast<std::int32_t>(r), 0, last});
            step_key.push_back(key);
        }
    }
    if (grid <= 0) grid = 1;
    if (span / grid > 100'000'000) return std::nullopt;
    // The grid SGS checks and books capacity period by period, the calendar SGS segment by segment.
    // On a fine grid (a one-minute grid under tasks of days) the grid's pass costs the task lengths
    // in periods: past kGridPeriodsPerTask on average the calendar GA is the cheaper engine
    // (docs/leveling.md: a j60 model with one task a minute longer, 26 s against 0.15 s).
    if (work / grid > kGridPeriodsPerTask * static_cast<std::int64_t>(n)) return std::nullopt;
    if ((!one_calendar || elapsed_lag) && use == GridUse::answer) {
        // Several calendars (or elapsed lags) fit one axis only when each works every minute of the
        // window the schedule can use. For a start, lags count their minutes on the axis.
        auto always = [&](CalendarIndex c) {
            const WorkCalendar& other = net.calendar(c);
            return other.work_index(Instant{t0 + span + 1}) - other.work_index(Instant{t0}) == span + 1;
        };
        for (std::size_t i = 0; i < n; ++i)
            if (!fixed(static_cast<std::uint32_t>(i)) && !always(net.calendar_of()[i])) return std::nullopt;
        for (const CalendarIndex c : net.link_calendar())
            if (!always(c)) return std::nullopt;
    }

    RcpspData data;
    data.name = "level";
    const bool source = std::any_of(arcs.begin(), arcs.end(), [&](const Arc& a) { return a.from == kSource && a.lag > 0; });
    const std::int32_t off = source ? 1 : 0;  // job 0: the release source
    if (source) data.durations.push_back(0);
    for (std::size_t i = 0; i < n; ++i)
        data.durations.push_back(fixed(static_cast<std::uint32_t>(i)) ? 0 : static_cast<std::int32_t>(length[i] / grid));
    // Priority tiers as ranks (the source job above every task), when there are two or more.
    std::vector<std::int64_t> levels(model.tier.begin(), model.tier.end());
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    if (levels.size() > 1) {
        if (source) data.tiers.push_back(static_cast<std::int32_t>(levels.size()));
        for (std::size_t i = 0; i < n; ++i)
            data.tiers.push_back(static_cast<std::int32_t>(std::lower_bound(levels.begin(), levels.end(), model.tier[i]) - levels.begin()));
    }
    data.capacities = initial;
    for (std::size_t q = 0; q < steps.size(); ++q) {
        if (step_key[q] / grid > 10'000'000) return std::nullopt;
        steps[q].period = static_cast<std::int32_t>(step_key[q] / grid);
    }
    std::vector<std::int32_t> final_capacity = initial;
    for (const RcpspCapacityStep& st : steps) final_capacity[static_cast<std::size_t>(st.resource)] = st.capacity;
    data.capacity_steps = std::move(steps);
    data.demands.assign(data.durations.size() * nr, 0);
    for (std::size_t i = 0; i < n; ++i) {
        if (fixed(static_cast<std::uint32_t>(i))) continue;  // its work is in the capacity profile
        for (std::uint32_t q = model.demand_offsets[i]; q < model.demand_offsets[i + 1]; ++q) {
            const std::uint32_t r = model.demand_resource[q];
            auto& dm = data.demands[(i + off) * nr + r];
            dm = static_cast<std::int32_t>(dm + std::llround(model.demand_units[q] * (*scale)[r]));
            if (dm > final_capacity[r]) return std::nullopt;  // may never fit: the calendar path reports it
        }
    }
    for (const Arc& a : arcs) {
        if (a.from == kSource && !source) continue;  // every release at period 0
        data.arcs.push_back({static_cast<std::int32_t>(a.from == kSource ? 0 : a.from + off), static_cast<std::int32_t>(a.to + off),
                             static_cast<std::int32_t>(a.lag / grid)});
    }
    return GridPlan{RcpspInstance(std::move(data)), off, axis, base, grid};
}

// The RCPSP engine's schedule on the calendar model: one forward calendar-SGS pass in the order of
// its start periods. That pass starts no task later than the grid schedule does (a feasible
// schedule's start order decodes to a schedule at least as early, task by task: Valls, Ballestin
// & Quintanilla 2005), so a right-justified answer of the engine is packed to the left again, and
// milestones, summaries and pieces come out exactly as the calendar SGS places them.
Search from_grid(const Prepared& model, const LevelOptions& opt, const GridPlan& plan, const RcpspResult& res) {
    std::vector<double> key(model.n);
    for (std::size_t i = 0; i < model.n; ++i)  // fixed work first: what waits for it comes in start order
        key[i] = model.kind[i] == Kind::fixed ? -1.0 : res.start_times[i + plan.off];
    std::vector<FreeProfile> prof;
    Search out;
    run_pass(model, opt, key, prof, out.best);
    const auto lags = plan.instance.successor_lag_values();
    if (std::any_of(lags.begin(), lags.end(), [](std::int32_t lag) { return lag < 0; }) || !plan.instance.tiers().empty()) {
        // With leads a successor may start before its predecessor, and with priority tiers a task
        // of a higher tier may come before tasks that start earlier: the pass (which takes the
        // tasks in start order only as far as precedence and tiers allow) loses its no-later
        // guarantee. The engine's own schedule then competes: the same pass with every task that takes time
        // floored at its grid start puts each task with work exactly there (by induction in the
        // pass's order: its predecessors end no later than on the grid and the work placed so far
        // is the grid schedule's).
        const WorkCalendar& cal = model.net->calendar(plan.axis);
        std::vector<std::int64_t> floor(model.n, kMin);
        for (std::size_t i = 0; i < model.n; ++i)
            if (model.kind[i] == Kind::movable && model.durations[i].count() > 0)
                floor[i] = cal.start_at_work(plan.base + std::int64_t{res.start_times[i + plan.off]} * plan.grid).minutes_since_epoch();
        Pass exact;
        run_pass(model, opt, key, prof, exact, floor);
        if (better(exact, out.best, opt.objective)) out.best = std::move(exact);
    }
    out.passes = static_cast<std::int32_t>(std::min<std::int64_t>(res.schedules, INT32_MAX));
    out.best_rule = "genetic_integer_grid";
    out.cancelled = res.stop_reason == RcpspStop::cancelled;
    return out;
}

// The RCPSP engine on the plan's grid with `budget` schedules, reporting progress against
// `max_passes` (the whole run's budget; a start is its first half).
std::optional<Search> search_integer_grid(const Prepared& model, const LevelOptions& opt, std::int64_t budget, std::int32_t max_passes,
                                          GridUse use) {
    if (!grid_applies(model, opt, use)) return std::nullopt;
    const std::optional<GridPlan> plan = integer_grid(model, use);
    if (!plan) return std::nullopt;
    RcpspOptions ro;
    if (model.net->project_ids().size() > 1) {
        // Several projects: the engine minimises their weighted delay past the CPM finish, on the
        // axis (working periods; the result's delay is in elapsed minutes), and the makespan.
        const Network& net = *model.net;
        const WorkCalendar& cal = net.calendar(plan->axis);
        RcpspProjects& pr = ro.projects;
        pr.project_of.assign(static_cast<std::size_t>(plan->instance.num_jobs()), -1);
        for (std::size_t i = 0; i < model.n; ++i)
            if (model.kind[i] != Kind::fixed) pr.project_of[i + plan->off] = static_cast<std::int32_t>(net.project_of()[i].value());
        for (std::size_t p = 0; p < net.project_ids().size(); ++p) {
            const std::int64_t cpm = model.ws.project_finish[p] == kMin ? 0 : cal.work_index(Instant{model.ws.project_finish[p]}) - plan->base;
            pr.due.push_back(static_cast<std::int32_t>(std::clamp<std::int64_t>(cpm / plan->grid, 0, INT32_MAX)));
        }
        pr.weight = model.delay_weight;
        pr.makespan_first = opt.objective == LevelObjective::portfolio_finish;
    }
    ro.max_schedules = budget;
    ro.time_limit_seconds = opt.time_limit;
    ro.seed = opt.seed;
    ro.threads = std::max(1, opt.threads);
    ro.threading = RcpspThreading::children;  // level's answer does not depend on the thread count
    ro.stop = opt.stop;
    // The first population starts from the priority rules' orders, as on the calendar model.
    std::vector<double> key, priority(static_cast<std::size_t>(plan->instance.num_jobs()), -1.0);
    for (std::int32_t rule = 0; rule < kRuleCount; ++rule) {
        rule_keys(model, rule, key);
        for (std::size_t i = 0; i < model.n; ++i) priority[i + plan->off] = model.kind[i] == Kind::fixed ? -1.0 : key[i];
        ro.initial_lists.push_back(activity_list_from_priorities(plan->instance, priority));
    }
    if (opt.progress)
        ro.progress = [&](const RcpspProgress& p) {
            if (opt.stop.stop_requested()) return;  // cancelled: the engine's closing report is not passed on
            opt.progress({.passes = static_cast<std::int32_t>(std::min<std::int64_t>(p.schedules, INT32_MAX)),
                          .max_passes = max_passes, .best_total_delay = 0, .on_grid = true});
        };
    const RcpspResult res = solve_rcpsp(plan->instance, ro);
    if (res.start_times.empty()) return std::nullopt;
    return from_grid(model, opt, *plan, res);
}

Search search_genetic(const Prepared& model, const LevelOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    const std::size_t n = model.n;
    const std::int64_t budget = std::max<std::int64_t>(1, options.schedules > 0 ? options.schedules : default_schedules(n));
    const auto max_passes = static_cast<std::int32_t>(std::min<std::int64_t>(budget, INT32_MAX));
    // Population: budget^0.9 / 60 between 16 and 200 (the RCPSP engine's rule before its size factor).
    const auto pop = static_cast<std::int32_t>(std::clamp(std::pow(static_cast<double>(budget), 0.9) / 60.0, 16.0, 200.0));
    const std::size_t threads = static_cast<std::size_t>(std::max(1, options.threads));
    // The one-pass heuristic's figures, for the comparison every result reports, and the schedule
    // the GA's answer is never worse than.
    std::vector<double> key(n);
    std::vector<FreeProfile> prof;
    Pass first;
    rule_keys(model, 0, key);
    run_pass(model, options, key, prof, first);
    // `s` keeps the one-pass schedule when that is better, or (`ties` true) as good.
    auto no_worse_than_one_pass = [&](Search& s, bool ties) {
        s.one_pass_finish = first.finish_max;
        s.one_pass_total_delay = first.total_delay;
        if (ties ? !better(s.best, first, options.objective) : better(first, s.best, options.objective)) {
            s.best = first;
            s.best_rule = kRuleNames[0];
        }
    };
    // A plan the grid holds (one project or several) is levelled there. One it holds only in part:
    // the grid GA starts the calendar GA, which goes on for the plan as a whole (caps, calendars,
    // splits).
    if (auto grid = search_integer_grid(model, options, budget, max_passes, GridUse::answer)) {
        no_worse_than_one_pass(*grid, false);
        return std::move(*grid);
    }
    // Half the budget (and time) to the grid GA, the rest to the calendar GA seeded with its schedule.
    std::optional<Search> grid_start;
    if (budget >= 4 * static_cast<std::int64_t>(pop)) {
        LevelOptions half = options;  // and half the time limit
        if (half.time_limit > 0.0) half.time_limit /= 2.0;
        grid_start = search_integer_grid(model, half, budget / 2, max_passes, GridUse::start);
    }
    if (grid_start && grid_start->cancelled) return std::move(*grid_start);
    const std::int64_t used = grid_start ? grid_start->passes : 0;

    // The first population starts from the priority rules' orders (and the grid GA's start order).
    RcpspOptions ro;
    ro.max_schedules = std::max<std::int64_t>(1, budget - used);
    if (options.time_limit > 0.0)
        ro.time_limit_seconds = std::max(1e-3, options.time_limit - std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    ro.seed = options.seed;
    ro.stop = options.stop;
    std::vector<std::uint32_t> list;
    for (std::int32_t rule = 0; rule < kRuleCount; ++rule) {
        rule_keys(model, rule, key);
        list_by_keys(key, list);
        ro.initial_lists.emplace_back(list.begin(), list.end());
    }
    if (grid_start) ro.initial_lists.emplace_back(grid_start->best.order.begin(), grid_start->best.order.end());
    // The rest of the first population: random lists around the latest starts, each with its own
    // noise of up to 0.25-3 mean durations (on large tiered portfolios, where the first population is
    // most of a small budget, better starts than the engine's regret sampling on LFT: 3,000 tasks
    // 15,481.6 against 15,546.5 days of total delay, docs/leveling.md).
    for (std::size_t c = ro.initial_lists.size(); c < static_cast<std::size_t>(pop); ++c) {
        detail::SplitMix64 rng = detail::SplitMix64::stream(options.seed, c);
        const double spread = model.mean_duration * (0.25 + 2.75 * rng.unit());
        for (std::size_t i = 0; i < n; ++i) key[i] = static_cast<double>(model.ws.late_start[i]) + spread * rng.unit();
        list_by_keys(key, list);
        ro.initial_lists.emplace_back(list.begin(), list.end());
    }
    if (options.progress)
        ro.progress = [&](const RcpspProgress& p) {
            options.progress({.passes = static_cast<std::int32_t>(std::min<std::int64_t>(used + p.schedules, INT32_MAX)), .max_passes = max_passes});
        };
    detail::GaShared shared;
    shared.options = &ro;
    shared.lft.assign(model.ws.late_finish.begin(), model.ws.late_finish.end());
    shared.started = std::chrono::steady_clock::now();
    shared.total_budget = ro.max_schedules;
    shared.progress_step = std::max<std::int64_t>(1, ro.max_schedules / 100);
    const CalendarDecoder decoder(model, options);
    detail::GaIsland<CalendarDecoder> island(shared, decoder, 0, ro.max_schedules, pop, threads);
    island.run();

    Search out;
    out.passes = static_cast<std::int32_t>(std::min<std::int64_t>(used + island.used(), INT32_MAX));
    out.cancelled = island.stop_reason() == RcpspStop::cancelled;
    out.best_rule = "genetic";
    if (island.has_answer()) {  // its list decodes to the schedule the GA ranked
        CalendarDecoder again(model, options);
        std::vector<std::int32_t> starts(n);
        again.forward(island.best_list(), starts);
        out.best = again.forward_pass();
    } else {
        out.best = first;
        out.best_rule = kRuleNames[0];
    }
    if (grid_start && better(grid_start->best, out.best, options.objective)) {
        out.best = std::move(grid_start->best);
        out.best_rule = grid_start->best_rule;
    }
    no_worse_than_one_pass(out, true);  // as good as one pass: the heuristic's schedule, by name
    if (options.progress && !out.cancelled) options.progress({.passes = out.passes, .max_passes = max_passes});
    return out;
}

}  // namespace

std::int64_t default_schedules(std::size_t tasks) noexcept {
    // Passes grow faster than linearly with the tasks (a task crosses more conflicts on a busier
    // profile; about 4 ms at 3,000 tasks, 35 ms at 20,000, docs/leveling.md): 5,000 schedules up
    // to ~370 tasks, then a budget that keeps a default run well under a second (3,000 tasks:
    // 77), at least 50.
    const double n = static_cast<double>(std::max<std::size_t>(tasks, 1));
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(7e8 / (n * n)), 50, 5000);
}

namespace {

// Whether the dates of `pass` break link k into task i (its start for FS/SS, its finish for FF/SF,
// compared in working time on the task's calendar, as the forward pass places it).
bool breaks_link(const Prepared& model, const Pass& pass, std::uint32_t k, std::uint32_t i) {
    const Network& net = *model.net;
    const std::uint32_t p = net.link_pred()[k];
    const LinkType lt = net.link_type()[k];
    const bool from_finish = lt == LinkType::finish_start || lt == LinkType::finish_finish;
    const bool to_start = lt == LinkType::finish_start || lt == LinkType::start_start;
    const std::int64_t bound = lag_forward(model, pass, k, from_finish ? pass.finish[p] : pass.start[p]);
    const WorkCalendar& cal = net.calendar(net.calendar_of()[i]);
    if (pass.finish[i] == pass.start[i]) return milestone_forward(cal, bound) > pass.start[i];
    return cal.work_index(Instant{bound}) > cal.work_index(Instant{to_start ? pass.start[i] : pass.finish[i]});
}

// Tasks held where they are (in progress, or by a hard constraint: MSO / MFO keep their dates,
// SNLT / FNLT cap them) while levelling delayed a predecessor past them: the link breaks, as in
// MS Project and P6 (negative float). Named, with the predecessor; links the CPM dates already
// broke are the schedule's constraint conflicts.
void warn_links_into_held(const Prepared& model, const Pass& best, LevelResult& out) {
    const Network& net = *model.net;
    Pass cpm;
    cpm.start = model.ws.early_start;
    cpm.finish = model.ws.early_finish;
    for (std::uint32_t i = 0; i < model.n; ++i) {
        const ProgressState state = net.progress_state()[i];
        const ConstraintType ct = net.constraint_type()[i];
        const bool capped = ct == ConstraintType::start_no_later_than || ct == ConstraintType::finish_no_later_than;
        if (model.kind[i] == Kind::summary || state == ProgressState::complete || (model.kind[i] != Kind::fixed && !capped)) continue;
        const bool started = state == ProgressState::in_progress;
        for (std::uint32_t k = net.pred_offsets()[i]; k < net.pred_offsets()[i + 1]; ++k) {
            const LinkType lt = net.link_type()[k];
            if (started && (lt == LinkType::finish_start || lt == LinkType::start_start)) continue;  // its start is a fact
            if (!breaks_link(model, best, k, i) || breaks_link(model, cpm, k, i)) continue;
            const std::string held = started ? "its progress" : "its " + std::string(to_string(ct)) + " " + to_string(Instant{net.constraint_date()[i]});
            out.warnings.push_back("task " + out.task_id[i].str() + " is held by " + held + " but levelling delayed its predecessor " +
                                   out.task_id[net.link_pred()[k]].str() + ": their " + std::string(to_string(lt)) +
                                   " link breaks (negative float)");
        }
    }
}

LevelResult level_on(const Portfolio& portfolio, const Network& net, const LevelOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    const Prepared model = prepare(portfolio, net, options);
    const std::size_t n = model.n;

    LevelResult out;
    Search found = options.method == LevelMethod::priority ? search_priority(model, options) : search_genetic(model, options);
    const Pass& best = found.best;
    const bool cancelled = found.cancelled;
    out.passes = found.passes;
    out.best_pass = found.best_pass;
    out.best_rule = found.best_rule;
    out.method = options.method;
    out.one_pass_total_project_delay = Duration{found.one_pass_total_delay};

    // Result arrays.
    out.task_id.assign(net.task_ids().begin(), net.task_ids().end());
    out.project.assign(net.project_of().begin(), net.project_of().end());
    out.is_summary.assign(net.is_summary().begin(), net.is_summary().end());
    out.start.resize(n);
    out.finish.resize(n);
    out.cpm_start.resize(n);
    out.cpm_finish.resize(n);
    out.delay.resize(n);
    out.is_split.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        out.start[i] = Instant{best.start[i]};
        out.finish[i] = Instant{best.finish[i]};
        out.cpm_start[i] = Instant{model.ws.early_start[i]};
        out.cpm_finish[i] = Instant{model.ws.early_finish[i]};
        const WorkCalendar& cal = net.calendar(net.calendar_of()[i]);
        out.delay[i] = out.is_summary[i] ? Duration{0} : cal.work_between(out.cpm_start[i], out.start[i]);
        out.is_split[i] = best.piece_off[i + 1] - best.piece_off[i] > 1;
        if (best.over[i])
            out.warnings.push_back("task " + out.task_id[i].str() + ": no resource-feasible start " +
                                   (options.within_float ? "within its float" : "found") + "; left at its earliest start");
    }
    warn_links_into_held(model, best, out);
    // A date past 9999-12-31 (or before 1400) is the model's doing: name the task, as schedule() does.
    const Instant lo = Instant::at(first_supported_date()), hi = Instant::at(last_supported_date() + 1);
    for (std::size_t i = 0; i < n; ++i)
        if (out.start[i] < lo || out.finish[i] > hi || out.cpm_finish[i] > hi)
            throw ModelError::invalid_value("dates of task", out.task_id[i].str(),
                                            "a levelled date falls outside the years ppm supports (1400-9999): a duration, lag, "
                                            "calendar or the levelling delay pushes it there");
    out.piece_offsets = best.piece_off;
    for (std::size_t k = 0; k < best.piece_s.size(); ++k) {
        out.piece_start.emplace_back(best.piece_s[k]);
        out.piece_finish.emplace_back(best.piece_f[k]);
    }
    const std::size_t np = net.project_ids().size();
    out.project_id.assign(net.project_ids().begin(), net.project_ids().end());
    out.project_cpm_finish.resize(np);
    out.project_finish.resize(np);
    out.project_delay.resize(np);
    std::int64_t cpm_fin = kMin, lev_fin = kMin;
    for (std::size_t p = 0; p < np; ++p) {
        const std::int64_t cf = model.ws.project_finish[p];
        const std::int64_t lf = best.project_finish[p] == kMin ? cf : best.project_finish[p];
        out.project_cpm_finish[p] = Instant{cf};
        out.project_finish[p] = Instant{lf};
        out.project_delay[p] = Duration{lf - cf};
        out.total_project_delay += out.project_delay[p];
        out.weighted_project_delay += model.delay_weight[p] * static_cast<double>(out.project_delay[p].count());
        cpm_fin = std::max(cpm_fin, cf);
        lev_fin = std::max(lev_fin, lf);
    }
    out.portfolio_cpm_finish = Instant{cpm_fin == kMin ? 0 : cpm_fin};
    out.portfolio_finish = Instant{lev_fin == kMin ? 0 : lev_fin};
    out.one_pass_portfolio_finish = found.one_pass_finish == kMin ? out.portfolio_finish : Instant{found.one_pass_finish};
    analyse(portfolio, model, options, out);
    out.status = cancelled ? LevelStatus::cancelled
                           : (out.over_allocations.empty() ? LevelStatus::levelled : LevelStatus::over_allocated);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

}  // namespace

LevelResult level(const Portfolio& portfolio, const LevelOptions& options) {
    // As schedule() does: grow the calendar horizon when the levelled dates run past it (yearly
    // exceptions are compiled only inside it) or before it, and level again.
    NetworkOptions nopt = options.schedule.network;
    for (int attempt = 0;; ++attempt) {
        try {
            const Network net(portfolio, nopt);
            LevelResult r = level_on(portfolio, net, options);
            const bool past = net.has_yearly_exceptions() && !portfolio.projects.empty() &&
                              r.portfolio_finish >= Instant::at(net.horizon_last_day() + 1);
            // The dates are exact either way (issue 23); growing only speeds up the calendars, and
            // only while they would lay the horizon out (WorkCalendar::kMaxLayoutDays).
            const std::int64_t grown = std::int64_t{r.portfolio_finish.date() - net.horizon_first_day()} + 366;
            if (!past || attempt >= 6 || r.status == LevelStatus::cancelled || grown > WorkCalendar::kMaxLayoutDays) return r;
            nopt.days_after += (r.portfolio_finish.date() - net.horizon_last_day()) + 366;
        } catch (const ModelError& e) {
            if (e.code() != ErrorCode::horizon_exceeded || attempt >= 6) throw;
            nopt.days_before *= 4;
        }
    }
}

ScheduleResult to_schedule_result(const LevelResult& r) {
    ScheduleResult s;
    const std::size_t n = r.task_id.size();
    s.task_id = r.task_id;
    s.project = r.project;
    s.early_start = r.start;
    s.early_finish = r.finish;
    s.late_start = r.start;
    s.late_finish = r.finish;
    s.total_float.assign(n, Duration{0});
    s.free_float.assign(n, Duration{0});
    s.critical.assign(n, 0);
    s.is_summary = r.is_summary;
    s.is_milestone.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) s.is_milestone[i] = !r.is_summary[i] && r.start[i] == r.finish[i];
    s.driving_predecessor.assign(n, TaskIndex{});
    s.duration.resize(n);
    s.project_id = r.project_id;
    s.project_start.assign(r.project_id.size(), Instant{std::numeric_limits<std::int64_t>::max()});
    for (std::size_t i = 0; i < n; ++i)
        s.project_start[r.project[i].value()] = std::min(s.project_start[r.project[i].value()], r.start[i]);
    s.project_finish = r.project_finish;
    s.longest_path.resize(r.project_id.size());
    s.finish = r.portfolio_finish;
    return s;
}

std::string_view to_string(LevelMethod m) noexcept { return m == LevelMethod::genetic ? "genetic" : "priority"; }

std::string_view to_string(LevelObjective o) noexcept {
    return o == LevelObjective::total_project_delay ? "total_project_delay" : "portfolio_finish";
}

std::string_view to_string(LevelStatus s) noexcept {
    switch (s) {
        case LevelStatus::levelled: return "levelled";
        case LevelStatus::over_allocated: return "over_allocated";
        case LevelStatus::cancelled: return "cancelled";
    }
    return "levelled";
}

}  // namespace ppm
