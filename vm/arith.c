/* arith.c - the arithmetic BIFs: + - * / div rem, the bitwise operations and
 * shifts, unary - and +, abs, float, round, trunc, and the conversions
 * between numbers and character lists.
 *
 * Integer operations first try the all-small case with plain int64
 * arithmetic (smalls are 61 bits, so sums never overflow an int64). The
 * general case works on sign-magnitude views of both operands (Int) and
 * computes the result's magnitude straight into the heap: it reserves the
 * largest size the result can have, re-reads the operands from the x
 * registers (the reservation may have moved them), writes the limbs at
 * p->htop + 1, then normalises (finish) and takes only the words used.
 * Operations whose result size is unknown in advance (parsing) go through a
 * malloc'd scratch buffer instead. Every step is linear in the operands'
 * sizes except multiplication and division, which GMP does in
 * quasi-linear time for large operands. */
#include "arith.h"

#include <gmp.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "bignum.h"

/* ---- failures */

static Term badarith(Process *p) { return bif_error(p, ATOM_badarith); }

/* Results too large, and heaps that cannot grow. */
static Term sys_limit(Process *p) { return bif_error(p, ATOM_system_limit); }

/* ---- integer views */

/* An integer as sign and magnitude; d points at the bignum's limbs, or at
 * `small` for a small (so an Int must not be copied). n is 0 for zero. */
typedef struct {
    const mp_limb_t *d;
    size_t n;
    bool neg;
    mp_limb_t small;
} Int;

static void int_view(Int *v, Term t)
{
    if (is_small(t)) {
        int64_t x = small_val(t);
        v->neg = x < 0;
        v->small = v->neg ? (mp_limb_t)0 - (mp_limb_t)x : (mp_limb_t)x;
        v->d = &v->small;
        v->n = x != 0;
    } else {
        v->d = (const mp_limb_t *)big_limbs(t);
        v->n = big_size(t);
        v->neg = big_is_neg(t);
    }
}

/* Limbs an integer's magnitude takes at most (1 for any small). */
static size_t int_limbs(Term t) { return is_small(t) ? 1 : big_size(t); }

static size_t max_size(size_t a, size_t b) { return a > b ? a : b; }

/* Compares magnitudes (normalised, so longer is larger). */
static int mag_cmp(const Int *a, const Int *b)
{
    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    if (a->n == 0)
        return 0;
    return mpn_cmp(a->d, b->d, (mp_size_t)a->n);
}

/* Where a result's magnitude is computed: just above the header word it will
 * get, inside the words reserved for it. */
static mp_limb_t *result_area(Process *p) { return (mp_limb_t *)(p->htop + 1); }

/* Normalises the n-limb magnitude at result_area(p) with the given sign into
 * an integer, taking from the heap only the words it needs (none for a
 * small). */
static Term finish(Process *p, size_t n, bool neg)
{
    const uint64_t *l = (const uint64_t *)result_area(p);
    while (n > 0 && l[n - 1] == 0)
        n--;
    if (n > ARITH_MAX_BIG_LIMBS)
        return sys_limit(p);
    size_t used;
    Term r = big_make(p->htop, l, n, neg, &used);
    proc_alloc(p, used);
    return r;
}

Term arith_int64(Process *p, int64_t v, unsigned live)
{
    Term r = big_from_int64(p, v, live);
    return is_value(r) ? r : sys_limit(p);
}

/* ---- + - * */

/* r = a + b with signs; |r| has at most max(a.n, b.n) + 1 limbs. */
static size_t signed_add(mp_limb_t *r, const Int *a, const Int *b, bool *neg)
{
    if (mag_cmp(a, b) < 0) {
        const Int *t = a;
        a = b;
        b = t;
    }
    *neg = a->neg;
    if (b->n == 0) {
        memcpy(r, a->d, a->n * sizeof *r);
        return a->n;
    }
    if (a->neg == b->neg) {
        r[a->n] = mpn_add(r, a->d, (mp_size_t)a->n, b->d, (mp_size_t)b->n);
        return a->n + 1;
    }
    mpn_sub(r, a->d, (mp_size_t)a->n, b->d, (mp_size_t)b->n); /* |a| >= |b|: no borrow */
    return a->n;
}

