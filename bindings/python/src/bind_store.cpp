// Python bindings for area `store`: the SQLite portfolio repository (docs/store.md): portfolios,
// baselines, status and quality history, snapshots and their diff, risk register, issue log, change log and
// lessons learned with FTS5 search. Record lists are structs of arrays: numpy views and DataFrames.
//
// A Repository is one SQLite connection, to be used from one thread at a time. The binding releases
// the GIL around every call into the repository and serialises calls on one Repository object with
// a mutex taken after the GIL is released (so a second Python thread waits without holding the GIL).
#include "common.hpp"
#include "arrays.hpp"

#include <pybind11/chrono.h>
#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>

#include "ppm/store/records.hpp"
#include "ppm/store/repository.hpp"
#include "ppm/store/snapshot_diff.hpp"

namespace ppm::python {

namespace {

// The store keeps UTC timestamps as ISO 8601 text ("...T..:..:..SSSZ"); Python gets aware datetimes.
py::list utc_datetimes(const std::vector<std::string>& text) {
    py::object parse = py::module_::import("datetime").attr("datetime").attr("fromisoformat");
    py::list out;
    for (const auto& t : text) {
        std::string iso = t;
        if (!iso.empty() && iso.back() == 'Z') iso.back() = '+', iso += "00:00";  // fromisoformat of Python < 3.11
        out.append(parse(iso));
    }
    return out;
}



/// A numpy datetime64[m] copy of optional instants (None -> NaT).
py::array optional_instants(const std::vector<std::optional<Instant>>& v) {
    std::vector<std::int64_t> minutes(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) minutes[i] = v[i] ? v[i]->minutes_since_epoch() : std::numeric_limits<std::int64_t>::min();
    py::array_t<std::int64_t> a(static_cast<py::ssize_t>(minutes.size()), minutes.data());
    return a.attr("view")("datetime64[m]");
}

template <class T>
py::array optional_floats(const std::vector<std::optional<T>>& v) {
    std::vector<double> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        if constexpr (std::is_same_v<T, Duration>)
            out[i] = v[i] ? static_cast<double>(v[i]->count()) : std::numeric_limits<double>::quiet_NaN();
        else
            out[i] = v[i] ? static_cast<double>(*v[i]) : std::numeric_limits<double>::quiet_NaN();
    }
    return py::array_t<double>(static_cast<py::ssize_t>(out.size()), out.data());
}

template <class Id>
std::vector<std::string> id_strings(const std::vector<Id>& ids) {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (const auto& i : ids) out.push_back(i.str());
    return out;
}

std::string changed_fields(std::uint8_t f) {
    std::string out;
    for (auto [bit, name] : {std::pair{kStartField, "start"}, {kFinishField, "finish"}, {kDurationField, "duration"},
                             {kProgressField, "progress"}, {kNameField, "name"}})
        if (f & bit) {
            if (!out.empty()) out.push_back(',');
            out.append(name);
        }
    return out;
}

/// ppm.StoreError: a repository refuses the operation (written while open read-only).
py::object& store_error() {
    static auto* cls = new py::object();  // leaked: outlives the interpreter's shutdown
    return *cls;
}

/// The Python-side repository: the C++ Repository (absent once closed) and the lock that keeps it to
/// one thread at a time.
class PyRepository {
public:
    PyRepository(Repository r, bool read_only) : repo_(std::move(r)), path_(repo_->path()), read_only_(read_only) {}

    /// As call(), for a method that writes: a repository opened read-only raises StoreError
    /// (code "read_only") naming the method, before SQLite is asked.
    template <class F>
    auto write(const char* method, F&& f) {
        if (read_only_ && repo_) {
            py::object e = store_error()("the repository " + path_.string() + " is open read-only: " + method +
                                         "() needs write access (open it with read_only=False)");
            e.attr("code") = "read_only";
            e.attr("path") = path_.string();
            PyErr_SetObject(store_error().ptr(), e.ptr());
            throw py::error_already_set();
        }
        return call(std::forward<F>(f));
    }

