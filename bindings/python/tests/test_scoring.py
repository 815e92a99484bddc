"""Bindings of area scoring: AHP on numpy matrices, group aggregation, alignment scoring."""

import pickle

import numpy as np
import pytest

import ppm


def consistent(w):
    w = np.asarray(w, dtype=float)
    return np.outer(w, 1.0 / w)


def test_consistent_matrix_gives_its_weights_and_cr_zero():
    # Saaty (1980), ch. 1: for a consistent matrix a_ij = w_i / w_j the principal eigenvector is w
    # and lambda_max = n, so CI = CR = 0.
    r = ppm.analyse_pairwise(consistent([0.5, 0.3, 0.2]))
    assert np.allclose(r.priorities, [0.5, 0.3, 0.2])
    assert np.allclose(r.priorities_geometric_mean, [0.5, 0.3, 0.2])
    assert r.lambda_max == pytest.approx(3.0)
    assert r.consistency_ratio == pytest.approx(0.0, abs=1e-9)
    assert r.acceptable
    assert not r.priorities.flags.writeable
    r2 = pickle.loads(pickle.dumps(r))
    assert np.array_equal(r2.priorities, r.priorities)


def test_inconsistent_matrix_is_flagged():
    # A says A > B (9), B > C (9) but C > A (9): maximally intransitive.
    m = ppm.pairwise_from_upper(3, [9.0, 1.0 / 9.0, 9.0])
    r = ppm.analyse_pairwise(m)
    assert r.consistency_ratio > 0.1
    assert not r.acceptable
    assert r.most_inconsistent


def test_bad_matrix_raises_model_error():
    m = np.array([[1.0, 3.0], [3.0, 1.0]])  # not reciprocal
    with pytest.raises(ppm.ModelError):
        ppm.analyse_pairwise(m)


def test_group_aggregation_is_geometric_mean():
    # Aczel & Saaty (1983): the geometric mean of 4 and 1 is 2.
    a = ppm.pairwise_from_upper(2, [4.0])
    b = ppm.pairwise_from_upper(2, [1.0])
    g = ppm.aggregate_judgements([a, b])
    assert g[0, 1] == pytest.approx(2.0)
    assert g[1, 0] == pytest.approx(0.5)


def test_alignment_scores_are_weighted_sums():
    # Default scale: strong .75, low .25, moderate .5, extreme 1, none 0.
    r = ppm.score_alignment(["d1", "d2"], [0.6, 0.4], ["A", "B", "C"],
                            ["strong", "low", "moderate", "extreme", "none", "none"])
    assert np.allclose(r.score, [0.6 * 0.75 + 0.4 * 0.25, 0.6 * 0.5 + 0.4 * 1.0, 0.0])
    assert list(r.rank) == [2, 1, 3]
    df = r.to_dataframe()
    assert df.loc["B", "rank"] == 1
    assert len(r.sensitivity) == 2


def test_strategy_hierarchy_global_weights():
    s = ppm.Strategy(name="S", criteria=[ppm.Criterion(id="O1"), ppm.Criterion(id="O2"),
                                         ppm.Criterion(id="D1", parent="O1"), ppm.Criterion(id="D2", parent="O1")],
                     comparisons=[ppm.Comparison(parent="", children=["O1", "O2"], direct_weights=[0.75, 0.25]),
                                  ppm.Comparison(parent="O1", children=["D1", "D2"],
                                                 judgements=[ppm.Judgements(matrix=consistent([0.8, 0.2]))])])
    w = ppm.evaluate_strategy(s)
    g = dict(zip(w.ids, w.global_))
    assert g["D1"] == pytest.approx(0.6)  # 0.75 x 0.8 (hierarchic composition)
    assert g["D2"] == pytest.approx(0.15)
    assert set(w.driver_ids()) == {"D1", "D2", "O2"}
