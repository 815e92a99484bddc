"""Models pickle (as canonical JSON), so they travel to worker processes."""

import pickle

import ppm


def test_portfolio_round_trips_through_pickle(example_portfolio):
    pf = ppm.read_json_file(str(example_portfolio))
    pf2 = pickle.loads(pickle.dumps(pf))
    assert pf2 == pf
    assert pf2.task_count() == pf.task_count()
    a, b = ppm.schedule(pf), ppm.schedule(pf2)
    assert (a.early_finish == b.early_finish).all()


def test_every_model_aggregate_pickles():
    # Every native class whose attributes are all read-write pickles as its attribute dict.
    import ppm._pickle

    assert {ppm.Task, ppm.Risk, ppm.Project, ppm.Resource, ppm.Strategy} <= set(ppm._pickle.REGISTERED)
    for cls in ppm._pickle.REGISTERED:
        a = cls()
        b = pickle.loads(pickle.dumps(a))
        assert type(b) is cls and pickle.dumps(b) == pickle.dumps(a), cls  # same state


def test_task_and_risk_round_trip_with_their_fields():
    import datetime as dt

    t = ppm.Task(id="A", name="Design", duration=480, notes="n")
    t.custom["k"] = 1.5
    t.predecessors.append(ppm.Dependency(predecessor="B", type=ppm.LinkType.START_START))
    t2 = pickle.loads(pickle.dumps(t))
    assert (t2.id, t2.name, t2.duration, t2.notes, t2.custom) == ("A", "Design", 480, "n", {"k": 1.5})
    assert t2.predecessors[0].predecessor == "B" and t2.predecessors[0].type == ppm.LinkType.START_START
    r = ppm.Risk(id="R1", title="Supplier late", pre=ppm.RiskAssessment(probability=0.3), raised=dt.date(2026, 1, 5),
                 linked_tasks=["A"])
    r2 = pickle.loads(pickle.dumps(r))
    assert (r2.id, r2.title, r2.pre.probability, r2.raised, r2.linked_tasks) == ("R1", "Supplier late", 0.3, dt.date(2026, 1, 5), ["A"])


# --- every result and model type pickles (issue 22 point 7): round trips, field by field ---------

def _round(x):
    return pickle.loads(pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL))


def test_schedule_result_round_trips(example_portfolio):
    import numpy as np

    r = ppm.schedule(ppm.read_json_file(str(example_portfolio)))
    r2 = _round(r)
    assert type(r2) is ppm.ScheduleResult and len(r2) == len(r)
    for name in ("early_start", "early_finish", "late_start", "late_finish", "total_float", "free_float", "duration", "critical",
                 "is_summary", "is_milestone", "project", "driving_predecessor"):
        assert np.array_equal(getattr(r2, name), getattr(r, name)), name
    assert (r2.task_id, r2.project_id, r2.finish, r2.longest_path) == (r.task_id, r.project_id, r.finish, r.longest_path)
    assert (r2.project_start, r2.project_finish) == (r.project_start, r.project_finish)
    assert [(w.kind, w.task, w.message) for w in r2.warnings] == [(w.kind, w.task, w.message) for w in r.warnings]
    assert r2.task_name == r.task_name and r2.task_parent == r.task_parent  # the labels travel too
    assert r2.to_dataframe().equals(r.to_dataframe())


def test_level_result_round_trips(example_portfolio):
    import numpy as np

    r = ppm.level(ppm.read_json_file(str(example_portfolio)), method=ppm.LevelMethod.PRIORITY, passes=2)
    r2 = _round(r)
    for name in ("start", "finish", "cpm_start", "cpm_finish", "delay", "is_summary", "is_split", "piece_offsets", "piece_start",
                 "piece_finish", "project_cpm_finish", "project_finish", "project_delay", "project"):
        assert np.array_equal(getattr(r2, name), getattr(r, name)), name
    for name in ("status", "task_id", "project_id", "total_project_delay", "weighted_project_delay", "portfolio_cpm_finish",
                 "portfolio_finish", "one_pass_portfolio_finish", "one_pass_total_project_delay", "method", "passes", "best_pass",
                 "best_rule", "seconds", "warnings", "task_name", "task_parent"):
        assert getattr(r2, name) == getattr(r, name), name
    assert [(o.resource, o.from_time, o.to_time, o.demand, o.capacity) for o in r2.over_allocations] == \
        [(o.resource, o.from_time, o.to_time, o.demand, o.capacity) for o in r.over_allocations]
    assert r2.histogram().equals(r.histogram())
    assert r2.to_dataframe().equals(r.to_dataframe()) and r2.projects_dataframe().equals(r.projects_dataframe())


