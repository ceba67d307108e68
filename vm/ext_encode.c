/* ext_encode.c - the external term format, written (see ext_encode.h).
 *
 * The walk is iterative: a stack holds the terms still to write, in
 * order, so a deep or long term costs heap memory, never C stack. A list
 * is written as its header and element count, then its elements and its
 * tail are pushed, the first element on top. */
#include "ext_encode.h"

#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bignum.h"
#include "binary.h"
#include "export.h"
#include "module.h"
#include "term_stack.h"

enum {
    NEW_FLOAT_EXT = 70, NEW_PID_EXT = 88, NEWER_REFERENCE_EXT = 90, SMALL_INTEGER_EXT = 97, INTEGER_EXT = 98,
    ATOM_EXT = 100, SMALL_TUPLE_EXT = 104, LARGE_TUPLE_EXT = 105, NIL_EXT = 106, STRING_EXT = 107,
    LIST_EXT = 108, BINARY_EXT = 109, SMALL_BIG_EXT = 110, LARGE_BIG_EXT = 111, NEW_FUN_EXT = 112,
    EXPORT_EXT = 113, ATOM_UTF8_EXT = 118, SMALL_ATOM_UTF8_EXT = 119,
};

typedef struct {
    uint8_t *d;
    size_t n, cap;
    bool oom;
} Buf;

static uint8_t *room(Buf *b, size_t k)
{
    if (b->oom)
        return NULL;
    if (b->cap - b->n < k) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap - b->n < k)
            cap *= 2;
        uint8_t *d = realloc(b->d, cap);
        if (!d) {
            b->oom = true;
            return NULL;
        }
        b->d = d;
        b->cap = cap;
    }
    uint8_t *p = b->d + b->n;
    b->n += k;
    return p;
}

static void put(Buf *b, const void *s, size_t k)
{
    uint8_t *p = room(b, k);
    if (p && k)
        memcpy(p, s, k);
}

static void u8(Buf *b, unsigned v)
{
    uint8_t c = (uint8_t)v;
    put(b, &c, 1);
}

/* Big-endian, `bytes` wide. */
static void be(Buf *b, uint64_t v, int bytes)
{
    uint8_t s[8];
    for (int i = 0; i < bytes; i++)
        s[i] = (uint8_t)(v >> (8 * (bytes - 1 - i)));
    put(b, s, (size_t)bytes);
}

/* The next character of an atom's text (valid UTF-8) at s[*i]. */
static uint32_t next_char(const uint8_t *s, size_t len, size_t *i)
{
    uint32_t c = s[(*i)++];
    int more = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    c &= more == 0 ? 0x7F : 0x3F >> more;
    for (; more > 0 && *i < len; more--)
        c = c << 6 | (s[(*i)++] & 0x3F);
    return c;
}

/* Latin-1 if every character fits (OTP 25 still writes those so), else
 * UTF-8 with a one- or two-byte length. */
static void atom(Buf *b, Term a)
{
    size_t len = 0;
    const uint8_t *s = (const uint8_t *)atom_text(a, &len);
    uint8_t latin1[256 * 4];
    size_t n = 0;
    bool fits = true;
    for (size_t i = 0; i < len && fits;) {
        uint32_t c = next_char(s, len, &i);
        fits = c <= 255 && n < sizeof latin1;
        latin1[n++] = (uint8_t)c;
    }
    if (fits) {
        u8(b, ATOM_EXT);
        be(b, n, 2);
        put(b, latin1, n);
    } else if (len <= 255) {
        u8(b, SMALL_ATOM_UTF8_EXT);
        u8(b, (unsigned)len);
        put(b, s, len);
    } else {
        u8(b, ATOM_UTF8_EXT);
        be(b, len, 2);
        put(b, s, len);
    }
}

/* A magnitude as little-endian bytes, without high zero bytes. */
static void bignum(Buf *b, const uint64_t *limbs, size_t nlimbs, bool neg)
{
    size_t nbytes = nlimbs * 8;
    while (nbytes > 0 && ((limbs[(nbytes - 1) / 8] >> (8 * ((nbytes - 1) % 8))) & 0xff) == 0)
        nbytes--;
    if (nbytes <= 255) {
        u8(b, SMALL_BIG_EXT);
        u8(b, (unsigned)nbytes);
    } else {
        u8(b, LARGE_BIG_EXT);
        be(b, nbytes, 4);
    }
    u8(b, neg);
    uint8_t *p = room(b, nbytes);
    for (size_t i = 0; p && i < nbytes; i++)
        p[i] = (uint8_t)(limbs[i / 8] >> (8 * (i % 8)));
}

static void integer(Buf *b, int64_t v)
{
    if (v >= 0 && v <= 255) {
        u8(b, SMALL_INTEGER_EXT);
        u8(b, (unsigned)v);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        u8(b, INTEGER_EXT);
        be(b, (uint32_t)(int32_t)v, 4);
    } else {
        uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        bignum(b, &m, 1, v < 0);
    }
}

static void pid(Buf *b, uint64_t id)
{
    u8(b, NEW_PID_EXT);
    atom(b, ATOM_nonode_nohost);
    be(b, id & 0xffffffffu, 4);
    be(b, id >> 32, 4); /* serial */
    be(b, 0, 4);        /* creation */
}


