/* test_links.c - unit tests for a process's link and monitor set
 * (vm/links.c): finding by pid or ref and type, removal keeping every other
 * entry findable (also while the hash index is in use, with colliding
 * keys), and a long random run checked against a plain model. */
#include <check.h>
#include <stdlib.h>

#include "links.h"

static Term pid(uint64_t i) { return make_small((int64_t)i); }

START_TEST(small_set)
{
    ProcLinks *l = NULL;
    ck_assert_ptr_null(lk_find(l, LK_LINK, pid(1), 0));
    ck_assert(lk_add(&l, LK_LINK, pid(1), 0, NIL));
    ck_assert(lk_add(&l, LK_MON_OUT, pid(1), 7, NIL));
    ck_assert(lk_add(&l, LK_MON_IN, pid(2), 7, NIL)); /* same ref, other side */
    ck_assert_uint_eq(lk_count(l), 3);
    LinkEntry *e = lk_find(l, LK_LINK, pid(1), 0);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->type, LK_LINK);
    ck_assert_ptr_null(lk_find(l, LK_LINK, pid(2), 0));
    e = lk_find(l, LK_MON_IN, 0, 7);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->pid, pid(2));
    ck_assert_uint_eq(lk_find(l, LK_MON_OUT, 0, 7)->pid, pid(1));
    ck_assert_ptr_null(lk_find(l, LK_MON_OUT, 0, 8));
    lk_remove(&l, lk_find(l, LK_MON_OUT, 0, 7));
    ck_assert_ptr_null(lk_find(l, LK_MON_OUT, 0, 7));
    ck_assert_ptr_nonnull(lk_find(l, LK_MON_IN, 0, 7));
    lk_remove(&l, lk_find(l, LK_LINK, pid(1), 0));
    lk_remove(&l, lk_find(l, LK_MON_IN, 0, 7));
    ck_assert_ptr_null(l); /* empty sets are freed */
}
END_TEST

/* Many entries (the index in use): every one findable, removals from the
 * middle, the start and the end keep the rest findable. */
START_TEST(large_set)
{
    enum { N = 5000 };
    ProcLinks *l = NULL;
    for (uint64_t i = 0; i < N; i++) {
        ck_assert(lk_add(&l, LK_LINK, pid(i), 0, NIL));
        ck_assert(lk_add(&l, LK_MON_IN, pid(i), 1000000 + i, NIL));
    }
    ck_assert_uint_eq(lk_count(l), 2 * N);
    for (uint64_t i = 0; i < N; i += 3)
        lk_remove(&l, lk_find(l, LK_LINK, pid(i), 0));
    for (uint64_t i = 0; i < N; i++) {
        LinkEntry *e = lk_find(l, LK_LINK, pid(i), 0);
        if (i % 3 == 0)
            ck_assert_ptr_null(e);
        else
            ck_assert_uint_eq(e->pid, pid(i));
        e = lk_find(l, LK_MON_IN, 0, 1000000 + i);
        ck_assert_ptr_nonnull(e);
        ck_assert_uint_eq(e->pid, pid(i));
    }
    /* Walking sees each remaining entry once. */
    uint32_t links = 0, mons = 0;
    for (uint32_t i = 0; i < lk_count(l); i++)
        *(lk_entry(l, i)->type == LK_LINK ? &links : &mons) += 1;
    ck_assert_uint_eq(links, N - (N + 2) / 3);
    ck_assert_uint_eq(mons, N);
    lk_free(l);
}
END_TEST

/* Random adds and removes against a model: an array of what is present.
 * Refs that are multiples of a power of two collide in the index's home
 * slots, exercising the cluster shifting on removal. */
START_TEST(random_against_model)
{
    enum { KEYS = 3000, STEPS = 200000 };
    static bool in[3][KEYS];
    ProcLinks *l = NULL;
    uint32_t n = 0;
    srand(12345);
    for (int step = 0; step < STEPS; step++) {
        uint32_t type = (uint32_t)rand() % 3;
        uint64_t k = (uint64_t)rand() % KEYS;
        Term p = pid(k);
        uint64_t ref = type == LK_LINK ? 0 : (k << 20);
        LinkEntry *e = lk_find(l, type, p, ref);
        ck_assert_int_eq(e != NULL, in[type][k]);
        if (e) {
            ck_assert_uint_eq(e->pid, p);
            lk_remove(&l, e);
            in[type][k] = false;
            n--;
        } else {
            ck_assert(lk_add(&l, type, p, ref, NIL));
            in[type][k] = true;
            n++;
        }
        ck_assert_uint_eq(lk_count(l), n);
    }
    for (uint32_t type = 0; type < 3; type++)
        for (uint64_t k = 0; k < KEYS; k++)
            ck_assert_int_eq(lk_find(l, type, pid(k), type == LK_LINK ? 0 : k << 20) != NULL,
                             in[type][k]);
    lk_free(l);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("links");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, small_set);
    tcase_add_test(tc, large_set);
    tcase_add_test(tc, random_against_model);
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
