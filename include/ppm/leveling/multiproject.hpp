#pragma once
/// @file
/// Resource-constrained multi-project scheduling (RCMPSP) instances as in MPLIB `.rcmp` files
/// (Van Eynde & Vanhoucke 2020, "Resource-constrained multi-project scheduling: benchmark datasets
/// and decoupled scheduling", J. Scheduling 23) and MPSPLIB `mp_*.xml` files with their PSPLIB
/// `.sm` projects (Homberger 2007, "A multi-agent system for the decentralised
/// resource-constrained multi-project scheduling problem", ITOR 14), their conversion to a ppm
/// `Portfolio` (levelled by `level`) and to one combined `RcpspInstance`, and the objectives of
/// the literature: total project delay TPD = sum_p (f_p - (r_p + CPM_p)) and total makespan
/// TMS = max_p f_p - min_p r_p. The readers are io's: ppm/io/multiproject.hpp.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/core/time.hpp"
#include "ppm/leveling/level.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"

namespace ppm {

/// A multi-project instance as read: jobs of every project in one flat, project-major numbering.
struct MultiProjectInstance {
    std::string name;                          ///< File stem ("MPLIB1_Set1_0", "mp_j30_a5_nr4").
    std::string path;                          ///< The file it was read from.
    std::vector<std::string> resource_names;   ///< "R1"..: global ones, then local "P3.R4".
    std::vector<std::int32_t> capacities;      ///< Per resource.
    std::vector<std::int32_t> resource_owner;  ///< -1 for a global resource, else the owning project.
    std::vector<std::string> project_names;    ///< "P1".. or the .sm file stem.
    std::vector<std::int32_t> release;         ///< Release (arrival) date per project, periods.
    std::vector<std::int32_t> due_date;        ///< Due date per project (-1 when the file gives none).
    std::vector<std::int32_t> job_offsets;     ///< Jobs of project p: [job_offsets[p], job_offsets[p+1]).
    std::vector<std::int32_t> durations;       ///< Per job, periods.
    std::vector<std::int32_t> demands;         ///< Job-major: demands[job * resources + r].
    std::vector<std::int32_t> successor_offsets;  ///< CSR (jobs + 1 entries), finish-to-start, lag 0.
    std::vector<std::int32_t> successor_indices;  ///< Flat job indices.

    /// Number of projects.
    [[nodiscard]] std::int32_t num_projects() const noexcept { return static_cast<std::int32_t>(release.size()); }
    /// Number of jobs over all projects (dummies included).
    [[nodiscard]] std::int32_t num_jobs() const noexcept { return static_cast<std::int32_t>(durations.size()); }
    /// Number of resources (global and local).
    [[nodiscard]] std::int32_t num_resources() const noexcept { return static_cast<std::int32_t>(capacities.size()); }
};

/// One period of the instance in the portfolio: `period` elapsed minutes on a 24/7 calendar.
struct MultiProjectPortfolioOptions {
    Instant origin = Instant::at(Date{20458});  ///< Period 0 (2026-01-05, a Monday).
    Duration period{kMinutesPerDay};             ///< Minutes per period.
};

/// The instance as a ppm portfolio: one project per project (start = origin + release, deadline =
/// due date when given), tasks "P<p>.<job>" in file order, finish-to-start links, a 24/7 calendar,
/// resources with `max_units` = capacity and assignments with `units` = demand.
[[nodiscard]] Portfolio to_portfolio(const MultiProjectInstance& instance, const MultiProjectPortfolioOptions& options = {});

/// A single-project RCPSP instance (PSPLIB .sm) as a ppm portfolio in the same form: one project
/// "P1" on a 24/7 calendar, tasks named by the instance's job names, a start-to-start arc whose lag
/// is the predecessor's duration written as finish-to-start (PSPLIB's arcs), any other arc as
/// start-to-start with its lag in periods (elapsed), dummy jobs as milestones.
[[nodiscard]] Portfolio to_portfolio(const RcpspInstance& instance, const MultiProjectPortfolioOptions& options = {});

/// One combined RCPSP instance: a source job 0, the projects' jobs (job j of the instance is job
/// j + 1), a sink; the source reaches each project's jobs with a start-to-start lag equal to its
/// release date.
[[nodiscard]] RcpspInstance to_rcpsp_instance(const MultiProjectInstance& instance);

/// Objectives of a schedule given as one start per job of the instance.
struct MultiProjectObjectives {
    std::vector<std::int32_t> project_finish;      ///< f_p.
    std::vector<std::int32_t> project_cpm_finish;  ///< r_p + CPM_p (resource-free).
    std::int64_t total_project_delay = 0;          ///< TPD.
    std::int32_t total_makespan = 0;               ///< TMS.
    std::int32_t tms_lower_bound = 0;              ///< max(critical path bound, resource bound).
};

/// TPD, TMS and the bounds of `starts` (one per job).
[[nodiscard]] MultiProjectObjectives evaluate(const MultiProjectInstance& instance, std::span<const std::int32_t> starts);

/// One start period per job from `level`'s result on `to_portfolio(instance, options)`.
[[nodiscard]] std::vector<std::int32_t> start_periods(const LevelResult& levelled, const MultiProjectPortfolioOptions& options = {});

/// The RCPSP GA on the combined instance (`to_rcpsp_instance`): one start per job of `instance`,
/// empty when the GA found no schedule (cancelled before the first one).
[[nodiscard]] std::vector<std::int32_t> solve_combined(const MultiProjectInstance& instance, const RcpspOptions& options);

/// Independent check: precedence, release dates and every resource's capacity in every period.
/// Returns the first problem found ("" when feasible).
[[nodiscard]] std::string check_multiproject(const MultiProjectInstance& instance, std::span<const std::int32_t> starts);

/// Options of `level_multiproject`.
struct MultiProjectLevelOptions {
    LevelOptions level{};                  ///< For the portfolio levelling pass (objective, passes, seed...).
    std::int64_t rcpsp_schedules = 0;      ///< > 0: also run the RCPSP GA on the combined instance with this budget.
};

/// The best schedule found for a multi-project instance.
struct MultiProjectResult {
    std::vector<std::int32_t> start_times;  ///< One per job of the instance.
    MultiProjectObjectives objectives;
    std::string method;                     ///< "level" or "rcpsp_ga": which one gave the returned schedule.
    MultiProjectObjectives level_objectives;  ///< What `level` alone reached.
    MultiProjectObjectives ga_objectives;     ///< What the GA reached (empty when not run).
    double seconds = 0.0;
};

/// Levels the instance as one portfolio (and optionally with the RCPSP GA), keeping the best by
/// `options.level.objective`.
[[nodiscard]] MultiProjectResult level_multiproject(const MultiProjectInstance& instance,
                                                    const MultiProjectLevelOptions& options = {});

}  // namespace ppm
