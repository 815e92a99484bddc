#!/usr/bin/env python3
"""Deterministic ProGen-style generator of single-mode RCPSP instances in PSPLIB `.sm` format.

A proxy for the PSPLIB j120 set, which is not in ../shared (j90/j120 are a hold-out): it lets us
measure how the RCPSP solver scales past j60. The files are NOT PSPLIB's own j120 instances and
results on them are not comparable with published j120 figures; they follow the same generator
design and parameter grid, so they should be of similar structure and difficulty.

References
  R. Kolisch, A. Sprecher, A. Drexl (1995), "Characterization and generation of a general class of
  resource-constrained project scheduling problems", Management Science 41(10):1693-1703 (ProGen).
  R. Kolisch, A. Sprecher (1996; issue dated 1997), "PSPLIB - A project scheduling problem library", European
  Journal of Operational Research 96(1):205-216 (the j30/j60/j90/j120 parameter design).

What is generated (per instance; n non-dummy jobs, default 120, plus dummy source 1 and sink n+2)
  * durations uniform in [1, 10]; 4 renewable resources.
  * network: jobs 2..4 are the start jobs (the only successors of the source), jobs n-1..n+1 the
    finish jobs (the only predecessors of the sink); at most 3 successors / predecessors per
    non-dummy job. Every non-start job gets a random lower-numbered predecessor, every non-finish
    job without a successor a random higher-numbered successor, then random arcs are added until
    the arc count (dummy arcs included) reaches ceil(NC * (n + 2)). No arc is ever redundant
    (transitive) and no arc may make an existing arc redundant.
  * resource factor RF: round(RF * 4 * n) requests in all; every job first gets one random
    resource, the remaining requests go to random (job, unused resource) pairs. Demand of a used
    resource uniform in [1, 10].
  * resource strength RS: capacity = Kmin + round-half-up(RS * (Kmax - Kmin)), Kmin the largest
    single demand, Kmax the peak demand of the earliest-start (precedence-only) schedule.
  * horizon = sum of durations; due date = MPM-Time = critical path; tardiness cost random.
  * grid: NC in {1.5, 1.8, 2.1} (outer) x RF in {0.25, 0.5, 0.75, 1.0} x RS in
    {0.1, 0.2, 0.3, 0.4, 0.5} (inner) = 60 classes, numbered 1..60 as PSPLIB numbers its classes.

Checked against the real j30/j60 files: their arc counts are exactly ceil(NC * (n + 2)), none of
their arcs is redundant, all capacities follow the RS formula with round-half-up, and the spread of
resources per job for RF 0.5/0.75 matches the "one each, the rest at random" scheme. Generated with
`--jobs 60 --rs 0.2,0.5,0.7,1.0`, the mean critical path, longest path in arcs and arc span per NC
level come out within a few percent of j60's; format_sm reproduces all 960 j30/j60 files byte for
byte from their parsed contents.

Deviations from ProGen (whose code is not public; the paper gives the steps, not every detail)
  * ProGen takes ranges / tolerances for the number of start and finish jobs and for NC; the
    PSPLIB files show 3 / 3 and an exact arc count, so those are fixed here.
  * Step 2 (a successor for each job without one) runs from the last non-finish job down; run
    upwards, almost every try fails on the finish jobs' 3-predecessor limit.
  * A try that gets stuck (no admissible arc) or overshoots the arc count in steps 1-2 restarts
    the network with the same random stream (about 1 instance in 100 needs a second try).
  * Which random pair becomes an arc in step 3 (a random open job, then a random admissible
    successor) is our choice.
  * For RF 0.5 / 0.75 the PSPLIB files hold one request more than RF * 4 * n (121 for 60 jobs at
    RF 0.5); here the count is exactly round(RF * 4 * n).
  * The basedata line names this script and the class parameters; the seed line holds the
    per-file seed (derived from --seed, --jobs, class and instance number; not from --prefix).
  * `--rs` may replace the RS levels (e.g. 0.2,0.5,0.7,1.0 to mimic j30/j60).

Usage: /usr/bin/python3 scripts/gen_rcpsp.py OUTDIR [--jobs 120] [--per-class 10] [--seed 1]
       [--prefix j120] [--rs 0.1,0.2,0.3,0.4,0.5]
Writes OUTDIR/{prefix}{class}_{instance}.sm and OUTDIR/params.csv (file,nc,rf,rs,critical_path).
Same arguments give byte-identical files. Standard library only.
"""
import argparse
import csv
import hashlib
import math
import pathlib
import random
from dataclasses import dataclass
from fractions import Fraction

