// Multi-project instances (MPLIB .rcmp, Van Eynde & Vanhoucke 2020; MPSPLIB xml + PSPLIB .sm,
// Homberger 2007): readers, conversion to a portfolio and to one RCPSP instance, TPD / TMS.
#include "ppm/leveling/multiproject.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "ppm/core/error.hpp"
#include "ppm/leveling/psplib.hpp"
#include "ppm/leveling/rcpsp_solver.hpp"

namespace ppm::leveling {

namespace {

std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ParseError::io(path.string(), "cannot open file");
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Whitespace tokenizer with 1-based line and column.
class Tokens {
public:
    Tokens(std::string_view text, const std::string& path) : text_(text), path_(path) {}
    struct Token {
        std::string_view text;
        std::int64_t line = 0, column = 0;
    };
    bool next(Token& t) {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) {
            if (text_[pos_] == '\n') { ++line_; line_start_ = pos_ + 1; }
            ++pos_;
        }
        if (pos_ >= text_.size()) return false;
        const std::size_t b = pos_;
        while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
        t = {text_.substr(b, pos_ - b), line_, static_cast<std::int64_t>(b - line_start_) + 1};
        return true;
    }
    std::int32_t integer(const char* what, std::int64_t min_value = 0) {
        Token t;
        if (!next(t)) throw ParseError::unexpected(path_, line_, 0, std::string("end of file, expected ") + what);
        return to_int(t, what, min_value);
    }
    std::int32_t to_int(const Token& t, const char* what, std::int64_t min_value = 0) const {
        std::int64_t v = 0;
        bool ok = !t.text.empty() && t.text.size() < 10;
        for (const char c : t.text) {
            if (c < '0' || c > '9') { ok = false; break; }
            v = v * 10 + (c - '0');
        }
        if (!ok || v < min_value)
            throw ParseError::unexpected(path_, t.line, t.column,
                                         (std::string("'") += std::string(t.text)) + "', expected " + what + (min_value > 0 ? " (>= 1)" : " (integer >= 0)"));
        return static_cast<std::int32_t>(v);
    }
    [[nodiscard]] std::int64_t line() const noexcept { return line_; }
    bool peek_has_colon_successor(const Token& t) const { return t.text.find(':') != std::string_view::npos; }
    const std::string& path() const noexcept { return path_; }

private:
    std::string_view text_;
    std::string path_;
    std::size_t pos_ = 0, line_start_ = 0;
    std::int64_t line_ = 1;
};

void finish_csr(MultiProjectInstance& m, const std::vector<std::vector<std::int32_t>>& succ) {
    m.successor_offsets.assign(1, 0);
    for (const auto& s : succ) {
        m.successor_indices.insert(m.successor_indices.end(), s.begin(), s.end());
        m.successor_offsets.push_back(static_cast<std::int32_t>(m.successor_indices.size()));
    }
}

// Resource-free earliest finish of every job from its project's release (FS arcs, lag 0).
std::vector<std::int32_t> earliest_finish(const MultiProjectInstance& m) {
    const std::int32_t n = m.num_jobs();
    std::vector<std::int32_t> es(static_cast<std::size_t>(n), 0), indeg(static_cast<std::size_t>(n), 0);
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j) es[j] = m.release[p];
    for (const std::int32_t s : m.successor_indices) ++indeg[s];
    std::vector<std::int32_t> queue;
    for (std::int32_t j = 0; j < n; ++j) if (indeg[j] == 0) queue.push_back(j);
    for (std::size_t q = 0; q < queue.size(); ++q) {
        const std::int32_t j = queue[q];
        for (std::int32_t k = m.successor_offsets[j]; k < m.successor_offsets[j + 1]; ++k) {
            const std::int32_t s = m.successor_indices[k];
            es[s] = std::max(es[s], es[j] + m.durations[j]);
            if (--indeg[s] == 0) queue.push_back(s);
        }
    }
    if (static_cast<std::int32_t>(queue.size()) != n)
        throw ModelError::cycle("job", {m.name});
    for (std::int32_t j = 0; j < n; ++j) es[j] += m.durations[j];
    return es;
}

}  // namespace

