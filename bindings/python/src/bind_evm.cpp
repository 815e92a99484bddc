// Python bindings for area `evm`: baselines (linear spread), earned value (PMI Practice Standard
// for EVM, 2nd ed.), earned schedule (Lipke 2003), RAG status with roll-up and trend, and the
// control sections of a model file (risks, baselines, status, uncertainty, governance).
#include "common.hpp"
#include "arrays.hpp"

#include <memory>

#include "ppm/evm/baseline.hpp"
#include "ppm/evm/capture.hpp"
#include "ppm/evm/change_request.hpp"
#include "ppm/evm/control_file.hpp"
#include "ppm/evm/earned_schedule.hpp"
#include "ppm/evm/earned_value.hpp"
#include "ppm/evm/issue_log.hpp"
#include "ppm/evm/lessons.hpp"
#include "ppm/evm/rag.hpp"
#include "ppm/evm/status_period.hpp"

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
    py::class_<StatusPeriod> sp(m, "StatusPeriod", "Progress of one project's tasks at a data date.");
    def_kwargs_init(sp);
    sp.def_readwrite("project", &StatusPeriod::project, "Project id.")
        .def_readwrite("date", &StatusPeriod::date, "Data date.")
        .def_readwrite("task", &StatusPeriod::task, "Task ids.")
        .def_readwrite("percent_complete", &StatusPeriod::percent_complete, "0..100 per task.")
        .def_readwrite("actual_cost", &StatusPeriod::actual_cost, "Cumulative actual cost per task.");
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
        });
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

