// The native module ppm._core; the pure-Python package ppm re-exports it (ppm/__init__.py).
#include "common.hpp"

PYBIND11_MODULE(_core, m) {
    m.doc() = "ppm native core: model, calendars, scheduling and the other engines (see the ppm package).";
    ppm::python::bind_core(m);
    ppm::python::bind_schedule(m);
    ppm::python::bind_io(m);
    ppm::python::bind_risk(m);
    ppm::python::bind_scoring(m);
    ppm::python::bind_portfolio(m);
    ppm::python::bind_leveling(m);
    ppm::python::bind_instance_readers(m);
    ppm::python::bind_evm(m);
    ppm::python::bind_governance(m);
    ppm::python::bind_report(m);
    ppm::python::bind_store(m);
}
