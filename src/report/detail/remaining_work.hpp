#pragma once
// Which tasks have no work left, for the dashboard's float and criticality. Minimum float and the
// critical path are about the work that remains: a task with an actual finish has its dates fixed
// and carries total float 0 in the CPM result, so it would win every project's minimum float, and a
// summary whose tasks are all done lies on no path any more (CPM flags only complete leaf tasks
// non-critical; a complete summary keeps the zero float of its children).

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ppm/core/project.hpp"

namespace ppm::detail {

/// Ids of the tasks of `project` whose work is done: leaf tasks with an actual finish (as the CPM
/// engine reads progress) and summary tasks whose children are all done.
inline std::unordered_set<std::string> finished_tasks(const Project& project) {
    std::unordered_map<std::string, std::vector<const Task*>> children;
    for (const auto& t : project.tasks)
        if (t.parent) children[t.parent->str()].push_back(&t);
    std::unordered_map<std::string, bool> done;  // memo; a WBS cycle (rejected by validate) counts as not done
    auto is_done = [&](const auto& self, const Task& t) -> bool {
        const std::string& id = t.id.str();
        if (const auto it = done.find(id); it != done.end()) return it->second;
        done[id] = false;
        const auto ch = children.find(id);
        bool all = true;
        if (ch == children.end()) {
            all = t.progress.actual_finish.has_value();
        } else {
            for (const Task* c : ch->second) all = self(self, *c) && all;
        }
        return done[id] = all;
    };
    std::unordered_set<std::string> out;
    for (const auto& t : project.tasks)
        if (is_done(is_done, t)) out.insert(t.id.str());
    return out;
}

}  // namespace ppm::detail
