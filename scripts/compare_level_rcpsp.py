#!/usr/bin/env python3
"""`ppm level` (the engine behind the product's levelling) against `ppm rcpsp` on the same PSPLIB
instances (issue 18): each instance is written as a ppm model with `ppm convert X.sm X.json` (one
period = one day on a 24/7 calendar) and levelled with `ppm level X.json --json`; its makespan in
days is compared with the optimum (j30) or the critical-path bound (j60), beside `ppm rcpsp`'s.
With `--calendar mon-fri` the model is put on a Mon-Fri calendar (08:00-12:00, 13:00-17:00), one
period = one working day of 480 minutes, and the makespan is counted in working days: a plan on a
working calendar, as a PMO's plans are (docs/leveling.md, "The integer grid").

Usage: /usr/bin/python3 scripts/compare_level_rcpsp.py BUILD_DIR [--sets j30,j60] [--every 10]
       [--schedules 5000] [--seed 1] [--calendar 24x7|mon-fri] [--level-args "..."]
Builds nothing; one process at a time.
Every `ppm level` run has `--check` (validate_level, docs/leveling.md): a broken rule stops the script.
"""
import argparse
import csv
import datetime as dt
import json
import pathlib
import subprocess
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "psplib"


def days(a: str, b: str) -> float:
    f = "%Y-%m-%dT%H:%M"
    return (dt.datetime.strptime(b, f) - dt.datetime.strptime(a, f)).total_seconds() / 86400.0


ORIGIN = "2026-01-05"  # a Monday: `ppm convert` starts the project there
MON_FRI = {"id": "mon-fri", "name": "Mon-Fri 08-17", "week": {
    **{d: ["08:00-12:00", "13:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")}, "sat": [], "sun": []}}


def to_working_days(model: pathlib.Path) -> None:
    """Rewrites a converted model onto MON_FRI: one period (a day of 1440 minutes) = 480 working minutes."""
    m = json.loads(model.read_text(encoding="utf-8"))
    pf = m["portfolio"]
    pf["calendars"].append(MON_FRI)
    pf["default_calendar"] = MON_FRI["id"]
    p = pf["projects"][0]
    p.update(start=ORIGIN + "T08:00", minutes_per_day=480, minutes_per_week=2400)
    for t in p["tasks"]:
        assert t["duration"].endswith("d"), t["duration"]
        t["duration"] = f"{int(t['duration'][:-1]) * 8}h"
    model.write_text(json.dumps(m), encoding="utf-8")


def working_days(finish: str) -> int:
    """Working days from ORIGIN up to and including the finish's date (Mon-Fri)."""
    d, end, n = dt.date.fromisoformat(ORIGIN), dt.date.fromisoformat(finish[:10]), 0
    while d <= end:
        n += d.weekday() < 5
        d += dt.timedelta(days=1)
    return n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--sets", default="j30,j60")
    ap.add_argument("--every", type=int, default=10)
    ap.add_argument("--schedules", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--calendar", choices=["24x7", "mon-fri"], default="24x7")
    ap.add_argument("--level-args", default="")
    a = ap.parse_args()
    ppm = pathlib.Path(a.build) / "apps" / "ppm" / "ppm"
    tmp = pathlib.Path(tempfile.mkdtemp())
    for name in a.sets.split(","):
        rows = list(csv.DictReader(open(DATA / name / "reference.csv", encoding="utf-8")))[:: a.every]
        ref_key = "best_ub" if name == "j30" else "cpm_lb"
        dev_level = dev_rcpsp = dev_one = 0.0
        t_level = t_rcpsp = 0.0
        for row in rows:
            sm = DATA / name / "instances" / row["instance"]
            model = tmp / (row["instance"] + ".json")
            subprocess.run([str(ppm), "convert", str(sm), str(model), "-q"], check=True)
            if a.calendar == "mon-fri":
                to_working_days(model)
            t = time.perf_counter()
            lv = json.loads(subprocess.run([str(ppm), "level", str(model), "--json", "--check", "--seed", str(a.seed)] + a.level_args.split(),
                                           check=True, capture_output=True, text=True).stdout)
            t_level += time.perf_counter() - t
            t = time.perf_counter()
            rc = json.loads(subprocess.run([str(ppm), "rcpsp", str(sm), "--schedules", str(a.schedules), "--seed", str(a.seed), "--json"],
                                           check=True, capture_output=True, text=True).stdout)
            t_rcpsp += time.perf_counter() - t
            if a.calendar == "mon-fri":
                ms_level, ms_one = working_days(lv["portfolio_finish"]), working_days(lv["one_pass_portfolio_finish"])
            else:
                ms_level = days(ORIGIN + "T00:00", lv["portfolio_finish"])
                ms_one = days(ORIGIN + "T00:00", lv["one_pass_portfolio_finish"])
            ref = float(row[ref_key])
            dev_level += (ms_level - ref) / ref * 100.0
            dev_one += (ms_one - ref) / ref * 100.0
            dev_rcpsp += (rc["makespan"] - ref) / ref * 100.0
        n = len(rows)
        what = "optimum" if name == "j30" else "critical-path bound"
        print(f"{name} ({a.calendar}, every {a.every}th, {n} instances), mean deviation from the {what}: "
              f"level {dev_level / n:.3f} % ({t_level:.1f} s), rcpsp {a.schedules} {dev_rcpsp / n:.3f} % ({t_rcpsp:.1f} s), "
              f"one-pass heuristic {dev_one / n:.3f} %")


if __name__ == "__main__":
    main()
