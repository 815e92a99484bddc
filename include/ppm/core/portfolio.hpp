#pragma once
/// @file
/// The portfolio: the root of the model. Programs and projects are stored flat (a project names
/// its program); calendars and resources are shared by every project, as in an enterprise pool.
/// A single project file loads as a portfolio holding one project.

#include <optional>
#include <string>
#include <vector>

#include "ppm/core/calendar.hpp"
#include "ppm/core/custom_field.hpp"
#include "ppm/core/id.hpp"
#include "ppm/core/program.hpp"
#include "ppm/core/project.hpp"
#include "ppm/core/resource.hpp"
#include "ppm/core/time.hpp"

namespace ppm {

struct Portfolio {
    PortfolioId id;
    std::string name;
    std::optional<CalendarId> default_calendar;  ///< Calendar of projects without one (else 24/7 is an error: see validate).
    std::optional<Instant> status_date;          ///< Data date for progress.
    std::vector<Calendar> calendars;
    std::vector<Resource> resources;
    std::vector<Program> programs;
    std::vector<Project> projects;
    std::string notes;
    CustomFields custom;

    /// Lookups by id (linear scans; build an index for repeated use). nullptr when absent.
    [[nodiscard]] const Project* find_project(const ProjectId& id) const noexcept;
    [[nodiscard]] Project* find_project(const ProjectId& id) noexcept;
    [[nodiscard]] const Task* find_task(const TaskId& id) const noexcept;
    [[nodiscard]] Task* find_task(const TaskId& id) noexcept;
    [[nodiscard]] const Calendar* find_calendar(const CalendarId& id) const noexcept;
    [[nodiscard]] const Resource* find_resource(const ResourceId& id) const noexcept;
    [[nodiscard]] const Program* find_program(const ProgramId& id) const noexcept;
    /// Total number of tasks over all projects.
    [[nodiscard]] std::size_t task_count() const noexcept;

    friend bool operator==(const Portfolio&, const Portfolio&) = default;
};

}  // namespace ppm
