/* test_math.c - unit tests of the math module (vm/bif_math.c) and of the
 * erlang BIFs of vm/bif_sys.c (node, floor/ceil, time, atom/binary and
 * number/text conversions).
 *
 * The bulk is a table computed by Erlang/OTP 25, tests/unit/data/math.txt
 * (tests/unit/gen/math_cases.erl regenerates it; see tests/unit/data/
 * README.md): a BIF, its arguments as Erlang term text, and what erl
 * returned, printed with ~w, or the error it raised. Each case looks
 * its BIF up in the export table (so the table in bifs.def is checked too),
 * runs it on a test process and compares; a second suite runs the table
 * again with a collection at every heap reservation, which moves every
 * term, so a term kept in a C local across proc_reserve shows up at once.
 * Time and node BIFs, whose results are not constant, have their own
 * tests of their properties. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "atom.h"
#include "bif.h"
#include "bignum.h"
#include "binary.h"
#include "export.h"
#include "gc.h"
#include "print.h"
#include "process.h"
#include "strbuf.h"
#include "term.h"

#include "term_text.h"
} /* term_text.h leaves term_of open for its includer to close */

#include "data_file.h"
#include "unit_suite.h"

static Process *P;

static void setup(void)
{
    term_of("ok"); /* sets up the atom table and the argument heap first */
    export_init();
    bif_init();
    P = proc_new(1 << 16);
    ck_assert_ptr_nonnull(P);
    P->x = calloc(1100, sizeof(Term));
    gc_stress = false;
}

static void teardown(void)
{
    gc_stress = false;
    free(P->x);
    P->x = NULL;
    proc_free(P);
}

static void setup_stress(void)
{
    setup();
    gc_stress = true;
}

static Term atom_of(const char *s) { return atom_intern(s, strlen(s)); }

/* The BIF mod:fun/arity from the export table. */
static BifFn lookup(const char *mod, const char *fun, unsigned arity)
{
    Export *e = export_find(atom_of(mod), atom_of(fun), arity);
    ck_assert_msg(e && e->bif, "no BIF %s:%s/%u", mod, fun, arity);
    return e->bif;
}

static unsigned list_length(Term l)
{
    unsigned n = 0;
    for (; is_list(l); l = list_tail(l))
        n++;
    return n;
}

/* Runs fn on the elements of list on P with `extra` live registers below
 * the arguments (x[0..extra) hold a sentinel list that must survive);
 * returns the result as ~w prints it, or "error:Reason". The arguments are
 * built on another process's heap (term_text.h), which P's collections
 * leave alone, as they leave literals. */
static char *run_list(BifFn fn, Term list, unsigned extra)
{
    unsigned n = 0;
    ck_assert(proc_reserve(P, 2 * extra, 0));
    for (unsigned i = 0; i < extra; i++)
        P->x[i] = proc_cons(P, make_small(i), NIL);
    for (Term l = list; is_list(l); l = list_tail(l))
        P->x[extra + n++] = list_head(l);
    P->exc_class = NIL;
    Term r = fn(P, P->x + extra, extra + n);
    for (unsigned i = 0; i < extra; i++) {
        Term s = P->x[i];
        ck_assert(is_list(s) && list_head(s) == make_small(i) && list_tail(s) == NIL);
    }
    StrBuf sb = {0};
    if (r == THE_NON_VALUE) {
        ck_assert(P->exc_class == ATOM_error);
        sb_adds(&sb, "error:");
        print_w(&sb, P->exc_reason, -1);
    } else {
        ck_assert(P->exc_class == NIL);
        print_w(&sb, r, -1);
    }
    return sb.data;
}

/* mod:fun(args...), args given as the text of a list. */
static char *run(const char *mod, const char *fun, const char *args, unsigned extra)
{
    Term list = term_of(args);
    return run_list(lookup(mod, fun, list_length(list)), list, extra);
}

/* The argument list of the current record, built as term_of builds it, but
 * failing with the record's file and line when the text does not read. */
static Term args_of(DataFile *d)
{
    term_of("[]"); /* a fresh heap */
    Parser ps = {d->field[1], test_proc, false};
    Term t = parse(&ps);
    skip_ws(&ps);
    data_check(d, !ps.error && !*ps.s && (is_list(t) || is_nil(t)), "cannot read the argument list %s",
               d->field[1]);
    return t;
}

