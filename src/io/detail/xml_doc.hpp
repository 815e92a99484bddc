#pragma once
// Hardened XML loading for the MSPDI and PMXML readers (pugixml), with element -> line lookup.
// Limits (docs/limits.md, ppm::ReadLimits): size, element count, nesting depth, text and
// attribute length; a DOCTYPE with an internal subset
// (<!ENTITY ...>: billion-laughs, external entities) is rejected; pugixml never fetches or expands
// external entities and only expands the five predefined and numeric character references.

#include <pugixml.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/io/read_limits.hpp"

namespace ppm::detail {

/// A parsed document with the source text kept for line numbers.
class XmlDoc {
public:
    /// Parses `text`; throws ParseError (syntax with line/column, limit_exceeded for `limits`,
    /// unexpected for DTD entities).
    XmlDoc(std::string_view text, std::string source, const ReadLimits& limits = {});
    [[nodiscard]] pugi::xml_node root() const { return doc_.document_element(); }
    /// 1-based line of a node (0 if unknown).
    [[nodiscard]] std::int64_t line(pugi::xml_node node) const;
    [[nodiscard]] const std::string& source() const noexcept { return source_; }

private:
    void check_tree(const ReadLimits& limits) const;

    pugi::xml_document doc_;
    std::string source_;
    std::vector<std::size_t> newlines_;
};

/// Element name without a namespace prefix.
std::string_view local_name(pugi::xml_node node);
/// First child element with local name `name` (null node when absent).
pugi::xml_node child(pugi::xml_node node, std::string_view name);
/// Trimmed text of child `name` ("" when absent).
std::string_view child_text(pugi::xml_node node, std::string_view name);
/// True when the element has element children.
bool has_element_children(pugi::xml_node node);
/// Outer XML of a node, no indentation.
std::string outer_xml(pugi::xml_node node);

}  // namespace ppm::detail
