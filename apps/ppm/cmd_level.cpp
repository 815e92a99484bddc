// `ppm level FILE [--out OUT.json|OUT.csv] [--within-float] [--split] [--json]`: level the
// resources of a model (or of an MPLIB .rcmp / MPSPLIB .xml multi-project instance) and print
// each project's finish before and after, the remaining over-allocations and the passes used.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "command.hpp"
#include "model_input.hpp"
#include "options.hpp"
#include "present.hpp"
#include "progress.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/io/level_output.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/multiproject.hpp"
#include "ppm/io/text_file.hpp"
#include "ppm/leveling/level.hpp"
#include "ppm/leveling/level_validator.hpp"
#include "ppm/leveling/multiproject.hpp"

namespace ppm::cli {

namespace {

struct LevelArgs {
    std::string file;
    std::string out;
    bool within_float = false;
    bool split = false;
    bool json = false;
    std::int32_t passes = 16;
    std::string method = "genetic";
    std::int64_t schedules = 0;
    double time_limit = 0.0;
    std::int32_t threads = 1;
    std::uint64_t seed = 1;
    std::string objective = "delay";
    std::int64_t rcpsp_schedules = 0;
    bool check = false;
};

int run(const LevelArgs& args, Context& ctx) {
    ctx.input_file = args.file;
    if (!args.out.empty()) {  // refused before the work, not after it
        const std::string ext = std::filesystem::path(args.out).extension().string();
        if (ext != ".csv" && ext != ".json") throw CliError("--out: unsupported extension '" + ext + "' (use .json or .csv)");
        check_output_path(args.out);
    }
    Portfolio pf;
    std::optional<MultiProjectLevelReport> mi;  // a multi-project instance's TMS / TPD
    MultiProjectInstance mp;
    const MultiProjectPortfolioOptions mpo{};
    if (is_multiproject_file(args.file)) {
        mp = read_multiproject(args.file);
        pf = to_portfolio(mp, mpo);
        mi.emplace();
    } else {
        pf = load_model(args.file, ctx);
        throw_if_invalid(pf);
    }
    LevelOptions opt;
    opt.within_float = args.within_float;
    opt.split = args.split;
    opt.method = args.method == "priority" ? LevelMethod::priority : LevelMethod::genetic;
    opt.passes = args.passes;
    opt.schedules = args.schedules;
    opt.time_limit = args.time_limit;
    opt.threads = args.threads;
    opt.seed = args.seed;
    opt.objective = args.objective == "finish" ? LevelObjective::portfolio_finish : LevelObjective::total_project_delay;
    opt.stop = ctx.interruptible();  // Ctrl-C: the best schedule so far, exit 5
    ProgressBar bar("level", ctx.quiet);  // stderr, only on a terminal
    if (bar.active())
        opt.progress = [&bar](const LevelProgress& p) {
            bar.update(p.max_passes > 0 ? static_cast<double>(p.passes) / p.max_passes : 0.0,
                       "schedule " + std::to_string(p.passes) + "/" + std::to_string(p.max_passes));
        };
    const LevelResult r = level(pf, opt);
    bar.finish();
    if (mi) {
        mi->start_times = start_periods(r, mpo);
        mi->objectives = evaluate(mp, mi->start_times);
        if (args.rcpsp_schedules > 0) {  // the comparison: the RCPSP GA on the combined instance
            RcpspOptions ro;
            ro.max_schedules = args.rcpsp_schedules;
            ro.seed = opt.seed;
            ro.stop = opt.stop;
            const std::vector<std::int32_t> ga = solve_combined(mp, ro);
            if (!ga.empty()) mi->rcpsp_ga = evaluate(mp, ga);
        }
    }

    // The independent check (--check): every rule the levelled schedule breaks, outside the
    // over-allocations it reports itself.
    std::optional<std::vector<Violation>> check;
    if (args.check) check = validate_level(pf, r, {.schedule = opt.schedule});
    const std::vector<Violation>* broken = check ? &*check : nullptr;

    if (args.json) {
        std::cout << write_level_json(r, mi ? &*mi : nullptr, broken);
    } else if (!ctx.quiet) {
        std::ostream& os = std::cout;
        os << "Levelled " << pf.projects.size() << " projects, " << pf.task_count() << " tasks, "
           << r.histogram.resource.size() << " resources (" << (args.within_float ? "within float" : "finish may move")
           << (args.split ? ", split allowed" : "") << "): " << to_string(r.status) << "\n\n";
        os << pad("Project", 24) << pad("CPM finish", 18) << pad("Levelled finish", 18) << "Delay\n";
        for (std::size_t p = 0; p < r.project_id.size(); ++p) {
            os << pad(r.project_id[p].str(), 24) << pad(to_string(r.project_cpm_finish[p]), 18)
               << pad(to_string(r.project_finish[p]), 18) << days(r.project_delay[p], kMinutesPerDay) << " (elapsed)\n";
        }
        os << "\nPortfolio finish: " << to_string(r.portfolio_cpm_finish) << " -> " << to_string(r.portfolio_finish) << "\n";
        std::size_t delayed = 0;
        for (std::size_t i = 0; i < r.delay.size(); ++i) delayed += r.delay[i].count() > 0;
        os << "Tasks delayed: " << delayed << "; " << to_string(r.method) << ", best of " << r.passes
           << " schedules (" << r.best_rule << "), " << r.seconds << " s\n";
        os << "One-pass priority heuristic: finish " << to_string(r.one_pass_portfolio_finish) << ", total project delay "
           << days(r.one_pass_total_project_delay, kMinutesPerDay) << " (elapsed); this run: "
           << days(r.total_project_delay, kMinutesPerDay) << "\n";
        if (mi)
            os << "Multi-project: TMS " << mi->objectives.total_makespan << " (lower bound " << mi->objectives.tms_lower_bound
               << "), TPD " << mi->objectives.total_project_delay << " periods\n";
        if (mi && mi->rcpsp_ga)
            os << "RCPSP GA on the combined instance: TMS " << mi->rcpsp_ga->total_makespan << ", TPD "
               << mi->rcpsp_ga->total_project_delay << " periods\n";
        if (!r.over_allocations.empty()) {
            os << "Over-allocations remaining: " << r.over_allocations.size() << "\n";
            for (std::size_t k = 0; k < r.over_allocations.size() && k < 8; ++k) {
                const auto& o = r.over_allocations[k];
                os << "  " << o.resource.str() << " " << to_string(o.from) << " - " << to_string(o.to) << ": " << o.demand
                   << " units on " << o.capacity << "\n";
            }
        }
        if (check) {
            if (check->empty()) os << "Independent check (links, calendars, capacity over time, pieces): no rule broken\n";
            else os << "Independent check: " << check->size() << " broken rule" << (check->size() == 1 ? "" : "s") << "\n";
            for (std::size_t k = 0; k < check->size() && k < 8; ++k)
                os << "  " << to_string((*check)[k].kind) << " " << (*check)[k].task << ": " << (*check)[k].message << "\n";
        }
    }
    if (!args.out.empty()) {
        const std::string ext = std::filesystem::path(args.out).extension().string();
        if (ext == ".csv") write_text_file(write_level_csv(r), args.out);
        else if (ext == ".json") write_text_file(write_level_json(r, mi ? &*mi : nullptr, broken), args.out);
        else throw CliError("--out: unsupported extension '" + ext + "' (use .json or .csv)");
        if (!ctx.quiet && !args.json) std::cout << "Wrote " << args.out << "\n";
    }
    return check && !check->empty() ? kFailure : kOk;
}

}  // namespace

void add_level_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<LevelArgs>();
    CLI::App* cmd = app.add_subcommand("level", "Level resources across a portfolio (shared resources, priorities)");
    cmd->footer(
        "Example:\n  ppm level examples/portfolio.json --out levelled.csv\n"
        "  ppm level MPLIB1_Set1_0.rcmp --json      (MPLIB .rcmp and MPSPLIB .xml instances too)\n"
        "Prints each project's finish before and after levelling and what stays over-allocated;\n"
        "--out writes every task's levelled dates and delay (.json adds histograms).");
    cmd->add_option("FILE", args->file, "Model file (.json) or multi-project instance (.rcmp, .xml)")->required()->check(readable_file());
    cmd->add_option("--out,-o", args->out, "Write the result to OUT.json or OUT.csv");
    cmd->add_flag("--within-float", args->within_float, "Level only within available float (finishes never move)");
    cmd->add_flag("--split", args->split, "Allow tasks to be split around busy periods");
    cmd->add_flag("--json", args->json, "Print the full result as JSON on stdout");
    cmd->add_option("--method", args->method, "genetic (default: activity-list GA) or priority (rule passes, see --passes)")
        ->check(one_of({"genetic", "priority"}));
    cmd->add_option("--schedules", args->schedules, "Genetic: budget in schedules (SGS passes); default from the size")
        ->transform(integer_in<std::int64_t>(1, 1'000'000'000));
    cmd->add_option("--time-limit", args->time_limit, "Stop after S seconds with the best schedule so far")
        ->check(number_at_least(0.0));
    cmd->add_option("--threads", args->threads, "Threads decoding schedules (same answer for any count)")
        ->transform(integer_in<std::int32_t>(1, 256));
    cmd->add_option("--passes", args->passes, "Priority method: schedule passes (1 = one-pass priority heuristic)")
        ->transform(integer_in<std::int32_t>(1, 100000));
    cmd->add_option("--seed", args->seed, "Random seed of the sampled passes")->transform(seed_value());
    cmd->add_option("--objective", args->objective, "Keep the schedule with the least total project delay, or the earliest finish")
        ->check(one_of({"delay", "finish"}));
    cmd->add_option("--rcpsp-schedules", args->rcpsp_schedules,
                    "Multi-project instances: also run the RCPSP GA with this budget and report its TMS/TPD")
        ->transform(integer_in<std::int64_t>(0, 1'000'000'000));
    cmd->add_flag("--check", args->check,
                  "Check the levelled schedule independently (links, calendars, constraints, capacity over time, pieces); "
                  "exit 1 when a rule is broken");
    cmd->callback([args, &ctx] { ctx.exit_code = run(*args, ctx); });
}

}  // namespace ppm::cli
