// Reading the control sections of a model document (docs/evm.md, docs/schema/control.schema.json).
#include "ppm/io/control_json.hpp"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "io/detail/json_dom.hpp"
#include "io/detail/json_units.hpp"
#include "io/detail/model_document.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/json.hpp"

namespace ppm {
namespace {

using nlohmann::json;

/// What "d" and "w" mean at a place in the control sections: the units of the project the entry
/// belongs to (as in the model format, docs/format.md), or nullopt when it spans projects that
/// disagree -- then a duration in days or weeks is ambiguous and refused.
using Units = std::optional<detail::DurationUnits>;

/// Parses "<number><m|h|d|w>" with the given day and week lengths.
Duration parse_duration_in(std::string_view text, std::string_view where, const detail::DurationUnits& units) {
    std::string s(text);
    if (s.empty()) throw ModelError::invalid_value("duration", where, "empty");
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    const std::string unit(end);
    double factor = 0;
    if (unit.empty() || unit == "m") factor = 1;
    else if (unit == "h") factor = 60;
    else if (unit == "d") factor = static_cast<double>(units.minutes_per_day);
    else if (unit == "w") factor = static_cast<double>(units.minutes_per_week);
    if (end == s.c_str() || factor == 0 || !std::isfinite(v))
        throw ModelError::invalid_value("duration", where, "\"" + s + "\" (expected minutes or a number followed by m, h, d or w)");
    return Duration{std::llround(v * factor)};
}

/// The projects, programs and tasks the control sections refer to, read from the same document's
/// "portfolio" section, with each project's duration units. A document without a portfolio (a
/// control fragment) has nothing to check against: then `present` is false, nothing is
/// cross-checked and "d"/"w" keep the model format's defaults (480 / 2,400 minutes).
struct ModelRefs {
    bool present = false;
    std::map<std::string, detail::DurationUnits, std::less<>> units_of;      ///< project -> units
    std::map<std::string, std::string, std::less<>> project_of;              ///< task -> project
    std::map<std::string, std::vector<std::string>, std::less<>> program_projects;  ///< program -> projects below it

    bool has_project(std::string_view id) const { return !present || units_of.find(id) != units_of.end(); }
    bool has_task(std::string_view id) const { return !present || project_of.find(id) != project_of.end(); }
    bool has_program(std::string_view id) const { return !present || program_projects.find(id) != program_projects.end(); }
    /// Does `task` belong to `project`?
    bool in_project(std::string_view task, std::string_view project) const {
        if (!present) return true;
        const auto it = project_of.find(task);
        return it != project_of.end() && it->second == project;
    }
    Units of_project(std::string_view id) const {
        const auto it = units_of.find(id);
        return it == units_of.end() ? Units{detail::DurationUnits{}} : Units{it->second};
    }
    Units of_task(std::string_view id) const {
        const auto it = project_of.find(id);
        return it == project_of.end() ? Units{detail::DurationUnits{}} : of_project(it->second);
    }
    /// The units shared by `projects` (all of the portfolio's when empty); nullopt when they differ.
    Units common(const std::vector<std::string>& projects) const {
        Units out;
        bool first = true;
        auto take = [&](const detail::DurationUnits& u) {
            if (first) out = u;
            else if (out && (out->minutes_per_day != u.minutes_per_day || out->minutes_per_week != u.minutes_per_week)) out.reset();
            first = false;
        };
        if (projects.empty()) {
            for (const auto& [id, u] : units_of) take(u);
        } else {
            for (const auto& id : projects) take(*of_project(id));
        }
        return first ? Units{detail::DurationUnits{}} : out;
    }
};

/// Reads the ids and units of the document's portfolio; tolerant of a malformed model (the model
/// reader reports that, with its own locations).
ModelRefs read_model_refs(const json& root) {
    ModelRefs refs;
    const auto section = root.find("portfolio");
    if (section == root.end() || !section->is_object()) return refs;
    const json& pf = *section;
    refs.present = true;
    auto string_at = [](const json& o, const char* key) {
        const auto it = o.find(key);
        return it != o.end() && it->is_string() ? it->get<std::string>() : std::string{};
    };
    std::map<std::string, std::string, std::less<>> parent_of;  // program -> parent program
    if (const auto ps = pf.find("programs"); ps != pf.end() && ps->is_array())
        for (const auto& p : *ps) {
            if (!p.is_object()) continue;
            const std::string id = string_at(p, "id");
            refs.program_projects[id];
            if (const std::string up = string_at(p, "parent"); !up.empty()) parent_of[id] = up;
        }
    if (const auto ps = pf.find("projects"); ps != pf.end() && ps->is_array())
        for (const auto& p : *ps) {
            if (!p.is_object()) continue;
            const std::string id = string_at(p, "id");
            detail::DurationUnits units;
            auto whole = [&](const char* key, std::int64_t& into) {
                if (const auto it = p.find(key); it != p.end() && it->is_number_integer() && it->get<std::int64_t>() > 0)
                    into = it->get<std::int64_t>();
            };
            whole("minutes_per_day", units.minutes_per_day);
            whole("minutes_per_week", units.minutes_per_week);
            refs.units_of[id] = units;
            // The project counts below its program and every ancestor program (a cycle is the
            // model reader's to report: stop after as many steps as there are programs).
            std::string program = string_at(p, "program");
            for (std::size_t guard = 0; !program.empty() && guard <= parent_of.size(); ++guard) {
                refs.program_projects[program].push_back(id);
                const auto up = parent_of.find(program);
                program = up == parent_of.end() ? std::string{} : up->second;
            }
            if (const auto ts = p.find("tasks"); ts != p.end() && ts->is_array())
                for (const auto& t : *ts)
                    if (t.is_object()) refs.project_of.emplace(string_at(t, "id"), id);
        }
    return refs;
}

/// A value inside a section with its JSON pointer; errors name the file, the value's line and
/// column, and the pointer.
struct Node {
    const json& v;
    std::string ptr;
    const detail::JsonDoc* doc;

