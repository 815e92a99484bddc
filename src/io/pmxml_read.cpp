// Primavera P6 XML (PMXML, APIBusinessObjects) reader. Element names follow Oracle's P6 API Business
// Objects schema (p6apibo.xsd, shared/data/interchange/schema). P6 writes working-time ends one minute
// early ("11:59:00" for noon); they are rounded up to the half hour. Durations and lags are hours.
#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>

#include "detail/interchange_text.hpp"
#include "detail/xml_doc.hpp"
#include "detail/read_limits_check.hpp"
#include "detail/wbs_forest.hpp"
#include "ppm/core/error.hpp"
#include "ppm/io/pmxml.hpp"
#include "ppm/io/text_file.hpp"

namespace ppm {

namespace {

using detail::child;
using detail::child_text;
using detail::local_name;

class PmxmlReader {
public:
    PmxmlReader(std::string_view text, std::string source, const ReadLimits& limits)
        : doc_(text, std::move(source), limits), limits_(limits) {}
    ImportResult run();

private:
    detail::XmlDoc doc_;
    ReadLimits limits_;
    ImportResult out_;
    std::map<std::string, std::vector<pugi::xml_node>> by_name_;

    [[noreturn]] void fail(pugi::xml_node n, const std::string& what) {
        throw ParseError::unexpected(doc_.source(), doc_.line(n), 0, what);
    }
    void warn(pugi::xml_node n, std::string entity, std::string message) {
        out_.warnings.push_back({doc_.source(), doc_.line(n), std::move(entity), std::move(message)});
    }
    double num(pugi::xml_node n, std::string_view name, double def = 0.0) {
        const pugi::xml_node c = child(n, name);
        if (!c || detail::trim(c.child_value()).empty()) return def;
        const auto v = detail::parse_double(c.child_value());
        if (!v) fail(c, "<" + std::string(name) + ">: expected a number, got '" + std::string(c.child_value()) + "'");
        return *v;
    }
    std::optional<Instant> date(pugi::xml_node n, std::string_view name) {
        const pugi::xml_node c = child(n, name);
        if (!c || detail::trim(c.child_value()).empty()) return std::nullopt;
        const auto v = detail::parse_iso_datetime(c.child_value());
        if (!v)
            fail(c, "<" + std::string(name) + ">: " + detail::date_problem(c.child_value(), "a date-time") + ", got '" +
                        std::string(c.child_value()) + "'");
        return v;
    }
    void keep(pugi::xml_node n, CustomFields& custom, std::initializer_list<std::string_view> used) {
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element || detail::has_element_children(c)) continue;
            const auto name = local_name(c);
            if (std::find(used.begin(), used.end(), name) != used.end()) continue;
            const auto v = detail::trim(c.child_value());
            if (!v.empty()) custom["pmxml." + std::string(name)] = std::string(v);
        }
    }
    DaySchedule work_times(pugi::xml_node parent) {
        DaySchedule day;
        for (pugi::xml_node wt = parent.first_child(); wt; wt = wt.next_sibling()) {
            if (local_name(wt) != "WorkTime") continue;
            auto s = detail::parse_time_of_day(child_text(wt, "Start"), false);
            auto f = detail::parse_time_of_day(child_text(wt, "Finish"), true);
            if (!s || !f) continue;
            if (*f % 30 == 29) *f += 1;
            if (*f <= *s) continue;
            day.push_back({*s, *f});
        }
        std::sort(day.begin(), day.end(), [](const WorkInterval& a, const WorkInterval& b) { return a.start < b.start; });
        return day;
    }
    void collect(pugi::xml_node n) {
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const std::string name(local_name(c));
            static const char* kKinds[] = {"Calendar", "Project", "WBS", "Activity", "Relationship", "Resource", "ResourceRate",
                                           "ResourceAssignment"};
            bool kind = false;
            for (const char* k : kKinds) kind = kind || name == k;
            if (kind) by_name_[name].push_back(c);
            if (name == "Project" || name == "APIBusinessObjects") collect(c);
        }
    }
};

