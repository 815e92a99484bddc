// Tests of `validate_level` (include/ppm/leveling/level_validator.hpp): a levelled schedule passes;
// each kind of damage done to it by hand (two tasks on one person at once, a capacity that falls
// back when an availability period ends, a broken link, a piece out of working time, pieces that
// do not hold the duration) is found and named; over-allocations the result reports are exempt
// unless strict.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "level_generator.hpp"
#include "ppm/leveling/level.hpp"
#include "ppm/leveling/level_validator.hpp"

using namespace ppm;

namespace {

const Instant kMonday = Instant::from_ymd_hm(2026, 3, 2, 8, 0);  // test::two_tasks_one_person's project start

// test::two_tasks_one_person (A and B, two days each, both on Ana; the standard calendar), B
// after A when `linked`.
Portfolio two_tasks(bool linked) {
    Portfolio pf = test::two_tasks_one_person();
    if (linked) pf.projects[0].tasks[1].predecessors.push_back({.predecessor = TaskId{"A"}});
    return pf;
}

std::size_t count(const std::vector<Violation>& v, ViolationKind k) {
    return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [k](const Violation& x) { return x.kind == k; }));
}

// Moves task i (and its pieces) by `by`.
void shift(LevelResult& r, std::size_t i, Duration by) {
    r.start[i] = r.start[i] + by;
    r.finish[i] = r.finish[i] + by;
    for (std::uint32_t k = r.piece_offsets[i]; k < r.piece_offsets[i + 1]; ++k) {
        r.piece_start[k] = r.piece_start[k] + by;
        r.piece_finish[k] = r.piece_finish[k] + by;
    }
}

}  // namespace

TEST_CASE("validate_level: a levelled schedule passes, two tasks on one person at once do not") {
    const Portfolio pf = two_tasks(false);
    LevelResult r = level(pf);
    REQUIRE(r.status == LevelStatus::levelled);
    CHECK(validate_level(pf, r).empty());
    // Put the later task on top of the earlier one: Ana holds 2 units for two days.
    const std::size_t later = r.start[0] < r.start[1] ? 1 : 0;
    shift(r, later, Duration{-2 * kMinutesPerDay});
    const auto v = validate_level(pf, r);
    REQUIRE(count(v, ViolationKind::capacity) == 1);
    const Violation& c = *std::find_if(v.begin(), v.end(), [](const Violation& x) { return x.kind == ViolationKind::capacity; });
    CHECK(c.other == "ANA");
    CHECK(c.message.find("demand up to 2") != std::string::npos);
    CHECK(c.message.find("A, B") != std::string::npos);  // both holders named
    CHECK(c.message.find("2026-03-02") != std::string::npos);
    CHECK(count(v, ViolationKind::link) == 0);
}

TEST_CASE("validate_level: capacity falls back to max_units where an availability period ends") {
    // Ana has 2 units in the first week only. A and B side by side from Friday run into the second
    // week, where she has one unit again: over capacity from the next Monday 00:00 (the period's
    // end) to that Monday's end of work, not on the Friday.
    Portfolio pf = two_tasks(false);
    pf.resources[0].availability.push_back({kMonday, kMonday + Duration{7 * kMinutesPerDay - 8 * 60}, 2.0});
    LevelResult r = level(pf);
    REQUIRE(r.status == LevelStatus::levelled);
    CHECK(validate_level(pf, r).empty());
    const Instant friday = kMonday + Duration{4 * kMinutesPerDay}, monday_end = kMonday + Duration{7 * kMinutesPerDay + 9 * 60};
    for (std::size_t i = 0; i < 2; ++i) {  // both Friday 08:00 .. Monday 17:00
        REQUIRE(r.piece_offsets[i + 1] - r.piece_offsets[i] == 1);
        r.start[i] = r.piece_start[r.piece_offsets[i]] = friday;
        r.finish[i] = r.piece_finish[r.piece_offsets[i]] = monday_end;
    }
    CHECK(count(validate_level(pf, r), ViolationKind::calendar) == 0);
    const auto v = validate_level(pf, r);
    REQUIRE(count(v, ViolationKind::capacity) == 1);
    const Violation& c = *std::find_if(v.begin(), v.end(), [](const Violation& x) { return x.kind == ViolationKind::capacity; });
    CHECK(c.message.find("2026-03-09") != std::string::npos);  // from the period's end
    CHECK(c.message.find("capacity 1") != std::string::npos);
    CHECK(c.message.find("2026-03-06") == std::string::npos);  // Friday is inside the period: 2 units fit
}

