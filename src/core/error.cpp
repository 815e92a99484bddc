#include "ppm/core/error.hpp"

#include <string>

namespace ppm {

std::string_view to_string(ErrorCode code) noexcept {
    switch (code) {
        case ErrorCode::unknown_id: return "unknown_id";
        case ErrorCode::duplicate_id: return "duplicate_id";
        case ErrorCode::cycle: return "cycle";
        case ErrorCode::negative_duration: return "negative_duration";
        case ErrorCode::no_working_time: return "no_working_time";
        case ErrorCode::invalid_value: return "invalid_value";
        case ErrorCode::missing_value: return "missing_value";
        case ErrorCode::horizon_exceeded: return "horizon_exceeded";
        case ErrorCode::inconsistent: return "inconsistent";
        case ErrorCode::unsupported: return "unsupported";
        case ErrorCode::syntax: return "syntax";
        case ErrorCode::unexpected: return "unexpected";
        case ErrorCode::limit_exceeded: return "limit_exceeded";
        case ErrorCode::io: return "io";
    }
    return "unknown";
}

namespace {
std::string cat(std::initializer_list<std::string_view> parts) {
    std::string s;
    for (auto p : parts) s += p;
    return s;
}
}  // namespace

ModelError ModelError::unknown_id(std::string_view kind, std::string_view id, std::string_view where) {
    std::string msg = cat({"unknown ", kind, " id '", id, "'"});
    if (!where.empty()) msg += cat({" (", where, ")"});
    return {ErrorCode::unknown_id, msg, {std::string(id)}};
}

ModelError ModelError::duplicate_id(std::string_view kind, std::string_view id) {
    return {ErrorCode::duplicate_id, cat({"duplicate ", kind, " id '", id, "'"}), {std::string(id)}};
}

ModelError ModelError::cycle(std::string_view kind, std::vector<std::string> members) {
    std::string msg = cat({kind, " cycle: "});
    for (const auto& m : members) msg += m + " -> ";
    if (!members.empty()) msg += members.front();
    return {ErrorCode::cycle, msg, std::move(members)};
}

ModelError ModelError::negative_duration(std::string_view what, std::string_view id) {
    return {ErrorCode::negative_duration, cat({"negative ", what, " on '", id, "'"}), {std::string(id)}};
}

ModelError ModelError::no_working_time(std::string_view calendar_id) {
    return {ErrorCode::no_working_time, cat({"calendar '", calendar_id, "' has no working time"}),
            {std::string(calendar_id)}};
}

ModelError ModelError::invalid_value(std::string_view what, std::string_view id, std::string_view detail) {
    return {ErrorCode::invalid_value, cat({"invalid ", what, " on '", id, "': ", detail}), {std::string(id)}};
}

ModelError ModelError::missing_value(std::string_view what, std::string_view id) {
    return {ErrorCode::missing_value, cat({"missing ", what, " on '", id, "'"}), {std::string(id)}};
}

ModelError ModelError::horizon_exceeded(std::string_view detail) {
    return {ErrorCode::horizon_exceeded, cat({"calendar horizon exceeded: ", detail})};
}

ModelError ModelError::inconsistent(std::string_view what, std::string_view id, std::string_view detail) {
    return {ErrorCode::inconsistent, cat({"inconsistent ", what, " on '", id, "': ", detail}), {std::string(id)}};
}

ModelError ModelError::unsupported(std::string_view what, std::string_view id, std::string_view detail) {
    return {ErrorCode::unsupported, cat({"unsupported ", what, " on '", id, "': ", detail}), {std::string(id)}};
}

namespace {
std::string located(const std::string& path, std::int64_t line, std::int64_t column, const std::string& detail) {
    std::string s = path.empty() ? std::string("<input>") : path;
    if (line > 0) {
        // Appended piecewise: `":" + std::to_string(...)` trips GCC 12's -Wrestrict false positive at -O3.
        s += ':';
        s += std::to_string(line);
        if (column > 0) {
            s += ':';
            s += std::to_string(column);
        }
    }
    s += ": ";
    s += detail;
    return s;
}
}  // namespace

ParseError::ParseError(ErrorCode code, std::string path, std::int64_t line, std::int64_t column, std::string detail)
    : Error(code, located(path, line, column, detail)),
      path_(std::move(path)),
      line_(line),
      column_(column),
      detail_(std::move(detail)) {}

ParseError ParseError::syntax(std::string path, std::int64_t line, std::int64_t column, std::string detail) {
    return {ErrorCode::syntax, std::move(path), line, column, std::move(detail)};
}
ParseError ParseError::unexpected(std::string path, std::int64_t line, std::int64_t column, std::string detail) {
    return {ErrorCode::unexpected, std::move(path), line, column, std::move(detail)};
}
ParseError ParseError::limit_exceeded(std::string path, std::int64_t line, std::string detail) {
    return {ErrorCode::limit_exceeded, std::move(path), line, 0, std::move(detail)};
}
ParseError ParseError::io(std::string path, std::string detail) {
    return {ErrorCode::io, std::move(path), 0, 0, std::move(detail)};
}

}  // namespace ppm
