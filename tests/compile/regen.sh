#!/usr/bin/env bash
# tests/compile/regen.sh [NAME.erl...]: writes NAME.out, what erl prints
# running NAME:main() (compiled with erlc), for the Erlang programs of this
# folder (default: all). Each program is compiled by beamlet's compiler and
# run by the test suite, and its output compared with NAME.out. Needs erl
# and erlc (Debian's erlang-base).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cd "$here"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(*.erl)
for src in "${files[@]}"; do
    name=$(basename "$src" .erl)
    erlc -o "$tmp" "$src" >/dev/null 2>&1 || { echo "erlc failed on $src" >&2; exit 1; }
    (cd "$tmp" && erl -noshell -s "$name" main -s init stop) > "$name.out"
done
