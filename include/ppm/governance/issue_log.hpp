#pragma once
/// @file
/// The issue log (PMBOK Guide 6th ed., 4.3.3.3): problems that have happened, with owner,
/// priority, due date and resolution; an issue may come from a risk that occurred.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

enum class IssueStatus { open, in_progress, resolved, closed };
enum class IssuePriority { low, medium, high, critical };
std::string_view to_string(IssueStatus s) noexcept;      ///< "open", "in_progress", "resolved", "closed"
std::string_view to_string(IssuePriority p) noexcept;    ///< "low", "medium", "high", "critical"
IssueStatus parse_issue_status(std::string_view s);      ///< Throws ModelError(invalid_value).
IssuePriority parse_issue_priority(std::string_view s);  ///< Throws ModelError(invalid_value).

/// One issue.
struct Issue {
    std::string id;
    std::optional<ProjectId> project;
    std::string title;
    std::string description;
    std::string owner;
    IssuePriority priority = IssuePriority::medium;
    IssueStatus status = IssueStatus::open;
    std::optional<Date> raised, due, resolved;
    std::string resolution;
    std::string from_risk;  ///< Id of the risk that occurred, if any.
};

/// Open or in-progress issues (optionally of one project, at or above a priority), most urgent first
/// (priority, then due date, then id). Returns positions in `issues`.
[[nodiscard]] std::vector<std::size_t> open_issues(std::span<const Issue> issues, const std::optional<ProjectId>& project = {},
                                                   IssuePriority at_least = IssuePriority::low);
/// Open issues whose due date is before `today`.
[[nodiscard]] std::vector<std::size_t> overdue_issues(std::span<const Issue> issues, Date today);

}  // namespace ppm
