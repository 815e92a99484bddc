"""Schedule a portfolio (CPM), level its shared resources, check the levelled schedule, and save both as CSV.

Usage: python3 01_schedule_and_level.py [OUT_DIR]
"""

import pathlib
import sys

import ppm

HERE = pathlib.Path(__file__).resolve().parent
out = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
out.mkdir(parents=True, exist_ok=True)

portfolio = ppm.read_json_file(str(HERE.parent / "portfolio.json"))
print(portfolio)

cpm = ppm.schedule(portfolio)  # forward/backward pass on working calendars
print(cpm)
table = cpm.to_dataframe()
print(table[table.critical].head())
table.to_csv(out / "schedule.csv")

levelled = ppm.level(portfolio, seed=1, progress=lambda p: None)  # the GA, budget from the size
print(levelled, "- best rule:", levelled.best_rule)
# The independent checker: links, calendars, constraints, capacity over time and split pieces.
broken = ppm.validate_level(portfolio, levelled)
print("independent check:", "no rule broken" if not broken else broken[:3])
if broken:
    sys.exit(1)
levelled.to_dataframe().to_csv(out / "levelled.csv")
hist = levelled.histogram()  # resource x bucket demand / capacity
print(hist.groupby("resource")["peak_demand"].max())
hist.to_csv(out / "histogram.csv", index=False)
