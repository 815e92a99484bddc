// Gathering the dashboard's data: each engine run through its public API on the sections a file
// has (CPM: ppm/schedule/cpm.hpp; levelling: ppm/leveling/level.hpp; EVM roll-up, project health
// and RAG: ppm/evm/*; risk heat map: ppm/risk/risk_matrix.hpp; Monte Carlo:
// ppm/risk/simulation_model.hpp; selection and frontier: ppm/portfolio/*). An engine that fails on
// otherwise valid data leaves a note, not an exception.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <numeric>
#include <set>

#include "ppm/core/error.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/evm/capture.hpp"
#include "ppm/evm/rollup.hpp"
#include "ppm/evm/status_period.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/io/control_json.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/io/text_file.hpp"
#include "ppm/portfolio/selection_json.hpp"
#include "ppm/report/dashboard_data.hpp"
#include "ppm/risk/simulation_model.hpp"

namespace ppm {

namespace {

class Stages {
public:
    explicit Stages(const DashboardOptions& o) : o_(o) {}
    /// Announces a stage; false when cancelled (the stage is then skipped with a note).
    bool begin(std::string_view name, double fraction, DashboardData& d) const {
        if (o_.stop.stop_requested()) {
            d.notes.push_back(std::string(name) + ": skipped (cancelled)");
            return false;
        }
        if (o_.progress) o_.progress(name, fraction);
        return true;
    }

private:
    const DashboardOptions& o_;
};

bool has_work_assignments(const Portfolio& pf) {
    for (const auto& p : pf.projects)
        for (const auto& t : p.tasks)
            for (const auto& a : t.assignments)
                if (const Resource* r = pf.find_resource(a.resource); r && r->type == ResourceType::work) return true;
    return false;
}

// Demand per bucket from CPM dates (when levelling is off): units of each assignment over the
// task's [early start, early finish), capacity = max_units (availability periods ignored).
ResourceHistogram cpm_histogram(const Portfolio& pf, const ScheduleResult& s, Duration period) {
    ResourceHistogram h;
    h.period = period;
    std::vector<const Resource*> work;
    for (const auto& r : pf.resources)
        if (r.type == ResourceType::work) work.push_back(&r), h.resource.push_back(r.id);
    if (s.task_id.empty() || work.empty()) return h;
    Instant lo = s.early_start[0], hi = s.early_finish[0];
    for (std::size_t i = 0; i < s.task_id.size(); ++i) lo = std::min(lo, s.early_start[i]), hi = std::max(hi, s.early_finish[i]);
    h.start = Instant::at(lo.date());
    h.bucket_count = std::max<std::int64_t>(1, ((hi - h.start).count() + period.count() - 1) / period.count());
    const std::size_t n = work.size() * static_cast<std::size_t>(h.bucket_count);
    h.peak_demand.assign(n, 0.0);
    h.load.assign(n, 0.0);
    h.capacity.assign(n, 0.0);
    for (std::size_t r = 0; r < work.size(); ++r)
        for (std::int64_t b = 0; b < h.bucket_count; ++b) h.capacity[r * static_cast<std::size_t>(h.bucket_count) + static_cast<std::size_t>(b)] = work[r]->max_units;
    for (std::size_t i = 0; i < s.task_id.size(); ++i) {
        if (s.is_summary[i] || s.early_finish[i] <= s.early_start[i]) continue;
        const Task* t = pf.find_task(s.task_id[i]);
        if (!t) continue;
        for (const auto& a : t->assignments) {
            const auto it = std::find(h.resource.begin(), h.resource.end(), a.resource);
            if (it == h.resource.end()) continue;
            const std::size_t r = static_cast<std::size_t>(it - h.resource.begin());
            const std::int64_t b0 = (s.early_start[i] - h.start).count() / period.count();
            const std::int64_t b1 = ((s.early_finish[i] - h.start).count() - 1) / period.count();
            for (std::int64_t b = std::max<std::int64_t>(b0, 0); b <= std::min(b1, h.bucket_count - 1); ++b) {
                const std::size_t k = r * static_cast<std::size_t>(h.bucket_count) + static_cast<std::size_t>(b);
                h.peak_demand[k] += a.units;  // upper bound of the peak: tasks overlapping the bucket
                const Instant from = std::max(s.early_start[i], h.start + period * b);
                const Instant to = std::min(s.early_finish[i], h.start + period * (b + 1));
                h.load[k] += a.units * static_cast<double>((to - from).count());
            }
        }
    }
    return h;
}

// PV every `period` from the baseline start; EV and AC where they are known: 0 at the baseline
// start, each status period up to the data date, and the data date itself (the latest period at or
// before it, else the tasks' own progress). EAC and the forecast finish from the EVM roll-up.
ProjectCurves project_curves(const Portfolio& pf, const Baseline& b, std::span<const StatusPeriod> status, const EvmTable& evm,
                             Instant status_date, Duration period) {
    ProjectCurves c{.project = b.project, .baseline = b.name};
    std::vector<StatusPeriod> periods;
    for (const auto& s : status)
        if (s.project == b.project && s.date <= status_date) periods.push_back(s);
    std::sort(periods.begin(), periods.end(), [](const StatusPeriod& x, const StatusPeriod& y) { return x.date < y.date; });
    if (periods.empty())
        if (const Project* p = pf.find_project(b.project)) periods.push_back(status_from_project(*p, status_date));
    auto [from, to] = planned_span(b);
    const std::size_t row = evm.find(EvmNodeKind::project, b.project.str());
    if (row < evm.size()) {
        c.bac = evm.bac[row];
        c.eac = evm.metrics[row].eac;
        c.forecast_finish = evm.forecast_finish[row];
    } else {
        c.bac = budget_at_completion(b);
        c.eac = c.bac;
    }
    to = std::max(to, status_date);
    c.curves = time_phase(b, periods, period_ends(from, to, period));
    if (periods.empty() || from < periods.front().date) {
        c.actual_date.push_back(std::min(from, status_date));
        c.actual_ev.push_back(Money{0});
        c.actual_ac.push_back(Money{0});
    }
    for (const auto& s : periods) {
        const auto [ev, ac] = earned_and_actual(b, s);
        c.actual_date.push_back(s.date);
        c.actual_ev.push_back(ev);
        c.actual_ac.push_back(ac);
    }
    if (!periods.empty() && periods.back().date < status_date) {  // known as reported: flat to the data date
        c.actual_date.push_back(status_date);
        c.actual_ev.push_back(c.actual_ev.back());
        c.actual_ac.push_back(c.actual_ac.back());
    }
    return c;
}

// One simulation of the whole portfolio (SimulationModel: every project in one network), so the
// finish is the portfolio's and Spearman sensitivities are measured against it (ppm simulate's
// settings: the section's iterations, seed, levelling and calendars).
PortfolioSimulation simulate_portfolio(const Portfolio& pf, const ControlData& control, const DashboardOptions& o) {
    const UncertaintySpec& spec = control.uncertainty;
    // From the status periods' progress, as ppm simulate forecasts (docs/risk.md).
    const SimulationModel model = build_simulation_model(apply_status_periods(pf, control.status), control.risks, spec);
    MonteCarloOptions mo;
    mo.iterations = o.iterations > 0 ? o.iterations : spec.iterations;
    mo.seed = spec.seed;
    mo.repair_correlation = spec.repair_correlation;
    mo.level = spec.level;
    mo.stop = o.stop;
    const MonteCarloResult r = simulate(model.input, mo);
    PortfolioSimulation out;
    out.iterations = r.iterations;
    out.seed = mo.seed;
    const auto date = [&](double minutes) { return model.to_instant(std::llround(minutes)); };
    out.deterministic_finish = date(static_cast<double>(r.deterministic_finish));
    for (double e : r.finish_histogram.edge) out.finish_edge.push_back(date(e));
    out.finish_count = r.finish_histogram.count;
    out.percentile = r.percentile;
    for (double f : r.finish_at) out.finish_at.push_back(date(f));
    for (double c : r.cost_at) out.cost_at.push_back(c / 100.0);
    for (double e : r.cost_histogram.edge) out.cost_edge.push_back(e / 100.0);
    out.cost_count = r.cost_histogram.count;
    out.cost_mean = r.cost_mean / 100.0;
    if (spec.target_finish) {
        out.target = spec.target_finish;
        out.target_probability = probability_of_meeting(r, model.to_minutes(*spec.target_finish));
    }
    // A rank correlation within 2/sqrt(N) of zero is sampling noise (its standard error is about
    // 1/sqrt(N)): such tasks are left out of the tornado rather than shown as drivers.
    const double noise = r.iterations > 0 ? 2.0 / std::sqrt(static_cast<double>(r.iterations)) : 1.0;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < r.sensitivity.size() && i < model.task.size(); ++i)
        if (std::isfinite(r.sensitivity[i]) && std::abs(r.sensitivity[i]) >= noise) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return std::abs(r.sensitivity[a]) > std::abs(r.sensitivity[b]); });
    if (order.size() > o.tornado_tasks) order.resize(o.tornado_tasks);
    for (std::size_t i : order) {
        const Task* t = pf.find_task(model.task[i]);
        out.tornado.push_back({.task = model.task[i],
                               .project = model.project[model.project_of[i].value()],
                               .name = t && !t->name.empty() ? t->name : model.task[i].str(),
                               .sensitivity = r.sensitivity[i],
                               .criticality = r.criticality[i]});
    }
    return out;
}

