#pragma once
/// @file
/// Money in integer minor units (cents): sums are exact; ratios are computed as double elsewhere.

#include <compare>
#include <cstdint>
#include <string>

namespace ppm {

/// An amount of money in minor units (1/100 of the currency unit).
class Money {
public:
    constexpr Money() = default;
    constexpr explicit Money(std::int64_t minor_units) noexcept : minor_(minor_units) {}
    /// From a major-unit amount, rounded half away from zero to the nearest minor unit.
    static Money from_major(double amount) noexcept;

    [[nodiscard]] constexpr std::int64_t minor_units() const noexcept { return minor_; }
    [[nodiscard]] constexpr double major() const noexcept { return static_cast<double>(minor_) / 100.0; }

    constexpr Money operator-() const noexcept { return Money{-minor_}; }
    constexpr Money& operator+=(Money m) noexcept { minor_ += m.minor_; return *this; }
    constexpr Money& operator-=(Money m) noexcept { minor_ -= m.minor_; return *this; }
    friend constexpr Money operator+(Money a, Money b) noexcept { return Money{a.minor_ + b.minor_}; }
    friend constexpr Money operator-(Money a, Money b) noexcept { return Money{a.minor_ - b.minor_}; }
    friend constexpr auto operator<=>(Money, Money) = default;

private:
    std::int64_t minor_ = 0;
};

/// "1234.50".
std::string to_string(Money m);

}  // namespace ppm
