// `ppm level FILE [--out OUT.json|OUT.csv] [--within-float] [--split] [--json]`: level the
// resources of a model (or of an MPLIB .rcmp / MPSPLIB .xml multi-project instance) and print
// each project's finish before and after, the remaining over-allocations and the passes used.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "command.hpp"
#include "options.hpp"
#include "model_input.hpp"
#include "progress.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/io/csv.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/leveling/level.hpp"
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
};

std::string pad(std::string s, std::size_t width) {
    if (s.size() > width) s = s.substr(0, width - 1) + "~";
    s.resize(width, ' ');
    return s;
}

std::string days(Duration d, std::int64_t per_day) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%+.1fd", static_cast<double>(d.count()) / static_cast<double>(per_day));
    return buf;
}

struct MultiInfo {
    bool present = false;
    leveling::MultiProjectObjectives objectives;
    std::vector<std::int32_t> start_times;
    bool ga = false;  ///< The RCPSP GA also ran on the combined instance.
    leveling::MultiProjectObjectives ga_objectives;
};

nlohmann::json to_json(const leveling::LevelResult& r, const MultiInfo& mi) {
    using nlohmann::json;
    json j;
    j["status"] = std::string(leveling::to_string(r.status));
    j["method"] = std::string(leveling::to_string(r.method));
    j["passes"] = r.passes;
    j["best_rule"] = r.best_rule;
    j["one_pass_portfolio_finish"] = to_string(r.one_pass_portfolio_finish);
    j["one_pass_total_project_delay_minutes"] = r.one_pass_total_project_delay.count();
    j["seconds"] = r.seconds;
    j["portfolio_cpm_finish"] = to_string(r.portfolio_cpm_finish);
    j["portfolio_finish"] = to_string(r.portfolio_finish);
    j["total_project_delay_minutes"] = r.total_project_delay.count();
    j["weighted_project_delay_minutes"] = r.weighted_project_delay;
    json projects = json::array();
    for (std::size_t p = 0; p < r.project_id.size(); ++p)
        projects.push_back({{"id", r.project_id[p].str()},
                            {"cpm_finish", to_string(r.project_cpm_finish[p])},
                            {"finish", to_string(r.project_finish[p])},
                            {"delay_minutes", r.project_delay[p].count()}});
    j["projects"] = std::move(projects);
    json tasks = json::array();
    for (std::size_t i = 0; i < r.task_id.size(); ++i) {
        json t{{"id", r.task_id[i].str()},
               {"project", r.project_id[r.project[i]].str()},
               {"start", to_string(r.start[i])},
               {"finish", to_string(r.finish[i])},
               {"cpm_start", to_string(r.cpm_start[i])},
               {"cpm_finish", to_string(r.cpm_finish[i])},
               {"delay_minutes", r.delay[i].count()},
               {"summary", r.is_summary[i] != 0},
               {"split", r.is_split[i] != 0}};
        if (r.is_split[i]) {
            json pieces = json::array();
            for (std::uint32_t k = r.piece_offsets[i]; k < r.piece_offsets[i + 1]; ++k)
                pieces.push_back({to_string(r.piece_start[k]), to_string(r.piece_finish[k])});
            t["pieces"] = std::move(pieces);
        }
        tasks.push_back(std::move(t));
    }
    j["tasks"] = std::move(tasks);
    json over = json::array();
    for (const auto& o : r.over_allocations)
        over.push_back({{"resource", o.resource.str()}, {"from", to_string(o.from)}, {"to", to_string(o.to)},
                        {"demand", o.demand}, {"capacity", o.capacity}});
    j["over_allocations"] = std::move(over);
    const auto& h = r.histogram;
    json hist{{"start", to_string(h.start)}, {"period_minutes", h.period.count()}, {"buckets", h.bucket_count}};
    json res = json::array();
    const std::size_t nb = static_cast<std::size_t>(h.bucket_count);
    for (std::size_t k = 0; k < h.resource.size(); ++k) {
        auto slice = [&](const std::vector<double>& v) { return std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(k * nb), v.begin() + static_cast<std::ptrdiff_t>((k + 1) * nb)); };
        std::vector<double> cap = slice(h.capacity);
        for (double& c : cap) if (!std::isfinite(c)) c = 0.0;
        res.push_back({{"id", h.resource[k].str()}, {"peak_demand", slice(h.peak_demand)}, {"capacity", cap}, {"load_unit_minutes", slice(h.load)}});
    }
    hist["resources"] = std::move(res);
    j["histogram"] = std::move(hist);
    j["warnings"] = r.warnings;
    if (mi.present) {
        j["multiproject"] = {{"total_makespan", mi.objectives.total_makespan},
                             {"total_project_delay", mi.objectives.total_project_delay},
                             {"tms_lower_bound", mi.objectives.tms_lower_bound},
                             {"project_finish", mi.objectives.project_finish},
                             {"project_cpm_finish", mi.objectives.project_cpm_finish},
                             {"start_times", mi.start_times}};
        if (mi.ga)
            j["multiproject"]["rcpsp_ga"] = {{"total_makespan", mi.ga_objectives.total_makespan},
                                             {"total_project_delay", mi.ga_objectives.total_project_delay}};
    }
    return j;
}

