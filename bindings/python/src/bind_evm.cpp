// Python bindings for area `evm`: baselines (spread over working calendars), earned value (PMI
// Practice Standard for EVM), earned schedule (Lipke 2003) and the roll-up.
#include "common.hpp"
#include "state.hpp"
#include "arrays.hpp"

#include <memory>

#include "ppm/core/error.hpp"
#include "ppm/evm/baseline.hpp"
#include "ppm/evm/capture.hpp"
#include "ppm/evm/earned_schedule.hpp"
#include "ppm/evm/earned_value.hpp"
#include "ppm/evm/earned_value_methods.hpp"
#include "ppm/evm/rollup.hpp"
#include "ppm/evm/status_period.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/io/model_file.hpp"

#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace ppm::python {

namespace {

void bind_baselines(py::module_& m) {
    py::class_<Baseline> b(m, "Baseline", "A named baseline of one project (planned start, finish and cost per leaf task).");
    def_kwargs_init(b);
    b.def_readwrite("name", &Baseline::name, "Baseline name.")
        .def_readwrite("project", &Baseline::project, "Project id.")
        .def_readwrite("captured_at", &Baseline::captured_at, "When it was taken.")
        .def_readwrite("task", &Baseline::task, "Task ids.")
        .def_readwrite("start", &Baseline::start, "Planned starts.")
        .def_readwrite("finish", &Baseline::finish, "Planned finishes.")
        .def_readwrite("cost", &Baseline::cost, "Budgets (major units).")
        .def("size", &Baseline::size, "Number of tasks.")
        .def("__len__", &Baseline::size)
        .def("to_dataframe", [](const Baseline& x) {
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            cols["task"] = x.task;
            cols["start"] = x.start;
            cols["finish"] = x.finish;
            cols["cost"] = x.cost;
            return pd.attr("DataFrame")(cols).attr("set_index")("task");
        }, "One row per task (pandas DataFrame).")
        .def("__repr__", [](const Baseline& x) {
            return "Baseline('" + x.name + "', project '" + x.project.str() + "', " + std::to_string(x.size()) + " tasks)";
        })
        .def(py::pickle([](const Baseline& x) { return py::make_tuple(x.name, x.project, x.captured_at, x.task, x.start, x.finish, x.cost); },
                        [](const py::tuple& t) {
                            Baseline x;
                            x.name = t[0].cast<std::string>();
                            x.project = t[1].cast<ProjectId>();
                            x.captured_at = t[2].cast<Instant>();
                            x.task = t[3].cast<std::vector<TaskId>>();
                            x.start = t[4].cast<std::vector<Instant>>();
                            x.finish = t[5].cast<std::vector<Instant>>();
                            x.cost = t[6].cast<std::vector<Money>>();
                            return x;
                        }));
    m.def("make_baseline", &make_baseline, py::arg("name"), py::arg("project"), py::arg("captured_at"), py::arg("tasks"),
          py::arg("starts"), py::arg("finishes"), py::arg("costs"), "Builds a baseline from parallel arrays (ModelError when inconsistent).");
    m.def("budget_at_completion", &budget_at_completion, py::arg("baseline"), "BAC: the sum of the costs.");
    m.def("planned_value", py::overload_cast<const Baseline&, Instant>(&planned_value), py::arg("baseline"), py::arg("at"),
          "Planned value of the baseline at an instant (linear spread).");
    m.def("planned_span", &planned_span, py::arg("baseline"), "Earliest planned start and latest planned finish.");
    py::class_<BaselineSet> bs(m, "BaselineSet", "The baselines of one project and the current one.");
    def_kwargs_init(bs);
    bs.def_readwrite("baselines", &BaselineSet::baselines, "Baselines.")
        .def_readwrite("current", &BaselineSet::current, "Name of the current baseline ('' = last).")
        .def("active", [](const BaselineSet& s) -> std::optional<Baseline> {
            const Baseline* a = s.active();
            return a ? std::optional<Baseline>(*a) : std::nullopt;
        }, "The current baseline or None.")
        .def("set_current", &BaselineSet::set_current, py::arg("baseline"), "Adds (or replaces) and makes current.");
    m.def("planned_cost", &planned_cost, py::arg("portfolio"), py::arg("task"), "Planned cost of a task.");
    m.def("capture_baseline", &capture_baseline, py::arg("portfolio"), py::arg("schedule"), py::arg("project"),
          py::arg("name") = "Baseline", py::arg("captured_at") = Instant{}, "Freezes a project's CPM dates and costs as a baseline.");
    m.def(
        "attach_calendars",
        [](const Baseline& baseline, const Portfolio& portfolio) {
            Baseline out = baseline;
            attach_calendars(out, portfolio);
            return out;
        },
        py::arg("baseline"), py::arg("portfolio"),
        "A copy of `baseline` with each task's working calendar (task, else project, else portfolio default) and "
        "earned-value method from `portfolio` attached, so planned value spreads over working time. Tasks absent from "
        "the portfolio keep elapsed time and percent complete. The calendars are not pickled: re-attach after unpickling.");
    py::class_<StatusPeriod> sp(m, "StatusPeriod", "Progress of one project's tasks at a data date.");
    def_kwargs_init(sp);
    sp.def_readwrite("project", &StatusPeriod::project, "Project id.")
        .def_readwrite("date", &StatusPeriod::date, "Data date.")
        .def_readwrite("task", &StatusPeriod::task, "Task ids.")
        .def_readwrite("percent_complete", &StatusPeriod::percent_complete, "0..100 per task.")
        .def_readwrite("actual_cost", &StatusPeriod::actual_cost, "Cumulative actual cost per task.")
        .def_readwrite("started", &StatusPeriod::started, "Optional, per task: 1 = started even at 0 %; empty = percent > 0.")
        .def_readwrite("units_complete", &StatusPeriod::units_complete, "Optional, per task: units done (NaN = not reported).")
        .def_readwrite("milestones_done", &StatusPeriod::milestones_done, "Optional, per task: earned-value milestones reached.");
    m.def(
        "earned_values",
        [](const Baseline& b, const StatusPeriod& s, std::optional<std::vector<EarnedValueRule>> rules) {
            return rules ? earned_values(b, s, *rules) : earned_values(b, s);
        },
        py::arg("baseline"), py::arg("status"), py::arg("rules") = py::none(),
        "EV per baseline task by its earned-value method (the baseline's attached rules when `rules` is None).");
    m.def("earned_value_rules", &earned_value_rules, py::arg("baseline"), py::arg("project"),
          "The earned-value rule of each baseline task, read from the project's tasks.");
    m.def(
        "apply_status_periods",
        [](const Portfolio& portfolio, const std::vector<StatusPeriod>& status, std::optional<Instant> status_date) {
            py::gil_scoped_release release;
            return apply_status_periods(portfolio, status, status_date);
        },
        py::arg("portfolio"), py::arg("status"), py::arg("status_date") = py::none(),
        "A copy of `portfolio` as its status periods report it: per project, the latest period dated at or before "
        "`status_date` (None: the latest) sets the tasks' percent complete and actual cost, fills missing actual "
        "starts and finishes, and becomes the project's status date (what `ppm simulate` forecasts from). "
        "ModelError (unknown_id) for a row naming a task not in its project.");
    m.def("status_from_project", &status_from_project, py::arg("project"), py::arg("date"), "Reads a project's progress as a status period.");
    m.def("check_status_period", &check_status_period, py::arg("status"), "Raises ModelError for inconsistent arrays.");
}

void bind_metrics(py::module_& m) {
    py::enum_<EacMethod>(m, "EacMethod", "Which EAC is reported as 'the' EAC.")
        .value("NEW_ESTIMATE", EacMethod::new_estimate)
        .value("CPI", EacMethod::cpi)
        .value("ATYPICAL", EacMethod::atypical)
        .value("COMPOSITE", EacMethod::composite)
        .value("BOTTOM_UP", EacMethod::bottom_up);
    py::class_<EvmInput> in(m, "EvmInput", "Cumulative BAC, PV, EV, AC of one node at a status date.");
    def_kwargs_init(in);
    in.def_readwrite("bac", &EvmInput::bac, "Budget at completion.")
        .def_readwrite("pv", &EvmInput::pv, "Planned value.")
        .def_readwrite("ev", &EvmInput::ev, "Earned value.")
        .def_readwrite("ac", &EvmInput::ac, "Actual cost.")
        .def_readwrite("etc_estimate", &EvmInput::etc_estimate, "Team's ETC or None.")
        .def_readwrite("eac_bottom_up", &EvmInput::eac_bottom_up, "Children's EAC sum or None.");
    py::class_<EvmMetrics> mt(m, "EvmMetrics", "Every EVM measure of one node (ratios NaN when undefined).");
    for (auto [name, member] : {std::pair{"sv", &EvmMetrics::sv}, {"cv", &EvmMetrics::cv}, {"eac_new_estimate", &EvmMetrics::eac_new_estimate},
                                {"eac_cpi", &EvmMetrics::eac_cpi}, {"eac_atypical", &EvmMetrics::eac_atypical},
                                {"eac_composite", &EvmMetrics::eac_composite}, {"eac_bottom_up", &EvmMetrics::eac_bottom_up},
                                {"eac", &EvmMetrics::eac}, {"etc", &EvmMetrics::etc}, {"vac", &EvmMetrics::vac}})
        mt.def_readonly(name, member, "Money (major units).");
    for (auto [name, member] : {std::pair{"spi", &EvmMetrics::spi}, {"cpi", &EvmMetrics::cpi}, {"tcpi_bac", &EvmMetrics::tcpi_bac},
                                {"tcpi_eac", &EvmMetrics::tcpi_eac}, {"percent_complete", &EvmMetrics::percent_complete},
                                {"percent_spent", &EvmMetrics::percent_spent}})
        mt.def_readonly(name, member, "Ratio.");
    mt.def("__repr__", [](const EvmMetrics& x) {
        return "EvmMetrics(SPI=" + std::to_string(x.spi) + ", CPI=" + std::to_string(x.cpi) + ", EAC=" + std::to_string(x.eac.major()) + ")";
    });
    mt.def(py::pickle(
        [](const EvmMetrics& x) {  // money as exact minor units
            const std::vector<Money> money{x.sv, x.cv, x.eac_new_estimate, x.eac_cpi, x.eac_atypical, x.eac_composite, x.eac_bottom_up,
                                           x.eac, x.etc, x.vac};
            const std::vector<double> ratios{x.spi, x.cpi, x.tcpi_bac, x.tcpi_eac, x.percent_complete, x.percent_spent};
            return py::make_tuple(1, pack(money), pack(ratios));
        },
        [](const py::tuple& state) {
            const py::tuple t = checked_state(state, "EvmMetrics", 3);
            const auto money = unpack<Money>(t[1]);
            const auto ratios = unpack<double>(t[2]);
            if (money.size() != 10 || ratios.size() != 6) throw py::value_error("cannot unpickle EvmMetrics: bad state");
            EvmMetrics x;
            x.sv = money[0], x.cv = money[1], x.eac_new_estimate = money[2], x.eac_cpi = money[3], x.eac_atypical = money[4];
            x.eac_composite = money[5], x.eac_bottom_up = money[6], x.eac = money[7], x.etc = money[8], x.vac = money[9];
            x.spi = ratios[0], x.cpi = ratios[1], x.tcpi_bac = ratios[2], x.tcpi_eac = ratios[3], x.percent_complete = ratios[4];
            x.percent_spent = ratios[5];
            return x;
        }));
    m.def(
        "evaluate_evm",
        [](Money bac, Money pv, Money ev, Money ac, std::optional<Money> etc_estimate, std::optional<Money> eac_bottom_up, EacMethod method) {
            return evaluate_evm({bac, pv, ev, ac, etc_estimate, eac_bottom_up}, method);
        },
        py::kw_only(), py::arg("bac"), py::arg("pv"), py::arg("ev"), py::arg("ac"), py::arg("etc_estimate") = py::none(),
        py::arg("eac_bottom_up") = py::none(), py::arg("method") = EacMethod::cpi,
        "SV, CV, SPI, CPI, the EACs, ETC, VAC and TCPI (PMI Practice Standard for EVM).");

    py::class_<EarnedSchedule>(m, "EarnedSchedule", "Earned-schedule measures (Lipke 2003), in the curve's time unit.")
        .def_readonly("es", &EarnedSchedule::es, "Earned schedule.")
        .def_readonly("at", &EarnedSchedule::at, "Actual time.")
        .def_readonly("pd", &EarnedSchedule::pd, "Planned duration.")
        .def_readonly("sv_t", &EarnedSchedule::sv_t, "ES - AT.")
        .def_readonly("spi_t", &EarnedSchedule::spi_t, "ES / AT.")
        .def_readonly("tspi", &EarnedSchedule::tspi, "(PD - ES) / (PD - AT).")
        .def_readonly("ieac_t", &EarnedSchedule::ieac_t, "PD / SPI(t).")
        .def("__repr__", [](const EarnedSchedule& e) {
            return "EarnedSchedule(ES=" + std::to_string(e.es) + ", SPI(t)=" + std::to_string(e.spi_t) + ")";
        })
        .def(py::pickle([](const EarnedSchedule& e) { return py::make_tuple(1, e.es, e.at, e.pd, e.sv_t, e.spi_t, e.tspi, e.ieac_t); },
                        [](const py::tuple& state) {
                            const py::tuple t = checked_state(state, "EarnedSchedule", 8);
                            return EarnedSchedule{t[1].cast<double>(), t[2].cast<double>(), t[3].cast<double>(), t[4].cast<double>(),
                                                  t[5].cast<double>(), t[6].cast<double>(), t[7].cast<double>()};
                        }));
    m.def("earned_schedule",
          [](const std::vector<double>& t, const std::vector<double>& pv, double ev, double at, double pf) { return earned_schedule(t, pv, ev, at, pf); },
          py::arg("time"), py::arg("pv"), py::arg("ev"), py::arg("actual_time"), py::arg("planned_finish"),
          "ES from a cumulative PV curve (linear interpolation).");
    m.def("earned_schedule_periods",
          [](const std::vector<double>& pv, double ev, double at, double pd) { return earned_schedule_periods(pv, ev, at, pd); },
          py::arg("cumulative_pv"), py::arg("ev"), py::arg("actual_time"), py::arg("planned_duration") = 0.0,
          "Lipke's period form of earned schedule.");
    m.def("forecast_finish", &forecast_finish, py::arg("start"), py::arg("earned_schedule"), "start + IEAC(t) minutes.");
}

/// The roll-up table with the status date and EAC method it was computed for (`ppm evm --json`
/// prints both beside the rows).
struct EvmRollupTable : EvmTable {
    Instant status_date{};
    EacMethod eac_method = EacMethod::cpi;
};

py::array_t<double> money_column(const std::vector<Money>& v) {
    py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
    auto w = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < v.size(); ++i) w(static_cast<py::ssize_t>(i)) = v[i].major();
    out.attr("flags").attr("writeable") = false;
    return out;
}

