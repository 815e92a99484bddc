#pragma once
/// @file
/// Date constraints on tasks (the MS Project / P6 set).

#include <optional>
#include <string_view>

#include "ppm/core/time.hpp"

namespace ppm {

/// Constraint types: MS Project's eight, then the four of Primavera P6 that MS Project lacks.
///
/// How each binds (docs/scheduling.md, "Constraints"):
/// - SNET / FNET raise the early start / finish; logic may push later.
/// - SNLT / FNLT cap the late start / finish. When the project honours constraints (MS Project's
///   default, `Project::honor_constraints`) they also win over logic on the early dates: a task
///   that logic would start later is pulled back to the date (flagged as a conflict). When it does
///   not (P6's "Start On or Before" / "Finish On or Before"), logic wins and the conflict shows as
///   negative float.
/// - MSO / MFO: honoured, the task sits on the date whatever logic says; not honoured, they act
///   as `start_on` / `finish_on`.
/// - `start_on` / `finish_on` (P6 "Start On" / "Finish On"): raise the early date and cap the
///   late date; logic still wins and the conflict shows as negative float.
/// - `mandatory_start` / `mandatory_finish` (P6): the task sits on the date whatever logic says,
///   in every project.
enum class ConstraintType {
    as_soon_as_possible,
    as_late_as_possible,
    start_no_earlier_than,
    start_no_later_than,
    finish_no_earlier_than,
    finish_no_later_than,
    must_start_on,
    must_finish_on,
    start_on,          ///< P6 "Start On" (CS_MSO).
    finish_on,         ///< P6 "Finish On" (CS_MEO).
    mandatory_start,   ///< P6 "Mandatory Start" (CS_MANDSTART).
    mandatory_finish,  ///< P6 "Mandatory Finish" (CS_MANDFIN).
};

/// Every constraint type, in declaration order (for readers mapping names).
inline constexpr ConstraintType kAllConstraintTypes[] = {
    ConstraintType::as_soon_as_possible, ConstraintType::as_late_as_possible, ConstraintType::start_no_earlier_than,
    ConstraintType::start_no_later_than, ConstraintType::finish_no_earlier_than, ConstraintType::finish_no_later_than,
    ConstraintType::must_start_on,       ConstraintType::must_finish_on,      ConstraintType::start_on,
    ConstraintType::finish_on,           ConstraintType::mandatory_start,     ConstraintType::mandatory_finish};

/// A constraint; `date` is required for every type except ASAP and ALAP.
struct Constraint {
    ConstraintType type = ConstraintType::as_soon_as_possible;
    std::optional<Instant> date;
    friend bool operator==(const Constraint&, const Constraint&) = default;
};

/// "ASAP", "ALAP", "SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO", "SO", "FO", "MANDSTART", "MANDFIN".
std::string_view to_string(ConstraintType t) noexcept;

}  // namespace ppm
