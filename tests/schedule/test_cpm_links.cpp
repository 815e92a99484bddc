// CPM: link types, lags, calendars, summaries and milestones. Every expected date is computed by
// hand in the comment above its check, on the calendar Mon-Fri 09:00-12:00, 13:00-18:00
// (1 day = 480 working minutes); 2026-03-02 is a Monday. A task of d days starting at 09:00 on
// working day k finishes at 18:00 on working day k + d - 1 (finish at the end of work, never at
// the next morning: the MS Project / P6 convention, docs/calendars.md).
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "ppm/core/error.hpp"
#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/validator.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {

std::size_t row(const ScheduleResult& r, const std::string& id) {
    for (std::size_t i = 0; i < r.task_id.size(); ++i)
        if (r.task_id[i].str() == id) return i;
    FAIL("no task " << id);
    return 0;
}

void require_valid(const Portfolio& pf, const ScheduleResult& r) {
    const auto v = validate_schedule(pf, r);
    for (const auto& x : v) UNSCOPED_INFO(to_string(x.kind) << " " << x.task << " " << x.message);
    REQUIRE(v.empty());
}

}  // namespace

TEST_CASE("cpm: textbook activity-on-node example (forward, backward, floats, critical path)") {
    // Network (durations in days): A3; B4 after A; C2 after A; D5 after B; E3 after C; F2 after D, E.
    // Forward (in working days from day 0): A 0-3, B 3-7, C 3-5, D 7-12, E 5-8, F 12-14.
    // Backward from 14: F 12-14, D 7-12, E 9-12, B 3-7, C 7-9, A 0-3.
    // TF = LS - ES: A0 B0 C4 D0 E4 F0.  FF: C = ES(E) - EF(C) = 0, E = ES(F) - EF(E) = 4, others 0.
    // Working days from Mon 2 March: day 0 Mon 2, 3 Thu 5, 5 Mon 9, 7 Wed 11, 8 Thu 12, 9 Fri 13,
    // 12 Wed 18, 13 Thu 19. So F finishes at the end of day 13 = Thu 19 March 18:00.
    Portfolio pf = one_project();
    add_task(pf, "A", 3);
    add_task(pf, "B", 4);
    add_task(pf, "C", 2);
    add_task(pf, "D", 5);
    add_task(pf, "E", 3);
    add_task(pf, "F", 2);
    link(pf, "A", "B");
    link(pf, "A", "C");
    link(pf, "B", "D");
    link(pf, "C", "E");
    link(pf, "D", "F");
    link(pf, "E", "F");
    const auto r = schedule(pf);
    CHECK(r.early_start[row(r, "A")] == at(3, 2, 9));
    CHECK(r.early_finish[row(r, "A")] == at(3, 4, 18));
    CHECK(r.early_start[row(r, "B")] == at(3, 5, 9));
    CHECK(r.early_finish[row(r, "B")] == at(3, 10, 18));
    CHECK(r.early_start[row(r, "C")] == at(3, 5, 9));
    CHECK(r.early_finish[row(r, "C")] == at(3, 6, 18));
    CHECK(r.early_start[row(r, "E")] == at(3, 9, 9));
    CHECK(r.early_start[row(r, "D")] == at(3, 11, 9));
    CHECK(r.early_start[row(r, "F")] == at(3, 18, 9));
    CHECK(r.early_finish[row(r, "F")] == at(3, 19, 18));
    CHECK(r.late_start[row(r, "C")] == at(3, 11, 9));   // day 7
    CHECK(r.late_start[row(r, "E")] == at(3, 13, 9));   // day 9
    CHECK(r.total_float[row(r, "C")] == Duration{4 * kDay});
    CHECK(r.total_float[row(r, "E")] == Duration{4 * kDay});
    CHECK(r.free_float[row(r, "C")] == Duration{0});
    CHECK(r.free_float[row(r, "E")] == Duration{4 * kDay});
    for (const char* id : {"A", "B", "D", "F"}) {
        CHECK(r.total_float[row(r, id)] == Duration{0});
        CHECK(r.critical[row(r, id)] == 1);
    }
    CHECK(r.critical[row(r, "C")] == 0);
    REQUIRE(r.longest_path.size() == 1);
    std::vector<std::string> path;
    for (auto t : r.longest_path[0]) path.push_back(r.task_id[t.value()].str());
    CHECK(path == std::vector<std::string>{"A", "B", "D", "F"});
    CHECK(r.project_finish[0] == at(3, 19, 18));
    CHECK(r.driving_predecessor[row(r, "F")] == TaskIndex{static_cast<std::uint32_t>(row(r, "D"))});
    require_valid(pf, r);
}

