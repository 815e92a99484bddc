"""Bindings of area risk: register/matrix, Monte Carlo arrays, iteration sub-ranges, progress
callback and cancellation, pickle."""

import pickle
import threading
import time
import _thread

import numpy as np
import pytest

import ppm


def chain(n=3):
    links = [ppm.NetworkLink(predecessor=i, successor=i + 1) for i in range(n - 1)]
    return ppm.SimulationNetwork.build(n, links)


def test_fixed_durations_give_the_cpm_finish_every_iteration():
    # Hand computation: a 3-task FS chain of 480, 240 and 60 minutes finishes at 780 in every iteration.
    net = chain(3)
    d = [ppm.DurationDistribution.fixed_at(v) for v in (480, 240, 60)]
    r = ppm.simulate(net, d, iterations=200, seed=3)
    assert r.status == ppm.SimulationStatus.COMPLETED
    assert r.iterations == 200
    assert (r.finish == 780).all()
    assert r.deterministic_finish == 780
    assert (r.criticality == 1.0).all()
    assert not r.finish.flags.writeable


def test_uniform_samples_stay_within_bounds_and_percentiles_increase():
    net = chain(2)
    d = [ppm.DurationDistribution.uniform(100, 200), ppm.DurationDistribution.uniform(50, 70)]
    r = ppm.simulate(net, d, iterations=3000, seed=11)
    assert r.finish.min() >= 150 and r.finish.max() <= 270
    assert (np.diff(r.finish_at) >= 0).all()
    assert sum(r.finish_histogram.count) == 3000
    assert r.probability_of_meeting(270) == 1.0
    df = r.percentiles_dataframe()
    assert list(df.index) == [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0]


def test_iteration_subranges_concatenate_to_the_full_run():
    net = chain(4)
    d = [ppm.DurationDistribution.triangular(400, 480, 900)] * 4
    full = ppm.simulate(net, d, iterations=1000, seed=5, sensitivity=False)
    a = ppm.simulate(net, d, iterations=400, seed=5, sensitivity=False)
    b = ppm.simulate(net, d, iterations=600, seed=5, sensitivity=False, first_iteration=400)
    assert np.array_equal(np.concatenate([a.finish, b.finish]), full.finish)
    merged = ppm.distributed.merge_monte_carlo([a, b])
    assert merged.finish_mean == full.finish_mean
    assert merged.finish_stddev == full.finish_stddev
    assert np.array_equal(merged.finish_at, full.finish_at)
    assert merged.finish_histogram.count == full.finish_histogram.count
    assert np.array_equal(merged.criticality, full.criticality)


def test_result_pickles():
    r = ppm.simulate(chain(3), [ppm.DurationDistribution.pert(10, 20, 40)] * 3, iterations=300, seed=2)
    r2 = pickle.loads(pickle.dumps(r))
    assert np.array_equal(r2.finish, r.finish)
    assert np.allclose(r2.sensitivity, r.sensitivity, equal_nan=True)
    assert r2.finish_histogram.count == r.finish_histogram.count


def test_callback_exception_stops_the_run_and_propagates():
    calls = []

    def progress(fraction):
        calls.append(fraction)
        raise RuntimeError("enough")

    with pytest.raises(RuntimeError, match="enough"):
        ppm.simulate(chain(50), [ppm.DurationDistribution.uniform(1, 9)] * 50, iterations=2_000_000, threads=1, progress=progress)
    assert len(calls) == 1


def test_keyboard_interrupt_stops_the_run(sigint_handler):
    def progress(fraction):
        _thread.interrupt_main()  # what Ctrl-C does: the next signal check raises KeyboardInterrupt

    t0 = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        ppm.simulate(chain(50), [ppm.DurationDistribution.uniform(1, 9)] * 50, iterations=5_000_000, threads=1, progress=progress)
    assert time.perf_counter() - t0 < 30


