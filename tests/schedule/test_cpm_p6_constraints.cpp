// CPM: P6's constraint types, MS Project's "honor constraints" off, secondary constraints, and
// milestone late dates across calendars (issue 19, points 1-3). Hand-computed on the test calendar
// (Mon-Fri 09:00-12:00, 13:00-18:00, 480 min/day; 2026-03-02 is a Monday).
// Semantics: Oracle P6 help, "Working with activity constraints" (only Mandatory Start / Finish
// override logic; Start On / Finish On delay the early date and pull in the late date, the conflict
// shows as negative float); MS Project's <HonorConstraints> (MSPDI reference): off, logic wins.
// Milestone late dates at the start of a working period take the end of the previous one, as P6
// does (MPXJ's PrimaveraScheduler, getEquivalentPreviousWorkFinish).
#include <catch2/catch.hpp>

#include <algorithm>

#include "fixtures.hpp"
#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/validator.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {

// chain_with (fixtures.hpp) in a project that does or does not honour its constraints.
Portfolio chain_honoring(ConstraintType type, Instant date, bool honor) {
    Portfolio pf = chain_with(type, date);
    pf.projects[0].honor_constraints = honor;
    return pf;
}

}  // namespace

TEST_CASE("cpm: P6 Start On earlier than logic: logic wins, the conflict is negative float") {
    // ES(B) = Thu 5 09:00 (logic). The late start is capped at Tue 3 09:00: LF(B) = Tue 3 18:00,
    // TF(B) = W(Tue 3 18:00) - W(Thu 5 18:00) = -2 days; A must finish by B's late start:
    // LF(A) = Mon 2 18:00, TF(A) = -2 days. No constraint overrides logic: no conflict.
    for (const bool honor : {true, false}) {
        Portfolio pf = chain_honoring(ConstraintType::start_on, at(3, 3, 9), honor);
        const auto r = schedule(pf);
        CHECK(r.early_start[1] == at(3, 5, 9));
        CHECK(r.late_start[1] == at(3, 3, 9));
        CHECK(r.total_float[1] == Duration{-2 * kDay});
        CHECK(r.total_float[0] == Duration{-2 * kDay});
        CHECK_FALSE(has_warning(r, ScheduleWarningKind::constraint_conflict, 1));
        CHECK(has_warning(r, ScheduleWarningKind::negative_float, 1));
        CHECK(validate_schedule(pf, r).empty());
    }
}

TEST_CASE("cpm: P6 Start On later than logic delays the start and caps the late start") {
    // C 10d (Mon 2 - Fri 13) runs beside: the project finishes Fri 13 18:00. B SO Tue 10 09:00:
    // ES(B) = Tue 10 09:00; without the cap LS(B) would be Fri 13 09:00, with it Tue 10 09:00.
    Portfolio pf = chain_with(ConstraintType::start_on, at(3, 10, 9));
    add_task(pf, "C", 10);
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 10, 9));
    CHECK(r.late_start[1] == at(3, 10, 9));
    CHECK(r.total_float[1] == Duration{0});
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: P6 Finish On raises the early finish and caps the late finish") {
    // B FO Mon 9 18:00 with C 10d beside: EF(B) = LF(B) = Mon 9 18:00, TF 0.
    Portfolio pf = chain_honoring(ConstraintType::finish_on, at(3, 9, 18), false);
    add_task(pf, "C", 10);
    const auto r = schedule(pf);
    CHECK(r.early_finish[1] == at(3, 9, 18));
    CHECK(r.late_finish[1] == at(3, 9, 18));
    CHECK(r.total_float[1] == Duration{0});
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: P6 Mandatory Start overrides logic even when the project does not honour constraints") {
    Portfolio pf = chain_honoring(ConstraintType::mandatory_start, at(3, 3, 9), false);
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 3, 9));
    CHECK(r.late_start[1] == at(3, 3, 9));
    CHECK(r.total_float[0] == Duration{-2 * kDay});
    CHECK(has_warning(r, ScheduleWarningKind::constraint_conflict, 1));
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: MSO and SNLT in a project that does not honour constraints: logic wins") {
    // MS Project with "Tasks will always honor their constraint dates" off: MSO acts as P6's
    // Start On, SNLT only caps the late start. Both give ES(B) = Thu 5 09:00 and TF(B) = -2 days.
    for (const ConstraintType ct : {ConstraintType::must_start_on, ConstraintType::start_no_later_than}) {
        Portfolio pf = chain_honoring(ct, at(3, 3, 9), false);
        const auto r = schedule(pf);
        CHECK(r.early_start[1] == at(3, 5, 9));
        CHECK(r.late_start[1] == at(3, 3, 9));
        CHECK(r.total_float[1] == Duration{-2 * kDay});
        CHECK_FALSE(has_warning(r, ScheduleWarningKind::constraint_conflict, 1));
        CHECK(validate_schedule(pf, r).empty());
        // Honoured (MS Project's default), the same constraint pulls B back onto Tue 3.
        Portfolio honoured = chain_honoring(ct, at(3, 3, 9), true);
        const auto h = schedule(honoured);
        CHECK(h.early_start[1] == at(3, 3, 9));
        CHECK(has_warning(h, ScheduleWarningKind::constraint_conflict, 1));
    }
}

