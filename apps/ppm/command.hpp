#pragma once
// How subcommands plug into the `ppm` tool: each cmd_<name>.cpp defines one `add_<name>_command`
// that registers a CLI11 subcommand whose callback stores its exit code in `ctx.exit_code`.
// Errors are thrown (ppm::ParseError / ppm::ModelError / CliError) and reported by main.cpp as
// one line on stderr with a documented exit code (docs/cli.md).

#include <CLI/CLI.hpp>

#include <atomic>
#include <stdexcept>
#include <stop_token>
#include <string>

namespace ppm::cli {

/// Exit codes (documented in docs/cli.md).
enum ExitCode : int {
    kOk = 0,
    kFailure = 1,       ///< The work ran but its answer is negative (e.g. infeasible) where the command says so.
    kUsage = 2,         ///< Bad command line.
    kBadInput = 3,      ///< The input file is malformed or the model is invalid.
    kIoError = 4,       ///< A file could not be read or written.
    kCancelled = 5,     ///< Interrupted (Ctrl-C): the best result so far was printed.
    kInternal = 70,     ///< A bug: please report.
};

/// Options every subcommand shares.
struct Context {
    bool quiet = false;
    int exit_code = kOk;
    /// The model file being worked on, named in ModelError messages (set by the subcommand).
    std::string input_file;
    /// Ctrl-C (main.cpp): the first one requests a stop through this token when the command has said
    /// it honours it (interruptible()); otherwise, and on a second Ctrl-C, the tool exits at once.
    std::stop_token stop;
    std::atomic<bool>* stop_honoured_by = nullptr;  ///< Set by main when Ctrl-C is watched.

    /// For a command about to run an engine that takes a std::stop_token: from now on a first Ctrl-C
    /// stops the engine, which returns its best result so far; the tool then prints it and exits
    /// with kCancelled. Returns the token to put in the engine's options.
    std::stop_token interruptible() {
        if (stop_honoured_by != nullptr) *stop_honoured_by = true;
        return stop;
    }
};

/// A usage problem detected by a subcommand after parsing (bad combination of flags...): exit 2.
class CliError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

void add_schedule_command(CLI::App& app, Context& ctx);
void add_rcpsp_command(CLI::App& app, Context& ctx);  ///< `ppm rcpsp` (issue 3, leveling).
void add_level_command(CLI::App& app, Context& ctx);  ///< `ppm level` (issue 3, project levelling).
void add_evm_command(CLI::App& app, Context& ctx);       ///< `ppm evm` (issue 5).
void add_simulate_command(CLI::App& app, Context& ctx);  ///< `ppm simulate` (issue 5).
void add_status_command(CLI::App& app, Context& ctx);    ///< `ppm status` (issue 5).
void add_convert_command(CLI::App& app, Context& ctx);   ///< `ppm convert` (issue 6, interchange).
void add_ahp_command(CLI::App& app, Context& ctx);       ///< `ppm ahp` (issue 4, scoring).
void add_select_command(CLI::App& app, Context& ctx);    ///< `ppm select` (issue 4, portfolio).
void add_store_command(CLI::App& app, Context& ctx);     ///< `ppm store` (issue 8, repository).
void add_report_command(CLI::App& app, Context& ctx);    ///< `ppm report` (issue 6, HTML dashboard).

}  // namespace ppm::cli
