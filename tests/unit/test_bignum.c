/* test_bignum.c - unit tests of bignum.c: building and normalising
 * integers, comparing them, converting them to and from doubles, strings
 * and little-endian bytes. Expected values come from Erlang/OTP 25 (erl). */
#include <check.h>
#include <gmp.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bignum.h"
#include "process.h"
#include "term.h"

static Process *P;

static void setup(void)
{
    atom_init();
    P = proc_new(1 << 20);
    ck_assert_ptr_nonnull(P);
    P->x = calloc(1100, sizeof(Term));
}

static void teardown(void)
{
    free(P->x);
    proc_free(P);
}

/* Parses decimal text into an integer term (the test's way of writing
 * literals); fails the test if the text is malformed. */
static Term num(const char *s)
{
    Term t;
    ck_assert_msg(big_parse(P, s, strlen(s), 10, 0, &t), "bad literal %s", s);
    ck_assert(is_value(t));
    return t;
}

/* The integer in the given base, as a string to compare (freed by the
 * caller). */
static char *str(Term t, unsigned base)
{
    size_t len;
    char *s = big_to_string(t, base, &len);
    ck_assert_ptr_nonnull(s);
    ck_assert_uint_eq(strlen(s), len);
    return s;
}

static void assert_str(Term t, unsigned base, const char *expect)
{
    char *s = str(t, base);
    ck_assert_str_eq(s, expect);
    free(s);
}

static uint64_t bits_of(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return u;
}

static const char FACT100[] =
    "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976"
    "156518286253697920827223758251185210916864000000000000000000000000";
static const char TWO200P1[] = "1606938044258990275541962092341162602522202993782792835301377";

/* ---- big_make */

START_TEST(make_normalises)
{
    Term hp[8];
    size_t used = 99;
    uint64_t l[4] = {5, 0, 0, 0};
    Term t = big_make(hp, l, 4, false, &used);
    ck_assert(t == make_small(5));
    ck_assert_uint_eq(used, 0);
    t = big_make(hp, l, 4, true, &used);
    ck_assert(t == make_small(-5));
    t = big_make(hp, l, 0, true, &used);
    ck_assert(t == make_small(0));
    ck_assert_uint_eq(used, 0);

    /* 2^60 - 1 is the largest small; -2^60 the smallest. */
    l[0] = (uint64_t)1 << 60;
    t = big_make(hp, l, 2, false, &used);
    ck_assert(is_big(t) && !big_is_neg(t));
    ck_assert_uint_eq(big_size(t), 1);
    ck_assert_uint_eq(used, 2);
    ck_assert_uint_eq(big_limbs(t)[0], (uint64_t)1 << 60);
    t = big_make(hp, l, 2, true, &used);
    ck_assert(t == make_small(MIN_SMALL));
    l[0] = ((uint64_t)1 << 60) - 1;
    t = big_make(hp, l, 1, false, &used);
    ck_assert(t == make_small(MAX_SMALL));
    l[0] = ((uint64_t)1 << 60) + 1;
    t = big_make(hp, l, 1, true, &used);
    ck_assert(is_big(t) && big_is_neg(t));

    /* Two limbs, leading zero stripped; limbs already in place. */
    hp[1] = 7;
    hp[2] = 9;
    hp[3] = 0;
    t = big_make(hp, (const uint64_t *)(hp + 1), 3, true, &used);
    ck_assert_uint_eq(used, 3);
    ck_assert_uint_eq(big_size(t), 2);
    ck_assert(big_is_neg(t));
    ck_assert_uint_eq(big_limbs(t)[0], 7);
    ck_assert_uint_eq(big_limbs(t)[1], 9);
    ck_assert_ptr_eq(boxed_ptr(t), hp);
}
END_TEST

/* ---- big_from_int64 */

START_TEST(from_int64_boundaries)
{
    Term *before = P->htop;
    ck_assert(big_from_int64(P, MAX_SMALL, 0) == make_small(MAX_SMALL));
    ck_assert(big_from_int64(P, MIN_SMALL, 0) == make_small(MIN_SMALL));
    ck_assert(big_from_int64(P, 0, 0) == make_small(0));
    ck_assert_ptr_eq(P->htop, before);

    Term t = big_from_int64(P, MAX_SMALL + 1, 0);
    ck_assert(is_big(t) && !big_is_neg(t));
    ck_assert_ptr_eq(P->htop, before + 2);
    assert_str(t, 10, "1152921504606846976");
    t = big_from_int64(P, MIN_SMALL - 1, 0);
    ck_assert(is_big(t) && big_is_neg(t));
    assert_str(t, 10, "-1152921504606846977");
    assert_str(big_from_int64(P, INT64_MIN, 0), 10, "-9223372036854775808");
    assert_str(big_from_int64(P, INT64_MAX, 0), 10, "9223372036854775807");
    assert_str(big_from_int64(P, INT64_MIN, 0), 16, "-8000000000000000");
}
END_TEST

