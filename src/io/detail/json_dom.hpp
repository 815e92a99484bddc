#pragma once
// A JSON document parsed with nlohmann-json's SAX interface while recording where every value is
// in the text, so that errors found after parsing (unknown key, bad date...) still name a line and
// column. Internal to src/io (nlohmann never appears in include/ppm).
//
// Positions: a counting input iterator tells how many bytes the lexer has consumed when each SAX
// event fires. Members of an object are located at their key's opening quote; array elements and
// the root at their value (an object's or array's opening bracket, a string's opening quote, the
// character just after a number or literal).

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "ppm/io/read_limits.hpp"

namespace ppm::detail {

/// Where a value is: byte offset of its locating character; for objects and arrays also the
/// offsets of their opening and closing brackets (the verbatim text is [begin, end]).
struct JsonPlace {
    std::size_t offset = 0;
    std::size_t begin = std::string_view::npos;
    std::size_t end = std::string_view::npos;
};

/// A parsed document. `places` (keyed by RFC 6901 JSON pointer) holds the root and the top-level
/// members only; `locate` finds any other value by parsing again. `raw_floats` keeps the verbatim
/// text of floating-point money values (keys fixed_cost, cost, actual_cost, standard, overtime,
/// per_use) so that decimal amounts convert exactly.
struct JsonDoc {
    nlohmann::json root;
    std::string_view text;
    std::string source;
    std::unordered_map<std::string, JsonPlace> places;
    std::unordered_map<std::string, std::string> raw_floats;

    /// 1-based line and column of a byte offset in `text`.
    [[nodiscard]] std::pair<std::int64_t, std::int64_t> line_column(std::size_t offset) const;
    /// Line and column of the value at `pointer` (of its nearest existing ancestor when absent).
    [[nodiscard]] std::pair<std::int64_t, std::int64_t> locate(const std::string& pointer) const;
};

/// Parses `text`; throws ParseError::syntax (malformed JSON) or ParseError::unexpected (a key repeated
/// in one object: JSON leaves that undefined, and ppm never silently drops a value), or
/// ParseError::limit_exceeded (size, nesting depth, string length, value count: `limits`).
JsonDoc parse_json_doc(std::string_view text, std::string_view source, const ReadLimits& limits = {});

/// "~" -> "~0", "/" -> "~1" (RFC 6901).
std::string escape_pointer_token(std::string_view key);

}  // namespace ppm::detail
