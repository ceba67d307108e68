#!/usr/bin/env bash
# tests/run.sh - runs beamlet's test suites and prints "N passed, N failed".
#
#   tests/run.sh             everything
#   tests/run.sh unit        only the Check unit tests
#   tests/run.sh FILE        one unit test source, .s program or bad input
#
# Suites:
#   unit      build/tests/test_* (Check; each file is one program)
#   programs  examples/*.s, tests/e2e/*.s (assembly), tests/compile/*.erl and
#             tests/lib/*_test.erl (compiled by beamlet): run, stdout compared
#             with the .out file beside them (exit status with .status, 0 if
#             absent); run again with garbage collection at every safe point
#   bad       bad `run` options; tests/bad/asm/*.s: `beamlet asm` and tests/bad/erl/*.erl:
#             `beamlet compile` must fail with exactly the .err text;
#             tests/bad/bc/*.bc: `beamlet run` must fail with the one line
#             in .err
#   roundtrip every assembled program: dis output reassembles to the same bytes
#   proc      tests/proc/*.erl (processes): run with 1, 2 and 8 schedulers,
#             and with 2 under GC stress; stdout and status as programs
#   stress    tests/stress/*.erl with their .args (16 senders x 1,000,000
#             messages, a 100,000-process linked chain killed, random kills in
#             a supervision tree) on 4 schedulers
#   diff      tests/diff/run.sh: each tests/diff/*.erl on erl and on beamlet,
#             outputs compared byte for byte (see tests/diff/README.md)
set -u
BUILD=${BUILD:-build}
BEAMLET=$BUILD/beamlet
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
failed=()

ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    failed+=("$1")
    echo "FAIL: $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20
}

run_unit() {
    local t=$1 name
    name=$(basename "$t")
    local out
    if out=$(CK_DEFAULT_TIMEOUT=${CK_DEFAULT_TIMEOUT:-60} "$t" 2>&1); then
        ok
        printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks' | sed "s/^/$name: /"
    else
        bad "unit $name" "$out"
    fi
}

# A program: assemble (if .s), run, compare stdout and status.
run_program() {
    local src=$1 extra=${2:-} base bc expected_status status out
    base=${src%.*}
    bc=$TMP/$(basename "$base").bc
    if [[ $src == *.s ]]; then
        if ! out=$("$BEAMLET" asm "$src" -o "$bc" 2>&1); then
            bad "asm $src" "$out"
            return
        fi
    else
        bc=$src
    fi
    expected_status=0
    [ -f "$base.status" ] && expected_status=$(cat "$base.status")
    local args=()
    [ -f "$base.args" ] && read -r -a args < "$base.args"
    local opts=()
    [ -n "${RUN_OPTS:-}" ] && read -r -a opts <<< "$RUN_OPTS"
    env $extra timeout "${PROGRAM_TIMEOUT:-120}" "$BEAMLET" run "${opts[@]}" "$bc" "${args[@]}" > "$TMP/out" 2> "$TMP/err"
    status=$?
    if [ "$status" != "$expected_status" ]; then
        bad "run ${RUN_OPTS:-} $src $extra (exit $status, expected $expected_status)" "$(cat "$TMP/err")"
    elif [ -f "$base.out" ] && ! cmp -s "$TMP/out" "$base.out"; then
        bad "run ${RUN_OPTS:-} $src $extra (stdout differs)" "$(diff "$base.out" "$TMP/out" | head -20)"
    elif [ -f "$base.err" ] && ! grep -qF -f "$base.err" "$TMP/err"; then
        bad "run ${RUN_OPTS:-} $src $extra (stderr lacks the expected lines)" "$(cat "$TMP/err")"
    else
        ok
    fi
}

