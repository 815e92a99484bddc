#!/usr/bin/env bash
# Runs every test (C++ via ctest, Python via pytest) from a fresh machine: installs what is needed,
# builds with -Werror, then tests.
# `scripts/test.sh --sanitize` builds a separate clang tree (build-asan/: ASan+UBSan, with libFuzzer's
# coverage instrumentation so that the same tree also holds the fuzz harnesses), runs the C++ tests
# there, then a short libFuzzer run of every reader (5 s each, scripts/fuzz.sh), then the threaded
# solvers under TSan (scripts/tsan.sh).
# `scripts/test.sh --fuzz` runs every libFuzzer harness briefly in its own tree (build-fuzz/, -O2).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

if [ "${1:-}" = "--sanitize" ]; then
  export PPM_BUILD_DIR=build-asan PPM_BUILD_TYPE=Release
  # clang, -O1 (a quick build, useful stack traces), asserts on (no NDEBUG). fuzzer-no-link adds the
  # coverage instrumentation libFuzzer needs; the tests run with the sanitizer runtime's no-op hooks.
  # Examples and the headless-browser page checks add nothing under the sanitizers (the page
  # generation itself is covered by the other report tests): left to the plain run, to keep CI short,
  # as are the five longest cases (the store's kill-at-random-points loop, 70 s, the RCPSP/max
  # optimum table, 63 s, random levelled portfolios, 26 s, the dashboard's Monte Carlo view, 19 s,
  # MPLIB levelling, 15 s, under ASan) and the header-examples compile check (PPM_SANITIZE skips it).
  scripts/build.sh -DCMAKE_CXX_COMPILER=clang++-14 -DPPM_SANITIZE=ON -DPPM_BUILD_FUZZERS=ON \
    -DPPM_BUILD_PYTHON=OFF -DPPM_INSTALL=OFF -DPPM_BUILD_EXAMPLES=OFF -DCMAKE_CXX_FLAGS_RELEASE=-O1 \
    -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j "$(nproc)" \
      -E "headless Chromium|renders at 1280 px|SIGKILLed at random points|rcpsp max: j10 \(every file\)|random portfolios are feasible|Monte Carlo view of the portfolio finish|level on MPLIB1_Set1_0 matches"
  # Every reader's harness from the same tree, 5 s each; a finding fails the run and is copied to
  # fuzz/regressions/<reader>/ (docs/fuzzing.md).
  PPM_FUZZ_BUILD="$PWD/build-asan" PPM_FUZZ_NICE=0 scripts/fuzz.sh -max_total_time=5
  scripts/tsan.sh  # the threaded solvers (levelling, Monte Carlo) under ThreadSanitizer
  exit 0
fi
if [ "${1:-}" = "--fuzz" ]; then
  # A short libFuzzer run of every reader in its own -O2 tree (build-fuzz/; docs/fuzzing.md).
  scripts/fuzz.sh -runs=20000 -max_total_time=10
  exit 0
fi

scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
PY_TESTS=(bindings/python/tests)
[ -d examples/python ] && PY_TESTS+=(examples/python)
PYTHONPATH="$PWD/build/bindings/python${PYTHONPATH:+:$PYTHONPATH}" \
  /usr/bin/python3 -m pytest -c bindings/python/pytest.ini --rootdir . "${PY_TESTS[@]}"
