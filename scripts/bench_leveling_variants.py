#!/usr/bin/env python3
"""Multi-mode (MRCPSP) and RCPSP/max benchmark (issue 3): writes docs/benchmarks/leveling_variants.md.

Usage: /usr/bin/python3 scripts/bench_leveling_variants.py BUILD_DIR [--budgets 1000,5000] [--seed 1]
                                                           [--sets mm/j10,mm/j20,mm/j30,max/j10,max/j20,max/j30]
                                                           [--limit N] [--ppm PATH] [--reuse]

Runs `ppm rcpsp FILE --schedules N --seed S --json` of BUILD_DIR (apps/ppm/ppm; when it is not built,
`benchmarks/bench_leveling --solve FILE ...`, which prints the same JSON) on every instance of
the shared sets ../shared/data/psplib/mrcpsp/<set> (.mm) and rcpsp-max/<set> (.sch), one process at a
time, and reports: instances with a schedule found vs. instances with a known feasible solution, proven
infeasible, mean % deviation from the optimum / best known (PSPLIB j10opt.mm, j20opt.mm, j30hrs.mm;
kobe-scheduling optimum.csv; open instances "lb..ub" are compared with the ub), schedules reaching
it, and CPU time. Every .mm result is re-checked here in Python (precedence, renewable capacity per
period, non-renewable budgets) and every .sch result likewise (all lags, capacity per period), so
the table does not trust the solver. Builds nothing.
"""

import argparse
import csv
import json
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "psplib"
OUT = ROOT / "docs" / "benchmarks" / "leveling_variants.md"


def read_mm(path: pathlib.Path) -> dict:
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    n = int(re.search(r"jobs \(incl\. supersource/sink \):\s*(\d+)", "\n".join(lines)).group(1))
    i = next(k for k, l in enumerate(lines) if l.startswith("PRECEDENCE RELATIONS"))
    succ = []
    for l in lines[i + 2:i + 2 + n]:
        f = [int(x) for x in l.split()]
        succ.append([s - 1 for s in f[3:3 + f[2]]])
    i = next(k for k, l in enumerate(lines) if l.startswith("REQUESTS/DURATIONS"))
    modes = [[] for _ in range(n)]
    job, full = -1, 0
    for l in lines[i + 3:]:
        if l.startswith("*"):
            break
        f = [int(x) for x in l.split()]
        if not f:
            continue
        if full == 0:
            full = len(f)  # the first row starts with the job number
        if len(f) == full:
            job, f = f[0] - 1, f[1:]
        modes[job].append(f[1:])  # drop the mode number: duration, R..., N...
    i = next(k for k, l in enumerate(lines) if l.startswith("RESOURCEAVAILABILITIES"))
    caps = [int(x) for x in lines[i + 2].split()]
    return {"n": n, "succ": succ, "modes": modes, "caps": caps}


def check_mm(p: dict, modes: list, starts: list, R: int) -> str:
    n = p["n"]
    if len(modes) != n or len(starts) != n:
        return "wrong sizes"
    rows = [p["modes"][j][modes[j] - 1] for j in range(n)]
    for j in range(n):
        for s in p["succ"][j]:
            if starts[s] < starts[j] + rows[j][0]:
                return f"precedence {j + 1}->{s + 1}"
    end = max(starts[j] + rows[j][0] for j in range(n))
    for t in range(end):
        for k in range(R):
            if sum(rows[j][1 + k] for j in range(n) if starts[j] <= t < starts[j] + rows[j][0]) > p["caps"][k]:
                return f"renewable {k + 1} at {t}"
    for k in range(R, len(p["caps"])):
        if sum(rows[j][1 + k] for j in range(n)) > p["caps"][k]:
            return f"non-renewable {k + 1 - R}"
    return ""