MultiProjectInstance parse_mplib(std::string_view text, const std::string& path) {
    Tokens tk(text, path);
    MultiProjectInstance m;
    m.path = path;
    m.name = std::filesystem::path(path).stem().string();
    const std::int32_t np = tk.integer("number of projects", 1);
    const std::int32_t nr = tk.integer("number of resources", 1);
    for (std::int32_t r = 0; r < nr; ++r) {
        m.capacities.push_back(tk.integer("resource capacity"));
        m.resource_names.push_back((std::string("R") += std::to_string(r + 1)));
        m.resource_owner.push_back(-1);
    }
    std::vector<std::vector<std::int32_t>> succ;
    m.job_offsets.assign(1, 0);
    for (std::int32_t p = 0; p < np; ++p) {
        m.project_names.push_back((std::string("P") += std::to_string(p + 1)));
        const std::int64_t header_line = tk.line();
        (void)header_line;
        const std::int32_t nj = tk.integer("number of activities", 2);
        Tokens::Token t;
        m.release.push_back(tk.integer("release date"));
        // Optional due date: the next line's token count tells; read resource flags after it.
        // Flags are 0/1 and there are nr of them; a due date is a third number on the header line.
        const std::int64_t line_before = tk.line();
        if (!tk.next(t)) throw ParseError::unexpected(path, tk.line(), 0, "end of file, expected resource usage flags");
        std::vector<Tokens::Token> flags;
        if (t.line == line_before) {
            m.due_date.push_back(tk.to_int(t, "due date"));
        } else {
            m.due_date.push_back(-1);
            flags.push_back(t);
        }
        while (static_cast<std::int32_t>(flags.size()) < nr) {
            if (!tk.next(t)) throw ParseError::unexpected(path, tk.line(), 0, "end of file, expected resource usage flags");
            flags.push_back(t);
        }
        for (const auto& f : flags)
            if (tk.to_int(f, "resource usage flag 0 or 1") > 1)
                throw ParseError::unexpected(path, f.line, f.column, (std::string("'") += std::string(f.text)) + "', expected resource usage flag 0 or 1");
        const std::int32_t base = m.job_offsets.back();
        for (std::int32_t j = 0; j < nj; ++j) {
            m.durations.push_back(tk.integer("activity duration"));
            for (std::int32_t r = 0; r < nr; ++r) {
                Tokens::Token dt;
                if (!tk.next(dt)) throw ParseError::unexpected(path, tk.line(), 0, "end of file, expected resource demand");
                const std::int32_t d = tk.to_int(dt, "resource demand");
                if (d > m.capacities[r])
                    throw ParseError::unexpected(path, dt.line, dt.column, (std::string("demand ") += std::to_string(d)) + " above capacity " +
                                                                               std::to_string(m.capacities[r]) + (std::string(" of R") += std::to_string(r + 1)));
                m.demands.push_back(d);
            }
            const std::int32_t ns = tk.integer("number of successors");
            std::vector<std::int32_t> s;
            for (std::int32_t k = 0; k < ns; ++k) {
                Tokens::Token st;
                if (!tk.next(st)) throw ParseError::unexpected(path, tk.line(), 0, "end of file, expected successor project:activity");
                const std::size_t colon = st.text.find(':');
                if (colon == std::string_view::npos)
                    throw ParseError::unexpected(path, st.line, st.column, (std::string("'") += std::string(st.text)) + "', expected successor project:activity");
                const std::int32_t sp = tk.to_int({st.text.substr(0, colon), st.line, st.column}, "successor project", 1);
                const std::int32_t sa = tk.to_int({st.text.substr(colon + 1), st.line, st.column}, "successor activity", 1);
                if (sp != p + 1 || sa > nj)
                    throw ParseError::unexpected(path, st.line, st.column,
                                                 (std::string("successor '") += std::string(st.text)) + (std::string("' outside project ") += std::to_string(p + 1)) +
                                                     (std::string(" (activities 1..") += std::to_string(nj)) + ")");
                s.push_back(base + sa - 1);
            }
            succ.push_back(std::move(s));
        }
        m.job_offsets.push_back(base + nj);
    }
    Tokens::Token extra;
    if (tk.next(extra)) throw ParseError::unexpected(path, extra.line, extra.column, (std::string("'") += std::string(extra.text)) + "', expected end of file");
    finish_csr(m, succ);
    (void)earliest_finish(m);  // rejects cycles
    return m;
}