void bind_rag(py::module_& m) {
    py::enum_<Rag>(m, "Rag", "A status colour.")
        .value("GREEN", Rag::green)
        .value("AMBER", Rag::amber)
        .value("RED", Rag::red)
        .value("NONE", Rag::none);
    py::enum_<RagCheck>(m, "RagCheck", "The RAG checks.")
        .value("SPI", RagCheck::spi)
        .value("CPI", RagCheck::cpi)
        .value("SPI_T", RagCheck::spi_t)
        .value("FLOAT_EROSION", RagCheck::float_erosion)
        .value("HIGH_RISKS", RagCheck::high_risks)
        .value("OVERDUE_MILESTONES", RagCheck::overdue_milestones)
        .value("BASELINE", RagCheck::baseline)
        .value("GATE", RagCheck::gate);
    py::enum_<Trend>(m, "Trend", "Direction of a series of scores.")
        .value("IMPROVING", Trend::improving)
        .value("STABLE", Trend::stable)
        .value("WORSENING", Trend::worsening);
    py::class_<IndexThreshold> it(m, "IndexThreshold", ">= green -> green, >= amber -> amber, else red.");
    def_kwargs_init(it);
    it.def_readwrite("green", &IndexThreshold::green, "Lower bound of green.").def_readwrite("amber", &IndexThreshold::amber, "Lower bound of amber.");
    py::class_<CountThreshold> ct(m, "CountThreshold", "<= green -> green, <= amber -> amber, else red.");
    def_kwargs_init(ct);
    ct.def_readwrite("green", &CountThreshold::green, "Upper bound of green.").def_readwrite("amber", &CountThreshold::amber, "Upper bound of amber.");
    py::class_<RagThresholds> th(m, "RagThresholds", "All RAG thresholds.");
    def_kwargs_init(th);
    th.def_readwrite("spi", &RagThresholds::spi, "SPI.")
        .def_readwrite("cpi", &RagThresholds::cpi, "CPI.")
        .def_readwrite("spi_t", &RagThresholds::spi_t, "SPI(t).")
        .def_readwrite("float_erosion", &RagThresholds::float_erosion, "Share of float consumed.")
        .def_readwrite("high_risks", &RagThresholds::high_risks, "Open high risks.")
        .def_readwrite("overdue_milestones", &RagThresholds::overdue_milestones, "Overdue milestones.");
    py::class_<ProjectHealth> ph(m, "ProjectHealth", "The facts about one project at a status date (NaN/None = unknown).");
    def_kwargs_init(ph);
    ph.def_readwrite("project", &ProjectHealth::project, "Project id.")
        .def_readwrite("program", &ProjectHealth::program, "Program id or None.")
        .def_readwrite("spi", &ProjectHealth::spi, "SPI.")
        .def_readwrite("cpi", &ProjectHealth::cpi, "CPI.")
        .def_readwrite("spi_t", &ProjectHealth::spi_t, "SPI(t).")
        .def_readwrite("float_erosion", &ProjectHealth::float_erosion, "1 - current / baseline float.")
        .def_readwrite("open_high_risks", &ProjectHealth::open_high_risks, "Open high risks or None.")
        .def_readwrite("overdue_milestones", &ProjectHealth::overdue_milestones, "Overdue milestones or None.")
        .def_readwrite("has_baseline", &ProjectHealth::has_baseline, "Has a baseline.")
        .def_readwrite("gate_approved", &ProjectHealth::gate_approved, "Gate into the current phase approved.")
        .def_readwrite("executing", &ProjectHealth::executing, "In execution.")
        .def_readwrite("weight", &ProjectHealth::weight, "Roll-up weight.");
    py::class_<RagPolicy> pol(m, "RagPolicy", "Which checks apply and what escalates.");
    def_kwargs_init(pol);
    pol.def_readwrite("name", &RagPolicy::name, "Policy name.")
        .def_readwrite("thresholds", &RagPolicy::thresholds, "Thresholds.")
        .def_readwrite("enabled", &RagPolicy::enabled, "Enabled checks, RagCheck order.")
        .def_readwrite("escalate_from", &RagPolicy::escalate_from, "Colour from which a project escalates.")
        .def_readwrite("amber_from", &RagPolicy::amber_from, "Roll-up score for amber.")
        .def_readwrite("red_from", &RagPolicy::red_from, "Roll-up score for red.");
    py::class_<RagResult>(m, "RagResult", "A project's assessment.")
        .def_readonly("overall", &RagResult::overall, "Worst colour of the checks.")
        .def_readonly("check", &RagResult::check, "Colour per check.")
        .def_readonly("reasons", &RagResult::reasons, "One line per amber/red check.")
        .def_readonly("escalate", &RagResult::escalate, "Escalates.")
        .def("__repr__", [](const RagResult& r) { return "RagResult(" + std::string(to_string(r.overall)) + ")"; });
    m.def("assess", &assess, py::arg("health"), py::arg("policy") = RagPolicy{}, "Assesses one project.");
    py::class_<RagRollupRow>(m, "RagRollupRow", "A roll-up row (project, program or portfolio).")
        .def_readonly("kind", &RagRollupRow::kind, "'project', 'program' or 'portfolio'.")
        .def_readonly("id", &RagRollupRow::id, "Id.")
        .def_readonly("rag", &RagRollupRow::rag, "Colour.")
        .def_readonly("score", &RagRollupRow::score, "Weighted mean colour score.")
        .def_readonly("weight", &RagRollupRow::weight, "Weight.")
        .def_readonly("red", &RagRollupRow::red, "Red projects below.")
        .def_readonly("amber", &RagRollupRow::amber, "Amber projects below.")
        .def_readonly("green", &RagRollupRow::green, "Green projects below.")
        .def_readonly("escalate", &RagRollupRow::escalate, "Escalates.")
        .def("__repr__", [](const RagRollupRow& r) { return "RagRollupRow(" + r.kind + " '" + r.id + "': " + std::string(to_string(r.rag)) + ")"; });
    m.def("rag_rollup",
          [](const std::vector<ProjectHealth>& p, const RagPolicy& pol0, const std::vector<std::pair<ProgramId, ProgramId>>& parents) {
              return rag_rollup(p, pol0, parents);
          },
          py::arg("projects"), py::arg("policy") = RagPolicy{}, py::arg("program_parent") = std::vector<std::pair<ProgramId, ProgramId>>{},
          "Assesses every project and rolls up to programs and the portfolio.");
    m.def("rag_rollup_dataframe",
          [](const std::vector<ProjectHealth>& p, const RagPolicy& pol0) {
              const auto rows = rag_rollup(p, pol0);
              py::module_ pd = py::module_::import("pandas");
              py::dict cols;
              std::vector<std::string> kind, id, rag;
              std::vector<double> score;
              for (const auto& r : rows) kind.push_back(r.kind), id.push_back(r.id), rag.emplace_back(to_string(r.rag)), score.push_back(r.score);
              cols["kind"] = kind;
              cols["id"] = id;
              cols["rag"] = rag;
              cols["score"] = score;
              return pd.attr("DataFrame")(cols);
          },
          py::arg("projects"), py::arg("policy") = RagPolicy{}, "rag_rollup as a pandas DataFrame.");
    m.def("trend", [](const std::vector<double>& s, std::size_t w, double tol) { return trend(s, w, tol); }, py::arg("scores"),
          py::arg("window") = 3, py::arg("tolerance") = 0.1, "Direction of a series of colour scores.");
    m.def("rag_score", &rag_score, py::arg("rag"), "Green 0, amber 1, red 2 (none NaN).");
}

