/* etf.c - encoding and decoding the assembler's term trees in Erlang's
 * external term format. */
#include "etf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- encoding */

const char *etf_check(const ATerm *t, const ATerm **bad)
{
    const char *why = NULL;
    switch (t->kind) {
    case AT_MAP:
        *bad = t;
        return "maps are not supported in literals";
    case AT_LIST:
        for (size_t i = 0; i < t->list.n && !why; i++)
            why = etf_check(t->list.items[i], bad);
        if (!why && t->list.tail)
            why = etf_check(t->list.tail, bad);
        return why;
    case AT_TUPLE:
        for (size_t i = 0; i < t->tuple.n && !why; i++)
            why = etf_check(t->tuple.items[i], bad);
        return why;
    default:
        return NULL;
    }
}

static void put_be(BcBuf *out, uint64_t v, int bytes)
{
    for (int i = bytes - 1; i >= 0; i--)
        bc_put_byte(out, (uint8_t)(v >> (8 * i)));
}

/* SMALL_BIG_EXT or LARGE_BIG_EXT of a sign and magnitude. */
static void put_big(BcBuf *out, bool neg, const uint8_t *mag, size_t n)
{
    if (n <= 255) {
        bc_put_byte(out, ETF_SMALL_BIG);
        bc_put_byte(out, (uint8_t)n);
    } else {
        bc_put_byte(out, ETF_LARGE_BIG);
        put_be(out, n, 4);
    }
    bc_put_byte(out, neg ? 1 : 0);
    bc_put_bytes(out, mag, n);
}

static void put_int(BcBuf *out, int64_t v)
{
    if (v >= 0 && v <= 255) {
        bc_put_byte(out, ETF_SMALL_INTEGER);
        bc_put_byte(out, (uint8_t)v);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
        bc_put_byte(out, ETF_INTEGER);
        put_be(out, (uint32_t)(int32_t)v, 4);
    } else {
        uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v;
        uint8_t mag[8];
        size_t n = 0;
        while (u) {
            mag[n++] = (uint8_t)u;
            u >>= 8;
        }
        put_big(out, v < 0, mag, n);
    }
}

static void put_atom(BcBuf *out, const char *text, size_t len)
{
    if (len <= 255) {
        bc_put_byte(out, ETF_SMALL_ATOM_UTF8);
        bc_put_byte(out, (uint8_t)len);
    } else {
        bc_put_byte(out, ETF_ATOM_UTF8);
        put_be(out, len, 2);
    }
    bc_put_bytes(out, text, len);
}

static bool is_byte_int(const ATerm *t) { return t->kind == AT_INT && t->i >= 0 && t->i <= 255; }

static void put_chars(BcBuf *out, const uint32_t *cs, size_t n)
{
    bool bytes = n <= 65535;
    for (size_t i = 0; i < n && bytes; i++)
        bytes = cs[i] <= 255;
    if (n == 0) {
        bc_put_byte(out, ETF_NIL);
    } else if (bytes) {
        bc_put_byte(out, ETF_STRING);
        put_be(out, n, 2);
        for (size_t i = 0; i < n; i++)
            bc_put_byte(out, (uint8_t)cs[i]);
    } else {
        bc_put_byte(out, ETF_LIST);
        put_be(out, n, 4);
        for (size_t i = 0; i < n; i++)
            put_int(out, cs[i]);
        bc_put_byte(out, ETF_NIL);
    }
}

static void encode(BcBuf *out, const ATerm *t);

static void put_list(BcBuf *out, const ATerm *t)
{
    bool bytes = !t->list.tail && t->list.n <= 65535;
    for (size_t i = 0; i < t->list.n && bytes; i++)
        bytes = is_byte_int(t->list.items[i]);
    if (bytes) {
        bc_put_byte(out, ETF_STRING);
        put_be(out, t->list.n, 2);
        for (size_t i = 0; i < t->list.n; i++)
            bc_put_byte(out, (uint8_t)t->list.items[i]->i);
        return;
    }
    bc_put_byte(out, ETF_LIST);
    put_be(out, t->list.n, 4);
    for (size_t i = 0; i < t->list.n; i++)
        encode(out, t->list.items[i]);
    if (t->list.tail)
        encode(out, t->list.tail);
    else
        bc_put_byte(out, ETF_NIL);
}

