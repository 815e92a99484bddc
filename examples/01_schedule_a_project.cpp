// 01: build a small project in code and schedule it (CPM): dates, float, the critical path.
#include <iostream>

#include "ppm/schedule/cpm.hpp"

int main() {
    using namespace ppm;
    Portfolio pf{.id = PortfolioId{"demo"}, .default_calendar = CalendarId{"STD"}};
    pf.calendars.push_back(Calendar::standard(CalendarId{"STD"}));  // Mon-Fri 08:00-12:00, 13:00-17:00

    Project p{.id = ProjectId{"WEB"}, .name = "Website relaunch", .start = parse_instant("2026-03-02T08:00")};
    const Duration day = Duration::hours(8);
    p.tasks.push_back({.id = TaskId{"DESIGN"}, .name = "Design", .duration = day * 3});
    p.tasks.push_back({.id = TaskId{"CONTENT"}, .name = "Write content", .duration = day * 2});
    p.tasks.push_back({.id = TaskId{"BUILD"}, .name = "Build", .duration = day * 5,
                       .predecessors = {{.predecessor = TaskId{"DESIGN"}}}});
    // Content may start loading two days after the build starts (SS + 2 days).
    p.tasks.push_back({.id = TaskId{"LOAD"}, .name = "Load content", .duration = day,
                       .predecessors = {{.predecessor = TaskId{"BUILD"}, .type = LinkType::start_start,
                                         .lag = {.amount = day * 2}},
                                        {.predecessor = TaskId{"CONTENT"}}}});
    p.tasks.push_back({.id = TaskId{"LIVE"}, .name = "Go live", .milestone = true,
                       .predecessors = {{.predecessor = TaskId{"BUILD"}}, {.predecessor = TaskId{"LOAD"}}}});
    pf.projects.push_back(std::move(p));

    const ScheduleResult r = schedule(pf);
    for (std::size_t i = 0; i < r.task_id.size(); ++i)
        std::cout << r.task_id[i].str() << "  " << to_string(r.early_start[i]) << " -> " << to_string(r.early_finish[i])
                  << "  float " << r.total_float[i].count() / 60 << "h" << (r.critical[i] ? "  critical" : "") << "\n";
    std::cout << "finish " << to_string(r.finish) << "\n";
    // Design (3d) + build (5d) end Wed 11 March 17:00: the go-live milestone sits there.
    return r.finish == parse_instant("2026-03-11T17:00") ? 0 : 1;
}
