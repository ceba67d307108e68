/* test_arith.c - unit tests of arith.c: the arithmetic BIFs and conversions.
 *
 * Three kinds of tests:
 *   - a table of cases computed by Erlang/OTP 25 (erl), tests/unit/data/
 *     arith.txt (tests/unit/gen/arith_cases.erl regenerates it; see
 *     tests/unit/data/README.md): each names a BIF, its arguments and
 *     erl's result (or the error it raised), run once normally and once
 *     with a garbage collection at every heap reservation (gc_stress),
 *     which moves every term and poisons the old heap, so a term kept in a
 *     C local across a reservation shows up at once;
 *   - random integers of up to a few hundred limbs, checked against GMP's
 *     mpz functions (an independent implementation of the same operations:
 *     Erlang's bitwise operations, like mpz's, act on two's complement, and
 *     div/rem truncate like mpz_tdiv_q/r, bsr floors like mpz_fdiv_q_2exp);
 *   - properties of the heap discipline: results normalised, words taken
 *     only as needed, live registers preserved, size limits as in erl.
 *
 * Table encoding: "i:<decimal>" integer, "f:<%.20e>" float, "a:<name>"
 * atom, "s:<chars>" character list, "e:<reason>" an error raised; a record
 * is "op<TAB>arg<TAB>[arg<TAB>]result". */
#include <check.h>
#include <gmp.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arith.h"
#include "atom.h"
#include "bif.h"
#include "bignum.h"
#include "gc.h"
#include "process.h"
#include "strbuf.h"
#include "term.h"

#include "data_file.h"
#include "unit_suite.h"

/* ---- helpers ---- */

typedef Term (*BifFn)(Process *, Term *, unsigned);

static const struct {
    const char *name;
    unsigned arity;
    BifFn fn;
} BIFS[] = {
    {"+", 2, bif_plus_2}, {"-", 2, bif_minus_2}, {"*", 2, bif_times_2}, {"/", 2, bif_fdiv_2},
    {"div", 2, bif_div_2}, {"rem", 2, bif_rem_2}, {"band", 2, bif_band_2}, {"bor", 2, bif_bor_2},
    {"bxor", 2, bif_bxor_2}, {"bsl", 2, bif_bsl_2}, {"bsr", 2, bif_bsr_2}, {"bnot", 1, bif_bnot_1},
    {"neg", 1, bif_neg_1}, {"pos", 1, bif_pos_1}, {"abs", 1, bif_abs_1}, {"float", 1, bif_float_1},
    {"round", 1, bif_round_1}, {"trunc", 1, bif_trunc_1},
    {"integer_to_list", 1, bif_integer_to_list_1}, {"integer_to_list", 2, bif_integer_to_list_2},
    {"list_to_integer", 1, bif_list_to_integer_1}, {"list_to_integer", 2, bif_list_to_integer_2},
    {"float_to_list", 1, bif_float_to_list_1}, {"list_to_float", 1, bif_list_to_float_1},
};

/* NULL if BIFS lacks name/arity. */
static BifFn find_bif(const char *name, unsigned arity)
{
    for (size_t i = 0; i < sizeof BIFS / sizeof BIFS[0]; i++)
        if (BIFS[i].arity == arity && strcmp(BIFS[i].name, name) == 0)
            return BIFS[i].fn;
    return NULL;
}


static Process *P;

static Process *new_proc(size_t words)
{
    Process *p = proc_new(words);
    ck_assert_ptr_nonnull(p);
    p->x = calloc(1100, sizeof(Term));
    return p;
}

static void free_proc(Process *p)
{
    free(p->x);
    proc_free(p);
}

static void setup(void)
{
    atom_init();
    P = new_proc(1 << 20);
}

static void teardown(void)
{
    gc_stress = false;
    free_proc(P);
}

/* A character list of s, built with x[0..live) live. */
static Term make_string(Process *p, const char *s, unsigned live)
{
    size_t n = strlen(s);
    ck_assert(proc_reserve(p, 2 * n, live));
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = proc_cons(p, make_small((unsigned char)s[i]), l);
    return l;
}

