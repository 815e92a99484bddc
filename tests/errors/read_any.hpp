#pragma once
// Runs one of ppm's readers by name on a text (the error corpus and limit tests).

#include <string>
#include <string_view>

#include "ppm/io/control_json.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/mpx.hpp"
#include "ppm/io/mspdi.hpp"
#include "ppm/io/pmxml.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/io/read_limits.hpp"
#include "ppm/io/xer.hpp"
#include "ppm/portfolio/selection_json.hpp"

namespace ppm::test {

/// Reads `text` with the reader named `reader` (the names of tests/errors/expectations.tsv); returns
/// false for an unknown name. "psplib" also converts to the single-mode RCPSP instance.
inline bool read_any(std::string_view reader, std::string_view text, const std::string& path,
                     const ReadLimits& limits = {}) {
    if (reader == "json") {
        (void)read_json(text, path, limits);
    } else if (reader == "mspdi") {
        (void)read_mspdi(text, path, limits);
    } else if (reader == "pmxml") {
        (void)read_pmxml(text, path, limits);
    } else if (reader == "xer") {
        (void)read_xer(text, path, limits);
    } else if (reader == "mpx") {
        (void)read_mpx(text, path, limits);
    } else if (reader == "psplib") {
        (void)to_rcpsp_instance(parse_psplib(text, path, limits));
    } else if (reader == "psplib_max") {
        (void)parse_psplib_max(text, path, limits);
    } else if (reader == "selection") {
        (void)parse_selection_document(text, path);
    } else if (reader == "control") {
        (void)read_control_sections(text, path);
    } else {
        return false;
    }
    return true;
}

}  // namespace ppm::test
