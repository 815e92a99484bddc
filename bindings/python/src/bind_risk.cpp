// Python bindings for area `risk`: register, probability-impact matrix, EMV, escalation, heat map,
// duration distributions, the simulation network and Monte Carlo schedule risk analysis
// (Van Slyke 1963; AACE RP 57R-09) with numpy results, a progress callback and cancellation.
#include "common.hpp"
#include "arrays.hpp"
#include "progress.hpp"
#include "state.hpp"

#include <pybind11/eigen.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "ppm/core/error.hpp"
#include "ppm/risk/monte_carlo.hpp"
#include "ppm/risk/risk.hpp"
#include "ppm/risk/risk_matrix.hpp"
#include "ppm/risk/simulation_model.hpp"

namespace ppm::python {

namespace {

/// Rebuilds a result from concatenated per-iteration samples and summed counts (see ppm.distributed).
MonteCarloResult merge_samples(std::vector<std::int64_t> finish, std::vector<double> cost,
                               const std::vector<std::uint64_t>& critical_counts, std::vector<std::uint64_t> event_hits,
                               std::int64_t deterministic_finish, int histogram_bins,
                               std::vector<std::uint8_t> correlation_repaired) {
    if (finish.size() != cost.size()) throw ModelError::invalid_value("cost", "merge", "must have one value per iteration");
    MonteCarloResult r;
    const std::uint64_t completed = finish.size();
    r.iterations = completed;
    r.deterministic_finish = deterministic_finish;
    r.criticality.resize(critical_counts.size());
    for (std::size_t i = 0; i < critical_counts.size(); ++i)
        r.criticality[i] = completed > 0 ? static_cast<double>(critical_counts[i]) / static_cast<double>(completed) : 0.0;
    r.event_hits = std::move(event_hits);
    r.correlation_repaired = std::move(correlation_repaired);
    r.sensitivity.assign(r.criticality.size(), std::numeric_limits<double>::quiet_NaN());
    r.cruciality.assign(r.criticality.size(), std::numeric_limits<double>::quiet_NaN());
    r.finish = std::move(finish);
    r.cost = std::move(cost);
    summarise_samples(r, histogram_bins);  // as simulate() does: the single-process answer, bit for bit
    return r;
}

/// The name of the percentile table's minutes column: what the minutes count.
const char* mdl_minutes_column(const py::object& model) {
    if (model.is_none()) return "finish_minutes";
    return model.cast<const SimulationModel&>().elapsed ? "finish_elapsed_minutes" : "finish_working_minutes";
}

/// Options of `simulate` gathered from keyword arguments.
struct McKwargs {
    std::uint64_t iterations, seed;
    unsigned threads;
    int histogram_bins;
    bool repair_correlation, sensitivity;
    std::uint64_t first_iteration;
};

std::shared_ptr<MonteCarloResult> run_simulation(const MonteCarloInput& input, const McKwargs& k, py::object progress) {
    MonteCarloOptions opt;
    opt.iterations = k.iterations;
    opt.seed = k.seed;
    opt.threads = k.threads;
    opt.histogram_bins = k.histogram_bins;
    opt.repair_correlation = k.repair_correlation;
    opt.sensitivity = k.sensitivity;
    if constexpr (requires(MonteCarloOptions& o) { o.first_iteration; }) {
        opt.first_iteration = k.first_iteration;
    } else if (k.first_iteration != 0) {
        throw py::value_error("this ppm build's Monte Carlo engine cannot start at an iteration offset");
    }
    ProgressBridge bridge(std::move(progress));
    opt.stop = bridge.token();
    opt.progress = [&bridge](double fraction) { bridge.report([fraction] { return py::float_(fraction); }, fraction >= 1.0); };
    auto result = std::make_shared<MonteCarloResult>();
    {
        py::gil_scoped_release release;
        *result = simulate(input, opt);
    }
    bridge.rethrow_if_error();
    return result;
}

py::tuple histogram_state(const Histogram& h) { return py::make_tuple(h.edge, h.count); }
Histogram histogram_from(const py::tuple& t) {
    Histogram h;
    h.edge = t[0].cast<std::vector<double>>();
    h.count = t[1].cast<std::vector<std::uint64_t>>();
    return h;
}

void bind_register(py::module_& m) {
    py::enum_<RiskStatus>(m, "RiskStatus", "Where a risk stands in its life.")
        .value("OPEN", RiskStatus::open)
        .value("MITIGATING", RiskStatus::mitigating)
        .value("OCCURRED", RiskStatus::occurred)
        .value("CLOSED", RiskStatus::closed);
    py::enum_<ResponseStrategy>(m, "ResponseStrategy", "The chosen response (PMBOK 7 / PMI risk standard).")
        .value("ACCEPT", ResponseStrategy::accept)
        .value("AVOID", ResponseStrategy::avoid)
        .value("MITIGATE", ResponseStrategy::mitigate)
        .value("TRANSFER", ResponseStrategy::transfer)
        .value("ESCALATE", ResponseStrategy::escalate)
        .value("EXPLOIT", ResponseStrategy::exploit)
        .value("ENHANCE", ResponseStrategy::enhance)
        .value("SHARE", ResponseStrategy::share);
    py::enum_<RiskLevel>(m, "RiskLevel", "Rating of a matrix score.")
        .value("LOW", RiskLevel::low)
        .value("MEDIUM", RiskLevel::medium)
        .value("HIGH", RiskLevel::high);
    py::enum_<EscalationLevel>(m, "EscalationLevel", "Level a risk is managed at.")
        .value("PROJECT", EscalationLevel::project)
        .value("PROGRAM", EscalationLevel::program)
        .value("PORTFOLIO", EscalationLevel::portfolio);

    py::class_<RiskImpact> imp(m, "RiskImpact", "What the event would do: cost, delay (working minutes), quality, scope.");
    def_kwargs_init(imp);
    imp.def_readwrite("cost", &RiskImpact::cost, "Extra cost (major units), >= 0.")
        .def_readwrite("schedule", &RiskImpact::schedule, "Delay on the linked tasks, working minutes.")
        .def_readwrite("quality", &RiskImpact::quality, "Rating 0..5.")
        .def_readwrite("scope", &RiskImpact::scope, "Rating 0..5.")
        .def("__repr__", [](const RiskImpact& i) {
            return "RiskImpact(cost=" + std::to_string(i.cost.major()) + ", schedule=" + std::to_string(i.schedule.count()) + ")";
        });
    py::class_<RiskAssessment> as(m, "RiskAssessment", "Probability and impact, before or after the response.");
    def_kwargs_init(as);
    as.def_readwrite("probability", &RiskAssessment::probability, "0..1.")
        .def_readwrite("impact", &RiskAssessment::impact, "The impact if it occurs.")
        .def("__repr__", [](const RiskAssessment& a) { return "RiskAssessment(probability=" + std::to_string(a.probability) + ")"; });
    py::class_<RiskAction> act(m, "RiskAction", "One response action.");
    def_kwargs_init(act);
    act.def_readwrite("description", &RiskAction::description, "What is done.")
        .def_readwrite("owner", &RiskAction::owner, "Who does it.")
        .def_readwrite("due", &RiskAction::due, "Due date or None.")
        .def_readwrite("done", &RiskAction::done, "Completed.")
        .def_readwrite("cost", &RiskAction::cost, "Cost of the response (major units).");
    py::class_<Risk> risk(m, "Risk", "A risk register entry (cause -> event -> effect, Hillson 2002).");
    def_kwargs_init(risk);
    risk.def_readwrite("id", &Risk::id, "Unique id.")
        .def_readwrite("title", &Risk::title, "Short title.")
        .def_readwrite("cause", &Risk::cause, "Because of ...")
        .def_readwrite("event", &Risk::event, "... this may occur ...")
        .def_readwrite("effect", &Risk::effect, "... which would lead to ...")
        .def_readwrite("category", &Risk::category, "RBS category.")
        .def_readwrite("project", &Risk::project, "Owning project id or None.")
        .def_readwrite("program", &Risk::program, "Owning program id or None.")
        .def_readwrite("owner", &Risk::owner, "Risk owner.")
        .def_readwrite("opportunity", &Risk::opportunity, "An upside risk (EMV positive).")
        .def_readwrite("pre", &Risk::pre, "Inherent assessment.")
        .def_readwrite("post", &Risk::post, "Residual assessment or None.")
        .def_readwrite("strategy", &Risk::strategy, "Response strategy.")
        .def_readwrite("actions", &Risk::actions, "Response actions.")
        .def_readwrite("status", &Risk::status, "Life-cycle status.")
        .def_readwrite("linked_tasks", &Risk::linked_tasks, "Task ids the event hits (Monte Carlo risk events).")
        .def_readwrite("raised", &Risk::raised, "Date raised or None.")
        .def_readwrite("review_due", &Risk::review_due, "Next review date or None.")
        .def("__repr__", [](const Risk& r) { return "Risk(id='" + r.id + "', title='" + r.title + "')"; });
    m.def("check_risk", &check_risk, py::arg("risk"), "Raises ModelError for a probability outside 0..1, a negative impact or a bad rating.");
    m.def("current_assessment", [](const Risk& r) { return current_assessment(r); }, py::arg("risk"),
          "The residual assessment when the risk has one, else the inherent one.");
    m.def("is_active", [](RiskStatus s) { return is_active(s); }, py::arg("status"), "True while a risk can still happen.");

    py::class_<RiskMatrix> mx(m, "RiskMatrix", "A configurable 5x5 probability-impact matrix (PMI risk practice standard).");
    def_kwargs_init(mx);
    mx.def_readwrite("probability_bounds", &RiskMatrix::probability_bounds, "Upper bounds of probability bands 1..4.")
        .def_readwrite("cost_bounds", &RiskMatrix::cost_bounds, "Upper bounds of cost bands 1..4 (major units).")
        .def_readwrite("schedule_bounds", &RiskMatrix::schedule_bounds, "Upper bounds of schedule bands 1..4 (working minutes).")
        .def_readwrite("score", &RiskMatrix::score, "score[p-1][i-1] (default p x i).")
        .def_readwrite("medium_from", &RiskMatrix::medium_from, "Scores >= this are medium.")
        .def_readwrite("high_from", &RiskMatrix::high_from, "Scores >= this are high.")
        .def("__repr__", [](const RiskMatrix& r) {
            return "RiskMatrix(medium_from=" + std::to_string(r.medium_from) + ", high_from=" + std::to_string(r.high_from) + ")";
        });
    m.def("check_matrix", &check_matrix, py::arg("matrix"), "Raises ModelError when bounds are not increasing or levels inverted.");
    py::class_<RiskScore>(m, "RiskScore", "A risk's position on the matrix.")
        .def_readonly("probability_band", &RiskScore::probability_band, "1..5.")
        .def_readonly("impact_band", &RiskScore::impact_band, "1..5 (worst dimension).")
        .def_readonly("score", &RiskScore::score, "Matrix score.")
        .def_readonly("level", &RiskScore::level, "Low, medium or high.")
        .def("__repr__", [](const RiskScore& s) {
            return "RiskScore(score=" + std::to_string(s.score) + ", level=" + std::string(to_string(s.level)) + ")";
        });
    m.def("probability_band", &probability_band, py::arg("matrix"), py::arg("probability"), "Probability band 1..5.");
    m.def("impact_band", &impact_band, py::arg("matrix"), py::arg("impact"), "Impact band 1..5 (worst dimension).");
    m.def("score_risk", &ppm::score, py::arg("matrix"), py::arg("assessment"), "Bands, score and level of an assessment.");
    m.def("expected_monetary_value", &expected_monetary_value, py::arg("risk"), py::arg("assessment"),
          "EMV = probability x cost impact (negative for threats).");
    m.def("total_emv", [](const std::vector<Risk>& risks, std::optional<ProjectId> project) { return total_emv(risks, project); },
          py::arg("risks"), py::arg("project") = py::none(), "EMV of every active risk's current assessment.");
    py::class_<EscalationRule> er(m, "EscalationRule", "When a risk leaves the project (score, |EMV|, strategy).");
    def_kwargs_init(er);
    er.def_readwrite("program_score", &EscalationRule::program_score, "Score >= this -> program.")
        .def_readwrite("portfolio_score", &EscalationRule::portfolio_score, "Score >= this -> portfolio.")
        .def_readwrite("program_emv", &EscalationRule::program_emv, "|EMV| >= this -> program.")
        .def_readwrite("portfolio_emv", &EscalationRule::portfolio_emv, "|EMV| >= this -> portfolio.")
        .def_readwrite("strategy_escalates", &EscalationRule::strategy_escalates, "ESCALATE strategy -> at least program.");
    m.def("escalation_level", &escalation_level, py::arg("matrix"), py::arg("rule"), py::arg("risk"),
          "Where the risk should be managed.");
    py::class_<HeatMap>(m, "HeatMap", "Counts and ids per matrix cell, [probability_band-1][impact_band-1].")
        .def_readonly("count", &HeatMap::count, "5x5 counts.")
        .def_readonly("ids", &HeatMap::ids, "5x5 lists of risk ids.")
        .def("__repr__", [](const HeatMap& h) {
            int n = 0;
            for (const auto& row : h.count) for (int c : row) n += c;
            return "HeatMap(" + std::to_string(n) + " risks)";
        });
    m.def("heat_map", [](const RiskMatrix& mtx, const std::vector<Risk>& risks, bool residual) { return heat_map(mtx, risks, residual); },
          py::arg("matrix"), py::arg("risks"), py::arg("residual") = true, "Heat-map counts of the active risks.");
    m.def("count_active_at_least",
          [](const RiskMatrix& mtx, const std::vector<Risk>& risks, RiskLevel level, std::optional<ProjectId> project) {
              return count_active_at_least(mtx, risks, level, project);
          },
          py::arg("matrix"), py::arg("risks"), py::arg("level"), py::arg("project") = py::none(),
          "Number of active risks at `level` or above.");
}

void bind_distributions(py::module_& m) {
    py::enum_<DistributionKind>(m, "DistributionKind", "Family of a duration distribution.")
        .value("FIXED", DistributionKind::fixed)
        .value("UNIFORM", DistributionKind::uniform)
        .value("TRIANGULAR", DistributionKind::triangular)
        .value("PERT", DistributionKind::pert)
        .value("LOGNORMAL", DistributionKind::lognormal)
        .value("DISCRETE", DistributionKind::discrete);
    py::class_<DurationDistribution> d(m, "DurationDistribution", "A duration distribution in working minutes.");
    def_kwargs_init(d);
    d.def_readwrite("kind", &DurationDistribution::kind, "Family.")
        .def_readwrite("min", &DurationDistribution::min, "Lower bound (fixed: the value).")
        .def_readwrite("most_likely", &DurationDistribution::most_likely, "Mode (triangular, PERT).")
        .def_readwrite("max", &DurationDistribution::max, "Upper bound.")
        .def_readwrite("lambda_", &DurationDistribution::lambda, "PERT weight of the mode (4 = classic).")
        .def_readwrite("mean", &DurationDistribution::mean, "Lognormal mean.")
        .def_readwrite("stddev", &DurationDistribution::stddev, "Lognormal standard deviation.")
        .def_readwrite("values", &DurationDistribution::values, "Discrete values.")
        .def_readwrite("probabilities", &DurationDistribution::probabilities, "Discrete probabilities (sum 1).")
        .def_static("fixed_at", &DurationDistribution::fixed_at, py::arg("value"), "A certain duration.")
        .def_static("uniform", &DurationDistribution::uniform, py::arg("a"), py::arg("b"), "Uniform on [a, b].")
        .def_static("triangular", &DurationDistribution::triangular, py::arg("a"), py::arg("c"), py::arg("b"),
                    "Triangular with bounds a, b and mode c.")
        .def_static("pert", &DurationDistribution::pert, py::arg("a"), py::arg("c"), py::arg("b"), py::arg("lambda_") = 4.0,
                    "PERT-beta (Malcolm et al. 1959; Vose 2008) with bounds a, b and mode c.")
        .def_static("lognormal", &DurationDistribution::lognormal, py::arg("mean"), py::arg("stddev"),
                    "Lognormal with the duration's mean and standard deviation.")
        .def("__repr__", [](const DurationDistribution& x) {
            return "DurationDistribution(" + std::string(to_string(x.kind)) + ", min=" + std::to_string(x.min) +
                   ", most_likely=" + std::to_string(x.most_likely) + ", max=" + std::to_string(x.max) + ")";
        });
    m.def("check_distribution", &check_distribution, py::arg("distribution"), py::arg("where") = "distribution",
          "Raises ModelError when the parameters are inconsistent.");
    m.def("distribution_mean", &distribution_mean, py::arg("distribution"), "Analytic mean.");
}

void bind_monte_carlo(py::module_& m) {
    py::class_<NetworkLink> nl(m, "NetworkLink", "A link between dense task indices of a simulation network.");
    def_kwargs_init(nl);
    nl.def_readwrite("predecessor", &NetworkLink::predecessor, "Predecessor index.")
        .def_readwrite("successor", &NetworkLink::successor, "Successor index.")
        .def_readwrite("type", &NetworkLink::type, "Link type.")
        .def_readwrite("lag", &NetworkLink::lag, "Working minutes (negative = lead).");
    py::class_<SimulationNetwork, std::shared_ptr<SimulationNetwork>>(
        m, "SimulationNetwork", "A compact CSR activity-on-node network for Monte Carlo re-runs (Kelley & Walker 1959).")
        .def_static("build",
                    [](std::size_t task_count, const std::vector<NetworkLink>& links, const std::vector<std::int64_t>& release) {
                        return std::make_shared<SimulationNetwork>(SimulationNetwork::build(task_count, links, release));
                    },
                    py::arg("task_count"), py::arg("links"), py::arg("release") = std::vector<std::int64_t>{},
                    "Builds the network; raises ModelError for an unknown index or a cycle (members named).")
        .def("size", &SimulationNetwork::size, "Number of tasks.")
        .def("link_count", &SimulationNetwork::link_count, "Number of links.")
        .def("__len__", &SimulationNetwork::size)
        .def("__repr__", [](const SimulationNetwork& n) {
            return "SimulationNetwork(" + std::to_string(n.size()) + " tasks, " + std::to_string(n.link_count()) + " links)";
        });

    py::class_<RiskEvent> ev(m, "RiskEvent", "A discrete risk event: with `probability` it delays `tasks` and adds cost.");
    def_kwargs_init(ev);
    ev.def_readwrite("id", &RiskEvent::id, "Event id.")
        .def_readwrite("probability", &RiskEvent::probability, "0..1.")
        .def_readwrite("tasks", &RiskEvent::tasks, "Dense task indices hit.")
        .def_readwrite("extra_duration", &RiskEvent::extra_duration, "Working minutes: one value, or one per task.")
        .def_property("extra_cost", [](const RiskEvent& e) { return e.extra_cost / 100.0; },
                      [](RiskEvent& e, double major) { e.extra_cost = major * 100.0; },
                      "Money (major units) added to the iteration's cost when the event occurs.")
        .def("__repr__", [](const RiskEvent& e) { return "RiskEvent(id='" + e.id + "', probability=" + std::to_string(e.probability) + ")"; });
    py::class_<CorrelationGroup> cg(m, "CorrelationGroup", "Tasks whose durations are correlated (Gaussian copula).");
    def_kwargs_init(cg);
    cg.def_readwrite("name", &CorrelationGroup::name, "Group name.")
        .def_readwrite("tasks", &CorrelationGroup::tasks, "Dense task indices.")
        .def_readwrite("correlation", &CorrelationGroup::correlation, "Correlation matrix (numpy, symmetric, unit diagonal).");

    py::enum_<SimulationStatus>(m, "SimulationStatus", "Outcome of a Monte Carlo run.")
        .value("COMPLETED", SimulationStatus::completed)
        .value("CANCELLED", SimulationStatus::cancelled);
    py::class_<Histogram>(m, "Histogram", "count[k] samples in [edge[k], edge[k+1]) (last bin closed).")
        .def_readonly("edge", &Histogram::edge, "Bin edges (len(count) + 1).")
        .def_readonly("count", &Histogram::count, "Samples per bin.")
        .def("__repr__", [](const Histogram& h) { return "Histogram(" + std::to_string(h.count.size()) + " bins)"; })
        .def(py::pickle([](const Histogram& h) { return histogram_state(h); }, [](const py::tuple& t) { return histogram_from(t); }));

    py::class_<MonteCarloResult, std::shared_ptr<MonteCarloResult>> res(
        m, "MonteCarloResult",
        "Monte Carlo results: per-iteration samples and per-task arrays as read-only numpy arrays. Finishes are minutes "
        "after the model's origin (working minutes of the default calendar, or elapsed minutes when the model has "
        "per-task calendars: SimulationModel.elapsed); money is in major units.",
        py::dynamic_attr());
    auto view = [&res](const char* name, auto member, const char* dtype, const char* doc) {
        res.def_property_readonly(name, [member, dtype](py::object self) {
            return readonly_view(self.cast<const MonteCarloResult&>().*member, dtype, self);
        }, doc);
    };
    // Money: the engine sums minor units (exact integers in a double); Python sees major units.
    auto major = [&res](const char* name, auto member, const char* doc) {
        res.def_property_readonly(name, [member](py::object self) {
            const auto& v = self.cast<const MonteCarloResult&>().*member;
            py::array_t<double> out(static_cast<py::ssize_t>(v.size()));
            auto w = out.mutable_unchecked<1>();
            for (std::size_t i = 0; i < v.size(); ++i) w(static_cast<py::ssize_t>(i)) = v[i] / 100.0;
            py::detail::array_proxy(out.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
            return out;
        }, doc);
    };
    view("finish", &MonteCarloResult::finish, "int64",
         "Per iteration: portfolio finish, minutes after the model's origin (working minutes of the default calendar; "
         "elapsed minutes when SimulationModel.elapsed). finish_dates() gives datetimes.");
    major("cost", &MonteCarloResult::cost, "Per iteration: total cost (major units; a read-only copy).");
    view("_cost_minor", &MonteCarloResult::cost, "float64", "Internal (ppm.distributed): per-iteration cost in minor units.");
    view("percentile", &MonteCarloResult::percentile, "float64", "10, 20, ..., 90.");
    view("finish_at", &MonteCarloResult::finish_at, "float64", "Finish at each percentile, minutes after the origin (as `finish`).");
    major("cost_at", &MonteCarloResult::cost_at, "Cost at each percentile (major units).");
    view("criticality", &MonteCarloResult::criticality, "float64", "Per task: share of iterations critical.");
    view("sensitivity", &MonteCarloResult::sensitivity, "float64", "Per task: Spearman rho with the finish (NaN when constant).");
    view("cruciality", &MonteCarloResult::cruciality, "float64", "Per task: criticality x sensitivity (Williams 1992).");
    view("event_hits", &MonteCarloResult::event_hits, "uint64", "Per risk event: iterations it occurred in.");
    view("correlation_repaired", &MonteCarloResult::correlation_repaired, "uint8", "Per correlation group: 1 if repaired.");
    res.def_readonly("status", &MonteCarloResult::status, "Completed or cancelled.")
        .def_readonly("iterations", &MonteCarloResult::iterations, "Completed iterations.")
        .def_readonly("deterministic_finish", &MonteCarloResult::deterministic_finish, "Finish at mean durations, no events.")
        .def_readonly("finish_histogram", &MonteCarloResult::finish_histogram, "Histogram of the finish.")
        .def_property_readonly("cost_histogram", [](const MonteCarloResult& r) {
            Histogram h = r.cost_histogram;
            for (double& e : h.edge) e /= 100.0;
            return h;
        }, "Histogram of the cost (edges in major units).")
        .def_readonly("finish_mean", &MonteCarloResult::finish_mean, "Mean finish (minutes after the origin).")
        .def_readonly("finish_stddev", &MonteCarloResult::finish_stddev, "Standard deviation of the finish (minutes).")
        .def_property_readonly("cost_mean", [](const MonteCarloResult& r) { return r.cost_mean / 100.0; }, "Mean cost (major units).")
        .def_property_readonly("model", [](py::object self) -> py::object {
            py::dict d = self.attr("__dict__");
            return d.contains("_model") ? py::object(d["_model"]) : py::object(py::none());
        }, "The SimulationModel simulate_model() ran (it maps minutes to dates), or None after simulate().")
        .def("finish_dates", [](py::object self) -> py::object {
            py::object model = self.attr("model");
            if (model.is_none()) throw py::value_error("finish_dates() needs the SimulationModel: use simulate_model(), or model.to_instant()");
            const auto& r = self.cast<const MonteCarloResult&>();
            const auto& mdl = model.cast<const SimulationModel&>();
            std::vector<std::int64_t> out(r.finish.size());
            for (std::size_t i = 0; i < out.size(); ++i) out[i] = mdl.to_instant(r.finish[i]).minutes_since_epoch();
            return py::array(py::dtype("datetime64[m]"), {static_cast<py::ssize_t>(out.size())}, {static_cast<py::ssize_t>(8)}, out.data());
        }, "Per iteration: the finish as datetime64[m] (needs the model: results of simulate_model()).")
        .def("finish_percentile", [](const MonteCarloResult& r, double p) { return finish_percentile(r, p); }, py::arg("p"),
             "Nearest-rank percentile (0..100) of the finish samples.")
        .def("probability_of_meeting", [](const MonteCarloResult& r, std::int64_t f) { return probability_of_meeting(r, f); },
             py::arg("finish"), "Share of iterations finishing at or before `finish` (working minutes).")
        .def("percentiles_dataframe", [](py::object self) {
            py::module_ pd = py::module_::import("pandas");
            const auto& r = self.cast<const MonteCarloResult&>();
            py::object model = self.attr("model");
            py::dict cols;
            cols["percentile"] = self.attr("percentile");
            if (!model.is_none()) {
                const auto& mdl = model.cast<const SimulationModel&>();
                std::vector<std::int64_t> at(r.finish_at.size());
                for (std::size_t i = 0; i < at.size(); ++i)
                    at[i] = mdl.to_instant(static_cast<std::int64_t>(std::llround(r.finish_at[i]))).minutes_since_epoch();
                cols["finish"] = py::array(py::dtype("datetime64[m]"), {static_cast<py::ssize_t>(at.size())}, {static_cast<py::ssize_t>(8)}, at.data());
            }
            cols[mdl_minutes_column(model)] = self.attr("finish_at");
            cols["cost"] = self.attr("cost_at");
            return pd.attr("DataFrame")(cols).attr("set_index")("percentile");
        }, "Per percentile (10..90): finish (datetime64[m]; only for results of simulate_model()), the finish in minutes "
           "after the origin (column finish_working_minutes, or finish_elapsed_minutes when the model has per-task "
           "calendars; finish_minutes after simulate()), and cost (major units).")
        .def("__repr__", [](const MonteCarloResult& r) {
            return "MonteCarloResult(" + std::string(to_string(r.status)) + ", " + std::to_string(r.iterations) +
                   " iterations, mean finish " + std::to_string(r.finish_mean) + ")";
        })
        .def(py::pickle(
            [](const py::object& self) {
                const auto& r = self.cast<const MonteCarloResult&>();
                return py::make_tuple(instance_dict(self), static_cast<int>(r.status), r.iterations, r.deterministic_finish, r.finish, r.cost,
                                      histogram_state(r.finish_histogram), histogram_state(r.cost_histogram), r.percentile,
                                      r.finish_at, r.cost_at, py::make_tuple(r.finish_mean, r.finish_stddev, r.cost_mean),
                                      r.criticality, r.sensitivity, r.cruciality, r.event_hits, r.correlation_repaired);
            },
            [](const py::tuple& t) {
                if (t.size() != 17) throw py::value_error("cannot unpickle MonteCarloResult: state from another ppm version");
                auto r = std::make_shared<MonteCarloResult>();
                r->status = static_cast<SimulationStatus>(t[1].cast<int>());
                r->iterations = t[2].cast<std::uint64_t>();
                r->deterministic_finish = t[3].cast<std::int64_t>();
                r->finish = t[4].cast<std::vector<std::int64_t>>();
                r->cost = t[5].cast<std::vector<double>>();
                r->finish_histogram = histogram_from(t[6]);
                r->cost_histogram = histogram_from(t[7]);
                r->percentile = t[8].cast<std::vector<double>>();
                r->finish_at = t[9].cast<std::vector<double>>();
                r->cost_at = t[10].cast<std::vector<double>>();
                const auto s = t[11].cast<py::tuple>();
                r->finish_mean = s[0].cast<double>();
                r->finish_stddev = s[1].cast<double>();
                r->cost_mean = s[2].cast<double>();
                r->criticality = t[12].cast<std::vector<double>>();
                r->sensitivity = t[13].cast<std::vector<double>>();
                r->cruciality = t[14].cast<std::vector<double>>();
                r->event_hits = t[15].cast<std::vector<std::uint64_t>>();
                r->correlation_repaired = t[16].cast<std::vector<std::uint8_t>>();
                return std::make_pair(r, t[0].cast<py::dict>());
            }));

    m.def(
        "simulate",
        [](std::shared_ptr<SimulationNetwork> network, std::vector<DurationDistribution> duration, std::vector<double> cost_fixed,
           std::vector<double> cost_per_minute, std::vector<RiskEvent> events, std::vector<CorrelationGroup> correlations,
           std::uint64_t iterations, std::uint64_t seed, unsigned threads, int histogram_bins, bool repair_correlation,
           bool sensitivity, std::uint64_t first_iteration, py::object progress) {
            MonteCarloInput in;
            in.network = network.get();
            in.duration = std::move(duration);
            for (double& c : cost_fixed) c *= 100.0;  // Python gives major units; the engine sums minor units
            for (double& c : cost_per_minute) c *= 100.0;
            in.cost_fixed = std::move(cost_fixed);
            in.cost_per_minute = std::move(cost_per_minute);
            in.events = std::move(events);
            in.correlations = std::move(correlations);
            return run_simulation(in, {iterations, seed, threads, histogram_bins, repair_correlation, sensitivity, first_iteration},
                                  std::move(progress));
        },
        py::arg("network"), py::arg("duration"), py::kw_only(), py::arg("cost_fixed") = std::vector<double>{},
        py::arg("cost_per_minute") = std::vector<double>{}, py::arg("events") = std::vector<RiskEvent>{},
        py::arg("correlations") = std::vector<CorrelationGroup>{}, py::arg("iterations") = 1000, py::arg("seed") = 1,
        py::arg("threads") = 0, py::arg("histogram_bins") = 40, py::arg("repair_correlation") = false,
        py::arg("sensitivity") = true, py::arg("first_iteration") = 0, py::arg("progress") = py::none(),
        "Monte Carlo schedule risk analysis on a simulation network (GIL released); durations and finishes in the "
        "network's minutes, `cost_fixed` (per task) and `cost_per_minute` in major units. `progress(fraction)` is "
        "called with 0..1; if it raises (or Ctrl-C is pressed) the run stops and the exception propagates. "
        "`first_iteration` offsets the random streams so chunks of a run concatenate exactly.");

    py::class_<TaskUncertainty> tu(m, "TaskUncertainty", "A duration distribution for one task.");
    def_kwargs_init(tu);
    tu.def_readwrite("task", &TaskUncertainty::task, "Task id.")
        .def_readwrite("distribution", &TaskUncertainty::distribution, "Absolute, working minutes.");
    py::class_<NamedCorrelation> nc(m, "NamedCorrelation", "Correlation between named tasks.");
    def_kwargs_init(nc);
    nc.def_readwrite("name", &NamedCorrelation::name, "Group name.")
        .def_readwrite("tasks", &NamedCorrelation::tasks, "Task ids.")
        .def_readwrite("correlation", &NamedCorrelation::correlation, "Correlation matrix.");
    py::class_<UncertaintySpec> us(m, "UncertaintySpec", "The 'uncertainty' section of a model file.");
    def_kwargs_init(us);
    us.def_readwrite("relative_default", &UncertaintySpec::relative_default, "Relative distribution for tasks without their own.")
        .def_readwrite("tasks", &UncertaintySpec::tasks, "Per-task distributions.")
        .def_readwrite("correlations", &UncertaintySpec::correlations, "Correlated groups.")
        .def_readwrite("repair_correlation", &UncertaintySpec::repair_correlation, "Repair non-PSD matrices.")
        .def_readwrite("risk_events", &UncertaintySpec::risk_events, "Turn linked risks into events.")
        .def_readwrite("iterations", &UncertaintySpec::iterations, "Default iterations.")
        .def_readwrite("seed", &UncertaintySpec::seed, "Default seed.")
        .def_readwrite("target_finish", &UncertaintySpec::target_finish, "Date for the probability of meeting it.");

    py::class_<SimulationModel, std::shared_ptr<SimulationModel>>(
        m, "SimulationModel",
        "A portfolio prepared for Monte Carlo, with the mapping back to ids and dates. Pickles as the inputs it was "
        "built from (portfolio, risks, spec), rebuilt on unpickling.",
        py::dynamic_attr())
        .def_readonly("elapsed", &SimulationModel::elapsed,
                      "True when tasks have their own calendars: minutes are then elapsed (calendar) minutes after the origin, "
                      "else working minutes of the default calendar.")
        .def("__reduce__", [](py::object self) {
            py::dict d = self.attr("__dict__");
            if (!d.contains("_source")) throw py::type_error("this SimulationModel was not built by build_simulation_model(): cannot pickle it");
            // A pure-Python rebuilder: pybind11 2.10 functions do not pickle (their self is a capsule).
            return py::make_tuple(py::module_::import("ppm._pickle").attr("build_simulation_model"), d["_source"]);
        })
        .def_property_readonly("task", [](const SimulationModel& s) { return s.task; }, "Task id by network index.")
        .def_property_readonly("project", [](const SimulationModel& s) { return s.project; }, "Project ids by index.")
        .def_property_readonly("project_of", [](const SimulationModel& s) {
            py::list out(s.project_of.size());  // a list of int, as before ProjectIndex
            for (std::size_t i = 0; i < s.project_of.size(); ++i) out[i] = py::int_(s.project_of[i].value());
            return out;
        }, "Project index of each task.")
        .def_property_readonly("event_risk", [](const SimulationModel& s) { return s.event_risk; }, "Risk id of each event.")
        .def_readonly("origin", &SimulationModel::origin, "Axis minute 0 (earliest project start).")
        .def_property_readonly("network", [](const SimulationModel& s) {
            return std::const_pointer_cast<SimulationNetwork>(s.network);
        }, "The simulation network.")
        .def("to_instant", &SimulationModel::to_instant, py::arg("working_minutes"),
             "Instant this many minutes after the origin (working minutes; elapsed minutes when `elapsed`).")
        .def("to_minutes", &SimulationModel::to_minutes, py::arg("instant"),
             "Minutes from the origin to `instant` (working minutes; elapsed minutes when `elapsed`).")
        .def("__len__", [](const SimulationModel& s) { return s.task.size(); })
        .def("__repr__", [](const SimulationModel& s) {
            return "SimulationModel(" + std::to_string(s.task.size()) + " tasks, " + std::to_string(s.input.events.size()) + " events)";
        });
    m.def("build_simulation_model",
          [](const py::object& portfolio, const std::vector<Risk>& risks, const py::object& spec) {
              auto model = std::make_shared<SimulationModel>(
                  build_simulation_model(portfolio.cast<const Portfolio&>(), risks, spec.cast<const UncertaintySpec&>()));
              py::object out = py::cast(model);
              // What pickling rebuilds it from (copies: later edits of the inputs do not change it).
              py::module_ copy = py::module_::import("copy");
              out.attr("__dict__")["_source"] = py::make_tuple(copy.attr("deepcopy")(portfolio), py::cast(risks), copy.attr("deepcopy")(spec));
              return out;
          },
          py::arg("portfolio"), py::arg("risks") = std::vector<Risk>{}, py::arg("spec") = py::cast(UncertaintySpec{}),
          "Builds the simulation (leaf tasks on the default calendar's working-time axis; linked risks as events).");
    m.def(
        "simulate_model",
        [](py::object model_object, std::uint64_t iterations, std::uint64_t seed, unsigned threads, int histogram_bins,
           bool repair_correlation, bool sensitivity, std::uint64_t first_iteration, py::object progress) {
            auto model = model_object.cast<std::shared_ptr<SimulationModel>>();
            py::object out = py::cast(run_simulation(model->input,
                                                     {iterations, seed, threads, histogram_bins, repair_correlation, sensitivity, first_iteration},
                                                     std::move(progress)));
            out.attr("__dict__")["_model"] = model_object;  // maps the result's minutes to dates
            return out;
        },
        py::arg("model"), py::kw_only(), py::arg("iterations") = 1000, py::arg("seed") = 1, py::arg("threads") = 0,
        py::arg("histogram_bins") = 40, py::arg("repair_correlation") = false, py::arg("sensitivity") = true, py::arg("first_iteration") = 0,
        py::arg("progress") = py::none(),
        "Monte Carlo on a prepared model (GIL released; progress callback and cancellation as in simulate()).");
    m.def("_merge_monte_carlo", &merge_samples, py::arg("finish"), py::arg("cost"), py::arg("critical_counts"),
          py::arg("event_hits"), py::arg("deterministic_finish"), py::arg("histogram_bins"), py::arg("correlation_repaired"),
          "Internal (ppm.distributed): a result from concatenated samples, computed as simulate() does.");
}

}  // namespace

void bind_risk(py::module_& m) {
    bind_register(m);
    bind_distributions(m);
    bind_monte_carlo(m);
}

}  // namespace ppm::python
