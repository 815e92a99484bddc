// PSPLIB `.sm` / `.mm` reader (ProGen format, Kolisch & Sprecher 1997; format notes in
// ../shared/data/psplib/README.md) and solution-table reader.
#include "ppm/leveling/psplib.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "io/detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"

namespace ppm::leveling {
namespace {

/// Line-oriented cursor over the file text, with positions for error messages.
class Lines {
public:
    Lines(std::string_view text, const std::string& path) : path_(path) {
        std::size_t pos = 0;
        while (pos <= text.size()) {
            std::size_t end = text.find('\n', pos);
            if (end == std::string_view::npos) end = text.size();
            std::string_view line = text.substr(pos, end - pos);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            lines_.push_back(line);
            if (end == text.size()) break;
            pos = end + 1;
        }
    }

    [[nodiscard]] const std::string& path() const { return path_; }
    [[nodiscard]] std::int64_t line_number() const { return static_cast<std::int64_t>(next_); }  // 1-based of last read

    /// Advances to the first line at or after the cursor containing `key`; returns it.
    std::string_view find(std::string_view key) {
        while (next_ < lines_.size()) {
            std::string_view line = lines_[next_++];
            if (line.find(key) != std::string_view::npos) return line;
        }
        throw ParseError::unexpected(path_, static_cast<std::int64_t>(lines_.size()), 0,
                                     "expected a line containing '" + std::string(key) + "', reached end of file");
    }

    /// The next line that is not blank; throws naming `what` at end of file.
    std::string_view next(std::string_view what) {
        while (next_ < lines_.size()) {
            std::string_view line = lines_[next_++];
            if (line.find_first_not_of(" \t") != std::string_view::npos) return line;
        }
        throw ParseError::unexpected(path_, static_cast<std::int64_t>(lines_.size()), 0,
                                     "expected " + std::string(what) + ", reached end of file");
    }

    /// Parses every whitespace-separated token of `line` as an integer.
    std::vector<std::int32_t> ints(std::string_view line, std::string_view what, std::size_t from = 0) const {
        std::vector<std::int32_t> out;
        std::size_t pos = from;
        while (true) {
            pos = line.find_first_not_of(" \t", pos);
            if (pos == std::string_view::npos) break;
            std::size_t end = line.find_first_of(" \t", pos);
            if (end == std::string_view::npos) end = line.size();
            std::int32_t value = 0;
            const char* first = line.data() + pos;
            const char* last = line.data() + end;
            auto [ptr, ec] = std::from_chars(first, last, value);
            if (ec != std::errc{} || ptr != last)
                throw ParseError::unexpected(path_, line_number(), static_cast<std::int64_t>(pos) + 1,
                                             "expected integer " + std::string(what) + ", got '" +
                                                 std::string(line.substr(pos, end - pos)) + "'");
            out.push_back(value);
            pos = end;
        }
        return out;
    }

    /// The integer after the ':' of a "key : value" line.
    std::int32_t value_after_colon(std::string_view line, std::string_view what) const {
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            throw ParseError::unexpected(path_, line_number(), 0, "expected ':' before " + std::string(what));
        std::size_t pos = line.find_first_not_of(" \t", colon + 1);
        if (pos == std::string_view::npos)
            throw ParseError::unexpected(path_, line_number(), static_cast<std::int64_t>(colon) + 2,
                                         "expected integer " + std::string(what));
        std::size_t end = line.find_first_of(" \t", pos);
        if (end == std::string_view::npos) end = line.size();
        auto values = ints(line.substr(0, end), what, pos);
        return values.at(0);
    }

