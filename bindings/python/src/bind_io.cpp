// Python bindings for area `io`: the JSON model format, any-format model reading, schedule output.
#include "common.hpp"

#include "ppm/io/json.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/schedule_output.hpp"

namespace ppm::python {

void bind_io(py::module_& m) {
    m.def("read_json_file", [](const std::string& path) { return read_json_file(path); }, py::arg("path"),
          "Reads a model from a ppm JSON file (raises ParseError with path, line and column).");
    m.def("read_json", [](const std::string& text, const std::string& source_name) { return read_json(text, source_name); },
          py::arg("text"), py::arg("source_name") = "<input>", "Reads a model from ppm JSON text.");
    m.def("write_json", py::overload_cast<const Portfolio&>(&write_json), py::arg("portfolio"),
          "The model as canonical ppm JSON text.");
    m.def("write_json_file", [](const Portfolio& p, const std::string& path) { write_json_file(p, path); },
          py::arg("portfolio"), py::arg("path"), "Writes the model as canonical ppm JSON.");
    m.def("read_model_file", [](const std::string& path) { return read_model_file(path); }, py::arg("path"),
          "Reads a model from any supported format, chosen by the file's extension.");
    m.def("write_schedule_json", &write_schedule_json, py::arg("portfolio"), py::arg("result"),
          "A schedule result as JSON text (docs/format.md, 'Schedule output').");
    m.def("write_schedule_csv", &write_schedule_csv, py::arg("portfolio"), py::arg("result"),
          "A schedule result as CSV text, one row per task.");
}

}  // namespace ppm::python
