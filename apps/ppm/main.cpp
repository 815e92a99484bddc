// `ppm`: the command-line face of the library. See `ppm --help` and docs/cli.md.
#include <cstdio>
#include <exception>
#include <iostream>

#include "command.hpp"
#include "ppm/core/error.hpp"

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
