// Multi-project instance readers: MPLIB `.rcmp` (Van Eynde & Vanhoucke 2020) and MPSPLIB xml with
// its PSPLIB `.sm` projects (Homberger 2007). The instance type and the algorithms on it are
// leveling's (ppm/leveling/multiproject.hpp).
#include "ppm/io/multiproject.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "detail/text_cursor.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/psplib.hpp"
#include "ppm/io/text_file.hpp"

namespace ppm {

namespace {

using detail::TextCursor;
using detail::TextToken;

void finish_csr(MultiProjectInstance& m, const std::vector<std::vector<std::int32_t>>& succ) {
    m.successor_offsets.assign(1, 0);
    for (const auto& s : succ) {
        m.successor_indices.insert(m.successor_indices.end(), s.begin(), s.end());
        m.successor_offsets.push_back(static_cast<std::int32_t>(m.successor_indices.size()));
    }
}

// ModelError (cycle) when the successor arcs form a cycle (Kahn's topological order).
void reject_cycles(const MultiProjectInstance& m) {
    const std::int32_t n = m.num_jobs();
    std::vector<std::int32_t> indeg(static_cast<std::size_t>(n), 0);
    for (const std::int32_t s : m.successor_indices) ++indeg[s];
    std::vector<std::int32_t> queue;
    for (std::int32_t j = 0; j < n; ++j)
        if (indeg[j] == 0) queue.push_back(j);
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const std::int32_t j = queue[q];
        for (std::int32_t k = m.successor_offsets[j]; k < m.successor_offsets[j + 1]; ++k)
            if (--indeg[m.successor_indices[k]] == 0) queue.push_back(m.successor_indices[k]);
    }
    if (static_cast<std::int32_t>(queue.size()) != n) throw ModelError::cycle("job", {m.name});
}

// A token as a non-negative integer of at most 9 digits, at least `min_value`.
std::int32_t to_int(const TextCursor& in, const TextToken& t, const char* what, std::int64_t min_value = 0) {
    std::int64_t v = 0;
    bool ok = !t.text.empty() && t.text.size() < 10;
    for (std::size_t i = 0; ok && i < t.text.size(); ++i) {
        const char c = t.text[i];
        ok = c >= '0' && c <= '9';
        v = v * 10 + (c - '0');
    }
    if (!ok || v < min_value)
        in.fail_at(t, (std::string("'") += std::string(t.text)) + "', expected " + what +
                          (min_value > 0 ? " (>= 1)" : " (integer >= 0)"));
    return static_cast<std::int32_t>(v);
}

// The next token; ParseError "end of file, expected <what>" at the end.
TextToken next(TextCursor& in, const char* what) {
    TextToken t;
    if (!in.next_token(t)) in.fail(std::string("end of file, expected ") + what);
    return t;
}

std::int32_t integer(TextCursor& in, const char* what, std::int64_t min_value = 0) {
    return to_int(in, next(in, what), what, min_value);
}

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

}  // namespace

