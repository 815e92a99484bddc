#pragma once
// What every command's options accept, checked while the command line is parsed, so a bad value is
// one line naming the option and what it expects (issue 22):
//
//   ppm: --schedules: expected an integer in 1..1000000000, got 'abc'
//   ppm: --status-date: expected a date YYYY-MM-DD[THH:MM], got '2026-02-30': day 30 does not exist in that month
//
// Each helper returns a CLI11 validator; CLI11 prefixes its message with the option's name.
//   cmd->add_option("--schedules", n)->transform(integer_in<std::int64_t>(1, 1'000'000'000));
//   cmd->add_option("--seed", seed)->transform(seed_value());   // negative seeds are refused, not wrapped
//   cmd->add_option("--budget", b)->check(number_at_least(0.0));   // finite: nan and inf are refused
//   cmd->add_option("--status-date", d)->check(date_value());
//   cmd->add_option("--method", m)->check(one_of({"genetic", "priority"}));
//   cmd->add_option("FILE", f)->required()->check(readable_file());
// Integers go through `transform` (the text is rewritten in canonical decimal, so CLI11's own
// conversion, which reads "010" as octal, sees what was checked); the others through `check`.
// A missing or unreadable input FILE is not a usage error but "file not readable" (exit 4, the path
// named), like every reader's: readable_file() throws ppm::ParseError::io out of the parse.

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <limits>
#include <string>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>

#include "ppm/core/error.hpp"
#include "ppm/core/time.hpp"

namespace ppm::cli {

namespace detail {

inline std::string quoted(const std::string& text) { return "'" + text + "'"; }

}  // namespace detail

/// An integer of type T in [lo, hi], written in decimal ("expected an integer in 1..100, got 'x'";
/// "an integer >= 0" when hi is T's largest value). Use with `transform`.
template <class T>
CLI::Validator integer_in(T lo, T hi = std::numeric_limits<T>::max()) {
    const std::string expected =
        hi == std::numeric_limits<T>::max() ? "an integer >= " + std::to_string(lo) : "an integer in " + std::to_string(lo) + ".." + std::to_string(hi);
    return CLI::Validator(
        [lo, hi, expected](std::string& text) -> std::string {
            T value{};
            const char* end = text.data() + text.size();
            const auto [p, ec] = std::from_chars(text.data(), end, value);
            if (text.empty() || ec != std::errc{} || p != end || value < lo || value > hi)
                return "expected " + expected + ", got " + detail::quoted(text);
            text = std::to_string(value);
            return {};
        },
        hi == std::numeric_limits<T>::max() ? ">=" + std::to_string(lo) : std::to_string(lo) + ".." + std::to_string(hi));
}

/// A random seed: an integer in 0..2^64-1. "-1" is refused rather than wrapped to 2^64-1.
inline CLI::Validator seed_value() {
    return CLI::Validator(
        [](std::string& text) -> std::string {
            std::uint64_t value = 0;
            const char* end = text.data() + text.size();
            const auto [p, ec] = std::from_chars(text.data(), end, value);
            if (text.empty() || ec != std::errc{} || p != end)
                return "expected a non-negative integer below 2^64, got " + detail::quoted(text);
            text = std::to_string(value);
            return {};
        },
        "0..2^64-1");
}

/// A finite number within bounds; `lo_open`/`hi_open` exclude the bound. nan and inf are refused.
inline CLI::Validator number_in(double lo, double hi, bool lo_open = false, bool hi_open = false) {
    const auto fmt = [](double x) {
        std::string s = std::to_string(x);  // "0.000000": trim the zeros
        s.erase(s.find_last_not_of('0') + 1);
        if (!s.empty() && s.back() == '.') s.pop_back();
        return s;
    };
    std::string expected;
    if (std::isinf(hi)) expected = std::string("a number ") + (lo_open ? "> " : ">= ") + fmt(lo);
    else expected = "a number in " + std::string(lo_open ? "(" : "[") + fmt(lo) + ", " + fmt(hi) + (hi_open ? ")" : "]");
    return CLI::Validator(
        [=](const std::string& text) -> std::string {
            double value = 0.0;
            const char* end = text.data() + text.size();
            const auto [p, ec] = std::from_chars(text.data(), end, value);
            const bool ok = !text.empty() && ec == std::errc{} && p == end && std::isfinite(value) &&
                            (lo_open ? value > lo : value >= lo) && (hi_open ? value < hi : value <= hi);
            return ok ? std::string() : "expected " + expected + ", got " + detail::quoted(text);
        },
        expected.substr(expected.find(' ', 2) + 1));  // "in [0, 1]", ">= 0"
}
/// A finite number >= lo (or > lo when `open`).
inline CLI::Validator number_at_least(double lo, bool open = false) {
    return number_in(lo, std::numeric_limits<double>::infinity(), open, false);
}

/// A date or date-time as `ppm::parse_instant` reads it (YYYY-MM-DD, YYYY-MM-DDTHH:MM), saying what is
/// wrong: "expected a date YYYY-MM-DD[THH:MM], got '2026-02-30': day 30 does not exist in that month".
inline CLI::Validator date_value() {
    return CLI::Validator(
        [](const std::string& text) -> std::string {
            try {
                (void)parse_instant(text);
                return {};
            } catch (const ModelError& e) {
                std::string why = e.what();  // "invalid date on '2026-2-30': day 30 does not exist in that month"
                const std::size_t k = why.find("': ");
                why = k == std::string::npos ? why : why.substr(k + 3);
                const bool says_format = why.rfind("expected", 0) == 0;
                return "expected a date YYYY-MM-DD[THH:MM], got " + detail::quoted(text) + (says_format ? "" : ": " + why);
            }
        },
        "YYYY-MM-DD[THH:MM]");
}

/// One word of a fixed list: "expected one of genetic, priority; got 'x'".
inline CLI::Validator one_of(std::initializer_list<const char*> words) {
    std::vector<std::string> list(words.begin(), words.end());
    std::string joined;
    for (const auto& w : list) joined += (joined.empty() ? "" : ", ") + w;
    std::string desc;
    for (const auto& w : list) desc += (desc.empty() ? "" : "|") + w;
    return CLI::Validator(
        [list, joined](const std::string& text) -> std::string {
            for (const auto& w : list)
                if (w == text) return {};
            return "expected one of " + joined + "; got " + detail::quoted(text);
        },
        desc);
}

/// An input file that exists, is not a folder and can be read. Otherwise throws ppm::ParseError::io
/// naming the path (exit 4, "file not readable", as every reader does), not a usage error.
inline CLI::Validator readable_file() {
    return CLI::Validator(
        [](const std::string& path) -> std::string {
            namespace fs = std::filesystem;
            std::error_code ec;
            const fs::file_status st = fs::status(path, ec);
            if (!fs::exists(st)) throw ParseError::io(path, "cannot read: no such file");
            if (fs::is_directory(st)) throw ParseError::io(path, "cannot read: it is a folder");
            if (::access(path.c_str(), R_OK) != 0) throw ParseError::io(path, "cannot read: permission denied");
            return {};
        },
        "FILE");
}

}  // namespace ppm::cli
