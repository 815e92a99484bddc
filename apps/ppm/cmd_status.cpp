// `ppm status FILE.json`: RAG status per project rolled up to programs and the portfolio (issue 5).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "present.hpp"
#include "model_input.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/governance/rag.hpp"
#include "ppm/io/control_json.hpp"
#include "ppm/io/model_file.hpp"

namespace ppm::cli {
namespace {

struct StatusArgs {
    std::string file;
    std::string status_date;
    std::string pmo;
    bool json = false;
};

std::string cell_number(double v) {
    if (!std::isfinite(v)) return "-";
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", v);
    return b;
}
nlohmann::json jcount(double v) { return std::isfinite(v) ? nlohmann::json(std::llround(v)) : nlohmann::json(nullptr); }

int run(const StatusArgs& args, Context& ctx) {
    ctx.input_file = args.file;
    require_ppm_json(args.file, "status");
    ModelDocument doc = load_document(args.file, ctx);
    const Portfolio& pf = doc.portfolio;
    throw_if_invalid(pf);
    ControlData& control = doc.control;
    if (!args.pmo.empty()) control.governance.pmo = parse_pmo_type(args.pmo);
    std::optional<Instant> status;
    if (!args.status_date.empty()) {
        try {
            status = parse_instant(args.status_date);
        } catch (const ModelError& e) {
            throw CliError(std::string("--status-date: ") + e.what());
        }
    }
    if (!status) status = pf.status_date;
    if (!status)
        for (const auto& s : control.status)
            if (!status || s.date > *status) status = s.date;
    if (!status) throw CliError("no status date: pass --status-date or set the portfolio's status_date");

    const RagPolicy policy = governance_policy(control.governance);
    std::vector<std::pair<ProgramId, ProgramId>> nesting;
    for (const auto& p : pf.programs)
        if (p.parent) nesting.emplace_back(p.id, *p.parent);
    EvmRollupOptions eo;
    eo.eac_method = control.governance.eac_method;
    eo.include_tasks = false;
    auto rows_at = [&](Instant when, std::vector<ProjectHealth>& health) {
        const EvmTable t = evm_rollup(pf, control.baselines, when, control.status, eo);
        health = project_health(pf, control, t, when);
        return rag_rollup(health, policy, nesting);
    };
    std::vector<ProjectHealth> health;
    const auto rows = rows_at(*status, health);

    // Trend across the status periods up to the status date (each period date re-assessed).
    std::set<Instant> dates;
    for (const auto& s : control.status)
        if (s.date < *status) dates.insert(s.date);
    std::map<std::string, std::vector<double>> series;
    for (Instant d : dates) {
        std::vector<ProjectHealth> h;
        for (const auto& row : rows_at(d, h)) series[row.kind + "/" + row.id].push_back(row.score);
    }
    for (const auto& row : rows) series[row.kind + "/" + row.id].push_back(row.score);
    auto trend_of = [&](const RagRollupRow& row) {
        auto v = series[row.kind + "/" + row.id];
        v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
        return std::string(to_string(trend(v)));
    };
    std::vector<RagResult> results;
    for (const auto& h : health) results.push_back(assess(h, policy));

    if (args.json) {
        nlohmann::json out{{"status_date", to_string(*status)}, {"pmo", std::string(to_string(control.governance.pmo))}};
        nlohmann::json arr = nlohmann::json::array();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& row = rows[i];
            nlohmann::json j{{"level", row.kind}, {"id", row.id}, {"rag", std::string(to_string(row.rag))}, {"score", jnum(row.score)},
                             {"weight", row.weight}, {"red", row.red}, {"amber", row.amber}, {"green", row.green},
                             {"escalate", row.escalate}, {"trend", trend_of(row)}};
            if (i < health.size()) {
                const auto& h = health[i];
                j["spi"] = jnum(h.spi);
                j["cpi"] = jnum(h.cpi);
                j["spi_t"] = jnum(h.spi_t);
                j["open_high_risks"] = h.open_high_risks ? nlohmann::json(*h.open_high_risks) : nlohmann::json(nullptr);
                j["overdue_milestones"] = h.overdue_milestones ? nlohmann::json(*h.overdue_milestones) : nlohmann::json(nullptr);
                // Quality facts (null = not reported).
                j["critical_defects"] = jcount(h.critical_defects);
                j["major_defects"] = jcount(h.major_defects);
                j["minor_defects"] = jcount(h.minor_defects);
                j["failed_reviews"] = jcount(h.failed_reviews);
                j["test_pass_rate"] = jnum(h.test_pass_rate);
                j["acceptance_rate"] = jnum(h.acceptance_rate);
                nlohmann::json checks = nlohmann::json::object();
                for (std::size_t c = 0; c < kRagCheckCount; ++c)
                    if (results[i].check[c] != Rag::none) checks[std::string(to_string(static_cast<RagCheck>(c)))] = std::string(to_string(results[i].check[c]));
                j["checks"] = checks;
                j["reasons"] = results[i].reasons;
            }
            arr.push_back(j);
        }
        out["rows"] = arr;
        std::cout << out.dump(2) << "\n";
        return kOk;
    }
    if (ctx.quiet) return kOk;
    std::cout << "RAG status at " << to_string(*status) << " (" << to_string(control.governance.pmo) << " PMO policy, weights: "
              << control.governance.weight << ")\n\n";
    std::cout << cell("Level", 10) << cell("Id", 18) << cell("RAG", 7) << cell("Score", 6) << cell("SPI", 6) << cell("CPI", 6)
              << cell("SPI(t)", 7) << cell("Risks", 6) << cell("Late MS", 8) << cell("Trend", 10) << cell("Escalate", 9)
              << cell("Quality", 8) << "Reasons\n";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        std::string spi = "", cpi = "", spit = "", risks = "", late = "", quality = "", reasons;
        if (i < health.size()) {
            const auto& h = health[i];
            spi = cell_number(h.spi), cpi = cell_number(h.cpi), spit = cell_number(h.spi_t);
            risks = h.open_high_risks ? std::to_string(*h.open_high_risks) : "-";
            late = h.overdue_milestones ? std::to_string(*h.overdue_milestones) : "-";
            const Rag q = results[i].check[static_cast<std::size_t>(RagCheck::quality)];
            quality = q == Rag::none ? "-" : std::string(to_string(q));
            for (const auto& r : results[i].reasons) reasons += (reasons.empty() ? "" : "; ") + r;
        } else {
            reasons = std::to_string(row.red) + " red, " + std::to_string(row.amber) + " amber, " + std::to_string(row.green) + " green";
        }
        std::cout << cell(row.kind, 10) << cell(row.id.empty() ? pf.id.str() : row.id, 18) << cell(std::string(to_string(row.rag)), 7)
                  << cell(cell_number(row.score), 6) << cell(spi, 6) << cell(cpi, 6) << cell(spit, 7) << cell(risks, 6) << cell(late, 8)
                  << cell(trend_of(row), 10) << cell(row.escalate ? "yes" : "no", 9) << cell(quality, 8) << reasons << "\n";
    }
    return kOk;
}

}  // namespace

void add_status_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<StatusArgs>();
    CLI::App* cmd = app.add_subcommand("status", "RAG status per project, rolled up to programs and the portfolio");
    cmd->footer(
        "Example:\n  ppm status plan.json --pmo directive\n"
        "Colours come from SPI, CPI, SPI(t), float erosion, open high risks, overdue milestones and quality\n"
        "(open defects, failed reviews, test pass rate, deliverable acceptance) under the \"governance\"\n"
        "section's PMO policy (docs/governance.md); roll-ups weight projects by BAC.\n"
        "The trend compares the latest score with the earlier status periods.");
    cmd->add_option("FILE", args->file, "Model file (.json)")->required()->check(readable_file());
    cmd->add_option("--status-date", args->status_date, "Data date (default: the portfolio's status_date, else the latest status period)")
        ->check(date_value());
    cmd->add_option("--pmo", args->pmo, "Policy profile: supportive, controlling or directive (overrides the file)")
        ->check(one_of({"supportive", "controlling", "directive"}));
    cmd->add_flag("--json", args->json, "Print the table as JSON");
    cmd->callback([args, &ctx] { ctx.exit_code = run(*args, ctx); });
}

}  // namespace ppm::cli
