/* test_pdict.c - unit tests for the process dictionary's hash table
 * (vm/pdict.c) and the structural hash (vm/term_hash.c): random puts,
 * gets and erases checked against a plain array, through growth,
 * compaction and emptying; equal terms hash equal. */
#include <check.h>
#include <stdlib.h>

#include "pdict.h"
#include "term_hash.h"

#define REQUIRE(expr)                                                                      \
    do {                                                                                   \
        if (!(expr))                                                                       \
            ck_abort_msg("%s:%d: '%s' failed", __FILE__, __LINE__, #expr);                 \
    } while (0)

#define KEYS 5000

START_TEST(random_against_model)
{
    ProcDict *d = NULL;
    static Term model[KEYS]; /* value per key, THE_NON_VALUE if absent */
    for (int i = 0; i < KEYS; i++)
        model[i] = THE_NON_VALUE;
    srand(42);
    for (int step = 0; step < 400000; step++) {
        int k = rand() % KEYS;
        Term key = make_small(k * 7919 - 100000);
        int op = rand() % 10;
        if (op < 5) {
            Term old, v = make_small(step);
            REQUIRE(pdict_put(&d, key, v, &old));
            REQUIRE(old == model[k]);
            model[k] = v;
        } else if (op < 8) {
            REQUIRE(pdict_get(d, key) == model[k]);
        } else {
            REQUIRE(pdict_erase(d, key) == model[k]);
            model[k] = THE_NON_VALUE;
        }
        if (step % 50000 == 0) {
            uint32_t live = 0;
            for (int i = 0; i < KEYS; i++)
                live += model[i] != THE_NON_VALUE;
            REQUIRE(pdict_size(d) == live);
        }
    }
    /* Erase everything: the table empties and works again. */
    for (int k = 0; k < KEYS; k++)
        pdict_erase(d, make_small(k * 7919 - 100000));
    ck_assert_uint_eq(pdict_size(d), 0);
    Term old;
    ck_assert(pdict_put(&d, NIL, make_small(1), &old));
    ck_assert(old == THE_NON_VALUE);
    ck_assert(pdict_get(d, NIL) == make_small(1));
    pdict_free(d);
}
END_TEST

/* Insertion order is kept (get/0 lists newest first from it); an update
 * keeps its place. */
START_TEST(order_kept)
{
    ProcDict *d = NULL;
    Term old;
    for (int i = 0; i < 100; i++)
        ck_assert(pdict_put(&d, make_small(i), make_small(i), &old));
    ck_assert(pdict_put(&d, make_small(10), make_small(-1), &old));
    ck_assert(old == make_small(10));
    for (int i = 0; i < 100; i += 2)
        pdict_erase(d, make_small(i));
    int want = 1;
    for (uint32_t i = 0; i < d->n; i++) {
        if (d->e[i].key == THE_NON_VALUE)
            continue;
        ck_assert(d->e[i].key == make_small(want));
        want += 2;
    }
    ck_assert_int_eq(want, 101);
    pdict_free(d);
}
END_TEST

/* Equal structures in different memory hash the same; 0.0 and -0.0 too. */
START_TEST(hash_structural)
{
    Term a[4], b[4];
    a[0] = b[0] = make_header(3, SUB_TUPLE);
    a[1] = b[1] = make_small(1);
    a[2] = b[2] = NIL;
    Term fa[2], fb[2];
    double z = 0.0, nz = -0.0;
    fa[0] = fb[0] = make_header(1, SUB_FLOAT);
    __builtin_memcpy(&fa[1], &z, 8);
    __builtin_memcpy(&fb[1], &nz, 8);
    a[3] = make_boxed(fa);
    b[3] = make_boxed(fb);
    ck_assert(term_hash(make_boxed(a)) == term_hash(make_boxed(b)));
    b[1] = make_small(2);
    ck_assert(term_hash(make_boxed(a)) != term_hash(make_boxed(b)));
    Term c1[2] = { make_small(1), NIL }, c2[2] = { make_small(1), NIL };
    ck_assert(term_hash(make_list(c1)) == term_hash(make_list(c2)));
    ck_assert(term_hash(make_list(c1)) != term_hash(make_small(1)));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("pdict");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, random_against_model);
    tcase_add_test(tc, order_kept);
    tcase_add_test(tc, hash_structural);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