# dis output must reassemble to identical bytes.
run_roundtrip() {
    local src=$1 name
    name=$(basename "${src%.*}")
    "$BEAMLET" asm "$src" -o "$TMP/$name.rt1.bc" 2>/dev/null || return
    if ! "$BEAMLET" dis "$TMP/$name.rt1.bc" > "$TMP/$name.rt.s" 2> "$TMP/err"; then
        bad "dis $src" "$(cat "$TMP/err")"
        return
    fi
    if ! "$BEAMLET" asm "$TMP/$name.rt.s" -o "$TMP/$name.rt2.bc" 2> "$TMP/err"; then
        bad "reassemble dis of $src" "$(cat "$TMP/err")"
    elif ! cmp -s "$TMP/$name.rt1.bc" "$TMP/$name.rt2.bc"; then
        bad "dis/asm round trip of $src (bytes differ)"
    else
        ok
    fi
}

run_bad_asm() {
    local src=$1 out status
    out=$("$BEAMLET" asm "$src" -o "$TMP/bad.bc" 2>&1)
    status=$?
    if [ $status -eq 0 ]; then
        bad "bad asm $src was accepted"
    elif [ $status -ge 128 ]; then
        bad "bad asm $src crashed (status $status)" "$out"
    elif [ -f "${src%.s}.err" ] && [ "$out" != "$(cat "${src%.s}.err")" ]; then
        bad "bad asm $src (message differs)" "$(diff <(printf '%s\n' "$out") "${src%.s}.err")"
    else
        ok
    fi
}

run_bad_erl() {
    local src=$1 out status
    out=$("$BEAMLET" compile "$src" -o "$TMP/bad.bc" 2>&1)
    status=$?
    if [ $status -eq 0 ]; then
        bad "bad erl $src was accepted"
    elif [ $status -ge 128 ]; then
        bad "bad erl $src crashed (status $status)" "$out"
    elif [ -f "${src%.erl}.err" ] && [ "$out" != "$(cat "${src%.erl}.err")" ]; then
        bad "bad erl $src (message differs)" "$(diff <(printf '%s\n' "$out") "${src%.erl}.err")"
    else
        ok
    fi
}

run_bad_bc() {
    local bc=$1 out status
    out=$(timeout 20 "$BEAMLET" run "$bc" 2>&1)
    status=$?
    if [ $status -ne 1 ]; then
        bad "bad bc $bc (exit $status, expected 1)" "$out"
    elif [ -f "${bc%.bc}.err" ] && [ "$out" != "$(cat "${bc%.bc}.err")" ]; then
        bad "bad bc $bc (message differs)" "$(diff <(printf '%s\n' "$out") "${bc%.bc}.err")"
    else
        ok
    fi
}

# Programs are the .s files with an expected output; the others are modules
# they call (assembled beside them).
# A short libFuzzer run of the loader, in the default build only (the
# sanitizer builds run the suite again, not the fuzzer); FUZZ_SMOKE=0 skips.
fuzz_smoke() {
    [ "$BUILD" = build ] && [ "${FUZZ_SMOKE:-1}" = 1 ] || return 0
    local probe=$TMP/probe
    if ! printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' |
        clang -fsanitize=fuzzer -x c - -o "$probe" > /dev/null 2>&1; then
        echo "fuzz: skipped (clang with libFuzzer is not installed)"
        return 0
    fi
    local t=${FUZZ_SMOKE_TIME:-20}
    echo "fuzz: running the loader fuzzer for $t s"
    if make --no-print-directory -f tests/fuzz/fuzz.mk FUZZ_TIME="$t" > "$TMP/fuzz.log" 2>&1; then
        ok
        grep -E '^(Done|#[0-9]+ *DONE)' "$TMP/fuzz.log" | tail -1
    else
        bad "fuzz (see build/fuzz for the crashing input)" "$(tail -40 "$TMP/fuzz.log")"
    fi
}

# Bad `run` options: a one-line message naming the option, exit status 2.
run_bad_options() {
    local a out status
    for a in "-S 0" "-S 2x" "-S 1025" "-S" "-reds 0" "-reds -5" "-reds x"; do
        out=$("$BEAMLET" run $a examples/hello.s 2>&1)
        status=$?
        local opt=${a%% *}
        if [ $status -ne 2 ] || [ "$out" != "beamlet run: $opt needs a number from 1 to $([ "$opt" = -S ] && echo 1024 || echo 1073741824)" ]; then
            bad "beamlet run $a (exit $status)" "$out"
        else
            ok
        fi
    done
}

