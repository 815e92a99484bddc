// Property tests on seeded random networks: without constraints ES <= LS and floats >= 0, the
// independent validator finds nothing, the longest path is a chain of driving links ending at the
// project finish and (on a single calendar) made of critical tasks; run_cpm agrees with schedule.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "fixtures.hpp"
#include "ppm/schedule/cpm.hpp"
#include "ppm/schedule/validator.hpp"

using namespace ppm;
using namespace ppm::test;

namespace {

struct GenOptions {
    bool several_calendars = false;
    bool summaries = true;
    bool all_link_types = true;
    bool odd_lags = true;  // elapsed and percent lags
};

// Random DAG: each task links to up to 3 earlier tasks (never to its own WBS ancestors), in one
// to three projects; durations 0-10 days plus odd minutes; random holidays.
Portfolio random_portfolio(std::uint64_t seed, const GenOptions& g) {
    std::mt19937_64 rng(seed);
    auto uniform = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1)); };
    Portfolio pf = one_project();
    for (int k = 0; k < 6; ++k) {
        const Date d = Date::from_ymd(2026, 3, 2) + uniform(0, 120);
        pf.calendars[0].exceptions.push_back(holiday(d, d + uniform(0, 2)));
    }
    if (g.several_calendars) {
        Calendar six = test_calendar("six");
        six.week[5] = DaySchedule{{480, 720}};
        six.exceptions.push_back(holiday(Date::from_ymd(2026, 3, 20), Date::from_ymd(2026, 3, 24)));
        pf.calendars.push_back(six);
        Calendar shift = Calendar::standard(CalendarId{"shift"}, DaySchedule{{360, 840}});
        shift.base = CalendarId{"std"};  // inherits the holidays
        pf.calendars.push_back(shift);
    }
    const int projects = uniform(1, 3);
    for (int p = 1; p < projects; ++p) {
        Project q;
        q.id = ProjectId{"P" + std::to_string(p)};
        q.start = at(3, 2, 9) + Duration{uniform(0, 10) * 1440};
        pf.projects.push_back(q);
    }
    const int n = uniform(20, 120);
    std::vector<std::string> ids;
    std::vector<int> parent_of;   // index of the WBS parent or -1
    std::vector<int> block_end;   // for summaries: one past their last child
    std::vector<std::size_t> project_of;
    int open_summary = -1;
    for (int i = 0; i < n; ++i) {
        std::size_t proj = static_cast<std::size_t>(uniform(0, projects - 1));
        if (open_summary >= 0 && i < block_end[static_cast<std::size_t>(open_summary)]) proj = project_of[static_cast<std::size_t>(open_summary)];
        else open_summary = -1;
        project_of.push_back(proj);
        const std::string id = "t" + std::to_string(i);
        Task& t = add_task(pf, id, uniform(0, 10), proj);
        if (t.duration.count() > 0 && uniform(0, 3) == 0) t.duration += Duration{uniform(1, 300)};
        ids.push_back(id);
        parent_of.push_back(open_summary);
        block_end.push_back(0);
        if (open_summary >= 0) t.parent = TaskId{ids[static_cast<std::size_t>(open_summary)]};
        if (g.several_calendars && uniform(0, 2) == 0) t.calendar = CalendarId{uniform(0, 1) == 0 ? "six" : "shift"};
        const bool make_summary = g.summaries && open_summary < 0 && uniform(0, 9) == 0 && i + 3 < n;
        if (make_summary) {
            t.duration = Duration{0};
            open_summary = i;
            block_end.back() = i + 1 + uniform(2, 5);
        }
        // Links to earlier tasks that are not WBS ancestors.
        const int links = i == 0 ? 0 : uniform(0, 3);
        for (int l = 0; l < links; ++l) {
            const int pred = uniform(0, i - 1);
            bool ancestor = false;
            for (int a = parent_of.back(); a >= 0; a = parent_of[static_cast<std::size_t>(a)]) ancestor = ancestor || a == pred;
            if (ancestor) continue;
            LinkType type = LinkType::finish_start;
            if (g.all_link_types) type = static_cast<LinkType>(uniform(0, 3));
            Lag lag = working_days(uniform(-1, 3));
            if (uniform(0, 4) == 0) lag.amount = Duration{uniform(-200, 900)};
            if (g.odd_lags && uniform(0, 5) == 0) lag = elapsed_minutes(uniform(0, 4000));
            if (g.odd_lags && uniform(0, 5) == 0) lag = percent(uniform(0, 100));
            link(pf, ids[static_cast<std::size_t>(pred)], id, type, lag,
                 g.several_calendars ? static_cast<LagCalendar>(uniform(0, 3)) : LagCalendar::predecessor);
        }
    }
    return pf;
}

