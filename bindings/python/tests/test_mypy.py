"""The hand-kept stub ppm/_core.pyi (with ppm/distributed.py) passes `mypy --strict` on the examples
(issue 22), with the settings of bindings/python/mypy.ini. Skipped when mypy is not installed
(Debian: apt install python3-mypy)."""

import importlib.util
import pathlib
import subprocess
import sys

import pytest

PYTHON_DIR = pathlib.Path(__file__).resolve().parents[1]
REPO = PYTHON_DIR.parents[1]


@pytest.mark.skipif(importlib.util.find_spec("mypy") is None, reason="mypy is not installed (apt install python3-mypy)")
def test_examples_pass_mypy_strict(tmp_path: pathlib.Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--config-file", str(PYTHON_DIR / "mypy.ini"),
         "--cache-dir", str(tmp_path / "mypy_cache"), str(REPO / "examples" / "python")],
        cwd=REPO, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]
