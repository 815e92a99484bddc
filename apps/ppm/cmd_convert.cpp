// `ppm convert IN OUT`: convert a model between file formats chosen by extension (issue 6):
// read .json, .xml (MS Project XML or Primavera PMXML), .xer, .mpx; write .json, .xml (MSPDI),
// .xer, .ics (milestones). Import warnings (what the model could not carry) go to stderr.
// Levelling benchmark instances (PSPLIB .sm, MPLIB .rcmp, MPSPLIB .xml) are written as ppm models
// (one period = one day on a 24/7 calendar), so `ppm level` can be compared with `ppm rcpsp`.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "command.hpp"
#include "options.hpp"
#include "model_input.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/multiproject.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/leveling/multiproject.hpp"

namespace ppm::cli {

namespace {
struct ConvertArgs {
    std::string in;
    std::string out;
    bool warnings = false;
    bool json = false;
};

// A model file, or a levelling instance turned into a model.
ImportResult read_input(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".sm") return {to_portfolio(read_psplib_sm(path)), {}};
    if (is_multiproject_file(path)) return {to_portfolio(read_multiproject(path)), {}};
    return read_model_file_with_warnings(path);
}
}  // namespace

void add_convert_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ConvertArgs>();
    CLI::App* cmd = app.add_subcommand(
        "convert",
        "Convert a model between formats: in .json .xml (MSPDI or PMXML) .xer .mpx, and levelling instances\n"
        "(PSPLIB .sm, MPLIB .rcmp, MPSPLIB .xml: one period = one day, 24/7); out .json .xml .xer .mpx .ics\n"
        "Example: ppm convert plan.xer plan.xml --warnings");
    cmd->add_option("IN", args->in, "Input file")->required()->check(readable_file());
    cmd->add_option("OUT", args->out, "Output file (format from its extension)")->required();
    cmd->add_flag("--warnings", args->warnings, "List every import warning on stderr (default: only their count)");
    cmd->add_flag("--json", args->json, "Print a JSON summary on stdout");
    cmd->callback([args, &ctx] {
        ctx.input_file = args->in;
        {  // an output format ppm cannot write is a usage error (exit 2), refused before the work
            std::string ext = std::filesystem::path(args->out).extension().string();
            std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            const std::vector<std::string> ok = supported_output_extensions();
            if (std::find(ok.begin(), ok.end(), ext) == ok.end()) {
                std::string list;
                for (const auto& e : ok) list += (list.empty() ? "" : ", ") + e;
                throw CliError("OUT: unsupported extension '" + ext + "' (use " + list + ")");
            }
        }
        check_output_path(args->out);  // refused before the work, not after it
        const ImportResult r = read_input(args->in);
        // What the target format cannot express is written as its nearest equivalent and said.
        const std::vector<ImportWarning> exported = write_model_file_with_warnings(r.portfolio, args->out);
        if (args->json) {
            nlohmann::json j = {{"input", args->in},   {"output", args->out}, {"projects", r.portfolio.projects.size()},
                                {"tasks", r.portfolio.task_count()}, {"calendars", r.portfolio.calendars.size()},
                                {"resources", r.portfolio.resources.size()}, {"warnings", nlohmann::json::array()}};
            for (const auto& w : r.warnings)
                j["warnings"].push_back({{"line", w.line}, {"entity", w.entity}, {"message", w.message}});
            j["export_warnings"] = nlohmann::json::array();
            for (const auto& w : exported) j["export_warnings"].push_back({{"entity", w.entity}, {"message", w.message}});
            std::cout << j.dump(2) << "\n";
        } else if (!ctx.quiet) {
            std::cout << args->in << " -> " << args->out << ": " << r.portfolio.projects.size() << " projects, "
                      << r.portfolio.task_count() << " tasks, " << r.portfolio.calendars.size() << " calendars, "
                      << r.portfolio.resources.size() << " resources\n";
        }
        if (args->warnings) {
            for (const auto& w : r.warnings)
                std::cerr << w.source << (w.line ? ":" + std::to_string(w.line) : std::string()) << ": " << w.entity << ": " << w.message << "\n";
        } else if (!r.warnings.empty() && !ctx.quiet && !args->json) {
            std::cerr << r.warnings.size() << " import warnings (values kept as custom fields or not imported); --warnings lists them\n";
        }
        if (!ctx.quiet && !args->json)
            for (const auto& w : exported) print_warning(w);  // source = the output path, no line
        ctx.exit_code = kOk;
    });
}

}  // namespace ppm::cli
