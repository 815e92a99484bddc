#pragma once
// Seeded portfolios for the repository tests: the content is a pure function of (revision, size),
// so a test can tell exactly which save a file holds by regenerating it.

#include <cstdint>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "ppm/core/portfolio.hpp"

namespace ppm::test {

/// SplitMix64 (Steele, Lea & Flood 2014): a stateless mix for deterministic pseudo-random values.
inline std::uint64_t mix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

/// A portfolio "PF" of `projects` projects, each a chain of `tasks` tasks, whose durations,
/// progress and names depend on `revision` (notes say "revision N").
inline Portfolio make_portfolio(std::int64_t revision, int projects = 3, int tasks = 20, std::string id = "PF") {
    Portfolio pf{.id = PortfolioId{id}, .name = "Portfolio " + id};
    pf.notes = "revision " + std::to_string(revision);
    pf.status_date = Instant::from_ymd_hm(2026, 3, 2, 8, 0);
    for (int p = 0; p < projects; ++p) {
        Project& project = pf.projects.emplace_back();
        project.id = ProjectId{"P" + std::to_string(p + 1)};
        project.name = "Project " + std::to_string(p + 1);
        project.start = Instant::from_ymd_hm(2026, 1, 5, 8, 0);
        project.manager = "manager " + std::to_string(p % 3);
        for (int t = 0; t < tasks; ++t) {
            const std::uint64_t h = mix64(static_cast<std::uint64_t>(revision) * 1000003ULL + static_cast<std::uint64_t>(p * 10007 + t));
            Task& task = project.tasks.emplace_back();
            task.id = TaskId{project.id.str() + ".T" + std::to_string(t + 1)};
            task.name = "Task " + std::to_string(t + 1) + " r" + std::to_string(revision);
            task.duration = Duration{60 * static_cast<std::int64_t>(1 + h % 16)};
            if (t > 0) task.predecessors.push_back(Dependency{.predecessor = project.tasks[static_cast<std::size_t>(t) - 1].id});
            task.notes = "n" + std::to_string(h % 1000);
        }
    }
    return pf;
}

/// A fresh path in the build tree for a test's repository (removing leftovers of earlier runs).
inline std::filesystem::path fresh_db(const std::string& name) {
    const auto dir = std::filesystem::path(PPM_BINARY_DIR) / "tests" / "store" / "tmp";
    std::filesystem::create_directories(dir);
    const auto path = dir / (name + "-" + std::to_string(::getpid()) + ".db");
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(path.string() + suffix);
    return path;
}

}  // namespace ppm::test
