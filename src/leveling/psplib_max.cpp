// ProGen/max `.sch` reader (RCPSP/max library; format in ../shared/data/psplib/rcpsp-max/README.md)
// and the temporal analysis of RCPSP/max (Neumann, Schwindt & Zimmermann 2003, ch. 1).
#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "io/detail/read_limits_check.hpp"
#include "ppm/core/error.hpp"
#include "ppm/leveling/psplib.hpp"
#include "ppm/leveling/rcpsp_max.hpp"

namespace ppm::leveling {
namespace {

/// Tokens of one line with their 1-based columns; `[x]` brackets are stripped.
struct Token {
    std::string_view text;
    std::int64_t column;
};

std::vector<Token> tokens(std::string_view line) {
    std::vector<Token> out;
    std::size_t pos = 0;
    while (true) {
        pos = line.find_first_not_of(" \t\r", pos);
        if (pos == std::string_view::npos) break;
        std::size_t end = line.find_first_of(" \t\r", pos);
        if (end == std::string_view::npos) end = line.size();
        std::string_view t = line.substr(pos, end - pos);
        if (t.size() >= 2 && t.front() == '[' && t.back() == ']') t = t.substr(1, t.size() - 2);
        out.push_back({t, static_cast<std::int64_t>(pos) + 1});
        pos = end;
    }
    return out;
}

class SchReader {
public:
    SchReader(std::string_view text, std::string path) : text_(text), path_(std::move(path)) {}

    /// The next non-blank line's tokens.
    std::vector<Token> next(const std::string& what) {
        while (pos_ <= text_.size()) {
            std::size_t end = text_.find('\n', pos_);
            if (end == std::string_view::npos) end = text_.size();
            std::string_view line = text_.substr(pos_, end - pos_);
            pos_ = end + 1;
            ++line_;
            auto t = tokens(line);
            if (!t.empty()) return t;
            if (end == text_.size()) break;
        }
        throw ParseError::unexpected(path_, line_, 0, "expected " + what + ", reached end of file");
    }

    std::int32_t integer(const Token& t, const std::string& what) const {
        std::int32_t v = 0;
        auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
        if (ec != std::errc{} || ptr != t.text.data() + t.text.size())
            throw ParseError::unexpected(path_, line_, t.column,
                                         "expected integer " + what + ", got '" + std::string(t.text) + "'");
        return v;
    }

