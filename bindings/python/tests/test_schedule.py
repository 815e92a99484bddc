"""Bindings of area schedule: schedule(), zero-copy result arrays, DataFrame, GIL release."""

import datetime as dt
import threading
import time

import numpy as np
import pytest

import ppm


def chain_portfolio(n: int = 3, chain: int = 0) -> ppm.Portfolio:
    """n one-day tasks in FS chains of `chain` tasks (0: one chain) on a Mon-Fri 08:00-12:00,
    13:00-17:00 calendar."""
    pf = ppm.Portfolio(id="PF", default_calendar="STD")
    pf.calendars.append(ppm.Calendar.standard("STD"))
    project = ppm.Project(id="P", start=dt.datetime(2026, 1, 5, 8, 0))  # a Monday
    for i in range(n):
        t = ppm.Task(id=f"T{i}", duration=480)
        if i and (chain == 0 or i % chain):
            t.predecessors.append(ppm.Dependency(predecessor=f"T{i - 1}"))
        project.tasks.append(t)
    pf.projects.append(project)
    return pf


def test_fs_chain_dates_by_hand():
    # Hand computation: one 8-hour day each, Mon 5 Jan 2026 08:00 start; T1 starts Tue 08:00,
    # T2 Wed 08:00 and finishes Wed 17:00 (the finish lands at the end of the working day).
    r = ppm.schedule(chain_portfolio())
    assert r.task_id == ["T0", "T1", "T2"]
    assert r.early_start[1] == np.datetime64("2026-01-06T08:00")
    assert r.early_finish[2] == np.datetime64("2026-01-07T17:00")
    assert r.finish == dt.datetime(2026, 1, 7, 17, 0)
    assert r.critical.all()
    assert (r.total_float == 0).all()
    assert ppm.validate_schedule(chain_portfolio(), r) == []


def test_result_arrays_are_readonly_zero_copy_views():
    r = ppm.schedule(chain_portfolio())
    es = r.early_start
    assert es.dtype == np.dtype("datetime64[m]")
    assert not es.flags.writeable
    assert not es.flags.owndata  # a view on the C++ result's memory
    with pytest.raises(ValueError):
        es[0] = np.datetime64("2026-01-01T00:00")
    del r  # the array keeps the result alive
    assert es[0] == np.datetime64("2026-01-05T08:00")


def test_dataframe_has_a_row_per_task():
    df = ppm.schedule(chain_portfolio(4)).to_dataframe()
    assert list(df.index) == ["T0", "T1", "T2", "T3"]
    assert df.loc["T3", "driving_predecessor"] == "T2"
    assert bool(df.loc["T0", "critical"])


def test_cycle_raises_model_error_naming_members():
    pf = chain_portfolio()
    pf.projects[0].tasks[0].predecessors.append(ppm.Dependency(predecessor="T2"))
    with pytest.raises(ppm.ModelError) as info:
        ppm.schedule(pf)
    assert info.value.code == "cycle"
    assert set(info.value.ids) == {"T0", "T1", "T2"}


def test_two_schedules_in_threads_overlap():
    """schedule() releases the GIL: two calls in threads run at the same time."""
    pf = chain_portfolio(20000, chain=100)
    spans = []

    def work():
        t0 = time.perf_counter()
        ppm.schedule(pf)
        spans.append((t0, time.perf_counter()))

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    (a0, a1), (b0, b1) = sorted(spans)
    assert b0 < a1, "the second solve only started after the first ended: GIL not released"


def test_task_tables_read_as_a_person_expects(example_portfolio):
    pf = ppm.read_json_file(str(example_portfolio))
    r = ppm.schedule(pf)
    df = r.to_dataframe()
    assert list(df.columns[:3]) == ["name", "parent", "project"]
    assert "remaining_duration" in df.columns and "duration" not in df.columns
    some = next(t for p in pf.projects for t in p.tasks if t.parent is not None)
    assert df.loc[some.id, "name"] == some.name and df.loc[some.id, "parent"] == some.parent
    top = next(t for p in pf.projects for t in p.tasks if t.parent is None)
    assert df.loc[top.id, "parent"] is None
    assert r.task_name == [t.name for p in pf.projects for t in p.tasks]
    # driving predecessors are ids or None, never 4294967295
    assert all(v is None or isinstance(v, str) for v in df["driving_predecessor"])

    tasks = pf.to_dataframe()
    assert list(tasks.index) == r.task_id
    assert tasks.loc[some.id, "parent"] == some.parent and tasks.loc[top.id, "parent"] is None
    assert tasks.loc[some.id, "planned_duration"] == some.duration
    assert tasks["deadline"].dtype.kind == "M" and tasks["actual_start"].dtype.kind == "M"
    assert isinstance(tasks.loc[some.id, "predecessors"], list)
