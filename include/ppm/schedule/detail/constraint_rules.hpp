#pragma once
/// @file
/// Internal: which constraints win over logic, read from the editable model. Shared by the
/// independent checkers (`validate_schedule`, `validate_level`); the CPM engine resolves the same
/// rule when it compiles the `Network` (docs/scheduling.md, "Constraints").

#include "ppm/core/constraint.hpp"

namespace ppm::detail {

/// A constraint that wins over logic: P6's mandatory types always; MS Project's MSO, MFO, SNLT
/// and FNLT when the project honours constraints.
inline bool overrides_logic(ConstraintType ct, bool honor) noexcept {
    switch (ct) {
        case ConstraintType::mandatory_start:
        case ConstraintType::mandatory_finish: return true;
        case ConstraintType::must_start_on:
        case ConstraintType::must_finish_on:
        case ConstraintType::start_no_later_than:
        case ConstraintType::finish_no_later_than: return honor;
        default: return false;
    }
}

}  // namespace ppm::detail
