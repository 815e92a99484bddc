#pragma once
// Model vectors bound as opaque Python lists (pybind11::bind_vector) so that
// `project.tasks.append(task)` edits the model in place instead of a copy.
// Every bind_*.cpp must include this before using these types.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <vector>

#include "ppm/core/portfolio.hpp"
#include "ppm/portfolio/selection_problem.hpp"

PYBIND11_MAKE_OPAQUE(std::vector<ppm::Task>)
PYBIND11_MAKE_OPAQUE(std::vector<ppm::Project>)
PYBIND11_MAKE_OPAQUE(std::vector<ppm::Program>)
PYBIND11_MAKE_OPAQUE(std::vector<ppm::Resource>)
PYBIND11_MAKE_OPAQUE(std::vector<ppm::Calendar>)
PYBIND11_MAKE_OPAQUE(std::vector<ppm::Dependency>)
PYBIND11_MAKE_OPAQUE(std::vector<ppm::Assignment>)
PYBIND11_MAKE_OPAQUE(std::vector<ppm::Candidate>)
