// CPM: the eight constraint types, project and task deadlines. Hand-computed on the test
// calendar (Mon-Fri 09:00-12:00, 13:00-18:00, 480 min/day; 2026-03-02 is a Monday). Hard
// constraints (MSO, MFO, SNLT, FNLT) win over logic as in MS Project with "tasks honour their
// constraint dates" and P6 mandatory dates; the conflict shows as negative float and a warning.
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixtures.hpp"
#include "ppm/core/error.hpp"
#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/validator.hpp"

using namespace ppm;
using namespace ppm::test;

TEST_CASE("cpm: SNET delays the start, nothing else") {
    // Logic allows Thu 5; SNET Tue 10 09:00 -> B Tue 10 (B finishes the project: TF 0). A may
    // slip until B's start: LF(A) = Mon 9 18:00 -> TF(A) = Thu 5, Fri 6, Mon 9 = 3 days.
    Portfolio pf = chain_with(ConstraintType::start_no_earlier_than, at(3, 10, 9));
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 10, 9));
    CHECK(r.total_float[1] == Duration{0});
    CHECK(r.total_float[0] == Duration{3 * kDay});
    CHECK(validate_schedule(pf, r).empty());
    // A SNET date in non-working time (Sat 7 10:00) means the next working start, Mon 9 09:00.
    Portfolio pf2 = chain_with(ConstraintType::start_no_earlier_than, at(3, 7, 10));
    CHECK(schedule(pf2).early_start[1] == at(3, 9, 9));
}

TEST_CASE("cpm: FNET delays the finish") {
    // B 1d, FNET Mon 9 18:00: B = Mon 9 09:00 - 18:00 (logic alone gives Thu 5).
    Portfolio pf = chain_with(ConstraintType::finish_no_earlier_than, at(3, 9, 18));
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 9, 9));
    CHECK(r.early_finish[1] == at(3, 9, 18));
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: SNLT in conflict wins and shows negative float") {
    // Logic: B Thu 5. SNLT Tue 3 09:00 wins: B Tue 3. Backward: A LF <= B LS = Tue 3 09:00 ->
    // previous end of work Mon 2 18:00; A EF Wed 4 18:00 -> TF(A) = -2 days.
    Portfolio pf = chain_with(ConstraintType::start_no_later_than, at(3, 3, 9));
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 3, 9));
    CHECK(r.total_float[0] == Duration{-2 * kDay});
    CHECK(r.critical[0] == 1);
    CHECK(has_warning(r, ScheduleWarningKind::constraint_conflict, 1));
    CHECK(has_warning(r, ScheduleWarningKind::negative_float, 0));
    // The validator sees the broken link when asked to look at conflicting tasks too.
    ValidatorOptions vo;
    vo.check_links_of_conflicting_tasks = true;
    const auto v = validate_schedule(pf, r, vo);
    REQUIRE(v.size() == 1);
    CHECK(v[0].kind == ViolationKind::link);
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: SNLT without conflict only bounds the late start") {
    // Logic B Thu 5; SNLT Fri 6 09:00: no change, but LS(B) <= Fri 6 09:00 -> TF(B) = 1 day even
    // though B could otherwise slip to the project finish.
    Portfolio pf = chain_with(ConstraintType::start_no_later_than, at(3, 6, 9));
    add_task(pf, "C", 8);  // project finish Wed 11 18:00
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 5, 9));
    CHECK(r.late_start[1] == at(3, 6, 9));
    CHECK(r.total_float[1] == Duration{kDay});
    CHECK_FALSE(has_warning(r, ScheduleWarningKind::constraint_conflict, 1));
}

