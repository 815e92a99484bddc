// RAG assessment, roll-up and trend (see rag.hpp).
#include "ppm/governance/rag.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "ppm/core/error.hpp"

namespace ppm {

std::string_view to_string(Rag r) noexcept {
    switch (r) {
        case Rag::green: return "green";
        case Rag::amber: return "amber";
        case Rag::red: return "red";
        case Rag::none: return "none";
    }
    return "?";
}

std::string_view to_string(RagCheck c) noexcept {
    static constexpr std::string_view names[] = {"spi", "cpi", "spi_t", "float_erosion", "high_risks", "overdue_milestones", "baseline", "gate", "quality"};
    return names[static_cast<std::size_t>(c)];
}

std::string_view to_string(Trend t) noexcept {
    switch (t) {
        case Trend::improving: return "improving";
        case Trend::stable: return "stable";
        case Trend::worsening: return "worsening";
    }
    return "?";
}

double rag_score(Rag r) noexcept {
    switch (r) {
        case Rag::green: return 0.0;
        case Rag::amber: return 1.0;
        case Rag::red: return 2.0;
        case Rag::none: break;
    }
    return std::nan("");
}

namespace {
std::string fmt(double v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.2f", v);
    return b;
}
/// A count as a whole number when it is one ("2"), else with two decimals.
std::string fmt_count(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt(v).substr(0, fmt(v).size() - 3);
    return fmt(v);
}
/// The colour of `v` against a threshold, and the bound it missed (green's when amber, amber's when red).
struct Grade {
    Rag colour;
    double bound;
};
/// Higher is better (indices, rates).
Grade grade(double v, const IndexThreshold& th) noexcept {
    const Rag c = v >= th.green ? Rag::green : v >= th.amber ? Rag::amber : Rag::red;
    return {c, c == Rag::red ? th.amber : th.green};
}
/// Lower is better (counts, shares consumed).
Grade grade(double v, const CountThreshold& th) noexcept {
    const Rag c = v <= th.green ? Rag::green : v <= th.amber ? Rag::amber : Rag::red;
    return {c, c == Rag::red ? th.amber : th.green};
}
/// Throws ModelError(invalid_value, id) for index or rate bounds outside 0..`most` (`outside` says
/// why) or green below amber.
void check_bounds(const std::string& id, const IndexThreshold& th, double most, const char* outside) {
    for (const double v : {th.green, th.amber})
        if (!(v >= 0.0 && v <= most)) throw ModelError::invalid_value("RAG threshold", id, "bound " + fmt(v) + outside);
    if (th.green < th.amber)
        throw ModelError::invalid_value("RAG threshold", id, "green from " + fmt(th.green) + " is below amber from " + fmt(th.amber));
}
/// Throws ModelError(invalid_value, id) for count or share bounds outside 0..`most`, or green above amber.
void check_bounds(const std::string& id, const CountThreshold& th, double most) {
    for (const double v : {th.green, th.amber})
        if (!(v >= 0.0 && v <= most))
            throw ModelError::invalid_value("RAG threshold", id,
                                            "bound " + fmt(v) + (most <= 1.0 ? " is outside 0..1 (a share)" : v < 0.0 ? " is negative" : " is not a finite number"));
    if (th.green > th.amber)
        throw ModelError::invalid_value("RAG threshold", id, "green up to " + fmt(th.green) + " is above amber up to " + fmt(th.amber));
}
Rag worst(Rag a, Rag b) noexcept {
    if (a == Rag::none) return b;
    if (b == Rag::none) return a;
    return std::max(a, b);
}
}  // namespace

void check_thresholds(const RagThresholds& t) {
    constexpr double kAny = std::numeric_limits<double>::max();
    constexpr const char* kIndex = " is outside 0..2 (an index is a ratio: 0.95, not 95)";
    constexpr const char* kRate = " is outside 0..1 (a rate is a share: 0.95, not 95)";
    auto id = [](RagCheck c) { return std::string(to_string(c)); };
    check_bounds(id(RagCheck::spi), t.spi, 2.0, kIndex);
    check_bounds(id(RagCheck::cpi), t.cpi, 2.0, kIndex);
    check_bounds(id(RagCheck::spi_t), t.spi_t, 2.0, kIndex);
    check_bounds(id(RagCheck::float_erosion), t.float_erosion, 1.0);
    check_bounds(id(RagCheck::high_risks), t.high_risks, kAny);
    check_bounds(id(RagCheck::overdue_milestones), t.overdue_milestones, kAny);
    // Quality: ids "quality.<measure>".
    const auto& q = t.quality;
    check_bounds("quality.critical_defects", q.critical_defects, kAny);
    check_bounds("quality.major_defects", q.major_defects, kAny);
    check_bounds("quality.minor_defects", q.minor_defects, kAny);
    check_bounds("quality.failed_reviews", q.failed_reviews, kAny);
    check_bounds("quality.test_pass_rate", q.test_pass_rate, 1.0, kRate);
    check_bounds("quality.acceptance", q.acceptance, 1.0, kRate);
}

void check_policy(const RagPolicy& p) {
    check_thresholds(p.thresholds);
    for (auto [name, v] : {std::pair{"amber_from", p.amber_from}, {"red_from", p.red_from}})
        if (!(v >= 0.0 && v <= 2.0))
            throw ModelError::invalid_value("RAG roll-up bound", name, fmt(v) + " is outside 0..2 (green 0, amber 1, red 2)");
    if (p.amber_from > p.red_from)
        throw ModelError::invalid_value("RAG roll-up bound", "amber_from", fmt(p.amber_from) + " is above red_from " + fmt(p.red_from));
}

RagResult assess(const ProjectHealth& h, const RagPolicy& policy) {
    RagResult r;
    const auto& t = policy.thresholds;
    auto set = [&](RagCheck c, Rag colour, const std::string& why) {
        if (!policy.enabled[static_cast<std::size_t>(c)]) return;
        r.check[static_cast<std::size_t>(c)] = colour;
        if (colour == Rag::amber || colour == Rag::red) r.reasons.push_back(std::string(to_string(c)) + ": " + why);
        r.overall = worst(r.overall, colour);
    };
    auto index = [&](RagCheck c, double v, const IndexThreshold& th, const char* label) {
        if (std::isnan(v)) return;
        const Grade g = grade(v, th);
        set(c, g.colour, std::string(label) + " " + fmt(v) + " < " + fmt(g.bound));
    };
    auto count = [&](RagCheck c, double v, const CountThreshold& th, const char* label) {
        if (std::isnan(v)) return;
        const Grade g = grade(v, th);
        set(c, g.colour, std::string(label) + " " + fmt(v) + " > " + fmt(g.bound));
    };
    index(RagCheck::spi, h.spi, t.spi, "SPI");
    index(RagCheck::cpi, h.cpi, t.cpi, "CPI");
    index(RagCheck::spi_t, h.spi_t, t.spi_t, "SPI(t)");
    count(RagCheck::float_erosion, h.float_erosion, t.float_erosion, "float erosion");
    if (h.open_high_risks) count(RagCheck::high_risks, *h.open_high_risks, t.high_risks, "open high risks");
    if (h.overdue_milestones) count(RagCheck::overdue_milestones, *h.overdue_milestones, t.overdue_milestones, "overdue milestones");
    if (h.executing) {
        set(RagCheck::baseline, h.has_baseline ? Rag::green : Rag::red, "executing without an approved baseline");
        set(RagCheck::gate, h.gate_approved ? Rag::green : Rag::red, "executing without an approved gate");
    }
    // Quality: the worst of the known sub-measures, one reason per amber/red sub-measure.
    if (policy.enabled[static_cast<std::size_t>(RagCheck::quality)]) {
        const auto& q = t.quality;
        Rag colour = Rag::none;
        auto sub = [&](Rag c, const std::string& why) {
            colour = worst(colour, c);
            if (c == Rag::amber || c == Rag::red) r.reasons.push_back("quality: " + why);
        };
        auto qcount = [&](double v, const CountThreshold& th, const char* label) {
            if (std::isnan(v)) return;
            const Grade g = grade(v, th);
            sub(g.colour, std::string(label) + " " + fmt_count(v) + " > " + fmt_count(g.bound));
        };
        auto qrate = [&](double v, const IndexThreshold& th, const char* label) {
            if (std::isnan(v)) return;
            const Grade g = grade(v, th);
            sub(g.colour, std::string(label) + " " + fmt(v) + " < " + fmt(g.bound));
        };
        qcount(h.critical_defects, q.critical_defects, "open critical defects");
        qcount(h.major_defects, q.major_defects, "open major defects");
        qcount(h.minor_defects, q.minor_defects, "open minor defects");
        qcount(h.failed_reviews, q.failed_reviews, "failed reviews and audits");
        qrate(h.test_pass_rate, q.test_pass_rate, "test pass rate");
        qrate(h.acceptance_rate, q.acceptance, "deliverable acceptance");
        r.check[static_cast<std::size_t>(RagCheck::quality)] = colour;
        r.overall = worst(r.overall, colour);
    }
    r.escalate = policy.escalate_from != Rag::none && r.overall != Rag::none && r.overall >= policy.escalate_from;
    return r;
}

std::vector<RagRollupRow> rag_rollup(std::span<const ProjectHealth> projects, const RagPolicy& policy,
                                     std::span<const std::pair<ProgramId, ProgramId>> program_parent) {
    check_policy(policy);
    std::vector<RagRollupRow> rows;
    std::vector<RagResult> results;
    for (const auto& h : projects) {
        if (!(h.weight >= 0.0)) throw ModelError::invalid_value("RAG weight", h.project.str(), "must be >= 0");
        results.push_back(assess(h, policy));
        const auto& res = results.back();
        RagRollupRow row;
        row.kind = "project";
        row.id = h.project.str();
        row.rag = res.overall;
        row.score = rag_score(res.overall);
        row.weight = h.weight;
        row.red = res.overall == Rag::red;
        row.amber = res.overall == Rag::amber;
        row.green = res.overall == Rag::green;
        row.escalate = res.escalate;
        rows.push_back(row);
    }
    std::map<std::string, std::string> parent;
    for (const auto& [child, up] : program_parent) parent[child.str()] = up.str();
    // Programs containing each project (its own and every ancestor).
    std::map<std::string, std::vector<std::size_t>> members;
    for (std::size_t i = 0; i < projects.size(); ++i) {
        if (!projects[i].program) continue;
        std::string p = projects[i].program->str();
        for (std::size_t guard = 0; guard <= parent.size() && !p.empty(); ++guard) {
            members[p].push_back(i);
            auto it = parent.find(p);
            p = it == parent.end() ? std::string{} : it->second;
        }
        if (!p.empty()) throw ModelError::cycle("program", {p});
    }
    auto combine = [&](const std::string& kind, const std::string& id, const std::vector<std::size_t>& idx) {
        RagRollupRow row;
        row.kind = kind;
        row.id = id;
        double wsum = 0.0, ssum = 0.0, plain = 0.0;
        int assessed = 0;
        for (auto i : idx) {
            const auto& pr = rows[i];
            row.red += pr.red, row.amber += pr.amber, row.green += pr.green;
            row.escalate = row.escalate || pr.escalate;
            if (pr.rag == Rag::none) continue;
            ++assessed;
            wsum += pr.weight;
            ssum += pr.weight * pr.score;
            plain += pr.score;
            row.weight += pr.weight;
        }
        if (assessed == 0) {
            row.rag = Rag::none;
            row.score = std::nan("");
            return row;
        }
        row.score = wsum > 0.0 ? ssum / wsum : plain / assessed;
        row.rag = row.score >= policy.red_from ? Rag::red : row.score >= policy.amber_from ? Rag::amber : Rag::green;
        if (row.red > 0) row.rag = std::max(row.rag, Rag::amber);
        return row;
    };
    const std::size_t project_rows = rows.size();
    for (const auto& [id, idx] : members) rows.push_back(combine("program", id, idx));
    std::vector<std::size_t> all(project_rows);
    for (std::size_t i = 0; i < project_rows; ++i) all[i] = i;
    rows.push_back(combine("portfolio", "", all));
    return rows;
}

Trend trend(std::span<const double> scores, std::size_t window, double tolerance) {
    if (scores.size() < 2 || window == 0) return Trend::stable;
    const std::size_t from = scores.size() - 1 >= window ? scores.size() - 1 - window : 0;
    double mean = 0.0;
    for (std::size_t i = from; i + 1 < scores.size(); ++i) mean += scores[i];
    mean /= static_cast<double>(scores.size() - 1 - from);
    const double delta = scores.back() - mean;
    if (delta > tolerance) return Trend::worsening;
    if (delta < -tolerance) return Trend::improving;
    return Trend::stable;
}

}  // namespace ppm
