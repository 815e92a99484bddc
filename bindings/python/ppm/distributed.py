"""Distributed sweeps on Dask (``dask.distributed``): Monte Carlo iterations, efficient-frontier
points and scenario lists split into chunks, run on a Client's workers, merged into exactly the
answer one process gives for the same seed.

Exactness:

* Monte Carlo: every random number is a counter-based hash of (seed, global iteration, slot), and a
  chunk runs iterations ``[first, first + n)`` of the global run (``first_iteration``), so the
  concatenated samples equal the single-process samples; histograms, percentiles, means and
  criticality are recomputed from them exactly as the C++ engine does. Spearman sensitivity needs
  global ranks, so chunked runs set ``sensitivity=False`` (those arrays are NaN).
* Frontier: each point is an independent exact solve at the budget the single-process sweep uses
  (same arithmetic); the warm start is only a first incumbent, so with ``relative_gap=0`` the values
  are identical (selections too unless the problem has ties).
* Scenarios: each scenario is solved on its own, as ``compare_scenarios`` does.

Point a Client at any scheduler: ``Client("tcp://scheduler-host:8786")`` or a ``LocalCluster``.
Workers need ``ppm`` importable (the same installation, see docs/python.md).
"""

from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

import numpy as np

from . import _core

__all__ = [
    "call",
    "split",
    "model_from_json",
    "monte_carlo",
    "merge_monte_carlo",
    "frontier",
    "frontier_budgets",
    "compare_scenarios",
]


def call(name: str, *args: Any, **kwargs: Any) -> Any:
    """Runs ``ppm.<name>(*args, **kwargs)``: the picklable way to hand a ppm function to a worker.

    pybind11 2.10's functions cannot be pickled (``client.submit(ppm.schedule, pf)`` fails with
    "cannot pickle 'PyCapsule' object"); their arguments and results can. So submit this function
    with the name instead: ``client.submit(ppm.distributed.call, "schedule", pf)`` (or a ``def`` /
    ``lambda`` of your own that calls ``ppm.schedule``, which Dask pickles by value).
    """
    if name.startswith("_") or not callable(getattr(_core, name, None)):
        raise AttributeError(f"ppm has no public function {name!r}")
    return getattr(_core, name)(*args, **kwargs)


def split(total: int, chunks: int) -> list[tuple[int, int]]:
    """``chunks`` contiguous ``(first, count)`` ranges covering ``range(total)``, sizes differing by at most one."""
    if total < 0 or chunks < 1:
        raise ValueError("total must be >= 0 and chunks >= 1")
    chunks = min(chunks, max(total, 1))
    base, extra = divmod(total, chunks)
    out, first = [], 0
    for k in range(chunks):
        n = base + (1 if k < extra else 0)
        out.append((first, n))
        first += n
    return out


def model_from_json(text: str) -> "_core.SimulationModel":
    """A SimulationModel from a ppm JSON document with its control sections (risks, uncertainty).
    Module-level so Dask can ship it to workers by reference."""
    portfolio = _core.read_json(text, "<distributed>")
    control = _core.read_control_sections(text, "<distributed>")
    return _core.build_simulation_model(portfolio, control.risks, control.uncertainty)


def _mc_chunk(build: Callable[..., Any], args: tuple[Any, ...], first: int, count: int, seed: int, histogram_bins: int) -> Any:
    model = build(*args)
    if isinstance(model, _core.SimulationModel):
        return _core.simulate_model(model, iterations=count, seed=seed, threads=1, histogram_bins=histogram_bins,
                                    sensitivity=False, first_iteration=first)
    network, durations, kwargs = model
    return _core.simulate(network, durations, iterations=count, seed=seed, threads=1, histogram_bins=histogram_bins,
                          sensitivity=False, first_iteration=first, **kwargs)


def merge_monte_carlo(parts: Sequence["_core.MonteCarloResult"], histogram_bins: int = 40) -> "_core.MonteCarloResult":
    """Merges results of consecutive iteration ranges (in order) into the result of the whole run."""
    if not parts:
        raise ValueError("nothing to merge")
    finish = np.concatenate([p.finish for p in parts])
    cost = np.concatenate([p._cost_minor for p in parts])  # exact engine units; the result shows major units
    counts = sum(np.rint(p.criticality * p.iterations).astype(np.uint64) for p in parts)
    hits = sum(np.asarray(p.event_hits, dtype=np.uint64) for p in parts)
    return _core._merge_monte_carlo(finish.tolist(), cost.tolist(), np.asarray(counts).tolist(), np.asarray(hits).tolist(),
                                    parts[0].deterministic_finish, histogram_bins,
                                    np.asarray(parts[0].correlation_repaired).tolist())


def monte_carlo(client: Any, build: Callable[..., Any], *args: Any, iterations: int = 1000, seed: int = 1, chunks: Optional[int] = None,
                histogram_bins: int = 40) -> "_core.MonteCarloResult":
    """Runs ``iterations`` Monte Carlo iterations on the Client's workers in ``chunks`` ranges.

    ``build(*args)`` runs on each worker and returns either a ``SimulationModel`` (e.g.
    ``ppm.distributed.model_from_json`` with the document text) or a tuple
    ``(SimulationNetwork, durations, simulate_kwargs)``; it must be importable on the workers.
    The answer equals ``simulate(..., iterations=iterations, seed=seed, sensitivity=False)``.
    """
    if chunks is None:
        chunks = max(1, len(client.scheduler_info().get("workers", {})) * 2)
    futures = [client.submit(_mc_chunk, build, args, first, n, seed, histogram_bins, pure=False)
               for first, n in split(iterations, chunks) if n > 0]
    return merge_monte_carlo(client.gather(futures), histogram_bins)