def read_sch(path: pathlib.Path) -> dict:
    lines = [l.split() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    n, K = int(lines[0][0]) + 2, int(lines[0][1])
    arcs = []
    for f in lines[1:1 + n]:
        j, c = int(f[0]), int(f[2])
        for s, lag in zip(f[3:3 + c], f[3 + c:3 + 2 * c]):
            arcs.append((j, int(s), int(lag.strip("[]"))))
    dur, dem = [], []
    for f in lines[1 + n:1 + 2 * n]:
        dur.append(int(f[2]))
        dem.append([int(x) for x in f[3:3 + K]])
    caps = [int(x) for x in lines[1 + 2 * n][:K]]
    return {"n": n, "arcs": arcs, "dur": dur, "dem": dem, "caps": caps}


def check_sch(p: dict, starts: list) -> str:
    if len(starts) != p["n"]:
        return "wrong sizes"
    for a, b, lag in p["arcs"]:
        if starts[b] < starts[a] + lag:
            return f"lag {a}->{b}"
    end = max(s + d for s, d in zip(starts, p["dur"]))
    for t in range(end):
        for k, cap in enumerate(p["caps"]):
            if sum(p["dem"][j][k] for j in range(p["n"]) if starts[j] <= t < starts[j] + p["dur"][j]) > cap:
                return f"resource {k + 1} at {t}"
    return ""


def reference(kind: str, name: str) -> dict:
    """instance -> (status, value): status optimal/best_known/unsat/open/unknown."""
    out = {}
    if kind == "mm":
        for r in csv.DictReader(open(DATA / "mrcpsp" / name / "reference.csv", encoding="utf-8")):
            st = r["status"]
            out[r["instance"]] = (st, int(r["makespan"]) if r["makespan"] else None)
    else:
        for r in csv.DictReader(open(DATA / "rcpsp-max" / name / "optimum.csv", encoding="utf-8")):
            v = r["optimum"]
            if v == "unsat":
                out[r["problem"]] = ("infeasible", None)
            elif ".." in v:
                out[r["problem"]] = ("open", int(v.split("..")[1]))
            else:
                out[r["problem"]] = ("optimal", int(v))
    return out


def run_set(ppm: pathlib.Path, kind: str, name: str, budget: int, seed: int, limit: int) -> dict:
    folder = DATA / ("mrcpsp" if kind == "mm" else "rcpsp-max") / name / "instances"
    files = sorted(folder.iterdir())
    if limit:
        files = files[:limit]
    ref = reference(kind, name)
    res = {"set": f"{'MRCPSP' if kind == 'mm' else 'RCPSP/max'} {name}", "budget": budget, "n": len(files),
           "known_feasible": 0, "found": 0, "proven_infeasible": 0, "compared": 0, "dev": 0.0, "hits": 0,
           "better": 0, "cpu_s": 0.0, "checked": 0}
    for path in files:
        st, value = ref.get(path.name, ("unknown", None))
        if ppm.name == "bench_leveling":
            cmd = [str(ppm), "--solve", str(path), "--schedules", str(budget), "--seed", str(seed)]
        else:
            cmd = [str(ppm), "rcpsp", str(path), "--schedules", str(budget), "--seed", str(seed), "--json"]
        out = subprocess.run(cmd, capture_output=True, text=True)
        result = json.loads(out.stdout)
        res["cpu_s"] += result["cpu_seconds"]
        if st in ("optimal", "best_known", "open"):
            res["known_feasible"] += 1
        if result["status"] == "infeasible":
            res["proven_infeasible"] += 1
            if st in ("optimal", "best_known", "open"):
                raise SystemExit(f"{path.name}: solver says infeasible, the table has a solution")
        if not result["start_times"]:
            continue
        res["found"] += 1
        if kind == "mm":
            R = len(read_mm(path)["caps"]) - 2
            problem = check_mm(read_mm(path), result["modes"], result["start_times"], R)
        else:
            problem = check_sch(read_sch(path), result["start_times"])
        if problem:
            raise SystemExit(f"{path.name}: infeasible schedule ({problem})")
        res["checked"] += 1
        if value is not None:
            ms = result["makespan"]
            if st == "optimal" and ms < value:
                raise SystemExit(f"{path.name}: makespan {ms} below the optimum {value}")
            res["compared"] += 1
            res["dev"] += 100.0 * (ms - value) / value
            res["hits"] += ms <= value
            res["better"] += ms < value
    res["dev"] = res["dev"] / max(res["compared"], 1)
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build")
    ap.add_argument("--sets", default="mm/j10,mm/j20,mm/j30,max/j10,max/j20,max/j30")
    ap.add_argument("--budgets", default="1000,5000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--ppm", default="")
    ap.add_argument("--reuse", action="store_true", help="re-render the saved results (leveling_variants.json)")
    args = ap.parse_args()
    build = pathlib.Path(args.build).resolve()
    ppm = pathlib.Path(args.ppm).resolve() if args.ppm else build / "apps" / "ppm" / "ppm"
    saved = OUT.with_suffix(".json")
    if args.reuse:
        results = json.loads(saved.read_text(encoding="utf-8"))
    else:
        if not ppm.exists():
            ppm = build / "benchmarks" / "bench_leveling"  # same solvers, same JSON (--solve mode)
        if not ppm.exists():
            sys.exit(f"neither apps/ppm/ppm nor benchmarks/bench_leveling in {build}: build one (Release)")
        results = []
        for spec in args.sets.split(","):
            kind, name = spec.split("/")
            for budget in (int(b) for b in args.budgets.split(",")):
                r = run_set(ppm, kind, name, budget, args.seed, args.limit)
                print(f"{spec} {budget}: {r}", file=sys.stderr)
                results.append(r)
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(results, indent=1), encoding="utf-8")
    lines = ["## Levelling: multi-mode RCPSP and RCPSP/max (`scripts/bench_leveling_variants.py`)", "",
             f"One `ppm rcpsp FILE --schedules N --seed {args.seed} --json` (or `bench_leveling --solve`) call per instance, one thread. Every "
             "schedule is re-checked by the script (precedence or generalised lags, renewable capacity in every "
             "period, non-renewable budgets). Deviation: mean % over instances with a published value "
             "(optimum; j30 .mm: best known from j30hrs.mm; open RCPSP/max instances: their upper bound).", "",
             "| set | schedules | files | known feasible | schedule found | proven infeasible | compared "
             "| mean dev. | reached | improved | CPU total (s) | CPU mean (ms) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['set']} | {r['budget']:,} | {r['n']} | {r['known_feasible']} | {r['found']} | "
                     f"{r['proven_infeasible']} | {r['compared']} | {r['dev']:.2f} % | {r['hits']} | {r['better']} | "
                     f"{r['cpu_s']:.1f} | {1000 * r['cpu_s'] / max(r['n'], 1):.1f} |")
    lines += ["", "\"known feasible\": the reference table has a makespan for the file; \"reached\": makespan <= that "
              "value; \"improved\": below a best-known (non-optimal) value.",
              "", f"Machine load average when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (CPU time "
              "is the per-process figure)."]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
