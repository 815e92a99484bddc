// Independent checker of a levelled schedule (include/ppm/leveling/level_validator.hpp). It reads
// the editable model (assignments, availability periods, task calendars) and the result's dates
// and pieces; it never calls the levelling engine. Links, calendars, constraints, progress and
// summaries are `validate_schedule`'s rules on the levelled dates; the CPM run only tells it which
// tasks' hard constraints override logic (their links are expected to break, as in a CPM result).
#include "ppm/leveling/level_validator.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <iomanip>
#include <limits>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "ppm/calendar/work_calendar.hpp"
#include "ppm/schedule/detail/constraint_rules.hpp"
#include "ppm/schedule/detail/model_calendars.hpp"

namespace ppm {

namespace {

constexpr double kTolerance = 1e-6;  // units (the engine's own over-allocation sweep uses the same)

std::string units(double u) {  // 2, 0.5, 1.25
    std::ostringstream os;
    os << std::setprecision(6) << u;
    return os.str();
}

// The constraint that wins over logic, if any: the first of the task's constraints that overrides
// it; a later one binds as its soft form (docs/scheduling.md, "Constraints").
const Constraint* winning(const Task& t, bool honor) {
    for (const Constraint* c : {&t.constraint, t.secondary_constraint ? &*t.secondary_constraint : nullptr})
        if (c && c->date && detail::overrides_logic(c->type, honor)) return c;
    return nullptr;
}

struct LevelChecker {
    const Portfolio& pf;
    const LevelResult& r;
    const LevelValidatorOptions& opt;
    std::vector<Violation> out;
    std::unordered_map<std::string, std::size_t> row;  // task id -> result row

    void add(ViolationKind k, std::string task, std::string other, std::string msg) {
        out.push_back({k, std::move(task), std::move(other), std::move(msg)});
    }

    // The arrays of the result fit together (a result built by hand may not): else nothing below is read.
    bool shape() {
        const std::size_t n = r.task_id.size();
        auto sized = [&](std::size_t got, std::size_t want, const char* what) {
            if (got == want) return true;
            add(ViolationKind::piece, {}, {}, std::string(what) + " has " + std::to_string(got) + " entries, expected " + std::to_string(want));
            return false;
        };
        bool ok = sized(r.start.size(), n, "start") && sized(r.finish.size(), n, "finish") && sized(r.is_summary.size(), n, "is_summary") &&
                  sized(r.is_split.size(), n, "is_split") && sized(r.piece_offsets.size(), n + 1, "piece_offsets") &&
                  sized(r.piece_finish.size(), r.piece_start.size(), "piece_finish");
        if (!ok) return false;
        for (std::size_t i = 0; i < n; ++i)
            if (r.piece_offsets[i] > r.piece_offsets[i + 1] || r.piece_offsets[i + 1] > r.piece_start.size()) {
                add(ViolationKind::piece, r.task_id[i].str(), {}, "piece_offsets out of order or past the pieces");
                return false;
            }
        for (std::size_t i = 0; i < n; ++i) row.emplace(r.task_id[i].str(), i);
        return true;
    }

    // Links, calendars, constraints, progress and summaries on the levelled dates; a split task's
    // calendar rule is the piece rule instead.
    void schedule_rules(detail::ModelCalendars& cals) {
        ScheduleResult s = to_schedule_result(r);
        for (const ScheduleWarning& w : schedule(pf, opt.schedule).warnings)
            if (w.kind == ScheduleWarningKind::constraint_conflict) s.warnings.push_back(w);
        ValidatorOptions vo;
        vo.check_late_dates = false;
        vo.progress_mode = opt.schedule.progress_mode;
        vo.status_date = opt.schedule.status_date;
        // Tasks held where they are (docs/leveling.md, "Fixed tasks"): started ones, those a hard
        // MSO / MFO pins, and those on the date of a hard SNLT / FNLT. Levelling may delay their
        // predecessors past them, as MS Project and P6 do (the link then shows negative float;
        // `level` warns), so links into them are not checked.
        std::unordered_set<std::string> held;
        for (const Project& p : pf.projects)
            for (const Task& t : p.tasks) {
                auto it = row.find(t.id.str());
                if (it == row.end()) continue;
                const Constraint* c = winning(t, p.honor_constraints);
                bool on_date = c != nullptr;
                if (c && (c->type == ConstraintType::start_no_later_than || c->type == ConstraintType::finish_no_later_than)) {
                    const Instant at = c->type == ConstraintType::start_no_later_than ? r.start[it->second] : r.finish[it->second];
                    on_date = cals.of_task(p, t).work_between(at, *c->date).count() == 0;
                }
                if (t.progress.actual_start || on_date) held.insert(t.id.str());
            }
        for (Violation& v : validate_schedule(pf, s, vo)) {
            if (v.kind == ViolationKind::calendar) {
                auto it = row.find(v.task);
                if (it != row.end() && r.is_split[it->second]) continue;
            }
            if (v.kind == ViolationKind::link && held.count(v.task)) continue;
            out.push_back(std::move(v));
        }
    }

