#pragma once
// The files a command reads and writes. One read returns the portfolio and prints the importer's
// warnings on stderr (a dropped link or assignment, a calendar replaced by a default...), so
// `schedule`, `level`, `evm`, `status` and `simulate` show what `convert --warnings` shows
// (issue 19, point 9); -q/--quiet silences them with the rest. An output path is checked before
// the work starts (issue 22).

#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <utility>

#include "command.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/model_file.hpp"

namespace ppm::cli {

/// One import or export warning on stderr: `warning: FILE[:LINE]: entity: message`.
inline void print_warning(const ImportWarning& w) {
    std::cerr << "warning: " << w.source << (w.line ? ":" + std::to_string(w.line) : std::string()) << ": " << w.entity << ": "
              << w.message << "\n";
}

/// Reads `path` (any supported format) and reports its import warnings on stderr.
inline Portfolio load_model(const std::string& path, const Context& ctx) {
    ImportResult r = read_model_file_with_warnings(path);
    if (!ctx.quiet)
        for (const auto& w : r.warnings) print_warning(w);
    return std::move(r.portfolio);
}

/// Reads `path` once: the portfolio, its control sections (ppm JSON) and the import warnings, which
/// go to stderr as load_model's do.
inline ModelDocument load_document(const std::string& path, const Context& ctx) {
    ModelDocument d = read_model_document(path);
    if (!ctx.quiet)
        for (const auto& w : d.warnings) print_warning(w);
    return d;
}

/// `evm`, `status` and `simulate` read their control sections (baselines, status, governance, risks,
/// uncertainty) from a ppm JSON file only: another format is refused before any work, naming the
/// format expected and the one found (issue 23), rather than as a JSON syntax error on line 1.
/// ParseError unexpected (exit 3).
inline void require_ppm_json(const std::string& path, std::string_view command) {
    const std::string found = detect_model_format(path);  // what read_model_file would see
    if (found == "ppm JSON") return;
    throw ParseError::unexpected(path, 1, 1,
                                 "ppm " + std::string(command) +
                                     " expects a ppm JSON file (the model with its control sections: baselines, status, "
                                     "risks, uncertainty; docs/format.md); this file is " + found +
                                     ": convert it with `ppm convert` to .json and add the sections");
}

/// Refuses an output path that cannot be written, before any work: a missing folder, a folder or
/// file without write permission, a path naming a folder. ParseError io (exit code 4).
inline void check_output_path(const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path p(path);
    std::error_code ec;
    if (fs::is_directory(p, ec)) throw ParseError::io(path, "cannot write: it is a folder");
    const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) throw ParseError::io(path, "cannot write: folder '" + dir.string() + "' does not exist");
    if (fs::exists(p, ec) ? ::access(path.c_str(), W_OK) != 0 : ::access(dir.c_str(), W_OK) != 0)
        throw ParseError::io(path, "cannot write: permission denied");
}

}  // namespace ppm::cli
