// Stage gates, change requests, issue log and lessons learned (see the headers for sources).
#include <algorithm>
#include <cctype>
#include <tuple>

#include "ppm/core/error.hpp"
#include "ppm/evm/change_request.hpp"
#include "ppm/evm/issue_log.hpp"
#include "ppm/evm/lessons.hpp"
#include "ppm/evm/stage_gate.hpp"

namespace ppm {

// ---- stage gates ---------------------------------------------------------------------------

std::string_view to_string(GateDecision d) noexcept {
    switch (d) {
        case GateDecision::pending: return "pending";
        case GateDecision::approve: return "approve";
        case GateDecision::hold: return "hold";
        case GateDecision::kill: return "kill";
    }
    return "?";
}

GateDecision parse_gate_decision(std::string_view s) {
    for (auto d : {GateDecision::pending, GateDecision::approve, GateDecision::hold, GateDecision::kill})
        if (to_string(d) == s) return d;
    throw ModelError::invalid_value("gate decision", s, "expected pending, approve, hold or kill");
}

GateChecklist evaluate_gate(const PhaseTemplate& phase, const GateReview& review) {
    for (const auto& r : review.results) {
        const bool known = std::any_of(phase.criteria.begin(), phase.criteria.end(), [&](const auto& c) { return c.id == r.criterion; });
        if (!known) throw ModelError::unknown_id("gate criterion", r.criterion, "review of phase " + phase.name);
    }
    GateChecklist out;
    for (const auto& c : phase.criteria) {
        ++out.total;
        const auto it = std::find_if(review.results.begin(), review.results.end(), [&](const auto& r) { return r.criterion == c.id; });
        if (it != review.results.end() && it->met) {
            ++out.met;
        } else {
            out.unmet.push_back(c.id);
            if (c.mandatory) ++out.mandatory_unmet;
        }
    }
    out.recommended = out.mandatory_unmet == 0 ? GateDecision::approve : GateDecision::hold;
    return out;
}

bool may_enter_phase(const Methodology& m, std::span<const GateReview> reviews, const ProjectId& project, std::string_view phase) {
    const std::size_t k = phase_index(m, phase);
    if (k == m.phases.size()) throw ModelError::unknown_id("phase", phase, "methodology " + m.id);
    if (k == 0) return true;
    const std::string& previous = m.phases[k - 1].name;
    const GateReview* latest = nullptr;
    for (const auto& r : reviews) {
        if (r.project != project || r.phase != previous) continue;
        if (latest == nullptr || !latest->date || (r.date && *r.date >= *latest->date)) latest = &r;
    }
    return latest != nullptr && latest->decision == GateDecision::approve;
}

// ---- change requests -----------------------------------------------------------------------

std::string_view to_string(ChangeStatus s) noexcept {
    switch (s) {
        case ChangeStatus::submitted: return "submitted";
        case ChangeStatus::approved: return "approved";
        case ChangeStatus::rejected: return "rejected";
        case ChangeStatus::withdrawn: return "withdrawn";
    }
    return "?";
}

ChangeStatus parse_change_status(std::string_view s) {
    for (auto v : {ChangeStatus::submitted, ChangeStatus::approved, ChangeStatus::rejected, ChangeStatus::withdrawn})
        if (to_string(v) == s) return v;
    throw ModelError::invalid_value("change request status", s, "expected submitted, approved, rejected or withdrawn");
}

Baseline apply_change(const Baseline& current, const ChangeRequest& cr, std::string new_name) {
    Baseline b = current;
    b.name = std::move(new_name);
    std::vector<std::size_t> hit;
    for (const auto& t : cr.affected_tasks) {
        const auto k = find_task(b, t);
        if (k == b.size()) throw ModelError::unknown_id("task", t.str(), "change request " + cr.id);
        hit.push_back(k);
    }
    if (!hit.empty()) {
        const auto n = static_cast<std::int64_t>(hit.size());
        const std::int64_t each = cr.cost_delta.minor_units() / n;
        const std::int64_t rest = cr.cost_delta.minor_units() - each * n;
        Instant latest_finish = b.finish[hit.front()];
        for (std::size_t i = 0; i < hit.size(); ++i) {
            const auto k = hit[i];
            b.cost[k] += Money{each + (i == 0 ? rest : 0)};
            if (b.cost[k] < Money{0}) throw ModelError::invalid_value("baseline cost", b.task[k].str(), "change makes it negative");
            latest_finish = std::max(latest_finish, b.finish[k]);
        }
        for (auto k : hit) b.finish[k] = std::max(b.start[k], b.finish[k] + cr.schedule_delta);
        for (std::size_t k = 0; k < b.size(); ++k) {
            if (std::find(hit.begin(), hit.end(), k) != hit.end()) continue;
            if (b.start[k] >= latest_finish) {
                b.start[k] += cr.schedule_delta;
                b.finish[k] += cr.schedule_delta;
            }
        }
    }
    return b;
}

void approve_change(ChangeRequest& cr, BaselineSet& set, Baseline revised, Date when, std::string by) {
    if (cr.status != ChangeStatus::submitted)
        throw ModelError::inconsistent("change request", cr.id, "only a submitted request can be approved");
    if (revised.project != cr.project)
        throw ModelError::inconsistent("change request", cr.id, "revised baseline belongs to another project");
    cr.status = ChangeStatus::approved;
    cr.decided = when;
    cr.decided_by = std::move(by);
    revised.captured_at = Instant::at(when);
    set.set_current(std::move(revised));
}

void reject_change(ChangeRequest& cr, Date when, std::string by) {
    if (cr.status != ChangeStatus::submitted)
        throw ModelError::inconsistent("change request", cr.id, "only a submitted request can be rejected");
    cr.status = ChangeStatus::rejected;
    cr.decided = when;
    cr.decided_by = std::move(by);
}

// ---- issue log -----------------------------------------------------------------------------

std::string_view to_string(IssueStatus s) noexcept {
    switch (s) {
        case IssueStatus::open: return "open";
        case IssueStatus::in_progress: return "in_progress";
        case IssueStatus::resolved: return "resolved";
        case IssueStatus::closed: return "closed";
    }
    return "?";
}

std::string_view to_string(IssuePriority p) noexcept {
    switch (p) {
        case IssuePriority::low: return "low";
        case IssuePriority::medium: return "medium";
        case IssuePriority::high: return "high";
        case IssuePriority::critical: return "critical";
    }
    return "?";
}

IssueStatus parse_issue_status(std::string_view s) {
    for (auto v : {IssueStatus::open, IssueStatus::in_progress, IssueStatus::resolved, IssueStatus::closed})
        if (to_string(v) == s) return v;
    throw ModelError::invalid_value("issue status", s, "expected open, in_progress, resolved or closed");
}

IssuePriority parse_issue_priority(std::string_view s) {
    for (auto v : {IssuePriority::low, IssuePriority::medium, IssuePriority::high, IssuePriority::critical})
        if (to_string(v) == s) return v;
    throw ModelError::invalid_value("issue priority", s, "expected low, medium, high or critical");
}

namespace {
bool is_open(IssueStatus s) noexcept { return s == IssueStatus::open || s == IssueStatus::in_progress; }
}  // namespace

std::vector<std::size_t> open_issues(std::span<const Issue> issues, const std::optional<ProjectId>& project, IssuePriority at_least) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < issues.size(); ++i)
        if (is_open(issues[i].status) && issues[i].priority >= at_least && (!project || issues[i].project == project)) out.push_back(i);
    std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
        const auto& x = issues[a];
        const auto& y = issues[b];
        const Date far{std::numeric_limits<std::int32_t>::max()};
        return std::tuple(-static_cast<int>(x.priority), x.due.value_or(far), x.id) <
               std::tuple(-static_cast<int>(y.priority), y.due.value_or(far), y.id);
    });
    return out;
}

