// The text cursor of the plain-text benchmark readers (see detail/text_cursor.hpp).
#include "detail/text_cursor.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace ppm::detail {

std::optional<std::string_view> TextCursor::next_line() {
    if (at_line_end_) {  // step over the '\n' of the line returned last
        if (pos_ >= text_.size()) return std::nullopt;
        ++pos_;
        ++line_;
        line_start_ = pos_;
    }
    std::size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view line = text_.substr(pos_, end - pos_);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos_ = end;
    at_line_end_ = true;
    return line;
}

std::string_view TextCursor::next_nonblank_line(std::string_view what, std::string_view blanks) {
    while (const auto line = next_line())
        if (line->find_first_not_of(blanks) != std::string_view::npos) return *line;
    fail("expected " + std::string(what) + ", reached end of file");
}

std::string_view TextCursor::next_line_containing(std::string_view key) {
    while (const auto line = next_line())
        if (line->find(key) != std::string_view::npos) return *line;
    fail("expected a line containing '" + std::string(key) + "', reached end of file");
}

bool TextCursor::next_token(TextToken& token) {
    at_line_end_ = false;
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
        if (text_[pos_] == '\n') {
            ++line_;
            line_start_ = pos_ + 1;
        }
        ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    const std::size_t begin = pos_;
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    token = {text_.substr(begin, pos_ - begin), line_, static_cast<std::int64_t>(begin - line_start_) + 1};
    return true;
}

std::vector<TextToken> TextCursor::fields(std::string_view line, std::string_view separators, std::size_t from) const {
    std::vector<TextToken> out;
    std::size_t pos = from;
    while (true) {
        pos = line.find_first_not_of(separators, pos);
        if (pos == std::string_view::npos) break;
        std::size_t end = line.find_first_of(separators, pos);
        if (end == std::string_view::npos) end = line.size();
        out.push_back({line.substr(pos, end - pos), line_, static_cast<std::int64_t>(pos) + 1});
        pos = end;
    }
    return out;
}

std::int64_t TextCursor::line_at(std::size_t offset) const {
    const std::size_t end = std::min(offset, text_.size());
    return 1 + static_cast<std::int64_t>(std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

std::optional<std::int32_t> TextCursor::to_int32(std::string_view text) {
    std::int32_t value = 0;
    const char* last = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), last, value);
    if (ec != std::errc{} || ptr != last) return std::nullopt;
    return value;
}

}  // namespace ppm::detail