/* ---- big_compare */

START_TEST(compare_orders)
{
    /* In ascending order. */
    const char *vals[] = {
        "-1606938044258990275541962092341162602522202993782792835301377", /* -(2^200 + 1) */
        "-1606938044258990275541962092341162602522202993782792835301376",
        "-18446744073709551616", "-18446744073709551615", "-1152921504606846977",
        "-1152921504606846976", "-1152921504606846975", "-7", "-1", "0", "1", "7",
        "1152921504606846974", "1152921504606846975", "1152921504606846976",
        "9223372036854775807", "18446744073709551615", "18446744073709551616",
        "340282366920938463463374607431768211455",
        "1606938044258990275541962092341162602522202993782792835301377",
    };
    size_t n = sizeof vals / sizeof vals[0];
    for (size_t i = 0; i < n; i++) {
        Term a = num(vals[i]);
        for (size_t j = 0; j < n; j++) {
            Term b = num(vals[j]);
            int c = big_compare(a, b);
            int want = (i > j) - (i < j);
            ck_assert_msg((c > 0) - (c < 0) == want, "compare %s %s gave %d", vals[i], vals[j], c);
        }
    }
}
END_TEST

/* ---- doubles */

START_TEST(to_double_as_erlang)
{
    /* float/1 results from erl, as IEEE bits. OTP rounds once per limb, so
     * 2^64 + 2^63 + 2^11 + 1 gives 2^64 + 2^63, not the nearest double. */
    static const struct {
        const char *n;
        uint64_t bits;
    } cases[] = {
        {"27670116110564329473", 0x43F8000000000000},
        {"-27670116110564329473", 0xC3F8000000000000},
        {"9007199254740993", 0x4340000000000000},
        {"1152921504606846976", 0x43B0000000000000},
        {"-1152921504606846976", 0xC3B0000000000000},
        {FACT100, 0x60BB30964EC395DC},
        {"123456789012345678901234567890", 0x45F8EE90FF6C373E},
        {"340282366920938463463374607431768211455", 0x47F0000000000000},
        {"170141183460469250621153235194464960513", 0x47E0000000000000},
        {"0", 0},
        {"-1", 0xBFF0000000000000},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        double d = big_to_double(num(cases[i].n));
        ck_assert_msg(bits_of(d) == cases[i].bits, "float(%s) = %a", cases[i].n, d);
    }
    /* 2^1024 - 2^970 rounds to 2^1024, which is no double: inf (float/1
     * raises badarg in erl). One less gives the largest double. */
    Term over = num("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017"
                    "977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273"
                    "854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704"
                    "342711559699508093042880177904174497792");
    ck_assert(isinf(big_to_double(over)));
    Term under = num("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017"
                    "977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273"
                    "854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704"
                    "342711559699508093042880177904174497791");
    ck_assert(big_to_double(under) == 1.7976931348623157e308);
}
END_TEST

START_TEST(from_double_values)
{
    assert_str(big_from_double(P, 1.0e20, 0), 10, "100000000000000000000");
    assert_str(big_from_double(P, -9.223372036854775808e18, 0), 10, "-9223372036854775808");
    assert_str(big_from_double(P, 9.223372036854775808e18, 0), 10, "9223372036854775808");
    assert_str(big_from_double(P, -2.0e64, 0), 10,
               "-20000000000000000426408380189087937446025157425359298935486676992");
    Term t = big_from_double(P, 1.7976931348623157e308, 0);
    ck_assert_uint_eq(big_size(t), 16);
    assert_str(t, 10,
               "17976931348623157081452742373170435679807056752584499659891747680315726078002853876058955"
               "86327668781715404589535143824642343213268894641827684675467035375169860499105765512820762"
               "45490090389328944075868508455133942304583236903222948165808559332123348274797826204144723"
               "168738177180919299881250404026184124858368");
    /* 2^60 - 1 is not a double: the literal is 2^60, one past the smalls. */
    ck_assert(is_big(big_from_double(P, 1152921504606846975.0, 0)));
    ck_assert(big_from_double(P, 2.9, 0) == make_small(2));
    ck_assert(big_from_double(P, -2.9, 0) == make_small(-2));
    ck_assert(big_from_double(P, -0.0, 0) == make_small(0));
    ck_assert(big_from_double(P, 1152921504606846976.0, 0) != make_small(0));
    ck_assert(is_big(big_from_double(P, 1152921504606846976.0, 0)));
    ck_assert(big_from_double(P, -1152921504606846976.0, 0) == make_small(MIN_SMALL));
    ck_assert(big_from_double(P, INFINITY, 0) == THE_NON_VALUE);
    ck_assert(big_from_double(P, -INFINITY, 0) == THE_NON_VALUE);
    ck_assert(big_from_double(P, NAN, 0) == THE_NON_VALUE);
}
END_TEST

