#!/usr/bin/env bash
# bench/run.sh - runs each benchmark on beamlet, lua5.4, luajit -joff and
# erl in the same session and prints the median wall time of RUNS runs
# (default 5) and the ratio to beamlet. Programs: examples/fib.s (naive
# fib(30)) and examples/count.s (a loop counting 100,000,000 down with an
# addition per step), with the same computation in bench/lua/ and
# examples/erl/. Then the process benchmarks (bench/proc.sh).
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
RUNS=${RUNS:-5}
BEAMLET=$BUILD/beamlet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# median wall seconds of RUNS runs of a command (stdout discarded)
median() {
    local times=() t0 t1
    for _ in $(seq "$RUNS"); do
        t0=$(date +%s%N)
        "$@" > /dev/null 2>&1 || { echo "failed"; return; }
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1e6}'
}

have() { command -v "$1" > /dev/null 2>&1; }

for name in fib count; do
    "$BEAMLET" asm "examples/$name.s" -o "$tmp/$name.bc" || exit 1
    [ -f "examples/erl/$name.erl" ] && have erlc && erlc -o "$tmp" "examples/erl/$name.erl"
done

erl_boot=0
have erl && erl_boot=$(median erl -noshell -s init stop)
printf '%-8s %-16s %10s %10s\n' bench runtime "median s" "vs beamlet"
for name in fib count; do
    b=$(median "$BEAMLET" run "$tmp/$name.bc")
    printf '%-8s %-16s %10s %10s\n' "$name" beamlet "$b" 1.00
    row() {
        local label=$1; shift
        local t
        t=$(median "$@")
        printf '%-8s %-16s %10s %10s\n' "$name" "$label" "$t" "$(awk -v a="$t" -v b="$b" 'BEGIN {printf "%.2f", a / b}')"
    }
    have lua5.4 && row lua5.4 lua5.4 "bench/lua/$name.lua"
    have luajit && row "luajit -joff" luajit -joff "bench/lua/$name.lua"
    if have erl; then
        # erl's own boot takes most of a second: report it subtracted
        t=$(median erl -noshell -pa "$tmp" -s "$name" main -s init stop)
        t=$(awk -v a="$t" -v b="$erl_boot" 'BEGIN {d = a - b; printf "%.3f", d < 0.001 ? 0.001 : d}')
        printf '%-8s %-16s %10s %10s\n' "$name" "erl - boot" "$t" "$(awk -v a="$t" -v b="$b" 'BEGIN {printf "%.2f", a / b}')"
    fi
done

echo
echo "processes (bench/proc.sh; rates per second, ratio = beamlet / erl):"
bench/proc.sh
