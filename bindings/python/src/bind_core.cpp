// Python bindings for area `core` (+ the calendar definition): the editable model, errors, validate().
#include "common.hpp"
#include "mapping.hpp"

#include <pybind11/stl_bind.h>

#include "ppm/core/error.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/io/json.hpp"

namespace ppm::python {

namespace {

// Python exception classes mirroring the C++ hierarchy; created in bind_errors.
py::object g_error, g_model_error, g_parse_error;

void bind_errors(py::module_& m) {
    g_error = py::reinterpret_borrow<py::object>(PyErr_NewExceptionWithDoc(
        "ppm.Error", "Base of every ppm error; `code` is the stable error code name.", PyExc_RuntimeError, nullptr));
    g_model_error = py::reinterpret_borrow<py::object>(PyErr_NewExceptionWithDoc(
        "ppm.ModelError", "The model is wrong; `ids` lists the entities involved (a cycle's members in order).",
        g_error.ptr(), nullptr));
    g_parse_error = py::reinterpret_borrow<py::object>(PyErr_NewExceptionWithDoc(
        "ppm.ParseError", "A file could not be read; `path`, `line`, `column`, `detail` say where and what.",
        g_error.ptr(), nullptr));
    m.attr("Error") = g_error;
    m.attr("ModelError") = g_model_error;
    m.attr("ParseError") = g_parse_error;

    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const ppm::ParseError& e) {
            py::object inst = g_parse_error(e.what());
            inst.attr("code") = std::string(to_string(e.code()));
            inst.attr("path") = e.path();
            inst.attr("line") = e.line();
            inst.attr("column") = e.column();
            inst.attr("detail") = e.detail();
            PyErr_SetObject(g_parse_error.ptr(), inst.ptr());
        } catch (const ppm::ModelError& e) {
            py::object inst = g_model_error(e.what());
            inst.attr("code") = std::string(to_string(e.code()));
            inst.attr("ids") = e.ids();
            PyErr_SetObject(g_model_error.ptr(), inst.ptr());
        } catch (const ppm::Error& e) {
            py::object inst = g_error(e.what());
            inst.attr("code") = std::string(to_string(e.code()));
            PyErr_SetObject(g_error.ptr(), inst.ptr());
        }
    });
}

void bind_enums(py::module_& m) {
    py::enum_<LinkType>(m, "LinkType", "Precedence types.")
        .value("FINISH_START", LinkType::finish_start)
        .value("START_START", LinkType::start_start)
        .value("FINISH_FINISH", LinkType::finish_finish)
        .value("START_FINISH", LinkType::start_finish);
    py::enum_<LagUnit>(m, "LagUnit", "How a lag is measured.")
        .value("WORKING", LagUnit::working)
        .value("ELAPSED", LagUnit::elapsed)
        .value("PERCENT", LagUnit::percent);
    py::enum_<LagCalendar>(m, "LagCalendar", "Which calendar measures a working-time lag.")
        .value("PREDECESSOR", LagCalendar::predecessor)
        .value("SUCCESSOR", LagCalendar::successor)
        .value("PROJECT", LagCalendar::project)
        .value("TWENTY_FOUR_HOUR", LagCalendar::twenty_four_hour);
    py::enum_<ConstraintType>(m, "ConstraintType", "Date constraint types (MS Project / P6 set).")
        .value("ASAP", ConstraintType::as_soon_as_possible)
        .value("ALAP", ConstraintType::as_late_as_possible)
        .value("SNET", ConstraintType::start_no_earlier_than)
        .value("SNLT", ConstraintType::start_no_later_than)
        .value("FNET", ConstraintType::finish_no_earlier_than)
        .value("FNLT", ConstraintType::finish_no_later_than)
        .value("MSO", ConstraintType::must_start_on)
        .value("MFO", ConstraintType::must_finish_on)
        .value("SO", ConstraintType::start_on)
        .value("FO", ConstraintType::finish_on)
        .value("MANDSTART", ConstraintType::mandatory_start)
        .value("MANDFIN", ConstraintType::mandatory_finish);
    py::enum_<ResourceType>(m, "ResourceType", "Resource kinds.")
        .value("WORK", ResourceType::work)
        .value("MATERIAL", ResourceType::material)
        .value("COST", ResourceType::cost);
    py::enum_<Severity>(m, "Severity", "How bad a validation problem is.")
        .value("WARNING", Severity::warning)
        .value("ERROR", Severity::error);
}

