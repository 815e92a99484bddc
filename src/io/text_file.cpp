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

}  // namespace ppm
