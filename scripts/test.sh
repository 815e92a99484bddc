#!/usr/bin/env bash
# Runs every test (C++ via ctest, Python via pytest) from a fresh machine: installs what is needed,
# builds with -Werror, then tests. `scripts/test.sh --sanitize` builds a separate ASan+UBSan tree
# (build-asan/) and runs the C++ tests there, then the threaded solvers under TSan (scripts/tsan.sh);
# `scripts/test.sh --fuzz` runs every libFuzzer harness briefly (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

if [ "${1:-}" = "--sanitize" ]; then
  export PPM_BUILD_DIR=build-asan PPM_BUILD_TYPE=Release
  # -O1 keeps the build quick and the stack traces useful; asserts stay on (no NDEBUG).
  scripts/build.sh -DPPM_SANITIZE=ON -DPPM_BUILD_PYTHON=OFF -DPPM_INSTALL=OFF -DCMAKE_CXX_FLAGS_RELEASE=-O1
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
  scripts/tsan.sh  # the threaded solvers (levelling, Monte Carlo) under ThreadSanitizer
  exit 0
fi
if [ "${1:-}" = "--fuzz" ]; then
  # A short libFuzzer run of every reader (clang build in build-fuzz/; docs/fuzzing.md).
  scripts/fuzz.sh -runs=20000 -max_total_time=10
  exit 0
fi

scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
PY_TESTS=(bindings/python/tests)
[ -d examples/python ] && PY_TESTS+=(examples/python)
PYTHONPATH="$PWD/build/bindings/python${PYTHONPATH:+:$PYTHONPATH}" \
  /usr/bin/python3 -m pytest -c bindings/python/pytest.ini --rootdir . "${PY_TESTS[@]}"
