#pragma once
/// @file
/// Custom fields: user-defined values keyed by name, carried on every model entity and kept on
/// import/export (MSPDI extended attributes, P6 UDFs land here rather than being dropped).

#include <map>
#include <string>
#include <variant>

#include "ppm/core/time.hpp"

namespace ppm {

/// A custom field's value: text, number, date-time or flag.
using CustomValue = std::variant<std::string, double, Instant, bool>;

/// Custom fields by name (ordered, so files and diffs are stable).
using CustomFields = std::map<std::string, CustomValue, std::less<>>;

}  // namespace ppm
