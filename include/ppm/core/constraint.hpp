#pragma once
/// @file
/// Date constraints on tasks (the MS Project / P6 set).

#include <optional>
#include <string_view>

#include "ppm/core/time.hpp"

namespace ppm {

/// Constraint types. Hard ones (MSO, MFO, SNLT, FNLT) win over logic; the conflict shows as
/// negative total float rather than being dropped.
enum class ConstraintType {
    as_soon_as_possible,
    as_late_as_possible,
    start_no_earlier_than,
    start_no_later_than,
    finish_no_earlier_than,
    finish_no_later_than,
    must_start_on,
    must_finish_on,
};

/// A constraint; `date` is required for every type except ASAP and ALAP.
struct Constraint {
    ConstraintType type = ConstraintType::as_soon_as_possible;
    std::optional<Instant> date;
    friend bool operator==(const Constraint&, const Constraint&) = default;
};

/// "ASAP", "ALAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO".
std::string_view to_string(ConstraintType t) noexcept;

}  // namespace ppm