    [[noreturn]] void fail(std::string detail, std::int64_t column = 0) const {
        throw ParseError::unexpected(path_, line_number(), column, std::move(detail));
    }

private:
    std::string path_;
    std::vector<std::string_view> lines_;
    std::size_t next_ = 0;
};

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParseError::io(path.string(), "cannot open file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace

PsplibProject parse_psplib(std::string_view text, const std::string& path) {
    return parse_psplib(text, path, io::ReadLimits{});
}

PsplibProject parse_psplib(std::string_view text, const std::string& path, const io::ReadLimits& limits) {
    detail::check_text_lines(text, path, limits, " \t");
    Lines in(text, path);
    PsplibProject p;
    p.path = path;
    {
        auto line = in.find("jobs (incl. supersource/sink");
        p.num_jobs = in.value_after_colon(line, "number of jobs");
        if (p.num_jobs < 2) in.fail("expected a number of jobs >= 2");
        detail::check_count(path, in.line_number(), "too many jobs", p.num_jobs, "max_tasks", limits.max_tasks);
    }
    p.horizon = in.value_after_colon(in.find("horizon"), "horizon");
    const std::int32_t renewable = in.value_after_colon(in.find("- renewable"), "number of renewable resources");
    const std::int32_t nonrenewable =
        in.value_after_colon(in.find("- nonrenewable"), "number of nonrenewable resources");
    const std::int32_t doubly = in.value_after_colon(in.find("- doubly constrained"), "number of doubly constrained resources");
    if (renewable < 0 || nonrenewable < 0) in.fail("expected resource counts >= 0");
    detail::check_count(path, in.line_number(), "too many resources", std::int64_t{renewable} + nonrenewable,
                        "max_resources", limits.max_resources);
    if (doubly != 0) in.fail("expected 0 doubly constrained resources (not supported)");
    const std::size_t kinds = static_cast<std::size_t>(renewable + nonrenewable);

    in.find("PROJECT INFORMATION:");
    in.next("project information header");
    {
        auto line = in.next("project information row");
        auto v = in.ints(line, "project information field");
        if (v.size() < 6) in.fail("expected 6 fields: pronr. #jobs rel.date duedate tardcost MPM-Time");
        p.due_date = v[3];
        p.mpm_time = v[5];
    }

    in.find("PRECEDENCE RELATIONS:");
    in.next("precedence header 'jobnr. #modes #successors successors'");
    const auto n = static_cast<std::size_t>(p.num_jobs);
    std::vector<std::int32_t> modes(n, 0);
    p.successor_offsets.assign(n + 1, 0);
    for (std::size_t j = 0; j < n; ++j) {
        auto line = in.next("precedence row of job " + std::to_string(j + 1));
        auto v = in.ints(line, "in precedence row");
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

    in.find("REQUESTS/DURATIONS:");
    in.next("requests header 'jobnr. mode duration R 1 ...'");
    {
        auto line = in.next("separator line of '-'");
        if (line.find("---") == std::string_view::npos) in.fail("expected a separator line of '-'");
    }
    p.mode_offsets.assign(n + 1, 0);
    for (std::size_t j = 0; j < n; ++j) {
        for (std::int32_t m = 0; m < modes[j]; ++m) {
            auto line = in.next("request row of job " + std::to_string(j + 1));
            auto v = in.ints(line, "in request row");
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

    in.find("RESOURCEAVAILABILITIES:");
    in.next("resource availability header");
    {
        auto line = in.next("resource availability row");
        auto v = in.ints(line, "resource availability");
        if (v.size() != kinds)
            in.fail("expected " + std::to_string(kinds) + " availabilities, found " + std::to_string(v.size()));
        for (std::size_t k = 0; k < kinds; ++k) {
            if (v[k] < 0) in.fail("expected availabilities >= 0");
            (k < static_cast<std::size_t>(renewable) ? p.renewable_capacities : p.nonrenewable_capacities).push_back(v[k]);
        }
    }
    return p;
}

PsplibProject read_psplib(const std::filesystem::path& path) { return parse_psplib(read_text(path), path.string()); }

RcpspInstance to_rcpsp_instance(const PsplibProject& project) {
    RcpspData data;
    data.name = std::filesystem::path(project.path).filename().string();
    const auto n = project.num_jobs;
    for (std::int32_t j = 0; j < n; ++j)
        if (project.num_modes(j) != 1)
            throw ModelError::unsupported("multi-mode job", std::to_string(j + 1),
                                          "the single-mode RCPSP needs exactly one mode per job");
    for (std::int32_t v : project.nonrenewable_demands)
        if (v != 0)
            throw ModelError::unsupported("non-renewable resource", data.name,
                                          "the single-mode RCPSP has renewable resources only");
    data.durations = project.mode_durations;
    data.capacities = project.renewable_capacities;
    data.demands = project.renewable_demands;
    for (std::int32_t j = 0; j < n; ++j)
        for (std::int32_t k = project.successor_offsets[j]; k < project.successor_offsets[j + 1]; ++k)
            add_finish_to_start(data, j, project.successor_indices[k]);
    return RcpspInstance(std::move(data));
}

RcpspInstance read_psplib_sm(const std::filesystem::path& path) {
    const PsplibProject project = read_psplib(path);
    try {
        return to_rcpsp_instance(project);
    } catch (const ModelError& e) {  // name the file: the instance's errors carry no location of their own
        throw ModelError(e.code(), std::string(e.what()) + " (in " + path.string() + ")", e.ids());
    }
}

std::vector<PsplibSolution> read_psplib_solutions(const std::filesystem::path& path) {
    const std::string text = read_text(path);
    std::vector<PsplibSolution> rows;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        for (char& c : line)
            if (c == ',' || c == '\t' || c == '\r') c = ' ';
        std::istringstream fields(line);
        std::string a, b, c;
        if (!(fields >> a >> b >> c)) continue;
        auto as_int = [](const std::string& s, std::int32_t& out) {
            auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
            return ec == std::errc{} && ptr == s.data() + s.size();
        };
        PsplibSolution row;
        if (as_int(a, row.parameter) && as_int(b, row.instance) && as_int(c, row.makespan)) rows.push_back(row);
    }
    if (rows.empty()) throw ParseError::unexpected(path.string(), 0, 0, "expected rows 'parameter instance makespan'");
    return rows;
}

}  // namespace ppm::leveling
