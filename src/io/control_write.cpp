// Writing the control sections of a model document (docs/evm.md, docs/schema/control.schema.json).
#include "ppm/io/control_json.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "io/detail/json_units.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"

namespace ppm {
namespace {
using nlohmann::json;

// ---- writing ---------------------------------------------------------------------------------

json money_json(Money m) {
    if (m.minor_units() % 100 == 0) return json(m.minor_units() / 100);
    return json(m.major());
}
json assessment_json(const RiskAssessment& a) {
    json j{{"probability", a.probability}};
    if (a.impact.cost != Money{}) j["cost"] = money_json(a.impact.cost);
    if (a.impact.schedule != Duration{}) j["schedule"] = a.impact.schedule.count();
    if (a.impact.quality != 0) j["quality"] = a.impact.quality;
    if (a.impact.scope != 0) j["scope"] = a.impact.scope;
    return j;
}
json thresholds_json(const RagThresholds& t) {
    auto idx = [](const IndexThreshold& x) { return json{{"green", x.green}, {"amber", x.amber}}; };
    auto cnt = [](const CountThreshold& x) { return json{{"green", x.green}, {"amber", x.amber}}; };
    const QualityThresholds& q = t.quality;
    json quality{{"critical_defects", cnt(q.critical_defects)}, {"major_defects", cnt(q.major_defects)},
                 {"minor_defects", cnt(q.minor_defects)},       {"failed_reviews", cnt(q.failed_reviews)},
                 {"test_pass_rate", idx(q.test_pass_rate)},     {"acceptance", idx(q.acceptance)}};
    return {{"spi", idx(t.spi)}, {"cpi", idx(t.cpi)}, {"spi_t", idx(t.spi_t)}, {"float_erosion", cnt(t.float_erosion)},
            {"high_risks", cnt(t.high_risks)}, {"overdue_milestones", cnt(t.overdue_milestones)}, {"quality", quality}};
}
json quality_json(const QualityStatus& q) {
    json defects = json::object();
    for (std::size_t k = 0; k < kDefectSeverityCount; ++k) defects[std::string(to_string(static_cast<DefectSeverity>(k)))] = q.open_defects[k];
    json x{{"project", q.project.str()}, {"date", to_string(q.date)}, {"open_defects", defects}};
    if (!q.reviews.empty()) {
        json reviews = json::array();
        for (const auto& r : q.reviews) {
            json y{{"id", r.id}, {"date", to_string(r.date)}, {"kind", r.kind}, {"passed", r.passed}, {"findings", r.findings}};
            if (!r.methodology.empty()) y["methodology"] = r.methodology;
            if (!r.phase.empty()) y["phase"] = r.phase;
            reviews.push_back(y);
        }
        x["reviews"] = reviews;
    }
    auto pair = [&](const char* key, const char* whole_key, const std::optional<std::int32_t>& whole, const char* part_key,
                    const std::optional<std::int32_t>& part) {
        if (!whole && !part) return;
        json y = json::object();
        if (whole) y[whole_key] = *whole;
        if (part) y[part_key] = *part;
        x[key] = y;
    };
    pair("tests", "run", q.tests_run, "passed", q.tests_passed);
    pair("deliverables", "submitted", q.deliverables_submitted, "accepted", q.deliverables_accepted);
    return x;
}
json distribution_json(const DurationDistribution& d) {
    json j{{"type", std::string(to_string(d.kind))}};
    switch (d.kind) {
        case DistributionKind::fixed: j["value"] = d.min; break;
        case DistributionKind::uniform: j["min"] = d.min, j["max"] = d.max; break;
        case DistributionKind::triangular: j["min"] = d.min, j["most_likely"] = d.most_likely, j["max"] = d.max; break;
        case DistributionKind::pert:
            j["min"] = d.min, j["most_likely"] = d.most_likely, j["max"] = d.max;
            if (d.lambda != 4.0) j["lambda"] = d.lambda;
            break;
        case DistributionKind::lognormal: j["mean"] = d.mean, j["stddev"] = d.stddev; break;
        case DistributionKind::discrete: j["values"] = d.values, j["probabilities"] = d.probabilities; break;
    }
    return j;
}

}  // namespace

std::map<std::string, std::string, std::less<>> write_control_sections(const ControlData& d) {
    std::map<std::string, std::string, std::less<>> out;
    auto matrix_json = [](const RiskMatrix& m) {
        json pb = json::array(), cb = json::array(), sb = json::array(), sc = json::array();
        for (std::size_t i = 0; i < 4; ++i) pb.push_back(m.probability_bounds[i]), cb.push_back(money_json(m.cost_bounds[i])), sb.push_back(m.schedule_bounds[i].count());
        for (const auto& row : m.score) sc.push_back(row);
        return json{{"probability_bounds", pb}, {"cost_bounds", cb}, {"schedule_bounds", sb}, {"score", sc},
                    {"medium_from", m.medium_from}, {"high_from", m.high_from}};
    };
    auto escalation_json = [](const EscalationRule& e) {
        return json{{"program_score", e.program_score}, {"portfolio_score", e.portfolio_score}, {"program_emv", money_json(e.program_emv)},
                    {"portfolio_emv", money_json(e.portfolio_emv)}, {"strategy_escalates", e.strategy_escalates}};
    };
    const bool custom_matrix = matrix_json(d.matrix) != matrix_json(RiskMatrix{});
    const bool custom_escalation = escalation_json(d.escalation) != escalation_json(EscalationRule{});
    if (!d.risks.empty() || custom_matrix || custom_escalation) {
        json items = json::array();
        for (const auto& r : d.risks) {
            json j{{"id", r.id}};
            auto put = [&](const char* k, const std::string& v) {
                if (!v.empty()) j[k] = v;
            };
            put("title", r.title), put("cause", r.cause), put("event", r.event), put("effect", r.effect), put("category", r.category);
            if (r.project) j["project"] = r.project->str();
            if (r.program) j["program"] = r.program->str();
            put("owner", r.owner);
            if (r.opportunity) j["opportunity"] = true;
            j["pre"] = assessment_json(r.pre);
            if (r.post) j["post"] = assessment_json(*r.post);
            j["strategy"] = std::string(to_string(r.strategy));
            j["status"] = std::string(to_string(r.status));
            if (!r.actions.empty()) {
                json acts = json::array();
                for (const auto& a : r.actions) {
                    json x{{"description", a.description}};
                    if (!a.owner.empty()) x["owner"] = a.owner;
                    if (a.due) x["due"] = to_string(*a.due);
                    if (a.done) x["done"] = true;
                    if (a.cost != Money{}) x["cost"] = money_json(a.cost);
                    acts.push_back(x);
                }
                j["actions"] = acts;
            }
            if (!r.linked_tasks.empty()) {
                json lt = json::array();
                for (const auto& t : r.linked_tasks) lt.push_back(t.str());
                j["linked_tasks"] = lt;
            }
            if (r.raised) j["raised"] = to_string(*r.raised);
            if (r.review_due) j["review_due"] = to_string(*r.review_due);
            items.push_back(j);
        }
        json section{{"items", items}};
        if (custom_matrix) section["matrix"] = matrix_json(d.matrix);
        if (custom_escalation) section["escalation"] = escalation_json(d.escalation);
        out["risks"] = section.dump();
    }
    if (!d.baselines.empty()) {
        json arr = json::array();
        for (const auto& set : d.baselines)
            for (const auto& b : set.baselines) {
                json tasks = json::array();
                for (std::size_t k = 0; k < b.size(); ++k)
                    tasks.push_back({{"task", b.task[k].str()}, {"start", to_string(b.start[k])}, {"finish", to_string(b.finish[k])},
                                     {"cost", money_json(b.cost[k])}});
                json j{{"name", b.name}, {"project", b.project.str()}, {"captured_at", to_string(b.captured_at)}, {"tasks", tasks}};
                if (set.active() == &b) j["current"] = true;
                arr.push_back(j);
            }
        out["baselines"] = arr.dump();
    }
    if (!d.status.empty()) {
        json arr = json::array();
        for (const auto& s : d.status) {
            json tasks = json::array();
            for (std::size_t k = 0; k < s.task.size(); ++k) {
                json row{{"task", s.task[k].str()}, {"percent_complete", s.percent_complete[k]}, {"actual_cost", money_json(s.actual_cost[k])}};
                if (!s.started.empty() && s.started[k] != 0) row["started"] = true;
                if (!s.units_complete.empty() && !std::isnan(s.units_complete[k])) row["units_complete"] = s.units_complete[k];
                if (!s.milestones_done.empty() && !s.milestones_done[k].empty()) row["milestones_done"] = s.milestones_done[k];
                tasks.push_back(std::move(row));
            }
            arr.push_back({{"project", s.project.str()}, {"date", to_string(s.date)}, {"tasks", tasks}});
        }
        out["status"] = arr.dump();
    }
    {
        const auto& u = d.uncertainty;
        json j{{"iterations", u.iterations}, {"seed", u.seed}};
        if (u.relative_default) j["default"] = distribution_json(*u.relative_default);
        if (!u.tasks.empty()) {
            json t = json::object();
            for (const auto& tu : u.tasks) t[tu.task.str()] = distribution_json(tu.distribution);
            j["tasks"] = t;
        }
        if (!u.correlations.empty()) {
            json cs = json::array();
            for (const auto& c : u.correlations) {
                json tasks = json::array(), m = json::array();
                for (const auto& t : c.tasks) tasks.push_back(t.str());
                for (Eigen::Index i = 0; i < c.correlation.rows(); ++i) {
                    json row = json::array();
                    for (Eigen::Index k = 0; k < c.correlation.cols(); ++k) row.push_back(c.correlation(i, k));
                    m.push_back(row);
                }
                cs.push_back({{"name", c.name}, {"tasks", tasks}, {"matrix", m}});
            }
            j["correlations"] = cs;
        }
        if (u.repair_correlation) j["repair_correlation"] = true;
        if (!u.risk_events) j["risk_events"] = false;
        if (u.target_finish) j["target_finish"] = to_string(*u.target_finish);
        if (u.calendars != SimulationCalendars::automatic) j["calendars"] = std::string(to_string(u.calendars));
        if (u.level) j["level"] = true;
        if (u.level_period != 60) j["level_period"] = u.level_period;
        out["uncertainty"] = j.dump();
    }
    {
        const auto& g = d.governance;
        json j{{"pmo", std::string(to_string(g.pmo))}, {"weight", g.weight}, {"eac_method", std::string(to_string(g.eac_method))}};
        if (!g.projects.empty()) {
            json ps = json::object();
            for (const auto& p : g.projects) {
                json f = json::object();
                if (p.float_erosion) f["float_erosion"] = *p.float_erosion;
                if (p.gate_approved) f["gate_approved"] = *p.gate_approved;
                if (p.executing) f["executing"] = *p.executing;
                if (p.weight) f["weight"] = *p.weight;
                ps[p.project.str()] = f;
            }
            j["projects"] = ps;
        }
        if (g.thresholds) j["thresholds"] = thresholds_json(*g.thresholds);
        if (g.policy) {
            const RagPolicy& p = *g.policy;
            json checks = json::object();
            for (std::size_t k = 0; k < kRagCheckCount; ++k) checks[std::string(to_string(static_cast<RagCheck>(k)))] = p.enabled[k];
            j["policy"] = {{"name", p.name}, {"thresholds", thresholds_json(p.thresholds)}, {"checks", checks},
                           {"escalate_from", std::string(to_string(p.escalate_from))}, {"amber_from", p.amber_from}, {"red_from", p.red_from}};
        }
        auto dates = [](json& x, const char* key, const std::optional<Date>& day) {
            if (day) x[key] = to_string(*day);
        };
        auto text = [](json& x, const char* key, const std::string& v) {
            if (!v.empty()) x[key] = v;
        };
        if (!g.methodologies.empty()) {
            json arr = json::array();
            for (const auto& m : g.methodologies) {
                json phases = json::array(), wbs = json::array();
                for (const auto& ph : m.phases) {
                    json crit = json::array();
                    for (const auto& c : ph.criteria) crit.push_back({{"id", c.id}, {"text", c.text}, {"mandatory", c.mandatory}});
                    phases.push_back({{"name", ph.name}, {"deliverables", ph.deliverables}, {"gate", ph.gate}, {"criteria", crit}});
                }
                for (const auto& w : m.wbs) {
                    json x{{"code", w.code}, {"name", w.name}, {"duration", w.duration.count()}};
                    text(x, "parent", w.parent), text(x, "phase", w.phase);
                    if (w.milestone) x["milestone"] = true;
                    if (!w.predecessors.empty()) x["predecessors"] = w.predecessors;
                    if (w.fixed_cost != Money{}) x["fixed_cost"] = money_json(w.fixed_cost);
                    wbs.push_back(x);
                }
                arr.push_back({{"id", m.id}, {"name", m.name}, {"phases", phases}, {"wbs", wbs}});
            }
            j["methodologies"] = arr;
        }
        if (!g.gates.empty()) {
            json arr = json::array();
            for (const auto& r : g.gates) {
                json results = json::array();
                for (const auto& c : r.results) {
                    json x{{"criterion", c.criterion}, {"met", c.met}};
                    text(x, "note", c.note);
                    results.push_back(x);
                }
                json x{{"project", r.project.str()}, {"phase", r.phase}, {"results", results}, {"decision", std::string(to_string(r.decision))}};
                dates(x, "date", r.date);
                text(x, "decided_by", r.decided_by);
                arr.push_back(x);
            }
            j["gates"] = arr;
        }
        if (!g.change_requests.empty()) {
            json arr = json::array();
            for (const auto& c : g.change_requests) {
                json x{{"id", c.id}, {"project", c.project.str()}, {"status", std::string(to_string(c.status))}};
                text(x, "title", c.title), text(x, "description", c.description), text(x, "requested_by", c.requested_by);
                dates(x, "submitted", c.submitted);
                if (c.cost_delta != Money{}) x["cost_delta"] = money_json(c.cost_delta);
                if (c.schedule_delta != Duration{}) x["schedule_delta"] = c.schedule_delta.count();
                if (!c.affected_tasks.empty()) {
                    json t = json::array();
                    for (const auto& id : c.affected_tasks) t.push_back(id.str());
                    x["affected_tasks"] = t;
                }
                dates(x, "decided", c.decided);
                text(x, "decided_by", c.decided_by);
                arr.push_back(x);
            }
            j["change_requests"] = arr;
        }
        if (!g.issues.empty()) {
            json arr = json::array();
            for (const auto& i : g.issues) {
                json x{{"id", i.id}, {"priority", std::string(to_string(i.priority))}, {"status", std::string(to_string(i.status))}};
                if (i.project) x["project"] = i.project->str();
                text(x, "title", i.title), text(x, "description", i.description), text(x, "owner", i.owner);
                dates(x, "raised", i.raised), dates(x, "due", i.due), dates(x, "resolved", i.resolved);
                text(x, "resolution", i.resolution), text(x, "from_risk", i.from_risk);
                arr.push_back(x);
            }
            j["issues"] = arr;
        }
        if (!g.lessons.empty()) {
            json arr = json::array();
            for (const auto& l : g.lessons) {
                json x{{"id", l.id}};
                if (l.project) x["project"] = l.project->str();
                text(x, "phase", l.phase);
                if (!l.tags.empty()) x["tags"] = l.tags;
                text(x, "title", l.title), text(x, "text", l.text);
                dates(x, "recorded", l.recorded);
                arr.push_back(x);
            }
            j["lessons"] = arr;
        }
        if (!g.quality.empty()) {
            json arr = json::array();
            for (const auto& q : g.quality) arr.push_back(quality_json(q));
            j["quality"] = arr;
        }
        out["governance"] = j.dump();
    }
    return out;
}

}  // namespace ppm