std::vector<std::size_t> overdue_issues(std::span<const Issue> issues, Date today) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < issues.size(); ++i)
        if (is_open(issues[i].status) && issues[i].due && *issues[i].due < today) out.push_back(i);
    return out;
}

// ---- lessons learned -----------------------------------------------------------------------

namespace {
std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}
std::size_t occurrences(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto pos = hay.find(needle); pos != std::string::npos; pos = hay.find(needle, pos + needle.size())) ++n;
    return n;
}
}  // namespace

std::vector<std::size_t> search_lessons(std::span<const Lesson> lessons, const LessonQuery& q) {
    std::vector<std::string> words;
    {
        std::string w;
        for (char c : lower(q.text) + " ") {
            if (std::isspace(static_cast<unsigned char>(c))) {
                if (!w.empty()) words.push_back(w);
                w.clear();
            } else {
                w += c;
            }
        }
    }
    std::vector<std::pair<std::size_t, std::size_t>> hits;  // (position, score)
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        const auto& l = lessons[i];
        if (q.project && l.project != q.project) continue;
        if (!q.phase.empty() && lower(l.phase) != lower(q.phase)) continue;
        bool ok = true;
        for (const auto& t : q.tags) {
            const auto lt = lower(t);
            ok = ok && std::any_of(l.tags.begin(), l.tags.end(), [&](const auto& x) { return lower(x) == lt; });
        }
        if (!ok) continue;
        const std::string hay = lower(l.title) + "\n" + lower(l.text);
        std::size_t score = 0;
        for (const auto& w : words) {
            const auto n = occurrences(hay, w);
            if (n == 0) {
                ok = false;
                break;
            }
            score += n;
        }
        if (ok) hits.emplace_back(i, score);
    }
    std::stable_sort(hits.begin(), hits.end(), [&](const auto& a, const auto& b) {
        if (a.second != b.second) return a.second > b.second;
        return lessons[a.first].recorded.value_or(Date{}) > lessons[b.first].recorded.value_or(Date{});
    });
    std::vector<std::size_t> out;
    for (const auto& h : hits) out.push_back(h.first);
    return out;
}

}  // namespace ppm
