"""Bindings of area store: the SQLite portfolio repository (docs/store.md)."""

import datetime as dt
import threading
import time

import numpy as np
import pandas as pd
import pytest

import ppm


def chain_portfolio(pf_id="PF"):
    """T0 -> T1 -> T2, one day each, Mon 5 Jan 2026 08:00, Mon-Fri 08:00-12:00, 13:00-17:00."""
    pf = ppm.Portfolio(id=pf_id, name="Small", default_calendar="STD")
    pf.calendars.append(ppm.Calendar.standard("STD"))
    project = ppm.Project(id="P", start=dt.datetime(2026, 1, 5, 8, 0))
    for i in range(3):
        t = ppm.Task(id=f"T{i}", name=f"Task {i}", duration=480)
        if i:
            t.predecessors.append(ppm.Dependency(predecessor=f"T{i - 1}"))
        project.tasks.append(t)
    pf.projects.append(project)
    return pf


@pytest.fixture
def repo(tmp_path):
    with ppm.Repository.open(tmp_path / "ppm.db") as r:
        yield r


def test_open_create_and_context_manager(tmp_path):
    path = tmp_path / "new.db"
    r = ppm.Repository.create(path)
    assert r.path == path and not r.closed
    assert r.schema_version() == ppm.Repository.current_schema_version() >= 3
    assert "new.db" in repr(r)
    r.close()
    r.close()  # idempotent
    assert r.closed and "closed" in repr(r)
    with pytest.raises(ValueError, match="closed"):
        r.list_portfolios()
    with pytest.raises(ppm.ParseError):
        ppm.Repository.create(path)  # exists
    with pytest.raises(ppm.ParseError):
        ppm.Repository.open(tmp_path / "absent.db", create_if_missing=False)
    with ppm.Repository.open(path, read_only=True, busy_timeout=dt.timedelta(seconds=1), durable=False) as ro:
        assert len(ro.list_portfolios()) == 0
    assert ro.closed
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not an SQLite file at all" * 100)
    with pytest.raises(ppm.ParseError):
        ppm.Repository.open(junk)


def test_worked_example_round_trips(repo, example_portfolio):
    pf = ppm.read_json_file(str(example_portfolio))
    assert repo.save_portfolio(pf) == 1
    assert repo.save_portfolio(pf) == 2
    back = repo.load_portfolio(pf.id)
    assert ppm.write_json(back) == ppm.write_json(pf)
    assert pf.id in repo and repo.contains(pf.id) and "NOPE" not in repo
    lst = repo.list_portfolios()
    assert len(lst) == 1 and lst.id == [pf.id] and lst.name == [pf.name]
    assert lst.revision.tolist() == [2] and lst.revision.dtype == np.int64 and not lst.revision.flags.writeable
    assert lst.project_count.tolist() == [len(pf.projects)]
    assert lst.task_count.tolist() == [pf.task_count()]
    saved = lst.saved_at[0]
    assert isinstance(saved, dt.datetime) and saved.utcoffset() == dt.timedelta(0)
    assert abs(dt.datetime.now(dt.timezone.utc) - saved) < dt.timedelta(minutes=5)
    df = lst.to_dataframe()
    assert df.loc[pf.id, "task_count"] == pf.task_count()
    assert repr(lst) == f"PortfolioList(['{pf.id}'])"
    assert repo.check_integrity() == []
    assert repo.remove_portfolio(pf.id) and not repo.remove_portfolio(pf.id)
    assert len(repo.list_portfolios()) == 0


def test_errors_are_the_mirrored_classes(repo):
    with pytest.raises(ppm.ModelError) as info:
        repo.load_portfolio("NOPE")
    assert info.value.code == "unknown_id" and "NOPE" in info.value.ids
    with pytest.raises(ppm.ModelError) as info:
        repo.save_portfolio(ppm.Portfolio())  # no id
    assert info.value.code == "missing_value"
    with pytest.raises(ppm.ModelError):
        repo.snapshot_tasks(99)
    repo.save_portfolio(chain_portfolio())
    bad = ppm.Risk(id="R1", title="x", pre=ppm.RiskAssessment(probability=1.5))
    with pytest.raises(ppm.ModelError):
        repo.save_risks("PF", [bad])
    assert repo.load_risks("PF") == []  # nothing written
    with pytest.raises(ppm.ModelError) as info:
        repo.save_issues("PF", [ppm.Issue(id="I1"), ppm.Issue(id="I1")])
    assert info.value.code == "duplicate_id"
    assert isinstance(info.value, ppm.Error)


