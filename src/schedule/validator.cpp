// Independent schedule validator. It re-derives everything from the editable model (task lookup
// by id, calendars resolved and compiled here, summary trees from `parent` fields) and checks each
// rule by counting working minutes with WorkCalendar::work_between only: it never places a date,
// so it cannot repeat a placement bug of the engine (network.cpp / cpm.cpp are not used).
#include "ppm/schedule/validator.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <unordered_map>

#include "ppm/calendar/work_calendar.hpp"
#include "ppm/core/error.hpp"
#include "ppm/schedule/detail/constraint_rules.hpp"
#include "ppm/schedule/detail/model_calendars.hpp"

namespace ppm {

namespace {

using detail::overrides_logic;

bool is_mandatory(const Task& t, bool honor) {
    const ConstraintType ct = t.constraint.type;
    return ct == ConstraintType::mandatory_start || ct == ConstraintType::mandatory_finish ||
           (honor && (ct == ConstraintType::must_start_on || ct == ConstraintType::must_finish_on));
}

struct Checker {
    const Portfolio& pf;
    const ScheduleResult& r;
    const ValidatorOptions& opt;
    std::vector<Violation> out;
    std::unordered_map<std::string, std::size_t> row;          // task id -> result row
    std::unordered_map<std::string, const Task*> task;         // task id -> model task
    std::unordered_map<std::string, const Project*> project_of;
    std::unordered_map<std::string, std::vector<std::string>> children;
    std::optional<detail::ModelCalendars> cals;                // compiled over the result's dates (index())
    std::set<std::size_t> conflicting;

    void add(ViolationKind k, const std::string& t, const std::string& other, std::string msg) {
        out.push_back({k, t, other, std::move(msg)});
    }

    const WorkCalendar& calendar(const std::string& id) { return cals->by_id(id); }
    std::string project_calendar_id(const Project& p) const { return cals->project_calendar_id(p); }
    std::string task_calendar_id(const Task& t) const { return cals->task_calendar_id(*project_of.at(t.id.str()), t); }
    void leaves(const std::string& id, std::vector<std::string>& acc) const {
        auto it = children.find(id);
        if (it == children.end()) {
            acc.push_back(id);
            return;
        }
        for (const auto& c : it->second) leaves(c, acc);
    }
    bool is_summary(const std::string& id) const { return children.count(id) != 0; }
    std::optional<Instant> status_of(const Project& p) const {
        if (opt_status) return opt_status;
        return p.status_date ? p.status_date : pf.status_date;
    }
    std::optional<Instant> opt_status;

    void index() {
        for (std::size_t i = 0; i < r.task_id.size(); ++i) row.emplace(r.task_id[i].str(), i);
        for (const auto& p : pf.projects)
            for (const auto& t : p.tasks) {
                task.emplace(t.id.str(), &t);
                project_of.emplace(t.id.str(), &p);
                if (t.parent) children[t.parent->str()].push_back(t.id.str());
            }
        for (const auto& w : r.warnings)
            if (w.kind == ScheduleWarningKind::constraint_conflict && w.task.valid()) conflicting.insert(w.task.value());
        // Horizon: every date in the result, with a margin.
        Instant lo{std::numeric_limits<std::int64_t>::max()}, hi{std::numeric_limits<std::int64_t>::min()};
        auto see = [&](Instant t) { lo = std::min(lo, t); hi = std::max(hi, t); };
        for (std::size_t i = 0; i < r.task_id.size(); ++i) {
            see(r.early_start[i]);
            see(r.early_finish[i]);
            see(r.late_start[i]);
            see(r.late_finish[i]);
        }
        for (const auto& p : pf.projects) {
            see(p.start);
            for (const auto& t : p.tasks)
                if (t.constraint.date) see(*t.constraint.date);
        }
        if (lo > hi) lo = hi = Instant{0};
        cals.emplace(pf, lo.date() - 60, hi.date() + 60);
    }

    // Duration a lag in percent refers to.
    std::int64_t duration_of(const std::string& id) {
        const Task& t = *task.at(id);
        if (!is_summary(id)) return t.duration.count();
        const std::size_t i = row.at(id);
        return calendar(task_calendar_id(t)).work_between(r.early_start[i], r.early_finish[i]).count();
    }

