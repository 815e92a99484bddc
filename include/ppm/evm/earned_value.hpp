#pragma once
/// @file
/// Earned value management: variances, indices, estimates at completion and to-complete indices.
///
/// Formulas from the PMI *Practice Standard for Earned Value Management* (2nd ed., 2011), ch. 5-6,
/// and the PMBOK Guide (6th ed.), table 7-1:
///   SV = EV - PV, CV = EV - AC, SPI = EV / PV, CPI = EV / AC,
///   EAC: AC + ETC (new estimate), BAC / CPI, AC + (BAC - EV), AC + (BAC - EV) / (CPI x SPI), bottom-up,
///   ETC = EAC - AC, VAC = BAC - EAC, TCPI(BAC) = (BAC - EV) / (BAC - AC), TCPI(EAC) = (BAC - EV) / (EAC - AC).
/// Sums stay in integer minor units; EACs that divide are rounded half away from zero to a cent.
/// A ratio whose denominator is zero is NaN (a host shows "n/a"), never an exception. The to-complete
/// indices are NaN once no work remains (EV = BAC) and +infinity when work remains but the funds
/// are spent (AC >= BAC for TCPI(BAC)): the target is unachievable, as the Practice Standard reads it.
///
/// @code
/// const auto m = ppm::evaluate_evm({.bac = Money::from_major(1000), .pv = Money::from_major(500),
///                                   .ev = Money::from_major(400), .ac = Money::from_major(450)});
/// // m.spi == 0.8, m.cpi == 0.888..., m.eac_cpi == 1125.00
/// @endcode

#include <optional>
#include <string_view>

#include "ppm/core/money.hpp"

namespace ppm {

/// Which EAC a result reports as "the" EAC (and derives ETC, VAC and TCPI(EAC) from).
enum class EacMethod {
    new_estimate,  ///< AC + ETC, ETC supplied by the team (falls back to `cpi` when absent).
    cpi,           ///< BAC / CPI: remaining work at the cumulative cost efficiency (the default).
    atypical,      ///< AC + (BAC - EV): past variance was a one-off, remaining work at budget rate.
    composite,     ///< AC + (BAC - EV) / (CPI x SPI): schedule pressure also drives cost.
    bottom_up,     ///< Sum of the children's EACs (roll-ups); at a leaf equals `cpi`.
};

/// "new_estimate", "cpi", "atypical", "composite", "bottom_up".
std::string_view to_string(EacMethod m) noexcept;
/// Inverse of to_string; throws ModelError(invalid_value) for an unknown name.
EacMethod parse_eac_method(std::string_view name);

/// Cumulative figures of one control account / node at a status date.
struct EvmInput {
    Money bac{};                           ///< Budget at completion.
    Money pv{};                            ///< Planned value (BCWS) at the status date.
    Money ev{};                            ///< Earned value (BCWP).
    Money ac{};                            ///< Actual cost (ACWP).
    std::optional<Money> etc_estimate;     ///< Team's estimate to complete, for EAC = AC + ETC.
    std::optional<Money> eac_bottom_up;    ///< Sum of children's EACs, for EAC bottom-up.
};

/// Every EVM measure for one node. Ratios are NaN when their denominator is zero.
struct EvmMetrics {
    Money sv{};               ///< Schedule variance EV - PV.
    Money cv{};               ///< Cost variance EV - AC.
    double spi = 0.0;         ///< EV / PV.
    double cpi = 0.0;         ///< EV / AC.
    Money eac_new_estimate{}; ///< AC + ETC (equals eac_cpi when no ETC was given).
    Money eac_cpi{};          ///< BAC / CPI (BAC when nothing is spent yet and nothing earned).
    Money eac_atypical{};     ///< AC + (BAC - EV).
    Money eac_composite{};    ///< AC + (BAC - EV) / (CPI x SPI).
    Money eac_bottom_up{};    ///< Sum of children's EACs (eac_cpi at a leaf).
    Money eac{};              ///< The EAC of the chosen method.
    Money etc{};              ///< EAC - AC for the chosen EAC.
    Money vac{};              ///< BAC - EAC for the chosen EAC.
    double tcpi_bac = 0.0;    ///< (BAC - EV) / (BAC - AC): efficiency needed to finish on budget; NaN when
                              ///< complete, +inf when AC >= BAC with work left (BAC unachievable).
    double tcpi_eac = 0.0;    ///< (BAC - EV) / (EAC - AC): efficiency needed to achieve the EAC; NaN when
                              ///< complete, +inf when EAC <= AC with work left.
    double percent_complete = 0.0;  ///< EV / BAC x 100.
    double percent_spent = 0.0;     ///< AC / BAC x 100.
};

/// Computes every measure of `in`, reporting `method`'s EAC as `eac`.
[[nodiscard]] EvmMetrics evaluate_evm(const EvmInput& in, EacMethod method = EacMethod::cpi);

}  // namespace ppm
