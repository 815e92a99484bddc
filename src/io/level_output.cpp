// Levelling result as JSON and CSV (see level_output.hpp).
#include "ppm/io/level_output.hpp"

#include <cmath>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ppm/io/csv.hpp"

namespace ppm {
namespace {

using nlohmann::json;

json projects_json(const LevelResult& r) {
    json projects = json::array();
    for (std::size_t p = 0; p < r.project_id.size(); ++p)
        projects.push_back({{"id", r.project_id[p].str()},
                            {"cpm_finish", to_string(r.project_cpm_finish[p])},
                            {"finish", to_string(r.project_finish[p])},
                            {"delay_minutes", r.project_delay[p].count()}});
    return projects;
}

json tasks_json(const LevelResult& r) {
    json tasks = json::array();
    for (std::size_t i = 0; i < r.task_id.size(); ++i) {
        json t{{"id", r.task_id[i].str()},
               {"project", r.project_id[r.project[i].value()].str()},
               {"start", to_string(r.start[i])},
               {"finish", to_string(r.finish[i])},
               {"cpm_start", to_string(r.cpm_start[i])},
               {"cpm_finish", to_string(r.cpm_finish[i])},
               {"delay_minutes", r.delay[i].count()},
               {"summary", r.is_summary[i] != 0},
               {"split", r.is_split[i] != 0}};
        if (r.is_split[i]) {
            json pieces = json::array();
            for (std::uint32_t k = r.piece_offsets[i]; k < r.piece_offsets[i + 1]; ++k)
                pieces.push_back({to_string(r.piece_start[k]), to_string(r.piece_finish[k])});
            t["pieces"] = std::move(pieces);
        }
        tasks.push_back(std::move(t));
    }
    return tasks;
}

json histogram_json(const LevelResult& r) {
    const auto& h = r.histogram;
    json hist{{"start", to_string(h.start)}, {"period_minutes", h.period.count()}, {"buckets", h.bucket_count}};
    json resources = json::array();
    const std::size_t buckets = static_cast<std::size_t>(h.bucket_count);
    for (std::size_t k = 0; k < h.resource.size(); ++k) {
        auto row = [&](const std::vector<double>& v) {
            return std::vector<double>(v.begin() + static_cast<std::ptrdiff_t>(k * buckets), v.begin() + static_cast<std::ptrdiff_t>((k + 1) * buckets));
        };
        std::vector<double> capacity = row(h.capacity);
        for (double& c : capacity)
            if (!std::isfinite(c)) c = 0.0;
        resources.push_back({{"id", h.resource[k].str()}, {"peak_demand", row(h.peak_demand)}, {"capacity", capacity}, {"load_unit_minutes", row(h.load)}});
    }
    hist["resources"] = std::move(resources);
    return hist;
}

json objectives_json(const MultiProjectObjectives& o) {
    return {{"total_makespan", o.total_makespan},
            {"total_project_delay", o.total_project_delay},
            {"tms_lower_bound", o.tms_lower_bound},
            {"project_finish", o.project_finish},
            {"project_cpm_finish", o.project_cpm_finish}};
}

}  // namespace

std::string write_level_json(const LevelResult& r, const MultiProjectLevelReport* multiproject, const std::vector<Violation>* check) {
    json j;
    j["status"] = std::string(to_string(r.status));
    j["method"] = std::string(to_string(r.method));
    j["passes"] = r.passes;
    j["best_rule"] = r.best_rule;
    j["one_pass_portfolio_finish"] = to_string(r.one_pass_portfolio_finish);
    j["one_pass_total_project_delay_minutes"] = r.one_pass_total_project_delay.count();
    j["seconds"] = r.seconds;
    j["portfolio_cpm_finish"] = to_string(r.portfolio_cpm_finish);
    j["portfolio_finish"] = to_string(r.portfolio_finish);
    j["total_project_delay_minutes"] = r.total_project_delay.count();
    j["weighted_project_delay_minutes"] = r.weighted_project_delay;
    j["projects"] = projects_json(r);
    j["tasks"] = tasks_json(r);
    json over = json::array();
    for (const auto& o : r.over_allocations)
        over.push_back({{"resource", o.resource.str()}, {"from", to_string(o.from)}, {"to", to_string(o.to)}, {"demand", o.demand}, {"capacity", o.capacity}});
    j["over_allocations"] = std::move(over);
    j["histogram"] = histogram_json(r);
    j["warnings"] = r.warnings;
    if (multiproject != nullptr) {
        json m = objectives_json(multiproject->objectives);
        m["start_times"] = multiproject->start_times;
        if (multiproject->rcpsp_ga)
            m["rcpsp_ga"] = {{"total_makespan", multiproject->rcpsp_ga->total_makespan},
                             {"total_project_delay", multiproject->rcpsp_ga->total_project_delay}};
        j["multiproject"] = std::move(m);
    }
    if (check != nullptr) {
        json v = json::array();
        for (const Violation& x : *check)
            v.push_back({{"kind", std::string(to_string(x.kind))}, {"task", x.task}, {"other", x.other}, {"message", x.message}});
        j["check"] = {{"broken", check->size()}, {"violations", std::move(v)}};
    }
    return j.dump(2) + "\n";
}

std::string write_level_csv(const LevelResult& r) {
    std::ostringstream os;
    os << "task_id,project_id,start,finish,cpm_start,cpm_finish,delay_minutes,summary,split\n";
    for (std::size_t i = 0; i < r.task_id.size(); ++i)
        os << csv_field(r.task_id[i].str()) << ',' << csv_field(r.project_id[r.project[i].value()].str()) << ',' << to_string(r.start[i]) << ','
           << to_string(r.finish[i]) << ',' << to_string(r.cpm_start[i]) << ',' << to_string(r.cpm_finish[i]) << ',' << r.delay[i].count()
           << ',' << int(r.is_summary[i]) << ',' << int(r.is_split[i]) << '\n';
    return os.str();
}

}  // namespace ppm
