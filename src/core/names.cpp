// to_string for the model's enums.
#include "ppm/core/constraint.hpp"
#include "ppm/core/dependency.hpp"
#include "ppm/core/resource.hpp"

namespace ppm {

std::string_view to_string(LinkType t) noexcept {
    switch (t) {
        case LinkType::finish_start: return "FS";
        case LinkType::start_start: return "SS";
        case LinkType::finish_finish: return "FF";
        case LinkType::start_finish: return "SF";
    }
    return "?";
}

std::string_view to_string(LagUnit u) noexcept {
    switch (u) {
        case LagUnit::working: return "working";
        case LagUnit::elapsed: return "elapsed";
        case LagUnit::percent: return "percent";
    }
    return "?";
}

std::string_view to_string(LagCalendar c) noexcept {
    switch (c) {
        case LagCalendar::predecessor: return "predecessor";
        case LagCalendar::successor: return "successor";
        case LagCalendar::project: return "project";
        case LagCalendar::twenty_four_hour: return "24h";
    }
    return "?";
}

std::string_view to_string(ConstraintType t) noexcept {
    switch (t) {
        case ConstraintType::as_soon_as_possible: return "ASAP";
        case ConstraintType::as_late_as_possible: return "ALAP";
        case ConstraintType::start_no_earlier_than: return "SNET";
        case ConstraintType::start_no_later_than: return "SNLT";
        case ConstraintType::finish_no_earlier_than: return "FNET";
        case ConstraintType::finish_no_later_than: return "FNLT";
        case ConstraintType::must_start_on: return "MSO";
        case ConstraintType::must_finish_on: return "MFO";
        case ConstraintType::start_on: return "SO";
        case ConstraintType::finish_on: return "FO";
        case ConstraintType::mandatory_start: return "MANDSTART";
        case ConstraintType::mandatory_finish: return "MANDFIN";
    }
    return "?";
}

std::string_view to_string(ResourceType t) noexcept {
    switch (t) {
        case ResourceType::work: return "work";
        case ResourceType::material: return "material";
        case ResourceType::cost: return "cost";
    }
    return "?";
}

}  // namespace ppm