    /// Runs `f(repo)` with the GIL released and the connection locked; raises ValueError when closed.
    template <class F>
    auto call(F&& f) {
        if (!repo_) throw py::value_error("the repository " + path_.string() + " is closed");
        py::gil_scoped_release release;
        std::lock_guard lock(mutex_);
        if (!repo_) throw std::runtime_error("the repository " + path_.string() + " was closed by another thread");
        return f(*repo_);
    }

    void close() {
        py::gil_scoped_release release;
        std::lock_guard lock(mutex_);
        repo_.reset();
    }
    [[nodiscard]] bool closed() const noexcept { return !repo_; }
    [[nodiscard]] bool read_only() const noexcept { return read_only_; }
    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

private:
    std::optional<Repository> repo_;
    std::filesystem::path path_;
    bool read_only_ = false;
    std::mutex mutex_;
};

RepositoryOptions repo_options(bool create_if_missing, bool read_only, std::chrono::milliseconds busy_timeout, bool durable) {
    RepositoryOptions o;
    o.create_if_missing = create_if_missing;
    o.read_only = read_only;
    o.busy_timeout = busy_timeout;
    o.durable = durable;
    return o;
}

void bind_records(py::module_& m) {
    py::enum_<TaskChangeKind>(m, "TaskChangeKind", "How a task differs between two snapshots.")
        .value("ADDED", TaskChangeKind::added)
        .value("REMOVED", TaskChangeKind::removed)
        .value("CHANGED", TaskChangeKind::changed);
    py::enum_<TaskField>(m, "TaskField", "Bit flags of SnapshotDiff.fields (combine with | and test with &).", py::arithmetic())
        .value("START", kStartField)
        .value("FINISH", kFinishField)
        .value("DURATION", kDurationField)
        .value("PROGRESS", kProgressField)
        .value("NAME", kNameField);

    py::class_<PortfolioList> pl(m, "PortfolioList", "The portfolios of a repository, ordered by id (arrays indexed alike).");
    pl.def_property_readonly("id", [](const PortfolioList& x) { return id_strings(x.id); }, "Portfolio ids.")
        .def_readonly("name", &PortfolioList::name, "Names.")
        .def_property_readonly("revision", [](py::object s) { return readonly_view(s.cast<const PortfolioList&>().revision, "int64", s); },
                               "1 after the first save, +1 per save (read-only numpy).")
        .def_property_readonly("saved_at", [](const PortfolioList& x) { return utc_datetimes(x.saved_at); },
                               "When each was last saved: timezone-aware UTC datetimes (millisecond precision).")
        .def_property_readonly("project_count", [](py::object s) { return readonly_view(s.cast<const PortfolioList&>().project_count, "int64", s); },
                               "Projects per portfolio.")
        .def_property_readonly("task_count", [](py::object s) { return readonly_view(s.cast<const PortfolioList&>().task_count, "int64", s); },
                               "Tasks per portfolio.")
        .def_property_readonly("snapshot_count", [](py::object s) { return readonly_view(s.cast<const PortfolioList&>().snapshot_count, "int64", s); },
                               "Snapshots per portfolio.")
        .def("to_dataframe", [](py::object self) {
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            for (const char* k : {"id", "name", "revision", "saved_at", "project_count", "task_count", "snapshot_count"}) cols[k] = self.attr(k);
            return pd.attr("DataFrame")(cols).attr("set_index")("id");
        }, "One row per portfolio (pandas DataFrame indexed by id).")
        .def("__len__", &PortfolioList::size)
        .def("__repr__", [](const PortfolioList& x) {
            std::string ids;
            for (const auto& i : x.id) ids += (ids.empty() ? "" : ", ") + py::repr(py::str(i.str())).cast<std::string>();
            return "PortfolioList([" + ids + "])";
        });

    py::class_<SnapshotList> sl(m, "SnapshotList", "Status snapshots, oldest first (arrays indexed alike).");
    sl.def_property_readonly("id", [](py::object s) { return readonly_view(s.cast<const SnapshotList&>().id, "int64", s); },
                             "Repository-wide snapshot numbers (read-only numpy).")
        .def_property_readonly("portfolio", [](const SnapshotList& x) { return id_strings(x.portfolio); }, "Portfolio ids.")
        .def_readonly("label", &SnapshotList::label, "Labels ('' when none).")
        .def_property_readonly("taken_at", [](const SnapshotList& x) { return utc_datetimes(x.taken_at); },
                               "When each was taken: timezone-aware UTC datetimes (millisecond precision).")
        .def_property_readonly("revision", [](py::object s) { return readonly_view(s.cast<const SnapshotList&>().revision, "int64", s); },
                               "Portfolio revision each snapshot froze.")
        .def_readonly("status_date", &SnapshotList::status_date, "The portfolio's data date then (datetime or None).")
        .def_property_readonly("scheduled", [](py::object s) { return readonly_view(s.cast<const SnapshotList&>().scheduled, "bool", s); },
                               "True when CPM dates were computed.")
        .def_property_readonly("task_count", [](py::object s) { return readonly_view(s.cast<const SnapshotList&>().task_count, "int64", s); },
                               "Tasks frozen.")
        .def("to_dataframe", [](py::object self) {
            const auto& x = self.cast<const SnapshotList&>();
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            for (const char* k : {"id", "portfolio", "label", "taken_at", "revision"}) cols[k] = self.attr(k);
            cols["status_date"] = optional_instants(x.status_date);
            cols["scheduled"] = self.attr("scheduled");
            cols["task_count"] = self.attr("task_count");
            return pd.attr("DataFrame")(cols).attr("set_index")("id");
        }, "One row per snapshot (pandas DataFrame indexed by id; status_date NaT when unset).")
        .def("__len__", &SnapshotList::size)
        .def("__repr__", [](const SnapshotList& x) { return "SnapshotList(" + std::to_string(x.size()) + " snapshots)"; });

    py::class_<SnapshotTasks> st(m, "SnapshotTasks", "The task rows one snapshot froze, in model order.");
    st.def_readonly("snapshot", &SnapshotTasks::snapshot, "The snapshot's id.")
        .def_property_readonly("project", [](const SnapshotTasks& x) { return id_strings(x.project); }, "Project id per task.")
        .def_property_readonly("task", [](const SnapshotTasks& x) { return id_strings(x.task); }, "Task ids.")
        .def_readonly("name", &SnapshotTasks::name, "Task names.")
        .def_property_readonly("duration", [](py::object s) { return readonly_view(s.cast<const SnapshotTasks&>().duration, "int64", s); },
                               "Planned duration, working minutes (read-only numpy).")
        .def_property_readonly("percent_complete", [](py::object s) { return readonly_view(s.cast<const SnapshotTasks&>().percent_complete, "float64", s); },
                               "0..100.")
        .def_readonly("start", &SnapshotTasks::start, "CPM early start (datetime or None when not scheduled).")
        .def_readonly("finish", &SnapshotTasks::finish, "CPM early finish (datetime or None).")
        .def("to_dataframe", [](py::object self) {
            const auto& x = self.cast<const SnapshotTasks&>();
            py::module_ pd = py::module_::import("pandas");
            py::dict cols;
            for (const char* k : {"task", "project", "name", "duration", "percent_complete"}) cols[k] = self.attr(k);
            cols["start"] = optional_instants(x.start);
            cols["finish"] = optional_instants(x.finish);
            return pd.attr("DataFrame")(cols).attr("set_index")("task");
        }, "One row per task (pandas DataFrame indexed by task id).")
        .def("__len__", &SnapshotTasks::size)
        .def("__repr__", [](const SnapshotTasks& x) {
            return "SnapshotTasks(snapshot " + std::to_string(x.snapshot) + ", " + std::to_string(x.size()) + " tasks)";
        });

    py::class_<SnapshotDiff> sd(m, "SnapshotDiff",
                                "Task-level differences between two snapshots: one row per task that differs, ordered by b's task "
                                "order, removed tasks last. Before values are None for added tasks, after values for removed ones.");
    sd.def_readonly("snapshot_a", &SnapshotDiff::snapshot_a, "The earlier snapshot's id.")
        .def_readonly("snapshot_b", &SnapshotDiff::snapshot_b, "The later snapshot's id.")
        .def_property_readonly("project", [](const SnapshotDiff& x) { return id_strings(x.project); }, "Project id per row.")
        .def_property_readonly("task", [](const SnapshotDiff& x) { return id_strings(x.task); }, "Task id per row.")
        .def_readonly("kind", &SnapshotDiff::kind, "TaskChangeKind per row.")
        .def_property_readonly("fields", [](py::object s) { return readonly_view(s.cast<const SnapshotDiff&>().fields, "uint8", s); },
                               "TaskField bits per row (all set for added/removed; read-only numpy).")
        .def_readonly("start_before", &SnapshotDiff::start_before, "Start in a (datetime or None).")
        .def_readonly("start_after", &SnapshotDiff::start_after, "Start in b.")
        .def_readonly("finish_before", &SnapshotDiff::finish_before, "Finish in a.")
        .def_readonly("finish_after", &SnapshotDiff::finish_after, "Finish in b.")
        .def_readonly("duration_before", &SnapshotDiff::duration_before, "Duration in a, working minutes (int or None).")
        .def_readonly("duration_after", &SnapshotDiff::duration_after, "Duration in b.")
        .def_readonly("percent_before", &SnapshotDiff::percent_before, "Percent complete in a (float or None).")
        .def_readonly("percent_after", &SnapshotDiff::percent_after, "Percent complete in b.")
        .def_readonly("unchanged", &SnapshotDiff::unchanged, "Tasks present in both and equal.")
        .def("changed_fields", [](const SnapshotDiff& x, std::size_t row) {
            if (row >= x.size()) throw py::index_error("row out of range");
            return changed_fields(x.fields[row]);
        }, py::arg("row"), "The changed fields of a row as text: 'start,finish,duration,progress,name' (those set).")
        .def("to_dataframe", [](py::object self) {
            const auto& x = self.cast<const SnapshotDiff&>();
            py::module_ pd = py::module_::import("pandas");
            std::vector<std::string> kind, changed;
            for (std::size_t i = 0; i < x.size(); ++i) kind.emplace_back(to_string(x.kind[i])), changed.push_back(changed_fields(x.fields[i]));
            py::dict cols;
            cols["task"] = self.attr("task");
            cols["project"] = self.attr("project");
            cols["kind"] = kind;
            cols["changed"] = changed;
            cols["start_before"] = optional_instants(x.start_before);
            cols["start_after"] = optional_instants(x.start_after);
            cols["finish_before"] = optional_instants(x.finish_before);
            cols["finish_after"] = optional_instants(x.finish_after);
            cols["duration_before"] = optional_floats(x.duration_before);
            cols["duration_after"] = optional_floats(x.duration_after);
            cols["percent_before"] = optional_floats(x.percent_before);
            cols["percent_after"] = optional_floats(x.percent_after);
            return pd.attr("DataFrame")(cols).attr("set_index")("task");
        }, "One row per differing task (pandas DataFrame indexed by task id; kind and changed as text, NaT/NaN when unset).")
        .def("__len__", &SnapshotDiff::size)
        .def("__repr__", [](const SnapshotDiff& x) {
            std::size_t added = 0, removed = 0, changed = 0;
            for (auto k : x.kind) (k == TaskChangeKind::added ? added : k == TaskChangeKind::removed ? removed : changed) += 1;
            return "SnapshotDiff(" + std::to_string(x.snapshot_a) + " -> " + std::to_string(x.snapshot_b) + ": " + std::to_string(added) +
                   " added, " + std::to_string(removed) + " removed, " + std::to_string(changed) + " changed, " + std::to_string(x.unchanged) +
                   " unchanged)";
        });
    m.def("diff_snapshots", &diff_snapshots, py::arg("a"), py::arg("b"),
          "Compares two snapshots' task rows, matching tasks by id (Repository.diff_snapshots takes the ids).");
}

void bind_repository(py::module_& m) {
    store_error() = py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
        "ppm.StoreError", "A repository refuses the operation: `code` ('read_only'), `path`.", m.attr("Error").ptr(), nullptr));
    m.attr("StoreError") = store_error();
    py::class_<PyRepository> r(
        m, "Repository",
        "A portfolio repository: one SQLite file (WAL mode, every save one transaction; docs/store.md). One object is one "
        "connection; calls release the GIL and are serialised per object, so open one per thread for parallel readers. "
        "A context manager: `with ppm.Repository.open(path) as repo: ...` closes it on exit. Errors: ParseError for a file "
        "SQLite cannot open/read/write or that is not a ppm repository (or too new); ModelError (code unknown_id) for a "
        "portfolio, snapshot or baseline that is not stored, and the entities' own checks for invalid data (nothing is written then).");
    const RepositoryOptions d;
    r.def_static(
         "open",
         [](const std::filesystem::path& path, bool create_if_missing, bool read_only, std::chrono::milliseconds busy_timeout, bool durable) {
             const auto o = repo_options(create_if_missing, read_only, busy_timeout, durable);
             py::gil_scoped_release release;
             return std::make_unique<PyRepository>(Repository::open(path, o), read_only);
         },
         py::arg("path"), py::kw_only(), py::arg("create_if_missing") = d.create_if_missing, py::arg("read_only") = d.read_only,
         py::arg("busy_timeout") = d.busy_timeout, py::arg("durable") = d.durable,
         "Opens (or creates) the repository at `path`, migrating an older schema forward. busy_timeout (timedelta or "
         "seconds): how long a writer waits for another's lock; durable=False trades power-loss durability for speed.")
        .def_static(
            "create",
            [](const std::filesystem::path& path, bool read_only, std::chrono::milliseconds busy_timeout, bool durable) {
                const auto o = repo_options(true, read_only, busy_timeout, durable);
                py::gil_scoped_release release;
                return std::make_unique<PyRepository>(Repository::create(path, o), read_only);
            },
            py::arg("path"), py::kw_only(), py::arg("read_only") = d.read_only, py::arg("busy_timeout") = d.busy_timeout,
            py::arg("durable") = d.durable, "Creates a new repository; ParseError when `path` already exists.")
        .def_static("current_schema_version", &Repository::current_schema_version, "The schema version this library writes.")
        .def("schema_version", [](PyRepository& self) { return self.call([](Repository& x) { return x.schema_version(); }); },
             "The file's schema version.")
        .def_property_readonly("path", &PyRepository::path, "The file (pathlib.Path).")
        .def_property_readonly("closed", &PyRepository::closed, "True after close().")
        .def_property_readonly("read_only", &PyRepository::read_only, "Opened read-only (writes raise StoreError).")
        .def("close", &PyRepository::close, "Closes the connection (idempotent); later calls raise ValueError.")
        .def("__enter__", [](py::object self) { return self; })
        .def("__exit__", [](PyRepository& self, const py::args&) { self.close(); return false; })
        .def("__repr__", [](const PyRepository& self) {
            return "Repository(" + py::repr(py::str(self.path().string())).cast<std::string>() + (self.closed() ? ", closed" : "") + ")";
        })

        // ---- portfolios ----
        .def("save_portfolio", [](PyRepository& self, const Portfolio& p) { return self.write("save_portfolio", [&](Repository& x) { return x.save_portfolio(p); }); },
             py::arg("portfolio"), "Saves (inserts or replaces) a whole portfolio in one transaction; returns its new revision.")
        .def("load_portfolio", [](PyRepository& self, const PortfolioId& id) { return self.call([&](Repository& x) { return x.load_portfolio(id); }); },
             py::arg("id"), "The stored portfolio (ModelError unknown_id when absent).")
        .def("contains", [](PyRepository& self, const PortfolioId& id) { return self.call([&](Repository& x) { return x.contains(id); }); },
             py::arg("id"), "True when a portfolio with this id is stored.")
        .def("__contains__", [](PyRepository& self, const PortfolioId& id) { return self.call([&](Repository& x) { return x.contains(id); }); })
        .def("list_portfolios", [](PyRepository& self) { return self.call([](Repository& x) { return x.list_portfolios(); }); },
             "Every stored portfolio with its counts (PortfolioList).")
        .def("remove_portfolio", [](PyRepository& self, const PortfolioId& id) { return self.write("remove_portfolio", [&](Repository& x) { return x.remove_portfolio(id); }); },
             py::arg("id"), "Removes a portfolio with everything recorded for it; False when absent.")

        // ---- baselines ----
        .def("save_baseline",
             [](PyRepository& self, const PortfolioId& pf, const Baseline& b, bool make_current) {
                 self.write("save_baseline", [&](Repository& x) { x.save_baseline(pf, b, make_current); });
             },
             py::arg("portfolio"), py::arg("baseline"), py::arg("make_current") = true,
             "Saves a baseline under its name (replacing one of the same name), current when `make_current`.")
        .def("load_baselines",
             [](PyRepository& self, const PortfolioId& pf, const ProjectId& p) { return self.call([&](Repository& x) { return x.load_baselines(pf, p); }); },
             py::arg("portfolio"), py::arg("project"), "The project's baselines (oldest first) and the current one's name (BaselineSet).")
        .def("load_baseline",
             [](PyRepository& self, const PortfolioId& pf, const ProjectId& p, const std::string& name) {
                 return self.call([&](Repository& x) { return x.load_baseline(pf, p, name); });
             },
             py::arg("portfolio"), py::arg("project"), py::arg("name"), "One baseline by name (ModelError unknown_id when absent).")

        // ---- status periods ----
        .def("save_status_period",
             [](PyRepository& self, const PortfolioId& pf, const StatusPeriod& s) { self.write("save_status_period", [&](Repository& x) { x.save_status_period(pf, s); }); },
             py::arg("portfolio"), py::arg("period"), "Saves a status period (replacing the one of the same project and data date).")
        .def("status_history",
             [](PyRepository& self, const PortfolioId& pf, const ProjectId& p) { return self.call([&](Repository& x) { return x.status_history(pf, p); }); },
             py::arg("portfolio"), py::arg("project"), "The project's status periods, oldest data date first.")

        // ---- quality history ----
        .def("save_quality_status",
             [](PyRepository& self, const PortfolioId& pf, const QualityStatus& q) {
                 self.write("save_quality_status", [&](Repository& x) { x.save_quality_status(pf, q); });
             },
             py::arg("portfolio"), py::arg("quality"),
             "Saves a project's quality measures at a status date (replacing the record of the same project and date).")
        .def("quality_history",
             [](PyRepository& self, const PortfolioId& pf, const ProjectId& p) { return self.call([&](Repository& x) { return x.quality_history(pf, p); }); },
             py::arg("portfolio"), py::arg("project"), "The project's quality records, oldest date first.")

        // ---- snapshots ----
        .def("snapshot",
             [](PyRepository& self, const PortfolioId& pf, std::string label, bool schedule) {
                 SnapshotOptions o;
                 o.label = std::move(label);
                 o.schedule = schedule;
                 return self.write("snapshot", [&](Repository& x) { return x.snapshot(pf, o); });
             },
             py::arg("portfolio"), py::kw_only(), py::arg("label") = "", py::arg("schedule") = true,
             "Freezes the stored portfolio (model + one row per task with CPM dates when `schedule`); returns the snapshot id.")
        .def("list_snapshots",
             [](PyRepository& self, const PortfolioId& pf) { return self.call([&](Repository& x) { return x.list_snapshots(pf); }); },
             py::arg("portfolio") = "", "Snapshots of one portfolio (or of all when ''), oldest first (SnapshotList).")
        .def("snapshot_tasks", [](PyRepository& self, std::int64_t id) { return self.call([&](Repository& x) { return x.snapshot_tasks(id); }); },
             py::arg("snapshot"), "The task rows of a snapshot (ModelError unknown_id when absent).")
        .def("snapshot_portfolio", [](PyRepository& self, std::int64_t id) { return self.call([&](Repository& x) { return x.snapshot_portfolio(id); }); },
             py::arg("snapshot"), "The portfolio as it was when the snapshot was taken.")
        .def("find_snapshot",
             [](PyRepository& self, const std::string& s) { return self.call([&](Repository& x) { return x.find_snapshot(s); }); },
             py::arg("id_or_label"), "Resolves '12' (an id) or a label (the latest with it); None when none.")
        .def("diff_snapshots",
             [](PyRepository& self, std::int64_t a, std::int64_t b) {
                 return self.call([&](Repository& x) { return diff_snapshots(x.snapshot_tasks(a), x.snapshot_tasks(b)); });
             },
             py::arg("a"), py::arg("b"), "diff_snapshots(snapshot_tasks(a), snapshot_tasks(b)).")

        // ---- registers ----
        .def("save_risks",
             [](PyRepository& self, const PortfolioId& pf, const std::vector<Risk>& v) { self.write("save_risks", [&](Repository& x) { x.save_risks(pf, v); }); },
             py::arg("portfolio"), py::arg("risks"), "Replaces the risk register (check_risk on each; ModelError for a repeated id).")
        .def("load_risks", [](PyRepository& self, const PortfolioId& pf) { return self.call([&](Repository& x) { return x.load_risks(pf); }); },
             py::arg("portfolio"), "The risk register in saved order.")
        .def("save_issues",
             [](PyRepository& self, const PortfolioId& pf, const std::vector<Issue>& v) { self.write("save_issues", [&](Repository& x) { x.save_issues(pf, v); }); },
             py::arg("portfolio"), py::arg("issues"), "Replaces the issue log (ModelError for a repeated id).")
        .def("load_issues", [](PyRepository& self, const PortfolioId& pf) { return self.call([&](Repository& x) { return x.load_issues(pf); }); },
             py::arg("portfolio"), "The issue log in saved order.")
        .def("save_change_requests",
             [](PyRepository& self, const PortfolioId& pf, const std::vector<ChangeRequest>& v) {
                 self.write("save_change_requests", [&](Repository& x) { x.save_change_requests(pf, v); });
             },
             py::arg("portfolio"), py::arg("requests"), "Replaces the change log (ModelError for a repeated id).")
        .def("load_change_requests",
             [](PyRepository& self, const PortfolioId& pf) { return self.call([&](Repository& x) { return x.load_change_requests(pf); }); },
             py::arg("portfolio"), "The change log in saved order.")
        .def("save_lessons",
             [](PyRepository& self, const PortfolioId& pf, const std::vector<Lesson>& v) { self.write("save_lessons", [&](Repository& x) { x.save_lessons(pf, v); }); },
             py::arg("portfolio"), py::arg("lessons"), "Replaces the lessons-learned register and its full-text index.")
        .def("load_lessons", [](PyRepository& self, const PortfolioId& pf) { return self.call([&](Repository& x) { return x.load_lessons(pf); }); },
             py::arg("portfolio"), "The lessons in saved order.")
        .def("search_lessons",
             [](PyRepository& self, const PortfolioId& pf, std::vector<std::string> tags, std::string text, std::optional<ProjectId> project,
                std::string phase) {
                 const LessonQuery q{std::move(tags), std::move(text), std::move(project), std::move(phase)};
                 return self.call([&](Repository& x) { return x.search_lessons(pf, q); });
             },
             py::arg("portfolio") = "", py::kw_only(), py::arg("tags") = std::vector<std::string>{}, py::arg("text") = "",
             py::arg("project") = py::none(), py::arg("phase") = "",
             "Lessons of `portfolio` ('' = all) matching every tag (case-insensitive) and every word of `text` as a prefix of "
             "a title/text/tag token (FTS5, case and diacritics folded); best BM25 rank first, then newest. ModelError "
             "(invalid_value) for text with no word in it.")

        // ---- maintenance ----
        .def("check_integrity", [](PyRepository& self) { return self.call([](Repository& x) { return x.check_integrity(); }); },
             "Problems found by SQLite's integrity and foreign-key checks and by checking index rows against the JSON; [] when sound.");
}

}  // namespace

void bind_store(py::module_& m) {
    bind_records(m);
    bind_repository(m);
}

}  // namespace ppm::python
