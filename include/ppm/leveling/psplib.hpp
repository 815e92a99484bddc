#pragma once
/// @file
/// PSPLIB project scheduling library instances (Kolisch & Sprecher, "PSPLIB - a project scheduling
/// problem library", EJOR 96 (1997)): a single-mode `.sm` or multi-mode `.mm` file as read (ProGen
/// format), its single-mode RCPSP instance, and one row of the published solution tables
/// (`j30opt.sm`, `j60hrs.sm`, `j10opt.mm`). The readers are io's: ppm/io/psplib.hpp.

#include <cstdint>
#include <string>
#include <vector>

#include "ppm/leveling/rcpsp_instance.hpp"

namespace ppm {

/// A PSPLIB `.sm`/`.mm` file as read: jobs in file order (job k of the file is index k-1), modes in
/// CSR form, finish-to-start successors (lag 0) in CSR form.
struct PsplibProject {
    std::string path;                          ///< The file it was read from (for messages).
    std::int32_t horizon = 0;                  ///< `horizon` field (sum of longest durations).
    std::int32_t due_date = 0;                 ///< `duedate` in PROJECT INFORMATION (0 when absent).
    std::int32_t mpm_time = 0;                 ///< `MPM-Time` (critical path length; 0 when absent).
    std::int32_t num_jobs = 0;                 ///< Jobs including the dummy source and sink.
    std::vector<std::int32_t> mode_offsets;    ///< Modes of job j: [mode_offsets[j], mode_offsets[j+1]).
    std::vector<std::int32_t> mode_durations;  ///< One per mode.
    std::vector<std::int32_t> renewable_demands;     ///< Mode-major, renewable_capacities.size() per mode.
    std::vector<std::int32_t> nonrenewable_demands;  ///< Mode-major, nonrenewable_capacities.size() per mode.
    std::vector<std::int32_t> renewable_capacities;    ///< Per-period capacity of each renewable resource.
    std::vector<std::int32_t> nonrenewable_capacities; ///< Total budget of each non-renewable resource.
    std::vector<std::int32_t> successor_offsets;  ///< CSR offsets (num_jobs + 1 entries).
    std::vector<std::int32_t> successor_indices;  ///< 0-based job indices.

    /// Number of modes of a job.
    [[nodiscard]] std::int32_t num_modes(std::int32_t job) const { return mode_offsets[job + 1] - mode_offsets[job]; }
};

/// The single-mode RCPSP instance of a file read by `read_psplib`: jobs in file order, arcs
/// finish-to-start with lag 0. Throws `ModelError` (unsupported) when a job has several modes or
/// the file has non-renewable resources with non-zero demand.
[[nodiscard]] RcpspInstance to_rcpsp_instance(const PsplibProject& project);

/// One row of a PSPLIB solution table.
struct PsplibSolution {
    std::int32_t parameter = 0;  ///< Parameter combination P of instance jXXP_I.
    std::int32_t instance = 0;   ///< Instance number I.
    std::int32_t makespan = 0;   ///< Optimum or best known makespan (16384 marks "infeasible" in .mm tables).
};

}  // namespace ppm
