#include "ppm/core/money.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace ppm {

Money Money::from_major(double amount) noexcept { return Money{static_cast<std::int64_t>(std::llround(amount * 100.0))}; }

std::string to_string(Money m) {
    const std::int64_t v = m.minor_units();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%lld.%02lld", v < 0 ? "-" : "", static_cast<long long>(std::llabs(v) / 100),
                  static_cast<long long>(std::llabs(v) % 100));
    return buf;
}

}  // namespace ppm