/* Builds the encoded value into x[i], with x[0..i) live. */
static void put_arg(Process *p, unsigned i, const char *enc)
{
    const char *v = enc + 2;
    Term t = NIL;
    switch (enc[0]) {
    case 'i':
        ck_assert_msg(big_parse(p, v, strlen(v), 10, i, &t) && is_value(t), "bad %s", enc);
        break;
    case 'f':
        ck_assert(proc_reserve(p, FLOAT_WORDS, i));
        t = proc_float(p, strtod(v, NULL));
        break;
    case 'a':
        t = atom_intern(v, strlen(v));
        break;
    case 's':
        t = make_string(p, v, i);
        break;
    default:
        ck_abort_msg("bad operand %s", enc);
    }
    p->x[i] = t;
}

/* A bignum must be one because it does not fit a small, with no leading
 * zero limb. */
static void assert_normalised(Term t)
{
    if (!is_big(t))
        return;
    size_t n = big_size(t);
    ck_assert_uint_gt(n, 0);
    ck_assert_uint_ne(big_limbs(t)[n - 1], 0);
    if (n == 1) {
        uint64_t m = big_limbs(t)[0];
        ck_assert(big_is_neg(t) ? m > (uint64_t)MAX_SMALL + 1 : m > (uint64_t)MAX_SMALL);
    }
    ck_assert_uint_le(n, ARITH_MAX_BIG_LIMBS);
}

/* The result of a BIF call in the table's encoding (malloc'd). */
static char *encode(Process *p, Term t)
{
    StrBuf sb = {0};
    if (t == THE_NON_VALUE) {
        ck_assert(p->exc_class == ATOM_error);
        sb_printf(&sb, "e:%s", atom_cstr(p->exc_reason));
    } else if (is_integer(t)) {
        assert_normalised(t);
        size_t len;
        char *s = big_to_string(t, 10, &len);
        sb_printf(&sb, "i:%s", s);
        free(s);
    } else if (is_float(t)) {
        sb_printf(&sb, "f:%.20e", float_val(t));
    } else if (is_atom(t)) {
        sb_printf(&sb, "a:%s", atom_cstr(t));
    } else if (is_list(t) || is_nil(t)) {
        sb_adds(&sb, "s:");
        for (; is_list(t); t = list_tail(t)) {
            ck_assert(is_small(list_head(t)));
            sb_addc(&sb, (char)small_val(list_head(t)));
        }
        ck_assert(is_nil(t));
    } else {
        sb_adds(&sb, "?");
    }
    return sb.data;
}

/* Whether put_arg can build an operand of the table. */
static bool operand_ok(const char *enc)
{
    char *stop;
    if (strlen(enc) < 2 || enc[1] != ':')
        return false;
    const char *v = enc + 2;
    switch (enc[0]) {
    case 'i':
        v += *v == '-';
        return *v && strspn(v, "0123456789") == strlen(v);
    case 'f':
        strtod(v, &stop);
        return *v && !*stop;
    case 'a':
    case 's':
        return true;
    default:
        return false;
    }
}

/* Runs the current record's BIF in p: arguments in x[0..arity), live =
 * arity. */
static char *run_case(Process *p, DataFile *d)
{
    unsigned arity = (unsigned)d->nfields - 2;
    for (unsigned i = 0; i < arity; i++) {
        const char *enc = d->field[1 + i];
        data_check(d, operand_ok(enc), "bad operand %s", enc);
        put_arg(p, i, enc);
    }
    BifFn fn = find_bif(d->field[0], arity);
    data_check(d, fn != NULL, "no BIF %s/%u", d->field[0], arity);
    p->exc_class = p->exc_reason = NIL;
    return encode(p, fn(p, p->x, arity));
}

