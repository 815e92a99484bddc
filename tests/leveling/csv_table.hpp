#pragma once
// Reads one key/value column pair of a small CSV table (shared reference tables).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace ppm::test {

inline std::map<std::string, std::string> csv_columns(const std::filesystem::path& path, std::size_t key, std::size_t value) {
    std::map<std::string, std::string> out;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> fields;
        std::stringstream ss(line);
        std::string f;
        while (std::getline(ss, f, ',')) fields.push_back(f);
        if (fields.size() > std::max(key, value)) out[fields[key]] = fields[value];
    }
    return out;
}

}  // namespace ppm::test
