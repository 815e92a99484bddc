#!/usr/bin/env python3
"""`ppm level` against TaskJuggler on the same generated projects (issue 18: "against TaskJuggler
on the same projects").

Each project is generated once (seeded) and written twice: as a TaskJuggler 3 project (`.tjp`) and
as a ppm model (`.json`), with the same working time (Monday to Friday, 8 hours a day, no
holidays), the same people (resources of one unit each) and the same work:
  * N tasks, each with an effort of 1-10 person-days done by one person (80 %) or by two people
    together (20 %, effort even, both `mandatory` in TaskJuggler: a slot is booked only when both
    are free); in ppm a task of duration effort / people with an assignment of 1 unit per person;
  * finish-to-start dependencies: each task after up to three of the 40 tasks before it;
  * first table: one project at the default priority (500 in both tools); second table: K
    projects of N / K tasks on the same people, each with a priority of 300-700 (TaskJuggler: the
    priority of the project's parent task, which its tasks inherit; ppm: the project's priority).
TaskJuggler levels while it schedules: it books effort slot by slot, tasks in priority order and
then by path criticality, and a task's effort may be interrupted (booked around other tasks).
ppm is run as the one-pass heuristic (`--method priority --passes 1`, what MS Project and P6 do),
by default (`ppm level`: the GA, tasks never interrupted) and with `--split` (tasks may be
interrupted, as TaskJuggler's effort tasks are); the second table adds `--objective finish`. The
finish is compared in working days from the project start (the last working day with work in it).

Usage: /usr/bin/python3 scripts/compare_taskjuggler.py BUILD_DIR [--tasks 1000] [--people 20] [--plans 4]
       [--portfolio 5] [--seed 1] [--tj3 tj3] [--out docs/benchmarks/taskjuggler.md]
Needs `tj3` (Debian package tj3). Builds nothing; one process at a time.
Every `ppm level` run has `--check` (validate_level, docs/leveling.md): a broken rule stops the script.
"""
import argparse
import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from compare_level_rcpsp import ORIGIN, working_days  # noqa: E402  (a Monday; Mon-Fri days up to a finish)

ROOT = pathlib.Path(__file__).resolve().parents[1]


def generate(n: int, people: int, rng: random.Random) -> list:
    """Tasks as dicts: id, effort (person-days), people (indices), predecessors (ids)."""
    tasks = []
    for i in range(n):
        two = people > 1 and rng.random() < 0.2
        who = rng.sample(range(people), 2 if two else 1)
        effort = rng.randint(1, 5) * 2 if two else rng.randint(1, 10)
        lo = max(0, i - 40)
        preds = sorted(set(rng.sample(range(lo, i), min(i - lo, rng.randint(0, 3))))) if i > 0 else []
        tasks.append({"id": f"t{i + 1}", "effort": effort, "people": who, "preds": [f"t{p + 1}" for p in preds]})
    return tasks


def bounds(tasks: list, people: int) -> tuple:
    """Lower bounds in working days: the longest path, and the busiest person's work."""
    finish = {}
    for t in tasks:  # generated in topological order
        finish[t["id"]] = max([finish[q] for q in t["preds"]], default=0) + t["effort"] // len(t["people"])
    load = [0] * people
    for t in tasks:
        for k in t["people"]:
            load[k] += t["effort"] // len(t["people"])
    return max(finish.values()), max(load)


