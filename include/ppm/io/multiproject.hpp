#pragma once
/// @file
/// Readers of resource-constrained multi-project (RCMPSP) instances: MPLIB `.rcmp` files (Van Eynde
/// & Vanhoucke 2020, "Resource-constrained multi-project scheduling: benchmark datasets and
/// decoupled scheduling", J. Scheduling 23) and MPSPLIB `mp_*.xml` files with their PSPLIB `.sm`
/// projects (Homberger 2007, ITOR 14). The instance type and what is done with it (portfolio,
/// combined RCPSP instance, TPD / TMS, levelling) are leveling's (ppm/leveling/multiproject.hpp);
/// the functions keep the `ppm::leveling` namespace. Malformed files throw `ParseError` (path, line,
/// column, what); successor arcs forming a cycle throw `ModelError` (cycle).

#include <filesystem>
#include <string>
#include <string_view>

#include "ppm/leveling/multiproject.hpp"

namespace ppm {

/// Parses the text of an MPLIB `.rcmp` file (with or without due dates); `path` for messages.
[[nodiscard]] MultiProjectInstance parse_mplib(std::string_view text, const std::string& path = "<text>");
/// Reads an MPLIB `.rcmp` file. Throws ParseError (io when it cannot be opened).
[[nodiscard]] MultiProjectInstance read_mplib(const std::filesystem::path& path);
/// Reads an MPSPLIB `mp_*.xml` file and the PSPLIB `.sm` files it names (relative to the xml's
/// folder). Throws ParseError naming the xml (or the .sm) file, line and column.
[[nodiscard]] MultiProjectInstance read_mpsplib(const std::filesystem::path& xml_path);
/// `.rcmp` -> read_mplib, `.xml` -> read_mpsplib; another extension throws ParseError (unexpected).
[[nodiscard]] MultiProjectInstance read_multiproject(const std::filesystem::path& path);
/// True for a .rcmp file or an .xml file whose root is MPSPLIB's <mp-list> (not MS Project or P6 XML).
[[nodiscard]] bool is_multiproject_file(const std::filesystem::path& path);

}  // namespace ppm
