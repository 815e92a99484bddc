// `ppm ahp FILE.json [--json]`: evaluate the strategy hierarchy (AHP) and, when candidates carry
// ratings, their strategic-alignment scores, ranks and driver-weight sensitivity.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "present.hpp"
#include "ppm/portfolio/selection_json.hpp"

namespace ppm::cli {

namespace {

struct AhpArgs {
    std::string file;
    bool json = false;
};


int run(const AhpArgs& args, Context& ctx) {
    ctx.input_file = args.file;
    SelectionDocument doc = read_selection_document(args.file);
    if (!doc.strategy)  // the file lacks what the command needs: bad input (exit 3), not usage
        throw ParseError::unexpected(args.file, 0, 0, "no \"strategy\" section: ppm ahp needs one (docs/selection.md)");
    const auto scores = apply_alignment(doc);
    const StrategyWeights& w = scores->weights;
    const AlignmentResult* al = scores->alignment.candidates.empty() ? nullptr : &scores->alignment;
    if (args.json) {
        std::cout << strategy_to_json(w, al) << "\n";
        return kOk;
    }
    if (ctx.quiet) return kOk;
    std::cout << "Strategy " << (doc.strategy->name.empty() ? std::string("(unnamed)") : doc.strategy->name) << "\n";
    for (const auto& c : w.comparisons) {
        if (c.children.size() < 2) continue;
        std::cout << "\nUnder " << (c.parent.empty() ? std::string("goal") : c.parent) << ":  lambda_max "
                  << fixed3(c.ahp.lambda_max) << "  CI " << fixed3(c.ahp.consistency_index) << "  CR " << fixed3(c.ahp.consistency_ratio)
                  << (c.ahp.acceptable ? "  (acceptable)" : "  ** CR > 0.10: revise judgements **") << "\n";
        for (std::size_t i = 0; i < c.children.size(); ++i)
            std::cout << "  " << pad(c.children[i], 24) << "eigen " << fixed3(c.ahp.priorities[i]) << "   geo-mean "
                      << fixed3(c.ahp.priorities_geometric_mean[i]) << "\n";
        if (!c.ahp.acceptable)
            for (const auto& j : c.ahp.most_inconsistent)
                std::cout << "  inconsistent: " << c.children[j.row] << " vs " << c.children[j.col] << " given "
                          << fixed3(j.given) << ", priorities imply " << fixed3(j.implied) << " (nearest scale value "
                          << fixed3(j.suggested) << ")\n";
    }
    std::cout << "\n" << pad("Criterion", 26) << pad("local", 8) << "global\n";
    for (std::size_t i = 0; i < w.ids.size(); ++i)
        std::cout << pad(std::string(2 * (w.depth[i] - 1), ' ') + w.ids[i], 26) << pad(fixed3(w.local[i]), 8) << fixed3(w.global[i])
                  << (w.is_driver[i] ? "  driver" : "") << "\n";
    if (al != nullptr) {
        std::cout << "\n" << pad("Rank", 6) << pad("Candidate", 26) << "Score\n";
        for (std::size_t k = 0; k < al->order.size(); ++k)
            std::cout << pad(std::to_string(k + 1), 6) << pad(al->candidates[al->order[k]], 26) << fixed3(al->score[al->order[k]])
                      << "\n";
        std::cout << "\nRanking unchanged while each driver weight stays within:\n";
        for (std::size_t d = 0; d < al->drivers.size(); ++d) {
            const auto& s = al->sensitivity[d];
            std::cout << "  " << pad(al->drivers[d], 24) << fixed3(s.weight) << " in [" << fixed3(s.lower) << ", " << fixed3(s.upper) << "]";
            if (!s.upper_swap_first.empty())
                std::cout << "  above: " << s.upper_swap_second << " overtakes " << s.upper_swap_first;
            if (!s.lower_swap_first.empty())
                std::cout << "  below: " << s.lower_swap_second << " overtakes " << s.lower_swap_first;
            std::cout << "\n";
        }
    }
    return kOk;
}

}  // namespace

void add_ahp_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<AhpArgs>();
    CLI::App* cmd = app.add_subcommand("ahp", "Prioritise strategy drivers (AHP) and score candidates against them");
    cmd->footer(
        "Example:\n  ppm ahp examples/selection.json\n"
        "Prints each comparison's priorities (eigenvector and geometric mean), lambda_max, CI and CR\n"
        "(flagging CR > 0.10 and the most inconsistent judgements), local and global weights, and,\n"
        "when candidates carry ratings, their scores, ranking and driver-weight stability intervals.");
    cmd->add_option("FILE", args->file, "ppm file with a \"strategy\" section (.json)")->required()->check(readable_file());
    cmd->add_flag("--json", args->json, "Print the result as JSON on stdout");
    cmd->callback([args, &ctx] { ctx.exit_code = run(*args, ctx); });
}

}  // namespace ppm::cli
