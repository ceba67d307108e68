#!/usr/bin/env bash
# tests/diff/run.sh [FILE.erl...] - the differential suite: each program
# (default: tests/diff/*.erl) runs on Erlang/OTP (compiled with erlc) and on
# beamlet (`beamlet run FILE.erl`); both stdouts must be identical byte for
# byte, both must exit with status 0, and erl's output must equal the
# recorded NAME.out beside the program. UPDATE=1 rewrites the .out files
# from erl's output. Without erl/erlc, beamlet is compared with the .out
# files only. Last line: "N passed, N failed"; exit status 1 on a failure.
#
# Environment: BUILD (default build), TIMEOUT seconds per run (default 30),
# JOBS parallel runs (default: number of cores).
set -u
here=$(cd "$(dirname "$0")" && pwd)
BUILD=${BUILD:-build}
BEAMLET=$(cd "$(dirname "$BUILD/beamlet")" 2>/dev/null && pwd)/beamlet
TIMEOUT=${TIMEOUT:-30}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
UPDATE=${UPDATE:-0}

# Helper mode used by xargs below: run one program on one side.
#   run.sh --one erl|beamlet NAME SRC    (DIFF_TMP: the work folder)
if [ "${1:-}" = "--one" ]; then
    side=$2 name=$3 src=$4 tmp=$DIFF_TMP
    if [ "$side" = erl ]; then
        # Crash reports go to stderr, as beamlet's do (erl's logger would
        # print them to stdout).
        (cd "$tmp/ebin" && ERL_CRASH_DUMP_SECONDS=0 timeout "$TIMEOUT" erl -noshell -pa . \
            -kernel logger '[{handler,default,logger_std_h,#{config=>#{type=>standard_error}}}]' \
            -eval "$name:main(), halt()." \
            > "$tmp/$name.erl.out" 2> "$tmp/$name.erl.err" < /dev/null)
    else
        timeout "$TIMEOUT" "$BEAMLET" run "$src" \
            > "$tmp/$name.bl.out" 2> "$tmp/$name.bl.err" < /dev/null
    fi
    echo $? > "$tmp/$name.$side.status"
    exit 0
fi

if [ ! -x "$BEAMLET" ]; then
    echo "diff: $BUILD/beamlet not built"
    echo "0 passed, 1 failed"
    exit 1
fi

files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    files=("$here"/*.erl)
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/ebin"

have_erl=1
if ! command -v erl > /dev/null 2>&1 || ! command -v erlc > /dev/null 2>&1; then
    have_erl=0
    echo "diff: erl not installed: SKIPPED the erl side; comparing beamlet with the recorded .out files"
fi

# One erlc invocation for all programs (erlc goes on past a bad file; a
# program whose .beam is missing fails below).
if [ $have_erl = 1 ]; then
    erlc -o "$TMP/ebin" "${files[@]}" > "$TMP/erlc.log" 2>&1 || {
        # erlc stops at the first bad file: compile the rest one by one.
        for src in "${files[@]}"; do
            name=$(basename "$src" .erl)
            [ -f "$TMP/ebin/$name.beam" ] ||
                printf '%s\0' "$src"
        done | xargs -0 -r -n 1 -P "$JOBS" erlc -o "$TMP/ebin" > "$TMP/erlc.log" 2>&1
    }
fi

# The jobs: "side name src" lines, run JOBS at a time.
for src in "${files[@]}"; do
    name=$(basename "$src" .erl)
    [ $have_erl = 1 ] && [ -f "$TMP/ebin/$name.beam" ] &&
        printf '%s\0%s\0%s\0' erl "$name" "$src"
    printf '%s\0%s\0%s\0' beamlet "$name" "$src"
done | DIFF_TMP=$TMP TIMEOUT=$TIMEOUT BUILD=$BUILD \
    xargs -0 -n 3 -P "$JOBS" "$here/run.sh" --one

pass=0
fail=0
bad() {
    fail=$((fail + 1))
    echo "FAIL: $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | head -${3:-15}
}

# A short description of an exit status.
why() {
    case $1 in
        124) echo "timed out after ${TIMEOUT}s" ;;
        0) echo "exit 0" ;;
        *) echo "exit $1" ;;
    esac
}

for src in "${files[@]}"; do
    name=$(basename "$src" .erl)
    rec=${src%.erl}.out
    blout=$TMP/$name.bl.out
    blst=$(cat "$TMP/$name.beamlet.status" 2>/dev/null || echo 1)
    ok=1
    if [ $have_erl = 1 ]; then
        erlout=$TMP/$name.erl.out
        if [ ! -f "$TMP/ebin/$name.beam" ]; then
            bad "$name: erlc failed" "$(grep -F "$(basename "$src")" "$TMP/erlc.log")"
            continue
        fi
        erlst=$(cat "$TMP/$name.erl.status" 2>/dev/null || echo 1)
        if [ "$erlst" != 0 ]; then
            bad "$name: erl $(why "$erlst")" "$(head -c 1500 "$TMP/$name.erl.err")"
            continue
        fi
        if [ "$UPDATE" = 1 ]; then
            cmp -s "$erlout" "$rec" || { cp "$erlout" "$rec"; echo "updated $rec"; }
        elif [ ! -f "$rec" ]; then
            bad "$name: no recorded $(basename "$rec") (run with UPDATE=1)"
            ok=0
        elif ! cmp -s "$erlout" "$rec"; then
            bad "$name: erl output differs from the recorded $(basename "$rec")" \
                "$(diff "$rec" "$erlout" | head -10)"
            ok=0
        fi
        expected=$erlout
    else
        expected=$rec
        if [ ! -f "$rec" ]; then
            bad "$name: no recorded $(basename "$rec")"
            continue
        fi
    fi
    if [ "$blst" != 0 ]; then
        bad "$name: beamlet $(why "$blst")" \
            "$( (diff "$expected" "$blout" | head -8; head -c 1200 "$TMP/$name.bl.err") )" 20
        continue
    fi
    if ! cmp -s "$expected" "$blout"; then
        bad "$name: beamlet output differs (< expected, > beamlet)" \
            "$(diff "$expected" "$blout" | head -12)"
        continue
    fi
    [ $ok = 1 ] && pass=$((pass + 1))
done

echo "$pass passed, $fail failed"
[ $fail = 0 ]
