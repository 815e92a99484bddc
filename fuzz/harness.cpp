// Reader dispatch shared by the libFuzzer harnesses and the replay driver (see harness.hpp).
// Each reader runs with its default ppm::ReadLimits, the configuration users get.
#include "harness.hpp"

#include <array>
#include <string>

#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/mpx.hpp"
#include "ppm/io/mspdi.hpp"
#include "ppm/io/pmxml.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/io/xer.hpp"
#ifndef PPM_FUZZ_IO_ONLY  // selection and control need ppm_portfolio and ppm_evm
#include "ppm/io/control_json.hpp"
#include "ppm/portfolio/selection_json.hpp"
#endif

namespace ppm::fuzz {

namespace {

constexpr std::array<std::string_view, 9> kReaders = {"json",   "mspdi",      "pmxml",     "xer",    "mpx",
                                                      "psplib", "psplib_max", "selection", "control"};

void run(std::string_view reader, std::string_view text) {
    if (reader == "json") {
        (void)read_json(text, "fuzz.json");
    } else if (reader == "mspdi") {
        (void)read_mspdi(text, "fuzz.xml");
    } else if (reader == "pmxml") {
        (void)read_pmxml(text, "fuzz.xml");
    } else if (reader == "xer") {
        (void)read_xer(text, "fuzz.xer");
    } else if (reader == "mpx") {
        (void)read_mpx(text, "fuzz.mpx");
    } else if (reader == "psplib") {
        const PsplibProject project = parse_psplib(text, "fuzz.sm");
        (void)to_rcpsp_instance(project);  // ModelError (unsupported) for multi-mode files
    } else if (reader == "psplib_max") {
        (void)parse_psplib_max(text, "fuzz.sch");
    }
#ifndef PPM_FUZZ_IO_ONLY
    if (reader == "selection") {
        (void)parse_selection_document(text, "fuzz.json");
    } else if (reader == "control") {
        (void)read_control_sections(text, "fuzz.json");
    }
#endif
}

}  // namespace

bool run_reader(std::string_view reader, std::string_view text) {
    bool known = false;
    for (std::string_view name : kReaders) known = known || name == reader;
    if (!known) return false;
    try {
        run(reader, text);
    } catch (const ppm::Error&) {
        // The documented outcome for bad input: a typed error. Anything else propagates.
    }
    return true;
}

const std::string_view* reader_names(std::size_t& count) noexcept {
    count = kReaders.size();
    return kReaders.data();
}

}  // namespace ppm::fuzz
