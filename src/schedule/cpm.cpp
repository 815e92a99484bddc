// CPM forward and backward passes (Kelley & Walker 1959; PMBOK Guide 6th ed. §6.5.2.2) on the
// precedence diagramming method with FS/SS/FF/SF links and lags, each task in its own working
// calendar. Dates are compared through each calendar's W(t) (working minutes since the horizon
// start): a task's early start is the latest s with W(s) = K (the start of work) and its early
// finish the earliest f with W(f) = K + d (the end of work), the MS Project / P6 convention
// documented in docs/calendars.md. Semantics of constraints, progress and summaries are in
// docs/scheduling.md.
#include "ppm/schedule/cpm.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <span>

#include "ppm/core/error.hpp"
#include "ppm/schedule/detail/link_arithmetic.hpp"

namespace ppm {

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::uint32_t kNoLink = std::numeric_limits<std::uint32_t>::max();

using detail::lag_backward;
using detail::lag_forward;
using detail::milestone_backward;
using detail::milestone_forward;
using detail::span_children;  // children come before their summary in topological order

// Duration used for percent lags: the predecessor's planned duration, or its CPM span for summaries.
inline std::int64_t pred_duration(const Network& net, std::span<const Duration> durations, const CpmWorkspace& ws,
                                  std::uint32_t p) {
    return detail::pred_duration(net, durations, ws.early_start, ws.early_finish, p);
}

struct Placement {
    std::int64_t start, finish;
    std::int64_t finish_key = kMin;  // W(finish) when the placement knows it
};

// Start/finish of a task of duration d whose work begins at working minute K.
inline Placement place(const WorkCalendar& cal, std::int64_t key, std::int64_t d) {
    return {cal.start_at_work(key).minutes_since_epoch(), cal.finish_at_work(key + d).minutes_since_epoch()};
}

// ---- forward pass -------------------------------------------------------------------------------
// The steps of forward() below. All are inline helpers of one call site each: after inlining the
// loop is the one it was (no calls, no allocation); `ForwardInputs` only names the spans it reads.

/// The network's columns the forward pass reads, fetched once per pass.
struct ForwardInputs {
    const Network& net;
    std::span<const Duration> durations;
    std::span<const std::uint32_t> pred_offsets, link_pred;
    std::span<const CalendarIndex> calendar_of;
    std::span<const ProjectIndex> project_of;
    std::span<const CalendarIndex> link_calendar;
    std::span<const LinkType> link_type;
    std::span<const LagUnit> lag_unit;
    std::span<const std::int64_t> link_lag;
    std::span<const WorkCalendar> calendars;
    std::span<const ProgressState> progress_state;
    std::span<const ConstraintType> constraint_type;
    std::span<const std::int64_t> constraint_date, start_floor, finish_floor;
    std::int64_t status_override;  ///< the options' status date (kNoDate: each project's own)
    bool retained;                 ///< retained logic: in-progress tasks still follow their links
};

inline ForwardInputs forward_inputs(const Network& net, std::span<const Duration> durations, const ScheduleOptions& opt) {
    return {.net = net,
            .durations = durations,
            .pred_offsets = net.pred_offsets(),
            .link_pred = net.link_pred(),
            .calendar_of = net.calendar_of(),
            .project_of = net.project_of(),
            .link_calendar = net.link_calendar(),
            .link_type = net.link_type(),
            .lag_unit = net.link_lag_unit(),
            .link_lag = net.link_lag(),
            .calendars = net.calendars(),
            .progress_state = net.progress_state(),
            .constraint_type = net.constraint_type(),
            .constraint_date = net.constraint_date(),
            .start_floor = net.start_floor(),
            .finish_floor = net.finish_floor(),
            .status_override = opt.status_date ? opt.status_date->minutes_since_epoch() : kNoDate,
            .retained = opt.progress_mode == ProgressMode::retained_logic};
}

/// The latest start-type and finish-type candidates of a task's links (dates or keys), with the
/// links that give them; the first link wins a tie.
struct LinkCandidates {
    std::int64_t start = kMin, finish = kMin;
    std::uint32_t start_link = kNoLink, finish_link = kNoLink;