MultiProjectInstance read_mplib(const std::filesystem::path& path) { return parse_mplib(read_text(path), path.string()); }

MultiProjectInstance read_mpsplib(const std::filesystem::path& xml_path) {
    const std::string text = read_text(xml_path);
    const std::string path = xml_path.string();
    auto line_of = [&](std::size_t pos) { return 1 + static_cast<std::int64_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(pos), '\n')); };
    // All <tag>value</tag> pairs in document order.
    auto values = [&](const std::string& tag) {
        std::vector<std::pair<std::string, std::size_t>> out;
        const std::string open = "<" + tag + ">", close = "</" + tag + ">";
        for (std::size_t p = text.find(open); p != std::string::npos; p = text.find(open, p + 1)) {
            const std::size_t b = p + open.size();
            const std::size_t e = text.find(close, b);
            if (e == std::string::npos) throw ParseError::syntax(path, line_of(p), 0, "<" + tag + "> without " + close);
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
            throw ParseError::unexpected(path, line_of(v.second), 0, "'" + v.first + "', expected " + what);
        return static_cast<std::int32_t>(std::stol(v.first));
    };
    const auto files = values("filename");
    const auto starts = values("start");
    const auto res = values("resource");
    if (files.empty()) throw ParseError::unexpected(path, 1, 0, "no <filename> element: not an MPSPLIB file");
    if (starts.size() != files.size())
        throw ParseError::unexpected(path, line_of(files.front().second), 0, "each <project> needs one <filename> and one <start>");
    MultiProjectInstance m;
    m.path = path;
    m.name = xml_path.stem().string();
    std::vector<PsplibProject> projects;
    for (const auto& f : files) projects.push_back(read_psplib(xml_path.parent_path() / f.first));
    const std::size_t nr = projects.front().renewable_capacities.size();
    if (res.size() != nr)
        throw ParseError::unexpected(path, res.empty() ? 1 : line_of(res.front().second), 0,
                                     std::to_string(res.size()) + (std::string(" <resource> values, expected ") += std::to_string(nr)) + " (one per PSPLIB resource)");
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
                throw ParseError::unexpected(pr.path, 0, 0, (std::string("job ") += std::to_string(j + 1)) + " has several modes; MPSPLIB projects are single-mode");
            const std::int32_t mode = pr.mode_offsets[j];
            m.durations.push_back(pr.mode_durations[mode]);
            std::vector<std::int32_t> row(nres, 0);
            for (std::size_t r = 0; r < nr; ++r) {
                const std::int32_t d = pr.renewable_demands[static_cast<std::size_t>(mode) * nr + r];
                const std::int32_t idx = global_index[r] >= 0 ? global_index[r] : local_index[p][r];
                if (d > m.capacities[idx])
                    throw ParseError::unexpected(pr.path, 0, 0, (std::string("job ") += std::to_string(j + 1)) + (std::string(" demands ") += std::to_string(d)) + " of " +
                                                                    m.resource_names[idx] + (std::string(", capacity ") += std::to_string(m.capacities[idx])));
                row[idx] = d;
            }
            m.demands.insert(m.demands.end(), row.begin(), row.end());
            std::vector<std::int32_t> s;
            for (std::int32_t k = pr.successor_offsets[j]; k < pr.successor_offsets[j + 1]; ++k) s.push_back(base + pr.successor_indices[k]);
            succ.push_back(std::move(s));
        }
        m.job_offsets.push_back(base + pr.num_jobs);
    }
    finish_csr(m, succ);
    (void)earliest_finish(m);
    return m;
}

