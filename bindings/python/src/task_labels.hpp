#pragma once
// Task names and WBS parents carried by the task results (ScheduleResult, LevelResult) that
// schedule() and level() return, so their DataFrames read as a person expects (id, name, parent,
// project) without the portfolio at hand. The C++ results hold ids only; the labels are copied from
// the portfolio in C++ (no Python objects per task until a DataFrame asks) and kept in the result's
// `__dict__` under "_labels" (the result classes have dynamic attributes), so they pickle with it.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "state.hpp"

namespace ppm::python {

namespace py = pybind11;

/// Name and WBS parent id of each task of a result, indexed like its `task_id`.
struct TaskLabels {
    std::vector<std::string> name;
    std::vector<std::optional<std::string>> parent;
};

/// The labels of `ids` from `portfolio` (empty name / None parent for an id it does not hold).
inline TaskLabels task_labels(const Portfolio& portfolio, const std::vector<TaskId>& ids) {
    std::unordered_map<std::string_view, const Task*> by_id;
    for (const auto& project : portfolio.projects)
        for (const auto& task : project.tasks) by_id.emplace(task.id.str(), &task);
    TaskLabels labels;
    labels.name.reserve(ids.size());
    labels.parent.reserve(ids.size());
    for (const auto& id : ids) {
        auto it = by_id.find(id.str());
        const Task* task = it == by_id.end() ? nullptr : it->second;
        labels.name.push_back(task ? task->name : std::string{});
        labels.parent.push_back(task && task->parent ? std::optional<std::string>(task->parent->str()) : std::nullopt);
    }
    return labels;
}

/// Stores `labels` on the Python result object.
inline void attach_labels(const py::object& result, TaskLabels labels) {
    result.attr("__dict__")["_labels"] = py::cast(std::move(labels));
}

/// Copies the labels of `from` (if any) onto `to`.
inline void copy_labels(const py::object& from, const py::object& to) {
    py::dict d = from.attr("__dict__");
    if (d.contains("_labels")) to.attr("__dict__")["_labels"] = d["_labels"];
}

/// The labels on `result`, or nullptr.
inline const TaskLabels* labels_of(const py::object& result) {
    py::dict d = result.attr("__dict__");
    if (!d.contains("_labels")) return nullptr;
    return &d["_labels"].cast<const TaskLabels&>();
}

/// Adds the "name" and "parent" columns (None where unknown) to a DataFrame's column dict.
inline void add_label_columns(py::dict& cols, const py::object& result, std::size_t n) {
    const TaskLabels* labels = labels_of(result);
    py::list name(n), parent(n);
    for (std::size_t i = 0; i < n; ++i) {
        const bool known = labels && i < labels->name.size();
        name[i] = known ? py::object(py::str(labels->name[i])) : py::object(py::none());
        parent[i] = known && labels->parent[i] ? py::object(py::str(*labels->parent[i])) : py::object(py::none());
    }
    cols["name"] = name;
    cols["parent"] = parent;
}

/// Binds the internal `_TaskLabels` holder (pickled as two lists); bind once before use.
void bind_task_labels(py::module_& m);

}  // namespace ppm::python