    void offer(LinkType type, std::int64_t value, std::uint32_t link) {
        if (type == LinkType::finish_start || type == LinkType::start_start) {
            if (value > start) { start = value; start_link = link; }
        } else if (value > finish) {
            finish = value;
            finish_link = link;
        }
    }
};

inline bool from_finish(LinkType type) { return type == LinkType::finish_start || type == LinkType::finish_finish; }

/// Constraints that can move a task before its logic (they win over it, flagged as a conflict).
inline bool is_hard_constraint(ConstraintType ct) {
    return ct == ConstraintType::must_start_on || ct == ConstraintType::must_finish_on ||
           ct == ConstraintType::start_no_later_than || ct == ConstraintType::finish_no_later_than;
}

/// The status date of task i's project (the options' one when given).
inline std::int64_t status_date_of(const ForwardInputs& in, std::uint32_t i) {
    return in.status_override != kNoDate ? in.status_override : in.net.project_status_date()[in.project_of[i].value()];
}

/// Per project: the earliest start of a not-started task (project start, status date) and its key.
inline void set_project_floors(const ForwardInputs& in, CpmWorkspace& ws) {
    const Network& net = in.net;
    for (std::size_t p = 0; p < ws.floor_key.size(); ++p) {
        const std::int64_t status = in.status_override != kNoDate ? in.status_override : net.project_status_date()[p];
        ws.floor_instant[p] = std::max(net.project_start()[p], status);
        ws.floor_key[p] = in.calendars[net.project_calendar()[p].value()].work_index(Instant{ws.floor_instant[p]});
    }
}

/// A summary spans its children.
inline void forward_summary(const Network& net, CpmWorkspace& ws, std::uint32_t i) { span_children(net, i, ws.early_start, ws.early_finish); }

/// A complete task keeps its actual dates.
inline void forward_complete(const Network& net, const WorkCalendar& cal, CpmWorkspace& ws, std::uint32_t i) {
    ws.early_start[i] = net.actual_start()[i];
    ws.early_finish[i] = net.actual_finish()[i];
    ws.start_key[i] = cal.work_index(Instant{ws.early_start[i]});
    ws.finish_key[i] = cal.work_index(Instant{ws.early_finish[i]});
}

/// Link candidates of task i in working-time keys of its calendar `ci`: a link on the same calendar
/// as both tasks is plain integer arithmetic on W (no calendar lookup).
inline LinkCandidates link_keys(const ForwardInputs& in, const CpmWorkspace& ws, std::uint32_t i, CalendarIndex ci,
                                const WorkCalendar& cal) {
    LinkCandidates best;
    for (std::uint32_t k = in.pred_offsets[i]; k < in.pred_offsets[i + 1]; ++k) {
        const std::uint32_t p = in.link_pred[k];
        const LinkType lt = in.link_type[k];
        const bool finish = from_finish(lt);
        std::int64_t w;
        if (in.lag_unit[k] == LagUnit::working && in.link_calendar[k] == ci && in.calendar_of[p] == ci && !in.net.is_summary()[p]) {
            w = (finish ? ws.finish_key[p] : ws.start_key[p]) + in.link_lag[k];
        } else {
            const std::int64_t src = finish ? ws.early_finish[p] : ws.early_start[p];
            w = cal.work_index(Instant{lag_forward(in.net, k, src, [&] { return pred_duration(in.net, in.durations, ws, p); })});
        }
        best.offer(lt, w, k);
    }
    return best;
}

/// The common case: not started, duration d > 0, no hard constraint; placed in working-time keys
/// of the task's calendar from its links, its project's floor and its SNET/FNET floors.
inline void forward_plain(const ForwardInputs& in, CpmWorkspace& ws, std::uint32_t i, CalendarIndex ci, const WorkCalendar& cal,
                          std::int64_t d) {
    const LinkCandidates links = link_keys(in, ws, i, ci, cal);
    const std::uint32_t pj = in.project_of[i].value();
    std::int64_t key = ci == in.net.project_calendar()[pj] ? ws.floor_key[pj] : cal.work_index(Instant{ws.floor_instant[pj]});
    if (in.start_floor[i] != kNoDate) key = std::max(key, cal.work_index(Instant{in.start_floor[i]}));
    std::uint32_t drive = kNoLink;
    if (links.start_link != kNoLink && links.start >= key) { key = links.start; drive = links.start_link; }
    if (links.finish_link != kNoLink && (links.finish - d > key || (links.finish - d == key && drive == kNoLink))) {
        key = links.finish - d;
        drive = links.finish_link;
    }
    if (in.finish_floor[i] != kNoDate) {
        const std::int64_t w = cal.work_index(Instant{in.finish_floor[i]}) - d;
        if (w > key) { key = w; drive = kNoLink; }
    }
    ws.early_start[i] = cal.start_at_work(key).minutes_since_epoch();
    ws.early_finish[i] = cal.finish_at_work(key + d).minutes_since_epoch();
    ws.start_key[i] = key;
    ws.finish_key[i] = key + d;
    ws.driving[i] = drive;
}

/// Link candidates of task i as instants (each link through its own lag calendar).
inline LinkCandidates link_dates(const ForwardInputs& in, const CpmWorkspace& ws, std::uint32_t i) {
    LinkCandidates best;
    for (std::uint32_t k = in.pred_offsets[i]; k < in.pred_offsets[i + 1]; ++k) {
        const std::uint32_t p = in.link_pred[k];
        const LinkType lt = in.link_type[k];
        const std::int64_t src = from_finish(lt) ? ws.early_finish[p] : ws.early_start[p];
        best.offer(lt, lag_forward(in.net, k, src, [&] { return pred_duration(in.net, in.durations, ws, p); }), k);
    }
    return best;
}

/// In progress: started at its actual start; the rest of the work from the status date (or, without
/// one, after the work done), later when retained logic says so.
inline void forward_in_progress(const ForwardInputs& in, const WorkCalendar& cal, CpmWorkspace& ws, std::uint32_t i, std::int64_t d,
                                std::int64_t status, const LinkCandidates& logic) {
    const Network& net = in.net;
    const std::int64_t as = net.actual_start()[i];
    std::int64_t key = status != kNoDate ? cal.work_index(Instant{std::max(status, as)})
                                         : cal.work_index(Instant{as}) + std::max<std::int64_t>(0, net.planned_duration()[i] - d);
    std::uint32_t drive = kNoLink;
    if (logic.start_link != kNoLink && cal.work_index(Instant{logic.start}) > key) {
        key = cal.work_index(Instant{logic.start});
        drive = logic.start_link;
    }
    if (logic.finish_link != kNoLink && cal.work_index(Instant{logic.finish}) - d > key) {
        key = cal.work_index(Instant{logic.finish}) - d;
        drive = logic.finish_link;
    }
    ws.early_start[i] = as;
    ws.early_finish[i] = d > 0 ? std::max(as, cal.finish_at_work(key + d).minutes_since_epoch())
                               : std::max(as, status != kNoDate ? status : as);
    ws.driving[i] = drive;
    ws.start_key[i] = cal.work_index(Instant{as});
    ws.finish_key[i] = cal.work_index(Instant{ws.early_finish[i]});
}

/// Early dates of a not-started task, the link that drives them and W(EF) when known without
/// another lookup (kMin otherwise).
struct EarlyDates {
    std::int64_t start, finish;
    std::int64_t finish_key = kMin;
    std::uint32_t drive = kNoLink;
};

/// Not started, by logic, project start, status date and SNET/FNET (before hard constraints).
inline EarlyDates place_by_logic(const ForwardInputs& in, const WorkCalendar& cal, std::uint32_t i, std::int64_t d,
                                 std::int64_t status, const LinkCandidates& logic) {
    std::int64_t floor_start = in.net.project_start()[in.project_of[i].value()];
    if (status != kNoDate) floor_start = std::max(floor_start, status);
    if (in.start_floor[i] != kNoDate) floor_start = std::max(floor_start, in.start_floor[i]);
    const std::int64_t floor_finish = in.finish_floor[i] != kNoDate ? in.finish_floor[i] : kMin;
    EarlyDates out{};
    if (d > 0) {
        // Instants order like their W values, so one lookup serves the latest start candidate.
        std::int64_t key;
        if (logic.start_link != kNoLink && logic.start >= floor_start) {
            key = cal.work_index(Instant{logic.start});
            out.drive = logic.start_link;
        } else {
            key = cal.work_index(Instant{floor_start});
            if (logic.start_link != kNoLink && cal.work_index(Instant{logic.start}) == key) out.drive = logic.start_link;  // a tie in working time
        }
        if (logic.finish_link != kNoLink) {
            const std::int64_t w = cal.work_index(Instant{logic.finish}) - d;
            if (w > key || (w == key && out.drive == kNoLink)) { key = w; out.drive = logic.finish_link; }
        }
        if (floor_finish != kMin) {
            const std::int64_t w = cal.work_index(Instant{floor_finish}) - d;
            if (w > key) { key = w; out.drive = kNoLink; }
        }
        const Placement pl = place(cal, key, d);
        out.start = pl.start;
        out.finish = pl.finish;
        out.finish_key = key + d;
    } else {
        std::int64_t t = floor_start;
        if (logic.start_link != kNoLink && logic.start >= t) { t = logic.start; out.drive = logic.start_link; }
        if (logic.finish_link != kNoLink && logic.finish > t) { t = logic.finish; out.drive = logic.finish_link; }
        if (floor_finish > t) { t = floor_finish; out.drive = kNoLink; }
        out.start = out.finish = milestone_forward(cal, t);
    }
    return out;
}

/// Hard constraints win over logic (MSO/SNLT on the start, MFO/FNLT on the finish); a constraint
/// date earlier than logic allows is flagged in `conflict`.
inline void apply_hard_constraint(const ForwardInputs& in, const WorkCalendar& cal, std::uint32_t i, std::int64_t d,
                                  EarlyDates& dates, std::uint8_t& conflict) {
    const ConstraintType ct = in.constraint_type[i];
    if (ct == ConstraintType::must_start_on || ct == ConstraintType::start_no_later_than) {
        const std::int64_t date = in.constraint_date[i];
        // A milestone's date is an instant (its predecessors must reach it, docs/scheduling.md):
        // compared as one, since working time may not tell two instants apart.
        const bool late = d > 0 ? cal.work_index(Instant{dates.start}) > cal.work_index(Instant{date})
                                : dates.start > milestone_forward(cal, date);
        if (ct == ConstraintType::must_start_on || late) {
            if (late) conflict = 1;
            dates.finish_key = kMin;
            if (d > 0) {
                const Placement pl = place(cal, cal.work_index(Instant{date}), d);
                dates.start = pl.start;
                dates.finish = pl.finish;
            } else {
                dates.start = dates.finish = milestone_forward(cal, date);
            }
            dates.drive = kNoLink;
        }
    } else if (ct == ConstraintType::must_finish_on || ct == ConstraintType::finish_no_later_than) {
        const std::int64_t date = in.constraint_date[i];
        const bool late = d > 0 ? cal.work_index(Instant{dates.finish}) > cal.work_index(Instant{date})
                                : dates.finish > milestone_backward(cal, date);
        if (ct == ConstraintType::must_finish_on || late) {
            if (late) conflict = 1;
            dates.finish_key = kMin;
            if (d > 0) {
                const Placement pl = place(cal, cal.work_index(Instant{date}) - d, d);
                dates.start = pl.start;
                dates.finish = pl.finish;
            } else {
                dates.start = dates.finish = milestone_backward(cal, date);
            }
            dates.drive = kNoLink;
        }
    }
}

/// Not started, the general case: logic and floors, then hard constraints.
inline void forward_not_started(const ForwardInputs& in, const WorkCalendar& cal, CpmWorkspace& ws, std::uint32_t i, std::int64_t d,
                                std::int64_t status, const LinkCandidates& logic) {
    EarlyDates dates = place_by_logic(in, cal, i, d, status, logic);
    apply_hard_constraint(in, cal, i, d, dates, ws.conflict[i]);
    ws.early_start[i] = dates.start;
    ws.early_finish[i] = dates.finish;
    ws.start_key[i] = cal.work_index(Instant{dates.start});
    ws.finish_key[i] = dates.finish_key != kMin ? dates.finish_key : cal.work_index(Instant{dates.finish});
    ws.driving[i] = dates.drive;
}

void forward(const Network& net, std::span<const Duration> durations, CpmWorkspace& ws, const ScheduleOptions& opt) {
    const ForwardInputs in = forward_inputs(net, durations, opt);  // the network's columns, fetched once
    set_project_floors(in, ws);  // per project: earliest start of a not-started task and its key
    for (const std::uint32_t i : net.topological_order()) {
        ws.driving[i] = kNoLink;
        ws.conflict[i] = 0;
        if (net.is_summary()[i]) {
            forward_summary(net, ws, i);  // the span of its children
            continue;
        }
        const ProgressState state = in.progress_state[i];
        const CalendarIndex ci = in.calendar_of[i];
        const WorkCalendar& cal = in.calendars[ci.value()];
        if (state == ProgressState::complete) {
            forward_complete(net, cal, ws, i);  // its actual dates
            continue;
        }
        const std::int64_t d = durations[i].count();
        if (state == ProgressState::not_started && d > 0 && !is_hard_constraint(in.constraint_type[i])) {
            forward_plain(in, ws, i, ci, cal, d);  // the common case, in working-time keys
            continue;
        }
        // Logic as instants: the latest start-type and finish-type candidates from the links.
        const LinkCandidates logic =
            state == ProgressState::not_started || in.retained ? link_dates(in, ws, i) : LinkCandidates{};
        const std::int64_t status = status_date_of(in, i);
        if (state == ProgressState::in_progress) forward_in_progress(in, cal, ws, i, d, status, logic);  // from the actual start
        else forward_not_started(in, cal, ws, i, d, status, logic);  // logic, floors, then hard constraints
    }
}

// ---- backward pass ------------------------------------------------------------------------------
// The steps of backward() below, as forward()'s: inline helpers of one call site each, so the loop
// is the one it was; `BackwardInputs` only names the spans it reads. `Bounds`, `successor_bounds`
// and `place_late` serve shift_alap() too.

// Late bounds of task i from its successors (using `start_of`/`finish_of` dates), its summary
// parent and its project: the minimum start-type and finish-type instants (or working-time keys).
struct Bounds {
    std::int64_t start = kMax, finish = kMax;
};

template <class StartOf, class FinishOf>
inline Bounds successor_bounds(const Network& net, std::span<const Duration> durations, const CpmWorkspace& ws,
                               std::uint32_t i, bool retained, StartOf start_of, FinishOf finish_of) {
    Bounds b;
    const auto so = net.succ_offsets();
    const auto sl = net.succ_links();
    for (std::uint32_t q = so[i]; q < so[i + 1]; ++q) {
        const std::uint32_t k = sl[q];
        const std::uint32_t j = net.link_succ()[k];
        const ProgressState sj = net.progress_state()[j];
        if (sj == ProgressState::complete || (sj == ProgressState::in_progress && !retained)) continue;
        const LinkType lt = net.link_type()[k];
        const bool to_start = lt == LinkType::finish_start || lt == LinkType::start_start;
        std::int64_t dst = to_start ? start_of(j) : finish_of(j);
        // A finish may sit anywhere in its task's following non-working time without changing
        // its working-time position: bound from the latest such instant (as the forward pass
        // reads it). A milestone's date is an instant its predecessors must reach, whatever
        // their calendars (docs/scheduling.md, "Late dates across calendars").
        if (!to_start && durations[j].count() > 0)
            dst = net.calendar(net.calendar_of()[j]).next_work_start(Instant{dst}).minutes_since_epoch();
        const std::int64_t x = lag_backward(net, k, dst, [&] { return pred_duration(net, durations, ws, i); });
        if (lt == LinkType::finish_start || lt == LinkType::finish_finish) b.finish = std::min(b.finish, x);
        else b.start = std::min(b.start, x);
    }
    return b;
}

// Latest placement of a task of duration d under the bounds.
inline Placement place_late(const WorkCalendar& cal, const Bounds& b, std::int64_t d) {
    if (d == 0) {
        const std::int64_t t = milestone_backward(cal, std::min(b.start, b.finish));
        return {t, t};
    }
    std::int64_t key = kMax;
    if (b.finish != kMax) key = cal.work_index(Instant{b.finish});
    if (b.start != kMax) key = std::min(key, cal.work_index(Instant{b.start}) + d);
    return {cal.start_at_work(key - d).minutes_since_epoch(), cal.finish_at_work(key).minutes_since_epoch(), key};
}

// The late-finish anchor of project p: its deadline, else its early finish.
inline std::int64_t anchor(const Network& net, const CpmWorkspace& ws, std::size_t p) {
    return net.project_deadline()[p] != kNoDate ? net.project_deadline()[p] : ws.project_finish[p];
}

/// The network's columns the backward pass reads, fetched once per pass.
struct BackwardInputs {
    const Network& net;
    std::span<const Duration> durations;
    std::span<const std::uint32_t> succ_offsets, succ_links, link_succ;
    std::span<const CalendarIndex> calendar_of;
    std::span<const ProjectIndex> project_of;
    std::span<const CalendarIndex> link_calendar;
    std::span<const std::uint32_t> parent;
    std::span<const LinkType> link_type;
    std::span<const LagUnit> lag_unit;
    std::span<const std::int64_t> link_lag;
    std::span<const WorkCalendar> calendars;
    std::span<const ProgressState> progress_state;
    std::span<const ConstraintType> constraint_type;
    std::span<const std::int64_t> constraint_date, start_cap, finish_cap, deadline;
    bool retained;  ///< retained logic: in-progress successors still bound their predecessors
};

inline BackwardInputs backward_inputs(const Network& net, std::span<const Duration> durations, const ScheduleOptions& opt) {
    return {.net = net,
            .durations = durations,
            .succ_offsets = net.succ_offsets(),
            .succ_links = net.succ_links(),
            .link_succ = net.link_succ(),
            .calendar_of = net.calendar_of(),
            .project_of = net.project_of(),
            .link_calendar = net.link_calendar(),
            .parent = net.parent(),
            .link_type = net.link_type(),
            .lag_unit = net.link_lag_unit(),
            .link_lag = net.link_lag(),
            .calendars = net.calendars(),
            .progress_state = net.progress_state(),
            .constraint_type = net.constraint_type(),
            .constraint_date = net.constraint_date(),
            .start_cap = net.start_cap(),
            .finish_cap = net.finish_cap(),
            .deadline = net.deadline(),
            .retained = opt.progress_mode == ProgressMode::retained_logic};
}

/// Per project: the key of its late-finish anchor on the project calendar.
inline void set_project_anchors(const BackwardInputs& in, CpmWorkspace& ws) {
    for (std::size_t p = 0; p < ws.anchor_key.size(); ++p)
        ws.anchor_key[p] = in.calendars[in.net.project_calendar()[p].value()].work_index(Instant{anchor(in.net, ws, p)});
}

/// A complete task: its late dates are its actual dates, without float.
inline void backward_complete(CpmWorkspace& ws, std::uint32_t i) {
    ws.late_start[i] = ws.early_start[i];
    ws.late_finish[i] = ws.early_finish[i];
    ws.total_float[i] = 0;
}

/// Late bounds of task i other than its links, in working-time keys of its calendar `calendar_index`:
/// its project's anchor, its deadline, its summary parent's bounds and its start/finish caps.
inline Bounds constraint_keys(const BackwardInputs& in, const CpmWorkspace& ws, std::uint32_t i, CalendarIndex calendar_index,
                              const WorkCalendar& cal) {
    const std::uint32_t project = in.project_of[i].value();
    Bounds keys;
    keys.finish = calendar_index == in.net.project_calendar()[project] ? ws.anchor_key[project]
                                                                      : cal.work_index(Instant{anchor(in.net, ws, project)});
    if (in.deadline[i] != kNoDate) keys.finish = std::min(keys.finish, cal.work_index(Instant{in.deadline[i]}));
    const std::uint32_t parent = in.parent[i];
    if (parent != TaskIndex::kInvalid) {
        if (ws.bound_finish[parent] != kMax) keys.finish = std::min(keys.finish, cal.work_index(Instant{ws.bound_finish[parent]}));
        if (ws.early_start[i] == ws.early_start[parent] && ws.bound_start[parent] != kMax)
            keys.start = std::min(keys.start, cal.work_index(Instant{ws.bound_start[parent]}));
    }
    if (in.start_cap[i] != kNoDate) keys.start = std::min(keys.start, cal.work_index(Instant{in.start_cap[i]}));
    if (in.finish_cap[i] != kNoDate) keys.finish = std::min(keys.finish, cal.work_index(Instant{in.finish_cap[i]}));
    return keys;
}

/// Late bounds of task i from its links, in working-time keys of its calendar `calendar_index`: a link
/// on the same calendar as both tasks is plain integer arithmetic on W (no calendar lookup).
inline Bounds link_late_keys(const BackwardInputs& in, const CpmWorkspace& ws, std::uint32_t i, CalendarIndex calendar_index,
                             const WorkCalendar& cal) {
    Bounds keys;
    for (std::uint32_t position = in.succ_offsets[i]; position < in.succ_offsets[i + 1]; ++position) {
        const std::uint32_t link = in.succ_links[position];
        const std::uint32_t successor = in.link_succ[link];
        const ProgressState successor_state = in.progress_state[successor];
        if (successor_state == ProgressState::complete || (successor_state == ProgressState::in_progress && !in.retained)) continue;
        const LinkType type = in.link_type[link];
        const bool to_start = type == LinkType::finish_start || type == LinkType::start_start;
        std::int64_t key;
        if (in.lag_unit[link] == LagUnit::working && in.link_calendar[link] == calendar_index &&
            in.calendar_of[successor] == calendar_index) {
            key = (to_start ? ws.late_start_key[successor] : ws.late_finish_key[successor]) - in.link_lag[link];
        } else {
            std::int64_t target = to_start ? ws.late_start[successor] : ws.late_finish[successor];
            if (!to_start && in.durations[successor].count() > 0)
                target = in.calendars[in.calendar_of[successor].value()].next_work_start(Instant{target}).minutes_since_epoch();
            key = cal.work_index(Instant{lag_backward(in.net, link, target, [&] { return pred_duration(in.net, in.durations, ws, i); })});
        }
        if (from_finish(type)) keys.finish = std::min(keys.finish, key);
        else keys.start = std::min(keys.start, key);
    }
    return keys;
}

/// The common case: not complete, not a summary, duration d > 0, no MSO/MFO; placed in working-time
/// keys of the task's calendar at the latest finish its bounds allow (a start-type bound s allows
/// finishing at s + d).
inline void backward_plain(const BackwardInputs& in, CpmWorkspace& ws, std::uint32_t i, std::int64_t d) {
    const CalendarIndex calendar_index = in.calendar_of[i];
    const WorkCalendar& cal = in.calendars[calendar_index.value()];
    const Bounds constraints = constraint_keys(in, ws, i, calendar_index, cal);
    const Bounds links = link_late_keys(in, ws, i, calendar_index, cal);
    const std::int64_t start_key = std::min(constraints.start, links.start);
    const std::int64_t finish_key = std::min(constraints.finish, links.finish);
    const std::int64_t key = start_key == kMax ? finish_key : std::min(finish_key, start_key + d);
    ws.late_start[i] = cal.start_at_work(key - d).minutes_since_epoch();
    ws.late_finish[i] = cal.finish_at_work(key).minutes_since_epoch();
    ws.late_start_key[i] = key - d;
    ws.late_finish_key[i] = key;
    ws.total_float[i] = key - ws.finish_key[i];
}

/// Late bounds of task i as instants: its links, its project's anchor, its deadline, its summary
/// parent's bounds and its start/finish caps.
inline Bounds late_bounds(const BackwardInputs& in, const CpmWorkspace& ws, std::uint32_t i) {
    const auto start_of = [&](std::uint32_t j) { return ws.late_start[j]; };
    const auto finish_of = [&](std::uint32_t j) { return ws.late_finish[j]; };
    Bounds bounds = successor_bounds(in.net, in.durations, ws, i, in.retained, start_of, finish_of);
    bounds.finish = std::min(bounds.finish, anchor(in.net, ws, in.project_of[i].value()));
    if (in.deadline[i] != kNoDate) bounds.finish = std::min(bounds.finish, in.deadline[i]);
    const std::uint32_t parent = in.parent[i];
    if (parent != TaskIndex::kInvalid) {
        // A summary's start is the earliest of its children's: a start-type bound on it
        // binds only the children that start with it.
        if (ws.early_start[i] == ws.early_start[parent]) bounds.start = std::min(bounds.start, ws.bound_start[parent]);
        bounds.finish = std::min(bounds.finish, ws.bound_finish[parent]);
    }
    if (in.start_cap[i] != kNoDate) bounds.start = std::min(bounds.start, in.start_cap[i]);
    if (in.finish_cap[i] != kNoDate) bounds.finish = std::min(bounds.finish, in.finish_cap[i]);
    return bounds;
}

/// Late dates of a task outside the common case (a milestone, or MSO/MFO): a not-started MSO/MFO
/// task sits on its date, the others at the latest placement its bounds allow.
inline void backward_general(const BackwardInputs& in, CpmWorkspace& ws, std::uint32_t i, std::int64_t d, ProgressState state,
                             const Bounds& bounds) {
    const ConstraintType constraint = in.constraint_type[i];
    const WorkCalendar& cal = in.calendars[in.calendar_of[i].value()];
    Placement placement{};
    if (constraint == ConstraintType::must_start_on && state == ProgressState::not_started) {
        const std::int64_t date = in.constraint_date[i];
        placement = d > 0 ? place(cal, cal.work_index(Instant{date}), d)
                          : Placement{milestone_forward(cal, date), milestone_forward(cal, date)};
    } else if (constraint == ConstraintType::must_finish_on && state == ProgressState::not_started) {
        const std::int64_t date = in.constraint_date[i];
        placement = d > 0 ? place(cal, cal.work_index(Instant{date}) - d, d)
                          : Placement{milestone_backward(cal, date), milestone_backward(cal, date)};
    } else {
        placement = place_late(cal, bounds, d);
        // A milestone moved back to the end of a working period never goes before its own
        // early date in the same working minute (its float stays >= 0, not an artefact).
        if (d == 0 && placement.start < ws.early_start[i] &&
            cal.work_index(Instant{placement.start}) >= cal.work_index(Instant{ws.early_start[i]}))
            placement = Placement{ws.early_start[i], ws.early_start[i]};
    }
    ws.late_start[i] = placement.start;
    ws.late_finish[i] = placement.finish;
    const std::int64_t finish_key = placement.finish_key != kMin ? placement.finish_key : cal.work_index(Instant{placement.finish});
    ws.late_start_key[i] = cal.work_index(Instant{placement.start});
    ws.late_finish_key[i] = finish_key;
    ws.total_float[i] = finish_key - ws.finish_key[i];
}

/// Summaries: late dates roll up from their children (children before parents in topological
/// order); float in working time of the summary's calendar.
inline void backward_summaries(const BackwardInputs& in, CpmWorkspace& ws) {
    for (const std::uint32_t i : in.net.topological_order()) {
        if (!in.net.is_summary()[i]) continue;
        span_children(in.net, i, ws.late_start, ws.late_finish);
        const WorkCalendar& cal = in.calendars[in.calendar_of[i].value()];
        ws.total_float[i] = cal.work_index(Instant{ws.late_finish[i]}) - cal.work_index(Instant{ws.early_finish[i]});
    }
}

void backward(const Network& net, std::span<const Duration> durations, CpmWorkspace& ws, const ScheduleOptions& opt) {
    const BackwardInputs in = backward_inputs(net, durations, opt);  // the network's columns, fetched once
    set_project_anchors(in, ws);  // per project: the key of the late-finish anchor
    const auto topo = net.topological_order();
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        const std::uint32_t i = *it;
        const bool summary = net.is_summary()[i] != 0;
        const ProgressState state = in.progress_state[i];
        if (!summary && state == ProgressState::complete) {
            backward_complete(ws, i);  // its actual dates
            continue;
        }
        const ConstraintType constraint = in.constraint_type[i];
        const std::int64_t d = durations[i].count();
        if (!summary && d > 0 && constraint != ConstraintType::must_start_on && constraint != ConstraintType::must_finish_on) {
            backward_plain(in, ws, i, d);  // the common case, in working-time keys
            continue;
        }
        // Bounds as instants: links, anchor, deadline, parent, caps.
        const Bounds bounds = late_bounds(in, ws, i);
        if (summary) {
            ws.bound_start[i] = bounds.start;  // passed down to its children; its dates roll up from them
            ws.bound_finish[i] = bounds.finish;
            continue;
        }
        backward_general(in, ws, i, d, state, bounds);  // MSO/MFO on their dates, else the latest placement
    }
    backward_summaries(in, ws);  // the span of their children's late dates
}

