// Methodology templates, stage gates, change requests, issue log, lessons learned, PMO figures.
#include <catch2/catch.hpp>

#include <cmath>

#include "ppm/core/error.hpp"
#include "ppm/governance/change_request.hpp"
#include "ppm/governance/issue_log.hpp"
#include "ppm/governance/lessons.hpp"
#include "ppm/governance/methodology.hpp"
#include "ppm/governance/pmo_performance.hpp"
#include "ppm/governance/stage_gate.hpp"

using namespace ppm;

TEST_CASE("governance: a WBS template instantiates a project in one call") {
    const auto m = standard_methodology();
    const auto p = instantiate_project(m, ProjectId{"P7"}, "CRM upgrade", Instant::from_ymd_hm(2026, 4, 6, 8), ProgramId{"IT"});
    CHECK(p.tasks.size() == m.wbs.size());
    CHECK(p.program == ProgramId{"IT"});
    // Outline order: every parent precedes its children; ids are prefixed; links and phases carried.
    for (std::size_t i = 0; i < p.tasks.size(); ++i)
        if (p.tasks[i].parent) {
            bool before = false;
            for (std::size_t j = 0; j < i; ++j) before = before || p.tasks[j].id == *p.tasks[i].parent;
            CHECK(before);
        }
    const auto it = std::find_if(p.tasks.begin(), p.tasks.end(), [](const Task& t) { return t.id == TaskId{"P7.3.1"}; });
    REQUIRE(it != p.tasks.end());
    CHECK(it->duration == Duration{30 * 480});
    REQUIRE(it->predecessors.size() == 1);
    CHECK(it->predecessors[0].predecessor == TaskId{"P7.2.3"});
    CHECK(std::get<std::string>(it->custom.at("phase")) == "execute");

    auto bad = m;
    bad.wbs.push_back(bad.wbs.front());
    CHECK_THROWS_AS(instantiate_project(bad, ProjectId{"X"}, "", Instant{}), ModelError);
    bad = m;
    bad.wbs[2].predecessors = {"9.9"};
    CHECK_THROWS_AS(check_methodology(bad), ModelError);
}

TEST_CASE("governance: stage gate checklist, recommendation and entry into a phase") {
    const auto m = standard_methodology();
    GateReview g1{.project = ProjectId{"P"}, .phase = "initiate", .date = Date::from_ymd(2026, 1, 10),
                  .results = {{"G1.1", true, ""}, {"G1.3", false, "later"}}, .decision = GateDecision::pending, .decided_by = ""};
    auto c = evaluate_gate(m.phases[0], g1);
    CHECK(c.total == 3);
    CHECK(c.met == 1);
    CHECK(c.mandatory_unmet == 1);  // G1.2 unanswered, mandatory
    CHECK(c.recommended == GateDecision::hold);
    g1.results.push_back({"G1.2", true, ""});
    c = evaluate_gate(m.phases[0], g1);
    CHECK(c.recommended == GateDecision::approve);  // G1.3 is optional
    CHECK(c.unmet == std::vector<std::string>{"G1.3"});

    std::vector<GateReview> reviews{g1};
    CHECK(may_enter_phase(m, reviews, ProjectId{"P"}, "initiate"));
    CHECK_FALSE(may_enter_phase(m, reviews, ProjectId{"P"}, "plan"));  // still pending
    reviews[0].decision = GateDecision::approve;
    CHECK(may_enter_phase(m, reviews, ProjectId{"P"}, "plan"));
    reviews.push_back(g1);
    reviews[1].date = Date::from_ymd(2026, 2, 1);
    reviews[1].decision = GateDecision::kill;  // a later review overrides
    CHECK_FALSE(may_enter_phase(m, reviews, ProjectId{"P"}, "plan"));
    g1.results.push_back({"G9", true, ""});
    CHECK_THROWS_AS(evaluate_gate(m.phases[0], g1), ModelError);
}

TEST_CASE("governance: an approved change request re-baselines the project") {
    constexpr std::int64_t day = 1440;
    BaselineSet set;
    set.set_current(make_baseline("Baseline", ProjectId{"P"}, Instant{0}, {TaskId{"A"}, TaskId{"B"}, TaskId{"C"}},
                                  {Instant{0}, Instant{10 * day}, Instant{0}}, {Instant{10 * day}, Instant{20 * day}, Instant{5 * day}},
                                  {Money{1000}, Money{2000}, Money{300}}));
    ChangeRequest cr{.id = "CR-1", .project = ProjectId{"P"}, .title = "extra scope", .description = "", .requested_by = "sponsor",
                     .submitted = Date::from_ymd(2026, 1, 5), .status = ChangeStatus::submitted, .cost_delta = Money{501},
                     .schedule_delta = Duration{2 * day}, .affected_tasks = {TaskId{"A"}}, .decided = {}, .decided_by = ""};
    const auto revised = apply_change(*set.active(), cr, "CR-1");
    CHECK(revised.cost[0] == Money{1501});
    CHECK(revised.finish[0] == Instant{12 * day});
    CHECK(revised.start[1] == Instant{12 * day});  // B followed A: shifted
    CHECK(revised.start[2] == Instant{0});         // C ran in parallel: untouched
    approve_change(cr, set, revised, Date::from_ymd(2026, 1, 9), "board");
    CHECK(cr.status == ChangeStatus::approved);
    CHECK(set.baselines.size() == 2);
    CHECK(set.active()->name == "CR-1");
    CHECK(budget_at_completion(*set.active()) == Money{3801});
    CHECK(set.baselines[0].cost[0] == Money{1000});  // the original baseline is kept
    CHECK_THROWS_AS(approve_change(cr, set, revised, Date::from_ymd(2026, 1, 9), "board"), ModelError);
    ChangeRequest other = cr;
    other.status = ChangeStatus::submitted;
    reject_change(other, Date::from_ymd(2026, 1, 9), "board");
    CHECK(other.status == ChangeStatus::rejected);
    other.affected_tasks = {TaskId{"Z"}};
    CHECK_THROWS_AS(apply_change(*set.active(), other, "x"), ModelError);
}

