#!/usr/bin/env python3
"""Runs the portfolio-selection benchmark (benchmarks/bench_portfolio.cpp) from a Release build
directory and writes docs/benchmarks/portfolio.md. Builds nothing.

Usage: /usr/bin/python3 scripts/bench_portfolio.py BUILD_DIR [--out docs/benchmarks/portfolio.md]
                                                   [--filter REGEX]
BUILD_DIR must have been configured with -DCMAKE_BUILD_TYPE=Release -DPPM_BUILD_BENCHMARKS=ON and
built with `cmake --build BUILD_DIR --target bench_portfolio`.

Targets (issue 4): 1,000 candidates x 24 periods x 10 roles proven optimal (gap <= 0.1%) in <= 10 s;
a 20-point efficient frontier in <= 60 s. Each solve runs once; time limits are wall-clock seconds
(as users see them), CPU seconds are reported beside them because the build machine is shared.
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import subprocess
import sys

TARGET_SELECT_S = 10.0
TARGET_FRONTIER_S = 60.0


def cpu_model() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build_dir", type=pathlib.Path)
    ap.add_argument("--out", type=pathlib.Path,
                    default=pathlib.Path(__file__).resolve().parent.parent / "docs" / "benchmarks" / "portfolio.md")
    ap.add_argument("--filter", default="BM_")
    ap.add_argument("--notes", type=pathlib.Path, help="Markdown file appended as a Notes section")
    ap.add_argument("--from-json", type=pathlib.Path, nargs="+",
                    help="use existing --benchmark_out JSON files (benchmarks concatenated) instead of running the program")
    args = ap.parse_args()
    if args.from_json:
        data = json.loads(args.from_json[0].read_text())
        for extra in args.from_json[1:]:  # further runs (e.g. one benchmark filtered) appended
            data["benchmarks"] += json.loads(extra.read_text())["benchmarks"]
    else:
        binary = args.build_dir / "benchmarks" / "bench_portfolio"
        if not binary.exists():
            print(f"{binary} not found: configure with -DPPM_BUILD_BENCHMARKS=ON and build bench_portfolio",
                  file=sys.stderr)
            return 2
        out = subprocess.run([str(binary), "--benchmark_format=json", f"--benchmark_filter={args.filter}"],
                             check=True, capture_output=True, text=True).stdout
        data = json.loads(out)
    ctx = data.get("context", {})
    rows_sel, rows_greedy, rows_front, rows_points = [], [], [], []
    verdicts = []
    for b in data["benchmarks"]:
        name = b["name"]
        parts = name.split("/")
        if name.startswith("BM_Select/"):
            n, t, r, seed = parts[1:5]
            wall, cpu = b["wall_s"], b["cpu_s"]
            rows_sel.append(f"| {n} | {t} | {r} | {seed} | {int(b['vars'])} | {int(b['rows'])} | "
                            f"{'optimal' if b['optimal'] else 'not proven'} | {100 * b['gap']:.3f}% | "
                            f"{wall:.2f} | {cpu:.2f} | {int(b['nodes'])} | {b['value']:.4g} | {b['greedy']:.4g} | "
                            f"{b['added_pct']:+.2f}% |")
            if (n, t, r) == ("1000", "24", "10"):
                proven = b["optimal"] and b["gap"] <= 1e-3 + 1e-12
                verdict = ("met" if proven and wall <= TARGET_SELECT_S else
                           "met on CPU time, not on wall time of this loaded machine" if proven and cpu <= TARGET_SELECT_S
                           else "NOT met")
                verdicts.append(f"* 1,000 x 24 x 10 seed {seed}: {verdict} "
                                f"(wall {wall:.2f} s, CPU {cpu:.2f} s, gap {100 * b['gap']:.3f}%)")
        elif name.startswith("BM_Greedy/"):
            n, t, r, seed = parts[1:5]
            rows_greedy.append(f"| {n} | {t} | {r} | {seed} | {b['real_time']:.1f} {b['time_unit']} |")
        elif name.startswith("BM_Frontier/"):
            n, t, r, seed, k, limit = parts[1:7]
            wall, cpu = b["wall_s"], b["cpu_s"]
            rows_front.append(f"| {n} | {t} | {r} | {seed} | {int(b['points'])} | {limit} | {int(b['optimal_points'])} | "
                              f"{int(b.get('reused_points', 0))} | {100 * b['max_gap']:.3f}% | {wall:.1f} | {cpu:.1f} |")
            ok = int(b["optimal_points"]) == int(b["points"]) and b["max_gap"] <= 1e-3 + 1e-12 and wall <= TARGET_FRONTIER_S
            verdicts.append(f"* {k}-point frontier on {n} x {t} x {r}: {'met' if ok else 'NOT met'} "
                            f"(wall {wall:.1f} s, CPU {cpu:.1f} s, {int(b['optimal_points'])} of {int(b['points'])} "
                            f"points within 0.1%, largest gap {100 * b['max_gap']:.2f}%)")
            rows_points += ["", f"Points of the {k}-point frontier with a {limit} s sweep limit:", "",
                            "| point | total budget | value | gap | within 0.1% | reused top | wall s |",
                            "|---:|---:|---:|---:|---|---|---:|"]
            for i in range(int(b["points"])):
                q = f"p{i}_"
                if q + "gap" not in b:
                    break
                rows_points.append(f"| {i} | {b[q + 'budget']:.4g} | {b[q + 'value'] + 0.0:.5g} | {100 * b[q + 'gap']:.3f}% | "
                                   f"{'yes' if b[q + 'optimal'] else 'no'} | {'yes' if b[q + 'reused'] else ''} | "
                                   f"{b[q + 's']:.1f} |")
    lines = [
        "# Portfolio selection benchmark",
        "",
        f"Generated by `scripts/bench_portfolio.py` on {datetime.date.today().isoformat()}, "
        f"{cpu_model()} ({ctx.get('num_cpus', os.cpu_count())} CPUs, load average "
        f"{', '.join(f'{x:.1f}' for x in ctx.get('load_avg', []))}), CBC 2.10 single-threaded, "
        "relative gap 0.1%. Instances from `generate_selection_problem` (seeded): log-uniform project "
        "sizes in three classes, trapezoid cost profiles, 2-4 roles per project, NPV objective, start "
        "windows 0-3 periods, 5% `requires` links and 2% exclusive pairs, per-period and total budgets at "
        "35% of the unconstrained need, capacities at 45%, category balance (transform >= 15%, run <= 50% "
        "of spend) and a total-risk limit.",
        "",
        "Time limits are wall-clock seconds. CPU seconds are the process CPU time of the solve; the machine "
        "was shared with other engineers' builds (see the load average), so wall-clock time can be several "
        "times larger than CPU time. Targets are judged on wall time, with CPU time given beside it.",
        "",
        "## Targets",
        "",
        *verdicts,
        "",
        "## Exact selection vs. greedy ranking",
        "",
        "`added` = how much more value the proven-optimal portfolio has than the greedy ranked list "
        "(by value, each added at its earliest feasible start).",
        "",
        "| candidates | periods | roles | seed | variables | rows | status | gap | wall s | CPU s | nodes | MILP value | greedy value | added |",
        "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        *rows_sel,
        "",
        "## Greedy heuristic time",
        "",
        "| candidates | periods | roles | seed | time |",
        "|---:|---:|---:|---:|---:|",
        *rows_greedy,
        "",
        "## Efficient frontier (warm-started)",
        "",
        "One model built once (budget rows' right-hand sides changed per point); the highest budget solved "
        "first, its selection reused wherever it fits (the flat part of the curve, where capacity binds), its "
        "bound capping every point; other points low to high, warm-started (as a CBC cutoff) from the previous "
        "point's selection. At every solved point the warm start, CBC's incumbent and the LP rounding are "
        "polished by local search (add / swap / drop-and-refill, in value, LP-price and seeded perturbed "
        "orders); values are then carried upward (a selection stays feasible at higher budgets) and bounds "
        "downward. `limit` = whole-sweep wall-clock limit shared by the points still to solve (30% to the "
        "top); CPU s = process CPU time of the sweep (1 thread), so CPU/wall shows the share of a core the "
        "loaded machine gave it.",
        "",
        "| candidates | periods | roles | seed | points | limit s | optimal points | reused points | max gap | wall s | CPU s |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows_front,
        "",
        *rows_points,
        "",
    ]
    if args.notes:
        lines += ["## Notes", "", args.notes.read_text().rstrip(), ""]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
