#pragma once
/// @file
/// The dense, immutable resource-constrained project scheduling problem (RCPSP) instance that the
/// levelling solvers work on: jobs with integer durations, renewable resources with constant
/// capacities, per-period demands as one flat job-major array, and precedence arcs as
/// start-to-start minimum time lags `S[to] >= S[from] + lag` held in compressed sparse row (CSR)
/// form in both directions. A finish-to-start arc with lag 0 (PSPLIB) is the lag `duration(from)`.
/// Problem definition: Kolisch & Sprecher, "PSPLIB - a project scheduling problem library",
/// EJOR 96 (1997); generalised lags as in Neumann, Schwindt & Zimmermann (2003).
/// The instance is built once (from a PSPLIB file, later from a ppm project) and never changes.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace ppm {

/// One precedence arc: start of `to` no earlier than start of `from` plus `lag`. A negative lag is a
/// lead (`to` may start before `from`); every start is >= 0 all the same, and the arcs stay acyclic.
struct RcpspArc {
    std::int32_t from = 0;  ///< Dense job index of the predecessor.
    std::int32_t to = 0;    ///< Dense job index of the successor.
    std::int32_t lag = 0;   ///< Minimum start-to-start distance in periods.
};

/// A change of a resource's capacity over time: from `period` on (> 0), until the resource's next
/// step, the capacity is `capacity` (>= 0). PSPLIB instances have none; a levelled plan has them
/// where availability periods or work already fixed in time (progress) take capacity.
struct RcpspCapacityStep {
    std::int32_t resource = 0;
    std::int32_t period = 0;
    std::int32_t capacity = 0;
};

/// The editable form an `RcpspInstance` is built from (an aggregate: fill it, then construct).
struct RcpspData {
    std::string name;                    ///< Where it came from (file name), for messages.
    std::vector<std::int32_t> durations;  ///< One per job, >= 0.
    std::vector<std::int32_t> capacities; ///< One per renewable resource, >= 0 (from period 0 to its first step).
    std::vector<std::int32_t> demands;    ///< Job-major: demands[job * resources + r], 0..capacity after the last step.
    std::vector<RcpspArc> arcs;           ///< Start-to-start arcs, acyclic (a lag < 0 is a lead).
    std::vector<std::string> job_names;   ///< Optional (empty or one per job): "1", "A100", ...
    std::vector<RcpspCapacityStep> capacity_steps;  ///< Optional, by resource then period (increasing).
    /// Optional (empty or one per job): priority tiers, higher first. A forward serial SGS then takes,
    /// of the jobs whose predecessors are placed, those of the highest tier first and the others in
    /// list order (levelling by priority as MS Project and P6 do); without tiers, list order alone.
    std::vector<std::int32_t> tiers;
};

/// Adds a finish-to-start arc `from -> to` with `lag` periods after the finish of `from`.
void add_finish_to_start(RcpspData& data, std::int32_t from, std::int32_t to, std::int32_t lag = 0);

/// A validated, immutable single-mode RCPSP instance in solver-friendly arrays.
class RcpspInstance {
public:
    /// Validates and freezes `data`. Throws `ModelError`: negative_duration (a duration < 0),
    /// invalid_value (demand < 0 or above capacity, arc endpoint out of range, wrong array sizes),
    /// cycle (the arcs contain a cycle, members named).
    explicit RcpspInstance(RcpspData data);

    /// Number of jobs, dummies included.
    [[nodiscard]] std::int32_t num_jobs() const noexcept { return static_cast<std::int32_t>(durations_.size()); }
    /// Number of renewable resources.
    [[nodiscard]] std::int32_t num_resources() const noexcept { return static_cast<std::int32_t>(capacities_.size()); }
    /// Name given at construction (file name for PSPLIB instances).
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// Name of a job ("1".."n" for PSPLIB files).
    [[nodiscard]] const std::string& job_name(std::int32_t job) const { return job_names_[job]; }

