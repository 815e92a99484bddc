// The public face of the readers' limit checks (see read_limits.hpp).
#include "ppm/io/read_limits.hpp"

#include <string>

#include "io/detail/read_limits_check.hpp"

namespace ppm {

void check_json_limits(std::string_view text, std::string_view source, const ReadLimits& limits) {
    detail::check_json_text(text, std::string(source), limits);
}

}  // namespace ppm
