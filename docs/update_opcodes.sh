#!/usr/bin/env bash
# docs/update_opcodes.sh GEN [--check]: writes the output of GEN (the
# opcode table generator) between the OPCODES markers of docs/asm.md, or
# with --check only tells whether the table there is current.
set -eu
gen=$1
doc=$(dirname "$0")/asm.md
new=$(mktemp)
trap 'rm -f "$new"' EXIT
awk -v gen="$gen" '
    /<!-- BEGIN OPCODES -->/ { print; while ((gen | getline line) > 0) print line; skip = 1; next }
    /<!-- END OPCODES -->/ { skip = 0 }
    !skip { print }
' "$doc" > "$new"
if [ "${2:-}" = --check ]; then
    if ! cmp -s "$new" "$doc"; then
        echo "docs/asm.md: the instruction table is out of date with vm/opcodes.def; run 'make docs'"
        exit 1
    fi
else
    cp "$new" "$doc"
fi