    /// Durations, one per job.
    [[nodiscard]] std::span<const std::int32_t> durations() const noexcept { return durations_; }
    /// Duration of one job.
    [[nodiscard]] std::int32_t duration(std::int32_t job) const { return durations_[job]; }
    /// Capacities, one per resource (from period 0 until the resource's first capacity step).
    [[nodiscard]] std::span<const std::int32_t> capacities() const noexcept { return capacities_; }
    /// Capacity of one resource (from period 0 until its first capacity step).
    [[nodiscard]] std::int32_t capacity(std::int32_t resource) const { return capacities_[resource]; }
    /// Capacity changes over time, by resource then period; empty for a constant-capacity instance.
    [[nodiscard]] std::span<const RcpspCapacityStep> capacity_steps() const noexcept { return steps_; }
    /// Capacity of a resource in period t (>= 0).
    [[nodiscard]] std::int32_t capacity_at(std::int32_t resource, std::int32_t t) const {
        std::int32_t c = capacities_[resource];
        for (const RcpspCapacityStep& s : steps_)
            if (s.resource == resource && s.period <= t) c = s.capacity;
        return c;
    }
    /// The largest capacity of a resource over time (the capacity a relaxation may assume).
    [[nodiscard]] std::int32_t peak_capacity(std::int32_t resource) const { return peak_[resource]; }
    /// The period from which every capacity stays constant (0 without steps).
    [[nodiscard]] std::int32_t last_step() const noexcept { return last_step_; }
    /// All demands, job-major (`job * num_resources() + resource`).
    [[nodiscard]] std::span<const std::int32_t> demands() const noexcept { return demands_; }
    /// Demands of one job, one per resource.
    [[nodiscard]] std::span<const std::int32_t> demands(std::int32_t job) const {
        return {demands_.data() + static_cast<std::size_t>(job) * capacities_.size(), capacities_.size()};
    }
    /// Demand of one job on one resource.
    [[nodiscard]] std::int32_t demand(std::int32_t job, std::int32_t resource) const {
        return demands_[static_cast<std::size_t>(job) * capacities_.size() + static_cast<std::size_t>(resource)];
    }

    /// Direct successors of `job` (CSR slice).
    [[nodiscard]] std::span<const std::int32_t> successors(std::int32_t job) const {
        return {succ_index_.data() + succ_offset_[job], static_cast<std::size_t>(succ_offset_[job + 1] - succ_offset_[job])};
    }
    /// Start-to-start lags of the arcs in `successors(job)`, same order.
    [[nodiscard]] std::span<const std::int32_t> successor_lags(std::int32_t job) const {
        return {succ_lag_.data() + succ_offset_[job], static_cast<std::size_t>(succ_offset_[job + 1] - succ_offset_[job])};
    }
    /// Direct predecessors of `job` (CSR slice).
    [[nodiscard]] std::span<const std::int32_t> predecessors(std::int32_t job) const {
        return {pred_index_.data() + pred_offset_[job], static_cast<std::size_t>(pred_offset_[job + 1] - pred_offset_[job])};
    }
    /// Start-to-start lags of the arcs in `predecessors(job)`, same order.
    [[nodiscard]] std::span<const std::int32_t> predecessor_lags(std::int32_t job) const {
        return {pred_lag_.data() + pred_offset_[job], static_cast<std::size_t>(pred_offset_[job + 1] - pred_offset_[job])};
    }
    /// CSR arrays (offsets has num_jobs()+1 entries) for hot loops.
    [[nodiscard]] std::span<const std::int32_t> successor_offsets() const noexcept { return succ_offset_; }
    /// CSR column array of successors.
    [[nodiscard]] std::span<const std::int32_t> successor_indices() const noexcept { return succ_index_; }
    /// CSR lag array of successors.
    [[nodiscard]] std::span<const std::int32_t> successor_lag_values() const noexcept { return succ_lag_; }
    /// CSR offsets of predecessors.
    [[nodiscard]] std::span<const std::int32_t> predecessor_offsets() const noexcept { return pred_offset_; }
    /// CSR column array of predecessors.
    [[nodiscard]] std::span<const std::int32_t> predecessor_indices() const noexcept { return pred_index_; }
    /// CSR lag array of predecessors.
    [[nodiscard]] std::span<const std::int32_t> predecessor_lag_values() const noexcept { return pred_lag_; }
    /// Number of arcs.
    [[nodiscard]] std::int32_t num_arcs() const noexcept { return static_cast<std::int32_t>(succ_index_.size()); }

    /// Priority tiers, one per job (higher first), or empty: none (see RcpspData::tiers).
    [[nodiscard]] std::span<const std::int32_t> tiers() const noexcept { return tiers_; }

    /// A topological order of the jobs (predecessors first); ties by job index.
    [[nodiscard]] std::span<const std::int32_t> topological_order() const noexcept { return topo_order_; }
    /// Position of each job in `topological_order()`.
    [[nodiscard]] std::span<const std::int32_t> topological_rank() const noexcept { return topo_rank_; }
    /// A makespan no feasible serial-SGS schedule exceeds: sum over jobs of max(duration, largest
    /// outgoing lag), plus `last_step()`. Time-indexed arrays are sized with it.
    [[nodiscard]] std::int32_t horizon() const noexcept { return horizon_; }

private:
    std::string name_;
    std::vector<std::string> job_names_;
    std::vector<std::int32_t> durations_, capacities_, demands_, peak_;
    std::vector<RcpspCapacityStep> steps_;
    std::vector<std::int32_t> tiers_;
    std::int32_t last_step_ = 0;
    std::vector<std::int32_t> succ_offset_, succ_index_, succ_lag_;
    std::vector<std::int32_t> pred_offset_, pred_index_, pred_lag_;
    std::vector<std::int32_t> topo_order_, topo_rank_;
    std::int32_t horizon_ = 0;
};

}  // namespace ppm
