// Python bindings for area `io`: the JSON model format, any-format model reading, schedule output.
#include "common.hpp"

#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <memory>

#include "ppm/io/control_json.hpp"
#include "ppm/io/ical.hpp"
#include "ppm/io/import_result.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/level_output.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/mpx.hpp"
#include "ppm/io/mspdi.hpp"
#include "ppm/io/multiproject.hpp"
#include "ppm/io/pmxml.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/io/schedule_output.hpp"
#include "ppm/io/xer.hpp"

namespace ppm::python {

void bind_io(py::module_& m) {
    m.def("read_json_file", [](const std::filesystem::path& path) { return read_json_file(path); }, py::arg("path"),
          "Reads a model from a ppm JSON file (raises ParseError with path, line and column).");
    m.def("read_json", [](const std::string& text, const std::string& source_name) { return read_json(text, source_name); },
          py::arg("text"), py::arg("source_name") = "<input>", "Reads a model from ppm JSON text.");
    m.def("write_json", py::overload_cast<const Portfolio&>(&write_json), py::arg("portfolio"),
          "The model as canonical ppm JSON text.");
    m.def("write_json_file", [](const Portfolio& p, const std::filesystem::path& path) { write_json_file(p, path); },
          py::arg("portfolio"), py::arg("path"), "Writes the model as canonical ppm JSON.");
    m.def("read_model_file", [](const std::filesystem::path& path) { return read_model_file(path); }, py::arg("path"),
          "Reads a model from any supported format, chosen by the file's extension.");
    m.def("write_schedule_json", &write_schedule_json, py::arg("portfolio"), py::arg("result"),
          "A schedule result as JSON text (docs/format.md, 'Schedule output').");
    m.def(
        "write_level_json",
        [](const LevelResult& r, std::optional<std::vector<Violation>> check) { return write_level_json(r, nullptr, check ? &*check : nullptr); },
        py::arg("result"), py::kw_only(), py::arg("check") = py::none(),
        "A levelling result as JSON (what `ppm level --json` prints); with `check` (validate_level's list) the "
        "\"check\" object of `ppm level --check`.");
    m.def("write_level_csv", &write_level_csv, py::arg("result"), "A levelling result as CSV, one row per task (`ppm level --out X.csv`).");
    m.def("write_schedule_csv", &write_schedule_csv, py::arg("portfolio"), py::arg("result"),
          "A schedule result as CSV text, one row per task.");

    py::class_<ImportWarning>(m, "ImportWarning", "Something an importer could not carry into the model as it is.")
        .def_readonly("source", &ImportWarning::source, "File or source name.")
        .def_readonly("line", &ImportWarning::line, "1-based line (0 when unknown).")
        .def_readonly("entity", &ImportWarning::entity, "'task 12', 'calendar 3', ...")
        .def_readonly("message", &ImportWarning::message, "What and why.")
        .def("__repr__", [](const ImportWarning& w) { return "ImportWarning(" + w.entity + ": " + w.message + ")"; });
    py::class_<ImportResult>(m, "ImportResult", "The model read from a foreign file and the importer's warnings.")
        .def_readonly("portfolio", &ImportResult::portfolio, "The model.")
        .def_readonly("warnings", &ImportResult::warnings, "Everything not represented as it was.")
        .def("__repr__", [](const ImportResult& r) {
            return "ImportResult(" + std::to_string(r.portfolio.task_count()) + " tasks, " + std::to_string(r.warnings.size()) + " warnings)";
        });
    using Reader = ImportResult (*)(std::string_view, std::string_view);
    auto text_reader = [&m](const char* name, Reader f, const char* doc) {
        m.def(name, [f](const std::string& text, const std::string& source) { return f(text, source); }, py::arg("text"),
              py::arg("source_name") = "<input>", doc);
    };
    text_reader("read_mspdi", &read_mspdi, "Reads MS Project XML (MSPDI) text; ImportResult with warnings.");
    text_reader("read_xer", &read_xer, "Reads Primavera P6 XER text.");
    text_reader("read_mpx", &read_mpx, "Reads MPX text: bytes (Windows-1252 or UTF-8, as write_mpx gives) or str.");
    text_reader("read_pmxml", &read_pmxml, "Reads Primavera PMXML text.");
    m.def("read_mspdi_file", [](const std::filesystem::path& p) { return read_mspdi_file(p); }, py::arg("path"), "Reads an MSPDI file.");
    m.def("read_xer_file", [](const std::filesystem::path& p) { return read_xer_file(p); }, py::arg("path"), "Reads a P6 XER file.");
    m.def("read_mpx_file", [](const std::filesystem::path& p) { return read_mpx_file(p); }, py::arg("path"), "Reads an MPX file.");
    m.def("read_pmxml_file", [](const std::filesystem::path& p) { return read_pmxml_file(p); }, py::arg("path"), "Reads a P6 PMXML file.");
    m.def("write_mspdi", &write_mspdi, py::arg("portfolio"), "The model as MSPDI text.");
    m.def("write_mspdi_file", [](const Portfolio& pf, const std::filesystem::path& p) { write_mspdi_file(pf, p); }, py::arg("portfolio"),
          py::arg("path"), "Writes MSPDI.");
    m.def("write_xer", &write_xer, py::arg("portfolio"), "The model as P6 XER text.");
    m.def("write_xer_file", [](const Portfolio& pf, const std::filesystem::path& p) { write_xer_file(pf, p); }, py::arg("portfolio"),
          py::arg("path"), "Writes XER.");
    // MPX is Windows-1252: hand the encoded file content over as bytes (read_mpx takes bytes or str).
    m.def("write_mpx", [](const Portfolio& pf) { return py::bytes(write_mpx(pf)); }, py::arg("portfolio"),
          "The model as MPX 4.0 file content: bytes, Windows-1252 (read_mpx reads it back). One project only: "
          "ModelError code 'unsupported' for several or none, or a link to another project.");
    m.def("write_mpx_file", [](const Portfolio& pf, const std::filesystem::path& p) { write_mpx_file(pf, p); }, py::arg("portfolio"),
          py::arg("path"), "Writes MPX.");
    m.def("write_ical", &write_ical, py::arg("portfolio"), py::arg("result"), "Milestones of a schedule as iCalendar text.");
    m.def("write_ical_file", [](const Portfolio& pf, const std::filesystem::path& p) { write_ical_file(pf, p); }, py::arg("portfolio"),
          py::arg("path"), "Schedules and writes the milestones as an .ics file.");
    py::class_<ModelDocument>(m, "ModelDocument", "A model file read once: portfolio, control sections and import warnings.")
        .def_readonly("portfolio", &ModelDocument::portfolio, "The model.")
        .def_readonly("control", &ModelDocument::control, "The control sections (ppm JSON only; empty for other formats).")
        .def_readonly("warnings", &ModelDocument::warnings, "The importer's warnings (foreign formats).")
        .def("__repr__", [](const ModelDocument& d) {
            return "ModelDocument(" + std::to_string(d.portfolio.task_count()) + " tasks, " + std::to_string(d.control.sections.size()) +
                   " control sections, " + std::to_string(d.warnings.size()) + " warnings)";
        });
    m.def("read_model_document", [](const std::filesystem::path& p) { return read_model_document(p); }, py::arg("path"),
          "Reads any supported format once: the portfolio, the control sections beside it (ppm JSON) and the import warnings.");
    m.def("read_json_document", [](const std::string& text, const std::string& source) { return read_json_document(text, source); },
          py::arg("text"), py::arg("source_name") = "<input>", "A ppm JSON document from text: portfolio and control sections, one parse.");
    m.def("read_model_file_with_warnings", [](const std::filesystem::path& p) { return read_model_file_with_warnings(p); }, py::arg("path"),
          "Reads any supported format; ImportResult with the importer's warnings.");
    m.def("write_model_file", [](const Portfolio& pf, const std::filesystem::path& p) { write_model_file(pf, p); }, py::arg("portfolio"),
          py::arg("path"), "Writes the model in the format of the path's extension.");
    m.def("supported_model_extensions", &supported_model_extensions, "Extensions read_model_file accepts.");
    m.def("supported_output_extensions", &supported_output_extensions, "Extensions write_model_file accepts.");
    m.def("write_json_with_sections",
          [](const Portfolio& pf, const std::map<std::string, std::string>& sections) {
              std::map<std::string, std::string, std::less<>> s(sections.begin(), sections.end());
              return write_json(pf, s);
          },
          py::arg("portfolio"), py::arg("sections"), "Model JSON with extra top-level sections (name -> JSON text).");
    m.def("read_control_sections", [](const std::string& text, const std::string& source) { return read_control_sections(text, source); },
          py::arg("text"), py::arg("source_name") = "<input>", "Reads the risks, baselines, status, uncertainty and governance sections.");
    m.def("write_control_sections", [](const ControlData& c) {
              std::map<std::string, std::string> out;
              for (const auto& [k, v] : write_control_sections(c)) out[k] = v;
              return out;
          },
          py::arg("data"), "The sections as JSON texts (name -> value).");
    m.def("parse_duration_text", &parse_duration_text, py::arg("text"), py::arg("where") = "duration",
          "Integer minutes or '<number><m|h|d|w>' (d = 480, w = 2400).");
}

// The readers of levelling instances (io/psplib.hpp, io/multiproject.hpp); called after
// bind_leveling, which registers the instance types they return.
void bind_instance_readers(py::module_& m) {
    m.def("parse_psplib", [](const std::string& text, const std::string& path) { return parse_psplib(text, path); }, py::arg("text"),
          py::arg("path") = "<text>", "Parses PSPLIB .sm/.mm text (ParseError with line and column).");
    m.def("read_psplib", [](const std::filesystem::path& path) { return read_psplib(path); }, py::arg("path"), "Reads a PSPLIB .sm/.mm file.");
    m.def("read_psplib_sm", [](const std::filesystem::path& path) { return std::make_shared<RcpspInstance>(read_psplib_sm(path)); },
          py::arg("path"), "Reads a single-mode PSPLIB .sm file as an RcpspInstance.");
    m.def("read_psplib_solutions", [](const std::filesystem::path& path) { return read_psplib_solutions(path); }, py::arg("path"),
          "Reads a PSPLIB solution table (j30opt.sm, j60hrs.sm...).");
    m.def("parse_psplib_max", [](const std::string& text, const std::string& path) { return parse_psplib_max(text, path); },
          py::arg("text"), py::arg("path") = "<text>", "Parses a ProGen/max .sch text.");
    m.def("read_psplib_max", [](const std::filesystem::path& path) { return read_psplib_max(path); }, py::arg("path"), "Reads a .sch file.");
    m.def("parse_mplib", [](const std::string& t, const std::string& p) { return parse_mplib(t, p); }, py::arg("text"),
          py::arg("path") = "<text>", "Parses MPLIB .rcmp text.");
    m.def("read_multiproject", [](const std::filesystem::path& p) { return read_multiproject(p); }, py::arg("path"),
          "Reads an MPLIB .rcmp or MPSPLIB mp_*.xml file.");
    m.def("is_multiproject_file", [](const std::filesystem::path& p) { return is_multiproject_file(p); }, py::arg("path"),
          "True for extensions read_multiproject accepts.");
}

}  // namespace ppm::python