    // A predecessor's end moved back across its own non-working time; for a summary, over the
    // leaves below it, each on its own calendar (the earliest start / the latest finish).
    Instant snapped_back(const std::string& id, bool finish, bool late) {
        const std::size_t i = row.at(id);
        if (!is_summary(id)) {
            const Instant t = late ? (finish ? r.late_finish[i] : r.late_start[i]) : (finish ? r.early_finish[i] : r.early_start[i]);
            return calendar(task_calendar_id(*task.at(id))).previous_work_end(t);
        }
        std::vector<std::string> below;
        leaves(id, below);
        Instant best{finish ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max()};
        for (const auto& c : below) {
            const Instant t = snapped_back(c, finish, late);
            best = finish ? std::max(best, t) : std::min(best, t);
        }
        return best;
    }

    void check_link(const Task& succ_owner, const Dependency& dep, const std::string& succ, bool late) {
        const std::string& pred = dep.predecessor.str();
        const std::size_t pi = row.at(pred), si = row.at(succ);
        const LinkType lt = dep.type;
        const bool from_finish = lt == LinkType::finish_start || lt == LinkType::finish_finish;
        const bool to_start = lt == LinkType::finish_start || lt == LinkType::start_start;
        Instant from = late ? (from_finish ? r.late_finish[pi] : r.late_start[pi]) : (from_finish ? r.early_finish[pi] : r.early_start[pi]);
        Instant to = late ? (to_start ? r.late_start[si] : r.late_finish[si]) : (to_start ? r.early_start[si] : r.early_finish[si]);
        // An end of a task may slide across that task's own non-working time (no work of it
        // happens there): the predecessor's end back to its previous end of work, the
        // successor's end forward to its next start of work (docs/scheduling.md, "links").
        from = snapped_back(pred, from_finish, late);
        // A milestone's date is an instant (no work of it to slide across), and a start is
        // already at work: only a finish of real work slides (docs/scheduling.md, "links").
        if (!to_start && !(task.at(succ)->duration.count() == 0 || task.at(succ)->milestone))
            to = calendar(task_calendar_id(*task.at(succ))).next_work_start(to);
        std::int64_t lag = dep.lag.amount.count();
        if (dep.lag.unit == LagUnit::percent) lag = std::llround(dep.lag.percent / 100.0 * static_cast<double>(duration_of(pred)));
        std::int64_t gap = 0;
        if (dep.lag.unit == LagUnit::elapsed || dep.lag_calendar == LagCalendar::twenty_four_hour) {
            gap = (to - from).count();
        } else {
            std::string cal_id;
            switch (dep.lag_calendar) {
                case LagCalendar::predecessor: cal_id = task_calendar_id(*task.at(pred)); break;
                case LagCalendar::successor: cal_id = task_calendar_id(*task.at(succ)); break;
                case LagCalendar::project: cal_id = project_calendar_id(*project_of.at(succ)); break;
                case LagCalendar::twenty_four_hour: break;
            }
            gap = calendar(cal_id).work_between(from, to).count();
        }
        if (gap < lag)
            add(ViolationKind::link, succ, pred,
                std::string(late ? "late" : "early") + " dates break " + std::string(to_string(lt)) + " link " + pred + " -> " + succ +
                    " (owned by " + succ_owner.id.str() + "): gap " + std::to_string(gap) + " < lag " + std::to_string(lag) + " minutes");
    }