/* A proper list of at most 65535 bytes goes out as STRING_EXT. */
static bool string_list(Term t, size_t *n)
{
    size_t k = 0;
    for (; is_list(t); t = list_tail(t), k++) {
        Term h = list_head(t);
        if (k == 65535 || !is_small(h) || (uint64_t)small_val(h) > 255)
            return false;
    }
    *n = k;
    return is_nil(t);
}

static bool list(Buf *b, Term t, TermStack *s)
{
    size_t n;
    if (string_list(t, &n)) {
        u8(b, STRING_EXT);
        be(b, n, 2);
        for (; is_list(t); t = list_tail(t))
            u8(b, (unsigned)small_val(list_head(t)));
        return true;
    }
    Term l = t;
    for (n = 0; is_list(l); l = list_tail(l))
        n++;
    u8(b, LIST_EXT);
    be(b, n, 4);
    /* The tail goes first (written last), then the elements, which are
     * reversed in place so that the first is on top. */
    if (!tstack_push(s, l))
        return false;
    size_t start = s->n;
    for (; is_list(t); t = list_tail(t))
        if (!tstack_push(s, list_head(t)))
            return false;
    for (size_t i = start, j = s->n - 1; i < j; i++, j--) {
        Term x = s->v[i];
        s->v[i] = s->v[j];
        s->v[j] = x;
    }
    return true;
}

/* A closure: OTP's NEW_FUN_EXT. Its size covers the free variables,
 * which follow: a marker (THE_NON_VALUE over the size's offset) under
 * them tells the walk where they end. */
static bool closure(Buf *b, Term t, TermStack *s)
{
    const Term *o = boxed_ptr(t);
    const FunEntry *fe = (const FunEntry *)(uintptr_t)o[1];
    uint64_t nfree = header_arity(o[0]) - 1;
    u8(b, NEW_FUN_EXT);
    size_t size_at = b->n;
    be(b, 0, 4);
    u8(b, fe->arity);
    put(b, fe->module->md5, 16);
    be(b, fe->index, 4);
    be(b, nfree, 4);
    atom(b, fe->module->name);
    integer(b, fe->index);
    integer(b, fe->uniq);
    pid(b, 0);
    if (!tstack_push(s, make_small((int64_t)size_at)) || !tstack_push(s, THE_NON_VALUE))
        return false;
    for (uint64_t i = nfree; i >= 1; i--)
        if (!tstack_push(s, o[1 + i]))
            return false;
    return true;
}

static bool boxed(Buf *b, Term t, TermStack *s)
{
    const Term *o = boxed_ptr(t);
    uint64_t arity = header_arity(o[0]);
    switch (header_sub(o[0])) {
    case SUB_TUPLE:
        if (arity <= 255) {
            u8(b, SMALL_TUPLE_EXT);
            u8(b, (unsigned)arity);
        } else {
            u8(b, LARGE_TUPLE_EXT);
            be(b, arity, 4);
        }
        for (uint64_t i = arity; i >= 1; i--)
            if (!tstack_push(s, o[i]))
                return false;
        return true;
    case SUB_POS_BIG:
    case SUB_NEG_BIG:
        bignum(b, big_limbs(t), big_size(t), big_is_neg(t));
        return true;
    case SUB_FLOAT: {
        u8(b, NEW_FLOAT_EXT);
        double d = float_val(t);
        uint64_t bits;
        memcpy(&bits, &d, 8);
        be(b, bits, 8);
        return true;
    }
    case SUB_EXPORT: {
        const Export *e = (const Export *)(uintptr_t)o[1];
        u8(b, EXPORT_EXT);
        atom(b, e->module);
        atom(b, e->name);
        integer(b, e->arity);
        return true;
    }
    case SUB_FUN:
        return closure(b, t, s);
    case SUB_REF:
        u8(b, NEWER_REFERENCE_EXT);
        be(b, 3, 2);
        atom(b, ATOM_nonode_nohost);
        be(b, 0, 4);
        be(b, o[1] & 0xffffffffu, 4);
        be(b, o[1] >> 32, 4);
        be(b, o[2] & 0xffffffffu, 4);
        return true;
    default: /* binaries */
        u8(b, BINARY_EXT);
        be(b, bin_size(t), 4);
        put(b, bin_bytes(t), bin_size(t));
        return true;
    }
}

uint8_t *ext_encode(Term t, size_t *len, size_t *nodes)
{
    Buf b = { 0 };
    TermStack s = { 0 };
    bool ok = tstack_push(&s, t);
    size_t visited = 0;
    u8(&b, 131);
    while (ok && s.n > 0) {
        t = s.v[--s.n];
        visited++;
        if (t == THE_NON_VALUE) {
            /* the end of a closure's free variables: patch its size */
            size_t at = (size_t)small_val(s.v[--s.n]);
            for (int i = 0; i < 4 && !b.oom; i++)
                b.d[at + i] = (uint8_t)((b.n - at) >> (8 * (3 - i)));
        } else if (is_small(t)) {
            integer(&b, small_val(t));
        } else if (is_atom(t)) {
            atom(&b, t);
        } else if (is_nil(t)) {
            u8(&b, NIL_EXT);
        } else if (is_list(t)) {
            ok = list(&b, t, &s);
        } else if (is_pid(t)) {
            pid(&b, pid_id(t));
        } else {
            ok = boxed(&b, t, &s);
        }
    }
    tstack_free(&s);
    if (!ok || b.oom) {
        free(b.d);
        return NULL;
    }
    *len = b.n;
    *nodes = visited;
    return b.d;
}