def test_snapshot_and_diff_by_hand(repo):
    pf = chain_portfolio()
    repo.save_portfolio(pf)
    a = repo.snapshot("PF", label="week 1")
    # Week 2: T0 renamed and half done, T1 twice as long, T2 dropped, T3 added after T1.
    p = pf.projects[0]
    p.tasks[0].name = "Kick-off"
    p.tasks[0].progress = ppm.Progress(actual_start=dt.datetime(2026, 1, 5, 8, 0), percent_complete=50.0)
    p.tasks[1].duration = 960
    del p.tasks[2]
    t3 = ppm.Task(id="T3", name="Task 3", duration=480)
    t3.predecessors.append(ppm.Dependency(predecessor="T1"))
    p.tasks.append(t3)
    repo.save_portfolio(pf)
    b = repo.snapshot("PF", label="week 2")
    assert (a, b) == (1, 2)
    assert repo.find_snapshot("week 1") == a and repo.find_snapshot("2") == b and repo.find_snapshot("week 9") is None

    snaps = repo.list_snapshots("PF")
    assert snaps.id.tolist() == [1, 2] and snaps.label == ["week 1", "week 2"]
    assert snaps.revision.tolist() == [1, 2] and snaps.scheduled.tolist() == [True, True]
    assert snaps.task_count.tolist() == [3, 3]
    assert len(repo.list_snapshots()) == 2
    assert list(snaps.to_dataframe().index) == [1, 2]
    assert all(isinstance(t, dt.datetime) and t.tzinfo is not None for t in snaps.taken_at)
    assert str(snaps.to_dataframe()["taken_at"].dtype).startswith("datetime64")

    ta = repo.snapshot_tasks(a)
    assert ta.snapshot == a and ta.task == ["T0", "T1", "T2"] and ta.project == ["P"] * 3
    assert ta.duration.tolist() == [480, 480, 480]
    # Hand CPM: one working day each, Mon 5, Tue 6, Wed 7 Jan 2026, 08:00-17:00.
    assert ta.start == [dt.datetime(2026, 1, d, 8, 0) for d in (5, 6, 7)]
    assert ta.finish == [dt.datetime(2026, 1, d, 17, 0) for d in (5, 6, 7)]
    assert ta.to_dataframe().loc["T2", "finish"] == pd.Timestamp("2026-01-07T17:00")
    assert ppm.write_json(repo.snapshot_portfolio(a)) == ppm.write_json(chain_portfolio())

    d = repo.diff_snapshots(a, b)
    # Rows in b's order (T0, T1, T3), removed T2 last.
    assert d.task == ["T0", "T1", "T3", "T2"]
    assert d.kind == [ppm.TaskChangeKind.CHANGED, ppm.TaskChangeKind.CHANGED, ppm.TaskChangeKind.ADDED, ppm.TaskChangeKind.REMOVED]
    F = ppm.TaskField
    assert d.fields[0] == int(F.NAME | F.PROGRESS)
    assert d.fields[1] == int(F.FINISH | F.DURATION)  # T1: Tue 08:00 -> Wed 17:00, start unchanged
    assert d.changed_fields(1) == "finish,duration"
    assert d.percent_before[0] == 0.0 and d.percent_after[0] == 50.0
    assert d.duration_before[1] == 480 and d.duration_after[1] == 960
    assert d.finish_before[1] == dt.datetime(2026, 1, 6, 17, 0) and d.finish_after[1] == dt.datetime(2026, 1, 7, 17, 0)
    assert d.start_before[2] is None and d.start_after[2] == dt.datetime(2026, 1, 8, 8, 0)  # T3 added: Thu
    assert d.start_after[3] is None and d.start_before[3] == dt.datetime(2026, 1, 7, 8, 0)  # T2 removed
    assert d.unchanged == 0 and (d.snapshot_a, d.snapshot_b) == (a, b)
    assert repr(d) == "SnapshotDiff(1 -> 2: 1 added, 1 removed, 2 changed, 0 unchanged)"
    df = d.to_dataframe()
    assert df.loc["T3", "kind"] == "added" and df.loc["T1", "changed"] == "finish,duration"
    assert pd.isna(df.loc["T3", "start_before"]) and pd.isna(df.loc["T3", "duration_before"])
    # The module function on the task rows gives the same.
    d2 = ppm.diff_snapshots(repo.snapshot_tasks(a), repo.snapshot_tasks(b))
    assert d2.task == d.task and d2.fields.tolist() == d.fields.tolist()
    assert len(ppm.diff_snapshots(ta, ta)) == 0 and ppm.diff_snapshots(ta, ta).unchanged == 3


