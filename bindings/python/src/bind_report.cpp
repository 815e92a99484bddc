// Python bindings for area `report`: the self-contained HTML dashboard (docs/reports.md):
// DashboardData collected from a model file / JSON text / Portfolio (engines run with the GIL
// released, stage progress and cancellation through the ProgressBridge), rendered to a string or a
// file, plus the S-curve and resource-histogram parts as numpy views and DataFrames.
#include "common.hpp"
#include "arrays.hpp"
#include "progress.hpp"

#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <memory>

#include "ppm/io/json.hpp"
#include "ppm/report/dashboard.hpp"
#include "ppm/report/dashboard_data.hpp"

namespace ppm::python {

namespace {


static_assert(sizeof(Instant) == sizeof(std::int64_t));

py::array money_values(const std::vector<Money>& v) {
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[i].major();
    return py::array_t<double>(static_cast<py::ssize_t>(out.size()), out.data());
}

/// What `collect_dashboard_data` reports to its progress callback before each stage.
struct DashboardProgress {
    std::string stage;
    double fraction = 0.0;
};

/// The option keywords shared by collect_dashboard_data* and write_dashboard*.
struct OptionKwargs {
    std::string title;
    std::optional<Instant> today;
    bool level_resources = true;
    std::int32_t level_passes = 4;
    Duration histogram_period{7 * kMinutesPerDay};
    Duration scurve_period{7 * kMinutesPerDay};
    std::int32_t frontier_points = 8;
    double solve_seconds = 10.0;
};

DashboardOptions to_options(const std::optional<DashboardOptions>& options, const OptionKwargs& k) {
    if (options) return *options;
    DashboardOptions o;
    o.title = k.title;
    o.today = k.today;
    o.level_resources = k.level_resources;
    o.level_passes = k.level_passes;
    o.histogram_period = k.histogram_period;
    o.scurve_period = k.scurve_period;
    o.frontier_points = k.frontier_points;
    o.solve_seconds = k.solve_seconds;
    return o;
}

/// Runs `collect` (which takes the options) with the GIL released and the progress bridge wired.
template <class Collect>
std::shared_ptr<DashboardData> collect_with_progress(DashboardOptions o, py::object progress, Collect&& collect) {
    // Stages are few (schedule, level, evm, risk, selection, frontier): report every one.
    ProgressBridge bridge(std::move(progress), 0.0);
    o.stop = bridge.token();
    o.progress = [&bridge](std::string_view stage, double fraction) {
        bridge.report([s = std::string(stage), fraction] { return py::cast(DashboardProgress{s, fraction}); });
    };
    auto data = std::make_shared<DashboardData>();
    {
        py::gil_scoped_release release;
        *data = collect(o);
    }
    bridge.rethrow_if_error();
    return data;
}

/// A property that copies the member in and out (no reference into the aggregate is handed out, so
/// re-assigning an optional member never leaves a dangling Python object behind).
template <class Cls, class T>
void def_value(Cls& cls, const char* name, T DashboardData::*member, const char* doc) {
    cls.def_property(
        name, [member](const DashboardData& d) { return d.*member; }, [member](DashboardData& d, T v) { d.*member = std::move(v); },
        doc);
}

const char* kCollectKwargsDoc =
    " Keywords mirror ppm::DashboardOptions: title ('' = the portfolio's name), today (None = the "
    "status date), level_resources, level_passes, histogram_period and scurve_period (minutes, "
    "default one week), frontier_points (0 = no frontier), solve_seconds (CPU limit per selection "
    "solve); or pass a DashboardOptions as `options` (it then replaces the keywords). The engines run with the GIL released; "
    "`progress(DashboardProgress)` is called before each stage and may raise to stop (the exception "
    "propagates; stages not yet run are skipped).";

void bind_parts(py::module_& m) {
    py::class_<DashboardOptions> o(m, "DashboardOptions",
                                   "Options of collect_dashboard_data and write_dashboard (the keyword arguments of both, as one value).");
    def_kwargs_init(o);
    o.def_readwrite("title", &DashboardOptions::title, "Page title; '' = the portfolio's name, else the file name.")
        .def_readwrite("today", &DashboardOptions::today, "Where the today line is drawn; None = the status date.")
        .def_readwrite("level_resources", &DashboardOptions::level_resources, "Histograms from the levelled schedule (else CPM dates).")
        .def_readwrite("level_passes", &DashboardOptions::level_passes, "Levelling passes.")
        .def_readwrite("histogram_period", &DashboardOptions::histogram_period, "Width of a histogram bar, minutes (one week).")
        .def_readwrite("scurve_period", &DashboardOptions::scurve_period, "Sampling step of the S-curves, minutes (one week).")
        .def_readwrite("frontier_points", &DashboardOptions::frontier_points, "Budgets on the efficient frontier (0: none).")
        .def_readwrite("solve_seconds", &DashboardOptions::solve_seconds, "CPU-second limit of each selection solve.")
        .def("__repr__", [](const DashboardOptions& x) {
            return "DashboardOptions(title=" + py::repr(py::str(x.title)).cast<std::string>() +
                   ", level_resources=" + (x.level_resources ? "True" : "False") + ", level_passes=" + std::to_string(x.level_passes) +
                   ", frontier_points=" + std::to_string(x.frontier_points) + ", solve_seconds=" + py::repr(py::float_(x.solve_seconds)).cast<std::string>() + ")";
        });

    py::class_<DashboardProgress>(m, "DashboardProgress", "Handed to collect_dashboard_data's progress callback before each stage.")
        .def_readonly("stage", &DashboardProgress::stage, "'schedule', 'level', ...")
        .def_readonly("fraction", &DashboardProgress::fraction, "Share of the work done, 0..1.")
        .def("__repr__", [](const DashboardProgress& p) {
            return "DashboardProgress(" + py::repr(py::str(p.stage)).cast<std::string>() + ", " + py::repr(py::float_(p.fraction)).cast<std::string>() + ")";
        });

    py::class_<TimePhased> tp(m, "TimePhased", "Cumulative PV, EV and AC at period ends (EVM S-curves; money in major units).");
    tp.def_property_readonly("period_end", [](py::object self) { return readonly_view(self.cast<const TimePhased&>().period_end, "datetime64[m]", self); },
                             "Period ends (read-only numpy datetime64[m]).")
        .def_property_readonly("pv", [](const TimePhased& x) { return money_values(x.pv); }, "Cumulative planned value per period end.")
        .def_property_readonly("ev", [](const TimePhased& x) { return money_values(x.ev); }, "Cumulative earned value per period end.")
        .def_property_readonly("ac", [](const TimePhased& x) { return money_values(x.ac); }, "Cumulative actual cost per period end.")
        .def_property_readonly("has_actuals", [](py::object self) { return readonly_view(self.cast<const TimePhased&>().has_actuals, "bool", self); },
                               "True where EV/AC come from a status period (up to the data date).")
        .def("to_dataframe", [](py::object self) {
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            for (const char* k : {"period_end", "pv", "ev", "ac", "has_actuals"}) cols[k] = self.attr(k);
            return pd.attr("DataFrame")(cols).attr("set_index")("period_end");
        }, "One row per period end (pandas DataFrame).")
        .def("__len__", [](const TimePhased& x) { return x.period_end.size(); })
        .def("__repr__", [](const TimePhased& x) { return "TimePhased(" + std::to_string(x.period_end.size()) + " periods)"; });

    py::class_<ProjectCurves>(m, "ProjectCurves", "EVM S-curves of one project against its current baseline.")
        .def_readonly("project", &ProjectCurves::project, "Project id.")
        .def_readonly("baseline", &ProjectCurves::baseline, "Name of the baseline measured against.")
        .def_readonly("curves", &ProjectCurves::curves, "The curves.")
        .def("__repr__", [](const ProjectCurves& c) {
            return "ProjectCurves(project='" + c.project.str() + "', baseline='" + c.baseline + "', " + std::to_string(c.curves.period_end.size()) + " periods)";
        });

    py::class_<ResourceHistogram> h(m, "ResourceHistogram",
                                    "Demand and capacity per work resource and bucket; arrays are resource-major (resource x bucket_count).");
    auto hview = [&h](const char* name, std::vector<double> ResourceHistogram::*member, const char* doc) {
        h.def_property_readonly(name, [member](py::object self) {
            const auto& x = self.cast<const ResourceHistogram&>();
            py::array a = readonly_view(x.*member, "float64", self);
            return a.attr("reshape")(static_cast<py::ssize_t>(x.resource.size()), static_cast<py::ssize_t>(x.bucket_count));
        }, doc);
    };
    h.def_readonly("resource", &ResourceHistogram::resource, "Resource ids (rows).")
        .def_readonly("start", &ResourceHistogram::start, "Start of bucket 0.")
        .def_readonly("period", &ResourceHistogram::period, "Width of a bucket, minutes.")
        .def_readonly("bucket_count", &ResourceHistogram::bucket_count, "Buckets per resource.");
    hview("peak_demand", &ResourceHistogram::peak_demand, "Largest units in use in the bucket (resources x buckets, read-only numpy).");
    hview("capacity", &ResourceHistogram::capacity, "Smallest capacity in the bucket (resources x buckets).");
    hview("load", &ResourceHistogram::load, "Unit-minutes in use in the bucket (resources x buckets).");
    h.def("to_dataframe", [](py::object self) {
        const auto& x = self.cast<const ResourceHistogram&>();
        py::module_ pd = py::module_::import("pandas");
        py::module_ np = py::module_::import("numpy");
        std::vector<std::string> res;
        std::vector<std::int64_t> start;
        for (const auto& r : x.resource)
            for (std::int64_t b = 0; b < x.bucket_count; ++b) {
                res.push_back(r.str());
                start.push_back(x.start.minutes_since_epoch() + b * x.period.count());
            }
        py::dict cols;
        cols["resource"] = res;
        cols["start"] = np.attr("array")(start, "datetime64[m]");
        cols["peak_demand"] = readonly_view(x.peak_demand, "float64", self);
        cols["capacity"] = readonly_view(x.capacity, "float64", self);
        cols["load"] = readonly_view(x.load, "float64", self);
        return pd.attr("DataFrame")(cols);
    }, "One row per resource and bucket (pandas DataFrame: resource, start, peak_demand, capacity, load).")
        .def("__repr__", [](const ResourceHistogram& x) {
            return "ResourceHistogram(" + std::to_string(x.resource.size()) + " resources, " + std::to_string(x.bucket_count) + " buckets)";
        });
}

void bind_data(py::module_& m) {
    py::class_<DashboardData, std::shared_ptr<DashboardData>> d(
        m, "DashboardData",
        "Everything the dashboard draws: each engine result optional (a view is drawn when its data exist, `notes` "
        "says why one is missing). A plain aggregate: a host may fill or edit it and render without re-running anything.");
    d.def(py::init([](const py::kwargs& kwargs) {
              auto obj = std::make_shared<DashboardData>();
              py::object view = py::cast(obj.get(), py::return_value_policy::reference);
              for (const auto& [key, value] : kwargs) py::setattr(view, key, value);
              return obj;
          }),
          "Builds the value; every keyword sets the attribute of that name.");
    def_value(d, "title", &DashboardData::title, "Heading of the page.");
    def_value(d, "source", &DashboardData::source, "The file it came from.");
    def_value(d, "portfolio", &DashboardData::portfolio, "The model (None in a selection-only file).");
    def_value(d, "status_date", &DashboardData::status_date, "Data date used for EVM/RAG and the today line.");
    def_value(d, "schedule", &DashboardData::schedule, "CPM result (ScheduleResult) or None.");
    def_value(d, "histogram", &DashboardData::histogram, "ResourceHistogram or None.");
    def_value(d, "histogram_source", &DashboardData::histogram_source, "'levelled' or 'cpm'.");
    def_value(d, "baselines", &DashboardData::baselines, "BaselineSets of the 'baselines' section.");
    def_value(d, "health", &DashboardData::health, "RAG inputs per project when assessed.");
    def_value(d, "project_rag", &DashboardData::project_rag, "RAG per project, parallel to `health`.");
    def_value(d, "rag", &DashboardData::rag, "Roll-up rows: projects, programs, portfolio.");
    def_value(d, "scurves", &DashboardData::scurves, "ProjectCurves of the projects with a baseline.");
    def_value(d, "risks", &DashboardData::risks, "The risk register.");
    def_value(d, "matrix", &DashboardData::matrix, "Its probability-impact matrix.");
    def_value(d, "selection", &DashboardData::selection, "The 'selection' section (SelectionProblem) or None.");
    def_value(d, "selected", &DashboardData::selected, "The optimal selection (SelectionResult) or None.");
    def_value(d, "frontier", &DashboardData::frontier, "The efficient frontier (FrontierResult) or None.");
    d.def_property(
        "notes", [](const DashboardData& x) { return dashboard_notes(x); },
        [](DashboardData& x, std::vector<std::string> v) { x.notes = std::move(v); },
        "Why a view is missing or partial, as the page says it: the notes set (engine failures, skipped stages) "
        "followed by a note for each view whose data is missing.");
    d.def_property_readonly("views", &dashboard_views,
                            "The views this data draws, as `ppm report --json` names them: 'summary', 'gantt', 'histograms', "
                            "'bubble', 'frontier', 'heatmap', 'scurves', 'montecarlo'.")
        .def("__repr__", [](const DashboardData& x) {
            std::string v;
            for (const auto& s : dashboard_views(x)) v += (v.empty() ? "" : ", ") + s;
            return "DashboardData(" + py::repr(py::str(x.title)).cast<std::string>() + ", views [" + v + "], " + std::to_string(dashboard_notes(x).size()) + " notes)";
        });
}

// Binds f(source, *, options=None, title=..., ..., progress=None) for one source type.
template <class Source, class Collect>
void def_collect(py::module_& m, const char* name, const char* source_arg, Collect collect, const std::string& doc,
                 [[maybe_unused]] py::arg_v source_name = py::arg_v("source_name", std::string("<input>"))) {
    const OptionKwargs k;
    if constexpr (std::is_same_v<Source, std::string>) {
        m.def(
            name,
            [collect](const std::string& text, const std::string& source, std::optional<DashboardOptions> options, std::string title,
                      std::optional<Instant> today, bool level_resources, std::int32_t level_passes, Duration histogram_period,
                      Duration scurve_period, std::int32_t frontier_points, double solve_seconds, py::object progress) {
                const auto o = to_options(options, {std::move(title), today, level_resources, level_passes, histogram_period, scurve_period,
                                                    frontier_points, solve_seconds});
                return collect_with_progress(o, std::move(progress), [&](const DashboardOptions& opt) { return collect(text, source, opt); });
            },
            py::arg(source_arg), source_name, py::kw_only(), py::arg("options") = py::none(), py::arg("title") = k.title,
            py::arg("today") = py::none(), py::arg("level_resources") = k.level_resources, py::arg("level_passes") = k.level_passes,
            py::arg("histogram_period") = k.histogram_period, py::arg("scurve_period") = k.scurve_period,
            py::arg("frontier_points") = k.frontier_points, py::arg("solve_seconds") = k.solve_seconds, py::arg("progress") = py::none(),
            doc.c_str());
    } else {
        m.def(
            name,
            [collect](const Source& src, std::optional<DashboardOptions> options, std::string title, std::optional<Instant> today,
                      bool level_resources, std::int32_t level_passes, Duration histogram_period, Duration scurve_period,
                      std::int32_t frontier_points, double solve_seconds, py::object progress) {
                const auto o = to_options(options, {std::move(title), today, level_resources, level_passes, histogram_period, scurve_period,
                                                    frontier_points, solve_seconds});
                return collect_with_progress(o, std::move(progress), [&](const DashboardOptions& opt) { return collect(src, opt); });
            },
            py::arg(source_arg), py::kw_only(), py::arg("options") = py::none(), py::arg("title") = k.title, py::arg("today") = py::none(),
            py::arg("level_resources") = k.level_resources, py::arg("level_passes") = k.level_passes,
            py::arg("histogram_period") = k.histogram_period, py::arg("scurve_period") = k.scurve_period,
            py::arg("frontier_points") = k.frontier_points, py::arg("solve_seconds") = k.solve_seconds, py::arg("progress") = py::none(),
            doc.c_str());
    }
}

void bind_functions(py::module_& m) {
    def_collect<std::filesystem::path>(
        m, "collect_dashboard_data", "path",
        [](const std::filesystem::path& p, const DashboardOptions& o) { return collect_dashboard_data(p, o); },
        std::string("Runs the engines on a model file (.json with all its sections: risks, baselines, status, selection; "
                    ".xml, .xer, .mpx: the model only) and returns the DashboardData. ParseError for a malformed file, "
                    "ModelError for an invalid model; an engine failing on valid data becomes a note.") + kCollectKwargsDoc);
    def_collect<std::string>(
        m, "collect_dashboard_data_from_json", "text",
        [](const std::string& text, const std::string& source, const DashboardOptions& o) {
            return collect_dashboard_data(std::string_view(text), std::string_view(source), o);
        },
        std::string("Like collect_dashboard_data on ppm JSON text (`source_name` names it in errors and is the fallback title).") +
            kCollectKwargsDoc);
    def_collect<Portfolio>(
        m, "collect_dashboard_data_from_portfolio", "portfolio",
        [](const Portfolio& pf, const DashboardOptions& o) {
            return collect_dashboard_data(std::string_view(write_json(pf)), std::string_view("<portfolio>"), o);
        },
        std::string("Like collect_dashboard_data on an in-memory model (its canonical JSON; control and selection "
                    "sections are not part of a Portfolio).") + kCollectKwargsDoc);

    const OptionKwargs k;
    m.def(
        "write_dashboard",
        [](const DashboardData& data, std::optional<DashboardOptions> options, std::string title, std::optional<Instant> today) {
            OptionKwargs k0;
            k0.title = std::move(title);
            k0.today = today;
            auto o = to_options(options, k0);
            py::gil_scoped_release release;
            return write_dashboard(data, o);
        },
        py::arg("data"), py::kw_only(), py::arg("options") = py::none(), py::arg("title") = k.title, py::arg("today") = py::none(),
        "The dashboard as one self-contained HTML document (inline SVG/CSS/JS, no network). Deterministic: same data, "
        "same text. `title` ('' = the data's title) and `today` (None = the status date) as in DashboardOptions "
        "(`options`, when given, replaces them).");
    m.def(
        "write_dashboard_file",
        [](const DashboardData& data, const std::filesystem::path& path, std::optional<DashboardOptions> options, std::string title,
           std::optional<Instant> today) {
            OptionKwargs k0;
            k0.title = std::move(title);
            k0.today = today;
            auto o = to_options(options, k0);
            py::gil_scoped_release release;
            write_dashboard_file(data, path, o);
        },
        py::arg("data"), py::arg("path"), py::kw_only(), py::arg("options") = py::none(), py::arg("title") = k.title,
        py::arg("today") = py::none(), "Writes write_dashboard(data) to `path` (ParseError when it cannot be written).");
    m.def("html_escape", [](const std::string& s) { return html_escape(s); }, py::arg("text"),
          "`text` escaped for HTML text and attribute values (& < > \" ').");
    m.def("html_id", [](const std::string& s) { return html_id(s); }, py::arg("text"),
          "The HTML id fragment the dashboard uses for an entity id (e.g. 'gantt-' + html_id(project)).");
}

}  // namespace

void bind_report(py::module_& m) {
    bind_parts(m);
    bind_data(m);
    bind_functions(m);
}

}  // namespace ppm::python