    [[noreturn]] void fail(const std::string& what) const {
        const auto [line, column] = doc->locate(ptr);
        throw ParseError::unexpected(doc->source, line, column, ptr + ": " + what);
    }
    Node at(const std::string& key) const {
        if (!v.is_object()) fail("expected an object");
        const auto it = v.find(key);
        if (it == v.end()) fail("missing key \"" + key + "\"");
        return {*it, ptr + "/" + detail::escape_pointer_token(key), doc};
    }
    Node at(std::size_t i) const {
        if (!v.is_array()) fail("expected an array");
        if (i >= v.size()) fail("index " + std::to_string(i) + " out of range");
        return {v[i], ptr + "/" + std::to_string(i), doc};
    }
    bool has(const char* key) const { return v.is_object() && v.contains(key); }
    void keys(std::initializer_list<const char*> allowed) const {
        if (!v.is_object()) fail("expected an object");
        for (auto it = v.begin(); it != v.end(); ++it) {
            bool ok = false;
            for (const char* a : allowed) ok = ok || it.key() == a;
            if (!ok) {
                std::string list;
                for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
                fail("unknown key \"" + it.key() + "\" (allowed: " + list + ")");
            }
        }
    }
    const json& array() const {
        if (!v.is_array()) fail("expected an array");
        return v;
    }
    std::string str() const {
        if (!v.is_string()) fail("expected a string");
        return v.get<std::string>();
    }
    double num() const {
        if (!v.is_number()) fail("expected a number");
        return v.get<double>();
    }
    bool boolean() const {
        if (!v.is_boolean()) fail("expected true or false");
        return v.get<bool>();
    }
    std::uint64_t count() const {
        if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0)) fail("expected a non-negative integer");
        return v.get<std::uint64_t>();
    }
    Money money() const { return Money::from_major(num()); }
    Instant instant() const {
        try {
            return parse_instant(str());
        } catch (const ModelError& e) {
            fail(e.what());
        }
    }
    Date date() const { return instant().date(); }
    /// Integer minutes or "<number><m|h|d|w>", days and weeks in `units` (refused when ambiguous).
    Duration duration(const Units& units) const {
        if (v.is_number_integer()) return Duration{v.get<std::int64_t>()};
        const std::string text = str();
        if (!units && !text.empty() && (text.back() == 'd' || text.back() == 'w'))
            fail("\"" + text + "\" is ambiguous: the projects it applies to differ in minutes_per_day / minutes_per_week "
                 "(give it in hours or minutes)");
        try {
            return parse_duration_in(text, ptr, units.value_or(detail::DurationUnits{}));
        } catch (const ModelError& e) {
            fail(e.what());
        }
    }
    /// A duration given as minutes/unit string, or a plain number of minutes (for distributions).
    double minutes(const Units& units) const {
        if (v.is_number()) return v.get<double>();
        return static_cast<double>(duration(units).count());
    }
    std::string opt_str(const char* key) const { return has(key) ? at(key).str() : std::string{}; }
    template <class F>
    void each(F&& f) const {
        const auto& a = array();
        for (std::size_t i = 0; i < a.size(); ++i) f(at(i));
    }
};

template <class Parse>
auto parse_enum(const Node& n, Parse parse) {
    try {
        return parse(n.str());
    } catch (const ModelError& e) {
        n.fail(e.what());
    }
}

RiskAssessment read_assessment(const Node& n, const Units& units) {
    n.keys({"probability", "cost", "schedule", "quality", "scope"});
    RiskAssessment a;
    a.probability = n.at("probability").num();
    if (n.has("cost")) a.impact.cost = n.at("cost").money();
    if (n.has("schedule")) a.impact.schedule = n.at("schedule").duration(units);
    if (n.has("quality")) a.impact.quality = static_cast<int>(n.at("quality").count());
    if (n.has("scope")) a.impact.scope = static_cast<int>(n.at("scope").count());
    return a;
}

