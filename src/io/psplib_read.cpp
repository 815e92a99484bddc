// PSPLIB `.sm` / `.mm` reader (ProGen format, Kolisch & Sprecher 1997; format notes in
// ../shared/data/psplib/README.md) and solution-table reader.
#include "ppm/io/psplib.hpp"

#include "detail/read_limits_check.hpp"
#include "detail/text_cursor.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/text_file.hpp"

namespace ppm {
namespace {

using detail::TextCursor;
using detail::TextToken;

/// Every field of `line` (separated by blanks and tabs) from byte `from` as an integer.
std::vector<std::int32_t> ints(const TextCursor& in, std::string_view line, std::string_view what, std::size_t from = 0) {
    std::vector<std::int32_t> out;
    for (const TextToken& t : in.fields(line, " \t", from)) {
        const auto value = TextCursor::to_int32(t.text);
        if (!value) in.fail_at(t, "expected integer " + std::string(what) + ", got '" + std::string(t.text) + "'");
        out.push_back(*value);
    }
    return out;
}

/// The integer after the ':' of a "key : value" line.
std::int32_t value_after_colon(const TextCursor& in, std::string_view line, std::string_view what) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) in.fail("expected ':' before " + std::string(what));
    const std::size_t pos = line.find_first_not_of(" \t", colon + 1);
    if (pos == std::string_view::npos) in.fail("expected integer " + std::string(what), static_cast<std::int64_t>(colon) + 2);
    std::size_t end = line.find_first_of(" \t", pos);
    if (end == std::string_view::npos) end = line.size();
    return ints(in, line.substr(0, end), what, pos).at(0);
}

}  // namespace

PsplibProject parse_psplib(std::string_view text, const std::string& path) {
    return parse_psplib(text, path, ReadLimits{});
}