MultiProjectInstance parse_mplib(std::string_view text, const std::string& path) {
    TextCursor in(text, path);
    MultiProjectInstance m;
    m.path = path;
    m.name = std::filesystem::path(path).stem().string();
    const std::int32_t np = integer(in, "number of projects", 1);
    const std::int32_t nr = integer(in, "number of resources", 1);
    for (std::int32_t r = 0; r < nr; ++r) {
        m.capacities.push_back(integer(in, "resource capacity"));
        m.resource_names.push_back((std::string("R") += std::to_string(r + 1)));
        m.resource_owner.push_back(-1);
    }
    std::vector<std::vector<std::int32_t>> succ;
    m.job_offsets.assign(1, 0);
    for (std::int32_t p = 0; p < np; ++p) {
        m.project_names.push_back((std::string("P") += std::to_string(p + 1)));
        const std::int32_t nj = integer(in, "number of activities", 2);
        m.release.push_back(integer(in, "release date"));
        // Optional due date: a third number on the header line; then the nr resource usage flags (0/1).
        const std::int64_t line_before = in.line();
        TextToken t = next(in, "resource usage flags");
        std::vector<TextToken> flags;
        if (t.line == line_before) {
            m.due_date.push_back(to_int(in, t, "due date"));
        } else {
            m.due_date.push_back(-1);
            flags.push_back(t);
        }
        while (static_cast<std::int32_t>(flags.size()) < nr) flags.push_back(next(in, "resource usage flags"));
        for (const auto& f : flags)
            if (to_int(in, f, "resource usage flag 0 or 1") > 1)
                in.fail_at(f, (std::string("'") += std::string(f.text)) + "', expected resource usage flag 0 or 1");
        const std::int32_t base = m.job_offsets.back();
        for (std::int32_t j = 0; j < nj; ++j) {
            m.durations.push_back(integer(in, "activity duration"));
            for (std::int32_t r = 0; r < nr; ++r) {
                const TextToken dt = next(in, "resource demand");
                const std::int32_t d = to_int(in, dt, "resource demand");
                if (d > m.capacities[r])
                    in.fail_at(dt, (std::string("demand ") += std::to_string(d)) + " above capacity " +
                                       std::to_string(m.capacities[r]) + (std::string(" of R") += std::to_string(r + 1)));
                m.demands.push_back(d);
            }
            const std::int32_t ns = integer(in, "number of successors");
            std::vector<std::int32_t> s;
            for (std::int32_t k = 0; k < ns; ++k) {
                const TextToken st = next(in, "successor project:activity");
                const std::size_t colon = st.text.find(':');
                if (colon == std::string_view::npos)
                    in.fail_at(st, (std::string("'") += std::string(st.text)) + "', expected successor project:activity");
                const std::int32_t sp = to_int(in, {st.text.substr(0, colon), st.line, st.column}, "successor project", 1);
                const std::int32_t sa = to_int(in, {st.text.substr(colon + 1), st.line, st.column}, "successor activity", 1);
                if (sp != p + 1 || sa > nj)
                    in.fail_at(st, (std::string("successor '") += std::string(st.text)) +
                                       (std::string("' outside project ") += std::to_string(p + 1)) +
                                       (std::string(" (activities 1..") += std::to_string(nj)) + ")");
                s.push_back(base + sa - 1);
            }
            succ.push_back(std::move(s));
        }
        m.job_offsets.push_back(base + nj);
    }
    TextToken extra;
    if (in.next_token(extra)) in.fail_at(extra, (std::string("'") += std::string(extra.text)) + "', expected end of file");
    finish_csr(m, succ);
    reject_cycles(m);
    return m;
}

MultiProjectInstance read_mplib(const std::filesystem::path& path) { return parse_mplib(read_text_file(path), path.string()); }

