// `ppm evm FILE.json --status-date D`: earned value and earned schedule roll-up (issue 5).
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "command.hpp"
#include "options.hpp"
#include "present.hpp"
#include "model_input.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/evm/rollup.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/io/control_json.hpp"
#include "ppm/io/model_file.hpp"

namespace ppm::cli {
namespace {

struct EvmArgs {
    std::string file;
    std::string status_date;
    std::string eac_method;
    bool tasks = false;
    bool json = false;
};

std::string num(double v, const char* fmt = "%.2f") {
    if (!std::isfinite(v)) return "n/a";
    char b[48];
    std::snprintf(b, sizeof b, fmt, v);
    std::string out = b;
    // A value that rounds to zero prints without a minus sign ("-0.00" reads as a real deficit).
    if (out.front() == '-' && out.find_first_not_of("-0.") == std::string::npos) {
        const bool show_sign = std::string_view(fmt).find('+') != std::string_view::npos;
        out = (show_sign ? "+" : "") + out.substr(1);
    }
    return out;
}
/// TCPI: "n/a" when no work remains, "unach" when the funds are spent with work left (the target
/// can no longer be met, PMI Practice Standard for EVM), else the index.
std::string tcpi_text(double v) { return std::isinf(v) ? "unach" : num(v); }
double major(Money m) { return m.major(); }

int run(const EvmArgs& args, Context& ctx) {
    ctx.input_file = args.file;
    require_ppm_json(args.file, "evm");
    const ModelDocument doc = load_document(args.file, ctx);
    const Portfolio& pf = doc.portfolio;
    throw_if_invalid(pf);
    const ControlData& control = doc.control;
    Instant status;
    try {
        status = parse_instant(args.status_date);
    } catch (const ModelError& e) {
        throw CliError(std::string("--status-date: ") + e.what());
    }
    EvmRollupOptions opt;
    opt.eac_method = args.eac_method.empty() ? control.governance.eac_method : parse_eac_method(args.eac_method);
    opt.include_tasks = args.tasks;
    const EvmTable t = evm_rollup(pf, control.baselines, status, control.status, opt);
    if (t.size() <= 1)  // the file lacks what the command needs: bad input (exit 3), not usage
        throw ParseError::unexpected(args.file, 0, 0, "no project has a baseline: add a \"baselines\" section (docs/evm.md)");

    if (args.json) {
        nlohmann::json rows = nlohmann::json::array();
        for (std::size_t i = 0; i < t.size(); ++i) {
            const auto& m = t.metrics[i];
            const auto& es = t.schedule[i];
            rows.push_back({{"level", std::string(to_string(t.kind[i]))}, {"id", t.id[i]}, {"parent", t.parent[i] < 0 ? nlohmann::json(nullptr) : nlohmann::json(t.id[static_cast<std::size_t>(t.parent[i])])},
                            {"bac", major(t.bac[i])}, {"pv", major(t.pv[i])}, {"ev", major(t.ev[i])}, {"ac", major(t.ac[i])},
                            {"sv", major(m.sv)}, {"cv", major(m.cv)}, {"spi", jnum(m.spi)}, {"cpi", jnum(m.cpi)},
                            {"eac", major(m.eac)}, {"eac_new_estimate", major(m.eac_new_estimate)}, {"eac_cpi", major(m.eac_cpi)},
                            {"eac_atypical", major(m.eac_atypical)}, {"eac_composite", major(m.eac_composite)},
                            {"eac_bottom_up", major(m.eac_bottom_up)}, {"etc", major(m.etc)}, {"vac", major(m.vac)},
                            {"tcpi_bac", jnum(m.tcpi_bac)}, {"tcpi_eac", jnum(m.tcpi_eac)},
                            {"tcpi_bac_unachievable", std::isinf(m.tcpi_bac)}, {"tcpi_eac_unachievable", std::isinf(m.tcpi_eac)},
                            {"percent_complete", jnum(m.percent_complete)},
                            {"es_days", jnum(es.es / 1440.0)}, {"at_days", jnum(es.at / 1440.0)}, {"sv_t_days", jnum(es.sv_t / 1440.0)},
                            {"spi_t", jnum(es.spi_t)}, {"tspi", jnum(es.tspi)}, {"ieac_t_days", jnum(es.ieac_t / 1440.0)},
                            {"planned_start", to_string(t.planned_start[i])}, {"planned_finish", to_string(t.planned_finish[i])},
                            {"forecast_finish", to_string(t.forecast_finish[i])}});
        }
        nlohmann::json out{{"status_date", to_string(status)}, {"eac_method", std::string(to_string(opt.eac_method))}, {"rows", rows}};
        std::cout << out.dump(2) << "\n";
        return kOk;
    }
    if (ctx.quiet) return kOk;
    std::cout << "Earned value at " << to_string(status) << " (EAC method: " << to_string(opt.eac_method)
              << "; money in major units; ES, SV(t) in calendar days; TCPI unach = budget spent with work left)\n\n";
    std::cout << cell("Level", 10) << cell("Id", 16) << cell("BAC", 13, true) << cell("PV", 13, true) << cell("EV", 13, true)
              << cell("AC", 13, true) << cell("SV", 12, true) << cell("CV", 12, true) << cell("SPI", 6, true) << cell("CPI", 6, true) << cell("EAC", 13, true)
              << cell("VAC", 12, true) << cell("TCPI", 6, true) << cell("SV(t)", 7, true) << cell("SPI(t)", 7, true) << "Forecast finish\n";
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto& m = t.metrics[i];
        std::string id = t.id[i];
        for (std::int32_t p = t.parent[i]; p > 0; p = t.parent[static_cast<std::size_t>(p)]) id = " " + id;
        std::cout << cell(std::string(to_string(t.kind[i])), 10) << cell(id, 16) << cell(to_string(t.bac[i]), 13, true)
                  << cell(to_string(t.pv[i]), 13, true) << cell(to_string(t.ev[i]), 13, true) << cell(to_string(t.ac[i]), 13, true)
                  << cell(to_string(m.sv), 12, true) << cell(to_string(m.cv), 12, true) << cell(num(m.spi), 6, true) << cell(num(m.cpi), 6, true)
                  << cell(to_string(m.eac), 13, true) << cell(to_string(m.vac), 12, true) << cell(tcpi_text(m.tcpi_bac), 6, true)
                  << cell(num(t.schedule[i].sv_t / 1440.0, "%+.1f"), 7, true) << cell(num(t.schedule[i].spi_t), 7, true)
                  << (t.kind[i] == EvmNodeKind::portfolio ? std::string("-") : to_string(t.forecast_finish[i].date())) << "\n";
    }
    return kOk;
}

}  // namespace