def test_simulation_model_and_monte_carlo_result_round_trip(example_portfolio):
    import numpy as np

    pf = ppm.read_json_file(str(example_portfolio))
    spec = ppm.UncertaintySpec(relative_default=ppm.DurationDistribution.triangular(0.9, 1.0, 1.5))
    risk = ppm.Risk(id="R1", linked_tasks=[pf.projects[0].tasks[-1].id],
                    pre=ppm.RiskAssessment(probability=0.3, impact=ppm.RiskImpact(schedule=960, cost=1000.0)))
    model = ppm.build_simulation_model(pf, [risk], spec)
    model2 = _round(model)  # rebuilt from its inputs
    assert (model2.task, model2.project, model2.origin, model2.elapsed) == (model.task, model.project, model.origin, model.elapsed)
    a = ppm.simulate_model(model, iterations=300, seed=3)
    b = ppm.simulate_model(model2, iterations=300, seed=3)
    assert np.array_equal(a.finish, b.finish) and np.array_equal(a.cost, b.cost)
    a2 = _round(a)
    assert np.array_equal(a2.finish, a.finish) and np.array_equal(a2.cost, a.cost) and a2.cost_mean == a.cost_mean
    assert a2.model is not None and a2.percentiles_dataframe().equals(a.percentiles_dataframe())


def test_scoring_results_round_trip():
    import numpy as np

    strategy = ppm.Strategy(
        name="S", criteria=[ppm.Criterion(id="A"), ppm.Criterion(id="B"), ppm.Criterion(id="C")],
        comparisons=[ppm.Comparison(parent="", children=["A", "B", "C"],
                                    judgements=[ppm.Judgements(matrix=np.array([[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]]))])])
    w = ppm.evaluate_strategy(strategy)
    w2 = _round(w)
    assert (w2.ids, w2.local, w2.global_, w2.is_driver, w2.depth, w2.all_acceptable) == \
        (w.ids, w.local, w.global_, w.is_driver, w.depth, w.all_acceptable)
    assert len(w2.comparisons) == 1 and w2.comparisons[0].children == ["A", "B", "C"]
    assert np.array_equal(w2.comparisons[0].aggregated, w.comparisons[0].aggregated)
    assert np.array_equal(w2.comparisons[0].ahp.priorities, w.comparisons[0].ahp.priorities)
    assert w2.to_dataframe().equals(w.to_dataframe())

    a = ppm.score_alignment(["A", "B"], [0.7, 0.3], ["x", "y", "z"], [1.0, 5.0, 3.0, 3.0, 5.0, 1.0])
    a2 = _round(a)
    assert (a2.candidates, a2.drivers, a2.weights) == (a.candidates, a.drivers, a.weights)
    for name in ("normalised", "score", "rank", "order"):
        assert np.array_equal(getattr(a2, name), getattr(a, name)), name
    assert a2.sensitivity_dataframe().equals(a.sensitivity_dataframe())
    assert [s.lower_swap_first for s in a2.sensitivity] == [s.lower_swap_first for s in a.sensitivity]


def test_selection_run_and_scenario_comparison_round_trip(repo):
    run = ppm.select(str(repo / "examples" / "selection.json"))
    run2 = _round(run)
    assert run2.result.selected_ids() == run.result.selected_ids()
    assert (run.scenarios is None) == (run2.scenarios is None)
    if run.scenarios is not None:
        assert run2.scenarios.to_dataframe().equals(run.scenarios.to_dataframe())
        assert [r.selected_ids() for r in run2.scenarios.results] == [r.selected_ids() for r in run.scenarios.results]
    if run.weights is not None:
        assert run2.weights.to_dataframe().equals(run.weights.to_dataframe())


def test_evm_values_round_trip():
    import math

    m = ppm.evaluate_evm(bac=1000.0, pv=500.0, ev=400.0, ac=450.0)
    m2 = _round(m)
    for name in ("sv", "cv", "eac", "eac_cpi", "etc", "vac", "eac_atypical", "eac_composite", "eac_new_estimate", "eac_bottom_up"):
        assert getattr(m2, name) == getattr(m, name), name
    for name in ("spi", "cpi", "tcpi_bac", "tcpi_eac", "percent_complete", "percent_spent"):
        x, y = getattr(m2, name), getattr(m, name)
        assert x == y or (math.isnan(x) and math.isnan(y)), name
    es = ppm.earned_schedule_periods([100.0, 200.0, 300.0, 400.0], 250.0, 3.0)
    es2 = _round(es)
    assert (es2.es, es2.at, es2.pd, es2.spi_t, es2.ieac_t) == (es.es, es.at, es.pd, es.spi_t, es.ieac_t)


def test_stale_state_is_refused():
    import pytest

    r = ppm.ScheduleResult.__new__(ppm.ScheduleResult)
    with pytest.raises(ValueError, match="another ppm version"):
        r.__setstate__((99,))
