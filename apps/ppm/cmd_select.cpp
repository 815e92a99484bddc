// `ppm select FILE.json [--budget B] [--frontier K] [--json]`: choose the portfolio (MILP, CBC),
// compare the file's what-if scenarios, or sweep the efficient frontier over the budget.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "present.hpp"
#include "progress.hpp"
#include "ppm/portfolio/selection_json.hpp"

namespace ppm::cli {

namespace {

struct SelectArgs {
    std::string file;
    std::optional<double> budget;
    int frontier = 0;
    bool json = false;
    std::optional<double> time_limit;
    std::optional<double> gap;
    bool no_scenarios = false;
    bool greedy = false;
};

std::string money(double x) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.0f", x);
    return buf;
}
std::string g3(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", std::abs(x) < 1e-12 ? 0.0 : x);
    return buf;
}

void print_result(const SelectionProblem& p, const SelectionResult& r, std::ostream& os) {
    os << "Status: " << to_string(r.status) << "   objective (" << p.objective << "): " << r.objective
       << "   bound: " << r.best_bound << "   gap: " << fixed3(100.0 * r.gap) << "%   " << fixed3(r.seconds) << " s\n";
    if (!r.has_solution) return;
    os << "Selected " << r.selected_ids().size() << " of " << r.candidate.size() << ", spend " << money(r.total_spend.major())
       << (p.total_budget ? " of " + money(p.total_budget->major()) : std::string()) << ", risk " << r.total_risk << "\n\n";
    os << pad("Candidate", 12) << pad("Name", 28) << pad("Start", 9) << pad("Value", 12) << pad("Cost", 12) << "Why not\n";
    for (std::size_t i = 0; i < r.candidate.size(); ++i) {
        std::string start = r.start[i] < 0 ? "-"
                            : p.period_labels.empty() ? std::to_string(r.start[i])
                                                      : p.period_labels[static_cast<std::size_t>(r.start[i])];
        os << pad(r.candidate[i], 12) << pad(p.candidates[i].name, 28) << pad(start, 9) << pad(fixed3(r.value[i]), 12)
           << pad(money(p.candidates[i].total_cost().major()), 12)
           << (r.selected[i] ? std::string("selected") : std::string(to_string(r.reason[i])) + ": " + r.reason_detail[i])
           << "\n";
    }
    bool header = false;
    for (std::size_t t = 0; t < r.budget_binding.size(); ++t) {
        if (!r.budget_binding[t] && r.budget_shadow_price[t] <= 1e-9) continue;
        if (!header) os << "\nBinding constraints (slack; LP-relaxation shadow price per unit):\n";
        header = true;
        os << "  budget " << (p.period_labels.empty() ? std::to_string(t) : p.period_labels[t]) << ": slack "
           << money(r.budget_slack[t]) << ", shadow " << g3(r.budget_shadow_price[t]) << "\n";
    }
    const std::size_t T = r.spend.size();
    for (std::size_t k = 0; k < r.role_binding.size(); ++k) {
        if (!r.role_binding[k] && r.role_shadow_price[k] <= 1e-9) continue;
        if (!header) os << "\nBinding constraints (slack; LP-relaxation shadow price per unit):\n";
        header = true;
        const std::size_t t = k % T;
        os << "  role " << r.roles[k / T] << " " << (p.period_labels.empty() ? std::to_string(t) : p.period_labels[t])
           << ": slack " << fixed3(r.role_slack[k]) << ", shadow " << g3(r.role_shadow_price[k]) << "\n";
    }
}

int run(const SelectArgs& args, Context& ctx) {
    ctx.input_file = args.file;
    SelectionDocument doc = read_selection_document(args.file);
    if (!doc.has_selection)  // the file lacks what the command needs: bad input (exit 3), not usage
        throw ParseError::unexpected(args.file, 0, 0, "no \"selection\" section: ppm select needs one (docs/selection.md)");
    const auto scores = apply_alignment(doc);
    SelectionProblem& p = doc.problem;
    if (args.budget) {
        const double old_total = p.total_budget ? p.total_budget->major() : 0.0;
        double reference = old_total;
        if (reference <= 0.0)
            for (Money b : p.period_budget) reference += b.major();
        if (reference > 0.0)
            for (Money& b : p.period_budget) b = Money::from_major(b.major() * *args.budget / reference);
        p.total_budget = Money::from_major(*args.budget);
    }
    SelectionOptions so;
    so.time_limit_seconds = args.time_limit.value_or(doc.time_limit_seconds);
    so.relative_gap = args.gap.value_or(doc.relative_gap);
    so.stop = ctx.interruptible();  // Ctrl-C: the best selection so far (frontier: the points solved), exit 5
    ProgressBar bar("select", ctx.quiet);  // stderr, only on a terminal: share of the time limit used
    if (bar.active())
        so.progress = [&bar, limit = so.time_limit_seconds](const SelectionProgress& sp) {
            bar.update(limit > 0 ? sp.seconds / limit : 0.0,
                       std::to_string(sp.nodes) + " nodes" + (sp.has_incumbent ? ", best " + fixed3(sp.incumbent) : std::string()));
        };

    nlohmann::json out;
    int code = kOk;
    if (args.frontier > 0) {
        FrontierOptions fo;
        fo.points = args.frontier;
        fo.solve = so;
        const FrontierResult f = efficient_frontier(p, fo);
        bar.finish();
        if (args.json) {
            out["frontier"] = nlohmann::json::parse(frontier_to_json(f));
        } else if (!ctx.quiet) {
            std::cout << "Efficient frontier (" << p.objective << " vs total budget), " << f.budget.size() << " points, "
                      << fixed3(f.total_seconds) << " s\n\n"
                      << pad("Budget", 14) << pad("Value", 14) << pad("Spend", 14) << pad("Status", 12) << "Entering / leaving\n";
            for (std::size_t k = 0; k < f.budget.size(); ++k) {
                std::string moves;
                for (const auto& id : f.entering[k]) moves += "+" + id + " ";
                for (const auto& id : f.leaving[k]) moves += "-" + id + " ";
                std::cout << pad(money(f.budget[k].major()), 14) << pad(fixed3(f.value[k]), 14) << pad(money(f.spend[k].major()), 14)
                          << pad(std::string(to_string(f.status[k])), 12) << moves << "\n";
            }
        }
    } else {
        const SelectionResult r = args.greedy ? select_greedy(p) : select_portfolio(p, so);
        bar.finish();
        if (r.status == SelectionStatus::infeasible) code = kFailure;
        if (r.status == SelectionStatus::cancelled) code = kCancelled;
        if (args.json) {
            out["selection"] = nlohmann::json::parse(selection_to_json(p, r));
        } else if (!ctx.quiet) {
            print_result(p, r, std::cout);
        }
        if (!doc.scenarios.empty() && !args.no_scenarios && !args.greedy) {
            const ScenarioComparison cmp = compare_scenarios(p, doc.scenarios, so);
            if (args.json) {
                out["scenarios"] = nlohmann::json::parse(scenarios_to_json(cmp));
            } else if (!ctx.quiet) {
                std::cout << "\nScenarios side by side (x = selected):\n" << pad("Candidate", 14);
                for (const auto& n : cmp.names) std::cout << pad(n, 14);
                std::cout << "\n";
                const std::size_t n = cmp.candidates.size();
                for (std::size_t c = 0; c < n; ++c) {
                    std::cout << pad(cmp.candidates[c], 14);
                    for (std::size_t s = 0; s < cmp.names.size(); ++s) std::cout << pad(cmp.selected[s * n + c] ? "x" : ".", 14);
                    std::cout << "\n";
                }
                std::cout << pad("objective", 14);
                for (const auto& r2 : cmp.results) std::cout << pad(fixed3(r2.objective), 14);
                std::cout << "\n" << pad("spend", 14);
                for (const auto& r2 : cmp.results) std::cout << pad(money(r2.total_spend.major()), 14);
                std::cout << "\n" << pad("status", 14);
                for (const auto& r2 : cmp.results) std::cout << pad(std::string(to_string(r2.status)), 14);
                std::cout << "\n";
            }
        }
    }
    if (args.json) {
        if (scores && !scores->alignment.candidates.empty())
            out["strategy"] = nlohmann::json::parse(strategy_to_json(scores->weights, &scores->alignment));
        std::cout << out.dump(2) << "\n";
    }
    return code;
}

}  // namespace

