#!/usr/bin/env bash
# tests/fuzz/mutate.sh - the mutation acceptance test: for each program
# given (default: examples/*.s), MUTANTS random mutations (default 10000),
# then every truncation (every prefix of the file, and every shorter length
# of each section with the container fixed up), each loaded and run in a
# forked child of the ASan + UBSan build (tests/fuzz/mutate.c). Prints one
# line per program and mode; fails if any run ended with a signal, a
# sanitizer report, a hung loader or a malformed error message. Failing
# mutants are saved in OUT (default build/fuzz/failures) with their stderr;
# replay one with `$MUTATE -r FILE.bc`.
#
# Built and run by `make -f tests/fuzz/fuzz.mk mutate`. Settings (environment):
# MUTATE (the binary), MUTANTS, SEED, TIME_MS (per run, default 1000),
# JOBS (parallel runs, 0 = one per CPU), OUT.
set -u
MUTATE=${MUTATE:-build/fuzz/mutate}
MUTANTS=${MUTANTS:-10000}
SEED=${SEED:-1}
TIME_MS=${TIME_MS:-1000}
JOBS=${JOBS:-0}
OUT=${OUT:-build/fuzz/failures}
if [ ! -x "$MUTATE" ]; then
    echo "mutate.sh: $MUTATE not built (make -f tests/fuzz/fuzz.mk mutate-build)" >&2
    exit 2
fi
if [ $# -gt 0 ]; then files=("$@"); else files=(examples/*.s); fi
common=(-s "$SEED" -t "$TIME_MS" -j "$JOBS" -o "$OUT")
status=0
start=$(date +%s)
echo "== $MUTANTS random mutations of each program (seed $SEED)"
"$MUTATE" -m mutate -n "$MUTANTS" "${common[@]}" "${files[@]}" || status=1
echo "== every truncation of each program"
"$MUTATE" -m truncate "${common[@]}" "${files[@]}" || status=1
echo "== $(($(date +%s) - start)) s; $([ $status = 0 ] && echo "no failures" || echo "FAILURES: see $OUT")"
exit $status
