#!/usr/bin/env python3
"""Fuzzing `ppm level` with random plans, checked by its own independent checker (`--check`,
validate_level: docs/leveling.md, "Checking a levelled schedule").

Each case is a seeded random portfolio: 1-4 projects of 1-25 tasks on four calendars (Mon-Fri,
six days, 24/7, night shifts with a midnight break) with holidays and short days; summaries and
milestones; FS/SS/FF/SF links with working, elapsed and percent lags and leads, lag calendars,
links across projects; SNET/SNLT/FNET/FNLT/MSO/MFO/ALAP/mandatory/start-on constraints, honoured
or not; priorities up to 1000; 1-5 resources (some material or cost) with fractional units and
availability periods (some of 0 units, some covering the start); a task assigned one resource
twice; progress at a status date. Each is levelled once with random options (`--split`,
`--within-float`, `--objective finish`, the priority method or 20-400 schedules, two threads).
A crash, a hang (60 s), an exit code other than 0, 1 (a broken rule) or 3 (bad input), or a
broken rule keeps the case in OUT and is printed; bad input is counted (the generator may make a
cycle). Exit status 1 when anything was kept.

With `--cpm` the same plans go through the CPM alone instead (the Python module of BUILD_DIR:
`ppm.schedule`, then `ppm.validate_schedule`): a broken rule is kept the same way.

Usage: /usr/bin/python3 scripts/fuzz_level.py BUILD_DIR [--seconds 60] [--seed 1] [--out DIR] [--cpm]
Builds nothing; one process at a time. Long runs belong outside a session (docs/fuzzing.md).
"""
import argparse
import datetime as dt
import json
import pathlib
import random
import subprocess
import sys
import time

ORIGIN = dt.datetime(2026, 3, 2, 8, 0)  # a Monday


def inst(t: dt.datetime) -> str:
    return t.strftime('%Y-%m-%dT%H:%M')


