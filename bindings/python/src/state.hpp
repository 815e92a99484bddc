#pragma once
// Pickle state of the struct-of-arrays results (`py::pickle` __getstate__ / __setstate__): every
// trivially copyable array (instants, durations, indices, flags, doubles) travels as one `bytes`
// object (a memcpy each way, exact, compact), ids and names as lists of str, enums as int. A state
// tuple starts with its layout version so a stale pickle fails with a clear message.

#include <pybind11/pybind11.h>

#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

namespace ppm::python {

namespace py = pybind11;

/// The bytes of a vector of trivially copyable values.
template <class T>
py::bytes pack(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    return py::bytes(reinterpret_cast<const char*>(v.data()), static_cast<py::ssize_t>(v.size() * sizeof(T)));
}

/// The bytes of one trivially copyable value.
template <class T>
py::bytes pack_one(const T& v) {
    return pack(std::vector<T>{v});
}

/// The vector packed by `pack<T>` (ValueError when the length is not a multiple of sizeof(T)).
template <class T>
std::vector<T> unpack(const py::handle& h) {
    static_assert(std::is_trivially_copyable_v<T>);
    char* data = nullptr;
    Py_ssize_t n = 0;
    if (PyBytes_AsStringAndSize(h.ptr(), &data, &n) != 0) throw py::error_already_set();
    if (static_cast<std::size_t>(n) % sizeof(T) != 0) throw py::value_error("pickle state: array bytes do not match the item size");
    std::vector<T> v(static_cast<std::size_t>(n) / sizeof(T));
    if (n > 0) std::memcpy(static_cast<void*>(v.data()), data, static_cast<std::size_t>(n));
    return v;
}

/// The value packed by `pack_one<T>`.
template <class T>
T unpack_one(const py::handle& h) {
    auto v = unpack<T>(h);
    if (v.size() != 1) throw py::value_error("pickle state: expected one packed value");
    return v[0];
}

/// Checks a state tuple's length and layout version (its first item); returns the tuple.
inline py::tuple checked_state(const py::handle& state, const char* type, std::size_t size, int version = 1) {
    auto t = py::reinterpret_borrow<py::tuple>(state);
    if (!py::isinstance<py::tuple>(state) || t.size() != size || t[0].cast<int>() != version)
        throw py::value_error(std::string("cannot unpickle ") + type + ": state from another ppm version");
    return t;
}

/// A result's `__dict__` (its dynamic attributes: task labels, the Monte Carlo model), pickled with
/// it: `__setstate__` returns (object, dict) so pybind11 restores them.
inline py::dict instance_dict(const py::object& self) { return self.attr("__dict__"); }

}  // namespace ppm::python