// "As late as possible" tasks move to the latest dates that delay no successor's early date
// (MS Project / P6: they consume their free float). Reverse topological order handles chains.
void shift_alap(const Network& net, std::span<const Duration> durations, CpmWorkspace& ws, const ScheduleOptions& opt) {
    const auto topo = net.topological_order();
    const bool retained = opt.progress_mode == ProgressMode::retained_logic;
    auto start_of = [&](std::uint32_t j) { return ws.early_start[j]; };
    auto finish_of = [&](std::uint32_t j) { return ws.early_finish[j]; };
    bool moved = false;
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        const std::uint32_t i = *it;
        if (net.is_summary()[i] || net.constraint_type()[i] != ConstraintType::as_late_as_possible ||
            net.progress_state()[i] != ProgressState::not_started)
            continue;
        Bounds b = successor_bounds(net, durations, ws, i, retained, start_of, finish_of);
        // Links from its summaries bind it too, as in the backward pass: their finish-type bounds
        // always, their start-type ones when it starts the summary.
        for (std::uint32_t a = net.parent()[i]; a != TaskIndex::kInvalid; a = net.parent()[a]) {
            const Bounds up = successor_bounds(net, durations, ws, a, retained, start_of, finish_of);
            b.finish = std::min(b.finish, up.finish);
            if (ws.early_start[i] == ws.early_start[a]) b.start = std::min(b.start, up.start);
        }
        b.finish = std::min(b.finish, ws.project_finish[net.project_of()[i].value()]);
        const WorkCalendar& cal = net.calendar(net.calendar_of()[i]);
        const Placement pl = place_late(cal, b, durations[i].count());
        if (pl.start > ws.early_start[i]) {
            ws.early_start[i] = pl.start;
            ws.early_finish[i] = pl.finish;
            ws.total_float[i] = cal.work_index(Instant{ws.late_finish[i]}) - cal.work_index(Instant{pl.finish});
            ws.driving[i] = kNoLink;
            moved = true;
        }
    }
    if (!moved) return;
    for (const std::uint32_t i : topo)
        if (net.is_summary()[i]) span_children(net, i, ws.early_start, ws.early_finish);
}


