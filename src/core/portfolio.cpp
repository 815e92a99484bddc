#include "ppm/core/portfolio.hpp"

#include <algorithm>

namespace ppm {

namespace {
template <class Range, class IdT>
auto find_by_id(Range& range, const IdT& id) -> decltype(&*range.begin()) {
    auto it = std::find_if(range.begin(), range.end(), [&](const auto& e) { return e.id == id; });
    return it == range.end() ? nullptr : &*it;
}
}  // namespace

const Project* Portfolio::find_project(const ProjectId& wanted) const noexcept { return find_by_id(projects, wanted); }
Project* Portfolio::find_project(const ProjectId& wanted) noexcept { return find_by_id(projects, wanted); }
const Calendar* Portfolio::find_calendar(const CalendarId& wanted) const noexcept { return find_by_id(calendars, wanted); }
const Resource* Portfolio::find_resource(const ResourceId& wanted) const noexcept { return find_by_id(resources, wanted); }
const Program* Portfolio::find_program(const ProgramId& wanted) const noexcept { return find_by_id(programs, wanted); }

const Task* Portfolio::find_task(const TaskId& wanted) const noexcept {
    for (const auto& p : projects)
        if (const Task* t = find_by_id(p.tasks, wanted)) return t;
    return nullptr;
}

Task* Portfolio::find_task(const TaskId& wanted) noexcept {
    for (auto& p : projects)
        if (Task* t = find_by_id(p.tasks, wanted)) return t;
    return nullptr;
}

std::size_t Portfolio::task_count() const noexcept {
    std::size_t n = 0;
    for (const auto& p : projects) n += p.tasks.size();
    return n;
}

}  // namespace ppm
