#!/usr/bin/env bash
# The long run of the repository crash test (tests/store/test_concurrency.cpp): a child process
# saving large portfolios is SIGKILLed at seeded random points; after each kill the repository
# must open, pass PRAGMA integrity_check and hold exactly the last committed save.
# Usage: scripts/store_crash_test.sh BUILD_DIR [KILLS=2000] [TASKS_PER_PROJECT=500] [SEED=7]
# Builds nothing (build tests_store first). Prints "N kills, 0 lost or corrupt (...)".
set -euo pipefail
build=${1:?usage: $0 BUILD_DIR [KILLS] [TASKS_PER_PROJECT] [SEED]}
PPM_STORE_CRASH_KILLS=${2:-2000} PPM_STORE_CRASH_TASKS=${3:-500} PPM_STORE_CRASH_SEED=${4:-7} \
  "$build/tests/store/tests_store" "store: a writer SIGKILLed at random points leaves exactly the last committed state" \
  | grep -E "kills|passed|failed|FAILED"
