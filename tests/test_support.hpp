#pragma once
// Helpers shared by the tests: where the shared data set is, and skipping when it is absent.

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace ppm::test {

/// ../shared/data (psplib/, interchange/, multiproject/), as configured by CMake.
inline std::filesystem::path shared_data() { return std::filesystem::path(PPM_SHARED_DATA); }

/// True when `relative` exists under the shared data folder; otherwise emits a clear WARN so the
/// test reports why it checked nothing.
inline bool have_shared(const std::string& relative) {
    if (std::filesystem::exists(shared_data() / relative)) return true;
    WARN("SKIPPED: shared data not found at " << (shared_data() / relative).string()
                                               << " (place the shared/ folder beside the checkout)");
    return false;
}

}  // namespace ppm::test