void check_properties(const Portfolio& pf, const ScheduleResult& r, bool single_calendar) {
    const Network net(pf);
    const auto v = validate_schedule(pf, r);
    for (const auto& x : v) UNSCOPED_INFO(to_string(x.kind) << " " << x.task << " <- " << x.other << ": " << x.message);
    REQUIRE(v.empty());
    for (std::size_t i = 0; i < r.task_id.size(); ++i) {
        INFO("task " << r.task_id[i].str() << " ES " << to_string(r.early_start[i]) << " EF " << to_string(r.early_finish[i])
                      << " LS " << to_string(r.late_start[i]) << " LF " << to_string(r.late_finish[i]) << " TF "
                      << r.total_float[i].count() << " FF " << r.free_float[i].count() << " d " << r.duration[i].count());
        REQUIRE(r.total_float[i] >= Duration{0});
        REQUIRE(r.free_float[i] >= Duration{0});
        const WorkCalendar& cal = net.calendar(net.calendar_of()[i]);
        REQUIRE(cal.work_between(r.early_start[i], r.late_start[i]) >= Duration{0});
        if (!r.is_milestone[i]) {
            REQUIRE(r.early_start[i] <= r.late_start[i]);
            REQUIRE(r.early_finish[i] <= r.late_finish[i]);
        }
        if (!r.is_summary[i]) REQUIRE(r.free_float[i] <= r.total_float[i]);
    }
    for (std::size_t p = 0; p < r.longest_path.size(); ++p) {
        const auto& path = r.longest_path[p];
        if (path.empty()) continue;
        REQUIRE(r.early_finish[path.back().value()] == r.project_finish[p]);
        REQUIRE_FALSE(r.driving_predecessor[path.front().value()].valid());
        for (std::size_t k = 1; k < path.size(); ++k) REQUIRE(r.driving_predecessor[path[k].value()] == path[k - 1]);
        if (single_calendar && r.longest_path.size() == 1)
            for (auto t : path) {
                INFO("longest-path task " << r.task_id[t.value()].str());
                REQUIRE(r.critical[t.value()] == 1);
            }
    }
}

}  // namespace

TEST_CASE("cpm: properties on seeded random networks, one calendar, FS links") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        INFO("seed " << seed);
        const Portfolio pf = random_portfolio(seed, {.several_calendars = false, .summaries = false, .all_link_types = false, .odd_lags = false});
        check_properties(pf, schedule(pf), true);
    }
}

TEST_CASE("cpm: properties on seeded random networks, all link types, summaries, odd lags") {
    for (std::uint64_t seed = 100; seed <= 140; ++seed) {
        INFO("seed " << seed);
        const Portfolio pf = random_portfolio(seed, {.several_calendars = false, .summaries = true, .all_link_types = true, .odd_lags = true});
        check_properties(pf, schedule(pf), false);
    }
}

TEST_CASE("cpm: properties on seeded random networks, several calendars and lag calendars") {
    for (std::uint64_t seed = 200; seed <= 240; ++seed) {
        INFO("seed " << seed);
        const Portfolio pf = random_portfolio(seed, {.several_calendars = true, .summaries = true, .all_link_types = true, .odd_lags = true});
        check_properties(pf, schedule(pf), false);
    }
}

TEST_CASE("cpm: run_cpm on other durations equals scheduling the changed model") {
    for (std::uint64_t seed = 300; seed <= 310; ++seed) {
        INFO("seed " << seed);
        Portfolio pf = random_portfolio(seed, {.several_calendars = true, .summaries = true, .all_link_types = true, .odd_lags = true});
        const Network net(pf);
        CpmWorkspace ws;
        auto durations = net.default_durations();
        run_cpm(net, durations, ws);
        const auto r0 = schedule(net);
        for (std::size_t i = 0; i < durations.size(); ++i) REQUIRE(Instant{ws.early_finish[i]} == r0.early_finish[i]);
        // Double every leaf duration both ways and compare.
        for (auto& p : pf.projects)
            for (auto& t : p.tasks) t.duration = t.duration * 2;
        for (auto& d : durations) d = d * 2;
        run_cpm(net, durations, ws);
        const auto r1 = schedule(pf);
        for (std::size_t i = 0; i < durations.size(); ++i) {
            REQUIRE(Instant{ws.early_start[i]} == r1.early_start[i]);
            REQUIRE(Instant{ws.late_finish[i]} == r1.late_finish[i]);
            REQUIRE(Duration{ws.total_float[i]} == r1.total_float[i]);
        }
    }
}

