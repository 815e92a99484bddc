"""Bindings of area io: the JSON model format and schedule output."""

import pytest

import ppm


def test_example_portfolio_loads_and_round_trips(example_portfolio):
    pf = ppm.read_json_file(str(example_portfolio))
    assert len(pf.projects) >= 8
    assert pf.task_count() >= 250
    again = ppm.read_json(ppm.write_json(pf))
    assert again == pf


def test_parse_error_carries_location(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "format": "ppm",\n  "version": 1,\n  "portfolio": {"id": "X",, }\n}\n')
    with pytest.raises(ppm.ParseError) as info:
        ppm.read_json_file(str(bad))
    assert info.value.line == 4
    assert info.value.path == str(bad)
    assert info.value.code == "syntax"


def test_schedule_outputs(example_portfolio):
    pf = ppm.read_json_file(str(example_portfolio))
    r = ppm.schedule(pf)
    csv = ppm.write_schedule_csv(pf, r)
    assert csv.count("\r\n") == pf.task_count() + 1
    assert '"format": "ppm-schedule"' in ppm.write_schedule_json(pf, r)


def one_project(example_portfolio):
    """The worked example's first project alone, without links into other projects, task calendars
    or deadlines (MPX 4.0 holds one project and no task calendars; as tests/io/test_mpx_write.cpp)."""
    pf = ppm.read_json_file(str(example_portfolio))
    del pf.projects[1:]
    project = pf.projects[0]
    ids = {t.id for t in project.tasks}
    for t in project.tasks:
        keep = [d for d in t.predecessors if d.predecessor in ids]
        t.predecessors.clear()
        for d in keep:
            t.predecessors.append(d)
        t.calendar = None
        t.deadline = None
    project.deadline = None
    return pf


def test_mpx_write_read_round_trip(example_portfolio, tmp_path):
    pf = one_project(example_portfolio)
    text = ppm.write_mpx(pf)  # bytes: MPX files are Windows-1252
    assert isinstance(text, bytes) and text.startswith(b"MPX,")
    back = ppm.read_mpx(text, "example.mpx").portfolio
    assert back.task_count() == pf.task_count()
    before, after = ppm.schedule(pf), ppm.schedule(back)
    assert after.task_id == before.task_id
    assert (after.early_start == before.early_start).all()
    assert (after.early_finish == before.early_finish).all()
    assert (after.total_float == before.total_float).all()
    assert after.finish == before.finish
    path = tmp_path / "one.mpx"
    ppm.write_mpx_file(pf, str(path))
    assert path.read_bytes() == text
    again = ppm.read_mpx_file(str(path)).portfolio  # the portfolio id comes from the file name
    assert ppm.write_json(again) == ppm.write_json(ppm.read_mpx(text, "one.mpx").portfolio)


def test_mpx_writer_refuses_what_mpx_cannot_hold(example_portfolio):
    pf = ppm.read_json_file(str(example_portfolio))  # several projects
    with pytest.raises(ppm.ModelError) as info:
        ppm.write_mpx(pf)
    assert info.value.code == "unsupported"
    assert "one project" in str(info.value)


def test_read_model_document_gives_model_control_and_warnings_from_one_read(repo, tmp_path):
    sample = repo / "tests" / "evm" / "data" / "control_sample.json"
    doc = ppm.read_model_document(sample)
    assert doc.portfolio == ppm.read_model_file(sample)
    assert doc.control.sections == ["risks", "baselines", "status", "uncertainty", "governance"]
    assert doc.control.has_section("baselines")
    text = sample.read_text(encoding="utf-8")
    assert ppm.write_control_sections(doc.control) == ppm.write_control_sections(ppm.read_control_sections(text, str(sample)))
    assert doc.warnings == []
    same = ppm.read_json_document(text, str(sample))
    assert same.portfolio == doc.portfolio
    # A foreign format: the importer's warnings, no control sections.
    xer = tmp_path / "plan.xer"
    ppm.write_model_file(doc.portfolio, xer)
    foreign = ppm.read_model_document(xer)
    assert foreign.control.sections == []
    assert len(foreign.warnings) == len(ppm.read_model_file_with_warnings(xer).warnings)