void bind_calendar_definition(py::module_& m) {
    py::class_<WorkInterval> wi(m, "WorkInterval", "Working minutes after midnight, [start, finish).");
    def_kwargs_init(wi);
    wi.def(py::init([](int s, int f) { return WorkInterval{s, f}; }), py::arg("start"), py::arg("finish"))
        .def_readwrite("start", &WorkInterval::start, "Minutes after midnight (0..1439).")
        .def_readwrite("finish", &WorkInterval::finish, "Minutes after midnight (1..1440).")
        .def("__eq__", [](const WorkInterval& a, const WorkInterval& b) { return a == b; })
        .def("__repr__", [](const WorkInterval& w) {
            return "WorkInterval(" + std::to_string(w.start) + ", " + std::to_string(w.finish) + ")";
        });

    py::class_<CalendarException> ce(m, "CalendarException", "Dated exception: non-working days or changed hours.");
    def_kwargs_init(ce);
    ce.def_readwrite("name", &CalendarException::name)
        .def_readwrite("from_date", &CalendarException::from, "First day (datetime.date).")
        .def_readwrite("to_date", &CalendarException::to, "Last day, inclusive (datetime.date).")
        .def_readwrite("hours", &CalendarException::hours, "Working intervals; empty = non-working.")
        .def_readwrite("yearly", &CalendarException::yearly, "Recurs every year on the same month/day.")
        .def("__eq__", [](const CalendarException& a, const CalendarException& b) { return a == b; });

    py::class_<Calendar> cal(m, "Calendar", "A working calendar (weekly pattern + exceptions + optional base).");
    def_kwargs_init(cal);
    cal.def_readwrite("id", &Calendar::id)
        .def_readwrite("name", &Calendar::name)
        .def_readwrite("base", &Calendar::base)
        .def_readwrite("week", &Calendar::week, "Seven days, Monday first; None inherits the base's day.")
        .def_readwrite("exceptions", &Calendar::exceptions)
        .def_readwrite("notes", &Calendar::notes)
        .def_static("standard", &Calendar::standard, py::arg("id"),
                    py::arg("day") = DaySchedule{{480, 720}, {780, 1020}},
                    "Mon-Fri with the given day (default 08:00-12:00, 13:00-17:00).")
        .def_static("twenty_four_seven", &Calendar::twenty_four_seven, py::arg("id"), "Every minute works.")
        .def("__eq__", [](const Calendar& a, const Calendar& b) { return a == b; })
        .def("__repr__", [](const Calendar& c) { return repr_with_id("Calendar", c); });
    def_map_property(cal, "custom", &Calendar::custom, "Custom fields: name -> str, float, datetime or bool (edits write through).");
}

