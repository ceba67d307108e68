#!/usr/bin/env bash
# bench/proc.sh - the process benchmarks (bench/proc/*.erl) on beamlet and on
# Erlang/OTP in the same session: beamlet with -S 1 and its default (one
# scheduler per CPU) against erl +S 1 and erl's default. Each program times
# itself (start-up left out); the figure is the median of RUNS runs
# (default 3) and the ratio is beamlet's rate over erl's with the same
# number of schedulers (> 1: beamlet is faster). Idle memory is resident
# memory per waiting process, read from /proc for both VMs.
#   RUNS=5 bench/proc.sh         QUICK=1 bench/proc.sh (smaller sizes)
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
RUNS=${RUNS:-3}
BEAMLET=$BUILD/beamlet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
have() { command -v "$1" > /dev/null 2>&1; }
have_erl=0
if have erl && have erlc && erlc -o "$tmp" bench/proc/*.erl; then have_erl=1; fi

if [ "${QUICK:-0}" = 1 ]; then
    RING="1000 1000000" PP="1000000" SPAWN="200000" IDLE=100000 CPU="2 27 5"
else
    RING="1000 10000000" PP="10000000" SPAWN="1000000" IDLE=1000000 CPU="2 32 10"
fi

# field NAME from a key=value line
field() { sed -n "s/.*[ :]$1=\([0-9.]*\).*/\1/p" | head -1; }

# median of RUNS values of FIELD printed by a command
median() {
    local f=$1; shift
    local vals=()
    for _ in $(seq "$RUNS"); do
        vals+=("$("$@" 2> /dev/null | field "$f")")
    done
    printf '%s\n' "${vals[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

bl() { "$BEAMLET" run -S "$1" "bench/proc/$2.erl" "${@:3}"; }
er() {
    local s=$1 m=$2; shift 2
    local sflag=()
    [ "$s" = 1 ] && sflag=(+S 1)
    erl "${sflag[@]}" +P 2000000 -noshell -pa "$tmp" -run "$m" main "$@" -s erlang halt
}

ncpu=$(getconf _NPROCESSORS_ONLN)
printf '%-34s %12s %12s %8s\n' "benchmark (rate per second)" beamlet erl "ratio"
row() { # label field program args...
    local label=$1 f=$2 prog=$3; shift 3
    for s in 1 "$ncpu"; do
        local b e r
        b=$(median "$f" bl "$s" "$prog" "$@")
        e=-
        r=-
        if [ $have_erl = 1 ]; then
            e=$(median "$f" er "$s" "$prog" "$@")
            r=$(awk -v a="$b" -v b="$e" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')
        fi
        printf '%-34s %12s %12s %8s\n' "$label, $s sched" "$b" "$e" "$r"
    done
}
row "ring ${RING% *} procs, ${RING#* } hops" hops_per_s ring $RING
row "pingpong $PP round trips (msgs)" msgs_per_s pingpong $PP
row "spawn $SPAWN in turn" spawns_per_s spawn $SPAWN

# CPU-bound scaling: 2 independent workers, one scheduler against all.
# The -S 1 and -S N runs alternate (a noisy machine then slows both alike)
# and the speed-up is the median of the pairs' ratios, over SCALE_RUNS pairs
# (default 15). erl's own speed-up, measured the same way, shows what this
# machine allows; "1 worker" is the time one worker takes alone (the ideal
# for -S N).
scaling() { # label runner: prints "t1 tn speed-up" medians
    local runner=$1 t1 tn
    local ratios=() s1=() sn=()
    for _ in $(seq "${SCALE_RUNS:-15}"); do
        t1=$("$runner" 1 cpu2 $CPU 2> /dev/null | field ms)
        tn=$("$runner" "$ncpu" cpu2 $CPU 2> /dev/null | field ms)
        s1+=("$t1")
        sn+=("$tn")
        ratios+=("$(awk -v a="$t1" -v b="$tn" 'BEGIN {printf "%.3f", a / b}')")
    done
    med() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
    echo "$(med "${s1[@]}") $(med "${sn[@]}") $(med "${ratios[@]}")"
}
one=$(median ms bl 1 cpu2 1 ${CPU#* })
read -r b1 bn bx <<< "$(scaling bl)"
printf '%-34s %9s ms %9s ms  speed-up %.2f  (1 worker alone: %s ms)\n' \
    "cpu2 $CPU, beamlet -S 1 / -S $ncpu" "$b1" "$bn" "$bx" "$one"
if [ $have_erl = 1 ]; then
    read -r e1 en ex <<< "$(scaling er)"
    printf '%-34s %9s ms %9s ms  speed-up %.2f\n' "cpu2 $CPU, erl +S 1 / +S $ncpu" "$e1" "$en" "$ex"
fi

# Resident memory per idle process: VmRSS at `baseline` and at `ready`.
rss_per_proc() {
    local n=$1 fifo base=0 line rss pid
    shift
    fifo=$tmp/fifo
    rm -f "$fifo"
    mkfifo "$fifo"
    "$@" > "$fifo" 2> /dev/null &
    pid=$!
    while read -r line; do
        rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2> /dev/null)
        case $line in
            baseline*) base=$rss ;;
            ready*) echo $(((rss - base) * 1024 / n)) ;;
        esac
    done < "$fifo"
    wait $pid
}
bi=$(rss_per_proc "$IDLE" "$BEAMLET" run -S "$ncpu" bench/proc/idle.erl "$IDLE" wait 1000)
ei=-
[ $have_erl = 1 ] && ei=$(rss_per_proc "$IDLE" erl +P 2000000 -noshell -pa "$tmp" -run idle main "$IDLE" wait 1000 -s erlang halt)
printf '%-34s %12s %12s %8s\n' "idle process, bytes resident" "$bi" "$ei" \
    "$(awk -v a="$bi" -v b="$ei" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "-"}')"
