// Python bindings for area `governance`: RAG status with roll-up and trend, and the registers the
// portfolio repository keeps beside the risk register (issue log, change log, lessons learned).
#include "common.hpp"

#include "ppm/governance/change_request.hpp"
#include "ppm/governance/control_data.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/governance/issue_log.hpp"
#include "ppm/governance/lessons.hpp"
#include "ppm/governance/quality.hpp"
#include "ppm/governance/pmo_policy.hpp"
#include "ppm/governance/rag.hpp"

namespace ppm::python {

namespace {

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
        .value("GATE", RagCheck::gate)
        .value("QUALITY", RagCheck::quality);
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
    py::class_<QualityThresholds> qt(m, "QualityThresholds",
                                     "Thresholds of the quality check: counts are upper bounds, the two rates (0..1) lower bounds.");
    def_kwargs_init(qt);
    qt.def_readwrite("critical_defects", &QualityThresholds::critical_defects, "Open critical defects (default 0 / 1).")
        .def_readwrite("major_defects", &QualityThresholds::major_defects, "Open major defects (default 2 / 5).")
        .def_readwrite("minor_defects", &QualityThresholds::minor_defects, "Open minor defects (default 10 / 30).")
        .def_readwrite("failed_reviews", &QualityThresholds::failed_reviews, "Failed reviews and audits of the period (default 0 / 1).")
        .def_readwrite("test_pass_rate", &QualityThresholds::test_pass_rate, "Tests passed / run (default 0.95 / 0.85).")
        .def_readwrite("acceptance", &QualityThresholds::acceptance, "Deliverables accepted / submitted (default 0.90 / 0.75).");
    py::class_<RagThresholds> th(m, "RagThresholds", "All RAG thresholds.");
    def_kwargs_init(th);
    th.def_readwrite("spi", &RagThresholds::spi, "SPI.")
        .def_readwrite("cpi", &RagThresholds::cpi, "CPI.")
        .def_readwrite("spi_t", &RagThresholds::spi_t, "SPI(t).")
        .def_readwrite("float_erosion", &RagThresholds::float_erosion, "Share of float consumed.")
        .def_readwrite("high_risks", &RagThresholds::high_risks, "Open high risks.")
        .def_readwrite("overdue_milestones", &RagThresholds::overdue_milestones, "Overdue milestones.")
        .def_readwrite("quality", &RagThresholds::quality, "Quality thresholds.");
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
        .def_readwrite("weight", &ProjectHealth::weight, "Roll-up weight.")
        .def_readwrite("critical_defects", &ProjectHealth::critical_defects, "Open critical defects (NaN = not reported).")
        .def_readwrite("major_defects", &ProjectHealth::major_defects, "Open major defects (NaN = not reported).")
        .def_readwrite("minor_defects", &ProjectHealth::minor_defects, "Open minor defects (NaN = not reported).")
        .def_readwrite("failed_reviews", &ProjectHealth::failed_reviews, "Failed reviews and audits of the period (NaN = not reported).")
        .def_readwrite("test_pass_rate", &ProjectHealth::test_pass_rate, "Tests passed / run, 0..1 (NaN = not reported).")
        .def_readwrite("acceptance_rate", &ProjectHealth::acceptance_rate, "Deliverables accepted / submitted, 0..1 (NaN = not reported).");
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

// Quality measures per project and status period (issue 20; docs/governance.md "Quality").
void bind_quality(py::module_& m) {
    py::enum_<DefectSeverity>(m, "DefectSeverity", "How bad an open defect is (indexes QualityStatus.open_defects).")
        .value("CRITICAL", DefectSeverity::critical)
        .value("MAJOR", DefectSeverity::major)
        .value("MINOR", DefectSeverity::minor);
    py::class_<QualityReview> qr(m, "QualityReview", "A quality review or audit held in a status period.");
    def_kwargs_init(qr);
    qr.def_readwrite("id", &QualityReview::id, "Id.")
        .def_readwrite("date", &QualityReview::date, "Date held.")
        .def_readwrite("kind", &QualityReview::kind, "'review' or 'audit'.")
        .def_readwrite("methodology", &QualityReview::methodology, "Id of the methodology it checks against ('' = none).")
        .def_readwrite("phase", &QualityReview::phase, "Lifecycle phase reviewed ('' = none).")
        .def_readwrite("passed", &QualityReview::passed, "Passed (default True).")
        .def_readwrite("findings", &QualityReview::findings, "Findings or non-conformities (>= 0).")
        .def("__repr__", [](const QualityReview& x) {
            return "QualityReview(id=" + py::repr(py::str(x.id)).cast<std::string>() + ", " + x.kind + ", " +
                   (x.passed ? "passed" : "failed") + ")";
        });
    py::class_<QualityStatus> qs(m, "QualityStatus", "The quality measures of one project at one status date (None = not reported).");
    def_kwargs_init(qs);
    qs.def_readwrite("project", &QualityStatus::project, "Project id.")
        .def_readwrite("date", &QualityStatus::date, "Status date.")
        .def_readwrite("open_defects", &QualityStatus::open_defects, "Open defects [critical, major, minor] (DefectSeverity order).")
        .def_readwrite("reviews", &QualityStatus::reviews, "Reviews and audits held in the period.")
        .def_readwrite("tests_run", &QualityStatus::tests_run, "Tests run or None.")
        .def_readwrite("tests_passed", &QualityStatus::tests_passed, "Tests passed or None.")
        .def_readwrite("deliverables_submitted", &QualityStatus::deliverables_submitted, "Deliverables submitted for acceptance or None.")
        .def_readwrite("deliverables_accepted", &QualityStatus::deliverables_accepted, "Deliverables accepted or None.")
        .def("__repr__", [](const QualityStatus& x) {
            return "QualityStatus(project='" + x.project.str() + "', date=" + to_string(x.date) + ")";
        });
    m.def("failed_reviews", &failed_reviews, py::arg("quality"), "Reviews and audits of the period that did not pass.");
    m.def("test_pass_rate", &test_pass_rate, py::arg("quality"), "Tests passed / run; NaN when not reported or none run.");
    m.def("acceptance_rate", &acceptance_rate, py::arg("quality"),
          "Deliverables accepted / submitted; NaN when not reported or none submitted.");
    m.def("check_quality_status", &check_quality_status, py::arg("quality"),
          "Raises ModelError for negative counts, an unknown review kind, more passed than run or accepted than submitted.");
    m.def("latest_quality",
          [](const std::vector<QualityStatus>& records, const ProjectId& project, Instant status_date) -> std::optional<QualityStatus> {
              const QualityStatus* q = latest_quality(records, project, status_date);
              return q == nullptr ? std::nullopt : std::optional<QualityStatus>(*q);
          },
          py::arg("records"), py::arg("project"), py::arg("status_date"),
          "The project's latest record dated at or before the status date (a copy), or None.");
}

void bind_control_data(py::module_& m) {
    py::enum_<PmoType>(m, "PmoType", "The PMO's kind (PMBOK Guide 6th ed. 2.4.4.3): which RAG profile applies.")
        .value("SUPPORTIVE", PmoType::supportive)
        .value("CONTROLLING", PmoType::controlling)
        .value("DIRECTIVE", PmoType::directive);
    m.def("policy_profile", &policy_profile, py::arg("pmo"), "The RAG policy of a PMO profile (docs/governance.md).");
    py::class_<ProjectFacts> pf(m, "ProjectFacts", "Facts about a project the model cannot derive (governance.projects).");
    def_kwargs_init(pf);
    pf.def_readwrite("project", &ProjectFacts::project, "Project id.")
        .def_readwrite("float_erosion", &ProjectFacts::float_erosion, "Share of baseline float consumed (0..1) or None.")
        .def_readwrite("gate_approved", &ProjectFacts::gate_approved, "Gate into the current phase approved, or None.")
        .def_readwrite("executing", &ProjectFacts::executing, "In execution, or None.")
        .def_readwrite("weight", &ProjectFacts::weight, "Roll-up weight override, or None.");
    py::class_<GovernanceSpec> gs(m, "GovernanceSpec", "The governance section (methodologies and gate reviews are not bound).");
    def_kwargs_init(gs);
    gs.def_readwrite("pmo", &GovernanceSpec::pmo, "PMO profile.")
        .def_readwrite("thresholds", &GovernanceSpec::thresholds, "Threshold overrides or None.")
        .def_readwrite("weight", &GovernanceSpec::weight, "'bac' or 'equal'.")
        .def_readwrite("eac_method", &GovernanceSpec::eac_method, "EAC reported as the EAC.")
        .def_readwrite("projects", &GovernanceSpec::projects, "Project facts.")
        .def_readwrite("policy", &GovernanceSpec::policy, "A complete custom policy or None.")
        .def_readwrite("change_requests", &GovernanceSpec::change_requests, "Change requests.")
        .def_readwrite("issues", &GovernanceSpec::issues, "The issue log.")
        .def_readwrite("lessons", &GovernanceSpec::lessons, "Lessons learned.")
        .def_readwrite("quality", &GovernanceSpec::quality, "Quality records per project and status date.");
    m.def("governance_policy", &governance_policy, py::arg("governance"),
          "The RAG policy a governance section asks for: its policy, else the pmo profile with the threshold overrides.");
    py::class_<ControlData> cd(m, "ControlData", "The control sections of a model file.");
    def_kwargs_init(cd);
    cd.def_readwrite("risks", &ControlData::risks, "Risk register.")
        .def_readwrite("matrix", &ControlData::matrix, "Probability-impact matrix.")
        .def_readwrite("escalation", &ControlData::escalation, "Escalation rule.")
        .def_readwrite("baselines", &ControlData::baselines, "Baseline sets per project.")
        .def_readwrite("status", &ControlData::status, "Status periods.")
        .def_readwrite("uncertainty", &ControlData::uncertainty, "Uncertainty spec.")
        .def_readwrite("governance", &ControlData::governance, "The governance section.")
        .def_readwrite("sections", &ControlData::sections, "The control sections the document has.")
        .def("has_section", &ControlData::has_section, py::arg("name"), "Does the document have section `name`?")
        .def("__repr__", [](const ControlData& c) {
            return "ControlData(" + std::to_string(c.risks.size()) + " risks, " + std::to_string(c.baselines.size()) + " baseline sets)";
        });
}

}  // namespace

void bind_governance(py::module_& m) {
    bind_registers(m);
    bind_quality(m);
    bind_rag(m);
    bind_control_data(m);
}

}  // namespace ppm::python
