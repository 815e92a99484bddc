#pragma once
/// @file
/// Reading a model from any supported file format, chosen by the file's extension.

#include <filesystem>
#include <string>
#include <vector>

#include "ppm/core/portfolio.hpp"

namespace ppm {

/// Reads a portfolio from `path`, choosing the reader by extension (.json: ppm's own format).
/// Throws ParseError (io when unreadable, unexpected naming the extension when unsupported).
Portfolio read_model_file(const std::filesystem::path& path);

/// The extensions `read_model_file` accepts, lower case with the dot (".json", ...).
std::vector<std::string> supported_model_extensions();

}  // namespace ppm
