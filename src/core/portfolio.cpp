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

const Project* Portfolio::find_project(const ProjectId& id) const noexcept { return find_by_id(projects, id); }
Project* Portfolio::find_project(const ProjectId& id) noexcept { return find_by_id(projects, id); }
const Calendar* Portfolio::find_calendar(const CalendarId& id) const noexcept { return find_by_id(calendars, id); }
const Resource* Portfolio::find_resource(const ResourceId& id) const noexcept { return find_by_id(resources, id); }
const Program* Portfolio::find_program(const ProgramId& id) const noexcept { return find_by_id(programs, id); }

const Task* Portfolio::find_task(const TaskId& id) const noexcept {
    for (const auto& p : projects)
        if (const Task* t = find_by_id(p.tasks, id)) return t;
    return nullptr;
}

Task* Portfolio::find_task(const TaskId& id) noexcept {
    for (auto& p : projects)
        if (Task* t = find_by_id(p.tasks, id)) return t;
    return nullptr;
}

std::size_t Portfolio::task_count() const noexcept {
    std::size_t n = 0;
    for (const auto& p : projects) n += p.tasks.size();
    return n;
}

}  // namespace ppm
