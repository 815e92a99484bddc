"""A what-if sweep on Dask: scenarios and Monte Carlo chunks run on a cluster and merge to the
single-process answer. Pass a scheduler address to use a real cluster.

Usage: python3 04_dask_sweep.py [OUT_DIR] [tcp://scheduler:8786]
"""

import pathlib
import sys
from typing import Any

from distributed import Client, LocalCluster

import ppm
import ppm.distributed



def chain(n: int) -> tuple[ppm.SimulationNetwork, list[ppm.DurationDistribution], dict[str, Any]]:
    """An n-task finish-to-start chain with PERT durations (built on the worker)."""
    links = [ppm.NetworkLink(predecessor=i, successor=i + 1) for i in range(n - 1)]
    return ppm.SimulationNetwork.build(n, links), [ppm.DurationDistribution.pert(400, 480, 900)] * n, {}


if __name__ == "__main__":
    out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    if len(sys.argv) > 2:
        client = Client(sys.argv[2])
    else:
        client = Client(LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None,
                                     scheduler_kwargs={"dashboard_address": ":0"}))  # no fixed port 8787

    problem = ppm.generate_selection_problem(candidates=30, periods=12, roles=3, seed=5)
    scenarios = [ppm.Scenario(name=f"budget x{s:.1f}", budget_scale=s) for s in (0.6, 0.8, 1.2, 1.4)]
    comparison = ppm.distributed.compare_scenarios(client, problem, scenarios, time_limit_seconds=20)
    table = comparison.to_dataframe()
    print(table.sum().rename("selected candidates"))
    table.to_csv(out / "scenarios.csv")

    # Monte Carlo: chunks of iterations on the workers; `chain` runs there (cloudpickled).
    mc = ppm.distributed.monte_carlo(client, chain, 50, iterations=20000, seed=1, chunks=4)
    single = ppm.simulate(*chain(50)[:2], iterations=20000, seed=1, sensitivity=False)
    assert (mc.finish == single.finish).all() and mc.finish_mean == single.finish_mean
    print(mc, "- identical to the single-process run")
    (out / "monte_carlo.txt").write_text(f"mean {mc.finish_mean}\nP80 {mc.finish_percentile(80)}\n")
    client.close()
