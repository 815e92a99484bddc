// RCPSP solver: hybrid genetic algorithm on activity lists, serial SGS decoding and double
// justification (forward-backward improvement) of every individual.
// Methods: activity-list GA with two-point crossover and adjacent-swap mutation (Hartmann 1998,
// NRL 45), and for 70 % of the children a time-window crossover after the peak crossover of Valls,
// Ballestin & Quintanilla (2008, EJOR 185) and Debels & Vanhoucke (2007, OR 55); a self-adapting
// gene choosing the serial or parallel SGS (Hartmann 2002, NRL 49);
// two populations of left- and right-justified schedules (bi-population GA, Debels & Vanhoucke
// 2005/2007); double justification of every schedule (Valls, Ballestin & Quintanilla 2005, EJOR 165);
// justified individuals re-encoded by their start times, i.e. the "standardised" representation of
// Debels, De Reyck, Leus & Vanhoucke (2006, EJOR 169) and Debels & Vanhoucke (2007, OR 55);
// initial population by regret-based biased random sampling on LFT (Drexl 1991; Kolisch 1996),
// after the lists the caller gives (RcpspOptions::initial_lists: `level` gives its priority rules').
// Selection ranks equal makespans by the work left in the schedule's last periods (a tie-breaker of
// ours, docs/leveling.md), and the population grows with the budget (budget^0.9 / 60, 16..400) and
// shrinks past 64 jobs (x 64 / jobs). With several projects (RcpspOptions::projects) the ranking
// takes their weighted delay too, justification keeps every job within its project's finish, and
// with the delay first a forward child is justified in full (docs/leveling.md, "Several projects").
// Schedules are counted as in Kolisch & Hartmann (2006, EJOR 174): each SGS pass counts one.
#include "ppm/leveling/rcpsp_solver.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

#include "detail/bipopulation_ga.hpp"
#include "detail/sgs_kernel.hpp"
#include "ppm/core/error.hpp"
#include "ppm/leveling/priority_rules.hpp"
#include "ppm/leveling/sgs.hpp"

namespace ppm {

std::string_view to_string(RcpspStatus status) noexcept {
    switch (status) {
        case RcpspStatus::optimal: return "optimal";
        case RcpspStatus::feasible: return "feasible";
        case RcpspStatus::no_solution: return "no_solution";
    }
    return "unknown";
}

std::string_view to_string(RcpspStop stop) noexcept {
    switch (stop) {
        case RcpspStop::budget: return "budget";
        case RcpspStop::time_limit: return "time_limit";
        case RcpspStop::cancelled: return "cancelled";
        case RcpspStop::lower_bound: return "lower_bound";
    }
    return "unknown";
}

namespace {

using Clock = std::chrono::steady_clock;
using detail::GaScore;

/// The RCPSP engine's decoder: the integer grid's SGS kernel, with the instance's network, its
/// projects' objective and the tail-work tie-breaker.
class GridDecoder : public detail::SgsKernel {
public:
    static constexpr bool kRecordsLists = false;  // the answer is its start times

    GridDecoder(const RcpspInstance& instance, const RcpspProjects& projects)
        : SgsKernel(instance), inst_(&instance), projects_(&projects), work_(static_cast<std::size_t>(instance.num_jobs()), 0) {
        for (std::int32_t j = 0; j < instance.num_jobs(); ++j)
            for (std::int32_t k = 0; k < instance.num_resources(); ++k) work_[static_cast<std::size_t>(j)] += instance.demand(j, k);
        if (!projects.project_of.empty()) set_projects(projects.project_of, static_cast<std::int32_t>(projects.due.size()));
    }

    [[nodiscard]] std::span<const std::int32_t> predecessors(std::int32_t j) const { return inst_->predecessors(j); }
    [[nodiscard]] std::span<const std::int32_t> successors(std::int32_t j) const { return inst_->successors(j); }
    [[nodiscard]] std::span<const std::int32_t> durations() const { return inst_->durations(); }

