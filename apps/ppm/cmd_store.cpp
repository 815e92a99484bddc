// `ppm store ...`: the SQLite portfolio repository from the command line (issue 8, docs/store.md):
//   ppm store import DB FILE            store a model file (any format; a .json's risks, baselines,
//                                        status periods and quality records too)
//   ppm store list DB                   portfolios and snapshots
//   ppm store snapshot DB PORTFOLIO [--label L]   freeze the stored portfolio (CPM dates, progress)
//   ppm store diff DB SNAP_A SNAP_B     task-level changes between two snapshots
// Each takes --json for machine-readable output.
#include <algorithm>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "command.hpp"
#include "options.hpp"
#include "present.hpp"
#include "ppm/core/error.hpp"
#include "ppm/governance/health.hpp"
#include "ppm/io/control_json.hpp"
#include "ppm/io/model_file.hpp"
#include "ppm/store/repository.hpp"
#include "ppm/store/snapshot_diff.hpp"

namespace ppm::cli {
namespace {

using nlohmann::json;

struct StoreArgs {
    std::string db;
    std::string file;
    std::string portfolio;
    std::string label;
    std::string snap_a;
    std::string snap_b;
    bool json = false;
};

json opt_instant(const std::optional<Instant>& t) { return t ? json(to_string(*t)) : json(nullptr); }
std::string text_instant(const std::optional<Instant>& t) { return t ? to_string(*t) : std::string("-"); }

int run_import(const StoreArgs& a, Context& ctx) {
    ctx.input_file = a.file;
    ModelDocument r = read_model_document(a.file);
    Portfolio& pf = r.portfolio;
    if (pf.id.empty()) pf.id = PortfolioId{std::filesystem::path(a.file).stem().string()};
    const ControlData& control = r.control;
    auto repo = Repository::open(a.db);
    const std::int64_t revision = repo.save_portfolio(pf);
    if (!control.risks.empty()) repo.save_risks(pf.id, control.risks);
    std::size_t baselines = 0;
    for (const auto& set : control.baselines) {
        for (const auto& b : set.baselines) repo.save_baseline(pf.id, b, false);
        if (const Baseline* current = set.active()) repo.save_baseline(pf.id, *current, true);
        baselines += set.baselines.size();
    }
    for (const auto& s : control.status) repo.save_status_period(pf.id, s);
    const auto& quality = control.governance.quality;
    for (const auto& q : quality) repo.save_quality_status(pf.id, q);
    if (a.json) {
        std::cout << json{{"database", a.db},           {"file", a.file},
                          {"portfolio", pf.id.str()},    {"revision", revision},
                          {"projects", pf.projects.size()}, {"tasks", pf.task_count()},
                          {"risks", control.risks.size()}, {"baselines", baselines},
                          {"status_periods", control.status.size()}, {"quality_records", quality.size()},
                          {"warnings", r.warnings.size()}}
                         .dump(2)
                  << "\n";
    } else if (!ctx.quiet) {
        std::cout << "Stored portfolio " << pf.id.str() << " (revision " << revision << "): " << pf.projects.size() << " projects, "
                  << pf.task_count() << " tasks, " << control.risks.size() << " risks, " << baselines << " baselines, "
                  << control.status.size() << " status periods, " << quality.size() << " quality records -> " << a.db << "\n";
        if (!r.warnings.empty()) std::cerr << r.warnings.size() << " import warnings (ppm convert --warnings lists them)\n";
    }
    return kOk;
}

int run_list(const StoreArgs& a, Context& ctx) {
    auto repo = Repository::open(a.db, {.create_if_missing = false});
    const auto pfs = repo.list_portfolios();
    const auto snaps = repo.list_snapshots();
    if (a.json) {
        json out{{"database", a.db}, {"schema_version", repo.schema_version()}, {"portfolios", json::array()}, {"snapshots", json::array()}};
        for (std::size_t i = 0; i < pfs.size(); ++i)
            out["portfolios"].push_back({{"id", pfs.id[i].str()}, {"name", pfs.name[i]}, {"revision", pfs.revision[i]},
                                         {"saved_at", pfs.saved_at[i]}, {"projects", pfs.project_count[i]},
                                         {"tasks", pfs.task_count[i]}, {"snapshots", pfs.snapshot_count[i]}});
        for (std::size_t i = 0; i < snaps.size(); ++i)
            out["snapshots"].push_back({{"id", snaps.id[i]}, {"portfolio", snaps.portfolio[i].str()}, {"label", snaps.label[i]},
                                        {"taken_at", snaps.taken_at[i]}, {"revision", snaps.revision[i]},
                                        {"status_date", opt_instant(snaps.status_date[i])}, {"scheduled", snaps.scheduled[i] != 0},
                                        {"tasks", snaps.task_count[i]}});
        std::cout << out.dump(2) << "\n";
        return kOk;
    }
    if (ctx.quiet) return kOk;
    std::cout << column("portfolio", 16) << column("revision", 9) << column("projects", 9) << column("tasks", 8) << column("snapshots", 10)
              << column("saved at (UTC)", 25) << "name\n";
    for (std::size_t i = 0; i < pfs.size(); ++i)
        std::cout << column(pfs.id[i].str(), 16) << column(std::to_string(pfs.revision[i]), 9) << column(std::to_string(pfs.project_count[i]), 9)
                  << column(std::to_string(pfs.task_count[i]), 8) << column(std::to_string(pfs.snapshot_count[i]), 10)
                  << column(pfs.saved_at[i], 25) << pfs.name[i] << "\n";
    if (snaps.size() > 0) {
        std::cout << "\n" << column("snapshot", 9) << column("portfolio", 16) << column("revision", 9) << column("tasks", 8)
                  << column("taken at (UTC)", 25) << "label\n";
        for (std::size_t i = 0; i < snaps.size(); ++i)
            std::cout << column(std::to_string(snaps.id[i]), 9) << column(snaps.portfolio[i].str(), 16) << column(std::to_string(snaps.revision[i]), 9)
                      << column(std::to_string(snaps.task_count[i]), 8) << column(snaps.taken_at[i], 25) << snaps.label[i]
                      << (snaps.scheduled[i] ? "" : " (not scheduled)") << "\n";
    }
    return kOk;
}

int run_snapshot(const StoreArgs& a, Context& ctx) {
    auto repo = Repository::open(a.db, {.create_if_missing = false});
    const std::int64_t id = repo.snapshot(PortfolioId{a.portfolio}, {.label = a.label});
    const auto list = repo.list_snapshots(PortfolioId{a.portfolio});
    const std::size_t k = list.size() - 1;  // the newest is ours (ids only grow)
    if (a.json) {
        std::cout << json{{"database", a.db},         {"snapshot", id},
                          {"portfolio", a.portfolio}, {"label", a.label},
                          {"revision", list.revision[k]}, {"tasks", list.task_count[k]},
                          {"scheduled", list.scheduled[k] != 0}, {"taken_at", list.taken_at[k]}}
                         .dump(2)
                  << "\n";
    } else if (!ctx.quiet) {
        std::cout << "Snapshot " << id << " of " << a.portfolio << " (revision " << list.revision[k] << ", " << list.task_count[k]
                  << " tasks" << (list.scheduled[k] ? ", CPM dates" : ", not schedulable: no dates") << ")"
                  << (a.label.empty() ? "" : " labelled \"" + a.label + "\"") << "\n";
    }
    return kOk;
}

std::int64_t resolve(const Repository& repo, const std::string& text) {
    const auto id = repo.find_snapshot(text);
    if (!id) throw ModelError::unknown_id("snapshot", text, "repository " + repo.path().string());
    return *id;
}

int run_diff(const StoreArgs& a, Context& ctx) {
    auto repo = Repository::open(a.db, {.create_if_missing = false});
    const std::int64_t sa = resolve(repo, a.snap_a);
    const std::int64_t sb = resolve(repo, a.snap_b);
    const SnapshotDiff d = diff_snapshots(repo.snapshot_tasks(sa), repo.snapshot_tasks(sb));
    std::size_t count[3] = {0, 0, 0};
    for (const auto k : d.kind) ++count[static_cast<int>(k)];
    static constexpr std::pair<std::uint8_t, const char*> kFields[] = {{kStartField, "start"},
                                                                      {kFinishField, "finish"},
                                                                      {kDurationField, "duration"},
                                                                      {kProgressField, "progress"},
                                                                      {kNameField, "name"}};
    if (a.json) {
        json out{{"snapshot_a", sa},
                 {"snapshot_b", sb},
                 {"summary", {{"added", count[0]}, {"removed", count[1]}, {"changed", count[2]}, {"unchanged", d.unchanged}}},
                 {"tasks", json::array()}};
        const auto side = [](const std::optional<Instant>& s, const std::optional<Instant>& f, const std::optional<Duration>& du,
                             const std::optional<double>& pc) -> json {
            if (!du) return nullptr;
            return {{"start", opt_instant(s)}, {"finish", opt_instant(f)}, {"duration_minutes", du->count()}, {"percent_complete", *pc}};
        };
        for (std::size_t i = 0; i < d.size(); ++i) {
            json fields = json::array();
            for (const auto& [bit, name] : kFields)
                if (d.fields[i] & bit) fields.push_back(name);
            out["tasks"].push_back({{"project", d.project[i].str()},
                                    {"task", d.task[i].str()},
                                    {"kind", to_string(d.kind[i])},
                                    {"fields", fields},
                                    {"before", side(d.start_before[i], d.finish_before[i], d.duration_before[i], d.percent_before[i])},
                                    {"after", side(d.start_after[i], d.finish_after[i], d.duration_after[i], d.percent_after[i])}});
        }
        std::cout << out.dump(2) << "\n";
        return kOk;
    }
    if (ctx.quiet) return kOk;
    std::cout << "Snapshot " << sa << " -> " << sb << ": " << count[2] << " changed, " << count[0] << " added, " << count[1]
              << " removed, " << d.unchanged << " unchanged\n";
    for (std::size_t i = 0; i < d.size(); ++i) {
        std::string what;
        const auto add = [&](const std::string& s) { what += (what.empty() ? "" : "; ") + s; };
        if (d.kind[i] == TaskChangeKind::changed) {
            if (d.fields[i] & kStartField) add("start " + text_instant(d.start_before[i]) + " -> " + text_instant(d.start_after[i]));
            if (d.fields[i] & kFinishField)
                add("finish " + text_instant(d.finish_before[i]) + " -> " + text_instant(d.finish_after[i]));
            if (d.fields[i] & kDurationField)
                add("duration " + std::to_string(d.duration_before[i]->count()) + " -> " + std::to_string(d.duration_after[i]->count()) +
                    " min");
            if (d.fields[i] & kProgressField) {
                char b[64];
                std::snprintf(b, sizeof b, "progress %.4g%% -> %.4g%%", *d.percent_before[i], *d.percent_after[i]);
                add(b);
            }
            if (d.fields[i] & kNameField) add("renamed");
        } else {
            const bool added = d.kind[i] == TaskChangeKind::added;
            const auto& s = added ? d.start_after[i] : d.start_before[i];
            const auto& f = added ? d.finish_after[i] : d.finish_before[i];
            const auto& du = added ? d.duration_after[i] : d.duration_before[i];
            add(text_instant(s) + " .. " + text_instant(f) + ", " + std::to_string(du->count()) + " min");
        }
        std::cout << column(std::string(to_string(d.kind[i])), 9) << column(d.project[i].str(), 12) << column(d.task[i].str(), 16) << what << "\n";
    }
    return kOk;
}

}  // namespace

void add_store_command(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<StoreArgs>();
    CLI::App* cmd = app.add_subcommand("store",
                                       "Portfolio repository (SQLite): import, list, snapshot, diff\n"
                                       "Example: ppm store import ppm.db plan.json && ppm store snapshot ppm.db PF --label week-12");
    cmd->require_subcommand(1);

    CLI::App* imp = cmd->add_subcommand("import", "Store a model file (any format) in the repository (created when missing)\n"
                                                  "Example: ppm store import ppm.db examples/portfolio.json");
    imp->add_option("DB", args->db, "Repository file")->required();
    imp->add_option("FILE", args->file, "Model file: .json .xml .xer .mpx")->required()->check(readable_file());
    imp->add_flag("--json", args->json, "Print a JSON summary");
    imp->callback([args, &ctx] { ctx.exit_code = run_import(*args, ctx); });

    CLI::App* list = cmd->add_subcommand("list", "List the stored portfolios and snapshots\nExample: ppm store list ppm.db --json");
    list->add_option("DB", args->db, "Repository file")->required();
    list->add_flag("--json", args->json, "Print JSON");
    list->callback([args, &ctx] { ctx.exit_code = run_list(*args, ctx); });

    CLI::App* snap = cmd->add_subcommand("snapshot", "Freeze a stored portfolio's tasks (CPM dates, durations, progress)\n"
                                                     "Example: ppm store snapshot ppm.db PF --label \"week 12\"");
    snap->add_option("DB", args->db, "Repository file")->required();
    snap->add_option("PORTFOLIO", args->portfolio, "Portfolio id (see ppm store list)")->required();
    snap->add_option("--label", args->label, "Label for the snapshot");
    snap->add_flag("--json", args->json, "Print JSON");
    snap->callback([args, &ctx] { ctx.exit_code = run_snapshot(*args, ctx); });

    CLI::App* diff = cmd->add_subcommand("diff", "Task-level changes between two snapshots (id or label)\n"
                                                 "Example: ppm store diff ppm.db 1 2 --json");
    diff->add_option("DB", args->db, "Repository file")->required();
    diff->add_option("SNAP_A", args->snap_a, "Earlier snapshot: id or label")->required();
    diff->add_option("SNAP_B", args->snap_b, "Later snapshot: id or label")->required();
    diff->add_flag("--json", args->json, "Print JSON");
    diff->callback([args, &ctx] { ctx.exit_code = run_diff(*args, ctx); });
}

}  // namespace ppm::cli