void bind_control(py::module_& m) {
    py::class_<ControlData> cd(m, "ControlData", "The control sections of a model file.");
    def_kwargs_init(cd);
    cd.def_readwrite("risks", &ControlData::risks, "Risk register.")
        .def_readwrite("matrix", &ControlData::matrix, "Probability-impact matrix.")
        .def_readwrite("escalation", &ControlData::escalation, "Escalation rule.")
        .def_readwrite("baselines", &ControlData::baselines, "Baseline sets per project.")
        .def_readwrite("status", &ControlData::status, "Status periods.")
        .def_readwrite("uncertainty", &ControlData::uncertainty, "Uncertainty spec.")
        .def("__repr__", [](const ControlData& c) {
            return "ControlData(" + std::to_string(c.risks.size()) + " risks, " + std::to_string(c.baselines.size()) + " baseline sets)";
        });
    m.def("read_control_sections", [](const std::string& text, const std::string& source) { return read_control_sections(text, source); },
          py::arg("text"), py::arg("source_name") = "<input>", "Reads the risks, baselines, status, uncertainty and governance sections.");
    m.def("write_control_sections", [](const ControlData& c) {
              std::map<std::string, std::string> out;
              for (const auto& [k, v] : write_control_sections(c)) out[k] = v;
              return out;
          },
          py::arg("data"), "The sections as JSON texts (name -> value).");
    m.def("parse_duration_text", &parse_duration_text, py::arg("text"), py::arg("where") = "duration",
          "Integer minutes or '<number><m|h|d|w>' (d = 480, w = 2400).");
}

