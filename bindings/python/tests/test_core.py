"""Bindings of area core: building and editing the model, typed errors, validate()."""

import datetime as dt

import pytest

import ppm


def small_portfolio() -> ppm.Portfolio:
    pf = ppm.Portfolio(id="PF", name="Demo", default_calendar="STD")
    pf.calendars.append(ppm.Calendar.standard("STD"))
    project = ppm.Project(id="P1", name="Pilot", start=dt.datetime(2026, 1, 5, 8, 0))
    project.tasks.append(ppm.Task(id="A", name="Design", duration=8 * 60))
    b = ppm.Task(id="B", name="Build", duration=16 * 60)
    b.predecessors.append(ppm.Dependency(predecessor="A", type=ppm.LinkType.FINISH_START))
    project.tasks.append(b)
    pf.projects.append(project)
    return pf


def test_model_is_edited_in_place():
    pf = small_portfolio()
    assert pf.task_count() == 2
    pf.projects[0].tasks[1].name = "Build it"
    assert pf.find_task("B").name == "Build it"
    assert pf.projects[0].tasks[1].predecessors[0].predecessor == "A"


def test_datetimes_in_and_out():
    pf = small_portfolio()
    assert pf.projects[0].start == dt.datetime(2026, 1, 5, 8, 0)
    pf.projects[0].start = dt.date(2026, 2, 2)
    assert pf.projects[0].start == dt.datetime(2026, 2, 2, 0, 0)
    with pytest.raises(ValueError):
        pf.projects[0].start = dt.datetime(2026, 2, 2, 8, 0, 30)


def test_unknown_keyword_is_rejected():
    with pytest.raises(AttributeError):
        ppm.Task(id="A", duraton=5)


def test_validate_names_the_unknown_predecessor():
    pf = small_portfolio()
    pf.projects[0].tasks[1].predecessors.append(ppm.Dependency(predecessor="NOPE"))
    problems = ppm.validate(pf)
    assert any(p.code == "unknown_id" and "NOPE" in p.ids for p in problems)


def test_validate_names_a_cycle_in_order():
    pf = small_portfolio()
    pf.projects[0].tasks[0].predecessors.append(ppm.Dependency(predecessor="B"))
    cycles = [p for p in ppm.validate(pf) if p.code == "cycle"]
    assert len(cycles) == 1
    assert sorted(cycles[0].ids) == ["A", "B"]


def test_error_classes_mirror_cpp():
    assert issubclass(ppm.ModelError, ppm.Error)
    assert issubclass(ppm.ParseError, ppm.Error)
    assert issubclass(ppm.Error, RuntimeError)
