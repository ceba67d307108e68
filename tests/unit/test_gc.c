/* test_gc.c - unit tests for the per-process generational copying
 * collector (vm/gc.c) and the heap reservation of vm/process.c.
 *
 * Every test builds terms by hand on a real process, keeps them in roots
 * (x registers, stack frames, dictionary, exception fields), collects, and
 * checks both the values and the heap itself: verify_heap walks every
 * object of both generations and checks each pointer lands on a live
 * object of this process or a known literal, and that no old object points
 * into the young heap. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "binary.h"
#include "gc.h"
#include "pdict.h"
#include "process.h"
#include "term.h"

/* In gc.c; not in gc.h yet. */
bool gc_collect_full(Process *p, size_t need, unsigned live);

#define NX 64

/* ck_assert reports every passing check to the parent process (a pipe
 * write); hot loops use this, which only speaks up on failure. */
#define REQUIRE(expr)                                                                      \
    do {                                                                                   \
        if (!(expr))                                                                       \
            ck_abort_msg("%s:%d: '%s' failed", __FILE__, __LINE__, #expr);                 \
    } while (0)

/* Literal area standing in for a loaded module's literals. */
static Term lit_area[16];

static Process *newp(void)
{
    Process *p = proc_new(0);
    ck_assert_ptr_nonnull(p);
    p->x = calloc(NX, sizeof(Term));
    ck_assert_ptr_nonnull(p->x);
    for (int i = 0; i < NX; i++)
        p->x[i] = NIL;
    return p;
}

static void freep(Process *p)
{
    free(p->x);
    proc_free(p);
}

static size_t footprint(const Process *p)
{
    return (size_t)(p->hend - p->heap) + (size_t)(p->old_hend - p->old_heap);
}

static size_t used_words(const Process *p)
{
    return (size_t)(p->htop - p->heap) + (size_t)(p->old_htop - p->old_heap);
}

static bool in(const Term *q, const Term *lo, const Term *hi)
{
    return lo && (uintptr_t)q >= (uintptr_t)lo && (uintptr_t)q < (uintptr_t)hi;
}

static bool in_young(const Process *p, const Term *q) { return in(q, p->heap, p->htop); }
static bool in_old(const Process *p, const Term *q) { return in(q, p->old_heap, p->old_htop); }
static bool in_lit(const Term *q) { return in(q, lit_area, lit_area + 16); }

/* A pointer term must land on a live object: a header (not a forwarding
 * pointer) for boxed, a cons that is not forwarded for lists. */
static void verify_term(const Process *p, Term t, bool from_old)
{
    unsigned tag = term_tag(t);
    if (tag != TAG_LIST && tag != TAG_BOXED)
        return;
    Term *q = tag == TAG_LIST ? list_ptr(t) : boxed_ptr(t);
    REQUIRE(in_young(p, q) || in_old(p, q) || in_lit(q));
    if (from_old)
        REQUIRE(!in_young(p, q));
    if (tag == TAG_BOXED)
        REQUIRE(is_header(q[0]));
    else
        REQUIRE(q[0] != THE_NON_VALUE);
}

/* Walks [lo, hi) object by object, checking every term word. */
static void verify_area(const Process *p, Term *lo, Term *hi, bool old)
{
    Term *s = lo;
    while (s < hi) {
        Term w = s[0];
        if (!is_header(w)) {
            verify_term(p, s[0], old);
            verify_term(p, s[1], old);
            s += 2;
            continue;
        }
        size_t n = (size_t)header_arity(w);
        REQUIRE(s + 1 + n <= hi);
        switch (header_sub(w)) {
        case SUB_TUPLE:
            for (size_t i = 1; i <= n; i++)
                verify_term(p, s[i], old);
            break;
        case SUB_FUN:
            for (size_t i = 2; i <= n; i++)
                verify_term(p, s[i], old);
            break;
        case SUB_SUB_BIN:
            verify_term(p, s[3], old);
            break;
        case SUB_REFC_BIN:
            REQUIRE(s[3] == NIL || is_boxed(s[3]));
            break;
        default:
            break;
        }
        s += 1 + n;
    }
    REQUIRE(s == hi);
}

static void verify_heap(const Process *p, unsigned live)
{
    REQUIRE(p->heap <= p->high_water && p->high_water <= p->htop);
    REQUIRE(p->htop <= p->stop && p->stop <= p->hend);
    verify_area(p, p->heap, p->htop, false);
    if (p->old_heap) {
        REQUIRE(p->old_htop <= p->old_hend);
        verify_area(p, p->old_heap, p->old_htop, true);
    }
    for (unsigned i = 0; i < live; i++)
        verify_term(p, p->x[i], false);
    for (Term *s = p->stop; s < p->hend; s++)
        verify_term(p, *s, false);
    if (p->dict)
        for (uint32_t i = 0; i < p->dict->n; i++)
            if (p->dict->e[i].key != THE_NON_VALUE) {
                verify_term(p, p->dict->e[i].key, false);
                verify_term(p, p->dict->e[i].val, false);
            }
    verify_term(p, p->exc_reason, false);
    verify_term(p, p->exc_trace, false);
    verify_term(p, p->exit_reason, false);
    /* The off-heap list holds exactly the REFC_BINs on the heaps. */
    for (Term t = p->off_heap.first; t != NIL; t = boxed_ptr(t)[3]) {
        REQUIRE(is_boxed_sub(t, SUB_REFC_BIN));
        REQUIRE(in_young(p, boxed_ptr(t)) || in_old(p, boxed_ptr(t)));
    }
}

/* Pushes [1..n] onto x[reg] one cons at a time, reserving before each, so
 * collections happen in the middle of the building. */
static void build_list(Process *p, unsigned reg, int64_t n)
{
    p->x[reg] = NIL;
    for (int64_t i = n; i >= 1; i--) {
        REQUIRE(proc_reserve(p, 2, reg + 1));
        p->x[reg] = proc_cons(p, make_small(i), p->x[reg]);
    }
}

static void check_list(Term l, int64_t n)
{
    for (int64_t i = 1; i <= n; i++) {
        REQUIRE(is_list(l));
        REQUIRE((small_val(list_head(l))) == (i));
        l = list_tail(l);
    }
    REQUIRE(l == NIL);
}

/* ---- basics */

START_TEST(test_reserve_no_gc_when_room)
{
    Process *p = newp();
    ck_assert_uint_ge(p->hend - p->heap, GC_MIN_HEAP_WORDS);
    ck_assert(proc_reserve(p, 10, 0));
    ck_assert_uint_eq(p->gc_count, 0);
    Term *before = p->htop;
    proc_alloc(p, 10);
    ck_assert_ptr_eq(p->htop, before + 10);
    ck_assert(proc_reserve(p, 1000, 0));
    ck_assert_uint_ge(proc_heap_free(p), 1000);
    ck_assert_uint_eq(p->gc_count, 1);
    freep(p);
}
END_TEST

START_TEST(test_list_survives_many_gcs)
{
    Process *p = newp();
    build_list(p, 0, 20000);
    ck_assert_uint_gt(p->gc_count, 5);
    ck_assert_uint_lt(p->gc_count, 40); /* the heap grew geometrically */
    verify_heap(p, 1);
    check_list(p->x[0], 20000);
    for (int i = 0; i < 10; i++) {
        ck_assert(i % 3 ? gc_collect(p, 0, 1) : gc_collect_full(p, 0, 1));
        verify_heap(p, 1);
        check_list(p->x[0], 20000);
    }
    freep(p);
}
END_TEST

START_TEST(test_huge_need_fails)
{
    Process *p = newp();
    ck_assert(!proc_reserve(p, SIZE_MAX / 2, 0));
    verify_heap(p, 0);
    ck_assert(proc_reserve(p, 10, 0));
    freep(p);
}
END_TEST

START_TEST(test_hand_built_process)
{
    /* Other modules' tests build a Process with calloc and a malloc'd
     * block, leaving high_water, dict and the rest zero. */
    Process *p = calloc(1, sizeof *p);
    p->heap = p->htop = malloc(1000 * sizeof(Term));
    p->stop = p->hend = p->heap + 1000;
    p->x = calloc(NX, sizeof(Term));
    build_list(p, 0, 2000);
    check_list(p->x[0], 2000);
    ck_assert_uint_gt(p->gc_count, 0);
    free(p->x);
    proc_free(p);
}
END_TEST

/* ---- every kind of object */

static const int fake_fun_entry = 1;
static const int fake_export = 2;

/* A tuple holding one of each object kind. The raw words (limbs, float
 * bits, ref words, binary bytes) are set to values that look like pointers
 * into the heap, which the collector must not follow or change. */
static Term build_zoo(Process *p, unsigned live)
{
    ck_assert(proc_reserve(p, 200, live));
    Term *fake = p->htop; /* a heap address, as raw data */
    Term fake_boxed = make_boxed(fake), fake_list = make_list(fake);

    Term *big = proc_alloc(p, 4);
    big[0] = make_header(3, SUB_POS_BIG);
    big[1] = fake_boxed;
    big[2] = fake_list;
    big[3] = 7;
    Term *nbig = proc_alloc(p, 2);
    nbig[0] = make_header(1, SUB_NEG_BIG);
    nbig[1] = UINT64_C(0x8000000000000000);

    Term fl = proc_float(p, 2.5);
    Term *rawfl = proc_alloc(p, 2); /* float whose bits look like a pointer */
    rawfl[0] = make_header(1, SUB_FLOAT);
    rawfl[1] = fake_boxed;

    Term hb = bin_new(p, (const uint8_t *)&fake_boxed, 8);
    uint8_t bytes[100];
    for (int i = 0; i < 100; i++)
        bytes[i] = (uint8_t)i;
    Term rb = bin_new(p, bytes, 100);
    Term *sub = proc_alloc(p, SUB_BIN_WORDS);
    sub[0] = make_header(3, SUB_SUB_BIN);
    sub[1] = 10;
    sub[2] = 5;
    sub[3] = rb;

    Term inner = proc_cons(p, fl, proc_cons(p, make_small(-3), NIL));
    Term *fun = proc_alloc(p, 4);
    fun[0] = make_header(3, SUB_FUN);
    fun[1] = (Term)(uintptr_t)&fake_fun_entry;
    fun[2] = inner;
    fun[3] = make_boxed(nbig);
    Term *exp = proc_alloc(p, 2);
    exp[0] = make_header(1, SUB_EXPORT);
    exp[1] = (Term)(uintptr_t)&fake_export;
    Term *ref = proc_alloc(p, 3);
    ref[0] = make_header(2, SUB_REF);
    ref[1] = fake_list;
    ref[2] = 42;
    Term empty = proc_tuple(p, 0, NULL);

    Term elems[] = {make_small(MAX_SMALL), make_atom(5), make_pid(77), NIL,
                    make_boxed(big), make_boxed(nbig), fl, make_boxed(rawfl),
                    hb, rb, make_boxed(sub), make_boxed(fun), make_boxed(exp),
                    make_boxed(ref), empty, inner};
    return proc_tuple(p, 16, elems);
}

static void check_zoo(Term z)
{
    ck_assert(is_tuple(z));
    ck_assert_uint_eq(tuple_arity(z), 16);
    ck_assert(tuple_elem(z, 1) == make_small(MAX_SMALL));
    ck_assert(tuple_elem(z, 2) == make_atom(5));
    ck_assert(tuple_elem(z, 3) == make_pid(77));
    ck_assert(tuple_elem(z, 4) == NIL);
    /* Raw words keep their bits; since they were pointer-like into the
     * first object, they equal the header-derived "fake" address only by
     * value: check they still have the tags they were given. */
    Term big = tuple_elem(z, 5);
    ck_assert(is_big(big) && header_sub(boxed_header(big)) == SUB_POS_BIG);
    const Term *bw = boxed_ptr(big);
    ck_assert_uint_eq(term_tag(bw[1]), TAG_BOXED);
    ck_assert_uint_eq(term_tag(bw[2]), TAG_LIST);
    ck_assert(bw[2] - TAG_LIST == bw[1] - TAG_BOXED);
    ck_assert_uint_eq(bw[3], 7);
    Term nbig = tuple_elem(z, 6);
    ck_assert_uint_eq(header_sub(boxed_header(nbig)), SUB_NEG_BIG);
    ck_assert_uint_eq(boxed_ptr(nbig)[1], UINT64_C(0x8000000000000000));
    ck_assert(is_float(tuple_elem(z, 7)) && float_val(tuple_elem(z, 7)) == 2.5);
    ck_assert(boxed_ptr(tuple_elem(z, 8))[1] == bw[1]);
    Term hb = tuple_elem(z, 9);
    ck_assert(is_binary(hb) && bin_size(hb) == 8);
    Term raw;
    memcpy(&raw, bin_bytes(hb), 8);
    ck_assert(raw == bw[1]);
    Term rb = tuple_elem(z, 10);
    ck_assert_uint_eq(header_sub(boxed_header(rb)), SUB_REFC_BIN);
    ck_assert_uint_eq(bin_size(rb), 100);
    for (int i = 0; i < 100; i++)
        ck_assert_uint_eq(bin_bytes(rb)[i], i);
    Term sub = tuple_elem(z, 11);
    ck_assert_uint_eq(bin_size(sub), 10);
    ck_assert(boxed_ptr(sub)[3] == rb); /* sharing kept */
    ck_assert_uint_eq(bin_bytes(sub)[0], 5);
    Term fun = tuple_elem(z, 12);
    ck_assert(is_fun(fun));
    ck_assert(boxed_ptr(fun)[1] == (Term)(uintptr_t)&fake_fun_entry);
    ck_assert(boxed_ptr(fun)[2] == tuple_elem(z, 16));
    ck_assert(boxed_ptr(fun)[3] == nbig);
    Term exp = tuple_elem(z, 13);
    ck_assert(boxed_ptr(exp)[1] == (Term)(uintptr_t)&fake_export);
    Term ref = tuple_elem(z, 14);
    ck_assert(is_ref(ref) && boxed_ptr(ref)[1] - TAG_LIST == bw[1] - TAG_BOXED);
    ck_assert_uint_eq(boxed_ptr(ref)[2], 42);
    ck_assert(is_tuple(tuple_elem(z, 15)) && tuple_arity(tuple_elem(z, 15)) == 0);
    Term inner = tuple_elem(z, 16);
    ck_assert(list_head(inner) == tuple_elem(z, 7));
    ck_assert(list_head(list_tail(inner)) == make_small(-3));
    ck_assert(list_tail(list_tail(inner)) == NIL);
}

START_TEST(test_all_object_kinds)
{
    Process *p = newp();
    p->x[0] = make_small(1);
    p->x[1] = build_zoo(p, 1);
    check_zoo(p->x[1]);
    for (int i = 0; i < 40; i++) {
        ck_assert(i % 7 == 6 ? gc_collect_full(p, 0, 2) : gc_collect(p, 0, 2));
        verify_heap(p, 2);
        check_zoo(p->x[1]);
        /* Garbage in between, so the objects really move. */
        build_list(p, 2, 50);
    }
    ck_assert(p->x[0] == make_small(1));
    freep(p);
}
END_TEST

/* ---- sharing */

START_TEST(test_dag_sharing_kept)
{
    Process *p = newp();
    ck_assert(proc_reserve(p, 2, 0));
    Term one = make_small(1);
    p->x[0] = proc_tuple(p, 1, &one);
    for (int i = 0; i < 200; i++) {
        ck_assert(proc_reserve(p, 3, 1));
        Term e[2] = {p->x[0], p->x[0]};
        p->x[0] = proc_tuple(p, 2, e);
    }
    /* A list referenced twice, too. */
    build_list(p, 1, 100);
    ck_assert(proc_reserve(p, 3, 2));
    Term e2[2] = {p->x[1], p->x[1]};
    p->x[1] = proc_tuple(p, 2, e2);
    for (int i = 0; i < 30; i++) {
        ck_assert(i % 5 == 4 ? gc_collect_full(p, 0, 2) : gc_collect(p, 0, 2));
        verify_heap(p, 2);
        ck_assert_uint_lt(used_words(p), 2000);
    }
    Term t = p->x[0];
    for (int i = 0; i < 200; i++) {
        ck_assert_uint_eq(tuple_arity(t), 2);
        ck_assert(tuple_elem(t, 1) == tuple_elem(t, 2));
        t = tuple_elem(t, 1);
    }
    ck_assert(tuple_elem(t, 1) == one);
    ck_assert(tuple_elem(p->x[1], 1) == tuple_elem(p->x[1], 2));
    check_list(tuple_elem(p->x[1], 1), 100);
    freep(p);
}
END_TEST

/* ---- roots other than x registers */

static const uintptr_t fake_code[4];

START_TEST(test_stack_roots)
{
    Process *p = newp();
    build_list(p, 0, 300);
    ck_assert(proc_reserve(p, 11, 1)); /* 6 stack words, a float, a pair */
    Term ret_out = (Term)(uintptr_t)&fake_code[1];
    Term ret_in = (Term)(uintptr_t)(p->heap + 2); /* tag 0 word that looks heap-bound */
    ck_assert_uint_eq(term_tag(ret_out), TAG_HEADER);
    ck_assert_uint_eq(term_tag(ret_in), TAG_HEADER);
    /* Frame 1: return address, then y0 = list, y1 = catch, y2 = float. */
    p->stop -= 4;
    p->stop[3] = ret_out;
    p->stop[0] = p->x[0];
    p->stop[1] = make_catch(9);
    p->stop[2] = proc_float(p, -1.25);
    /* Frame 2 on top: return address, y0 = a tuple. */
    p->stop -= 2;
    p->stop[1] = ret_in;
    Term e[2] = {make_small(5), p->stop[2]};
    p->stop[0] = proc_tuple(p, 2, e);
    p->x[0] = NIL;
    for (int i = 0; i < 30; i++) {
        build_list(p, 0, 200 + i * 37); /* garbage; grows the heap too */
        ck_assert(i % 4 == 3 ? gc_collect_full(p, 0, 0) : gc_collect(p, 0, 0));
        verify_heap(p, 0);
        ck_assert_int_eq(p->hend - p->stop, 6);
        ck_assert(p->stop[1] == ret_in);
        ck_assert(p->stop[5] == ret_out);
        ck_assert(p->stop[3] == make_catch(9));
        check_list(p->stop[2], 300);
        ck_assert(float_val(p->stop[4]) == -1.25);
        ck_assert(tuple_elem(p->stop[0], 1) == make_small(5));
        ck_assert(tuple_elem(p->stop[0], 2) == p->stop[2]);
    }
    freep(p);
}
END_TEST

START_TEST(test_dict_and_exception_roots)
{
    Process *p = newp();
    build_list(p, 0, 50);
    Term old;
    ck_assert(pdict_put(&p->dict, make_small(7), p->x[0], &old));
    build_list(p, 0, 60);
    p->exc_trace = p->x[0];
    ck_assert(proc_reserve(p, 3, 0));
    Term e[2] = {make_atom(3), proc_float(p, 9.0)};
    ck_assert(proc_reserve(p, 3, 0));
    p->exc_reason = proc_tuple(p, 2, e);
    p->exc_class = make_atom(4);
    build_list(p, 0, 70);
    p->exit_reason = p->x[0];
    p->x[0] = NIL;
    for (int i = 0; i < 20; i++) {
        build_list(p, 0, 500);
        ck_assert(i % 3 == 2 ? gc_collect_full(p, 0, 0) : gc_collect(p, 0, 0));
        verify_heap(p, 0);
        check_list(pdict_get(p->dict, make_small(7)), 50);
        check_list(p->exc_trace, 60);
        ck_assert(float_val(tuple_elem(p->exc_reason, 2)) == 9.0);
        ck_assert(p->exc_class == make_atom(4));
        check_list(p->exit_reason, 70);
    }
    freep(p);
}
END_TEST

START_TEST(test_literals_untouched)
{
    Process *p = newp();
    lit_area[0] = make_header(2, SUB_TUPLE);
    lit_area[1] = make_small(1);
    lit_area[2] = make_list(&lit_area[3]);
    lit_area[3] = make_small(2);
    lit_area[4] = NIL;
    Term snapshot[16];
    memcpy(snapshot, lit_area, sizeof snapshot);
    Term lit = make_boxed(lit_area);
    p->x[0] = lit;
    ck_assert(proc_reserve(p, 3, 1));
    Term e[2] = {p->x[0], make_list(&lit_area[3])};
    p->x[1] = proc_tuple(p, 2, e);
    for (int i = 0; i < 20; i++) {
        build_list(p, 2, 100);
        ck_assert(i % 4 == 3 ? gc_collect_full(p, 0, 2) : gc_collect(p, 0, 2));
        verify_heap(p, 2);
        ck_assert(p->x[0] == lit);
        ck_assert(tuple_elem(p->x[1], 1) == lit);
        ck_assert(tuple_elem(p->x[1], 2) == make_list(&lit_area[3]));
        ck_assert_mem_eq(lit_area, snapshot, sizeof snapshot);
    }
    freep(p);
}
END_TEST

/* ---- generations and sizing */

START_TEST(test_promotion_and_full)
{
    Process *p = newp();
    build_list(p, 0, 100);
    ck_assert(gc_collect_full(p, 0, 1));
    ck_assert_ptr_null(p->old_heap);
    ck_assert(in_young(p, list_ptr(p->x[0])));
    ck_assert_ptr_eq(p->high_water, p->htop); /* survivors are aged */
    ck_assert(gc_collect(p, 0, 1));
    ck_assert(in_old(p, list_ptr(p->x[0]))); /* promoted */
    ck_assert_uint_eq(p->minor_gcs, 1);
    Term promoted = p->x[0];
    build_list(p, 1, 50);
    for (int i = 0; i < 5; i++) {
        ck_assert(gc_collect(p, 0, 2));
        verify_heap(p, 2);
        ck_assert(p->x[0] == promoted); /* old objects do not move */
    }
    ck_assert(in_old(p, list_ptr(p->x[1]))); /* the young list got promoted too */
    check_list(p->x[1], 50);
    uint64_t n = p->gc_count;
    ck_assert(gc_collect_full(p, 0, 2));
    ck_assert_uint_eq(p->gc_count, n + 1);
    ck_assert_uint_eq(p->minor_gcs, 0);
    ck_assert_ptr_null(p->old_heap);
    ck_assert(in_young(p, list_ptr(p->x[0])));
    check_list(p->x[0], 100);
    check_list(p->x[1], 50);
    freep(p);
}
END_TEST

START_TEST(test_old_garbage_reclaimed_by_full)
{
    /* Promote data, drop it, and let minors run: the automatic full
     * collections (fullsweep count or old heap full) must free it. */
    Process *p = newp();
    for (int round = 0; round < 50; round++) {
        build_list(p, 0, 2000);
        ck_assert(gc_collect(p, 0, 1));
        ck_assert(gc_collect(p, 0, 1)); /* now in the old heap */
        p->x[0] = NIL;
    }
    for (int i = 0; i < 200; i++)
        ck_assert(gc_collect(p, 0, 0));
    verify_heap(p, 0);
    ck_assert_uint_lt(used_words(p), 100);
    ck_assert_uint_lt(footprint(p), 2000);
    freep(p);
}
END_TEST

START_TEST(test_memory_reclaimed)
{
    Process *p = newp();
    build_list(p, 0, 10000);
    size_t big = footprint(p);
    ck_assert_uint_gt(big, 20000);
    p->x[0] = NIL;
    uint64_t before = p->gc_words_reclaimed;
    ck_assert(gc_collect_full(p, 0, 0));
    verify_heap(p, 0);
    ck_assert_ptr_eq(p->htop, p->heap);
    ck_assert_uint_ge(p->gc_words_reclaimed - before, 20000);
    ck_assert_uint_le(footprint(p), 1000); /* shrunk back */
    ck_assert_uint_ge(p->hend - p->heap, p->min_heap_size);
    freep(p);
}
END_TEST

START_TEST(test_garbage_loop_bounded)
{
    /* 1 GiB of short-lived lists (2^27 words) with a small live set. */
    Process *p = newp();
    build_list(p, 0, 100);
    size_t peak = 0;
    const int64_t cells = 1000;
    uint64_t words = 0;
    while (words < (UINT64_C(1) << 27)) {
        p->x[1] = NIL;
        for (int64_t i = 0; i < cells; i += 100) {
            REQUIRE(proc_reserve(p, 200, 2));
            for (int j = 0; j < 100; j++)
                p->x[1] = proc_cons(p, make_small(j), p->x[1]);
        }
        words += 2 * (uint64_t)cells;
        if (footprint(p) > peak)
            peak = footprint(p);
    }
    verify_heap(p, 2);
    check_list(p->x[0], 100);
    ck_assert_uint_le(peak, 64 * 1024); /* 512 KiB */
    ck_assert_uint_gt(p->gc_count, 1000);
    ck_assert_uint_gt(p->gc_words_reclaimed, UINT64_C(1) << 26);
    freep(p);
}
END_TEST

START_TEST(test_stack_moves_with_heap)
{
    Process *p = newp();
    /* A deep stack of terms: the block grows several times under it. */
    for (int i = 0; i < 150; i++) {
        ck_assert(proc_reserve(p, 4, 0)); /* a 1-tuple and 2 stack words */
        Term e[1] = {make_small(i)};
        Term t = proc_tuple(p, 1, e);
        *--p->stop = t;
        *--p->stop = (Term)(uintptr_t)&fake_code[2];
    }
    build_list(p, 0, 5000);
    verify_heap(p, 1);
    ck_assert_int_eq(p->hend - p->stop, 300);
    for (int i = 0; i < 150; i++) {
        Term *frame = p->hend - 2 * (i + 1);
        ck_assert(frame[0] == (Term)(uintptr_t)&fake_code[2]);
        ck_assert(tuple_elem(frame[1], 1) == make_small(i));
    }
    check_list(p->x[0], 5000);
    freep(p);
}
END_TEST

START_TEST(test_deep_stack_grows_geometrically)
{
    /* Deep recursion: the stack alone fills the block. The block must grow
     * in big steps, not collect at every push. */
    Process *p = newp();
    for (int i = 0; i < 20000; i++) {
        REQUIRE(proc_reserve(p, 2, 0));
        *--p->stop = (Term)(uintptr_t)&fake_code[3];
        *--p->stop = make_small(i);
    }
    ck_assert_uint_lt(p->gc_count, 40);
    ck_assert_int_eq(p->hend - p->stop, 40000);
    verify_heap(p, 0);
    for (int i = 0; i < 20000; i++)
        REQUIRE(p->hend[-2 * i - 2] == make_small(i));
    freep(p);
}
END_TEST

/* ---- limits and stress mode */

START_TEST(test_max_heap_size)
{
    Process *p = newp();
    p->max_heap_size = 5000;
    REQUIRE(!proc_reserve(p, 6000, 0));
    freep(p); /* after a failure the process is to be killed */
    p = newp();
    p->max_heap_size = 5000;
    int64_t n = 0;
    p->x[0] = NIL;
    for (;;) {
        if (!proc_reserve(p, 2, 1))
            break;
        ck_assert_uint_le(footprint(p), 5000);
        p->x[0] = proc_cons(p, make_small(++n), p->x[0]);
        ck_assert_int_lt(n, 3000);
    }
    ck_assert_int_gt(n, 1000); /* most of the limit was usable */
    freep(p);
}
END_TEST

START_TEST(test_max_heap_size_garbage_ok)
{
    /* Garbage does not count: lots of it under a small limit is fine. */
    Process *p = newp();
    p->max_heap_size = 3000;
    build_list(p, 0, 200);
    for (int round = 0; round < 2000; round++) {
        build_list(p, 1, 300);
        ck_assert_uint_le(footprint(p), 3000);
    }
    verify_heap(p, 2);
    check_list(p->x[0], 200);
    freep(p);
}
END_TEST

START_TEST(test_stress_mode)
{
    Process *p = newp();
    gc_stress = true;
    build_list(p, 0, 3000);
    ck_assert_uint_ge(p->gc_count, 3000);
    p->x[1] = build_zoo(p, 1);
    for (int i = 0; i < 100; i++) {
        ck_assert(proc_reserve(p, 0, 2));
        verify_heap(p, 2);
    }
    check_zoo(p->x[1]);
    check_list(p->x[0], 3000);
    gc_stress = false;
    freep(p);
}
END_TEST

/* ---- refc binaries */

static size_t off_heap_len(const Process *p)
{
    size_t n = 0;
    for (Term t = p->off_heap.first; t != NIL; t = boxed_ptr(t)[3])
        n++;
    return n;
}

static uint64_t refs(BinBlob *b) { return atomic_load(&b->refs); }

START_TEST(test_refc_blobs_released)
{
    Process *p = newp();
    BinBlob *blobs[10];
    Term nils[10] = {NIL, NIL, NIL, NIL, NIL, NIL, NIL, NIL, NIL, NIL};
    ck_assert(proc_reserve(p, 11, 0));
    p->x[0] = proc_tuple(p, 10, nils);
    for (int i = 0; i < 10; i++) {
        ck_assert(proc_reserve(p, REFC_BIN_WORDS, 1));
        Term b = bin_new(p, NULL, 1000 + (size_t)i);
        blobs[i] = (BinBlob *)(uintptr_t)boxed_ptr(b)[2];
        blob_incref(blobs[i]); /* the test's own reference */
        boxed_ptr(p->x[0])[i + 1] = i % 2 ? b : NIL;
    }
    ck_assert_uint_eq(off_heap_len(p), 10);
    ck_assert(gc_collect(p, 0, 1));
    verify_heap(p, 1);
    ck_assert_uint_eq(off_heap_len(p), 5);
    for (int i = 0; i < 10; i++)
        ck_assert_uint_eq(refs(blobs[i]), i % 2 ? 2 : 1);
    /* Promote them, add young ones, mix generations. */
    ck_assert(gc_collect(p, 0, 1));
    ck_assert(in_old(p, boxed_ptr(p->x[0])));
    BinBlob *young[4];
    ck_assert(proc_reserve(p, 5, 1));
    p->x[1] = proc_tuple(p, 4, nils);
    for (int i = 0; i < 4; i++) {
        ck_assert(proc_reserve(p, REFC_BIN_WORDS, 2));
        Term b = bin_new(p, NULL, 500);
        young[i] = (BinBlob *)(uintptr_t)boxed_ptr(b)[2];
        blob_incref(young[i]);
        boxed_ptr(p->x[1])[i + 1] = i < 2 ? b : NIL;
    }
    ck_assert(gc_collect(p, 0, 2));
    verify_heap(p, 2);
    ck_assert_uint_eq(off_heap_len(p), 7);
    ck_assert_uint_eq(refs(young[0]), 2);
    ck_assert_uint_eq(refs(young[3]), 1);
    /* Drop the old ones: only a full collection finds them dead. */
    p->x[0] = NIL;
    ck_assert(gc_collect(p, 0, 2));
    ck_assert_uint_eq(refs(blobs[1]), 2);
    ck_assert(gc_collect_full(p, 0, 2));
    verify_heap(p, 2);
    ck_assert_uint_eq(off_heap_len(p), 2);
    for (int i = 0; i < 10; i++)
        ck_assert_uint_eq(refs(blobs[i]), 1);
    /* proc_free drops the rest. */
    freep(p);
    for (int i = 0; i < 4; i++)
        ck_assert_uint_eq(refs(young[i]), 1);
    for (int i = 0; i < 10; i++)
        blob_decref(blobs[i]);
    for (int i = 0; i < 4; i++)
        blob_decref(young[i]);
}
END_TEST

START_TEST(test_sub_binary_keeps_blob)
{
    Process *p = newp();
    uint8_t data[200];
    for (int i = 0; i < 200; i++)
        data[i] = (uint8_t)(i * 3);
    ck_assert(proc_reserve(p, REFC_BIN_WORDS + SUB_BIN_WORDS, 0));
    Term rb = bin_new(p, data, 200);
    BinBlob *blob = (BinBlob *)(uintptr_t)boxed_ptr(rb)[2];
    blob_incref(blob);
    Term *sub = proc_alloc(p, SUB_BIN_WORDS);
    sub[0] = make_header(3, SUB_SUB_BIN);
    sub[1] = 50;
    sub[2] = 100;
    sub[3] = rb;
    p->x[0] = make_boxed(sub);
    for (int i = 0; i < 10; i++) {
        build_list(p, 1, 100);
        ck_assert(i % 3 == 2 ? gc_collect_full(p, 0, 1) : gc_collect(p, 0, 1));
        verify_heap(p, 1);
        ck_assert_uint_eq(refs(blob), 2);
        ck_assert_uint_eq(bin_size(p->x[0]), 50);
        ck_assert_mem_eq(bin_bytes(p->x[0]), data + 100, 50);
    }
    p->x[0] = NIL;
    ck_assert(gc_collect_full(p, 0, 0));
    ck_assert_uint_eq(refs(blob), 1);
    ck_assert(p->off_heap.first == NIL);
    blob_decref(blob);
    freep(p);
}
END_TEST

/* ---- randomised: random graphs, random collections, structural hashes */

static uint64_t rng_state;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* A structural hash down to a bounded depth (DAGs may be exponentially
 * large as trees). */
static uint64_t shash(Term t, int depth)
{
    uint64_t h = 1469598103934665603ULL;
#define MIX(v) (h = (h ^ (uint64_t)(v)) * 1099511628211ULL)
    if (depth == 0)
        return h;
    if (is_list(t)) {
        MIX(1);
        MIX(shash(list_head(t), depth - 1));
        MIX(shash(list_tail(t), depth - 1));
    } else if (is_boxed(t)) {
        Term hd = boxed_header(t);
        MIX(hd);
        if (header_sub(hd) == SUB_TUPLE)
            for (uint64_t i = 1; i <= header_arity(hd); i++)
                MIX(shash(tuple_elem(t, i), depth - 1));
        else if (header_sub(hd) == SUB_REFC_BIN || header_sub(hd) == SUB_HEAP_BIN)
            for (size_t i = 0; i < bin_size(t); i++)
                MIX(bin_bytes(t)[i]);
        else
            for (uint64_t i = 1; i <= header_arity(hd); i++)
                MIX(boxed_ptr(t)[i]);
    } else {
        MIX(t);
    }
#undef MIX
    return h;
}

/* Makes a random term from the roots x[0..n) and immediates. */
static Term random_term(Process *p, unsigned n)
{
    switch (rnd() % 6) {
    case 0:
        return make_small((int64_t)(rnd() % 1000));
    case 1: {
        Term h = p->x[rnd() % n], t = p->x[rnd() % n];
        return proc_cons(p, h, rnd() % 2 ? t : NIL);
    }
    case 2: {
        unsigned k = (unsigned)(rnd() % 4);
        Term e[3];
        for (unsigned i = 0; i < k; i++)
            e[i] = p->x[rnd() % n];
        return proc_tuple(p, k, e);
    }
    case 3:
        return proc_float(p, (double)(rnd() % 100000) / 7.0);
    case 4: {
        uint8_t b[80];
        size_t len = rnd() % 80;
        for (size_t i = 0; i < len; i++)
            b[i] = (uint8_t)rnd();
        return bin_new(p, b, len);
    }
    default:
        return p->x[rnd() % n];
    }
}

static void random_run(bool stress, uint64_t seed)
{
    enum { N = 16, STEPS = 20000 };
    Process *p = newp();
    rng_state = seed;
    gc_stress = stress;
    uint64_t hashes[N];
    for (unsigned i = 0; i < N; i++)
        p->x[i] = make_small(i);
    for (int step = 0; step < STEPS; step++) {
        unsigned r = (unsigned)(rnd() % N);
        REQUIRE(proc_reserve(p, 12, N));
        p->x[r] = random_term(p, N);
        if (step % 97 == 0) {
            for (unsigned i = 0; i < N; i++)
                hashes[i] = shash(p->x[i], 6);
            REQUIRE(step % 3 ? gc_collect(p, 0, N) : gc_collect_full(p, 0, N));
            verify_heap(p, N);
            for (unsigned i = 0; i < N; i++)
                REQUIRE((hashes[i]) == (shash(p->x[i], 6)));
        }
    }
    REQUIRE(!stress || p->gc_count >= STEPS);
    gc_stress = false;
    freep(p);
}

START_TEST(test_random_graphs)
{
    random_run(false, 0x9E3779B97F4A7C15ULL + (uint64_t)_i);
}
END_TEST

START_TEST(test_random_graphs_stress)
{
    random_run(true, 0xD1B54A32D192ED03ULL + (uint64_t)_i);
}
END_TEST

static Suite *gc_suite(void)
{
    Suite *s = suite_create("gc");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_reserve_no_gc_when_room);
    tcase_add_test(tc, test_list_survives_many_gcs);
    tcase_add_test(tc, test_huge_need_fails);
    tcase_add_test(tc, test_hand_built_process);
    tcase_add_test(tc, test_all_object_kinds);
    tcase_add_test(tc, test_dag_sharing_kept);
    tcase_add_test(tc, test_stack_roots);
    tcase_add_test(tc, test_dict_and_exception_roots);
    tcase_add_test(tc, test_literals_untouched);
    tcase_add_test(tc, test_promotion_and_full);
    tcase_add_test(tc, test_old_garbage_reclaimed_by_full);
    tcase_add_test(tc, test_memory_reclaimed);
    tcase_add_test(tc, test_garbage_loop_bounded);
    tcase_add_test(tc, test_stack_moves_with_heap);
    tcase_add_test(tc, test_deep_stack_grows_geometrically);
    tcase_add_test(tc, test_max_heap_size);
    tcase_add_test(tc, test_max_heap_size_garbage_ok);
    tcase_add_test(tc, test_stress_mode);
    tcase_add_test(tc, test_refc_blobs_released);
    tcase_add_test(tc, test_sub_binary_keeps_blob);
    tcase_add_loop_test(tc, test_random_graphs, 0, 4);
    tcase_add_loop_test(tc, test_random_graphs_stress, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(gc_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