/* a + b or a - b for two integers, one of them at least a bignum. */
static Term int_add(Process *p, Term *args, unsigned live, bool subtract)
{
    size_t bound = max_size(int_limbs(args[0]), int_limbs(args[1])) + 1;
    if (!proc_reserve(p, big_words(bound), live))
        return sys_limit(p);
    Int a, b;
    int_view(&a, args[0]);
    int_view(&b, args[1]);
    if (subtract)
        b.neg = !b.neg;
    bool neg;
    size_t n = signed_add(result_area(p), &a, &b, &neg);
    return finish(p, n, neg);
}

/* a * b for two integers. The product of an n- and an m-limb magnitude has
 * n + m or n + m - 1 limbs, so the size limit can be checked up front. */
static Term int_mul(Process *p, Term *args, unsigned live)
{
    if (args[0] == make_small(0) || args[1] == make_small(0))
        return make_small(0);
    size_t bound = int_limbs(args[0]) + int_limbs(args[1]);
    if (bound - 1 > ARITH_MAX_BIG_LIMBS)
        return sys_limit(p);
    if (!proc_reserve(p, big_words(bound), live))
        return sys_limit(p);
    Int a, b;
    int_view(&a, args[0]);
    int_view(&b, args[1]);
    const Int *x = &a, *y = &b;
    if (x->n < y->n) {
        x = &b;
        y = &a;
    }
    mp_limb_t *r = result_area(p);
    if (x->n == y->n && mpn_cmp(x->d, y->d, (mp_size_t)x->n) == 0)
        mpn_sqr(r, x->d, (mp_size_t)x->n);
    else
        mpn_mul(r, x->d, (mp_size_t)x->n, y->d, (mp_size_t)y->n);
    return finish(p, bound, a.neg != b.neg);
}

/* ---- floats */

/* A number's value as a double, for mixed arithmetic; false if t is not a
 * number or is an integer too large for a double. */
static bool num_to_double(Term t, double *out)
{
    if (is_float(t))
        *out = float_val(t);
    else if (is_small(t))
        *out = (double)small_val(t);
    else if (is_big(t))
        *out = big_to_double(t);
    else
        return false;
    return isfinite(*out);
}

Term arith_double(Process *p, double d, unsigned live)
{
    if (!isfinite(d))
        return badarith(p);
    if (!proc_reserve(p, FLOAT_WORDS, live))
        return sys_limit(p);
    return proc_float(p, d);
}

/* + - * / on doubles, at least one operand being a float (or both integers,
 * for /). */
static Term float_arith(Process *p, Term *args, unsigned live, char op)
{
    double x, y, r;
    if (!num_to_double(args[0], &x) || !num_to_double(args[1], &y))
        return badarith(p);
    switch (op) {
    case '+': r = x + y; break;
    case '-': r = x - y; break;
    case '*': r = x * y; break;
    default:
        if (y == 0.0)
            return badarith(p);
        r = x / y;
        break;
    }
    return arith_double(p, r, live);
}

/* ---- the + - * / BIFs */

Term bif_plus_2(Process *p, Term *args, unsigned live)
{
    Term a = args[0], b = args[1];
    if (is_small(a) && is_small(b))
        return arith_int64(p, small_val(a) + small_val(b), live);
    if (is_integer(a) && is_integer(b))
        return int_add(p, args, live, false);
    return float_arith(p, args, live, '+');
}

Term bif_minus_2(Process *p, Term *args, unsigned live)
{
    Term a = args[0], b = args[1];
    if (is_small(a) && is_small(b))
        return arith_int64(p, small_val(a) - small_val(b), live);
    if (is_integer(a) && is_integer(b))
        return int_add(p, args, live, true);
    return float_arith(p, args, live, '-');
}

Term bif_times_2(Process *p, Term *args, unsigned live)
{
    Term a = args[0], b = args[1];
    if (is_small(a) && is_small(b)) {
        int64_t r;
        if (!__builtin_mul_overflow(small_val(a), small_val(b), &r))
            return arith_int64(p, r, live);
    }
    if (is_integer(a) && is_integer(b))
        return int_mul(p, args, live);
    return float_arith(p, args, live, '*');
}

Term bif_fdiv_2(Process *p, Term *args, unsigned live) { return float_arith(p, args, live, '/'); }

/* ---- div rem */

/* Truncating division of two integers, b nonzero, at least one a bignum:
 * the wanted part goes to the heap, the other to scratch. */