TEST_CASE("cpm: FS with working-day lag and lead") {
    // A 2d: Mon 2 - Tue 3. FS+2d: lag covers Wed 4, Thu 5 -> B starts Fri 6 09:00.
    Portfolio pf = one_project();
    add_task(pf, "A", 2);
    add_task(pf, "B", 1);
    link(pf, "A", "B", LinkType::finish_start, working_days(2));
    auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 6, 9));
    CHECK(r.early_finish[1] == at(3, 6, 18));
    require_valid(pf, r);
    // FS-1d (lead) after A 3d (Mon-Wed 18:00): 480 minutes back from Wed 18:00 = Wed 09:00.
    Portfolio pf2 = one_project();
    add_task(pf2, "A", 3);
    add_task(pf2, "B", 1);
    link(pf2, "A", "B", LinkType::finish_start, working_days(-1));
    r = schedule(pf2);
    CHECK(r.early_start[1] == at(3, 4, 9));
    require_valid(pf2, r);
}

TEST_CASE("cpm: SS, FF and SF links with lags") {
    Portfolio pf = one_project();
    add_task(pf, "A", 2);   // Mon 2 - Tue 3
    add_task(pf, "SS", 3);  // SS+1d: A starts Mon 09:00 + 1 day = Mon 18:00 -> starts Tue 3 09:00, finishes Thu 5 18:00
    add_task(pf, "FF", 1);  // FF+1d: finish >= Tue 18:00 + 1d = Wed 4 18:00 -> Wed 4 09:00 - 18:00
    add_task(pf, "SF", 1);  // SF+3d: finish >= Mon 09:00 + 3d = Wed 4 18:00 -> Wed 4
    link(pf, "A", "SS", LinkType::start_start, working_days(1));
    link(pf, "A", "FF", LinkType::finish_finish, working_days(1));
    link(pf, "A", "SF", LinkType::start_finish, working_days(3));
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 3, 9));
    CHECK(r.early_finish[1] == at(3, 5, 18));
    CHECK(r.early_start[2] == at(3, 4, 9));
    CHECK(r.early_finish[2] == at(3, 4, 18));
    CHECK(r.early_start[3] == at(3, 4, 9));
    CHECK(r.early_finish[3] == at(3, 4, 18));
    // Project finish Thu 5 18:00 (SS). Backward: FF (no successor) LF = Thu 18:00 -> TF 1 day;
    // A's LF from FF: FF.LF - 1d = Wed 18:00, from SS: LS(SS) = Tue 09:00 - 1d = Mon 09:00 = LS(A) -> LF(A) = Tue 18:00.
    CHECK(r.total_float[2] == Duration{kDay});
    CHECK(r.total_float[0] == Duration{0});
    CHECK(r.late_finish[0] == at(3, 3, 18));
    require_valid(pf, r);
}

