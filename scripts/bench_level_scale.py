#!/usr/bin/env python3
"""How `ppm level` scales past j60 (issue 18: "instances larger than j60: generate large ones").

PSPLIB has nothing larger than j60 in ../shared, so this composes larger instances from it: k j60
instances side by side in one project (a common start milestone and a common end milestone), on one
pool of resources whose capacity is the largest of the k capacities, so the k networks compete for
it. Each is written as a ppm model (`ppm convert X.sm`, one period = one day, 24/7) and levelled
with `ppm level --json` at 5,000 schedules (the default up to ~370 tasks) and at 50,000. The
makespan is compared with the better of two lower bounds: the longest critical path and, per
resource, the work (duration x units summed) over the capacity, rounded up. The figures show how
the method scales with size and budget; they are not comparable with published j120 results.

A second table uses 120-job instances generated like PSPLIB's j120 (`scripts/gen_rcpsp.py`, ProGen's
parameters: NC 1.5-2.1, RF 0.25-1, RS 0.1-0.5; a proxy, not PSPLIB's own j120, which is held out):
every `--stride`-th of the 600, solved by `ppm rcpsp` at 5,000 and 50,000 schedules and levelled
by `ppm level` (the same instance as a ppm model) at 5,000, against the critical path.

Usage: /usr/bin/python3 scripts/bench_level_scale.py BUILD_DIR [--k 2,4,8] [--count 8] [--seed 1] [--stride 10]
Writes docs/benchmarks/level_scale.md (scripts/benchmarks.py assembles it into docs/benchmarks.md).
Builds nothing; one process at a time; a few minutes with the defaults on the 2-core machine.
Every `ppm level` run has `--check` (validate_level, docs/leveling.md): a broken rule stops the script.
"""
import argparse
import csv
import datetime as dt
import json
import math
import pathlib
import random
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "psplib" / "j60"
OUT = ROOT / "docs" / "benchmarks" / "level_scale.md"
ORIGIN = "2026-01-05T00:00"


def days(a: str, b: str) -> float:
    f = "%Y-%m-%dT%H:%M"
    return (dt.datetime.strptime(b, f) - dt.datetime.strptime(a, f)).total_seconds() / 86400.0


def compose(models: list) -> dict:
    """One project holding every model's tasks (ids prefixed), capacities summed per resource."""
    out = json.loads(json.dumps(models[0]))
    pf = out["portfolio"]
    project = pf["projects"][0]
    project["id"] = project["name"] = "composed"
    tasks = [{"id": "S", "name": "start", "duration": "0d", "milestone": True}]
    ends = []
    for k, m in enumerate(models):
        own = m["portfolio"]["projects"][0]["tasks"]
        for t in own:
            t = dict(t)
            t["id"] = f"I{k}_{t['id']}"
            preds = [dict(p, task=f"I{k}_{p['task']}") for p in t.get("predecessors", [])]
            t["predecessors"] = preds if preds else [{"task": "S"}]
            tasks.append(t)
        ends.append({"task": f"I{k}_{own[-1]['id']}"})
    tasks.append({"id": "E", "name": "end", "duration": "0d", "milestone": True, "predecessors": ends})
    project["tasks"] = tasks
    for r, res in enumerate(pf["resources"]):
        res["max_units"] = max(m["portfolio"]["resources"][r]["max_units"] for m in models)
    return out


def energy_bounds(model: dict) -> list:
    """Per resource: ceil(sum of duration x units / capacity), in days."""
    pf = model["portfolio"]
    work = {r["id"]: 0.0 for r in pf["resources"]}
    for t in pf["projects"][0]["tasks"]:
        d = float(t["duration"].rstrip("d"))
        for a in t.get("assignments", []):
            work[a["resource"]] += d * a.get("units", 1.0)  # the format's default: 1 unit
    return [float(math.ceil(work[r["id"]] / r["max_units"] - 1e-9)) for r in pf["resources"] if r["max_units"] > 0]


def level_runs(ppm: pathlib.Path, models: list, budget: int, seed: int) -> tuple:
    """`ppm level` on (model, bound) pairs: mean % over the bound, of its one-pass figure, seconds."""
    dev = one = secs = 0.0
    for model, bound in models:
        args = [str(ppm), "level", str(model), "--json", "--check", "--seed", str(seed), "--schedules", str(budget)]
        t = time.perf_counter()
        lv = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
        secs += time.perf_counter() - t
        dev += (days(ORIGIN, lv["portfolio_finish"]) - bound) / bound * 100.0
        one += (days(ORIGIN, lv["one_pass_portfolio_finish"]) - bound) / bound * 100.0
    n = len(models)
    return dev / n, one / n, secs / n