TEST_CASE("cpm: FNLT in conflict wins") {
    // B 2d, logic Thu 5 - Fri 6; FNLT Wed 4 18:00 forces Tue 3 - Wed 4. A LF <= Tue 3 09:00 ->
    // Mon 2 18:00, A EF Wed 4 18:00 -> TF(A) = -2 days.
    Portfolio pf = chain_with(ConstraintType::finish_no_later_than, at(3, 4, 18), 2);
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 3, 9));
    CHECK(r.early_finish[1] == at(3, 4, 18));
    CHECK(r.total_float[0] == Duration{-2 * kDay});
    CHECK(has_warning(r, ScheduleWarningKind::constraint_conflict, 1));
}

TEST_CASE("cpm: MSO pins the start both ways") {
    // B MSO Fri 6 09:00: B Fri 6 although logic allows Thu 5; its late start is pinned too, so
    // A's LF = Thu 5 18:00 and TF(A) = 1 day; TF(B) = 0.
    Portfolio pf = chain_with(ConstraintType::must_start_on, at(3, 6, 9));
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 6, 9));
    CHECK(r.late_start[1] == at(3, 6, 9));
    CHECK(r.total_float[0] == Duration{kDay});
    CHECK(r.total_float[1] == Duration{0});
    CHECK(validate_schedule(pf, r).empty());
    // MSO earlier than logic: conflict, B still starts on the date.
    Portfolio pf2 = chain_with(ConstraintType::must_start_on, at(3, 3, 9));
    const auto r2 = schedule(pf2);
    CHECK(r2.early_start[1] == at(3, 3, 9));
    CHECK(r2.total_float[0] == Duration{-2 * kDay});
    CHECK(has_warning(r2, ScheduleWarningKind::constraint_conflict, 1));
}

TEST_CASE("cpm: MFO pins the finish") {
    // B 2d MFO Tue 10 18:00: B = Mon 9 09:00 - Tue 10 18:00.
    Portfolio pf = chain_with(ConstraintType::must_finish_on, at(3, 10, 18), 2);
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 9, 9));
    CHECK(r.early_finish[1] == at(3, 10, 18));
    CHECK(r.late_finish[1] == at(3, 10, 18));
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: ALAP consumes free float") {
    // A 1d Mon 2 -> C 3d Tue 3 - Thu 5 (project finish). B 1d ALAP, no links: moves to Thu 5.
    // D 1d ALAP -> C: its free float is C's start Tue 09:00, so D stays at Mon 2.
    Portfolio pf = one_project();
    add_task(pf, "A", 1);
    add_task(pf, "B", 1).constraint.type = ConstraintType::as_late_as_possible;
    add_task(pf, "C", 3);
    add_task(pf, "D", 1).constraint.type = ConstraintType::as_late_as_possible;
    link(pf, "A", "C");
    link(pf, "D", "C");
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 5, 9));
    CHECK(r.total_float[1] == Duration{0});
    CHECK(r.early_start[3] == at(3, 2, 9));
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: an ALAP task under a summary stays before the summary's successor") {
    // S = summary of X 1d and Y 1d ALAP; S -> Z (FS); L 5d alone makes the project end Fri 6.
    // Y may move as late as the link out of its summary allows: to Mon 2, Z's start being Tue 3
    // 09:00 (found by fuzzing ppm level: Y moved to the project's end, past Z, and the summary's
    // link broke).
    Portfolio pf = one_project();
    add_task(pf, "S", 0);
    add_task(pf, "X", 1).parent = TaskId{"S"};
    Task& y = add_task(pf, "Y", 1);
    y.parent = TaskId{"S"};
    y.constraint.type = ConstraintType::as_late_as_possible;
    add_task(pf, "Z", 1);
    add_task(pf, "L", 5);
    link(pf, "S", "Z");
    const auto r = schedule(pf);
    CHECK(r.early_start[3] == at(3, 3, 9));   // Z
    CHECK(r.early_finish[2] == at(3, 2, 18));  // Y
    CHECK(r.early_finish[0] == at(3, 2, 18));  // S
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: a milestone pinned before its predecessor ends, in time its calendar does not work, is a conflict") {
    // A (1 hour, 24/7) runs Mon 2 March 00:00-01:00, before the project calendar's first working
    // minute (09:00). M (a milestone on the project calendar, after A) must finish on Mon 00:30:
    // it sits at Fri 27 Feb 18:00, the end of work before, with no working minute between there
    // and A's finish. Working time cannot tell the two apart, but a milestone's date is an
    // instant, so the MFO wins over the link: a conflict, reported (found by fuzzing ppm level).
    Portfolio pf = one_project();
    pf.calendars.push_back(Calendar::twenty_four_seven(CalendarId{"24x7"}));
    pf.projects[0].start = at(3, 2, 0);
    Task& a = add_task(pf, "A", 0);
    a.duration = Duration{60};
    a.calendar = CalendarId{"24x7"};
    Task& m = add_task(pf, "M", 0);
    m.constraint = {.type = ConstraintType::must_finish_on, .date = at(3, 2, 0, 30)};
    link(pf, "A", "M");
    const auto r = schedule(pf);
    CHECK(r.early_finish[0] == at(3, 2, 1));
    CHECK(r.early_start[1] == at(2, 27, 18));
    CHECK(std::any_of(r.warnings.begin(), r.warnings.end(), [](const ScheduleWarning& w) {
        return w.kind == ScheduleWarningKind::constraint_conflict && w.task == TaskIndex{1};
    }));
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: project deadline sets the late finish, missed deadline shows negative float") {
    // A 3d Mon 2 - Wed 4, deadline Tue 3 18:00 -> LF(A) = Tue 3 18:00, TF = -1 day, warning.
    Portfolio pf = one_project();
    add_task(pf, "A", 3);
    pf.projects[0].deadline = at(3, 3, 18);
    auto r = schedule(pf);
    CHECK(r.late_finish[0] == at(3, 3, 18));
    CHECK(r.total_float[0] == Duration{-kDay});
    CHECK(std::any_of(r.warnings.begin(), r.warnings.end(),
                      [](const ScheduleWarning& w) { return w.kind == ScheduleWarningKind::deadline_missed; }));
    // A later deadline (Fri 6 18:00) gives every task float up to it (P6 "must finish by").
    pf.projects[0].deadline = at(3, 6, 18);
    r = schedule(pf);
    CHECK(r.total_float[0] == Duration{2 * kDay});
}

