/* test_binary.c - unit tests for vm/binary.c: the three binary forms, the
 * off-heap list, blob reference counting (also across threads), and how
 * binaries fare through garbage collection and process exit. */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "binary.h"
#include "gc.h"
#include "process.h"
#include "term.h"

/* In gc.c; not in gc.h yet. */
bool gc_collect_full(Process *p, size_t need, unsigned live);

static Process *newp(void)
{
    Process *p = proc_new(0);
    ck_assert_ptr_nonnull(p);
    p->x = calloc(16, sizeof(Term));
    ck_assert_ptr_nonnull(p->x);
    for (int i = 0; i < 16; i++)
        p->x[i] = NIL;
    return p;
}

static void freep(Process *p)
{
    free(p->x);
    proc_free(p);
}

static uint64_t refs(const BinBlob *b) { return atomic_load(&b->refs); }
static BinBlob *blob_of(Term b) { return (BinBlob *)(uintptr_t)boxed_ptr(b)[2]; }

START_TEST(test_word_counts)
{
    ck_assert_uint_eq(bin_words(0), 2);
    ck_assert_uint_eq(bin_words(1), 3);
    ck_assert_uint_eq(bin_words(8), 3);
    ck_assert_uint_eq(bin_words(9), 4);
    ck_assert_uint_eq(bin_words(BIN_HEAP_MAX), 2 + BIN_HEAP_MAX / 8);
    ck_assert_uint_eq(bin_words(BIN_HEAP_MAX + 1), REFC_BIN_WORDS);
    ck_assert_uint_eq(bin_words(1 << 20), REFC_BIN_WORDS);
}
END_TEST

/* Heap binaries of every small size: exact word use, bytes, zero padding. */
START_TEST(test_heap_binaries)
{
    Process *p = newp();
    uint8_t data[BIN_HEAP_MAX];
    for (int i = 0; i < BIN_HEAP_MAX; i++)
        data[i] = (uint8_t)(0xA0 + i);
    for (size_t n = 0; n <= BIN_HEAP_MAX; n++) {
        ck_assert(proc_reserve(p, bin_words(n), 0));
        Term *before = p->htop;
        Term b = bin_new(p, data, n);
        ck_assert_ptr_eq(p->htop, before + bin_words(n));
        ck_assert(is_binary(b));
        ck_assert_uint_eq(header_sub(boxed_header(b)), SUB_HEAP_BIN);
        ck_assert_uint_eq(header_arity(boxed_header(b)), bin_words(n) - 1);
        ck_assert_uint_eq(bin_size(b), n);
        ck_assert_mem_eq(bin_bytes(b), data, n);
        const uint8_t *end = (const uint8_t *)p->htop;
        for (const uint8_t *q = bin_bytes(b) + n; q < end; q++)
            ck_assert_uint_eq(*q, 0);
    }
    ck_assert(p->off_heap.first == NIL);
    freep(p);
}
END_TEST

START_TEST(test_null_data_is_zero)
{
    Process *p = newp();
    ck_assert(proc_reserve(p, bin_words(40), 0));
    Term *hp = p->htop;
    for (int i = 0; i < 20; i++)
        hp[i] = ~(Term)0; /* dirty the words first */
    Term h = bin_new(p, NULL, 40);
    for (size_t i = 0; i < 40; i++)
        ck_assert_uint_eq(bin_bytes(h)[i], 0);
    /* A dirty freed blob, so malloc is likely to hand back dirty bytes. */
    BinBlob *dirty = blob_new(100);
    memset(dirty->data, 0xFF, 100);
    blob_decref(dirty);
    ck_assert(proc_reserve(p, bin_words(100), 0));
    Term small = bin_new(p, NULL, 100);
    for (size_t i = 0; i < 100; i++)
        ck_assert_uint_eq(bin_bytes(small)[i], 0);
    ck_assert(proc_reserve(p, bin_words(1 << 20), 0));
    Term r = bin_new(p, NULL, 1 << 20);
    ck_assert_uint_eq(bin_size(r), 1 << 20);
    const uint8_t *bytes = bin_bytes(r);
    size_t nonzero = 0;
    for (size_t i = 0; i < (1 << 20); i++)
        nonzero += bytes[i] != 0;
    ck_assert_uint_eq(nonzero, 0);
    freep(p);
}
END_TEST

