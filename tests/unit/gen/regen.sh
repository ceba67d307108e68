#!/usr/bin/env bash
# regen.sh - regenerates the data files of tests/unit/data/ from erl, each by
# its generator beside this script (see tests/unit/data/README.md).
#
#   tests/unit/gen/regen.sh           rewrite the data files
#   tests/unit/gen/regen.sh --check   regenerate into a scratch folder and
#                                     compare with the committed files byte
#                                     for byte (exit 1 if any differs)
set -eu
gen=$(cd "$(dirname "$0")" && pwd)
data=$(cd "$gen/../data" && pwd)
# data file <- generator
files=(print:print_cases print_floats:print_floats arith:arith_cases math:math_cases)

out=$data
if [ "${1:-}" = --check ]; then
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi
status=0
for f in "${files[@]}"; do
    name=${f%%:*}.txt
    escript "$gen/${f##*:}.erl" "$out/$name"
    if [ "$out" != "$data" ]; then
        if cmp -s "$out/$name" "$data/$name"; then
            echo "$name: same"
        else
            echo "$name: differs from the committed file"
            status=1
        fi
    fi
done
exit $status