static void run_table(bool stress)
{
    size_t failed = 0;
    if (stress) { /* a small heap: stress mode copies and poisons it each time */
        free_proc(P);
        P = new_proc(0);
    }
    gc_stress = stress;
    DataFile d;
    data_open(&d, "arith.txt");
    while (data_next(&d)) {
        data_fields(&d, 3, 4);
        char *got = run_case(P, &d);
        const char *want = d.field[d.nfields - 1];
        if (strcmp(got, want) != 0) {
            fprintf(stderr, "%s:%d: %s(%s%s%s) = %s, erl says %s\n", d.path, d.line, d.field[0], d.field[1],
                    d.nfields == 3 ? "" : ", ", d.nfields == 3 ? "" : d.field[2], got, want);
            failed++;
        }
        free(got);
    }
    gc_stress = false;
    ck_assert_msg(failed == 0, "%zu of %ld cases differ from erl", failed, d.records);
    data_close(&d);
}

START_TEST(erl_table)
{
    run_table(false);
}
END_TEST

START_TEST(erl_table_gc_stress)
{
    run_table(true);
}
END_TEST

/* ---- random integers against mpz ---- */

typedef struct {
    uint64_t s;
} Rng;

static uint64_t rnd(Rng *r)
{
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return r->s;
}

/* Random integers biased toward the interesting: zero, the edges of the
 * small range, limbs of all zeros or all ones (carries and borrows running
 * through), and sizes from one limb to past GMP's Karatsuba thresholds. */
static void rand_int(Rng *r, mpz_t z)
{
    unsigned kind = (unsigned)(rnd(r) % 8);
    if (kind == 0) {
        static const int64_t edges[] = {0, 1, -1, 2, -2, MAX_SMALL, MAX_SMALL - 1, MIN_SMALL,
                                        MIN_SMALL + 1, INT64_MAX, INT64_MIN};
        mpz_set_si(z, edges[rnd(r) % (sizeof edges / sizeof edges[0])]);
        unsigned d = (unsigned)(rnd(r) % 4);
        if (d == 1)
            mpz_add_ui(z, z, 1);
        else if (d == 2)
            mpz_sub_ui(z, z, 1);
        return;
    }
    if (kind == 1) {
        mpz_set_si(z, (int64_t)rnd(r) >> (rnd(r) % 64));
        return;
    }
    static const size_t sizes[] = {1, 1, 2, 2, 3, 4, 5, 8, 17, 40, 90};
    size_t n = sizes[rnd(r) % (sizeof sizes / sizeof sizes[0])];
    uint64_t limbs[90];
    for (size_t i = 0; i < n; i++) {
        switch (rnd(r) % 5) {
        case 0: limbs[i] = 0; break;
        case 1: limbs[i] = ~(uint64_t)0; break;
        case 2: limbs[i] = (uint64_t)1 << (rnd(r) % 64); break;
        default: limbs[i] = rnd(r); break;
        }
    }
    mpz_import(z, n, -1, sizeof limbs[0], 0, 0, limbs);
    if (rnd(r) & 1)
        mpz_neg(z, z);
}

/* Builds z into x[i] with x[0..i) live. */
static void put_mpz(Process *p, unsigned i, const mpz_t z)
{
    size_t n = mpz_size(z);
    ck_assert(proc_reserve(p, big_words(n), i));
    size_t used;
    Term t = big_make(p->htop, (const uint64_t *)mpz_limbs_read(z), n, mpz_sgn(z) < 0, &used);
    proc_alloc(p, used);
    p->x[i] = t;
}

static void term_to_mpz(mpz_t z, Term t)
{
    if (is_small(t)) {
        mpz_set_si(z, small_val(t));
        return;
    }
    mpz_import(z, big_size(t), -1, sizeof(uint64_t), 0, 0, big_limbs(t));
    if (big_is_neg(t))
        mpz_neg(z, z);
}

static void free_gmp_string(char *s)
{
    void (*freefunc)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &freefunc);
    freefunc(s, strlen(s) + 1);
}

