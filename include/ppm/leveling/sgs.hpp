#pragma once
/// @file
/// Schedule generation schemes for the RCPSP (Kolisch 1996, "Serial and parallel resource-
/// constrained project scheduling methods revisited: theory and computation", EJOR 90) and
/// double justification / forward-backward improvement (Valls, Ballestin & Quintanilla 2005,
/// "Justification and RCPSP: a technique that pays", EJOR 165).
/// The serial SGS schedules jobs one by one in activity-list order at their earliest
/// precedence- and resource-feasible start (active schedules); the parallel SGS advances a time
/// clock and starts the highest-priority eligible jobs that fit (non-delay schedules).

#include <cstdint>
#include <span>
#include <vector>

#include "ppm/leveling/priority_rules.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"

namespace ppm {

/// Which scheme turns priorities into a schedule.
enum class SgsScheme : std::uint8_t {
    serial,    ///< Activity-list based, yields active schedules.
    parallel,  ///< Time-incrementing, yields non-delay schedules.
};

/// "serial" or "parallel".
std::string_view to_string(SgsScheme scheme) noexcept;

/// Throws `ModelError` (invalid_value, naming the first offending job) unless `list` is an
/// activity list of `instance`: a permutation of its jobs where every job comes after its predecessors.
void require_activity_list(const RcpspInstance& instance, std::span<const std::int32_t> list);

/// Start times of a serial SGS pass over `activity_list` (a permutation of all jobs where every
/// job comes after its predecessors; throws `ModelError` invalid_value otherwise). With priority
/// tiers (RcpspData::tiers) the eligible jobs of the highest tier go first, the list orders the rest.
[[nodiscard]] std::vector<std::int32_t> serial_sgs(const RcpspInstance& instance,
                                                   std::span<const std::int32_t> activity_list);

/// Start times of a parallel SGS pass; `priority` has one value per job, smaller first (priority
/// tiers are not applied).
[[nodiscard]] std::vector<std::int32_t> parallel_sgs(const RcpspInstance& instance, std::span<const double> priority);

/// The precedence-feasible activity list that always takes the eligible job with the smallest
/// priority value (ties by job index).
[[nodiscard]] std::vector<std::int32_t> activity_list_from_priorities(const RcpspInstance& instance,
                                                                      std::span<const double> priority);

/// One pass of `scheme` with `rule` (the single-pass heuristics of MS Project / P6 style tools).
[[nodiscard]] std::vector<std::int32_t> schedule_with_rule(const RcpspInstance& instance, PriorityRule rule,
                                                           SgsScheme scheme = SgsScheme::serial);

/// Double justification of a feasible schedule: right-justify by decreasing finish, then
/// left-justify by increasing start (with leads, in that order as far as precedence allows). The
/// result is feasible, and never longer when no lag is negative.
[[nodiscard]] std::vector<std::int32_t> justify(const RcpspInstance& instance, std::span<const std::int32_t> starts);

/// Largest finish time of `starts` (0 for an empty instance).
[[nodiscard]] std::int32_t makespan(const RcpspInstance& instance, std::span<const std::int32_t> starts);

}  // namespace ppm
