/* test_bif_dict.c - unit tests of the process dictionary BIFs in
 * vm/bif_dict.c: put/2, get/1, get/0, erase/1, erase/0, get_keys/0.
 * Results are those of Erlang/OTP 25 (checked with erl), except for the
 * order of get/0 and get_keys/0, which OTP takes from its hash table (see
 * bif_dict.c); the cases here where OTP's order is known say so. A second
 * test case runs the same with a collection at every proc_reserve. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "pdict.h"
#include "gc.h"
#include "process.h"
#include "strbuf.h"
#include "term.h"

#include "bif_harness.h"

/* x registers below base hold terms a test keeps: they are live. */
static unsigned base;

static void dict_setup(void)
{
    setup();
    base = 0;
}

static void dict_setup_stress(void)
{
    setup_stress();
    base = 0;
}

/* ---- the BIFs, called with their arguments in x[base], x[base + 1] ------ */

static const char *put(const char *k, const char *v)
{
    put_x(base, k);
    put_x(base + 1, v);
    return show(bif_put_2(p, p->x + base, base + 2));
}

static const char *get(const char *k)
{
    put_x(base, k);
    return show(bif_get_1(p, p->x + base, base + 1));
}

static const char *erase(const char *k)
{
    put_x(base, k);
    return show(bif_erase_1(p, p->x + base, base + 1));
}

static const char *get_all(void) { return show(bif_get_0(p, p->x + base, base)); }
static const char *get_keys(void) { return show(bif_get_keys_0(p, p->x + base, base)); }
static const char *erase_all(void) { return show(bif_erase_0(p, p->x + base, base)); }

START_TEST(test_empty)
{
    ck_assert_str_eq(get_all(), "[]");
    ck_assert_str_eq(get_keys(), "[]");
    ck_assert_str_eq(get("a"), "undefined");
    ck_assert_str_eq(erase("a"), "undefined");
    ck_assert_str_eq(erase_all(), "[]");
}
END_TEST

START_TEST(test_put_get)
{
    ck_assert_str_eq(put("a", "1"), "undefined");
    ck_assert_str_eq(put("b", "2"), "undefined");
    ck_assert_str_eq(put("c", "3"), "undefined");
    ck_assert_str_eq(get("a"), "1");
    ck_assert_str_eq(get("b"), "2");
    ck_assert_str_eq(get("c"), "3");
    ck_assert_str_eq(get("d"), "undefined");
    ck_assert_str_eq(put("b", "{x,y}"), "2");
    ck_assert_str_eq(get("b"), "{x,y}");
    ck_assert_str_eq(put("b", "[1,2]"), "{x,y}");
    ck_assert_str_eq(get("b"), "[1,2]");
    /* Three keys still, the updated one in its place. */
    ck_assert_str_eq(get_all(), "[{c,3},{b,[1,2]},{a,1}]");
    ck_assert_str_eq(get_keys(), "[c,b,a]");
}
END_TEST

/* Small integers put in increasing order: OTP prints
 * [{3,c},{2,b},{1,a}] and [3,2,1], and keeps an updated key in place. */
START_TEST(test_order_like_otp)
{
    put("1", "a");
    put("2", "b");
    put("3", "c");
    ck_assert_str_eq(get_all(), "[{3,c},{2,b},{1,a}]");
    ck_assert_str_eq(get_keys(), "[3,2,1]");
    ck_assert_str_eq(put("2", "bb"), "b");
    ck_assert_str_eq(get_all(), "[{3,c},{2,bb},{1,a}]");
}
END_TEST

/* Keys are compared with =:=: 1 and 1.0 are different keys. */
START_TEST(test_exact_keys)
{
    ck_assert_str_eq(put("1", "a"), "undefined");
    ck_assert_str_eq(get("1.0"), "undefined");
    ck_assert_str_eq(put("1.0", "b"), "undefined");
    ck_assert_str_eq(get("1"), "a");
    ck_assert_str_eq(get("1.0"), "b");
    ck_assert_str_eq(put("{k,1}", "t"), "undefined");
    ck_assert_str_eq(get("{k,1}"), "t");
    ck_assert_str_eq(get("{k,1.0}"), "undefined");
    ck_assert_str_eq(put("[k]", "l"), "undefined");
    ck_assert_str_eq(put("[k]", "l2"), "l");
    ck_assert_str_eq(erase("1"), "a");
    ck_assert_str_eq(get("1.0"), "b");
    ck_assert_str_eq(get_keys(), "[[k],{k,1},1.0]");
}
END_TEST