/// The units of a risk's durations: its project's; else those its linked tasks' projects share;
/// else its program's projects'; else the portfolio's. Unknown references are errors: the risk would
/// drop out of its project's RAG count and the simulation in silence.
Units risk_units(const Node& n, const ModelRefs& refs) {
    std::vector<std::string> linked, in_program;
    if (n.has("linked_tasks"))
        n.at("linked_tasks").each([&](const Node& t) {
            if (!refs.has_task(t.str())) t.fail("unknown task \"" + t.str() + "\" (not in the portfolio)");
            if (const auto it = refs.project_of.find(t.str()); it != refs.project_of.end()) linked.push_back(it->second);
        });
    if (n.has("program")) {
        const Node p = n.at("program");
        if (!refs.has_program(p.str())) p.fail("unknown program \"" + p.str() + "\" (not in the portfolio)");
        if (const auto it = refs.program_projects.find(p.str()); it != refs.program_projects.end()) in_program = it->second;
    }
    if (n.has("project")) {
        const Node p = n.at("project");
        if (!refs.has_project(p.str())) p.fail("unknown project \"" + p.str() + "\" (not in the portfolio)");
        return refs.of_project(p.str());
    }
    return refs.common(!linked.empty() ? linked : in_program);  // empty: the whole portfolio
}

Risk read_risk(const Node& n, const ModelRefs& refs) {
    n.keys({"id", "title", "cause", "event", "effect", "category", "project", "program", "owner", "opportunity", "pre", "post",
            "strategy", "actions", "status", "linked_tasks", "raised", "review_due"});
    const Units units = risk_units(n, refs);
    Risk r;
    r.id = n.at("id").str();
    r.title = n.opt_str("title");
    r.cause = n.opt_str("cause");
    r.event = n.opt_str("event");
    r.effect = n.opt_str("effect");
    r.category = n.opt_str("category");
    if (n.has("project")) r.project = ProjectId{n.at("project").str()};
    if (n.has("program")) r.program = ProgramId{n.at("program").str()};
    r.owner = n.opt_str("owner");
    if (n.has("opportunity")) r.opportunity = n.at("opportunity").boolean();
    r.pre = read_assessment(n.at("pre"), units);
    if (n.has("post")) r.post = read_assessment(n.at("post"), units);
    if (n.has("strategy")) r.strategy = parse_enum(n.at("strategy"), parse_response_strategy);
    if (n.has("status")) r.status = parse_enum(n.at("status"), parse_risk_status);
    if (n.has("actions"))
        n.at("actions").each([&](const Node& a) {
            a.keys({"description", "owner", "due", "done", "cost"});
            RiskAction act;
            act.description = a.opt_str("description");
            act.owner = a.opt_str("owner");
            if (a.has("due")) act.due = a.at("due").date();
            if (a.has("done")) act.done = a.at("done").boolean();
            if (a.has("cost")) act.cost = a.at("cost").money();
            r.actions.push_back(std::move(act));
        });
    if (n.has("linked_tasks")) n.at("linked_tasks").each([&](const Node& t) { r.linked_tasks.emplace_back(t.str()); });
    if (n.has("raised")) r.raised = n.at("raised").date();
    if (n.has("review_due")) r.review_due = n.at("review_due").date();
    try {
        check_risk(r);
    } catch (const ModelError& e) {
        n.fail(e.what());
    }
    return r;
}

DurationDistribution read_distribution(const Node& n, const Units& units) {
    n.keys({"type", "min", "most_likely", "max", "lambda", "mean", "stddev", "values", "probabilities", "value"});
    DurationDistribution d;
    d.kind = parse_enum(n.at("type"), parse_distribution_kind);
    if (n.has("value")) d.min = d.most_likely = d.max = n.at("value").minutes(units);
    if (n.has("min")) d.min = n.at("min").minutes(units);
    if (n.has("most_likely")) d.most_likely = n.at("most_likely").minutes(units);
    if (n.has("max")) d.max = n.at("max").minutes(units);
    if (n.has("lambda")) d.lambda = n.at("lambda").num();
    if (n.has("mean")) d.mean = n.at("mean").minutes(units);
    if (n.has("stddev")) d.stddev = n.at("stddev").minutes(units);
    if (n.has("values")) n.at("values").each([&](const Node& x) { d.values.push_back(x.minutes(units)); });
    if (n.has("probabilities")) n.at("probabilities").each([&](const Node& x) { d.probabilities.push_back(x.num()); });
    return d;
}

/// Overrides the bounds given in `n` on `t` (the profile's), keeping the other one.
template <class Threshold>
void read_threshold(const Node& n, Threshold& t) {
    n.keys({"green", "amber"});
    if (n.has("green")) t.green = n.at("green").num();
    if (n.has("amber")) t.amber = n.at("amber").num();
}

