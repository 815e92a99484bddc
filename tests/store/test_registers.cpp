// Registers kept per portfolio: risk register, issue log, change log, lessons learned with FTS5
// search (PMBOK Guide 6th ed. 11.2.3.1, 4.3.3.3, 4.6.3.3, 4.4.3.1).
#include <catch2/catch.hpp>

#include <algorithm>

#include "ppm/core/error.hpp"
#include "ppm/store/repository.hpp"
#include "store_fixtures.hpp"

using namespace ppm;
using ppm::Repository;

namespace {

bool same_risk(const Risk& a, const Risk& b) {
    const auto same_assessment = [](const RiskAssessment& x, const RiskAssessment& y) {
        return x.probability == y.probability && x.impact.cost == y.impact.cost && x.impact.schedule == y.impact.schedule &&
               x.impact.quality == y.impact.quality && x.impact.scope == y.impact.scope;
    };
    bool same = a.id == b.id && a.title == b.title && a.cause == b.cause && a.event == b.event && a.effect == b.effect &&
                a.category == b.category && a.project == b.project && a.program == b.program && a.owner == b.owner &&
                a.opportunity == b.opportunity && same_assessment(a.pre, b.pre) && a.post.has_value() == b.post.has_value() &&
                a.strategy == b.strategy && a.status == b.status && a.linked_tasks == b.linked_tasks && a.raised == b.raised &&
                a.review_due == b.review_due && a.actions.size() == b.actions.size();
    if (same && a.post) same = same_assessment(*a.post, *b.post);
    for (std::size_t k = 0; same && k < a.actions.size(); ++k)
        same = a.actions[k].description == b.actions[k].description && a.actions[k].owner == b.actions[k].owner &&
               a.actions[k].due == b.actions[k].due && a.actions[k].done == b.actions[k].done && a.actions[k].cost == b.actions[k].cost;
    return same;
}

std::vector<Risk> sample_risks() {
    Risk r1{.id = "R1", .title = "Supplier late", .cause = "single source", .event = "delivery slips", .effect = "install waits",
            .category = "supplier", .project = ProjectId{"P1"}, .owner = "Ana",
            .pre = {.probability = 0.4, .impact = {.cost = Money{1500000}, .schedule = Duration{4800}, .quality = 1, .scope = 0}},
            .post = RiskAssessment{.probability = 0.1, .impact = {.cost = Money{500000}, .schedule = Duration{960}}},
            .strategy = ResponseStrategy::mitigate,
            .actions = {RiskAction{.description = "second source", .owner = "Bo", .due = Date::from_ymd(2026, 2, 1), .cost = Money{20000}},
                        RiskAction{.description = "buffer stock", .owner = "Cy", .done = true}},
            .status = RiskStatus::mitigating,
            .linked_tasks = {TaskId{"P1.T2"}, TaskId{"P1.T3"}},
            .raised = Date::from_ymd(2026, 1, 10)};
    Risk r2{.id = "R2", .title = "Grant", .program = ProgramId{"PG"}, .opportunity = true,
            .pre = {.probability = 0.25, .impact = {.cost = Money{300000}}}, .strategy = ResponseStrategy::enhance,
            .review_due = Date::from_ymd(2026, 4, 1)};
    return {r1, r2};
}

}  // namespace

TEST_CASE("store: the risk register round-trips with assessments, actions and linked tasks") {
    auto repo = Repository::open(test::fresh_db("risks"));
    repo.save_portfolio(test::make_portfolio(1, 1, 3));
    const PortfolioId pf{"PF"};
    const auto risks = sample_risks();
    repo.save_risks(pf, risks);
    auto back = repo.load_risks(pf);
    REQUIRE(back.size() == 2);
    CHECK(same_risk(back[0], risks[0]));
    CHECK(same_risk(back[1], risks[1]));
    CHECK_FALSE(back[1].post.has_value());
    CHECK(back[0].actions[1].done);

    // A save replaces the register; an invalid entry writes nothing.
    repo.save_risks(pf, std::span(risks).first(1));
    CHECK(repo.load_risks(pf).size() == 1);
    auto bad = risks;
    bad[1].pre.probability = 1.5;
    CHECK_THROWS_AS(repo.save_risks(pf, bad), ModelError);
    auto dup = risks;
    dup[1].id = "R1";
    try {
        repo.save_risks(pf, dup);
        FAIL("duplicate accepted");
    } catch (const ModelError& e) {
        CHECK(e.code() == ErrorCode::duplicate_id);
    }
    CHECK(repo.load_risks(pf).size() == 1);
    CHECK(repo.load_risks(PortfolioId{"OTHER"}).empty());
    CHECK_THROWS_AS(repo.save_risks(PortfolioId{"OTHER"}, risks), ModelError);  // portfolio not stored
}