template <class F>
py::array_t<double> row_column(const EvmRollupTable& t, F f) {
    py::array_t<double> out(static_cast<py::ssize_t>(t.size()));
    auto w = out.mutable_unchecked<1>();
    for (std::size_t i = 0; i < t.size(); ++i) w(static_cast<py::ssize_t>(i)) = f(i);
    out.attr("flags").attr("writeable") = false;
    return out;
}

/// Finite or NaN: the table's JSON writes null for a ratio that is undefined or infinite (TCPI of
/// an unachievable target; its `*_unachievable` flag says so).
double finite_or_nan(double v) { return std::isfinite(v) ? v : std::nan(""); }

/// One row per node with the field names of `ppm evm --json` (money in major units, earned
/// schedule in calendar days, dates as datetime64[m]).
py::object evm_dataframe(py::object self) {
    const auto& t = self.cast<const EvmRollupTable&>();
    py::module_ pd = py::module_::import("pandas");
    py::dict cols;
    std::vector<std::string> level;
    py::list parent(t.size());
    for (std::size_t i = 0; i < t.size(); ++i) {
        level.emplace_back(to_string(t.kind[i]));
        parent[i] = t.parent[i] < 0 ? py::object(py::none()) : py::object(py::str(t.id[static_cast<std::size_t>(t.parent[i])]));
    }
    cols["level"] = level;
    cols["id"] = t.id;
    cols["parent"] = parent;
    cols["bac"] = money_column(t.bac);
    cols["pv"] = money_column(t.pv);
    cols["ev"] = money_column(t.ev);
    cols["ac"] = money_column(t.ac);
    auto money = [&t](Money EvmMetrics::*f) { return row_column(t, [&t, f](std::size_t i) { return (t.metrics[i].*f).major(); }); };
    auto ratio = [&t](double EvmMetrics::*f) { return row_column(t, [&t, f](std::size_t i) { return finite_or_nan(t.metrics[i].*f); }); };
    auto days = [&t](double EarnedSchedule::*f) { return row_column(t, [&t, f](std::size_t i) { return finite_or_nan(t.schedule[i].*f / 1440.0); }); };
    cols["sv"] = money(&EvmMetrics::sv);
    cols["cv"] = money(&EvmMetrics::cv);
    cols["spi"] = ratio(&EvmMetrics::spi);
    cols["cpi"] = ratio(&EvmMetrics::cpi);
    cols["eac"] = money(&EvmMetrics::eac);
    cols["eac_new_estimate"] = money(&EvmMetrics::eac_new_estimate);
    cols["eac_cpi"] = money(&EvmMetrics::eac_cpi);
    cols["eac_atypical"] = money(&EvmMetrics::eac_atypical);
    cols["eac_composite"] = money(&EvmMetrics::eac_composite);
    cols["eac_bottom_up"] = money(&EvmMetrics::eac_bottom_up);
    cols["etc"] = money(&EvmMetrics::etc);
    cols["vac"] = money(&EvmMetrics::vac);
    cols["tcpi_bac"] = ratio(&EvmMetrics::tcpi_bac);
    cols["tcpi_eac"] = ratio(&EvmMetrics::tcpi_eac);
    std::vector<bool> bac_unach, eac_unach;
    for (const auto& x : t.metrics) bac_unach.push_back(std::isinf(x.tcpi_bac)), eac_unach.push_back(std::isinf(x.tcpi_eac));
    cols["tcpi_bac_unachievable"] = py::array(py::cast(bac_unach)).attr("astype")("bool");
    cols["tcpi_eac_unachievable"] = py::array(py::cast(eac_unach)).attr("astype")("bool");
    cols["percent_complete"] = ratio(&EvmMetrics::percent_complete);
    cols["es_days"] = days(&EarnedSchedule::es);
    cols["at_days"] = days(&EarnedSchedule::at);
    cols["sv_t_days"] = days(&EarnedSchedule::sv_t);
    cols["spi_t"] = row_column(t, [&t](std::size_t i) { return finite_or_nan(t.schedule[i].spi_t); });
    cols["tspi"] = row_column(t, [&t](std::size_t i) { return finite_or_nan(t.schedule[i].tspi); });
    cols["ieac_t_days"] = days(&EarnedSchedule::ieac_t);
    cols["planned_start"] = readonly_view(t.planned_start, "datetime64[m]", self);
    cols["planned_finish"] = readonly_view(t.planned_finish, "datetime64[m]", self);
    cols["forecast_finish"] = readonly_view(t.forecast_finish, "datetime64[m]", self);
    return pd.attr("DataFrame")(cols);
}