    [[noreturn]] void fail(const std::string& detail, std::int64_t column = 0) const {
        throw ParseError::unexpected(path_, line_, column, detail);
    }

private:
    std::string_view text_;
    std::string path_;
    std::size_t pos_ = 0;
    std::int64_t line_ = 0;
};

}  // namespace

RcpspMaxProject parse_psplib_max(std::string_view text, const std::string& path) {
    return parse_psplib_max(text, path, io::ReadLimits{});
}

RcpspMaxProject parse_psplib_max(std::string_view text, const std::string& path, const io::ReadLimits& limits) {
    detail::check_text_lines(text, path, limits, " \t");
    SchReader in(text, path);
    RcpspMaxProject p;
    p.path = path;
    auto head = in.next("header 'n K 0 0'");
    if (head.size() < 2) in.fail("expected header 'n K 0 0' (real activities, renewable resources)");
    const std::int32_t real = in.integer(head[0], "number of activities");
    const std::int32_t resources = in.integer(head[1], "number of resources");
    if (real < 0 || resources < 0) in.fail("expected n >= 0 and K >= 0");
    detail::check_count(path, 1, "too many activities", std::int64_t{real} + 2, "max_tasks", limits.max_tasks);
    detail::check_count(path, 1, "too many resources", resources, "max_resources", limits.max_resources);
    for (std::size_t k = 2; k < head.size(); ++k)
        if (in.integer(head[k], "resource count") != 0) in.fail("expected 0 non-renewable / doubly constrained resources", head[k].column);
    p.num_jobs = real + 2;
    for (std::int32_t j = 0; j < p.num_jobs; ++j) {
        auto t = in.next("precedence row of activity " + std::to_string(j));
        if (t.size() < 3) in.fail("expected 'j #modes #successors successors... [lags]...'");
        if (in.integer(t[0], "activity number") != j) in.fail("expected activity number " + std::to_string(j), t[0].column);
        if (in.integer(t[1], "number of modes") != 1) in.fail("expected 1 mode (multi-mode RCPSP/max not supported)", t[1].column);
        const std::int32_t succ = in.integer(t[2], "number of successors");
        if (succ < 0 || t.size() != 3 + 2 * static_cast<std::size_t>(succ))
            in.fail("expected " + std::to_string(succ) + " successors and " + std::to_string(succ) + " lags, found " +
                    std::to_string(t.size() - 3) + " fields");
        for (std::int32_t k = 0; k < succ; ++k) {
            const Token& st = t[3 + static_cast<std::size_t>(k)];
            const std::int32_t to = in.integer(st, "successor");
            if (to < 0 || to >= p.num_jobs) in.fail("expected successor in 0.." + std::to_string(p.num_jobs - 1), st.column);
            const std::int32_t lag = in.integer(t[3 + static_cast<std::size_t>(succ + k)], "time lag");
            p.arcs.push_back(RcpspArc{.from = j, .to = to, .lag = lag});
        }
    }
    p.durations.assign(static_cast<std::size_t>(p.num_jobs), 0);
    for (std::int32_t j = 0; j < p.num_jobs; ++j) {
        auto t = in.next("request row of activity " + std::to_string(j));
        if (t.size() != 3 + static_cast<std::size_t>(resources))
            in.fail("expected 'j mode duration' and " + std::to_string(resources) + " demands, found " +
                    std::to_string(t.size()) + " fields");
        if (in.integer(t[0], "activity number") != j) in.fail("expected activity number " + std::to_string(j), t[0].column);
        p.durations[j] = in.integer(t[2], "duration");
        if (p.durations[j] < 0) in.fail("expected duration >= 0", t[2].column);
        for (std::int32_t k = 0; k < resources; ++k) {
            const std::int32_t d = in.integer(t[3 + static_cast<std::size_t>(k)], "demand");
            if (d < 0) in.fail("expected demand >= 0", t[3 + static_cast<std::size_t>(k)].column);
            p.demands.push_back(d);
        }
    }
    auto caps = in.next("resource capacities");
    if (caps.size() != static_cast<std::size_t>(resources))
        in.fail("expected " + std::to_string(resources) + " capacities, found " + std::to_string(caps.size()));
    for (const Token& c : caps) {
        p.capacities.push_back(in.integer(c, "capacity"));
        if (p.capacities.back() < 0) in.fail("expected capacity >= 0", c.column);
    }
    return p;
}

RcpspMaxProject read_psplib_max(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParseError::io(path.string(), "cannot open file");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_psplib_max(buffer.str(), path.string());
}

TemporalAnalysis temporal_analysis(const RcpspMaxProject& project) {
    TemporalAnalysis out;
    const std::int32_t n = project.num_jobs;
    out.earliest_start.assign(static_cast<std::size_t>(n), 0);
    std::vector<std::int32_t> parent(static_cast<std::size_t>(n), -1);
    // Bellman-Ford for longest paths: after n rounds without convergence a positive cycle exists.
    std::int32_t changed_job = -1;
    for (std::int32_t round = 0; round < n; ++round) {
        changed_job = -1;
        for (const RcpspArc& a : project.arcs) {
            const std::int64_t candidate = static_cast<std::int64_t>(out.earliest_start[a.from]) + a.lag;
            if (candidate > out.earliest_start[a.to]) {
                out.earliest_start[a.to] = static_cast<std::int32_t>(candidate);
                parent[a.to] = a.from;
                changed_job = a.to;
            }
        }
        if (changed_job < 0) break;
    }
    if (changed_job >= 0) {
        out.feasible = false;
        // Walk parents n times to land on the cycle, then collect it.
        std::int32_t j = changed_job;
        for (std::int32_t i = 0; i < n; ++i) j = parent[j];
        std::int32_t k = j;
        do {
            out.positive_cycle.push_back(k);
            k = parent[k];
        } while (k != j && k >= 0);
        std::reverse(out.positive_cycle.begin(), out.positive_cycle.end());
        return out;
    }
    for (std::int32_t j = 0; j < n; ++j)
        out.makespan_bound = std::max(out.makespan_bound, out.earliest_start[j] + project.durations[j]);
    return out;
}

}  // namespace ppm::leveling
