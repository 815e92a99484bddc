#pragma once
// Seeded random portfolios for the levelling tests and benchmark: several projects on a Mon-Fri
// 08:00-12:00, 13:00-17:00 calendar (one project on 24/7), all four link types with working,
// elapsed and percent lags, a few SNET constraints, shared work resources with availability
// periods, 1-2 assignments per task. Links only go from lower to higher task numbers (acyclic).
// And one hand case (`two_tasks_one_person`).

#include <cstdint>
#include <random>
#include <string>

#include "ppm/core/portfolio.hpp"

namespace ppm::test {

struct GeneratorSpec {
    int projects = 4;
    int tasks_per_project = 25;
    int resources = 3;
    int links_per_task = 2;      // up to this many predecessors
    bool all_link_types = true;  // else finish-to-start only
    bool availability = true;    // add availability periods
    std::uint64_t seed = 1;
};

inline Portfolio random_portfolio(const GeneratorSpec& spec) {
    std::mt19937_64 rng(spec.seed);
    auto uni = [&](int a, int b) { return std::uniform_int_distribution<int>(a, b)(rng); };
    Portfolio pf;
    pf.id = PortfolioId{"gen"};
    pf.calendars.push_back(Calendar::standard(CalendarId{"std"}));
    pf.calendars.push_back(Calendar::twenty_four_seven(CalendarId{"24x7"}));
    pf.default_calendar = CalendarId{"std"};
    const Instant origin = Instant::from_ymd_hm(2026, 3, 2, 8, 0);  // a Monday
    for (int r = 0; r < spec.resources; ++r) {
        Resource res;
        res.id = ResourceId{(std::string("R") += std::to_string(r))};
        res.name = res.id.str();
        res.max_units = static_cast<double>(uni(1, 3));
        if (spec.availability && r % 2 == 1) {
            // One unit less for two weeks, one more for the month after.
            const Instant a = origin + Duration{kMinutesPerDay * uni(3, 20)};
            res.availability.push_back({a, a + Duration{14 * kMinutesPerDay}, std::max(0.0, res.max_units - 1.0)});
            res.availability.push_back({a + Duration{14 * kMinutesPerDay}, a + Duration{44 * kMinutesPerDay}, res.max_units + 1.0});
        }
        pf.resources.push_back(std::move(res));
    }
    for (int p = 0; p < spec.projects; ++p) {
        Project proj;
        proj.id = ProjectId{(std::string("P") += std::to_string(p))};
        proj.name = proj.id.str();
        proj.start = origin + Duration{kMinutesPerDay * uni(0, 4)};
        proj.priority = uni(1, 9) * 100;
        if (p == 1 && spec.all_link_types) proj.calendar = CalendarId{"24x7"};
        for (int t = 0; t < spec.tasks_per_project; ++t) {
            Task task;
            task.id = TaskId{proj.id.str() + (std::string(".T") += std::to_string(t))};
            task.name = task.id.str();
            task.duration = Duration{60 * uni(2, 40)};
            task.priority = uni(3, 7) * 100;
            if (t > 0) {
                const int nl = uni(0, spec.links_per_task);
                for (int l = 0; l < nl; ++l) {
                    const int pred = uni(std::max(0, t - 8), t - 1);
                    const TaskId pid{proj.id.str() + (std::string(".T") += std::to_string(pred))};
                    bool dup = false;
                    for (const auto& d : task.predecessors) dup = dup || d.predecessor == pid;
                    if (dup) continue;
                    Dependency d;
                    d.predecessor = pid;
                    if (spec.all_link_types) {
                        d.type = static_cast<LinkType>(uni(0, 3));
                        const int lag_kind = uni(0, 5);
                        if (lag_kind == 1) d.lag = {LagUnit::working, Duration{60 * uni(-4, 8)}, 0.0};
                        if (lag_kind == 2) d.lag = {LagUnit::elapsed, Duration{60 * uni(0, 30)}, 0.0};
                        if (lag_kind == 3) d.lag = {LagUnit::percent, Duration{0}, 25.0 * uni(1, 4)};
                    }
                    task.predecessors.push_back(std::move(d));
                }
            }
            if (spec.all_link_types && uni(0, 15) == 0)
                task.constraint = {ConstraintType::start_no_earlier_than, proj.start + Duration{kMinutesPerDay * uni(1, 10)}};
            const int na = uni(1, 2);
            for (int a = 0; a < na; ++a) {
                const int r = uni(0, spec.resources - 1);
                bool dup = false;
                for (const auto& as : task.assignments) dup = dup || as.resource.str() == (std::string("R") += std::to_string(r));
                if (dup) continue;
                const double cap = pf.resources[static_cast<std::size_t>(r)].max_units;
                task.assignments.push_back({.resource = ResourceId{(std::string("R") += std::to_string(r))},
                                            .units = cap >= 2.0 && uni(0, 1) ? 2.0 : (uni(0, 3) == 0 ? 0.5 : 1.0)});
            }
            proj.tasks.push_back(std::move(task));
        }
        pf.projects.push_back(std::move(proj));
    }
    return pf;
}

/// Hand case: tasks A and B of project P, two days each, both on Ana (one unit), no link; the
/// standard calendar (Mon-Fri 08:00-12:00, 13:00-17:00), project start Monday 2 March 2026 08:00.
inline Portfolio two_tasks_one_person() {
    Portfolio pf;
    pf.id = PortfolioId{"pf"};
    pf.calendars.push_back(Calendar::standard(CalendarId{"std"}));
    pf.default_calendar = CalendarId{"std"};
    pf.resources.push_back({.id = ResourceId{"ANA"}, .name = "Ana", .max_units = 1.0});
    Project p;
    p.id = ProjectId{"P"};
    p.start = Instant::from_ymd_hm(2026, 3, 2, 8, 0);  // Monday
    for (const char* id : {"A", "B"}) {
        Task t;
        t.id = TaskId{id};
        t.duration = Duration{2 * 480};
        t.assignments.push_back({.resource = ResourceId{"ANA"}, .units = 1.0});
        p.tasks.push_back(std::move(t));
    }
    pf.projects.push_back(std::move(p));
    return pf;
}

}  // namespace ppm::test