void read_risks(const Node& n, ControlData& out, const ModelRefs& refs) {
    n.keys({"matrix", "escalation", "items"});
    if (n.has("matrix")) {
        const Node m = n.at("matrix");
        m.keys({"probability_bounds", "cost_bounds", "schedule_bounds", "score", "medium_from", "high_from"});
        auto four = [&](const Node& a, auto&& put) {
            if (a.array().size() != 4) a.fail("expected 4 upper bounds (bands 1-4)");
            for (std::size_t i = 0; i < 4; ++i) put(i, a.at(i));
        };
        if (m.has("probability_bounds")) four(m.at("probability_bounds"), [&](std::size_t i, const Node& x) { out.matrix.probability_bounds[i] = x.num(); });
        if (m.has("cost_bounds")) four(m.at("cost_bounds"), [&](std::size_t i, const Node& x) { out.matrix.cost_bounds[i] = x.money(); });
        if (m.has("schedule_bounds")) four(m.at("schedule_bounds"), [&](std::size_t i, const Node& x) { out.matrix.schedule_bounds[i] = x.duration(refs.common({})); });
        if (m.has("score")) {
            const Node s = m.at("score");
            if (s.array().size() != 5) s.fail("expected 5 rows (probability bands 1-5)");
            for (std::size_t i = 0; i < 5; ++i) {
                const Node row = s.at(i);
                if (row.array().size() != 5) row.fail("expected 5 scores (impact bands 1-5)");
                for (std::size_t j = 0; j < 5; ++j) out.matrix.score[i][j] = static_cast<int>(row.at(j).count());
            }
        }
        if (m.has("medium_from")) out.matrix.medium_from = static_cast<int>(m.at("medium_from").count());
        if (m.has("high_from")) out.matrix.high_from = static_cast<int>(m.at("high_from").count());
        try {
            check_matrix(out.matrix);
        } catch (const ModelError& e) {
            m.fail(e.what());
        }
    }
    if (n.has("escalation")) {
        const Node e = n.at("escalation");
        e.keys({"program_score", "portfolio_score", "program_emv", "portfolio_emv", "strategy_escalates"});
        if (e.has("program_score")) out.escalation.program_score = static_cast<int>(e.at("program_score").count());
        if (e.has("portfolio_score")) out.escalation.portfolio_score = static_cast<int>(e.at("portfolio_score").count());
        if (e.has("program_emv")) out.escalation.program_emv = e.at("program_emv").money();
        if (e.has("portfolio_emv")) out.escalation.portfolio_emv = e.at("portfolio_emv").money();
        if (e.has("strategy_escalates")) out.escalation.strategy_escalates = e.at("strategy_escalates").boolean();
    }
    std::set<std::string> ids;
    if (n.has("items"))
        n.at("items").each([&](const Node& r) {
            out.risks.push_back(read_risk(r, refs));
            if (!ids.insert(out.risks.back().id).second) r.fail("duplicate risk id \"" + out.risks.back().id + "\"");
        });
}

/// The project an entry names, which must be in the portfolio.
ProjectId known_project(const Node& n, const ModelRefs& refs) {
    const std::string id = n.str();
    if (!refs.has_project(id)) n.fail("unknown project \"" + id + "\" (not in the portfolio)");
    return ProjectId{id};
}
/// The task a row names, which must be a task of `project`.
TaskId task_of(const Node& n, const ProjectId& project, const ModelRefs& refs) {
    const std::string id = n.str();
    if (!refs.has_task(id)) n.fail("unknown task \"" + id + "\" (not in the portfolio)");
    if (!refs.in_project(id, project.str())) n.fail("task \"" + id + "\" is not a task of project " + project.str());
    return TaskId{id};
}

void read_baselines(const Node& n, ControlData& out, const ModelRefs& refs) {
    n.each([&](const Node& b) {
        b.keys({"name", "project", "captured_at", "current", "tasks"});
        const ProjectId project = known_project(b.at("project"), refs);
        std::vector<TaskId> tasks;
        std::vector<Instant> starts, finishes;
        std::vector<Money> costs;
        b.at("tasks").each([&](const Node& t) {
            t.keys({"task", "start", "finish", "cost"});
            tasks.push_back(task_of(t.at("task"), project, refs));
            starts.push_back(t.at("start").instant());
            finishes.push_back(t.at("finish").instant());
            costs.push_back(t.has("cost") ? t.at("cost").money() : Money{});
        });
        Baseline base;
        try {
            base = make_baseline(b.at("name").str(), project, b.has("captured_at") ? b.at("captured_at").instant() : Instant{},
                                 std::move(tasks), std::move(starts), std::move(finishes), std::move(costs));
        } catch (const ModelError& e) {
            b.fail(e.what());
        }
        BaselineSet* set = nullptr;
        for (auto& s : out.baselines)
            if (!s.baselines.empty() && s.baselines.front().project == project) set = &s;
        if (set == nullptr) set = &out.baselines.emplace_back();
        for (const auto& existing : set->baselines)
            if (existing.name == base.name) b.fail("duplicate baseline \"" + base.name + "\" for project " + project.str());
        const bool current = b.has("current") && b.at("current").boolean();
        const std::string name = base.name;
        set->baselines.push_back(std::move(base));
        if (current) set->current = name;
    });
}

void read_status(const Node& n, ControlData& out, const ModelRefs& refs) {
    n.each([&](const Node& s) {
        s.keys({"project", "date", "tasks"});
        StatusPeriod p;
        p.project = known_project(s.at("project"), refs);
        p.date = s.at("date").instant();
        // What earned-value methods need (docs/evm.md): kept only when some row reports it.
        bool any_started = false, any_units = false, any_milestones = false;
        s.at("tasks").each([&](const Node& t) {
            t.keys({"task", "percent_complete", "actual_cost", "started", "units_complete", "milestones_done"});
            p.task.push_back(task_of(t.at("task"), p.project, refs));
            p.percent_complete.push_back(t.has("percent_complete") ? t.at("percent_complete").num() : 0.0);
            p.actual_cost.push_back(t.has("actual_cost") ? t.at("actual_cost").money() : Money{});
            p.started.push_back(t.has("started") && t.at("started").boolean() ? 1 : 0);
            any_started = any_started || t.has("started");
            p.units_complete.push_back(t.has("units_complete") ? t.at("units_complete").num() : std::numeric_limits<double>::quiet_NaN());
            any_units = any_units || t.has("units_complete");
            auto& names = p.milestones_done.emplace_back();
            if (t.has("milestones_done")) {
                any_milestones = true;
                t.at("milestones_done").each([&](const Node& m) { names.push_back(m.str()); });
            }
        });
        if (!any_started) p.started.clear();
        if (!any_units) p.units_complete.clear();
        if (!any_milestones) p.milestones_done.clear();
        try {
            check_status_period(p);
        } catch (const ModelError& e) {
            s.fail(e.what());
        }
        out.status.push_back(std::move(p));
    });
}