    void pieces(detail::ModelCalendars& cals) {
        for (const Project& p : pf.projects)
            for (const Task& t : p.tasks) {
                auto it = row.find(t.id.str());
                if (it == row.end()) continue;  // validate_schedule names it
                const std::size_t i = it->second;
                const std::string& id = t.id.str();
                const std::uint32_t lo = r.piece_offsets[i], hi = r.piece_offsets[i + 1];
                if (r.is_summary[i] || r.start[i] == r.finish[i]) {
                    for (std::uint32_t k = lo; k < hi; ++k)
                        if (r.piece_start[k] != r.piece_finish[k])
                            add(ViolationKind::piece, id, {}, std::string(r.is_summary[i] ? "summary" : "milestone") + " has a working piece " +
                                                                  to_string(r.piece_start[k]) + " .. " + to_string(r.piece_finish[k]));
                    continue;
                }
                if (hi == lo) {
                    add(ViolationKind::piece, id, {}, "no working piece for " + to_string(r.start[i]) + " .. " + to_string(r.finish[i]));
                    continue;
                }
                if (!r.is_split[i] && hi - lo != 1)
                    add(ViolationKind::piece, id, {}, "not split but has " + std::to_string(hi - lo) + " pieces");
                if (r.piece_start[lo] != r.start[i] || r.piece_finish[hi - 1] != r.finish[i])
                    add(ViolationKind::piece, id, {},
                        "pieces span " + to_string(r.piece_start[lo]) + " .. " + to_string(r.piece_finish[hi - 1]) + ", the task " +
                            to_string(r.start[i]) + " .. " + to_string(r.finish[i]));
                // Started and complete tasks keep their actual dates, which need not be working time
                // (validate_schedule's progress rule checks them).
                const bool started = t.progress.actual_start.has_value();
                const WorkCalendar& cal = cals.of_task(p, t);
                std::int64_t work = 0;
                for (std::uint32_t k = lo; k < hi; ++k) {
                    const Instant a = r.piece_start[k], b = r.piece_finish[k];
                    const std::string where = "piece " + std::to_string(k - lo + 1) + " (" + to_string(a) + " .. " + to_string(b) + ")";
                    if (b <= a) {
                        add(ViolationKind::piece, id, {}, where + " is empty or reversed");
                        continue;
                    }
                    if (k > lo && a < r.piece_finish[k - 1]) add(ViolationKind::piece, id, {}, where + " starts before the piece before it ends");
                    if (started) continue;
                    if (cal.work_between(a, a + Duration{1}).count() != 1)
                        add(ViolationKind::piece, id, {}, where + " does not start in working time");
                    if (cal.work_between(b - Duration{1}, b).count() != 1)
                        add(ViolationKind::piece, id, {}, where + " does not end at the end of working time");
                    work += cal.work_between(a, b).count();
                }
                if (r.is_split[i] && !started && work != t.duration.count())
                    add(ViolationKind::piece, id, {},
                        "pieces hold " + std::to_string(work) + " working minutes, duration is " + std::to_string(t.duration.count()));
            }
    }

