// Earned value measures (PMI Practice Standard for EVM, 2nd ed., ch. 5-6).
#include "ppm/evm/earned_value.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "ppm/core/error.hpp"

namespace ppm {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(std::int64_t num, std::int64_t den) noexcept {
    return den == 0 ? kNaN : static_cast<double>(num) / static_cast<double>(den);
}
/// To-complete index: remaining work / remaining funds (PMI Practice Standard for EVM, 2nd ed.,
/// sec. 6.4). No work left: n/a (NaN; 0 / x would print as 0.00 or, with AC > BAC, -0.00). Work left
/// but no funds left (AC >= BAC, or EAC <= AC): no efficiency achieves the target, +infinity.
double to_complete(std::int64_t work_left, std::int64_t funds_left) noexcept {
    if (work_left <= 0) return kNaN;
    if (funds_left <= 0) return std::numeric_limits<double>::infinity();
    return static_cast<double>(work_left) / static_cast<double>(funds_left);
}
Money round_money(double minor) noexcept {
    if (!std::isfinite(minor)) return Money{0};
    return Money{static_cast<std::int64_t>(std::llround(minor))};
}
}  // namespace

std::string_view to_string(EacMethod m) noexcept {
    switch (m) {
        case EacMethod::new_estimate: return "new_estimate";
        case EacMethod::cpi: return "cpi";
        case EacMethod::atypical: return "atypical";
        case EacMethod::composite: return "composite";
        case EacMethod::bottom_up: return "bottom_up";
    }
    return "?";
}

EacMethod parse_eac_method(std::string_view name) {
    for (auto m : {EacMethod::new_estimate, EacMethod::cpi, EacMethod::atypical, EacMethod::composite,
                   EacMethod::bottom_up})
        if (to_string(m) == name) return m;
    throw ModelError::invalid_value("EAC method", name,
                                    "expected new_estimate, cpi, atypical, composite or bottom_up");
}

EvmMetrics evaluate_evm(const EvmInput& in, EacMethod method) {
    const std::int64_t bac = in.bac.minor_units(), pv = in.pv.minor_units(), ev = in.ev.minor_units(),
                       ac = in.ac.minor_units();
    EvmMetrics m;
    m.sv = Money{ev - pv};
    m.cv = Money{ev - ac};
    m.spi = ratio(ev, pv);
    m.cpi = ratio(ev, ac);
    // BAC / CPI = BAC x AC / EV. Nothing earned: with nothing spent the budget stands, otherwise
    // the index is undefined and the atypical formula (AC + BAC - EV) is the only sensible figure.
    if (ev != 0) {
        m.eac_cpi = round_money(static_cast<double>(bac) * static_cast<double>(ac) / static_cast<double>(ev));
    } else {
        m.eac_cpi = Money{ac + bac};
    }
    m.eac_atypical = Money{ac + bac - ev};
    const double cpi_spi = m.cpi * m.spi;
    m.eac_composite = (std::isfinite(cpi_spi) && cpi_spi > 0.0)
                          ? round_money(static_cast<double>(ac) + static_cast<double>(bac - ev) / cpi_spi)
                          : m.eac_atypical;
    m.eac_new_estimate = in.etc_estimate ? Money{ac} + *in.etc_estimate : m.eac_cpi;
    m.eac_bottom_up = in.eac_bottom_up ? *in.eac_bottom_up : m.eac_cpi;
    switch (method) {
        case EacMethod::new_estimate: m.eac = m.eac_new_estimate; break;
        case EacMethod::cpi: m.eac = m.eac_cpi; break;
        case EacMethod::atypical: m.eac = m.eac_atypical; break;
        case EacMethod::composite: m.eac = m.eac_composite; break;
        case EacMethod::bottom_up: m.eac = m.eac_bottom_up; break;
    }
    m.etc = m.eac - in.ac;
    m.vac = in.bac - m.eac;
    m.tcpi_bac = to_complete(bac - ev, bac - ac);
    m.tcpi_eac = to_complete(bac - ev, m.eac.minor_units() - ac);
    m.percent_complete = bac == 0 ? kNaN : 100.0 * static_cast<double>(ev) / static_cast<double>(bac);
    m.percent_spent = bac == 0 ? kNaN : 100.0 * static_cast<double>(ac) / static_cast<double>(bac);
    return m;
}

}  // namespace ppm
