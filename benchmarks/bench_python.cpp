// The C++ side of the Python binding-overhead benchmark (scripts/bench_python.py): times
// ppm::schedule() on a model file exactly as ppm.schedule() runs it from Python, and prints the
// best and median wall time of R repetitions as "cpp_best_s=<x> cpp_median_s=<y> tasks=<n>".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "ppm/io/json.hpp"
#include "ppm/schedule/cpm.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_python_cpm MODEL.json [REPETITIONS]\n");
        return 2;
    }
    const int reps = argc > 2 ? std::atoi(argv[2]) : 7;
    const ppm::Portfolio portfolio = ppm::read_json_file(argv[1]);
    std::vector<double> times;
    std::size_t tasks = 0;
    for (int r = 0; r < reps; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        const ppm::ScheduleResult result = ppm::schedule(portfolio);
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        tasks = result.task_id.size();
    }
    std::sort(times.begin(), times.end());
    std::printf("cpp_best_s=%.6f cpp_median_s=%.6f tasks=%zu\n", times.front(), times[times.size() / 2], tasks);
    return 0;
}