    void capacity() {
        struct Use {
            std::int64_t from, to;
            double units;
            std::size_t task;
        };
        // The work resources' uses, one pass over the assignments (in model order).
        std::unordered_map<std::string, std::size_t> work_resource;
        for (std::size_t q = 0; q < pf.resources.size(); ++q)
            if (pf.resources[q].type == ResourceType::work) work_resource.emplace(pf.resources[q].id.str(), q);
        std::vector<std::vector<Use>> uses_of(pf.resources.size());
        for (const Project& p : pf.projects)
            for (const Task& t : p.tasks) {
                auto it = row.find(t.id.str());
                // Complete work is history: levelling neither moves nor counts it.
                if (it == row.end() || r.is_summary[it->second] || t.progress.actual_finish) continue;
                const std::size_t i = it->second;
                for (const Assignment& a : t.assignments) {
                    auto q = work_resource.find(a.resource.str());
                    if (q == work_resource.end() || a.units <= 0.0) continue;
                    for (std::uint32_t k = r.piece_offsets[i]; k < r.piece_offsets[i + 1]; ++k)
                        if (r.piece_start[k] < r.piece_finish[k])
                            uses_of[q->second].push_back(
                                {r.piece_start[k].minutes_since_epoch(), r.piece_finish[k].minutes_since_epoch(), a.units, i});
                }
            }
        for (std::size_t q = 0; q < pf.resources.size(); ++q) {
            const Resource& res = pf.resources[q];
            const std::vector<Use>& uses = uses_of[q];
            if (uses.empty()) continue;
            // Demand changes where a piece starts or ends, capacity where a period starts or ends.
            std::vector<std::pair<std::int64_t, double>> events;
            events.reserve(2 * uses.size() + 2 * res.availability.size());
            for (const Use& u : uses) {
                events.emplace_back(u.from, u.units);
                events.emplace_back(u.to, -u.units);
            }
            for (const AvailabilityPeriod& ap : res.availability) {
                events.emplace_back(ap.from.minutes_since_epoch(), 0.0);
                events.emplace_back(ap.to.minutes_since_epoch(), 0.0);
            }
            std::sort(events.begin(), events.end());
            auto capacity_at = [&](std::int64_t t) {
                double c = res.max_units;  // a later period overrides an earlier one
                for (const AvailabilityPeriod& ap : res.availability)
                    if (ap.from.minutes_since_epoch() <= t && t < ap.to.minutes_since_epoch()) c = ap.units;
                return c;
            };
            // The over-allocations the result reports on this resource, by start.
            std::vector<std::pair<std::int64_t, std::int64_t>> own;
            if (!opt.strict_capacity)
                for (const OverAllocation& o : r.over_allocations)
                    if (o.resource == res.id) own.emplace_back(o.from.minutes_since_epoch(), o.to.minutes_since_epoch());
            std::sort(own.begin(), own.end());
            for (std::size_t k = 1; k < own.size(); ++k) own[k].second = std::max(own[k].second, own[k - 1].second);  // latest end so far
            auto reported = [&](std::int64_t a, std::int64_t b) {  // [a, b) inside one of them
                auto it = std::upper_bound(own.begin(), own.end(), std::make_pair(a, std::numeric_limits<std::int64_t>::max()));
                return it != own.begin() && b <= std::prev(it)->second;  // of those starting by a, the latest end
            };
            // Each maximal run of over-capacity intervals is one violation.
            double demand = 0.0, peak = 0.0, least = 0.0;
            std::int64_t open = std::numeric_limits<std::int64_t>::min(), close = 0;
            auto flush = [&] {
                if (open == std::numeric_limits<std::int64_t>::min()) return;
                std::vector<std::size_t> holding;
                for (const Use& u : uses)
                    if (u.from <= open && open < u.to && std::find(holding.begin(), holding.end(), u.task) == holding.end()) holding.push_back(u.task);
                std::sort(holding.begin(), holding.end());
                std::string names;
                for (std::size_t k = 0; k < holding.size() && k < 6; ++k) names += (k ? ", " : "") + r.task_id[holding[k]].str();
                if (holding.size() > 6) names += " and " + std::to_string(holding.size() - 6) + " more";
                add(ViolationKind::capacity, holding.empty() ? std::string{} : r.task_id[holding.front()].str(), res.id.str(),
                    res.id.str() + " over capacity " + to_string(Instant{open}) + " .. " + to_string(Instant{close}) + ": demand up to " +
                        units(peak) + " units, capacity " + units(least) + " (held by " + names + ")");
                open = std::numeric_limits<std::int64_t>::min();
            };
            for (std::size_t k = 0; k < events.size();) {
                const std::int64_t t = events[k].first;
                while (k < events.size() && events[k].first == t) demand += events[k++].second;
                if (k == events.size()) break;
                const std::int64_t t2 = events[k].first;
                const double c = capacity_at(t);
                if (demand > c + kTolerance && !reported(t, t2)) {
                    if (open != std::numeric_limits<std::int64_t>::min() && close == t) {
                        peak = std::max(peak, demand);
                        least = std::min(least, c);
                    } else {
                        flush();
                        open = t;
                        peak = demand;
                        least = c;
                    }
                    close = t2;
                } else {
                    flush();
                }
            }
            flush();
        }
    }
};

}  // namespace

std::vector<Violation> validate_level(const Portfolio& portfolio, const LevelResult& result, const LevelValidatorOptions& options) {
    LevelChecker c{portfolio, result, options, {}, {}};
    if (!c.shape()) return std::move(c.out);
    // Calendars over every date of the result, with a margin.
    std::int64_t lo = std::numeric_limits<std::int64_t>::max(), hi = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < result.start.size(); ++i) {
        lo = std::min(lo, result.start[i].minutes_since_epoch());
        hi = std::max(hi, result.finish[i].minutes_since_epoch());
    }
    for (std::size_t k = 0; k < result.piece_start.size(); ++k) {
        lo = std::min(lo, result.piece_start[k].minutes_since_epoch());
        hi = std::max(hi, result.piece_finish[k].minutes_since_epoch());
    }
    if (lo > hi) lo = hi = 0;
    detail::ModelCalendars cals(portfolio, Instant{lo}.date() - 60, Instant{hi}.date() + 60);
    c.schedule_rules(cals);
    c.pieces(cals);
    c.capacity();
    return std::move(c.out);
}

}  // namespace ppm