bool is_multiproject_file(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".rcmp") return true;
    if (ext != ".xml") return false;
    // MPSPLIB's root is <mp-list>; MS Project XML and P6 XML share the extension.
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(std::max<std::streamsize>(0, in.gcount())));
    return head.find("<mp-list") != std::string::npos;
}

MultiProjectInstance read_multiproject(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".rcmp") return read_mplib(path);
    if (ext == ".xml") return read_mpsplib(path);
    throw ParseError::unexpected(path.string(), 0, 0, "extension '" + ext + "', expected .rcmp (MPLIB) or .xml (MPSPLIB)");
}

Portfolio to_portfolio(const MultiProjectInstance& m, const MultiProjectPortfolioOptions& options) {
    Portfolio pf;
    pf.id = PortfolioId{m.name.empty() ? std::string("multiproject") : m.name};
    pf.name = m.name;
    pf.calendars.push_back(Calendar::twenty_four_seven(CalendarId{"24x7"}));
    pf.default_calendar = CalendarId{"24x7"};
    const std::int64_t per = options.period.count();
    for (std::int32_t r = 0; r < m.num_resources(); ++r)
        pf.resources.push_back({.id = ResourceId{m.resource_names[r]}, .name = m.resource_names[r],
                                .max_units = static_cast<double>(m.capacities[r])});
    const std::int32_t nr = m.num_resources();
    std::vector<TaskId> ids(static_cast<std::size_t>(m.num_jobs()));
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j)
            ids[j] = TaskId{(std::string("P") += std::to_string(p + 1)) + (std::string(".") += std::to_string(j - m.job_offsets[p] + 1))};
    std::vector<std::vector<std::int32_t>> preds(static_cast<std::size_t>(m.num_jobs()));
    for (std::int32_t j = 0; j < m.num_jobs(); ++j)
        for (std::int32_t k = m.successor_offsets[j]; k < m.successor_offsets[j + 1]; ++k) preds[m.successor_indices[k]].push_back(j);
    for (std::int32_t p = 0; p < m.num_projects(); ++p) {
        Project proj;
        proj.id = ProjectId{(std::string("P") += std::to_string(p + 1))};
        proj.name = m.project_names[p];
        proj.start = options.origin + Duration{per * m.release[p]};
        if (m.due_date[p] >= 0) proj.deadline = options.origin + Duration{per * m.due_date[p]};
        proj.minutes_per_day = per;
        proj.minutes_per_week = per * 7;
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j) {
            Task t;
            t.id = ids[j];
            t.name = (std::string("job ") += std::to_string(j - m.job_offsets[p] + 1));
            t.duration = Duration{per * m.durations[j]};
            t.milestone = m.durations[j] == 0;
            for (const std::int32_t q : preds[j]) t.predecessors.push_back({.predecessor = ids[q]});
            for (std::int32_t r = 0; r < nr; ++r) {
                const std::int32_t d = m.demands[static_cast<std::size_t>(j) * nr + r];
                if (d > 0) t.assignments.push_back({.resource = ResourceId{m.resource_names[r]}, .units = static_cast<double>(d)});
            }
            proj.tasks.push_back(std::move(t));
        }
        pf.projects.push_back(std::move(proj));
    }
    return pf;
}

