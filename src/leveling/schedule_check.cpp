// Independent RCPSP schedule checker: arcs one by one, then a period-by-period usage profile built
// from scratch (no code shared with the schedule generation schemes).
#include "ppm/leveling/schedule_check.hpp"

#include <algorithm>
#include <map>

namespace ppm {

ScheduleCheck check_schedule(const RcpspInstance& instance, std::span<const std::int32_t> starts) {
    constexpr std::size_t kMaxProblems = 20;
    ScheduleCheck out;
    auto report = [&](std::string text) {
        out.feasible = false;
        if (out.problems.size() < kMaxProblems) out.problems.push_back(std::move(text));
    };
    const std::int32_t n = instance.num_jobs();
    if (static_cast<std::int32_t>(starts.size()) != n) {
        report("expected " + std::to_string(n) + " start times, got " + std::to_string(starts.size()));
        return out;
    }
    for (std::int32_t j = 0; j < n; ++j) {
        if (starts[j] < 0) report("job " + instance.job_name(j) + " starts at " + std::to_string(starts[j]) + " < 0");
        out.makespan = std::max(out.makespan, starts[j] + instance.duration(j));
    }
    for (std::int32_t i = 0; i < n; ++i) {
        auto succs = instance.successors(i);
        auto lags = instance.successor_lags(i);
        for (std::size_t a = 0; a < succs.size(); ++a)
            if (starts[succs[a]] < starts[i] + lags[a]) {
                ++out.precedence_violations;
                report("job " + instance.job_name(succs[a]) + " starts at " + std::to_string(starts[succs[a]]) +
                       ", before job " + instance.job_name(i) + " start " + std::to_string(starts[i]) + " + lag " +
                       std::to_string(lags[a]));
            }
    }
    // Capacity: for every period 0..makespan-1 and every resource, sum the demands of running jobs
    // (against the capacity of that period, capacity steps included).
    for (std::int32_t t = 0; t < out.makespan; ++t)
        for (std::int32_t k = 0; k < instance.num_resources(); ++k) {
            std::int64_t used = 0;
            for (std::int32_t j = 0; j < n; ++j)
                if (starts[j] <= t && t < starts[j] + instance.duration(j)) used += instance.demand(j, k);
            const std::int32_t cap = instance.capacity_at(k, t);
            if (used > cap) {
                ++out.capacity_violations;
                report("resource " + std::to_string(k + 1) + " uses " + std::to_string(used) + " > capacity " +
                       std::to_string(cap) + " in period " + std::to_string(t));
            }
        }
    return out;
}

}  // namespace ppm
