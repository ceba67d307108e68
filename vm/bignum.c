/* bignum.c - integers beyond the small range: building, normalising,
 * comparing and converting bignums whose limbs live on a process heap.
 *
 * The arithmetic itself (sums, products, shifts, bitwise operations) is in
 * arith.c; this file holds what other modules need to make, read, print,
 * parse and compare integers. GMP's mpn layer does the heavy lifting on limbs
 * we own: it never allocates a result, only (for printing and parsing) its
 * own temporary scratch, which it frees before returning. */
#include "bignum.h"

#include <gmp.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"

_Static_assert(sizeof(mp_limb_t) == sizeof(uint64_t) && GMP_NUMB_BITS == 64,
               "bignum limbs must be GMP limbs of 64 bits without nails");

/* Whether a normalised magnitude with the given sign fits a small. */
static bool mag_fits_small(const uint64_t *limbs, size_t n, bool neg)
{
    if (n == 0)
        return true;
    if (n > 1)
        return false;
    return limbs[0] <= (neg ? (uint64_t)MAX_SMALL + 1 : (uint64_t)MAX_SMALL);
}

/* The limbs may already sit at hp + 1 (arith.c computes results in place) or
 * anywhere else, even overlapping that area: memmove copes with both. */
Term big_make(Term *hp, const uint64_t *limbs, size_t n, bool neg, size_t *used)
{
    while (n > 0 && limbs[n - 1] == 0)
        n--;
    if (mag_fits_small(limbs, n, neg)) {
        *used = 0;
        int64_t v = n ? (int64_t)limbs[0] : 0;
        return make_small(neg ? -v : v);
    }
    if ((const void *)limbs != (const void *)(hp + 1))
        memmove(hp + 1, limbs, n * sizeof(uint64_t));
    hp[0] = make_header(n, neg ? SUB_NEG_BIG : SUB_POS_BIG);
    *used = big_words(n);
    return make_boxed(hp);
}

Term big_from_int64(Process *p, int64_t v, unsigned live)
{
    if (small_fits(v))
        return make_small(v);
    if (!proc_reserve(p, big_words(1), live))
        return THE_NON_VALUE;
    Term *hp = proc_alloc(p, big_words(1));
    hp[0] = make_header(1, v < 0 ? SUB_NEG_BIG : SUB_POS_BIG);
    hp[1] = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    return make_boxed(hp);
}

/* -1, 0 or 1. Bignums are never zero. */
static int int_sign(Term t)
{
    if (is_small(t)) {
        int64_t v = small_val(t);
        return (v > 0) - (v < 0);
    }
    return big_is_neg(t) ? -1 : 1;
}

/* Both normalised, so a bignum's magnitude exceeds every small's, and longer
 * bignums have larger magnitudes. */
int big_compare(Term a, Term b)
{
    if (is_small(a) && is_small(b)) {
        int64_t x = small_val(a), y = small_val(b);
        return (x > y) - (x < y);
    }
    int sa = int_sign(a), sb = int_sign(b);
    if (sa != sb)
        return sa < sb ? -1 : 1;
    if (is_small(a))
        return -sb;
    if (is_small(b))
        return sa;
    size_t na = big_size(a), nb = big_size(b);
    int c;
    if (na != nb)
        c = na < nb ? -1 : 1;
    else
        c = mpn_cmp((const mp_limb_t *)big_limbs(a), (const mp_limb_t *)big_limbs(b),
                    (mp_size_t)na);
    return sa > 0 ? c : -c;
}

/* Erlang/OTP folds the limbs in from the most significant, one double
 * operation per limb, rounding at each step (so a value just above a
 * rounding midpoint can round down, as it does in erl); we do the same so
 * float/1 gives the same bits. Multiplying by 2^64 is exact, so contracting
 * the step into a fused multiply-add changes nothing. */
double big_to_double(Term t)
{
    if (is_small(t))
        return (double)small_val(t);
    const uint64_t *d = big_limbs(t);
    double r = 0.0;
    for (size_t i = big_size(t); i-- > 0;)
        r = r * 18446744073709551616.0 + (double)d[i];
    return big_is_neg(t) ? -r : r;
}

/* Doubles of magnitude 2^63 or more are a 53-bit mantissa shifted left by at
 * least 11 bits: place it into zeroed limbs. */
Term big_from_double(Process *p, double d, unsigned live)
{
    if (!isfinite(d))
        return THE_NON_VALUE;
    d = trunc(d);
    if (fabs(d) < 9223372036854775808.0)
        return big_from_int64(p, (int64_t)d, live);
    int e;
    double m = frexp(fabs(d), &e); /* |d| = m * 2^e, 0.5 <= m < 1 */
    uint64_t mant = (uint64_t)ldexp(m, 53);
    unsigned shift = (unsigned)e - 53;
    size_t q = shift / 64, r = shift % 64, n = q + 2;
    if (!proc_reserve(p, big_words(n), live))
        return THE_NON_VALUE;
    Term *hp = p->htop;
    uint64_t *l = (uint64_t *)(hp + 1);
    memset(l, 0, n * sizeof *l);
    l[q] = mant << r;
    l[q + 1] = r ? mant >> (64 - r) : 0;
    size_t used;
    Term t = big_make(hp, l, n, d < 0, &used);
    proc_alloc(p, used);
    return t;
}

static char digit_char(unsigned v) { return (char)(v < 10 ? '0' + v : 'A' + v - 10); }