Portfolio to_portfolio(const RcpspInstance& inst, const MultiProjectPortfolioOptions& options) {
    Portfolio pf;
    pf.id = PortfolioId{inst.name().empty() ? std::string("rcpsp") : inst.name()};
    pf.name = inst.name();
    pf.calendars.push_back(Calendar::twenty_four_seven(CalendarId{"24x7"}));
    pf.default_calendar = CalendarId{"24x7"};
    const std::int64_t per = options.period.count();
    const std::int32_t nr = inst.num_resources();
    for (std::int32_t r = 0; r < nr; ++r) {
        const std::string name = "R" + std::to_string(r + 1);
        pf.resources.push_back({.id = ResourceId{name}, .name = name, .max_units = static_cast<double>(inst.capacity(r))});
    }
    Project proj;
    proj.id = ProjectId{"P1"};
    proj.name = inst.name();
    proj.start = options.origin;
    proj.minutes_per_day = per;
    proj.minutes_per_week = per * 7;
    auto id_of = [&](std::int32_t j) { return TaskId{"J" + inst.job_name(j)}; };
    for (std::int32_t j = 0; j < inst.num_jobs(); ++j) {
        Task t;
        t.id = id_of(j);
        t.name = "job " + inst.job_name(j);
        t.duration = Duration{per * inst.duration(j)};
        t.milestone = inst.duration(j) == 0;
        const auto preds = inst.predecessors(j);
        const auto lags = inst.predecessor_lags(j);
        for (std::size_t k = 0; k < preds.size(); ++k) {
            Dependency d{.predecessor = id_of(preds[k])};
            if (lags[k] != inst.duration(preds[k])) {
                d.type = LinkType::start_start;
                d.lag = Lag{LagUnit::elapsed, Duration{per * lags[k]}, 0.0};
            }
            t.predecessors.push_back(std::move(d));
        }
        const auto dem = inst.demands(j);
        for (std::int32_t r = 0; r < nr; ++r)
            if (dem[r] > 0) t.assignments.push_back({.resource = pf.resources[r].id, .units = static_cast<double>(dem[r])});
        proj.tasks.push_back(std::move(t));
    }
    pf.projects.push_back(std::move(proj));
    return pf;
}

RcpspInstance to_rcpsp_instance(const MultiProjectInstance& m) {
    RcpspData d;
    d.name = m.name;
    const std::int32_t n = m.num_jobs(), nr = m.num_resources();
    d.durations.push_back(0);
    d.durations.insert(d.durations.end(), m.durations.begin(), m.durations.end());
    d.durations.push_back(0);
    d.capacities = m.capacities;
    d.demands.assign(static_cast<std::size_t>(n + 2) * nr, 0);
    std::copy(m.demands.begin(), m.demands.end(), d.demands.begin() + nr);
    d.job_names.push_back("source");
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j)
            d.job_names.push_back((std::string("P") += std::to_string(p + 1)) + (std::string(".") += std::to_string(j - m.job_offsets[p] + 1)));
    d.job_names.push_back("sink");
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j) d.arcs.push_back({0, j + 1, m.release[p]});
    for (std::int32_t j = 0; j < n; ++j) {
        for (std::int32_t k = m.successor_offsets[j]; k < m.successor_offsets[j + 1]; ++k)
            add_finish_to_start(d, j + 1, m.successor_indices[k] + 1);
        add_finish_to_start(d, j + 1, n + 1);
    }
    return RcpspInstance(std::move(d));
}

MultiProjectObjectives evaluate(const MultiProjectInstance& m, std::span<const std::int32_t> starts) {
    MultiProjectObjectives o;
    const std::vector<std::int32_t> ef = earliest_finish(m);
    std::int32_t min_release = std::numeric_limits<std::int32_t>::max(), max_finish = 0, max_cpm = 0;
    for (std::int32_t p = 0; p < m.num_projects(); ++p) {
        std::int32_t f = m.release[p], c = m.release[p];
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j) {
            c = std::max(c, ef[j]);
            if (static_cast<std::size_t>(j) < starts.size()) f = std::max(f, starts[j] + m.durations[j]);
        }
        o.project_finish.push_back(f);
        o.project_cpm_finish.push_back(c);
        o.total_project_delay += f - c;
        min_release = std::min(min_release, m.release[p]);
        max_finish = std::max(max_finish, f);
        max_cpm = std::max(max_cpm, c);
    }
    if (m.num_projects() == 0) min_release = 0;
    o.total_makespan = max_finish - min_release;
    std::int32_t lb = max_cpm - min_release;
    for (std::int32_t r = 0; r < m.num_resources(); ++r) {
        if (m.capacities[r] <= 0) continue;
        std::int64_t work = 0;
        for (std::int32_t j = 0; j < m.num_jobs(); ++j) work += std::int64_t{m.durations[j]} * m.demands[static_cast<std::size_t>(j) * m.num_resources() + r];
        lb = std::max(lb, static_cast<std::int32_t>((work + m.capacities[r] - 1) / m.capacities[r]));
    }
    o.tms_lower_bound = lb;
    return o;
}