void add_select_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<SelectArgs>();
    CLI::App* cmd = app.add_subcommand("select", "Choose the portfolio of most value under budgets and capacities (MILP)");
    cmd->footer(
        "Example:\n  ppm select examples/selection.json --frontier 10\n"
        "Solves the \"selection\" section exactly with CBC (start windows, budgets per period and in\n"
        "total, role capacities, dependencies, groups, category balance, risk) and prints the selection,\n"
        "why each other candidate was left out, and binding constraints; then the file's scenarios side\n"
        "by side. --budget B sets the total budget to B and scales per-period budgets in proportion.");
    cmd->add_option("FILE", args->file, "ppm file with a \"selection\" section (.json)")->required()->check(readable_file());
    cmd->add_option("--budget", args->budget, "Total budget (major currency units)")->check(number_at_least(0.0));
    cmd->add_option("--frontier", args->frontier, "Efficient frontier with K budget points instead of one solve")
        ->transform(integer_in<int>(1, 1000));
    cmd->add_flag("--json", args->json, "Print the result as JSON on stdout");
    cmd->add_option("--time-limit", args->time_limit, "Wall-clock seconds per solve (default: file's solver.time_limit or 60)")
        ->check(number_at_least(0.0, /*open=*/true));
    cmd->add_option("--gap", args->gap, "Relative optimality gap (default: file's solver.gap or 0.001)")
        ->check(number_in(0.0, 1.0));
    cmd->add_flag("--no-scenarios", args->no_scenarios, "Do not solve the file's what-if scenarios");
    cmd->add_flag("--greedy", args->greedy, "Use the greedy ranking heuristic instead of the MILP (for comparison)");
    cmd->callback([args, &ctx] { ctx.exit_code = run(*args, ctx); });
}

}  // namespace ppm::cli
