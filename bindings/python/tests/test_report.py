"""Bindings of area report: the self-contained HTML dashboard (docs/reports.md)."""

import datetime
import json
import os
import pathlib
import re
import subprocess
import threading

import pytest

import ppm

# Small budgets so the report stays quick (as tests/report/test_dashboard.cpp does).
QUICK = dict(frontier_points=5, solve_seconds=5.0, level_passes=1)


def svg_ids(html):
    return set(re.findall(r'<svg id="([^"]+)"', html))


def find_cli():
    """The `ppm` tool: $PPM_CLI, else beside the Python build, else build/apps/ppm/ppm."""
    env = os.environ.get("PPM_CLI")
    candidates = [pathlib.Path(env)] if env else []
    build = pathlib.Path(ppm.__file__).resolve().parents[3]
    candidates += [build / "apps" / "ppm" / "ppm", pathlib.Path(__file__).resolve().parents[3] / "build" / "apps" / "ppm" / "ppm"]
    return next((c for c in candidates if c.is_file() and os.access(c, os.X_OK)), None)


@pytest.fixture(scope="module")
def example_data():
    path = pathlib.Path(__file__).resolve().parents[3] / "examples" / "portfolio.json"
    return ppm.collect_dashboard_data(path, **QUICK)


def test_worked_example_draws_a_gantt_per_project_and_one_bar_per_task(example_data):
    d = example_data
    assert isinstance(d, ppm.DashboardData)
    assert d.portfolio is not None and d.schedule is not None
    # The views follow the data present (the example may carry control sections too).
    assert d.views[:3] == ["summary", "gantt", "histograms"]
    assert ("heatmap" in d.views) == bool(d.risks) and ("scurves" in d.views) == bool(d.scurves)
    assert d.histogram_source == "levelled"
    assert d.title == d.portfolio.name
    html = ppm.write_dashboard(d)
    assert html.startswith("<!DOCTYPE html>")
    ids = svg_ids(html)
    assert "rag-summary" in ids
    for p in d.portfolio.projects:
        assert "gantt-" + ppm.html_id(p.id) in ids
    for r in d.histogram.resource:
        if d.histogram.peak_demand[d.histogram.resource.index(r)].max() > 0:
            assert "histogram-" + ppm.html_id(r) in ids
    assert html.count('class="gantt-bar') == d.portfolio.task_count()
    # Critical bars: the CPM flags on work that remains (a finished summary is on no path).
    finished = set()
    for p in d.portfolio.projects:
        children = {}
        for t in p.tasks:
            if t.parent is not None:
                children.setdefault(t.parent, []).append(t)

        def done(t, children=children):
            below = children.get(t.id)
            return t.progress.actual_finish is not None if below is None else all(done(c) for c in below)

        finished.update(t.id for t in p.tasks if done(t))
    remaining = [tid not in finished for tid in d.schedule.task_id]
    assert len(re.findall(r'class="gantt-bar[^"]* critical"', html)) == int((d.schedule.critical & remaining).sum())
    # Self-contained: the only URL is the SVG namespace; nothing is loaded.
    assert html.count("http://") == html.count('xmlns="http://www.w3.org/2000/svg"')
    assert "https://" not in html and "src=" not in html
    # Deterministic.
    assert ppm.write_dashboard(d) == html
    assert "views [" + ", ".join(d.views) + "]" in repr(d)


def test_histogram_and_schedule_parts(example_data):
    h = example_data.histogram
    assert isinstance(h, ppm.ResourceHistogram)
    assert h.peak_demand.shape == (len(h.resource), h.bucket_count)
    assert h.period == 7 * 1440
    assert not h.peak_demand.flags.writeable
    df = h.to_dataframe()
    assert len(df) == len(h.resource) * h.bucket_count
    assert list(df.columns) == ["resource", "start", "peak_demand", "capacity", "load"]
    assert df["start"].iloc[0] == h.start
    # The copy handed out is a normal ScheduleResult.
    assert len(example_data.schedule.to_dataframe()) == example_data.portfolio.task_count()


def test_control_sections_give_heat_map_and_s_curves(repo):
    d = ppm.collect_dashboard_data(str(repo / "tests" / "evm" / "data" / "control_sample.json"), **QUICK)
    assert {"heatmap", "scurves"} <= set(d.views)
    html = ppm.write_dashboard(d)
    ids = svg_ids(html)
    assert "heatmap" in ids
    assert html.count('class="heat-cell"') == 25
    active = sum(1 for r in d.risks if ppm.is_active(r.status))
    assert sum(int(n) for n in re.findall(r'data-count="([0-9]+)"', html)) == active
    assert d.scurves and all(isinstance(c, ppm.ProjectCurves) for c in d.scurves)
    for c in d.scurves:
        assert "scurve-" + ppm.html_id(c.project) in ids
        tp = c.curves
        assert len(tp) == len(tp.pv) == len(tp.ev) == len(tp.ac)
        assert tp.period_end.dtype.str.endswith("M8[m]")
        assert (tp.pv[1:] >= tp.pv[:-1]).all()  # cumulative
        assert list(tp.to_dataframe().columns) == ["pv", "ev", "ac", "has_actuals"]
    assert len(d.project_rag) == len(d.portfolio.projects)
    assert all(r.overall != ppm.Rag.NONE for r in d.project_rag)


