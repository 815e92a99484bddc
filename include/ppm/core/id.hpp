#pragma once
/// @file
/// Strong identifiers for model entities and dense indices for solvers.
///
/// `Id<Tag>` names an entity in the editable model (a task "P1.A100", a resource "ENG").
/// `Index<Tag>` is a dense 0-based position used by solvers' structs of arrays, so a vector
/// indexed by tasks can only be subscripted by a task index (OR-Tools' StrongIndex idea).

#include <compare>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

namespace ppm {

/// A user-visible identifier: an explicit wrapper around a string, ordered and hashable.
template <class Tag>
class Id {
public:
    Id() = default;
    explicit Id(std::string value) : value_(std::move(value)) {}
    explicit Id(std::string_view value) : value_(value) {}
    explicit Id(const char* value) : value_(value) {}

    /// The identifier's text.
    [[nodiscard]] const std::string& str() const noexcept { return value_; }
    /// True when no identifier was given.
    [[nodiscard]] bool empty() const noexcept { return value_.empty(); }

    friend auto operator<=>(const Id&, const Id&) = default;
    friend bool operator==(const Id&, const Id&) = default;

private:
    std::string value_;
};

/// A dense 0-based index into a solver's arrays.
template <class Tag>
class Index {
public:
    using value_type = std::uint32_t;
    static constexpr value_type kInvalid = std::numeric_limits<value_type>::max();

    constexpr Index() = default;
    constexpr explicit Index(value_type value) noexcept : value_(value) {}

    [[nodiscard]] constexpr value_type value() const noexcept { return value_; }
    [[nodiscard]] constexpr bool valid() const noexcept { return value_ != kInvalid; }

    friend constexpr auto operator<=>(Index, Index) = default;

private:
    value_type value_ = kInvalid;
};

struct PortfolioTag;
struct ProgramTag;
struct ProjectTag;
struct TaskTag;
struct CalendarTag;
struct ResourceTag;

using PortfolioId = Id<PortfolioTag>;  ///< Names a portfolio.
using ProgramId = Id<ProgramTag>;      ///< Names a program (a group of related projects).
using ProjectId = Id<ProjectTag>;      ///< Names a project.
using TaskId = Id<TaskTag>;            ///< Names a task, unique across a portfolio.
using CalendarId = Id<CalendarTag>;    ///< Names a working calendar.
using ResourceId = Id<ResourceTag>;    ///< Names a resource.

using TaskIndex = Index<TaskTag>;          ///< Dense task position in a solver's arrays.
using ProjectIndex = Index<ProjectTag>;    ///< Dense project position.
using CalendarIndex = Index<CalendarTag>;  ///< Dense calendar position.
using ResourceIndex = Index<ResourceTag>;  ///< Dense resource position.

}  // namespace ppm

template <class Tag>
struct std::hash<ppm::Id<Tag>> {
    std::size_t operator()(const ppm::Id<Tag>& id) const noexcept { return std::hash<std::string>{}(id.str()); }
};

template <class Tag>
struct std::hash<ppm::Index<Tag>> {
    std::size_t operator()(ppm::Index<Tag> i) const noexcept { return std::hash<std::uint32_t>{}(i.value()); }
};