TEST_CASE("store: the issue log and change log round-trip") {
    auto repo = Repository::open(test::fresh_db("issues"));
    repo.save_portfolio(test::make_portfolio(1, 1, 3));
    const PortfolioId pf{"PF"};
    const std::vector<Issue> issues{
        Issue{.id = "I-1", .project = ProjectId{"P1"}, .title = "Crane broken", .description = "hydraulics", .owner = "Dee",
              .priority = IssuePriority::critical, .status = IssueStatus::in_progress, .raised = Date::from_ymd(2026, 2, 3),
              .due = Date::from_ymd(2026, 2, 10), .from_risk = "R1"},
        Issue{.id = "I-2", .title = "Permit", .priority = IssuePriority::low, .status = IssueStatus::closed,
              .resolved = Date::from_ymd(2026, 1, 9), .resolution = "granted"}};
    repo.save_issues(pf, issues);
    const auto ib = repo.load_issues(pf);
    REQUIRE(ib.size() == 2);
    CHECK(ib[0].id == "I-1");
    CHECK(ib[0].priority == IssuePriority::critical);
    CHECK(ib[0].status == IssueStatus::in_progress);
    CHECK(ib[0].due == Date::from_ymd(2026, 2, 10));
    CHECK(ib[0].from_risk == "R1");
    CHECK_FALSE(ib[1].project.has_value());
    CHECK(ib[1].resolution == "granted");
    CHECK(open_issues(ib).size() == 1);  // the library's own queries work on what comes back

    const std::vector<ChangeRequest> crs{
        ChangeRequest{.id = "CR-1", .project = ProjectId{"P1"}, .title = "Extra floor", .requested_by = "Owner",
                      .submitted = Date::from_ymd(2026, 2, 1), .status = ChangeStatus::approved, .cost_delta = Money{-12345},
                      .schedule_delta = Duration{2880}, .affected_tasks = {TaskId{"P1.T2"}, TaskId{"P1.T3"}},
                      .decided = Date::from_ymd(2026, 2, 5), .decided_by = "Board"}};
    repo.save_change_requests(pf, crs);
    const auto cb = repo.load_change_requests(pf);
    REQUIRE(cb.size() == 1);
    CHECK(cb[0].status == ChangeStatus::approved);
    CHECK(cb[0].cost_delta == Money{-12345});
    CHECK(cb[0].schedule_delta == Duration{2880});
    CHECK(cb[0].affected_tasks == crs[0].affected_tasks);
    CHECK(cb[0].decided_by == "Board");
    std::vector<Issue> dup = issues;
    dup.push_back(issues[0]);
    CHECK_THROWS_AS(repo.save_issues(pf, dup), ModelError);
    CHECK(repo.load_issues(pf).size() == 2);
}

TEST_CASE("store: lessons are searched by tag and text with FTS5") {
    auto repo = Repository::open(test::fresh_db("lessons"));
    repo.save_portfolio(test::make_portfolio(1, 1, 3));
    repo.save_portfolio(test::make_portfolio(1, 1, 3, "PF2"));
    const PortfolioId pf{"PF"};
    const std::vector<Lesson> lessons{
        Lesson{.id = "L1", .project = ProjectId{"P1"}, .phase = "execution", .tags = {"Procurement", "supplier"},
               .title = "Qualify a second supplier early", .text = "Single-source steel delayed the frame by three weeks.",
               .recorded = Date::from_ymd(2026, 1, 20)},
        Lesson{.id = "L2", .phase = "planning", .tags = {"estimating"}, .title = "Estimates need ranges",
               .text = "Three-point estimates exposed the supplier risk.", .recorded = Date::from_ymd(2026, 2, 20)},
        Lesson{.id = "L3", .phase = "closing", .tags = {"handover"}, .title = "Café opening", .text = "Plan the handover with users.",
               .recorded = Date::from_ymd(2026, 3, 1)}};
    repo.save_lessons(pf, lessons);
    repo.save_lessons(PortfolioId{"PF2"}, std::span(lessons).first(1));

    const auto ids = [](const std::vector<Lesson>& v) {
        std::vector<std::string> out;
        for (const auto& l : v) out.push_back(l.id);
        return out;
    };
    CHECK(ids(repo.search_lessons(pf, {.text = "supplier"})) == std::vector<std::string>{"L1", "L2"});  // L1: title+tag, ranked first
    CHECK(ids(repo.search_lessons(pf, {.text = "SUPPL"})) == std::vector<std::string>{"L1", "L2"});     // prefix, case-folded
    CHECK(ids(repo.search_lessons(pf, {.text = "supplier steel"})) == std::vector<std::string>{"L1"});  // every word required
    CHECK(ids(repo.search_lessons(pf, {.tags = {"procurement"}})) == std::vector<std::string>{"L1"});   // tag, case-insensitive
    CHECK(repo.search_lessons(pf, {.tags = {"procure"}}).empty());                                       // tags match whole
    CHECK(ids(repo.search_lessons(pf, {.text = "cafe"})) == std::vector<std::string>{"L3"});            // diacritics removed
    CHECK(ids(repo.search_lessons(pf, {.phase = "Planning"})) == std::vector<std::string>{"L2"});
    CHECK(ids(repo.search_lessons(pf, {})) == std::vector<std::string>{"L3", "L2", "L1"});              // newest first
    CHECK(ids(repo.search_lessons(pf, {.text = "supplier", .project = ProjectId{"P1"}})) == std::vector<std::string>{"L1"});
    CHECK(ids(repo.search_lessons(PortfolioId{}, {.text = "steel"})) == std::vector<std::string>{"L1", "L1"});  // both portfolios
    CHECK(repo.search_lessons(pf, {.text = "\"OR NOT*"}).empty());  // query syntax is not interpreted
    CHECK_THROWS_AS(repo.search_lessons(pf, {.text = "  ,, "}), ModelError);

    const auto back = repo.load_lessons(pf);
    REQUIRE(back.size() == 3);
    CHECK(back[0].tags == lessons[0].tags);
    CHECK(back[2].title == "Café opening");
    // Re-saving replaces the register and its text index.
    repo.save_lessons(pf, std::span(lessons).last(1));
    CHECK(repo.search_lessons(pf, {.text = "supplier"}).empty());
    CHECK(ids(repo.search_lessons(pf, {.text = "handover"})) == std::vector<std::string>{"L3"});
}