// The specialised loop (detail/cpm_fast_plan.hpp): one calendar, working-minute lags, no summaries,
// progress, constraints or deadlines, every duration > 0. Both passes are integer longest paths
// on working-time keys of that calendar, with the same tie rules as forward()/backward() (so the
// results are identical); instants are looked up as each task is placed. Returns false when the
// network or the durations do not qualify (the general loop then rewrites every array).
bool fast_cpm(const Network& net, std::span<const Duration> durations, CpmWorkspace& ws, const ScheduleOptions& opt) {
    using Plan = detail::CpmFastPlan;
    const Plan& fp = net.fast_plan();
    if (!fp.usable) return false;
    const std::size_t n = net.task_count();
    const Duration* dur = durations.data();

    const WorkCalendar& cal = net.calendar(fp.calendar);
    const std::int64_t status_override = opt.status_date ? opt.status_date->minutes_since_epoch() : kNoDate;
    const std::size_t np = ws.floor_key.size();
    for (std::size_t p = 0; p < np; ++p) {
        const std::int64_t status = status_override != kNoDate ? status_override : net.project_status_date()[p];
        ws.floor_instant[p] = std::max(net.project_start()[p], status);
        ws.floor_key[p] = cal.work_index(Instant{ws.floor_instant[p]});
    }
    const std::uint32_t* topo = net.topological_order().data();
    const std::uint32_t* po = net.pred_offsets().data();
    const std::uint32_t* so = net.succ_offsets().data();
    const ProjectIndex* proj = net.project_of().data();
    const std::uint32_t* pred = fp.pred.data();
    const std::int32_t* pred_lag = fp.pred_lag.data();
    const std::uint32_t* succ = fp.succ.data();
    const std::int32_t* succ_lag = fp.succ_lag.data();
    std::int64_t* ks_of = ws.start_key.data();
    std::int64_t* lkf_of = ws.late_finish_key.data();
    std::uint32_t* driving = ws.driving.data();
    const std::int64_t* floor_key = ws.floor_key.data();

    std::int64_t* es = ws.early_start.data();
    std::int64_t* ef = ws.early_finish.data();
    std::int64_t* project_finish = ws.project_finish.data();
    std::fill(ws.project_finish.begin(), ws.project_finish.end(), kMin);
    // Forward: the latest start-type and finish-type candidates, first link wins a tie.
    for (std::size_t t = 0; t < n; ++t) {
        const std::uint32_t i = topo[t];
        const std::int64_t d = dur[i].count();
        if (d <= 0) return false;  // a milestone: the general loop, which rewrites every array
        std::int64_t ks = kMin, kf = kMin;
        std::uint32_t s_link = kNoLink, f_link = kNoLink;
        for (std::uint32_t k = po[i]; k < po[i + 1]; ++k) {
            const std::uint32_t w = pred[k];
            const std::uint32_t p = w & Plan::kTaskMask;
            const std::int64_t c = ks_of[p] + ((w & Plan::kHigh) != 0 ? dur[p].count() : 0) + pred_lag[k];
            if ((w & Plan::kLow) != 0) {
                if (c > kf) { kf = c; f_link = k; }
            } else if (c > ks) {
                ks = c;
                s_link = k;
            }
        }
        std::int64_t key = floor_key[proj[i].value()];
        std::uint32_t drive = kNoLink;
        if (ks >= key) { key = ks; drive = s_link; }  // ks > kMin: a start-type link exists
        const std::int64_t end = key + d;
        if (kf > end || (kf == end && drive == kNoLink)) { key = kf - d; drive = f_link; }
        ks_of[i] = key;  // finish keys are ks_of + d: not stored (less memory traffic)
        driving[i] = drive;
        // The instants, while the keys are in registers (one walk over the arrays, not two).
        es[i] = cal.start_at_work(key).minutes_since_epoch();
        ef[i] = cal.finish_at_work(key + d).minutes_since_epoch();
        project_finish[proj[i].value()] = std::max(project_finish[proj[i].value()], ef[i]);
    }
    std::fill(ws.conflict.begin(), ws.conflict.end(), std::uint8_t{0});
    for (std::size_t p = 0; p < np; ++p) {
        if (project_finish[p] == kMin) project_finish[p] = net.project_start()[p];  // empty project
        ws.anchor_key[p] = cal.work_index(Instant{anchor(net, ws, p)});
    }
    // Backward: the earliest late finish; a start-type bound s allows finishing at s + d.
    const std::int64_t* anchor_key = ws.anchor_key.data();
    std::int64_t* tf = ws.total_float.data();
    std::int64_t* ls = ws.late_start.data();
    std::int64_t* lf = ws.late_finish.data();
    for (std::size_t t = n; t-- > 0;) {
        const std::uint32_t i = topo[t];
        const std::int64_t d = dur[i].count();
        std::int64_t key = anchor_key[proj[i].value()];
        for (std::uint32_t q = so[i]; q < so[i + 1]; ++q) {
            const std::uint32_t w = succ[q];
            const std::uint32_t j = w & Plan::kTaskMask;
            const std::int64_t c = lkf_of[j] - ((w & Plan::kHigh) != 0 ? dur[j].count() : 0) - succ_lag[q] + ((w & Plan::kLow) != 0 ? d : 0);
            key = std::min(key, c);
        }
        lkf_of[i] = key;  // late start keys are lkf_of - d: not stored
        tf[i] = key - (ks_of[i] + d);
        ls[i] = cal.start_at_work(key - d).minutes_since_epoch();
        lf[i] = cal.finish_at_work(key).minutes_since_epoch();
    }
    return true;
}

}  // namespace

