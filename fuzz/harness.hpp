#pragma once
/// @file
/// One entry point per reader for the libFuzzer harnesses (fuzz_<reader>.cpp) and the plain-C++
/// replay driver (replay_main.cpp) that re-runs seed corpora and crash regressions under ctest.
///
/// The contract checked (issue 8, "Hardening"): for any byte string a reader either returns or throws
/// a `ppm::Error` (`ParseError` / `ModelError`). Anything else escaping (std::out_of_range,
/// std::bad_alloc, ...) is a bug: it is not caught here, so libFuzzer reports it as a crash, and
/// so do sanitizer findings (heap overflow, signed overflow, ...), leaks, hangs and out-of-memory.

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ppm::fuzz {

/// Runs the reader named `reader` ("json", "mspdi", "pmxml", "xer", "mpx", "psplib", "psplib_max",
/// "selection", "control") on `text`; returns false when the name is unknown.
bool run_reader(std::string_view reader, std::string_view text);

/// Names accepted by `run_reader`, in a fixed order.
const std::string_view* reader_names(std::size_t& count) noexcept;

}  // namespace ppm::fuzz
