#!/usr/bin/env bash
# Ctrl-C stops the engine cleanly (issue 22): SIGINT one second into a long run; the command must
# print its best result so far and exit with the "cancelled" code 5 (docs/cli.md), within seconds.
#   interrupt.sh PPM level|rcpsp FILE
# Exit 77 (skipped) when FILE is absent (the shared PSPLIB data is optional).
set -u
ppm=$1 command=$2 file=$3
if [[ ! -r $file ]]; then
    echo "skipped: $file not found"
    exit 77
fi
case $command in
    level) args=(level "$file" --schedules 1000000000 --json) ;;
    rcpsp) args=(rcpsp "$file" --schedules 1000000000 --json) ;;
    *) echo "unknown command $command"; exit 2 ;;
esac
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
# timeout sends SIGINT after 1 s and SIGKILL 20 s later if ppm has not stopped; --preserve-status
# returns ppm's own exit code. --foreground: the signal goes to ppm once, as a terminal's Ctrl-C
# does (without it timeout also signals its whole process group, so ppm would get SIGINT twice,
# and a second Ctrl-C means "quit now").
start=$(date +%s)
timeout --foreground --preserve-status -k 20 -s INT 1 "$ppm" "${args[@]}" >"$out" 2>"$err"
rc=$?
elapsed=$(( $(date +%s) - start ))
if [[ $rc -ne 5 ]]; then
    echo "exit code $rc, expected 5 (cancelled)"; cat "$err"; exit 1
fi
if ! grep -q '"makespan"\|"portfolio_finish"' "$out"; then
    echo "no result printed after the interrupt:"; cat "$out" "$err"; exit 1
fi
if ! grep -q 'interrupted' "$err"; then
    echo "stderr does not say it was interrupted:"; cat "$err"; exit 1
fi
if (( elapsed > 15 )); then
    echo "took ${elapsed}s to stop"; exit 1
fi
echo "ok: exit 5 after ${elapsed}s with the best result so far"
