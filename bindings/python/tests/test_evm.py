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
