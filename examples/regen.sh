#!/usr/bin/env bash
# Regenerates the example programs from their Erlang sources in erl/:
#   NAME.s    erlc -S output, tidied (type annotations and module_info
#             dropped) - real BEAM assembly that beamlet assembles as is
#   NAME.out  what erl prints running NAME:main(), the expected output
# Needs erl and erlc (Debian's erlang-base). hello.s is written by hand.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for src in erl/*.erl; do
    name=$(basename "$src" .erl)
    erlc -S -o "$tmp" "$src" 2>/dev/null
    {
        echo "%% $name.s - generated from erl/$name.erl by examples/regen.sh"
        echo "%% (erlc -S output with its type annotations and module_info removed)."
        python3 clean_erlc_s.py "$tmp/$name.S"
    } > "$name.s"
    erlc -o "$tmp" "$src" 2>/dev/null
    status=0
    (cd "$tmp" && erl -noshell -s "$name" main -s init stop) > "$name.out" 2>/dev/null || status=$?
    if grep -q "init terminating" "$name.out"; then
        # an uncaught exception: erl prints its report on stdout; keep what
        # the program printed before it
        sed -i '/init terminating/,$d' "$name.out"
        echo 1 > "$name.status"
    fi
done