ImportResult PmxmlReader::run() {
    const pugi::xml_node root = doc_.root();
    if (local_name(root) != "APIBusinessObjects")
        fail(root, "root element <APIBusinessObjects> of a Primavera PMXML file, got <" + std::string(root.name()) + ">");
    collect(root);
    auto& pf = out_.portfolio;
    static const std::map<std::string, std::size_t> kDays = {{"Monday", 0}, {"Tuesday", 1}, {"Wednesday", 2}, {"Thursday", 3},
                                                             {"Friday", 4}, {"Saturday", 5}, {"Sunday", 6}};
    for (const auto c : by_name_["Calendar"]) {
        Calendar cal;
        cal.id = CalendarId(child_text(c, "ObjectId"));
        cal.name = std::string(child_text(c, "Name"));
        if (const auto b = child_text(c, "BaseCalendarObjectId"); !b.empty()) cal.base = CalendarId(b);
        if (const auto week = child(c, "StandardWorkWeek"))
            for (pugi::xml_node d = week.first_child(); d; d = d.next_sibling()) {
                if (local_name(d) != "StandardWorkHours") continue;
                const auto it = kDays.find(std::string(child_text(d, "DayOfWeek")));
                if (it == kDays.end()) fail(d, "<DayOfWeek>: expected Monday..Sunday");
                cal.week[it->second] = work_times(d);
            }
        if (const auto ex = child(c, "HolidayOrExceptions"))
            for (pugi::xml_node h = ex.first_child(); h; h = h.next_sibling()) {
                if (local_name(h) != "HolidayOrException") continue;
                const auto d = date(h, "Date");
                if (!d) continue;
                cal.exceptions.push_back({"", d->date(), d->date(), work_times(h), false});
            }
        for (auto& d : cal.week)
            if (!d && !cal.base) d = DaySchedule{};
        keep(c, cal.custom, {"ObjectId", "Name", "BaseCalendarObjectId"});
        pf.calendars.push_back(std::move(cal));
    }
    for (const auto r : by_name_["Resource"]) {
        Resource res;
        res.id = ResourceId(child_text(r, "ObjectId"));
        res.name = std::string(child_text(r, "Name"));
        res.type = child_text(r, "ResourceType") == "Material" ? ResourceType::material : ResourceType::work;
        if (const auto c = child_text(r, "CalendarObjectId"); !c.empty()) res.calendar = CalendarId(c);
        keep(r, res.custom, {"ObjectId", "Name", "CalendarObjectId"});
        pf.resources.push_back(std::move(res));
    }
    for (const auto rr : by_name_["ResourceRate"]) {
        Resource* res = nullptr;
        for (auto& x : pf.resources)
            if (x.id.str() == child_text(rr, "ResourceObjectId")) res = &x;
        if (!res)
            fail(rr, "<ResourceRate>: ResourceObjectId " + std::string(child_text(rr, "ResourceObjectId")) + " names no <Resource>");
        CostRate cr;
        cr.effective_from = date(rr, "EffectiveDate").value_or(Instant::from_ymd_hm(1970, 1, 1));
        cr.standard_per_hour = Money::from_major(num(rr, "PricePerUnit"));
        const std::string prefix = "pmxml.rate" + std::to_string(res->cost_rates.size()) + ".";
        for (const char* f : {"PricePerUnit2", "PricePerUnit3", "PricePerUnit4", "PricePerUnit5", "MaxUnitsPerTime"})
            if (const auto v = child_text(rr, f); !v.empty()) res->custom[prefix + f] = std::string(v);
        res->cost_rates.push_back(cr);
    }
    for (auto& res : pf.resources)
        std::sort(res.cost_rates.begin(), res.cost_rates.end(), [](const auto& a, const auto& b) { return a.effective_from < b.effective_from; });

    std::map<std::string, std::size_t> project_of;
    std::map<std::string, LagCalendar> lag_cal;
    for (const auto p : by_name_["Project"]) {
        Project proj;
        proj.honor_constraints = false;  // P6: logic wins over every constraint but the mandatory ones
        const std::string oid(child_text(p, "ObjectId"));
        proj.id = ProjectId("P" + oid);
        proj.name = std::string(child_text(p, "Id"));
        if (proj.name.empty()) proj.name = std::string(child_text(p, "Name"));
        proj.start = date(p, "PlannedStartDate").value_or(Instant{});
        proj.status_date = date(p, "DataDate");
        proj.deadline = date(p, "MustFinishByDate");
        if (const auto c = child_text(p, "ActivityDefaultCalendarObjectId"); !c.empty()) proj.calendar = CalendarId(c);
        const auto lc = child_text(p, "RelationshipLagCalendar");
        LagCalendar l = LagCalendar::predecessor;
        if (lc == "Successor Activity Calendar") l = LagCalendar::successor;
        else if (lc == "Project Default Calendar") l = LagCalendar::project;
        else if (lc == "24 Hour Calendar") l = LagCalendar::twenty_four_hour;
        lag_cal[oid] = l;
        keep(p, proj.custom, {"ObjectId", "PlannedStartDate", "DataDate", "MustFinishByDate", "ActivityDefaultCalendarObjectId"});
        project_of[oid] = pf.projects.size();
        pf.projects.push_back(std::move(proj));
    }
    if (pf.projects.empty()) fail(root, "no <Project> element");

    // WBS tree and activities in outline order.
    struct Node { pugi::xml_node xml; bool wbs; double seq; std::vector<std::size_t> kids; };
    std::vector<Node> nodes;
    std::map<std::string, std::size_t> wbs_index;
    for (const auto w : by_name_["WBS"]) {
        const auto [at, fresh] = wbs_index.emplace(std::string(child_text(w, "ObjectId")), nodes.size());
        if (!fresh)
            fail(w, "<WBS> ObjectId " + at->first + " appears twice (first at line " +
                        std::to_string(doc_.line(nodes[at->second].xml)) + ")");
        nodes.push_back({w, true, num(w, "SequenceNumber"), {}});
    }
    std::map<std::string, std::vector<std::size_t>> top;
    std::vector<std::ptrdiff_t> parent_of;  // WBS forest, checked before the walk below
    // A WBS parent (or an activity's WBS) is empty or the project's ObjectId at the top of the tree;
    // any other id must name a <WBS> of the file, or the node would move to the top unnoticed.
    const auto attach = [&](std::size_t n, std::string_view parent, std::string_view project, const char* field) {
        const auto it = wbs_index.find(std::string(parent));
        if (it == wbs_index.end() && !parent.empty() && parent != project && !project_of.count(std::string(parent)))
            fail(child(nodes[n].xml, field), "<" + std::string(local_name(nodes[n].xml)) + "> " +
                                                 std::string(child_text(nodes[n].xml, "ObjectId")) + ": " + field + " " +
                                                 std::string(parent) + " names no <WBS>");
        parent_of.push_back(it != wbs_index.end() ? static_cast<std::ptrdiff_t>(it->second) : -1);
        if (it != wbs_index.end()) nodes[it->second].kids.push_back(n);
        else top[std::string(project)].push_back(n);
    };
    for (std::size_t i = 0; i < nodes.size(); ++i)
        attach(i, child_text(nodes[i].xml, "ParentObjectId"), child_text(nodes[i].xml, "ProjectObjectId"), "ParentObjectId");
    std::map<std::string, pugi::xml_node, std::less<>> activity_ids;
    for (const auto a : by_name_["Activity"]) {
        if (const auto [at, fresh] = activity_ids.emplace(std::string(child_text(a, "ObjectId")), a); !fresh)
            fail(a, "<Activity> ObjectId " + at->first + " appears twice (first at line " + std::to_string(doc_.line(at->second)) + ")");
        const std::size_t n = nodes.size();
        nodes.push_back({a, false, static_cast<double>(n), {}});
        attach(n, child_text(a, "WBSObjectId"), child_text(a, "ProjectObjectId"), "WBSObjectId");
    }
    detail::check_wbs_forest(
        parent_of, [&](std::size_t n) { return std::string(child_text(nodes[n].xml, "ObjectId")); },
        [&](std::size_t n) { return doc_.line(nodes[n].xml); }, doc_.source(), "<WBS>", limits_);
    std::vector<int> has(nodes.size(), -1);
    std::function<bool(std::size_t)> any = [&](std::size_t n) -> bool {
        if (has[n] >= 0) return has[n] != 0;
        bool r = !nodes[n].wbs;
        for (auto k : nodes[n].kids) r = any(k) || r;
        has[n] = r ? 1 : 0;
        return r;
    };
    std::function<void(std::size_t, Project&, std::optional<TaskId>)> emit = [&](std::size_t n, Project& proj, std::optional<TaskId> parent) {
        Node& node = nodes[n];
        const pugi::xml_node x = node.xml;
        const std::string oid(child_text(x, "ObjectId"));
        if (node.wbs) {
            if (!any(n)) { warn(x, "WBS " + oid, "WBS node without activities: not imported as a task"); return; }
            Task t;
            t.id = TaskId("WBS" + oid);
            t.name = std::string(child_text(x, "Name"));
            t.parent = parent;
            t.custom["pmxml.kind"] = std::string("WBS");
            keep(x, t.custom, {"ObjectId", "Name", "ParentObjectId"});
            const TaskId me = t.id;
            proj.tasks.push_back(std::move(t));
            std::sort(node.kids.begin(), node.kids.end(), [&](std::size_t a, std::size_t b) {
                if (nodes[a].wbs != nodes[b].wbs) return !nodes[a].wbs;
                return nodes[a].seq < nodes[b].seq;
            });
            for (auto k : node.kids) emit(k, proj, me);
            return;
        }
        Task t;
        t.id = TaskId(oid);
        t.name = std::string(child_text(x, "Name"));
        t.parent = parent;
        if (const auto c = child_text(x, "CalendarObjectId"); !c.empty()) t.calendar = CalendarId(c);
        const double planned = num(x, "PlannedDuration");
        const double remaining = num(x, "RemainingDuration", planned);
        t.duration = Duration{static_cast<std::int64_t>(planned * 60.0 + 0.5)};
        const auto type = child_text(x, "Type");
        if (type == "Start Milestone" || type == "Finish Milestone") { t.milestone = true; t.duration = Duration{}; }
        if (type == "Level of Effort" || type == "WBS Summary") warn(x, "task " + oid, std::string(type) + " activity scheduled as a normal task");
        t.progress.actual_start = date(x, "ActualStartDate");
        t.progress.actual_finish = date(x, "ActualFinishDate");
        if (t.progress.actual_start && !t.progress.actual_finish)
            t.progress.remaining_duration = Duration{static_cast<std::int64_t>(remaining * 60.0 + 0.5)};
        if (t.progress.actual_finish) t.progress.percent_complete = 100.0;
        else if (t.progress.actual_start && planned > 0) t.progress.percent_complete = std::clamp((planned - remaining) / planned * 100.0, 0.0, 100.0);
        // P6's constraint names (as in XER: only the mandatory ones override logic).
        static const std::map<std::string, ConstraintType, std::less<>> kC = {
            {"Start On or After", ConstraintType::start_no_earlier_than}, {"Start On", ConstraintType::start_on},
            {"Finish On", ConstraintType::finish_on}, {"Start On or Before", ConstraintType::start_no_later_than},
            {"Finish On or Before", ConstraintType::finish_no_later_than}, {"Finish On or After", ConstraintType::finish_no_earlier_than},
            {"As Late As Possible", ConstraintType::as_late_as_possible}, {"Mandatory Start", ConstraintType::mandatory_start},
            {"Mandatory Finish", ConstraintType::mandatory_finish}};
        auto constraint = [&](const char* type_el, const char* date_el) -> std::optional<Constraint> {
            const auto c = child_text(x, type_el);
            if (c.empty() || c == "<None>" || c == "As Soon As Possible") return std::nullopt;
            const auto it = kC.find(c);
            if (it == kC.end()) {
                warn(x, "task " + oid, std::string(type_el) + " '" + std::string(c) + "' not understood: ignored");
                return std::nullopt;
            }
            Constraint con{.type = it->second, .date = date(x, date_el)};
            if (!con.date && it->second != ConstraintType::as_late_as_possible) {
                warn(x, "task " + oid, std::string(type_el) + " '" + std::string(c) + "' without " + date_el + ": ignored");
                return std::nullopt;
            }
            return con;
        };
        if (const auto c = constraint("PrimaryConstraintType", "PrimaryConstraintDate")) t.constraint = *c;
        t.secondary_constraint = constraint("SecondaryConstraintType", "SecondaryConstraintDate");
        if (t.secondary_constraint && t.secondary_constraint->type == ConstraintType::as_late_as_possible) {
            warn(x, "task " + oid, "secondary constraint 'As Late As Possible' ignored (ALAP is a primary constraint)");
            t.secondary_constraint.reset();
        }
        keep(x, t.custom, {"ObjectId", "Name", "CalendarObjectId", "PlannedDuration", "ActualStartDate", "ActualFinishDate",
                           "PrimaryConstraintType", "PrimaryConstraintDate", "SecondaryConstraintType", "SecondaryConstraintDate"});
        proj.tasks.push_back(std::move(t));
    };
    for (auto& [proj_oid, list] : top) {
        const auto it = project_of.find(proj_oid);
        Project& proj = pf.projects[it == project_of.end() ? 0 : it->second];
        std::stable_sort(list.begin(), list.end(), [&](std::size_t a, std::size_t b) {
            if (nodes[a].wbs != nodes[b].wbs) return !nodes[a].wbs;
            return nodes[a].seq < nodes[b].seq;
        });
        for (auto n : list) emit(n, proj, std::nullopt);
    }
    for (const auto r : by_name_["Relationship"]) {
        Task* s = pf.find_task(TaskId(child_text(r, "SuccessorActivityObjectId")));
        if (!s) fail(r, "<Relationship>: SuccessorActivityObjectId " + std::string(child_text(r, "SuccessorActivityObjectId")) + " names no activity");
        Dependency d;
        d.predecessor = TaskId(child_text(r, "PredecessorActivityObjectId"));
        if (!pf.find_task(d.predecessor)) warn(r, "task " + s->id.str(), "predecessor " + d.predecessor.str() + " not in this file: kept");
        const auto type = child_text(r, "Type");
        if (type == "Start to Start") d.type = LinkType::start_start;
        else if (type == "Finish to Finish") d.type = LinkType::finish_finish;
        else if (type == "Start to Finish") d.type = LinkType::start_finish;
        else d.type = LinkType::finish_start;
        const double lag = num(r, "Lag");
        d.lag.amount = Duration{static_cast<std::int64_t>(lag * 60.0 + (lag >= 0 ? 0.5 : -0.5))};
        const auto it = lag_cal.find(std::string(child_text(r, "SuccessorProjectObjectId")));
        d.lag_calendar = it != lag_cal.end() ? it->second : (lag_cal.size() == 1 ? lag_cal.begin()->second : LagCalendar::predecessor);
        keep(r, d.custom, {"PredecessorActivityObjectId", "SuccessorActivityObjectId", "Type", "Lag"});
        s->predecessors.push_back(std::move(d));
    }
    for (const auto a : by_name_["ResourceAssignment"]) {
        Task* t = pf.find_task(TaskId(child_text(a, "ActivityObjectId")));
        if (!t) fail(a, "<ResourceAssignment>: ActivityObjectId names no activity");
        const auto rid = child_text(a, "ResourceObjectId");
        if (rid.empty()) {
            warn(a, "assignment " + std::string(child_text(a, "ObjectId")), "role-only assignment skipped");
            continue;
        }
        if (!pf.find_resource(ResourceId(rid)))
            fail(a, "<ResourceAssignment> " + std::string(child_text(a, "ObjectId")) + ": ResourceObjectId " + std::string(rid) +
                        " names no <Resource>");
        Assignment as;
        as.resource = ResourceId(rid);
        as.units = num(a, "PlannedUnitsPerTime", 1.0);
        as.work = Duration{static_cast<std::int64_t>(num(a, "PlannedUnits") * 60.0 + 0.5)};
        if (const double act = num(a, "ActualUnits"); act > 0) as.actual_work = Duration{static_cast<std::int64_t>(act * 60.0 + 0.5)};
        keep(a, as.custom, {"ActivityObjectId", "ResourceObjectId", "PlannedUnitsPerTime", "PlannedUnits"});
        t->assignments.push_back(std::move(as));
    }
    const std::string stem = std::filesystem::path(doc_.source()).stem().string();
    pf.id = PortfolioId(stem.empty() || stem == "<input>" ? "pmxml" : stem);
    pf.name = pf.projects.size() == 1 ? pf.projects[0].name : pf.id.str();
    pf.default_calendar = pf.projects[0].calendar;
    pf.status_date = pf.projects[0].status_date;
    return std::move(out_);
}

}  // namespace

ImportResult read_pmxml(std::string_view text, std::string_view source_name) {
    return read_pmxml(text, source_name, ReadLimits{});
}

ImportResult read_pmxml(std::string_view text, std::string_view source_name, const ReadLimits& limits) {
    const std::string source(source_name);
    PmxmlReader r(text, source, limits);
    ImportResult out = r.run();
    detail::check_tasks(out.portfolio, source, limits);
    return out;
}

ImportResult read_pmxml_file(const std::filesystem::path& path) { return read_pmxml_file(path, ReadLimits{}); }

ImportResult read_pmxml_file(const std::filesystem::path& path, const ReadLimits& limits) {
    detail::check_file_size(path, limits);
    return read_pmxml(read_text_file(path), path.string(), limits);
}

}  // namespace ppm