def write_tjp(path: pathlib.Path, projects: list, people: int) -> None:
    out = [f'project p "generated" {ORIGIN} +4y {{', '  timezone "UTC"', '  timingresolution 60min',
           '  workinghours mon - fri 9:00 - 12:00, 13:00 - 18:00', '  workinghours sat, sun off', '}']
    out += [f'resource r{k + 1} "R{k + 1}"' for k in range(people)]
    for p, (priority, tasks) in enumerate(projects):
        out.append(f'task p{p + 1} "P{p + 1}" {{')
        out.append(f'  priority {priority}')
        for t in tasks:
            out.append(f'  task {t["id"]} "{t["id"]}" {{')
            out.append(f'    effort {t["effort"]}d')
            if len(t["people"]) == 1:
                out.append(f'    allocate r{t["people"][0] + 1}')
            else:
                for k in t["people"]:
                    out.append(f'    allocate r{k + 1} {{ mandatory }}')
            if t["preds"]:
                out.append('    depends ' + ', '.join("!" + q for q in t["preds"]))
            out.append('  }')
        out.append('}')
    out += ['taskreport tr "tj_out" {', '  formats csv', '  columns id, start, end', '  timeformat "%Y-%m-%d %H:%M"', '}']
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_model(path: pathlib.Path, projects: list, people: int) -> None:
    cal = {"id": "std", "name": "Mon-Fri 8h", "week": {d: ["09:00-12:00", "13:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")}}
    for d in ("sat", "sun"):
        cal["week"][d] = []
    out = []
    for p, (priority, tasks) in enumerate(projects):
        ptasks = []
        for t in tasks:
            k = len(t["people"])
            task = {"id": f'p{p + 1}.{t["id"]}', "name": t["id"], "duration": f'{t["effort"] // k}d',
                    "assignments": [{"resource": f"R{q + 1}", "units": 1.0} for q in t["people"]]}
            if t["preds"]:
                task["predecessors"] = [{"task": f"p{p + 1}.{q}"} for q in t["preds"]]
            ptasks.append(task)
        out.append({"id": f"p{p + 1}", "name": f"P{p + 1}", "start": f"{ORIGIN}T09:00", "priority": priority,
                    "minutes_per_day": 480, "minutes_per_week": 2400, "tasks": ptasks})
    model = {"format": "ppm", "version": 1, "portfolio": {
        "id": "generated", "name": "generated", "default_calendar": "std", "calendars": [cal],
        "resources": [{"id": f"R{k + 1}", "name": f"R{k + 1}", "max_units": 1.0} for k in range(people)],
        "programs": [], "projects": out}}
    path.write_text(json.dumps(model), encoding="utf-8")


