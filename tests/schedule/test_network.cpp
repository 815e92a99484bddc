// Network compilation: dense indices, CSR arrays, summary expansion, topological order, and the
// typed errors of a broken model (a cycle names its members in order along the cycle).
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixtures.hpp"
#include "ppm/core/error.hpp"
#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/network.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {

template <class F>
ModelError catch_model_error(F&& f) {
    try {
        f();
    } catch (const ModelError& e) {
        return e;
    }
    FAIL("expected a ModelError");
    return ModelError(ErrorCode::unexpected, "");
}

}  // namespace

TEST_CASE("network: indices, CSR arrays and topological order") {
    Portfolio pf = one_project();
    add_task(pf, "A", 1);
    add_task(pf, "B", 1);
    add_task(pf, "C", 1);
    link(pf, "B", "A");  // file order is not topological order
    link(pf, "C", "A", LinkType::start_start);
    link(pf, "C", "B");
    const Network net(pf);
    REQUIRE(net.task_count() == 3);
    CHECK(net.index_of(TaskId{"C"}) == TaskIndex{2});
    CHECK_FALSE(net.index_of(TaskId{"nope"}).valid());
    // Links into A (index 0) come first in the successor-grouped arrays, in file order: B, C.
    CHECK(std::vector<std::uint32_t>(net.pred_offsets().begin(), net.pred_offsets().end()) == std::vector<std::uint32_t>{0, 2, 3, 3});
    CHECK(net.link_pred()[0] == 1);
    CHECK(net.link_pred()[1] == 2);
    CHECK(net.link_type()[1] == LinkType::start_start);
    CHECK(net.link_pred()[2] == 2);
    // Links out of C (index 2): two.
    CHECK(net.succ_offsets()[3] - net.succ_offsets()[2] == 2);
    // C before B before A.
    CHECK(std::vector<std::uint32_t>(net.topological_order().begin(), net.topological_order().end()) == std::vector<std::uint32_t>{2, 1, 0});
}

TEST_CASE("network: priorities, delay weights and resource assignments for levelling") {
    Portfolio pf = one_project();
    pf.projects[0].priority = 700;
    pf.projects[0].delay_weight = 2.5;
    for (const char* id : {"crane", "dev"}) {
        Resource r;
        r.id = ResourceId{id};
        pf.resources.push_back(r);
    }
    add_task(pf, "A", 1).priority = 1000;
    Task& b = add_task(pf, "B", 1);
    for (const auto& [resource, units] : {std::pair{"dev", 0.5}, std::pair{"ghost", 1.0}, std::pair{"crane", 2.0}}) {
        Assignment a;
        a.resource = ResourceId{resource};
        a.units = units;
        b.assignments.push_back(a);
    }
    const Network net(pf);
    CHECK(net.project_priority()[0] == 700);
    CHECK(net.project_delay_weight()[0] == 2.5);
    CHECK(net.task_priority()[0] == 1000);
    CHECK(net.task_priority()[1] == 500);
    // A has none; B's known assignments keep their order, resources by position in the portfolio.
    CHECK(std::vector<std::uint32_t>(net.assignment_offsets().begin(), net.assignment_offsets().end()) ==
          std::vector<std::uint32_t>{0, 0, 2});
    CHECK(net.assignment_resource()[0] == ResourceIndex{1});
    CHECK(net.assignment_units()[0] == 0.5);
    CHECK(net.assignment_resource()[1] == ResourceIndex{0});
    CHECK(net.assignment_units()[1] == 2.0);
    // The unknown resource is not dropped silently.
    REQUIRE(net.build_warnings().size() == 1);
    CHECK(net.build_warnings()[0].find("ghost") != std::string::npos);
    CHECK(net.build_warnings()[0].find("task B") != std::string::npos);
}

