"""scripts/check_layers.py: the include-direction check of docs/README.md ("Areas and layers") passes on
the repository and fails, naming file and line, on an include that runs upward or into another area's
private detail/ headers."""

import os
import pathlib
import subprocess
import sys

SOURCE = pathlib.Path(os.environ.get("PPM_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[1]))
SCRIPT = SOURCE / "scripts" / "check_layers.py"
AREAS = ["core", "calendar", "schedule", "leveling", "scoring", "risk", "evm", "governance", "io", "portfolio", "report", "store"]


def run(root):
    return subprocess.run([sys.executable, str(SCRIPT), str(root)], capture_output=True, text=True)


def tree(tmp_path, files):
    for area in AREAS:
        (tmp_path / "include" / "ppm" / area).mkdir(parents=True)
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def test_repository_includes_run_downward():
    r = run(SOURCE)
    assert r.returncode == 0, r.stdout


def test_upward_include_fails_with_file_and_line(tmp_path):
    root = tree(tmp_path, {"include/ppm/core/portfolio.hpp": '#pragma once\n#include "ppm/calendar/work_calendar.hpp"\n'})
    r = run(root)
    assert r.returncode == 1
    assert "include/ppm/core/portfolio.hpp:2: core (layer 0) includes calendar (layer 1)" in r.stdout


def test_private_detail_of_another_area_fails(tmp_path):
    root = tree(tmp_path, {"src/leveling/psplib.cpp": '#include "io/detail/read_limits_check.hpp"\n',
                           "src/io/json.cpp": '#include "io/detail/json_dom.hpp"\n#include "ppm/core/detail/random.hpp"\n'})
    r = run(root)
    assert r.returncode == 1
    assert "src/leveling/psplib.cpp:1: leveling includes io's internals" in r.stdout
    assert "src/io/json.cpp" not in r.stdout  # its own detail and a lower area's shared detail are fine
