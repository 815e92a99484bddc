#pragma once
/// @file
/// A program: related projects managed together (may nest in a parent program).

#include <optional>
#include <string>

#include "ppm/core/custom_field.hpp"
#include "ppm/core/id.hpp"

namespace ppm {

struct Program {
    ProgramId id;
    std::string name;
    std::optional<ProgramId> parent;
    std::string manager;
    std::string notes;
    CustomFields custom;
    friend bool operator==(const Program&, const Program&) = default;
};

}  // namespace ppm