// `control`: the model file's control sections (none for a foreign format).
void collect_model(DashboardData& d, const ControlData* control_in, const DashboardOptions& o, const Stages& stage) {
    const Portfolio& pf = *d.portfolio;
    throw_if_invalid(pf);
    if (stage.begin("schedule", 0.0, d)) {
        d.schedule = schedule(pf);  // the file's status dates; `today` only moves the line drawn
    }
    if (!d.status_date) d.status_date = pf.status_date;
    if (!d.status_date)
        for (const auto& p : pf.projects)
            if (p.status_date && (!d.status_date || *p.status_date > *d.status_date)) d.status_date = p.status_date;

    if (has_work_assignments(pf) && stage.begin("level", 0.2, d)) {
        if (o.level_resources) {
            try {
                LevelOptions lo;
                lo.method = LevelMethod::priority;  // the dashboard's passes (DashboardOptions::level_passes)
                lo.passes = std::max<std::int32_t>(1, o.level_passes);
                lo.histogram_period = o.histogram_period;
                lo.stop = o.stop;
                d.histogram = level(pf, lo).histogram;
                d.histogram_source = "levelled";
            } catch (const Error& e) {
                d.notes.push_back(std::string("resource histograms: levelling failed (") + e.what() + "); CPM demand shown");
            }
        }
        if (!d.histogram && d.schedule) {
            d.histogram = cpm_histogram(pf, *d.schedule, o.histogram_period);
            d.histogram_source = "cpm";
        }
    } else if (!has_work_assignments(pf)) {
        d.notes.push_back("resource histograms: no work resource is assigned to a task");
    }

    if (control_in == nullptr) return;
    if (!stage.begin("control", 0.5, d)) return;
    ControlData control = *control_in;
    // PV over the tasks' working calendars: attached once, for the roll-up and the S-curves alike.
    for (auto& set : control.baselines)
        for (auto& b : set.baselines) attach_calendars(b, pf);
    d.baselines = control.baselines;
    d.risks = control.risks;
    d.matrix = control.matrix;
    if (!d.status_date)
        for (const auto& s : control.status)
            if (!d.status_date || s.date > *d.status_date) d.status_date = s.date;
    if (!control.baselines.empty()) {
        if (!d.status_date) {
            d.notes.push_back("EVM and RAG: no status date (portfolio status_date or a status period)");
        } else {
            EvmRollupOptions eo;
            eo.eac_method = control.governance.eac_method;
            eo.include_tasks = false;
            d.evm = evm_rollup(pf, control.baselines, *d.status_date, control.status, eo);
            d.health = project_health(pf, control, *d.evm, *d.status_date);
            d.policy = governance_policy(control.governance);
            for (const auto& h : d.health) d.project_rag.push_back(assess(h, d.policy));
            std::vector<std::pair<ProgramId, ProgramId>> nesting;
            for (const auto& p : pf.programs)
                if (p.parent) nesting.emplace_back(p.id, *p.parent);
            d.rag = rag_rollup(d.health, d.policy, nesting);
            for (const auto& set : control.baselines) {
                const Baseline* b = set.active();
                if (!b || b->size() == 0) continue;
                d.scurves.push_back(project_curves(pf, *b, control.status, *d.evm, *d.status_date, o.scurve_period));
            }
        }
    }
    if (control.has_section("uncertainty") && stage.begin("simulate", 0.6, d)) {
        try {
            d.simulation = simulate_portfolio(pf, control, o);
        } catch (const Error& e) {
            d.notes.push_back(std::string("Monte Carlo risk: ") + e.what());
        }
    }
}