NC_LEVELS = (1.5, 1.8, 2.1)
RF_LEVELS = (0.25, 0.5, 0.75, 1.0)
RS_LEVELS = (0.1, 0.2, 0.3, 0.4, 0.5)
NUM_RESOURCES = 4
NUM_START = 3  # successors of the source
NUM_FINISH = 3  # predecessors of the sink
MAX_DEGREE = 3  # max successors and max predecessors of a non-dummy job
DURATION_RANGE = (1, 10)
DEMAND_RANGE = (1, 10)
NETWORK_TRIES = 100
RULE = "*" * 72


@dataclass
class Instance:
    """One generated project. Index 0 is the source, n + 1 the sink (job number = index + 1)."""

    n: int
    seed: int
    basedata: str
    durations: list
    successors: list  # sorted successor indices per job
    demands: list  # NUM_RESOURCES demands per job
    capacities: list
    critical_path: int
    tardiness_cost: int


def bits(mask: int):
    """Indices of the set bits of `mask`, ascending."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


class Network:
    """Arcs among the non-dummy jobs 1..n, with reachability kept as bit masks."""

    def __init__(self, n: int):
        self.n = n
        self.succ = [0] * (n + 2)  # direct successors (mask)
        self.desc = [0] * (n + 2)  # all descendants (mask)
        self.anc = [0] * (n + 2)  # all ancestors (mask)
        self.indeg = [0] * (n + 2)
        self.outdeg = [0] * (n + 2)
        self.arcs = 0

    def is_start(self, j: int) -> bool:
        return j <= NUM_START

    def is_finish(self, j: int) -> bool:
        return j > self.n - NUM_FINISH

    def add_arc(self, i: int, j: int) -> None:
        self.succ[i] |= 1 << j
        self.indeg[j] += 1
        self.outdeg[i] += 1
        self.arcs += 1
        below = self.desc[j] | (1 << j)
        above = self.anc[i] | (1 << i)
        for a in bits(above):
            self.desc[a] |= below
        for b in bits(below):
            self.anc[b] |= above

    def reached_by_arcs(self, i: int) -> int:
        """Mask of the direct successors of i and of all its ancestors."""
        mask = 0
        for a in bits(self.anc[i] | (1 << i)):
            mask |= self.succ[a]
        return mask

    def admissible(self, i: int, j: int, reached: int) -> bool:
        """May i -> j (i < j) be added? j is not a start job and has room for a predecessor, i is
        not a finish job and has room for a successor, j is not yet reachable from i, and the arc
        makes no existing arc redundant: no arc from i or an ancestor of i (`reached`, see
        reached_by_arcs) into j or a descendant of j."""
        return (not self.is_start(j) and not self.is_finish(i) and self.indeg[j] < MAX_DEGREE
                and self.outdeg[i] < MAX_DEGREE and not (self.desc[i] >> j) & 1
                and not (self.desc[j] | (1 << j)) & reached)

    def successor_candidates(self, i: int) -> list:
        """Every j > i that may become a successor of i."""
        reached = self.reached_by_arcs(i)
        return [j for j in range(i + 1, self.n + 1) if self.admissible(i, j, reached)]


def give_predecessors(net: Network, rng: random.Random) -> bool:
    """Step 1: every non-start job gets one random lower-numbered predecessor."""
    for j in range(NUM_START + 1, net.n + 1):
        options = [i for i in range(1, j) if net.admissible(i, j, net.reached_by_arcs(i))]
        if not options:
            return False
        net.add_arc(rng.choice(options), j)
    return True


def give_successors(net: Network, rng: random.Random) -> bool:
    """Step 2: every non-finish job still without a successor gets a random higher-numbered one.
    Jobs are taken from the last one down: the late jobs have the fewest options (taken upwards,
    the earlier jobs use up the finish jobs' predecessor slots and most tries fail)."""
    for i in range(net.n - NUM_FINISH, 0, -1):
        if net.outdeg[i] == 0:
            options = net.successor_candidates(i)
            if not options:
                return False
            net.add_arc(i, rng.choice(options))
    return True


def add_arcs(net: Network, rng: random.Random, target: int) -> bool:
    """Step 3: random non-redundant arcs until exactly `target` non-dummy arcs (fails when steps 1-2
    already made more). A job with no admissible successor never gets one later (reachability and
    degrees only grow), so it is dropped."""
    open_jobs = list(range(1, net.n - NUM_FINISH + 1))
    if net.arcs > target:
        return False
    while net.arcs < target:
        if not open_jobs:
            return False
        i = rng.choice(open_jobs)
        options = net.successor_candidates(i)
        if options:
            net.add_arc(i, rng.choice(options))
        else:
            open_jobs.remove(i)
    return True


def generate_network(rng: random.Random, n: int, nc: float) -> list:
    """Successor lists (indices 0..n+1, ascending) of a network of complexity `nc`, dummies included."""
    target = math.ceil(nc * (n + 2) - 1e-9) - NUM_START - NUM_FINISH
    for _ in range(NETWORK_TRIES):
        net = Network(n)
        if give_predecessors(net, rng) and give_successors(net, rng) and add_arcs(net, rng, target):
            successors = [list(range(1, NUM_START + 1))]
            successors += [sorted(bits(net.succ[i])) or [n + 1] for i in range(1, n + 1)]
            return successors + [[]]
    raise RuntimeError(f"no network with {n} jobs and NC {nc} after {NETWORK_TRIES} tries")


def draw_demands(rng: random.Random, n: int, rf: float) -> list:
    """Per-job demands: round(rf * K * n) requests, at least one per job, the rest on random
    (job, unused resource) pairs; each used demand uniform in DEMAND_RANGE. Dummies use nothing."""
    total = min(n * NUM_RESOURCES, max(n, round(rf * NUM_RESOURCES * n)))
    used = [[False] * NUM_RESOURCES for _ in range(n + 2)]
    for j in range(1, n + 1):
        used[j][rng.randrange(NUM_RESOURCES)] = True
    free = [(j, k) for j in range(1, n + 1) for k in range(NUM_RESOURCES) if not used[j][k]]
    for j, k in rng.sample(free, total - n):
        used[j][k] = True
    return [[rng.randint(*DEMAND_RANGE) if u else 0 for u in row] for row in used]


def earliest_starts(successors: list, durations: list) -> list:
    """Precedence-only earliest starts (jobs are numbered topologically)."""
    es = [0] * len(durations)
    for i, succ in enumerate(successors):
        for j in succ:
            es[j] = max(es[j], es[i] + durations[i])
    return es


def capacities(demands: list, durations: list, es: list, rs: float) -> list:
    """Kmin + round-half-up(RS * (Kmax - Kmin)) per resource (ProGen's resource strength)."""
    horizon = max(s + d for s, d in zip(es, durations))
    out = []
    for k in range(NUM_RESOURCES):
        load = [0] * (horizon + 1)
        for j, d in enumerate(durations):
            for t in range(es[j], es[j] + d):
                load[t] += demands[j][k]
        kmin = max(row[k] for row in demands)
        out.append(kmin + math.floor(Fraction(str(rs)) * (max(load) - kmin) + Fraction(1, 2)))
    return out


def generate(n: int, nc: float, rf: float, rs: float, seed: int) -> Instance:
    """One instance, fully determined by its arguments."""
    rng = random.Random(seed)
    successors = generate_network(rng, n, nc)
    durations = [0] + [rng.randint(*DURATION_RANGE) for _ in range(n)] + [0]
    demands = draw_demands(rng, n, rf)
    es = earliest_starts(successors, durations)
    return Instance(n=n, seed=seed, basedata=f"gen_rcpsp.py nc={nc} rf={rf} rs={rs}",
                    durations=durations, successors=successors, demands=demands,
                    capacities=capacities(demands, durations, es, rs), critical_path=es[-1],
                    tardiness_cost=rng.randrange(n))


def header_lines(inst: Instance) -> list:
    return [RULE,
            f"file with basedata            : {inst.basedata}",
            f"initial value random generator: {inst.seed}",
            RULE,
            "projects                      :  1",
            f"jobs (incl. supersource/sink ):  {inst.n + 2}",
            f"horizon                       :  {sum(inst.durations)}",
            "RESOURCES",
            "  - renewable                 :  4   R",
            "  - nonrenewable              :  0   N",
            "  - doubly constrained        :  0   D",
            RULE,
            "PROJECT INFORMATION:",
            "pronr.  #jobs rel.date duedate tardcost  MPM-Time",
            f"{1:5d}{inst.n:7d}{0:7d}{inst.critical_path:9d}{inst.tardiness_cost:9d}{inst.critical_path:9d}",
            RULE]


def precedence_lines(inst: Instance) -> list:
    lines = ["PRECEDENCE RELATIONS:", "jobnr.    #modes  #successors   successors"]
    for i, succ in enumerate(inst.successors):
        numbers = [j + 1 for j in succ]
        tail = "".join(f"{s:4d}" for s in numbers[1:])
        first = f"{numbers[0]:12d}" if numbers else " " * 8
        lines.append(f"{i + 1:4d}{1:9d}{len(numbers):11d}{first}{tail}")
    return lines + [RULE]


def request_lines(inst: Instance) -> list:
    lines = ["REQUESTS/DURATIONS:", "jobnr. mode duration  R 1  R 2  R 3  R 4", "-" * 72]
    for i, (d, dem) in enumerate(zip(inst.durations, inst.demands)):
        lines.append(f"{i + 1:3d}{1:7d}{d:6d}{dem[0]:8d}" + "".join(f"{r:5d}" for r in dem[1:]))
    return lines + [RULE]


def format_sm(inst: Instance) -> str:
    """The instance in PSPLIB `.sm` layout (column widths as in the PSPLIB j30/j60 files)."""
    availability = ["RESOURCEAVAILABILITIES:", "  R 1  R 2  R 3  R 4",
                    "".join(f"{c:5d}" for c in inst.capacities), RULE]
    lines = header_lines(inst) + precedence_lines(inst) + request_lines(inst) + availability
    return "\n".join(lines) + "\n"


def file_seed(seed: int, n: int, cls: int, number: int) -> int:
    """Per-file seed from the run seed, job count, class and instance number (not the prefix)."""
    digest = hashlib.sha256(f"gen_rcpsp:{seed}:{n}:{cls}:{number}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def parameter_grid(rs_levels: tuple) -> list:
    """(nc, rf, rs) per class 1..: NC outermost, RF, RS innermost (PSPLIB's numbering)."""
    return [(nc, rf, rs) for nc in NC_LEVELS for rf in RF_LEVELS for rs in rs_levels]


def parse_args():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir", type=pathlib.Path)
    ap.add_argument("--jobs", type=int, default=120, help="non-dummy jobs per instance")
    ap.add_argument("--per-class", type=int, default=10, help="instances per parameter class")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--prefix", default="j120", help="file name prefix (PSPLIB style)")
    ap.add_argument("--rs", default=",".join(map(str, RS_LEVELS)), help="RS levels, comma separated")
    args = ap.parse_args()
    if args.jobs <= NUM_START + NUM_FINISH:
        ap.error(f"--jobs must exceed {NUM_START + NUM_FINISH}")
    if args.per_class < 1:
        ap.error("--per-class must be >= 1")
    args.rs = tuple(float(x) for x in args.rs.split(","))
    return args


def main() -> None:
    args = parse_args()
    args.outdir.mkdir(parents=True, exist_ok=True)
    rows = []
    for cls, (nc, rf, rs) in enumerate(parameter_grid(args.rs), start=1):
        for number in range(1, args.per_class + 1):
            try:
                inst = generate(args.jobs, nc, rf, rs, file_seed(args.seed, args.jobs, cls, number))
            except RuntimeError as e:
                raise SystemExit(f"gen_rcpsp.py: {e} (too few jobs for this NC?)")
            name = f"{args.prefix}{cls}_{number}.sm"
            (args.outdir / name).write_text(format_sm(inst), newline="\n")
            rows.append((name, nc, rf, rs, inst.critical_path))
    with open(args.outdir / "params.csv", "w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["file", "nc", "rf", "rs", "critical_path"])
        writer.writerows(rows)
    print(f"wrote {len(rows)} instances (+ params.csv) to {args.outdir}")


if __name__ == "__main__":
    main()
