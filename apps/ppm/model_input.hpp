#pragma once
// Reading the model a command works on. One read returns the portfolio and prints the importer's
// warnings on stderr (a dropped link or assignment, a calendar replaced by a default...), so
// `schedule`, `level`, `evm`, `status` and `simulate` show what `convert --warnings` shows
// (issue 19, point 9). -q/--quiet silences them with the rest.

#include <iostream>
#include <string>
#include <utility>

#include "command.hpp"
#include "ppm/io/model_file.hpp"

namespace ppm::cli {

/// Reads `path` (any supported format) and reports its import warnings on stderr.
inline Portfolio load_model(const std::string& path, const Context& ctx) {
    ImportResult r = read_model_file_with_warnings(path);
    if (!ctx.quiet)
        for (const auto& w : r.warnings)
            std::cerr << "warning: " << w.source << (w.line ? ":" + std::to_string(w.line) : std::string()) << ": " << w.entity
                      << ": " << w.message << "\n";
    return std::move(r.portfolio);
}

}  // namespace ppm::cli
