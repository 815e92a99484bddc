#pragma once
// Zero-copy, read-only numpy views of a result's std::vector members. The view keeps the Python
// object that owns the C++ result alive (`base`), so the memory outlives every array handed out.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace ppm::python {

namespace py = pybind11;

/// A read-only 1-D numpy view of `data` with dtype `dtype` ("int64", "datetime64[m]", "bool", ...).
/// `T` must be a trivially copyable type whose size matches the dtype's item size.
template <class T>
py::array readonly_view(const std::vector<T>& data, const char* dtype, py::handle base) {
    static_assert(std::is_trivially_copyable_v<T>);
    py::dtype dt(dtype);
    if (static_cast<std::size_t>(dt.itemsize()) != sizeof(T)) throw std::logic_error(std::string("dtype size mismatch: ") + dtype);
    py::array arr(dt, {static_cast<py::ssize_t>(data.size())}, {static_cast<py::ssize_t>(sizeof(T))},
                  static_cast<const void*>(data.data()), base);
    py::detail::array_proxy(arr.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
    return arr;
}

}  // namespace ppm::python
