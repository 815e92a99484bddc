// libFuzzer entry point for one reader, chosen at compile time by PPM_FUZZ_READER ("json", "xer"...).
// Built only with clang (-fsanitize=fuzzer,address,undefined) under -DPPM_BUILD_FUZZERS=ON; run by
// scripts/fuzz.sh. libFuzzer: https://llvm.org/docs/LibFuzzer.html
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "harness.hpp"

#ifndef PPM_FUZZ_READER
#error "PPM_FUZZ_READER must name the reader"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)ppm::fuzz::run_reader(PPM_FUZZ_READER, text);
    return 0;
}