static Term int_divrem(Process *p, Term *args, unsigned live, bool want_rem)
{
    size_t an = int_limbs(args[0]), bn = int_limbs(args[1]);
    if (an < bn) /* |a| < |b| */
        return want_rem ? args[0] : make_small(0);
    size_t qn = an - bn + 1;
    if (!proc_reserve(p, big_words(want_rem ? bn : qn), live))
        return sys_limit(p);
    Int a, b;
    int_view(&a, args[0]);
    int_view(&b, args[1]);
    if (a.n == 0)
        return make_small(0);
    mp_limb_t local[16];
    size_t other = want_rem ? qn : bn;
    mp_limb_t *scratch = other <= 16 ? local : malloc(other * sizeof *scratch);
    if (!scratch)
        return sys_limit(p);
    mp_limb_t *q = want_rem ? scratch : result_area(p);
    mp_limb_t *r = want_rem ? result_area(p) : scratch;
    mpn_tdiv_qr(q, r, 0, a.d, (mp_size_t)a.n, b.d, (mp_size_t)b.n);
    if (scratch != local)
        free(scratch);
    return want_rem ? finish(p, bn, a.neg) : finish(p, qn, a.neg != b.neg);
}

/* div and rem: the small case in int64 (MIN_SMALL div -1 leaves the small
 * range, hence arith_int64). */
static Term divrem(Process *p, Term *args, unsigned live, bool want_rem)
{
    Term a = args[0], b = args[1];
    if (!is_integer(a) || !is_integer(b) || b == make_small(0))
        return badarith(p);
    if (is_small(a) && is_small(b)) {
        int64_t x = small_val(a), y = small_val(b);
        return want_rem ? make_small(x % y) : arith_int64(p, x / y, live);
    }
    return int_divrem(p, args, live, want_rem);
}

Term bif_div_2(Process *p, Term *args, unsigned live) { return divrem(p, args, live, false); }
Term bif_rem_2(Process *p, Term *args, unsigned live) { return divrem(p, args, live, true); }

/* ---- bitwise operations */

/* Reads an integer limb by limb as the infinite two's complement sequence
 * Erlang's bitwise operations act on: for a negative value, -m = ~(m - 1),
 * with the borrow of m - 1 carried from limb to limb. */
typedef struct {
    const Int *v;
    mp_limb_t borrow;
} TwosReader;

static mp_limb_t twos_next(TwosReader *t, size_t i)
{
    mp_limb_t m = i < t->v->n ? t->v->d[i] : 0;
    if (!t->v->neg)
        return m;
    mp_limb_t r = m - t->borrow;
    t->borrow = t->borrow && m == 0;
    return ~r;
}

/* Turns the n-limb two's complement value at r (negative) into its
 * magnitude, in place: -x = ~x + 1. */
static void twos_negate(mp_limb_t *r, size_t n)
{
    mp_limb_t carry = 1;
    for (size_t i = 0; i < n; i++) {
        r[i] = ~r[i] + carry;
        carry = carry && r[i] == 0;
    }
}

typedef enum { BIT_AND, BIT_OR, BIT_XOR } BitOp;

static mp_limb_t bit_apply(BitOp op, mp_limb_t x, mp_limb_t y)
{
    switch (op) {
    case BIT_AND: return x & y;
    case BIT_OR: return x | y;
    default: return x ^ y;
    }
}

/* One limb more than the longer operand holds the sign of the result, so the
 * whole result fits in that many limbs whatever its sign. */
static Term bitwise(Process *p, Term *args, unsigned live, BitOp op)
{
    Term a = args[0], b = args[1];
    if (!is_integer(a) || !is_integer(b))
        return badarith(p);
    if (is_small(a) && is_small(b)) /* sign-extended 61-bit values stay so */
        return make_small((int64_t)bit_apply(op, (mp_limb_t)small_val(a), (mp_limb_t)small_val(b)));
    size_t n = max_size(int_limbs(a), int_limbs(b)) + 1;
    if (!proc_reserve(p, big_words(n), live))
        return sys_limit(p);
    Int x, y;
    int_view(&x, args[0]);
    int_view(&y, args[1]);
    TwosReader rx = {&x, 1}, ry = {&y, 1};
    mp_limb_t *r = result_area(p);
    for (size_t i = 0; i < n; i++)
        r[i] = bit_apply(op, twos_next(&rx, i), twos_next(&ry, i));
    bool neg = r[n - 1] >> 63;
    if (neg)
        twos_negate(r, n);
    return finish(p, n, neg);
}

