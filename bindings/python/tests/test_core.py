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


def test_custom_fields_write_through_and_keep_their_types():
    pf = small_portfolio()
    task = pf.projects[0].tasks[0]
    task.custom["cost code"] = "CC-7"  # used to change a copy and vanish
    task.custom["weight"] = 2.5
    task.custom["due"] = dt.datetime(2026, 2, 1, 8, 0)
    task.custom["approved"] = True
    assert pf.projects[0].tasks[0].custom == {"cost code": "CC-7", "weight": 2.5, "due": dt.datetime(2026, 2, 1, 8, 0), "approved": True}
    assert isinstance(task.custom["approved"], bool)
    back = ppm.read_json(ppm.write_json(pf))
    assert back.projects[0].tasks[0].custom["cost code"] == "CC-7"
    pf.custom["owner"] = "PMO"
    pf.projects[0].custom.setdefault("phase", "build")
    assert pf.custom["owner"] == "PMO" and pf.projects[0].custom["phase"] == "build"
    assert pf.projects[0].custom.pop("phase") == "build" and "phase" not in pf.projects[0].custom
    with pytest.raises(TypeError):
        task.custom["bad"] = [1, 2]


def test_model_lists_accept_plain_lists():
    project = ppm.Project(id="P", tasks=[ppm.Task(id="A", duration=480)])
    assert [t.id for t in project.tasks] == ["A"]


def test_a_duration_as_text_is_a_clear_error():
    with pytest.raises(TypeError, match="working minutes.*parse_duration_text"):
        ppm.Task(id="A", duration="2d")
    assert ppm.Task(id="A", duration=ppm.parse_duration_text("2d")).duration == 960
