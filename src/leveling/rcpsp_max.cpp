// The temporal analysis of RCPSP/max (Neumann, Schwindt & Zimmermann 2003, ch. 1); the `.sch`
// reader is io's (src/io/rcpsp_max_read.cpp).
#include "ppm/leveling/rcpsp_max.hpp"

#include <algorithm>

namespace ppm {

TemporalAnalysis temporal_analysis(const RcpspMaxProject& project) {
    TemporalAnalysis out;
    const std::int32_t n = project.num_jobs;
    out.earliest_start.assign(static_cast<std::size_t>(n), 0);
    std::vector<std::int32_t> parent(static_cast<std::size_t>(n), -1);
    // Bellman-Ford for longest paths: after n rounds without convergence a positive cycle exists.
    std::int32_t changed_job = -1;
    for (std::int32_t round = 0; round < n; ++round) {
        changed_job = -1;
        for (const RcpspArc& a : project.arcs) {
            const std::int64_t candidate = static_cast<std::int64_t>(out.earliest_start[a.from]) + a.lag;
            if (candidate > out.earliest_start[a.to]) {
                out.earliest_start[a.to] = static_cast<std::int32_t>(candidate);
                parent[a.to] = a.from;
                changed_job = a.to;
            }
        }
        if (changed_job < 0) break;
    }
    if (changed_job >= 0) {
        out.feasible = false;
        // Walk parents n times to land on the cycle, then collect it.
        std::int32_t j = changed_job;
        for (std::int32_t i = 0; i < n; ++i) j = parent[j];
        std::int32_t k = j;
        do {
            out.positive_cycle.push_back(k);
            k = parent[k];
        } while (k != j && k >= 0);
        std::reverse(out.positive_cycle.begin(), out.positive_cycle.end());
        return out;
    }
    for (std::int32_t j = 0; j < n; ++j)
        out.makespan_bound = std::max(out.makespan_bound, out.earliest_start[j] + project.durations[j]);
    return out;
}

}  // namespace ppm