Term bif_band_2(Process *p, Term *args, unsigned live) { return bitwise(p, args, live, BIT_AND); }
Term bif_bor_2(Process *p, Term *args, unsigned live) { return bitwise(p, args, live, BIT_OR); }
Term bif_bxor_2(Process *p, Term *args, unsigned live) { return bitwise(p, args, live, BIT_XOR); }

/* bnot a = -a - 1: for a >= 0, -(a + 1); for a < 0, |a| - 1. */
Term bif_bnot_1(Process *p, Term *args, unsigned live)
{
    Term a = args[0];
    if (is_small(a))
        return make_small(~small_val(a));
    if (!is_big(a))
        return badarith(p);
    size_t n = big_size(a);
    if (!proc_reserve(p, big_words(n + 1), live))
        return sys_limit(p);
    Int v;
    int_view(&v, args[0]);
    mp_limb_t *r = result_area(p);
    if (v.neg) {
        mpn_sub_1(r, v.d, (mp_size_t)n, 1);
        return finish(p, n, false);
    }
    r[n] = mpn_add_1(r, v.d, (mp_size_t)n, 1);
    return finish(p, n + 1, true);
}

/* ---- shifts */

/* The number of significant bits of a nonzero magnitude. */
static uint64_t mag_bits(const Int *v)
{
    return (uint64_t)v->n * 64 - (uint64_t)__builtin_clzll(v->d[v->n - 1]);
}

/* args[0] * 2^k, k >= 0. */
static Term shift_left(Process *p, Term *args, unsigned live, uint64_t k)
{
    Term a = args[0];
    if (a == make_small(0))
        return a;
    if (is_small(a) && k <= 60) {
        int64_t v = small_val(a);
        if (v >= (MIN_SMALL >> k) && v <= (MAX_SMALL >> k))
            return make_small((int64_t)((uint64_t)v << k));
    }
    Int v;
    int_view(&v, a);
    if (k > (uint64_t)ARITH_MAX_BIG_LIMBS * 64 || mag_bits(&v) + k > (uint64_t)ARITH_MAX_BIG_LIMBS * 64)
        return sys_limit(p);
    size_t q = (size_t)(k / 64), bits = (size_t)(k % 64), n = v.n;
    size_t bound = n + q + 1;
    if (!proc_reserve(p, big_words(bound), live))
        return sys_limit(p);
    int_view(&v, args[0]);
    mp_limb_t *r = result_area(p);
    memset(r, 0, q * sizeof *r);
    if (bits) {
        r[q + n] = mpn_lshift(r + q, v.d, (mp_size_t)n, (unsigned)bits);
    } else {
        memcpy(r + q, v.d, n * sizeof *r);
        r[q + n] = 0;
    }
    return finish(p, bound, v.neg);
}

/* Whether any of the lowest k = 64q + bits bits of a magnitude are set. */
static bool low_bits_set(const Int *v, size_t q, size_t bits)
{
    for (size_t i = 0; i < q; i++)
        if (v->d[i])
            return true;
    return bits && (v->d[q] & (((mp_limb_t)1 << bits) - 1));
}

/* floor(args[0] / 2^k), k > 0: for negative values the magnitude shifted
 * right, plus one if any bit shifted out was set. */
static Term shift_right(Process *p, Term *args, unsigned live, uint64_t k)
{
    Term a = args[0];
    if (is_small(a)) {
        int64_t v = small_val(a);
        return make_small(k >= 63 ? (v < 0 ? -1 : 0) : v >> k);
    }
    size_t n = big_size(a);
    if (k / 64 >= n)
        return make_small(big_is_neg(a) ? -1 : 0);
    size_t q = (size_t)(k / 64), bits = (size_t)(k % 64), rn = n - q;
    if (!proc_reserve(p, big_words(rn + 1), live))
        return sys_limit(p);
    Int v;
    int_view(&v, args[0]);
    mp_limb_t *r = result_area(p);
    if (bits)
        mpn_rshift(r, v.d + q, (mp_size_t)rn, (unsigned)bits);
    else
        memcpy(r, v.d + q, rn * sizeof *r);
    r[rn] = 0;
    if (v.neg && low_bits_set(&v, q, bits))
        mpn_add_1(r, r, (mp_size_t)(rn + 1), 1);
    return finish(p, rn + 1, v.neg);
}

/* a bsl s (left) or a bsr s: a negative count shifts the other way. A
 * bignum count shifts everything out (0 or -1) or overflows (system_limit,
 * unless a is 0). */
