// Hardened pugixml loading shared by the MSPDI and PMXML readers (see detail/xml_doc.hpp).
#include "detail/xml_doc.hpp"

#include <algorithm>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"

namespace ppm::detail {

XmlDoc::XmlDoc(std::string_view text, std::string source, const io::ReadLimits& limits) : source_(std::move(source)) {
    check_file_bytes(text, source_, limits);
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
    const auto res = doc_.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_auto);
    if (!res) {
        const auto [l, c] = line_column(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, res.offset)));
        throw ParseError::syntax(source_, l, c, std::string("malformed XML: ") + res.description());
    }
    if (!doc_.document_element()) throw ParseError::syntax(source_, 1, 1, "no root element");
    check_tree(limits);
}

// Walks the tree without recursion (the readers and outer_xml recurse: depth is checked first).
void XmlDoc::check_tree(const io::ReadLimits& limits) const {
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
