// The issue log (see issue_log.hpp for sources).
#include "ppm/governance/issue_log.hpp"

#include <algorithm>

#include "ppm/core/error.hpp"

namespace ppm {

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

}  // namespace ppm
