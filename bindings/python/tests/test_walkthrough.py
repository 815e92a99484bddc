"""docs/python.md's analyst walk-through (load -> schedule -> level -> EVM roll-up -> Monte Carlo ->
AHP + selection -> store -> dashboard) runs as written, on the worked example."""

import pathlib
import re

import ppm

ROOT = pathlib.Path(__file__).resolve().parents[3]


def walkthrough_code() -> str:
    text = (ROOT / "docs" / "python.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- walkthrough:begin -->\s*```python\n(.*?)```\s*<!-- walkthrough:end -->", text, re.S)
    assert block, "docs/python.md has no walk-through block"
    return block.group(1)


def test_the_walkthrough_in_the_docs_runs(tmp_path, capsys):
    code = walkthrough_code()
    for step in ("read_model_file", "schedule(", "level(", "evm_rollup(", "simulate_model(", "select(", "Repository.open",
                 "write_dashboard_file("):
        assert step in code, step
    exec(compile(code, "docs/python.md", "exec"), {"REPO": str(ROOT), "OUT": str(tmp_path), "__name__": "walkthrough"})
    out = capsys.readouterr().out
    assert "ACME-2026" in out and "P80 finish" in out and "projects chosen" in out
    assert (tmp_path / "walkthrough.db").exists()
    html = (tmp_path / "dashboard.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "ACME" in html
    with ppm.Repository.open(tmp_path / "walkthrough.db", read_only=True) as repo:
        assert len(repo.list_snapshots("ACME-2026")) == 1
