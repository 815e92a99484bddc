// Replays inputs through one reader without libFuzzer, so that seed corpora and every input that once
// crashed a harness (fuzz/regressions/<reader>/) run under ctest with the normal compiler (and under
// ASan+UBSan in the sanitizer build).
//   fuzz_replay <reader> <file-or-directory>...
// Exit 0 when every input was read or rejected with a ppm::Error; a non-ppm exception is reported
// with the file name and exits 1; a crash ends the process (ctest reports it).
#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "harness.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: fuzz_replay <reader> <file-or-directory>...\n");
        return 2;
    }
    const std::string reader = argv[1];
    std::vector<fs::path> files;
    for (int i = 2; i < argc; ++i) {
        const fs::path p = argv[i];
        if (fs::is_directory(p)) {
            for (const auto& e : fs::recursive_directory_iterator(p))
                if (e.is_regular_file() && e.path().filename().string().front() != '.') files.push_back(e.path());
        } else if (fs::is_regular_file(p)) {
            files.push_back(p);
        } else {
            std::fprintf(stderr, "fuzz_replay: %s does not exist\n", p.string().c_str());
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        std::ifstream in(f, std::ios::binary);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        try {
            if (!ppm::fuzz::run_reader(reader, text)) {
                std::fprintf(stderr, "fuzz_replay: unknown reader '%s'\n", reader.c_str());
                return 2;
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "FAIL %s: non-ppm exception escaped: %s\n", f.string().c_str(), e.what());
            return 1;
        }
    }
    std::printf("fuzz_replay %s: %zu inputs, 0 failures\n", reader.c_str(), files.size());
    return 0;
}