void run_cpm(const Network& net, std::span<const Duration> durations, CpmWorkspace& ws, const ScheduleOptions& opt) {
    const std::size_t n = net.task_count();
    if (durations.size() != n)
        throw ModelError::invalid_value("durations", "run_cpm", "expected one duration per task of the network");
    ws.early_start.resize(n);
    ws.early_finish.resize(n);
    ws.late_start.resize(n);
    ws.late_finish.resize(n);
    ws.total_float.resize(n);
    ws.finish_key.resize(n);
    ws.start_key.resize(n);
    ws.late_start_key.resize(n);
    ws.late_finish_key.resize(n);
    ws.floor_key.resize(net.project_ids().size());
    ws.floor_instant.resize(net.project_ids().size());
    ws.anchor_key.resize(net.project_ids().size());
    ws.driving.resize(n);
    ws.conflict.resize(n);
    ws.bound_start.resize(n);
    ws.bound_finish.resize(n);
    ws.project_finish.resize(net.project_ids().size());

    if (fast_cpm(net, durations, ws, opt)) return;
    forward(net, durations, ws, opt);
    std::fill(ws.project_finish.begin(), ws.project_finish.end(), kMin);
    const auto proj = net.project_of();
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t p = proj[i].value();
        ws.project_finish[p] = std::max(ws.project_finish[p], ws.early_finish[i]);
    }
    for (std::size_t p = 0; p < ws.project_finish.size(); ++p)
        if (ws.project_finish[p] == kMin) ws.project_finish[p] = net.project_start()[p];  // empty project
    backward(net, durations, ws, opt);
    if (net.has_alap()) shift_alap(net, durations, ws, opt);
}

