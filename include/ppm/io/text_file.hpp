#pragma once
/// @file
/// The one whole-file reader every reader of a path goes through.

#include <filesystem>
#include <string>

namespace ppm {

/// The whole content of the file at `path`, bytes unchanged. Throws ParseError::io naming the path
/// when it cannot be opened ("cannot open file for reading") or read ("read failed").
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path);

}  // namespace ppm
