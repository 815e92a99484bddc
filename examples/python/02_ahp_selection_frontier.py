"""AHP weights for the strategy, then an exact portfolio selection and its efficient frontier,
plotted as a PNG.

Usage: python3 02_ahp_selection_frontier.py [OUT_DIR]
"""

import pathlib
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import ppm  # noqa: E402

out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
out.mkdir(parents=True, exist_ok=True)

# Three objectives compared pairwise (Saaty's 1..9 scale): growth vs cost 3, growth vs risk 5, cost vs risk 2.
ahp = ppm.analyse_pairwise(ppm.pairwise_from_upper(3, [3.0, 5.0, 2.0]))
print(ahp, "weights:", ahp.priorities.round(3))

problem = ppm.generate_selection_problem(candidates=40, periods=12, roles=4, seed=7)
result = ppm.select_portfolio(problem, time_limit_seconds=20)
print(result)
print(result.to_dataframe().query("selected").head())

frontier = ppm.efficient_frontier(problem, points=8, time_limit_seconds=10)
df = frontier.to_dataframe()
print(df[["budget", "value", "status"]])

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(df["budget"] / 1e6, df["value"] / 1e6, marker="o")
ax.set_xlabel("total budget (millions)")
ax.set_ylabel("NPV of the selection (millions)")
ax.set_title("Efficient frontier")
fig.tight_layout()
fig.savefig(out / "frontier.png", dpi=100)
print("wrote", out / "frontier.png")
