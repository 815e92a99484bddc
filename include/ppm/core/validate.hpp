#pragma once
/// @file
/// `validate(portfolio)`: every problem in a model, without throwing, for host applications to show.

#include <string>
#include <vector>

#include "ppm/core/error.hpp"
#include "ppm/core/portfolio.hpp"

namespace ppm {

enum class Severity { warning, error };

/// One problem found in a model.
struct Problem {
    Severity severity = Severity::error;
    ErrorCode code = ErrorCode::invalid_value;
    std::string message;           ///< Human-readable, names the entity.
    std::vector<std::string> ids;  ///< Entities involved (a cycle's members in order).
};

/// Checks ids (unknown, duplicate), WBS parents, dependency cycles (members named in order),
/// negative durations/lags-in-percent/units, calendars (no working time, bad intervals, base
/// cycles), constraints without dates, inconsistent progress, earned-value rules (each on its own,
/// as check_earned_value_rule; apportioned effort following an unknown or summary task, or
/// apportioned tasks following each other round: the cycle's members). Never throws for model content.
std::vector<Problem> validate(const Portfolio& portfolio);

/// Throws the `ModelError` for the first error `validate` finds (warnings are ignored).
void throw_if_invalid(const Portfolio& portfolio);

std::string_view to_string(Severity s) noexcept;

}  // namespace ppm