std::string to_csv(const leveling::LevelResult& r) {
    std::ostringstream os;
    os << "task_id,project_id,start,finish,cpm_start,cpm_finish,delay_minutes,summary,split\n";
    for (std::size_t i = 0; i < r.task_id.size(); ++i) {
        os << csv_field(r.task_id[i].str()) << ',' << csv_field(r.project_id[r.project[i]].str()) << ',' << to_string(r.start[i]) << ',' << to_string(r.finish[i]) << ','
           << to_string(r.cpm_start[i]) << ',' << to_string(r.cpm_finish[i]) << ',' << r.delay[i].count() << ','
           << int(r.is_summary[i]) << ',' << int(r.is_split[i]) << '\n';
    }
    return os.str();
}

void write_file(const std::string& text, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    if (!out || !(out << text)) throw ParseError::io(path, "cannot write file");
}

int run(const LevelArgs& args, Context& ctx) {
    ctx.input_file = args.file;
    if (!args.out.empty()) {  // refused before the work, not after it
        const std::string ext = std::filesystem::path(args.out).extension().string();
        if (ext != ".csv" && ext != ".json") throw CliError("--out: unsupported extension '" + ext + "' (use .json or .csv)");
        check_output_path(args.out);
    }
    Portfolio pf;
    MultiInfo mi;
    leveling::MultiProjectInstance mp;
    const leveling::MultiProjectPortfolioOptions mpo{};
    if (leveling::is_multiproject_file(args.file)) {
        mp = leveling::read_multiproject(args.file);
        pf = leveling::to_portfolio(mp, mpo);
        mi.present = true;
    } else {
        pf = load_model(args.file, ctx);
        throw_if_invalid(pf);
    }
    leveling::LevelOptions opt;
    opt.within_float = args.within_float;
    opt.split = args.split;
    opt.method = args.method == "priority" ? leveling::LevelMethod::priority : leveling::LevelMethod::genetic;
    opt.passes = args.passes;
    opt.schedules = args.schedules;
    opt.time_limit = args.time_limit;
    opt.threads = args.threads;
    opt.seed = args.seed;
    opt.objective = args.objective == "finish" ? leveling::LevelObjective::portfolio_finish : leveling::LevelObjective::total_project_delay;
    opt.stop = ctx.interruptible();  // Ctrl-C: the best schedule so far, exit 5
    ProgressBar bar("level", ctx.quiet);  // stderr, only on a terminal
    if (bar.active())
        opt.progress = [&bar](const leveling::LevelProgress& p) {
            bar.update(p.max_passes > 0 ? static_cast<double>(p.passes) / p.max_passes : 0.0,
                       "schedule " + std::to_string(p.passes) + "/" + std::to_string(p.max_passes));
        };
    const leveling::LevelResult r = leveling::level(pf, opt);
    bar.finish();
    if (mi.present) {
        mi.start_times = leveling::start_periods(r, mpo);
        mi.objectives = leveling::evaluate(mp, mi.start_times);
        if (args.rcpsp_schedules > 0) {  // the comparison: the RCPSP GA on the combined instance
            leveling::RcpspOptions ro;
            ro.max_schedules = args.rcpsp_schedules;
            ro.seed = opt.seed;
            ro.stop = opt.stop;
            const std::vector<std::int32_t> ga = leveling::solve_combined(mp, ro);
            if (!ga.empty()) {
                mi.ga_objectives = leveling::evaluate(mp, ga);
                mi.ga = true;
            }
        }
    }

    if (args.json) {
        std::cout << to_json(r, mi).dump(2) << "\n";
    } else if (!ctx.quiet) {
        std::ostream& os = std::cout;
        os << "Levelled " << pf.projects.size() << " projects, " << pf.task_count() << " tasks, "
           << r.histogram.resource.size() << " resources (" << (args.within_float ? "within float" : "finish may move")
           << (args.split ? ", split allowed" : "") << "): " << leveling::to_string(r.status) << "\n\n";
        os << pad("Project", 24) << pad("CPM finish", 18) << pad("Levelled finish", 18) << "Delay\n";
        for (std::size_t p = 0; p < r.project_id.size(); ++p) {
            os << pad(r.project_id[p].str(), 24) << pad(to_string(r.project_cpm_finish[p]), 18)
               << pad(to_string(r.project_finish[p]), 18) << days(r.project_delay[p], kMinutesPerDay) << " (elapsed)\n";
        }
        os << "\nPortfolio finish: " << to_string(r.portfolio_cpm_finish) << " -> " << to_string(r.portfolio_finish) << "\n";
        std::size_t delayed = 0;
        for (std::size_t i = 0; i < r.delay.size(); ++i) delayed += r.delay[i].count() > 0;
        os << "Tasks delayed: " << delayed << "; " << leveling::to_string(r.method) << ", best of " << r.passes
           << " schedules (" << r.best_rule << "), " << r.seconds << " s\n";
        os << "One-pass priority heuristic: finish " << to_string(r.one_pass_portfolio_finish) << ", total project delay "
           << days(r.one_pass_total_project_delay, kMinutesPerDay) << " (elapsed); this run: "
           << days(r.total_project_delay, kMinutesPerDay) << "\n";
        if (mi.present)
            os << "Multi-project: TMS " << mi.objectives.total_makespan << " (lower bound " << mi.objectives.tms_lower_bound
               << "), TPD " << mi.objectives.total_project_delay << " periods\n";
        if (mi.ga)
            os << "RCPSP GA on the combined instance: TMS " << mi.ga_objectives.total_makespan << ", TPD "
               << mi.ga_objectives.total_project_delay << " periods\n";
        if (!r.over_allocations.empty()) {
            os << "Over-allocations remaining: " << r.over_allocations.size() << "\n";
            for (std::size_t k = 0; k < r.over_allocations.size() && k < 8; ++k) {
                const auto& o = r.over_allocations[k];
                os << "  " << o.resource.str() << " " << to_string(o.from) << " - " << to_string(o.to) << ": " << o.demand
                   << " units on " << o.capacity << "\n";
            }
        }
    }
    if (!args.out.empty()) {
        const std::string ext = std::filesystem::path(args.out).extension().string();
        if (ext == ".csv") write_file(to_csv(r), args.out);
        else if (ext == ".json") write_file(to_json(r, mi).dump(2) + "\n", args.out);
        else throw CliError("--out: unsupported extension '" + ext + "' (use .json or .csv)");
        if (!ctx.quiet && !args.json) std::cout << "Wrote " << args.out << "\n";
    }
    return kOk;
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
    cmd->callback([args, &ctx] { ctx.exit_code = run(*args, ctx); });
}

}  // namespace ppm::cli