MultiProjectInstance read_mpsplib(const std::filesystem::path& xml_path) {
    const std::string text = read_text_file(xml_path);
    const std::string path = xml_path.string();
    const TextCursor in(text, path);
    // All <tag>value</tag> pairs in document order, with the offset of the value.
    auto values = [&](const std::string& tag) {
        std::vector<std::pair<std::string, std::size_t>> out;
        const std::string open = "<" + tag + ">", close = "</" + tag + ">";
        for (std::size_t p = text.find(open); p != std::string::npos; p = text.find(open, p + 1)) {
            const std::size_t b = p + open.size();
            const std::size_t e = text.find(close, b);
            if (e == std::string::npos) throw ParseError::syntax(path, in.line_at(p), 0, "<" + tag + "> without " + close);
            std::string v = text.substr(b, e - b);
            const auto nb = v.find_first_not_of(" \t\r\n");
            const auto ne = v.find_last_not_of(" \t\r\n");
            v = nb == std::string::npos ? "" : v.substr(nb, ne - nb + 1);
            out.emplace_back(v, b);
        }
        return out;
    };
    auto to_int = [&](const std::pair<std::string, std::size_t>& v, const char* what) {
        if (v.first.empty() || v.first.find_first_not_of("0123456789") != std::string::npos || v.first.size() > 9)
            throw ParseError::unexpected(path, in.line_at(v.second), 0, "'" + v.first + "', expected " + what);
        return static_cast<std::int32_t>(std::stol(v.first));
    };
    const auto files = values("filename");
    const auto starts = values("start");
    const auto res = values("resource");
    if (files.empty()) throw ParseError::unexpected(path, 1, 0, "no <filename> element: not an MPSPLIB file");
    if (starts.size() != files.size())
        throw ParseError::unexpected(path, in.line_at(files.front().second), 0,
                                     "each <project> needs one <filename> and one <start>");
    MultiProjectInstance m;
    m.path = path;
    m.name = xml_path.stem().string();
    std::vector<PsplibProject> projects;
    for (const auto& f : files) projects.push_back(read_psplib(xml_path.parent_path() / f.first));
    const std::size_t nr = projects.front().renewable_capacities.size();
    if (res.size() != nr)
        throw ParseError::unexpected(path, res.empty() ? 1 : in.line_at(res.front().second), 0,
                                     std::to_string(res.size()) + (std::string(" <resource> values, expected ") += std::to_string(nr)) +
                                         " (one per PSPLIB resource)");
    std::vector<std::int32_t> global_index(nr, -1);
    for (std::size_t r = 0; r < nr; ++r) {
        const std::int32_t c = to_int(res[r], "resource capacity (0 = local)");
        if (c > 0) {
            global_index[r] = static_cast<std::int32_t>(m.capacities.size());
            m.capacities.push_back(c);
            m.resource_names.push_back((std::string("R") += std::to_string(r + 1)));
            m.resource_owner.push_back(-1);
        }
    }
    // Local resources: one per project per local PSPLIB resource.
    std::vector<std::vector<std::int32_t>> local_index(projects.size(), std::vector<std::int32_t>(nr, -1));
    for (std::size_t p = 0; p < projects.size(); ++p) {
        if (projects[p].renewable_capacities.size() != nr)
            throw ParseError::unexpected(projects[p].path, 0, 0, "renewable resource count differs from the first project's");
        for (std::size_t r = 0; r < nr; ++r) {
            if (global_index[r] >= 0) continue;
            local_index[p][r] = static_cast<std::int32_t>(m.capacities.size());
            m.capacities.push_back(projects[p].renewable_capacities[r]);
            m.resource_names.push_back((std::string("P") += std::to_string(p + 1)) + (std::string(".R") += std::to_string(r + 1)));
            m.resource_owner.push_back(static_cast<std::int32_t>(p));
        }
    }
    const std::size_t nres = m.capacities.size();
    std::vector<std::vector<std::int32_t>> succ;
    m.job_offsets.assign(1, 0);
    for (std::size_t p = 0; p < projects.size(); ++p) {
        const PsplibProject& pr = projects[p];
        m.project_names.push_back(std::filesystem::path(files[p].first).stem().string());
        m.release.push_back(to_int(starts[p], "project start (release date)"));
        m.due_date.push_back(-1);
        const std::int32_t base = m.job_offsets.back();
        for (std::int32_t j = 0; j < pr.num_jobs; ++j) {
            if (pr.num_modes(j) != 1)
                throw ParseError::unexpected(pr.path, 0, 0, (std::string("job ") += std::to_string(j + 1)) +
                                                                " has several modes; MPSPLIB projects are single-mode");
            const std::int32_t mode = pr.mode_offsets[j];
            m.durations.push_back(pr.mode_durations[mode]);
            std::vector<std::int32_t> row(nres, 0);
            for (std::size_t r = 0; r < nr; ++r) {
                const std::int32_t d = pr.renewable_demands[static_cast<std::size_t>(mode) * nr + r];
                const std::int32_t idx = global_index[r] >= 0 ? global_index[r] : local_index[p][r];
                if (d > m.capacities[idx])
                    throw ParseError::unexpected(pr.path, 0, 0,
                                                 (std::string("job ") += std::to_string(j + 1)) +
                                                     (std::string(" demands ") += std::to_string(d)) + " of " +
                                                     m.resource_names[idx] +
                                                     (std::string(", capacity ") += std::to_string(m.capacities[idx])));
                row[idx] = d;
            }
            m.demands.insert(m.demands.end(), row.begin(), row.end());
            std::vector<std::int32_t> s;
            for (std::int32_t k = pr.successor_offsets[j]; k < pr.successor_offsets[j + 1]; ++k)
                s.push_back(base + pr.successor_indices[k]);
            succ.push_back(std::move(s));
        }
        m.job_offsets.push_back(base + pr.num_jobs);
    }
    finish_csr(m, succ);
    reject_cycles(m);
    return m;
}

bool is_multiproject_file(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".rcmp") return true;
    if (ext != ".xml") return false;
    // MPSPLIB's root is <mp-list>; MS Project XML and P6 XML share the extension. Only the head is read.
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
    return head.find("<mp-list") != std::string::npos;
}

MultiProjectInstance read_multiproject(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".rcmp") return read_mplib(path);
    if (ext == ".xml") return read_mpsplib(path);
    throw ParseError::unexpected(path.string(), 0, 0, "extension '" + ext + "', expected .rcmp (MPLIB) or .xml (MPSPLIB)");
}

}  // namespace ppm
