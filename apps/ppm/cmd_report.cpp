// `ppm report FILE... [--out report.html]`: the self-contained HTML dashboard (issues 6 and 21,
// report area): summary with RAG and EVM roll-ups, Gantt per project, resource histograms, EVM
// S-curves, Monte Carlo risk, risk heat map, bubble chart, efficient frontier, each drawn when the
// files have its data (the portfolio and, e.g., the selection with its strategy). docs/reports.md.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <filesystem>
#include <span>
#include <vector>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "model_input.hpp"
#include "progress.hpp"
#include "ppm/core/error.hpp"
#include "ppm/report/dashboard.hpp"

namespace ppm::cli {

namespace {

struct ReportArgs {
    std::vector<std::string> files;
    std::string out = "report.html";
    std::string title;
    std::string today;
    int frontier = 8;
    std::uint64_t iterations = 0;
    int passes = 4;
    double time_limit = 10.0;
    bool no_level = false;
    bool json = false;
};

int run(const ReportArgs& args, Context& ctx) {
    ctx.input_file = args.files.front();
    {  // the dashboard is HTML: another extension is a usage error (exit 2), refused before the work
        const std::string ext = std::filesystem::path(args.out).extension().string();
        if (ext != ".html" && ext != ".htm") throw CliError("--out: unsupported extension '" + ext + "' (use .html)");
    }
    check_output_path(args.out);  // refused before the work, not after it
    DashboardOptions o;
    o.title = args.title;
    if (!args.today.empty()) {
        try {
            o.today = parse_instant(args.today);
        } catch (const ModelError& e) {
            throw CliError(std::string("--today: ") + e.what());
        }
    }
    o.frontier_points = args.frontier;
    o.iterations = args.iterations;
    o.level_passes = args.passes;
    o.solve_seconds = args.time_limit;
    o.level_resources = !args.no_level;
    o.stop = ctx.interruptible();  // Ctrl-C: the views done so far (the rest noted as skipped), exit 5
    ProgressBar bar("report", ctx.quiet || args.json);
    o.progress = [&bar](std::string_view stage, double fraction) { bar.update(fraction, stage); };
    std::vector<std::filesystem::path> paths(args.files.begin(), args.files.end());
    const DashboardData d = collect_dashboard_data(std::span<const std::filesystem::path>(paths), o);
    write_dashboard_file(d, args.out, o);
    bar.finish();

    const std::vector<std::string> views = dashboard_views(d);
    const std::vector<std::string> notes = dashboard_notes(d);
    if (!ctx.quiet)  // what the importer of a foreign file could not carry (issue 19, point 9)
        for (const auto& w : d.import_warnings) print_warning(w);
    if (args.json) {
        nlohmann::json j{{"input", args.files.size() == 1 ? nlohmann::json(args.files.front()) : nlohmann::json(args.files)},
                         {"output", args.out}, {"title", d.title}, {"views", views}, {"notes", notes},
                         {"projects", d.portfolio ? d.portfolio->projects.size() : 0},
                         {"tasks", d.portfolio ? d.portfolio->task_count() : 0}};
        std::cout << j.dump(2) << "\n";
    } else if (!ctx.quiet) {
        std::string list;
        for (const auto& v : views) list += (list.empty() ? "" : ", ") + v;
        std::cout << "Wrote " << args.out << " (" << list << ")\n";
        for (const auto& n : notes) std::cout << "  note: " << n << "\n";
    }
    return kOk;
}

}  // namespace

void add_report_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ReportArgs>();
    CLI::App* cmd = app.add_subcommand("report", "Write a self-contained HTML dashboard of a portfolio (and its selection)");
    cmd->footer(
        "Examples:\n  ppm report examples/portfolio.json --out report.html\n"
        "  ppm report examples/portfolio.json examples/selection.json --out report.html\n"
        "One HTML file, no network: portfolio summary with RAG status, BAC/EAC/VAC and program roll-ups,\n"
        "a Gantt chart per project (critical path, baseline, progress, milestones, status-date line),\n"
        "resource histograms with capacity, EVM S-curves with the EAC forecast, Monte Carlo finish and\n"
        "cost distributions with the sensitivity tornado, the risk heat map, the selection bubble chart\n"
        "and efficient frontier. Each view appears when the files have its data (\"baselines\", \"status\",\n"
        "\"risks\", \"uncertainty\" next to the portfolio; \"selection\" and \"strategy\" in the same or\n"
        "other files; .xml/.xer/.mpx give the schedule views). docs/reports.md.");
    cmd->add_option("FILE", args->files, "Model file (.json, .xml, .xer, .mpx), then optionally the selection/strategy file(s)")
        ->required()
        ->check(readable_file());
    cmd->add_option("-o,--out", args->out, "Output HTML file")->capture_default_str();
    cmd->add_option("--title", args->title, "Page title (default: the portfolio's name)");
    cmd->add_option("--today", args->today, "Date of the today line (default: the status date)")->check(date_value());
    cmd->add_option("--frontier", args->frontier, "Efficient-frontier points (0: none)")
        ->transform(integer_in<int>(0, 200))
        ->capture_default_str();
    cmd->add_option("--iterations", args->iterations, "Monte Carlo iterations (default: the \"uncertainty\" section's)")
        ->transform(integer_in<std::uint64_t>(1, 10'000'000));
    cmd->add_option("--passes", args->passes, "Levelling passes for the histograms")
        ->transform(integer_in<int>(1, 1000))
        ->capture_default_str();
    cmd->add_option("--time-limit", args->time_limit, "CPU seconds per selection solve")
        ->check(number_at_least(0.0, /*open=*/true))
        ->capture_default_str();
    cmd->add_flag("--no-level", args->no_level, "Histograms from CPM dates instead of the levelled schedule");
    cmd->add_flag("--json", args->json, "Print a JSON summary (output, views drawn, notes) on stdout");
    cmd->callback([args, &ctx] { ctx.exit_code = run(*args, ctx); });
}

}  // namespace ppm::cli