void collect_selection(DashboardData& d, std::string_view json_text, const std::string& source, const DashboardOptions& o,
                       const Stages& stage) {
    if (json_text.empty() || !read_json_section(json_text, "selection", source)) return;  // dashboard_notes says so
    SelectionDocument doc = parse_selection_document(json_text, source);
    if (!doc.has_selection) return;
    (void)apply_alignment(doc);
    d.selection = doc.problem;
    SelectionOptions so;
    so.time_limit_seconds = std::min(o.solve_seconds, doc.time_limit_seconds);
    so.relative_gap = doc.relative_gap;
    so.stop = o.stop;
    so.shadow_prices = false;
    if (stage.begin("select", 0.7, d)) {
        d.selected = select_portfolio(doc.problem, so);
        if (!d.selected->has_solution)
            d.notes.push_back(std::string("selection: no solution (") + std::string(to_string(d.selected->status)) + ")");
    }
    if (o.frontier_points > 0 && stage.begin("frontier", 0.8, d)) {
        FrontierOptions fo;
        fo.points = o.frontier_points;
        fo.solve = so;
        fo.solve.explain = false;
        d.frontier = efficient_frontier(doc.problem, fo);
    }
}

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

/// One input: a ppm JSON text, or a foreign model file (`text` empty).
struct Source {
    std::string name;
    std::string text;
    std::filesystem::path path;
    bool foreign = false;
};

