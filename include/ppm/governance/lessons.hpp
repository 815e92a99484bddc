#pragma once
/// @file
/// Lessons learned register (PMBOK Guide 6th ed., 4.4.3.1), searchable by tag and by text:
/// every query word must occur (case-insensitive substring) in the title or text, every query tag
/// must be among the lesson's tags; results ranked by number of word occurrences, then newest first.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// One lesson.
struct Lesson {
    std::string id;
    std::optional<ProjectId> project;
    std::string phase;
    std::vector<std::string> tags;
    std::string title;
    std::string text;
    std::optional<Date> recorded;
};

/// A search; empty fields do not filter.
struct LessonQuery {
    std::vector<std::string> tags;  ///< All must match (case-insensitive).
    std::string text;               ///< Words, all must occur.
    std::optional<ProjectId> project;
    std::string phase;
};

/// Positions of matching lessons, best first.
[[nodiscard]] std::vector<std::size_t> search_lessons(std::span<const Lesson> lessons, const LessonQuery& q);

}  // namespace ppm
