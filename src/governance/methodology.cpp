// Methodology templates and one-call project instantiation (see methodology.hpp).
#include "ppm/governance/methodology.hpp"

#include <set>
#include <unordered_map>

#include "ppm/core/error.hpp"

namespace ppm {

void check_methodology(const Methodology& m) {
    std::set<std::string, std::less<>> phases, codes;
    for (const auto& p : m.phases)
        if (!phases.insert(p.name).second) throw ModelError::duplicate_id("phase", p.name);
    for (const auto& n : m.wbs) {
        if (n.code.empty()) throw ModelError::missing_value("WBS template code", n.name);
        if (!codes.insert(n.code).second) throw ModelError::duplicate_id("WBS template code", n.code);
        if (n.duration < Duration{0}) throw ModelError::negative_duration("WBS template duration", n.code);
    }
    for (const auto& n : m.wbs) {
        if (!n.parent.empty() && codes.count(n.parent) == 0)
            throw ModelError::unknown_id("WBS template code", n.parent, "parent of " + n.code);
        if (!n.phase.empty() && phases.count(n.phase) == 0) throw ModelError::unknown_id("phase", n.phase, "WBS node " + n.code);
        for (const auto& p : n.predecessors)
            if (codes.count(p) == 0) throw ModelError::unknown_id("WBS template code", p, "predecessor of " + n.code);
    }
    // Parent chains must end (no cycles).
    std::unordered_map<std::string, std::string> parent;
    for (const auto& n : m.wbs) parent[n.code] = n.parent;
    for (const auto& n : m.wbs) {
        std::string c = n.parent;
        for (std::size_t steps = 0; !c.empty(); ++steps) {
            if (steps > m.wbs.size()) throw ModelError::cycle("WBS template parent", {n.code});
            c = parent[c];
        }
    }
}

Project instantiate_project(const Methodology& m, ProjectId id, std::string name, Instant start, std::optional<ProgramId> program) {
    check_methodology(m);
    Project p;
    p.id = id;
    p.name = std::move(name);
    p.program = std::move(program);
    p.start = start;
    p.notes = "Instantiated from methodology " + m.id;
    auto task_id = [&](const std::string& code) { return TaskId{id.str() + "." + code}; };
    // Outline order: a parent before its children (depth-first over the template's order).
    std::unordered_map<std::string, std::vector<const WbsTemplateNode*>> children;
    std::vector<const WbsTemplateNode*> roots;
    for (const auto& n : m.wbs) (n.parent.empty() ? roots : children[n.parent]).push_back(&n);
    std::vector<const WbsTemplateNode*> stack(roots.rbegin(), roots.rend());
    while (!stack.empty()) {
        const auto* n = stack.back();
        stack.pop_back();
        Task t;
        t.id = task_id(n->code);
        t.name = n->name;
        if (!n->parent.empty()) t.parent = task_id(n->parent);
        t.milestone = n->milestone;
        t.duration = n->milestone ? Duration{0} : n->duration;
        t.fixed_cost = n->fixed_cost;
        for (const auto& pred : n->predecessors) {
            Dependency d;
            d.predecessor = task_id(pred);
            t.predecessors.push_back(std::move(d));
        }
        if (!n->phase.empty()) t.custom["phase"] = n->phase;
        t.custom["wbs_code"] = n->code;
        p.tasks.push_back(std::move(t));
        auto& ch = children[n->code];
        for (auto it = ch.rbegin(); it != ch.rend(); ++it) stack.push_back(*it);
    }
    return p;
}

std::size_t phase_index(const Methodology& m, std::string_view phase) noexcept {
    for (std::size_t i = 0; i < m.phases.size(); ++i)
        if (m.phases[i].name == phase) return i;
    return m.phases.size();
}

Methodology standard_methodology() {
    constexpr std::int64_t day = 480;
    Methodology m;
    m.id = "standard";
    m.name = "Standard four-phase lifecycle";
    m.phases = {
        {"initiate", {"charter", "business case"}, "G1 - charter approved",
         {{"G1.1", "Business case approved by sponsor", true}, {"G1.2", "Strategic alignment scored", true},
          {"G1.3", "Initial risk assessment done", false}}},
        {"plan", {"project plan", "baseline schedule", "risk register"}, "G2 - plan approved",
         {{"G2.1", "Baseline schedule and budget captured", true}, {"G2.2", "Resources committed", true},
          {"G2.3", "Risk register reviewed", true}}},
        {"execute", {"deliverables", "status reports"}, "G3 - ready to hand over",
         {{"G3.1", "Acceptance tests passed", true}, {"G3.2", "Open high risks closed or accepted", true}}},
        {"close", {"lessons learned", "closure report"}, "G4 - closed",
         {{"G4.1", "Lessons learned recorded", true}, {"G4.2", "Benefits owner confirmed", false}}},
    };
    auto node = [](std::string code, std::string name, std::string parent, std::string phase, std::int64_t days,
                   std::vector<std::string> preds, bool milestone = false) {
        WbsTemplateNode n;
        n.code = std::move(code);
        n.name = std::move(name);
        n.parent = std::move(parent);
        n.phase = std::move(phase);
        n.duration = Duration{days * day};
        n.predecessors = std::move(preds);
        n.milestone = milestone;
        return n;
    };
    m.wbs = {
        node("1", "Initiation", "", "initiate", 0, {}),
        node("1.1", "Draft charter and business case", "1", "initiate", 5, {}),
        node("1.2", "G1 gate", "1", "initiate", 0, {"1.1"}, true),
        node("2", "Planning", "", "plan", 0, {}),
        node("2.1", "Plan scope, schedule and budget", "2", "plan", 10, {"1.2"}),
        node("2.2", "Risk workshop", "2", "plan", 2, {"1.2"}),
        node("2.3", "G2 gate", "2", "plan", 0, {"2.1", "2.2"}, true),
        node("3", "Execution", "", "execute", 0, {}),
        node("3.1", "Build", "3", "execute", 30, {"2.3"}),
        node("3.2", "Test and accept", "3", "execute", 10, {"3.1"}),
        node("3.3", "G3 gate", "3", "execute", 0, {"3.2"}, true),
        node("4", "Closure", "", "close", 0, {}),
        node("4.1", "Lessons learned and closure report", "4", "close", 3, {"3.3"}),
        node("4.2", "G4 gate", "4", "close", 0, {"4.1"}, true),
    };
    return m;
}

}  // namespace ppm