def test_selection_file_draws_bubble_and_frontier(repo):
    d = ppm.collect_dashboard_data(repo / "examples" / "selection.json", **QUICK)
    assert d.portfolio is None
    assert d.views == ["bubble", "frontier"]
    assert isinstance(d.selected, ppm.SelectionResult) and isinstance(d.frontier, ppm.FrontierResult)
    html = ppm.write_dashboard(d)
    assert {"bubble", "frontier"} <= svg_ids(html)
    assert "rag-summary" not in svg_ids(html)
    assert html.count("data-candidate=") == len(d.selection.candidates)
    assert len(d.frontier.budget) == 5
    # A budget without a selection (infeasible) is a gap in the curve, not a point at value 0.
    feasible = [s for s in d.frontier.status if s in (ppm.SelectionStatus.OPTIMAL, ppm.SelectionStatus.FEASIBLE)]
    assert 0 < len(feasible) < 5
    assert html.count('class="frontier-point"') == len(feasible)


def test_options_object_keywords_and_file_output(tmp_path, example_portfolio):
    pf = ppm.read_json_file(str(example_portfolio))
    opts = ppm.DashboardOptions(title="Board pack", level_resources=False, frontier_points=0)
    assert opts.level_passes == 4 and opts.solve_seconds == 10.0 and opts.histogram_period == 10080
    assert "Board pack" in repr(opts)
    d = ppm.collect_dashboard_data_from_portfolio(pf, options=opts)
    assert d.histogram_source == "cpm"
    out = tmp_path / "r.html"
    ppm.write_dashboard_file(d, out, title="Board pack", today=datetime.datetime(2026, 5, 4, 8, 0))
    text = out.read_text(encoding="utf-8")
    assert "<title>Board pack</title>" in text
    assert text == ppm.write_dashboard(d, title="Board pack", today=datetime.datetime(2026, 5, 4, 8, 0))
    # From JSON text: source_name names the document (as collect_dashboard_data_from_portfolio does).
    d2 = ppm.collect_dashboard_data_from_json(ppm.write_json(pf), "<portfolio>", level_resources=False, frontier_points=0)
    assert d2.source == d.source == "<portfolio>"
    assert ppm.write_dashboard(d2, title="Board pack") == ppm.write_dashboard(d, title="Board pack")


def test_dashboard_data_is_a_plain_aggregate(example_data):
    d = ppm.DashboardData(title="By hand", portfolio=example_data.portfolio, schedule=example_data.schedule)
    assert d.views == ["summary", "gantt"]
    html = ppm.write_dashboard(d)
    assert "By hand" in html and html.count('class="gantt-bar') == example_data.portfolio.task_count()
    d.notes = ["drawn by a host"]
    assert d.notes[0] == "drawn by a host"  # then why each missing view is missing, as the page says
    assert any("selection" in n for n in d.notes[1:])
    s = d.schedule
    d.schedule = None  # the earlier copy stays valid
    assert len(s.task_id) == example_data.portfolio.task_count()
    assert d.views == ["summary"]


def test_progress_reports_stages_and_an_exception_stops(example_portfolio):
    seen = []
    ppm.collect_dashboard_data(str(example_portfolio), progress=seen.append, **QUICK)
    assert seen and all(isinstance(p, ppm.DashboardProgress) for p in seen)
    assert "schedule" in [p.stage for p in seen]
    assert all(0.0 <= p.fraction <= 1.0 for p in seen)

    def boom(p):
        raise KeyError("stop " + p.stage)

    with pytest.raises(KeyError, match="stop"):
        ppm.collect_dashboard_data(str(example_portfolio), progress=boom, **QUICK)


def test_errors_are_the_mirrored_classes(tmp_path):
    with pytest.raises(ppm.ParseError) as info:
        ppm.collect_dashboard_data_from_json('{"format": "ppm",, }', "bad.json")
    assert info.value.path == "bad.json" and info.value.line == 1
    with pytest.raises(ppm.ParseError):
        ppm.collect_dashboard_data(tmp_path / "missing.json")
    assert ppm.html_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;"
    assert ppm.html_id("P1.A") == "P1_2eA"


def test_collect_releases_the_gil(example_portfolio):
    results = []

    def run():
        results.append(ppm.collect_dashboard_data(str(example_portfolio), **QUICK))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 2
    assert ppm.write_dashboard(results[0]) == ppm.write_dashboard(results[1])


def test_same_views_as_the_command_line(tmp_path, example_portfolio):
    cli = find_cli()
    if cli is None:
        pytest.skip("ppm command-line tool not built (set PPM_CLI)")
    out = tmp_path / "cli.html"
    proc = subprocess.run([str(cli), "report", str(example_portfolio), "--out", str(out), "--json", "--frontier", "5",
                           "--passes", "1", "--time-limit", "5"], capture_output=True, text=True, check=True)
    summary = json.loads(proc.stdout)
    d = ppm.collect_dashboard_data(str(example_portfolio), **QUICK)
    assert summary["views"] == d.views
    assert summary["notes"] == d.notes
    assert summary["tasks"] == d.portfolio.task_count()
    cli_html = out.read_text(encoding="utf-8")
    py_html = ppm.write_dashboard(d)
    assert svg_ids(cli_html) == svg_ids(py_html)
    assert cli_html.count('class="gantt-bar') == py_html.count('class="gantt-bar')
