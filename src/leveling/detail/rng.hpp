#pragma once
// A small, portable, seedable generator (SplitMix64, Steele, Lea & Flood 2014) with Lemire's
// multiply-shift range reduction: identical streams on every platform and standard library,
// which std::uniform_int_distribution does not promise.
#include <cstdint>

namespace ppm::detail {

/// Deterministic 64-bit generator; `stream(seed, k)` derives independent streams per item.
class Rng {
public:
    explicit Rng(std::uint64_t seed) noexcept : state_(seed) {}
    /// Stream k of a seed (islands, threads): same seed and k, same numbers.
    static Rng stream(std::uint64_t seed, std::uint64_t k) noexcept {
        Rng mix(seed ^ (0x9e3779b97f4a7c15ULL * (k + 1)));
        return Rng(mix.next());
    }
    std::uint64_t next() noexcept {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n), n > 0.
    std::uint32_t below(std::uint32_t n) noexcept {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }
    /// Uniform in [0, 1).
    double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t state_;
};

}  // namespace ppm::detail
