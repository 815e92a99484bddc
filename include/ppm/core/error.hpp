#pragma once
/// @file
/// ppm's error types. A bad model throws `ModelError`, a bad file throws `ParseError`; solver
/// outcomes (infeasible, time limit, cancelled) are statuses in results, never exceptions.
/// Throw sites stay one line through named factories: `throw ModelError::cycle(members);`.
/// Every code is documented in docs/errors.md.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace ppm {

/// What went wrong, stable across versions (numbers are part of the documented interface).
enum class ErrorCode : std::uint16_t {
    unknown_id = 1,          ///< A reference names an entity that does not exist.
    duplicate_id = 2,        ///< Two entities of one kind share an id.
    cycle = 3,               ///< Dependencies (or calendar bases, or WBS parents) form a cycle.
    negative_duration = 4,   ///< A task, lag or work amount that must be >= 0 is negative.
    no_working_time = 5,     ///< A calendar has no working time at all.
    invalid_value = 6,       ///< A value out of its domain (percent > 100, units < 0, bad interval...).
    missing_value = 7,       ///< A required value is absent (constraint without date...).
    horizon_exceeded = 8,    ///< A computation ran past the calendar horizon.
    inconsistent = 9,        ///< Values contradict each other (actual finish before actual start...).
    unsupported = 10,        ///< A valid input ppm does not handle (documented where it arises).
    syntax = 100,            ///< A file is not well-formed (JSON/XML/text syntax).
    unexpected = 101,        ///< A file is well-formed but a field is not what was expected.
    limit_exceeded = 102,    ///< A file exceeds a documented safety limit (size, count, nesting).
    io = 103,                ///< A file cannot be opened, read or written.
};

/// "unknown_id", "cycle", ...
std::string_view to_string(ErrorCode code) noexcept;

/// Base of every ppm exception: a message and a stable code.
class Error : public std::runtime_error {
public:
    Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    [[nodiscard]] ErrorCode code() const noexcept { return code_; }

private:
    ErrorCode code_;
};

/// The model is wrong: the caller must fix its data. Carries the ids involved.
class ModelError : public Error {
public:
    ModelError(ErrorCode code, const std::string& message, std::vector<std::string> ids = {})
        : Error(code, message), ids_(std::move(ids)) {}

    /// Ids involved, in a meaningful order (a cycle's members in order, first repeated last).
    [[nodiscard]] const std::vector<std::string>& ids() const noexcept { return ids_; }

    /// `kind` is "task", "calendar", ...; `where` says who refers to it ("predecessor of task B").
    static ModelError unknown_id(std::string_view kind, std::string_view id, std::string_view where = {});
    static ModelError duplicate_id(std::string_view kind, std::string_view id);
    /// `members` in order along the cycle; the message repeats the first at the end: "A -> B -> A".
    static ModelError cycle(std::string_view kind, std::vector<std::string> members);
    static ModelError negative_duration(std::string_view what, std::string_view id);
    static ModelError no_working_time(std::string_view calendar_id);
    static ModelError invalid_value(std::string_view what, std::string_view id, std::string_view detail);
    static ModelError missing_value(std::string_view what, std::string_view id);
    static ModelError horizon_exceeded(std::string_view detail);
    static ModelError inconsistent(std::string_view what, std::string_view id, std::string_view detail);
    static ModelError unsupported(std::string_view what, std::string_view id, std::string_view detail);

private:
    std::vector<std::string> ids_;
};

/// A file could not be read: carries the path and the 1-based line and column (0 when unknown).
class ParseError : public Error {
public:
    ParseError(ErrorCode code, std::string path, std::int64_t line, std::int64_t column, std::string detail);

    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] std::int64_t line() const noexcept { return line_; }
    [[nodiscard]] std::int64_t column() const noexcept { return column_; }
    /// The problem without the location prefix.
    [[nodiscard]] const std::string& detail() const noexcept { return detail_; }

    static ParseError syntax(std::string path, std::int64_t line, std::int64_t column, std::string detail);
    /// `expected` says what should have been there: "integer duration", "'PRECEDENCE RELATIONS:'".
    static ParseError unexpected(std::string path, std::int64_t line, std::int64_t column, std::string detail);
    static ParseError limit_exceeded(std::string path, std::int64_t line, std::string detail);
    static ParseError io(std::string path, std::string detail);

private:
    std::string path_;
    std::int64_t line_;
    std::int64_t column_;
    std::string detail_;
};

}  // namespace ppm
