#pragma once
/// @file
/// Internal: the one seeded random number generator of every engine (levelling, RCPSP solvers,
/// Monte Carlo, portfolio frontier and generator).
///
/// SplitMix64 (Steele, Lea & Flood 2014, "Fast splittable pseudorandom number generators",
/// OOPSLA '14): a 64-bit counter stepped by the golden-ratio gamma and passed through a
/// bijective finaliser (Stafford's "Mix13" variant of the MurmurHash3 finaliser). Period 2^64,
/// passes BigCrush, two multiplications per number, and only integer arithmetic, so the same
/// seed gives the same numbers on every platform and standard library, which <random>'s
/// distributions do not promise (`std::uniform_real_distribution` and
/// `std::uniform_int_distribution` are implementation-defined algorithms).
///
/// Because the output is a hash of a counter, the k-th number of a stream can also be computed
/// directly (`SplitMix64::at`): counter-based streams keyed by (seed, item) make results
/// independent of the thread count.
///
/// Integers in [0, n) use Lemire's multiply-shift range reduction (Lemire 2019, "Fast random
/// integer generation in an interval", ACM TOMACS 29(1)) on the top 32 bits, without the
/// rejection step: one draw per call, bias below n / 2^32.

#include <cstdint>

namespace ppm::detail {

/// SplitMix64's increment: 2^64 / phi, odd (Steele, Lea & Flood 2014).
inline constexpr std::uint64_t kSplitMixGamma = 0x9E3779B97F4A7C15ULL;

/// SplitMix64's output function: a bijection on 64 bits with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept;

/// One SplitMix64 step as a hash: `mix64(x + gamma)`, the first output of a generator seeded
/// with x. Good for deriving seeds from seeds.
constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept;

/// A uniform double in [0, 1) from the top 53 bits of `bits` (every value a multiple of 2^-53).
constexpr double unit_from_bits(std::uint64_t bits) noexcept;

/// The SplitMix64 generator: seeded, copyable, 8 bytes of state.
class SplitMix64 {
public:
    /// A generator whose first output is `splitmix64(seed)`.
    constexpr explicit SplitMix64(std::uint64_t seed) noexcept : state_(seed) {}

    /// Stream `stream` of `seed` (islands, workers, items): same seed and stream, same numbers;
    /// different streams start far apart in the state space.
    [[nodiscard]] static constexpr SplitMix64 stream(std::uint64_t seed, std::uint64_t stream) noexcept;

    /// The k-th output (k = 0 first) of `SplitMix64(seed)`, without stepping through the others.
    [[nodiscard]] static constexpr std::uint64_t at(std::uint64_t seed, std::uint64_t k) noexcept;

    /// The next 64 random bits.
    constexpr std::uint64_t next() noexcept;
    /// Uniform in [0, 1).
    constexpr double unit() noexcept;
    /// Uniform in [0, n); n > 0 (n == 0 gives 0).
    constexpr std::uint32_t below(std::uint32_t n) noexcept;

private:
    std::uint64_t state_;
};

// ---- definitions ---------------------------------------------------------------------------------

constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept { return mix64(x + kSplitMixGamma); }

constexpr double unit_from_bits(std::uint64_t bits) noexcept { return static_cast<double>(bits >> 11) * 0x1.0p-53; }

constexpr SplitMix64 SplitMix64::stream(std::uint64_t seed, std::uint64_t stream) noexcept {
    return SplitMix64(splitmix64(seed ^ (kSplitMixGamma * (stream + 1))));
}

constexpr std::uint64_t SplitMix64::at(std::uint64_t seed, std::uint64_t k) noexcept {
    return mix64(seed + (k + 1) * kSplitMixGamma);
}

constexpr std::uint64_t SplitMix64::next() noexcept { return mix64(state_ += kSplitMixGamma); }

constexpr double SplitMix64::unit() noexcept { return unit_from_bits(next()); }

constexpr std::uint32_t SplitMix64::below(std::uint32_t n) noexcept {
    return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
}

}  // namespace ppm::detail