# The differential suite counts as one check per program.
run_diff() {
    [ -x tests/diff/run.sh ] || return 0
    local out last p f
    # The process programs too (but halt_child, whose point is its status).
    local progs=(tests/diff/*.erl)
    for f in tests/proc/*.erl; do [ "$f" = tests/proc/halt_child.erl ] || progs+=("$f"); done
    out=$(BUILD=$BUILD tests/diff/run.sh "${progs[@]}" 2>&1)
    last=$(printf '%s\n' "$out" | tail -1)
    printf '%s\n' "$out" | grep -E '^(diff:|FAIL)' | head -40
    if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        p=${BASH_REMATCH[1]}
        f=${BASH_REMATCH[2]}
        pass=$((pass + p))
        if [ "$f" -gt 0 ]; then
            fail=$((fail + f))
            failed+=("diff suite: $f programs differ (tests/diff/run.sh)")
        fi
        echo "diff: $last"
    else
        bad "diff suite did not finish" "$(printf '%s\n' "$out" | tail -20)"
    fi
}

programs() {
    local s
    for s in examples/*.s tests/e2e/*.s tests/compile/*.erl tests/lib/*_test.erl; do
        [ -f "${s%.*}.out" ] && echo "$s"
    done
}

# Assembles the e2e helper modules into the folder the programs run from.
for s in tests/e2e/*.s; do
    [ -f "${s%.s}.out" ] || "$BEAMLET" asm "$s" -o "$TMP/$(basename "${s%.s}").bc" 2>/dev/null
done

what=${1:-all}
case $what in
all | unit)
    for t in "$BUILD"/tests/test_*; do [ -x "$t" ] && run_unit "$t"; done
    ;;
esac
case $what in
all)
    for s in $(programs); do run_program "$s"; done
    # Collecting at every safe point is slow: only the small programs.
    for s in $(programs | grep '^tests/e2e/' | grep -v deep); do run_program "$s" BEAMLET_GC_STRESS=1; done
    for s in $(programs | grep '\.s$'); do run_roundtrip "$s"; done
    for s in tests/proc/*.erl; do
        [ -f "${s%.erl}.out" ] || continue
        for n in 1 2 8; do RUN_OPTS="-S $n" run_program "$s"; done
        RUN_OPTS="-S 2" run_program "$s" BEAMLET_GC_STRESS=1
    done
    # Stress: many processes and messages on more schedulers than cores
    # (in `make tsan` too, where they are the point), counts checked by the
    # programs themselves.
    for s in tests/stress/*.erl; do
        # (minutes under ThreadSanitizer, hence the long timeout)
        [ -f "${s%.erl}.out" ] && PROGRAM_TIMEOUT=1200 RUN_OPTS="-S 4" run_program "$s"
    done
    run_diff
    for s in tests/bad/asm/*.s; do [ -f "$s" ] && run_bad_asm "$s"; done
    for b in tests/bad/bc/*.bc; do [ -f "$b" ] && run_bad_bc "$b"; done
    for s in tests/bad/erl/*.erl; do [ -f "$s" ] && run_bad_erl "$s"; done
    run_bad_options
    if out=$(docs/update_opcodes.sh "$BUILD/gen_opcodes" --check 2>&1); then ok; else bad "docs" "$out"; fi
    fuzz_smoke
    ;;
unit) ;;
*.c)
    run_unit "$BUILD/tests/$(basename "${what%.c}")"
    ;;
tests/bad/asm/*) run_bad_asm "$what" ;;
tests/bad/bc/*) run_bad_bc "$what" ;;
tests/bad/erl/*) run_bad_erl "$what" ;;
*)
    run_program "$what"
    run_program "$what" BEAMLET_GC_STRESS=1
    run_roundtrip "$what"
    ;;
esac

echo
if [ $fail -gt 0 ]; then
    echo "failed:"
    printf '  %s\n' "${failed[@]}"
fi
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
