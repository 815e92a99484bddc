// Python bindings for area `schedule`: schedule(), ScheduleResult as numpy views and a DataFrame.
#include "common.hpp"
#include "arrays.hpp"
#include "state.hpp"
#include "task_labels.hpp"

#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/validator.hpp"

namespace ppm::python {

namespace {

static_assert(sizeof(Instant) == sizeof(std::int64_t) && sizeof(Duration) == sizeof(std::int64_t));
static_assert(sizeof(TaskIndex) == sizeof(std::uint32_t));
// `project` is a vector<ProjectIndex> shown as a uint32 array and pickled as its bytes.
static_assert(sizeof(ProjectIndex) == sizeof(std::uint32_t) && std::is_standard_layout_v<ProjectIndex>);

py::list ids_to_list(const std::vector<TaskId>& ids) {
    py::list out(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) out[i] = py::str(ids[i].str());
    return out;
}

py::object to_dataframe(py::object self) {
    const auto& r = self.cast<const ScheduleResult&>();
    py::module_ pd = py::module_::import("pandas");
    py::dict cols;
    cols["id"] = ids_to_list(r.task_id);
    add_label_columns(cols, self, r.task_id.size());
    py::list projects(r.task_id.size());
    for (std::size_t i = 0; i < r.task_id.size(); ++i) projects[i] = py::str(r.project_id[r.project[i].value()].str());
    cols["project"] = projects;
    cols["early_start"] = readonly_view(r.early_start, "datetime64[m]", self);
    cols["early_finish"] = readonly_view(r.early_finish, "datetime64[m]", self);
    cols["late_start"] = readonly_view(r.late_start, "datetime64[m]", self);
    cols["late_finish"] = readonly_view(r.late_finish, "datetime64[m]", self);
    cols["remaining_duration"] = readonly_view(r.duration, "int64", self);
    cols["total_float"] = readonly_view(r.total_float, "int64", self);
    cols["free_float"] = readonly_view(r.free_float, "int64", self);
    cols["critical"] = readonly_view(r.critical, "bool", self);
    cols["summary"] = readonly_view(r.is_summary, "bool", self);
    cols["milestone"] = readonly_view(r.is_milestone, "bool", self);
    py::list driving(r.task_id.size());
    for (std::size_t i = 0; i < r.task_id.size(); ++i) {
        const TaskIndex d = r.driving_predecessor[i];
        driving[i] = d.valid() ? py::object(py::str(r.task_id[d.value()].str())) : py::object(py::none());
    }
    cols["driving_predecessor"] = driving;
    return pd.attr("DataFrame")(cols).attr("set_index")("id");
}

}  // namespace

void bind_task_labels(py::module_& m) {
    py::class_<TaskLabels>(m, "_TaskLabels", "Internal: task names and WBS parents carried by a task result.")
        .def(py::pickle([](const TaskLabels& l) { return py::make_tuple(l.name, l.parent); },
                        [](const py::tuple& t) { return TaskLabels{t[0].cast<std::vector<std::string>>(),
                                                                   t[1].cast<std::vector<std::optional<std::string>>>()}; }));
}

void bind_schedule(py::module_& m) {
    py::enum_<ProgressMode>(m, "ProgressMode", "How progressed tasks treat their predecessors.")
        .value("RETAINED_LOGIC", ProgressMode::retained_logic)
        .value("PROGRESS_OVERRIDE", ProgressMode::progress_override);
    py::enum_<ScheduleWarningKind>(m, "ScheduleWarningKind", "What a scheduling warning is about.")
        .value("CONSTRAINT_CONFLICT", ScheduleWarningKind::constraint_conflict)
        .value("DEADLINE_MISSED", ScheduleWarningKind::deadline_missed)
        .value("NEGATIVE_FLOAT", ScheduleWarningKind::negative_float)
        .value("CALENDAR_FALLBACK", ScheduleWarningKind::calendar_fallback)
        .value("HORIZON", ScheduleWarningKind::horizon, "No longer reported: calendars apply every exception past their horizon.")
        .value("PROGRESS", ScheduleWarningKind::progress);

    py::class_<ScheduleWarning>(m, "ScheduleWarning", "A scheduling warning.")
        .def_readonly("kind", &ScheduleWarning::kind)
        .def_property_readonly("task", [](const ScheduleWarning& w) -> py::object {
            return w.task.valid() ? py::object(py::int_(w.task.value())) : py::object(py::none());
        }, "Index of the task concerned, or None.")
        .def_readonly("message", &ScheduleWarning::message)
        .def("__repr__", [](const ScheduleWarning& w) { return "ScheduleWarning(" + w.message + ")"; });

    bind_task_labels(m);
    py::class_<ScheduleResult, std::shared_ptr<ScheduleResult>> res(
        m, "ScheduleResult",
        "CPM result: one read-only numpy array per attribute, indexed like `task_id` (dates as "
        "datetime64[m], floats and durations as int64 working minutes of each task's own calendar).",
        py::dynamic_attr());
    auto view = [&res](const char* name, auto member, const char* dtype, const char* doc) {
        res.def_property_readonly(name, [member, dtype](py::object self) {
            return readonly_view(self.cast<const ScheduleResult&>().*member, dtype, self);
        }, doc);
    };
    view("early_start", &ScheduleResult::early_start, "datetime64[m]", "Forecast start per task.");
    view("early_finish", &ScheduleResult::early_finish, "datetime64[m]", "Forecast finish per task.");
    view("late_start", &ScheduleResult::late_start, "datetime64[m]", "Late start per task.");
    view("late_finish", &ScheduleResult::late_finish, "datetime64[m]", "Late finish per task.");
    view("total_float", &ScheduleResult::total_float, "int64", "Total float, working minutes.");
    view("free_float", &ScheduleResult::free_float, "int64", "Free float, working minutes.");
    view("duration", &ScheduleResult::duration, "int64",
         "Remaining duration, working minutes: the planned duration of a task not started, the remaining one of a task "
         "in progress, 0 for complete tasks and summaries (the DataFrame's `remaining_duration`).");
    view("critical", &ScheduleResult::critical, "bool", "Total float <= the critical threshold.");
    view("is_summary", &ScheduleResult::is_summary, "bool", "Summary task flags.");
    view("is_milestone", &ScheduleResult::is_milestone, "bool", "Milestone flags.");
    view("project", &ScheduleResult::project, "uint32", "Project index of each task.");
    view("driving_predecessor", &ScheduleResult::driving_predecessor, "uint32",
         "Index of the driving predecessor (4294967295 when none; the DataFrame gives its id or None).");
    res.def_property_readonly("task_id", [](const ScheduleResult& r) { return ids_to_list(r.task_id); }, "Task ids.")
        .def_property_readonly("project_id", [](const ScheduleResult& r) {
            std::vector<std::string> v;
            for (const auto& p : r.project_id) v.push_back(p.str());
            return v;
        }, "Project ids by project index.")
        .def_readonly("project_start", &ScheduleResult::project_start)
        .def_readonly("project_finish", &ScheduleResult::project_finish)
        .def_readonly("finish", &ScheduleResult::finish, "Latest early finish of the portfolio.")
        .def_readonly("warnings", &ScheduleResult::warnings)
        .def_property_readonly("longest_path", [](const ScheduleResult& r) {
            std::vector<std::vector<std::string>> out;
            for (const auto& path : r.longest_path) {
                auto& ids = out.emplace_back();
                for (TaskIndex t : path) ids.push_back(r.task_id[t.value()].str());
            }
            return out;
        }, "Per project, the longest path's task ids from start to finish.")
        .def_property_readonly("task_name", [](py::object self) -> py::object {
            const TaskLabels* l = labels_of(self);
            return l ? py::cast(l->name) : py::object(py::none());
        }, "Task names (from the portfolio scheduled), or None for a result built otherwise.")
        .def_property_readonly("task_parent", [](py::object self) -> py::object {
            const TaskLabels* l = labels_of(self);
            return l ? py::cast(l->parent) : py::object(py::none());
        }, "WBS parent id of each task (None for a top-level task), or None for a result built otherwise.")
        .def("to_dataframe", &to_dataframe,
             "One row per task, indexed by task id: name, parent (WBS parent id or None), project, early/late start "
             "and finish, remaining_duration, total_float, free_float (int64 working minutes of the task's calendar), "
             "critical, summary, milestone, driving_predecessor (id or None).")
        .def("__len__", [](const ScheduleResult& r) { return r.task_id.size(); })
        .def("__repr__", [](const ScheduleResult& r) {
            return "ScheduleResult(" + std::to_string(r.task_id.size()) + " tasks, finish " + to_string(r.finish) +
                   ", " + std::to_string(r.warnings.size()) + " warnings)";
        })
        .def(py::pickle(
            [](const py::object& self) {
                const auto& r = self.cast<const ScheduleResult&>();
                py::list paths;
                for (const auto& path : r.longest_path) paths.append(pack(path));
                std::vector<int> kinds;
                std::vector<TaskIndex> tasks;
                std::vector<std::string> messages;
                for (const auto& w : r.warnings) kinds.push_back(static_cast<int>(w.kind)), tasks.push_back(w.task), messages.push_back(w.message);
                return py::make_tuple(1, r.task_id, pack(r.project), pack(r.early_start), pack(r.early_finish), pack(r.late_start),
                                      pack(r.late_finish), pack(r.total_float), pack(r.free_float), pack(r.critical), pack(r.is_summary),
                                      pack(r.is_milestone), pack(r.driving_predecessor), pack(r.duration), r.project_id,
                                      pack(r.project_start), pack(r.project_finish), paths, pack_one(r.finish), kinds, pack(tasks), messages,
                                      instance_dict(self));
            },
            [](const py::tuple& state) {
                const py::tuple t = checked_state(state, "ScheduleResult", 23);
                auto r = std::make_shared<ScheduleResult>();
                r->task_id = t[1].cast<std::vector<TaskId>>();
                r->project = unpack<ProjectIndex>(t[2]);
                r->early_start = unpack<Instant>(t[3]);
                r->early_finish = unpack<Instant>(t[4]);
                r->late_start = unpack<Instant>(t[5]);
                r->late_finish = unpack<Instant>(t[6]);
                r->total_float = unpack<Duration>(t[7]);
                r->free_float = unpack<Duration>(t[8]);
                r->critical = unpack<std::uint8_t>(t[9]);
                r->is_summary = unpack<std::uint8_t>(t[10]);
                r->is_milestone = unpack<std::uint8_t>(t[11]);
                r->driving_predecessor = unpack<TaskIndex>(t[12]);
                r->duration = unpack<Duration>(t[13]);
                r->project_id = t[14].cast<std::vector<ProjectId>>();
                r->project_start = unpack<Instant>(t[15]);
                r->project_finish = unpack<Instant>(t[16]);
                for (const auto& path : t[17].cast<py::list>()) r->longest_path.push_back(unpack<TaskIndex>(path));
                r->finish = unpack_one<Instant>(t[18]);
                const auto kinds = t[19].cast<std::vector<int>>();
                const auto tasks = unpack<TaskIndex>(t[20]);
                const auto messages = t[21].cast<std::vector<std::string>>();
                for (std::size_t i = 0; i < kinds.size(); ++i)
                    r->warnings.push_back({static_cast<ScheduleWarningKind>(kinds[i]), tasks.at(i), messages.at(i)});
                return std::make_pair(r, t[22].cast<py::dict>());
            }));

    m.def(
        "schedule",
        [](const Portfolio& portfolio, Duration critical_float, ProgressMode progress_mode,
           std::optional<Instant> status_date) {
            ScheduleOptions options;
            options.critical_float = critical_float;
            options.progress_mode = progress_mode;
            options.status_date = status_date;
            auto result = std::make_shared<ScheduleResult>();
            TaskLabels labels;
            {
                py::gil_scoped_release release;
                *result = schedule(portfolio, options);
                labels = task_labels(portfolio, result->task_id);
            }
            py::object out = py::cast(result);
            attach_labels(out, std::move(labels));
            return out;
        },
        py::arg("portfolio"), py::kw_only(), py::arg("critical_float") = Duration{0},
        py::arg("progress_mode") = ProgressMode::retained_logic, py::arg("status_date") = py::none(),
        "CPM-schedules the portfolio (forward and backward pass on working calendars). Raises ModelError "
        "for a broken model (a cycle names its members in order).");

    py::enum_<ViolationKind>(m, "ViolationKind", "Kind of rule a schedule violation breaks.")
        .value("LINK", ViolationKind::link)
        .value("CALENDAR", ViolationKind::calendar)
        .value("CONSTRAINT", ViolationKind::constraint)
        .value("PROGRESS", ViolationKind::progress)
        .value("SUMMARY", ViolationKind::summary)
        .value("FLOAT_SIGN", ViolationKind::float_sign)
        .value("CAPACITY", ViolationKind::capacity)
        .value("PIECE", ViolationKind::piece);
    py::class_<Violation>(m, "Violation", "One rule a schedule breaks.")
        .def_readonly("kind", &Violation::kind)
        .def_readonly("task", &Violation::task)
        .def_readonly("other", &Violation::other)
        .def_readonly("message", &Violation::message)
        .def("__repr__", [](const Violation& v) { return "Violation(" + v.message + ")"; });
    m.def(
        "validate_schedule",
        [](const Portfolio& portfolio, const ScheduleResult& result, ProgressMode progress_mode,
           std::optional<Instant> status_date) {
            ValidatorOptions options;
            options.progress_mode = progress_mode;
            options.status_date = status_date;
            py::gil_scoped_release release;
            return validate_schedule(portfolio, result, options);
        },
        py::arg("portfolio"), py::arg("result"), py::kw_only(), py::arg("progress_mode") = ProgressMode::retained_logic,
        py::arg("status_date") = py::none(),
        "Independent check of a schedule: every broken link, calendar, constraint, progress or roll-up rule.");
}

}  // namespace ppm::python