void read_uncertainty(const Node& n, ControlData& out, const ModelRefs& refs) {
    n.keys({"default", "tasks", "correlations", "repair_correlation", "risk_events", "iterations", "seed", "target_finish", "calendars",
            "level", "level_period"});
    auto& u = out.uncertainty;
    if (n.has("default")) u.relative_default = read_distribution(n.at("default"), refs.common({}));
    if (n.has("tasks")) {
        const Node t = n.at("tasks");
        if (!t.v.is_object()) t.fail("expected an object mapping task ids to distributions");
        for (auto it = t.v.begin(); it != t.v.end(); ++it) {
            const Node d = t.at(it.key());
            if (!refs.has_task(it.key())) d.fail("unknown task \"" + it.key() + "\" (not in the portfolio)");
            u.tasks.push_back({TaskId{it.key()}, read_distribution(d, refs.of_task(it.key()))});
        }
    }
    if (n.has("correlations"))
        n.at("correlations").each([&](const Node& c) {
            c.keys({"name", "tasks", "matrix"});
            NamedCorrelation nc;
            nc.name = c.opt_str("name");
            c.at("tasks").each([&](const Node& t) { nc.tasks.emplace_back(t.str()); });
            const Node m = c.at("matrix");
            const auto k = static_cast<Eigen::Index>(nc.tasks.size());
            if (m.array().size() != nc.tasks.size()) m.fail("expected one row per task");
            nc.correlation.resize(k, k);
            for (Eigen::Index i = 0; i < k; ++i) {
                const Node row = m.at(static_cast<std::size_t>(i));
                if (row.array().size() != nc.tasks.size()) row.fail("expected one value per task");
                for (Eigen::Index j = 0; j < k; ++j) nc.correlation(i, j) = row.at(static_cast<std::size_t>(j)).num();
            }
            u.correlations.push_back(std::move(nc));
        });
    if (n.has("repair_correlation")) u.repair_correlation = n.at("repair_correlation").boolean();
    if (n.has("risk_events")) u.risk_events = n.at("risk_events").boolean();
    if (n.has("iterations")) u.iterations = n.at("iterations").count();
    if (n.has("seed")) u.seed = n.at("seed").count();
    if (n.has("target_finish")) u.target_finish = n.at("target_finish").instant();
    if (n.has("calendars")) {
        const Node c = n.at("calendars");
        const std::string v = c.str();
        bool found = false;
        for (auto k : {SimulationCalendars::automatic, SimulationCalendars::axis, SimulationCalendars::per_task})
            if (v == to_string(k)) u.calendars = k, found = true;
        if (!found) c.fail("expected automatic, axis or per_task");
    }
    if (n.has("level")) u.level = n.at("level").boolean();
    if (n.has("level_period")) {
        u.level_period = n.at("level_period").duration(refs.common({})).count();
        if (u.level_period < 1) n.at("level_period").fail("must be at least 1 minute");
    }
}

/// Fails at the entry of `n` at `path` ("spi", "quality.test_pass_rate": keys separated by dots),
/// as deep as the document has it, else at `n` itself.
[[noreturn]] void fail_at_path(const Node& n, std::string_view path, const ModelError& e) {
    const auto dot = path.find('.');
    const std::string key(path.substr(0, dot));
    if (!key.empty() && n.has(key.c_str())) {
        const Node child = n.at(key);
        if (dot != std::string_view::npos) fail_at_path(child, path.substr(dot + 1), e);
        child.fail(e.what());
    }
    n.fail(e.what());
}

/// Fails at the entry of `n` a ModelError from check_thresholds / check_policy names (its id is the
/// check or bound, "quality.<measure>" for a quality threshold), else at `n` itself.
[[noreturn]] void fail_at_entry(const Node& n, const ModelError& e) {
    if (!e.ids().empty()) fail_at_path(n, e.ids().front(), e);
    n.fail(e.what());
}

/// Reads quality threshold overrides onto `q` (checked with the other thresholds).
void read_quality_thresholds(const Node& t, QualityThresholds& q) {
    t.keys({"critical_defects", "major_defects", "minor_defects", "failed_reviews", "test_pass_rate", "acceptance"});
    if (t.has("critical_defects")) read_threshold(t.at("critical_defects"), q.critical_defects);
    if (t.has("major_defects")) read_threshold(t.at("major_defects"), q.major_defects);
    if (t.has("minor_defects")) read_threshold(t.at("minor_defects"), q.minor_defects);
    if (t.has("failed_reviews")) read_threshold(t.at("failed_reviews"), q.failed_reviews);
    if (t.has("test_pass_rate")) read_threshold(t.at("test_pass_rate"), q.test_pass_rate);
    if (t.has("acceptance")) read_threshold(t.at("acceptance"), q.acceptance);
}