TEST_CASE("validate_level: a broken link and a task moved into non-working time are found") {
    const Portfolio pf = two_tasks(true);
    const LevelResult good = level(pf);
    REQUIRE(validate_level(pf, good).empty());
    LevelResult r = good;
    shift(r, 1, Duration{-kMinutesPerDay});  // B starts a day before A finishes (and overlaps A on Ana)
    auto v = validate_level(pf, r);
    CHECK(count(v, ViolationKind::link) >= 1);
    CHECK(count(v, ViolationKind::capacity) == 1);
    r = good;
    shift(r, 1, Duration{3 * kMinutesPerDay});  // B from Saturday 08:00
    v = validate_level(pf, r);
    CHECK(count(v, ViolationKind::calendar) >= 1);
    CHECK(count(v, ViolationKind::piece) >= 1);
    CHECK(std::any_of(v.begin(), v.end(), [](const Violation& x) { return x.task == "B"; }));
}

TEST_CASE("validate_level: the pieces of a split task must hold its duration in working time") {
    // Three tasks on one person, the middle one split around a higher-priority task fixed on its date.
    Portfolio pf = two_tasks(false);
    pf.projects[0].tasks[0].duration = Duration{4 * 480};
    Task x;
    x.id = TaskId{"X"};
    x.duration = Duration{480};
    x.priority = 1000;  // do not level: holds Ana on Tuesday
    x.constraint = {.type = ConstraintType::start_no_earlier_than, .date = kMonday + Duration{kMinutesPerDay}};
    x.assignments.push_back({.resource = ResourceId{"ANA"}, .units = 1.0});
    pf.projects[0].tasks.push_back(x);
    LevelResult r = level(pf, {.split = true});
    REQUIRE(r.status == LevelStatus::levelled);
    REQUIRE(std::any_of(r.is_split.begin(), r.is_split.end(), [](std::uint8_t s) { return s != 0; }));
    CHECK(validate_level(pf, r).empty());
    const std::size_t s = static_cast<std::size_t>(std::find(r.is_split.begin(), r.is_split.end(), 1) - r.is_split.begin());
    const std::uint32_t last = r.piece_offsets[s + 1] - 1;
    LevelResult shorter = r;  // the last piece ends an hour early, and so does the task
    shorter.piece_finish[last] = shorter.piece_finish[last] - Duration{60};
    shorter.finish[s] = shorter.piece_finish[last];
    auto v = validate_level(pf, shorter);
    REQUIRE(count(v, ViolationKind::piece) == 1);
    CHECK(v.front().message.find("duration is") != std::string::npos);
    LevelResult detached = r;  // the task's finish no longer where its last piece ends
    detached.finish[s] = detached.finish[s] + Duration{kMinutesPerDay};
    v = validate_level(pf, detached);
    CHECK(std::any_of(v.begin(), v.end(), [](const Violation& y) { return y.kind == ViolationKind::piece && y.message.find("pieces span") != std::string::npos; }));
}

TEST_CASE("validate_level: over-allocations the result reports are exempt unless strict") {
    // Within float, the two tasks cannot both keep their dates: the result reports Ana's over-allocation.
    const Portfolio pf = two_tasks(false);
    const LevelResult r = level(pf, {.within_float = true});
    REQUIRE(r.status == LevelStatus::over_allocated);
    REQUIRE_FALSE(r.over_allocations.empty());
    CHECK(validate_level(pf, r).empty());
    const auto strict = validate_level(pf, r, {.strict_capacity = true});
    CHECK(count(strict, ViolationKind::capacity) == 1);
    LevelResult unreported = r;
    unreported.over_allocations.clear();
    CHECK(count(validate_level(pf, unreported), ViolationKind::capacity) == 1);
}

TEST_CASE("validate_level: random portfolios levelled with and without splits pass") {
    for (std::uint64_t seed = 1; seed <= 4; ++seed) {
        const Portfolio pf = test::random_portfolio({.projects = 3, .tasks_per_project = 20, .resources = 3, .seed = seed});
        for (const bool split : {false, true}) {
            CAPTURE(seed, split);
            const LevelResult r = level(pf, {.split = split, .schedules = 200, .seed = seed});
            const auto v = validate_level(pf, r);
            CHECK(v.empty());
            if (!v.empty()) INFO(v.front().message);
        }
    }
}

