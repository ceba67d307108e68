/* term_hash.c - structural term hash (see term_hash.h). */
#include "term_hash.h"

#include <string.h>

#include "binary.h"

#define MAX_NODES 256
#define STACK 64

static inline uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    return h * 0xFF51AFD7ED558CCDULL;
}

/* The words of a boxed object that are data, not terms, go in raw; term
 * elements are pushed to be visited. Returns the new hash. */
static uint64_t boxed(uint64_t h, Term t, Term *stack, int *sp)
{
    Term *o = boxed_ptr(t);
    unsigned sub = header_sub(o[0]);
    uint64_t arity = header_arity(o[0]);
    h = mix(h, sub);
    switch (sub) {
    case SUB_TUPLE:
        h = mix(h, arity);
        for (uint64_t i = arity; i >= 1 && *sp < STACK; i--)
            stack[(*sp)++] = o[i];
        return h;
    case SUB_FLOAT: {
        double d;
        memcpy(&d, &o[1], sizeof d);
        if (d == 0.0)
            d = 0.0; /* 0.0 and -0.0 are =:= in OTP 25 */
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return mix(h, bits);
    }
    case SUB_HEAP_BIN: case SUB_REFC_BIN: case SUB_SUB_BIN: {
        size_t n = bin_size(t);
        const uint8_t *b = bin_bytes(t);
        h = mix(h, n);
        size_t i = 0;
        for (; i + 8 <= n && i < 1024; i += 8) {
            uint64_t w;
            memcpy(&w, b + i, 8);
            h = mix(h, w);
        }
        for (; i < n && i < 1024; i++)
            h = mix(h, b[i]);
        return h;
    }
    case SUB_FUN:
        h = mix(h, o[1]); /* the FunEntry */
        for (uint64_t i = arity; i >= 2 && *sp < STACK; i--)
            stack[(*sp)++] = o[i];
        return h;
    default:
        /* Bignums, exports, refs: raw words. */
        for (uint64_t i = 1; i <= arity && i <= 16; i++)
            h = mix(h, o[i]);
        return h;
    }
}

uint64_t term_hash(Term t)
{
    Term stack[STACK];
    int sp = 0;
    uint64_t h = 0x243F6A8885A308D3ULL;
    stack[sp++] = t;
    for (int nodes = 0; sp > 0 && nodes < MAX_NODES; nodes++) {
        Term x = stack[--sp];
        if (is_list(x)) {
            h = mix(h, 0x1157);
            if (sp + 2 <= STACK) {
                stack[sp++] = list_tail(x);
                stack[sp++] = list_head(x);
            }
        } else if (is_boxed(x)) {
            h = boxed(h, x, stack, &sp);
        } else {
            h = mix(h, x); /* immediates are equal when their words are */
        }
    }
    return h ^ (h >> 29);
}
