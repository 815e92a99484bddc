// Hardened pugixml loading shared by the MSPDI and PMXML readers (see detail/xml_doc.hpp).
#include "detail/xml_doc.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"

namespace ppm::detail {

namespace {

[[noreturn]] void not_well_formed(const std::string& source, std::string_view text, std::size_t offset, const std::string& what) {
    const auto [l, c] = line_column(text, offset);
    throw ParseError::syntax(source, l, c, "malformed XML: " + what);
}

std::string hex_code_point(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

/// UTF-16 (2-byte units) or UTF-32 (4-byte units) -> UTF-8; an unpaired surrogate, a code point
/// above U+10FFFF or an odd trailing byte is a syntax error at its byte offset (line counted in the
/// text decoded so far).
std::string decode_wide(std::string_view text, std::size_t unit, bool big_endian, const std::string& source) {
    const auto unit_at = [&](std::size_t i) {
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < unit; ++k) {
            const auto b = static_cast<unsigned char>(text[i + (big_endian ? k : unit - 1 - k)]);
            v = (v << 8) | b;
        }
        return v;
    };
    std::string out;
    out.reserve(text.size() / unit + 16);
    const auto fail = [&](std::size_t offset, const std::string& what) {
        const auto line = static_cast<std::int64_t>(std::count(out.begin(), out.end(), '\n')) + 1;
        throw ParseError::syntax(source, line, 0, "malformed XML: " + what + " at byte offset " + std::to_string(offset));
    };
    const std::string name = unit == 2 ? "UTF-16" : "UTF-32";
    std::size_t i = 0;
    for (; i + unit <= text.size(); i += unit) {
        char32_t cp = unit_at(i);
        if (unit == 2 && cp >= 0xD800 && cp <= 0xDBFF) {
            if (i + 2 * unit > text.size()) fail(i, "unpaired " + name + " surrogate");
            const char32_t low = unit_at(i + unit);
            if (low < 0xDC00 || low > 0xDFFF) fail(i, "unpaired " + name + " surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += unit;
        } else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            fail(i, "invalid " + name + " code unit " + hex_code_point(cp));
        }
        append_utf8(out, cp);
    }
    if (i != text.size()) fail(i, name + " text cut inside a character");
    return out;
}

std::string lower_ascii(std::string_view t) {
    std::string s(t);
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

/// The encoding named by an XML declaration at the start of an ASCII-compatible text ("" if none).
std::string declared_encoding(std::string_view text) {
    if (text.substr(0, 5) != "<?xml") return {};
    const auto end = text.find("?>");
    const std::string_view decl = text.substr(0, end);
    const auto at = decl.find("encoding");
    if (at == std::string_view::npos) return {};
    auto q = decl.find_first_of("\"'", at);
    if (q == std::string_view::npos) return {};
    const auto close = decl.find(decl[q], q + 1);
    if (close == std::string_view::npos) return {};
    return lower_ascii(decl.substr(q + 1, close - q - 1));
}

/// The document as UTF-8, the encoding pugixml is given: a byte-order mark or the first characters
/// decide UTF-16/UTF-32 (XML 1.0 appendix F); otherwise the declaration's encoding (UTF-8 when none;
/// ISO-8859-1 and windows-1252 are transcoded, others refused). UTF-8 input must be valid UTF-8.
std::string to_utf8(std::string_view text, const std::string& source) {
    const auto starts = [&](std::initializer_list<unsigned char> bytes) {
        if (text.size() < bytes.size()) return false;
        std::size_t k = 0;
        for (const unsigned char b : bytes)
            if (static_cast<unsigned char>(text[k++]) != b) return false;
        return true;
    };
    if (starts({0x00, 0x00, 0xFE, 0xFF})) return decode_wide(text.substr(4), 4, true, source);
    if (starts({0xFF, 0xFE, 0x00, 0x00})) return decode_wide(text.substr(4), 4, false, source);
    if (starts({0xFE, 0xFF})) return decode_wide(text.substr(2), 2, true, source);
    if (starts({0xFF, 0xFE})) return decode_wide(text.substr(2), 2, false, source);
    if (starts({0x00, 0x00, 0x00, 0x3C})) return decode_wide(text, 4, true, source);
    if (starts({0x3C, 0x00, 0x00, 0x00})) return decode_wide(text, 4, false, source);
    if (starts({0x00, 0x3C, 0x00, 0x3F})) return decode_wide(text, 2, true, source);
    if (starts({0x3C, 0x00, 0x3F, 0x00})) return decode_wide(text, 2, false, source);
    const std::size_t bom = starts({0xEF, 0xBB, 0xBF}) ? 3 : 0;
    text.remove_prefix(bom);
    const std::string enc = declared_encoding(text);
    if (enc == "iso-8859-1" || enc == "latin1" || enc == "iso_8859-1" || enc == "latin-1") {
        std::string out;
        for (const char ch : text) append_utf8(out, static_cast<unsigned char>(ch));
        return out;
    }
    if (enc == "windows-1252" || enc == "cp1252") return cp1252_to_utf8(text);
    if (!enc.empty() && enc != "utf-8" && enc != "utf8" && enc != "us-ascii" && enc != "ascii") {
        const auto at = text.find("encoding");
        const auto [l, c] = line_column(text, at);
        throw ParseError::unexpected(source, l, c, "XML encoding '" + enc +
                                                       "' is not supported (UTF-8, UTF-16, UTF-32, ISO-8859-1, windows-1252)");
    }
    if (const auto bad = invalid_utf8_offset(text); bad != std::string_view::npos)
        not_well_formed(source, text, bad, "invalid UTF-8 at byte offset " + std::to_string(bom + bad));
    return std::string(text);
}

/// The code point of the (valid) UTF-8 sequence at `i`; `len` receives its length.
char32_t code_point_at(std::string_view t, std::size_t i, std::size_t& len) {
    const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(t[k])); };
    const char32_t c = b(i);
    if (c < 0x80) { len = 1; return c; }
    if (c < 0xE0) { len = 2; return ((c & 0x1F) << 6) | (b(i + 1) & 0x3F); }
    if (c < 0xF0) { len = 3; return ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F); }
    len = 4;
    return ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
}