void add_evm_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<EvmArgs>();
    CLI::App* cmd = app.add_subcommand("evm", "Earned value and earned schedule at a status date, rolled up the portfolio");
    cmd->footer(
        "Example:\n  ppm evm plan.json --status-date 2026-05-29\n"
        "Reads the \"baselines\" and \"status\" sections (docs/evm.md); progress falls back to the tasks' own.\n"
        "Prints BAC, PV, EV, AC, SV, CV, SPI, CPI, EAC, VAC, TCPI, SV(t), SPI(t) and the earned-schedule\n"
        "forecast finish per portfolio, program, project and WBS summary (--tasks adds every task).");
    cmd->add_option("FILE", args->file, "Model file (.json) with a \"baselines\" section")->required()->check(readable_file());
    cmd->add_option("--status-date", args->status_date, "Data date YYYY-MM-DD[THH:MM]")->required()->check(date_value());
    cmd->add_option("--eac-method", args->eac_method, "EAC reported: cpi, atypical, composite, new_estimate, bottom_up")
        ->check(one_of({"cpi", "atypical", "composite", "new_estimate", "bottom_up"}));
    cmd->add_flag("--tasks", args->tasks, "Include every task row");
    cmd->add_flag("--json", args->json, "Print the table as JSON");
    cmd->callback([args, &ctx] { ctx.exit_code = run(*args, ctx); });
}

}  // namespace ppm::cli