    /// (makespan, 0), or with projects their weighted delay past the due periods and the makespan.
    GaScore score(std::span<const std::int32_t> starts, std::int32_t m) {
        if (!has_projects()) return {static_cast<double>(m), 0.0};
        const RcpspProjects& pr = *projects_;
        const std::span<const std::int32_t> finish = project_finishes(starts);
        double delay = 0;
        for (std::size_t p = 0; p < finish.size(); ++p)
            if (finish[p] > pr.due[p]) delay += pr.weight[p] * (finish[p] - pr.due[p]);
        return pr.makespan_first ? GaScore{static_cast<double>(m), delay} : GaScore{delay, static_cast<double>(m)};
    }

    /// The weighted delay a score holds (0 without projects).
    [[nodiscard]] double delay(const GaScore& score) const {
        return !has_projects() ? 0.0 : projects_->makespan_first ? score.second : score.first;
    }

    /// Optimal: the makespan meets the lower bound and no project is late.
    [[nodiscard]] bool proven(const GaScore& score, std::int32_t m, std::int32_t lower_bound) const {
        return m <= lower_bound && delay(score) == 0;
    }

    /// Tie-breaker: work (sum of demands x periods) inside the last kTailPeriods periods of the
    /// schedule read in its own direction (finish for left-justified, mirrored start for
    /// right-justified). Among equal makespans, less work near the end means fewer jobs to move
    /// for a shorter schedule; it gives the selection a slope on the makespan plateaus.
    [[nodiscard]] std::int64_t tie(std::span<const std::int32_t> starts, std::int32_t m, int dir) const {
        std::int64_t tie = 0;
        const auto d = inst_->durations();
        for (std::size_t j = 0; j < starts.size(); ++j) {
            const std::int64_t f = dir == 0 ? starts[j] + d[j] : m - starts[j];
            const std::int64_t lo = std::max<std::int64_t>(f - d[j], m - kTailPeriods);
            if (f > lo) tie += (f - lo) * work_[j];
        }
        return tie;
    }

private:
    // Tie-breaker window in periods. 3 measured better than M/20 on j60 (10.60 vs 10.65 % at 50,000).
    static constexpr std::int64_t kTailPeriods = 3;
    const RcpspInstance* inst_;
    const RcpspProjects* projects_;
    std::vector<std::int64_t> work_;  // sum of demands per job (weights)
};

void require_projects(const RcpspInstance& instance, const RcpspProjects& pr) {
    if (pr.project_of.empty() && pr.due.empty() && pr.weight.empty()) return;
    const std::string& name = instance.name();
    if (pr.project_of.size() != static_cast<std::size_t>(instance.num_jobs()))
        throw ModelError::invalid_value("projects.project_of", name,
                                        std::to_string(pr.project_of.size()) + " entries for " + std::to_string(instance.num_jobs()) + " jobs");
    if (pr.due.size() != pr.weight.size())
        throw ModelError::invalid_value("projects.weight", name,
                                        std::to_string(pr.weight.size()) + " weights for " + std::to_string(pr.due.size()) + " due periods");
    for (std::size_t j = 0; j < pr.project_of.size(); ++j)
        if (pr.project_of[j] < -1 || pr.project_of[j] >= static_cast<std::int32_t>(pr.due.size()))
            throw ModelError::invalid_value("projects.project_of", name + " job " + std::to_string(j),
                                            std::to_string(pr.project_of[j]) + " (projects 0.." + std::to_string(pr.due.size()) + " - 1, or -1)");
    for (std::size_t p = 0; p < pr.weight.size(); ++p)
        if (!(pr.weight[p] >= 0.0 && pr.weight[p] <= 1e9))
            throw ModelError::invalid_value("projects.weight", name + " project " + std::to_string(p), std::to_string(pr.weight[p]) + " (must be 0..1e9)");
}

std::int32_t default_population(std::int64_t budget_per_island, std::int32_t jobs) {
    if (budget_per_island <= 0) return 60;
    // b^0.9 / 60: 16 (the floor) at 1,000 schedules, 35 at 5,000, 282 at 50,000: with the window
    // crossover a small population does better at small budgets and a large one at large budgets
    // than the earlier 1.2 sqrt(b) (docs/leveling.md). Past 64 jobs (j60 has 62) the population
    // shrinks as 64 / jobs: a larger instance gets more generations from the same budget (measured
    // on generated 120-job instances, docs/leveling.md).
    const double size = std::min(1.0, 64.0 / std::max(jobs, 1));
    const double p = std::pow(static_cast<double>(budget_per_island), 0.9) / 60.0 * size;
    return static_cast<std::int32_t>(std::clamp(p, 16.0, 400.0));
}

}  // namespace

RcpspResult solve_rcpsp(const RcpspInstance& instance, const RcpspOptions& options) {
    const auto started = Clock::now();
    if (options.threads < 1) throw ModelError::invalid_value("threads", instance.name(), "must be >= 1");
    if (options.max_schedules <= 0 && options.time_limit_seconds <= 0 && !options.stop.stop_possible())
        throw ModelError::invalid_value("budget", instance.name(), "needs max_schedules > 0 or a time limit");
    for (const auto& list : options.initial_lists) require_activity_list(instance, list);
    require_projects(instance, options.projects);
    RcpspResult result;
    result.bounds = lower_bounds(instance);
    result.lower_bound = result.bounds.best;

    detail::GaShared shared;
    shared.options = &options;
    shared.lft = priority_values(instance, PriorityRule::lft);
    shared.lower_bound = result.lower_bound;
    shared.started = started;
    shared.total_budget = options.max_schedules;
    shared.progress_step = std::max<std::int64_t>(50, options.max_schedules / 100);

    const bool by_islands = options.threading == RcpspThreading::islands;
    const std::int32_t islands = by_islands ? options.threads : 1;
    const auto decoders = static_cast<std::size_t>(by_islands ? 1 : options.threads);
    std::vector<std::int64_t> budgets(static_cast<std::size_t>(islands), 0);
    for (std::int32_t i = 0; i < islands; ++i)
        budgets[i] = options.max_schedules / islands + (i < options.max_schedules % islands ? 1 : 0);
    using Island = detail::GaIsland<GridDecoder>;
    const GridDecoder decoder(instance, options.projects);
    std::vector<std::unique_ptr<Island>> pool;
    for (std::int32_t i = 0; i < islands; ++i) {
        const std::int32_t population =
            options.population_size > 0 ? options.population_size : default_population(budgets[i], instance.num_jobs());
        pool.push_back(std::make_unique<Island>(shared, decoder, static_cast<std::uint64_t>(i), budgets[i], population, decoders));
    }
    if (islands == 1) {
        pool[0]->run();
    } else {
        std::vector<std::jthread> workers;
        for (auto& island : pool) workers.emplace_back([&island] { island->run(); });
    }
    // Deterministic choice: the best score, then the smallest island index.
    const Island* best = nullptr;
    for (const auto& island : pool) {
        result.schedules += island->used();
        result.generations += island->generations();
        if (island->has_answer() && (best == nullptr || island->best_score() < best->best_score())) best = island.get();
    }
    result.stop_reason = pool[0]->stop_reason();
    for (const auto& island : pool)
        if (island->stop_reason() == RcpspStop::cancelled || island->stop_reason() == RcpspStop::time_limit)
            result.stop_reason = island->stop_reason();
    if (best != nullptr) {
        result.makespan = best->best_makespan();
        result.weighted_delay = decoder.delay(best->best_score());
        result.start_times = best->best_starts();
        result.status = result.makespan <= result.lower_bound && result.weighted_delay == 0 ? RcpspStatus::optimal : RcpspStatus::feasible;
        if (result.status == RcpspStatus::optimal) result.stop_reason = RcpspStop::lower_bound;
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - started).count();
    if (options.progress) {
        options.progress(RcpspProgress{.schedules = result.schedules,
                                       .max_schedules = options.max_schedules,
                                       .best_makespan = result.makespan,
                                       .lower_bound = result.lower_bound,
                                       .seconds = result.seconds});
    }
    return result;
}

}  // namespace ppm
