#pragma once
// pybind11 type casters for ppm's value types, so Python sees plain Python values:
//   Id<Tag>  <-> str
//   Instant  <-> datetime.datetime (naive, minute precision)
//   Date     <-> datetime.date
//   Duration <-> int (minutes)
//   Money    <-> float (major units, rounded to the cent)
// Include this (and opaque.hpp) in every bind_*.cpp before any binding code.

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <datetime.h>

#include <string>

#include "ppm/core/id.hpp"
#include "ppm/core/money.hpp"
#include "ppm/core/time.hpp"

namespace pybind11::detail {

template <class Tag>
struct type_caster<ppm::Id<Tag>> {
    PYBIND11_TYPE_CASTER(ppm::Id<Tag>, const_name("str"));
    bool load(handle src, bool) {
        if (!PyUnicode_Check(src.ptr())) return false;
        value = ppm::Id<Tag>{src.cast<std::string>()};
        return true;
    }
    static handle cast(const ppm::Id<Tag>& id, return_value_policy, handle) {
        return PyUnicode_FromStringAndSize(id.str().data(), static_cast<Py_ssize_t>(id.str().size()));
    }
};

inline void ppm_import_datetime() {
    if (!PyDateTimeAPI) { PyDateTime_IMPORT; }
}

template <>
struct type_caster<ppm::Instant> {
    PYBIND11_TYPE_CASTER(ppm::Instant, const_name("datetime.datetime"));
    bool load(handle src, bool) {
        ppm_import_datetime();
        if (PyDateTime_Check(src.ptr())) {
            if (PyDateTime_DATE_GET_SECOND(src.ptr()) != 0 || PyDateTime_DATE_GET_MICROSECOND(src.ptr()) != 0)
                throw value_error("ppm instants have minute precision: seconds must be 0");
            value = ppm::Instant::from_ymd_hm(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                                              PyDateTime_GET_DAY(src.ptr()), PyDateTime_DATE_GET_HOUR(src.ptr()),
                                              PyDateTime_DATE_GET_MINUTE(src.ptr()));
            return true;
        }
        if (PyDate_Check(src.ptr())) {
            value = ppm::Instant::at(ppm::Date::from_ymd(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                                                         PyDateTime_GET_DAY(src.ptr())));
            return true;
        }
        if (PyUnicode_Check(src.ptr())) {
            value = ppm::parse_instant(src.cast<std::string>());
            return true;
        }
        return false;
    }
    static handle cast(ppm::Instant t, return_value_policy, handle) {
        ppm_import_datetime();
        const ppm::Date d = t.date();
        const auto m = static_cast<int>(t.minute_of_day());
        return PyDateTime_FromDateAndTime(d.year(), d.month(), d.day(), m / 60, m % 60, 0, 0);
    }
};

template <>
struct type_caster<ppm::Date> {
    PYBIND11_TYPE_CASTER(ppm::Date, const_name("datetime.date"));
    bool load(handle src, bool) {
        ppm_import_datetime();
        if (PyDate_Check(src.ptr()) && !PyDateTime_Check(src.ptr())) {
            value = ppm::Date::from_ymd(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                                        PyDateTime_GET_DAY(src.ptr()));
            return true;
        }
        if (PyUnicode_Check(src.ptr())) {
            value = ppm::parse_date(src.cast<std::string>());
            return true;
        }
        return false;
    }
    static handle cast(ppm::Date d, return_value_policy, handle) {
        ppm_import_datetime();
        return PyDate_FromDate(d.year(), d.month(), d.day());
    }
};

template <>
struct type_caster<ppm::Duration> {
    PYBIND11_TYPE_CASTER(ppm::Duration, const_name("int"));
    bool load(handle src, bool convert) {
        make_caster<std::int64_t> c;
        if (convert && PyUnicode_Check(src.ptr()))  // "2d" is a file-format spelling: say so rather than "incompatible arguments"
            throw type_error("durations are int working minutes, not text (" + std::string(str(repr(src))) +
                             "): use ppm.parse_duration_text(text), where d = 480 and w = 2400 minutes");
        if (PyFloat_Check(src.ptr()) || !c.load(src, convert)) return false;
        value = ppm::Duration{cast_op<std::int64_t>(c)};
        return true;
    }
    static handle cast(ppm::Duration d, return_value_policy, handle) { return PyLong_FromLongLong(d.count()); }
};

template <>
struct type_caster<ppm::Money> {
    PYBIND11_TYPE_CASTER(ppm::Money, const_name("float"));
    bool load(handle src, bool convert) {
        make_caster<double> c;
        if (!c.load(src, convert)) return false;
        value = ppm::Money::from_major(cast_op<double>(c));
        return true;
    }
    static handle cast(ppm::Money m, return_value_policy, handle) { return PyFloat_FromDouble(m.major()); }
};

}  // namespace pybind11::detail