/// Reads threshold overrides onto `th` (a profile's thresholds) and checks the result makes sense.
void read_thresholds(const Node& t, RagThresholds& th) {
    t.keys({"spi", "cpi", "spi_t", "float_erosion", "high_risks", "overdue_milestones", "quality"});
    if (t.has("spi")) read_threshold(t.at("spi"), th.spi);
    if (t.has("cpi")) read_threshold(t.at("cpi"), th.cpi);
    if (t.has("spi_t")) read_threshold(t.at("spi_t"), th.spi_t);
    if (t.has("float_erosion")) read_threshold(t.at("float_erosion"), th.float_erosion);
    if (t.has("high_risks")) read_threshold(t.at("high_risks"), th.high_risks);
    if (t.has("overdue_milestones")) read_threshold(t.at("overdue_milestones"), th.overdue_milestones);
    if (t.has("quality")) read_quality_thresholds(t.at("quality"), th.quality);
    try {
        check_thresholds(th);
    } catch (const ModelError& e) {
        fail_at_entry(t, e);
    }
}

Rag parse_rag_colour(const Node& n) {
    const std::string v = n.str();
    for (Rag r : {Rag::green, Rag::amber, Rag::red, Rag::none})
        if (v == to_string(r)) return r;
    n.fail("expected green, amber, red or none");
}

RagPolicy read_policy(const Node& n) {
    n.keys({"name", "thresholds", "checks", "escalate_from", "amber_from", "red_from"});
    RagPolicy p;
    if (n.has("name")) p.name = n.at("name").str();
    if (n.has("thresholds")) read_thresholds(n.at("thresholds"), p.thresholds);
    if (n.has("checks")) {
        const Node c = n.at("checks");
        if (!c.v.is_object()) c.fail("expected an object mapping check names to true/false");
        for (auto it = c.v.begin(); it != c.v.end(); ++it) {
            std::size_t k = 0;
            while (k < kRagCheckCount && to_string(static_cast<RagCheck>(k)) != it.key()) ++k;
            if (k == kRagCheckCount) c.fail("unknown check \"" + it.key() + "\"");
            p.enabled[k] = c.at(it.key()).boolean();
        }
    }
    if (n.has("escalate_from")) p.escalate_from = parse_rag_colour(n.at("escalate_from"));
    if (n.has("amber_from")) p.amber_from = n.at("amber_from").num();
    if (n.has("red_from")) p.red_from = n.at("red_from").num();
    try {
        check_policy(p);
    } catch (const ModelError& e) {
        fail_at_entry(n, e);
    }
    return p;
}

std::vector<std::string> read_strings(const Node& n) {
    std::vector<std::string> v;
    n.each([&](const Node& x) { v.push_back(x.str()); });
    return v;
}

Methodology read_methodology(const Node& n) {
    n.keys({"id", "name", "phases", "wbs"});
    Methodology m;
    m.id = n.at("id").str();
    m.name = n.opt_str("name");
    if (n.has("phases"))
        n.at("phases").each([&](const Node& ph) {
            ph.keys({"name", "deliverables", "gate", "criteria"});
            PhaseTemplate p;
            p.name = ph.at("name").str();
            if (ph.has("deliverables")) p.deliverables = read_strings(ph.at("deliverables"));
            p.gate = ph.opt_str("gate");
            if (ph.has("criteria"))
                ph.at("criteria").each([&](const Node& c) {
                    c.keys({"id", "text", "mandatory"});
                    GateCriterion gc;
                    gc.id = c.at("id").str();
                    gc.text = c.opt_str("text");
                    if (c.has("mandatory")) gc.mandatory = c.at("mandatory").boolean();
                    p.criteria.push_back(std::move(gc));
                });
            m.phases.push_back(std::move(p));
        });
    if (n.has("wbs"))
        n.at("wbs").each([&](const Node& w) {
            w.keys({"code", "name", "parent", "phase", "duration", "milestone", "predecessors", "fixed_cost"});
            WbsTemplateNode node;
            node.code = w.at("code").str();
            node.name = w.opt_str("name");
            node.parent = w.opt_str("parent");
            node.phase = w.opt_str("phase");
            if (w.has("duration")) node.duration = w.at("duration").duration(detail::DurationUnits{});  // a template: default units
            if (w.has("milestone")) node.milestone = w.at("milestone").boolean();
            if (w.has("predecessors")) node.predecessors = read_strings(w.at("predecessors"));
            if (w.has("fixed_cost")) node.fixed_cost = w.at("fixed_cost").money();
            m.wbs.push_back(std::move(node));
        });
    try {
        check_methodology(m);
    } catch (const ModelError& e) {
        n.fail(e.what());
    }
    return m;
}