    void links() {
        for (const auto& p : pf.projects) {
            for (const auto& t : p.tasks) {
                std::vector<std::string> succs;
                leaves(t.id.str(), succs);
                for (const auto& dep : t.predecessors) {
                    if (!row.count(dep.predecessor.str())) {
                        add(ViolationKind::link, t.id.str(), dep.predecessor.str(), "predecessor missing from the result");
                        continue;
                    }
                    const Task& pt = *task.at(dep.predecessor.str());
                    std::vector<std::string> pred_leaves;  // the predecessor itself when it is a leaf
                    leaves(pt.id.str(), pred_leaves);
                    for (const auto& s : succs) {
                        const Task& st = *task.at(s);
                        const std::size_t si = row.at(s);
                        if (st.progress.actual_finish) continue;  // complete: its dates are facts
                        if (!opt.check_links_of_conflicting_tasks && conflicting.count(si)) continue;
                        const bool started = st.progress.actual_start.has_value();
                        if (started && opt.progress_mode == ProgressMode::progress_override) continue;
                        const bool to_start = dep.type == LinkType::finish_start || dep.type == LinkType::start_start;
                        if (!(started && to_start)) check_link(t, dep, s, false);
                        // A mandatory date or an actual finish pins late dates regardless of logic: on
                        // either task, or on a leaf below a summary predecessor (its late dates roll up
                        // from them).
                        bool hard = is_mandatory(st, project_of.at(s)->honor_constraints);
                        for (const auto& leaf : pred_leaves) {
                            const Task& lt = *task.at(leaf);
                            hard = hard || lt.progress.actual_finish || is_mandatory(lt, project_of.at(leaf)->honor_constraints);
                        }
                        if (opt.check_late_dates && !hard && !pt.progress.actual_finish && !started &&
                            !conflicting.count(row.at(dep.predecessor.str())))
                            check_link(t, dep, s, true);
                    }
                }
            }
        }
    }

