// CPM with progress: status date, actual start/finish, remaining duration; retained logic vs
// progress override as Primavera P6 defines them (P6 Professional help, "Schedule Options":
// retained logic = the remaining duration of a progressed activity is scheduled according to
// network logic; progress override = network logic is ignored for progressed activities, whose
// remaining work resumes at the data date). Dates hand-computed on the test calendar
// (Mon-Fri 09:00-12:00, 13:00-18:00; 2026-03-02 is a Monday); status date Wed 4 09:00.
#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/validator.hpp"

using namespace ppm;
using namespace ppm::test;

TEST_CASE("cpm: progress from a status date (in progress, complete, not started)") {
    Portfolio pf = one_project();
    pf.status_date = at(3, 4, 9);
    // A 4d started Mon 2 09:00, 50% done -> 2 days remain from Wed 4 09:00: Wed, Thu -> Thu 5 18:00.
    Task& a = add_task(pf, "A", 4);
    a.progress.actual_start = at(3, 2, 9);
    a.progress.percent_complete = 50.0;
    // B 1d not started, no predecessor: not before the status date -> Wed 4.
    add_task(pf, "B", 1);
    // C complete Mon 2 - Tue 3; D FS after C: logic says Wed 4 09:00, status date agrees.
    Task& c = add_task(pf, "C", 2);
    c.progress.actual_start = at(3, 2, 9);
    c.progress.actual_finish = at(3, 3, 18);
    c.progress.percent_complete = 100.0;
    add_task(pf, "D", 1);
    link(pf, "C", "D");
    // E FS after A: Fri 6.
    add_task(pf, "E", 1);
    link(pf, "A", "E");
    const auto r = schedule(pf);
    CHECK(r.early_start[0] == at(3, 2, 9));
    CHECK(r.early_finish[0] == at(3, 5, 18));
    CHECK(r.duration[0] == Duration{2 * kDay});
    CHECK(r.early_start[1] == at(3, 4, 9));
    CHECK(r.early_start[2] == at(3, 2, 9));
    CHECK(r.early_finish[2] == at(3, 3, 18));
    CHECK(r.critical[2] == 0);  // complete tasks are never critical
    CHECK(r.early_start[3] == at(3, 4, 9));
    CHECK(r.early_start[4] == at(3, 6, 9));
    CHECK(r.total_float[0] == Duration{0});
    CHECK(validate_schedule(pf, r).empty());
}

TEST_CASE("cpm: retained logic vs progress override") {
    // P 2d not started (no predecessor): Wed 4 - Thu 5. T 3d started out of sequence on Mon 2
    // with 1 day remaining, FS after P.
    // Retained logic: T's remaining day waits for P -> Fri 6 09:00 - 18:00.
    // Progress override: T resumes at the status date -> finishes Wed 4 18:00.
    Portfolio pf = one_project();
    pf.status_date = at(3, 4, 9);
    add_task(pf, "P", 2);
    Task& t = add_task(pf, "T", 3);
    t.progress.actual_start = at(3, 2, 9);
    t.progress.remaining_duration = Duration{kDay};
    link(pf, "P", "T");
    ScheduleOptions retained;
    const auto r1 = schedule(pf, retained);
    CHECK(r1.early_start[1] == at(3, 2, 9));
    CHECK(r1.early_finish[1] == at(3, 6, 18));
    CHECK(r1.driving_predecessor[1] == TaskIndex{0});
    CHECK(validate_schedule(pf, r1).empty());

    ScheduleOptions override_;
    override_.progress_mode = ProgressMode::progress_override;
    const auto r2 = schedule(pf, override_);
    CHECK(r2.early_start[1] == at(3, 2, 9));
    CHECK(r2.early_finish[1] == at(3, 4, 18));
    // P no longer drives T: P's float runs to the project finish (Thu 5 18:00) -> 0, T has
    // LF = project finish Thu 5 18:00, EF Wed 4 18:00 -> 1 day.
    CHECK(r2.total_float[1] == Duration{kDay});
    ValidatorOptions vo;
    vo.progress_mode = ProgressMode::progress_override;
    CHECK(validate_schedule(pf, r2, vo).empty());
}

