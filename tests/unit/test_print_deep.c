/* test_print_deep.c - printing terms nested far deeper than C recursion
 * could follow: ~w, ~W, ~p, ~P and the deep form of io_lib:format (with
 * its nesting markers) of lists and tuples nested a million deep, the ~p
 * layout of a nest that breaks a line per level, the time it takes, and
 * out of memory in the middle of printing.
 *
 * The expected texts are erl's (OTP 25): a nest of n one-element lists
 * around x prints as n '[', x, n ']' under ~w and ~p alike; ~W and ~P at
 * depth D as D '[', "...", D ']'; [1,[2,[...[N,x]...]]] under ~p as N
 * lines "[k," indented k - 1 columns, then x indented N columns and N
 * ']' (checked with erl at N = 3000). The terms are built in malloc'd
 * memory: the printers only read them. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "atom.h"
#include "format.h"
#include "print.h"
#include "strbuf.h"
#include "term.h"

#define DEEP 1000000

/* Every block a test allocates, freed by the teardown. */
static void *blocks[16];
static size_t nblocks;

static Term *words(size_t n)
{
    ck_assert_uint_lt(nblocks, sizeof blocks / sizeof *blocks);
    Term *p = malloc(n * sizeof *p);
    ck_assert_ptr_nonnull(p);
    blocks[nblocks++] = p;
    return p;
}

static void free_blocks(void)
{
    while (nblocks > 0)
        free(blocks[--nblocks]);
}

static Term atom_x(void) { return atom_intern("x", 1); }

/* [[[...inner...]]], n lists. */
static Term list_nest(size_t n, Term inner)
{
    Term *c = words(2 * n + 2);
    Term t = inner;
    for (size_t i = 0; i < n; i++) {
        c[2 * i] = t;
        c[2 * i + 1] = NIL;
        t = make_list(&c[2 * i]);
    }
    return t;
}

/* {{{...inner...}}}, n tuples. */
static Term tuple_nest(size_t n, Term inner)
{
    Term *c = words(2 * n + 2);
    Term t = inner;
    for (size_t i = 0; i < n; i++) {
        c[2 * i] = make_header(1, SUB_TUPLE);
        c[2 * i + 1] = t;
        t = make_boxed(&c[2 * i]);
    }
    return t;
}

/* [1,[2,[...[n,x]...]]]. */
static Term pair_nest(size_t n)
{
    Term *c = words(4 * n + 4);
    Term t = atom_x();
    for (size_t i = n; i > 0; i--) {
        Term *cell = &c[4 * (i - 1)];
        cell[2] = t;
        cell[3] = NIL;
        cell[0] = make_small((int64_t)i);
        cell[1] = make_list(&cell[2]);
        t = make_list(cell);
    }
    return t;
}

/* Asserts that s[0..len) is `pre`, then n `open`, `mid`, n `close`. */
static void check_nest(const char *s, size_t len, const char *pre, size_t n, char open,
                       const char *mid, char close)
{
    size_t p = strlen(pre), m = strlen(mid);
    ck_assert_uint_eq(len, p + 2 * n + m);
    ck_assert(memcmp(s, pre, p) == 0);
    /* One assertion at the end: each of Check's is a write to a pipe. */
    size_t bad = 0;
    for (size_t i = 0; i < n; i++)
        bad += (s[p + i] != open) + (s[p + n + m + i] != close);
    ck_assert_uint_eq(bad, 0);
    ck_assert(memcmp(s + p + n, mid, m) == 0);
}

/* The text of a deep-form string without its markers; *depth gets the
 * deepest marker nesting. Asserts the markers balance. */
static char *unmark(const StrBuf *sb, size_t *len, size_t *depth)
{
    char *out = malloc(sb->len + 1);
    ck_assert_ptr_nonnull(out);
    size_t n = 0, d = 0, maxd = 0;
    bool under = false;
    for (size_t i = 0; i < sb->len; i++) {
        if (sb->data[i] == PRINT_OPEN) {
            if (++d > maxd)
                maxd = d;
        } else if (sb->data[i] == PRINT_CLOSE) {
            under |= d == 0;
            d--;
        } else {
            out[n++] = sb->data[i];
        }
    }
    ck_assert(!under);
    ck_assert_uint_eq(d, 0);
    out[n] = 0;
    *len = n;
    *depth = maxd;
    return out;
}

START_TEST(test_w_deep_list)
{
    StrBuf sb = {0};
    ck_assert(print_w(&sb, list_nest(DEEP, atom_x()), -1));
    check_nest(sb.data, sb.len, "", DEEP, '[', "x", ']');
    sb_free(&sb);
}
END_TEST

START_TEST(test_w_deep_tuple)
{
    StrBuf sb = {0};
    sb_adds(&sb, "kept:");
    ck_assert(print_w(&sb, tuple_nest(DEEP, NIL), -1));
    check_nest(sb.data, sb.len, "kept:", DEEP, '{', "[]", '}');
    sb_free(&sb);
}
END_TEST

