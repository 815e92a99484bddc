// Independent checkers for multi-mode and RCPSP/max schedules: arcs one by one, then a
// period-by-period usage profile built from scratch (no code shared with the solvers).
#include "ppm/leveling/variant_check.hpp"

#include <algorithm>
#include <string>

namespace ppm {

namespace {

constexpr std::size_t kMaxProblems = 20;

struct Reporter {
    ScheduleCheck& out;
    void operator()(std::string text) const {
        out.feasible = false;
        if (out.problems.size() < kMaxProblems) out.problems.push_back(std::move(text));
    }
};

}  // namespace

ScheduleCheck check_multimode_schedule(const PsplibProject& project, std::span<const std::int32_t> modes,
                                       std::span<const std::int32_t> starts) {
    ScheduleCheck out;
    const Reporter report{out};
    const std::int32_t n = project.num_jobs;
    if (static_cast<std::int32_t>(starts.size()) != n || static_cast<std::int32_t>(modes.size()) != n) {
        report("expected " + std::to_string(n) + " modes and start times, got " + std::to_string(modes.size()) +
               " and " + std::to_string(starts.size()));
        return out;
    }
    std::vector<std::int32_t> row(static_cast<std::size_t>(n));  // global mode row of each job
    for (std::int32_t j = 0; j < n; ++j) {
        if (modes[j] < 0 || modes[j] >= project.num_modes(j)) {
            report("job " + std::to_string(j + 1) + " has mode " + std::to_string(modes[j] + 1) + " of " +
                   std::to_string(project.num_modes(j)));
            return out;
        }
        row[j] = project.mode_offsets[j] + modes[j];
        if (starts[j] < 0) report("job " + std::to_string(j + 1) + " starts at " + std::to_string(starts[j]) + " < 0");
        out.makespan = std::max(out.makespan, starts[j] + project.mode_durations[row[j]]);
    }
    for (std::int32_t i = 0; i < n; ++i) {
        const std::int32_t finish = starts[i] + project.mode_durations[row[i]];
        for (std::int32_t a = project.successor_offsets[i]; a < project.successor_offsets[i + 1]; ++a) {
            const std::int32_t s = project.successor_indices[a];
            if (starts[s] < finish) {
                ++out.precedence_violations;
                report("job " + std::to_string(s + 1) + " starts at " + std::to_string(starts[s]) +
                       " before its predecessor " + std::to_string(i + 1) + " finishes at " + std::to_string(finish));
            }
        }
    }
    const auto R = project.renewable_capacities.size();
    for (std::int32_t t = 0; t < out.makespan; ++t)
        for (std::size_t k = 0; k < R; ++k) {
            std::int64_t used = 0;
            for (std::int32_t j = 0; j < n; ++j)
                if (starts[j] <= t && t < starts[j] + project.mode_durations[row[j]])
                    used += project.renewable_demands[static_cast<std::size_t>(row[j]) * R + k];
            if (used > project.renewable_capacities[k]) {
                ++out.capacity_violations;
                report("renewable resource " + std::to_string(k + 1) + " uses " + std::to_string(used) +
                       " > capacity " + std::to_string(project.renewable_capacities[k]) + " in period " +
                       std::to_string(t));
            }
        }
    const auto N = project.nonrenewable_capacities.size();
    for (std::size_t k = 0; k < N; ++k) {
        std::int64_t used = 0;
        for (std::int32_t j = 0; j < n; ++j) used += project.nonrenewable_demands[static_cast<std::size_t>(row[j]) * N + k];
        if (used > project.nonrenewable_capacities[k]) {
            ++out.capacity_violations;
            report("non-renewable resource " + std::to_string(k + 1) + " uses " + std::to_string(used) + " > budget " +
                   std::to_string(project.nonrenewable_capacities[k]));
        }
    }
    return out;
}

ScheduleCheck check_max_schedule(const RcpspMaxProject& project, std::span<const std::int32_t> starts) {
    ScheduleCheck out;
    const Reporter report{out};
    const std::int32_t n = project.num_jobs;
    if (static_cast<std::int32_t>(starts.size()) != n) {
        report("expected " + std::to_string(n) + " start times, got " + std::to_string(starts.size()));
        return out;
    }
    for (std::int32_t j = 0; j < n; ++j) {
        if (starts[j] < 0) report("job " + std::to_string(j) + " starts at " + std::to_string(starts[j]) + " < 0");
        out.makespan = std::max(out.makespan, starts[j] + project.durations[j]);
    }
    for (const RcpspArc& a : project.arcs)
        if (starts[a.to] < starts[a.from] + a.lag) {
            ++out.precedence_violations;
            report("job " + std::to_string(a.to) + " starts at " + std::to_string(starts[a.to]) + ", before job " +
                   std::to_string(a.from) + " start " + std::to_string(starts[a.from]) + " + lag " +
                   std::to_string(a.lag));
        }
    const auto R = project.capacities.size();
    for (std::int32_t t = 0; t < out.makespan; ++t)
        for (std::size_t k = 0; k < R; ++k) {
            std::int64_t used = 0;
            for (std::int32_t j = 0; j < n; ++j)
                if (starts[j] <= t && t < starts[j] + project.durations[j])
                    used += project.demands[static_cast<std::size_t>(j) * R + k];
            if (used > project.capacities[k]) {
                ++out.capacity_violations;
                report("resource " + std::to_string(k + 1) + " uses " + std::to_string(used) + " > capacity " +
                       std::to_string(project.capacities[k]) + " in period " + std::to_string(t));
            }
        }
    return out;
}

}  // namespace ppm