def test_baselines_and_status_history(repo):
    pf = chain_portfolio()
    repo.save_portfolio(pf)
    r = ppm.schedule(pf)
    b1 = ppm.capture_baseline(pf, r, "P", name="Original", captured_at=dt.datetime(2026, 1, 2, 9, 0))
    b2 = ppm.capture_baseline(pf, r, "P", name="Rebaseline", captured_at=dt.datetime(2026, 1, 9, 9, 0))
    repo.save_baseline("PF", b1)
    repo.save_baseline("PF", b2, make_current=False)
    s = repo.load_baselines("PF", "P")
    assert [b.name for b in s.baselines] == ["Original", "Rebaseline"] and s.current == "Original"
    got = repo.load_baseline("PF", "P", "Rebaseline")
    assert got.task == b2.task and got.finish == b2.finish and got.cost == b2.cost
    with pytest.raises(ppm.ModelError):
        repo.load_baseline("PF", "P", "Nope")
    sp = ppm.StatusPeriod(project="P", date=dt.datetime(2026, 1, 6, 17, 0), task=["T0"], percent_complete=[100.0], actual_cost=[0.0])
    repo.save_status_period("PF", sp)
    h = repo.status_history("PF", "P")
    assert len(h) == 1 and h[0].task == ["T0"] and h[0].percent_complete == [100.0]


def test_registers_round_trip(repo):
    repo.save_portfolio(chain_portfolio())
    risk = ppm.Risk(id="R1", title="Supplier late", project="P", pre=ppm.RiskAssessment(probability=0.3, impact=ppm.RiskImpact(cost=5000.0)),
                    linked_tasks=["T1"], status=ppm.RiskStatus.OPEN)
    repo.save_risks("PF", [risk])
    back = repo.load_risks("PF")
    assert len(back) == 1 and back[0].id == "R1" and back[0].linked_tasks == ["T1"] and back[0].pre.probability == 0.3
    issue = ppm.Issue(id="I1", project="P", title="Crane broke", priority=ppm.IssuePriority.HIGH, due=dt.date(2026, 1, 9), from_risk="R1")
    repo.save_issues("PF", [issue, ppm.Issue(id="I2", title="Minor", priority=ppm.IssuePriority.LOW)])
    issues = repo.load_issues("PF")
    assert [i.id for i in issues] == ["I1", "I2"]
    assert issues[0].priority == ppm.IssuePriority.HIGH and issues[0].due == dt.date(2026, 1, 9) and issues[0].from_risk == "R1"
    assert ppm.open_issues(issues, at_least=ppm.IssuePriority.MEDIUM) == [0]
    assert ppm.overdue_issues(issues, dt.date(2026, 1, 12)) == [0]
    assert "Crane broke" in repr(issues[0])
    cr = ppm.ChangeRequest(id="CR1", project="P", title="Add a test phase", cost_delta=-250.5, schedule_delta=480, affected_tasks=["T2"],
                           submitted=dt.date(2026, 1, 7))
    repo.save_change_requests("PF", [cr])
    crs = repo.load_change_requests("PF")
    assert crs[0].cost_delta == -250.5 and crs[0].schedule_delta == 480 and crs[0].affected_tasks == ["T2"]
    assert crs[0].status == ppm.ChangeStatus.SUBMITTED and crs[0].submitted == dt.date(2026, 1, 7)


def lessons():
    return [
        ppm.Lesson(id="L1", project="P", phase="execution", tags=["Procurement", "supplier"], title="Qualify a second supplier early",
                   text="Single-source steel delayed the frame by three weeks.", recorded=dt.date(2026, 1, 20)),
        ppm.Lesson(id="L2", phase="planning", tags=["estimating"], title="Estimates need ranges",
                   text="Three-point estimates exposed the supplier risk.", recorded=dt.date(2026, 2, 20)),
        ppm.Lesson(id="L3", phase="closing", tags=["handover"], title="Café opening", text="Plan the handover with users.",
                   recorded=dt.date(2026, 3, 1)),
    ]


