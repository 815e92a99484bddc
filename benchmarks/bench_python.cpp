// The C++ side of the Python binding-overhead benchmark (scripts/bench_python.py): times
// ppm::schedule() on a model file exactly as ppm.schedule() runs it from Python, and prints the
// best and median wall time of R repetitions as "cpp_best_s=<x> cpp_median_s=<y> tasks=<n>", then
// the same for the calling thread's CPU time ("cpp_cpu_best_s=... cpp_cpu_median_s=..."), which
// other jobs on a shared machine do not inflate.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "ppm/io/json.hpp"
#include "ppm/schedule/cpm.hpp"

namespace {
double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}
}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_python_cpm MODEL.json [REPETITIONS]\n");
        return 2;
    }
    const int reps = argc > 2 ? std::atoi(argv[2]) : 7;
    const ppm::Portfolio portfolio = ppm::read_json_file(argv[1]);
    std::vector<double> times, cpu;
    std::size_t tasks = 0;
    for (int r = 0; r < reps; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = thread_cpu_seconds();
        const ppm::ScheduleResult result = ppm::schedule(portfolio);
        cpu.push_back(thread_cpu_seconds() - c0);
        times.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        tasks = result.task_id.size();
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("cpp_best_s=%.6f cpp_median_s=%.6f tasks=%zu cpp_cpu_best_s=%.6f cpp_cpu_median_s=%.6f\n", times.front(),
                times[times.size() / 2], tasks, cpu.front(), cpu[cpu.size() / 2]);
    return 0;
}
