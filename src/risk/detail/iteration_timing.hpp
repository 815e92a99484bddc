#pragma once
// Internal to the risk area: how monte_carlo.cpp times an iteration when the plain single-axis
// network pass does not apply -- resource levelling inside iterations (iteration_leveling.hpp)
// or per-task calendars through the exact CPM (iteration_calendars.hpp). Kept out of
// monte_carlo.cpp so that file's hot loop stays as it is; the hook costs one branch per iteration.

#include <cstdint>
#include <memory>
#include <vector>

#include "ppm/risk/monte_carlo.hpp"
#include "ppm/schedule/cpm.hpp"

namespace ppm::detail {

/// Per-worker scratch buffers (sized on first use, reused afterwards).
struct IterationScratch {
    CpmWorkspace cpm;
    std::vector<Duration> cpm_duration;       // by network task (calendar mode)
    std::vector<std::int64_t> task_duration;  // by simulation task (levelling)
};

/// An iteration timer other than SimulationNetwork::forward/backward.
class IterationTiming {
public:
    /// Null when the plain pass applies. Throws ModelError for inconsistent input (levelling
    /// without resources, levelling together with per-task calendars, bad arrays).
    static std::shared_ptr<const IterationTiming> make(const MonteCarloInput& input, const MonteCarloOptions& options);

    /// Times one iteration: `duration` by network position (working minutes); adds 1 to
    /// `critical[pos]` for each critical task (when not null). Returns the project finish.
    std::int64_t run(const std::int64_t* duration, std::uint64_t* critical, IterationScratch& scratch) const;

private:
    const MonteCarloInput* input_ = nullptr;
    bool level_ = false;
    std::vector<Duration> base_;  // calendar mode: the network's default durations
};

}  // namespace ppm::detail