TEST_CASE("cpm: a secondary constraint binds beside the primary") {
    // B primary SNET Fri 6 09:00, secondary FNLT Mon 9 18:00, C 10d beside (finish Fri 13):
    // ES(B) = Fri 6 09:00, LF(B) = Mon 9 18:00, TF(B) = 1 day (without the secondary: 5 days).
    Portfolio pf = chain_honoring(ConstraintType::start_no_earlier_than, at(3, 6, 9), false);
    find(pf, "B").secondary_constraint = Constraint{ConstraintType::finish_no_later_than, at(3, 9, 18)};
    add_task(pf, "C", 10);
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 6, 9));
    CHECK(r.late_finish[1] == at(3, 9, 18));
    CHECK(r.total_float[1] == Duration{kDay});
    CHECK(validate_schedule(pf, r).empty());
    // The validator checks the secondary too: a late finish moved past it is reported.
    auto broken = r;
    broken.late_finish[1] = at(3, 10, 18);
    broken.late_start[1] = at(3, 10, 9);
    broken.total_float[1] = Duration{2 * kDay};
    const auto v = validate_schedule(pf, broken);
    CHECK(std::any_of(v.begin(), v.end(), [](const Violation& x) { return x.kind == ViolationKind::constraint; }));
}

TEST_CASE("cpm: a milestone's late date at the start of a working period takes the previous end") {
    // X 1d on a seven-day calendar -> M (milestone, test calendar) -> D 1d SNET Mon 9 09:00.
    // Forward: X Mon 2 09:00-18:00, M Mon 2 18:00, D Mon 9. Backward: D's LS is Mon 9 09:00, so
    // M's late date is Fri 6 18:00 (not Mon 9 09:00) and X, on seven days, must finish by then:
    // LF(X) = Fri 6 18:00, TF(X) = 4 days. Bound from Mon 9 09:00 it would gain Sat and Sun (6).
    Portfolio pf = one_project();
    Calendar seven = test_calendar("seven");
    for (auto& day : seven.week) day = DaySchedule{{540, 720}, {780, 1080}};
    pf.calendars.push_back(seven);
    add_task(pf, "X", 1).calendar = CalendarId{"seven"};
    Task& m = add_task(pf, "M", 0);
    m.milestone = true;
    add_task(pf, "D", 1).constraint = Constraint{ConstraintType::start_no_earlier_than, at(3, 9, 9)};
    link(pf, "X", "M");
    link(pf, "M", "D");
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 2, 18));
    CHECK(r.late_start[1] == at(3, 6, 18));
    CHECK(r.late_finish[1] == at(3, 6, 18));
    CHECK(r.total_float[1] == Duration{4 * kDay});
    CHECK(r.late_finish[0] == at(3, 6, 18));
    CHECK(r.total_float[0] == Duration{4 * kDay});
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: links hold on late dates across calendars (milestone on a shorter day)") {
    // P 1d on the test calendar (09-18) -> M milestone on a 09-17 calendar -> D 7h on it, SNET
    // Wed 4 09:00. Forward: P Mon 2 09:00-18:00; M can't sit at 18:00 on its calendar: Tue 3
    // 09:00; D Wed 4. Backward: M's late date from D's LS Wed 4 09:00 is Tue 3 17:00, and P
    // must finish by then: LF(P) = Tue 3 17:00 (not 18:00), TF(P) = 1 day - 1 hour = 420 min.
    Portfolio pf = one_project();
    pf.calendars.push_back(Calendar::standard(CalendarId{"short"}, DaySchedule{{540, 720}, {780, 1020}}));
    add_task(pf, "P", 1);
    Task& m = add_task(pf, "M", 0);
    m.milestone = true;
    m.calendar = CalendarId{"short"};
    Task& d = add_task(pf, "D", 0);
    d.duration = Duration{420};
    d.calendar = CalendarId{"short"};
    d.constraint = Constraint{ConstraintType::start_no_earlier_than, at(3, 4, 9)};
    link(pf, "P", "M");
    link(pf, "M", "D");
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 3, 9));
    CHECK(r.late_start[1] == at(3, 3, 17));
    CHECK(r.late_finish[0] == at(3, 3, 17));
    CHECK(r.total_float[0] == Duration{420});
    CHECK(validate_schedule(pf, r).empty());
    // The validator checks links on late dates: P finishing at 18:00 after M's 17:00 breaks FS.
    auto broken = r;
    broken.late_finish[0] = at(3, 3, 18);
    broken.late_start[0] = at(3, 3, 9);
    broken.total_float[0] = Duration{kDay};
    const auto v = validate_schedule(pf, broken);
    CHECK(std::any_of(v.begin(), v.end(), [](const Violation& x) {
        return x.kind == ViolationKind::link && x.task == "M" && x.other == "P" && x.message.find("late") != std::string::npos;
    }));
}

TEST_CASE("cpm: a milestone that ends the project keeps its early date as its late date") {
    // P (09-18) -> M on 09-17, nothing after: M sits at Tue 3 09:00 and finishes the project; its
    // late date stays Tue 3 09:00 (the previous end, Mon 2 17:00, would be earlier than its early
    // date in the same working minute) and P keeps zero float.
    Portfolio pf = one_project();
    pf.calendars.push_back(Calendar::standard(CalendarId{"short"}, DaySchedule{{540, 720}, {780, 1020}}));
    add_task(pf, "P", 1);
    Task& m = add_task(pf, "M", 0);
    m.milestone = true;
    m.calendar = CalendarId{"short"};
    link(pf, "P", "M");
    const auto r = schedule(pf);
    CHECK(r.early_start[1] == at(3, 3, 9));
    CHECK(r.late_start[1] == at(3, 3, 9));
    CHECK(r.total_float[0] == Duration{0});
    CHECK(validate_schedule(pf, r).empty());
}
