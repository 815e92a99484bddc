// `ppm`: the command-line face of the library. See `ppm --help` and docs/cli.md.
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>
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

// Ctrl-C (issue 22): SIGINT is blocked in every thread and taken by one watcher thread (sigwait),
// so no work happens in a signal handler. The first Ctrl-C requests a stop of the running engine
// when the command said it honours one (Context::interruptible): the engine returns its best result
// so far, the command prints it and the tool exits with kCancelled. Otherwise, and on a second
// Ctrl-C, the tool exits at once with kCancelled. When SIGINT is ignored at start (a background job
// of a non-interactive shell), it stays ignored.
struct Interrupt {
    std::stop_source source;
    std::atomic<bool>* honoured = nullptr;
};

void watch_interrupts(Interrupt* in, sigset_t set) {
    for (int count = 1;; ++count) {
        int sig = 0;
        if (sigwait(&set, &sig) != 0) return;
        if (count == 1 && in->honoured->load()) {
            static constexpr char kMsg[] = "\nppm: interrupted: stopping with the best result so far (Ctrl-C again to quit now)\n";
            (void)!::write(STDERR_FILENO, kMsg, sizeof kMsg - 1);
            in->source.request_stop();
            continue;
        }
        static constexpr char kMsg[] = "\nppm: interrupted\n";
        (void)!::write(STDERR_FILENO, kMsg, sizeof kMsg - 1);
        std::_Exit(ppm::cli::kCancelled);
    }
}

// Starts the watcher before any other thread exists, so every later thread inherits the mask.
void install_interrupt_handler(ppm::cli::Context& ctx) {
    struct sigaction current {};
    if (::sigaction(SIGINT, nullptr, &current) != 0 || current.sa_handler == SIG_IGN) return;
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    if (::pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;
    // Never freed: the detached watcher may still be waiting while static objects are destroyed.
    auto* in = new Interrupt;
    in->honoured = new std::atomic<bool>(false);
    ctx.stop = in->source.get_token();
    ctx.stop_honoured_by = in->honoured;
    std::thread(watch_interrupts, in, set).detach();
}

// The subcommand the user chose (for "run `ppm level --help`"), empty when none was recognised.
std::string chosen_command(const CLI::App& app) {
    for (const CLI::App* sub : app.get_subcommands()) return sub->get_name();
    return {};
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
    install_interrupt_handler(ctx);
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
        if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
        // One line naming the option and what it expects (the validators of options.hpp).
        const std::string cmd = chosen_command(app);
        std::cerr << "ppm: " << e.what() << " (see `ppm " << (cmd.empty() ? "" : cmd + " ") << "--help`)\n";
        return kUsage;
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
    // Stopped by Ctrl-C: the command printed its best result so far.
    if (ctx.stop.stop_requested()) return kCancelled;
    return ctx.exit_code;
}
