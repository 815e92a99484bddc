"""Bindings of area portfolio: selection built in Python, results as numpy/pandas, frontier,
scenarios, callbacks, pickle."""

import pickle

import numpy as np
import pytest

import ppm


def knapsack():
    # Hand-solvable: budget 10, costs 6/5/5, values 7/5/5 -> best is B + C (value 10, cost 10).
    cands = [ppm.Candidate(id=i, cost=[c], benefits={"score": v}) for i, c, v in (("A", 6, 7), ("B", 5, 5), ("C", 5, 5))]
    return ppm.SelectionProblem(periods=1, objective="score", candidates=cands, total_budget=10.0)


def test_knapsack_by_hand():
    r = ppm.select_portfolio(knapsack())
    assert r.status == ppm.SelectionStatus.OPTIMAL
    assert r.selected_ids() == ["B", "C"]
    assert r.objective == pytest.approx(10.0)
    assert ppm.check_selection(knapsack(), list(r.start)) == ""
    df = r.to_dataframe()
    assert not bool(df.loc["A", "selected"])
    assert df.loc["A", "reason"] != "none"


def test_frontier_is_non_decreasing_and_matches_single_solves():
    p = ppm.generate_selection_problem(candidates=25, periods=12, roles=3, seed=4)
    f = ppm.efficient_frontier(p, points=5, relative_gap=0.0)
    assert len(f) == 5
    assert (np.diff(f.value) >= -1e-6).all()
    assert f.selected.shape == (5, 25)
    one = ppm.efficient_frontier(p, points=1, budget_min=f.budget[2], budget_max=f.budget[2], relative_gap=0.0)
    assert one.value[0] == pytest.approx(f.value[2])
    assert list(f.to_dataframe().columns)[:3] == ["budget", "value", "spend"]


def test_scenarios_side_by_side():
    base = knapsack()
    c = ppm.compare_scenarios(base, [ppm.Scenario(name="rich", total_budget=20.0)])
    assert c.names == ["base", "rich"]
    assert c.to_dataframe()["rich"].all()  # everything fits with 20
    assert c.results[1].objective == pytest.approx(17.0)


def test_problem_and_results_pickle():
    p = ppm.generate_selection_problem(candidates=10, periods=6, roles=2, seed=1)
    p2 = pickle.loads(pickle.dumps(p))
    assert [k.id for k in p2.candidates] == [k.id for k in p.candidates]
    assert p2.candidates[3].cost == p.candidates[3].cost
    r = ppm.select_portfolio(p)
    r2 = pickle.loads(pickle.dumps(r))
    assert r2.selected_ids() == r.selected_ids()
    assert r2.status == r.status
    f = pickle.loads(pickle.dumps(ppm.efficient_frontier(p, points=2)))
    assert len(f) == 2


def test_callback_exception_propagates():
    p = ppm.generate_selection_problem(candidates=300, periods=24, roles=8, seed=2)

    def progress(info):
        raise ValueError("stop the search")

    try:
        r = ppm.select_portfolio(p, relative_gap=0.0, progress=progress)
    except ValueError:
        return
    # CBC may prove optimality before its first node callback; then there was nothing to stop.
    assert r.nodes <= 1


def test_invalid_problem_raises_model_error():
    p = knapsack()
    p.forced_in = ["nope"]
    with pytest.raises(ppm.ModelError):
        ppm.select_portfolio(p)


def test_select_does_what_ppm_select_does(repo, ppm_cli):
    import json
    import subprocess

    path = repo / "examples" / "selection.json"
    run = ppm.select(path)  # os.PathLike
    assert run.result.status == ppm.SelectionStatus.OPTIMAL and run.result.objective > 0
    assert run.weights is not None and run.alignment is not None and run.scenarios is not None
    # The strategy's alignment scores are the 'score' benefits solved.
    for k, cid in enumerate(run.alignment.candidates):
        c = run.problem.candidates[[x.id for x in run.problem.candidates].index(cid)]
        assert c.benefits["score"] == pytest.approx(run.alignment.score[k])
    doc = ppm.read_selection_document(str(path))
    again = ppm.select(doc)
    assert again.result.selected_ids() == run.result.selected_ids()
    assert "score" not in doc.problem.candidates[0].benefits  # the document passed in is left unchanged
    cheaper = ppm.select(path, budget=run.result.total_spend * 0.5, scenarios=False)
    assert cheaper.scenarios is None and cheaper.result.total_spend <= run.result.total_spend * 0.5 + 1e-6
    out = json.loads(subprocess.run([str(ppm_cli), "select", str(path), "--json"], check=True, capture_output=True, text=True).stdout)
    assert out["selection"]["objective"] == pytest.approx(run.result.objective, rel=1e-6)


def test_a_missing_objective_benefit_is_an_error_not_an_optimal_zero(repo):
    doc = ppm.read_selection_document(repo / "examples" / "selection.json")
    with pytest.raises(ppm.ModelError, match="objective benefit 'score'") as e:
        ppm.select_portfolio(doc.problem)  # 'score' is filled only by the strategy's alignment
    assert e.value.code == "missing_value"
    with pytest.raises(ppm.ModelError):
        ppm.validate_selection(ppm.SelectionProblem(periods=1, objective="npv", candidates=[ppm.Candidate(id="A", cost=[1.0])]))
    assert ppm.apply_alignment(doc) is not None  # what select() does first
    assert ppm.select_portfolio(doc.problem).objective > 0


def test_benefits_and_candidates_are_edited_in_place():
    p = knapsack()
    p.candidates[0].benefits["score"] = 100.0  # used to change a copy and vanish
    assert p.candidates[0].benefits["score"] == 100.0
    assert ppm.select_portfolio(p).selected_ids() == ["A"]
    c = ppm.Candidate(id="X", benefits={"npv": 1.0})
    c.benefits.update({"score": 2.0})
    del c.benefits["npv"]
    assert c.benefits == {"score": 2.0} and len(c.benefits) == 1 and "score" in c.benefits
    assert dict(c.benefits.items()) == {"score": 2.0} and c.benefits.get("npv") is None
    c.benefits = {"a": 1.0}
    assert list(c.benefits) == ["a"]
    with pytest.raises(KeyError):
        c.benefits["missing"]
    assert pickle.loads(pickle.dumps(c)).benefits == {"a": 1.0}
    p.candidates.append(ppm.Candidate(id="D", cost=[1.0], benefits={"score": 1.0}))
    assert len(p.candidates) == 4 and pickle.loads(pickle.dumps(p)).candidates[3].id == "D"