TEST_CASE("validate_level: a result whose arrays do not fit together is reported, not read") {
    const Portfolio pf = two_tasks(false);
    LevelResult r = level(pf);
    r.piece_offsets.pop_back();
    const auto v = validate_level(pf, r);
    REQUIRE(v.size() == 1);
    CHECK(v[0].kind == ViolationKind::piece);
    CHECK(v[0].message.find("piece_offsets") != std::string::npos);
}

TEST_CASE("validate_level: a pinned milestone whose predecessor levelling delays keeps its date, and level says so") {
    // A and B on Ana, A first (priority 800); milestone M must finish on Tuesday 17:00 (MFO), after
    // B. Levelling moves B to Wednesday-Thursday, past M: the link breaks as in MS Project and P6
    // (negative float). `level` names it in its warnings; the checker does not count a link into
    // a task held by a hard constraint.
    Portfolio pf = two_tasks(false);
    pf.projects[0].tasks[0].priority = 800;
    Task m;
    m.id = TaskId{"M"};
    m.duration = Duration{0};
    m.constraint = {.type = ConstraintType::must_finish_on, .date = Instant::from_ymd_hm(2026, 3, 3, 17, 0)};
    m.predecessors.push_back({.predecessor = TaskId{"B"}});
    pf.projects[0].tasks.push_back(m);
    const LevelResult r = level(pf);
    REQUIRE(r.start[1] == Instant::from_ymd_hm(2026, 3, 4, 8, 0));
    CHECK(r.finish[2] == Instant::from_ymd_hm(2026, 3, 3, 17, 0));
    CHECK(std::any_of(r.warnings.begin(), r.warnings.end(), [](const std::string& w) {
        return w.find("task M is held by its MFO") != std::string::npos && w.find("predecessor B") != std::string::npos;
    }));
    CHECK(validate_level(pf, r).empty());
}

TEST_CASE("validate_level: a task whose hard SNLT is before the project start sits on its date, as the CPM puts it") {
    // A (on Ana) must start no later than Friday 27 February, before its project starts on Monday 2
    // March: the constraint wins over the project start in the CPM (a conflict it reports), and in
    // levelling too. B, also on Ana, waits for A to finish on Monday.
    Portfolio pf = two_tasks(false);
    pf.projects[0].tasks[0].constraint = {.type = ConstraintType::start_no_later_than, .date = Instant::from_ymd_hm(2026, 2, 27, 8, 0)};
    const LevelResult r = level(pf);
    CHECK(r.start[0] == Instant::from_ymd_hm(2026, 2, 27, 8, 0));
    CHECK(r.start[0] == r.cpm_start[0]);
    CHECK(r.start[1] == Instant::from_ymd_hm(2026, 3, 3, 8, 0));
    CHECK(validate_level(pf, r).empty());
}

TEST_CASE("validate_level: a milestone whose hard FNLT is an instant before its predecessor's finish sits where the CPM puts it") {
    // Z (1 hour, 24/7) runs Mon 2 March 00:00-01:00; milestone M after it must finish no later than
    // Mon 00:30, which on M's calendar is the end of work before, Fri 27 Feb 17:00, with no working
    // minute between there and Z's finish. The FNLT wins over the link in the CPM (a conflict) and
    // in levelling alike: M on Fri 17:00.
    Portfolio pf = two_tasks(false);
    pf.calendars.push_back(Calendar::twenty_four_seven(CalendarId{"24x7"}));
    pf.projects[0].start = Instant::from_ymd_hm(2026, 3, 2, 0, 0);
    Task z;
    z.id = TaskId{"Z"};
    z.duration = Duration{60};
    z.calendar = CalendarId{"24x7"};
    Task m;
    m.id = TaskId{"M"};
    m.duration = Duration{0};
    m.constraint = {.type = ConstraintType::finish_no_later_than, .date = Instant::from_ymd_hm(2026, 3, 2, 0, 30)};
    m.predecessors.push_back({.predecessor = TaskId{"Z"}});
    pf.projects[0].tasks.push_back(z);
    pf.projects[0].tasks.push_back(m);
    const LevelResult r = level(pf);
    CHECK(r.cpm_start[3] == Instant::from_ymd_hm(2026, 2, 27, 17, 0));
    CHECK(r.start[3] == r.cpm_start[3]);
    CHECK(validate_level(pf, r).empty());
}
