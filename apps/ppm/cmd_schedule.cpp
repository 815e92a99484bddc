// `ppm schedule FILE [--out OUT.json|OUT.csv]`: CPM-schedule a model and print a portfolio summary.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "present.hpp"
#include "model_input.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/schedule_output.hpp"
#include "ppm/schedule/cpm.hpp"

namespace ppm::cli {

namespace {

struct ScheduleArgs {
    std::string file;
    std::string out;
    std::string status_date;
    std::string progress = "retained";
    std::int64_t critical_float = 0;
    bool json = false;
};

void print_summary(const Portfolio& pf, const ScheduleResult& r, std::ostream& os) {
    std::size_t programs = pf.programs.size();
    os << "Portfolio " << (pf.name.empty() ? pf.id.str() : pf.name) << ": " << programs << " programs, "
       << pf.projects.size() << " projects, " << pf.task_count() << " tasks\n";
    if (pf.status_date) os << "Status date: " << to_string(*pf.status_date) << "\n";
    os << "\n"
       << pad("Project", 34) << pad("Program", 14) << pad("Start", 18) << pad("Finish", 18) << pad("Deadline", 12)
       << pad("Min float", 11) << "Critical\n";
    for (std::size_t p = 0; p < r.project_id.size(); ++p) {
        const Project* proj = pf.find_project(r.project_id[p]);
        const std::int64_t mpd = proj && proj->minutes_per_day > 0 ? proj->minutes_per_day : 480;
        // Minimum float is about remaining work: complete tasks (float 0 by definition) are left out.
        Duration min_float{std::numeric_limits<std::int64_t>::max()};
        std::size_t critical = 0, tasks = 0, remaining = 0;
        for (std::size_t i = 0; i < r.task_id.size(); ++i) {
            if (r.project[i].value() != p || r.is_summary[i]) continue;
            ++tasks;
            critical += r.critical[i] != 0;
            const Task* t = pf.find_task(r.task_id[i]);
            if (t && t->progress.actual_finish) continue;
            ++remaining;
            min_float = std::min(min_float, r.total_float[i]);
        }
        std::string name = proj ? proj->id.str() + " " + proj->name : r.project_id[p].str();
        os << pad(name, 34) << pad(proj && proj->program ? proj->program->str() : "-", 14)
           << pad(to_string(r.project_start[p]), 18) << pad(to_string(r.project_finish[p]), 18)
           << pad(proj && proj->deadline ? to_string(proj->deadline->date()) : "-", 12)
           << pad(remaining ? days(min_float, mpd) : "-", 11) << critical << "/" << tasks << "\n";
    }
    os << "\nPortfolio finish: " << to_string(r.finish) << "\n";
    // The longest path of the project that finishes last.
    std::size_t last = 0;
    for (std::size_t p = 1; p < r.project_finish.size(); ++p)
        if (r.project_finish[p] > r.project_finish[last]) last = p;
    if (last < r.longest_path.size() && !r.longest_path[last].empty()) {
        os << "Critical path (" << r.project_id[last].str() << ", " << r.longest_path[last].size() << " tasks): ";
        bool first = true;
        for (TaskIndex t : r.longest_path[last]) {
            os << (first ? "" : " -> ") << r.task_id[t.value()].str();
            first = false;
        }
        os << "\n";
    }
    if (!r.warnings.empty()) {
        os << "Warnings: " << r.warnings.size() << "\n";
        for (std::size_t w = 0; w < r.warnings.size() && w < 8; ++w) os << "  " << r.warnings[w].message << "\n";
        if (r.warnings.size() > 8) os << "  ... (" << r.warnings.size() - 8 << " more in the output file)\n";
    }
}

int run(const ScheduleArgs& args, Context& ctx) {
    ctx.input_file = args.file;
    if (!args.out.empty()) {  // refused before the work, not after it
        const std::string ext = std::filesystem::path(args.out).extension().string();
        if (ext != ".csv" && ext != ".json") throw CliError("--out: unsupported extension '" + ext + "' (use .json or .csv)");
        check_output_path(args.out);
    }
    Portfolio pf = load_model(args.file, ctx);
    throw_if_invalid(pf);
    ScheduleOptions options;
    options.critical_float = Duration{args.critical_float};
    if (!args.status_date.empty()) options.status_date = parse_instant(args.status_date);
    if (args.progress == "override") options.progress_mode = ProgressMode::progress_override;
    const ScheduleResult r = schedule(pf, options);

    if (args.json) {
        std::cout << write_schedule_json(pf, r);
    } else if (!ctx.quiet) {
        print_summary(pf, r, std::cout);
    }
    if (!args.out.empty()) {
        const std::filesystem::path out(args.out);
        const std::string ext = out.extension().string();
        if (ext == ".csv")
            write_text_file(write_schedule_csv(pf, r), out);
        else if (ext == ".json")
            write_text_file(write_schedule_json(pf, r), out);
        else
            throw CliError("--out: unsupported extension '" + ext + "' (use .json or .csv)");
        if (!ctx.quiet && !args.json) std::cout << "Wrote " << args.out << "\n";
    }
    return kOk;
}

}  // namespace

void add_schedule_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ScheduleArgs>();
    CLI::App* cmd = app.add_subcommand("schedule", "Schedule a model (CPM) and print a portfolio summary");
    cmd->footer(
        "Example:\n  ppm schedule examples/portfolio.json --out schedule.csv\n"
        "Prints each project's start, finish, deadline, minimum float and critical task count, the\n"
        "portfolio finish and the critical path; --out writes every task's dates and floats.");
    cmd->add_option("FILE", args->file, "Model file: .json, MS Project .xml (MSPDI), P6 .xer / .xml (PMXML), .mpx")->required()->check(readable_file());
    cmd->add_option("--out,-o", args->out, "Write the full result to OUT.json or OUT.csv");
    cmd->add_option("--status-date", args->status_date, "Data date YYYY-MM-DD[THH:MM] (overrides the file's)")->check(date_value());
    cmd->add_option("--critical-float", args->critical_float, "Critical when total float <= this many working minutes")
        ->transform(integer_in<std::int64_t>(0));
    cmd->add_option("--progress", args->progress, "Progressed tasks: retained (logic) or override")
        ->check(one_of({"retained", "override"}));
    cmd->add_flag("--json", args->json, "Print the full result as JSON on stdout instead of the summary");
    cmd->callback([args, &ctx] { ctx.exit_code = run(*args, ctx); });
}

}  // namespace ppm::cli
