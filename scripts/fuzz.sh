#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/, clang-14, -fsanitize=fuzzer,address,undefined) in
# build-fuzz and runs each one (issue 8, "Hardening"; docs/limits.md).
#   scripts/fuzz.sh --ci            short run of every harness (15 s each, ~2.5 min in total)
#   scripts/fuzz.sh SECONDS         run every harness for SECONDS
#   scripts/fuzz.sh -runs=N         run every harness for N executions
#   scripts/fuzz.sh -runs=N SECONDS for N executions or SECONDS, whichever comes first
#   scripts/fuzz.sh ... -- json xer only the named harnesses
# Environment: PPM_FUZZ_BUILD (default <repo>/build-fuzz), PPM_SHARED_DATA (default <repo>/../shared/data),
# CXX (default clang++-14), PPM_FUZZ_NO_BUILD=1 (run the harnesses already built), PPM_FUZZ_MAX_LEN (largest
# input in bytes, default 16384), PPM_FUZZ_NICE (default 10). ASAN_OPTIONS is passed through
# (malloc_context_size=2:quarantine_size_mb=64 gave ~10 % more executions per second on the line
# readers, but two niced long runs with it stopped on 10-second stalls inside ASan's quarantine
# recycling, docs/fuzzing.md: the default stays ASan's own).
# Each harness starts from fuzz/seeds/<reader>/ plus matching files of the shared data and keeps its
# growing corpus in $PPM_FUZZ_BUILD/corpus/<reader>/. An input that crashes, leaks, times out or runs
# out of memory is copied to fuzz/regressions/<reader>/ (replayed by ctest "errors: fuzz replay <reader>")
# and the script exits 1.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${PPM_FUZZ_BUILD:-$ROOT/build-fuzz}"
DATA="${PPM_SHARED_DATA:-$ROOT/../shared/data}"
CXX_BIN="${CXX:-clang++-14}"
MAX_LEN="${PPM_FUZZ_MAX_LEN:-16384}"
NICE="${PPM_FUZZ_NICE:-10}"
READERS_ALL=(json mspdi pmxml xer mpx psplib psplib_max selection control)

# Limits: any of --ci, SECONDS, -runs=N, -max_total_time=N, combined (the first reached stops a run),
# up to an optional "--" followed by reader names.
limit=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
  case "$1" in
    --ci) limit+=(-max_total_time=15) ;;
    -runs=*|-max_total_time=*) limit+=("$1") ;;
    ''|*[!0-9]*) echo "usage: $0 [--ci|SECONDS|-runs=N|-max_total_time=N]... [-- reader...]" >&2; exit 2 ;;
    *) limit+=(-max_total_time="$1") ;;
  esac
  shift
done
[[ ${#limit[@]} -eq 0 ]] && limit=(-max_total_time=15)
readers=()
if [[ "${1:-}" == "--" ]]; then shift; readers=("$@"); fi
[[ ${#readers[@]} -eq 0 ]] && readers=("${READERS_ALL[@]}")

if [[ ! -f "$BUILD/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$CXX_BIN" \
    -DPPM_BUILD_FUZZERS=ON -DPPM_BUILD_TESTS=OFF -DPPM_BUILD_EXAMPLES=OFF -DPPM_BUILD_APPS=OFF -DPPM_INSTALL=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    >/dev/null
fi
targets=()
for r in "${readers[@]}"; do targets+=("fuzz_$r"); done
[[ -n "${PPM_FUZZ_NO_BUILD:-}" ]] || nice -n 10 cmake --build "$BUILD" --target "${targets[@]}" -j2

# Shared-data seeds per reader (small files only: libFuzzer's max_len below truncates the rest).
seed_from_data() {
  local reader="$1" dir="$2"
  [[ -d "$DATA" ]] || return 0
  case "$reader" in
    mspdi) find "$DATA/interchange/mspdi" -name '*.xml' -size -16k -exec cp -n {} "$dir/" \; ;;
    pmxml) find "$DATA/interchange/pmxml" -name '*.xml' -size -16k -exec cp -n {} "$dir/" \; ;;
    xer) find "$DATA/interchange/xer" -name '*.xer' -size -16k -exec cp -n {} "$dir/" \; ;;
    mpx) find "$DATA/interchange/mpx" -name '*.mpx' -size -16k -exec cp -n {} "$dir/" \; ;;
    psplib) find "$DATA/psplib/j30/instances" -name 'j301_*.sm' -exec cp -n {} "$dir/" \; 2>/dev/null || true
            find "$DATA/psplib/mrcpsp/j10/instances" -name 'j101_*.mm' -exec cp -n {} "$dir/" \; 2>/dev/null || true ;;
    psplib_max) find "$DATA/psplib/rcpsp-max/j10/instances" -name 'PSP1?.SCH' -exec cp -n {} "$dir/" \; 2>/dev/null || true ;;
  esac
}

status=0
summary=()
for r in "${readers[@]}"; do
  corpus="$BUILD/corpus/$r"
  artifacts="$BUILD/artifacts/$r"
  mkdir -p "$corpus" "$artifacts"
  rm -f "$artifacts"/*  # an earlier run's findings are already in fuzz/regressions/: report only this run's
  cp -n "$ROOT/fuzz/seeds/$r/"* "$corpus/" 2>/dev/null || true
  [[ -d "$ROOT/fuzz/regressions/$r" ]] && cp -n "$ROOT/fuzz/regressions/$r/"* "$corpus/" 2>/dev/null || true
  seed_from_data "$r" "$corpus"
  log="$BUILD/fuzz_$r.log"
  echo "== fuzz_$r ${limit[*]} (log $log)"
  set +e
  nice -n "$NICE" "$BUILD/fuzz/fuzz_$r" "$corpus" "${limit[@]}" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 \
    -malloc_limit_mb=1024 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  summary+=("$r: ${runs:-?} executions, exit $rc")
  shopt -s nullglob
  found=("$artifacts"/*)
  shopt -u nullglob
  if [[ $rc -ne 0 || ${#found[@]} -gt 0 ]]; then
    status=1
    mkdir -p "$ROOT/fuzz/regressions/$r"
    for a in "${found[@]}"; do cp "$a" "$ROOT/fuzz/regressions/$r/"; done
    echo "!! fuzz_$r failed (exit $rc); inputs copied to fuzz/regressions/$r/; see $log" >&2
    grep -m5 -E 'ERROR|SUMMARY|runtime error|terminate' "$log" >&2 || true
  fi
done
printf '%s\n' "${summary[@]}"
exit $status
