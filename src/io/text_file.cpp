// The whole-file reader (see text_file.hpp).
#include "ppm/io/text_file.hpp"

#include <fstream>
#include <sstream>

#include "ppm/core/error.hpp"

namespace ppm {

std::string read_text_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParseError::io(path.string(), "cannot open file for reading");
    std::ostringstream ss;
    ss << in.rdbuf();
    if (in.bad()) throw ParseError::io(path.string(), "read failed");
    return ss.str();
}

void write_text_file(std::string_view text, const std::filesystem::path& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw ParseError::io(path.string(), "cannot open for writing");
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out) throw ParseError::io(path.string(), "write failed");
}

}  // namespace ppm