TEST_CASE("network: a link into a summary is expanded onto its leaf tasks") {
    Portfolio pf = one_project();
    add_task(pf, "W", 1);
    add_task(pf, "S", 0);
    add_task(pf, "S1", 0).parent = TaskId{"S"};
    add_task(pf, "X", 1).parent = TaskId{"S1"};
    add_task(pf, "Y", 1).parent = TaskId{"S"};
    link(pf, "W", "S");
    const Network net(pf);
    CHECK(net.is_summary()[1] == 1);
    CHECK(net.is_summary()[2] == 1);
    REQUIRE(net.link_count() == 2);
    CHECK(net.link_succ()[0] == 3);  // X
    CHECK(net.link_succ()[1] == 4);  // Y
    // Summaries come after all their descendants.
    const auto topo = net.topological_order();
    auto pos = [&](std::uint32_t i) { return std::find(topo.begin(), topo.end(), i) - topo.begin(); };
    CHECK(pos(3) < pos(2));
    CHECK(pos(2) < pos(1));
    CHECK(pos(4) < pos(1));
}

TEST_CASE("network: a dependency cycle names its members in order") {
    // A <- C, B <- A, C <- B: the cycle A -> B -> C -> A.
    Portfolio pf = one_project();
    add_task(pf, "X", 1);
    add_task(pf, "A", 1);
    add_task(pf, "B", 1);
    add_task(pf, "C", 1);
    link(pf, "X", "A");
    link(pf, "C", "A");
    link(pf, "A", "B");
    link(pf, "B", "C");
    const auto e = catch_model_error([&] { (void)schedule(pf); });
    CHECK(e.code() == ErrorCode::cycle);
    CHECK(e.ids() == std::vector<std::string>{"A", "B", "C"});
    CHECK(std::string(e.what()).find("A -> B -> C -> A") != std::string::npos);
}

TEST_CASE("network: a summary linked to its own child is a cycle") {
    Portfolio pf = one_project();
    add_task(pf, "S", 0);
    add_task(pf, "X", 1).parent = TaskId{"S"};
    add_task(pf, "Y", 1).parent = TaskId{"S"};
    link(pf, "S", "Y");
    const auto e = catch_model_error([&] { (void)Network(pf); });
    CHECK(e.code() == ErrorCode::cycle);
    CHECK(e.ids() == std::vector<std::string>{"S", "Y"});
}

TEST_CASE("network: broken models throw typed errors naming what and where") {
    {
        Portfolio pf = one_project();
        add_task(pf, "A", 1);
        link(pf, "ghost", "A");
        const auto e = catch_model_error([&] { (void)Network(pf); });
        CHECK(e.code() == ErrorCode::unknown_id);
        CHECK(std::string(e.what()).find("ghost") != std::string::npos);
    }
    {
        Portfolio pf = one_project();
        add_task(pf, "A", 1);
        add_task(pf, "A", 1);
        CHECK(catch_model_error([&] { (void)Network(pf); }).code() == ErrorCode::duplicate_id);
    }
    {
        Portfolio pf = one_project();
        add_task(pf, "A", -1);
        CHECK(catch_model_error([&] { (void)Network(pf); }).code() == ErrorCode::negative_duration);
    }
    {
        Portfolio pf = one_project();
        add_task(pf, "A", 1).constraint.type = ConstraintType::must_start_on;
        CHECK(catch_model_error([&] { (void)Network(pf); }).code() == ErrorCode::missing_value);
    }
    {
        Portfolio pf = one_project();
        add_task(pf, "A", 1).calendar = CalendarId{"nope"};
        const auto e = catch_model_error([&] { (void)Network(pf); });
        CHECK(e.code() == ErrorCode::unknown_id);
        CHECK(std::string(e.what()).find("task A") != std::string::npos);
    }
    {
        Portfolio pf = one_project();
        Task& a = add_task(pf, "A", 1);
        a.progress.actual_start = at(3, 3, 9);
        a.progress.actual_finish = at(3, 2, 9);
        CHECK(catch_model_error([&] { (void)Network(pf); }).code() == ErrorCode::inconsistent);
    }
    {
        Portfolio pf = one_project();
        add_task(pf, "A", 1).parent = TaskId{"A"};
        CHECK(catch_model_error([&] { (void)Network(pf); }).code() == ErrorCode::cycle);
    }
}