/* Checks that t is the integer `want`, normalised. */
static void assert_int(Term t, const mpz_t want, const char *what, const mpz_t a, const mpz_t b)
{
    ck_assert_msg(is_value(t), "%s raised", what);
    ck_assert_msg(is_integer(t), "%s: not an integer", what);
    assert_normalised(t);
    mpz_t got;
    mpz_init(got);
    term_to_mpz(got, t);
    if (mpz_cmp(got, want) != 0) {
        char *sa = mpz_get_str(NULL, 16, a), *sb = mpz_get_str(NULL, 16, b);
        char *sg = mpz_get_str(NULL, 16, got), *sw = mpz_get_str(NULL, 16, want);
        ck_abort_msg("%s(%s, %s) = %s, want %s (in hex)", what, sa, sb, sg, sw);
    }
    mpz_clear(got);
}

/* Calls a 2-argument BIF on (a, b) held in x[0], x[1]. */
static Term call2(Process *p, BifFn fn, const mpz_t a, const mpz_t b)
{
    put_mpz(p, 0, a);
    put_mpz(p, 1, b);
    return fn(p, p->x, 2);
}

static void check_binary_ops(Process *p, const mpz_t a, const mpz_t b)
{
    mpz_t w;
    mpz_init(w);
    mpz_add(w, a, b);
    assert_int(call2(p, bif_plus_2, a, b), w, "+", a, b);
    mpz_sub(w, a, b);
    assert_int(call2(p, bif_minus_2, a, b), w, "-", a, b);
    mpz_mul(w, a, b);
    assert_int(call2(p, bif_times_2, a, b), w, "*", a, b);
    mpz_and(w, a, b);
    assert_int(call2(p, bif_band_2, a, b), w, "band", a, b);
    mpz_ior(w, a, b);
    assert_int(call2(p, bif_bor_2, a, b), w, "bor", a, b);
    mpz_xor(w, a, b);
    assert_int(call2(p, bif_bxor_2, a, b), w, "bxor", a, b);
    if (mpz_sgn(b) == 0) {
        ck_assert(call2(p, bif_div_2, a, b) == THE_NON_VALUE && p->exc_reason == ATOM_badarith);
        ck_assert(call2(p, bif_rem_2, a, b) == THE_NON_VALUE && p->exc_reason == ATOM_badarith);
    } else {
        mpz_tdiv_q(w, a, b);
        assert_int(call2(p, bif_div_2, a, b), w, "div", a, b);
        mpz_tdiv_r(w, a, b);
        assert_int(call2(p, bif_rem_2, a, b), w, "rem", a, b);
    }
    put_mpz(p, 0, a);
    put_mpz(p, 1, b);
    int c = big_compare(p->x[0], p->x[1]);
    int want = mpz_cmp(a, b);
    ck_assert_int_eq((c > 0) - (c < 0), (want > 0) - (want < 0));
    mpz_clear(w);
}

static void check_unary_ops(Process *p, Rng *r, const mpz_t a)
{
    mpz_t w, k;
    mpz_inits(w, k, NULL);
    put_mpz(p, 0, a);
    mpz_com(w, a);
    assert_int(bif_bnot_1(p, p->x, 1), w, "bnot", a, a);
    put_mpz(p, 0, a);
    mpz_neg(w, a);
    assert_int(bif_neg_1(p, p->x, 1), w, "neg", a, a);
    put_mpz(p, 0, a);
    mpz_abs(w, a);
    assert_int(bif_abs_1(p, p->x, 1), w, "abs", a, a);

    /* Shifts by -300..300 bits, both ways. */
    long s = (long)(rnd(r) % 601) - 300;
    mpz_set_si(k, s);
    if (s >= 0)
        mpz_mul_2exp(w, a, (mp_bitcnt_t)s);
    else
        mpz_fdiv_q_2exp(w, a, (mp_bitcnt_t)-s);
    assert_int(call2(p, bif_bsl_2, a, k), w, "bsl", a, k);
    mpz_neg(k, k);
    assert_int(call2(p, bif_bsr_2, a, k), w, "bsr", a, k);

    /* Printing and parsing in a random base. */
    unsigned base = 2 + (unsigned)(rnd(r) % 35);
    put_mpz(p, 0, a);
    p->x[1] = make_small(base);
    Term l = bif_integer_to_list_2(p, p->x, 2);
    char *got = encode(p, l);
    char *want = mpz_get_str(NULL, -(int)base, a);
    ck_assert_str_eq(got + 2, want);
    free_gmp_string(want);
    want = mpz_get_str(NULL, (int)base, a); /* lower case reads back too */
    p->x[0] = make_string(p, want, 0);
    p->x[1] = make_small(base);
    assert_int(bif_list_to_integer_2(p, p->x, 2), a, "list_to_integer", a, a);
    free_gmp_string(want);
    free(got);
    mpz_clears(w, k, NULL);
}

