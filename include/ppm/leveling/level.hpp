#pragma once
/// @file
/// Resource levelling of real projects and portfolios on the calendar model.
///
/// Method: a serial schedule generation scheme (Kolisch 1996, EJOR 90) whose time-feasibility is
/// the CPM network's (all four link types with working / elapsed / percent lags on their lag
/// calendars, project starts, status dates, SNET/FNET, fixed MSO/MFO, progress) and whose
/// resource-feasibility is a time-phased free-capacity profile per resource (capacity from
/// `Resource::max_units` and `AvailabilityPeriod`s minus the units of the tasks already placed).
/// One pass with an MS Project-style order (priority, then total float, then early start) is what
/// the commercial tools do (`LevelMethod::priority` samples a few priority rules and regret-biased
/// random lists, Kolisch & Drexl 1996, NRL 43). The default, `LevelMethod::genetic`, is the RCPSP
/// engine's bi-population GA (`solve_rcpsp`: activity lists, time-window and two-point crossover,
/// swap mutation, left- and right-justified populations, double justification, lists re-encoded
/// by their start times), written once over a decoder. A plan that is a single-mode RCPSP on one
/// integer time axis (the working minutes of its one calendar; links as start-to-start lags,
/// leads included; SNET/FNET and fixed work as releases and capacity steps; priority tiers as the
/// jobs' tiers; several projects with the objective as `RcpspProjects`) is decoded on that grid,
/// its starts then decoded by one calendar pass (`best_rule` "genetic_integer_grid"); any other
/// plan by the serial SGS on the calendar model, the population seeded with the priority rules
/// (and, for a plan of one priority tier that is that RCPSP but for caps, tasks on other calendars
/// or splitting, with the grid engine's schedule). Same portfolio,
/// options and seed: same answer, whatever the thread count. docs/leveling.md explains every choice.
///
/// @code
///   ppm::Portfolio pf = ppm::read_model_file("plan.json");
///   ppm::LevelResult r = ppm::level(pf, {.within_float = false, .split = false});
///   for (std::size_t i = 0; i < r.task_id.size(); ++i)
///       if (r.delay[i].count() > 0) std::cout << r.task_id[i].str() << " delayed to " << ppm::to_string(r.start[i]) << "\n";
/// @endcode

#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/id.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/core/time.hpp"
#include "ppm/schedule/cpm.hpp"

namespace ppm {

/// The search behind `level`.
enum class LevelMethod : std::uint8_t {
    genetic,   ///< Activity-list GA on the calendar model (the default; budget `schedules` / `time_limit`).
    priority,  ///< Priority rules and sampled lists, `passes` SGS passes (1 = MS Project / P6 / TaskJuggler's one pass).
};

/// What "best" means when several levelled schedules are compared.
enum class LevelObjective : std::uint8_t {
    total_project_delay,  ///< Sum over projects of (levelled finish - CPM finish) x `Project::delay_weight`, then the portfolio finish.
    portfolio_finish,     ///< Latest project finish, then the total project delay.
};

/// How a levelling run ended.
enum class LevelStatus : std::uint8_t {
    levelled,          ///< No resource is over-allocated at any instant.
    over_allocated,    ///< Some over-allocation remains (within float, pinned tasks, demand above capacity).
    cancelled,         ///< The stop token fired; the best schedule found so far is returned.
};

/// A snapshot handed to the progress callback.
struct LevelProgress {
    std::int32_t passes = 0;          ///< Schedule passes done.
    std::int32_t max_passes = 0;      ///< The budget.
    std::int64_t best_total_delay = 0;///< Total project delay of the best schedule so far (minutes) with the priority method; 0 with the genetic method.
    bool on_grid = false;             ///< From the GA on the plan's integer grid (docs/leveling.md), not on the calendar model.
};

/// Options of `level` (an aggregate: set what you need with designated initialisers).
struct LevelOptions {
    LevelMethod method = LevelMethod::genetic;
    /// Level only within available total float: no project finishes later than its CPM finish and
    /// no task starts after its late start; conflicts that cannot be resolved so stay and are
    /// reported in `over_allocations` (MS Project's "level only within available slack").
    bool within_float = false;
    /// Tasks may be split (preempted): their work fills the free capacity in pieces.
    bool split = false;
    /// Order by project priority then task priority first (higher first), as MS Project's
    /// "Priority, Standard" order; a task with priority 1000 is never moved ("do not level").
    bool use_priorities = true;
    LevelObjective objective = LevelObjective::total_project_delay;
    /// `LevelMethod::priority`: schedule passes (one serial SGS pass each); 1 gives the single-pass
    /// MS Project-style answer.
    std::int32_t passes = 16;
    /// `LevelMethod::genetic`: budget in SGS passes (schedules); 0 chooses one from the size of the
    /// portfolio (5,000 up to ~370 tasks, then fewer: `default_schedules`).
    std::int64_t schedules = 0;
    /// Wall-clock limit in seconds (<= 0: none); the best schedule so far is returned. Makes the
    /// answer depend on the machine's speed.
    double time_limit = 0.0;
    /// Threads decoding children (genetic); the answer does not depend on it.
    std::int32_t threads = 1;
    std::uint64_t seed = 1;                 ///< Random stream of the sampled activity lists.
    Duration histogram_period{kMinutesPerDay};  ///< Width of one histogram bucket.
    ScheduleOptions schedule{};             ///< CPM options (status date, progress mode).
    std::stop_token stop{};                 ///< Cancellation: the best schedule so far is returned.
    /// Called from the calling thread: after every pass (priority); with the genetic method at every
    /// hundredth of the budget (on the integer grid at least 50 passes apart) and when it ends.
    std::function<void(const LevelProgress&)> progress{};
};

/// One remaining over-allocation: on `resource` during [from, to) the demand exceeds the capacity.
struct OverAllocation {
    ResourceId resource;
    Instant from;
    Instant to;
    double demand = 0.0;    ///< Peak units demanded in the interval.
    double capacity = 0.0;  ///< Units available in the interval.
};

/// Time-phased demand and capacity of every levelled resource, one bucket per `histogram_period`
/// from `histogram_start`: arrays are resource-major, `[resource * bucket_count + bucket]`.
struct ResourceHistogram {
    std::vector<ResourceId> resource;   ///< Levelled (work) resources, in portfolio order.
    Instant start;                      ///< Start of bucket 0.
    Duration period{kMinutesPerDay};    ///< Width of a bucket.
    std::int64_t bucket_count = 0;      ///< Buckets per resource.
    std::vector<double> peak_demand;    ///< Largest units in use at any instant of the bucket.
    std::vector<double> capacity;       ///< Smallest capacity at any instant of the bucket.
    std::vector<double> load;           ///< Unit-minutes in use (units x minutes held) in the bucket.
};

/// The levelled schedule: one array per attribute indexed like `Network` / `ScheduleResult`
/// (projects in portfolio order, tasks in file order), summaries rolled up.
struct LevelResult {
    LevelStatus status = LevelStatus::levelled;
    std::vector<TaskId> task_id;
    std::vector<ProjectIndex> project;         ///< Project index of each task.
    std::vector<Instant> start;                ///< Levelled start.
    std::vector<Instant> finish;               ///< Levelled finish.
    std::vector<Instant> cpm_start;            ///< Early start before levelling.
    std::vector<Instant> cpm_finish;           ///< Early finish before levelling.
    std::vector<Duration> delay;               ///< Levelling delay: working minutes (task calendar) from cpm_start to start.
    std::vector<std::uint8_t> is_summary;
    std::vector<std::uint8_t> is_split;        ///< 1 when the task was preempted (see `pieces`).
    /// Working pieces of each task: `piece_start/finish[piece_offsets[i] .. piece_offsets[i+1])`
    /// (one piece for an unsplit task; none for summaries and milestones).
    std::vector<std::uint32_t> piece_offsets;
    std::vector<Instant> piece_start, piece_finish;