START_TEST(test_w_depth_limit)
{
    StrBuf sb = {0};
    ck_assert(print_w(&sb, list_nest(DEEP, atom_x()), 100));
    check_nest(sb.data, sb.len, "", 100, '[', "...", ']');
    sb_truncate(&sb, 0);
    ck_assert(print_w(&sb, tuple_nest(DEEP, atom_x()), 3));
    ck_assert_str_eq(sb.data, "{{{...}}}");
    sb_free(&sb);
}
END_TEST

START_TEST(test_p_deep_list)
{
    StrBuf sb = {0};
    ck_assert(print_p(&sb, list_nest(DEEP, atom_x()), 1, 80, -1, false));
    check_nest(sb.data, sb.len, "", DEEP, '[', "x", ']');
    sb_truncate(&sb, 0);
    ck_assert(print_p(&sb, list_nest(DEEP, atom_x()), 60, 80, -1, true));
    check_nest(sb.data, sb.len, "", DEEP, '[', "x", ']');
    sb_free(&sb);
}
END_TEST

START_TEST(test_p_deep_tuple)
{
    StrBuf sb = {0};
    ck_assert(print_p(&sb, tuple_nest(DEEP, atom_x()), 1, 80, -1, false));
    check_nest(sb.data, sb.len, "", DEEP, '{', "x", '}');
    sb_truncate(&sb, 0);
    ck_assert(print_p2(&sb, tuple_nest(DEEP, atom_x()), 1, 80, -1, PRINT_NOSTRINGS));
    check_nest(sb.data, sb.len, "", DEEP, '{', "x", '}');
    sb_free(&sb);
}
END_TEST

START_TEST(test_p_depth_limit)
{
    StrBuf sb = {0};
    ck_assert(print_p(&sb, list_nest(DEEP, atom_x()), 1, 80, 20, false));
    check_nest(sb.data, sb.len, "", 20, '[', "...", ']');
    sb_free(&sb);
}
END_TEST

/* The deep forms: the same text, nested two markers per level (the
 * list's contents, then each element), as io_lib's results nest. */
START_TEST(test_deep_forms)
{
    StrBuf sb = {0};
    size_t len, depth;
    Term t = list_nest(DEEP, atom_x());
    ck_assert(print_w_deep(&sb, t, -1));
    char *s = unmark(&sb, &len, &depth);
    check_nest(s, len, "", DEEP, '[', "x", ']');
    ck_assert_uint_eq(depth, 2 * DEEP);
    free(s);
    sb_truncate(&sb, 0);
    ck_assert(print_p2(&sb, tuple_nest(DEEP, atom_x()), 1, 80, -1, PRINT_DEEP));
    s = unmark(&sb, &len, &depth);
    check_nest(s, len, "", DEEP, '{', "x", '}');
    ck_assert_uint_eq(depth, 2 * DEEP);
    free(s);
    sb_free(&sb);
}
END_TEST

/* io_lib:format("~w ~p", [L, T]) and io:format's flat text. */
START_TEST(test_format_deep)
{
    StrBuf sb = {0};
    Term *c = words(4);
    Term l = list_nest(DEEP, atom_x()), t = tuple_nest(DEEP, atom_x());
    c[0] = l, c[1] = make_list(&c[2]), c[2] = t, c[3] = NIL;
    Term args = make_list(c);
    ck_assert(format_term_deep(&sb, atom_intern("~w ~p", 5), args));
    size_t len, depth;
    char *s = unmark(&sb, &len, &depth);
    ck_assert_uint_eq(len, 4 * DEEP + 3);
    check_nest(s, 2 * DEEP + 1, "", DEEP, '[', "x", ']');
    check_nest(s + 2 * DEEP + 1, len - 2 * DEEP - 1, " ", DEEP, '{', "x", '}');
    ck_assert_uint_eq(depth, 2 * DEEP + 1);
    free(s);
    sb_truncate(&sb, 0);
    ck_assert(format_cstr(&sb, "~w ~p", args));
    check_nest(sb.data, 2 * DEEP + 1, "", DEEP, '[', "x", ']');
    check_nest(sb.data + 2 * DEEP + 1, sb.len - 2 * DEEP - 1, " ", DEEP, '{', "x", '}');
    sb_free(&sb);
}
END_TEST

/* A nest that breaks a line at every level: 3000 lines indented up to
 * 3000 columns, exactly as erl lays it out. */
