#pragma once
/// @file
/// Resources (work, material, cost), their availability over time and cost rates.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ppm/core/custom_field.hpp"
#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

enum class ResourceType { work, material, cost };

/// From `from` (inclusive) to `to` (exclusive) the resource has `units` available (1.0 = one full-time person).
struct AvailabilityPeriod {
    Instant from;
    Instant to;
    double units = 1.0;
    friend bool operator==(const AvailabilityPeriod&, const AvailabilityPeriod&) = default;
};

/// A cost rate table row, effective from `effective_from` until the next row.
struct CostRate {
    Instant effective_from;
    Money standard_per_hour{};
    Money overtime_per_hour{};
    Money per_use{};
    friend bool operator==(const CostRate&, const CostRate&) = default;
};

/// A resource shared by every project of a portfolio.
struct Resource {
    ResourceId id;
    std::string name;
    ResourceType type = ResourceType::work;
    double max_units = 1.0;  ///< Capacity when no availability period covers an instant.
    std::vector<AvailabilityPeriod> availability;
    std::optional<CalendarId> calendar;  ///< Working time of the resource (defaults to the portfolio's).
    std::vector<CostRate> cost_rates;
    std::string material_label;  ///< Unit name for material resources ("t", "m3").
    std::string group;           ///< Role / pool / department.
    std::string notes;
    CustomFields custom;
    friend bool operator==(const Resource&, const Resource&) = default;
};

std::string_view to_string(ResourceType t) noexcept;  ///< "work", "material", "cost"

}  // namespace ppm
