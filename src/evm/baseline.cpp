// Named baselines and their linear planned-value spread (see baseline.hpp).
#include "ppm/evm/baseline.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_set>

#include "ppm/core/error.hpp"

namespace ppm {

Baseline make_baseline(std::string name, ProjectId project, Instant captured_at, std::vector<TaskId> tasks,
                       std::vector<Instant> starts, std::vector<Instant> finishes, std::vector<Money> costs) {
    const std::size_t n = tasks.size();
    if (starts.size() != n || finishes.size() != n || costs.size() != n)
        throw ModelError::invalid_value("baseline", name, "task, start, finish and cost arrays differ in length");
    std::unordered_set<TaskId> seen;
    for (std::size_t k = 0; k < n; ++k) {
        if (!seen.insert(tasks[k]).second) throw ModelError::duplicate_id("baseline task", tasks[k].str());
        if (finishes[k] < starts[k])
            throw ModelError::inconsistent("baseline task", tasks[k].str(), "planned finish before planned start");
        if (costs[k] < Money{0})
            throw ModelError::invalid_value("baseline cost", tasks[k].str(), "must be >= 0");
    }
    return Baseline{.name = std::move(name), .project = std::move(project), .captured_at = captured_at,
                    .task = std::move(tasks), .start = std::move(starts), .finish = std::move(finishes),
                    .cost = std::move(costs)};
}

Money budget_at_completion(const Baseline& b) noexcept {
    Money sum{};
    for (Money c : b.cost) sum += c;
    return sum;
}

Money planned_value(const Baseline& b, std::size_t k, Instant t) noexcept {
    if (t >= b.finish[k]) return b.cost[k];
    if (t <= b.start[k]) return Money{0};
    auto span = (b.finish[k] - b.start[k]).count();
    auto done = (t - b.start[k]).count();
    if (k < b.calendar.size() && b.calendar[k]) {
        const WorkCalendar& cal = *b.calendar[k];
        if (const auto work = cal.work_between(b.start[k], b.finish[k]).count(); work > 0) {
            span = work;
            done = cal.work_between(b.start[k], t).count();
        }
    }
    // In double: exact for budgets below 2^53 cents, and no int64 overflow of cost x minutes.
    const double v = static_cast<double>(b.cost[k].minor_units()) * static_cast<double>(done) /
                     static_cast<double>(span);
    return Money{static_cast<std::int64_t>(std::floor(v))};
}

Money planned_value(const Baseline& b, Instant t) noexcept {
    Money sum{};
    for (std::size_t k = 0; k < b.size(); ++k) sum += planned_value(b, k, t);
    return sum;
}

std::pair<Instant, Instant> planned_span(const Baseline& b) noexcept {
    if (b.size() == 0) return {b.captured_at, b.captured_at};
    return {*std::min_element(b.start.begin(), b.start.end()), *std::max_element(b.finish.begin(), b.finish.end())};
}

std::size_t find_task(const Baseline& b, const TaskId& id) noexcept {
    return static_cast<std::size_t>(std::find(b.task.begin(), b.task.end(), id) - b.task.begin());
}

const Baseline* BaselineSet::active() const noexcept {
    if (baselines.empty()) return nullptr;
    if (current.empty()) return &baselines.back();
    for (const auto& b : baselines)
        if (b.name == current) return &b;
    return nullptr;
}

void BaselineSet::set_current(Baseline b) {
    current = b.name;
    for (auto& existing : baselines)
        if (existing.name == b.name) {
            existing = std::move(b);
            return;
        }
    baselines.push_back(std::move(b));
}

}  // namespace ppm