TEST_CASE("network: the horizon grows for yearly holidays far in the future") {
    // A chain of 13 tasks of 100 days (1300 working days ~ 5 years) from Mon 2 March 2026, with
    // Christmas (25-26 Dec) yearly. The default horizon reaches ~3 years past the last model
    // date; schedule(Portfolio) must grow it so late Christmases are still holidays: the
    // finish equals the one computed with a horizon that is large from the start.
    Portfolio pf = one_project();
    pf.calendars[0].exceptions.push_back(holiday(Date::from_ymd(2026, 12, 25), Date::from_ymd(2026, 12, 26), true));
    for (int k = 0; k < 13; ++k) {
        add_task(pf, "T" + std::to_string(k), 100);
        if (k > 0) link(pf, "T" + std::to_string(k - 1), "T" + std::to_string(k));
    }
    const auto r = schedule(pf);
    ScheduleOptions big;
    big.network.days_after = 4000;
    const auto r_big = schedule(pf, big);
    CHECK(r.finish == r_big.finish);
    CHECK(std::none_of(r.warnings.begin(), r.warnings.end(), [](const ScheduleWarning& w) { return w.kind == ScheduleWarningKind::horizon; }));
    // A prebuilt network with a short horizon gets the same dates: its calendars apply yearly
    // exceptions past the horizon too (issue 23), so there is nothing to warn about.
    NetworkOptions small;
    small.days_after = 30;
    const auto r_small = schedule(Network(pf, small));
    CHECK(std::none_of(r_small.warnings.begin(), r_small.warnings.end(), [](const ScheduleWarning& w) { return w.kind == ScheduleWarningKind::horizon; }));
    CHECK(r_small.finish == r.finish);
    // 2030-12-25 is a Wednesday: no task of the chain works on it.
    const WorkCalendar wc = WorkCalendar::compile(pf.calendars, CalendarId{"std"}, Date::from_ymd(2026, 1, 1), Date::from_ymd(2032, 12, 31));
    for (std::size_t i = 0; i < r.task_id.size(); ++i)
        CHECK(wc.work_between(r.early_start[i], r.early_finish[i]) == Duration{100 * kDay});
}

TEST_CASE("network: a calendar closed until 2199 starts the work in 2200 (issue 23)") {
    // The exception lies far past the default horizon (~3 years after the last model date);
    // it must still hold, without growing the horizon to 2200.
    Portfolio pf = one_project();
    pf.calendars[0].exceptions.push_back(holiday(Date::from_ymd(2026, 1, 1), Date::from_ymd(2199, 12, 31)));
    pf.calendars[0].exceptions.push_back(holiday(Date::from_ymd(2026, 1, 1), Date::from_ymd(2026, 1, 1), true));
    add_task(pf, "A", 2);
    add_task(pf, "B", 1);
    link(pf, "A", "B");
    const Network net(pf);
    CHECK(net.horizon_last_day() < Date::from_ymd(2031, 1, 1));
    const auto r = schedule(net);
    // 1 January 2200 (a Wednesday) is the yearly holiday: A works Thu 2 and Fri 3, B Mon 6.
    CHECK(r.early_start[0] == Instant::from_ymd_hm(2200, 1, 2, 9));
    CHECK(r.early_finish[0] == Instant::from_ymd_hm(2200, 1, 3, 18));
    CHECK(r.early_start[1] == Instant::from_ymd_hm(2200, 1, 6, 9));
    CHECK(schedule(pf).finish == r.finish);
}

TEST_CASE("network: a duration of thousands of years schedules in bounded memory (issue 23)") {
    // 2,000,000 working days with a yearly holiday end in the 9600s: the calendars stay bounded
    // (WorkCalendar::kMaxLayoutDays) and the finish is exact: each task works its duration.
    Portfolio pf = one_project();
    pf.calendars[0].exceptions.push_back(holiday(Date::from_ymd(2026, 12, 25), Date::from_ymd(2026, 12, 26), true));
    add_task(pf, "A", 2'000'000);
    const auto r = schedule(pf);
    CHECK(r.finish.date().year() > 9000);
    const Network net(pf);
    const WorkCalendar& wc = net.calendar(net.calendar_of()[0]);
    CHECK(wc.last_day() - wc.first_day() < WorkCalendar::kMaxLayoutDays + 366);
    CHECK(wc.work_between(r.early_start[0], r.early_finish[0]) == Duration{2'000'000 * kDay});
    CHECK(wc.work_on(Date::from_ymd(9001, 12, 25)) == Duration{0});
    // Past 9999 is a typed error, never a crash.
    add_task(pf, "B", 999'999'999);
    CHECK(catch_model_error([&] { (void)schedule(pf); }).code() == ErrorCode::invalid_value);
}
