// Python bindings for area `portfolio`: the selection problem (built in Python or read from JSON),
// exact selection as a 0-1 MILP with CBC (Weingartner 1966), the greedy baseline, the efficient
// frontier over the budget, what-if scenarios, the seeded generator; results as numpy and pandas.
#include "common.hpp"
#include "arrays.hpp"
#include "state.hpp"
#include "mapping.hpp"
#include "progress.hpp"

#include <pybind11/stl/filesystem.h>
#include <pybind11/stl_bind.h>

#include <filesystem>
#include <memory>

#include "ppm/core/error.hpp"
#include "ppm/portfolio/frontier.hpp"
#include "ppm/portfolio/generator.hpp"
#include "ppm/portfolio/scenario.hpp"
#include "ppm/portfolio/selection.hpp"
#include "ppm/portfolio/selection_json.hpp"
#include "ppm/portfolio/selection_problem.hpp"

namespace ppm::python {

namespace {

/// Keyword arguments shared by every solve.
struct SolveKwargs {
    double time_limit_seconds, relative_gap, absolute_gap;
    int threads, seed;
    bool shadow_prices, explain;
    std::vector<std::string> cbc_arguments;
    std::vector<int> warm_start;

    SelectionOptions options() const {
        SelectionOptions o;
        o.time_limit_seconds = time_limit_seconds;
        o.relative_gap = relative_gap;
        o.absolute_gap = absolute_gap;
        o.threads = threads;
        o.seed = seed;
        o.shadow_prices = shadow_prices;
        o.explain = explain;
        o.cbc_arguments = cbc_arguments;
        o.warm_start = warm_start;
        return o;
    }
};

/// What `ppm select FILE` computes: the problem as solved (alignment scores and budget applied),
/// the selection, the file's scenarios side by side and the strategy's evaluation.
struct SelectionRun {
    SelectionProblem problem;
    std::shared_ptr<SelectionResult> result;
    std::shared_ptr<ScenarioComparison> scenarios;   ///< null without scenarios
    std::shared_ptr<StrategyWeights> weights;        ///< null without a strategy
    std::shared_ptr<AlignmentResult> alignment;      ///< null without ratings
};

void wire(SelectionOptions& o, ProgressBridge& bridge) {
    o.stop = bridge.token();
    o.progress = [&bridge](const SelectionProgress& p) {
        bridge.report([p] { return py::cast(p); });
    };
}

py::object money_array(const std::vector<Money>& v) {
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[i].major();
    return py::array_t<double>(static_cast<py::ssize_t>(out.size()), out.data());
}

py::object selection_dataframe(py::object self) {
    const auto& r = self.cast<const SelectionResult&>();
    py::module_ pd = py::module_::import("pandas");
    py::dict cols;
    cols["candidate"] = r.candidate;
    cols["selected"] = readonly_view(r.selected, "bool", self);
    cols["start"] = readonly_view(r.start, "int32", self);
    cols["value"] = readonly_view(r.value, "float64", self);
    std::vector<std::string> reason;
    for (auto x : r.reason) reason.emplace_back(to_string(x));
    cols["reason"] = reason;
    cols["reason_detail"] = r.reason_detail;
    return pd.attr("DataFrame")(cols).attr("set_index")("candidate");
}

py::object frontier_dataframe(py::object self) {
    const auto& f = self.cast<const FrontierResult&>();
    py::module_ pd = py::module_::import("pandas");
    py::dict cols;
    cols["budget"] = money_array(f.budget);
    cols["value"] = readonly_view(f.value, "float64", self);
    cols["spend"] = money_array(f.spend);
    std::vector<std::string> status;
    for (auto s : f.status) status.emplace_back(to_string(s));
    cols["status"] = status;
    cols["gap"] = readonly_view(f.gap, "float64", self);
    cols["seconds"] = readonly_view(f.seconds, "float64", self);
    cols["entering"] = f.entering;
    cols["leaving"] = f.leaving;
    return pd.attr("DataFrame")(cols);
}

void bind_problem(py::module_& m) {
    py::class_<RoleDemand> rd(m, "RoleDemand", "Demand of one role per period, relative to the candidate's start.");
    def_kwargs_init(rd);
    rd.def_readwrite("role", &RoleDemand::role, "Role / pool id.").def_readwrite("per_period", &RoleDemand::per_period, "Units per period.");
    py::class_<Candidate> c(m, "Candidate", "A proposal competing for funding.");
    def_kwargs_init(c);
    c.def_readwrite("id", &Candidate::id, "Unique id.")
        .def_readwrite("name", &Candidate::name, "Display name.")
        .def_readwrite("project", &Candidate::project, "The model's project it stands for, or None.")
        .def_readwrite("category", &Candidate::category, "Category for balance constraints.")
        .def_readwrite("risk", &Candidate::risk, "Risk score (>= 0).")
        .def_readwrite("cost", &Candidate::cost, "Cost per period from its start (major units).")
        .def_readwrite("demand", &Candidate::demand, "Role demand per period from its start.")
        .def_readwrite("earliest_start", &Candidate::earliest_start, "First allowed start period.")
        .def_readwrite("latest_start", &Candidate::latest_start, "Last allowed start period (-1 = earliest).")
        .def("total_cost", &Candidate::total_cost, "Sum of cost.")
        .def("duration", &Candidate::duration, "Periods it runs.")
        .def("__repr__", [](const Candidate& k) { return "Candidate(id='" + k.id + "', name='" + k.name + "')"; });
    bind_map_ref<std::map<std::string, double>>(m, "Benefits", "A live view of a candidate's benefits (a MutableMapping; edits write through).");
    def_map_property(c, "benefits", &Candidate::benefits, "'score', 'npv' or any custom measure (edits write through).");
    list_extras(py::bind_vector<std::vector<Candidate>>(m, "CandidateList", "A problem's candidates (edited in place)."));
    py::class_<RoleCapacity> rc(m, "RoleCapacity", "Capacity of a role per (absolute) period.");
    def_kwargs_init(rc);
    rc.def_readwrite("role", &RoleCapacity::role, "Role id.").def_readwrite("per_period", &RoleCapacity::per_period, "Units per period.");
    py::enum_<LinkKind>(m, "LinkKind", "Kind of a pairwise link between candidates.")
        .value("REQUIRES", LinkKind::requires_)
        .value("EXCLUSIVE", LinkKind::exclusive);
    py::class_<CandidateLink> cl(m, "CandidateLink", "A dependency between two candidates.");
    def_kwargs_init(cl);
    cl.def_readwrite("kind", &CandidateLink::kind, "Requires or exclusive.")
        .def_readwrite("from_", &CandidateLink::from, "Dependent candidate.")
        .def_readwrite("to", &CandidateLink::to, "Candidate depended on / excluded.");
    py::class_<CandidateGroup> cg(m, "CandidateGroup", "At least / at most k of a group.");
    def_kwargs_init(cg);
    cg.def_readwrite("id", &CandidateGroup::id, "Group name.")
        .def_readwrite("members", &CandidateGroup::members, "Candidate ids.")
        .def_readwrite("at_least", &CandidateGroup::at_least, "Lower bound or None.")
        .def_readwrite("at_most", &CandidateGroup::at_most, "Upper bound or None.");
    py::enum_<ShareBasis>(m, "ShareBasis", "What a category share is measured on.")
        .value("SPEND", ShareBasis::spend)
        .value("COUNT", ShareBasis::count);
    py::class_<CategoryLimit> lim(m, "CategoryLimit", "Min / max share of spend (or count) in a category.");
    def_kwargs_init(lim);
    lim.def_readwrite("category", &CategoryLimit::category, "Category name.")
        .def_readwrite("basis", &CategoryLimit::basis, "Spend or count.")
        .def_readwrite("min_share", &CategoryLimit::min_share, "In [0, 1] or None.")
        .def_readwrite("max_share", &CategoryLimit::max_share, "In [0, 1] or None.");
    py::class_<SelectionProblem> sp(m, "SelectionProblem", "The whole portfolio-selection problem.");
    def_kwargs_init(sp);
    sp.def_readwrite("periods", &SelectionProblem::periods, "Planning horizon in periods.")
        .def_readwrite("period_labels", &SelectionProblem::period_labels, "Optional labels.")
        .def_readwrite("objective", &SelectionProblem::objective, "Benefit maximised.")
        .def_readwrite("candidates", &SelectionProblem::candidates, "The proposals.")
        .def_readwrite("period_budget", &SelectionProblem::period_budget, "Budget per period or empty.")
        .def_readwrite("total_budget", &SelectionProblem::total_budget, "Budget over the horizon or None.")
        .def_readwrite("capacities", &SelectionProblem::capacities, "Role capacities.")
        .def_readwrite("links", &SelectionProblem::links, "Requires / exclusive links.")
        .def_readwrite("groups", &SelectionProblem::groups, "Group limits.")
        .def_readwrite("forced_in", &SelectionProblem::forced_in, "Must be selected.")
        .def_readwrite("forced_out", &SelectionProblem::forced_out, "Must not be selected.")
        .def_readwrite("category_limits", &SelectionProblem::category_limits, "Category balance.")
        .def_readwrite("max_total_risk", &SelectionProblem::max_total_risk, "Risk limit or None.")
        .def("__repr__", [](const SelectionProblem& p) {
            return "SelectionProblem(" + std::to_string(p.candidates.size()) + " candidates, " + std::to_string(p.periods) +
                   " periods, objective '" + p.objective + "')";
        })
        .def(py::pickle(
            [](py::object self) {
                // Every field is a plain Python value: pickle the attribute dict.
                py::dict d;
                for (const char* k : {"periods", "period_labels", "objective", "candidates", "period_budget", "total_budget",
                                      "capacities", "links", "groups", "forced_in", "forced_out", "category_limits",
                                      "max_total_risk"})
                    d[k] = self.attr(k);
                return d;
            },
            [](const py::dict& d) {
                SelectionProblem p;
                py::object view = py::cast(&p, py::return_value_policy::reference);
                for (const auto& [k, v] : d) py::setattr(view, k, v);
                return p;
            }));
    // Pickling the nested aggregates (needed by SelectionProblem's state): attribute dicts too.
    auto dict_pickle = [](auto& cls, std::initializer_list<const char*> names) {
        using T = typename std::remove_reference_t<decltype(cls)>::type;
        std::vector<std::string> keys(names.begin(), names.end());
        cls.def(py::pickle(
            [keys](py::object self) {
                py::dict d;
                for (const auto& k : keys) d[py::str(k)] = self.attr(k.c_str());
                return d;
            },
            [](const py::dict& d) {
                T v{};
                py::object view = py::cast(&v, py::return_value_policy::reference);
                for (const auto& [k, x] : d) py::setattr(view, k, x);
                return v;
            }));
    };
    dict_pickle(rd, {"role", "per_period"});
    dict_pickle(c, {"id", "name", "project", "category", "risk", "cost", "demand", "benefits", "earliest_start", "latest_start"});
    dict_pickle(rc, {"role", "per_period"});
    dict_pickle(cl, {"kind", "from_", "to"});
    dict_pickle(cg, {"id", "members", "at_least", "at_most"});
    dict_pickle(lim, {"category", "basis", "min_share", "max_share"});
    m.def("validate_selection", &validate_selection, py::arg("problem"), "Raises ModelError for an invalid problem.");

    py::class_<GeneratorOptions> go(m, "GeneratorOptions", "Settings of the seeded candidate-portfolio generator.");
    def_kwargs_init(go);
    go.def_readwrite("candidates", &GeneratorOptions::candidates, "Number of proposals.")
        .def_readwrite("periods", &GeneratorOptions::periods, "Horizon (months).")
        .def_readwrite("roles", &GeneratorOptions::roles, "Number of roles.")
        .def_readwrite("seed", &GeneratorOptions::seed, "Random seed.")
        .def_readwrite("max_window", &GeneratorOptions::max_window, "Start window width.")
        .def_readwrite("requires_fraction", &GeneratorOptions::requires_fraction, "Share requiring another.")
        .def_readwrite("exclusive_fraction", &GeneratorOptions::exclusive_fraction, "Exclusive pairs share.")
        .def_readwrite("budget_tightness", &GeneratorOptions::budget_tightness, "Budgets as a share of all cost.")
        .def_readwrite("capacity_tightness", &GeneratorOptions::capacity_tightness, "Capacities as a share of all demand.")
        .def_readwrite("category_limits", &GeneratorOptions::category_limits, "Add category limits.")
        .def_readwrite("risk_limit", &GeneratorOptions::risk_limit, "Add a risk limit.");
    m.def(
        "generate_selection_problem",
        [](int candidates, int periods, int roles, std::uint64_t seed, int max_window, double requires_fraction,
           double exclusive_fraction, double budget_tightness, double capacity_tightness, bool category_limits, bool risk_limit) {
            return generate_selection_problem({candidates, periods, roles, seed, max_window, requires_fraction, exclusive_fraction,
                                               budget_tightness, capacity_tightness, category_limits, risk_limit});
        },
        py::kw_only(), py::arg("candidates") = 100, py::arg("periods") = 24, py::arg("roles") = 10, py::arg("seed") = 1,
        py::arg("max_window") = 3, py::arg("requires_fraction") = 0.05, py::arg("exclusive_fraction") = 0.02,
        py::arg("budget_tightness") = 0.35, py::arg("capacity_tightness") = 0.45, py::arg("category_limits") = true,
        py::arg("risk_limit") = true, "A realistic seeded selection problem (objective 'npv').");
}

void bind_results(py::module_& m) {
    py::enum_<SelectionStatus>(m, "SelectionStatus", "Outcome of a selection solve.")
        .value("OPTIMAL", SelectionStatus::optimal)
        .value("FEASIBLE", SelectionStatus::feasible)
        .value("INFEASIBLE", SelectionStatus::infeasible)
        .value("TIME_LIMIT", SelectionStatus::time_limit)
        .value("CANCELLED", SelectionStatus::cancelled);
    py::enum_<ExclusionReason>(m, "ExclusionReason", "Why a candidate is not in the selection.")
        .value("NONE", ExclusionReason::none)
        .value("FORCED_OUT", ExclusionReason::forced_out)
        .value("NO_BENEFIT", ExclusionReason::no_benefit)
        .value("ALONE_INFEASIBLE", ExclusionReason::alone_infeasible)
        .value("REQUIRES", ExclusionReason::requires_)
        .value("EXCLUSIVE", ExclusionReason::exclusive)
        .value("GROUP_LIMIT", ExclusionReason::group_limit)
        .value("BUDGET_PERIOD", ExclusionReason::budget_period)
        .value("BUDGET_TOTAL", ExclusionReason::budget_total)
        .value("CAPACITY", ExclusionReason::capacity)
        .value("RISK", ExclusionReason::risk)
        .value("CATEGORY_BALANCE", ExclusionReason::category_balance)
        .value("LOWER_VALUE_DENSITY", ExclusionReason::lower_value_density)
        .value("NOT_PROVEN", ExclusionReason::not_proven);
    py::class_<SelectionProgress>(m, "SelectionProgress", "Progress of the branch and bound (given to callbacks).")
        .def_readonly("seconds", &SelectionProgress::seconds, "Since the solve started.")
        .def_readonly("nodes", &SelectionProgress::nodes, "Nodes explored.")
        .def_readonly("incumbent", &SelectionProgress::incumbent, "Best value found.")
        .def_readonly("bound", &SelectionProgress::bound, "Best bound.")
        .def_readonly("has_incumbent", &SelectionProgress::has_incumbent, "Whether `incumbent` is meaningful.")
        .def("__repr__", [](const SelectionProgress& p) {
            return "SelectionProgress(nodes=" + std::to_string(p.nodes) + ", incumbent=" + std::to_string(p.incumbent) + ")";
        });

    py::class_<SelectionResult, std::shared_ptr<SelectionResult>> r(
        m, "SelectionResult", "Result of a selection: arrays per candidate, per period and per role x period.");
    auto view = [&r](const char* name, auto member, const char* dtype, const char* doc) {
        r.def_property_readonly(name, [member, dtype](py::object self) {
            return readonly_view(self.cast<const SelectionResult&>().*member, dtype, self);
        }, doc);
    };
    static_assert(sizeof(int) == 4);
    view("selected", &SelectionResult::selected, "bool", "Per candidate: selected.");
    view("start", &SelectionResult::start, "int32", "Per candidate: start period (-1 if not selected).");
    view("value", &SelectionResult::value, "float64", "Per candidate: objective benefit.");
    view("budget_slack", &SelectionResult::budget_slack, "float64", "Per period: budget - spend.");
    view("budget_shadow_price", &SelectionResult::budget_shadow_price, "float64", "Per period: LP dual of the budget.");
    view("budget_binding", &SelectionResult::budget_binding, "bool", "Per period: binding.");
    view("role_used", &SelectionResult::role_used, "float64", "Per role x period: demand.");
    view("role_slack", &SelectionResult::role_slack, "float64", "Per role x period: capacity - used.");
    view("role_shadow_price", &SelectionResult::role_shadow_price, "float64", "Per role x period: LP dual.");
    view("role_binding", &SelectionResult::role_binding, "bool", "Per role x period: binding.");
    r.def_readonly("status", &SelectionResult::status, "Solver outcome.")
        .def_readonly("has_solution", &SelectionResult::has_solution, "Whether the arrays describe a selection.")
        .def_readonly("objective", &SelectionResult::objective, "Objective value.")
        .def_readonly("best_bound", &SelectionResult::best_bound, "Proven upper bound.")
        .def_readonly("gap", &SelectionResult::gap, "Relative gap.")
        .def_readonly("seconds", &SelectionResult::seconds, "Wall time.")
        .def_readonly("cpu_seconds", &SelectionResult::cpu_seconds, "Process CPU time.")
        .def_readonly("nodes", &SelectionResult::nodes, "Branch-and-bound nodes.")
        .def_readonly("variables", &SelectionResult::variables, "MILP columns.")
        .def_readonly("constraints", &SelectionResult::constraints, "MILP rows.")
        .def_readonly("candidate", &SelectionResult::candidate, "Candidate ids.")
        .def_property_readonly("reason", [](const SelectionResult& x) { return x.reason; }, "Per candidate: exclusion reason.")
        .def_readonly("reason_detail", &SelectionResult::reason_detail, "Per candidate: explanation.")
        .def_property_readonly("spend", [](const SelectionResult& x) { return money_array(x.spend); }, "Per period: spend (major units).")
        .def_readonly("roles", &SelectionResult::roles, "Role ids.")
        .def_readonly("total_spend", &SelectionResult::total_spend, "Total spend.")
        .def_readonly("total_budget_slack", &SelectionResult::total_budget_slack, "Total budget - total spend.")
        .def_readonly("total_budget_shadow_price", &SelectionResult::total_budget_shadow_price, "LP dual of the total budget.")
        .def_readonly("total_risk", &SelectionResult::total_risk, "Sum of selected risks.")
        .def_readonly("lp_bound", &SelectionResult::lp_bound, "LP relaxation value.")
        .def("selected_ids", &SelectionResult::selected_ids, "Ids of the selected candidates.")
        .def("to_dataframe", &selection_dataframe, "One row per candidate (pandas DataFrame).")
        .def("__repr__", [](const SelectionResult& x) {
            return "SelectionResult(" + std::string(to_string(x.status)) + ", objective " + std::to_string(x.objective) + ", " +
                   std::to_string(x.selected_ids().size()) + " selected)";
        })
        .def(py::pickle(
            [](const SelectionResult& x) {
                std::vector<int> reason;
                for (auto e : x.reason) reason.push_back(static_cast<int>(e));
                return py::make_tuple(
                    py::make_tuple(static_cast<int>(x.status), x.has_solution, x.objective, x.best_bound, x.gap, x.seconds,
                                   x.cpu_seconds, x.nodes, x.variables, x.constraints),
                    py::make_tuple(x.candidate, x.selected, x.start, x.value, reason, x.reason_detail),
                    py::make_tuple(x.spend, x.budget_slack, x.budget_shadow_price, x.budget_binding),
                    py::make_tuple(x.roles, x.role_used, x.role_slack, x.role_shadow_price, x.role_binding),
                    py::make_tuple(x.total_spend, x.total_budget_slack, x.total_budget_shadow_price, x.total_risk, x.lp_bound));
            },
            [](const py::tuple& t) {
                auto x = std::make_shared<SelectionResult>();
                auto a = t[0].cast<py::tuple>(), b = t[1].cast<py::tuple>(), c = t[2].cast<py::tuple>(),
                     d = t[3].cast<py::tuple>(), e = t[4].cast<py::tuple>();
                x->status = static_cast<SelectionStatus>(a[0].cast<int>());
                x->has_solution = a[1].cast<bool>();
                x->objective = a[2].cast<double>();
                x->best_bound = a[3].cast<double>();
                x->gap = a[4].cast<double>();
                x->seconds = a[5].cast<double>();
                x->cpu_seconds = a[6].cast<double>();
                x->nodes = a[7].cast<long long>();
                x->variables = a[8].cast<int>();
                x->constraints = a[9].cast<int>();
                x->candidate = b[0].cast<std::vector<std::string>>();
                x->selected = b[1].cast<std::vector<std::uint8_t>>();
                x->start = b[2].cast<std::vector<int>>();
                x->value = b[3].cast<std::vector<double>>();
                for (int v : b[4].cast<std::vector<int>>()) x->reason.push_back(static_cast<ExclusionReason>(v));
                x->reason_detail = b[5].cast<std::vector<std::string>>();
                x->spend = c[0].cast<std::vector<Money>>();
                x->budget_slack = c[1].cast<std::vector<double>>();
                x->budget_shadow_price = c[2].cast<std::vector<double>>();
                x->budget_binding = c[3].cast<std::vector<std::uint8_t>>();
                x->roles = d[0].cast<std::vector<std::string>>();
                x->role_used = d[1].cast<std::vector<double>>();
                x->role_slack = d[2].cast<std::vector<double>>();
                x->role_shadow_price = d[3].cast<std::vector<double>>();
                x->role_binding = d[4].cast<std::vector<std::uint8_t>>();
                x->total_spend = e[0].cast<Money>();
                x->total_budget_slack = e[1].cast<double>();
                x->total_budget_shadow_price = e[2].cast<double>();
                x->total_risk = e[3].cast<double>();
                x->lp_bound = e[4].cast<double>();
                return x;
            }));

    py::class_<FrontierResult, std::shared_ptr<FrontierResult>> f(
        m, "FrontierResult", "The efficient frontier: arrays per budget point; `selected` is points x candidates.");
    f.def(py::init([](std::vector<std::string> candidates, std::vector<Money> budget, std::vector<double> value, std::vector<Money> spend,
                      std::vector<SelectionStatus> status, std::vector<double> gap, std::vector<double> bound,
                      std::vector<double> seconds, std::vector<long long> nodes, std::vector<std::uint8_t> reused,
                      std::vector<std::vector<std::string>> entering, std::vector<std::vector<std::string>> leaving,
                      std::vector<std::uint8_t> selected, double total_seconds) {
              auto x = std::make_shared<FrontierResult>();
              x->candidates = std::move(candidates);
              x->budget = std::move(budget);
              x->value = std::move(value);
              x->spend = std::move(spend);
              x->status = std::move(status);
              x->gap = std::move(gap);
              x->bound = std::move(bound);
              x->seconds = std::move(seconds);
              x->nodes = std::move(nodes);
              x->reused = std::move(reused);
              x->entering = std::move(entering);
              x->leaving = std::move(leaving);
              x->selected = std::move(selected);
              x->total_seconds = total_seconds;
              return x;
          }),
          py::kw_only(), py::arg("candidates"), py::arg("budget"), py::arg("value"), py::arg("spend"), py::arg("status"),
          py::arg("gap"), py::arg("bound"), py::arg("seconds"), py::arg("nodes"), py::arg("reused"), py::arg("entering"),
          py::arg("leaving"), py::arg("selected"), py::arg("total_seconds") = 0.0,
          "Builds a frontier from its arrays (used by ppm.distributed to merge points).");
    f.def_readonly("candidates", &FrontierResult::candidates, "Candidate ids.")
        .def_property_readonly("budget", [](const FrontierResult& x) { return money_array(x.budget); }, "Budget per point (major units).")
        .def_property_readonly("value", [](py::object self) { return readonly_view(self.cast<const FrontierResult&>().value, "float64", self); },
                               "Optimal (or best found) value per point.")
        .def_property_readonly("spend", [](const FrontierResult& x) { return money_array(x.spend); }, "Spend per point (major units).")
        .def_readonly("status", &FrontierResult::status, "Solver status per point.")
        .def_property_readonly("gap", [](py::object self) { return readonly_view(self.cast<const FrontierResult&>().gap, "float64", self); },
                               "Relative gap per point.")
        .def_property_readonly("bound", [](py::object self) { return readonly_view(self.cast<const FrontierResult&>().bound, "float64", self); },
                               "Proven upper bound per point.")
        .def_property_readonly("nodes", [](py::object self) { return readonly_view(self.cast<const FrontierResult&>().nodes, "int64", self); },
                               "Branch-and-bound nodes per point.")
        .def_property_readonly("reused", [](py::object self) { return readonly_view(self.cast<const FrontierResult&>().reused, "bool", self); },
                               "Per point: answered by the highest budget's selection.")
        .def_property_readonly("seconds", [](py::object self) { return readonly_view(self.cast<const FrontierResult&>().seconds, "float64", self); },
                               "Solve time per point.")
        .def_readonly("entering", &FrontierResult::entering, "Ids entering at each point.")
        .def_readonly("leaving", &FrontierResult::leaving, "Ids leaving at each point.")
        .def_property_readonly("selected", [](py::object self) {
            const auto& x = self.cast<const FrontierResult&>();
            py::array a = readonly_view(x.selected, "bool", self);
            return a.attr("reshape")(static_cast<py::ssize_t>(x.value.size()), static_cast<py::ssize_t>(x.candidates.size()));
        }, "points x candidates boolean matrix (read-only view).")
        .def_readonly("total_seconds", &FrontierResult::total_seconds, "Whole sweep.")
        .def("to_dataframe", &frontier_dataframe, "One row per budget point (pandas DataFrame).")
        .def("__len__", [](const FrontierResult& x) { return x.value.size(); })
        .def("__repr__", [](const FrontierResult& x) { return "FrontierResult(" + std::to_string(x.value.size()) + " points)"; })
        .def(py::pickle(
            [](const FrontierResult& x) {
                std::vector<int> status;
                for (auto s : x.status) status.push_back(static_cast<int>(s));
                return py::make_tuple(x.candidates, x.budget, x.value, x.spend, status, x.gap, x.seconds, x.entering, x.leaving,
                                      x.selected, x.total_seconds, py::make_tuple(x.bound, x.nodes, x.reused));
            },
            [](const py::tuple& t) {
                auto x = std::make_shared<FrontierResult>();
                x->candidates = t[0].cast<std::vector<std::string>>();
                x->budget = t[1].cast<std::vector<Money>>();
                x->value = t[2].cast<std::vector<double>>();
                x->spend = t[3].cast<std::vector<Money>>();
                for (int s : t[4].cast<std::vector<int>>()) x->status.push_back(static_cast<SelectionStatus>(s));
                x->gap = t[5].cast<std::vector<double>>();
                x->seconds = t[6].cast<std::vector<double>>();
                x->entering = t[7].cast<std::vector<std::vector<std::string>>>();
                x->leaving = t[8].cast<std::vector<std::vector<std::string>>>();
                x->selected = t[9].cast<std::vector<std::uint8_t>>();
                x->total_seconds = t[10].cast<double>();
                const auto extra = t[11].cast<py::tuple>();
                x->bound = extra[0].cast<std::vector<double>>();
                x->nodes = extra[1].cast<std::vector<long long>>();
                x->reused = extra[2].cast<std::vector<std::uint8_t>>();
                return x;
            }));

    py::class_<Scenario> sc(m, "Scenario", "Changes a what-if scenario makes to the base problem (None = unchanged).");
    def_kwargs_init(sc);
    sc.def_readwrite("name", &Scenario::name, "Column header.")
        .def_readwrite("total_budget", &Scenario::total_budget, "New total budget.")
        .def_readwrite("budget_scale", &Scenario::budget_scale, "Multiply every period budget.")
        .def_readwrite("capacity_scale", &Scenario::capacity_scale, "Multiply every role capacity.")
        .def_readwrite("forced_in", &Scenario::forced_in, "Added to forced-in.")
        .def_readwrite("forced_out", &Scenario::forced_out, "Added to forced-out.")
        .def_readwrite("max_total_risk", &Scenario::max_total_risk, "New risk limit.")
        .def_readwrite("objective", &Scenario::objective, "Maximise another benefit.")
        .def("__repr__", [](const Scenario& s) { return "Scenario(name='" + s.name + "')"; })
        .def(py::pickle(
            [](const Scenario& s) {
                return py::make_tuple(s.name, s.total_budget, s.budget_scale, s.capacity_scale, s.forced_in, s.forced_out,
                                      s.max_total_risk, s.objective);
            },
            [](const py::tuple& t) {
                Scenario s;
                s.name = t[0].cast<std::string>();
                s.total_budget = t[1].cast<std::optional<Money>>();
                s.budget_scale = t[2].cast<std::optional<double>>();
                s.capacity_scale = t[3].cast<std::optional<double>>();
                s.forced_in = t[4].cast<std::vector<std::string>>();
                s.forced_out = t[5].cast<std::vector<std::string>>();
                s.max_total_risk = t[6].cast<std::optional<double>>();
                s.objective = t[7].cast<std::optional<std::string>>();
                return s;
            }));
    m.def("apply_scenario", &apply_scenario, py::arg("base"), py::arg("scenario"), "The base problem with the scenario's changes.");
    py::class_<ScenarioComparison, std::shared_ptr<ScenarioComparison>> cmp(m, "ScenarioComparison", "Base and scenarios side by side.");
    cmp.def(py::init([](std::vector<std::string> names, std::vector<std::shared_ptr<SelectionResult>> results,
                        std::vector<std::string> candidates, std::vector<std::uint8_t> selected) {
                auto c = std::make_shared<ScenarioComparison>();
                c->names = std::move(names);
                for (const auto& r0 : results) c->results.push_back(*r0);
                c->candidates = std::move(candidates);
                c->selected = std::move(selected);
                return c;
            }),
            py::kw_only(), py::arg("names"), py::arg("results"), py::arg("candidates"), py::arg("selected"),
            "Builds a comparison from its parts (used by ppm.distributed).")
        .def_readonly("names", &ScenarioComparison::names, "'base', then the scenarios' names.")
        .def_property_readonly("results", [](const ScenarioComparison& c) {
            py::list out;
            for (const auto& r0 : c.results) out.append(std::make_shared<SelectionResult>(r0));
            return out;
        }, "One SelectionResult per name.")
        .def_readonly("candidates", &ScenarioComparison::candidates, "Candidate ids.")
        .def_property_readonly("selected", [](py::object self) {
            const auto& c = self.cast<const ScenarioComparison&>();
            py::array a = readonly_view(c.selected, "bool", self);
            return a.attr("reshape")(static_cast<py::ssize_t>(c.names.size()), static_cast<py::ssize_t>(c.candidates.size()));
        }, "scenarios x candidates boolean matrix.")
        .def("to_dataframe", [](py::object self) {
            const auto& c = self.cast<const ScenarioComparison&>();
            py::module_ pd = py::module_::import("pandas");
            return pd.attr("DataFrame")(self.attr("selected").attr("T"), py::arg("index") = c.candidates, py::arg("columns") = c.names);
        }, "Candidates x scenarios selection table (pandas DataFrame).")
        .def("__repr__", [](const ScenarioComparison& c) { return "ScenarioComparison(" + std::to_string(c.names.size()) + " columns)"; })
        .def(py::pickle(
            [](const ScenarioComparison& c) {
                py::list results;  // each SelectionResult pickles itself
                for (const auto& r0 : c.results) results.append(std::make_shared<SelectionResult>(r0));
                return py::make_tuple(1, c.names, results, c.candidates, pack(c.selected));
            },
            [](const py::tuple& state) {
                const py::tuple t = checked_state(state, "ScenarioComparison", 5);
                auto c = std::make_shared<ScenarioComparison>();
                c->names = t[1].cast<std::vector<std::string>>();
                for (const auto& r0 : t[2].cast<py::list>()) c->results.push_back(*r0.cast<std::shared_ptr<SelectionResult>>());
                c->candidates = t[3].cast<std::vector<std::string>>();
                c->selected = unpack<std::uint8_t>(t[4]);
                return c;
            }));
}

void bind_solvers(py::module_& m) {
#define PPM_SOLVE_ARGS                                                                                                             \
    py::arg("time_limit_seconds") = 60.0, py::arg("relative_gap") = 1e-3, py::arg("absolute_gap") = 1e-9, py::arg("threads") = 1, \
        py::arg("seed") = 1, py::arg("shadow_prices") = true, py::arg("explain") = true,                                          \
        py::arg("cbc_arguments") = std::vector<std::string>{}, py::arg("warm_start") = std::vector<int>{},                        \
        py::arg("progress") = py::none()
    m.def(
        "select_portfolio",
        [](const SelectionProblem& problem, double tl, double rg, double ag, int threads, int seed, bool sp, bool ex,
           std::vector<std::string> cbc, std::vector<int> warm, py::object progress) {
            SelectionOptions o = SolveKwargs{tl, rg, ag, threads, seed, sp, ex, std::move(cbc), std::move(warm)}.options();
            ProgressBridge bridge(std::move(progress));
            wire(o, bridge);
            auto r = std::make_shared<SelectionResult>();
            {
                py::gil_scoped_release release;
                *r = select_portfolio(problem, o);
            }
            bridge.rethrow_if_error();
            return r;
        },
        py::arg("problem"), py::kw_only(), PPM_SOLVE_ARGS,
        "Exact selection (0-1 MILP, CBC); GIL released. `progress(SelectionProgress)` may raise to stop the solve "
        "(the exception propagates); Ctrl-C stops it too.");
    m.def("select_greedy", [](const SelectionProblem& p) { return std::make_shared<SelectionResult>(select_greedy(p)); },
          py::arg("problem"), "Greedy baseline: by descending value, earliest start that fits.");
    m.def("check_selection", &check_selection, py::arg("problem"), py::arg("start"),
          "'' when the starts (-1 = out) satisfy every constraint, else the first violation.");
    m.def(
        "efficient_frontier",
        [](const SelectionProblem& problem, int points, std::optional<Money> budget_min, std::optional<Money> budget_max,
           bool scale, double sweep_time_limit, double top_share, double tl, double rg, double ag, int threads, int seed, bool sp, bool ex, std::vector<std::string> cbc,
           std::vector<int> warm, py::object progress) {
            FrontierOptions fo;
            fo.points = points;
            fo.budget_min = budget_min;
            fo.budget_max = budget_max;
            fo.scale_period_budgets = scale;
            fo.time_limit_seconds = sweep_time_limit;
            fo.top_share = top_share;
            fo.solve = SolveKwargs{tl, rg, ag, threads, seed, sp, ex, std::move(cbc), std::move(warm)}.options();
            ProgressBridge bridge(std::move(progress));
            wire(fo.solve, bridge);
            auto r = std::make_shared<FrontierResult>();
            {
                py::gil_scoped_release release;
                *r = efficient_frontier(problem, fo);
            }
            bridge.rethrow_if_error();
            return r;
        },
        py::arg("problem"), py::kw_only(), py::arg("points") = 10, py::arg("budget_min") = py::none(),
        py::arg("budget_max") = py::none(), py::arg("scale_period_budgets") = true,
        py::arg("sweep_time_limit_seconds") = 0.0, py::arg("top_share") = 0.3, PPM_SOLVE_ARGS,
        "Efficient frontier: the selection solved at `points` budgets from min to max (GIL released, cancellable). "
        "`sweep_time_limit_seconds` is FrontierOptions::time_limit_seconds (whole sweep); `time_limit_seconds` applies per point.");
    m.def(
        "compare_scenarios",
        [](const SelectionProblem& base, const std::vector<Scenario>& scenarios, double tl, double rg, double ag, int threads,
           int seed, bool sp, bool ex, std::vector<std::string> cbc, std::vector<int> warm, py::object progress) {
            SelectionOptions o = SolveKwargs{tl, rg, ag, threads, seed, sp, ex, std::move(cbc), std::move(warm)}.options();
            ProgressBridge bridge(std::move(progress));
            wire(o, bridge);
            auto r = std::make_shared<ScenarioComparison>();
            {
                py::gil_scoped_release release;
                *r = compare_scenarios(base, scenarios, o);
            }
            bridge.rethrow_if_error();
            return r;
        },
        py::arg("base"), py::arg("scenarios"), py::kw_only(), PPM_SOLVE_ARGS,
        "Solves the base problem and each scenario with the same options.");
#undef PPM_SOLVE_ARGS

    py::class_<SelectionDocument>(m, "SelectionDocument", "The 'strategy' and 'selection' sections of a ppm file.")
        .def_readonly("path", &SelectionDocument::path, "Source file.")
        .def_readonly("strategy", &SelectionDocument::strategy, "The strategy section or None.")
        .def_readonly("rating_scale", &SelectionDocument::rating_scale, "Rating scale.")
        .def_readonly("driver_scales", &SelectionDocument::driver_scales, "Numeric driver scales.")
        .def_readonly("has_selection", &SelectionDocument::has_selection, "Whether a selection section is present.")
        .def_readwrite("problem", &SelectionDocument::problem, "The selection problem.")
        .def_readonly("ratings", &SelectionDocument::ratings, "Per candidate: driver id -> rating.")
        .def_readonly("scenarios", &SelectionDocument::scenarios, "Scenarios.")
        .def_readonly("time_limit_seconds", &SelectionDocument::time_limit_seconds, "selection.solver.time_limit.")
        .def_readonly("relative_gap", &SelectionDocument::relative_gap, "selection.solver.gap.")
        .def("__repr__", [](const SelectionDocument& d) { return "SelectionDocument(path='" + d.path + "')"; });
    m.def("parse_selection_document", [](const std::string& text, const std::string& path) { return parse_selection_document(text, path); },
          py::arg("text"), py::arg("path") = "<input>", "Parses the strategy and selection sections of ppm JSON text.");
    m.def("read_selection_document", [](const std::filesystem::path& path) { return read_selection_document(path); }, py::arg("path"),
          "Reads the strategy and selection sections of a ppm JSON file (the 'score' benefit is filled by "
          "apply_alignment, or use select()).");
    m.def(
        "apply_alignment",
        [](SelectionDocument& doc) -> py::object {
            auto scores = apply_alignment(doc);
            if (!scores) return py::none();
            return py::make_tuple(std::make_shared<StrategyWeights>(std::move(scores->weights)),
                                  std::make_shared<AlignmentResult>(std::move(scores->alignment)));
        },
        py::arg("document"),
        "Evaluates the document's strategy and writes each rated candidate's alignment score into "
        "benefits['score'] (in place); returns (StrategyWeights, AlignmentResult), or None without a strategy.");

    py::class_<SelectionRun, std::shared_ptr<SelectionRun>> run(m, "SelectionRun",
        "What `ppm select FILE` computes: the problem as solved, the selection, the scenarios and the strategy.");
    run.def_readonly("problem", &SelectionRun::problem, "The problem solved (alignment scores and budget applied).")
        .def_readonly("result", &SelectionRun::result, "The selection.")
        .def_readonly("scenarios", &SelectionRun::scenarios, "The file's what-if scenarios side by side, or None.")
        .def_readonly("weights", &SelectionRun::weights, "The strategy's evaluation, or None.")
        .def_property_readonly("alignment", [](const SelectionRun& r) -> py::object {
            if (!r.alignment || r.alignment->candidates.empty()) return py::none();
            return py::cast(r.alignment);
        }, "Candidates' alignment scores, or None when no candidate is rated.")
        .def("__repr__", [](const SelectionRun& r) {
            return "SelectionRun(" + std::string(to_string(r.result->status)) + ", " + std::to_string(r.result->selected_ids().size()) +
                   " of " + std::to_string(r.result->candidate.size()) + " selected)";
        })
        .def(py::pickle(
            [](const SelectionRun& r) { return py::make_tuple(r.problem, r.result, r.scenarios, r.weights, r.alignment); },
            [](const py::tuple& t) {
                auto r = std::make_shared<SelectionRun>();
                r->problem = t[0].cast<SelectionProblem>();
                r->result = t[1].cast<std::shared_ptr<SelectionResult>>();
                r->scenarios = t[2].cast<std::shared_ptr<ScenarioComparison>>();
                r->weights = t[3].cast<std::shared_ptr<StrategyWeights>>();
                r->alignment = t[4].cast<std::shared_ptr<AlignmentResult>>();
                return r;
            }));
    m.def(
        "select",
        [](const py::object& source, std::optional<Money> budget, bool scenarios, bool greedy, std::optional<double> tl,
           std::optional<double> rg, double ag, int threads, int seed, bool sp, bool ex, py::object progress) {
            SelectionDocument doc = py::isinstance<SelectionDocument>(source)
                                        ? source.cast<SelectionDocument>()
                                        : read_selection_document(source.cast<std::filesystem::path>());
            if (!doc.has_selection) throw ParseError::unexpected(doc.path, 0, 0, "no \"selection\" section");
            auto run = std::make_shared<SelectionRun>();
            if (auto scores = apply_alignment(doc)) {
                run->weights = std::make_shared<StrategyWeights>(std::move(scores->weights));
                run->alignment = std::make_shared<AlignmentResult>(std::move(scores->alignment));
            }
            SelectionProblem& p = doc.problem;
            if (budget) {  // as `ppm select --budget`: period budgets scaled in proportion
                double reference = p.total_budget ? p.total_budget->major() : 0.0;
                if (reference <= 0.0)
                    for (Money b : p.period_budget) reference += b.major();
                if (reference > 0.0)
                    for (Money& b : p.period_budget) b = Money::from_major(b.major() * budget->major() / reference);
                p.total_budget = *budget;
            }
            SelectionOptions o = SolveKwargs{tl.value_or(doc.time_limit_seconds), rg.value_or(doc.relative_gap), ag, threads, seed, sp, ex, {}, {}}.options();
            ProgressBridge bridge(std::move(progress));
            wire(o, bridge);
            {
                py::gil_scoped_release release;
                run->result = std::make_shared<SelectionResult>(greedy ? select_greedy(p) : select_portfolio(p, o));
                if (scenarios && !greedy && !doc.scenarios.empty() && run->result->status != SelectionStatus::cancelled)
                    run->scenarios = std::make_shared<ScenarioComparison>(compare_scenarios(p, doc.scenarios, o));
            }
            bridge.rethrow_if_error();
            run->problem = std::move(p);
            return run;
        },
        py::arg("source"), py::kw_only(), py::arg("budget") = py::none(), py::arg("scenarios") = true, py::arg("greedy") = false,
        py::arg("time_limit_seconds") = py::none(), py::arg("relative_gap") = py::none(), py::arg("absolute_gap") = 1e-9,
        py::arg("threads") = 1, py::arg("seed") = 1, py::arg("shadow_prices") = true, py::arg("explain") = true,
        py::arg("progress") = py::none(),
        "What `ppm select FILE` does, on a path or a SelectionDocument (left unchanged): the strategy's alignment "
        "scores into benefits['score'], `budget` as --budget, the file's solver time limit and gap unless given, "
        "the selection, then the scenarios. GIL released; `progress` as select_portfolio.");
    m.def("selection_to_json", &selection_to_json, py::arg("problem"), py::arg("result"), py::arg("indent") = 2,
          "JSON text of a selection result.");
    m.def("frontier_to_json", &frontier_to_json, py::arg("frontier"), py::arg("indent") = 2, "JSON text of a frontier.");
    m.def("scenarios_to_json", &scenarios_to_json, py::arg("comparison"), py::arg("indent") = 2, "JSON text of a scenario comparison.");
}

}  // namespace

void bind_portfolio(py::module_& m) {
    bind_problem(m);
    bind_results(m);
    bind_solvers(m);
}

}  // namespace ppm::python
