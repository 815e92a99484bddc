// Hardened pugixml loading shared by the MSPDI and PMXML readers (see detail/xml_doc.hpp).
#include "detail/xml_doc.hpp"

#include <algorithm>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "ppm/core/error.hpp"

namespace ppm::detail {

XmlDoc::XmlDoc(std::string_view text, std::string source) : source_(std::move(source)) {
    if (text.size() > kMaxXmlBytes)
        throw ParseError::limit_exceeded(source_, 0, "XML file larger than " + std::to_string(kMaxXmlBytes) + " bytes");
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
