#pragma once
// Checks of ppm::ReadLimits shared by io's readers (src/io; areas above io use the public
// check_json_limits). Every failure is ParseError::limit_exceeded naming the ReadLimits field
// to raise, e.g. "too many tasks: 1000001 (ReadLimits::max_tasks = 1000000)".

#include <cstdint>
#include <filesystem>
#include <system_error>
#include <string>
#include <string_view>

#include "ppm/core/error.hpp"
#include "ppm/core/portfolio.hpp"
#include "ppm/io/read_limits.hpp"

namespace ppm::detail {

/// Throws limit_exceeded: "<what>: <value> (ReadLimits::<field> = <limit>)".
[[noreturn]] inline void limit_fail(const std::string& source, std::int64_t line, std::string_view what,
                                    std::uint64_t value, std::string_view field, std::uint64_t limit) {
    throw ParseError::limit_exceeded(source, line,
                                     std::string(what) + ": " + std::to_string(value) + " (ReadLimits::" +
                                         std::string(field) + " = " + std::to_string(limit) + ")");
}

/// A count against one of the int64 limits (tasks, records, resources).
inline void check_count(const std::string& source, std::int64_t line, std::string_view what, std::int64_t count,
                        std::string_view field, std::int64_t limit) {
    if (count > limit)
        limit_fail(source, line, what, static_cast<std::uint64_t>(count), field, static_cast<std::uint64_t>(limit));
}

/// Tasks of a read portfolio against max_tasks (readers whose records are already bounded by
/// max_records check this once the model is built).
inline void check_tasks(const Portfolio& portfolio, const std::string& source, const ReadLimits& limits) {
    std::int64_t tasks = 0;
    for (const Project& project : portfolio.projects) tasks += static_cast<std::int64_t>(project.tasks.size());
    check_count(source, 0, "too many tasks", tasks, "max_tasks", limits.max_tasks);
}

/// A file's size against max_file_bytes, before reading it (unknown sizes pass: the read reports them).
inline void check_file_size(const std::filesystem::path& path, const ReadLimits& limits) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    if (!ec && bytes > limits.max_file_bytes)
        limit_fail(path.string(), 0, "file too large in bytes", bytes, "max_file_bytes", limits.max_file_bytes);
}

/// The whole input against max_file_bytes.
inline void check_file_bytes(std::string_view text, const std::string& source, const ReadLimits& limits) {
    if (text.size() > limits.max_file_bytes)
        limit_fail(source, 0, "input too large in bytes", text.size(), "max_file_bytes", limits.max_file_bytes);
}

/// A line-oriented text (XER, MPX, PSPLIB): size, longest line (max_string_length), and lines plus
/// fields (separated by any of `separators`, e.g. "\t" or ",;") against max_records, in one pass before parsing.
inline void check_text_lines(std::string_view text, const std::string& source, const ReadLimits& limits,
                             std::string_view separators) {
    check_file_bytes(text, source, limits);
    std::int64_t line = 1;
    std::int64_t records = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool end = i == text.size();
        if (end || text[i] == '\n') {
            if (i - line_start > limits.max_string_length)
                limit_fail(source, line, "line too long in bytes", i - line_start, "max_string_length",
                           limits.max_string_length);
            if (end) break;
            ++line;
            ++records;
            line_start = i + 1;
        } else if (separators.find(text[i]) != std::string_view::npos) {
            ++records;
        } else {
            continue;
        }
        if (records > limits.max_records)
            limit_fail(source, line, "too many lines and fields", static_cast<std::uint64_t>(records), "max_records",
                       static_cast<std::uint64_t>(limits.max_records));
    }
}

/// JSON text, lexically and before parsing (so that no parser or later recursive walk such as
/// json::dump() sees a deep document): size, nesting depth of arrays/objects, string length, and
/// values (counted as commas, '[' and '{' outside strings, plus one) against max_records.
inline void check_json_text(std::string_view text, const std::string& source, const ReadLimits& limits) {
    check_file_bytes(text, source, limits);
    std::int64_t line = 1;
    std::int64_t depth = 0;
    std::int64_t values = 1;
    bool in_string = false;
    bool escaped = false;
    std::size_t string_start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') ++line;
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            if (i - string_start > limits.max_string_length)
                limit_fail(source, line, "string too long in bytes", i - string_start, "max_string_length",
                           limits.max_string_length);
            continue;
        }
        if (c == '"') {
            in_string = true;
            string_start = i;
        } else if (c == '[' || c == '{') {
            if (++depth > limits.max_nesting_depth)
                limit_fail(source, line, "JSON nested too deeply", static_cast<std::uint64_t>(depth), "max_nesting_depth",
                           static_cast<std::uint64_t>(limits.max_nesting_depth));
            ++values;
        } else if (c == ']' || c == '}') {
            --depth;
        } else if (c == ',') {
            ++values;
        } else {
            continue;
        }
        if (values > limits.max_records)
            limit_fail(source, line, "too many JSON values", static_cast<std::uint64_t>(values), "max_records",
                       static_cast<std::uint64_t>(limits.max_records));
    }
}

}  // namespace ppm::detail
