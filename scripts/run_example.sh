#!/usr/bin/env bash
# The main job, from a fresh machine: install what is needed, build, and run the worked example
# portfolio end to end: schedule it (CPM, portfolio summary), level its shared resources, then
# prioritise the strategy (AHP) and choose next year's portfolio (MILP) from its candidates.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
PPM=build/apps/ppm/ppm
OUT=build/example
mkdir -p "$OUT"
echo "== ppm schedule examples/portfolio.json"
"$PPM" schedule examples/portfolio.json --out "$OUT/schedule.json"
echo
echo "== ppm level examples/portfolio.json"
"$PPM" level examples/portfolio.json --out "$OUT/levelled.json"
echo
echo "== ppm ahp examples/selection.json"
"$PPM" ahp examples/selection.json
echo
echo "== ppm select examples/selection.json"
"$PPM" select examples/selection.json
echo
echo "Results written to $OUT/"