def generated_rows(ppm: pathlib.Path, tmp: pathlib.Path, stride: int, seed: int) -> list:
    """Table rows for the generated 120-job instances (see the module docstring)."""
    gen = tmp / "gen120"
    subprocess.run(["/usr/bin/python3", str(ROOT / "scripts" / "gen_rcpsp.py"), str(gen)], check=True, capture_output=True)
    params = list(csv.DictReader(open(gen / "params.csv", encoding="utf-8")))[::stride]
    rows = []
    for budget in (5000, 50000):
        dev = secs = 0.0
        for p in params:
            args = [str(ppm), "rcpsp", str(gen / p["file"]), "--json", "--seed", str(seed), "--schedules", str(budget)]
            r = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
            secs += r["seconds"]
            dev += (r["makespan"] - float(p["critical_path"])) / float(p["critical_path"]) * 100.0
        rows.append(f"| `ppm rcpsp` | {len(params)} | {budget} | {dev / len(params):.2f} | | {secs / len(params):.2f} |")
        print(rows[-1], flush=True)
    models = []
    for p in params:
        model = tmp / (p["file"] + ".json")
        subprocess.run([str(ppm), "convert", str(gen / p["file"]), str(model), "-q"], check=True)
        models.append((model, float(p["critical_path"])))
    dev, one, secs = level_runs(ppm, models, 5000, seed)
    rows.append(f"| `ppm level` | {len(models)} | 5000 | {dev:.2f} | {one:.2f} | {secs:.2f} |")
    print(rows[-1], flush=True)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--k", default="2,4,8", help="instances per composed instance")
    ap.add_argument("--count", type=int, default=8, help="composed instances per k")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stride", type=int, default=10, help="every stride-th generated 120-job instance")
    a = ap.parse_args()
    ppm = pathlib.Path(a.build) / "apps" / "ppm" / "ppm"
    # Only instances whose best known makespan is above their critical path: the others are not
    # resource-constrained and compose into trivial instances.
    rows = [r for r in csv.DictReader(open(DATA / "reference.csv", encoding="utf-8")) if float(r["best_ub"]) > float(r["cpm_lb"])]
    tmp = pathlib.Path(tempfile.mkdtemp())
    lines = ["# Levelling past j60: composed PSPLIB instances", "",
             f"Generated by `scripts/bench_level_scale.py` ({time.strftime('%Y-%m-%d')}), `ppm level --seed {a.seed}`, "
             f"{a.count} composed instances per size, one core. Each composed instance is k j60 instances "
             "(only those whose best known makespan is above their critical path) side by side on one "
             "pool of resources with the largest of their capacities; the bound is the better of the "
             "longest critical path and the per-resource work over capacity. The one-pass heuristic is "
             "`ppm level`'s own one-pass figure (minimum float, MS Project's order).", "",
             "| jobs | instances | budget | mean % over the lower bound | one-pass heuristic | seconds per instance |",
             "|---:|---:|---:|---:|---:|---:|"]
    print("\n".join(lines), flush=True)
    for k in [int(x) for x in a.k.split(",")]:
        composed = []
        for c in range(a.count):
            picks = random.Random(1000 * k + c).sample(rows, k)  # fixed draws across the parameter sets
            models = []
            for row in picks:
                path = tmp / (row["instance"] + ".json")
                if not path.exists():
                    subprocess.run([str(ppm), "convert", str(DATA / "instances" / row["instance"]), str(path), "-q"], check=True)
                models.append(json.load(open(path, encoding="utf-8")))
            model = tmp / f"composed_{k}_{c}.json"
            model.write_text(json.dumps(compose(models)), encoding="utf-8")
            bound = max([float(row["cpm_lb"]) for row in picks] + energy_bounds(compose(models)))
            composed.append((model, bound))
        jobs = 60 * k
        for budget in (5000, 50000):
            dev, one, secs = level_runs(ppm, composed, budget, a.seed)
            lines.append(f"| {jobs} | {len(composed)} | {budget} | {dev:.2f} | {one:.2f} | {secs:.2f} |")
            print(lines[-1], flush=True)
    lines += ["", "## Generated 120-job instances (a j120 proxy)", "",
              f"`scripts/gen_rcpsp.py` (seed 1), every {a.stride}th of its 600 instances, seed {a.seed}, one core; "
              "deviation from the critical path. `ppm rcpsp` solves the .sm file; `ppm level` levels the same "
              "instance written as a ppm model (`ppm convert`), with its own one-pass figure beside it.", "",
              "| command | instances | budget | mean % over the critical path | one-pass heuristic | seconds per instance |",
              "|---|---:|---:|---:|---:|---:|"]
    print("\n".join(lines[-6:]), flush=True)
    lines += generated_rows(ppm, tmp, a.stride, a.seed)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
