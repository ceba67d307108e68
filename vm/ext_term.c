/* ext_term.c - external term format decoding.
 *
 * The decoder is a loop over a stack of slots still to fill (the elements
 * of tuples and lists already allocated), never a recursion: a term nested
 * a million deep (binary_to_term of what term_to_binary made) costs that
 * stack's memory, not C stack. */
#include "ext_term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bignum.h"
#include "binary.h"
#include "export.h"


/* Where decoded terms go: each pointer is a word of an allocated tuple or
 * cons cell (or the result), filled in the order the terms come. */
typedef struct {
    Term **v;
    size_t n, cap;
} Slots;

typedef struct {
    const uint8_t *p, *end;
    ExtAlloc alloc;
    void *ctx;
    char *err;
    size_t errlen;
    bool bad;
} Dec;

static Term fail(Dec *d, const char *msg)
{
    if (!d->bad)
        snprintf(d->err, d->errlen, "%s", msg);
    d->bad = true;
    return THE_NON_VALUE;
}

static bool need(Dec *d, size_t n)
{
    if ((size_t)(d->end - d->p) < n) {
        fail(d, "literal truncated");
        return false;
    }
    return true;
}

static uint32_t u32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

static Term *alloc(Dec *d, size_t words)
{
    Term *hp = d->alloc(d->ctx, words);
    if (!hp)
        fail(d, "out of memory");
    return hp;
}

/* Well-formed UTF-8: no overlong forms, surrogates or code points past
 * 0x10FFFF (binary_to_term reads untrusted bytes). */
static bool utf8_ok(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        uint8_t c = s[i];
        size_t k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!k || k > n - i)
            return false;
        uint32_t v = k == 1 ? c : c & (0x7F >> k);
        for (size_t j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return false;
            v = v << 6 | (s[i + j] & 0x3F);
        }
        static const uint32_t least[5] = { 0, 0, 0x80, 0x800, 0x10000 };
        if (v < least[k] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return false;
        i += k;
    }
    return true;
}

static Term atom_of(Dec *d, size_t n)
{
    if (!need(d, n))
        return THE_NON_VALUE;
    if (!utf8_ok(d->p, n))
        return fail(d, "atom is not valid UTF-8");
    Term a = atom_intern((const char *)d->p, n);
    d->p += n;
    if (a == THE_NON_VALUE)
        return fail(d, "atom too long in literal");
    return a;
}

/* ATOM_EXT and SMALL_ATOM_EXT hold latin-1: each byte is a character. */
static Term latin1_atom_of(Dec *d, size_t n)
{
    if (!need(d, n))
        return THE_NON_VALUE;
    uint8_t buf[2 * 255];
    if (n > 255)
        return fail(d, "atom too long in literal");
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint8_t c = d->p[i];
        if (c < 0x80) {
            buf[k++] = c;
        } else {
            buf[k++] = (uint8_t)(0xC0 | c >> 6);
            buf[k++] = (uint8_t)(0x80 | (c & 0x3F));
        }
    }
    d->p += n;
    Term a = atom_intern((const char *)buf, k);
    return a == THE_NON_VALUE ? fail(d, "atom too long in literal") : a;
}

static Term decode_one(Dec *d, Slots *s);

static Term decode_big(Dec *d, size_t n)
{
    if (!need(d, 1 + n))
        return THE_NON_VALUE;
    bool neg = *d->p++ != 0;
    Term *hp = alloc(d, big_words((n + 7) / 8));
    if (!hp)
        return THE_NON_VALUE;
    size_t used;
    Term t = big_from_le_bytes(hp, d->p, n, neg, &used);
    d->p += n;
    return t;
}

static bool push(Dec *d, Slots *s, Term *slot)
{
    if (!s) {
        fail(d, "malformed fun literal");
        return false;
    }
    if (s->n == s->cap) {
        size_t cap = s->cap ? 2 * s->cap : 64;
        Term **v = realloc(s->v, cap * sizeof *v);
        if (!v) {
            fail(d, "out of memory");
            return false;
        }
        s->v = v;
        s->cap = cap;
    }
    s->v[s->n++] = slot;
    return true;
}

/* A tuple whose elements are still to come: their slots are pushed last
 * first, so the first is filled next. */
