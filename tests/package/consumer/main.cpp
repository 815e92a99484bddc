// Builds against the INSTALLED ppm package through the umbrella header: schedule a two-task
// project and report a model error.
#include <iostream>

#include <ppm/ppm.hpp>

int main() {
    using namespace ppm;
    Portfolio pf{.id = PortfolioId{"demo"}, .default_calendar = CalendarId{"STD"}};
    pf.calendars.push_back(Calendar::standard(CalendarId{"STD"}));
    Project p{.id = ProjectId{"P1"}, .start = parse_instant("2026-01-05T08:00")};
    p.tasks.push_back({.id = TaskId{"A"}, .duration = Duration::hours(8)});
    p.tasks.push_back({.id = TaskId{"B"}, .duration = Duration::hours(8), .predecessors = {{.predecessor = TaskId{"A"}}}});
    pf.projects.push_back(p);
    const ScheduleResult r = schedule(pf);
    if (r.finish != parse_instant("2026-01-06T17:00")) return 1;  // two 8h days from Monday 08:00
    try {
        (void)Date::from_ymd(2026, 2, 30);
        return 1;
    } catch (const ModelError& e) {
        std::cout << "consumer ok: finish " << to_string(r.finish) << ", error " << to_string(e.code()) << "\n";
    }
    return 0;
}
