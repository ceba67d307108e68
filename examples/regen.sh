#!/usr/bin/env bash
# examples/regen.sh [DIR]: regenerates the programs of DIR (default: this
# folder; the tests use it for tests/e2e) from their Erlang sources in
# DIR/erl/:
#   NAME.s    erlc -S output, tidied (type annotations and module_info
#             dropped) - real BEAM assembly that beamlet assembles as is
#   NAME.out  what erl prints running NAME:main(), the expected output
# Needs erl and erlc (Debian's erlang-base). hello.s is written by hand.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "${1:-$here}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for src in erl/*.erl; do
    name=$(basename "$src" .erl)
    erlc -S -o "$tmp" "$src" 2>/dev/null || { echo "erlc failed on $src" >&2; exit 1; }
    {
        echo "%% $name.s - generated from erl/$name.erl by examples/regen.sh"
        echo "%% (erlc -S output with its type annotations and module_info removed)."
        python3 "$here/clean_erlc_s.py" "$tmp/$name.S"
    } > "$name.s"
    erlc -o "$tmp" "$src" 2>/dev/null
    # modules without main/0 are helpers that other programs call
    grep -q "main/0" "$src" || continue
    rm -f "$name.status"
    status=0
    (cd "$tmp" && erl -noshell -s "$name" main -s init stop) > "$name.out" 2>/dev/null || status=$?
    # an uncaught exception: erl prints its report on stdout; keep what the
    # program printed before it
    sed -i '/init terminating/,$d' "$name.out"
    # erlang:display ends its lines with \r\n under erl -noshell; beamlet
    # with \n
    sed -i 's/\r$//' "$name.out"
    [ "$status" = 0 ] || echo "$status" > "$name.status"
done