/// XML 1.0 production [2] Char.
bool is_xml_char(char32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

/// What pugixml lets through and XML 1.0 forbids, in a well-formed (UTF-8) document: characters
/// outside Char, character references to them (WFC: Legal Character, section 4.1), references to
/// entities never declared (WFC: Entity Declared; DTD entity declarations are refused before) and an
/// '&' that starts no reference. Comments, CDATA sections, processing instructions and the DOCTYPE
/// hold no references; their characters are checked all the same.
void check_characters(std::string_view t, const std::string& source) {
    enum class Mode { content, comment, cdata, pi, doctype };
    Mode mode = Mode::content;
    int doctype_brackets = 0;
    std::size_t i = 0;
    while (i < t.size()) {
        std::size_t len = 1;
        const char32_t c = code_point_at(t, i, len);
        if (!is_xml_char(c)) not_well_formed(source, t, i, "character " + hex_code_point(c) + " is not allowed in XML 1.0");
        const std::string_view rest = t.substr(i);
        switch (mode) {
            case Mode::content:
                if (rest.starts_with("<!--")) { mode = Mode::comment; len = 4; }
                else if (rest.starts_with("<![CDATA[")) { mode = Mode::cdata; len = 9; }
                else if (rest.starts_with("<?")) { mode = Mode::pi; len = 2; }
                else if (rest.starts_with("<!DOCTYPE")) { mode = Mode::doctype; doctype_brackets = 0; len = 9; }
                else if (c == '&') {
                    const auto semi = rest.find(';');
                    const std::string_view ref = semi == std::string_view::npos ? rest.substr(0, 1) : rest.substr(0, semi + 1);
                    if (ref.size() > 2 && ref[1] == '#') {
                        const bool hex = ref[2] == 'x';
                        const std::string_view digits = ref.substr(hex ? 3 : 2, ref.size() - (hex ? 4 : 3));
                        std::uint32_t value = 0;
                        bool ok = !digits.empty() && digits.size() <= 8;
                        for (const char d : digits) {
                            const int v = d >= '0' && d <= '9'                 ? d - '0'
                                          : hex && d >= 'a' && d <= 'f'        ? d - 'a' + 10
                                          : hex && d >= 'A' && d <= 'F'        ? d - 'A' + 10
                                                                               : -1;
                            if (v < 0) { ok = false; break; }
                            value = value * (hex ? 16u : 10u) + static_cast<std::uint32_t>(v);
                        }
                        if (!ok) not_well_formed(source, t, i, "malformed character reference '" + std::string(ref.substr(0, 16)) + "'");
                        if (!is_xml_char(value))
                            not_well_formed(source, t, i, "character reference " + std::string(ref) + " names " +
                                                              hex_code_point(value) + ", not an XML 1.0 character");
                    } else if (semi == std::string_view::npos || semi > 64) {
                        not_well_formed(source, t, i, "'&' starts no entity or character reference (write &amp;)");
                    } else {
                        const std::string_view name = ref.substr(1, ref.size() - 2);
                        if (name != "amp" && name != "lt" && name != "gt" && name != "quot" && name != "apos")
                            not_well_formed(source, t, i, "undeclared entity &" + std::string(name) + ";");
                    }
                }
                break;
            case Mode::comment:
                if (rest.starts_with("-->")) { mode = Mode::content; len = 3; }
                break;
            case Mode::cdata:
                if (rest.starts_with("]]>")) { mode = Mode::content; len = 3; }
                break;
            case Mode::pi:
                if (rest.starts_with("?>")) { mode = Mode::content; len = 2; }
                break;
            case Mode::doctype:
                if (c == '[') ++doctype_brackets;
                else if (c == ']') --doctype_brackets;
                else if (c == '>' && doctype_brackets <= 0) mode = Mode::content;
                break;
        }
        i += len;
    }
}

}  // namespace