TEST_CASE("cpm: status date option overrides the model's") {
    // B 1d, no predecessors; options.status_date Mon 9 09:00 -> B starts Mon 9.
    Portfolio pf = one_project();
    pf.status_date = at(3, 4, 9);
    add_task(pf, "B", 1);
    ScheduleOptions o;
    o.status_date = at(3, 9, 9);
    const auto r = schedule(pf, o);
    CHECK(r.early_start[0] == at(3, 9, 9));
    ValidatorOptions vo;
    vo.status_date = o.status_date;
    CHECK(validate_schedule(pf, r, vo).empty());
}

TEST_CASE("cpm: free float of an in-progress task as P6 reports it") {
    // A 4d started Mon 2 09:00, 50 % done at the status date Wed 4 09:00: A runs to Thu 5 18:00.
    // E FS after A with a 1d lag is pushed by an SNET to Tue 10 09:00: A's finish can slip until
    // E's start minus the lag (Mon 9 09:00, i.e. Fri 6 18:00), so FF(A) = Fri 6 = 1 day. With an SS
    // successor instead, P6 gives a started activity no free float: its start cannot slip
    // (MPXJ's PrimaveraSlackCalculator, which reproduces P6's free float). Complete tasks: 0.
    auto build = [](LinkType type) {
        Portfolio pf = one_project();
        pf.status_date = at(3, 4, 9);
        Task& a = add_task(pf, "A", 4);
        a.progress.actual_start = at(3, 2, 9);
        a.progress.percent_complete = 50.0;
        add_task(pf, "E", 1).constraint = Constraint{ConstraintType::start_no_earlier_than, at(3, 10, 9)};
        link(pf, "A", "E", type, type == LinkType::finish_start ? working_days(1) : Lag{});
        add_task(pf, "F", 8);  // keeps the project open to Fri 13
        Task& c = add_task(pf, "C", 1);
        c.progress.actual_start = at(3, 2, 9);
        c.progress.actual_finish = at(3, 2, 18);
        c.progress.percent_complete = 100.0;
        link(pf, "C", "F");
        return pf;
    };
    const Portfolio fs = build(LinkType::finish_start);
    const auto r = schedule(fs);
    CHECK(r.early_finish[0] == at(3, 5, 18));
    CHECK(r.free_float[0] == Duration{kDay});
    CHECK(r.free_float[3] == Duration{0});
    CHECK(validate_schedule(fs, r).empty());
    const Portfolio ss = build(LinkType::start_start);
    const auto r2 = schedule(ss);
    CHECK(r2.free_float[0] == Duration{0});
    CHECK(validate_schedule(ss, r2).empty());
}

TEST_CASE("cpm: a summary whose children are all complete is not critical") {
    // Criticality is about remaining work (issue 20, point 4): S holds A and B, both finished; C,
    // not started, follows them. S and its children have float 0 but are not critical; C is.
    Portfolio pf = one_project();
    pf.status_date = at(3, 4, 9);
    add_task(pf, "S", 0);
    for (const char* id : {"A", "B"}) {
        Task& t = add_task(pf, id, 1);
        t.parent = TaskId{"S"};
        t.progress.actual_start = at(3, 2, 9);
        t.progress.actual_finish = at(3, 2, 18);
        t.progress.percent_complete = 100.0;
    }
    add_task(pf, "C", 2);
    link(pf, "S", "C");
    const auto r = schedule(pf);
    CHECK(r.is_summary[0] == 1);
    CHECK(r.critical[0] == 0);
    CHECK(r.critical[1] == 0);
    CHECK(r.critical[2] == 0);
    CHECK(r.critical[3] == 1);
    CHECK(validate_schedule(pf, r).empty());
}
