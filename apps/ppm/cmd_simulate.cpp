// `ppm simulate FILE.json --iterations N [--seed S] [--json]`: Monte Carlo schedule risk analysis (issue 5).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "present.hpp"
#include "model_input.hpp"
#include "progress.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/evm/status_period.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/io/control_json.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/risk/simulation_model.hpp"

namespace ppm::cli {
namespace {

struct SimulateArgs {
    std::string file;
    std::uint64_t iterations = 0;
    std::uint64_t seed = 0;
    bool seed_given = false;
    unsigned threads = 0;
    std::string target;
    bool json = false;
    bool level = false;
    std::string calendars;
    std::int64_t level_period = 0;
    int top = 10;
};

std::string fixed(double v, const char* fmt) {
    if (!std::isfinite(v)) return "n/a";
    char b[48];
    std::snprintf(b, sizeof b, fmt, v);
    return b;
}

int run(const SimulateArgs& args, Context& ctx) {
    ctx.input_file = args.file;
    require_ppm_json(args.file, "simulate");  // its uncertainty, risks and status live in ppm JSON sections
    ModelDocument doc = load_document(args.file, ctx);
    const ControlData& control = doc.control;
    // The forecast starts from what the status periods report (remaining work, actuals, data date).
    const Portfolio pf = apply_status_periods(std::move(doc.portfolio), control.status);
    throw_if_invalid(pf);
    std::optional<Instant> data_date;
    for (const auto& s : control.status) data_date = std::max(data_date.value_or(s.date), s.date);
    UncertaintySpec spec = control.uncertainty;
    if (args.level) spec.level = true;
    if (args.level_period > 0) spec.level_period = args.level_period;
    if (!args.calendars.empty())
        spec.calendars = args.calendars == "axis" ? SimulationCalendars::axis
                         : args.calendars == "per_task" ? SimulationCalendars::per_task : SimulationCalendars::automatic;
    const SimulationModel model = build_simulation_model(pf, control.risks, spec);
    MonteCarloOptions opt;
    opt.iterations = args.iterations > 0 ? args.iterations : control.uncertainty.iterations;
    opt.seed = args.seed_given ? args.seed : control.uncertainty.seed;
    opt.threads = args.threads;
    opt.repair_correlation = control.uncertainty.repair_correlation;
    opt.level = spec.level;
    // Progress on stderr only when it is a terminal (never into pipes, logs or --json consumers).
    opt.stop = ctx.interruptible();  // Ctrl-C: the iterations done so far, exit 5
    ProgressBar bar("simulate", ctx.quiet);
    if (bar.active()) opt.progress = [&bar](double f) { bar.update(f); };
    const MonteCarloResult r = simulate(model.input, opt);
    bar.finish();

    std::optional<Instant> target = control.uncertainty.target_finish;
    if (!args.target.empty()) {
        try {
            target = parse_instant(args.target);
        } catch (const ModelError& e) {
            throw CliError(std::string("--target: ") + e.what());
        }
    }
    const auto date_of = [&](double minutes) { return to_string(model.to_instant(static_cast<std::int64_t>(std::llround(minutes)))); };
    std::vector<std::size_t> order(model.task.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) {
        const double ca = std::isnan(r.cruciality[a]) ? -1 : std::abs(r.cruciality[a]);
        const double cb = std::isnan(r.cruciality[b]) ? -1 : std::abs(r.cruciality[b]);
        if (r.criticality[a] != r.criticality[b]) return r.criticality[a] > r.criticality[b];
        return ca > cb;
    });
    const double p_target = target ? probability_of_meeting(r, model.to_minutes(*target)) : std::nan("");

