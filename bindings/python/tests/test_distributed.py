"""ppm.distributed on a LocalCluster with 2 worker processes: chunked Monte Carlo, frontier and
scenarios merge to exactly the single-process answer for the same seed."""

import numpy as np
import pytest

import ppm
import ppm.distributed as pd_

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                      scheduler_kwargs={"dashboard_address": ":0"})  # HTTP server on a free port, not 8787
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_split_covers_the_range():
    assert pd_.split(10, 3) == [(0, 4), (4, 3), (7, 3)]
    assert sum(n for _, n in pd_.split(1001, 7)) == 1001


def test_monte_carlo_chunks_equal_single_process(client, repo):
    text = (repo / "tests" / "evm" / "data" / "control_sample.json").read_text()
    single = ppm.simulate_model(pd_.model_from_json(text), iterations=3001, seed=7, sensitivity=False)
    merged = pd_.monte_carlo(client, pd_.model_from_json, text, iterations=3001, seed=7, chunks=5)
    assert merged.iterations == single.iterations
    assert np.array_equal(merged.finish, single.finish)
    assert np.array_equal(merged.cost, single.cost)
    assert merged.finish_mean == single.finish_mean
    assert merged.finish_stddev == single.finish_stddev
    assert merged.cost_mean == single.cost_mean
    assert np.array_equal(merged.finish_at, single.finish_at)
    assert merged.finish_histogram.edge == single.finish_histogram.edge
    assert merged.finish_histogram.count == single.finish_histogram.count
    assert np.array_equal(merged.criticality, single.criticality)
    assert np.array_equal(merged.event_hits, single.event_hits)


def test_frontier_points_equal_single_process(client):
    p = ppm.generate_selection_problem(candidates=20, periods=12, roles=3, seed=8)
    single = ppm.efficient_frontier(p, points=6, relative_gap=0.0)
    merged = pd_.frontier(client, p, points=6, relative_gap=0.0, chunks=3)
    assert np.array_equal(merged.budget, single.budget)
    assert np.allclose(merged.value, single.value, rtol=0, atol=1e-6)
    assert [s for s in merged.status] == [s for s in single.status]
    assert np.array_equal(merged.selected, single.selected)
    assert merged.entering == single.entering


def test_scenarios_equal_single_process(client):
    p = ppm.generate_selection_problem(candidates=20, periods=12, roles=3, seed=9)
    scenarios = [ppm.Scenario(name=f"x{k}", budget_scale=0.6 + 0.1 * k) for k in range(5)]
    single = ppm.compare_scenarios(p, scenarios, relative_gap=0.0)
    merged = pd_.compare_scenarios(client, p, scenarios, relative_gap=0.0, chunks=3)
    assert merged.names == single.names
    assert [r.objective for r in merged.results] == pytest.approx([r.objective for r in single.results])
    assert np.array_equal(merged.selected, single.selected)


def test_results_and_models_travel_through_client_submit(client, example_portfolio):
    # Every result pickles; module functions are submitted by name (pybind11 2.10 functions do not pickle).
    pf = ppm.read_json_file(str(example_portfolio))
    sched = client.submit(pd_.call, "schedule", pf).result()
    assert isinstance(sched, ppm.ScheduleResult) and sched.to_dataframe().equals(ppm.schedule(pf).to_dataframe())
    lev = client.submit(pd_.call, "level", pf, method=ppm.LevelMethod.PRIORITY, passes=2).result()
    assert lev.to_dataframe().equals(ppm.level(pf, method=ppm.LevelMethod.PRIORITY, passes=2).to_dataframe())
    spec = ppm.UncertaintySpec(relative_default=ppm.DurationDistribution.triangular(0.9, 1.0, 1.5))
    model = ppm.build_simulation_model(pf, [], spec)
    mc = client.submit(pd_.call, "simulate_model", model, iterations=200, seed=5).result()
    assert np.array_equal(mc.finish, ppm.simulate_model(model, iterations=200, seed=5).finish)
    assert mc.percentiles_dataframe()["finish"].dtype.kind == "M"  # the model came back with it
    m = client.submit(lambda: ppm.evaluate_evm(bac=1000.0, pv=500.0, ev=400.0, ac=450.0)).result()
    assert m.spi == pytest.approx(0.8)
    with pytest.raises(AttributeError):
        pd_.call("_merge_monte_carlo")
