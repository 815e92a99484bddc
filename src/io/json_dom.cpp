// JSON parsing with positions: nlohmann-json's SAX parser fed through a counting iterator.
#include "io/detail/json_dom.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

#include "io/detail/interchange_text.hpp"
#include "io/detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"

namespace ppm::detail {

namespace {

// An input iterator over the text that publishes how many bytes the lexer has consumed.
class CountingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator() = default;
    CountingIterator(const char* p, std::size_t* consumed) : p_(p), consumed_(consumed) {}
    reference operator*() const { return *p_; }
    CountingIterator& operator++() {
        ++p_;
        if (consumed_ != nullptr) ++*consumed_;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    friend bool operator==(const CountingIterator& a, const CountingIterator& b) { return a.p_ == b.p_; }

private:
    const char* p_ = nullptr;
    std::size_t* consumed_ = nullptr;
};

using json = nlohmann::json;

// Money fields: their floats keep their verbatim text so that decimal amounts convert exactly.
bool is_money_key(std::string_view key) {
    return key == "fixed_cost" || key == "cost" || key == "actual_cost" || key == "standard" || key == "overtime" ||
           key == "per_use";
}

// Builds the DOM. Places are recorded for the root and the top-level members only (cheap, and all
// read_json_section needs); in locate mode (`target` set) for every ancestor of `target` instead.
class DomBuilder {
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    DomBuilder(JsonDoc& doc, const std::size_t& consumed, const std::string* target)
        : doc_(doc), consumed_(consumed), target_(target) {}

    bool null() { return scalar(json(nullptr), last()); }
    bool boolean(bool v) { return scalar(json(v), last()); }
    bool number_integer(number_integer_t v) { return scalar(json(v), last()); }
    bool number_unsigned(number_unsigned_t v) { return scalar(json(v), last()); }
    bool number_float(number_float_t v, const string_t& raw) {
        if (target_ == nullptr && !frames_.empty() && frames_.back().node->is_object() && is_money_key(key_))
            doc_.raw_floats[child_pointer()] = raw;
        return scalar(json(v), last());
    }
    bool string(string_t& v) { return scalar(json(std::move(v)), opening_quote(last())); }
    bool binary(binary_t&) { return false; }  // never produced by the text parser

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(string_t& k) {
        Frame& f = frames_.back();
        const std::size_t at = opening_quote(last());
        if (f.node->contains(k)) {
            const std::string ptr = f.pointer + "/" + escape_pointer_token(k);
            const auto [line, column] = doc_.line_column(at);
            throw ParseError::unexpected(doc_.source, line, column, ptr + ": duplicate key \"" + k + "\" in one object");
        }
        key_ = k;
        key_offset_ = at;
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
        // nlohmann's message: "[json.exception.parse_error.101] parse error at line L, column C: what".
        std::string what = ex.what();
        const auto colon = what.find(": ");
        if (colon != std::string::npos) what = what.substr(colon + 2);
        const auto [line, column] = doc_.line_column(last());
        throw ParseError::syntax(doc_.source, line, column, "malformed JSON: " + what);
    }

private:
    struct Frame {
        json* node;
        std::string pointer;
    };

    std::size_t last() const { return consumed_ == 0 ? 0 : consumed_ - 1; }

    // The offset of the '"' opening the string whose closing quote is at `close`.
    std::size_t opening_quote(std::size_t close) const {
        const std::string_view t = doc_.text;
        if (close >= t.size()) return close;
        std::size_t i = close;
        while (i > 0) {
            --i;
            if (t[i] != '"') continue;
            std::size_t backslashes = 0;
            for (std::size_t k = i; k > 0 && t[k - 1] == '\\'; --k) ++backslashes;
            if (backslashes % 2 == 0) return i;
        }
        return close;
    }

    std::string child_pointer() const {
        if (frames_.empty()) return {};
        const Frame& f = frames_.back();
        if (f.node->is_array()) return f.pointer + "/" + std::to_string(f.node->size());
        return f.pointer + "/" + escape_pointer_token(key_);
    }