    std::vector<ProjectId> project_id;         ///< By project index.
    std::vector<Instant> project_cpm_finish;   ///< Latest CPM early finish of the project's tasks.
    std::vector<Instant> project_finish;       ///< Latest levelled finish.
    std::vector<Duration> project_delay;       ///< Elapsed minutes project_finish - project_cpm_finish.
    Duration total_project_delay{};            ///< Sum of project_delay.
    double weighted_project_delay = 0.0;       ///< Sum of project_delay (minutes) x the project's delay_weight.
    Instant portfolio_cpm_finish;              ///< Portfolio finish before levelling.
    Instant portfolio_finish;                  ///< Portfolio finish after levelling.
    /// The one-pass priority heuristic's answer (the first rule's pass, what MS Project, P6 and
    /// TaskJuggler compute), to show what the search gained over it.
    Instant one_pass_portfolio_finish;
    Duration one_pass_total_project_delay{};

    std::vector<OverAllocation> over_allocations;  ///< Empty when status is `levelled`.
    ResourceHistogram histogram;
    LevelMethod method = LevelMethod::genetic; ///< The search that ran.
    std::int32_t passes = 0;                   ///< Schedule passes (SGS decodings) done.
    std::int32_t best_pass = 0;                ///< Pass that gave the returned schedule (0 = first).
    std::string best_rule;                     ///< Name of the ordering that gave it ("priority_float", "random_lst", ...).
    double seconds = 0.0;                      ///< Wall time.
    std::vector<std::string> warnings;         ///< Tasks whose demand exceeds any capacity, broken hard constraints...
};

/// The genetic method's automatic budget for a portfolio of `tasks` tasks: 7 10^8 / tasks^2
/// schedules between 50 and 5,000 (5,000 up to ~370 tasks, 700 at 1,000, 77 at 3,000), so that a
/// default run stays about a second for a few thousand tasks.
[[nodiscard]] std::int64_t default_schedules(std::size_t tasks) noexcept;

/// Levels `portfolio` (every project, resources shared). Throws ModelError for a broken model
/// (as `schedule` does); solver outcomes are in `status`.
[[nodiscard]] LevelResult level(const Portfolio& portfolio, const LevelOptions& options = {});

/// The levelled dates as a `ScheduleResult` (late dates = early dates, float 0), e.g. to run the
/// schedule validator or the schedule writers on them.
[[nodiscard]] ScheduleResult to_schedule_result(const LevelResult& result);

std::string_view to_string(LevelMethod m) noexcept;     ///< "genetic", "priority"
std::string_view to_string(LevelObjective o) noexcept;  ///< "total_project_delay", "portfolio_finish"
std::string_view to_string(LevelStatus s) noexcept;     ///< "levelled", "over_allocated", "cancelled"

}  // namespace ppm