GateReview read_gate(const Node& n) {
    n.keys({"project", "phase", "date", "results", "decision", "decided_by"});
    GateReview g;
    g.project = ProjectId{n.at("project").str()};
    g.phase = n.at("phase").str();
    if (n.has("date")) g.date = n.at("date").date();
    if (n.has("results"))
        n.at("results").each([&](const Node& r) {
            r.keys({"criterion", "met", "note"});
            CriterionResult cr;
            cr.criterion = r.at("criterion").str();
            if (r.has("met")) cr.met = r.at("met").boolean();
            cr.note = r.opt_str("note");
            g.results.push_back(std::move(cr));
        });
    if (n.has("decision")) g.decision = parse_enum(n.at("decision"), parse_gate_decision);
    g.decided_by = n.opt_str("decided_by");
    return g;
}

ChangeRequest read_change(const Node& n, const ModelRefs& refs) {
    n.keys({"id", "project", "title", "description", "requested_by", "submitted", "status", "cost_delta", "schedule_delta",
            "affected_tasks", "decided", "decided_by"});
    ChangeRequest c;
    c.id = n.at("id").str();
    c.project = ProjectId{n.at("project").str()};
    c.title = n.opt_str("title");
    c.description = n.opt_str("description");
    c.requested_by = n.opt_str("requested_by");
    if (n.has("submitted")) c.submitted = n.at("submitted").date();
    if (n.has("status")) c.status = parse_enum(n.at("status"), parse_change_status);
    if (n.has("cost_delta")) c.cost_delta = n.at("cost_delta").money();
    if (n.has("schedule_delta")) c.schedule_delta = n.at("schedule_delta").duration(refs.of_project(c.project.str()));
    if (n.has("affected_tasks")) n.at("affected_tasks").each([&](const Node& t) { c.affected_tasks.emplace_back(t.str()); });
    if (n.has("decided")) c.decided = n.at("decided").date();
    c.decided_by = n.opt_str("decided_by");
    return c;
}

Issue read_issue(const Node& n) {
    n.keys({"id", "project", "title", "description", "owner", "priority", "status", "raised", "due", "resolved", "resolution", "from_risk"});
    Issue i;
    i.id = n.at("id").str();
    if (n.has("project")) i.project = ProjectId{n.at("project").str()};
    i.title = n.opt_str("title");
    i.description = n.opt_str("description");
    i.owner = n.opt_str("owner");
    if (n.has("priority")) i.priority = parse_enum(n.at("priority"), parse_issue_priority);
    if (n.has("status")) i.status = parse_enum(n.at("status"), parse_issue_status);
    if (n.has("raised")) i.raised = n.at("raised").date();
    if (n.has("due")) i.due = n.at("due").date();
    if (n.has("resolved")) i.resolved = n.at("resolved").date();
    i.resolution = n.opt_str("resolution");
    i.from_risk = n.opt_str("from_risk");
    return i;
}

Lesson read_lesson(const Node& n) {
    n.keys({"id", "project", "phase", "tags", "title", "text", "recorded"});
    Lesson l;
    l.id = n.at("id").str();
    if (n.has("project")) l.project = ProjectId{n.at("project").str()};
    l.phase = n.opt_str("phase");
    if (n.has("tags")) l.tags = read_strings(n.at("tags"));
    l.title = n.opt_str("title");
    l.text = n.opt_str("text");
    if (n.has("recorded")) l.recorded = n.at("recorded").date();
    return l;
}

/// A count that fits the 32-bit fields of a quality record.
std::int32_t count32(const Node& n) {
    const std::uint64_t v = n.count();
    if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int32_t>::max())) n.fail("count too large (at most 2147483647)");
    return static_cast<std::int32_t>(v);
}

/// A quality record; a review's methodology must be one of the section's (`methodologies`).
QualityStatus read_quality(const Node& n, const ModelRefs& refs, const std::set<std::string, std::less<>>& methodologies) {
    n.keys({"project", "date", "open_defects", "reviews", "tests", "deliverables"});
    QualityStatus q;
    q.project = known_project(n.at("project"), refs);
    q.date = n.at("date").instant();
    if (n.has("open_defects")) {
        const Node d = n.at("open_defects");
        d.keys({"critical", "major", "minor"});
        for (std::size_t k = 0; k < kDefectSeverityCount; ++k) {
            const std::string severity(to_string(static_cast<DefectSeverity>(k)));
            if (d.has(severity.c_str())) q.open_defects[k] = count32(d.at(severity));
        }
    }
    if (n.has("reviews"))
        n.at("reviews").each([&](const Node& r) {
            r.keys({"id", "date", "kind", "methodology", "phase", "passed", "findings"});
            QualityReview review;
            review.id = r.at("id").str();
            review.date = r.at("date").date();
            if (r.has("kind")) {
                review.kind = r.at("kind").str();
                if (review.kind != "review" && review.kind != "audit") r.at("kind").fail("expected \"review\" or \"audit\"");
            }
            if (r.has("methodology")) {
                const Node m = r.at("methodology");
                review.methodology = m.str();
                if (methodologies.find(review.methodology) == methodologies.end())
                    m.fail("unknown methodology \"" + review.methodology + "\" (not in governance.methodologies)");
            }
            review.phase = r.opt_str("phase");
            if (r.has("passed")) review.passed = r.at("passed").boolean();
            if (r.has("findings")) review.findings = count32(r.at("findings"));
            q.reviews.push_back(std::move(review));
        });
    if (n.has("tests")) {
        const Node t = n.at("tests");
        t.keys({"run", "passed"});
        if (t.has("run")) q.tests_run = count32(t.at("run"));
        if (t.has("passed")) q.tests_passed = count32(t.at("passed"));
    }
    if (n.has("deliverables")) {
        const Node d = n.at("deliverables");
        d.keys({"submitted", "accepted"});
        if (d.has("submitted")) q.deliverables_submitted = count32(d.at("submitted"));
        if (d.has("accepted")) q.deliverables_accepted = count32(d.at("accepted"));
    }
    try {
        check_quality_status(q);
    } catch (const ModelError& e) {
        n.fail(e.what());
    }
    return q;
}