std::string check_multiproject(const MultiProjectInstance& m, std::span<const std::int32_t> starts) {
    const std::int32_t n = m.num_jobs(), nr = m.num_resources();
    if (static_cast<std::int32_t>(starts.size()) != n) return (std::string("expected ") += std::to_string(n)) + " start times";
    for (std::int32_t p = 0; p < m.num_projects(); ++p)
        for (std::int32_t j = m.job_offsets[p]; j < m.job_offsets[p + 1]; ++j)
            if (starts[j] < m.release[p]) return (std::string("job ") += std::to_string(j)) + " starts before its project's release";
    std::int32_t horizon = 0;
    for (std::int32_t j = 0; j < n; ++j) {
        horizon = std::max(horizon, starts[j] + m.durations[j]);
        for (std::int32_t k = m.successor_offsets[j]; k < m.successor_offsets[j + 1]; ++k)
            if (starts[m.successor_indices[k]] < starts[j] + m.durations[j])
                return (std::string("job ") += std::to_string(m.successor_indices[k])) + (std::string(" starts before predecessor ") += std::to_string(j)) + " finishes";
    }
    std::vector<std::int64_t> use(static_cast<std::size_t>(horizon + 1) * nr, 0);
    for (std::int32_t j = 0; j < n; ++j)
        for (std::int32_t t = starts[j]; t < starts[j] + m.durations[j]; ++t)
            for (std::int32_t r = 0; r < nr; ++r) use[static_cast<std::size_t>(t) * nr + r] += m.demands[static_cast<std::size_t>(j) * nr + r];
    for (std::int32_t t = 0; t <= horizon; ++t)
        for (std::int32_t r = 0; r < nr; ++r)
            if (use[static_cast<std::size_t>(t) * nr + r] > m.capacities[r])
                return "resource " + m.resource_names[r] + (std::string(" over capacity in period ") += std::to_string(t));
    return {};
}

std::vector<std::int32_t> start_periods(const LevelResult& levelled, const MultiProjectPortfolioOptions& options) {
    std::vector<std::int32_t> out(levelled.start.size());
    for (std::size_t j = 0; j < out.size(); ++j)
        out[j] = static_cast<std::int32_t>((levelled.start[j] - options.origin).count() / options.period.count());
    return out;
}

std::vector<std::int32_t> solve_combined(const MultiProjectInstance& m, const RcpspOptions& options) {
    const RcpspResult rr = solve_rcpsp(to_rcpsp_instance(m), options);
    if (rr.start_times.empty()) return {};
    return {rr.start_times.begin() + 1, rr.start_times.end() - 1};  // without the source and the sink
}

MultiProjectResult level_multiproject(const MultiProjectInstance& m, const MultiProjectLevelOptions& options) {
    const auto t0 = std::chrono::steady_clock::now();
    MultiProjectResult out;
    const MultiProjectPortfolioOptions po{};
    out.start_times = start_periods(level(to_portfolio(m, po), options.level), po);
    out.level_objectives = evaluate(m, out.start_times);
    out.objectives = out.level_objectives;
    out.method = "level";
    const bool by_tpd = options.level.objective == LevelObjective::total_project_delay;
    auto key = [&](const MultiProjectObjectives& o) {
        return by_tpd ? std::pair<std::int64_t, std::int64_t>{o.total_project_delay, o.total_makespan}
                      : std::pair<std::int64_t, std::int64_t>{o.total_makespan, o.total_project_delay};
    };
    if (options.rcpsp_schedules > 0) {
        RcpspOptions ro;
        ro.max_schedules = options.rcpsp_schedules;
        ro.seed = options.level.seed;
        ro.stop = options.level.stop;
        std::vector<std::int32_t> s = solve_combined(m, ro);
        if (!s.empty()) {
            out.ga_objectives = evaluate(m, s);
            if (key(out.ga_objectives) < key(out.objectives)) {
                out.objectives = out.ga_objectives;
                out.start_times = std::move(s);
                out.method = "rcpsp_ga";
            }
        }
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return out;
}

}  // namespace ppm::leveling
