#pragma once
/// @file
/// ppm's JSON file format: one document for the whole model (docs/format.md, schema in
/// docs/schema/ppm.schema.json, RFC 8259 JSON).
///
/// @code
/// ppm::Portfolio p = ppm::read_json_file("examples/portfolio.json");  // throws ppm::ParseError
/// for (const auto& problem : ppm::validate(p)) std::cerr << problem.message << "\n";
/// ppm::write_json_file(p, "copy.json");  // canonical: write -> read -> write is byte-identical
/// @endcode
///
/// Top level: `{"format": "ppm", "version": 1, "portfolio": {...}, <sections>}`. Other engines keep
/// their data in further top-level sections ("strategy", "selection", "risks", ...: see
/// `known_json_sections()`); the model reader skips those and rejects any other unknown key anywhere,
/// naming its JSON pointer and line:column. Reading checks syntax, types, keys, dates and durations;
/// references between entities are checked by `validate()` (ppm/core/validate.hpp).

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "ppm/core/portfolio.hpp"
#include "ppm/io/read_limits.hpp"

namespace ppm {

/// Reads a model from JSON text. `source_name` is used in error messages (normally the path).
/// Throws ParseError: `syntax` (malformed JSON, with line and column) or `unexpected` (unknown key,
/// wrong type, bad date, bad duration, duplicate key..., with line, column and JSON pointer).
Portfolio read_json(std::string_view text, std::string_view source_name = "<input>");
/// As above with explicit safety limits (docs/limits.md): ParseError `limit_exceeded` when exceeded.
Portfolio read_json(std::string_view text, std::string_view source_name, const ReadLimits& limits);

/// Reads a model from a file; ParseError::io when it cannot be read.
Portfolio read_json_file(const std::filesystem::path& path);
/// As above with explicit safety limits (max_file_bytes is checked before reading).
Portfolio read_json_file(const std::filesystem::path& path, const ReadLimits& limits);

/// Writes the model in canonical form (fixed key order, 2-space indent, defaults omitted, trailing
/// newline): write -> read gives an equal model and a second write is byte-identical.
std::string write_json(const Portfolio& portfolio);

/// Writes `write_json(portfolio)` to `path`; ParseError::io when it cannot be written.
void write_json_file(const Portfolio& portfolio, const std::filesystem::path& path);

/// A top-level section other than "portfolio", as it appears in the file.
struct JsonSection {
    std::string text;         ///< The section's JSON value, verbatim from the file.
    std::int64_t line = 0;    ///< 1-based line of the value's first character in the file.
    std::int64_t column = 0;  ///< 1-based column of the value's first character.
};

/// The top-level section names the model reader accepts besides "format", "version" and "portfolio"
/// (owned by other engines): strategy, selection, risks, baselines, status, scenarios, scoring,
/// leveling, evm, schedule, results, meta, uncertainty, governance.
std::span<const std::string_view> known_json_sections() noexcept;

/// The extension point for other engines: the raw JSON of section `name` in `text`, or nullopt when
/// the document has no such section. Parses (and checks the syntax of) the whole document; throws
/// ParseError like `read_json`. A parser of the section adds `line - 1` to its own line numbers.
std::optional<JsonSection> read_json_section(std::string_view text, std::string_view name,
                                             std::string_view source_name = "<input>");

/// Writes the model plus extra top-level sections (name -> JSON text of the value, each re-indented
/// canonically after "portfolio", in name order). Throws ParseError if a section's text is not JSON,
/// and ModelError::invalid_value if a name is "format", "version" or "portfolio".
std::string write_json(const Portfolio& portfolio, const std::map<std::string, std::string, std::less<>>& sections);

}  // namespace ppm