/* ---- strings */

/* 100! built with GMP directly, independently of big_parse. */
static Term factorial100(void)
{
    mp_limb_t l[16] = {1};
    mp_size_t n = 1;
    for (mp_limb_t k = 2; k <= 100; k++) {
        mp_limb_t c = mpn_mul_1(l, l, n, k);
        if (c)
            l[n++] = c;
    }
    ck_assert(proc_reserve(P, big_words((size_t)n), 0));
    size_t used;
    Term t = big_make(P->htop, (const uint64_t *)l, (size_t)n, false, &used);
    proc_alloc(P, used);
    return t;
}

START_TEST(to_string_bases)
{
    assert_str(factorial100(), 10, FACT100);
    Term t = num(TWO200P1);
    char bin[202]; /* "1", 199 zeros, "1" */
    memset(bin, '0', 201);
    bin[0] = bin[200] = '1';
    bin[201] = '\0';
    assert_str(t, 2, bin);
    assert_str(t, 16, "100000000000000000000000000000000000000000000000001");
    assert_str(num("-1606938044258990275541962092341162602522202993782792835301377"), 36,
               "-BNKLG118COMHA6GQURY14067GUR54N8WON6GUF5");
    assert_str(make_small(0), 10, "0");
    assert_str(make_small(0), 2, "0");
    assert_str(make_small(-255), 16, "-FF");
    assert_str(make_small(-255), 36, "-73");
    assert_str(make_small(MAX_SMALL), 2,
               "111111111111111111111111111111111111111111111111111111111111");
    assert_str(make_small(MIN_SMALL), 16, "-1000000000000000");
    assert_str(make_small(35), 36, "Z");
}
END_TEST

START_TEST(parse_valid)
{
    Term t;
    ck_assert(big_parse(P, "+12", 3, 10, 0, &t) && t == make_small(12));
    ck_assert(big_parse(P, "-0", 2, 10, 0, &t) && t == make_small(0));
    ck_assert(big_parse(P, "0012", 4, 10, 0, &t) && t == make_small(12));
    ck_assert(big_parse(P, "-Ff", 3, 16, 0, &t) && t == make_small(-255));
    ck_assert(big_parse(P, "zZ", 2, 36, 0, &t) && t == make_small(35 * 36 + 35));
    ck_assert(big_parse(P, "1152921504606846975", 19, 10, 0, &t) && t == make_small(MAX_SMALL));
    ck_assert(big_parse(P, "-1152921504606846976", 20, 10, 0, &t) && t == make_small(MIN_SMALL));
    ck_assert(big_parse(P, "1152921504606846976", 19, 10, 0, &t) && is_big(t));
    ck_assert(big_parse(P, "-1152921504606846977", 20, 10, 0, &t) && is_big(t) && big_is_neg(t));
    /* Only the first n bytes count. */
    ck_assert(big_parse(P, "123x", 3, 10, 0, &t) && t == make_small(123));
    const char *z = "000000000000000000000000000000000000000000000000000000000000000000000000000";
    ck_assert(big_parse(P, z, strlen(z), 10, 0, &t) && t == make_small(0));
    ck_assert(big_parse(P, "-000000000000000000000000000000000000000000000000000000000000007", 64, 10, 0, &t) &&
              t == make_small(-7));
    t = num(FACT100);
    assert_str(t, 10, FACT100);
    ck_assert(big_compare(t, factorial100()) == 0);
}
END_TEST

