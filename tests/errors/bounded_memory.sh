#!/usr/bin/env bash
# Runs the ppm tool on every given input under an address-space limit (issue 23; docs/limits.md,
# "Memory"): each run must end with exit 0 or a clean error (1-5: negative answer, usage, bad
# input, file, cancelled), never 70 (internal), a signal (an allocation failure under the limit
# aborts) or a timeout.
#   bounded_memory.sh PPM LIMIT_MIB INPUT...     INPUT: a file or a folder (its files)
#   bounded_memory.sh --skip MESSAGE             prints MESSAGE and exits 77 (ctest's skip code)
# Models (.json .xml .xer .mpx) run `schedule`, `level` and `report`; PSPLIB instances (.sm .mm
# .sch) run `rcpsp`; files without an extension in fuzz/regressions/<reader>/ get the reader's.
set -u
if [ "${1:-}" = "--skip" ]; then
    echo "skipped: ${2:-}"
    exit 77
fi
ppm=$1
limit_kib=$(($2 * 1024))
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
runs=0
failures=0

run() {
    runs=$((runs + 1))
    (ulimit -v "$limit_kib" && exec timeout 300 "$ppm" -q "$@") >/dev/null 2>"$tmp/err"
    local rc=$?
    if [ "$rc" -gt 5 ]; then
        failures=$((failures + 1))
        echo "FAIL (exit $rc): ppm $*"
        tail -c 400 "$tmp/err"
    fi
}

one() {
    local file=$1 base=${1##*/} ext=
    case "$base" in *.*) ext=${base##*.} ;; esac
    if [ -z "$ext" ]; then
        case "${file%/*}" in  # no extension: take it from fuzz/regressions/<reader>/
            */json) ext=json ;; */mspdi | */pmxml) ext=xml ;; */xer) ext=xer ;; */mpx) ext=mpx ;; *) return ;;
        esac
        cp "$file" "$tmp/input.$ext"
        file="$tmp/input.$ext"
    fi
    case "$ext" in
        json | xml | xer | mpx)
            run schedule "$file"
            run level "$file" --threads 2 --schedules 200
            run report "$file" --out "$tmp/report.html"
            ;;
        sm | mm | sch | SCH) run rcpsp "$file" --schedules 200 ;;
    esac
}

for input in "$@"; do
    if [ -d "$input" ]; then
        for f in "$input"/*; do [ -f "$f" ] && one "$f"; done
    elif [ -f "$input" ]; then
        one "$input"
    else
        echo "FAIL: no input $input"
        failures=$((failures + 1))
    fi
done
echo "$runs runs under ${limit_kib} KiB of address space, $failures failed"
[ "$failures" -eq 0 ]
