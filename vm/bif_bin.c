/* bif_bin.c - BIFs that take binaries apart: split_binary/2,
 * binary_part/2,3, binary_to_list/3, bit_size/1, is_bitstring/1,
 * bitstring_to_list/1, list_to_bitstring/1 and binary_to_float/1, with
 * Erlang/OTP 25's results and errors. beamlet's binaries hold whole bytes,
 * so a bitstring is a binary and bit_size is 8 * byte_size.
 *
 * A part of up to BIN_HEAP_MAX bytes is copied into a heap binary; a
 * longer one is a sub-binary sharing the bytes of the original. */
#include "bif.h"
#include "binary.h"
#include "process.h"
#include "term.h"

#define SMALL_PART BIN_HEAP_MAX

/* Words the part [off, off + len) of binary b needs. */
static size_t part_words(size_t len)
{
    return len <= SMALL_PART ? heap_bin_words(len) : SUB_BIN_WORDS;
}

/* The part [off, off + len) of binary b; part_words(len) words must be
 * reserved. A sub-binary points at the binary holding the bytes (never at
 * another sub-binary). */
static Term part(Process *p, Term b, size_t off, size_t len)
{
    if (len <= SMALL_PART)
        return bin_new(p, bin_bytes(b) + off, len);
    const Term *bp = boxed_ptr(b);
    if (header_sub(bp[0]) == SUB_SUB_BIN) {
        off += (size_t)bp[2];
        b = bp[3];
    }
    Term *hp = proc_alloc(p, SUB_BIN_WORDS);
    hp[0] = make_header(SUB_BIN_WORDS - 1, SUB_SUB_BIN);
    hp[1] = (Term)len;
    hp[2] = (Term)off;
    hp[3] = b;
    return make_boxed(hp);
}

/* split_binary(Bin, Pos): {the first Pos bytes, the rest}. */
Term bif_split_binary_2(Process *p, Term *args, unsigned live)
{
    if (!is_binary(args[0]) || !is_small(args[1]) || small_val(args[1]) < 0 ||
        (uint64_t)small_val(args[1]) > bin_size(args[0]))
        return bif_badarg(p);
    size_t n = bin_size(args[0]), k = (size_t)small_val(args[1]);
    if (!proc_reserve(p, part_words(k) + part_words(n - k) + 3, live))
        return bif_heap_exhausted(p);
    Term a = part(p, args[0], 0, k);
    if (a == THE_NON_VALUE)
        return bif_heap_exhausted(p);
    Term b = part(p, args[0], k, n - k);
    if (b == THE_NON_VALUE)
        return bif_heap_exhausted(p);
    Term t[2] = { a, b };
    return proc_tuple(p, 2, t);
}

/* A {Start, Length} within a binary of n bytes; a negative length counts
 * back from Start. *off and *len get the part in forward form. */
static bool part_range(Term start, Term length, size_t n, size_t *off, size_t *len)
{
    if (!is_small(start) || !is_small(length))
        return false;
    int64_t s = small_val(start), l = small_val(length);
    if (l < 0) {
        s += l;
        l = -l;
    }
    if (s < 0 || (uint64_t)s > n || (uint64_t)l > n - (uint64_t)s)
        return false;
    *off = (size_t)s;
    *len = (size_t)l;
    return true;
}

static Term binary_part(Process *p, Term *args, unsigned live, Term start, Term length)
{
    size_t off, len;
    if (!is_binary(args[0]) || !part_range(start, length, bin_size(args[0]), &off, &len))
        return bif_badarg(p);
    if (!proc_reserve(p, part_words(len), live))
        return bif_heap_exhausted(p);
    Term r = part(p, args[0], off, len);
    return r == THE_NON_VALUE ? bif_heap_exhausted(p) : r;
}

/* binary_part(Bin, {Start, Length}) */
Term bif_binary_part_2(Process *p, Term *args, unsigned live)
{
    Term pos = args[1];
    if (!is_tuple(pos) || tuple_arity(pos) != 2)
        return bif_badarg(p);
    return binary_part(p, args, live, tuple_elem(pos, 1), tuple_elem(pos, 2));
}

/* binary_part(Bin, Start, Length) */
Term bif_binary_part_3(Process *p, Term *args, unsigned live)
{
    return binary_part(p, args, live, args[1], args[2]);
}

/* binary_to_list(Bin, Start, Stop): bytes Start..Stop, counted from 1. */
Term bif_binary_to_list_3(Process *p, Term *args, unsigned live)
{
    if (!is_binary(args[0]) || !is_small(args[1]) || !is_small(args[2]))
        return bif_badarg(p);
    int64_t from = small_val(args[1]), to = small_val(args[2]);
    if (from < 1 || to < from || (uint64_t)to > bin_size(args[0]))
        return bif_badarg(p);
    size_t n = (size_t)(to - from + 1);
    bif_charge(p, n);
    if (!proc_reserve(p, 2 * n, live))
        return bif_heap_exhausted(p);
    const uint8_t *s = bin_bytes(args[0]) + from - 1;
    Term r = NIL;
    for (size_t i = n; i-- > 0;)
        r = proc_cons(p, make_small(s[i]), r);
    return r;
}

Term bif_bit_size_1(Process *p, Term *args, unsigned live)
{
    if (!is_binary(args[0]))
        return bif_badarg(p);
    return make_small((int64_t)bin_size(args[0]) * 8);
}

Term bif_is_bitstring_1(Process *p, Term *args, unsigned live) { return atom_bool(is_binary(args[0])); }

/* Whole bytes only, so these are their binary counterparts. */
Term bif_bitstring_to_list_1(Process *p, Term *args, unsigned live) { return bif_binary_to_list_1(p, args, live); }
Term bif_list_to_bitstring_1(Process *p, Term *args, unsigned live) { return bif_list_to_binary_1(p, args, live); }

/* binary_to_float(Bin): as list_to_float on the bytes as characters (the
 * list is built on the heap, where list_to_float reads it). Past 64 KiB,
 * which no float needs, it is badarg rather than a huge list. */
Term bif_binary_to_float_1(Process *p, Term *args, unsigned live)
{
    if (!is_binary(args[0]) || bin_size(args[0]) > 65536)
        return bif_badarg(p);
    size_t n = bin_size(args[0]);
    if (!proc_reserve(p, 2 * n, live))
        return bif_heap_exhausted(p);
    const uint8_t *s = bin_bytes(args[0]);
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = proc_cons(p, make_small(s[i]), l);
    Term bin = args[0];
    uint64_t gcs = p->gc_count;
    args[0] = l;
    Term r = bif_list_to_float_1(p, args, live);
    if (r == THE_NON_VALUE && p->gc_count == gcs)
        args[0] = bin; /* the stack trace shows the binary */
    return r;
}
