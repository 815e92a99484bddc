// `ppm rcpsp FILE.sm [--schedules N] [--time-limit SECONDS] [--seed S] [--threads T] [--json]`:
// solves a PSPLIB single-mode RCPSP instance with the levelling GA (docs/leveling.md).
// The JSON shape is a fixed interface (issue 3): makespan, lower_bound, status, start_times (one
// per job of the file, in file order, dummies included), schedules, seconds.
// Extension: a multi-mode `.mm` file is solved by the MRCPSP GA and an RCPSP/max `.sch` file by the
// RCPSP/max SGS; their JSON has the same keys plus "modes" (.mm, 1-based as in the file),
// "positive_cycle" (.sch, when infeasible) and "cpu_seconds", and status can also be
// "infeasible" (proven) or "no_solution".
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/leveling/mrcpsp.hpp"
#include "ppm/leveling/rcpsp_max_solver.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"

namespace ppm::cli {

namespace {

struct RcpspArgs {
    std::string file;
    std::int64_t schedules = 5000;
    double time_limit = 0.0;
    std::uint64_t seed = 1;
    std::int32_t threads = 1;
    bool json = false;
};

std::string lower_extension(const std::string& file) {
    std::string ext = std::filesystem::path(file).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

double cpu_seconds(std::clock_t since) { return static_cast<double>(std::clock() - since) / CLOCKS_PER_SEC; }

/// A variant result (.mm or .sch) as JSON or text; `extra` adds the variant's own fields.
template <class Result, class Extra>
int print_variant(const RcpspArgs& args, const Context& ctx, const Result& result, std::clock_t cpu0, Extra extra) {
    const std::string status{to_string(result.status)};
    if (args.json) {
        nlohmann::json out;
        out["makespan"] = result.makespan;
        out["lower_bound"] = result.lower_bound;
        out["status"] = status;
        out["start_times"] = result.start_times;
        out["schedules"] = result.schedules;
        out["seconds"] = result.seconds;
        out["cpu_seconds"] = cpu_seconds(cpu0);
        extra(out);
        std::cout << out.dump() << "\n";
    } else if (!ctx.quiet) {
        std::cout << args.file << ": makespan " << result.makespan << " (" << status << "), lower bound "
                  << result.lower_bound << ", " << result.schedules << " schedules in " << result.seconds << " s\n";
    }
    return result.start_times.empty() ? kFailure : kOk;
}

int run_rcpsp(const RcpspArgs& args, Context& ctx) {
    if (args.schedules <= 0 && args.time_limit <= 0)
        throw CliError("rcpsp: --schedules must be > 0 unless --time-limit is given");
    const std::string ext = lower_extension(args.file);
    if (ext == ".mm") {
        const std::clock_t cpu0 = std::clock();
        const PsplibProject project = read_psplib(args.file);
        MrcpspOptions options;
        options.max_schedules = args.schedules;
        options.time_limit_seconds = args.time_limit;
        options.seed = args.seed;
        options.stop = ctx.interruptible();  // Ctrl-C: the best schedule so far, exit 5
        const MrcpspResult result = solve_mrcpsp(project, options);
        return print_variant(args, ctx, result, cpu0, [&](nlohmann::json& out) {
            std::vector<std::int32_t> modes = result.modes;
            for (std::int32_t& m : modes) ++m;
            out["modes"] = modes;
        });
    }
    if (ext == ".sch") {
        const std::clock_t cpu0 = std::clock();
        const RcpspMaxProject project = read_psplib_max(args.file);
        RcpspMaxOptions options;
        options.max_schedules = args.schedules;
        options.time_limit_seconds = args.time_limit;
        options.seed = args.seed;
        options.stop = ctx.interruptible();
        const RcpspMaxResult result = solve_rcpsp_max(project, options);
        return print_variant(args, ctx, result, cpu0, [&](nlohmann::json& out) {
            if (result.status == RcpspMaxStatus::infeasible) out["positive_cycle"] = result.positive_cycle;
        });
    }
    const RcpspInstance instance = read_psplib_sm(args.file);
    RcpspOptions options;
    options.max_schedules = args.schedules;
    options.time_limit_seconds = args.time_limit;
    options.seed = args.seed;
    options.threads = args.threads;
    options.stop = ctx.interruptible();
    const RcpspResult result = solve_rcpsp(instance, options);
    if (args.json) {
        nlohmann::json out;
        out["makespan"] = result.makespan;
        out["lower_bound"] = result.lower_bound;
        out["status"] = result.status == RcpspStatus::optimal ? "optimal" : "feasible";
        out["start_times"] = result.start_times;
        out["schedules"] = result.schedules;
        out["seconds"] = result.seconds;
        std::cout << out.dump() << "\n";
    } else if (!ctx.quiet) {
        std::cout << instance.name() << ": " << instance.num_jobs() << " jobs, " << instance.num_resources()
                  << " resources\n"
                  << "makespan     " << result.makespan << " (" << to_string(result.status) << ")\n"
                  << "lower bound  " << result.lower_bound << " (critical path " << result.bounds.critical_path
                  << ", energy " << result.bounds.energy << ")\n"
                  << "schedules    " << result.schedules << " in " << result.seconds << " s, stopped by "
                  << to_string(result.stop_reason) << "\n"
                  << "start times ";
        for (std::int32_t s : result.start_times) std::cout << ' ' << s;
        std::cout << "\n";
    }
    return result.status == RcpspStatus::no_solution ? kFailure : kOk;
}

}  // namespace

void add_rcpsp_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<RcpspArgs>();
    CLI::App* cmd = app.add_subcommand(
        "rcpsp", "Solve a PSPLIB .sm RCPSP instance (minimum makespan); also .mm (multi-mode) and .sch (RCPSP/max)\n"
                 "Example: ppm rcpsp j301_1.sm --schedules 5000 --json");
    cmd->add_option("FILE", args->file, "PSPLIB single-mode instance (.sm), multi-mode (.mm) or RCPSP/max (.sch)")
        ->required()
        ->check(readable_file());
    cmd->add_option("--schedules", args->schedules, "Budget in generated schedules (SGS passes; 0: only --time-limit)")
        ->capture_default_str()
        ->transform(integer_in<std::int64_t>(0, 1'000'000'000));
    cmd->add_option("--time-limit", args->time_limit, "Wall-clock limit in seconds (0: none)")
        ->capture_default_str()
        ->check(number_at_least(0.0));
    cmd->add_option("--seed", args->seed, "Random seed (same seed and threads: same answer)")
        ->capture_default_str()
        ->transform(seed_value());
    cmd->add_option("--threads", args->threads, "Independent GA islands run in parallel")
        ->capture_default_str()
        ->transform(integer_in<std::int32_t>(1, 256));
    cmd->add_flag("--json", args->json, "Print one JSON object on stdout");
    cmd->callback([args, &ctx] { ctx.exit_code = run_rcpsp(*args, ctx); });
}

}  // namespace ppm::cli