static void random_run(unsigned rounds, bool stress)
{
    Rng r = {0x9E3779B97F4A7C15u};
    mpz_t a, b;
    mpz_inits(a, b, NULL);
    if (stress) {
        free_proc(P);
        P = new_proc(0);
    }
    gc_stress = stress;
    for (unsigned i = 0; i < rounds; i++) {
        rand_int(&r, a);
        rand_int(&r, b);
        if (i % 7 == 0)
            mpz_set(b, a); /* equal operands: squares, x - x, x band x */
        check_binary_ops(P, a, b);
        check_unary_ops(P, &r, a);
    }
    gc_stress = false;
    mpz_clears(a, b, NULL);
}

START_TEST(random_vs_gmp)
{
    random_run(4000, false);
}
END_TEST

START_TEST(random_vs_gmp_gc_stress)
{
    random_run(1500, true);
}
END_TEST

/* ---- the heap discipline ---- */

static Term call_enc2(Process *p, BifFn fn, const char *a, const char *b)
{
    put_arg(p, 0, a);
    put_arg(p, 1, b);
    return fn(p, p->x, 2);
}

/* A result that fits a small takes no heap; a bignum exactly its words. */
START_TEST(takes_only_what_it_needs)
{
    Term r;
    put_arg(P, 0, "i:1152921504606846976");
    put_arg(P, 1, "i:1");
    Term *before = P->htop;
    r = bif_minus_2(P, P->x, 2);
    ck_assert(r == make_small(MAX_SMALL));
    ck_assert_ptr_eq(P->htop, before);

    put_arg(P, 0, "i:1606938044258990275541962092341162602522202993782792835301377");
    put_arg(P, 1, "i:-1606938044258990275541962092341162602522202993782792835301376");
    before = P->htop;
    r = bif_plus_2(P, P->x, 2);
    ck_assert(r == make_small(1));
    ck_assert_ptr_eq(P->htop, before);
    r = bif_rem_2(P, P->x, 2);
    ck_assert(r == make_small(1));
    r = bif_div_2(P, P->x, 2);
    ck_assert(r == make_small(-1));
    ck_assert_ptr_eq(P->htop, before);
    r = bif_minus_2(P, P->x, 2); /* 2^201 + 1: 4 limbs */
    ck_assert(is_big(r));
    ck_assert_ptr_eq(P->htop, before + 5);

    put_arg(P, 0, "i:-1152921504606846976");
    before = P->htop;
    r = bif_neg_1(P, P->x, 1);
    ck_assert(is_big(r));
    ck_assert_ptr_eq(P->htop, before + 2);
    P->x[0] = r;
    r = bif_neg_1(P, P->x, 1);
    ck_assert(r == make_small(MIN_SMALL));
    ck_assert_ptr_eq(P->htop, before + 2);
}
END_TEST

