"""Runs every example script of examples/python in a fresh interpreter, writing into a tmp dir."""

import os
import pathlib
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
SCRIPTS = sorted(HERE.glob("[0-9][0-9]_*.py"))
EXPECTED = {
    "01_schedule_and_level.py": ["schedule.csv", "levelled.csv", "histogram.csv"],
    "02_ahp_selection_frontier.py": ["frontier.png"],
    "03_monte_carlo.py": ["finish_histogram.png"],
    "04_dask_sweep.py": ["scenarios.csv", "monte_carlo.txt"],
}


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_example_runs(script: pathlib.Path, tmp_path: pathlib.Path) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)  # workers and the child see the same ppm
    proc = subprocess.run([sys.executable, str(script), str(tmp_path)], env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    for name in EXPECTED[script.name]:
        f = tmp_path / name
        assert f.exists() and f.stat().st_size > 0, f"{script.name} did not write {name}"
