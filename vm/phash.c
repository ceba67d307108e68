/* phash.c - erlang:phash2's term hash (see phash.h).
 *
 * The walk keeps one running 32-bit value, c of lookup2's mix. Each kind
 * of term mixes its data in with a constant of its own (multiples of the
 * golden ratio); a list's bytes are packed four to a word; a tuple mixes
 * its arity and then its elements in order; a binary is hashed as lookup2
 * hashes a block, seeded with the running value. The first atom or [] of
 * a walk (running value still 0) takes a precomputed shortcut, as OTP's. */
#include "phash.h"

#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "binary.h"
#include "bignum.h"
#include "export.h"
#include "module.h"
#include "term_stack.h"

#define GOLDEN 0x9e3779b9u
#define K(n) ((uint32_t)(GOLDEN * (uint32_t)(n)))
/* The constant each kind of term is mixed with. */
enum {
    K_SMALL = 1, K_NIL = 2, K_ATOM = 3, K_BYTES = 4, K_PID = 5, K_REF = 7, K_FUN = 8, K_TUPLE = 9,
    K_NEG_BIG = 10, K_POS_BIG = 11, K_FLOAT = 12, K_BINARY = 13, K_EXPORT = 14,
};
/* What [] alone hashes to: its mix from 0 with NIL_WORD. */
#define NIL_WORD 2u
#define NIL_FIRST 3468870702u

#define MIX(a, b, c)                                                                                         \
    do {                                                                                                     \
        a -= b; a -= c; a ^= (c >> 13);                                                                      \
        b -= c; b -= a; b ^= (a << 8);                                                                       \
        c -= a; c -= b; c ^= (b >> 13);                                                                      \
        a -= b; a -= c; a ^= (c >> 12);                                                                      \
        b -= c; b -= a; b ^= (a << 16);                                                                      \
        c -= a; c -= b; c ^= (b >> 5);                                                                       \
        a -= b; a -= c; a ^= (c >> 3);                                                                       \
        b -= c; b -= a; b ^= (a << 10);                                                                      \
        c -= a; c -= b; c ^= (b >> 15);                                                                      \
    } while (0)

static uint32_t mix2(uint32_t h, uint32_t x, uint32_t y, uint32_t k)
{
    uint32_t a = k + x, b = k + y;
    MIX(a, b, h);
    return h;
}

static uint32_t mix1(uint32_t h, uint32_t x, uint32_t k) { return mix2(h, x, 0, k); }

/* A signed 32-bit value: a negative one is mixed twice, as OTP does. */
static uint32_t mix_signed(uint32_t h, int32_t v, uint32_t k)
{
    if (v < 0)
        h = mix1(h, (uint32_t)-(int64_t)v, k);
    return mix1(h, (uint32_t)v, k);
}

static uint32_t le32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* lookup2's hash of a block of bytes, seeded with init. */
static uint32_t block_hash(const uint8_t *k, size_t length, uint32_t init)
{
    uint32_t a = GOLDEN, b = GOLDEN, c = init;
    size_t len = length;
    for (; len >= 12; k += 12, len -= 12) {
        a += le32(k);
        b += le32(k + 4);
        c += le32(k + 8);
        MIX(a, b, c);
    }
    c += (uint32_t)length;
    uint8_t tail[12] = { 0 };
    memcpy(tail, k, len);
    /* The last bytes: c's lowest byte is kept for the length. */
    a += le32(tail);
    b += le32(tail + 4);
    c += le32(tail + 8) << 8;
    MIX(a, b, c);
    return c;
}

/* The hash of an atom's name: hashpjw over its characters, where a
 * character 128..255 (two bytes of UTF-8) counts as one byte, as in
 * OTP's atom table. */
static uint32_t atom_hash(Term a)
{
    size_t len = 0;
    const uint8_t *s = (const uint8_t *)atom_text(a, &len);
    uint32_t h = 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t v = s[i];
        if (i + 1 < len && (v & 0xFE) == 0xC2 && (s[i + 1] & 0xC0) == 0x80)
            v = ((v << 6) | (s[++i] & 0x3F)) & 0xFF;
        h = (h << 4) + v;
        uint32_t g = h & 0xf0000000u;
        if (g) {
            h ^= g >> 24;
            h ^= g;
        }
    }
    return h;
}

/* An integer as OTP's bignum digits (64 bits, least significant first). */
static uint32_t mix_limbs(uint32_t h, const uint64_t *limbs, size_t n, bool neg)
{
    uint32_t k = neg ? K(K_NEG_BIG) : K(K_POS_BIG);
    for (size_t i = 0; i < n; i++)
        h = mix2(h, (uint32_t)limbs[i], (uint32_t)(limbs[i] >> 32), k);
    return h;
}

