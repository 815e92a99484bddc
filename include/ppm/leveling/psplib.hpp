#pragma once
/// @file
/// Readers for the PSPLIB project scheduling library (Kolisch & Sprecher, "PSPLIB - a project
/// scheduling problem library", EJOR 96 (1997)): single-mode `.sm` and multi-mode `.mm` instance
/// files (ProGen format) and the published solution tables (`j30opt.sm`, `j60hrs.sm`, `j10opt.mm`).
/// Malformed input throws `ppm::ParseError` naming the file, the 1-based line and column and what
/// was expected there.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/io/read_limits.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"
#include "ppm/leveling/rcpsp_max.hpp"

namespace ppm::leveling {

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

/// Parses the text of a `.sm` or `.mm` file; `path` is used in error messages only.
/// Doubly constrained resources (always 0 in PSPLIB) are rejected as unsupported.
[[nodiscard]] PsplibProject parse_psplib(std::string_view text, const std::string& path = "<text>");
/// As above with explicit safety limits (docs/limits.md): jobs against `max_tasks`, resource kinds
/// against `max_resources`, size, lines and line length; ParseError `limit_exceeded` when exceeded.
[[nodiscard]] PsplibProject parse_psplib(std::string_view text, const std::string& path, const io::ReadLimits& limits);

/// Reads a `.sm` or `.mm` file. Throws `ParseError` (io when it cannot be opened).
[[nodiscard]] PsplibProject read_psplib(const std::filesystem::path& path);

/// The single-mode RCPSP instance of a file read by `read_psplib`: jobs in file order, arcs
/// finish-to-start with lag 0. Throws `ModelError` (unsupported) when a job has several modes or
/// the file has non-renewable resources with non-zero demand.
[[nodiscard]] RcpspInstance to_rcpsp_instance(const PsplibProject& project);

/// `to_rcpsp_instance(read_psplib(path))`, named after the file.
[[nodiscard]] RcpspInstance read_psplib_sm(const std::filesystem::path& path);

/// One row of a PSPLIB solution table.
struct PsplibSolution {
    std::int32_t parameter = 0;  ///< Parameter combination P of instance jXXP_I.
    std::int32_t instance = 0;   ///< Instance number I.
    std::int32_t makespan = 0;   ///< Optimum or best known makespan (16384 marks "infeasible" in .mm tables).
};

/// Reads a PSPLIB solution table (`j30opt.sm`, `j30hrs.sm`, `j60hrs.sm`, `j60lb.sm` (UB column),
/// `j10opt.mm`...): every line whose first three fields (separated by blanks, tabs or commas) are
/// integers is a row; other lines are header text. Throws `ParseError` when no row is found.
[[nodiscard]] std::vector<PsplibSolution> read_psplib_solutions(const std::filesystem::path& path);

/// Parses a ProGen/max `.sch` file (RCPSP/max library of Schwindt / Franck, Neumann & Schwindt):
/// header `n K 0 0`, n+2 precedence rows `j 1 #succ succ... [lag]...`, n+2 request rows
/// `j 1 duration demands...`, then the K capacities. `path` is used in error messages.
[[nodiscard]] RcpspMaxProject parse_psplib_max(std::string_view text, const std::string& path = "<text>");
/// As above with explicit safety limits (docs/limits.md).
[[nodiscard]] RcpspMaxProject parse_psplib_max(std::string_view text, const std::string& path, const io::ReadLimits& limits);

/// Reads a `.sch` file. Throws `ParseError` (io when it cannot be opened).
[[nodiscard]] RcpspMaxProject read_psplib_max(const std::filesystem::path& path);

}  // namespace ppm::leveling
