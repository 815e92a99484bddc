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
