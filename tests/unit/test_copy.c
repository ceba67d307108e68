/* test_copy.c - unit tests for copying terms between heaps (vm/copy.c).
 *
 * Terms are built by hand on a real process heap (or in a static array
 * standing in for a module's literals) and copied into a separate buffer.
 * check_copy then verifies that copy_term used exactly copy_size words
 * (a guard word after them must survive), that the copy equals the source
 * under =:= (compare.h), and, by parsing the buffer object by object as
 * the collector does, that every pointer of the copy lands inside the
 * copy. The rest: refc binaries shared with their counts raised, the forms
 * sub binaries take, funs, numbers, refs, deep nesting, very long lists,
 * a copy living on a process heap through a garbage collection, and the
 * time per copy of small messages (printed). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "atom.h"
#include "binary.h"
#include "compare.h"
#include "copy.h"
#include "export.h"
#include "gc.h"
#include "module.h"
#include "process.h"
#include "term.h"

/* ck_assert reports every passing check to the parent process; hot loops
 * use this, which only speaks up on failure. */
#define REQUIRE(expr)                                                                      \
    do {                                                                                   \
        if (!(expr))                                                                       \
            ck_abort_msg("%s:%d: '%s' failed", __FILE__, __LINE__, #expr);                 \
    } while (0)

#define GUARD ((Term)0xDEADBEEFCAFEF00DULL)

/* ---- building terms */

static Process *newp(size_t words)
{
    Process *p = proc_new(words);
    ck_assert_ptr_nonnull(p);
    return p;
}

static Term *take(Process *p, size_t n)
{
    REQUIRE(proc_heap_free(p) >= n);
    return proc_alloc(p, n);
}

static Term tup(Process *p, unsigned n, const Term *e)
{
    REQUIRE(proc_heap_free(p) >= n + 1);
    return proc_tuple(p, n, e);
}
#define TUP(p, ...) tup(p, sizeof((Term[]){__VA_ARGS__}) / sizeof(Term), (Term[]){__VA_ARGS__})

static Term cons(Process *p, Term h, Term t)
{
    REQUIRE(proc_heap_free(p) >= 2);
    return proc_cons(p, h, t);
}

static Term flt(Process *p, double d)
{
    REQUIRE(proc_heap_free(p) >= FLOAT_WORDS);
    return proc_float(p, d);
}

static Term big(Process *p, bool neg, unsigned n, uint64_t seed)
{
    Term *hp = take(p, 1 + n);
    hp[0] = make_header(n, neg ? SUB_NEG_BIG : SUB_POS_BIG);
    for (unsigned i = 0; i < n; i++)
        hp[1 + i] = seed * (i + 1) + 0x8000000000000000ull; /* top limb nonzero */
    return make_boxed(hp);
}

static Term ref(Process *p, uint64_t id, uint64_t sched)
{
    Term *hp = take(p, 3);
    hp[0] = make_header(2, SUB_REF);
    hp[1] = id;
    hp[2] = sched;
    return make_boxed(hp);
}

static Term bin(Process *p, const uint8_t *data, size_t n)
{
    REQUIRE(proc_heap_free(p) >= bin_words(n));
    Term b = bin_new(p, data, n);
    REQUIRE(b != THE_NON_VALUE);
    return b;
}

/* A heap binary of any size, as the loader makes for literals. */
static Term big_heap_bin(Process *p, const uint8_t *data, size_t n)
{
    size_t words = heap_bin_words(n);
    Term *hp = take(p, words);
    hp[0] = make_header(words - 1, SUB_HEAP_BIN);
    hp[1] = (Term)n;
    hp[words - 1] = 0;
    memcpy(&hp[2], data, n);
    return make_boxed(hp);
}

static Term sub(Process *p, Term orig, size_t offset, size_t size)
{
    Term *hp = take(p, SUB_BIN_WORDS);
    hp[0] = make_header(SUB_BIN_WORDS - 1, SUB_SUB_BIN);
    hp[1] = (Term)size;
    hp[2] = (Term)offset;
    hp[3] = orig;
    return make_boxed(hp);
}

static FunEntry fun_entry = {.arity = 1, .nfree = 2, .index = 3, .uniq = 77};
static FunEntry fun_entry0 = {.arity = 0, .nfree = 0, .index = 4, .uniq = 78};
static Export an_export = {.arity = 2};

static Term fun(Process *p, const FunEntry *fe, unsigned nfree, const Term *env)
{
    Term *hp = take(p, 2 + nfree);
    hp[0] = make_header(1 + nfree, SUB_FUN);
    hp[1] = (Term)(uintptr_t)fe;
    for (unsigned i = 0; i < nfree; i++)
        hp[2 + i] = env[i];
    return make_boxed(hp);
}

static Term export_fun(Process *p)
{
    Term *hp = take(p, 2);
    hp[0] = make_header(1, SUB_EXPORT);
    hp[1] = (Term)(uintptr_t)&an_export;
    return make_boxed(hp);
}

static uint64_t blob_refs(Term refc)
{
    const BinBlob *b = (const BinBlob *)(uintptr_t)boxed_ptr(refc)[2];
    return atomic_load(&b->refs);
}

/* ---- checking a copy */

typedef struct {
    Term *buf;
    size_t words;
    Term copy;
    OffHeap oh;
} Copy;

static bool in_buf(const Copy *c, const Term *q)
{
    return (uintptr_t)q >= (uintptr_t)c->buf && (uintptr_t)q < (uintptr_t)(c->buf + c->words);
}

static void check_ptr(const Copy *c, Term t)
{
    if (is_list(t))
        REQUIRE(in_buf(c, list_ptr(t)));
    else if (is_boxed(t))
        REQUIRE(in_buf(c, boxed_ptr(t)));
}

/* Parses the copy object by object: every pointer word inside the copy,
 * the sub binaries' originals and the off-heap links included. */
static void walk_copy(const Copy *c)
{
    check_ptr(c, c->copy);
    const Term *s = c->buf, *end = c->buf + c->words;
    while (s < end) {
        Term w = s[0];
        if (!is_header(w)) {
            check_ptr(c, s[0]);
            check_ptr(c, s[1]);
            s += 2;
            continue;
        }
        size_t arity = (size_t)header_arity(w);
        REQUIRE(s + 1 + arity <= end);
        switch (header_sub(w)) {
        case SUB_TUPLE:
            for (size_t i = 1; i <= arity; i++)
                check_ptr(c, s[i]);
            break;
        case SUB_FUN:
            for (size_t i = 2; i <= arity; i++)
                check_ptr(c, s[i]);
            break;
        case SUB_SUB_BIN:
            REQUIRE(is_boxed(s[3]) && in_buf(c, boxed_ptr(s[3])));
            break;
        case SUB_REFC_BIN:
            REQUIRE(s[3] == NIL || (is_boxed(s[3]) && in_buf(c, boxed_ptr(s[3]))));
            break;
        default:
            break;
        }
        s += 1 + arity;
    }
    REQUIRE(s == end);
}

/* Copies t into a fresh buffer and checks size, equality and containment.
 * The caller frees with done(). */
static Copy copy_checked(Term t)
{
    Copy c;
    c.words = copy_size(t);
    REQUIRE(c.words != SIZE_MAX);
    c.buf = malloc((c.words + 1) * sizeof(Term));
    REQUIRE(c.buf);
    c.buf[c.words] = GUARD;
    c.oh.first = NIL;
    Term *hp = c.buf;
    c.copy = copy_term(t, &hp, &c.oh);
    REQUIRE(c.copy != THE_NON_VALUE);
    REQUIRE(hp == c.buf + c.words);
    REQUIRE(c.buf[c.words] == GUARD);
    REQUIRE(term_eq_exact(c.copy, t));
    walk_copy(&c);
    return c;
}

static void done(Copy *c)
{
    copy_release_offheap(&c->oh);
    REQUIRE(c->oh.first == NIL);
    free(c->buf);
}

/* copy_checked for a term of the given size in words, then done. */
static void copy_sized(Term t, size_t words)
{
    ck_assert_uint_eq(copy_size(t), words);
    Copy c = copy_checked(t);
    done(&c);
}

static size_t offheap_len(const OffHeap *oh)
{
    size_t n = 0;
    for (Term cur = oh->first; is_boxed(cur); cur = boxed_ptr(cur)[3])
        n++;
    return n;
}

/* ---- tests */

START_TEST(test_immediates)
{
    Term imm[] = {make_small(0), make_small(MAX_SMALL), make_small(MIN_SMALL), ATOM_ok, NIL,
                  make_pid(12345)};
    for (unsigned i = 0; i < sizeof imm / sizeof imm[0]; i++) {
        ck_assert_uint_eq(copy_size(imm[i]), 0);
        Term word = GUARD, *hp = &word;
        OffHeap oh = {NIL};
        ck_assert_uint_eq(copy_term(imm[i], &hp, &oh), imm[i]);
        ck_assert_ptr_eq(hp, &word);
        ck_assert_uint_eq(word, GUARD);
        ck_assert_uint_eq(oh.first, NIL);
    }
}
END_TEST

START_TEST(test_small_terms)
{
    Process *p = newp(4096);
    Term t = TUP(p, make_pid(7), make_small(42));
    ck_assert_uint_eq(copy_size(t), 3);
    Copy c = copy_checked(t);
    ck_assert(is_tuple(c.copy));
    ck_assert_ptr_eq(boxed_ptr(c.copy), c.buf);
    /* The check can fail: changing the copy makes it differ. */
    c.buf[2] = make_small(43);
    ck_assert(!term_eq_exact(c.copy, t));
    done(&c);

    Term l = NIL;
    for (int i = 9; i >= 0; i--)
        l = cons(p, make_small(i), l);
    copy_sized(l, 20);

    Term empty = tup(p, 0, NULL);
    copy_sized(empty, 1);

    Term improper = cons(p, make_small(1), flt(p, 2.5)); /* [1|2.5] */
    copy_sized(improper, 4);
    proc_free(p);
}
END_TEST

START_TEST(test_numbers_refs_funs)
{
    Process *p = newp(4096);
    Term pb = big(p, false, 3, 12345), nb = big(p, true, 2, 999);
    Term f = flt(p, -1.25e300), r = ref(p, 0x123456789ABCull, 3);
    Term env[2] = {TUP(p, ATOM_ok, flt(p, 1.5)), cons(p, make_small(1), cons(p, pb, NIL))};
    Term closure = fun(p, &fun_entry, 2, env);
    Term closure0 = fun(p, &fun_entry0, 0, NULL);
    Term ex = export_fun(p);
    struct {
        Term t;
        size_t words;
    } cases[] = {
        {pb, 4}, {nb, 3}, {f, 2}, {r, 3}, {closure, 4 + (3 + 2) + (2 + 2 + 4)},
        {closure0, 2}, {ex, 2},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_uint_eq(copy_size(cases[i].t), cases[i].words);
        Copy c = copy_checked(cases[i].t);
        ck_assert_uint_eq(c.buf[0], boxed_header(cases[i].t));
        done(&c);
    }
    Copy c = copy_checked(closure);
    ck_assert_uint_eq(boxed_ptr(c.copy)[1], (Term)(uintptr_t)&fun_entry);
    done(&c);
    c = copy_checked(ex);
    ck_assert_uint_eq(boxed_ptr(c.copy)[1], (Term)(uintptr_t)&an_export);
    done(&c);

    /* All of them at once, with a subterm reachable twice (copied twice:
     * sharing is not preserved). */
    Term all = TUP(p, pb, nb, f, r, closure, closure0, ex, ATOM_true, NIL, make_pid(3), closure);
    size_t want = 12 + 4 + 3 + 2 + 3 + 17 + 2 + 2 + 17;
    copy_sized(all, want);
    proc_free(p);
}
END_TEST

START_TEST(test_refc_shared)
{
    Process *p = newp(4096);
    uint8_t data[1000];
    for (unsigned i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)(i * 7 + 1);
    Term b = bin(p, data, sizeof data);
    ck_assert_uint_eq(header_sub(boxed_header(b)), SUB_REFC_BIN);
    ck_assert_uint_eq(blob_refs(b), 1);
    Term t = TUP(p, b, cons(p, b, cons(p, b, NIL)));
    ck_assert_uint_eq(copy_size(t), 3 + 4 + 2 * 2 + 4 * 2);
    Copy c = copy_checked(t);
    ck_assert_uint_eq(blob_refs(b), 4);
    ck_assert_uint_eq(offheap_len(&c.oh), 3);
    /* Each REFC_BIN of the copy is on the list, holding the same blob. */
    for (Term cur = c.oh.first; is_boxed(cur); cur = boxed_ptr(cur)[3]) {
        ck_assert(in_buf(&c, boxed_ptr(cur)));
        ck_assert_uint_eq(boxed_ptr(cur)[2], boxed_ptr(b)[2]);
    }
    ck_assert_ptr_eq(bin_bytes(tuple_elem(c.copy, 1)), bin_bytes(b));
    /* A second copy onto a list that already has entries: linked in front. */
    Copy c2 = copy_checked(b);
    ck_assert_uint_eq(blob_refs(b), 5);
    OffHeap both = c.oh;
    Term *hp = c2.buf;
    Term again = copy_term(b, &hp, &both);
    ck_assert_uint_eq(both.first, again);
    ck_assert_uint_eq(boxed_ptr(again)[3], c.oh.first);
    ck_assert_uint_eq(blob_refs(b), 6);
    boxed_ptr(again)[3] = NIL; /* unlink before releasing separately */
    OffHeap one = {again};
    copy_release_offheap(&one);
    ck_assert_uint_eq(blob_refs(b), 5);
    done(&c2);
    done(&c);
    ck_assert_uint_eq(blob_refs(b), 1);
    proc_free(p);
}
END_TEST

/* Copies a sub binary and checks the form it took (heap binary, a refc
 * share, or sub binary plus refc share), its size and bytes. */
static void check_sub(Term sb, const uint8_t *bytes, size_t size, unsigned form, size_t words,
                      size_t shared)
{
    ck_assert_uint_eq(copy_size(sb), words);
    Copy c = copy_checked(sb);
    ck_assert_uint_eq(header_sub(boxed_header(c.copy)), form);
    ck_assert_uint_eq(bin_size(c.copy), size);
    ck_assert_int_eq(memcmp(bin_bytes(c.copy), bytes, size), 0);
    ck_assert_uint_eq(offheap_len(&c.oh), shared);
    if (form == SUB_HEAP_BIN && size % 8)
        ck_assert_uint_eq(c.buf[words - 1] >> (8 * (size % 8)), 0); /* zero padding */
    done(&c);
}

START_TEST(test_sub_binaries)
{
    Process *p = newp(4096);
    uint8_t data[1000];
    for (unsigned i = 0; i < sizeof data; i++)
        data[i] = (uint8_t)(i * 13 + 5);
    Term rb = bin(p, data, sizeof data);
    Term hb = bin(p, data, 40);
    Term lhb = big_heap_bin(p, data, 200);
    uint64_t refs = blob_refs(rb);

    check_sub(sub(p, rb, 5, 10), data + 5, 10, SUB_HEAP_BIN, 4, 0);
    check_sub(sub(p, rb, 0, 64), data, 64, SUB_HEAP_BIN, 10, 0);
    check_sub(sub(p, rb, 5, 100), data + 5, 100, SUB_SUB_BIN, 8, 1);
    check_sub(sub(p, rb, 0, 1000), data, 1000, SUB_REFC_BIN, 4, 1);
    check_sub(sub(p, rb, 1, 999), data + 1, 999, SUB_SUB_BIN, 8, 1);
    check_sub(sub(p, rb, 0, 0), data, 0, SUB_HEAP_BIN, 2, 0);
    check_sub(sub(p, hb, 3, 20), data + 3, 20, SUB_HEAP_BIN, 5, 0);
    check_sub(sub(p, lhb, 10, 150), data + 10, 150, SUB_HEAP_BIN, 2 + 19, 0);
    check_sub(sub(p, sub(p, rb, 100, 500), 7, 80), data + 107, 80, SUB_SUB_BIN, 8, 1);
    check_sub(sub(p, sub(p, rb, 100, 500), 7, 9), data + 107, 9, SUB_HEAP_BIN, 4, 0);
    ck_assert_uint_eq(blob_refs(rb), refs); /* every share released by done() */

    /* A large heap binary (a literal) is copied as it is. */
    ck_assert_uint_eq(copy_size(lhb), 27);
    Copy c = copy_checked(lhb);
    ck_assert_int_eq(memcmp(c.buf, boxed_ptr(lhb), 27 * sizeof(Term)), 0);
    done(&c);

    /* The slice's blob reference outlives the source. */
    Term s = sub(p, rb, 300, 600);
    c = copy_checked(TUP(p, s, s));
    ck_assert_uint_eq(blob_refs(rb), refs + 2);
    proc_free(p);
    ck_assert_int_eq(memcmp(bin_bytes(tuple_elem(c.copy, 2)), data + 300, 600), 0);
    done(&c);
}
END_TEST

/* Terms outside any heap (a module's literal area) are copied too. */
START_TEST(test_literal_source)
{
    static Term lit[16];
    lit[0] = make_header(2, SUB_TUPLE);
    lit[1] = make_list(&lit[3]);
    lit[2] = make_boxed(&lit[5]);
    lit[3] = ATOM_ok;
    lit[4] = NIL;
    lit[5] = make_header(1, SUB_FLOAT);
    lit[6] = 0x400921FB54442D18ull; /* pi */
    Term t = make_boxed(lit);
    copy_sized(t, 3 + 2 + 2);
}
END_TEST

/* A mixed term of every kind, nested a few levels. */
START_TEST(test_mixed)
{
    Process *p = newp(1 << 16);
    uint8_t data[300];
    memset(data, 0xAB, sizeof data);
    Term rb = bin(p, data, sizeof data);
    Term l = NIL;
    for (int i = 0; i < 50; i++) {
        Term env[2] = {make_small(i), flt(p, i * 0.5)};
        Term el = TUP(p, make_small(i), cons(p, big(p, i & 1, 1 + i % 3, (uint64_t)i), NIL),
                      fun(p, &fun_entry, 2, env), sub(p, rb, (size_t)i, 70 + (size_t)i),
                      ref(p, (uint64_t)i, 0), bin(p, data, (size_t)i));
        l = cons(p, el, l);
    }
    Copy c = copy_checked(TUP(p, l, l, rb));
    ck_assert_uint_eq(offheap_len(&c.oh), 2 * 50 + 1);
    done(&c);
    proc_free(p);
}
END_TEST

/* [[[...[]...]]], a million levels. */
START_TEST(test_deep_nesting)
{
    enum { DEPTH = 1000000 };
    Process *p = newp(8 * (size_t)DEPTH + 1000);
    Term t = NIL;
    for (int i = 0; i < DEPTH; i++)
        t = cons(p, t, NIL);
    copy_sized(t, 2 * (size_t)DEPTH);

    /* Nesting in first position with more after it: {{{...}, 1.0}, 1.0}
     * makes copy_size keep a pending range per level (its stack moves to
     * the heap), and so does a list nested in its heads with tails. */
    t = NIL;
    Term one = flt(p, 1.0);
    for (int i = 0; i < DEPTH; i++)
        t = TUP(p, t, one);
    copy_sized(t, 3 * (size_t)DEPTH + 2 * (size_t)DEPTH);
    proc_free(p);

    p = newp(4 * (size_t)DEPTH + 1000);
    t = NIL;
    Term tail = cons(p, make_small(1), NIL);
    for (int i = 0; i < DEPTH; i++)
        t = cons(p, t, tail);
    copy_sized(t, 2 * (size_t)DEPTH + 2 * (size_t)DEPTH);
    proc_free(p);
}
END_TEST

START_TEST(test_long_list)
{
    enum { LEN = 10000000 };
    Process *p = newp(2 * (size_t)LEN + 1000);
    Term l = NIL;
    for (int i = LEN - 1; i >= 0; i--)
        l = cons(p, make_small(i), l);
    ck_assert_uint_eq(copy_size(l), 2 * (size_t)LEN);
    Copy c = copy_checked(l);
    Term x = c.copy;
    for (int i = 0; i < LEN; i++, x = list_tail(x))
        REQUIRE(list_head(x) == make_small(i));
    ck_assert_uint_eq(x, NIL);
    done(&c);
    proc_free(p);

    /* A million boxed elements. */
    p = newp(5 * 1000000 + 1000);
    l = NIL;
    for (int i = 0; i < 1000000; i++)
        l = cons(p, flt(p, i), l);
    copy_sized(l, 4 * 1000000);
    proc_free(p);
}
END_TEST

/* The copy made straight onto a process heap (as a receiver or a spawned
 * process gets it), its REFC_BINs on the process's own off-heap list,
 * survives collections of that process and is released with it. */
START_TEST(test_copy_onto_process)
{
    Process *src = newp(4096);
    uint8_t data[500];
    memset(data, 0x5C, sizeof data);
    Term rb = bin(src, data, sizeof data);
    Term t = TUP(src, rb, cons(src, sub(src, rb, 10, 300), cons(src, flt(src, 2.0), NIL)),
                 big(src, true, 4, 77));
    Process *dst = newp(0);
    Term xr[4] = {NIL, NIL, NIL, NIL};
    dst->x = xr;
    size_t n = copy_size(t);
    ck_assert(proc_reserve(dst, n, 0));
    Term *hp = proc_alloc(dst, n);
    Term *end = hp + n;
    xr[0] = copy_term(t, &hp, &dst->off_heap);
    ck_assert_ptr_eq(hp, end);
    ck_assert_uint_eq(blob_refs(rb), 3);
    proc_free(src); /* the copy must not need the source any more */
    ck_assert_uint_eq(blob_refs(tuple_elem(xr[0], 1)), 2);
    ck_assert(gc_collect(dst, 100000, 1)); /* moves everything */
    ck_assert(gc_collect_full(dst, 0, 1));
    ck_assert(is_tuple(xr[0]));
    Term b = tuple_elem(xr[0], 1);
    ck_assert_uint_eq(blob_refs(b), 2);
    ck_assert_int_eq(memcmp(bin_bytes(b), data, 500), 0);
    Term s = list_head(tuple_elem(xr[0], 2));
    ck_assert(is_binary(s));
    ck_assert_int_eq(memcmp(bin_bytes(s), data + 10, 300), 0);
    /* Dropping the slice and collecting releases its share. */
    xr[0] = b;
    ck_assert(gc_collect_full(dst, 0, 1));
    ck_assert_uint_eq(blob_refs(xr[0]), 1);
    dst->x = NULL;
    proc_free(dst);
}
END_TEST

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Time per copy_size + copy_term of small messages (printed, not
 * asserted), and the copies are right. */
START_TEST(test_speed)
{
    enum { ITERS = 5000000 };
    Process *p = newp(4096);
    Term msgs[3];
    msgs[0] = TUP(p, make_pid(99), make_small(123456));
    Term l = NIL;
    for (int i = 9; i >= 0; i--)
        l = cons(p, make_small(i), l);
    msgs[1] = l;
    msgs[2] = TUP(p, ATOM_ok, make_pid(1), TUP(p, make_small(1), flt(p, 2.0)), msgs[1]);
    const char *names[] = {"{Pid, N}", "10-element list", "{ok, Pid, {1, 2.0}, List10}"};
    Term buf[64];
    for (unsigned m = 0; m < 3; m++) {
        uintptr_t sink = 0;
        double a = now_ns();
        for (int i = 0; i < ITERS; i++) {
            Term *hp = buf;
            OffHeap oh = {NIL};
            size_t n = copy_size(msgs[m]);
            Term c = copy_term(msgs[m], &hp, &oh);
            sink += n + (uintptr_t)c;
            __asm__ volatile("" : : "r"(sink) : "memory");
        }
        double b = now_ns();
        for (int i = 0; i < ITERS; i++) {
            Term *hp = buf;
            OffHeap oh = {NIL};
            Term c = copy_term(msgs[m], &hp, &oh);
            sink += (uintptr_t)c;
            __asm__ volatile("" : : "r"(sink) : "memory");
        }
        double e = now_ns();
        printf("copy %-28s size+copy %5.1f ns, copy_term alone %5.1f ns\n", names[m],
               (b - a) / ITERS, (e - b) / ITERS);
        Copy c = copy_checked(msgs[m]);
        done(&c);
    }
    proc_free(p);
}
END_TEST

static Suite *copy_suite(void)
{
    Suite *s = suite_create("copy");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_immediates);
    tcase_add_test(tc, test_small_terms);
    tcase_add_test(tc, test_numbers_refs_funs);
    tcase_add_test(tc, test_refc_shared);
    tcase_add_test(tc, test_sub_binaries);
    tcase_add_test(tc, test_literal_source);
    tcase_add_test(tc, test_mixed);
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_long_list);
    tcase_add_test(tc, test_copy_onto_process);
    tcase_add_test(tc, test_speed);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    atom_init();
    SRunner *sr = srunner_create(copy_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
