#pragma once
// Units the earned-value tests share: whole days since the epoch and money in major units.
#include <cstdint>

#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"

namespace ppm::test {

inline constexpr std::int64_t kDay = 1440;
inline Instant day(std::int64_t d) { return Instant{d * kDay}; }
inline Money usd(double v) { return Money::from_major(v); }

}  // namespace ppm::test