TEST_CASE("governance: issue log orders open issues by urgency and finds overdue ones") {
    std::vector<Issue> log(4);
    log[0] = {.id = "I1", .project = ProjectId{"P"}, .title = "", .description = "", .owner = "", .priority = IssuePriority::medium,
              .status = IssueStatus::open, .raised = {}, .due = Date::from_ymd(2026, 3, 1), .resolved = {}, .resolution = "", .from_risk = ""};
    log[1] = log[0];
    log[1].id = "I2";
    log[1].priority = IssuePriority::critical;
    log[2] = log[0];
    log[2].id = "I3";
    log[2].status = IssueStatus::closed;
    log[3] = log[0];
    log[3].id = "I4";
    log[3].due = Date::from_ymd(2026, 2, 1);
    CHECK(open_issues(log) == std::vector<std::size_t>{1, 3, 0});
    CHECK(open_issues(log, ProjectId{"P"}, IssuePriority::high) == std::vector<std::size_t>{1});
    CHECK(overdue_issues(log, Date::from_ymd(2026, 2, 15)) == std::vector<std::size_t>{3});
}

TEST_CASE("governance: lessons learned are searchable by tag and text") {
    std::vector<Lesson> lessons(3);
    lessons[0] = {.id = "L1", .project = ProjectId{"A"}, .phase = "execute", .tags = {"Supplier", "contract"},
                  .title = "Late supplier deliveries", .text = "Supplier was late twice; add penalty clauses.", .recorded = Date::from_ymd(2025, 5, 1)};
    lessons[1] = {.id = "L2", .project = ProjectId{"B"}, .phase = "plan", .tags = {"estimating"}, .title = "Estimate testing",
                  .text = "Testing took twice the estimate.", .recorded = Date::from_ymd(2025, 6, 1)};
    lessons[2] = {.id = "L3", .project = ProjectId{"B"}, .phase = "execute", .tags = {"supplier"}, .title = "Supplier onboarding",
                  .text = "Onboard suppliers early.", .recorded = Date::from_ymd(2025, 7, 1)};
    CHECK(search_lessons(lessons, {.tags = {"supplier"}, .text = "", .project = {}, .phase = ""}) == std::vector<std::size_t>{2, 0});
    // "supplier" occurs twice in L1 and in L3 ("suppliers" counts): tie -> newest (L3) first.
    CHECK(search_lessons(lessons, {.tags = {}, .text = "supplier", .project = {}, .phase = ""}) == std::vector<std::size_t>{2, 0});
    CHECK(search_lessons(lessons, {.tags = {}, .text = "supplier late", .project = {}, .phase = ""}) == std::vector<std::size_t>{0});
    CHECK(search_lessons(lessons, {.tags = {}, .text = "twice estimate", .project = {}, .phase = ""}) == std::vector<std::size_t>{1});
    CHECK(search_lessons(lessons, {.tags = {"SUPPLIER", "contract"}, .text = "", .project = {}, .phase = ""}) == std::vector<std::size_t>{0});
    CHECK(search_lessons(lessons, {.tags = {}, .text = "", .project = ProjectId{"B"}, .phase = "execute"}) == std::vector<std::size_t>{2});
}

TEST_CASE("governance: PMO performance by program and overall") {
    auto outcome = [](const char* id, const char* prog, int late_days, std::int64_t cost, std::int64_t benefit) {
        ProjectOutcome o;
        o.project = ProjectId{id};
        if (prog != nullptr) o.program = ProgramId{prog};
        o.finished = true;
        o.planned_start = Date::from_ymd(2026, 1, 1);
        o.planned_finish = o.planned_start + 100;
        o.finish = o.planned_finish + late_days;
        o.budget = Money{1000};
        o.cost = Money{cost};
        o.benefits_planned = Money{500};
        o.benefits_realised = Money{benefit};
        return o;
    };
    const std::vector<ProjectOutcome> os{outcome("A", "X", 0, 900, 500), outcome("B", "X", 20, 1200, 250), outcome("C", nullptr, 10, 1000, 0)};
    const auto all = pmo_performance(os, PmoGrouping::all);
    REQUIRE(all.size() == 1);
    CHECK(all[0].share_on_time == Approx(1.0 / 3));
    CHECK(all[0].share_on_budget == Approx(2.0 / 3));
    CHECK(all[0].mean_schedule_variance == Approx((0.0 + 0.2 + 0.1) / 3));
    CHECK(all[0].mean_cost_variance == Approx((-0.1 + 0.2 + 0.0) / 3));
    CHECK(all[0].benefits_realisation == Approx(750.0 / 1500));
    const auto by = pmo_performance(os, PmoGrouping::program, {.days_late = 10, .budget_overrun = 0.0});
    REQUIRE(by.size() == 2);  // "" and "X"
    CHECK(by[0].group.empty());
    CHECK(by[0].share_on_time == 1.0);  // 10 days late within tolerance
    CHECK(by[1].group == "X");
    CHECK(by[1].share_on_time == 0.5);
}