def model(rng: random.Random) -> dict:
    cals = [
        {"id": "std", "week": {d: ["08:00-12:00", "13:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")} | {"sat": [], "sun": []}},
        {"id": "six", "week": {d: ["07:00-15:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat")} | {"sun": []}},
        {"id": "all", "week": {d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}},
        {"id": "night", "week": {d: ["22:00-24:00", "00:00-06:00"] for d in ("mon", "tue", "wed", "thu", "fri")} | {"sat": [], "sun": []}},
    ]
    cals[-1]["week"] = {d: sorted(v) for d, v in cals[-1]["week"].items()}
    if rng.random() < 0.7:  # holidays
        for c in cals[:2]:
            day = ORIGIN + dt.timedelta(days=rng.randint(0, 60))
            c["exceptions"] = [{"date": day.strftime('%Y-%m-%d')}]
            if rng.random() < 0.5:
                d2 = day + dt.timedelta(days=rng.randint(1, 5))
                c["exceptions"].append({"from": (d2 + dt.timedelta(days=1)).strftime('%Y-%m-%d'),
                                        "to": (d2 + dt.timedelta(days=rng.randint(1, 4))).strftime('%Y-%m-%d')})
            if rng.random() < 0.3:
                c["exceptions"].append({"date": (day + dt.timedelta(days=9)).strftime('%Y-%m-%d'), "hours": ["10:00-14:00"]})
    nres = rng.randint(1, 5)
    resources = []
    for r in range(nres):
        res = {"id": f"R{r}", "name": f"R{r}", "max_units": rng.choice([0.5, 1, 1, 2, 3, 1.5])}
        if rng.random() < 0.15:
            res["type"] = rng.choice(["material", "cost"])
        if rng.random() < 0.5:
            av = []
            for _ in range(rng.randint(1, 3)):
                a = ORIGIN + dt.timedelta(days=rng.randint(-5, 40), hours=rng.choice([0, 0, 4, 9]))
                b = a + dt.timedelta(days=rng.randint(1, 20))
                av.append({"from": inst(a), "to": inst(b), "units": rng.choice([0, 0.5, 1, 2, 3])})
            res["availability"] = av
        resources.append(res)
    status = ORIGIN + dt.timedelta(days=rng.randint(3, 20)) if rng.random() < 0.3 else None
    projects = []
    all_ids = []
    for p in range(rng.randint(1, 4)):
        n = rng.randint(1, 25)
        pid = f"P{p}"
        start = ORIGIN + dt.timedelta(days=rng.randint(0, 5), hours=rng.choice([0, 1, 3]))
        proj = {"id": pid, "name": pid, "start": inst(start), "priority": rng.choice([100, 500, 500, 900]),
                "tasks": []}
        if rng.random() < 0.5:
            proj["calendar"] = rng.choice(["std", "six", "all", "night"])
        if rng.random() < 0.3:
            proj["delay_weight"] = rng.choice([0, 0.5, 2, 10])
        if rng.random() < 0.2:
            proj["honor_constraints"] = False
        ids = []
        summaries = []
        for i in range(n):
            tid = f"{pid}.T{i}"
            t = {"id": tid, "name": tid}
            if i >= 2 and rng.random() < 0.12:  # a summary: later tasks may be its children
                t["duration"] = 0
                summaries.append(tid)
                proj["tasks"].append(t)
                ids.append(tid)
                continue
            if summaries and rng.random() < 0.4:
                t["parent"] = rng.choice(summaries)
            dur = rng.choice([0, 30, 60, 240, 480, 960, 1440, 2400, 4800, 137])
            t["duration"] = dur
            if rng.random() < 0.2:
                t["calendar"] = rng.choice(["std", "six", "all", "night"])
            if rng.random() < 0.2:
                t["priority"] = rng.choice([0, 200, 800, 1000])
            preds = []
            cands = [x for x in ids if x not in summaries]
            for q in rng.sample(cands, min(len(cands), rng.randint(0, 3))):
                d = {"task": q, "type": rng.choice(["FS", "FS", "FS", "SS", "FF", "SF"])}
                u = rng.random()
                if u < 0.2:
                    d["lag"] = rng.choice([60, 480, "1d", "-2h", "-1d", "3d"])
                elif u < 0.3:
                    d["lag"] = rng.choice([120, 1440, "-4h"])
                    d["lag_unit"] = "elapsed"
                elif u < 0.36:
                    d["lag_unit"] = "percent"
                    d["lag_percent"] = rng.choice([0, 25, 50, 100])
                if rng.random() < 0.15:
                    d["lag_calendar"] = rng.choice(["predecessor", "successor", "project", "24h"])
                preds.append(d)
            if all_ids and rng.random() < 0.1:  # a link from another project
                preds.append({"task": rng.choice(all_ids)})
            if preds:
                t["predecessors"] = preds
            if rng.random() < 0.15:
                c = rng.choice(["SNET", "SNLT", "FNET", "FNLT", "MSO", "MFO", "ALAP", "MANDSTART", "SO"])
                t["constraint"] = {"type": c}
                if c != "ALAP":
                    t["constraint"]["date"] = inst(start + dt.timedelta(days=rng.randint(0, 30), hours=rng.choice([0, 2, 9])))
            asg = []
            for r in rng.sample(range(nres), rng.randint(0, min(2, nres))):
                asg.append({"resource": f"R{r}", "units": rng.choice([0.25, 0.5, 1, 1, 2])})
            if asg and rng.random() < 0.05:
                asg.append(dict(asg[0]))  # the same resource twice
            if asg:
                t["assignments"] = asg
            if status is not None and dur > 0 and rng.random() < 0.3:
                a = status - dt.timedelta(days=rng.randint(1, 6))
                if rng.random() < 0.5:
                    t["progress"] = {"actual_start": inst(a), "actual_finish": inst(a + dt.timedelta(hours=rng.randint(1, 48))), "percent_complete": 100}
                else:
                    t["progress"] = {"actual_start": inst(a), "percent_complete": rng.choice([10, 50, 90])}
            proj["tasks"].append(t)
            ids.append(tid)
        # summaries with no children become plain zero-length tasks: fine
        all_ids += ids
        projects.append(proj)
    pf = {"id": "fz", "name": "fz", "default_calendar": "std", "calendars": cals, "resources": resources,
          "programs": [], "projects": projects}
    if status is not None:
        pf["status_date"] = inst(status)
    return {"format": "ppm", "version": 1, "portfolio": pf}