static Term shift(Process *p, Term *args, unsigned live, bool left)
{
    Term a = args[0], s = args[1];
    if (!is_integer(a) || !is_integer(s))
        return badarith(p);
    bool neg_a = is_small(a) ? small_val(a) < 0 : big_is_neg(a);
    if (is_big(s)) {
        if (big_is_neg(s) != left)
            return a == make_small(0) ? a : sys_limit(p);
        return make_small(neg_a ? -1 : 0);
    }
    int64_t k = small_val(s);
    if (!left)
        k = -k;
    return k >= 0 ? shift_left(p, args, live, (uint64_t)k) : shift_right(p, args, live, (uint64_t)-k);
}

Term bif_bsl_2(Process *p, Term *args, unsigned live) { return shift(p, args, live, true); }
Term bif_bsr_2(Process *p, Term *args, unsigned live) { return shift(p, args, live, false); }

/* ---- unary -, +, abs */

/* -a or |a| for an integer (smalls via int64: -MIN_SMALL is a bignum, and
 * -(2^60) a small again, which finish's normalisation takes care of). */
static Term int_negate(Process *p, Term *args, unsigned live, bool absolute)
{
    Term a = args[0];
    if (is_small(a)) {
        int64_t v = small_val(a);
        return arith_int64(p, absolute && v >= 0 ? v : -v, live);
    }
    if (absolute && !big_is_neg(a))
        return a;
    size_t n = big_size(a);
    if (!proc_reserve(p, big_words(n), live))
        return sys_limit(p);
    a = args[0];
    memcpy(result_area(p), big_limbs(a), n * sizeof(uint64_t));
    return finish(p, n, absolute ? false : !big_is_neg(a));
}

Term bif_neg_1(Process *p, Term *args, unsigned live)
{
    Term a = args[0];
    if (is_float(a))
        return arith_double(p, -float_val(a), live);
    if (!is_integer(a))
        return badarith(p);
    return int_negate(p, args, live, false);
}

/* Erlang/OTP computes +X for a float as X + 0.0, so +(-0.0) is 0.0. */
Term bif_pos_1(Process *p, Term *args, unsigned live)
{
    Term a = args[0];
    if (is_float(a))
        return signbit(float_val(a)) && float_val(a) == 0.0 ? arith_double(p, 0.0, live) : a;
    return is_integer(a) ? a : badarith(p);
}

/* Erlang/OTP negates only floats below zero, so abs(-0.0) stays -0.0. */
Term bif_abs_1(Process *p, Term *args, unsigned live)
{
    Term a = args[0];
    if (is_float(a)) {
        double d = float_val(a);
        return d < 0 ? arith_double(p, -d, live) : a;
    }
    if (!is_integer(a))
        return bif_badarg(p);
    return int_negate(p, args, live, true);
}

/* ---- float, round, trunc */

Term bif_float_1(Process *p, Term *args, unsigned live)
{
    Term a = args[0];
    if (is_float(a))
        return a;
    double d;
    if (!is_integer(a) || !num_to_double(a, &d))
        return bif_badarg(p);
    return arith_double(p, d, live);
}

/* round (half away from zero, as C's round) or trunc of a float; integers
 * are returned as they are. */
static Term float_to_int(Process *p, Term *args, unsigned live, bool rounding)
{
    Term a = args[0];
    if (is_integer(a))
        return a;
    if (!is_float(a))
        return bif_badarg(p);
    double d = rounding ? round(float_val(a)) : trunc(float_val(a));
    Term r = big_from_double(p, d, live);
    return is_value(r) ? r : sys_limit(p);
}

Term bif_round_1(Process *p, Term *args, unsigned live) { return float_to_int(p, args, live, true); }
Term bif_trunc_1(Process *p, Term *args, unsigned live) { return float_to_int(p, args, live, false); }

/* ---- conversions to and from character lists */

/* A list of the characters s[0..n): reserves 2n words, then conses from
 * the end. */
Term arith_chars_to_list(Process *p, const char *s, size_t n, unsigned live)
{
    if (!proc_reserve(p, 2 * n, live))
        return bif_heap_exhausted(p);
    Term list = NIL;
    for (size_t i = n; i-- > 0;)
        list = proc_cons(p, make_small((unsigned char)s[i]), list);
    return list;
}

/* The bytes of a proper list of characters 0..255, as a malloc'd
 * NUL-terminated string (*n its length). NULL if t is not such a list;
 * *oom tells an allocation failure apart. */