void bind_rollup(py::module_& m) {
    py::enum_<EvmNodeKind>(m, "EvmNodeKind", "Level of a row of the EVM roll-up.")
        .value("PORTFOLIO", EvmNodeKind::portfolio)
        .value("PROGRAM", EvmNodeKind::program)
        .value("PROJECT", EvmNodeKind::project)
        .value("SUMMARY", EvmNodeKind::summary)
        .value("TASK", EvmNodeKind::task);
    py::class_<EvmRollupTable, std::shared_ptr<EvmRollupTable>> t(
        m, "EvmTable",
        "EVM roll-up: one row per node (portfolio, programs, projects, WBS summaries, tasks), parents before "
        "children; arrays indexed alike (money in major units).");
    t.def_readonly("status_date", &EvmRollupTable::status_date, "Data date of the roll-up.")
        .def_readonly("eac_method", &EvmRollupTable::eac_method, "EAC reported as `eac`.")
        .def_readonly("kind", &EvmRollupTable::kind, "EvmNodeKind per row.")
        .def_property_readonly("level", [](const EvmRollupTable& x) {
            std::vector<std::string> out;
            for (auto k : x.kind) out.emplace_back(to_string(k));
            return out;
        }, "'portfolio', 'program', 'project', 'summary' or 'task' per row.")
        .def_readonly("id", &EvmRollupTable::id, "Portfolio / program / project / task id per row.")
        .def_property_readonly("parent", [](py::object self) {
            return readonly_view(self.cast<const EvmRollupTable&>().parent, "int32", self);
        }, "Row of the parent (-1 for the portfolio), read-only int32 view.")
        .def_property_readonly("bac", [](const EvmRollupTable& x) { return money_column(x.bac); }, "Budget at completion per row.")
        .def_property_readonly("pv", [](const EvmRollupTable& x) { return money_column(x.pv); }, "Planned value per row.")
        .def_property_readonly("ev", [](const EvmRollupTable& x) { return money_column(x.ev); }, "Earned value per row.")
        .def_property_readonly("ac", [](const EvmRollupTable& x) { return money_column(x.ac); }, "Actual cost per row.")
        .def_readonly("metrics", &EvmRollupTable::metrics, "EvmMetrics per row (SV, CV, SPI, CPI, the EACs, ETC, VAC, TCPI).")
        .def_readonly("schedule", &EvmRollupTable::schedule, "EarnedSchedule per row, in minutes from the node's planned start.")
        .def_property_readonly("planned_start", [](py::object self) {
            return readonly_view(self.cast<const EvmRollupTable&>().planned_start, "datetime64[m]", self);
        }, "Planned start per row (datetime64[m]).")
        .def_property_readonly("planned_finish", [](py::object self) {
            return readonly_view(self.cast<const EvmRollupTable&>().planned_finish, "datetime64[m]", self);
        }, "Planned finish per row (datetime64[m]).")
        .def_property_readonly("forecast_finish", [](py::object self) {
            return readonly_view(self.cast<const EvmRollupTable&>().forecast_finish, "datetime64[m]", self);
        }, "Earned-schedule forecast finish per row (datetime64[m]).")
        .def("find", [](const EvmRollupTable& x, EvmNodeKind k, const std::string& id) -> std::optional<std::size_t> {
            const std::size_t r = x.find(k, id);
            return r < x.size() ? std::optional<std::size_t>(r) : std::nullopt;
        }, py::arg("kind"), py::arg("id"), "Row of (kind, id), or None.")
        .def("to_dataframe", &evm_dataframe,
             "One row per node with the columns of `ppm evm --json` (level, id, parent, bac ... forecast_finish); "
             "ratios NaN where the JSON has null.")
        .def("__len__", [](const EvmRollupTable& x) { return x.size(); })
        .def("__repr__", [](const EvmRollupTable& x) {
            return "EvmTable(" + std::to_string(x.size()) + " rows at " + to_string(x.status_date) + ")";
        })
        .def(py::pickle(
            [](const EvmRollupTable& x) {
                std::vector<int> kind;
                for (auto k : x.kind) kind.push_back(static_cast<int>(k));
                std::vector<py::tuple> metrics, schedule;
                for (const auto& e : x.metrics)
                    metrics.push_back(py::make_tuple(e.sv, e.cv, e.spi, e.cpi, e.eac_new_estimate, e.eac_cpi, e.eac_atypical,
                                                     e.eac_composite, e.eac_bottom_up, e.eac, e.etc, e.vac,
                                                     py::make_tuple(e.tcpi_bac, e.tcpi_eac, e.percent_complete, e.percent_spent)));
                for (const auto& e : x.schedule) schedule.push_back(py::make_tuple(e.es, e.at, e.pd, e.sv_t, e.spi_t, e.tspi, e.ieac_t));
                return py::make_tuple(x.status_date, static_cast<int>(x.eac_method), kind, x.id, x.parent, x.bac, x.pv, x.ev, x.ac,
                                      metrics, schedule, py::make_tuple(x.planned_start, x.planned_finish, x.forecast_finish));
            },
            [](const py::tuple& s) {
                auto x = std::make_shared<EvmRollupTable>();
                x->status_date = s[0].cast<Instant>();
                x->eac_method = static_cast<EacMethod>(s[1].cast<int>());
                for (int k : s[2].cast<std::vector<int>>()) x->kind.push_back(static_cast<EvmNodeKind>(k));
                x->id = s[3].cast<std::vector<std::string>>();
                x->parent = s[4].cast<std::vector<std::int32_t>>();
                x->bac = s[5].cast<std::vector<Money>>();
                x->pv = s[6].cast<std::vector<Money>>();
                x->ev = s[7].cast<std::vector<Money>>();
                x->ac = s[8].cast<std::vector<Money>>();
                for (const auto& h : s[9].cast<py::list>()) {
                    const auto e = h.cast<py::tuple>();
                    const auto r = e[12].cast<py::tuple>();
                    x->metrics.push_back({e[0].cast<Money>(), e[1].cast<Money>(), e[2].cast<double>(), e[3].cast<double>(),
                                          e[4].cast<Money>(), e[5].cast<Money>(), e[6].cast<Money>(), e[7].cast<Money>(),
                                          e[8].cast<Money>(), e[9].cast<Money>(), e[10].cast<Money>(), e[11].cast<Money>(),
                                          r[0].cast<double>(), r[1].cast<double>(), r[2].cast<double>(), r[3].cast<double>()});
                }
                for (const auto& h : s[10].cast<py::list>()) {
                    const auto e = h.cast<py::tuple>();
                    x->schedule.push_back({e[0].cast<double>(), e[1].cast<double>(), e[2].cast<double>(), e[3].cast<double>(),
                                           e[4].cast<double>(), e[5].cast<double>(), e[6].cast<double>()});
                }
                const auto dates = s[11].cast<py::tuple>();
                x->planned_start = dates[0].cast<std::vector<Instant>>();
                x->planned_finish = dates[1].cast<std::vector<Instant>>();
                x->forecast_finish = dates[2].cast<std::vector<Instant>>();
                return x;
            }));

    m.def(
        "evm_rollup",
        [](const py::object& model, Instant status_date,
           std::optional<std::vector<BaselineSet>> baselines, std::optional<std::vector<StatusPeriod>> status,
           std::optional<EacMethod> eac_method, bool include_tasks) {
            Portfolio from_file;
            const Portfolio* pf = nullptr;
            ControlData control;
            if (py::isinstance<Portfolio>(model)) {
                pf = &model.cast<const Portfolio&>();
            } else {
                ModelDocument doc = read_model_document(model.cast<std::filesystem::path>());
                from_file = std::move(doc.portfolio);
                control = std::move(doc.control);
                pf = &from_file;
            }
            if (baselines) control.baselines = std::move(*baselines);
            if (status) control.status = std::move(*status);
            EvmRollupOptions opt;
            opt.eac_method = eac_method.value_or(control.governance.eac_method);
            opt.include_tasks = include_tasks;
            auto out = std::make_shared<EvmRollupTable>();
            {
                py::gil_scoped_release release;
                static_cast<EvmTable&>(*out) = evm_rollup(*pf, control.baselines, status_date, control.status, opt);
            }
            if (std::find(out->kind.begin(), out->kind.end(), EvmNodeKind::project) == out->kind.end())
                throw ModelError::missing_value("baseline (no project has one: pass baselines= or a file with a \"baselines\" section, docs/evm.md)", pf->id.str());
            out->status_date = status_date;
            out->eac_method = opt.eac_method;
            return out;
        },
        py::arg("model"), py::arg("status_date"), py::kw_only(), py::arg("baselines") = py::none(), py::arg("status") = py::none(),
        py::arg("eac_method") = py::none(), py::arg("include_tasks") = true,
        "Earned value and earned schedule rolled up task -> WBS summary -> project -> program -> portfolio "
        "(what `ppm evm` prints). `model` is a Portfolio or the path of a model file; from a file the "
        "\"baselines\", \"status\" and governance EAC method are read unless given. ModelError when no project "
        "has a baseline. GIL released.");
}

}  // namespace

void bind_evm(py::module_& m) {
    bind_baselines(m);
    bind_metrics(m);
    bind_rollup(m);
}

}  // namespace ppm::python