void bind_model(py::module_& m) {
    py::class_<Constraint> con(m, "Constraint", "A date constraint; `date` is required except for ASAP/ALAP.");
    def_kwargs_init(con);
    con.def_readwrite("type", &Constraint::type).def_readwrite("date", &Constraint::date)
        .def("__eq__", [](const Constraint& a, const Constraint& b) { return a == b; });

    py::class_<Lag> lag(m, "Lag", "A lag (positive) or lead (negative).");
    def_kwargs_init(lag);
    lag.def_readwrite("unit", &Lag::unit)
        .def_readwrite("amount", &Lag::amount, "Minutes, for WORKING and ELAPSED.")
        .def_readwrite("percent", &Lag::percent, "Percent of the predecessor's duration, for PERCENT.")
        .def("__eq__", [](const Lag& a, const Lag& b) { return a == b; });

    py::class_<Dependency> dep(m, "Dependency", "A link from `predecessor` to the task that holds it.");
    def_kwargs_init(dep);
    dep.def_readwrite("predecessor", &Dependency::predecessor)
        .def_readwrite("type", &Dependency::type)
        .def_readwrite("lag", &Dependency::lag)
        .def_readwrite("lag_calendar", &Dependency::lag_calendar)
        .def("__eq__", [](const Dependency& a, const Dependency& b) { return a == b; })
        .def("__repr__", [](const Dependency& d) {
            return "Dependency(predecessor='" + d.predecessor.str() + "', type=" + std::string(to_string(d.type)) + ")";
        });

    py::class_<Assignment> asg(m, "Assignment", "A resource assigned to a task.");
    def_kwargs_init(asg);
    asg.def_readwrite("resource", &Assignment::resource)
        .def_readwrite("units", &Assignment::units)
        .def_readwrite("work", &Assignment::work, "Planned work in minutes (default units x duration).")
        .def_readwrite("actual_work", &Assignment::actual_work)
        .def_readwrite("cost", &Assignment::cost)
        .def("__eq__", [](const Assignment& a, const Assignment& b) { return a == b; });

    py::class_<Progress> prog(m, "Progress", "What has happened on a task by the status date.");
    def_kwargs_init(prog);
    prog.def_readwrite("actual_start", &Progress::actual_start)
        .def_readwrite("actual_finish", &Progress::actual_finish)
        .def_readwrite("percent_complete", &Progress::percent_complete)
        .def_readwrite("remaining_duration", &Progress::remaining_duration)
        .def_readwrite("actual_cost", &Progress::actual_cost)
        .def("__eq__", [](const Progress& a, const Progress& b) { return a == b; });

    py::enum_<EarnedValueMethod>(m, "EarnedValueMethod", "How a task earns value (PMI Practice Standard for EVM, ch. 4; docs/evm.md).")
        .value("PERCENT_COMPLETE", EarnedValueMethod::percent_complete)
        .value("FIXED_FORMULA", EarnedValueMethod::fixed_formula)
        .value("WEIGHTED_MILESTONES", EarnedValueMethod::weighted_milestones)
        .value("UNITS_COMPLETE", EarnedValueMethod::units_complete)
        .value("LEVEL_OF_EFFORT", EarnedValueMethod::level_of_effort)
        .value("APPORTIONED_EFFORT", EarnedValueMethod::apportioned_effort);
    py::class_<EarnedValueMilestone> evm_milestone(m, "EarnedValueMilestone", "A weighted milestone of a task's budget.");
    def_kwargs_init(evm_milestone);
    evm_milestone.def_readwrite("name", &EarnedValueMilestone::name)
        .def_readwrite("weight", &EarnedValueMilestone::weight)
        .def("__eq__", [](const EarnedValueMilestone& a, const EarnedValueMilestone& b) { return a == b; });
    py::class_<EarnedValueRule> evm_rule(m, "EarnedValueRule", "A task's earned-value method and its parameters.");
    def_kwargs_init(evm_rule);
    evm_rule.def_readwrite("method", &EarnedValueRule::method)
        .def_readwrite("start_percent", &EarnedValueRule::start_percent, "Fixed formula: percent earned at the start (0 = 0/100, 50 = 50/50).")
        .def_readwrite("milestones", &EarnedValueRule::milestones, "Weighted milestones, in order.")
        .def_readwrite("units", &EarnedValueRule::units, "Units complete: units planned.")
        .def_readwrite("apportioned_to", &EarnedValueRule::apportioned_to, "Apportioned effort: the base task.")
        .def("__eq__", [](const EarnedValueRule& a, const EarnedValueRule& b) { return a == b; });

    py::class_<Task> task(m, "Task", "A WBS node: task, milestone, or (when it has children) summary task.");
    def_kwargs_init(task);
    task.def_readwrite("id", &Task::id)
        .def_readwrite("name", &Task::name)
        .def_readwrite("parent", &Task::parent)
        .def_readwrite("duration", &Task::duration, "Working minutes.")
        .def_readwrite("milestone", &Task::milestone)
        .def_readwrite("calendar", &Task::calendar)
        .def_readwrite("constraint", &Task::constraint)
        .def_readwrite("secondary_constraint", &Task::secondary_constraint)
        .def_readwrite("deadline", &Task::deadline)
        .def_readwrite("priority", &Task::priority)
        .def_readwrite("predecessors", &Task::predecessors)
        .def_readwrite("assignments", &Task::assignments)
        .def_readwrite("fixed_cost", &Task::fixed_cost)
        .def_readwrite("progress", &Task::progress)
        .def_readwrite("earned_value", &Task::earned_value, "Earned-value method (default: percent complete).")
        .def_readwrite("notes", &Task::notes)
        .def("__eq__", [](const Task& a, const Task& b) { return a == b; })
        .def("__repr__", [](const Task& t) { return repr_with_id("Task", t); });

    py::class_<Project> proj(m, "Project", "A project: a WBS of tasks (parents before children).");
    def_kwargs_init(proj);
    proj.def_readwrite("id", &Project::id)
        .def_readwrite("name", &Project::name)
        .def_readwrite("program", &Project::program)
        .def_readwrite("start", &Project::start)
        .def_readwrite("deadline", &Project::deadline)
        .def_readwrite("calendar", &Project::calendar)
        .def_readwrite("status_date", &Project::status_date)
        .def_readwrite("priority", &Project::priority)
        .def_readwrite("minutes_per_day", &Project::minutes_per_day)
        .def_readwrite("minutes_per_week", &Project::minutes_per_week)
        .def_readwrite("delay_weight", &Project::delay_weight)
        .def_readwrite("honor_constraints", &Project::honor_constraints)
        .def_readwrite("manager", &Project::manager)
        .def_readwrite("tasks", &Project::tasks)
        .def_readwrite("notes", &Project::notes)
        .def("__eq__", [](const Project& a, const Project& b) { return a == b; })
        .def("__repr__", [](const Project& p) {
            return repr_with_id("Project", p).insert(0, "") + " with " + std::to_string(p.tasks.size()) + " tasks";
        });

    py::class_<Program> prg(m, "Program", "A program: related projects managed together.");
    def_kwargs_init(prg);
    prg.def_readwrite("id", &Program::id)
        .def_readwrite("name", &Program::name)
        .def_readwrite("parent", &Program::parent)
        .def_readwrite("manager", &Program::manager)
        .def_readwrite("notes", &Program::notes)
        .def("__eq__", [](const Program& a, const Program& b) { return a == b; })
        .def("__repr__", [](const Program& p) { return repr_with_id("Program", p); });

    py::class_<AvailabilityPeriod> av(m, "AvailabilityPeriod", "Units available from `from_time` to `to_time`.");
    def_kwargs_init(av);
    av.def_readwrite("from_time", &AvailabilityPeriod::from)
        .def_readwrite("to_time", &AvailabilityPeriod::to)
        .def_readwrite("units", &AvailabilityPeriod::units)
        .def("__eq__", [](const AvailabilityPeriod& a, const AvailabilityPeriod& b) { return a == b; });

    py::class_<CostRate> cr(m, "CostRate", "A cost rate effective from a date.");
    def_kwargs_init(cr);
    cr.def_readwrite("effective_from", &CostRate::effective_from)
        .def_readwrite("standard_per_hour", &CostRate::standard_per_hour)
        .def_readwrite("overtime_per_hour", &CostRate::overtime_per_hour)
        .def_readwrite("per_use", &CostRate::per_use)
        .def("__eq__", [](const CostRate& a, const CostRate& b) { return a == b; });

    py::class_<Resource> res(m, "Resource", "A resource shared by the portfolio's projects.");
    def_kwargs_init(res);
    res.def_readwrite("id", &Resource::id)
        .def_readwrite("name", &Resource::name)
        .def_readwrite("type", &Resource::type)
        .def_readwrite("max_units", &Resource::max_units)
        .def_readwrite("availability", &Resource::availability)
        .def_readwrite("calendar", &Resource::calendar)
        .def_readwrite("cost_rates", &Resource::cost_rates)
        .def_readwrite("material_label", &Resource::material_label)
        .def_readwrite("group", &Resource::group)
        .def_readwrite("notes", &Resource::notes)
        .def("__eq__", [](const Resource& a, const Resource& b) { return a == b; })
        .def("__repr__", [](const Resource& r) { return repr_with_id("Resource", r); });

    py::class_<Portfolio> pf(m, "Portfolio", "The root of the model: calendars, resources, programs, projects.");
    def_kwargs_init(pf);
    pf.def_readwrite("id", &Portfolio::id)
        .def_readwrite("name", &Portfolio::name)
        .def_readwrite("default_calendar", &Portfolio::default_calendar)
        .def_readwrite("status_date", &Portfolio::status_date)
        .def_readwrite("calendars", &Portfolio::calendars)
        .def_readwrite("resources", &Portfolio::resources)
        .def_readwrite("programs", &Portfolio::programs)
        .def_readwrite("projects", &Portfolio::projects)
        .def_readwrite("notes", &Portfolio::notes)
        .def("task_count", &Portfolio::task_count, "Number of tasks over all projects.")
        .def("find_task", py::overload_cast<const TaskId&>(&Portfolio::find_task), py::arg("id"),
             py::return_value_policy::reference_internal, "The task with this id, or None.")
        .def("find_project", py::overload_cast<const ProjectId&>(&Portfolio::find_project), py::arg("id"),
             py::return_value_policy::reference_internal, "The project with this id, or None.")
        .def("to_dataframe", [](const Portfolio& p) {
            py::list id, name, parent, project, duration, milestone, calendar, priority, deadline, fixed_cost, percent, actual_start,
                actual_finish, predecessors;
            auto opt = [](const auto& v) -> py::object { return v ? py::cast(*v) : py::object(py::none()); };
            for (const auto& pr : p.projects)
                for (const auto& t : pr.tasks) {
                    id.append(t.id);
                    name.append(t.name);
                    parent.append(opt(t.parent));
                    project.append(pr.id);
                    duration.append(t.duration);
                    milestone.append(t.milestone);
                    calendar.append(opt(t.calendar));
                    priority.append(t.priority);
                    deadline.append(opt(t.deadline));
                    fixed_cost.append(t.fixed_cost);
                    percent.append(t.progress.percent_complete);
                    actual_start.append(opt(t.progress.actual_start));
                    actual_finish.append(opt(t.progress.actual_finish));
                    py::list preds;
                    for (const auto& d : t.predecessors) preds.append(d.predecessor);
                    predecessors.append(preds);
                }
            py::dict cols;
            cols["id"] = id;
            cols["name"] = name;
            cols["parent"] = parent;
            cols["project"] = project;
            cols["planned_duration"] = duration;
            cols["milestone"] = milestone;
            cols["calendar"] = calendar;
            cols["priority"] = priority;
            py::module_ pd = py::module_::import("pandas");
            cols["deadline"] = pd.attr("to_datetime")(deadline);
            cols["fixed_cost"] = fixed_cost;
            cols["percent_complete"] = percent;
            cols["actual_start"] = pd.attr("to_datetime")(actual_start);
            cols["actual_finish"] = pd.attr("to_datetime")(actual_finish);
            cols["predecessors"] = predecessors;
            return pd.attr("DataFrame")(cols).attr("set_index")("id");
        }, "One row per task of every project, indexed by task id: name, parent (WBS parent id or None), project, "
           "planned_duration (int working minutes of the task's calendar, as entered), milestone, calendar (id or None), "
           "priority, deadline, fixed_cost (major units), percent_complete, actual_start, actual_finish (NaT when unset), "
           "predecessors (list of ids).")
        .def("__eq__", [](const Portfolio& a, const Portfolio& b) { return a == b; })
        .def(py::pickle([](const Portfolio& p) { return write_json(p); },
                        [](const std::string& text) { return read_json(text, "<pickle>"); }))
        .def("__repr__", [](const Portfolio& p) {
            return "Portfolio(id='" + p.id.str() + "', " + std::to_string(p.projects.size()) + " projects, " +
                   std::to_string(p.task_count()) + " tasks)";
        });

    py::class_<Problem> pr(m, "Problem", "One problem found by validate().");
    pr.def_readonly("severity", &Problem::severity)
        .def_property_readonly("code", [](const Problem& p) { return std::string(to_string(p.code)); })
        .def_readonly("message", &Problem::message)
        .def_readonly("ids", &Problem::ids)
        .def("__repr__", [](const Problem& p) { return "Problem(" + std::string(to_string(p.severity)) + ": " + p.message + ")"; });

    m.def("validate", &validate, py::arg("portfolio"), "Every problem in the model, without raising.");

    // After the classes' own attributes, so each entity's custom fields are a write-through view.
    def_map_property(dep, "custom", &Dependency::custom, "Custom fields: name -> str, float, datetime or bool (edits write through).");
    def_map_property(asg, "custom", &Assignment::custom, "Custom fields: name -> str, float, datetime or bool (edits write through).");
    def_map_property(task, "custom", &Task::custom, "Custom fields: name -> str, float, datetime or bool (edits write through).");
    def_map_property(proj, "custom", &Project::custom, "Custom fields: name -> str, float, datetime or bool (edits write through).");
    def_map_property(prg, "custom", &Program::custom, "Custom fields: name -> str, float, datetime or bool (edits write through).");
    def_map_property(res, "custom", &Resource::custom, "Custom fields: name -> str, float, datetime or bool (edits write through).");
    def_map_property(pf, "custom", &Portfolio::custom, "Custom fields: name -> str, float, datetime or bool (edits write through).");
}

}  // namespace

void bind_core(py::module_& m) {
    bind_errors(m);
    bind_enums(m);
    list_extras(py::bind_vector<std::vector<Task>>(m, "TaskList", "A project's tasks (edited in place)."));
    list_extras(py::bind_vector<std::vector<Project>>(m, "ProjectList", "A portfolio's projects (edited in place)."));
    list_extras(py::bind_vector<std::vector<Program>>(m, "ProgramList", "A portfolio's programs (edited in place)."));
    list_extras(py::bind_vector<std::vector<Resource>>(m, "ResourceList", "A portfolio's resources (edited in place)."));
    list_extras(py::bind_vector<std::vector<Calendar>>(m, "CalendarList", "A portfolio's calendars (edited in place)."));
    list_extras(py::bind_vector<std::vector<Dependency>>(m, "DependencyList", "A task's predecessors (edited in place)."));
    list_extras(py::bind_vector<std::vector<Assignment>>(m, "AssignmentList", "A task's assignments (edited in place)."));
    bind_map_ref<CustomFields>(m, "CustomFields", "A live view of an entity's custom fields (a MutableMapping; edits write through).");
    bind_calendar_definition(m);
    bind_model(m);
}

}  // namespace ppm::python
