#!/usr/bin/env bash
# The main job, from a fresh machine: install what is needed, build, and run the worked example
# portfolio end to end (schedule it and print a portfolio summary).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
PPM=build/apps/ppm/ppm
EXAMPLE=examples/portfolio.json
mkdir -p build/example
"$PPM" schedule "$EXAMPLE" --out build/example/schedule.json
