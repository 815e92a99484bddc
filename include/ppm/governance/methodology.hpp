#pragma once
/// @file
/// Methodology templates: the PMO's standard lifecycle (phases, each closed by a gate with
/// criteria, with required deliverables; PMBOK Guide 6th ed., sec. 1.2.4.2 and "phase gate") and a
/// WBS template that instantiates a new project in one call (PMI Practice Standard for Work
/// Breakdown Structures, 3rd ed., 2019: WBS templates as organisational process assets).
///
/// @code
/// auto project = ppm::instantiate_project(ppm::standard_methodology(), ProjectId{"P7"}, "CRM upgrade",
///                                         Instant::from_ymd_hm(2026, 4, 6, 8));
/// @endcode

#include <optional>
#include <string>
#include <vector>

#include "ppm/core/money.hpp"
#include "ppm/core/project.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

/// A gate criterion; mandatory ones must be met for the gate to recommend approval.
struct GateCriterion {
    std::string id;
    std::string text;
    bool mandatory = true;
};

/// A lifecycle phase: its deliverables and the gate that closes it.
struct PhaseTemplate {
    std::string name;
    std::vector<std::string> deliverables;
    std::string gate;                     ///< Gate name ("G2 - business case approved").
    std::vector<GateCriterion> criteria;
};

/// A WBS node of the template; `code` is unique, `parent` and `predecessors` name codes.
struct WbsTemplateNode {
    std::string code;
    std::string name;
    std::string parent;                    ///< Empty for a top-level node.
    std::string phase;                     ///< The phase it belongs to (empty = none).
    Duration duration{};                   ///< Working minutes (ignored for summaries).
    bool milestone = false;
    std::vector<std::string> predecessors; ///< Finish-start links to other codes.
    Money fixed_cost{};
};

/// A methodology: lifecycle plus WBS template.
struct Methodology {
    std::string id;
    std::string name;
    std::vector<PhaseTemplate> phases;
    std::vector<WbsTemplateNode> wbs;
};

/// Throws ModelError for duplicate codes or phases, unknown parent/predecessor/phase references.
void check_methodology(const Methodology& m);

/// A new project from the template: task ids "<project>.<code>", WBS parents, FS links, the
/// phase recorded in each task's custom field "phase". Validates the template first.
[[nodiscard]] Project instantiate_project(const Methodology& m, ProjectId id, std::string name, Instant start,
                                          std::optional<ProgramId> program = {});

/// Index of `phase` in the methodology, or phases.size() when absent.
[[nodiscard]] std::size_t phase_index(const Methodology& m, std::string_view phase) noexcept;

/// A small built-in example (initiate / plan / execute / close with four gates), documented in docs/governance.md.
[[nodiscard]] Methodology standard_methodology();

}  // namespace ppm