static char *list_to_chars(Term t, size_t *n, bool *oom)
{
    *oom = false;
    size_t len = 0;
    Term l;
    for (l = t; is_list(l); l = list_tail(l)) {
        Term c = list_head(l);
        if (!is_small(c) || small_val(c) < 0 || small_val(c) > 255)
            return NULL;
        len++;
    }
    if (!is_nil(l))
        return NULL;
    char *s = malloc(len + 1);
    if (!s) {
        *oom = true;
        return NULL;
    }
    size_t i = 0;
    for (l = t; is_list(l); l = list_tail(l))
        s[i++] = (char)small_val(list_head(l));
    s[len] = '\0';
    *n = len;
    return s;
}

bool arith_base_arg(Term t, unsigned *base)
{
    if (!is_small(t) || small_val(t) < 2 || small_val(t) > 36)
        return false;
    *base = (unsigned)small_val(t);
    return true;
}

Term arith_integer_text(Process *p, Term *args, unsigned live, Term base, ArithTextFn make)
{
    unsigned b;
    if (!arith_base_arg(base, &b) || !is_integer(args[0]))
        return bif_badarg(p);
    size_t len;
    char *s = big_to_string(args[0], b, &len);
    if (!s)
        return sys_limit(p);
    Term r = make(p, s, len, live);
    free(s);
    return r;
}

Term bif_integer_to_list_1(Process *p, Term *args, unsigned live)
{
    return arith_integer_text(p, args, live, make_small(10), arith_chars_to_list);
}

Term bif_integer_to_list_2(Process *p, Term *args, unsigned live)
{
    return arith_integer_text(p, args, live, args[1], arith_chars_to_list);
}

static Term list_to_integer(Process *p, Term *args, unsigned live, unsigned base)
{
    size_t n;
    bool oom;
    char *s = list_to_chars(args[0], &n, &oom);
    if (!s)
        return oom ? sys_limit(p) : bif_badarg(p);
    Term r;
    bool ok = big_parse(p, s, n, base, live, &r);
    free(s);
    if (!ok)
        return bif_badarg(p);
    return is_value(r) ? r : sys_limit(p);
}

Term bif_list_to_integer_1(Process *p, Term *args, unsigned live)
{
    return list_to_integer(p, args, live, 10);
}

Term bif_list_to_integer_2(Process *p, Term *args, unsigned live)
{
    unsigned base;
    if (!arith_base_arg(args[1], &base))
        return bif_badarg(p);
    return list_to_integer(p, args, live, base);
}

/* Erlang's float_to_list/1 is C's %.20e: 21 significant digits, an exponent
 * of at least two digits (C locale, as for strtod below). */
Term bif_float_to_list_1(Process *p, Term *args, unsigned live)
{
    if (!is_float(args[0]))
        return bif_badarg(p);
    char buf[40];
    int n = snprintf(buf, sizeof buf, "%.20e", float_val(args[0]));
    return arith_chars_to_list(p, buf, (size_t)n, live);
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Erlang float syntax: [+-] digits "." digits [ (e|E) [+-] digits ], where
 * erl also takes "," for the point. Turns a "," into "." for strtod. s is
 * NUL-terminated at s[n]; a NUL before that is no float. */
static bool float_syntax(char *s, size_t n)
{
    const char *end = s + n;
    if (*s == '+' || *s == '-')
        s++;
    if (!is_digit(*s))
        return false;
    while (is_digit(*s))
        s++;
    if (*s != '.' && *s != ',')
        return false;
    *s++ = '.';
    if (!is_digit(*s))
        return false;
    while (is_digit(*s))
        s++;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!is_digit(*s))
            return false;
        while (is_digit(*s))
            s++;
    }
    return s == end;
}

/* The syntax is checked first, so strtod (correctly rounded; underflow to
 * zero or a subnormal is accepted, as in Erlang) consumes the whole string.
 * It assumes the C locale's decimal point, which the VM never changes. An
 * overflow to inf is badarg. */
Term bif_list_to_float_1(Process *p, Term *args, unsigned live)
{
    size_t n;
    bool oom;
    char *s = list_to_chars(args[0], &n, &oom);
    if (!s)
        return oom ? sys_limit(p) : bif_badarg(p);
    bool ok = float_syntax(s, n);
    double d = ok ? strtod(s, NULL) : 0.0;
    free(s);
    if (!ok || !isfinite(d))
        return bif_badarg(p);
    return arith_double(p, d, live);
}