    if (args.json) {
        nlohmann::json pct = nlohmann::json::array();
        for (std::size_t k = 0; k < r.percentile.size(); ++k)
            pct.push_back({{"p", r.percentile[k]}, {"finish", date_of(r.finish_at[k])}, {"finish_working_minutes", r.finish_at[k]},
                           {"cost", r.cost_at[k] / 100.0}});
        nlohmann::json hist_edges = nlohmann::json::array(), hist_dates = nlohmann::json::array();
        for (double e : r.finish_histogram.edge) {
            hist_edges.push_back(e);
            hist_dates.push_back(date_of(e));
        }
        nlohmann::json tasks = nlohmann::json::array();
        for (std::size_t i = 0; i < model.task.size(); ++i)
            tasks.push_back({{"id", model.task[i].str()}, {"project", model.project[model.project_of[i].value()].str()}, {"criticality", r.criticality[i]},
                             {"sensitivity", jnum(r.sensitivity[i])}, {"cruciality", jnum(r.cruciality[i])}});
        nlohmann::json events = nlohmann::json::array();
        for (std::size_t e = 0; e < model.input.events.size(); ++e)
            events.push_back({{"risk", model.event_risk[e]}, {"probability", model.input.events[e].probability},
                              {"occurred", r.iterations ? static_cast<double>(r.event_hits[e]) / static_cast<double>(r.iterations) : 0.0}});
        std::vector<double> cost_major;
        nlohmann::json out{{"status", std::string(to_string(r.status))},
                           {"iterations", r.iterations},
                           {"seed", opt.seed},
                           {"levelled", opt.level},
                           {"calendars", model.per_task_calendars() ? "per_task" : "axis"},
                           {"minutes", model.elapsed ? "elapsed" : "working"},
                           {"origin", to_string(model.origin)},
                           {"data_date", data_date ? nlohmann::json(to_string(*data_date)) : nlohmann::json(nullptr)},
                           {"deterministic_finish", date_of(static_cast<double>(r.deterministic_finish))},
                           {"finish_mean", date_of(r.finish_mean)},
                           {"finish_mean_working_minutes", r.finish_mean},
                           {"finish_stddev_working_minutes", r.finish_stddev},
                           {"cost_mean", r.cost_mean / 100.0},
                           {"percentiles", pct},
                           {"finish_histogram", {{"edges_working_minutes", hist_edges}, {"edges", hist_dates}, {"counts", r.finish_histogram.count}}},
                           {"tasks", tasks},
                           {"risk_events", events}};
        if (target) out["target"] = {{"date", to_string(*target)}, {"probability", p_target}};
        std::cout << out.dump(2) << "\n";
        return r.status == SimulationStatus::completed ? kOk : kCancelled;
    }
    if (ctx.quiet) return kOk;
    std::cout << "Monte Carlo schedule risk analysis: " << r.iterations << " iterations, seed " << opt.seed << ", "
              << model.task.size() << " tasks, " << model.input.events.size() << " risk events, "
              << model.input.correlations.size() << " correlation groups\n";
    if (data_date) std::cout << "From the status periods' progress (latest data date " << to_string(*data_date) << ")\n";
    std::cout << "Deterministic finish (mean durations, no risk events): " << date_of(static_cast<double>(r.deterministic_finish)) << "\n";
    std::cout << "Mean finish: " << date_of(r.finish_mean) << " (std dev " << fixed(r.finish_stddev / 60.0, "%.1f")
              << " working hours); mean cost " << fixed(r.cost_mean / 100.0, "%.2f") << "\n\n";
    std::cout << "  P    Finish              Cost\n";
    for (std::size_t k = 0; k < r.percentile.size(); ++k)
        std::cout << "  P" << static_cast<int>(r.percentile[k]) << "  " << date_of(r.finish_at[k]) << "    " << fixed(r.cost_at[k] / 100.0, "%.2f")
                  << "\n";
    if (target) std::cout << "\nProbability of finishing by " << to_string(*target) << ": " << fixed(100.0 * p_target, "%.1f") << " %\n";
    std::cout << "\nFinish histogram:\n";
    std::uint64_t peak = 1;
    for (auto c : r.finish_histogram.count) peak = std::max(peak, c);
    for (std::size_t b = 0; b < r.finish_histogram.count.size(); ++b)
        std::cout << "  " << date_of(r.finish_histogram.edge[b]) << " " << std::string(r.finish_histogram.count[b] * 50 / peak, '#') << " "
                  << r.finish_histogram.count[b] << "\n";
    std::cout << "\nMost critical tasks (criticality index, Spearman sensitivity, cruciality):\n";
    for (std::size_t k = 0; k < order.size() && k < static_cast<std::size_t>(args.top); ++k) {
        const auto i = order[k];
        std::cout << "  " << model.task[i].str() << "  CI " << fixed(r.criticality[i], "%.3f") << "  rho " << fixed(r.sensitivity[i], "%+.3f")
                  << "  CRI " << fixed(r.cruciality[i], "%+.3f") << "\n";
    }
    if (!model.input.events.empty()) {
        std::cout << "\nRisk events (probability / share of iterations it occurred):\n";
        for (std::size_t e = 0; e < model.input.events.size(); ++e)
            std::cout << "  " << model.event_risk[e] << "  " << fixed(model.input.events[e].probability, "%.2f") << " / "
                      << fixed(r.iterations ? static_cast<double>(r.event_hits[e]) / static_cast<double>(r.iterations) : 0.0, "%.3f") << "\n";
    }
    return r.status == SimulationStatus::completed ? kOk : kCancelled;
}

}  // namespace

void add_simulate_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<SimulateArgs>();
    CLI::App* cmd = app.add_subcommand("simulate", "Monte Carlo schedule risk analysis (finish/cost distributions, criticality)");
    cmd->footer(
        "Example:\n  ppm simulate plan.json --iterations 10000 --seed 42\n"
        "Durations follow the \"uncertainty\" section, linked risks of the \"risks\" section fire as events\n"
        "(docs/risk.md). Same seed, same answer, whatever the thread count.");
    cmd->add_option("FILE", args->file, "Model file (.json)")->required()->check(readable_file());
    cmd->add_option("--iterations,-n", args->iterations, "Iterations (default: the file's, else 1000)")
        ->transform(integer_in<std::uint64_t>(1, 10'000'000));
    cmd->add_option_function<std::uint64_t>(
        "--seed", [args](const std::uint64_t& s) { args->seed = s, args->seed_given = true; }, "Random seed (default: the file's, else 1)")
        ->transform(seed_value());
    cmd->add_option("--threads", args->threads, "Worker threads (0 = all cores)")->transform(integer_in<unsigned>(0, 256));
    cmd->add_option("--target", args->target, "Date to report the probability of finishing by (YYYY-MM-DD[THH:MM])")
        ->check(date_value());
    cmd->add_option("--top", args->top, "Tasks listed by criticality")->transform(integer_in<int>(0, 1'000'000));
    cmd->add_flag("--json", args->json, "Print the full result as JSON");
    cmd->add_flag("--level", args->level, "Level resources inside each iteration (serial SGS; single working-time axis)");
    cmd->add_option("--level-period", args->level_period, "Levelling grid in working minutes (default: the file's, else 60)")
        ->transform(integer_in<std::int64_t>(1, 1'000'000));
    cmd->add_option("--calendars", args->calendars, "Iteration timing: automatic (default), axis, per_task (exact CPM per task calendar)")
        ->check(one_of({"automatic", "axis", "per_task"}));
    cmd->callback([args, &ctx] { ctx.exit_code = run(*args, ctx); });
}

}  // namespace ppm::cli
