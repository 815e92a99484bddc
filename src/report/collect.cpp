// Gathering the dashboard's data: each engine run through its public API on the sections a file
// has (CPM: ppm/schedule/cpm.hpp; levelling: ppm/leveling/level.hpp; EVM roll-up, project health
// and RAG: ppm/evm/*; risk heat map: ppm/risk/risk_matrix.hpp; selection and frontier:
// ppm/portfolio/*). An engine that fails on otherwise valid data leaves a note, not an exception.
#include <algorithm>
#include <cctype>
#include <exception>
#include <set>

#include "ppm/core/error.hpp"
#include "ppm/core/validate.hpp"
#include "ppm/evm/control_file.hpp"
#include "ppm/evm/health.hpp"
#include "ppm/evm/rollup.hpp"
#include "ppm/io/json.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/portfolio/selection_json.hpp"
#include "ppm/report/dashboard_data.hpp"

namespace ppm::report {

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
leveling::ResourceHistogram cpm_histogram(const Portfolio& pf, const ScheduleResult& s, Duration period) {
    leveling::ResourceHistogram h;
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

void collect_model(DashboardData& d, std::string_view json_text, const DashboardOptions& o, const Stages& stage) {
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
                leveling::LevelOptions lo;
                lo.method = leveling::LevelMethod::priority;  // the dashboard's passes (DashboardOptions::level_passes)
                lo.passes = std::max<std::int32_t>(1, o.level_passes);
                lo.histogram_period = o.histogram_period;
                lo.stop = o.stop;
                d.histogram = leveling::level(pf, lo).histogram;
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

    if (json_text.empty()) return;
    if (!stage.begin("control", 0.5, d)) return;
    const ControlData control = read_control_sections(json_text, d.source);
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
            const EvmTable table = evm_rollup(pf, control.baselines, *d.status_date, control.status, eo);
            d.health = project_health(pf, control, table, *d.status_date);
            const RagPolicy policy = governance_policy(control.governance);
            for (const auto& h : d.health) d.project_rag.push_back(assess(h, policy));
            std::vector<std::pair<ProgramId, ProgramId>> nesting;
            for (const auto& p : pf.programs)
                if (p.parent) nesting.emplace_back(p.id, *p.parent);
            d.rag = rag_rollup(d.health, policy, nesting);
            for (const auto& set : control.baselines) {
                const Baseline* b = set.active();
                if (!b || b->size() == 0) continue;
                std::vector<StatusPeriod> periods;
                for (const auto& s : control.status)
                    if (s.project == b->project) periods.push_back(s);
                if (periods.empty())
                    if (const Project* p = pf.find_project(b->project)) periods.push_back(status_from_project(*p, *d.status_date));
                auto [from, to] = planned_span(*b);
                to = std::max(to, *d.status_date);
                const auto ends = period_ends(from, to, o.scurve_period);
                d.scurves.push_back({b->project, b->name, time_phase(*b, periods, ends)});
            }
        }
    } else {
        d.notes.push_back("EVM S-curves and RAG: no \"baselines\" section");
    }
}

void collect_selection(DashboardData& d, std::string_view json_text, const DashboardOptions& o, const Stages& stage) {
    if (!read_json_section(json_text, "selection", d.source)) {
        d.notes.push_back("bubble chart and efficient frontier: no \"selection\" section");
        return;
    }
    SelectionDocument doc = parse_selection_document(json_text, d.source);
    if (!doc.has_selection) {
        d.notes.push_back("bubble chart and efficient frontier: no \"selection\" section");
        return;
    }
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

}  // namespace

DashboardData collect_dashboard_data(std::string_view json_text, std::string_view source_name, const DashboardOptions& options) {
    DashboardData d;
    d.source = std::string(source_name);
    d.status_date = options.today;
    const Stages stage(options);
    if (read_json_section(json_text, "portfolio", source_name)) {
        d.portfolio = read_json(json_text, source_name);
        collect_model(d, json_text, options, stage);
    } else {
        d.notes.push_back("schedule views: the file has no \"portfolio\" section");
        const ControlData control = read_control_sections(json_text, d.source);
        d.risks = control.risks;
        d.matrix = control.matrix;
    }
    collect_selection(d, json_text, options, stage);
    if (options.progress) options.progress("done", 1.0);
    d.title = !options.title.empty() ? options.title
              : d.portfolio && !d.portfolio->name.empty() ? d.portfolio->name
                                                          : std::filesystem::path(d.source).filename().string();
    return d;
}

DashboardData collect_dashboard_data(const std::filesystem::path& path, const DashboardOptions& options) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".json") return collect_dashboard_data(read_text_file(path.string()), path.string(), options);
    DashboardData d;
    d.source = path.string();
    d.status_date = options.today;
    ImportResult in = read_model_file_with_warnings(path);
    d.portfolio = std::move(in.portfolio);
    d.import_warnings = std::move(in.warnings);
    collect_model(d, {}, options, Stages(options));
    d.notes.push_back("control, risk and selection views: only ppm JSON files carry those sections");
    if (options.progress) options.progress("done", 1.0);
    d.title = !options.title.empty() ? options.title : !d.portfolio->name.empty() ? d.portfolio->name : path.filename().string();
    return d;
}

}  // namespace ppm::report