/* Registers below the arguments survive collections during the call. */
START_TEST(keeps_live_registers)
{
    gc_stress = true;
    put_arg(P, 0, "i:-340282366920938463463374607431768211457");
    put_arg(P, 1, "s:keep me");
    put_arg(P, 2, "i:1606938044258990275541962092341162602522202993782792835301377");
    put_arg(P, 3, "i:-12345678901234567890123");
    Term r = bif_times_2(P, P->x + 2, 4);
    P->x[2] = r;
    r = bif_integer_to_list_1(P, P->x + 2, 3);
    char *s = encode(P, r);
    ck_assert_str_eq(s, "s:-19838741108599356490922789085466357294120723893561764518147721807065722035726599371");
    free(s);
    s = encode(P, P->x[0]);
    ck_assert_str_eq(s, "i:-340282366920938463463374607431768211457");
    free(s);
    s = encode(P, P->x[1]);
    ck_assert_str_eq(s, "s:keep me");
    free(s);
    gc_stress = false;
}
END_TEST

/* The largest bignum is 1 bsl 33554367, as in erl; anything larger raises
 * system_limit, as does a heap that may not grow. */
START_TEST(size_limits)
{
    Process *p = new_proc(1 << 21);
    Term r = call_enc2(p, bif_bsl_2, "i:1", "i:33554367");
    ck_assert(is_big(r) && big_size(r) == ARITH_MAX_BIG_LIMBS);
    p->x[2] = r;
    r = call_enc2(p, bif_bsl_2, "i:-1", "i:33554368");
    ck_assert(r == THE_NON_VALUE && p->exc_reason == ATOM_system_limit);
    p->x[0] = p->x[1] = p->x[2];
    r = bif_plus_2(p, p->x, 3);
    ck_assert(r == THE_NON_VALUE && p->exc_reason == ATOM_system_limit);
    r = bif_times_2(p, p->x, 3);
    ck_assert(r == THE_NON_VALUE && p->exc_reason == ATOM_system_limit);
    p->x[1] = make_small(2);
    r = bif_times_2(p, p->x, 3);
    ck_assert(r == THE_NON_VALUE && p->exc_reason == ATOM_system_limit);
    p->x[1] = make_small(1);
    r = bif_bsl_2(p, p->x, 3);
    ck_assert(r == THE_NON_VALUE && p->exc_reason == ATOM_system_limit);
    /* -(2^33554367) - 1 still fits; so does X bor (X - 1). */
    r = bif_neg_1(p, p->x, 3);
    p->x[0] = r;
    r = bif_minus_2(p, p->x, 3);
    ck_assert(is_big(r) && big_is_neg(r) && big_size(r) == ARITH_MAX_BIG_LIMBS);
    p->x[0] = p->x[2];
    r = bif_minus_2(p, p->x, 3);
    p->x[1] = r;
    r = bif_bor_2(p, p->x, 3);
    ck_assert(is_big(r) && big_size(r) == ARITH_MAX_BIG_LIMBS);
    p->x[0] = r;
    p->x[1] = make_small(33554360);
    Term *before = p->htop;
    r = bif_bsr_2(p, p->x, 2); /* 2^8 - 1: a small, no words taken */
    ck_assert(r == make_small(255));
    ck_assert_ptr_eq(p->htop, before);
    free_proc(p);

    p = new_proc(1000);
    p->max_heap_size = 1000;
    r = call_enc2(p, bif_bsl_2, "i:1", "i:100000");
    ck_assert(r == THE_NON_VALUE && p->exc_class == ATOM_error && p->exc_reason == ATOM_system_limit);
    free_proc(p);
}
END_TEST

