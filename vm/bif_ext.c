/* bif_ext.c - term_to_binary/1,2, binary_to_term/1,2 and external_size/1:
 * terms to and from the external term format (ext_encode.h, ext_term.h).
 *
 * term_to_binary writes what OTP 25 writes, uncompressed (a `compressed`
 * option is accepted and ignored: the result is still valid input for
 * binary_to_term). binary_to_term reads numbers, atoms, lists, tuples,
 * binaries and external funs; pids, references and closures, which
 * cannot be rebuilt from their encoding here, are badarg, as is any
 * malformed input. Bytes after the term are ignored, as OTP does.
 *
 * Decoding runs twice: once into scratch memory to learn how many heap
 * words the term needs, then, after one reservation, onto the heap. */
#include <stdlib.h>

#include "bif.h"
#include "binary.h"
#include "ext_encode.h"
#include "ext_term.h"

/* ---- term_to_binary --------------------------------------------------- */

static Term encode(Process *p, Term t, unsigned live, bool size_only)
{
    size_t len, nodes;
    uint8_t *bytes = ext_encode(t, &len, &nodes);
    if (!bytes)
        return bif_heap_exhausted(p);
    bif_charge(p, nodes + len / 8);
    Term r;
    if (size_only) {
        r = make_small((int64_t)len);
    } else if (!proc_reserve(p, bin_words(len), live)) {
        r = bif_heap_exhausted(p);
    } else {
        r = bin_new(p, bytes, len);
        if (r == THE_NON_VALUE)
            r = bif_heap_exhausted(p);
    }
    free(bytes);
    return r;
}

Term bif_term_to_binary_1(Process *p, Term *args, unsigned live) { return encode(p, args[0], live, false); }

/* The options of term_to_binary/2: compressed, {compressed, 0..9},
 * {minor_version, 0..2}, deterministic, local. */
static bool encode_option(Term o)
{
    if (is_atom(o))
        return o == atom_intern("compressed", 10) || o == atom_intern("deterministic", 13) ||
               o == atom_intern("local", 5);
    if (!is_tuple(o) || tuple_arity(o) != 2 || !is_small(tuple_elem(o, 2)))
        return false;
    int64_t v = small_val(tuple_elem(o, 2));
    if (tuple_elem(o, 1) == atom_intern("compressed", 10))
        return v >= 0 && v <= 9;
    return tuple_elem(o, 1) == atom_intern("minor_version", 13) && v >= 0 && v <= 2;
}

Term bif_term_to_binary_2(Process *p, Term *args, unsigned live)
{
    Term l = args[1];
    for (; is_list(l); l = list_tail(l))
        if (!encode_option(list_head(l)))
            return bif_badarg(p);
    if (!is_nil(l))
        return bif_badarg(p);
    return encode(p, args[0], live, false);
}

Term bif_external_size_1(Process *p, Term *args, unsigned live) { return encode(p, args[0], live, true); }

/* ---- binary_to_term --------------------------------------------------- */

/* Pass one: blocks of scratch memory, counting the words asked for. */
typedef struct Block {
    struct Block *next;
    Term words[];
} Block;

typedef struct {
    Block *blocks;
    size_t total;
} Scratch;

static Term *scratch_alloc(void *ctx, size_t words)
{
    Scratch *s = ctx;
    if (words > SIZE_MAX / sizeof(Term) - sizeof(Block))
        return NULL;
    Block *b = malloc(sizeof(Block) + words * sizeof(Term));
    if (!b)
        return NULL;
    b->next = s->blocks;
    s->blocks = b;
    s->total += words;
    return b->words;
}

/* Pass two: the process heap, reserved beforehand. */
static Term *heap_alloc(void *ctx, size_t words) { return proc_alloc((Process *)ctx, words); }

/* The term at the start of binary args[0]; *used gets its size. */
static Term decode(Process *p, Term *args, unsigned live, size_t *used)
{
    if (!is_binary(args[0]))
        return bif_badarg(p);
    Scratch s = { NULL, 0 };
    char err[128];
    Term t = ext_decode_prefix(bin_bytes(args[0]), bin_size(args[0]), scratch_alloc, &s, err, sizeof err, used);
    while (s.blocks) {
        Block *n = s.blocks->next;
        free(s.blocks);
        s.blocks = n;
    }
    if (t == THE_NON_VALUE)
        return bif_badarg(p);
    bif_charge(p, s.total + bin_size(args[0]) / 8);
    if (!proc_reserve(p, s.total, live))
        return bif_heap_exhausted(p);
    /* the binary may have moved: read it again */
    t = ext_decode_prefix(bin_bytes(args[0]), bin_size(args[0]), heap_alloc, p, err, sizeof err, used);
    return t == THE_NON_VALUE ? bif_heap_exhausted(p) : t;
}

Term bif_binary_to_term_1(Process *p, Term *args, unsigned live)
{
    size_t used;
    return decode(p, args, live, &used);
}

/* binary_to_term(Bin, Opts): safe and used are accepted; `used` makes the
 * result {Term, BytesUsed}. */
Term bif_binary_to_term_2(Process *p, Term *args, unsigned live)
{
    bool used = false;
    Term l = args[1];
    for (; is_list(l); l = list_tail(l)) {
        Term o = list_head(l);
        if (o == atom_intern("used", 4))
            used = true;
        else if (o != atom_intern("safe", 4))
            return bif_badarg(p);
    }
    if (!is_nil(l))
        return bif_badarg(p);
    size_t n;
    Term t = decode(p, args, live, &n);
    if (!used || t == THE_NON_VALUE)
        return t;
    args[1] = t; /* a root while the tuple is reserved */
    if (!proc_reserve(p, 3, live))
        return bif_heap_exhausted(p);
    Term pair[2] = { args[1], make_small((int64_t)n) };
    return proc_tuple(p, 2, pair);
}