PsplibProject parse_psplib(std::string_view text, const std::string& path, const ReadLimits& limits) {
    detail::check_text_lines(text, path, limits, " \t");
    TextCursor in(text, path);
    PsplibProject p;
    p.path = path;
    {
        auto line = in.next_line_containing("jobs (incl. supersource/sink");
        p.num_jobs = value_after_colon(in, line, "number of jobs");
        if (p.num_jobs < 2) in.fail("expected a number of jobs >= 2");
        detail::check_count(path, in.line(), "too many jobs", p.num_jobs, "max_tasks", limits.max_tasks);
    }
    p.horizon = value_after_colon(in, in.next_line_containing("horizon"), "horizon");
    const std::int32_t renewable =
        value_after_colon(in, in.next_line_containing("- renewable"), "number of renewable resources");
    const std::int32_t nonrenewable =
        value_after_colon(in, in.next_line_containing("- nonrenewable"), "number of nonrenewable resources");
    const std::int32_t doubly = value_after_colon(in, in.next_line_containing("- doubly constrained"),
                                                  "number of doubly constrained resources");
    if (renewable < 0 || nonrenewable < 0) in.fail("expected resource counts >= 0");
    detail::check_count(path, in.line(), "too many resources", std::int64_t{renewable} + nonrenewable,
                        "max_resources", limits.max_resources);
    if (doubly != 0) in.fail("expected 0 doubly constrained resources (not supported)");
    const std::size_t kinds = static_cast<std::size_t>(renewable + nonrenewable);

    in.next_line_containing("PROJECT INFORMATION:");
    in.next_nonblank_line("project information header");
    {
        auto line = in.next_nonblank_line("project information row");
        auto v = ints(in, line, "project information field");
        if (v.size() < 6) in.fail("expected 6 fields: pronr. #jobs rel.date duedate tardcost MPM-Time");
        p.due_date = v[3];
        p.mpm_time = v[5];
    }

    in.next_line_containing("PRECEDENCE RELATIONS:");
    in.next_nonblank_line("precedence header 'jobnr. #modes #successors successors'");
    const auto n = static_cast<std::size_t>(p.num_jobs);
    std::vector<std::int32_t> modes(n, 0);
    p.successor_offsets.assign(n + 1, 0);
    for (std::size_t j = 0; j < n; ++j) {
        auto line = in.next_nonblank_line("precedence row of job " + std::to_string(j + 1));
        auto v = ints(in, line, "in precedence row");
        if (v.size() < 3) in.fail("expected 'jobnr #modes #successors successors...'");
        if (v[0] != static_cast<std::int32_t>(j + 1)) in.fail("expected job number " + std::to_string(j + 1), 1);
        if (v[1] < 1) in.fail("expected #modes >= 1");
        if (v[2] < 0 || static_cast<std::size_t>(v[2]) != v.size() - 3)
            in.fail("expected " + std::to_string(v[2]) + " successors, found " + std::to_string(v.size() - 3));
        modes[j] = v[1];
        for (std::size_t k = 3; k < v.size(); ++k) {
            if (v[k] < 1 || v[k] > p.num_jobs)
                in.fail("expected successor job number in 1.." + std::to_string(p.num_jobs) + ", got " +
                        std::to_string(v[k]));
            p.successor_indices.push_back(v[k] - 1);
        }
        p.successor_offsets[j + 1] = static_cast<std::int32_t>(p.successor_indices.size());
    }

    in.next_line_containing("REQUESTS/DURATIONS:");
    in.next_nonblank_line("requests header 'jobnr. mode duration R 1 ...'");
    {
        auto line = in.next_nonblank_line("separator line of '-'");
        if (line.find("---") == std::string_view::npos) in.fail("expected a separator line of '-'");
    }
    p.mode_offsets.assign(n + 1, 0);
    for (std::size_t j = 0; j < n; ++j) {
        for (std::int32_t m = 0; m < modes[j]; ++m) {
            auto line = in.next_nonblank_line("request row of job " + std::to_string(j + 1));
            auto v = ints(in, line, "in request row");
            std::size_t at = 0;
            if (m == 0) {
                if (v.empty() || v[0] != static_cast<std::int32_t>(j + 1))
                    in.fail("expected job number " + std::to_string(j + 1) + " to start the request row", 1);
                at = 1;
            }
            if (v.size() != at + 2 + kinds)
                in.fail("expected " + std::to_string(at + 2 + kinds) + " fields (" + (m == 0 ? "jobnr " : "") +
                        "mode duration and " + std::to_string(kinds) + " demands), found " + std::to_string(v.size()));
            if (v[at] != m + 1) in.fail("expected mode number " + std::to_string(m + 1));
            if (v[at + 1] < 0) in.fail("expected a duration >= 0");
            p.mode_durations.push_back(v[at + 1]);
            for (std::size_t k = 0; k < kinds; ++k) {
                if (v[at + 2 + k] < 0) in.fail("expected demands >= 0");
                (k < static_cast<std::size_t>(renewable) ? p.renewable_demands : p.nonrenewable_demands)
                    .push_back(v[at + 2 + k]);
            }
        }
        p.mode_offsets[j + 1] = static_cast<std::int32_t>(p.mode_durations.size());
    }

    in.next_line_containing("RESOURCEAVAILABILITIES:");
    in.next_nonblank_line("resource availability header");
    {
        auto line = in.next_nonblank_line("resource availability row");
        auto v = ints(in, line, "resource availability");
        if (v.size() != kinds)
            in.fail("expected " + std::to_string(kinds) + " availabilities, found " + std::to_string(v.size()));
        for (std::size_t k = 0; k < kinds; ++k) {
            if (v[k] < 0) in.fail("expected availabilities >= 0");
            (k < static_cast<std::size_t>(renewable) ? p.renewable_capacities : p.nonrenewable_capacities).push_back(v[k]);
        }
    }
    return p;
}

PsplibProject read_psplib(const std::filesystem::path& path) { return parse_psplib(read_text_file(path), path.string()); }

RcpspInstance read_psplib_sm(const std::filesystem::path& path) {
    const PsplibProject project = read_psplib(path);
    try {
        return to_rcpsp_instance(project);
    } catch (const ModelError& e) {  // name the file: the instance's errors carry no location of their own
        throw ModelError(e.code(), std::string(e.what()) + " (in " + path.string() + ")", e.ids());
    }
}

std::vector<PsplibSolution> read_psplib_solutions(const std::filesystem::path& path) {
    const std::string text = read_text_file(path);
    TextCursor in(text, path.string());
    std::vector<PsplibSolution> rows;
    while (const auto line = in.next_line()) {
        const std::vector<TextToken> f = in.fields(*line, " \t\r\v\f,");
        if (f.size() < 3) continue;
        const auto parameter = TextCursor::to_int32(f[0].text);
        const auto instance = TextCursor::to_int32(f[1].text);
        const auto makespan = TextCursor::to_int32(f[2].text);
        if (parameter && instance && makespan)
            rows.push_back({.parameter = *parameter, .instance = *instance, .makespan = *makespan});
    }
    if (rows.empty()) throw ParseError::unexpected(path.string(), 0, 0, "expected rows 'parameter instance makespan'");
    return rows;
}

}  // namespace ppm
