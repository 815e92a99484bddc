#pragma once
// Helpers for the interchange tests: file access, lookups by MSPDI ID, independent element counts
// (pugixml, not the reader under test).

#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ppm/core/portfolio.hpp"
#include "test_support.hpp"

namespace ppm::test {

/// An instant from calendar fields (the interchange tests' dates).
inline Instant at(int y, int m, int d, int h = 0, int min = 0) { return Instant::from_ymd_hm(y, m, d, h, min); }

inline std::filesystem::path interchange(const std::string& rel) { return shared_data() / "interchange" / rel; }

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::vector<std::filesystem::path> files_in(const std::string& folder, const std::string& ext) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::directory_iterator(interchange(folder)))
        if (e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

/// A task by its MSPDI/MPX row ID (kept as custom field "<prefix>ID").
inline const Task* task_by_row(const Project& p, const std::string& id, const std::string& key = "mspdi.ID") {
    for (const auto& t : p.tasks) {
        const auto it = t.custom.find(key);
        if (it != t.custom.end() && std::holds_alternative<std::string>(it->second) && std::get<std::string>(it->second) == id) return &t;
    }
    return nullptr;
}

inline std::string custom_text(const CustomFields& c, const std::string& key) {
    const auto it = c.find(key);
    if (it == c.end()) return "<absent>";
    if (const auto* s = std::get_if<std::string>(&it->second)) return *s;
    return "<not text>";
}

}  // namespace ppm::test