TEST_CASE("cpm: percent lag and elapsed lag") {
    // A 4d: Mon 2 - Thu 5. FS 50% of 4d = 2 working days: Fri 6, Mon 9 -> B starts Tue 10 09:00.
    // FS elapsed 2880 min (48h) from Thu 5 18:00 = Sat 7 18:00 -> C starts Mon 9 09:00.
    Portfolio pf = one_project();
    add_task(pf, "A", 4);
    add_task(pf, "B", 1);
    add_task(pf, "C", 1);
    link(pf, "A", "B", LinkType::finish_start, percent(50.0));
    link(pf, "A", "C", LinkType::finish_start, elapsed_minutes(2880));
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 10, 9));
    CHECK(r.early_start[2] == at(3, 9, 9));
    require_valid(pf, r);
}

TEST_CASE("cpm: a task crossing a holiday and a lag over a holiday") {
    // Holiday Fri 6 March. A 4d: Mon 2 - Thu 5. FS+1d: the lag day is Mon 9 -> B starts Tue 10.
    // C 3d from Wed 4 (SNET): Wed, Thu, (Fri off), Mon -> finishes Mon 9 18:00.
    Portfolio pf = one_project();
    pf.calendars[0].exceptions.push_back(holiday(Date::from_ymd(2026, 3, 6), Date::from_ymd(2026, 3, 6)));
    add_task(pf, "A", 4);
    add_task(pf, "B", 1);
    Task& c = add_task(pf, "C", 3);
    c.constraint = {ConstraintType::start_no_earlier_than, at(3, 4, 9)};
    link(pf, "A", "B", LinkType::finish_start, working_days(1));
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 10, 9));
    CHECK(r.early_finish[2] == at(3, 9, 18));
    require_valid(pf, r);
}

TEST_CASE("cpm: lunch break and minute-level durations") {
    // A 4h from Mon 09:00: 3h to 12:00, lunch, 1h -> 14:00. B (FS) 2h30 from 14:00 -> 16:30.
    // C 3h from 16:30: 1h30 to 18:00, then Tue 09:00 + 1h30 -> Tue 10:30.
    Portfolio pf = one_project();
    add_task(pf, "A", 0).duration = Duration::hours(4);
    add_task(pf, "B", 0).duration = Duration{150};
    add_task(pf, "C", 0).duration = Duration::hours(3);
    link(pf, "A", "B");
    link(pf, "B", "C");
    const auto r = schedule(pf);
    CHECK(r.early_finish[0] == at(3, 2, 14));
    CHECK(r.early_finish[1] == at(3, 2, 16, 30));
    CHECK(r.early_start[2] == at(3, 2, 16, 30));
    CHECK(r.early_finish[2] == at(3, 3, 10, 30));
    require_valid(pf, r);
}

TEST_CASE("cpm: each task in its own calendar, lag calendar choice") {
    // Calendar "six": Mon-Sat 09:00-12:00, 13:00-18:00. A (std) 5d: Mon 2 - Fri 6.
    // B (six) FS: starts Sat 7 09:00. C (std) FS+1d on the successor's... predecessor B's calendar
    // "six": B Sat 7 (1d) -> lag day Mon 9 -> C starts Tue 10. D: same link with the lag on the
    // successor's calendar "std": from Sat 18:00 the lag day is Mon 9 too -> Tue 10; E with lag
    // on 24h: Sat 7 18:00 + 480 min = Sun 02:00 -> Mon 9 09:00.
    Portfolio pf = one_project();
    Calendar six = test_calendar("six");
    six.week[5] = DaySchedule{{540, 720}, {780, 1080}};
    pf.calendars.push_back(six);
    add_task(pf, "A", 5);
    add_task(pf, "B", 1).calendar = CalendarId{"six"};
    add_task(pf, "C", 1);
    add_task(pf, "D", 1);
    add_task(pf, "E", 1);
    link(pf, "A", "B");
    link(pf, "B", "C", LinkType::finish_start, working_days(1), LagCalendar::predecessor);
    link(pf, "B", "D", LinkType::finish_start, working_days(1), LagCalendar::successor);
    link(pf, "B", "E", LinkType::finish_start, working_days(1), LagCalendar::twenty_four_hour);
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 7, 9));
    CHECK(r.early_finish[1] == at(3, 7, 18));
    CHECK(r.early_start[2] == at(3, 10, 9));
    CHECK(r.early_start[3] == at(3, 10, 9));
    CHECK(r.early_start[4] == at(3, 9, 9));
    require_valid(pf, r);
}

