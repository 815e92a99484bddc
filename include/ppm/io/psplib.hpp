#pragma once
/// @file
/// Readers for the PSPLIB project scheduling library (Kolisch & Sprecher, "PSPLIB - a project
/// scheduling problem library", EJOR 96 (1997)): single-mode `.sm` and multi-mode `.mm` instance
/// files (ProGen format), the published solution tables (`j30opt.sm`, `j60hrs.sm`, `j10opt.mm`) and
/// the ProGen/max `.sch` files of the RCPSP/max library. The types they return (`PsplibProject`,
/// `PsplibSolution`, `RcpspMaxProject`, `RcpspInstance`) are leveling's; the functions keep the
/// `ppm::leveling` namespace. Malformed input throws `ppm::ParseError` naming the file, the 1-based
/// line and column and what was expected there; a file that cannot be read throws ParseError (io).
///
/// @code
/// auto project = ppm::read_psplib("j1010_1.mm");      // modes as in the file
/// auto instance = ppm::read_psplib_sm("j301_1.sm");   // single-mode RCPSP instance
/// @endcode

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/io/read_limits.hpp"
#include "ppm/leveling/psplib.hpp"
#include "ppm/leveling/rcpsp_instance.hpp"
#include "ppm/leveling/rcpsp_max.hpp"

namespace ppm {

/// Parses the text of a `.sm` or `.mm` file; `path` is used in error messages only.
/// Doubly constrained resources (always 0 in PSPLIB) are rejected as unsupported.
[[nodiscard]] PsplibProject parse_psplib(std::string_view text, const std::string& path = "<text>");
/// As above with explicit safety limits (docs/limits.md): jobs against `max_tasks`, resource kinds
/// against `max_resources`, size, lines and line length; ParseError `limit_exceeded` when exceeded.
[[nodiscard]] PsplibProject parse_psplib(std::string_view text, const std::string& path, const ReadLimits& limits);

/// Reads a `.sm` or `.mm` file. Throws `ParseError` (io when it cannot be opened).
[[nodiscard]] PsplibProject read_psplib(const std::filesystem::path& path);

/// `to_rcpsp_instance(read_psplib(path))`, named after the file.
[[nodiscard]] RcpspInstance read_psplib_sm(const std::filesystem::path& path);

/// Reads a PSPLIB solution table (`j30opt.sm`, `j30hrs.sm`, `j60hrs.sm`, `j60lb.sm` (UB column),
/// `j10opt.mm`...): every line whose first three fields (separated by blanks, tabs or commas) are
/// integers is a row; other lines are header text. Throws `ParseError` when no row is found.
[[nodiscard]] std::vector<PsplibSolution> read_psplib_solutions(const std::filesystem::path& path);

/// Parses a ProGen/max `.sch` file (RCPSP/max library of Schwindt / Franck, Neumann & Schwindt):
/// header `n K 0 0`, n+2 precedence rows `j 1 #succ succ... [lag]...`, n+2 request rows
/// `j 1 duration demands...`, then the K capacities. `path` is used in error messages.
[[nodiscard]] RcpspMaxProject parse_psplib_max(std::string_view text, const std::string& path = "<text>");
/// As above with explicit safety limits (docs/limits.md).
[[nodiscard]] RcpspMaxProject parse_psplib_max(std::string_view text, const std::string& path, const ReadLimits& limits);

/// Reads a `.sch` file. Throws `ParseError` (io when it cannot be opened).
[[nodiscard]] RcpspMaxProject read_psplib_max(const std::filesystem::path& path);

}  // namespace ppm