    // Whether the place of `ptr` is wanted: top level in normal mode, ancestors of the target when locating.
    bool wanted(const std::string& ptr) const {
        if (target_ == nullptr) return frames_.size() <= 1;
        return target_->compare(0, ptr.size(), ptr) == 0 && (target_->size() == ptr.size() || (*target_)[ptr.size()] == '/');
    }

    // Inserts `v` into the current container (or as the root); returns the stored node.
    json* insert(json&& v, std::size_t value_offset, bool record, const std::string& ptr) {
        std::size_t place = value_offset;
        json* node = nullptr;
        if (frames_.empty()) {
            doc_.root = std::move(v);
            node = &doc_.root;
        } else if (json& parent = *frames_.back().node; parent.is_array()) {
            parent.push_back(std::move(v));
            node = &parent.back();
        } else {
            node = &(parent[key_] = std::move(v));
            place = key_offset_;
        }
        if (record) doc_.places[ptr].offset = place;
        return node;
    }

    bool scalar(json&& v, std::size_t value_offset) {
        if (target_ == nullptr && frames_.size() > 1) {
            insert(std::move(v), value_offset, false, {});
            return true;
        }
        const std::string ptr = child_pointer();
        insert(std::move(v), value_offset, wanted(ptr), ptr);
        return true;
    }

    bool open(json&& container) {
        std::string ptr = child_pointer();
        const bool record = wanted(ptr);
        json* node = insert(std::move(container), last(), record, ptr);
        if (record) doc_.places[ptr].begin = last();
        frames_.push_back(Frame{node, std::move(ptr)});
        return true;
    }

    bool close() {
        if (auto it = doc_.places.find(frames_.back().pointer); it != doc_.places.end()) it->second.end = last();
        frames_.pop_back();
        return true;
    }

    JsonDoc& doc_;
    const std::size_t& consumed_;
    const std::string* target_;
    std::vector<Frame> frames_;
    std::string key_;
    std::size_t key_offset_ = 0;
};

void run_sax(JsonDoc& doc, const std::string* target) {
    std::size_t consumed = 0;
    DomBuilder builder(doc, consumed, target);
    const CountingIterator first(doc.text.data(), &consumed);
    const CountingIterator last(doc.text.data() + doc.text.size(), nullptr);
    json::sax_parse(first, last, &builder, nlohmann::detail::input_format_t::json, true, false);
}

}  // namespace

std::string escape_pointer_token(std::string_view key) {
    std::string s;
    s.reserve(key.size());
    for (char c : key) {
        if (c == '~')
            s += "~0";
        else if (c == '/')
            s += "~1";
        else
            s += c;
    }
    return s;
}

std::pair<std::int64_t, std::int64_t> JsonDoc::line_column(std::size_t offset) const {
    offset = std::min(offset, text.size());
    const std::string_view before = text.substr(0, offset);
    const auto line = static_cast<std::int64_t>(std::count(before.begin(), before.end(), '\n')) + 1;
    const auto nl = before.rfind('\n');
    const auto column = static_cast<std::int64_t>(nl == std::string_view::npos ? offset + 1 : offset - nl);
    return {line, column};
}

std::pair<std::int64_t, std::int64_t> JsonDoc::locate(const std::string& pointer) const {
    // Places below the top level are not kept (a large file has millions of values): find this one
    // by parsing again, recording only the ancestors of `pointer`. Errors are rare; this is their cost.
    JsonDoc again;
    again.text = text;
    again.source = source;
    run_sax(again, &pointer);
    std::string p = pointer;
    while (true) {
        if (auto it = again.places.find(p); it != again.places.end()) return line_column(it->second.offset);
        if (p.empty()) return {0, 0};
        p.erase(p.rfind('/'));
    }
}

JsonDoc parse_json_doc(std::string_view text, std::string_view source, const ReadLimits& limits) {
    JsonDoc doc;
    doc.text = text;
    doc.source = std::string(source);
    check_json_text(text, doc.source, limits);
    if (trim(text).empty())
        throw ParseError::syntax(doc.source, 1, 1, text.empty() ? "malformed JSON: empty file" : "malformed JSON: empty file (white space only)");
    run_sax(doc, nullptr);
    return doc;
}

}  // namespace ppm::detail