TEST_CASE("cpm: agrees to the day with a whole-day reference scheduler (FS, working-day lags, holidays)") {
    // The comparison of issue 2's note: random FS networks with working-day lags and holidays on
    // the Mon-Fri 09:00-12:00, 13:00-18:00 calendar. The reference below is the textbook day-based
    // CPM written independently of ppm: working days are numbered 0, 1, 2, ...; a task of d days
    // starting on day s occupies days s .. s+d-1; FS with lag L: start >= pred finish + 1 + L;
    // backward: finish <= succ start - 1 - L, tasks without successors finish by the project finish.
    std::mt19937_64 rng(4242);
    for (int round = 0; round < 30; ++round) {
        INFO("round " << round);
        auto uniform = [&](int lo, int hi) { return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hi - lo + 1)); };
        Portfolio pf = one_project();
        std::vector<Date> holidays;
        for (int k = 0; k < 8; ++k) {
            const Date d = Date::from_ymd(2026, 3, 2) + uniform(0, 150);
            pf.calendars[0].exceptions.push_back(holiday(d, d));
            holidays.push_back(d);
        }
        std::vector<Date> workday;  // working day number -> date
        for (Date d = Date::from_ymd(2026, 3, 2); workday.size() < 2000; d = d + 1)
            if (d.weekday() < 5 && std::find(holidays.begin(), holidays.end(), d) == holidays.end()) workday.push_back(d);
        const int n = uniform(10, 80);
        std::vector<int> dur(static_cast<std::size_t>(n));
        std::vector<std::vector<std::pair<int, int>>> preds(static_cast<std::size_t>(n));  // (pred, lag days)
        for (int i = 0; i < n; ++i) {
            dur[static_cast<std::size_t>(i)] = uniform(1, 8);
            add_task(pf, "t" + std::to_string(i), dur[static_cast<std::size_t>(i)]);
            const int links = i == 0 ? 0 : uniform(0, 3);
            for (int l = 0; l < links; ++l) {
                const int p = uniform(0, i - 1), lag = uniform(-1, 3);
                preds[static_cast<std::size_t>(i)].push_back({p, lag});
                link(pf, "t" + std::to_string(p), "t" + std::to_string(i), LinkType::finish_start, working_days(lag));
            }
        }
        std::vector<int> es(static_cast<std::size_t>(n)), ef(static_cast<std::size_t>(n)), ls(static_cast<std::size_t>(n)), lf(static_cast<std::size_t>(n));
        int finish = 0;
        for (int i = 0; i < n; ++i) {
            int s = 0;
            for (auto [p, lag] : preds[static_cast<std::size_t>(i)]) s = std::max(s, ef[static_cast<std::size_t>(p)] + 1 + lag);
            es[static_cast<std::size_t>(i)] = s;
            ef[static_cast<std::size_t>(i)] = s + dur[static_cast<std::size_t>(i)] - 1;
            finish = std::max(finish, ef[static_cast<std::size_t>(i)]);
        }
        for (int i = n - 1; i >= 0; --i) lf[static_cast<std::size_t>(i)] = finish;
        for (int i = n - 1; i >= 0; --i) {
            ls[static_cast<std::size_t>(i)] = lf[static_cast<std::size_t>(i)] - dur[static_cast<std::size_t>(i)] + 1;
            for (auto [p, lag] : preds[static_cast<std::size_t>(i)])
                lf[static_cast<std::size_t>(p)] = std::min(lf[static_cast<std::size_t>(p)], ls[static_cast<std::size_t>(i)] - 1 - lag);
        }
        const auto r = schedule(pf);
        for (int i = 0; i < n; ++i) {
            const auto k = static_cast<std::size_t>(i);
            INFO("task t" << i);
            REQUIRE(r.early_start[k].date() == workday[static_cast<std::size_t>(es[k])]);
            REQUIRE(r.early_finish[k].date() == workday[static_cast<std::size_t>(ef[k])]);
            REQUIRE(r.late_start[k].date() == workday[static_cast<std::size_t>(ls[k])]);
            REQUIRE(r.late_finish[k].date() == workday[static_cast<std::size_t>(lf[k])]);
            REQUIRE(r.total_float[k] == Duration{(lf[k] - ef[k]) * kDay});
        }
    }
}
