// Dispatch of model files to their readers and writers by extension (.xml sniffed by root element).
#include "ppm/io/model_file.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "ppm/core/error.hpp"
#include "ppm/io/ical.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/mpx.hpp"
#include "ppm/io/mspdi.hpp"
#include "ppm/io/pmxml.hpp"
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

// Name of the root element of an XML file (skipping the declaration, comments, DOCTYPE).
std::string xml_root_name(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParseError::io(path.string(), "cannot open file");
    std::string head(8192, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    std::size_t i = 0;
    while ((i = head.find('<', i)) != std::string::npos) {
        if (i + 1 < head.size() && (head[i + 1] == '?' || head[i + 1] == '!')) { ++i; continue; }
        std::size_t j = i + 1;
        while (j < head.size() && !std::isspace(static_cast<unsigned char>(head[j])) && head[j] != '>' && head[j] != '/') ++j;
        std::string name = head.substr(i + 1, j - i - 1);
        if (const auto c = name.find(':'); c != std::string::npos) name = name.substr(c + 1);
        return name;
    }
    return {};
}
}  // namespace

std::vector<std::string> supported_model_extensions() { return {".json", ".xml", ".xer", ".mpx"}; }

std::vector<std::string> supported_output_extensions() { return {".json", ".xml", ".xer", ".mpx", ".ics"}; }

ImportResult read_model_file_with_warnings(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".json") return {read_json_file(path), {}};
    if (ext == ".xer") return read_xer_file(path);
    if (ext == ".mpx") return read_mpx_file(path);
    if (ext == ".xml") {
        const std::string root = xml_root_name(path);
        if (root == "Project") return read_mspdi_file(path);
        if (root == "APIBusinessObjects") return read_pmxml_file(path);
        throw ParseError::unexpected(path.string(), 0, 0,
                                     "XML root <" + root + "> is neither MS Project XML (<Project>) nor Primavera PMXML (<APIBusinessObjects>)");
    }
    throw ParseError::unexpected(path.string(), 0, 0,
                                 "unsupported file extension '" + ext + "' (supported: " + join(supported_model_extensions()) + ")");
}

Portfolio read_model_file(const std::filesystem::path& path) { return read_model_file_with_warnings(path).portfolio; }

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