static Term decode_tuple(Dec *d, Slots *s, size_t n)
{
    Term *hp = alloc(d, n + 1);
    if (!hp)
        return THE_NON_VALUE;
    hp[0] = make_header(n, SUB_TUPLE);
    for (size_t i = 1; i <= n; i++)
        hp[i] = NIL;
    for (size_t i = n; i >= 1; i--)
        if (!push(d, s, &hp[i]))
            return THE_NON_VALUE;
    return make_boxed(hp);
}

/* LIST_EXT: n cells at once, then their heads and last the tail. With
 * n = 0 the list is its tail: the slot being filled is pushed again, so
 * the tail overwrites the [] returned here. */
static Term decode_list(Dec *d, Slots *s, Term *slot)
{
    if (!need(d, 4))
        return THE_NON_VALUE;
    size_t n = u32(d->p);
    d->p += 4;
    if (n > (size_t)(d->end - d->p))
        return fail(d, "list literal longer than its data");
    if (n == 0)
        return push(d, s, slot) ? NIL : THE_NON_VALUE;
    Term *c = alloc(d, 2 * n);
    if (!c)
        return THE_NON_VALUE;
    for (size_t i = 0; i < n; i++) {
        c[2 * i] = NIL;
        c[2 * i + 1] = i + 1 < n ? make_list(&c[2 * i + 2]) : NIL;
    }
    if (!push(d, s, &c[2 * n - 1]))
        return THE_NON_VALUE;
    for (size_t i = n; i-- > 0;)
        if (!push(d, s, &c[2 * i]))
            return THE_NON_VALUE;
    return make_list(c);
}

static Term decode_string(Dec *d)
{
    if (!need(d, 2))
        return THE_NON_VALUE;
    size_t n = (size_t)d->p[0] << 8 | d->p[1];
    d->p += 2;
    if (!need(d, n))
        return THE_NON_VALUE;
    Term *hp = n ? alloc(d, 2 * n) : NULL;
    if (n && !hp)
        return THE_NON_VALUE;
    Term result = NIL;
    for (size_t i = n; i-- > 0;) {
        hp[2 * i] = make_small(d->p[i]);
        hp[2 * i + 1] = result;
        result = make_list(&hp[2 * i]);
    }
    d->p += n;
    return result;
}

static Term decode_binary(Dec *d)
{
    if (!need(d, 4))
        return THE_NON_VALUE;
    size_t n = u32(d->p);
    d->p += 4;
    if (!need(d, n))
        return THE_NON_VALUE;
    /* Literal binaries are always heap binaries in the literal area. */
    Term *hp = alloc(d, heap_bin_words(n));
    if (!hp)
        return THE_NON_VALUE;
    hp[0] = make_header(heap_bin_words(n) - 1, SUB_HEAP_BIN);
    hp[1] = n;
    hp[heap_bin_words(n) - 1] = 0;
    memcpy(&hp[2], d->p, n);
    d->p += n;
    return make_boxed(hp);
}

static Term decode_export(Dec *d)
{
    /* Module, function and arity are atoms and an integer: no slots. */
    Term m = decode_one(d, NULL), f = decode_one(d, NULL), a = decode_one(d, NULL);
    if (d->bad)
        return THE_NON_VALUE;
    if (!is_atom(m) || !is_atom(f) || !is_small(a) || small_val(a) < 0 || small_val(a) > 255)
        return fail(d, "malformed fun literal");
    Export *e = export_get(m, f, (unsigned)small_val(a));
    Term *hp = alloc(d, 2);
    if (!e || !hp)
        return fail(d, "out of memory");
    hp[0] = make_header(1, SUB_EXPORT);
    hp[1] = (Term)(uintptr_t)e;
    return make_boxed(hp);
}

/* Decodes the term at d->p into what it returns; a tuple or list comes
 * back allocated with its elements' slots pushed on s (NULL: none
 * allowed). slot is where the result goes. */
