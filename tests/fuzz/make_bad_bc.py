#!/usr/bin/env python3
"""make_bad_bc.py - writes the hostile bytecode files of tests/bad/bc/.

Each NAME.bc is a small module damaged in one way (container, tables,
literals, operands, verifier rules); tests/run.sh runs `beamlet run` on it
and compares the one-line error with NAME.err. The .err files were written
by running beamlet on these files and checking each message by hand.

    python3 tests/fuzz/make_bad_bc.py [OUTDIR]     (default tests/bad/bc)

The encoding follows docs/bc-format.md; this script does not use the
assembler, so it can write what the assembler would refuse to.
"""
import os
import struct
import sys

X, Y, INT, ATOM, NIL, LIT, LABEL, UINT, IMPORT, LAMBDA, LIST, FLOAT = range(12)


def varint(v):
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        out.append(b | (0x80 if v else 0))
        if not v:
            return bytes(out)


def svarint(v):
    return varint(((v << 1) ^ (v >> 63)) & (2**64 - 1))


def name(s):
    s = s.encode()
    return varint(len(s)) + s


def op(tag, v=0):
    if tag == NIL:
        return bytes([NIL])
    if tag == INT:
        return bytes([INT]) + svarint(v)
    if tag == FLOAT:
        return bytes([FLOAT]) + struct.pack("<d", v)
    return bytes([tag]) + varint(v)


def ins(opnum, *ops):
    return varint(opnum) + b"".join(ops)


def section(tag, body):
    return tag.encode() + struct.pack("<I", len(body)) + body + b"\0" * ((4 - len(body) % 4) % 4)


def container(sections, major=1, nsec=None):
    n = len(sections) if nsec is None else nsec
    return b"BLBC" + struct.pack("<HHII", major, 0, n, 0) + b"".join(sections)


def counted(entries):
    return varint(len(entries)) + b"".join(entries)


def label(n):
    return ins(1, op(UINT, n))


def func_info(fname_atom, arity):
    return ins(2, op(ATOM, 0), op(ATOM, fname_atom), op(UINT, arity))


RETURN = ins(19)


def module(mod, body, atoms=("main", "ok"), lits=(), imports=(), nlabels=None, extra=()):
    """Atoms: 0 = mod, then `atoms` (1 = main). main/0 is labels 1, 2 and
    `body` (a list of instructions, labels from 3 up)."""
    code = [label(1), func_info(1, 0), label(2)] + list(body)
    labels = nlabels if nlabels is not None else 3 + sum(1 for i in body if i[:1] == b"\x01")
    secs = [section("ATOM", counted([name(mod)] + [name(a) for a in atoms]))]
    if lits:
        secs.append(section("LITT", counted([varint(len(l)) + l for l in lits])))
    if imports:
        secs.append(section("IMPT", counted([varint(m) + varint(f) + varint(a) for m, f, a in imports])))
    secs.append(section("EXPT", counted([varint(1) + varint(0) + varint(2)])))
    secs.extend(extra)
    secs.append(section("CODE", varint(labels) + varint(1) + b"".join(code)))
    return container(secs)


OK_BODY = [ins(64, op(ATOM, 2), op(X, 0)), RETURN]


def files():
    good = module("bad_magic", OK_BODY)
    yield "bad_magic", b"BLBX" + good[4:]
    yield "bad_version", module("bad_version", OK_BODY)[:4] + struct.pack("<H", 2) + module("bad_version", OK_BODY)[6:]
    t = module("truncated", OK_BODY)
    yield "truncated", t[: len(t) - 6]
    yield "stray_bytes", module("stray_bytes", OK_BODY) + b"\0\0\0\0"
    d = module("duplicate_section", OK_BODY)
    atom = section("ATOM", counted([name("duplicate_section"), name("main"), name("ok")]))
    yield "duplicate_section", d[:8] + struct.pack("<I", struct.unpack("<I", d[8:12])[0] + 1) + d[12:] + atom
    # An atom count that would allocate 2^60 entries.
    h = module("huge_count", OK_BODY)
    body = varint(2**60) + name("huge_count") + name("main") + name("ok")
    start = h.index(b"ATOM")
    old_len = struct.unpack("<I", h[start + 4 : start + 8])[0]
    old_end = start + 8 + old_len + (4 - old_len % 4) % 4
    yield "huge_count", h[:start] + section("ATOM", body) + h[old_end:]
    # (A literal of 100000 nested tuples is no longer bad: the decoder does
    # not recurse; test_loader_tables.c loads one.)
    yield "atom_index", module("atom_index", [ins(64, op(ATOM, 99), op(X, 0)), RETURN])
    yield "import_index", module("import_index", [ins(78, op(UINT, 1), op(IMPORT, 5))])
    yield "label_range", module("label_range", [ins(61, op(LABEL, 99))])
    yield "nan_operand", module("nan_operand", [ins(64, op(FLOAT, float("nan")), op(X, 0)), RETURN])
    # Verifier: y register outside a frame of one.
    yield "y_outside_frame", module(
        "y_outside_frame",
        [ins(12, op(UINT, 1), op(UINT, 0)), ins(64, op(X, 0), op(Y, 5)), ins(18, op(UINT, 1)), RETURN],
    )
    # Verifier: put_list without test_heap.
    yield "heap_unreserved", module("heap_unreserved", [ins(69, op(INT, 1), op(NIL), op(X, 0)), RETURN])
    # Verifier: the catch marker in y0 read as a value.
    yield "catch_marker_read", module(
        "catch_marker_read",
        [
            ins(12, op(UINT, 1), op(UINT, 0)),
            ins(62, op(Y, 0), op(LABEL, 3)),
            ins(64, op(Y, 0), op(X, 0)),
            label(3),
            ins(63, op(Y, 0)),
            ins(18, op(UINT, 1)),
            RETURN,
        ],
    )
    # Verifier: returning with the frame still allocated.
    yield "return_with_frame", module("return_with_frame", [ins(12, op(UINT, 2), op(UINT, 0)), RETURN])
    # Verifier: an allocating BIF (erlang:'++'/2) in a bif2 instruction.
    yield "bif_allocates", module(
        "bif_allocates",
        [ins(11, op(LABEL, 0), op(IMPORT, 0), op(X, 0), op(X, 0), op(X, 0)), RETURN],
        atoms=("main", "ok", "erlang", "++"),
        imports=[(3, 4, 2)],
    )


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "tests/bad/bc"
    os.makedirs(out, exist_ok=True)
    for n, data in files():
        with open(os.path.join(out, n + ".bc"), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