namespace {

std::string date_text(std::int64_t t) { return to_string(Instant{t}); }

}  // namespace

ScheduleResult schedule(const Network& net, const ScheduleOptions& options) {
    const std::size_t n = net.task_count();
    const auto durations = net.default_durations();
    CpmWorkspace ws;
    run_cpm(net, durations, ws, options);

    // A date past 9999-12-31 (or before 1400) is the model's doing: name the task and the date.
    const std::int64_t lo = Instant::at(first_supported_date()).minutes_since_epoch();
    const std::int64_t hi = Instant::at(last_supported_date() + 1).minutes_since_epoch();
    for (std::uint32_t i = 0; i < n; ++i)
        for (const std::int64_t t : {ws.early_start[i], ws.early_finish[i], ws.late_start[i], ws.late_finish[i]})
            if (t < lo || t > hi)
                throw ModelError::invalid_value("dates of task", net.task_ids()[i].str(),
                                                std::string("a scheduled date falls ") +
                                                    (t < lo ? "before 1400-01-01" : "after 9999-12-31") +
                                                    ", outside the years ppm supports (a duration, lag or calendar pushes it there)");

    ScheduleResult r;
    r.task_id.assign(net.task_ids().begin(), net.task_ids().end());
    r.project.assign(net.project_of().begin(), net.project_of().end());
    r.early_start.resize(n);
    r.early_finish.resize(n);
    r.late_start.resize(n);
    r.late_finish.resize(n);
    r.total_float.resize(n);
    r.free_float.resize(n);
    r.critical.resize(n);
    r.is_summary.assign(net.is_summary().begin(), net.is_summary().end());
    r.is_milestone.resize(n);
    r.driving_predecessor.resize(n);
    r.duration = durations;
    const auto cals = net.calendars();
    const auto cal_of = net.calendar_of();
    const bool retained = options.progress_mode == ProgressMode::retained_logic;
    // Complete: a leaf with an actual finish, a summary whose children are all complete (children
    // come before their summary in topological order). Complete work is never critical.
    std::vector<std::uint8_t> done(n, 0);
    for (const std::uint32_t i : net.topological_order()) {
        if (!net.is_summary()[i]) {
            done[i] = net.progress_state()[i] == ProgressState::complete ? 1 : 0;
            continue;
        }
        std::uint8_t all = 1;
        for (std::uint32_t k = net.child_offsets()[i]; k < net.child_offsets()[i + 1]; ++k) all &= done[net.children()[k]];
        done[i] = all;
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        r.early_start[i] = Instant{ws.early_start[i]};
        r.early_finish[i] = Instant{ws.early_finish[i]};
        r.late_start[i] = Instant{ws.late_start[i]};
        r.late_finish[i] = Instant{ws.late_finish[i]};
        r.total_float[i] = Duration{ws.total_float[i]};
        r.critical[i] = !done[i] && r.total_float[i] <= options.critical_float ? 1 : 0;
        r.is_milestone[i] = net.is_milestone()[i] || (!net.is_summary()[i] && net.planned_duration()[i] == 0) ? 1 : 0;
        r.driving_predecessor[i] = ws.driving[i] == kNoLink ? TaskIndex{} : TaskIndex{net.link_pred()[ws.driving[i]]};
    }
    // Free float: how far the finish can slip before some successor's early date (or the project
    // finish) moves. Links from a summary bind its children too, as in the backward pass.
    auto start_of = [&](std::uint32_t j) { return ws.early_start[j]; };
    auto finish_of = [&](std::uint32_t j) { return ws.early_finish[j]; };
    const auto topo = net.topological_order();
    for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
        const std::uint32_t i = *it;
        const bool complete = !net.is_summary()[i] && net.progress_state()[i] == ProgressState::complete;
        if (complete) continue;
        Bounds b = successor_bounds(net, durations, ws, i, retained, start_of, finish_of);
        b.finish = std::min(b.finish, ws.project_finish[net.project_of()[i].value()]);
        const std::uint32_t parent = net.parent()[i];
        if (parent != TaskIndex::kInvalid) {
            // A summary's start is the earliest of its children's: a start-type bound on it
            // binds only the children that start with it.
            if (ws.early_start[i] == ws.early_start[parent]) b.start = std::min(b.start, ws.bound_start[parent]);
            b.finish = std::min(b.finish, ws.bound_finish[parent]);
        }
        if (net.is_summary()[i]) {  // reuse the scratch arrays: the backward pass is over
            ws.bound_start[i] = b.start;
            ws.bound_finish[i] = b.finish;
        }
        const WorkCalendar& cal = cals[cal_of[i].value()];
        const std::int64_t ef = cal.work_index(Instant{ws.early_finish[i]});
        std::int64_t ff = kMax;
        if (b.finish != kMax) ff = cal.work_index(Instant{b.finish}) - ef;
        if (b.start != kMax && !net.is_summary()[i] && net.progress_state()[i] == ProgressState::in_progress) {
            // P6: a started activity's start cannot slip, so a start-to-start (or start-to-finish)
            // successor leaves it no free float (MPXJ's PrimaveraSlackCalculator reproduces P6).
            ff = 0;
        } else if (b.start != kMax) {
            const std::int64_t d = net.is_summary()[i] ? ef - cal.work_index(Instant{ws.early_start[i]}) : durations[i].count();
            ff = std::min(ff, cal.work_index(Instant{b.start}) + d - ef);
        }
        r.free_float[i] = Duration{std::max<std::int64_t>(0, ff)};
    }

    const std::size_t np = net.project_ids().size();
    r.project_id.assign(net.project_ids().begin(), net.project_ids().end());
    r.project_start.assign(np, Instant{kMax});
    r.project_finish.resize(np);
    r.longest_path.resize(np);
    std::vector<std::uint32_t> last(np, TaskIndex::kInvalid);
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::uint32_t p = net.project_of()[i].value();
        r.project_start[p] = std::min(r.project_start[p], r.early_start[i]);
        if (net.is_summary()[i]) continue;
        if (last[p] == TaskIndex::kInvalid || ws.early_finish[i] > ws.early_finish[last[p]] ||
            (ws.early_finish[i] == ws.early_finish[last[p]] && ws.total_float[i] < ws.total_float[last[p]]))
            last[p] = i;
    }
    r.finish = Instant{kMin};
    for (std::size_t p = 0; p < np; ++p) {
        r.project_finish[p] = Instant{ws.project_finish[p]};
        if (r.project_start[p] == Instant{kMax}) r.project_start[p] = Instant{net.project_start()[p]};
        r.finish = std::max(r.finish, r.project_finish[p]);
        std::vector<TaskIndex>& path = r.longest_path[p];
        for (std::uint32_t t = last[p]; t != TaskIndex::kInvalid && path.size() <= n;) {
            path.push_back(TaskIndex{t});
            t = ws.driving[t] == kNoLink ? TaskIndex::kInvalid : net.link_pred()[ws.driving[t]];
        }
        std::reverse(path.begin(), path.end());
    }
    if (np == 0) r.finish = Instant{0};

    // Warnings.
    for (const auto& w : net.build_warnings()) {
        const bool fallback = w.find("no calendar") != std::string::npos;
        r.warnings.push_back({fallback ? ScheduleWarningKind::calendar_fallback : ScheduleWarningKind::progress, TaskIndex{}, w});
    }
    for (std::uint32_t i = 0; i < n; ++i) {
        const std::string& id = net.task_ids()[i].str();
        if (ws.conflict[i])
            r.warnings.push_back({ScheduleWarningKind::constraint_conflict, TaskIndex{i},
                                  "task " + id + ": " + std::string(to_string(net.constraint_type()[i])) + " " +
                                      date_text(net.constraint_date()[i]) + " overrides its predecessors (hard constraint wins)"});
        if (net.deadline()[i] != kNoDate && ws.early_finish[i] > net.deadline()[i])
            r.warnings.push_back({ScheduleWarningKind::deadline_missed, TaskIndex{i},
                                  "task " + id + ": early finish " + date_text(ws.early_finish[i]) + " is after its deadline " +
                                      date_text(net.deadline()[i])});
        if (ws.total_float[i] < 0 && !net.is_summary()[i])
            r.warnings.push_back({ScheduleWarningKind::negative_float, TaskIndex{i},
                                  "task " + id + ": total float " + std::to_string(ws.total_float[i]) + " working minutes"});
    }
    for (std::size_t p = 0; p < np; ++p)
        if (net.project_deadline()[p] != kNoDate && ws.project_finish[p] > net.project_deadline()[p])
            r.warnings.push_back({ScheduleWarningKind::deadline_missed, TaskIndex{},
                                  "project " + net.project_ids()[p].str() + ": finish " + date_text(ws.project_finish[p]) +
                                      " is after its deadline " + date_text(net.project_deadline()[p])});
    // No `horizon` warning any more: calendars apply every exception past their horizon too (issue 23).
    return r;
}

