#pragma once
/// @file
/// The one whole-file reader every reader of a path goes through, and its writer.

#include <filesystem>
#include <string>
#include <string_view>

namespace ppm {

/// The whole content of the file at `path`, bytes unchanged. Throws ParseError::io naming the path
/// when it cannot be opened ("cannot open file for reading") or read ("read failed").
[[nodiscard]] std::string read_text_file(const std::filesystem::path& path);

/// Writes `text` to `path` (bytes unchanged, replacing the file); ParseError::io naming the path
/// when it cannot be opened ("cannot open for writing") or written ("write failed").
void write_text_file(std::string_view text, const std::filesystem::path& path);

}  // namespace ppm
