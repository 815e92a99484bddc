#pragma once
// The one text cursor of the plain-text benchmark readers (PSPLIB .sm/.mm and solution tables,
// RCPSP/max .sch, MPLIB .rcmp, MPSPLIB .xml): line-by-line or whitespace-token reading over the
// whole text, with 1-based line and column tracking, and ParseError (unexpected) naming
// path:line:column. Lines end at '\n' (one trailing '\r' is dropped); a text with n '\n' has n + 1
// lines, the last possibly empty, so at the end of the text line() is the last line.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/error.hpp"

namespace ppm::detail {

/// A piece of the text at its 1-based line and column.
struct TextToken {
    std::string_view text;
    std::int64_t line = 0;
    std::int64_t column = 0;
};

class TextCursor {
public:
    /// `path` names the text in error messages; `text` must outlive the cursor.
    TextCursor(std::string_view text, std::string path) : text_(text), path_(std::move(path)) {}

    [[nodiscard]] const std::string& path() const noexcept { return path_; }
    [[nodiscard]] std::string_view text() const noexcept { return text_; }
    /// 1-based line the cursor is on: the last line returned by the line readers, the line of the
    /// last token read, or the last line once the end is reached.
    [[nodiscard]] std::int64_t line() const noexcept { return line_; }

    // Line by line.

    /// The next line (without '\n' and one trailing '\r'); nullopt after the last one. After a token
    /// read, the rest of the current line.
    std::optional<std::string_view> next_line();
    /// The next line with a character not in `blanks`; throws "expected <what>, reached end of file".
    std::string_view next_nonblank_line(std::string_view what, std::string_view blanks = " \t");
    /// The next line containing `key`; throws "expected a line containing '<key>', reached end of file".
    std::string_view next_line_containing(std::string_view key);

    // Token by token.

    /// The next token separated by whitespace (std::isspace, across lines); false at the end.
    bool next_token(TextToken& token);

    /// The fields of `line` (a line just read) separated by any of `separators`, starting at byte
    /// `from`, each with the current line and its 1-based column in `line`.
    [[nodiscard]] std::vector<TextToken> fields(std::string_view line, std::string_view separators,
                                                std::size_t from = 0) const;

    /// 1-based line of byte `offset` of the text.
    [[nodiscard]] std::int64_t line_at(std::size_t offset) const;

    /// The whole of `text` as an int32 (std::from_chars: optional '-', decimal digits, in range).
    [[nodiscard]] static std::optional<std::int32_t> to_int32(std::string_view text);

    // Errors: ParseError::unexpected at "path:line:column" (column 0: the line only).

    [[nodiscard]] ParseError error(std::string detail, std::int64_t column = 0) const {
        return ParseError::unexpected(path_, line_, column, std::move(detail));
    }
    [[nodiscard]] ParseError error_at(const TextToken& token, std::string detail) const {
        return ParseError::unexpected(path_, token.line, token.column, std::move(detail));
    }
    [[noreturn]] void fail(std::string detail, std::int64_t column = 0) const { throw error(std::move(detail), column); }
    [[noreturn]] void fail_at(const TextToken& token, std::string detail) const { throw error_at(token, std::move(detail)); }

private:
    std::string_view text_;
    std::string path_;
    std::size_t pos_ = 0;         // next byte to read
    std::size_t line_start_ = 0;  // first byte of the current line
    std::int64_t line_ = 1;
    bool at_line_end_ = false;    // pos_ is at the '\n' (or end) of a line returned by next_line
};

}  // namespace ppm::detail