START_TEST(test_p_staircase)
{
    enum { N = 3000 };
    StrBuf sb = {0}, want = {0};
    for (int i = 0; i < N; i++) {
        for (int k = 0; k < i; k++)
            sb_addc(&want, ' ');
        sb_printf(&want, "[%d,\n", i + 1);
    }
    for (int k = 0; k < N; k++)
        sb_addc(&want, ' ');
    sb_addc(&want, 'x');
    for (int k = 0; k < N; k++)
        sb_addc(&want, ']');
    ck_assert(print_p(&sb, pair_nest(N), 1, 80, -1, false));
    ck_assert_uint_eq(sb.len, want.len);
    ck_assert(memcmp(sb.data, want.data, want.len) == 0);
    sb_free(&sb);
    sb_free(&want);
}
END_TEST

static double cpu_seconds(void) { return (double)clock() / CLOCKS_PER_SEC; }

/* A million levels of each print whole; the CPU time is reported, not
 * asserted (timings are for benchmarks: a loaded machine or a sanitizer
 * build is many times slower), and is a fraction of a second at -O2. */
START_TEST(test_time)
{
    StrBuf sb = {0};
    Term l = list_nest(DEEP, atom_x()), t = tuple_nest(DEEP, atom_x());
    double t0 = cpu_seconds();
    ck_assert(print_w(&sb, l, -1));
    ck_assert(print_w(&sb, t, -1));
    double t1 = cpu_seconds();
    ck_assert(print_p(&sb, l, 1, 80, -1, false));
    ck_assert(print_p(&sb, t, 1, 80, -1, false));
    double t2 = cpu_seconds();
    printf("1,000,000 deep, list and tuple: ~w %.3f s, ~p %.3f s (CPU)\n", t1 - t0, t2 - t1);
    ck_assert_uint_eq(sb.len, 4 * (2 * DEEP + 1));
    sb_free(&sb);
}
END_TEST

/* The sanitizers' allocators end the program when memory runs out
 * instead of returning NULL, so the out-of-memory test is left out there. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define UNDER_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define UNDER_SANITIZER 1
#endif
#endif

#ifndef UNDER_SANITIZER
/* The address space in use now, in bytes (from /proc/self/statm). */
static size_t address_space(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    unsigned long pages = 0;
    if (f) {
        if (fscanf(f, "%lu", &pages) != 1)
            pages = 0;
        fclose(f);
    }
    return pages * (size_t)sysconf(_SC_PAGESIZE);
}
#endif

/* Out of memory while printing: the printers fail cleanly and leave the
 * buffer as it was. The address space is capped 40 MB above what is in
 * use, less than the stacks of a 3,000,000-deep walk need (the text's
 * own buffer is grown first to more than the walks write before their
 * stacks run out, since StrBuf aborts on out of memory). Check forks each test, so the cap dies with it. ASan
 * reserves terabytes of shadow memory, so there the test is skipped. */
START_TEST(test_out_of_memory)
{
#ifdef UNDER_SANITIZER
    return;
#else
    enum { N = 3 * DEEP };
    Term l = list_nest(N, atom_x()), t = tuple_nest(N, atom_x());
    StrBuf sb = {0};
    char *room = calloc(4 * N, 1);
    ck_assert_ptr_nonnull(room);
    sb_add(&sb, room, 4 * N);
    free(room);
    sb_truncate(&sb, 0);
    sb_adds(&sb, "before");
    struct rlimit rl = {address_space() + (40u << 20), RLIM_INFINITY};
    ck_assert_int_eq(setrlimit(RLIMIT_AS, &rl), 0);
    ck_assert(!print_w(&sb, l, -1));
    ck_assert(!print_w_deep(&sb, t, -1));
    ck_assert(!print_p(&sb, l, 1, 80, -1, false));
    ck_assert(!print_p2(&sb, t, 1, 80, -1, PRINT_DEEP));
    ck_assert_str_eq(sb.data, "before");
    /* Small terms still print. */
    ck_assert(print_w(&sb, list_nest(1000, atom_x()), -1));
    ck_assert_uint_eq(sb.len, 6 + 2001);
#endif
}
END_TEST

static Suite *print_deep_suite(void)
{
    Suite *s = suite_create("print_deep");
    TCase *tc = tcase_create("deep");
    tcase_set_timeout(tc, 120);
    tcase_add_checked_fixture(tc, NULL, free_blocks);
    tcase_add_test(tc, test_w_deep_list);
    tcase_add_test(tc, test_w_deep_tuple);
    tcase_add_test(tc, test_w_depth_limit);
    tcase_add_test(tc, test_p_deep_list);
    tcase_add_test(tc, test_p_deep_tuple);
    tcase_add_test(tc, test_p_depth_limit);
    tcase_add_test(tc, test_deep_forms);
    tcase_add_test(tc, test_format_deep);
    tcase_add_test(tc, test_p_staircase);
    tcase_add_test(tc, test_time);
    tcase_add_test(tc, test_out_of_memory);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    atom_init();
    SRunner *sr = srunner_create(print_deep_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