TEST_CASE("cpm: milestones sit at the end of their predecessor's work") {
    // A 1d Mon 2 09:00-18:00. M (milestone) FS -> Mon 2 18:00 (not Tue 09:00, as MS Project shows it).
    // B FS after M -> Tue 3 09:00. M0 without predecessors sits at the project start Mon 09:00.
    Portfolio pf = one_project();
    add_task(pf, "A", 1);
    add_task(pf, "M", 0).milestone = true;
    add_task(pf, "B", 1);
    add_task(pf, "M0", 0).milestone = true;
    link(pf, "A", "M");
    link(pf, "M", "B");
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 2, 18));
    CHECK(r.early_finish[1] == at(3, 2, 18));
    CHECK(r.early_start[2] == at(3, 3, 9));
    CHECK(r.early_start[3] == at(3, 2, 9));
    CHECK(r.is_milestone[1] == 1);
    CHECK(r.total_float[1] == Duration{0});
    require_valid(pf, r);
}

TEST_CASE("cpm: summary tasks roll up, links into a summary drive its children") {
    // W 1d Mon 2. S = summary of X 2d and Y 3d; W -> S (FS) applies to X and Y: both start Tue 3.
    // X Tue-Wed, Y Tue-Thu; S Tue 3 09:00 - Thu 5 18:00. Z FS after S: Fri 6.
    // Backward: Z LS Fri 6 09:00 -> S's finish bound Thu 5 18:00 -> X TF = 1 day.
    Portfolio pf = one_project();
    add_task(pf, "W", 1);
    add_task(pf, "S", 0);
    add_task(pf, "X", 2).parent = TaskId{"S"};
    add_task(pf, "Y", 3).parent = TaskId{"S"};
    add_task(pf, "Z", 1);
    link(pf, "W", "S");
    link(pf, "S", "Z");
    const auto r = schedule(pf);
    CHECK(r.is_summary[row(r, "S")] == 1);
    CHECK(r.early_start[row(r, "X")] == at(3, 3, 9));
    CHECK(r.early_start[row(r, "Y")] == at(3, 3, 9));
    CHECK(r.early_start[row(r, "S")] == at(3, 3, 9));
    CHECK(r.early_finish[row(r, "S")] == at(3, 5, 18));
    CHECK(r.early_start[row(r, "Z")] == at(3, 6, 9));
    CHECK(r.total_float[row(r, "X")] == Duration{kDay});
    CHECK(r.total_float[row(r, "Y")] == Duration{0});
    CHECK(r.driving_predecessor[row(r, "Z")] == TaskIndex{static_cast<std::uint32_t>(row(r, "S"))});
    require_valid(pf, r);
}

TEST_CASE("cpm: cross-project links and per-project finish") {
    // Project Q starts Mon 2; its task Q1 (2d) waits for P's A (3d, Mon-Wed): Thu 5 - Fri 6.
    Portfolio pf = one_project();
    Project q;
    q.id = ProjectId{"Q"};
    q.start = at(3, 2, 9);
    pf.projects.push_back(q);
    add_task(pf, "A", 3);
    add_task(pf, "Q1", 2, 1);
    link(pf, "A", "Q1");
    const auto r = schedule(pf);
    CHECK(r.project_finish[0] == at(3, 4, 18));
    CHECK(r.project_finish[1] == at(3, 6, 18));
    CHECK(r.finish == at(3, 6, 18));
    CHECK(r.total_float[0] == Duration{0});
    require_valid(pf, r);
}
