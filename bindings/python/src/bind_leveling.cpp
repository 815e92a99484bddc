// Python bindings for area `leveling`: PSPLIB readers (Kolisch & Sprecher 1997), the RCPSP
// instance, lower bounds, the bi-population GA (Debels & Vanhoucke 2007) with a progress
// callback and cancellation, the independent checker, portfolio levelling (serial SGS, Kolisch
// 1996) with histograms as DataFrames, RCPSP/max temporal analysis and multi-project instances.
#include "common.hpp"

#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include "arrays.hpp"
#include "progress.hpp"
#include "state.hpp"
#include "task_labels.hpp"

#include <memory>

#include "ppm/leveling/level.hpp"
#include "ppm/leveling/level_validator.hpp"
#include "ppm/leveling/lower_bounds.hpp"
#include "ppm/leveling/multiproject.hpp"
#include "ppm/leveling/psplib.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"
#include "ppm/leveling/rcpsp_max.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"
#include "ppm/leveling/schedule_check.hpp"

namespace ppm::python {

namespace {

// `LevelResult::project` is a vector<ProjectIndex> shown as a uint32 array and pickled as its bytes.
static_assert(sizeof(ProjectIndex) == sizeof(std::uint32_t) && std::is_standard_layout_v<ProjectIndex>);

template <class T>
py::array span_view(std::span<const T> s, const char* dtype, py::handle base) {
    py::dtype dt(dtype);
    py::array arr(dt, {static_cast<py::ssize_t>(s.size())}, {static_cast<py::ssize_t>(sizeof(T))},
                  static_cast<const void*>(s.data()), base);
    py::detail::array_proxy(arr.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
    return arr;
}

void bind_instances(py::module_& m) {
    py::class_<RcpspArc> arc(m, "RcpspArc", "S[to] >= S[from] + lag (start-to-start, periods).");
    def_kwargs_init(arc);
    arc.def_readwrite("from_", &RcpspArc::from, "Predecessor job.")
        .def_readwrite("to", &RcpspArc::to, "Successor job.")
        .def_readwrite("lag", &RcpspArc::lag, "Minimum start-to-start distance (negative: a lead).")
        .def("__repr__", [](const RcpspArc& a) {
            return "RcpspArc(" + std::to_string(a.from) + " -> " + std::to_string(a.to) + ", lag " + std::to_string(a.lag) + ")";
        });
    py::class_<RcpspCapacityStep> step(m, "RcpspCapacityStep", "From `period` on (> 0), until its next step, `resource` has `capacity` units.");
    def_kwargs_init(step);
    step.def_readwrite("resource", &RcpspCapacityStep::resource, "Resource index.")
        .def_readwrite("period", &RcpspCapacityStep::period, "First period of the new capacity.")
        .def_readwrite("capacity", &RcpspCapacityStep::capacity, "Capacity from that period on.")
        .def("__repr__", [](const RcpspCapacityStep& st) {
            return "RcpspCapacityStep(resource " + std::to_string(st.resource) + ", from period " + std::to_string(st.period) + ": " +
                   std::to_string(st.capacity) + ")";
        });
    py::class_<RcpspData> data(m, "RcpspData", "The editable form an RcpspInstance is built from.");
    def_kwargs_init(data);
    data.def_readwrite("name", &RcpspData::name, "Name for messages.")
        .def_readwrite("durations", &RcpspData::durations, "One per job.")
        .def_readwrite("capacities", &RcpspData::capacities, "One per resource.")
        .def_readwrite("demands", &RcpspData::demands, "Job-major demands.")
        .def_readwrite("arcs", &RcpspData::arcs, "Start-to-start arcs.")
        .def_readwrite("job_names", &RcpspData::job_names, "Optional job names.")
        .def_readwrite("capacity_steps", &RcpspData::capacity_steps, "Optional capacity changes over time, by resource then period.")
        .def_readwrite("tiers", &RcpspData::tiers, "Optional priority tiers, one per job (higher first): a forward serial SGS takes the eligible jobs of the highest tier first.");
    m.def("add_finish_to_start", &add_finish_to_start, py::arg("data"), py::arg("from_"), py::arg("to"), py::arg("lag") = 0,
          "Adds a finish-to-start arc to `data`.");

    py::class_<RcpspInstance, std::shared_ptr<RcpspInstance>> inst(m, "RcpspInstance", "A validated, immutable single-mode RCPSP instance.");
    inst.def(py::init([](const RcpspData& d) { return std::make_shared<RcpspInstance>(d); }), py::arg("data"),
             "Validates and freezes the data (ModelError for bad durations, demands, arcs or a cycle).")
        .def_property_readonly("num_jobs", &RcpspInstance::num_jobs, "Jobs, dummies included.")
        .def_property_readonly("num_resources", &RcpspInstance::num_resources, "Renewable resources.")
        .def_property_readonly("num_arcs", &RcpspInstance::num_arcs, "Arcs.")
        .def_property_readonly("name", &RcpspInstance::name, "Name (file name).")
        .def_property_readonly("horizon", &RcpspInstance::horizon, "Upper bound on any serial-SGS makespan.")
        .def("job_name", &RcpspInstance::job_name, py::arg("job"), "Name of a job.")
        .def_property_readonly("durations", [](py::object self) { return span_view(self.cast<const RcpspInstance&>().durations(), "int32", self); },
                               "Durations (read-only numpy).")
        .def_property_readonly("capacities", [](py::object self) { return span_view(self.cast<const RcpspInstance&>().capacities(), "int32", self); },
                               "Capacities (read-only numpy).")
        .def_property_readonly("demands", [](py::object self) {
            const auto& i = self.cast<const RcpspInstance&>();
            py::array a = span_view(i.demands(), "int32", self);
            return a.attr("reshape")(i.num_jobs(), i.num_resources());
        }, "jobs x resources demands (read-only numpy).")
        .def_property_readonly("capacity_steps", [](const RcpspInstance& i) {
            return std::vector<RcpspCapacityStep>(i.capacity_steps().begin(), i.capacity_steps().end());
        }, "Capacity changes over time (empty: constant capacities).")
        .def_property_readonly("tiers", [](const RcpspInstance& i) { return std::vector<std::int32_t>(i.tiers().begin(), i.tiers().end()); },
                               "Priority tiers, one per job (higher first), or empty: none.")
        .def("capacity_at", &RcpspInstance::capacity_at, py::arg("resource"), py::arg("period"), "Capacity of a resource in a period.")
        .def("peak_capacity", &RcpspInstance::peak_capacity, py::arg("resource"), "Largest capacity of a resource over time.")
        .def("successors", [](const RcpspInstance& i, std::int32_t j) {
            auto s = i.successors(j);
            return std::vector<std::int32_t>(s.begin(), s.end());
        }, py::arg("job"), "Direct successors.")
        .def("predecessors", [](const RcpspInstance& i, std::int32_t j) {
            auto s = i.predecessors(j);
            return std::vector<std::int32_t>(s.begin(), s.end());
        }, py::arg("job"), "Direct predecessors.")
        .def("__repr__", [](const RcpspInstance& i) {
            return "RcpspInstance('" + i.name() + "', " + std::to_string(i.num_jobs()) + " jobs, " + std::to_string(i.num_resources()) + " resources)";
        })
        .def(py::pickle(
            [](const RcpspInstance& i) {
                std::vector<std::int32_t> from, to, lag;
                for (std::int32_t j = 0; j < i.num_jobs(); ++j) {
                    auto s = i.successors(j);
                    auto l = i.successor_lags(j);
                    for (std::size_t k = 0; k < s.size(); ++k) from.push_back(j), to.push_back(s[k]), lag.push_back(l[k]);
                }
                std::vector<std::string> names;
                for (std::int32_t j = 0; j < i.num_jobs(); ++j) names.push_back(i.job_name(j));
                auto d = i.durations();
                auto c = i.capacities();
                auto q = i.demands();
                std::vector<std::int32_t> steps;  // resource, period, capacity per step
                for (const RcpspCapacityStep& st : i.capacity_steps()) steps.insert(steps.end(), {st.resource, st.period, st.capacity});
                return py::make_tuple(i.name(), std::vector<std::int32_t>(d.begin(), d.end()), std::vector<std::int32_t>(c.begin(), c.end()),
                                      std::vector<std::int32_t>(q.begin(), q.end()), from, to, lag, names, steps,
                                      std::vector<std::int32_t>(i.tiers().begin(), i.tiers().end()));
            },
            [](const py::tuple& t) {
                RcpspData d;
                d.name = t[0].cast<std::string>();
                d.durations = t[1].cast<std::vector<std::int32_t>>();
                d.capacities = t[2].cast<std::vector<std::int32_t>>();
                d.demands = t[3].cast<std::vector<std::int32_t>>();
                auto from = t[4].cast<std::vector<std::int32_t>>(), to = t[5].cast<std::vector<std::int32_t>>(),
                     lag = t[6].cast<std::vector<std::int32_t>>();
                for (std::size_t k = 0; k < from.size(); ++k) d.arcs.push_back({from[k], to[k], lag[k]});
                d.job_names = t[7].cast<std::vector<std::string>>();
                if (t.size() > 8) {  // capacity steps (pickles before them have 8 fields)
                    const auto steps = t[8].cast<std::vector<std::int32_t>>();
                    for (std::size_t k = 0; k + 2 < steps.size(); k += 3) d.capacity_steps.push_back({steps[k], steps[k + 1], steps[k + 2]});
                }
                if (t.size() > 9) d.tiers = t[9].cast<std::vector<std::int32_t>>();  // priority tiers (pickles before them have 9 fields)
                return std::make_shared<RcpspInstance>(std::move(d));
            }));

    py::class_<PsplibProject>(m, "PsplibProject", "A PSPLIB .sm/.mm file as read (modes and successors in CSR form).")
        .def_readonly("path", &PsplibProject::path, "File read.")
        .def_readonly("horizon", &PsplibProject::horizon, "horizon field.")
        .def_readonly("due_date", &PsplibProject::due_date, "duedate field.")
        .def_readonly("mpm_time", &PsplibProject::mpm_time, "MPM-Time field.")
        .def_readonly("num_jobs", &PsplibProject::num_jobs, "Jobs including dummies.")
        .def_readonly("mode_offsets", &PsplibProject::mode_offsets, "CSR offsets of modes.")
        .def_readonly("mode_durations", &PsplibProject::mode_durations, "Duration per mode.")
        .def_readonly("renewable_demands", &PsplibProject::renewable_demands, "Mode-major renewable demands.")
        .def_readonly("nonrenewable_demands", &PsplibProject::nonrenewable_demands, "Mode-major non-renewable demands.")
        .def_readonly("renewable_capacities", &PsplibProject::renewable_capacities, "Renewable capacities.")
        .def_readonly("nonrenewable_capacities", &PsplibProject::nonrenewable_capacities, "Non-renewable budgets.")
        .def_readonly("successor_offsets", &PsplibProject::successor_offsets, "CSR offsets of successors.")
        .def_readonly("successor_indices", &PsplibProject::successor_indices, "Successor job indices.")
        .def("num_modes", &PsplibProject::num_modes, py::arg("job"), "Modes of a job.")
        .def("__repr__", [](const PsplibProject& p) { return "PsplibProject('" + p.path + "', " + std::to_string(p.num_jobs) + " jobs)"; });
    m.def("psplib_to_rcpsp_instance", [](const PsplibProject& p) { return std::make_shared<RcpspInstance>(to_rcpsp_instance(p)); },
          py::arg("project"), "The single-mode RCPSP instance of a PSPLIB file.");
    py::class_<PsplibSolution>(m, "PsplibSolution", "One row of a PSPLIB solution table.")
        .def_readonly("parameter", &PsplibSolution::parameter, "Parameter combination.")
        .def_readonly("instance", &PsplibSolution::instance, "Instance number.")
        .def_readonly("makespan", &PsplibSolution::makespan, "Optimum or best known makespan.")
        .def("__repr__", [](const PsplibSolution& s) {
            return "PsplibSolution(" + std::to_string(s.parameter) + "_" + std::to_string(s.instance) + ": " + std::to_string(s.makespan) + ")";
        });

    py::class_<RcpspMaxProject>(m, "RcpspMaxProject", "An RCPSP/max instance (ProGen/max .sch).")
        .def_readonly("path", &RcpspMaxProject::path, "File read.")
        .def_readonly("num_jobs", &RcpspMaxProject::num_jobs, "Jobs including dummies.")
        .def_readonly("durations", &RcpspMaxProject::durations, "Durations.")
        .def_readonly("capacities", &RcpspMaxProject::capacities, "Capacities.")
        .def_readonly("demands", &RcpspMaxProject::demands, "Job-major demands.")
        .def_readonly("arcs", &RcpspMaxProject::arcs, "Generalised arcs (lag may be negative).")
        .def("__repr__", [](const RcpspMaxProject& p) { return "RcpspMaxProject('" + p.path + "', " + std::to_string(p.num_jobs) + " jobs)"; });
    py::class_<TemporalAnalysis>(m, "TemporalAnalysis", "Earliest starts of an RCPSP/max instance (resources ignored).")
        .def_readonly("feasible", &TemporalAnalysis::feasible, "False when a positive cycle exists.")
        .def_readonly("earliest_start", &TemporalAnalysis::earliest_start, "Longest path from the source.")
        .def_readonly("makespan_bound", &TemporalAnalysis::makespan_bound, "A makespan lower bound.")
        .def_readonly("positive_cycle", &TemporalAnalysis::positive_cycle, "Jobs of a positive cycle.")
        .def("__repr__", [](const TemporalAnalysis& t) {
            return std::string("TemporalAnalysis(") + (t.feasible ? "feasible" : "infeasible") + ", bound " + std::to_string(t.makespan_bound) + ")";
        });
    m.def("temporal_analysis", &temporal_analysis, py::arg("project"), "Bellman-Ford earliest starts; reports a positive cycle.");
}

void bind_rcpsp(py::module_& m) {
    py::class_<LowerBounds>(m, "LowerBounds", "Makespan lower bounds (critical path LB0, energy LB1).")
        .def_readonly("critical_path", &LowerBounds::critical_path, "Longest path.")
        .def_readonly("energy", &LowerBounds::energy, "Resource energy bound.")
        .def_readonly("best", &LowerBounds::best, "Largest bound.")
        .def("__repr__", [](const LowerBounds& b) { return "LowerBounds(best=" + std::to_string(b.best) + ")"; });
    m.def("lower_bounds", &lower_bounds, py::arg("instance"), "Critical-path and energy bounds.");
    py::enum_<RcpspStatus>(m, "RcpspStatus", "What the solver can say about its answer.")
        .value("OPTIMAL", RcpspStatus::optimal)
        .value("FEASIBLE", RcpspStatus::feasible)
        .value("NO_SOLUTION", RcpspStatus::no_solution);
    py::enum_<RcpspThreading>(m, "RcpspThreading", "How solve_rcpsp uses its threads.")
        .value("ISLANDS", RcpspThreading::islands)
        .value("CHILDREN", RcpspThreading::children);
    py::enum_<RcpspStop>(m, "RcpspStop", "Why the search stopped.")
        .value("BUDGET", RcpspStop::budget)
        .value("TIME_LIMIT", RcpspStop::time_limit)
        .value("CANCELLED", RcpspStop::cancelled)
        .value("LOWER_BOUND", RcpspStop::lower_bound);
    py::class_<RcpspProgress>(m, "RcpspProgress", "A snapshot handed to the progress callback.")
        .def_readonly("schedules", &RcpspProgress::schedules, "Schedules generated.")
        .def_readonly("max_schedules", &RcpspProgress::max_schedules, "Budget.")
        .def_readonly("best_makespan", &RcpspProgress::best_makespan, "Best makespan so far.")
        .def_readonly("lower_bound", &RcpspProgress::lower_bound, "Best lower bound.")
        .def_readonly("seconds", &RcpspProgress::seconds, "Wall time.")
        .def("__repr__", [](const RcpspProgress& p) {
            return "RcpspProgress(" + std::to_string(p.schedules) + "/" + std::to_string(p.max_schedules) + ", best " + std::to_string(p.best_makespan) + ")";
        });
    py::class_<RcpspProjects>(m, "RcpspProjects",
                              "Several projects in one instance: solve_rcpsp then minimises their weighted delay and the makespan.")
        .def(py::init([](std::vector<std::int32_t> project_of, std::vector<std::int32_t> due, std::vector<double> weight, bool makespan_first) {
                 return RcpspProjects{std::move(project_of), std::move(due), std::move(weight), makespan_first};
             }),
             py::arg("project_of"), py::arg("due"), py::arg("weight"), py::arg("makespan_first") = false)
        .def_readwrite("project_of", &RcpspProjects::project_of, "One per job: its project (0-based), or -1 for none.")
        .def_readwrite("due", &RcpspProjects::due, "One per project: the period it may finish by without delay.")
        .def_readwrite("weight", &RcpspProjects::weight, "One per project: the weight of a period late.")
        .def_readwrite("makespan_first", &RcpspProjects::makespan_first, "The makespan first, then the weighted delay.")
        .def("__repr__", [](const RcpspProjects& x) {
            return "RcpspProjects(" + std::to_string(x.due.size()) + " projects, " + (x.makespan_first ? "makespan first" : "delay first") + ")";
        });
    py::class_<RcpspResult, std::shared_ptr<RcpspResult>> r(m, "RcpspResult", "RCPSP answer: start times (numpy), bounds, statistics.");
    r.def_readonly("status", &RcpspResult::status, "Optimal / feasible / no solution.")
        .def_readonly("stop_reason", &RcpspResult::stop_reason, "Why the search stopped.")
        .def_readonly("makespan", &RcpspResult::makespan, "Finish of the last job.")
        .def_readonly("weighted_delay", &RcpspResult::weighted_delay, "With projects: the answer's weighted delay.")
        .def_readonly("lower_bound", &RcpspResult::lower_bound, "Best lower bound.")
        .def_readonly("bounds", &RcpspResult::bounds, "All bounds.")
        .def_property_readonly("start_times", [](py::object self) {
            return readonly_view(self.cast<const RcpspResult&>().start_times, "int32", self);
        }, "Start per job (read-only numpy).")
        .def_readonly("schedules", &RcpspResult::schedules, "SGS passes generated.")
        .def_readonly("generations", &RcpspResult::generations, "GA generations.")
        .def_readonly("seconds", &RcpspResult::seconds, "Wall time.")
        .def("__repr__", [](const RcpspResult& x) {
            return "RcpspResult(" + std::string(to_string(x.status)) + ", makespan " + std::to_string(x.makespan) + ", lower bound " +
                   std::to_string(x.lower_bound) + ")";
        })
        .def(py::pickle(
            [](const RcpspResult& x) {
                return py::make_tuple(static_cast<int>(x.status), static_cast<int>(x.stop_reason), x.makespan, x.lower_bound,
                                      py::make_tuple(x.bounds.critical_path, x.bounds.energy, x.bounds.best), x.start_times,
                                      x.schedules, x.generations, x.seconds, x.weighted_delay);
            },
            [](const py::tuple& t) {
                auto x = std::make_shared<RcpspResult>();
                x->status = static_cast<RcpspStatus>(t[0].cast<int>());
                x->stop_reason = static_cast<RcpspStop>(t[1].cast<int>());
                x->makespan = t[2].cast<std::int32_t>();
                x->lower_bound = t[3].cast<std::int32_t>();
                auto b = t[4].cast<py::tuple>();
                x->bounds = {b[0].cast<std::int32_t>(), b[1].cast<std::int32_t>(), b[2].cast<std::int32_t>()};
                x->start_times = t[5].cast<std::vector<std::int32_t>>();
                x->schedules = t[6].cast<std::int64_t>();
                x->generations = t[7].cast<std::int64_t>();
                x->seconds = t[8].cast<double>();
                if (t.size() > 9) x->weighted_delay = t[9].cast<double>();
                return x;
            }));
    m.def(
        "solve_rcpsp",
        [](std::shared_ptr<RcpspInstance> instance, std::int64_t max_schedules, double time_limit_seconds, std::uint64_t seed,
           std::int32_t threads, RcpspThreading threading, std::int32_t population_size, bool stop_at_lower_bound,
           std::vector<std::vector<std::int32_t>> initial_lists, std::optional<RcpspProjects> projects, py::object progress) {
            RcpspOptions o;
            o.max_schedules = max_schedules;
            o.time_limit_seconds = time_limit_seconds;
            o.seed = seed;
            o.threads = threads;
            o.threading = threading;
            o.population_size = population_size;
            o.stop_at_lower_bound = stop_at_lower_bound;
            o.initial_lists = std::move(initial_lists);
            if (projects) o.projects = std::move(*projects);
            ProgressBridge bridge(std::move(progress));
            o.stop = bridge.token();
            o.progress = [&bridge](const RcpspProgress& p) { bridge.report([p] { return py::cast(p); }); };
            auto r0 = std::make_shared<RcpspResult>();
            {
                py::gil_scoped_release release;
                *r0 = solve_rcpsp(*instance, o);
            }
            bridge.rethrow_if_error();
            return r0;
        },
        py::arg("instance"), py::kw_only(), py::arg("max_schedules") = 5000, py::arg("time_limit_seconds") = 0.0,
        py::arg("seed") = 1, py::arg("threads") = 1, py::arg("threading") = RcpspThreading::islands,
        py::arg("population_size") = 0, py::arg("stop_at_lower_bound") = true,
        py::arg("initial_lists") = std::vector<std::vector<std::int32_t>>{}, py::arg("projects") = py::none(),
        py::arg("progress") = py::none(),
        "Minimises the makespan, or with `projects` their weighted delay and the makespan (bi-population GA, SGS decoding). GIL released; `progress(RcpspProgress)` may raise "
        "to stop the search (the exception propagates); Ctrl-C stops it too.");
    py::class_<ScheduleCheck>(m, "ScheduleCheck", "What the independent checker found.")
        .def_readonly("feasible", &ScheduleCheck::feasible, "No violation.")
        .def_readonly("makespan", &ScheduleCheck::makespan, "Largest finish.")
        .def_readonly("precedence_violations", &ScheduleCheck::precedence_violations, "Violated arcs.")
        .def_readonly("capacity_violations", &ScheduleCheck::capacity_violations, "(resource, period) overloads.")
        .def_readonly("problems", &ScheduleCheck::problems, "First violations as text.")
        .def("__repr__", [](const ScheduleCheck& c) {
            return std::string("ScheduleCheck(") + (c.feasible ? "feasible" : "infeasible") + ", makespan " + std::to_string(c.makespan) + ")";
        });
    m.def("check_schedule", [](const RcpspInstance& i, const std::vector<std::int32_t>& s) { return check_schedule(i, s); },
          py::arg("instance"), py::arg("starts"), "Checks every arc and every resource in every period.");
}

py::object histogram_dataframe(py::object self) {
    const auto& h = self.cast<const LevelResult&>().histogram;
    py::module_ pd = py::module_::import("pandas");
    py::module_ np = py::module_::import("numpy");
    std::vector<std::string> res;
    std::vector<std::int64_t> bucket_start;
    for (const auto& r : h.resource)
        for (std::int64_t b = 0; b < h.bucket_count; ++b) {
            res.push_back(r.str());
            bucket_start.push_back(h.start.minutes_since_epoch() + b * h.period.count());
        }
    py::dict cols;
    cols["resource"] = res;
    cols["start"] = np.attr("array")(bucket_start, "datetime64[m]");
    cols["peak_demand"] = readonly_view(h.peak_demand, "float64", self);
    cols["capacity"] = readonly_view(h.capacity, "float64", self);
    cols["load"] = readonly_view(h.load, "float64", self);
    return pd.attr("DataFrame")(cols);
}

void bind_level(py::module_& m) {
    py::enum_<LevelMethod>(m, "LevelMethod", "The search behind level().")
        .value("GENETIC", LevelMethod::genetic)
        .value("PRIORITY", LevelMethod::priority);
    py::enum_<LevelObjective>(m, "LevelObjective", "What 'best' means among levelled schedules.")
        .value("TOTAL_PROJECT_DELAY", LevelObjective::total_project_delay)
        .value("PORTFOLIO_FINISH", LevelObjective::portfolio_finish);
    py::enum_<LevelStatus>(m, "LevelStatus", "How a levelling run ended.")
        .value("LEVELLED", LevelStatus::levelled)
        .value("OVER_ALLOCATED", LevelStatus::over_allocated)
        .value("CANCELLED", LevelStatus::cancelled);
    py::class_<LevelProgress>(m, "LevelProgress", "A snapshot handed to the progress callback.")
        .def_readonly("passes", &LevelProgress::passes, "Passes done.")
        .def_readonly("max_passes", &LevelProgress::max_passes, "Budget.")
        .def_readonly("best_total_delay", &LevelProgress::best_total_delay, "Best total project delay (minutes) with the priority method; 0 with the genetic method.")
        .def_readonly("on_grid", &LevelProgress::on_grid, "From the GA on the plan's integer grid, not on the calendar model.")
        .def("__repr__", [](const LevelProgress& p) {
            return "LevelProgress(" + std::to_string(p.passes) + "/" + std::to_string(p.max_passes) + ")";
        });
    py::class_<OverAllocation>(m, "OverAllocation", "A remaining over-allocation of a resource.")
        .def_readonly("resource", &OverAllocation::resource, "Resource id.")
        .def_readonly("from_time", &OverAllocation::from, "Start.")
        .def_readonly("to_time", &OverAllocation::to, "End.")
        .def_readonly("demand", &OverAllocation::demand, "Peak units demanded.")
        .def_readonly("capacity", &OverAllocation::capacity, "Units available.")
        .def("__repr__", [](const OverAllocation& o) {
            return "OverAllocation(" + o.resource.str() + ", " + to_string(o.from) + ".." + to_string(o.to) + ")";
        });

    py::class_<LevelResult, std::shared_ptr<LevelResult>> r(
        m, "LevelResult",
        "The levelled schedule: arrays per task (numpy views). Task delays are working minutes of the task's calendar; "
        "project delays are elapsed (calendar) minutes.",
        py::dynamic_attr());
    auto view = [&r](const char* name, auto member, const char* dtype, const char* doc) {
        r.def_property_readonly(name, [member, dtype](py::object self) {
            return readonly_view(self.cast<const LevelResult&>().*member, dtype, self);
        }, doc);
    };
    view("project", &LevelResult::project, "uint32", "Project index per task.");
    view("start", &LevelResult::start, "datetime64[m]", "Levelled start.");
    view("finish", &LevelResult::finish, "datetime64[m]", "Levelled finish.");
    view("cpm_start", &LevelResult::cpm_start, "datetime64[m]", "Early start before levelling.");
    view("cpm_finish", &LevelResult::cpm_finish, "datetime64[m]", "Early finish before levelling.");
    view("delay", &LevelResult::delay, "int64", "Levelling delay: working minutes of the task's calendar from cpm_start to start.");
    view("is_summary", &LevelResult::is_summary, "bool", "Summary flags.");
    view("is_split", &LevelResult::is_split, "bool", "Split flags.");
    view("piece_offsets", &LevelResult::piece_offsets, "uint32", "CSR offsets of pieces.");
    view("piece_start", &LevelResult::piece_start, "datetime64[m]", "Piece starts.");
    view("piece_finish", &LevelResult::piece_finish, "datetime64[m]", "Piece finishes.");
    view("project_cpm_finish", &LevelResult::project_cpm_finish, "datetime64[m]", "Per project: CPM finish.");
    view("project_finish", &LevelResult::project_finish, "datetime64[m]", "Per project: levelled finish.");
    view("project_delay", &LevelResult::project_delay, "int64", "Per project: project_finish - project_cpm_finish, elapsed minutes.");
    r.def_readonly("status", &LevelResult::status, "Levelled / over-allocated / cancelled.")
        .def_readonly("task_id", &LevelResult::task_id, "Task ids.")
        .def_readonly("project_id", &LevelResult::project_id, "Project ids.")
        .def_readonly("total_project_delay", &LevelResult::total_project_delay, "Sum of project delays, elapsed minutes.")
        .def_readonly("weighted_project_delay", &LevelResult::weighted_project_delay,
                      "Sum of project delays in minutes x Project.delay_weight (the total-delay objective).")
        .def_readonly("portfolio_cpm_finish", &LevelResult::portfolio_cpm_finish, "Finish before levelling.")
        .def_readonly("portfolio_finish", &LevelResult::portfolio_finish, "Finish after levelling.")
        .def_readonly("over_allocations", &LevelResult::over_allocations, "Remaining over-allocations.")
        .def_readonly("method", &LevelResult::method, "The search that ran.")
        .def_readonly("one_pass_portfolio_finish", &LevelResult::one_pass_portfolio_finish,
                      "Portfolio finish of the one-pass priority heuristic (for comparison).")
        .def_readonly("one_pass_total_project_delay", &LevelResult::one_pass_total_project_delay,
                      "Total project delay of the one-pass priority heuristic, elapsed minutes.")
        .def_readonly("passes", &LevelResult::passes, "Schedules (SGS passes) done.")
        .def_readonly("best_pass", &LevelResult::best_pass, "Pass that gave the schedule.")
        .def_readonly("best_rule", &LevelResult::best_rule, "Ordering that gave it.")
        .def_readonly("seconds", &LevelResult::seconds, "Wall time.")
        .def_readonly("warnings", &LevelResult::warnings, "Warnings.")
        .def_property_readonly("task_name", [](py::object self) -> py::object {
            const TaskLabels* l = labels_of(self);
            return l ? py::cast(l->name) : py::object(py::none());
        }, "Task names (from the portfolio levelled), or None for a result built otherwise.")
        .def_property_readonly("task_parent", [](py::object self) -> py::object {
            const TaskLabels* l = labels_of(self);
            return l ? py::cast(l->parent) : py::object(py::none());
        }, "WBS parent id of each task (None for a top-level task), or None for a result built otherwise.")
        .def("to_dataframe", [](py::object self) {
            const auto& x = self.cast<const LevelResult&>();
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            std::vector<std::string> ids, proj;
            for (std::size_t i = 0; i < x.task_id.size(); ++i) ids.push_back(x.task_id[i].str()), proj.push_back(x.project_id[x.project[i].value()].str());
            cols["id"] = ids;
            add_label_columns(cols, self, x.task_id.size());
            cols["project"] = proj;
            for (const char* k : {"start", "finish", "cpm_start", "cpm_finish"}) cols[k] = self.attr(k);
            cols["delay_working_minutes"] = self.attr("delay");
            cols["summary"] = self.attr("is_summary");
            cols["split"] = self.attr("is_split");
            return pd.attr("DataFrame")(cols).attr("set_index")("id");
        }, "One row per task, indexed by task id: name, parent (WBS parent id or None), project, start, finish, cpm_start, "
           "cpm_finish, delay_working_minutes (task calendar), summary, split.")
        .def("projects_dataframe", [](py::object self) {
            const auto& x = self.cast<const LevelResult&>();
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            std::vector<std::string> ids;
            for (const auto& id : x.project_id) ids.push_back(id.str());
            cols["project"] = ids;
            cols["cpm_finish"] = self.attr("project_cpm_finish");
            cols["finish"] = self.attr("project_finish");
            cols["delay_elapsed_minutes"] = self.attr("project_delay");
            return pd.attr("DataFrame")(cols).attr("set_index")("project");
        }, "One row per project: cpm_finish, finish, delay_elapsed_minutes (finish - cpm_finish in calendar minutes).")
        .def("histogram", &histogram_dataframe,
             "Time-phased demand and capacity per resource and bucket (pandas DataFrame: resource, start, peak_demand, capacity, load).")
        .def("to_schedule_result", [](py::object self) {
            py::object out = py::cast(std::make_shared<ScheduleResult>(to_schedule_result(self.cast<const LevelResult&>())));
            copy_labels(self, out);
            return out;
        }, "The levelled dates as a ScheduleResult (with the task names and parents).")
        .def("__len__", [](const LevelResult& x) { return x.task_id.size(); })
        .def("__repr__", [](const LevelResult& x) {
            return "LevelResult(" + std::string(to_string(x.status)) + ", " + std::to_string(x.task_id.size()) + " tasks, finish " +
                   to_string(x.portfolio_finish) + ")";
        })
        .def(py::pickle(
            [](const py::object& self) {
                const auto& x = self.cast<const LevelResult&>();
                std::vector<ResourceId> oa_resource;
                std::vector<Instant> oa_from, oa_to;
                std::vector<double> oa_demand, oa_capacity;
                for (const auto& o : x.over_allocations)
                    oa_resource.push_back(o.resource), oa_from.push_back(o.from), oa_to.push_back(o.to), oa_demand.push_back(o.demand),
                        oa_capacity.push_back(o.capacity);
                const auto& h = x.histogram;
                const std::vector<Instant> instants{x.portfolio_cpm_finish, x.portfolio_finish, x.one_pass_portfolio_finish, h.start};
                const std::vector<Duration> durations{x.total_project_delay, x.one_pass_total_project_delay, h.period};
                return py::make_tuple(
                    1, static_cast<int>(x.status), x.task_id, pack(x.project), pack(x.start), pack(x.finish), pack(x.cpm_start),
                    pack(x.cpm_finish), pack(x.delay), pack(x.is_summary), pack(x.is_split), pack(x.piece_offsets), pack(x.piece_start),
                    pack(x.piece_finish), x.project_id, pack(x.project_cpm_finish), pack(x.project_finish), pack(x.project_delay),
                    pack(instants), pack(durations), x.weighted_project_delay,
                    py::make_tuple(oa_resource, pack(oa_from), pack(oa_to), pack(oa_demand), pack(oa_capacity)),
                    py::make_tuple(h.resource, h.bucket_count, pack(h.peak_demand), pack(h.capacity), pack(h.load)),
                    py::make_tuple(static_cast<int>(x.method), x.passes, x.best_pass, x.best_rule, x.seconds, x.warnings),
                    instance_dict(self));
            },
            [](const py::tuple& state) {
                const py::tuple t = checked_state(state, "LevelResult", 25);
                auto x = std::make_shared<LevelResult>();
                x->status = static_cast<LevelStatus>(t[1].cast<int>());
                x->task_id = t[2].cast<std::vector<TaskId>>();
                x->project = unpack<ProjectIndex>(t[3]);
                x->start = unpack<Instant>(t[4]);
                x->finish = unpack<Instant>(t[5]);
                x->cpm_start = unpack<Instant>(t[6]);
                x->cpm_finish = unpack<Instant>(t[7]);
                x->delay = unpack<Duration>(t[8]);
                x->is_summary = unpack<std::uint8_t>(t[9]);
                x->is_split = unpack<std::uint8_t>(t[10]);
                x->piece_offsets = unpack<std::uint32_t>(t[11]);
                x->piece_start = unpack<Instant>(t[12]);
                x->piece_finish = unpack<Instant>(t[13]);
                x->project_id = t[14].cast<std::vector<ProjectId>>();
                x->project_cpm_finish = unpack<Instant>(t[15]);
                x->project_finish = unpack<Instant>(t[16]);
                x->project_delay = unpack<Duration>(t[17]);
                const auto instants = unpack<Instant>(t[18]);
                const auto durations = unpack<Duration>(t[19]);
                if (instants.size() != 4 || durations.size() != 3) throw py::value_error("cannot unpickle LevelResult: bad state");
                x->portfolio_cpm_finish = instants[0];
                x->portfolio_finish = instants[1];
                x->one_pass_portfolio_finish = instants[2];
                x->histogram.start = instants[3];
                x->total_project_delay = durations[0];
                x->one_pass_total_project_delay = durations[1];
                x->histogram.period = durations[2];
                x->weighted_project_delay = t[20].cast<double>();
                const auto oa = t[21].cast<py::tuple>();
                const auto oa_resource = oa[0].cast<std::vector<ResourceId>>();
                const auto oa_from = unpack<Instant>(oa[1]), oa_to = unpack<Instant>(oa[2]);
                const auto oa_demand = unpack<double>(oa[3]), oa_capacity = unpack<double>(oa[4]);
                for (std::size_t i = 0; i < oa_resource.size(); ++i)
                    x->over_allocations.push_back({oa_resource[i], oa_from.at(i), oa_to.at(i), oa_demand.at(i), oa_capacity.at(i)});
                const auto h = t[22].cast<py::tuple>();
                x->histogram.resource = h[0].cast<std::vector<ResourceId>>();
                x->histogram.bucket_count = h[1].cast<std::int64_t>();
                x->histogram.peak_demand = unpack<double>(h[2]);
                x->histogram.capacity = unpack<double>(h[3]);
                x->histogram.load = unpack<double>(h[4]);
                const auto run = t[23].cast<py::tuple>();
                x->method = static_cast<LevelMethod>(run[0].cast<int>());
                x->passes = run[1].cast<std::int32_t>();
                x->best_pass = run[2].cast<std::int32_t>();
                x->best_rule = run[3].cast<std::string>();
                x->seconds = run[4].cast<double>();
                x->warnings = run[5].cast<std::vector<std::string>>();
                return std::make_pair(x, t[24].cast<py::dict>());
            }));
    m.def(
        "level",
        [](const Portfolio& portfolio, bool within_float, bool split, bool use_priorities, LevelObjective objective, LevelMethod method,
           std::int32_t passes, std::int64_t schedules, double time_limit, std::int32_t threads, std::uint64_t seed,
           Duration histogram_period, std::optional<Instant> status_date, py::object progress) {
            LevelOptions o;
            o.method = method;
            o.schedules = schedules;
            o.time_limit = time_limit;
            o.threads = threads;
            o.within_float = within_float;
            o.split = split;
            o.use_priorities = use_priorities;
            o.objective = objective;
            o.passes = passes;
            o.seed = seed;
            o.histogram_period = histogram_period;
            o.schedule.status_date = status_date;
            ProgressBridge bridge(std::move(progress));
            o.stop = bridge.token();
            o.progress = [&bridge](const LevelProgress& p) { bridge.report([p] { return py::cast(p); }); };
            auto r0 = std::make_shared<LevelResult>();
            TaskLabels labels;
            {
                py::gil_scoped_release release;
                *r0 = level(portfolio, o);
                labels = task_labels(portfolio, r0->task_id);
            }
            bridge.rethrow_if_error();
            py::object out = py::cast(r0);
            attach_labels(out, std::move(labels));
            return out;
        },
        py::arg("portfolio"), py::kw_only(), py::arg("within_float") = false, py::arg("split") = false,
        py::arg("use_priorities") = true, py::arg("objective") = LevelObjective::total_project_delay,
        py::arg("method") = LevelMethod::genetic, py::arg("passes") = 16, py::arg("schedules") = 0, py::arg("time_limit") = 0.0,
        py::arg("threads") = 1, py::arg("seed") = 1, py::arg("histogram_period") = Duration{kMinutesPerDay},
        py::arg("status_date") = py::none(), py::arg("progress") = py::none(),
        "Levels the portfolio's shared resources: by default the activity-list GA on the calendar model (budget `schedules`, "
        "0 = from the size; `time_limit` seconds; `threads`), or method=PRIORITY with `passes` rule passes. GIL released; "
        "`progress(LevelProgress)` may raise to stop (the exception propagates).");

    m.def(
        "validate_level",
        [](const Portfolio& portfolio, const LevelResult& result, std::optional<Instant> status_date, ProgressMode progress_mode,
           bool strict_capacity) {
            LevelValidatorOptions options;
            options.schedule.status_date = status_date;
            options.schedule.progress_mode = progress_mode;
            options.strict_capacity = strict_capacity;
            py::gil_scoped_release release;
            return validate_level(portfolio, result, options);
        },
        py::arg("portfolio"), py::arg("result"), py::kw_only(), py::arg("status_date") = py::none(),
        py::arg("progress_mode") = ProgressMode::retained_logic, py::arg("strict_capacity") = false,
        "Independent check of a levelled schedule: the schedule rules of validate_schedule on its dates, every resource's "
        "capacity over time (outside the over-allocations the result reports, unless strict_capacity) and every task's "
        "working pieces. Pass the status_date given to level.");

    py::class_<MultiProjectInstance>(m, "MultiProjectInstance", "An RCMPSP instance (MPLIB .rcmp or MPSPLIB .xml).")
        .def_readonly("name", &MultiProjectInstance::name, "File stem.")
        .def_readonly("path", &MultiProjectInstance::path, "File read.")
        .def_readonly("resource_names", &MultiProjectInstance::resource_names, "Resource names.")
        .def_readonly("capacities", &MultiProjectInstance::capacities, "Capacities.")
        .def_readonly("resource_owner", &MultiProjectInstance::resource_owner, "-1 global, else project.")
        .def_readonly("project_names", &MultiProjectInstance::project_names, "Project names.")
        .def_readonly("release", &MultiProjectInstance::release, "Release per project.")
        .def_readonly("due_date", &MultiProjectInstance::due_date, "Due date per project (-1 none).")
        .def_readonly("job_offsets", &MultiProjectInstance::job_offsets, "Jobs per project (CSR).")
        .def_readonly("durations", &MultiProjectInstance::durations, "Per job.")
        .def_readonly("demands", &MultiProjectInstance::demands, "Job-major demands.")
        .def_readonly("successor_offsets", &MultiProjectInstance::successor_offsets, "CSR offsets.")
        .def_readonly("successor_indices", &MultiProjectInstance::successor_indices, "Successors.")
        .def("num_projects", &MultiProjectInstance::num_projects, "Projects.")
        .def("num_jobs", &MultiProjectInstance::num_jobs, "Jobs.")
        .def("num_resources", &MultiProjectInstance::num_resources, "Resources.")
        .def("__repr__", [](const MultiProjectInstance& i) {
            return "MultiProjectInstance('" + i.name + "', " + std::to_string(i.num_projects()) + " projects)";
        });
    m.def("multiproject_to_portfolio",
          [](const MultiProjectInstance& i, Instant origin, Duration period) { return to_portfolio(i, {origin, period}); },
          py::arg("instance"), py::arg("origin") = Instant::at(Date{20458}), py::arg("period") = Duration{kMinutesPerDay},
          "The instance as a ppm Portfolio (one project per project, 24/7 calendar).");
    m.def("multiproject_to_rcpsp_instance", [](const MultiProjectInstance& i) { return std::make_shared<RcpspInstance>(to_rcpsp_instance(i)); },
          py::arg("instance"), "One combined RCPSP instance.");
    py::class_<MultiProjectObjectives>(m, "MultiProjectObjectives", "TPD, TMS and bounds of a multi-project schedule.")
        .def_readonly("project_finish", &MultiProjectObjectives::project_finish, "f_p.")
        .def_readonly("project_cpm_finish", &MultiProjectObjectives::project_cpm_finish, "r_p + CPM_p.")
        .def_readonly("total_project_delay", &MultiProjectObjectives::total_project_delay, "TPD.")
        .def_readonly("total_makespan", &MultiProjectObjectives::total_makespan, "TMS.")
        .def_readonly("tms_lower_bound", &MultiProjectObjectives::tms_lower_bound, "Lower bound on TMS.")
        .def("__repr__", [](const MultiProjectObjectives& o) {
            return "MultiProjectObjectives(TPD=" + std::to_string(o.total_project_delay) + ", TMS=" + std::to_string(o.total_makespan) + ")";
        });
    m.def("evaluate_multiproject", [](const MultiProjectInstance& i, const std::vector<std::int32_t>& s) { return evaluate(i, s); },
          py::arg("instance"), py::arg("starts"), "Objectives of a schedule (one start per job).");
    m.def("check_multiproject", [](const MultiProjectInstance& i, const std::vector<std::int32_t>& s) { return check_multiproject(i, s); },
          py::arg("instance"), py::arg("starts"), "'' when feasible, else the first problem.");
    py::class_<MultiProjectResult>(m, "MultiProjectResult", "Best schedule found for a multi-project instance.")
        .def_readonly("start_times", &MultiProjectResult::start_times, "Start per job.")
        .def_readonly("objectives", &MultiProjectResult::objectives, "Its objectives.")
        .def_readonly("method", &MultiProjectResult::method, "'level' or 'rcpsp_ga'.")
        .def_readonly("level_objectives", &MultiProjectResult::level_objectives, "What level alone reached.")
        .def_readonly("ga_objectives", &MultiProjectResult::ga_objectives, "What the GA reached.")
        .def_readonly("seconds", &MultiProjectResult::seconds, "Wall time.")
        .def("__repr__", [](const MultiProjectResult& x) { return "MultiProjectResult(method='" + x.method + "')"; });
    m.def(
        "level_multiproject",
        [](const MultiProjectInstance& i, LevelObjective objective, std::int32_t passes, std::uint64_t seed, std::int64_t rcpsp_schedules) {
            MultiProjectLevelOptions o;
            o.level.objective = objective;
            o.level.passes = passes;
            o.level.seed = seed;
            o.rcpsp_schedules = rcpsp_schedules;
            py::gil_scoped_release release;
            return level_multiproject(i, o);
        },
        py::arg("instance"), py::kw_only(), py::arg("objective") = LevelObjective::total_project_delay, py::arg("passes") = 16,
        py::arg("seed") = 1, py::arg("rcpsp_schedules") = 0,
        "Levels the instance as one portfolio (and optionally with the RCPSP GA); GIL released.");
}

}  // namespace

void bind_leveling(py::module_& m) {
    bind_instances(m);
    bind_rcpsp(m);
    bind_level(m);
}

}  // namespace ppm::python
