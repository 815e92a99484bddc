#pragma once
// Shared helpers for the bind_*.cpp files.

#include "casters.hpp"
#include "opaque.hpp"

#include <pybind11/pybind11.h>

#include <string>

namespace ppm::python {

namespace py = pybind11;

/// Adds `__init__(**kwargs)` to an aggregate's class: every keyword sets the attribute of that name,
/// so `Task(id="A", duration=480)` works and an unknown keyword raises AttributeError.
template <class T, class... Extra>
void def_kwargs_init(py::class_<T, Extra...>& cls) {
    cls.def(py::init([](const py::kwargs& kwargs) {
                auto obj = std::make_unique<T>();
                {
                    py::object view = py::cast(obj.get(), py::return_value_policy::reference);
                    for (const auto& [key, value] : kwargs) py::setattr(view, key, value);
                }
                return obj;
            }),
            "Builds the value; every keyword sets the attribute of that name.");
}

/// A `__repr__` like "Task(id='A', name='Design')".
template <class T>
std::string repr_with_id(const char* type, const T& v) {
    return std::string(type) + "(id=" + py::repr(py::str(v.id.str())).cast<std::string>() + ", name=" +
           py::repr(py::str(v.name)).cast<std::string>() + ")";
}

void bind_core(py::module_& m);
void bind_schedule(py::module_& m);
void bind_io(py::module_& m);
void bind_calendar(py::module_& m);
void bind_leveling(py::module_& m);
void bind_scoring(py::module_& m);
void bind_portfolio(py::module_& m);
void bind_evm(py::module_& m);
void bind_governance(py::module_& m);
void bind_instance_readers(py::module_& m);  // bind_io.cpp, after bind_leveling
void bind_risk(py::module_& m);
void bind_report(py::module_& m);
void bind_store(py::module_& m);

}  // namespace ppm::python
