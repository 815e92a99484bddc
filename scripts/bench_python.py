#!/usr/bin/env python3
"""Binding overhead of ppm.schedule() on a 100k-task CPM vs the same C++ call, side by side in one
run. Builds nothing: give the build directory (configured with -DPPM_BUILD_PYTHON=ON
-DPPM_BUILD_BENCHMARKS=ON, targets ppm_python and bench_python_cpm built).

Usage: /usr/bin/python3 scripts/bench_python.py BUILD_DIR [--tasks 100000] [--reps 7] [--out docs/benchmarks/python.md]
Goal (issue 7): Python time <= 1.10 x C++ time.
"""

import argparse
import datetime as dt
import os
import pathlib
import platform
import re
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]


def build_portfolio(ppm, tasks: int, chain: int = 100):
    """`tasks` one-day tasks in FS chains of `chain` (every 10th link SS with a 2 h lag), 100 per
    project, Mon-Fri 08-12/13-17 calendar."""
    pf = ppm.Portfolio(id="BENCH", default_calendar="STD")
    pf.calendars.append(ppm.Calendar.standard("STD"))
    per_project = 1000
    for p in range(0, tasks, per_project):
        project = ppm.Project(id=f"P{p // per_project}", start=dt.datetime(2026, 1, 5, 8, 0))
        for i in range(p, min(tasks, p + per_project)):
            t = ppm.Task(id=f"T{i}", duration=480 if i % 7 else 240)
            if i % chain:
                if i % 10 == 0:
                    t.predecessors.append(ppm.Dependency(predecessor=f"T{i - 1}", type=ppm.LinkType.START_START,
                                                         lag=ppm.Lag(amount=120)))
                else:
                    t.predecessors.append(ppm.Dependency(predecessor=f"T{i - 1}"))
            project.tasks.append(t)
        pf.projects.append(project)
    return pf


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build_dir", type=pathlib.Path)
    ap.add_argument("--tasks", type=int, default=100_000)
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--out", type=pathlib.Path, default=ROOT / "docs" / "benchmarks" / "python.md")
    args = ap.parse_args()
    sys.path.insert(0, str(args.build_dir / "bindings" / "python"))
    import ppm  # noqa: E402

    exe = args.build_dir / "bindings" / "python" / "bench_python_cpm"
    if not exe.exists():
        print(f"missing {exe}: build target bench_python_cpm (-DPPM_BUILD_BENCHMARKS=ON)", file=sys.stderr)
        return 2
    pf = build_portfolio(ppm, args.tasks)
    with tempfile.TemporaryDirectory() as tmp:
        model = pathlib.Path(tmp) / "bench.json"
        ppm.write_json_file(pf, str(model))
        pf = ppm.read_json_file(str(model))  # exactly the model the C++ program reads
        rows = []
        for rnd in range(3):  # interleave the two sides so machine load hits both alike
            out = subprocess.run([str(exe), str(model), str(args.reps)], capture_output=True, text=True, check=True).stdout
            m = re.search(r"cpp_best_s=([\d.]+) cpp_median_s=([\d.]+) tasks=(\d+) cpp_cpu_best_s=([\d.]+) cpp_cpu_median_s=([\d.]+)", out)
            cpp_best, cpp_med, n = float(m.group(1)), float(m.group(2)), int(m.group(3))
            cpp_cpu_best, cpp_cpu_med = float(m.group(4)), float(m.group(5))
            times, cpu = [], []
            for _ in range(args.reps):
                t0, c0 = time.perf_counter(), time.thread_time()
                r = ppm.schedule(pf)  # runs on this thread (GIL released), so thread CPU time covers it
                cpu.append(time.thread_time() - c0)
                times.append(time.perf_counter() - t0)
            assert len(r) == n
            times.sort()
            cpu.sort()
            rows.append((cpp_best, cpp_med, times[0], times[len(times) // 2], cpp_cpu_best, cpp_cpu_med, cpu[0], cpu[len(cpu) // 2]))
    best = lambda k: min(r[k] for r in rows)  # noqa: E731
    med = lambda k: sorted(r[k] for r in rows)[1]  # noqa: E731
    cpp_best, cpp_med, py_best, py_med = best(0), med(1), best(2), med(3)
    cpp_cpu_best, cpp_cpu_med, py_cpu_best, py_cpu_med = best(4), med(5), best(6), med(7)
    ratio = py_cpu_best / cpp_cpu_best
    wall_ratio = py_best / cpp_best
    verdict = "met" if ratio <= 1.10 else "NOT met"
    load = os.getloadavg()
    lines = [
        "# Python binding overhead (issue 7)",
        "",
        f"`ppm.schedule()` from Python vs `ppm::schedule()` in C++ on the same {n:,}-task model "
        f"({args.tasks // 1000} projects, FS/SS chains of 100, one calendar), {args.reps} repetitions x 3 interleaved rounds, "
        "CPU time of the calling thread and wall time. Produced by `scripts/bench_python.py` (C++ side: `bench_python_cpm`).",
        "",
        "| side | CPU best (s) | CPU median (s) | wall best (s) | wall median (s) |",
        "|---|---:|---:|---:|---:|",
        f"| C++ `ppm::schedule` | {cpp_cpu_best:.4f} | {cpp_cpu_med:.4f} | {cpp_best:.4f} | {cpp_med:.4f} |",
        f"| Python `ppm.schedule` | {py_cpu_best:.4f} | {py_cpu_med:.4f} | {py_best:.4f} | {py_med:.4f} |",
        "",
        f"Overhead (CPU best/best): **{(ratio - 1) * 100:+.1f}%** -- goal <= +10%: **{verdict}** "
        f"(wall best/best: {(wall_ratio - 1) * 100:+.1f}%; wall times move with the load of the shared machine).",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} CPUs, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, "
        f"Python {platform.python_version()}, {dt.datetime.utcnow():%Y-%m-%d %H:%M} UTC.",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