ScheduleResult schedule(const Portfolio& portfolio, const ScheduleOptions& options) {
    NetworkOptions nopt = options.network;
    for (int attempt = 0;; ++attempt) {
        try {
            const Network net(portfolio, nopt);
            ScheduleResult r = schedule(net, options);
            const bool past = net.has_yearly_exceptions() && !portfolio.projects.empty() &&
                              r.finish >= Instant::at(net.horizon_last_day() + 1);
            // Past the horizon the calendars are exact but slower (per-year arithmetic for the yearly
            // exceptions): grow the horizon to cover the finish with a year of margin and schedule
            // again, as long as the calendars would lay it out (WorkCalendar::kMaxLayoutDays).
            const std::int64_t grown = std::int64_t{r.finish.date() - net.horizon_first_day()} + 366;
            if (!past || attempt >= 6 || grown > WorkCalendar::kMaxLayoutDays) return r;
            nopt.days_after += (r.finish.date() - net.horizon_last_day()) + 366;
        } catch (const ModelError& e) {
            if (e.code() != ErrorCode::horizon_exceeded || attempt >= 6) throw;
            nopt.days_before *= 4;
        }
    }
}

std::string_view to_string(ProgressMode m) noexcept {
    return m == ProgressMode::retained_logic ? "retained_logic" : "progress_override";
}

std::string_view to_string(ScheduleWarningKind k) noexcept {
    switch (k) {
        case ScheduleWarningKind::constraint_conflict: return "constraint_conflict";
        case ScheduleWarningKind::deadline_missed: return "deadline_missed";
        case ScheduleWarningKind::negative_float: return "negative_float";
        case ScheduleWarningKind::calendar_fallback: return "calendar_fallback";
        case ScheduleWarningKind::horizon: return "horizon";
        case ScheduleWarningKind::progress: return "progress";
    }
    return "unknown";
}

}  // namespace ppm
