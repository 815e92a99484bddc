#!/usr/bin/env python3
"""Which engine levels a plan, and what it gains (issue 18, docs/leveling.md "The integer grid"):
PSPLIB instances written as ppm models on a Mon-Fri calendar (one period = one working day, as
`scripts/compare_level_rcpsp.py --calendar mon-fri`), given one plan feature, levelled by
`ppm level` as they are and again with the sink milestone at priority 1000 (do not level: it has
nothing to level, so no date moves, but no grid engine runs: the calendar GA alone). Prints the
mean finish in working days and the mean run time of both, and on how many instances the first
finishes earlier or later.

Variants:
  plain   nothing more (the grid engine answers)
  leads   a lead of two days on every fifth job's first link, every third job's first link FF,
          a 50 % lag on the first link between two jobs (the grid engine answers)
  snlt    an SNLT in 2100 on the sink (the grid engine starts the calendar GA)
  six     every fourth job on a Mon-Sat calendar (the grid engine starts the calendar GA)
  247     every fourth job on the 24/7 calendar (the grid engine starts the calendar GA)
  tiers   every third job a priority tier up, 600 against 500 (the grid engine answers)

Usage: /usr/bin/python3 scripts/compare_level_engines.py BUILD_DIR --variant leads [--sets j30,j60]
       [--every 10] [--seed 1] [--level-args "--split"]
Builds nothing; one process at a time.
Every `ppm level` run has `--check` (validate_level, docs/leveling.md): a broken rule stops the script.
"""
import argparse
import csv
import json
import pathlib
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from compare_level_rcpsp import DATA, to_working_days, working_days  # noqa: E402

MON_SAT = {"id": "mon-sat", "name": "Mon-Sat 08-17", "week": {
    **{d: ["08:00-12:00", "13:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat")}, "sun": []}}


def apply_variant(model: pathlib.Path, variant: str) -> None:
    m = json.loads(model.read_text(encoding="utf-8"))
    pf = m["portfolio"]
    tasks = pf["projects"][0]["tasks"]
    if variant == "leads":
        for i, t in enumerate(tasks):
            if 2 <= i <= len(tasks) - 2 and t.get("predecessors"):
                link = t["predecessors"][0]
                if i % 5 == 0:
                    link["lag"] = "-16h"
                if i % 3 == 0:
                    link["type"] = "FF"
        first = next(t for t in tasks if t.get("predecessors") and t["predecessors"][0]["task"] != tasks[0]["id"])
        first["predecessors"][0].update(lag_unit="percent", lag_percent=50)
    elif variant == "snlt":
        tasks[-1]["constraint"] = {"type": "SNLT", "date": "2100-01-01T00:00"}
    elif variant == "tiers":
        for i, t in enumerate(tasks):
            if i % 3 == 1:
                t["priority"] = 600
    elif variant in ("six", "247"):
        if variant == "six":
            pf["calendars"].append(MON_SAT)
        for i, t in enumerate(tasks):
            if i % 4 == 1:
                t["calendar"] = "mon-sat" if variant == "six" else "24x7"
    model.write_text(json.dumps(m), encoding="utf-8")


def alone(model: pathlib.Path) -> pathlib.Path:
    m = json.loads(model.read_text(encoding="utf-8"))
    m["portfolio"]["projects"][0]["tasks"][-1]["priority"] = 1000
    out = model.with_suffix(".alone.json")
    out.write_text(json.dumps(m), encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--variant", choices=["plain", "leads", "snlt", "six", "247", "tiers"], default="plain")
    ap.add_argument("--sets", default="j30,j60")
    ap.add_argument("--every", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--level-args", default="", help="more `ppm level` options for both runs, e.g. --split")
    a = ap.parse_args()
    ppm = pathlib.Path(a.build) / "apps" / "ppm" / "ppm"
    tmp = pathlib.Path(tempfile.mkdtemp())
    for name in a.sets.split(","):
        rows = list(csv.DictReader(open(DATA / name / "reference.csv", encoding="utf-8")))[:: a.every]
        total = {"plan": 0, "alone": 0}
        secs = {"plan": 0.0, "alone": 0.0}
        engines: dict[str, int] = {}
        earlier = later = 0
        for row in rows:
            model = tmp / (row["instance"] + ".json")
            subprocess.run([str(ppm), "convert", str(DATA / name / "instances" / row["instance"]), str(model), "-q"], check=True)
            to_working_days(model)
            apply_variant(model, a.variant)
            finish = {}
            for side, path in (("plan", model), ("alone", alone(model))):
                lv = json.loads(subprocess.run([str(ppm), "level", str(path), "--json", "--check", "--seed", str(a.seed)] + a.level_args.split(),
                                               check=True, capture_output=True, text=True).stdout)
                finish[side] = working_days(lv["portfolio_finish"])
                total[side] += finish[side]
                secs[side] += lv["seconds"]
                if side == "plan":
                    engines[lv["best_rule"]] = engines.get(lv["best_rule"], 0) + 1
            earlier += finish["plan"] < finish["alone"]
            later += finish["plan"] > finish["alone"]
        n = len(rows)
        print(f"{name} {a.variant} seed {a.seed} ({n} instances): as planned {total['plan'] / n:.2f} working days, "
              f"{secs['plan'] / n * 1000:.0f} ms; calendar GA alone {total['alone'] / n:.2f}, {secs['alone'] / n * 1000:.0f} ms; "
              f"earlier on {earlier}, later on {later}; best from {engines}")


if __name__ == "__main__":
    main()