/* Refc binaries: 4 words, a blob with one reference, linked at the head of
 * the off-heap list. */
START_TEST(test_refc_binaries)
{
    Process *p = newp();
    uint8_t data[1000];
    for (int i = 0; i < 1000; i++)
        data[i] = (uint8_t)(i * 7);
    ck_assert(proc_reserve(p, 2 * REFC_BIN_WORDS, 0));
    Term *before = p->htop;
    Term a = bin_new(p, data, BIN_HEAP_MAX + 1);
    ck_assert_ptr_eq(p->htop, before + REFC_BIN_WORDS);
    Term b = bin_new(p, data, 1000);
    ck_assert(is_binary(a) && is_binary(b));
    ck_assert_uint_eq(header_sub(boxed_header(b)), SUB_REFC_BIN);
    ck_assert_uint_eq(header_arity(boxed_header(b)), REFC_BIN_WORDS - 1);
    ck_assert_uint_eq(bin_size(a), BIN_HEAP_MAX + 1);
    ck_assert_uint_eq(bin_size(b), 1000);
    ck_assert_mem_eq(bin_bytes(a), data, BIN_HEAP_MAX + 1);
    ck_assert_mem_eq(bin_bytes(b), data, 1000);
    ck_assert_ptr_eq(bin_bytes(b), blob_of(b)->data);
    ck_assert_uint_eq(blob_of(b)->size, 1000);
    ck_assert_uint_eq(refs(blob_of(a)), 1);
    ck_assert_uint_eq(refs(blob_of(b)), 1);
    ck_assert(p->off_heap.first == b);
    ck_assert(boxed_ptr(b)[3] == a);
    ck_assert(boxed_ptr(a)[3] == NIL);
    freep(p);
}
END_TEST

/* Sub-binaries over both forms (built by hand, as the bit-syntax code
 * will). */
START_TEST(test_sub_binaries)
{
    Process *p = newp();
    uint8_t data[300];
    for (int i = 0; i < 300; i++)
        data[i] = (uint8_t)(255 - i);
    ck_assert(proc_reserve(p, bin_words(30) + bin_words(300) + 2 * SUB_BIN_WORDS, 0));
    Term h = bin_new(p, data, 30);
    Term r = bin_new(p, data, 300);
    Term orig[2] = {h, r};
    size_t off[2] = {7, 123}, len[2] = {20, 0};
    for (int k = 0; k < 2; k++) {
        Term *s = proc_alloc(p, SUB_BIN_WORDS);
        s[0] = make_header(SUB_BIN_WORDS - 1, SUB_SUB_BIN);
        s[1] = len[k];
        s[2] = off[k];
        s[3] = orig[k];
        Term sb = make_boxed(s);
        ck_assert(is_binary(sb));
        ck_assert_uint_eq(bin_size(sb), len[k]);
        ck_assert_ptr_eq(bin_bytes(sb), bin_bytes(orig[k]) + off[k]);
        ck_assert_uint_eq(bin_bytes(sb)[0], (uint8_t)(255 - off[k]));
    }
    freep(p);
}
END_TEST

START_TEST(test_blob_refcount)
{
    BinBlob *b = blob_new(16);
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(refs(b), 1);
    ck_assert_uint_eq(b->size, 16);
    memset(b->data, 1, 16);
    blob_incref(b);
    blob_incref(b);
    ck_assert_uint_eq(refs(b), 3);
    blob_decref(b);
    blob_decref(b);
    ck_assert_uint_eq(refs(b), 1);
    blob_decref(b); /* freed: ASan would catch a later use or a leak */
    ck_assert_ptr_null(blob_new(SIZE_MAX - 4));
    BinBlob *z = blob_new(0);
    ck_assert_ptr_nonnull(z);
    blob_decref(z);
}
END_TEST

enum { THREADS = 8, ROUNDS = 200000 };

