/* test_hash.c - unit tests of MD5 (vm/md5.c), phash2's term hash
 * (vm/phash.c) and the external term format encoder (vm/ext_encode.c),
 * against RFC 1321's test suite and values computed by Erlang/OTP 25. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bignum.h"
#include "binary.h"
#include "compare.h"
#include "ext_encode.h"
#include "ext_term.h"
#include "md5.h"
#include "phash.h"
#include "process.h"
#include "term.h"

static Process *p;

static void setup(void)
{
    atom_init();
    p = proc_new(1 << 16);
    ck_assert_ptr_nonnull(p);
}

static void teardown(void) { proc_free(p); }

static const char *hex(const uint8_t d[16])
{
    static char s[33];
    for (int i = 0; i < 16; i++)
        sprintf(s + 2 * i, "%02x", d[i]);
    return s;
}

START_TEST(test_md5_rfc1321)
{
    static const char *const in[] = {
        "", "a", "abc", "message digest", "abcdefghijklmnopqrstuvwxyz",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
    };
    static const char *const want[] = {
        "d41d8cd98f00b204e9800998ecf8427e", "0cc175b9c0f1b6a831c399e269772661", "900150983cd24fb0d6963f7d28e17f72",
        "f96b697d7cb7938d525a2f31aaf161d0", "c3fcd3d76192e4007dfb496cca67e13b", "d174ab98d277d9f5a5611c2c9f419d9f",
        "57edf4a22be3c955ac49da2e2107b67a",
    };
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        uint8_t d[16];
        md5_digest(in[i], strlen(in[i]), d);
        ck_assert_str_eq(hex(d), want[i]);
        /* the same bytes fed in uneven pieces */
        Md5 m;
        md5_init(&m);
        for (size_t k = 0, step = 1; k < strlen(in[i]); k += step, step = step % 7 + 1)
            md5_update(&m, in[i] + k, strlen(in[i]) - k < step ? strlen(in[i]) - k : step);
        md5_final(&m, d);
        ck_assert_str_eq(hex(d), want[i]);
    }
}
END_TEST

static Term str(const char *s)
{
    Term r = NIL;
    for (size_t i = strlen(s); i-- > 0;)
        r = proc_cons(p, make_small((unsigned char)s[i]), r);
    return r;
}

/* {a, "ab", 1.5, -1, [x | 1 bsl 64], <<"bin">>} */
static Term sample(void)
{
    ck_assert(proc_reserve(p, 200, 0));
    uint64_t limbs[2] = { 0, 1 };
    size_t used;
    Term big = big_make(p->htop, limbs, 2, false, &used);
    proc_alloc(p, used);
    Term *f = proc_alloc(p, FLOAT_WORDS);
    double d = 1.5;
    f[0] = make_header(1, SUB_FLOAT);
    memcpy(&f[1], &d, 8);
    Term e[6] = { atom_intern("a", 1), str("ab"), make_boxed(f), make_small(-1),
                  proc_cons(p, atom_intern("x", 1), big), bin_new(p, (const uint8_t *)"bin", 3) };
    return proc_tuple(p, 6, e);
}

static uint32_t hash_of(Term t)
{
    uint32_t h;
    size_t nodes;
    ck_assert(phash2(t, &h, &nodes));
    ck_assert_uint_gt(nodes, 0);
    return h;
}

START_TEST(test_phash2_values)
{
    ck_assert_uint_eq(hash_of(NIL), 3468870702u);
    ck_assert_uint_eq(hash_of(atom_intern("a", 1)), 97u);
    ck_assert_uint_eq(hash_of(make_small(0)), 3175731469u);
    ck_assert_uint_eq(hash_of(make_small(-5)), 517668864u);
    ck_assert_uint_eq(hash_of(sample()), 233300715u);
}
END_TEST

START_TEST(test_phash2_long_list)
{
    /* a million cells: the walk is iterative */
    ck_assert(proc_reserve(p, 2000000, 0));
    Term l = NIL;
    for (int i = 0; i < 1000000; i++)
        l = proc_cons(p, make_small(i % 300), l);
    uint32_t h;
    size_t nodes;
    ck_assert(phash2(l, &h, &nodes));
    ck_assert_uint_ge(nodes, 1000000 * 45 / 300);
}
END_TEST

static Term *heap_alloc(void *ctx, size_t words) { return proc_alloc((Process *)ctx, words); }

START_TEST(test_ext_encode)
{
    static const uint8_t want[] = { 131, 104, 6, 100, 0, 1, 97, 107, 0, 2, 97, 98, 70, 63, 248, 0, 0, 0, 0,
                                    0, 0, 98, 255, 255, 255, 255, 108, 0, 0, 0, 1, 100, 0, 1, 120, 110, 9, 0,
                                    0, 0, 0, 0, 0, 0, 0, 0, 1, 109, 0, 0, 0, 3, 98, 105, 110 };
    Term t = sample();
    size_t len, nodes;
    uint8_t *b = ext_encode(t, &len, &nodes);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(len, sizeof want);
    ck_assert_mem_eq(b, want, len);
    ck_assert(proc_reserve(p, 100, 0));
    char err[100];
    Term back = ext_decode(b, len, heap_alloc, p, err, sizeof err);
    ck_assert(back != THE_NON_VALUE);
    ck_assert(term_eq_exact(back, sample()));
    free(b);
}
END_TEST

START_TEST(test_ext_decode_prefix)
{
    static const uint8_t in[] = { 131, 97, 7, 1, 2, 3 };
    char err[100];
    size_t used = 0;
    Term t = ext_decode_prefix(in, sizeof in, heap_alloc, p, err, sizeof err, &used);
    ck_assert(t == make_small(7));
    ck_assert_uint_eq(used, 3);
    ck_assert(ext_decode(in, sizeof in, heap_alloc, p, err, sizeof err) == THE_NON_VALUE);
    /* latin-1 and invalid UTF-8 atoms */
    static const uint8_t latin1[] = { 131, 100, 0, 2, 104, 233 };
    t = ext_decode(latin1, sizeof latin1, heap_alloc, p, err, sizeof err);
    ck_assert(t == atom_intern("h\xc3\xa9", 3));
    static const uint8_t bad[] = { 131, 119, 2, 0xc3, 0x28 };
    ck_assert(ext_decode(bad, sizeof bad, heap_alloc, p, err, sizeof err) == THE_NON_VALUE);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("hash");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, test_md5_rfc1321);
    tcase_add_test(tc, test_phash2_values);
    tcase_add_test(tc, test_phash2_long_list);
    tcase_add_test(tc, test_ext_encode);
    tcase_add_test(tc, test_ext_decode_prefix);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
