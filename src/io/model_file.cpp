// Dispatch of model files to their readers by content (first bytes) and extension, and to the
// writers by extension. See docs/interchange.md, "Format detection".
#include "ppm/io/model_file.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <stdexcept>
#include <string_view>

#include "io/detail/json_dom.hpp"
#include "io/detail/model_document.hpp"
#include "io/detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/ical.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/mpx.hpp"
#include "ppm/io/mspdi.hpp"
#include "ppm/io/pmxml.hpp"
#include "ppm/io/text_file.hpp"
#include "ppm/io/xer.hpp"

namespace ppm {

namespace {
std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

std::string join(const std::vector<std::string>& v) {
    std::string list;
    for (const auto& e : v) list += (list.empty() ? "" : ", ") + e;
    return list;
}

// What a file's first bytes say it is (docs/interchange.md, "Format detection").
enum class Content { empty, ppm_json, mspdi, pmxml, xer, mpx, other_xml, mpp, unknown };

std::string_view describe(Content c) {
    switch (c) {
        case Content::ppm_json: return "ppm JSON";
        case Content::mspdi: return "MS Project XML (MSPDI)";
        case Content::pmxml: return "Primavera P6 XML (PMXML)";
        case Content::xer: return "Primavera P6 XER";
        case Content::mpx: return "MPX";
        case Content::mpp: return "a binary MS Project .mpp file";
        case Content::empty: return "an empty file";
        case Content::other_xml: return "XML of another kind";
        case Content::unknown: break;
    }
    return "unknown content";
}

struct Sniffed {
    Content content = Content::unknown;
    std::string xml_root;  ///< Root element without namespace prefix, for XML.
};

// Root element of the XML text `s` from `i` (at a '<'): skips the declaration, processing
// instructions, comments and a DOCTYPE with its internal subset. Empty when not within `s`.
std::string xml_root_name(std::string_view s, std::size_t i) {
    while ((i = s.find('<', i)) != std::string_view::npos) {
        const std::string_view rest = s.substr(i);
        std::size_t skip_to = std::string_view::npos;
        if (rest.rfind("<?", 0) == 0) {
            skip_to = s.find("?>", i);
        } else if (rest.rfind("<!--", 0) == 0) {
            skip_to = s.find("-->", i);
        } else if (rest.rfind("<!", 0) == 0) {  // DOCTYPE: '>' after the internal subset [...], if any
            const std::size_t gt = s.find('>', i), bracket = s.find('[', i);
            skip_to = bracket < gt ? s.find('>', s.find(']', bracket)) : gt;
        } else {
            std::size_t j = i + 1;
            while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '>' && s[j] != '/') ++j;
            std::string name(s.substr(i + 1, j - i - 1));
            if (const auto c = name.find(':'); c != std::string::npos) name = name.substr(c + 1);
            return name;
        }
        if (skip_to == std::string_view::npos) return {};
        i = skip_to + 1;
    }
    return {};
}

Sniffed sniff(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParseError::io(path.string(), "cannot open file");
    std::string head(8192, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.rfind("\xD0\xCF\x11\xE0", 0) == 0) return {Content::mpp, {}};  // OLE compound file
    // UTF-16 text (a byte-order mark, or '<' as a 16-bit unit: XML 1.0 appendix F): its ASCII
    // characters are enough to recognise the format; the XML readers decode it.
    const auto starts = [&](std::string_view bytes) { return head.compare(0, bytes.size(), bytes) == 0; };
    const bool le = starts("\xFF\xFE") || starts(std::string_view("<\0", 2));
    const bool be = starts("\xFE\xFF") || starts(std::string_view("\0<", 2));
    if (le || be) {
        std::string narrow;
        for (std::size_t k = starts("\xFF\xFE") || starts("\xFE\xFF") ? 2 : 0; k + 1 < head.size(); k += 2) {
            const char lo = head[k + (le ? 0 : 1)], hi = head[k + (le ? 1 : 0)];
            narrow += hi == '\0' ? lo : '?';
        }
        head = std::move(narrow);
    }
    std::size_t i = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;          // UTF-8 byte order mark
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
    const std::string_view s = std::string_view(head).substr(i);
    if (s.empty()) return {Content::empty, {}};
    if (s.front() == '{') return {Content::ppm_json, {}};
    if (s.rfind("ERMHDR", 0) == 0) return {Content::xer, {}};
    // MPX: the first record is "MPX" then the file's field separator (',' or ';' in German files).
    if (s.rfind("MPX", 0) == 0 && s.size() > 3 && !std::isalnum(static_cast<unsigned char>(s[3]))) return {Content::mpx, {}};
    if (s.front() == '<') {
        Sniffed x{Content::other_xml, xml_root_name(head, i)};
        if (x.xml_root == "Project") x.content = Content::mspdi;
        if (x.xml_root == "APIBusinessObjects") x.content = Content::pmxml;
        return x;
    }
    return {};
}

ImportResult read_as(Content c, const std::filesystem::path& path) {
    switch (c) {
        case Content::ppm_json: return {read_json_file(path), {}};
        case Content::mspdi: return read_mspdi_file(path);
        case Content::pmxml: return read_pmxml_file(path);
        case Content::xer: return read_xer_file(path);
        case Content::mpx: return read_mpx_file(path);
        default: break;
    }
    throw std::logic_error("read_as: not a readable format");
}
}  // namespace