XmlDoc::XmlDoc(std::string_view raw, std::string source, const ReadLimits& limits) : source_(std::move(source)) {
    check_file_bytes(raw, source_, limits);
    const std::string utf8 = to_utf8(raw, source_);
    const std::string_view text = utf8;
    if (trim(text).empty()) throw ParseError::syntax(source_, 1, 1, raw.empty() ? "empty file" : "empty file (white space only)");
    // Refuse DTDs that declare entities (entity expansion attacks, external entities).
    if (const auto dt = text.find("<!DOCTYPE"); dt != std::string_view::npos) {
        const auto ent = text.find("<!ENTITY", dt);
        if (ent != std::string_view::npos) {
            const auto [l, c] = line_column(text, ent);
            throw ParseError::unexpected(source_, l, c, "DOCTYPE with entity declarations is not accepted (XML hardening)");
        }
    }
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') newlines_.push_back(i);
    const auto res = doc_.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!res) {
        const auto [l, c] = line_column(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, res.offset)));
        throw ParseError::syntax(source_, l, c, std::string("malformed XML: ") + res.description());
    }
    if (!doc_.document_element()) throw ParseError::syntax(source_, 1, 1, "no root element");
    check_characters(text, source_);
    check_tree(limits);
}

// Walks the tree without recursion (the readers and outer_xml recurse: depth is checked first).
void XmlDoc::check_tree(const ReadLimits& limits) const {
    std::int64_t elements = 0;
    std::int64_t depth = 0;
    pugi::xml_node n = doc_.first_child();
    while (n) {
        if (n.type() == pugi::node_element) {
            check_count(source_, line(n), "too many XML elements", ++elements, "max_records", limits.max_records);
            for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
                if (const std::size_t len = std::char_traits<char>::length(a.value()); len > limits.max_string_length)
                    limit_fail(source_, line(n), "XML attribute value too long in bytes", len, "max_string_length",
                               limits.max_string_length);
        } else if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            if (const std::size_t len = std::char_traits<char>::length(n.value()); len > limits.max_string_length)
                limit_fail(source_, line(n.parent()), "XML text too long in bytes", len, "max_string_length",
                           limits.max_string_length);
        }
        if (n.first_child()) {
            check_count(source_, line(n), "XML nested too deeply", ++depth, "max_nesting_depth", limits.max_nesting_depth);
            n = n.first_child();
            continue;
        }
        while (n && !n.next_sibling()) {
            n = n.parent();
            --depth;
            if (n == doc_) return;
        }
        if (n) n = n.next_sibling();
    }
}

std::int64_t XmlDoc::line(pugi::xml_node node) const {
    const std::ptrdiff_t off = node.offset_debug();
    if (off < 0) return 0;
    const auto it = std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<std::size_t>(off));
    return static_cast<std::int64_t>(it - newlines_.begin()) + 1;
}

std::string_view local_name(pugi::xml_node node) {
    std::string_view n = node.name();
    if (const auto p = n.find(':'); p != std::string_view::npos) n.remove_prefix(p + 1);
    return n;
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c) == name) return c;
    return {};
}

std::string_view child_text(pugi::xml_node node, std::string_view name) {
    const pugi::xml_node c = child(node, name);
    return c ? trim(c.child_value()) : std::string_view{};
}

bool has_element_children(pugi::xml_node node) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element) return true;
    return false;
}

std::string outer_xml(pugi::xml_node node) {
    std::ostringstream os;
    node.print(os, "", pugi::format_raw);
    return os.str();
}

}  // namespace ppm::detail