def fuzz_cpm(a: argparse.Namespace) -> None:
    sys.path.insert(0, str(pathlib.Path(a.build).resolve() / "bindings" / "python"))
    import ppm  # noqa: E402  (the module of BUILD_DIR)
    out = pathlib.Path(a.out or pathlib.Path(a.build) / "fuzz-cpm")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(a.seed)
    end = time.time() + a.seconds
    runs = bad_input = kept = 0
    while time.time() < end:
        runs += 1
        m = model(rng)
        try:
            pf = ppm.read_json(json.dumps(m))
            result = ppm.schedule(pf)
        except ppm.Error:
            bad_input += 1
            continue
        broken = ppm.validate_schedule(pf, result)
        if broken:
            kept += 1
            path = out / f"broken_{a.seed}_{runs}.json"
            path.write_text(json.dumps(m))
            print("broken", path, [(str(v.kind), v.task, v.message[:200]) for v in broken[:3]], flush=True)
    print(f"{runs} plans scheduled and checked, {bad_input} refused as bad input, {kept} kept in {out}")
    sys.exit(1 if kept else 0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="")
    ap.add_argument("--cpm", action="store_true", help="the CPM and validate_schedule (Python module) instead of ppm level")
    a = ap.parse_args()
    if a.cpm:
        return fuzz_cpm(a)
    ppm = pathlib.Path(a.build) / "apps" / "ppm" / "ppm"
    out = pathlib.Path(a.out or pathlib.Path(a.build) / "fuzz-level")
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(a.seed)
    end = time.time() + a.seconds
    runs = bad_input = kept = 0
    case = out / f"case_{a.seed}.json"
    while time.time() < end:
        runs += 1
        m = model(rng)
        case.write_text(json.dumps(m))
        opts = []
        if rng.random() < 0.4:
            opts.append("--split")
        if rng.random() < 0.25:
            opts.append("--within-float")
        if rng.random() < 0.3:
            opts += ["--objective", "finish"]
        if rng.random() < 0.3:
            opts += ["--method", "priority", "--passes", str(rng.choice([1, 4]))]
        else:
            opts += ["--schedules", str(rng.choice([20, 100, 400]))]
        if rng.random() < 0.2:
            opts += ["--threads", "2"]
        name = f"{a.seed}_{runs}.json"
        try:
            r = subprocess.run([str(ppm), "level", str(case), "--check", "--json", "--seed", str(runs)] + opts,
                               capture_output=True, text=True, timeout=60)
        except subprocess.TimeoutExpired:
            kept += 1
            (out / ("hang_" + name)).write_text(json.dumps(m))
            print("hang", out / ("hang_" + name), " ".join(opts), flush=True)
            continue
        if r.returncode == 3:
            bad_input += 1
            continue
        if r.returncode not in (0, 1):
            kept += 1
            (out / (f"rc{r.returncode}_" + name)).write_text(json.dumps(m))
            print("exit", r.returncode, out / (f"rc{r.returncode}_" + name), " ".join(opts), r.stderr[-300:], flush=True)
            continue
        check = json.loads(r.stdout)["check"]
        if check["broken"]:
            kept += 1
            (out / ("broken_" + name)).write_text(json.dumps(m))
            print("broken", out / ("broken_" + name), " ".join(opts),
                  [(v["kind"], v["task"], v["message"][:200]) for v in check["violations"][:3]], flush=True)
    print(f"{runs} plans levelled and checked, {bad_input} refused as bad input, {kept} kept in {out}")
    sys.exit(1 if kept else 0)


if __name__ == "__main__":
    main()