/// Reads an array of entities with a unique "id".
template <class T, class Read>
void read_with_ids(const Node& n, std::vector<T>& out, Read read, const char* what) {
    std::set<std::string> ids;
    n.each([&](const Node& x) {
        out.push_back(read(x));
        if (!ids.insert(out.back().id).second) x.fail(std::string("duplicate ") + what + " id \"" + out.back().id + "\"");
    });
}

void read_governance(const Node& n, ControlData& out, const ModelRefs& refs) {
    n.keys({"pmo", "thresholds", "weight", "eac_method", "projects", "policy", "methodologies", "gates", "change_requests", "issues",
            "lessons", "quality"});
    auto& g = out.governance;
    if (n.has("pmo")) g.pmo = parse_enum(n.at("pmo"), parse_pmo_type);
    if (n.has("thresholds")) {
        RagThresholds th = policy_profile(g.pmo).thresholds;
        read_thresholds(n.at("thresholds"), th);
        g.thresholds = th;
    }
    if (n.has("policy")) g.policy = read_policy(n.at("policy"));
    if (n.has("methodologies")) read_with_ids(n.at("methodologies"), g.methodologies, read_methodology, "methodology");
    if (n.has("gates")) n.at("gates").each([&](const Node& x) { g.gates.push_back(read_gate(x)); });
    if (n.has("change_requests"))
        read_with_ids(n.at("change_requests"), g.change_requests, [&](const Node& x) { return read_change(x, refs); }, "change request");
    if (n.has("issues")) read_with_ids(n.at("issues"), g.issues, read_issue, "issue");
    if (n.has("lessons")) read_with_ids(n.at("lessons"), g.lessons, read_lesson, "lesson");
    if (n.has("quality")) {
        std::set<std::string, std::less<>> methodologies;
        for (const auto& m : g.methodologies) methodologies.insert(m.id);
        std::set<std::pair<std::string, std::int64_t>> seen;
        n.at("quality").each([&](const Node& x) {
            g.quality.push_back(read_quality(x, refs, methodologies));
            const auto& q = g.quality.back();
            if (!seen.emplace(q.project.str(), q.date.minutes_since_epoch()).second)
                x.fail("duplicate quality record for project " + q.project.str() + " at " + to_string(q.date));
        });
    }
    if (n.has("weight")) {
        g.weight = n.at("weight").str();
        if (g.weight != "bac" && g.weight != "equal") n.at("weight").fail("expected \"bac\" or \"equal\"");
    }
    if (n.has("eac_method")) g.eac_method = parse_enum(n.at("eac_method"), parse_eac_method);
    if (n.has("projects")) {
        const Node ps = n.at("projects");
        if (!ps.v.is_object()) ps.fail("expected an object mapping project ids to facts");
        for (auto it = ps.v.begin(); it != ps.v.end(); ++it) {
            const Node f = ps.at(it.key());
            f.keys({"float_erosion", "gate_approved", "executing", "weight"});
            if (!refs.has_project(it.key())) f.fail("unknown project \"" + it.key() + "\" (not in the portfolio)");
            ProjectFacts pf;
            pf.project = ProjectId{it.key()};
            if (f.has("float_erosion")) pf.float_erosion = f.at("float_erosion").num();
            if (f.has("gate_approved")) pf.gate_approved = f.at("gate_approved").boolean();
            if (f.has("executing")) pf.executing = f.at("executing").boolean();
            if (f.has("weight")) pf.weight = f.at("weight").num();
            g.projects.push_back(std::move(pf));
        }
    }
}

}  // namespace

Duration parse_duration_text(std::string_view text, std::string_view where) {
    return parse_duration_in(text, where, detail::DurationUnits{});
}

ControlData read_control_sections(std::string_view text, std::string_view source_name) {
    return detail::read_control_document(detail::parse_json_doc(text, source_name));
}

namespace detail {

ControlData read_control_document(const JsonDoc& doc) {
    ControlData out;
    if (!doc.root.is_object()) return out;  // the model reader reports what the document is instead
    const ModelRefs refs = read_model_refs(doc.root);
    auto section = [&](const char* name, auto&& reader) {
        const auto it = doc.root.find(name);
        if (it == doc.root.end()) return;
        out.sections.emplace_back(name);
        reader(Node{*it, std::string("/") + name, &doc}, out, refs);
    };
    section("risks", read_risks);
    section("baselines", read_baselines);
    section("status", read_status);
    section("uncertainty", read_uncertainty);
    section("governance", read_governance);
    return out;
}

}  // namespace detail

}  // namespace ppm
