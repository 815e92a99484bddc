#!/usr/bin/env python3
"""PSPLIB benchmark of the RCPSP solver (issue 3): writes docs/benchmarks/leveling.md.

Usage: /usr/bin/python3 scripts/bench_leveling.py BUILD_DIR [--sets j30,j60] [--budgets 1000,5000,50000]
                                                  [--seed 1] [--limit N]

Runs the `ppm rcpsp FILE --schedules N --seed S --json` command line (the fixed interface) of
BUILD_DIR on every instance of the shared PSPLIB sets, one process at a time (one core), and reports
the standard metrics of Kolisch & Hartmann (2006): mean % deviation from the optimum (j30, j30opt.sm),
from the critical-path bound and from the best known upper bound (j60, j60hrs.sm), with wall time.
It also runs BUILD_DIR/benchmarks/bench_leveling (Google Benchmark) when present for the speed goal.
Builds nothing.
"""

import argparse
import csv
import json
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "psplib"
OUT = ROOT / "docs" / "benchmarks" / "leveling.md"
TARGETS = {("j30", 5000): "<= 0.03 % from optimum", ("j60", 5000): "<= 11.0 % from CP bound",
           ("j30", 50000): "<= 0.01 % from optimum", ("j60", 50000): "<= 10.6 % from CP bound"}


def run_set(ppm: pathlib.Path, name: str, budget: int, seed: int, limit: int) -> dict:
    rows = list(csv.DictReader(open(DATA / name / "reference.csv", encoding="utf-8")))
    if limit:
        rows = rows[:limit]
    dev_ub = dev_cp = 0.0
    hits = optimal = 0
    solver_seconds = 0.0
    started = time.perf_counter()
    for row in rows:
        path = DATA / name / "instances" / row["instance"]
        out = subprocess.run([str(ppm), "rcpsp", str(path), "--schedules", str(budget), "--seed", str(seed), "--json"],
                             capture_output=True, text=True, check=True).stdout
        result = json.loads(out)
        makespan = result["makespan"]
        cp, ub = int(row["cpm_lb"]), int(row["best_ub"])
        if makespan < int(row["best_lb"]):
            raise SystemExit(f"{row['instance']}: makespan {makespan} below the known lower bound {row['best_lb']}")
        dev_ub += 100.0 * (makespan - ub) / ub
        dev_cp += 100.0 * (makespan - cp) / cp
        hits += makespan <= ub
        optimal += result["status"] == "optimal"
        solver_seconds += result["seconds"]
        if result["schedules"] > budget:
            raise SystemExit(f"{row['instance']}: {result['schedules']} schedules used for a budget of {budget}")
    wall = time.perf_counter() - started
    n = len(rows)
    return {"set": name, "budget": budget, "n": n, "dev_ub": dev_ub / n, "dev_cp": dev_cp / n, "hits": hits,
            "proven": optimal, "solver_s": solver_seconds, "wall_s": wall}


def speed(build: pathlib.Path) -> list:
    exe = build / "benchmarks" / "bench_leveling"
    if not exe.exists():
        return []
    out = subprocess.run([str(exe), "--benchmark_format=json", "--benchmark_repetitions=3",
                          "--benchmark_filter=BM_(serial|justify|solve|mrcpsp|rcpsp)",
                          "--benchmark_report_aggregates_only=true"], capture_output=True, text=True, check=True)
    rows = []
    for b in json.loads(out.stdout)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            rows.append((b["run_name"], b["real_time"], b["cpu_time"], b["time_unit"], b.get("makespan")))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build")
    ap.add_argument("--sets", default="j30,j60")
    ap.add_argument("--budgets", default="1000,5000,50000")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--limit", type=int, default=0, help="only the first N instances of each set (smoke runs)")
    ap.add_argument("--ppm", default="", help="ppm executable (default BUILD/apps/ppm/ppm)")
    ap.add_argument("--reuse", action="store_true",
                    help="reuse the set results saved by the last run (docs/benchmarks/leveling.json); rerun speed only")
    args = ap.parse_args()
    build = pathlib.Path(args.build).resolve()
    ppm = pathlib.Path(args.ppm).resolve() if args.ppm else build / "apps" / "ppm" / "ppm"
    if not ppm.exists() and not args.reuse:
        sys.exit(f"{ppm} not found: build the ppm_cli target first (Release)")
    saved = OUT.with_suffix(".json")
    if args.reuse:
        results = json.loads(saved.read_text(encoding="utf-8"))
    else:
        results = []
        for name in args.sets.split(","):
            for budget in (int(b) for b in args.budgets.split(",")):
                r = run_set(ppm, name, budget, args.seed, args.limit)
                print(f"{name} {budget}: {r}", file=sys.stderr)
                results.append(r)
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(results, indent=1), encoding="utf-8")
    lines = ["## Levelling: RCPSP on PSPLIB (`scripts/bench_leveling.py`)", "",
             "Solver: bi-population GA with double justification (docs/leveling.md); one thread, seed "
             f"{args.seed}; budget in generated schedules (every SGS pass, forward or backward, counts one, as in"
             " Kolisch & Hartmann 2006). Each instance is one `ppm rcpsp FILE --schedules N --json` call.", "",
             "| set | schedules | instances | mean dev. from optimum / best known | mean dev. from CP bound "
             "| best known reached | proven optimal | solver time total (s) | mean per instance (ms) | target |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in results:
        target = TARGETS.get((r["set"], r["budget"]), "")
        lines.append(f"| {r['set']} | {r['budget']:,} | {r['n']} | {r['dev_ub']:.3f} % | {r['dev_cp']:.2f} % | "
                     f"{r['hits']} | {r['proven']} | {r['solver_s']:.1f} | {1000 * r['solver_s'] / r['n']:.1f} | "
                     f"{target} |")
    lines += ["", "j30: the optimum is known for all 480 instances (j30opt.sm), so the deviation from best known is "
              "the deviation from the optimum. j60: best known = j60hrs.sm; CP bound = critical path (MPM-Time).",
              "\"proven optimal\" counts runs whose makespan met the solver's own lower bound (critical path or "
              "energy bound)."]
    load = os.getloadavg()[0]
    lines += ["", f"Machine load when the speed table was measured: load average {load:.1f} on {os.cpu_count()} cores "
              "(wall times grow with load; CPU time is the better figure on a shared machine)."]
    sp = speed(build)
    if sp:
        lines += ["", "Speed (Google Benchmark `bench_leveling`, median of 3, one thread). `serial_sgs` and `justify` "
                  "are the public one-shot functions (they build their workspace per call); `solve` is the whole GA:", "",
                  "| benchmark | wall time | CPU time | makespan |", "|---|---:|---:|---:|"]
        for name, t, cpu, unit, ms in sp:
            lines.append(f"| {name} | {t:.3f} {unit} | {cpu:.3f} {unit} | {'' if ms is None else int(ms)} |")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
