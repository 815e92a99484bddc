// PMO performance figures (see pmo_performance.hpp).
#include "ppm/governance/pmo_performance.hpp"

#include <cmath>
#include <map>

namespace ppm {

std::string_view to_string(PmoGrouping g) noexcept {
    switch (g) {
        case PmoGrouping::all: return "all";
        case PmoGrouping::program: return "program";
        case PmoGrouping::category: return "category";
        case PmoGrouping::period: return "period";
    }
    return "?";
}

std::vector<PmoFigures> pmo_performance(std::span<const ProjectOutcome> outcomes, PmoGrouping by, const PmoTolerance& tol) {
    struct Acc {
        int n = 0, finished = 0, on_time = 0, on_budget = 0, sv_n = 0, cv_n = 0;
        double sv = 0.0, cv = 0.0;
        std::int64_t planned_benefit = 0, realised_benefit = 0;
    };
    std::map<std::string, Acc> groups;
    for (const auto& o : outcomes) {
        std::string key;
        switch (by) {
            case PmoGrouping::all: break;
            case PmoGrouping::program: key = o.program ? o.program->str() : ""; break;
            case PmoGrouping::category: key = o.category; break;
            case PmoGrouping::period: key = o.period; break;
        }
        auto& a = groups[key];
        ++a.n;
        a.finished += o.finished;
        a.on_time += (o.finish - o.planned_finish) <= tol.days_late;
        a.on_budget += static_cast<double>(o.cost.minor_units()) <= static_cast<double>(o.budget.minor_units()) * (1.0 + tol.budget_overrun);
        const auto planned_days = o.planned_finish - o.planned_start;
        if (planned_days > 0) {
            a.sv += static_cast<double>(o.finish - o.planned_finish) / static_cast<double>(planned_days);
            ++a.sv_n;
        }
        if (o.budget.minor_units() > 0) {
            a.cv += static_cast<double>((o.cost - o.budget).minor_units()) / static_cast<double>(o.budget.minor_units());
            ++a.cv_n;
        }
        a.planned_benefit += o.benefits_planned.minor_units();
        a.realised_benefit += o.benefits_realised.minor_units();
    }
    std::vector<PmoFigures> out;
    for (const auto& [key, a] : groups) {
        PmoFigures f;
        f.group = key;
        f.projects = a.n;
        f.finished = a.finished;
        f.share_on_time = static_cast<double>(a.on_time) / a.n;
        f.share_on_budget = static_cast<double>(a.on_budget) / a.n;
        f.mean_schedule_variance = a.sv_n > 0 ? a.sv / a.sv_n : std::nan("");
        f.mean_cost_variance = a.cv_n > 0 ? a.cv / a.cv_n : std::nan("");
        f.benefits_realisation = a.planned_benefit > 0 ? static_cast<double>(a.realised_benefit) / static_cast<double>(a.planned_benefit)
                                                       : std::nan("");
        out.push_back(f);
    }
    return out;
}

}  // namespace ppm