/* A small: digits by repeated division, into a fixed buffer (64 binary digits
 * and a sign at most). */
static char *small_to_string(int64_t v, unsigned base, size_t *len)
{
    char tmp[72];
    size_t i = sizeof tmp;
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        tmp[--i] = digit_char((unsigned)(m % base));
        m /= base;
    } while (m);
    if (v < 0)
        tmp[--i] = '-';
    *len = sizeof tmp - i;
    char *s = malloc(*len + 1);
    if (!s)
        return NULL;
    memcpy(s, tmp + i, *len);
    s[*len] = '\0';
    return s;
}

/* A bignum: mpn_get_str (subquadratic for large numbers) on a copy of the
 * limbs, since it clobbers its input. Its output area must hold the largest
 * n-limb number's digits plus one (at most 64n / floor(log2 base) + 1);
 * the string may start with zeros. */
char *big_to_string(Term t, unsigned base, size_t *len)
{
    if (is_small(t))
        return small_to_string(small_val(t), base, len);
    size_t n = big_size(t);
    bool neg = big_is_neg(t);
    unsigned log2_base = 1;
    while ((2u << log2_base) <= base)
        log2_base++;
    size_t cap = n * 64 / log2_base + 4; /* sign, digits, one spare, NUL */
    mp_limb_t *copy = malloc((n + 1) * sizeof *copy);
    unsigned char *s = malloc(cap);
    if (!copy || !s) {
        free(copy);
        free(s);
        return NULL;
    }
    memcpy(copy, big_limbs(t), n * sizeof *copy);
    size_t nd = mpn_get_str(s + 1, (int)base, copy, (mp_size_t)n);
    free(copy);
    size_t skip = 0;
    while (skip + 1 < nd && s[1 + skip] == 0)
        skip++;
    char *out = (char *)s;
    size_t o = 0;
    if (neg)
        out[o++] = '-';
    for (size_t i = skip; i < nd; i++)
        out[o++] = digit_char(s[1 + i]);
    out[o] = '\0';
    *len = o;
    return out;
}

/* The value of a digit in bases up to 36, either case; 99 if none. */
static unsigned digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return (unsigned)(c - '0');
    if (c >= 'a' && c <= 'z')
        return (unsigned)(c - 'a' + 10);
    if (c >= 'A' && c <= 'Z')
        return (unsigned)(c - 'A' + 10);
    return 99;
}

/* Builds the integer of nd digit values (no leading zero, nd >= 1). Up to 12
 * digits (36^12 < 2^63) it is an int64; beyond, mpn_set_str converts into a
 * scratch buffer sized from the bits per digit, and the result is copied to
 * the heap. *out is THE_NON_VALUE on a full heap or past the size limit. */
static Term digits_to_int(Process *p, const unsigned char *dig, size_t nd, unsigned base,
                          bool neg, unsigned live)
{
    if (nd <= 12) {
        int64_t v = 0;
        for (size_t i = 0; i < nd; i++)
            v = v * base + dig[i];
        return big_from_int64(p, neg ? -v : v, live);
    }
    unsigned bits = 1;
    while ((1u << bits) < base)
        bits++;
    size_t cap = nd / 64 * bits + bits + 2; /* >= nd * bits / 64 + 2 */
    mp_limb_t *l = malloc(cap * sizeof *l);
    if (!l)
        return THE_NON_VALUE;
    size_t n = (size_t)mpn_set_str(l, dig, nd, (int)base);
    Term r = THE_NON_VALUE;
    if (n <= ARITH_MAX_BIG_LIMBS && proc_reserve(p, big_words(n), live)) {
        size_t used;
        r = big_make(p->htop, (const uint64_t *)l, n, neg, &used);
        proc_alloc(p, used);
    }
    free(l);
    return r;
}

bool big_parse(Process *p, const char *text, size_t n, unsigned base, unsigned live, Term *out)
{
    if (base < 2 || base > 36)
        return false;
    size_t i = 0;
    bool neg = false;
    if (n > 0 && (text[0] == '+' || text[0] == '-')) {
        neg = text[0] == '-';
        i = 1;
    }
    if (i == n)
        return false;
    for (size_t j = i; j < n; j++)
        if (digit_value(text[j]) >= base)
            return false;
    while (i + 1 < n && text[i] == '0')
        i++;
    if (text[i] == '0') {
        *out = make_small(0);
        return true;
    }
    size_t nd = n - i;
    unsigned char stackbuf[64];
    unsigned char *dig = nd <= sizeof stackbuf ? stackbuf : malloc(nd);
    if (!dig) {
        *out = THE_NON_VALUE;
        return true;
    }
    for (size_t j = 0; j < nd; j++)
        dig[j] = (unsigned char)digit_value(text[i + j]);
    *out = digits_to_int(p, dig, nd, base, neg, live);
    if (dig != stackbuf)
        free(dig);
    return true;
}

Term big_from_le_bytes(Term *hp, const uint8_t *bytes, size_t n, bool neg, size_t *used)
{
    size_t nl = (n + 7) / 8;
    uint64_t *l = (uint64_t *)(hp + 1);
    memset(l, 0, nl * sizeof *l);
    for (size_t i = 0; i < n; i++)
        l[i / 8] |= (uint64_t)bytes[i] << (8 * (i % 8));
    return big_make(hp, l, nl, neg, used);
}