def test_two_simulations_in_threads_overlap():
    net = chain(200)
    d = [ppm.DurationDistribution.uniform(1, 9)] * 200
    spans = []

    def work():
        t0 = time.perf_counter()
        ppm.simulate(net, d, iterations=20000, threads=1, sensitivity=False)
        spans.append((t0, time.perf_counter()))

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    (a0, a1), (b0, b1) = sorted(spans)
    assert b0 < a1, "the second run only started after the first ended: GIL not released"


def test_risk_matrix_default_score_is_probability_times_impact():
    # PMI Practice Standard for Project Risk Management (2009) fig. 5-6: default score = p band x i band.
    m = ppm.RiskMatrix()
    a = ppm.RiskAssessment(probability=0.4, impact=ppm.RiskImpact(cost=20000.0))  # bands 3 and 3
    s = ppm.score_risk(m, a)
    assert (s.probability_band, s.impact_band, s.score) == (3, 3, 9)
    assert s.level == ppm.RiskLevel.MEDIUM
    r = ppm.Risk(id="R1", pre=a, linked_tasks=["T1"])
    assert ppm.expected_monetary_value(r, a) == pytest.approx(-8000.0)
    bad = ppm.Risk(id="R2", pre=ppm.RiskAssessment(probability=1.5))
    with pytest.raises(ppm.ModelError):
        ppm.check_risk(bad)


def test_model_from_control_document(repo):
    text = (repo / "tests" / "evm" / "data" / "control_sample.json").read_text()
    model = ppm.distributed.model_from_json(text)
    assert len(model) > 0
    r = ppm.simulate_model(model, iterations=500, seed=7)
    assert r.iterations == 500
    assert model.to_minutes(model.to_instant(int(r.finish[0]))) == r.finish[0]


def test_monte_carlo_money_is_in_major_units_and_dates_are_datetimes(example_portfolio):
    pf = ppm.read_json_file(str(example_portfolio))
    task = pf.projects[0].tasks[-1].id
    risk = ppm.Risk(id="R1", linked_tasks=[task], pre=ppm.RiskAssessment(probability=1.0, impact=ppm.RiskImpact(cost=1234.5)))
    spec = ppm.UncertaintySpec(relative_default=ppm.DurationDistribution.triangular(1.0, 1.0, 1.0))
    with_risk = ppm.simulate_model(ppm.build_simulation_model(pf, [risk], spec), iterations=20, seed=1)
    without = ppm.simulate_model(ppm.build_simulation_model(pf, [], spec), iterations=20, seed=1)
    # a certain event adds exactly its cost impact, in major units (the engine sums cents)
    assert with_risk.cost == pytest.approx(without.cost + 1234.5)
    assert with_risk.cost_mean == pytest.approx(without.cost_mean + 1234.5)
    assert with_risk.cost_at == pytest.approx(without.cost_at + 1234.5)
    assert with_risk.cost_histogram.edge[0] == pytest.approx(with_risk.cost.min())
    df = with_risk.percentiles_dataframe()
    model = with_risk.model
    assert model is not None
    minutes = "finish_elapsed_minutes" if model.elapsed else "finish_working_minutes"  # the example has task calendars
    assert list(df.columns) == ["finish", minutes, "cost"]
    assert df["finish"].dtype == np.dtype("datetime64[ns]") or df["finish"].dtype.kind == "M"
    p50 = df.loc[50.0]
    assert p50["finish"].to_pydatetime() == model.to_instant(int(p50[minutes]))
    assert with_risk.finish_dates()[0] == np.datetime64(model.to_instant(int(with_risk.finish[0])), "m")
    assert df["cost"].tolist() == pytest.approx(with_risk.cost_at.tolist())
    # raw simulate(): no model, so no dates; costs go in and come out in major units
    raw = ppm.simulate(chain(1), [ppm.DurationDistribution.fixed_at(60)], cost_fixed=[12.34], iterations=5)
    assert raw.model is None and raw.cost.tolist() == pytest.approx([12.34] * 5)
    assert list(raw.percentiles_dataframe().columns) == ["finish_minutes", "cost"]
    with pytest.raises(ValueError):
        raw.finish_dates()