START_TEST(test_erase)
{
    put("a", "1");
    put("b", "2");
    put("c", "3");
    put("d", "4");
    ck_assert_str_eq(erase("b"), "2");
    ck_assert_str_eq(get("b"), "undefined");
    ck_assert_str_eq(erase("b"), "undefined");
    ck_assert_str_eq(get_all(), "[{d,4},{c,3},{a,1}]");
    ck_assert_str_eq(erase("d"), "4");
    ck_assert_str_eq(erase("a"), "1");
    ck_assert_str_eq(get_all(), "[{c,3}]");
    ck_assert_str_eq(put("a", "5"), "undefined");
    ck_assert_str_eq(erase_all(), "[{a,5},{c,3}]");
    ck_assert_str_eq(get_all(), "[]");
    ck_assert_str_eq(get("a"), "undefined");
    ck_assert_uint_eq(pdict_size(p->dict), 0);
}
END_TEST

/* A list handed out by get/0 or erase/0 never changes afterwards. */
START_TEST(test_snapshots_immutable)
{
    put("a", "1");
    put("b", "2");
    p->x[0] = bif_get_0(p, p->x + 1, 1);
    base = 1;
    put("a", "10");
    erase("b");
    put("c", "3");
    ck_assert_str_eq(show(p->x[0]), "[{b,2},{a,1}]");
    ck_assert_str_eq(get_all(), "[{c,3},{a,10}]");
    p->x[1] = bif_erase_0(p, p->x + 2, 2);
    base = 2;
    put("d", "4");
    ck_assert_str_eq(show(p->x[1]), "[{c,3},{a,10}]");
    ck_assert_str_eq(get_all(), "[{d,4}]");
    ck_assert_str_eq(show(p->x[0]), "[{b,2},{a,1}]");
}
END_TEST

/* Many keys: each is found, updated, erased. */
START_TEST(test_many)
{
    for (int i = 0; i < 2000; i++) {
        p->x[0] = make_small(i);
        p->x[1] = make_small(i * i);
        ck_assert(bif_put_2(p, p->x, 2) == ATOM_undefined);
    }
    for (int i = 0; i < 2000; i += 3) {
        p->x[0] = make_small(i);
        p->x[1] = make_small(-i);
        ck_assert(bif_put_2(p, p->x, 2) == make_small(i * i));
    }
    for (int i = 0; i < 2000; i += 2) {
        p->x[0] = make_small(i);
        ck_assert(bif_erase_1(p, p->x, 1) == make_small(i % 3 ? i * i : -i));
    }
    size_t n = 0;
    for (Term l = bif_get_keys_0(p, p->x, 0); is_list(l); l = list_tail(l))
        n++;
    ck_assert_uint_eq(n, 1000);
    for (int i = 0; i < 2000; i++) {
        p->x[0] = make_small(i);
        Term v = bif_get_1(p, p->x, 1);
        if (i % 2 == 0)
            ck_assert(v == ATOM_undefined);
        else
            ck_assert(v == make_small(i % 3 ? i * i : -i));
    }
}
END_TEST

/* The dictionary survives collections (it is a root) and values put in it
 * keep their structure. */
START_TEST(test_values_survive_gc)
{
    put("a", "{x,1,y}");
    put("b", "[p,q]");
    put("a", "{z,1.0}");
    for (int i = 0; i < 10; i++)
        ck_assert(proc_reserve(p, 1000, 0));
    ck_assert_str_eq(get("a"), "{z,1.0}");
    ck_assert_str_eq(get("b"), "[p,q]");
    ck_assert_str_eq(get_all(), "[{b,[p,q]},{a,{z,1.0}}]");
}
END_TEST

static Suite *dict_suite(void)
{
    Suite *s = suite_create("bif_dict");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, dict_setup, teardown);
    tcase_add_test(tc, test_empty);
    tcase_add_test(tc, test_put_get);
    tcase_add_test(tc, test_order_like_otp);
    tcase_add_test(tc, test_exact_keys);
    tcase_add_test(tc, test_erase);
    tcase_add_test(tc, test_snapshots_immutable);
    tcase_add_test(tc, test_many);
    tcase_add_test(tc, test_values_survive_gc);
    suite_add_tcase(s, tc);

    TCase *st = tcase_create("gc_stress");
    tcase_add_checked_fixture(st, dict_setup_stress, teardown);
    tcase_set_timeout(st, 30);
    tcase_add_test(st, test_put_get);
    tcase_add_test(st, test_exact_keys);
    tcase_add_test(st, test_erase);
    tcase_add_test(st, test_snapshots_immutable);
    tcase_add_test(st, test_values_survive_gc);
    suite_add_tcase(s, st);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(dict_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