START_TEST(arith_double_boxes)
{
    Term r = arith_double(P, 1.5, 0);
    ck_assert(is_float(r) && float_val(r) == 1.5);
    r = arith_double(P, INFINITY, 0);
    ck_assert(r == THE_NON_VALUE && P->exc_class == ATOM_error && P->exc_reason == ATOM_badarith);
    P->exc_reason = NIL;
    r = arith_double(P, -INFINITY, 0);
    ck_assert(r == THE_NON_VALUE && P->exc_reason == ATOM_badarith);
    P->exc_reason = NIL;
    r = arith_double(P, NAN, 0);
    ck_assert(r == THE_NON_VALUE && P->exc_reason == ATOM_badarith);
    r = arith_double(P, -0.0, 0);
    ck_assert(is_float(r) && signbit(float_val(r)));
    ck_assert(arith_int64(P, MAX_SMALL, 0) == make_small(MAX_SMALL));
    r = arith_int64(P, MAX_SMALL + 1, 0);
    ck_assert(is_big(r) && big_limbs(r)[0] == (uint64_t)MAX_SMALL + 1);
    r = arith_int64(P, INT64_MIN, 0);
    ck_assert(is_big(r) && big_is_neg(r) && big_limbs(r)[0] == (uint64_t)1 << 63);
}
END_TEST