static uint32_t mix_small(uint32_t h, int64_t v)
{
    if (v >= -(INT64_C(1) << 27) && v < (INT64_C(1) << 27))
        return mix_signed(h, (int32_t)v, K(K_SMALL));
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return mix_limbs(h, &m, 1, v < 0);
}

static uint32_t mix_float(uint32_t h, double d)
{
    if (d == 0.0)
        d = 0.0; /* -0.0 hashes as 0.0 */
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    return mix2(h, (uint32_t)(bits >> 32), (uint32_t)bits, K(K_FLOAT));
}


static bool is_byte(Term t) { return is_small(t) && (uint64_t)small_val(t) <= 255; }

/* A list: runs of bytes are packed four to a word; at the first other
 * element its tail is pushed and the element is returned, to be hashed
 * next; otherwise the list's final tail is. */
static Term walk_list(uint32_t *h, Term t, TermStack *s, bool *ok)
{
    uint32_t packed = 0;
    int count = 0;
    while (is_list(t) && is_byte(list_head(t))) {
        packed = (packed << 8) + (uint32_t)small_val(list_head(t));
        if (++count == 4) {
            *h = mix1(*h, packed, K(K_BYTES));
            packed = 0;
            count = 0;
        }
        t = list_tail(t);
    }
    if (count > 0)
        *h = mix1(*h, packed, K(K_BYTES));
    if (is_list(t)) {
        *ok = tstack_push(s, list_tail(t));
        return list_head(t);
    }
    return t;
}

/* Hashes a boxed term; its subterms still to visit go on the stack. */
static uint32_t walk_boxed(uint32_t h, Term t, TermStack *s, bool *ok)
{
    const Term *o = boxed_ptr(t);
    uint64_t arity = header_arity(o[0]);
    switch (header_sub(o[0])) {
    case SUB_TUPLE:
        h = mix1(h, (uint32_t)arity, K(K_TUPLE));
        for (uint64_t i = arity; i >= 1 && *ok; i--)
            *ok = tstack_push(s, o[i]);
        return h;
    case SUB_POS_BIG:
    case SUB_NEG_BIG:
        return mix_limbs(h, big_limbs(t), big_size(t), big_is_neg(t));
    case SUB_FLOAT:
        return mix_float(h, float_val(t));
    case SUB_HEAP_BIN:
    case SUB_REFC_BIN:
    case SUB_SUB_BIN: {
        uint32_t seed = K(K_BINARY) + h;
        return bin_size(t) ? block_hash(bin_bytes(t), bin_size(t), seed) : seed;
    }
    case SUB_EXPORT: {
        const Export *e = (const Export *)(uintptr_t)o[1];
        h = mix2(h, atom_hash(e->module), atom_hash(e->name), K(K_EXPORT));
        return mix1(h, e->arity, K(K_EXPORT));
    }
    case SUB_FUN: {
        const FunEntry *fe = (const FunEntry *)(uintptr_t)o[1];
        h = mix2(h, atom_hash(fe->module->name), atom_hash(fe->name), K(K_FUN));
        h = mix2(h, fe->index, fe->uniq, K(K_FUN));
        for (uint64_t i = arity; i >= 2 && *ok; i--)
            *ok = tstack_push(s, o[i]);
        return h;
    }
    default: /* references: their id words */
        for (uint64_t i = 1; i <= arity; i++)
            h = mix2(h, (uint32_t)o[i], (uint32_t)(o[i] >> 32), K(K_REF));
        return h;
    }
}

bool phash2(Term t, uint32_t *hash, size_t *nodes)
{
    TermStack s = { 0 };
    uint32_t h = 0;
    bool ok = true;
    size_t visited = 0;
    for (;;) {
        visited++;
        if (is_list(t)) {
            t = walk_list(&h, t, &s, &ok);
            if (!ok)
                break;
            continue; /* the element or tail it stopped at */
        }
        if (is_nil(t))
            h = h == 0 ? NIL_FIRST : mix1(h, NIL_WORD, K(K_NIL));
        else if (is_atom(t))
            h = h == 0 ? atom_hash(t) : mix1(h, atom_hash(t), K(K_ATOM));
        else if (is_small(t))
            h = mix_small(h, small_val(t));
        else if (is_pid(t))
            h = mix1(h, (uint32_t)pid_id(t), K(K_PID));
        else if (is_boxed(t))
            h = walk_boxed(h, t, &s, &ok);
        if (!ok || s.n == 0)
            break;
        t = s.v[--s.n];
    }
    tstack_free(&s);
    *hash = h;
    *nodes = visited;
    return ok;
}