    void tasks() {
        for (const auto& p : pf.projects) {
            const auto status = status_of(p);
            for (const auto& t : p.tasks) {
                const std::string& id = t.id.str();
                if (!row.count(id)) {
                    add(ViolationKind::calendar, id, {}, "task missing from the result");
                    continue;
                }
                const std::size_t i = row.at(id);
                const Instant es = r.early_start[i], ef = r.early_finish[i], ls = r.late_start[i], lf = r.late_finish[i];
                if (is_summary(id)) {
                    Instant lo{std::numeric_limits<std::int64_t>::max()}, hi{std::numeric_limits<std::int64_t>::min()};
                    for (const auto& c : children.at(id)) {
                        lo = std::min(lo, r.early_start[row.at(c)]);
                        hi = std::max(hi, r.early_finish[row.at(c)]);
                    }
                    if (es != lo || ef != hi)
                        add(ViolationKind::summary, id, {},
                            "summary " + to_string(es) + " .. " + to_string(ef) + " but children span " + to_string(lo) + " .. " + to_string(hi));
                    continue;
                }
                const WorkCalendar& cal = calendar(task_calendar_id(t));
                const auto& pr = t.progress;
                if (pr.actual_finish) {
                    if (es != *pr.actual_start || ef != *pr.actual_finish)
                        add(ViolationKind::progress, id, {}, "complete task does not keep its actual dates");
                    continue;
                }
                auto wb = [&](Instant a, Instant b) { return cal.work_between(a, b).count(); };
                if (pr.actual_start) {
                    if (es != *pr.actual_start) add(ViolationKind::progress, id, {}, "started task does not keep its actual start");
                    const Instant resume = status ? std::max(*status, *pr.actual_start) : *pr.actual_start;
                    const std::int64_t remaining = pr.remaining_duration ? pr.remaining_duration->count()
                                                                         : std::llround(static_cast<double>(t.duration.count()) * (1.0 - pr.percent_complete / 100.0));
                    if (remaining > 0 && wb(resume, ef) < remaining)
                        add(ViolationKind::progress, id, {},
                            "remaining " + std::to_string(remaining) + " minutes do not fit between " + to_string(resume) + " and " + to_string(ef));
                    continue;
                }
                const std::int64_t d = t.duration.count();
                auto check_span = [&](Instant a, Instant b, const char* which) {
                    if (d == 0) {
                        if (a != b) add(ViolationKind::calendar, id, {}, std::string(which) + " milestone start != finish");
                        return;
                    }
                    if (wb(a, a + Duration{1}) != 1)
                        add(ViolationKind::calendar, id, {}, std::string(which) + " start " + to_string(a) + " is not working time");
                    if (wb(b - Duration{1}, b) != 1)
                        add(ViolationKind::calendar, id, {}, std::string(which) + " finish " + to_string(b) + " does not end working time");
                    if (wb(a, b) != d)
                        add(ViolationKind::calendar, id, {},
                            std::string(which) + " dates hold " + std::to_string(wb(a, b)) + " working minutes, duration is " + std::to_string(d));
                };
                check_span(es, ef, "early");
                if (opt.check_late_dates) check_span(ls, lf, "late");
                // A hard constraint that won over logic (a conflict the schedule reports) wins over
                // the project start and the status date too, as the CPM places it.
                if (!conflicting.count(i)) {
                    if (wb(p.start, es) < 0) add(ViolationKind::progress, id, {}, "starts before its project start " + to_string(p.start));
                    if (status && wb(*status, es) < 0)
                        add(ViolationKind::progress, id, {}, "not started but scheduled before the status date " + to_string(*status));
                }
                // Total float is LF - EF on the task's calendar; non-negative float keeps late dates after early ones.
                if (opt.check_late_dates) {
                    if (wb(ef, lf) != r.total_float[i].count())
                        add(ViolationKind::float_sign, id, {}, "total float " + std::to_string(r.total_float[i].count()) +
                                                                    " != working minutes from early to late finish " + std::to_string(wb(ef, lf)));
                    if (r.total_float[i].count() >= 0 && wb(es, ls) < 0)
                        add(ViolationKind::float_sign, id, {}, "late start before early start with non-negative float");
                }
                bool hard_taken = false;
                for (const Constraint* con : {&t.constraint, t.secondary_constraint ? &*t.secondary_constraint : nullptr}) {
                    if (!con || !con->date) continue;
                    const Instant c = *con->date;
                    const ConstraintType ct = con->type;
                    const bool hard = !hard_taken && overrides_logic(ct, p.honor_constraints);
                    hard_taken = hard_taken || hard;
                    const bool start = ct == ConstraintType::start_no_earlier_than || ct == ConstraintType::start_no_later_than ||
                                       ct == ConstraintType::must_start_on || ct == ConstraintType::start_on ||
                                       ct == ConstraintType::mandatory_start;
                    const Instant early = start ? es : ef, late = start ? ls : lf;
                    // Without late dates (a levelled schedule) a soft constraint binds only its early side.
                    const bool late_side = opt.check_late_dates;
                    bool ok = true;
                    switch (ct) {
                        case ConstraintType::start_no_earlier_than:
                        case ConstraintType::finish_no_earlier_than: ok = wb(c, early) >= 0; break;
                        case ConstraintType::start_no_later_than:
                        case ConstraintType::finish_no_later_than:
                            ok = (!late_side || wb(late, c) >= 0) && (!hard || wb(early, c) >= 0);
                            break;
                        case ConstraintType::as_soon_as_possible:
                        case ConstraintType::as_late_as_possible: break;
                        default:  // on a date: hard pins the early date; soft raises it and caps the late one
                            ok = hard ? wb(early, c) == 0 : wb(c, early) >= 0 && (!late_side || wb(late, c) >= 0);
                            break;
                    }
                    if (!ok)
                        add(ViolationKind::constraint, id, {},
                            std::string(to_string(ct)) + (hard ? " (overrides logic) " : " ") + to_string(c) + " broken: early " +
                                to_string(es) + " .. " + to_string(ef) + ", late " + to_string(ls) + " .. " + to_string(lf));
                }
            }
        }
    }
};

}  // namespace

std::vector<Violation> validate_schedule(const Portfolio& portfolio, const ScheduleResult& result, const ValidatorOptions& options) {
    Checker c{portfolio, result, options, {}, {}, {}, {}, {}, {}, {}, {}};
    c.opt_status = options.status_date;
    c.index();
    c.tasks();
    c.links();
    return std::move(c.out);
}

std::string_view to_string(ViolationKind k) noexcept {
    switch (k) {
        case ViolationKind::link: return "link";
        case ViolationKind::calendar: return "calendar";
        case ViolationKind::constraint: return "constraint";
        case ViolationKind::progress: return "progress";
        case ViolationKind::summary: return "summary";
        case ViolationKind::float_sign: return "float_sign";
        case ViolationKind::capacity: return "capacity";
        case ViolationKind::piece: return "piece";
    }
    return "unknown";
}

}  // namespace ppm