std::string detect_model_format(const std::filesystem::path& path) { return std::string(describe(sniff(path).content)); }

std::vector<std::string> supported_model_extensions() { return {".json", ".xml", ".pmxml", ".xer", ".mpx"}; }

std::vector<std::string> supported_output_extensions() { return {".json", ".xml", ".xer", ".mpx", ".ics"}; }

namespace {
// The format `path` is read as (see read_model_file_with_warnings), or a ParseError saying why none.
Content readable_content(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    const Sniffed found = sniff(path);
    const std::string file = path.filename().string();
    if (found.content == Content::empty) throw ParseError::syntax(path.string(), 0, 0, "empty file");
    // An extension naming one format: its reader, unless the content is clearly another format
    // (then say so rather than let the reader report a confusing syntax error on line 1).
    const Content named = ext == ".json" ? Content::ppm_json : ext == ".xer" ? Content::xer : ext == ".mpx" ? Content::mpx : Content::unknown;
    if (named != Content::unknown) {
        if (found.content != named && found.content != Content::unknown && found.content != Content::other_xml)
            throw ParseError::unexpected(path.string(), 0, 0,
                                         file + " looks like " + std::string(describe(found.content)) + ", not " + std::string(describe(named)));
        return named;
    }
    // Generic or unknown extensions (.xml, .pmxml, .txt, none...): read by content.
    switch (found.content) {
        case Content::ppm_json: case Content::mspdi: case Content::pmxml: case Content::xer: case Content::mpx:
            return found.content;
        case Content::other_xml:
            throw ParseError::unexpected(path.string(), 0, 0,
                                         "XML root <" + found.xml_root +
                                             "> is neither MS Project XML (<Project>) nor Primavera PMXML (<APIBusinessObjects>)");
        case Content::mpp:
            throw ParseError::unexpected(path.string(), 0, 0,
                                         file + " is a binary MS Project .mpp file, which ppm does not read: save it from MS Project as XML (MSPDI)");
        default: break;
    }
    throw ParseError::unexpected(path.string(), 0, 0,
                                 "unsupported file extension '" + ext + "' and content not recognised (ppm reads ppm JSON, MS Project XML, " +
                                     "Primavera XER and PMXML, MPX; usual extensions: " + join(supported_model_extensions()) + ")");
}
}  // namespace

ImportResult read_model_file_with_warnings(const std::filesystem::path& path) { return read_as(readable_content(path), path); }

ModelDocument read_model_document(const std::filesystem::path& path) { return read_model_document(path, ReadLimits{}); }

ModelDocument read_model_document(const std::filesystem::path& path, const ReadLimits& limits) {
    const Content content = readable_content(path);
    if (content != Content::ppm_json) {
        ImportResult r = read_as(content, path);
        return {std::move(r.portfolio), ControlData{}, std::move(r.warnings)};
    }
    detail::check_file_size(path, limits);
    return read_json_document(read_text_file(path), path.string(), limits);
}

ModelDocument read_json_document(std::string_view text, std::string_view source_name, const ReadLimits& limits) {
    const detail::JsonDoc doc = detail::parse_json_doc(text, source_name, limits);
    ModelDocument out;
    out.portfolio = detail::read_portfolio_document(doc, limits);
    out.control = detail::read_control_document(doc);
    return out;
}

Portfolio read_model_file(const std::filesystem::path& path) { return read_model_file_with_warnings(path).portfolio; }

std::vector<ImportWarning> write_model_file_with_warnings(const Portfolio& portfolio, const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".xml") return write_mspdi_file_with_warnings(portfolio, path);
    if (ext == ".xer") return write_xer_file_with_warnings(portfolio, path);
    if (ext == ".mpx") return write_mpx_file_with_warnings(portfolio, path);
    write_model_file(portfolio, path);
    return {};
}

void write_model_file(const Portfolio& portfolio, const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".json") return write_json_file(portfolio, path);
    if (ext == ".xml") return write_mspdi_file(portfolio, path);
    if (ext == ".xer") return write_xer_file(portfolio, path);
    if (ext == ".mpx") return write_mpx_file(portfolio, path);
    if (ext == ".ics") return write_ical_file(portfolio, path);
    throw ParseError::unexpected(path.string(), 0, 0,
                                 "unsupported output extension '" + ext + "' (supported: " + join(supported_output_extensions()) + ")");
}

}  // namespace ppm