/* The interpreter's entry points are the BIFs. */
START_TEST(slow_path_helpers)
{
    struct {
        BifFn fn;
        const char *a, *b, *want;
    } t[] = {
        {arith_add, "i:1152921504606846975", "i:1", "i:1152921504606846976"},
        {arith_sub, "i:-1152921504606846976", "i:1", "i:-1152921504606846977"},
        {arith_mul, "i:1152921504606846975", "i:1152921504606846975",
         "i:1329227995784915870597964051066650625"},
        {arith_fdiv, "i:1", "i:4", "f:2.50000000000000000000e-01"},
        {arith_div, "i:-7", "i:2", "i:-3"},
        {arith_rem, "i:-7", "i:2", "i:-1"},
        {arith_band, "i:-1", "i:18446744073709551616", "i:18446744073709551616"},
        {arith_bor, "i:-18446744073709551616", "i:1", "i:-18446744073709551615"},
        {arith_bxor, "i:-1", "i:18446744073709551616", "i:-18446744073709551617"},
        {arith_bsl, "i:2", "i:200", "i:3213876088517980551083924184682325205044405987565585670602752"},
        {arith_bsr, "i:-18446744073709551617", "i:64", "i:-2"},
        {arith_add, "f:1.0e308", "f:1.0e308", "e:badarith"},
        {arith_add, "a:x", "i:1", "e:badarith"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char *got = encode(P, call_enc2(P, t[i].fn, t[i].a, t[i].b));
        ck_assert_str_eq(got, t[i].want);
        free(got);
    }
    put_arg(P, 0, "i:18446744073709551616");
    char *got = encode(P, arith_bnot(P, P->x, 1));
    ck_assert_str_eq(got, "i:-18446744073709551617");
    free(got);
    got = encode(P, arith_neg(P, P->x, 1));
    ck_assert_str_eq(got, "i:-18446744073709551616");
    free(got);
}
END_TEST

/* Big enough that quadratic algorithms would time out: 100000-digit
 * numbers multiplied, divided, printed and parsed. */
START_TEST(large_operands)
{
    mpz_t a, b, w;
    mpz_inits(a, b, w, NULL);
    mpz_ui_pow_ui(a, 7, 120000);
    mpz_ui_pow_ui(b, 3, 100001);
    mpz_neg(b, b);
    mpz_mul(w, a, b);
    assert_int(call2(P, bif_times_2, a, b), w, "*", a, b);
    mpz_tdiv_q(w, a, b);
    assert_int(call2(P, bif_div_2, a, b), w, "div", a, b);
    mpz_tdiv_r(w, a, b);
    assert_int(call2(P, bif_rem_2, a, b), w, "rem", a, b);
    put_mpz(P, 0, a);
    char *got = encode(P, bif_integer_to_list_1(P, P->x, 1));
    char *want = mpz_get_str(NULL, 10, a);
    ck_assert_str_eq(got + 2, want);
    P->x[0] = make_string(P, want, 0);
    assert_int(bif_list_to_integer_1(P, P->x, 1), a, "list_to_integer", a, a);
    free_gmp_string(want);
    free(got);
    mpz_clears(a, b, w, NULL);
}
END_TEST

/* Lists the table's text encoding cannot hold. */
START_TEST(conversion_edge_cases)
{
    /* "1.5" followed by a NUL character. */
    ck_assert(proc_reserve(P, 8, 0));
    Term l = proc_cons(P, make_small(0), NIL);
    l = proc_cons(P, make_small('5'), l);
    l = proc_cons(P, make_small('.'), l);
    P->x[0] = proc_cons(P, make_small('1'), l);
    ck_assert(bif_list_to_float_1(P, P->x, 1) == THE_NON_VALUE && P->exc_reason == ATOM_badarg);
    /* [$1 | $2], [$1, 256 + $2], [$1, -1] */
    ck_assert(proc_reserve(P, 6, 0));
    P->x[0] = proc_cons(P, make_small('1'), make_small('2'));
    P->exc_reason = NIL;
    ck_assert(bif_list_to_integer_1(P, P->x, 1) == THE_NON_VALUE && P->exc_reason == ATOM_badarg);
    P->exc_reason = NIL;
    ck_assert(bif_list_to_float_1(P, P->x, 1) == THE_NON_VALUE && P->exc_reason == ATOM_badarg);
    P->x[0] = proc_cons(P, make_small('1'), proc_cons(P, make_small(256 + '2'), NIL));
    P->exc_reason = NIL;
    ck_assert(bif_list_to_integer_1(P, P->x, 1) == THE_NON_VALUE && P->exc_reason == ATOM_badarg);
    ck_assert(proc_reserve(P, 4, 0));
    P->x[0] = proc_cons(P, make_small('1'), proc_cons(P, make_small(-1), NIL));
    P->exc_reason = NIL;
    ck_assert(bif_list_to_integer_1(P, P->x, 1) == THE_NON_VALUE && P->exc_reason == ATOM_badarg);
    /* Bases that are not integers in 2..36. */
    const char *bases[] = {"a:a", "f:1.0e1", "i:1180591620717411303424", "i:-10"};
    for (size_t i = 0; i < sizeof bases / sizeof bases[0]; i++) {
        P->exc_reason = NIL;
        ck_assert(call_enc2(P, bif_integer_to_list_2, "i:12", bases[i]) == THE_NON_VALUE &&
                  P->exc_reason == ATOM_badarg);
        P->exc_reason = NIL;
        ck_assert(call_enc2(P, bif_list_to_integer_2, "s:12", bases[i]) == THE_NON_VALUE &&
                  P->exc_reason == ATOM_badarg);
    }
    /* The empty list is no number. */
    P->x[0] = NIL;
    P->exc_reason = NIL;
    ck_assert(bif_list_to_integer_1(P, P->x, 1) == THE_NON_VALUE && P->exc_reason == ATOM_badarg);
    P->exc_reason = NIL;
    ck_assert(bif_list_to_float_1(P, P->x, 1) == THE_NON_VALUE && P->exc_reason == ATOM_badarg);
}
END_TEST

static Suite *arith_suite(void)
{
    Suite *s = suite_create("arith");
    TCase *tc = unit_case(s, "erl", setup, teardown, 120);
    tcase_add_test(tc, erl_table);
    tcase_add_test(tc, erl_table_gc_stress);
    tc = unit_case(s, "gmp", setup, teardown, 120);
    tcase_add_test(tc, random_vs_gmp);
    tcase_add_test(tc, random_vs_gmp_gc_stress);
    tcase_add_test(tc, large_operands);
    tc = unit_case(s, "heap", setup, teardown, 120);
    tcase_add_test(tc, takes_only_what_it_needs);
    tcase_add_test(tc, keeps_live_registers);
    tcase_add_test(tc, size_limits);
    tcase_add_test(tc, arith_double_boxes);
    tcase_add_test(tc, slow_path_helpers);
    tcase_add_test(tc, conversion_edge_cases);
    return s;
}

int main(void)
{
    return unit_run(arith_suite());
}