static void encode(BcBuf *out, const ATerm *t)
{
    switch (t->kind) {
    case AT_INT: put_int(out, t->i); break;
    case AT_BIG: put_big(out, t->big.neg, t->big.mag, t->big.n); break;
    case AT_FLOAT: {
        uint64_t u;
        memcpy(&u, &t->f, 8);
        bc_put_byte(out, ETF_NEW_FLOAT);
        put_be(out, u, 8);
        break;
    }
    case AT_ATOM: put_atom(out, t->atom.text, t->atom.len); break;
    case AT_NIL: bc_put_byte(out, ETF_NIL); break;
    case AT_STRING: put_chars(out, t->str.chars, t->str.n); break;
    case AT_LIST: put_list(out, t); break;
    case AT_TUPLE:
        if (t->tuple.n <= 255) {
            bc_put_byte(out, ETF_SMALL_TUPLE);
            bc_put_byte(out, (uint8_t)t->tuple.n);
        } else {
            bc_put_byte(out, ETF_LARGE_TUPLE);
            put_be(out, t->tuple.n, 4);
        }
        for (size_t i = 0; i < t->tuple.n; i++)
            encode(out, t->tuple.items[i]);
        break;
    case AT_BINARY:
        bc_put_byte(out, ETF_BINARY);
        put_be(out, t->bin.n, 4);
        bc_put_bytes(out, t->bin.bytes, t->bin.n);
        break;
    case AT_FUN:
        bc_put_byte(out, ETF_EXPORT);
        encode(out, t->fun.mod);
        encode(out, t->fun.fun);
        put_int(out, t->fun.arity);
        break;
    case AT_MAP: /* refused by etf_check */
        bc_put_byte(out, ETF_NIL);
        break;
    }
}

void etf_encode(BcBuf *out, const ATerm *t)
{
    bc_put_byte(out, ETF_VERSION);
    encode(out, t);
}

/* ---- decoding */

typedef struct {
    AtArena *a;
    const uint8_t *p, *end;
    char *err;
    size_t errlen;
    bool failed;
} Dec;

static ATerm *fail(Dec *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static ATerm *fail(Dec *d, const char *fmt, ...)
{
    if (!d->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->err, d->errlen, fmt, ap);
        va_end(ap);
        d->failed = true;
    }
    return NULL;
}

static bool have(Dec *d, size_t n)
{
    if ((size_t)(d->end - d->p) >= n)
        return true;
    fail(d, "truncated term");
    return false;
}

static uint64_t get_be(Dec *d, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v = v << 8 | *d->p++;
    return v;
}

static ATerm *dec_term(Dec *d, int depth);

static ATerm *dec_big(Dec *d, int lenbytes)
{
    if (!have(d, (size_t)lenbytes + 1))
        return NULL;
    size_t n = (size_t)get_be(d, lenbytes);
    uint8_t sign = *d->p++;
    if (sign > 1)
        return fail(d, "bad bignum sign byte %u", sign);
    if (n > AT_MAX_BIG_BYTES)
        return fail(d, "bignum too large (%zu bytes)", n);
    if (!have(d, n))
        return NULL;
    ATerm *t = at_integer(d->a, sign == 1, d->p, n);
    d->p += n;
    return t;
}

/* An atom of len bytes, UTF-8 or (latin1) latin-1. */
static ATerm *dec_atom(Dec *d, size_t len, bool latin1)
{
    if (!have(d, len))
        return NULL;
    BcBuf b = { 0 };
    if (latin1) {
        for (size_t i = 0; i < len; i++)
            at_put_utf8(&b, d->p[i]);
    } else {
        if (!utf8_valid(d->p, len))
            return fail(d, "atom is not valid UTF-8");
        bc_put_bytes(&b, d->p, len);
    }
    d->p += len;
    ATerm *t = NULL;
    if (b.len > 255)
        fail(d, "atom too long (%zu bytes)", b.len);
    else
        t = at_atom(d->a, b.len ? (const char *)b.data : "", b.len);
    bc_buf_free(&b);
    return t;
}

static ATerm *dec_tuple(Dec *d, size_t n, int depth)
{
    if (n > (size_t)(d->end - d->p))
        return fail(d, "truncated term");
    ATerm *t = at_new(d->a, AT_TUPLE, 0, 0);
    t->tuple.n = n;
    t->tuple.items = at_alloc(d->a, n * sizeof(ATerm *));
    for (size_t i = 0; i < n; i++)
        if (!(t->tuple.items[i] = dec_term(d, depth + 1)))
            return NULL;
    return t;
}

/* LIST_EXT: n items and a tail. A tail that is itself a list is merged,
 * as the reader does, so that trees stay in one shape. */
static ATerm *dec_list(Dec *d, int depth)
{
    if (!have(d, 4))
        return NULL;
    size_t n = (size_t)get_be(d, 4);
    if (n > (size_t)(d->end - d->p))
        return fail(d, "truncated term");
    ATerm **items = at_alloc(d->a, n * sizeof(ATerm *));
    for (size_t i = 0; i < n; i++)
        if (!(items[i] = dec_term(d, depth + 1)))
            return NULL;
    ATerm *tail = dec_term(d, depth + 1);
    if (!tail)
        return NULL;
    if (n == 0)
        return tail;
    size_t extra = tail->kind == AT_LIST ? tail->list.n : tail->kind == AT_STRING ? tail->str.n : 0;
    ATerm *t = at_new(d->a, AT_LIST, 0, 0);
    t->list.items = at_alloc(d->a, (n + extra) * sizeof(ATerm *));
    memcpy(t->list.items, items, n * sizeof(ATerm *));
    t->list.n = n + extra;
    if (tail->kind == AT_LIST) {
        memcpy(t->list.items + n, tail->list.items, extra * sizeof(ATerm *));
        t->list.tail = tail->list.tail;
    } else if (tail->kind == AT_STRING) {
        for (size_t i = 0; i < extra; i++)
            t->list.items[n + i] = at_int(d->a, tail->str.chars[i]);
    } else if (tail->kind != AT_NIL) {
        t->list.tail = tail;
    }
    return t;
}

