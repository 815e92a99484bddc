"""Bindings of area evm: EVM formulas, earned schedule, baselines, RAG."""

import datetime as dt
import math
import pickle

import pytest

import ppm


def test_evm_textbook_case():
    # PMI Practice Standard for EVM (2nd ed.) formulas, by hand: BAC 1000, PV 500, EV 400, AC 450
    # -> SPI 0.8, CPI 400/450, EAC(CPI) = 1000 / (400/450) = 1125, CV = -50, SV = -100.
    m = ppm.evaluate_evm(bac=1000.0, pv=500.0, ev=400.0, ac=450.0)
    assert m.spi == pytest.approx(0.8)
    assert m.cpi == pytest.approx(400 / 450)
    assert m.eac_cpi == pytest.approx(1125.0)
    assert m.cv == pytest.approx(-50.0) and m.sv == pytest.approx(-100.0)
    assert m.eac_atypical == pytest.approx(1050.0)  # AC + (BAC - EV)
    z = ppm.evaluate_evm(bac=1000.0, pv=0.0, ev=0.0, ac=0.0)
    assert math.isnan(z.spi)


def test_earned_schedule_period_form():
    # Lipke (2003): PV 100/200/300/400 at the end of periods 1..4, EV 250 at AT = 3
    # -> ES = 2 + (250 - 200) / (300 - 200) = 2.5, SPI(t) = 2.5 / 3.
    es = ppm.earned_schedule_periods([100.0, 200.0, 300.0, 400.0], 250.0, 3.0)
    assert es.es == pytest.approx(2.5)
    assert es.spi_t == pytest.approx(2.5 / 3)
    assert es.sv_t == pytest.approx(-0.5)


def test_baseline_linear_planned_value_and_pickle():
    start, finish = dt.datetime(2026, 1, 5, 0, 0), dt.datetime(2026, 1, 7, 0, 0)
    b = ppm.make_baseline("B", "P", start, ["T"], [start], [finish], [200.0])
    assert ppm.budget_at_completion(b) == pytest.approx(200.0)
    assert ppm.planned_value(b, dt.datetime(2026, 1, 6, 0, 0)) == pytest.approx(100.0)  # halfway, linear spread
    b2 = pickle.loads(pickle.dumps(b))
    assert b2.task == ["T"] and b2.cost == [200.0]
    with pytest.raises(ppm.ModelError):
        ppm.make_baseline("B", "P", start, ["T"], [finish], [start], [1.0])


def test_rag_thresholds():
    # Default thresholds: SPI >= 0.95 green, >= 0.85 amber, else red.
    red = ppm.assess(ppm.ProjectHealth(project="P1", spi=0.80, cpi=1.0))
    amber = ppm.assess(ppm.ProjectHealth(project="P2", spi=0.90, cpi=1.0))
    green = ppm.assess(ppm.ProjectHealth(project="P3", spi=1.00, cpi=1.0))
    assert (red.overall, amber.overall, green.overall) == (ppm.Rag.RED, ppm.Rag.AMBER, ppm.Rag.GREEN)
    df = ppm.rag_rollup_dataframe([ppm.ProjectHealth(project="P1", spi=0.8), ppm.ProjectHealth(project="P3", spi=1.0)])
    assert df.iloc[-1]["kind"] == "portfolio"
    assert ppm.trend([0.0, 0.0, 2.0]) == ppm.Trend.WORSENING


def test_change_request_approval_rebaselines_in_place():
    b = ppm.make_baseline("Original", "P", dt.datetime(2026, 1, 2, 9, 0), ["A", "B"],
                          [dt.datetime(2026, 1, 5, 8, 0), dt.datetime(2026, 1, 6, 8, 0)],
                          [dt.datetime(2026, 1, 5, 17, 0), dt.datetime(2026, 1, 6, 17, 0)], [1000.0, 2000.0])
    baselines = ppm.BaselineSet()
    baselines.set_current(b)
    cr = ppm.ChangeRequest(id="CR1", project="P", cost_delta=500.0, schedule_delta=0, affected_tasks=["A"])
    revised = ppm.apply_change(b, cr, "CR1")
    assert revised.name == "CR1" and revised.cost == [1500.0, 2000.0]
    ppm.approve_change(cr, baselines, revised, dt.date(2026, 1, 8), "Sponsor")
    assert cr.status == ppm.ChangeStatus.APPROVED and cr.decided == dt.date(2026, 1, 8) and cr.decided_by == "Sponsor"
    assert baselines.current == "CR1" and baselines.active().cost == [1500.0, 2000.0]
    with pytest.raises(ppm.ModelError):
        ppm.reject_change(cr, dt.date(2026, 1, 9), "Sponsor")  # no longer submitted
    assert "approved" in repr(cr)


