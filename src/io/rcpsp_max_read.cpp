// ProGen/max `.sch` reader (RCPSP/max library; format in ../shared/data/psplib/rcpsp-max/README.md).
#include "detail/read_limits_check.hpp"
#include "detail/text_cursor.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/io/text_file.hpp"

namespace ppm {
namespace {

using detail::TextCursor;
using detail::TextToken;

/// The next non-blank line's fields (separated by blanks, tabs and '\r'), `[x]` brackets stripped.
std::vector<TextToken> next_row(TextCursor& in, const std::string& what) {
    const std::string_view line = in.next_nonblank_line(what, " \t\r");
    std::vector<TextToken> out = in.fields(line, " \t\r");
    for (TextToken& t : out)
        if (t.text.size() >= 2 && t.text.front() == '[' && t.text.back() == ']') t.text = t.text.substr(1, t.text.size() - 2);
    return out;
}

std::int32_t integer(const TextCursor& in, const TextToken& t, const std::string& what) {
    const auto v = TextCursor::to_int32(t.text);
    if (!v) in.fail_at(t, "expected integer " + what + ", got '" + std::string(t.text) + "'");
    return *v;
}

}  // namespace

RcpspMaxProject parse_psplib_max(std::string_view text, const std::string& path) {
    return parse_psplib_max(text, path, ReadLimits{});
}

RcpspMaxProject parse_psplib_max(std::string_view text, const std::string& path, const ReadLimits& limits) {
    detail::check_text_lines(text, path, limits, " \t");
    TextCursor in(text, path);
    RcpspMaxProject p;
    p.path = path;
    auto head = next_row(in, "header 'n K 0 0'");
    if (head.size() < 2) in.fail("expected header 'n K 0 0' (real activities, renewable resources)");
    const std::int32_t real = integer(in, head[0], "number of activities");
    const std::int32_t resources = integer(in, head[1], "number of resources");
    if (real < 0 || resources < 0) in.fail("expected n >= 0 and K >= 0");
    detail::check_count(path, 1, "too many activities", std::int64_t{real} + 2, "max_tasks", limits.max_tasks);
    detail::check_count(path, 1, "too many resources", resources, "max_resources", limits.max_resources);
    for (std::size_t k = 2; k < head.size(); ++k)
        if (integer(in, head[k], "resource count") != 0)
            in.fail("expected 0 non-renewable / doubly constrained resources", head[k].column);
    p.num_jobs = real + 2;
    for (std::int32_t j = 0; j < p.num_jobs; ++j) {
        auto t = next_row(in, "precedence row of activity " + std::to_string(j));
        if (t.size() < 3) in.fail("expected 'j #modes #successors successors... [lags]...'");
        if (integer(in, t[0], "activity number") != j) in.fail("expected activity number " + std::to_string(j), t[0].column);
        if (integer(in, t[1], "number of modes") != 1)
            in.fail("expected 1 mode (multi-mode RCPSP/max not supported)", t[1].column);
        const std::int32_t succ = integer(in, t[2], "number of successors");
        if (succ < 0 || t.size() != 3 + 2 * static_cast<std::size_t>(succ))
            in.fail("expected " + std::to_string(succ) + " successors and " + std::to_string(succ) + " lags, found " +
                    std::to_string(t.size() - 3) + " fields");
        for (std::int32_t k = 0; k < succ; ++k) {
            const TextToken& st = t[3 + static_cast<std::size_t>(k)];
            const std::int32_t to = integer(in, st, "successor");
            if (to < 0 || to >= p.num_jobs) in.fail("expected successor in 0.." + std::to_string(p.num_jobs - 1), st.column);
            const std::int32_t lag = integer(in, t[3 + static_cast<std::size_t>(succ + k)], "time lag");
            p.arcs.push_back(RcpspArc{.from = j, .to = to, .lag = lag});
        }
    }
    p.durations.assign(static_cast<std::size_t>(p.num_jobs), 0);
    for (std::int32_t j = 0; j < p.num_jobs; ++j) {
        auto t = next_row(in, "request row of activity " + std::to_string(j));
        if (t.size() != 3 + static_cast<std::size_t>(resources))
            in.fail("expected 'j mode duration' and " + std::to_string(resources) + " demands, found " +
                    std::to_string(t.size()) + " fields");
        if (integer(in, t[0], "activity number") != j) in.fail("expected activity number " + std::to_string(j), t[0].column);
        p.durations[j] = integer(in, t[2], "duration");
        if (p.durations[j] < 0) in.fail("expected duration >= 0", t[2].column);
        for (std::int32_t k = 0; k < resources; ++k) {
            const std::int32_t d = integer(in, t[3 + static_cast<std::size_t>(k)], "demand");
            if (d < 0) in.fail("expected demand >= 0", t[3 + static_cast<std::size_t>(k)].column);
            p.demands.push_back(d);
        }
    }
    auto caps = next_row(in, "resource capacities");
    if (caps.size() != static_cast<std::size_t>(resources))
        in.fail("expected " + std::to_string(resources) + " capacities, found " + std::to_string(caps.size()));
    for (const TextToken& c : caps) {
        p.capacities.push_back(integer(in, c, "capacity"));
        if (p.capacities.back() < 0) in.fail("expected capacity >= 0", c.column);
    }
    return p;
}

RcpspMaxProject read_psplib_max(const std::filesystem::path& path) {
    return parse_psplib_max(read_text_file(path), path.string());
}

}  // namespace ppm
