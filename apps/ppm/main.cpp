// `ppm`: the command-line face of the library. See `ppm --help` and docs/cli.md.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "command.hpp"
#include "ppm/core/error.hpp"

namespace {

// Edit distance (Levenshtein), for "did you mean" on a mistyped command.
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

// The first word that is not an option, when it names no command: "unknown command 'shedule';
// did you mean 'schedule'?" (the nearest within two edits, else the list).
bool unknown_command(const CLI::App& app, int argc, char** argv) {
    for (int k = 1; k < argc; ++k) {
        const std::string_view word = argv[k];
        if (word.empty() || word.front() == '-') continue;
        std::vector<std::string> names;
        for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
        if (std::find(names.begin(), names.end(), word) != names.end()) return false;
        std::string best;
        std::size_t best_d = 3;
        for (const auto& n : names)
            if (const std::size_t d = distance(word, n); d < best_d) { best_d = d; best = n; }
        std::cerr << "ppm: unknown command '" << word << "'";
        if (!best.empty()) std::cerr << "; did you mean '" << best << "'?";
        else {
            std::cerr << "; commands:";
            for (const auto& n : names) std::cerr << " " << n;
        }
        std::cerr << "\n";
        return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace ppm::cli;
    CLI::App app{"ppm - project portfolio management engine: schedule, level, select, control.\n"
                 "Run `ppm COMMAND --help` for a command's options and an example."};
    app.require_subcommand(1);
    app.fallthrough();  // global options (--quiet) are accepted after the subcommand too
    app.footer(
        "Examples:\n"
        "  ppm schedule examples/portfolio.json --out schedule.csv\n"
        "  ppm report examples/portfolio.json --out report.html\n"
        "Every command takes --json (machine output on stdout) and -q/--quiet. Progress bars go to stderr,\n"
        "only when it is a terminal. Exit codes: 0 ok, 1 negative answer (e.g. infeasible), 2 usage,\n"
        "3 bad input (file:line:column: field named), 4 file not readable/writable, 5 cancelled, 70 internal.\n"
        "See docs/cli.md.");
    Context ctx;
    app.add_flag("-q,--quiet", ctx.quiet, "Print nothing but errors and requested output");
    app.set_version_flag("--version", std::string("ppm ") + PPM_VERSION);

    add_schedule_command(app, ctx);
    add_rcpsp_command(app, ctx);
    add_level_command(app, ctx);
    add_evm_command(app, ctx);
    add_simulate_command(app, ctx);
    add_status_command(app, ctx);
    add_convert_command(app, ctx);
    add_ahp_command(app, ctx);
    add_select_command(app, ctx);
    add_store_command(app, ctx);
    add_report_command(app, ctx);

    if (unknown_command(app, argc, argv)) return kUsage;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? kOk : kUsage;
    } catch (const CliError& e) {
        std::cerr << "ppm: " << e.what() << "\n";
        return kUsage;
    } catch (const ppm::ParseError& e) {
        std::cerr << "ppm: error: " << e.what() << "\n";
        return e.code() == ppm::ErrorCode::io ? kIoError : kBadInput;
    } catch (const ppm::ModelError& e) {
        std::cerr << "ppm: error: " << (ctx.input_file.empty() ? "" : ctx.input_file + ": ") << e.what() << "\n";
        return kBadInput;
    } catch (const std::exception& e) {
        std::cerr << "ppm: internal error: " << e.what() << "\n";
        return kInternal;
    }
    return ctx.exit_code;
}