def test_evm_rollup_of_a_file_matches_ppm_evm_json(example_portfolio, ppm_cli):
    import json
    import subprocess

    import numpy as np
    import pandas as pd

    table = ppm.evm_rollup(example_portfolio, "2026-05-29", include_tasks=True)  # os.PathLike and str date
    df = table.to_dataframe()
    assert len(table) == len(df) > 1
    kinds = set(table.level)
    assert {"portfolio", "program", "project", "task"} <= kinds
    assert table.kind[0] == ppm.EvmNodeKind.PORTFOLIO and table.parent[0] == -1
    assert table.eac_method == ppm.EacMethod.CPI and table.status_date == dt.datetime(2026, 5, 29)
    # Sums roll up: the portfolio's BAC is the sum of its children's.
    children = table.parent == 0
    assert table.bac[0] == pytest.approx(table.bac[children].sum())
    # Indices are recomputed from the sums, never averaged.
    assert table.metrics[0].cpi == pytest.approx(table.ev[0] / table.ac[0])
    with pytest.raises(ValueError):
        table.bac[0] = 1.0  # read-only
    out = subprocess.run([str(ppm_cli), "evm", str(example_portfolio), "--status-date", "2026-05-29", "--tasks", "--json"],
                         check=True, capture_output=True, text=True).stdout
    rows = json.loads(out)["rows"]
    assert set(df.columns) == set(rows[0].keys())  # the same field names
    assert len(rows) == len(df)
    for i, row in enumerate(rows):
        for key, value in row.items():
            got = df.iloc[i][key]
            if key in ("planned_start", "planned_finish", "forecast_finish"):
                assert pd.Timestamp(got) == pd.Timestamp(value), (i, key)
            elif value is None:
                assert got is None or (isinstance(got, float) and np.isnan(got)), (i, key, got)
            elif isinstance(value, (bool, str)):
                assert got == value, (i, key)
            else:
                assert got == pytest.approx(value, rel=1e-9, abs=0.006), (i, key)


def test_evm_rollup_of_a_model_takes_baselines_and_refuses_none(example_portfolio):
    text = example_portfolio.read_text(encoding="utf-8")
    pf = ppm.read_json(text)
    control = ppm.read_control_sections(text)
    with pytest.raises(ppm.ModelError) as e:
        ppm.evm_rollup(pf, dt.date(2026, 5, 29))  # no baselines: an error, not a table of zeros
    assert e.value.code == "missing_value"
    a = ppm.evm_rollup(pf, dt.date(2026, 5, 29), baselines=control.baselines, status=control.status,
                       eac_method=ppm.EacMethod.ATYPICAL, include_tasks=False)
    assert "task" not in a.level and a.eac_method == ppm.EacMethod.ATYPICAL
    project = a.find(ppm.EvmNodeKind.PROJECT, a.id[a.level.index("project")])
    assert project is not None and a.find(ppm.EvmNodeKind.TASK, "no such task") is None
    m = a.metrics[0]
    assert m.eac == pytest.approx(m.eac_atypical)
    b = pickle.loads(pickle.dumps(a))
    assert b.id == a.id and (b.bac == a.bac).all() and b.metrics[0].eac == pytest.approx(m.eac)
    assert (b.forecast_finish == a.forecast_finish).all() and b.status_date == a.status_date


def test_apply_status_periods_returns_the_progressed_copy(example_portfolio):
    text = example_portfolio.read_text(encoding="utf-8")
    pf = ppm.read_json(text)
    before = ppm.write_json(pf)
    control = ppm.read_control_sections(text)
    applied = ppm.apply_status_periods(pf, control.status, dt.datetime(2026, 3, 31, 18, 0))
    assert ppm.write_json(pf) == before  # the input is not touched
    t = applied.find_task("ERP.1.1.1")
    assert t.progress.percent_complete == 100.0 and t.progress.actual_cost == pytest.approx(4675.14)
    assert t.progress.actual_start is not None and t.progress.actual_finish is not None
    latest = ppm.apply_status_periods(pf, control.status)  # no date: each project's latest period
    assert isinstance(latest, ppm.Portfolio)
    bad = ppm.StatusPeriod(project="ERP", date=dt.datetime(2026, 3, 31, 18, 0), task=["NO-SUCH-TASK"], percent_complete=[50.0],
                           actual_cost=[1.0])
    with pytest.raises(ppm.ModelError) as e:
        ppm.apply_status_periods(pf, [bad])
    assert e.value.code == "unknown_id"


def test_attach_calendars_spreads_planned_value_over_working_time(example_portfolio):
    text = example_portfolio.read_text(encoding="utf-8")
    pf = ppm.read_json(text)
    base = ppm.read_control_sections(text).baselines[0].active()
    spread = ppm.attach_calendars(base, pf)
    assert type(spread) is ppm.Baseline and spread.task == base.task and spread.cost == base.cost
    end = max(base.finish)
    assert ppm.planned_value(spread, end) == pytest.approx(ppm.budget_at_completion(base))
    start = min(base.start)
    days = [start + dt.timedelta(hours=6 * k) for k in range(int((end - start).total_seconds() // 21600))]
    assert any(ppm.planned_value(spread, d) != ppm.planned_value(base, d) for d in days)  # working time, not elapsed