// Issue log, change log and lessons learned (PMBOK Guide 6th ed. 4.3.3.3, 4.6, 4.4.3.1): the registers
// the portfolio repository stores beside the risk register.
void bind_registers(py::module_& m) {
    py::enum_<IssueStatus>(m, "IssueStatus", "Where an issue stands.")
        .value("OPEN", IssueStatus::open)
        .value("IN_PROGRESS", IssueStatus::in_progress)
        .value("RESOLVED", IssueStatus::resolved)
        .value("CLOSED", IssueStatus::closed);
    py::enum_<IssuePriority>(m, "IssuePriority", "How urgent an issue is.")
        .value("LOW", IssuePriority::low)
        .value("MEDIUM", IssuePriority::medium)
        .value("HIGH", IssuePriority::high)
        .value("CRITICAL", IssuePriority::critical);
    py::class_<Issue> is(m, "Issue", "An issue-log entry: a problem that has happened (may come from a risk that occurred).");
    def_kwargs_init(is);
    is.def_readwrite("id", &Issue::id, "Unique id.")
        .def_readwrite("project", &Issue::project, "Project id or None.")
        .def_readwrite("title", &Issue::title, "Short title.")
        .def_readwrite("description", &Issue::description, "What happened.")
        .def_readwrite("owner", &Issue::owner, "Who resolves it.")
        .def_readwrite("priority", &Issue::priority, "IssuePriority (default MEDIUM).")
        .def_readwrite("status", &Issue::status, "IssueStatus (default OPEN).")
        .def_readwrite("raised", &Issue::raised, "Date raised or None.")
        .def_readwrite("due", &Issue::due, "Due date or None.")
        .def_readwrite("resolved", &Issue::resolved, "Date resolved or None.")
        .def_readwrite("resolution", &Issue::resolution, "How it was resolved.")
        .def_readwrite("from_risk", &Issue::from_risk, "Id of the risk that occurred ('' = none).")
        .def("__repr__", [](const Issue& x) {
            return "Issue(id=" + py::repr(py::str(x.id)).cast<std::string>() + ", title=" + py::repr(py::str(x.title)).cast<std::string>() +
                   ", " + std::string(to_string(x.priority)) + ", " + std::string(to_string(x.status)) + ")";
        });
    m.def("open_issues",
          [](const std::vector<Issue>& issues, std::optional<ProjectId> project, IssuePriority at_least) { return open_issues(issues, project, at_least); },
          py::arg("issues"), py::kw_only(), py::arg("project") = py::none(), py::arg("at_least") = IssuePriority::low,
          "Positions of the open or in-progress issues (optionally of one project, at or above a priority), most urgent first.");
    m.def("overdue_issues", [](const std::vector<Issue>& issues, Date today) { return overdue_issues(issues, today); }, py::arg("issues"),
          py::arg("today"), "Positions of the open issues due before `today`.");

    py::enum_<ChangeStatus>(m, "ChangeStatus", "Where a change request stands.")
        .value("SUBMITTED", ChangeStatus::submitted)
        .value("APPROVED", ChangeStatus::approved)
        .value("REJECTED", ChangeStatus::rejected)
        .value("WITHDRAWN", ChangeStatus::withdrawn);
    py::class_<ChangeRequest> cr(m, "ChangeRequest", "A change-log entry (integrated change control).");
    def_kwargs_init(cr);
    cr.def_readwrite("id", &ChangeRequest::id, "Unique id.")
        .def_readwrite("project", &ChangeRequest::project, "Project id.")
        .def_readwrite("title", &ChangeRequest::title, "Short title.")
        .def_readwrite("description", &ChangeRequest::description, "What changes and why.")
        .def_readwrite("requested_by", &ChangeRequest::requested_by, "Requester.")
        .def_readwrite("submitted", &ChangeRequest::submitted, "Date submitted or None.")
        .def_readwrite("status", &ChangeRequest::status, "ChangeStatus (default SUBMITTED).")
        .def_readwrite("cost_delta", &ChangeRequest::cost_delta, "Budget change (major units, may be negative).")
        .def_readwrite("schedule_delta", &ChangeRequest::schedule_delta, "Extension of the affected tasks (elapsed minutes, may be negative).")
        .def_readwrite("affected_tasks", &ChangeRequest::affected_tasks, "Task ids.")
        .def_readwrite("decided", &ChangeRequest::decided, "Decision date or None.")
        .def_readwrite("decided_by", &ChangeRequest::decided_by, "Who decided.")
        .def("__repr__", [](const ChangeRequest& x) {
            return "ChangeRequest(id=" + py::repr(py::str(x.id)).cast<std::string>() + ", project='" + x.project.str() + "', " +
                   std::string(to_string(x.status)) + ")";
        });
    m.def("apply_change", &apply_change, py::arg("current"), py::arg("change"), py::arg("new_name"),
          "The current baseline revised by the change (cost split over the affected tasks, finishes and later starts moved).");
    m.def("approve_change", &approve_change, py::arg("change"), py::arg("baselines"), py::arg("revised"), py::arg("when"), py::arg("by"),
          "Approves a submitted change in place: records the decision and makes `revised` the current baseline of `baselines`.");
    m.def("reject_change", &reject_change, py::arg("change"), py::arg("when"), py::arg("by"), "Rejects a submitted change in place.");

    py::class_<Lesson> ls(m, "Lesson", "A lessons-learned entry.");
    def_kwargs_init(ls);
    ls.def_readwrite("id", &Lesson::id, "Unique id.")
        .def_readwrite("project", &Lesson::project, "Project id or None.")
        .def_readwrite("phase", &Lesson::phase, "Life-cycle phase.")
        .def_readwrite("tags", &Lesson::tags, "Tags.")
        .def_readwrite("title", &Lesson::title, "Short title.")
        .def_readwrite("text", &Lesson::text, "The lesson.")
        .def_readwrite("recorded", &Lesson::recorded, "Date recorded or None.")
        .def("__repr__", [](const Lesson& x) {
            return "Lesson(id=" + py::repr(py::str(x.id)).cast<std::string>() + ", title=" + py::repr(py::str(x.title)).cast<std::string>() + ")";
        });
    m.def("search_lessons",
          [](const std::vector<Lesson>& lessons, std::vector<std::string> tags, std::string text, std::optional<ProjectId> project, std::string phase) {
              return search_lessons(lessons, LessonQuery{std::move(tags), std::move(text), std::move(project), std::move(phase)});
          },
          py::arg("lessons"), py::kw_only(), py::arg("tags") = std::vector<std::string>{}, py::arg("text") = "", py::arg("project") = py::none(),
          py::arg("phase") = "",
          "Positions of the matching lessons in memory, best first: every tag among the lesson's (case-insensitive), every "
          "word in title or text (substring). Repository.search_lessons is the FTS5 search of a stored register.");
}

}  // namespace

void bind_evm(py::module_& m) {
    bind_registers(m);
    bind_baselines(m);
    bind_metrics(m);
    bind_rag(m);
    bind_control(m);
}

}  // namespace ppm::python
