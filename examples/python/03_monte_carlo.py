"""Monte Carlo schedule risk analysis of the example portfolio with a risk register entry, and a
histogram of the finish as a PNG.

Usage: python3 03_monte_carlo.py [OUT_DIR]
"""

import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import ppm  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
out.mkdir(parents=True, exist_ok=True)

portfolio = ppm.read_json_file(str(HERE.parent / "portfolio.json"))
first_task = portfolio.projects[0].tasks[-1].id
risk = ppm.Risk(id="R1", title="Supplier late", linked_tasks=[first_task],
                pre=ppm.RiskAssessment(probability=0.3, impact=ppm.RiskImpact(schedule=5 * 480, cost=20000.0)))
# Every task: triangular 0.9 / 1.0 / 1.5 times its planned duration.
spec = ppm.UncertaintySpec(relative_default=ppm.DurationDistribution.triangular(0.9, 1.0, 1.5))
model = ppm.build_simulation_model(portfolio, [risk], spec)
result = ppm.simulate_model(model, iterations=5000, seed=42)
print(result)
print(result.percentiles_dataframe().head(9))
p80 = model.to_instant(int(result.finish_percentile(80)))
print("P80 finish:", p80)

h = result.finish_histogram
days = [e / 480 for e in h.edge]
fig, ax = plt.subplots(figsize=(6, 4))
ax.stairs(h.count, days, fill=True)
ax.set_xlabel("finish (working days after the start)")
ax.set_ylabel("iterations")
ax.set_title("Portfolio finish distribution")
fig.tight_layout()
fig.savefig(out / "finish_histogram.png", dpi=100)
print("wrote", out / "finish_histogram.png")