static ATerm *dec_export(Dec *d, int depth)
{
    ATerm *m = dec_term(d, depth + 1);
    ATerm *f = m ? dec_term(d, depth + 1) : NULL;
    ATerm *a = f ? dec_term(d, depth + 1) : NULL;
    if (!a)
        return NULL;
    if (m->kind != AT_ATOM || f->kind != AT_ATOM || a->kind != AT_INT || a->i < 0 || a->i > 255)
        return fail(d, "malformed EXPORT_EXT");
    ATerm *t = at_new(d->a, AT_FUN, 0, 0);
    t->fun.mod = m;
    t->fun.fun = f;
    t->fun.arity = (unsigned)a->i;
    return t;
}

static ATerm *dec_term(Dec *d, int depth)
{
    /* less deep than the reader allows, since the printed literal sits
     * inside an instruction's own tuples and lists */
    if (depth > AT_MAX_DEPTH - 16)
        return fail(d, "term nested too deeply");
    if (!have(d, 1))
        return NULL;
    uint8_t tag = *d->p++;
    ATerm *t;
    switch (tag) {
    case ETF_SMALL_INTEGER:
        return have(d, 1) ? at_int(d->a, get_be(d, 1)) : NULL;
    case ETF_INTEGER:
        return have(d, 4) ? at_int(d->a, (int32_t)(uint32_t)get_be(d, 4)) : NULL;
    case ETF_SMALL_BIG: return dec_big(d, 1);
    case ETF_LARGE_BIG: return dec_big(d, 4);
    case ETF_NEW_FLOAT: {
        if (!have(d, 8))
            return NULL;
        uint64_t u = get_be(d, 8);
        t = at_new(d->a, AT_FLOAT, 0, 0);
        memcpy(&t->f, &u, 8);
        if (!isfinite(t->f))
            return fail(d, "float is not finite");
        return t;
    }
    case ETF_SMALL_ATOM_UTF8: return have(d, 1) ? dec_atom(d, get_be(d, 1), false) : NULL;
    case ETF_ATOM_UTF8: return have(d, 2) ? dec_atom(d, get_be(d, 2), false) : NULL;
    case ETF_SMALL_ATOM: return have(d, 1) ? dec_atom(d, get_be(d, 1), true) : NULL;
    case ETF_ATOM: return have(d, 2) ? dec_atom(d, get_be(d, 2), true) : NULL;
    case ETF_NIL: return at_new(d->a, AT_NIL, 0, 0);
    case ETF_STRING: {
        if (!have(d, 2))
            return NULL;
        size_t n = (size_t)get_be(d, 2);
        if (!have(d, n))
            return NULL;
        t = at_new(d->a, AT_STRING, 0, 0);
        t->str.n = n;
        t->str.chars = at_alloc(d->a, n * sizeof(uint32_t));
        for (size_t i = 0; i < n; i++)
            t->str.chars[i] = *d->p++;
        return t;
    }
    case ETF_LIST: return dec_list(d, depth);
    case ETF_SMALL_TUPLE: return have(d, 1) ? dec_tuple(d, get_be(d, 1), depth) : NULL;
    case ETF_LARGE_TUPLE: return have(d, 4) ? dec_tuple(d, get_be(d, 4), depth) : NULL;
    case ETF_BINARY: {
        if (!have(d, 4))
            return NULL;
        size_t n = (size_t)get_be(d, 4);
        if (!have(d, n))
            return NULL;
        t = at_new(d->a, AT_BINARY, 0, 0);
        t->bin.n = n;
        t->bin.bytes = at_alloc(d->a, n);
        memcpy(t->bin.bytes, d->p, n);
        d->p += n;
        return t;
    }
    case ETF_EXPORT: return dec_export(d, depth);
    default: return fail(d, "unsupported term tag %u", tag);
    }
}

ATerm *etf_decode(AtArena *a, const uint8_t *data, size_t len, char *err, size_t errlen)
{
    Dec d = { a, data, data + len, err, errlen, false };
    if (len == 0 || data[0] != ETF_VERSION) {
        fail(&d, "term does not start with the version byte 131");
        return NULL;
    }
    d.p++;
    ATerm *t = dec_term(&d, 0);
    if (t && d.p != d.end)
        return fail(&d, "%zu stray bytes after the term", (size_t)(d.end - d.p));
    return t;
}
