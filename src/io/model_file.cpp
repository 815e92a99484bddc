// Dispatch of model files to their readers by extension.
#include "ppm/io/model_file.hpp"

#include <algorithm>
#include <cctype>

#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"

namespace ppm {

namespace {
std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}
}  // namespace

std::vector<std::string> supported_model_extensions() { return {".json"}; }

Portfolio read_model_file(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".json") return read_json_file(path);
    std::string list;
    for (const auto& e : supported_model_extensions()) list += (list.empty() ? "" : ", ") + e;
    throw ParseError::unexpected(path.string(), 0, 0,
                                 "unsupported file extension '" + ext + "' (supported: " + list + ")");
}

}  // namespace ppm