TEST_CASE("cpm: task deadline is soft: negative float, no move") {
    // A 2d -> B 2d (Wed 4 - Thu 5), B deadline Wed 4 18:00: B does not move; TF(B) = -1 day and
    // its predecessor A inherits it: LS(B) = Wed 4 18:00 - 2 days = Tue 3 09:00, so LF(A) = Mon 2
    // 18:00 while EF(A) = Tue 3 18:00 -> TF(A) = -1 day.
    Portfolio pf = one_project();
    add_task(pf, "A", 2);
    add_task(pf, "B", 2).deadline = at(3, 4, 18);
    link(pf, "A", "B");
    const auto r = schedule(pf);
    CHECK(r.early_finish[1] == at(3, 5, 18));
    CHECK(r.total_float[1] == Duration{-kDay});
    CHECK(r.total_float[0] == Duration{-kDay});
    CHECK(has_warning(r, ScheduleWarningKind::deadline_missed, 1));
}

TEST_CASE("cpm: a date past 9999-12-31 is a model error naming the task, not an internal error") {
    // Boost's Gregorian calendar, and so ppm, covers the years 1400-9999 (docs/limits.md).
    Portfolio pf = one_project();
    pf.projects[0].start = Instant::from_ymd_hm(9999, 12, 20, 9, 0);
    add_task(pf, "LATE", 300);
    try {
        (void)schedule(pf);
        FAIL("no error");
    } catch (const ModelError& e) {
        CHECK(std::string(e.what()).find("LATE") != std::string::npos);
        CHECK(std::string(e.what()).find("9999-12-31") != std::string::npos);
    }
    CHECK_THROWS_AS(to_string(Date{3'000'000}), ModelError);
}