def test_lessons_search_by_tag_and_text(repo):
    repo.save_portfolio(chain_portfolio())
    repo.save_portfolio(chain_portfolio("PF2"))
    repo.save_lessons("PF", lessons())
    repo.save_lessons("PF2", lessons()[:1])

    def ids(v):
        return [x.id for x in v]

    assert ids(repo.search_lessons("PF", text="supplier")) == ["L1", "L2"]
    assert ids(repo.search_lessons("PF", text="SUPPL")) == ["L1", "L2"]  # prefix, case-folded
    assert ids(repo.search_lessons("PF", text="supplier steel")) == ["L1"]
    assert ids(repo.search_lessons("PF", tags=["procurement"])) == ["L1"]
    assert repo.search_lessons("PF", tags=["procure"]) == []
    assert ids(repo.search_lessons("PF", text="cafe")) == ["L3"]  # diacritics removed
    assert ids(repo.search_lessons("PF", phase="Planning")) == ["L2"]
    assert ids(repo.search_lessons("PF")) == ["L3", "L2", "L1"]  # newest first
    assert ids(repo.search_lessons("PF", text="supplier", project="P")) == ["L1"]
    assert ids(repo.search_lessons(text="steel")) == ["L1", "L1"]  # every portfolio
    with pytest.raises(ppm.ModelError) as info:
        repo.search_lessons("PF", text="  ,, ")
    assert info.value.code == "invalid_value"
    back = repo.load_lessons("PF")
    assert back[2].title == "Café opening" and back[0].tags == ["Procurement", "supplier"]
    # The in-memory search of the same register.
    assert ppm.search_lessons(lessons(), tags=["procurement"]) == [0]


def test_threads_share_one_repository_safely(repo, example_portfolio):
    pf = ppm.read_json_file(str(example_portfolio))
    repo.save_portfolio(pf)
    errors, texts = [], []

    def work():
        try:
            for _ in range(3):
                texts.append(ppm.write_json(repo.load_portfolio(pf.id)))
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(texts) == 9 and set(texts) == {ppm.write_json(pf)}


def big_portfolio(pf_id, n=20000):
    pf = ppm.Portfolio(id=pf_id, default_calendar="STD")
    pf.calendars.append(ppm.Calendar.standard("STD"))
    project = ppm.Project(id="P", start=dt.datetime(2026, 1, 5, 8, 0))
    for i in range(n):
        t = ppm.Task(id=f"T{i}", duration=480)
        if i % 100:
            t.predecessors.append(ppm.Dependency(predecessor=f"T{i - 1}"))
        project.tasks.append(t)
    pf.projects.append(project)
    return pf


def test_two_saves_in_threads_overlap(tmp_path):
    """save_portfolio/load_portfolio release the GIL: two repositories save at the same time."""
    models = [big_portfolio("A"), big_portfolio("B")]
    spans = []

    def work(i):
        with ppm.Repository.open(tmp_path / f"r{i}.db", durable=False) as r:
            t0 = time.perf_counter()
            r.save_portfolio(models[i])
            back = r.load_portfolio(models[i].id)
            spans.append((t0, time.perf_counter()))
            assert back.task_count() == models[i].task_count()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(spans) == 2
    (a0, a1), (b0, b1) = sorted(spans)
    assert b0 < a1, "the second save only started after the first ended: GIL not released"


def test_writing_to_a_read_only_repository_raises_store_error(tmp_path):
    path = tmp_path / "ro.db"
    with ppm.Repository.open(path) as rw:
        rw.save_portfolio(chain_portfolio())
    with ppm.Repository.open(path, read_only=True) as ro:
        assert ro.read_only
        assert len(ro.list_portfolios()) == 1  # reads work
        with pytest.raises(ppm.StoreError, match="read-only: save_portfolio") as e:
            ro.save_portfolio(chain_portfolio())
        assert e.value.code == "read_only" and e.value.path == str(path)
        assert isinstance(e.value, ppm.Error) and not isinstance(e.value, ppm.ParseError)
        with pytest.raises(ppm.StoreError):
            ro.snapshot("PF", label="x")
        with pytest.raises(ppm.StoreError):
            ro.remove_portfolio("PF")
