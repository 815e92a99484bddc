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
