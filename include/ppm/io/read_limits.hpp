#pragma once
/// @file
/// Safety limits applied by every file reader (JSON, MSPDI, PMXML, XER, MPX, PSPLIB `.sm`/`.mm`/`.sch`,
/// selection and control JSON), so that a hostile or broken file (huge counts, deep nesting, giant
/// strings or lines, entity-expansion XML) gets a clear `ParseError` with code `limit_exceeded`
/// instead of exhausting memory or time. The defaults are far above any real project file and can
/// be raised (or lowered) per call. Documented, with the reasoning for each default, in docs/limits.md.
///
/// @code
/// ppm::ReadLimits limits;            // defaults
/// limits.max_tasks = 5'000'000;          // a very large programme
/// auto imported = ppm::read_xer(text, "big.xer", limits);
/// @endcode

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ppm {

/// Limits a reader enforces before and while building its result. A limit of 0 is not "unlimited":
/// every field must be positive (use a large number to effectively disable one).
struct ReadLimits {
    /// Largest accepted input, in bytes (the whole text or file).
    std::size_t max_file_bytes = std::size_t{512} * 1024 * 1024;
    /// Most tasks (activities, PSPLIB jobs) in one file, over all its projects.
    std::int64_t max_tasks = 1'000'000;
    /// Most records of any kind: JSON values, XML elements, lines of a text format.
    std::int64_t max_records = 10'000'000;
    /// Deepest nesting of JSON arrays/objects or XML elements (real files nest fewer than 12 levels).
    std::int32_t max_nesting_depth = 128;
    /// Longest single string: a JSON string, an XML text or attribute value, a line of XER/MPX/PSPLIB.
    std::size_t max_string_length = std::size_t{16} * 1024 * 1024;
    /// Most resources (PSPLIB renewable plus non-renewable kinds).
    std::int64_t max_resources = 100'000;
};

/// Checks a JSON text against `limits` lexically, before any parser sees it: size, nesting depth,
/// string length and number of values. For readers of JSON documents outside io (the selection
/// document); throws ParseError(limit_exceeded) naming `source`, the line and the ReadLimits field.
void check_json_limits(std::string_view text, std::string_view source, const ReadLimits& limits = {});

}  // namespace ppm