/* math.txt: "module:function<TAB>arguments<TAB>result", each looked up in
 * the export table and run with `extra` live registers. */
static void run_table(unsigned extra)
{
    DataFile d;
    data_open(&d, "math.txt");
    int failures = 0;
    while (data_next(&d)) {
        data_fields(&d, 3, 3);
        char *fun = strchr(d.field[0], ':');
        data_check(&d, fun != NULL, "not module:function: %s", d.field[0]);
        *fun++ = 0;
        Term args = args_of(&d);
        Export *e = export_find(atom_of(d.field[0]), atom_of(fun), list_length(args));
        data_check(&d, e && e->bif, "no BIF %s:%s/%u", d.field[0], fun, list_length(args));
        char *got = run_list(e->bif, args, extra);
        if (strcmp(got, d.field[2]) != 0) {
            fprintf(stderr, "%s:%d: %s:%s(%s): expected %s, got %s\n", d.path, d.line, d.field[0], fun,
                    d.field[1], d.field[2], got);
            failures++;
        }
        free(got);
    }
    ck_assert_msg(failures == 0, "%d of %ld math cases differ from erl", failures, d.records);
    data_close(&d);
}

START_TEST(test_table)
{
    run_table(0);
}
END_TEST

/* The same with live registers below the arguments, collecting at every
 * reservation: they must survive, and the results must not change. */
START_TEST(test_table_gc)
{
    run_table(3);
}
END_TEST

/* The same function through its export entry: every math function is a
 * BIF that builds its float, so it is flagged BIF_GC and not a guard BIF. */
START_TEST(test_registration)
{
    static const char *const fns[] = { "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh",
                                       "cosh", "tanh", "exp", "log", "log2", "log10", "floor", "ceil" };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        Export *e = export_find(ATOM_math, atom_of(fns[i]), 1);
        ck_assert_msg(e && e->bif, "math:%s/1", fns[i]);
        ck_assert_uint_eq(e->bif_flags, BIF_GC);
    }
    ck_assert_ptr_eq(export_find(ATOM_math, atom_of("pow"), 2)->bif, bif_math_pow_2);
    ck_assert_ptr_eq(export_find(ATOM_math, atom_of("pi"), 0)->bif, bif_math_pi_0);
    ck_assert_uint_eq(export_find(ATOM_erlang, atom_of("node"), 0)->bif_flags, BIF_GUARD);
    ck_assert_uint_eq(export_find(ATOM_erlang, atom_of("floor"), 1)->bif_flags, BIF_GC | BIF_GUARD);
}
END_TEST

/* An integer term's value; it must fit an int64. */
static int64_t int_value(Term t)
{
    if (is_small(t))
        return small_val(t);
    ck_assert(is_big(t) && big_size(t) == 1 && !big_is_neg(t));
    return (int64_t)big_limbs(t)[0];
}

static int64_t call_time(const char *fun, const char *unit)
{
    char args[64];
    Term r;
    if (unit) {
        snprintf(args, sizeof args, "[%s]", unit);
        P->x[0] = list_head(term_of(args));
        r = lookup("erlang", fun, 1)(P, P->x, 1);
    } else {
        r = lookup("erlang", fun, 0)(P, P->x, 0);
    }
    ck_assert(r != THE_NON_VALUE);
    return int_value(r);
}

/* Native time is the nanosecond; every unit agrees with it, rounding down. */
START_TEST(test_time_units)
{
    int64_t ns = call_time("system_time", NULL);
    int64_t s = call_time("system_time", "second");
    int64_t ms = call_time("system_time", "millisecond");
    int64_t us = call_time("system_time", "microsecond");
    int64_t ns2 = call_time("system_time", "nanosecond");
    int64_t ns3 = call_time("system_time", "native");
    int64_t k = call_time("system_time", "1000");
    time_t now = time(NULL);
    ck_assert(s >= now - 2 && s <= now + 2);
    ck_assert(ns / 1000000000 <= s && s <= ns / 1000000000 + 1);
    ck_assert(s * 1000 <= ms && ms < (s + 2) * 1000);
    ck_assert(ms * 1000 <= us && us < (ms + 1000) * 1000);
    ck_assert(ns <= ns2 && ns2 <= ns3 && ns3 - ns < 1000000000);
    ck_assert(ms <= k && k < ms + 1000);
    ck_assert_int_eq(call_time("system_time", "seconds"), s);
}
END_TEST

