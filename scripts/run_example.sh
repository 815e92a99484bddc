#!/usr/bin/env bash
# The main job, from a fresh machine: install what is needed, build, and run the worked example
# portfolio end to end: schedule it (CPM, portfolio summary), level its shared resources (the result
# checked by the independent validator, `--check`), prioritise the strategy (AHP) and choose next
# year's portfolio (MILP) from its candidates; then control it at
# the status date: earned value against the baselines, RAG status under the PMO policy, Monte Carlo
# schedule risk (P10..P90), the HTML dashboard, and store everything in a repository file
# (build/example/ppm.db, recreated on every run).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
PPM=build/apps/ppm/ppm
OUT=build/example
EXAMPLE=examples/portfolio.json
mkdir -p "$OUT"
STATUS_DATE=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["portfolio"]["status_date"])' "$EXAMPLE")
echo "== ppm schedule $EXAMPLE"
"$PPM" schedule "$EXAMPLE" --out "$OUT/schedule.json"
echo
echo "== ppm level $EXAMPLE"
"$PPM" level "$EXAMPLE" --check --out "$OUT/levelled.json"
echo
echo "== ppm ahp examples/selection.json"
"$PPM" ahp examples/selection.json
echo
echo "== ppm select examples/selection.json"
"$PPM" select examples/selection.json
echo
echo "== ppm evm $EXAMPLE --status-date $STATUS_DATE"
"$PPM" evm "$EXAMPLE" --status-date "$STATUS_DATE"
echo
echo "== ppm status $EXAMPLE"
"$PPM" status "$EXAMPLE"
echo
echo "== ppm simulate $EXAMPLE --iterations 2000 --seed 1"
"$PPM" simulate "$EXAMPLE" --iterations 2000 --seed 1
echo
echo "== ppm report $EXAMPLE examples/selection.json --out $OUT/report.html"
"$PPM" report "$EXAMPLE" examples/selection.json --out "$OUT/report.html"
echo
DB="$OUT/ppm.db"
rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== ppm store import $DB $EXAMPLE"
"$PPM" store import "$DB" "$EXAMPLE"
PORTFOLIO=$(/usr/bin/python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["portfolio"]["id"])' "$EXAMPLE")
echo "== ppm store snapshot $DB $PORTFOLIO --label status-${STATUS_DATE%%T*}"
"$PPM" store snapshot "$DB" "$PORTFOLIO" --label "status-${STATUS_DATE%%T*}"
echo "== ppm store list $DB"
"$PPM" store list "$DB"
echo
echo "Results written to $OUT/ (schedule.json, levelled.json, report.html, ppm.db)"
