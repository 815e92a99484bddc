#pragma once
/// @file
/// A precedence link from a predecessor task to the task that owns it.

#include "ppm/core/custom_field.hpp"
#include "ppm/core/id.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// The four precedence types, named after which end of each task they tie.
enum class LinkType { finish_start, start_start, finish_finish, start_finish };

/// How a lag's amount is measured.
enum class LagUnit {
    working,  ///< `amount` working minutes on the lag calendar (negative = lead).
    elapsed,  ///< `amount` elapsed (24/7) minutes.
    percent,  ///< `percent` of the predecessor's duration, in working time on the lag calendar.
};

/// Which calendar measures a working-time lag (P6's "calendar for scheduling relationship lag").
enum class LagCalendar { predecessor, successor, project, twenty_four_hour };

/// A lag (positive) or lead (negative).
struct Lag {
    LagUnit unit = LagUnit::working;
    Duration amount{};     ///< For `working` and `elapsed`.
    double percent = 0.0;  ///< For `percent`: 50 means half the predecessor's duration.
    friend bool operator==(const Lag&, const Lag&) = default;
};

/// `predecessor` --type/lag--> the owning task. May point at a task of another project of the same portfolio.
struct Dependency {
    TaskId predecessor;
    LinkType type = LinkType::finish_start;
    Lag lag{};
    LagCalendar lag_calendar = LagCalendar::predecessor;
    CustomFields custom;
    friend bool operator==(const Dependency&, const Dependency&) = default;
};

std::string_view to_string(LinkType t) noexcept;  ///< "FS", "SS", "FF", "SF"
std::string_view to_string(LagUnit u) noexcept;   ///< "working", "elapsed", "percent"
std::string_view to_string(LagCalendar c) noexcept;

}  // namespace ppm
