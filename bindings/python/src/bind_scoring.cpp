// Python bindings for area `scoring`: AHP on pairwise matrices (Saaty 1980; geometric mean,
// Crawford & Williams 1985; group aggregation, Aczel & Saaty 1983), strategy hierarchies, and
// alignment scoring / ranking / weight sensitivity (Triantaphyllou & Sanchez 1997).
// Matrices are numpy arrays (pybind11/eigen.h).
#include "common.hpp"
#include "arrays.hpp"
#include "state.hpp"

#include <pybind11/eigen.h>

#include "ppm/portfolio/selection_json.hpp"
#include "ppm/scoring/ahp.hpp"
#include "ppm/scoring/alignment.hpp"
#include "ppm/scoring/strategy.hpp"

namespace ppm::python {

namespace {

void bind_ahp(py::module_& m) {
    py::class_<PairwiseChecks> pc(m, "PairwiseChecks", "How validate_pairwise treats the values.");
    def_kwargs_init(pc);
    pc.def_readwrite("reciprocal_tolerance", &PairwiseChecks::reciprocal_tolerance, "Tolerance of a(i,j) a(j,i) == 1.")
        .def_readwrite("saaty_range", &PairwiseChecks::saaty_range, "Require 1/9 <= a(i,j) <= 9.")
        .def_readwrite("integer_scale", &PairwiseChecks::integer_scale, "Require integer judgements 1..9 or reciprocals.");
    py::class_<InconsistentJudgement>(m, "InconsistentJudgement", "A judgement compared with what the priorities imply.")
        .def_readonly("row", &InconsistentJudgement::row, "Row item.")
        .def_readonly("col", &InconsistentJudgement::col, "Column item.")
        .def_readonly("given", &InconsistentJudgement::given, "a(row, col) as entered.")
        .def_readonly("implied", &InconsistentJudgement::implied, "w_row / w_col.")
        .def_readonly("suggested", &InconsistentJudgement::suggested, "Nearest Saaty value to `implied`.")
        .def_readonly("log_error", &InconsistentJudgement::log_error, "|ln(given / implied)|.")
        .def("__repr__", [](const InconsistentJudgement& j) {
            return "InconsistentJudgement(" + std::to_string(j.row) + ", " + std::to_string(j.col) + ", given=" +
                   std::to_string(j.given) + ", suggested=" + std::to_string(j.suggested) + ")";
        });
    py::class_<AhpResult, std::shared_ptr<AhpResult>> ar(m, "AhpResult", "Everything AHP says about one matrix.");
    ar.def_property_readonly("priorities", [](py::object self) {
            return readonly_view(self.cast<const AhpResult&>().priorities, "float64", self);
        }, "Principal eigenvector priorities (sum 1).")
        .def_property_readonly("priorities_geometric_mean", [](py::object self) {
            return readonly_view(self.cast<const AhpResult&>().priorities_geometric_mean, "float64", self);
        }, "Row geometric mean priorities (sum 1).")
        .def_readonly("lambda_max", &AhpResult::lambda_max, "Principal eigenvalue.")
        .def_readonly("consistency_index", &AhpResult::consistency_index, "CI = (lambda_max - n)/(n - 1).")
        .def_readonly("random_index", &AhpResult::random_index, "Saaty's RI(n).")
        .def_readonly("consistency_ratio", &AhpResult::consistency_ratio, "CR = CI / RI.")
        .def_readonly("acceptable", &AhpResult::acceptable, "CR <= threshold.")
        .def_readonly("most_inconsistent", &AhpResult::most_inconsistent, "Worst judgements first.")
        .def("__repr__", [](const AhpResult& r) {
            return "AhpResult(n=" + std::to_string(r.priorities.size()) + ", CR=" + std::to_string(r.consistency_ratio) +
                   (r.acceptable ? ", acceptable)" : ", NOT acceptable)");
        })
        .def(py::pickle(
            [](const AhpResult& r) {
                std::vector<py::tuple> inc;
                for (const auto& j : r.most_inconsistent) inc.push_back(py::make_tuple(j.row, j.col, j.given, j.implied, j.suggested, j.log_error));
                return py::make_tuple(r.priorities, r.priorities_geometric_mean, r.lambda_max, r.consistency_index, r.random_index,
                                      r.consistency_ratio, r.acceptable, inc);
            },
            [](const py::tuple& t) {
                auto r = std::make_shared<AhpResult>();
                r->priorities = t[0].cast<std::vector<double>>();
                r->priorities_geometric_mean = t[1].cast<std::vector<double>>();
                r->lambda_max = t[2].cast<double>();
                r->consistency_index = t[3].cast<double>();
                r->random_index = t[4].cast<double>();
                r->consistency_ratio = t[5].cast<double>();
                r->acceptable = t[6].cast<bool>();
                for (const auto& j : t[7].cast<py::list>()) {
                    auto u = j.cast<py::tuple>();
                    r->most_inconsistent.push_back({u[0].cast<std::size_t>(), u[1].cast<std::size_t>(), u[2].cast<double>(),
                                                    u[3].cast<double>(), u[4].cast<double>(), u[5].cast<double>()});
                }
                return r;
            }));
    m.def("saaty_random_index", &saaty_random_index, py::arg("n"), "Saaty's random consistency index RI(n).");
    m.def("validate_pairwise",
          [](const PairwiseMatrix& a, const std::string& id, const PairwiseChecks& c) { validate_pairwise(a, id, c); },
          py::arg("matrix"), py::arg("id") = "matrix", py::arg("checks") = PairwiseChecks{},
          "Raises ModelError naming the cell when the matrix is not a valid reciprocal judgement matrix.");
    m.def(
        "analyse_pairwise",
        [](const PairwiseMatrix& a, double cr_threshold, std::size_t inconsistent_top, const PairwiseChecks& checks,
           const std::string& id) {
            AhpOptions o;
            o.checks = checks;
            o.cr_threshold = cr_threshold;
            o.inconsistent_top = inconsistent_top;
            return std::make_shared<AhpResult>(analyse_pairwise(a, o, id));
        },
        py::arg("matrix"), py::kw_only(), py::arg("cr_threshold") = 0.10, py::arg("inconsistent_top") = 3,
        py::arg("checks") = PairwiseChecks{}, py::arg("id") = "matrix",
        "AHP on a pairwise matrix (numpy n x n): priorities, lambda_max, CI, CR, most inconsistent judgements.");
    m.def("pairwise_from_upper",
          [](std::size_t n, const std::vector<double>& upper, const std::string& id) { return pairwise_from_upper(n, upper, id); },
          py::arg("n"), py::arg("upper"), py::arg("id") = "matrix",
          "The full reciprocal matrix from the strict upper triangle, row by row.");
    m.def("aggregate_judgements",
          [](const std::vector<PairwiseMatrix>& ms, const std::vector<double>& w, const std::string& id) {
              return aggregate_judgements(ms, w, id);
          },
          py::arg("matrices"), py::arg("weights") = std::vector<double>{}, py::arg("id") = "group",
          "Group matrix by weighted geometric mean of each judgement (Aczel & Saaty 1983).");
    m.def("nearest_saaty_value", &nearest_saaty_value, py::arg("ratio"), "Nearest value of Saaty's 1/9..9 scale.");
}

void bind_alignment(py::module_& m) {
    py::class_<RatingLevel> rl(m, "RatingLevel", "A named rating level and its value in [0, 1].");
    def_kwargs_init(rl);
    rl.def_readwrite("name", &RatingLevel::name, "Level name.").def_readwrite("value", &RatingLevel::value, "Value in [0, 1].");
    py::class_<RatingScale> rs(m, "RatingScale", "A qualitative scale (default none/low/moderate/strong/extreme).");
    def_kwargs_init(rs);
    rs.def_readwrite("levels", &RatingScale::levels, "The levels.")
        .def("value_of", &RatingScale::value_of, py::arg("name"), "Value of a level, or None.");
    py::enum_<Normalisation>(m, "Normalisation", "How numeric ratings become [0, 1].")
        .value("NONE", Normalisation::none)
        .value("MIN_MAX", Normalisation::min_max)
        .value("RANGE", Normalisation::range)
        .value("MAX", Normalisation::max);
    py::class_<DriverScale> ds(m, "DriverScale", "Per-driver numeric settings.");
    def_kwargs_init(ds);
    ds.def_readwrite("normalisation", &DriverScale::normalisation, "Normalisation.")
        .def_readwrite("lo", &DriverScale::lo, "Range low.")
        .def_readwrite("hi", &DriverScale::hi, "Range high.")
        .def_readwrite("higher_is_better", &DriverScale::higher_is_better, "False: cost-type driver.");
    py::class_<Rating> rt(m, "Rating", "A rating: a level name or a number.");
    def_kwargs_init(rt);
    rt.def_readwrite("level", &Rating::level, "Qualitative level (used when not empty).")
        .def_readwrite("number", &Rating::number, "Numeric value.")
        .def("__repr__", [](const Rating& r) {
            return r.level.empty() ? "Rating(number=" + (r.number ? std::to_string(*r.number) : std::string("None")) + ")"
                                   : "Rating(level='" + r.level + "')";
        });
    py::class_<WeightSensitivity>(m, "WeightSensitivity", "Weight-stability interval of one driver.")
        .def_readonly("weight", &WeightSensitivity::weight, "Current weight.")
        .def_readonly("lower", &WeightSensitivity::lower, "Smallest weight keeping the ranking.")
        .def_readonly("upper", &WeightSensitivity::upper, "Largest weight keeping the ranking.")
        .def_readonly("lower_swap_first", &WeightSensitivity::lower_swap_first, "Falls behind below `lower`.")
        .def_readonly("lower_swap_second", &WeightSensitivity::lower_swap_second, "Overtakes below `lower`.")
        .def_readonly("upper_swap_first", &WeightSensitivity::upper_swap_first, "Falls behind above `upper`.")
        .def_readonly("upper_swap_second", &WeightSensitivity::upper_swap_second, "Overtakes above `upper`.")
        .def("__repr__", [](const WeightSensitivity& w) {
            return "WeightSensitivity(weight=" + std::to_string(w.weight) + ", [" + std::to_string(w.lower) + ", " +
                   std::to_string(w.upper) + "])";
        });
    py::class_<AlignmentResult, std::shared_ptr<AlignmentResult>> ar(m, "AlignmentResult", "Scores, ranking and sensitivity.");
    ar.def_readonly("candidates", &AlignmentResult::candidates, "Candidate ids.")
        .def_property_readonly("normalised", [](py::object self) {
            const auto& r = self.cast<const AlignmentResult&>();
            py::array a = readonly_view(r.normalised, "float64", self);
            return a.attr("reshape")(static_cast<py::ssize_t>(r.candidates.size()), static_cast<py::ssize_t>(r.drivers.size()));
        }, "candidates x drivers normalised ratings.")
        .def_property_readonly("score", [](py::object self) { return readonly_view(self.cast<const AlignmentResult&>().score, "float64", self); },
                               "Weighted score per candidate.")
        .def_property_readonly("rank", [](py::object self) { return readonly_view(self.cast<const AlignmentResult&>().rank, "uint64", self); },
                               "Rank per candidate (1 = best).")
        .def_property_readonly("order", [](py::object self) { return readonly_view(self.cast<const AlignmentResult&>().order, "uint64", self); },
                               "Candidate indices best first.")
        .def_readonly("drivers", &AlignmentResult::drivers, "Driver ids.")
        .def_readonly("weights", &AlignmentResult::weights, "Normalised weights.")
        .def_readonly("sensitivity", &AlignmentResult::sensitivity, "One per driver.")
        .def("to_dataframe", [](py::object self) {
            const auto& r = self.cast<const AlignmentResult&>();
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            cols["candidate"] = r.candidates;
            cols["score"] = self.attr("score");
            cols["rank"] = self.attr("rank");
            return pd.attr("DataFrame")(cols).attr("set_index")("candidate");
        }, "Score and rank per candidate (pandas DataFrame).")
        .def("sensitivity_dataframe", [](const AlignmentResult& r) {
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            std::vector<double> w, lo, hi;
            for (const auto& s : r.sensitivity) w.push_back(s.weight), lo.push_back(s.lower), hi.push_back(s.upper);
            cols["driver"] = r.drivers;
            cols["weight"] = w;
            cols["lower"] = lo;
            cols["upper"] = hi;
            return pd.attr("DataFrame")(cols).attr("set_index")("driver");
        }, "Per driver: weight and the interval keeping today's ranking (pandas DataFrame).")
        .def("__repr__", [](const AlignmentResult& r) {
            return "AlignmentResult(" + std::to_string(r.candidates.size()) + " candidates, " + std::to_string(r.drivers.size()) + " drivers)";
        })
        .def(py::pickle(
            [](const AlignmentResult& r) {
                py::list sens;
                for (const auto& w : r.sensitivity)
                    sens.append(py::make_tuple(w.weight, w.lower, w.upper, w.lower_swap_first, w.lower_swap_second, w.upper_swap_first,
                                               w.upper_swap_second));
                return py::make_tuple(1, r.candidates, pack(r.normalised), pack(r.score), pack(r.rank), pack(r.order), r.drivers,
                                      pack(r.weights), sens);
            },
            [](const py::tuple& state) {
                const py::tuple t = checked_state(state, "AlignmentResult", 9);
                auto r = std::make_shared<AlignmentResult>();
                r->candidates = t[1].cast<std::vector<std::string>>();
                r->normalised = unpack<double>(t[2]);
                r->score = unpack<double>(t[3]);
                r->rank = unpack<std::size_t>(t[4]);
                r->order = unpack<std::size_t>(t[5]);
                r->drivers = t[6].cast<std::vector<std::string>>();
                r->weights = unpack<double>(t[7]);
                for (const auto& item : t[8].cast<py::list>()) {
                    const auto w = item.cast<py::tuple>();
                    r->sensitivity.push_back({w[0].cast<double>(), w[1].cast<double>(), w[2].cast<double>(), w[3].cast<std::string>(),
                                              w[4].cast<std::string>(), w[5].cast<std::string>(), w[6].cast<std::string>()});
                }
                return r;
            }));
    m.def(
        "score_alignment",
        [](std::vector<std::string> drivers, std::vector<double> weights, std::vector<std::string> candidates,
           std::vector<Rating> ratings, std::vector<DriverScale> driver_scales, RatingScale scale) {
            AlignmentInput in;
            in.drivers = std::move(drivers);
            in.weights = std::move(weights);
            in.candidates = std::move(candidates);
            in.ratings = std::move(ratings);
            in.driver_scales = std::move(driver_scales);
            in.scale = std::move(scale);
            return std::make_shared<AlignmentResult>(score_alignment(in));
        },
        py::arg("drivers"), py::arg("weights"), py::arg("candidates"), py::arg("ratings"), py::kw_only(),
        py::arg("driver_scales") = std::vector<DriverScale>{}, py::arg("scale") = RatingScale{},
        "Scores (sum_d w_d r_pd), ranks and weight sensitivity; `ratings` is row-major candidates x drivers "
        "(Rating objects, level names or numbers).");
    py::implicitly_convertible<std::string, Rating>();
    py::implicitly_convertible<double, Rating>();
    // Implicit conversions need constructors taking one argument.
    rt.def(py::init([](const std::string& level) { Rating r; r.level = level; return r; }), py::arg("level"))
        .def(py::init([](double number) { Rating r; r.number = number; return r; }), py::arg("number"));
}

void bind_strategy(py::module_& m) {
    py::class_<Criterion> c(m, "Criterion", "A node of the strategy hierarchy (objective or driver).");
    def_kwargs_init(c);
    c.def_readwrite("id", &Criterion::id, "Unique id.")
        .def_readwrite("name", &Criterion::name, "Display name.")
        .def_readwrite("parent", &Criterion::parent, "Parent id ('' = under the goal).")
        .def_readwrite("description", &Criterion::description, "Free text.");
    py::class_<Stakeholder> s(m, "Stakeholder", "A judge with a weight in group aggregation.");
    def_kwargs_init(s);
    s.def_readwrite("id", &Stakeholder::id, "Unique id.")
        .def_readwrite("name", &Stakeholder::name, "Display name.")
        .def_readwrite("weight", &Stakeholder::weight, "Relative weight.");
    py::class_<Judgements> j(m, "Judgements", "One stakeholder's pairwise matrix over a parent's children.");
    def_kwargs_init(j);
    j.def_readwrite("stakeholder", &Judgements::stakeholder, "Stakeholder id.")
        .def_readwrite("matrix", &Judgements::matrix, "Pairwise matrix (numpy).");
    py::class_<Comparison> cmp(m, "Comparison", "The comparison of a parent's children.");
    def_kwargs_init(cmp);
    cmp.def_readwrite("parent", &Comparison::parent, "Criterion id, '' for the goal.")
        .def_readwrite("children", &Comparison::children, "Matrix row order.")
        .def_readwrite("judgements", &Comparison::judgements, "One or more matrices.")
        .def_readwrite("direct_weights", &Comparison::direct_weights, "Weights given outright.");
    py::class_<Strategy> st(m, "Strategy", "A strategy as an AHP hierarchy: goal -> objectives -> drivers.");
    def_kwargs_init(st);
    st.def_readwrite("name", &Strategy::name, "Name.")
        .def_readwrite("criteria", &Strategy::criteria, "Objectives and drivers.")
        .def_readwrite("stakeholders", &Strategy::stakeholders, "Judges.")
        .def_readwrite("comparisons", &Strategy::comparisons, "One per parent with two or more children.")
        .def("__repr__", [](const Strategy& x) { return "Strategy(name='" + x.name + "', " + std::to_string(x.criteria.size()) + " criteria)"; });
    py::class_<ComparisonAnalysis>(m, "ComparisonAnalysis", "The analysis of one comparison.")
        .def_readonly("parent", &ComparisonAnalysis::parent, "Criterion id.")
        .def_readonly("children", &ComparisonAnalysis::children, "Children in matrix order.")
        .def_readonly("aggregated", &ComparisonAnalysis::aggregated, "Group matrix.")
        .def_property_readonly("ahp", [](const ComparisonAnalysis& a) { return std::make_shared<AhpResult>(a.ahp); }, "AHP result.")
        .def_readonly("stakeholder_cr", &ComparisonAnalysis::stakeholder_cr, "Each judge's CR.");
    py::class_<StrategyWeights, std::shared_ptr<StrategyWeights>>(m, "StrategyWeights", "Local and global weights of every criterion.")
        .def_readonly("ids", &StrategyWeights::ids, "Criterion ids.")
        .def_readonly("local", &StrategyWeights::local, "Weight among siblings.")
        .def_readonly("global_", &StrategyWeights::global, "Global weight (product along the path).")
        .def_readonly("is_driver", &StrategyWeights::is_driver, "1 for leaves.")
        .def_readonly("depth", &StrategyWeights::depth, "1 for objectives.")
        .def_readonly("comparisons", &StrategyWeights::comparisons, "Analyses, goal first.")
        .def_readonly("all_acceptable", &StrategyWeights::all_acceptable, "Every CR within threshold.")
        .def("driver_ids", &StrategyWeights::driver_ids, "Drivers (leaves).")
        .def("driver_weights", &StrategyWeights::driver_weights, "Drivers' global weights.")
        .def("to_dataframe", [](const StrategyWeights& w) {
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            cols["id"] = w.ids;
            cols["local"] = w.local;
            cols["global"] = w.global;
            cols["is_driver"] = std::vector<bool>(w.is_driver.begin(), w.is_driver.end());
            cols["depth"] = w.depth;
            return pd.attr("DataFrame")(cols).attr("set_index")("id");
        }, "One row per criterion (pandas DataFrame).")
        .def("__repr__", [](const StrategyWeights& w) { return "StrategyWeights(" + std::to_string(w.ids.size()) + " criteria)"; })
        .def(py::pickle(
            [](const StrategyWeights& w) {
                py::list comparisons;
                for (const auto& c : w.comparisons)  // the AHP result pickles itself
                    comparisons.append(py::make_tuple(c.parent, c.children, c.aggregated, std::make_shared<AhpResult>(c.ahp), c.stakeholder_cr));
                return py::make_tuple(1, w.ids, pack(w.local), pack(w.global), pack(w.is_driver), pack(w.depth), comparisons,
                                      w.all_acceptable);
            },
            [](const py::tuple& state) {
                const py::tuple t = checked_state(state, "StrategyWeights", 8);
                auto w = std::make_shared<StrategyWeights>();
                w->ids = t[1].cast<std::vector<std::string>>();
                w->local = unpack<double>(t[2]);
                w->global = unpack<double>(t[3]);
                w->is_driver = unpack<std::uint8_t>(t[4]);
                w->depth = unpack<std::size_t>(t[5]);
                for (const auto& item : t[6].cast<py::list>()) {
                    const auto c = item.cast<py::tuple>();
                    w->comparisons.push_back({c[0].cast<std::string>(), c[1].cast<std::vector<std::string>>(), c[2].cast<PairwiseMatrix>(),
                                              *c[3].cast<std::shared_ptr<AhpResult>>(), c[4].cast<std::vector<double>>()});
                }
                w->all_acceptable = t[7].cast<bool>();
                return w;
            }));
    m.def(
        "evaluate_strategy",
        [](const Strategy& s, double cr_threshold) {
            AhpOptions o;
            o.cr_threshold = cr_threshold;
            return std::make_shared<StrategyWeights>(evaluate_strategy(s, o));
        },
        py::arg("strategy"), py::kw_only(), py::arg("cr_threshold") = 0.10,
        "Validates the hierarchy and computes local and global weights (hierarchic composition, Saaty 1980).");
    m.def("strategy_to_json",
          [](const StrategyWeights& w, const AlignmentResult* a, int indent) { return strategy_to_json(w, a, indent); },
          py::arg("weights"), py::arg("alignment") = nullptr, py::arg("indent") = 2, "JSON text of a strategy evaluation.");
}

}  // namespace

void bind_scoring(py::module_& m) {
    bind_ahp(m);
    bind_alignment(m);
    bind_strategy(m);
}

}  // namespace ppm::python
