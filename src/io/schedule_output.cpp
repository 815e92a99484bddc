// Schedule result writers (JSON via nlohmann-json, CSV per RFC 4180).
#include "ppm/io/schedule_output.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <unordered_map>

#include "ppm/core/error.hpp"
#include "ppm/io/csv.hpp"

namespace ppm {

namespace {


std::unordered_map<std::string, const Task*> tasks_by_id(const Portfolio& portfolio) {
    std::unordered_map<std::string, const Task*> map;
    map.reserve(portfolio.task_count());
    for (const auto& p : portfolio.projects)
        for (const auto& t : p.tasks) map.emplace(t.id.str(), &t);
    return map;
}

std::string kind_of(const ScheduleResult& r, std::size_t i) {
    if (r.is_summary[i]) return "summary";
    if (r.is_milestone[i]) return "milestone";
    return "task";
}


}  // namespace

std::string write_schedule_json(const Portfolio& portfolio, const ScheduleResult& r) {
    using nlohmann::ordered_json;
    const auto by_id = tasks_by_id(portfolio);
    ordered_json doc;
    doc["format"] = "ppm-schedule";
    doc["version"] = 1;
    doc["finish"] = to_string(r.finish);
    ordered_json projects = ordered_json::array();
    for (std::size_t p = 0; p < r.project_id.size(); ++p) {
        ordered_json jp;
        jp["id"] = r.project_id[p].str();
        jp["start"] = to_string(r.project_start[p]);
        jp["finish"] = to_string(r.project_finish[p]);
        if (const Project* proj = portfolio.find_project(r.project_id[p]); proj && proj->deadline)
            jp["deadline"] = to_string(*proj->deadline);
        ordered_json path = ordered_json::array();
        if (p < r.longest_path.size())
            for (TaskIndex t : r.longest_path[p]) path.push_back(r.task_id[t.value()].str());
        jp["longest_path"] = std::move(path);
        projects.push_back(std::move(jp));
    }
    doc["projects"] = std::move(projects);
    ordered_json tasks = ordered_json::array();
    for (std::size_t i = 0; i < r.task_id.size(); ++i) {
        ordered_json jt;
        jt["id"] = r.task_id[i].str();
        jt["project"] = r.project_id[r.project[i].value()].str();
        const auto it = by_id.find(r.task_id[i].str());
        jt["name"] = it != by_id.end() ? it->second->name : std::string();
        jt["kind"] = kind_of(r, i);
        jt["duration_minutes"] = r.duration[i].count();
        jt["early_start"] = to_string(r.early_start[i]);
        jt["early_finish"] = to_string(r.early_finish[i]);
        jt["late_start"] = to_string(r.late_start[i]);
        jt["late_finish"] = to_string(r.late_finish[i]);
        jt["total_float_minutes"] = r.total_float[i].count();
        jt["free_float_minutes"] = r.free_float[i].count();
        jt["critical"] = r.critical[i] != 0;
        const TaskIndex d = r.driving_predecessor[i];
        jt["driving_predecessor"] = d.valid() ? ordered_json(r.task_id[d.value()].str()) : ordered_json(nullptr);
        tasks.push_back(std::move(jt));
    }
    doc["tasks"] = std::move(tasks);
    ordered_json warnings = ordered_json::array();
    for (const auto& w : r.warnings) {
        ordered_json jw;
        jw["kind"] = std::string(to_string(w.kind));
        jw["task"] = w.task.valid() ? ordered_json(r.task_id[w.task.value()].str()) : ordered_json(nullptr);
        jw["message"] = w.message;
        warnings.push_back(std::move(jw));
    }
    doc["warnings"] = std::move(warnings);
    return doc.dump(2) + "\n";
}

std::string write_schedule_csv(const Portfolio& portfolio, const ScheduleResult& r) {
    const auto by_id = tasks_by_id(portfolio);
    std::string out =
        "id,project,name,parent,kind,duration_minutes,early_start,early_finish,late_start,late_finish,"
        "total_float_minutes,free_float_minutes,critical,driving_predecessor\r\n";
    for (std::size_t i = 0; i < r.task_id.size(); ++i) {
        const auto it = by_id.find(r.task_id[i].str());
        const Task* t = it != by_id.end() ? it->second : nullptr;
        const TaskIndex d = r.driving_predecessor[i];
        out += csv_field(r.task_id[i].str()) + ',' + csv_field(r.project_id[r.project[i].value()].str()) + ',' +
               csv_field(t ? t->name : std::string()) + ',' +
               csv_field(t && t->parent ? t->parent->str() : std::string()) + ',' + kind_of(r, i) + ',' +
               std::to_string(r.duration[i].count()) + ',' + to_string(r.early_start[i]) + ',' +
               to_string(r.early_finish[i]) + ',' + to_string(r.late_start[i]) + ',' + to_string(r.late_finish[i]) +
               ',' + std::to_string(r.total_float[i].count()) + ',' + std::to_string(r.free_float[i].count()) + ',' +
               (r.critical[i] ? "true" : "false") + ',' + csv_field(d.valid() ? r.task_id[d.value()].str() : "") +
               "\r\n";
    }
    return out;
}

}  // namespace ppm
