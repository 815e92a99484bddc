#!/usr/bin/env bash
# ThreadSanitizer run of the threaded solvers (issue 8, "Hardening"): builds only tests_leveling
# (RCPSP solver with threads, levelling) and tests_risk (Monte Carlo with threads) with
# -fsanitize=thread in build-tsan and runs their ctests. A data race fails the run (halt_on_error).
#   scripts/tsan.sh            configure if needed, build, run
# Environment: PPM_TSAN_BUILD (default <repo>/build-tsan), PPM_JOBS (default 2), CXX (default g++).
# CI: about 8 minutes on 2 cores once build-tsan is cached (the build itself is the long part).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${PPM_TSAN_BUILD:-$ROOT/build-tsan}"
JOBS="${PPM_JOBS:-2}"

if [[ ! -f "$BUILD/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPython_EXECUTABLE=/usr/bin/python3 \
    -DCMAKE_CXX_COMPILER="${CXX:-g++}" -DPPM_BUILD_EXAMPLES=OFF -DPPM_INSTALL=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" >/dev/null
fi
cmake --build "$BUILD" --target tests_leveling tests_risk -j"$JOBS"

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 ${TSAN_OPTIONS:-}"
ctest --test-dir "$BUILD" -R '^(leveling|risk): ' --output-on-failure -j"$JOBS" --timeout 600