def frontier_budgets(problem: "_core.SelectionProblem", points: int = 10, budget_min: Optional[float] = None,
                     budget_max: Optional[float] = None) -> list[float]:
    """The budgets (major units) ``efficient_frontier`` solves at, computed with its arithmetic
    (integer cents: lo + round(k / (K - 1) x (hi - lo)))."""
    if points < 1:
        raise ValueError("points must be >= 1")
    forced = set(problem.forced_in)

    def cents(x: float) -> int:  # Money.from_major rounds to the cent
        return int(round(x * 100))

    all_cost = sum(sum(cents(c) for c in k.cost) for k in problem.candidates)
    forced_cost = sum(sum(cents(c) for c in k.cost) for k in problem.candidates if k.id in forced)
    lo = cents(budget_min) if budget_min is not None else forced_cost
    hi = cents(budget_max) if budget_max is not None else all_cost
    out: list[float] = []
    for k in range(points):
        frac = 1.0 if points == 1 else k / (points - 1)
        v = frac * float(hi - lo)
        out.append((lo + int(np.sign(v) * np.floor(abs(v) + 0.5))) / 100.0)  # llround: half away from zero
    return out


def _frontier_chunk(problem: "_core.SelectionProblem", budgets: list[float], kwargs: dict[str, Any]) -> list["_core.FrontierResult"]:
    return [_core.efficient_frontier(problem, points=1, budget_min=b, budget_max=b, **kwargs) for b in budgets]


def frontier(client: Any, problem: "_core.SelectionProblem", *, points: int = 10, budget_min: Optional[float] = None,
             budget_max: Optional[float] = None, chunks: Optional[int] = None, **solve_kwargs: Any) -> "_core.FrontierResult":
    """The efficient frontier with its points solved on the Client's workers; ``solve_kwargs`` are
    ``efficient_frontier``'s (scale_period_budgets, time_limit_seconds, relative_gap, ...).
    Entering/leaving lists are recomputed from the merged selections."""
    budgets = frontier_budgets(problem, points, budget_min, budget_max)
    if chunks is None:
        chunks = max(1, len(client.scheduler_info().get("workers", {})) * 2)
    ranges = [(f, n) for f, n in split(len(budgets), chunks) if n > 0]
    futures = [client.submit(_frontier_chunk, problem, budgets[f:f + n], solve_kwargs, pure=False) for f, n in ranges]
    parts = [r for chunk in client.gather(futures) for r in chunk]
    candidates = list(parts[0].candidates)
    selected = np.concatenate([np.asarray(p.selected, dtype=np.uint8).reshape(-1) for p in parts])
    entering, leaving, previous = [], [], np.zeros(len(candidates), dtype=np.uint8)
    for k in range(len(parts)):
        row = selected[k * len(candidates):(k + 1) * len(candidates)]
        entering.append([c for c, s, p in zip(candidates, row, previous) if s and not p])
        leaving.append([c for c, s, p in zip(candidates, row, previous) if p and not s])
        previous = row
    return _core.FrontierResult(
        candidates=candidates, budget=[float(p.budget[0]) for p in parts], value=[float(p.value[0]) for p in parts],
        spend=[float(p.spend[0]) for p in parts], status=[p.status[0] for p in parts], gap=[float(p.gap[0]) for p in parts],
        bound=[float(p.bound[0]) for p in parts], seconds=[float(p.seconds[0]) for p in parts],
        nodes=[int(p.nodes[0]) for p in parts], reused=[0] * len(parts), entering=entering, leaving=leaving, selected=selected.tolist(),
        total_seconds=sum(float(p.seconds[0]) for p in parts))


def _scenario_chunk(base: "_core.SelectionProblem", scenarios: list[Optional["_core.Scenario"]], kwargs: dict[str, Any]) -> list["_core.SelectionResult"]:
    return [_core.select_portfolio(base if s is None else _core.apply_scenario(base, s), **kwargs) for s in scenarios]


def compare_scenarios(client: Any, base: "_core.SelectionProblem", scenarios: Sequence["_core.Scenario"], *,
                      chunks: Optional[int] = None, **solve_kwargs: Any) -> "_core.ScenarioComparison":
    """``compare_scenarios`` with the base and each scenario solved on the Client's workers."""
    items: list[Optional["_core.Scenario"]] = [None, *scenarios]
    if chunks is None:
        chunks = max(1, len(client.scheduler_info().get("workers", {})) * 2)
    ranges = [(f, n) for f, n in split(len(items), chunks) if n > 0]
    futures = [client.submit(_scenario_chunk, base, items[f:f + n], solve_kwargs, pure=False) for f, n in ranges]
    results = [r for chunk in client.gather(futures) for r in chunk]
    candidates = [k.id for k in base.candidates]
    selected: list[int] = []
    for r in results:
        selected.extend(int(x) for x in (r.selected if r.has_solution else np.zeros(len(candidates), dtype=bool)))
    return _core.ScenarioComparison(names=["base", *[s.name for s in scenarios]], results=results, candidates=candidates,
                                    selected=selected)