// The model and its control sections from `model`, the selection (with its strategy) from
// `selection`; either may be absent.
DashboardData collect(const Source* model, const Source* selection, std::string source_names, const DashboardOptions& options) {
    DashboardData d;
    d.source = std::move(source_names);
    d.status_date = options.today;
    const Stages stage(options);
    if (model && model->foreign) {
        ImportResult in = read_model_file_with_warnings(model->path);
        d.portfolio = std::move(in.portfolio);
        d.import_warnings = std::move(in.warnings);
        collect_model(d, nullptr, options, stage);
        d.notes.push_back("control and risk views: only ppm JSON files carry those sections");
    } else if (model && read_json_section(model->text, "portfolio", model->name)) {
        ModelDocument doc = read_json_document(model->text, model->name);
        d.portfolio = std::move(doc.portfolio);
        collect_model(d, &doc.control, options, stage);
    } else {
        if (model) {
            const ControlData control = read_control_sections(model->text, model->name);
            d.risks = control.risks;
            d.matrix = control.matrix;
        }
    }
    if (selection) collect_selection(d, selection->text, selection->name, options, stage);
    if (options.progress) options.progress("done", 1.0);
    d.title = !options.title.empty() ? options.title
              : d.portfolio && !d.portfolio->name.empty() ? d.portfolio->name
                                                          : std::filesystem::path(model ? model->name : d.source).filename().string();
    return d;
}

}  // namespace

DashboardData collect_dashboard_data(std::string_view json_text, std::string_view source_name, const DashboardOptions& options) {
    const Source src{.name = std::string(source_name), .text = std::string(json_text)};
    return collect(&src, &src, src.name, options);
}

DashboardData collect_dashboard_data(const std::filesystem::path& path, const DashboardOptions& options) {
    return collect_dashboard_data(std::span<const std::filesystem::path>(&path, 1), options);
}

DashboardData collect_dashboard_data(std::span<const std::filesystem::path> paths, const DashboardOptions& options) {
    std::vector<Source> files;
    for (const auto& p : paths) {
        Source s{.name = p.string(), .path = p};
        if (lower_extension(p) == ".json")
            s.text = read_text_file(p.string());
        else
            s.foreign = true;
        files.push_back(std::move(s));
    }
    if (files.empty()) throw ModelError::missing_value("report input", "files");
    if (files.size() == 1) {
        const Source& f = files.front();
        return collect(&f, f.foreign ? nullptr : &f, f.name, options);
    }
    // Which file holds what; a section held twice is ambiguous.
    const Source *model = nullptr, *selection = nullptr, *strategy = nullptr;
    auto claim = [](const Source*& slot, const Source& f, const char* section) {
        if (slot) throw ModelError::invalid_value("report input", section, "held by both " + slot->name + " and " + f.name);
        slot = &f;
    };
    for (const auto& f : files) {
        if (f.foreign) {
            claim(model, f, "portfolio");
            continue;
        }
        const bool has_model = read_json_section(f.text, "portfolio", f.name).has_value();
        const bool has_selection = read_json_section(f.text, "selection", f.name).has_value();
        const bool has_strategy = read_json_section(f.text, "strategy", f.name).has_value();
        if (has_model) claim(model, f, "portfolio");
        if (has_selection) claim(selection, f, "selection");
        if (has_strategy) claim(strategy, f, "strategy");
        if (!has_model && !has_selection && !has_strategy)
            throw ModelError::invalid_value("report input", f.name, "has no \"portfolio\", \"selection\" or \"strategy\" section");
    }
    std::string names;
    for (const auto& f : files) names += (names.empty() ? "" : ", ") + f.name;
    Source merged;
    if (selection && strategy && strategy != selection) {
        // The strategy joins the selection document as its last member, so the selection's own
        // line numbers (in parse errors) stay those of its file.
        const auto section = read_json_section(strategy->text, "strategy", strategy->name);
        merged = *selection;
        const std::size_t close = merged.text.rfind('}');
        merged.text.insert(close, ",\n\"strategy\": " + section->text + "\n");
        selection = &merged;
    }
    return collect(model, selection, names, options);
}

}  // namespace ppm