static Term decode_term(Dec *d, Slots *s, Term *slot)
{
    if (!need(d, 1))
        return THE_NON_VALUE;
    uint8_t tag = *d->p++;
    switch (tag) {
    case 97: /* SMALL_INTEGER_EXT */
        if (!need(d, 1))
            return THE_NON_VALUE;
        return make_small(*d->p++);
    case 98: /* INTEGER_EXT */
        if (!need(d, 4))
            return THE_NON_VALUE;
        d->p += 4;
        return make_small((int32_t)u32(d->p - 4));
    case 70: { /* NEW_FLOAT_EXT */
        if (!need(d, 8))
            return THE_NON_VALUE;
        uint64_t u = 0;
        for (int i = 0; i < 8; i++)
            u = u << 8 | d->p[i];
        d->p += 8;
        double f;
        memcpy(&f, &u, 8);
        if (f != f || f - f != 0)
            return fail(d, "float literal is not finite");
        Term *hp = alloc(d, FLOAT_WORDS);
        if (!hp)
            return THE_NON_VALUE;
        hp[0] = make_header(1, SUB_FLOAT);
        hp[1] = u;
        return make_boxed(hp);
    }
    case 110: /* SMALL_BIG_EXT */
        if (!need(d, 1))
            return THE_NON_VALUE;
        return decode_big(d, *d->p++);
    case 111: { /* LARGE_BIG_EXT */
        if (!need(d, 4))
            return THE_NON_VALUE;
        size_t n = u32(d->p);
        d->p += 4;
        return decode_big(d, n);
    }
    case 119: /* SMALL_ATOM_UTF8_EXT */
    case 115: /* SMALL_ATOM_EXT */
        if (!need(d, 1))
            return THE_NON_VALUE;
        d->p++;
        return tag == 119 ? atom_of(d, d->p[-1]) : latin1_atom_of(d, d->p[-1]);
    case 118: /* ATOM_UTF8_EXT */
    case 100: { /* ATOM_EXT */
        if (!need(d, 2))
            return THE_NON_VALUE;
        size_t n = (size_t)d->p[0] << 8 | d->p[1];
        d->p += 2;
        return tag == 118 ? atom_of(d, n) : latin1_atom_of(d, n);
    }
    case 104: /* SMALL_TUPLE_EXT */
        if (!need(d, 1))
            return THE_NON_VALUE;
        return decode_tuple(d, s, *d->p++);
    case 105: { /* LARGE_TUPLE_EXT */
        if (!need(d, 4))
            return THE_NON_VALUE;
        size_t n = u32(d->p);
        d->p += 4;
        if (n > (size_t)(d->end - d->p))
            return fail(d, "tuple literal longer than its data");
        return decode_tuple(d, s, n);
    }
    case 106:
        return NIL;
    case 107:
        return decode_string(d);
    case 108:
        return decode_list(d, s, slot);
    case 109:
        return decode_binary(d);
    case 113:
        return decode_export(d);
    default: {
        char msg[64];
        snprintf(msg, sizeof msg, "unsupported term tag %u in literal", tag);
        return fail(d, msg);
    }
    }
}

static Term decode_one(Dec *d, Slots *s)
{
    Term t;
    return decode_term(d, s, &t);
}

/* The whole term: slots are filled in the order their terms come. */
static Term decode(Dec *d)
{
    Term result = NIL;
    Slots s = { 0 };
    push(d, &s, &result);
    while (s.n && !d->bad) {
        Term *slot = s.v[--s.n];
        Term t = decode_term(d, &s, slot);
        if (!d->bad)
            *slot = t;
    }
    free(s.v);
    return d->bad ? THE_NON_VALUE : result;
}

Term ext_decode_prefix(const uint8_t *data, size_t len, ExtAlloc alloc_fn, void *ctx, char *err, size_t errlen,
                       size_t *used)
{
    Dec d = { data, data + len, alloc_fn, ctx, err, errlen, false };
    if (len < 1 || data[0] != 131)
        return fail(&d, "literal lacks the external term format version byte");
    d.p++;
    Term t = decode(&d);
    if (d.bad)
        return THE_NON_VALUE;
    *used = (size_t)(d.p - data);
    return t;
}

Term ext_decode(const uint8_t *data, size_t len, ExtAlloc alloc_fn, void *ctx, char *err, size_t errlen)
{
    size_t used;
    Term t = ext_decode_prefix(data, len, alloc_fn, ctx, err, errlen, &used);
    if (t != THE_NON_VALUE && used != len) {
        snprintf(err, errlen, "stray bytes after literal");
        return THE_NON_VALUE;
    }
    return t;
}
