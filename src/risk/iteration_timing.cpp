// Iteration timers for Monte Carlo beyond the single-axis network pass: serial-SGS levelling
// (Kolisch 1996) and per-task calendars through run_cpm (Kelley & Walker 1959). See
// detail/iteration_timing.hpp, iteration_leveling.hpp and iteration_calendars.hpp.
#include "detail/iteration_timing.hpp"

#include <algorithm>
#include <string>

#include "ppm/core/error.hpp"
#include "ppm/risk/iteration_calendars.hpp"
#include "ppm/risk/iteration_leveling.hpp"

namespace ppm {

void check_calendar_timing(const CalendarTiming& timing, std::size_t task_count) {
    if (!timing.network) throw ModelError::missing_value("CPM network", "per-task calendar timing");
    if (timing.network_task.size() != task_count)
        throw ModelError::invalid_value("network tasks", "", "one CPM network task per simulation task expected");
    std::vector<std::uint8_t> seen(timing.network->task_count(), 0);
    for (std::size_t t = 0; t < task_count; ++t) {
        const std::uint32_t ni = timing.network_task[t].value();
        if (ni >= timing.network->task_count())
            throw ModelError::unknown_id("network task index", std::to_string(ni), "simulation task #" + std::to_string(t));
        if (timing.network->is_summary()[ni])
            throw ModelError::invalid_value("network task", timing.network->task_ids()[ni].str(), "a summary task cannot be simulated");
        if (seen[ni]++ != 0)
            throw ModelError::invalid_value("network task", timing.network->task_ids()[ni].str(), "mapped from two simulation tasks");
    }
}

namespace detail {

std::shared_ptr<const IterationTiming> IterationTiming::make(const MonteCarloInput& in, const MonteCarloOptions& opt) {
    if (!opt.level && !in.calendars) return nullptr;
    const std::size_t n = in.network->size();
    auto t = std::make_shared<IterationTiming>();
    t->input_ = &in;
    t->level_ = opt.level;
    if (opt.level) {
        if (!in.resources) throw ModelError::missing_value("resources", "levelling inside Monte Carlo iterations");
        if (in.calendars)
            throw ModelError::unsupported("levelling inside iterations", "per-task calendars",
                                          "levelling works on the single working-time axis; drop the per-task calendar timing");
        check_simulation_resources(*in.resources, n);
    } else {
        check_calendar_timing(*in.calendars, n);
        t->base_ = in.calendars->network->default_durations();
    }
    return t;
}

std::int64_t IterationTiming::run(const std::int64_t* duration, std::uint64_t* critical, IterationScratch& s) const {
    const SimulationNetwork& net = *input_->network;
    const auto n = static_cast<std::uint32_t>(net.size());
    if (level_) {
        s.task_duration.resize(n);
        for (std::uint32_t pos = 0; pos < n; ++pos) s.task_duration[net.task_at(pos)] = duration[pos];
        const LevelledIteration lv = level_iteration(*input_->resources, s.task_duration);
        if (critical != nullptr)
            for (std::uint32_t pos = 0; pos < n; ++pos) critical[pos] += lv.critical[net.task_at(pos)];
        return lv.project_finish;
    }
    const CalendarTiming& timing = *input_->calendars;
    const Network& cpm = *timing.network;
    s.cpm_duration.assign(base_.begin(), base_.end());
    for (std::uint32_t pos = 0; pos < n; ++pos) s.cpm_duration[timing.network_task[net.task_at(pos)].value()] = Duration{duration[pos]};
    run_cpm(cpm, s.cpm_duration, s.cpm, timing.schedule);
    std::int64_t finish = timing.origin;
    for (std::size_t i = 0; i < cpm.task_count(); ++i) finish = std::max(finish, s.cpm.early_finish[i]);
    if (critical != nullptr) {
        const auto state = cpm.progress_state();
        for (std::uint32_t pos = 0; pos < n; ++pos) {
            const std::uint32_t ni = timing.network_task[net.task_at(pos)].value();
            critical[pos] += static_cast<std::uint64_t>(state[ni] != ProgressState::complete &&
                                                        s.cpm.total_float[ni] <= timing.schedule.critical_float.count());
        }
    }
    return finish - timing.origin;
}

}  // namespace detail
}  // namespace ppm