def run_tj(tj3: str, tjp: pathlib.Path) -> tuple:
    """Each project's finish (working days) and the seconds TaskJuggler took."""
    t0 = time.perf_counter()
    subprocess.run([tj3, "--no-color", "--silent", "-o", str(tjp.parent), str(tjp)], check=True, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    finish = {}
    for line in (tjp.parent / "tj_out.csv").read_text(encoding="utf-8").splitlines()[1:]:
        task, _, end = (f.strip('"') for f in line.split(";"))
        project = task.split(".")[0]
        end_days = working_days(end)
        finish[project] = max(finish.get(project, 0), end_days)
    return finish, secs


def run_ppm(ppm: pathlib.Path, model: pathlib.Path, extra: list, seed: int) -> tuple:
    """Each project's levelled finish (working days) and the seconds `ppm level` took."""
    t0 = time.perf_counter()
    r = subprocess.run([str(ppm), "level", str(model), "--json", "--check", "--seed", str(seed)] + extra, check=True, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    lv = json.loads(r.stdout)
    return {p["id"]: working_days(p["finish"]) for p in lv["projects"]}, secs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("build")
    ap.add_argument("--tasks", type=int, default=1000, help="tasks per generated plan")
    ap.add_argument("--people", type=int, default=20)
    ap.add_argument("--plans", type=int, default=4, help="generated plans per table (seeds seed..seed+plans-1)")
    ap.add_argument("--portfolio", type=int, default=5, help="projects in each plan of the second table")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tj3", default="tj3")
    ap.add_argument("--out", default=str(ROOT / "docs" / "benchmarks" / "taskjuggler.md"))
    a = ap.parse_args()
    if shutil.which(a.tj3) is None:
        raise SystemExit(f"{a.tj3} not found: install TaskJuggler (Debian: apt-get install tj3)")
    ppm = pathlib.Path(a.build) / "apps" / "ppm" / "ppm"
    tmp = pathlib.Path(tempfile.mkdtemp())
    version = subprocess.run([a.tj3, "--version"], capture_output=True, text=True).stdout.split()[-1]
    lines = ["# `ppm level` against TaskJuggler", "",
             f"Generated by `scripts/compare_taskjuggler.py` ({time.strftime('%Y-%m-%d')}), TaskJuggler {version}, "
             f"one core. Plans of {a.tasks} tasks and {a.people} people (one unit each), Monday to Friday 8 hours, "
             "written for both tools (the script's docstring); finishes in working days from the start, smaller "
             "is better. TaskJuggler interrupts effort tasks around other bookings; ppm's default does not, "
             "`--split` does. The bound is the better of the longest path and the busiest person's work.", ""]
    for multi in (False, True):
        k = a.portfolio if multi else 1
        if multi:
            lines += [f"## Portfolios: {k} projects of {a.tasks // k} tasks, priorities 300-700, one pool of people", "",
                      "Each cell: portfolio finish / sum of the projects' finishes. ppm's default objective is the "
                      "total project delay (the sum), `--objective finish` the portfolio finish.", "",
                      "| plan | TaskJuggler | seconds | ppm one pass | ppm default | seconds | `--split` | `--objective finish` "
                      "| `--objective finish --split` | `--objective finish --schedules 5000` | seconds |",
                      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        else:
            lines += ["## One project", "",
                      "| plan | bound | TaskJuggler | seconds | ppm one pass | ppm default | seconds | ppm --split | seconds |",
                      "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        print("\n".join(lines), flush=True)
        wins = {"default": 0, "split": 0, "finish": 0, "finish_split": 0, "finish_5000": 0}
        for plan in range(a.plans):
            seed = a.seed + plan
            rng = random.Random(seed)
            projects = [(rng.choice([300, 400, 500, 600, 700]) if multi else 500, generate(a.tasks // k, a.people, rng)) for _ in range(k)]
            d = tmp / f"{'m' if multi else 's'}{seed}"
            d.mkdir()
            write_tjp(d / "project.tjp", projects, a.people)
            write_model(d / "model.json", projects, a.people)
            tj, tj_s = run_tj(a.tj3, d / "project.tjp")
            one, _ = run_ppm(ppm, d / "model.json", ["--method", "priority", "--passes", "1"], seed)
            ga, ga_s = run_ppm(ppm, d / "model.json", [], seed)
            sp, sp_s = run_ppm(ppm, d / "model.json", ["--split"], seed)
            cell = lambda f: f"{max(f.values())} / {sum(f.values())}" if multi else f"{max(f.values())}"  # noqa: E731
            if multi:
                fi, _ = run_ppm(ppm, d / "model.json", ["--objective", "finish"], seed)
                fs, _ = run_ppm(ppm, d / "model.json", ["--objective", "finish", "--split"], seed)
                f5, f5_s = run_ppm(ppm, d / "model.json", ["--objective", "finish", "--schedules", "5000"], seed)
                wins["default"] += sum(ga.values()) < sum(tj.values())
                wins["split"] += sum(sp.values()) < sum(tj.values())
                wins["finish"] += max(fi.values()) < max(tj.values())
                wins["finish_split"] += max(fs.values()) < max(tj.values())
                wins["finish_5000"] += max(f5.values()) < max(tj.values())
                lines.append(f"| seed {seed} | {cell(tj)} | {tj_s:.1f} | {cell(one)} | {cell(ga)} | {ga_s:.2f} | {cell(sp)} | {cell(fi)} "
                             f"| {cell(fs)} | {cell(f5)} | {f5_s:.2f} |")
            else:
                cp, busy = bounds(projects[0][1], a.people)
                wins["default"] += max(ga.values()) < max(tj.values())
                wins["split"] += max(sp.values()) < max(tj.values())
                lines.append(f"| seed {seed} | {max(cp, busy)} | {cell(tj)} | {tj_s:.1f} | {cell(one)} | {cell(ga)} | {ga_s:.2f} | {cell(sp)} | {sp_s:.2f} |")
            print(lines[-1], flush=True)
        if multi:
            lines += ["", f"Of {a.plans} plans, the sum of the projects' finishes is earlier than TaskJuggler's with ppm's "
                      f"default on {wins['default']}, with `--split` on {wins['split']}; the portfolio finish is earlier with "
                      f"`--objective finish` on {wins['finish']}, with `--split` too on {wins['finish_split']}, with 5,000 "
                      f"schedules on {wins['finish_5000']}.", ""]
        else:
            lines += ["", f"Finish earlier than TaskJuggler's: ppm's default on {wins['default']} of {a.plans} plans, "
                      f"`--split` on {wins['split']}.", ""]
        print(lines[-2], flush=True)
    pathlib.Path(a.out).write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {a.out}")


if __name__ == "__main__":
    main()