START_TEST(test_monotonic)
{
    int64_t a = call_time("monotonic_time", NULL);
    struct timespec ts = { 0, 2000000 };
    nanosleep(&ts, NULL);
    int64_t b = call_time("monotonic_time", NULL);
    ck_assert(b - a >= 2000000 && b - a < 1000000000);
    int64_t ms = call_time("monotonic_time", "millisecond");
    ck_assert(ms >= b / 1000000 && ms < b / 1000000 + 1000);
    int64_t pc = call_time("monotonic_time", "perf_counter");
    ck_assert(pc >= b);
}
END_TEST

/* Bad units raise badarg; a unit of 2^70 parts per second gives a bignum. */
START_TEST(test_time_errors)
{
    static const char *const bad[] = { "[foo]", "[0]", "[-1]", "[1.0]", "[\"second\"]" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *got = run("erlang", "monotonic_time", bad[i], 0);
        ck_assert_str_eq(got, "error:badarg");
        free(got);
        got = run("erlang", "system_time", bad[i], 0);
        ck_assert_str_eq(got, "error:badarg");
        free(got);
    }
    P->x[0] = list_head(term_of("[1180591620717411303424]"));
    Term r = lookup("erlang", "system_time", 1)(P, P->x, 1);
    ck_assert(is_big(r) && big_size(r) == 2);
}
END_TEST

/* {MegaSecs, Secs, MicroSecs}, agreeing with system_time. */
START_TEST(test_timestamp)
{
    int64_t s = call_time("system_time", "second");
    Term t = lookup("erlang", "timestamp", 0)(P, P->x, 0);
    ck_assert(is_tuple(t) && tuple_arity(t) == 3);
    int64_t mega = small_val(tuple_elem(t, 1)), sec = small_val(tuple_elem(t, 2));
    int64_t micro = small_val(tuple_elem(t, 3));
    ck_assert(sec >= 0 && sec < 1000000 && micro >= 0 && micro < 1000000);
    ck_assert(mega * 1000000 + sec >= s && mega * 1000000 + sec <= s + 1);
}
END_TEST

START_TEST(test_node)
{
    ck_assert(lookup("erlang", "node", 0)(P, P->x, 0) == ATOM_nonode_nohost);
    P->x[0] = make_pid(7);
    ck_assert(lookup("erlang", "node", 1)(P, P->x, 1) == ATOM_nonode_nohost);
    ck_assert(proc_reserve(P, 3, 0));
    Term *hp = proc_alloc(P, 3);
    hp[0] = make_header(2, SUB_REF);
    hp[1] = 42;
    hp[2] = 0;
    P->x[0] = make_boxed(hp);
    ck_assert(lookup("erlang", "node", 1)(P, P->x, 1) == ATOM_nonode_nohost);
    char *got = run("erlang", "node", "[a]", 0);
    ck_assert_str_eq(got, "error:badarg");
    free(got);
}
END_TEST

/* A binary of more than 64 bytes is reference counted off the heap: the
 * conversions must handle both kinds. */
START_TEST(test_long_binaries)
{
    char *got = run("erlang", "integer_to_binary", "[123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890]", 0);
    ck_assert_uint_gt(strlen(got), 64);
    free(got);
    got = run("erlang", "binary_to_integer",
              "[<<\"-123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890\">>]", 0);
    ck_assert_str_eq(got, "-123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890");
    free(got);
}
END_TEST

static Suite *math_suite(void)
{
    Suite *s = suite_create("math");
    TCase *tc = unit_case(s, "table", setup, teardown, 60);
    tcase_add_test(tc, test_table);
    tcase_add_test(tc, test_registration);
    tc = unit_case(s, "table_gc", setup_stress, teardown, 60);
    tcase_add_test(tc, test_table_gc);
    tcase_add_test(tc, test_long_binaries);
    tc = unit_case(s, "sys", setup, teardown, 0);
    tcase_add_test(tc, test_time_units);
    tcase_add_test(tc, test_monotonic);
    tcase_add_test(tc, test_time_errors);
    tcase_add_test(tc, test_timestamp);
    tcase_add_test(tc, test_node);
    tcase_add_test(tc, test_long_binaries);
    return s;
}

int main(void)
{
    return unit_run(math_suite());
}