START_TEST(parse_invalid)
{
    static const struct {
        const char *s;
        unsigned base;
    } bad[] = {
        {"", 10}, {"-", 10}, {"+", 10}, {"+-1", 10}, {" 1", 10}, {"1 ", 10}, {"12x", 10},
        {"1.0", 10}, {"2", 2}, {"8", 8}, {"a", 10}, {"g", 16}, {"G", 16}, {"12", 1}, {"12", 37},
        {"12", 0}, {"1111111111111111111111111111111111111111111111111111111111111111112", 2},
        {"--1", 10},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        Term t = make_small(42);
        ck_assert_msg(!big_parse(P, bad[i].s, strlen(bad[i].s), bad[i].base, 0, &t),
                      "parsed %s base %u", bad[i].s, bad[i].base);
    }
}
END_TEST

/* Long numbers in every base read back to the same digits (mpn_set_str and
 * mpn_get_str go subquadratic there), and agree with GMP's own mpz
 * conversion. */
START_TEST(parse_print_round_trip)
{
    uint64_t seed = 12345;
    for (unsigned base = 2; base <= 36; base++) {
        for (size_t len = 1; len < 3000; len = len * 3 + 1) {
            char *s = malloc(len + 2);
            size_t o = 0;
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            if (seed >> 63)
                s[o++] = '-';
            for (size_t i = 0; i < len; i++) {
                seed = seed * 6364136223846793005u + 1442695040888963407u;
                unsigned d = (unsigned)((seed >> 33) % base);
                if (i == 0 && d == 0)
                    d = 1;
                s[o++] = (char)(d < 10 ? '0' + d : 'A' + d - 10);
            }
            s[o] = '\0';
            P->htop = P->heap;
            Term t;
            ck_assert(big_parse(P, s, o, base, 0, &t));
            ck_assert(is_value(t));
            char *back = str(t, base);
            ck_assert_str_eq(back, s);
            mpz_t z;
            mpz_init_set_str(z, s, (int)base);
            char *ref = mpz_get_str(NULL, -(int)base, z);
            ck_assert_str_eq(back, ref);
            /* Normalised: a small exactly when it fits. */
            ck_assert(is_small(t) == (mpz_cmp_si(z, MAX_SMALL) <= 0 && mpz_cmp_si(z, MIN_SMALL) >= 0));
            void (*freefunc)(void *, size_t);
            mp_get_memory_functions(NULL, NULL, &freefunc);
            freefunc(ref, strlen(ref) + 1);
            mpz_clear(z);
            free(back);
            free(s);
        }
    }
}
END_TEST

/* ---- bytes */

START_TEST(le_bytes)
{
    Term hp[8];
    size_t used;
    const uint8_t two64[9] = {0, 0, 0, 0, 0, 0, 0, 0, 1};
    Term t = big_from_le_bytes(hp, two64, 9, false, &used);
    ck_assert_uint_eq(used, 3);
    assert_str(t, 10, "18446744073709551616");
    t = big_from_le_bytes(hp, two64, 9, true, &used);
    assert_str(t, 10, "-18446744073709551616");
    const uint8_t small[10] = {0x39, 0x30, 0, 0, 0, 0, 0, 0, 0, 0}; /* 12345, zero padded */
    t = big_from_le_bytes(hp, small, 10, true, &used);
    ck_assert(t == make_small(-12345));
    ck_assert_uint_eq(used, 0);
    t = big_from_le_bytes(hp, small, 0, false, &used);
    ck_assert(t == make_small(0));
    const uint8_t b60[8] = {0, 0, 0, 0, 0, 0, 0, 0x10}; /* 2^60 */
    t = big_from_le_bytes(hp, b60, 8, true, &used);
    ck_assert(t == make_small(MIN_SMALL));
    t = big_from_le_bytes(hp, b60, 8, false, &used);
    ck_assert(is_big(t));
    assert_str(t, 10, "1152921504606846976");
    const uint8_t odd[11] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    t = big_from_le_bytes(hp, odd, 11, false, &used);
    assert_str(t, 16, "B0A090807060504030201");
}
END_TEST

static Suite *bignum_suite(void)
{
    Suite *s = suite_create("bignum");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, make_normalises);
    tcase_add_test(tc, from_int64_boundaries);
    tcase_add_test(tc, compare_orders);
    tcase_add_test(tc, to_double_as_erlang);
    tcase_add_test(tc, from_double_values);
    tcase_add_test(tc, to_string_bases);
    tcase_add_test(tc, parse_valid);
    tcase_add_test(tc, parse_invalid);
    tcase_add_test(tc, parse_print_round_trip);
    tcase_add_test(tc, le_bytes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(bignum_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
