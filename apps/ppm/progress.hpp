#pragma once
// A progress bar on stderr for long work (levelling, RCPSP, selection, simulation, report), shown
// only when stderr is a terminal and --quiet is off, so pipes, logs and --json output stay clean.
// Throttled to ~10 redraws a second; the line is cleared when the work ends.
//
//   ProgressBar bar("level", ctx.quiet);
//   options.progress = [&](const LevelProgress& p) { bar.update(double(p.passes) / p.max_passes); };
//   ... run ...
//   bar.finish();  // (also done by the destructor)

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace ppm::cli {

/// True when stderr is a terminal (the only case a progress bar is drawn).
inline bool stderr_is_terminal() noexcept { return ::isatty(::fileno(stderr)) == 1; }

/// A one-line progress bar on stderr: "level [#########.........]  45% pass 7/16".
class ProgressBar {
public:
    /// `label` names the work; nothing is drawn when `quiet` or when stderr is not a terminal.
    explicit ProgressBar(std::string label, bool quiet = false)
        : label_(std::move(label)), active_(!quiet && stderr_is_terminal()) {}
    ProgressBar(const ProgressBar&) = delete;
    ProgressBar& operator=(const ProgressBar&) = delete;
    ~ProgressBar() { finish(); }

    /// Whether the bar draws at all.
    [[nodiscard]] bool active() const noexcept { return active_; }

    /// Reports `fraction` (clamped to 0..1) done, with an optional short detail ("pass 7/16").
    /// Cheap when inactive or called more often than ten times a second.
    void update(double fraction, std::string_view detail = {}) {
        if (!active_) return;
        const auto now = std::chrono::steady_clock::now();
        if (drawn_ && fraction < 1.0 && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        drawn_ = true;
        if (!(fraction >= 0.0)) fraction = 0.0;  // also catches NaN
        fraction = std::min(fraction, 1.0);
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(fraction * kWidth + 0.5);
        std::string line = "\r" + label_ + " [" + std::string(static_cast<std::size_t>(filled), '#') +
                           std::string(static_cast<std::size_t>(kWidth - filled), '.') + "] ";
        char pct[16];
        std::snprintf(pct, sizeof pct, "%3d%%", static_cast<int>(fraction * 100.0 + 0.5));
        line += pct;
        if (!detail.empty()) line += " " + std::string(detail);
        if (line.size() < width_) line.append(width_ - line.size(), ' ');  // erase a longer previous line
        width_ = line.size();
        std::fputs(line.c_str(), stderr);
        std::fflush(stderr);
    }

    /// Clears the bar's line (idempotent).
    void finish() noexcept {
        if (!active_ || !drawn_) return;
        std::fputc('\r', stderr);
        for (std::size_t i = 1; i < width_; ++i) std::fputc(' ', stderr);
        std::fputc('\r', stderr);
        std::fflush(stderr);
        drawn_ = false;
    }

private:
    std::string label_;
    bool active_ = false;
    bool drawn_ = false;
    std::size_t width_ = 0;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace ppm::cli