static void *hammer(void *arg)
{
    BinBlob *b = arg;
    for (int i = 0; i < ROUNDS; i++) {
        blob_incref(b);
        blob_incref(b);
        blob_decref(b);
        blob_decref(b);
    }
    blob_decref(b); /* the reference it was given */
    return NULL;
}

START_TEST(test_blob_refcount_threads)
{
    BinBlob *b = blob_new(64);
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) {
        blob_incref(b);
        ck_assert_int_eq(pthread_create(&t[i], NULL, hammer, b), 0);
    }
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    ck_assert_uint_eq(refs(b), 1);
    blob_decref(b);
}
END_TEST

/* The binaries keep their bytes through collections; dead refc binaries
 * give their blob back; proc_free gives back the rest. */
START_TEST(test_binaries_through_gc)
{
    Process *p = newp();
    uint8_t data[500];
    for (int i = 0; i < 500; i++)
        data[i] = (uint8_t)(i ^ 0x5A);
    ck_assert(proc_reserve(p, bin_words(50) + 2 * bin_words(500) + 3, 0));
    p->x[0] = bin_new(p, data, 50);
    p->x[1] = bin_new(p, data, 500);
    p->x[2] = bin_new(p, data + 1, 499);
    BinBlob *keep = blob_of(p->x[1]), *drop = blob_of(p->x[2]);
    blob_incref(keep);
    blob_incref(drop);
    p->x[2] = NIL;
    for (int i = 0; i < 12; i++) {
        /* Garbage between collections so everything moves. */
        ck_assert(proc_reserve(p, 100, 3));
        for (int j = 0; j < 50; j++)
            p->x[2] = proc_cons(p, make_small(j), p->x[2]);
        ck_assert(i % 4 == 3 ? gc_collect_full(p, 0, 3) : gc_collect(p, 0, 3));
        ck_assert_uint_eq(bin_size(p->x[0]), 50);
        ck_assert_mem_eq(bin_bytes(p->x[0]), data, 50);
        ck_assert_mem_eq(bin_bytes(p->x[1]), data, 500);
        ck_assert_ptr_eq(blob_of(p->x[1]), keep);
        ck_assert(p->off_heap.first == p->x[1]);
        ck_assert(boxed_ptr(p->x[1])[3] == NIL);
        ck_assert_uint_eq(refs(keep), 2);
        ck_assert_uint_eq(refs(drop), 1);
    }
    freep(p);
    ck_assert_uint_eq(refs(keep), 1);
    blob_decref(keep);
    blob_decref(drop);
}
END_TEST

START_TEST(test_binaries_under_stress)
{
    Process *p = newp();
    gc_stress = true;
    uint8_t data[200];
    for (int i = 0; i < 200; i++)
        data[i] = (uint8_t)i;
    p->x[0] = NIL;
    for (int i = 0; i < 500; i++) {
        size_t n = (size_t)(i % 200);
        ck_assert(proc_reserve(p, bin_words(n) + 2, 1));
        Term b = bin_new(p, data, n);
        p->x[0] = proc_cons(p, b, i % 3 ? p->x[0] : NIL);
    }
    size_t count = 0;
    for (Term l = p->x[0]; l != NIL; l = list_tail(l)) {
        Term b = list_head(l);
        ck_assert_mem_eq(bin_bytes(b), data, bin_size(b));
        count++;
    }
    ck_assert_uint_gt(count, 0);
    ck_assert_uint_ge(p->gc_count, 500);
    gc_stress = false;
    freep(p);
}
END_TEST

static Suite *binary_suite(void)
{
    Suite *s = suite_create("binary");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_word_counts);
    tcase_add_test(tc, test_heap_binaries);
    tcase_add_test(tc, test_null_data_is_zero);
    tcase_add_test(tc, test_refc_binaries);
    tcase_add_test(tc, test_sub_binaries);
    tcase_add_test(tc, test_blob_refcount);
    tcase_add_test(tc, test_blob_refcount_threads);
    tcase_add_test(tc, test_binaries_through_gc);
    tcase_add_test(tc, test_binaries_under_stress);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(binary_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
