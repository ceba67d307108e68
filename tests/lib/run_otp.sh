#!/usr/bin/env bash
# tests/lib/run_otp.sh - checks beamlet's standard library (lib/*.erl)
# against Erlang/OTP, using erlc and erl only (no beamlet needed).
#
#   tests/lib/run_otp.sh           everything
#   FUZZ_N=20000 tests/lib/run_otp.sh   more random cases per function
#   UPDATE=1 tests/lib/run_otp.sh  also rewrites the expected outputs
#
# Steps, each counted as passed or failed:
#   subset   lib/*.erl and the test programs use only what beamlet's
#            compiler accepts: no maps, no binary syntax beyond literals, no
#            calls to other OTP modules (a rough textual check)
#   compile  each lib module, renamed bl_<name> (lists -> bl_lists, and
#            calls lists:f -> bl_lists:f), compiles with erlc without warnings
#   <name>_test  each tests/lib/*_test.erl runs twice, once as written
#            (against OTP's modules) and once renamed the same way (against
#            ours); the two outputs must be identical byte for byte, and
#            equal to tests/lib/<name>_test.out, the expected output kept
#            for beamlet's own test runner (UPDATE=1 rewrites it)
#   fuzz     tests/lib/fuzz_otp.erl calls every function of both with many
#            random arguments, good and bad, and compares results and errors
# Prints "N passed, N failed"; exits 1 if anything failed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
LIB=$ROOT/lib
MODS="lists string proplists timer queue orddict ordsets gb_trees gb_sets sets"
MODS_RE=$(echo $MODS | tr ' ' '|')
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/otp" "$TMP/bl"
pass=0
fail=0

ok() { pass=$((pass + 1)); echo "ok:   $1"; }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $1"
    [ -n "${2:-}" ] && printf '%s\n' "$2" | head -30
}

# Renames the library modules in an Erlang source: the -module line of a
# library module and every remote call or fun Mod:F.
rename() {
    sed -E -e "s/\\b($MODS_RE):/bl_\\1:/g" \
        -e "s/^-module\\(($MODS_RE)\\)/-module(bl_\\1)/" "$1"
}

# The subset check: a crude textual one, on the code with comments and
# string literals removed. $1 names the check, $2 is the file.
check_subset() {
    local m=$1 f=$2 code problems=""
    code=$(sed -E -e 's/%.*$//' -e 's/"([^"\\]|\\.)*"/""/g' "$f")
    if grep -n '#{' <<<"$code" >/dev/null; then problems+="maps; "; fi
    # literal binaries <<"text">> are allowed, nothing else
    if sed 's/<<"">>//g' <<<"$code" | grep -n '<<' >/dev/null; then
        problems+="binary syntax; "
    fi
    local calls
    calls=$(grep -oE "\\b[a-z][A-Za-z0-9_]*:[a-z][A-Za-z0-9_]*\\(" <<<"$code" |
            sed 's/:.*//' | sort -u |
            grep -vxE "$MODS_RE|erlang|io|io_lib" || true)
    if [ -n "$calls" ]; then problems+="calls to: $(echo $calls); "; fi
    if grep -nE '^-compile|^-include|^-record|^-spec|^-type' <<<"$code" >/dev/null; then
        problems+="unsupported attribute; "
    fi
    if [ -z "$problems" ]; then ok "subset $m"; else bad "subset $m" "$problems"; fi
}

for m in $MODS; do
    check_subset "$m" "$LIB/$m.erl"
    rename "$LIB/$m.erl" >"$TMP/bl/bl_$m.erl"
    if out=$(cd "$TMP/bl" && erlc -Wall -Werror "bl_$m.erl" 2>&1); then
        ok "compile $m"
    else
        bad "compile $m" "$out"
    fi
done

for t in "$HERE"/*_test.erl; do
    name=$(basename "$t" .erl)
    check_subset "$name" "$t"
    cp "$t" "$TMP/otp/"
    rename "$t" >"$TMP/bl/$name.erl"
    if ! out=$(erlc -o "$TMP/otp" "$TMP/otp/$name.erl" 2>&1) ||
       ! out2=$(erlc -o "$TMP/bl" "$TMP/bl/$name.erl" 2>&1); then
        bad "$name" "${out:-}${out2:-}"
        continue
    fi
    (cd "$TMP/otp" && erl -noshell -pa . -eval "$name:main(), halt()." \
        >"$TMP/$name.otp" 2>&1)
    (cd "$TMP/bl" && erl -noshell -pa . -eval "$name:main(), halt()." \
        >"$TMP/$name.bl" 2>&1)
    if [ "${UPDATE:-0}" = 1 ]; then cp "$TMP/$name.otp" "$HERE/$name.out"; fi
    if ! cmp -s "$TMP/$name.otp" "$TMP/$name.bl"; then
        bad "$name" "$(diff "$TMP/$name.otp" "$TMP/$name.bl")"
    elif ! cmp -s "$TMP/$name.otp" "$HERE/$name.out"; then
        bad "$name" "OTP's output differs from $name.out (UPDATE=1 rewrites it)"
    else
        ok "$name ($(wc -l <"$TMP/$name.otp") lines identical)"
    fi
done

if out=$(cd "$TMP/bl" && erlc "$HERE/fuzz_otp.erl" 2>&1 &&
         erl -noshell -pa . -eval \
         "halt(case fuzz_otp:main(${FUZZ_N:-3000}) of 0 -> 0; _ -> 1 end)." 2>&1); then
    ok "fuzz ($(tail -1 <<<"$out"))"
else
    bad "fuzz" "$out"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
