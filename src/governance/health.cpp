// Project health facts for RAG status (see health.hpp).
#include "ppm/governance/health.hpp"

#include <unordered_map>

#include "ppm/core/error.hpp"

namespace ppm {

RagPolicy governance_policy(const GovernanceSpec& g) {
    if (g.policy) return *g.policy;
    RagPolicy p = policy_profile(g.pmo);
    if (g.thresholds) p.thresholds = *g.thresholds;
    return p;
}

std::vector<ProjectHealth> project_health(const Portfolio& portfolio, const ControlData& control, const EvmTable& evm,
                                          Instant status_date) {
    std::vector<ProjectHealth> out;
    for (const auto& project : portfolio.projects) {
        ProjectHealth h;
        h.project = project.id;
        h.program = project.program;
        const auto row = evm.find(EvmNodeKind::project, project.id.str());
        const Baseline* base = nullptr;
        for (const auto& set : control.baselines)
            if (const Baseline* b = set.active(); b != nullptr && b->project == project.id) base = b;
        h.has_baseline = base != nullptr;
        if (row < evm.size()) {
            h.spi = evm.metrics[row].spi;
            h.cpi = evm.metrics[row].cpi;
            h.spi_t = evm.schedule[row].spi_t;
            h.weight = static_cast<double>(evm.bac[row].minor_units()) / 100.0;
        } else {
            h.weight = 0.0;
        }
        if (control.governance.weight == "equal") h.weight = 1.0;
        if (!control.risks.empty()) h.open_high_risks = count_active_at_least(control.matrix, control.risks, RiskLevel::high, project.id);
        if (base != nullptr) {
            // Latest progress at the status date: a status period, else the tasks' own progress.
            const StatusPeriod* chosen = nullptr;
            for (const auto& s : control.status)
                if (s.project == project.id && s.date <= status_date && (chosen == nullptr || s.date > chosen->date)) chosen = &s;
            StatusPeriod own;
            if (chosen == nullptr) {
                own = status_from_project(project, status_date);
                chosen = &own;
            }
            std::unordered_map<TaskId, double> pct;
            for (std::size_t k = 0; k < chosen->task.size(); ++k) pct[chosen->task[k]] = chosen->percent_complete[k];
            int overdue = 0;
            for (const auto& t : project.tasks) {
                if (!t.milestone) continue;
                const auto k = find_task(*base, t.id);
                if (k == base->size() || base->finish[k] >= status_date) continue;
                auto it = pct.find(t.id);
                const bool done = t.progress.actual_finish.has_value() || (it != pct.end() && it->second >= 100.0);
                overdue += done ? 0 : 1;
            }
            h.overdue_milestones = overdue;
        }
        if (const QualityStatus* q = latest_quality(control.governance.quality, project.id, status_date)) {
            h.critical_defects = q->open_defects[static_cast<std::size_t>(DefectSeverity::critical)];
            h.major_defects = q->open_defects[static_cast<std::size_t>(DefectSeverity::major)];
            h.minor_defects = q->open_defects[static_cast<std::size_t>(DefectSeverity::minor)];
            h.failed_reviews = failed_reviews(*q);
            h.test_pass_rate = test_pass_rate(*q);
            h.acceptance_rate = acceptance_rate(*q);
        }
        for (const auto& f : control.governance.projects) {
            if (f.project != project.id) continue;
            if (f.float_erosion) h.float_erosion = *f.float_erosion;
            if (f.gate_approved) h.gate_approved = *f.gate_approved;
            if (f.executing) h.executing = *f.executing;
            if (f.weight) h.weight = *f.weight;
        }
        out.push_back(h);
    }
    return out;
}

}  // namespace ppm
