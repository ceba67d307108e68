/* test_print.c - unit tests of print.c: ~w, ~p, ~W, ~P, ~tp and ~tP output
 * and float text compared byte for byte with Erlang/OTP 25.
 *
 * The cases are in tests/unit/data/print.txt and print_floats.txt, which
 * tests/unit/gen/ regenerates from erl (see tests/unit/data/README.md):
 * each names a term as Erlang term text, which term_text.h builds on a
 * process heap ({'$pid', N} stands for the pid <0.N.0> and {'$ref', N} for
 * a reference #Ref<0.0.0.N>, on both sides), a directive and the exact
 * text io_lib gave for it, as UTF-8 (print.c's convention). The checks
 * below the tables are written by hand. */
#include <check.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "binary.h"
#include "bignum.h"
#include "export.h"
#include "module.h"
#include "print.h"
#include "process.h"
#include "strbuf.h"
#include "term.h"

#include "term_text.h"
}

#include "data_file.h"
#include "unit_suite.h"

/* ---- the tables from erl ---- */

/* A directive of print.txt as print.c's arguments: mode w (~w), W (~W),
 * p (~p), t (~tp), P (~P) or T (~tP); arg the column of ~p and ~tp, the
 * depth of the others, -1 for ~w. */
static void directive_of(DataFile *d, char *mode, int *arg)
{
    static const struct { const char *name; char mode; } modes[] = {
        {"~w", 'w'}, {"~W", 'W'}, {"~p", 'p'}, {"~tp", 't'}, {"~P", 'P'}, {"~tP", 'T'},
    };
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        if (strcmp(d->field[0], modes[i].name) == 0) {
            *mode = modes[i].mode;
            bool none = *mode == 'w';
            data_check(d, none == (strcmp(d->field[1], "-") == 0), "~w takes the arg -, the others a number");
            *arg = none ? -1 : (int)data_long(d, 1);
            return;
        }
    }
    data_fail(d, "unknown directive %s", d->field[0]);
}

/* Whether the term text of a record reads (term_of would stop the test
 * without naming the line). */
static bool parses(const char *text)
{
    term_of("ok");
    Parser ps = {text, test_proc, false};
    parse(&ps);
    skip_ws(&ps);
    return !ps.error && !*ps.s;
}

static void run_case(const char *text, char mode, int arg, StrBuf *out)
{
    Term t = term_of(text);
    sb_truncate(out, 0);
    switch (mode) {
    case 'w': print_w(out, t, -1); break;
    case 'W': print_w(out, t, arg); break;
    case 'p': print_p(out, t, arg, 80, -1, false); break;
    case 't': print_p(out, t, arg, 80, -1, true); break;
    case 'P': print_p(out, t, 1, 80, arg, false); break;
    case 'T': print_p(out, t, 1, 80, arg, true); break;
    default: ck_abort_msg("bad mode");
    }
}

/* Shows where two texts part. */
static void report_diff(const DataFile *d, const char *text, const char *want, const char *got)
{
    size_t i = 0;
    while (want[i] && want[i] == got[i])
        i++;
    fprintf(stderr, "%s:%d: %s %s of %s differs at byte %zu\n--- want:\n%s\n--- got:\n%s\n---\n", d->path,
            d->line, d->field[0], d->field[1], text, i, want, got);
}

/* print.txt: "term<TAB>text" records, each followed by its cases,
 * "directive<TAB>arg<TAB>output". */
START_TEST(test_corpus)
{
    DataFile d;
    data_open(&d, "print.txt");
    StrBuf out = {0}, text = {0};
    int failures = 0, cases = 0;
    while (data_next(&d)) {
        if (strcmp(d.field[0], "term") == 0) {
            data_fields(&d, 2, 2);
            data_check(&d, parses(d.field[1]), "cannot parse the term %s", d.field[1]);
            sb_truncate(&text, 0);
            sb_adds(&text, d.field[1]);
            continue;
        }
        data_fields(&d, 3, 3);
        data_check(&d, text.data && *text.data, "a case before the first term");
        char mode;
        int arg;
        directive_of(&d, &mode, &arg);
        run_case(text.data, mode, arg, &out);
        cases++;
        if (strcmp(out.data, d.field[2]) != 0) {
            if (failures < 10)
                report_diff(&d, text.data, d.field[2], out.data);
            failures++;
        }
    }
    if (failures)
        fprintf(stderr, "%d of %d print cases differ from erl\n", failures, cases);
    ck_assert_int_eq(failures, 0);
    ck_assert_int_gt(cases, 0);
    data_close(&d);
    sb_free(&out);
    sb_free(&text);
}
END_TEST

/* print_floats.txt: "bits<TAB>text", the bits of a double in 16 hex digits. */
START_TEST(test_floats)
{
    DataFile d;
    data_open(&d, "print_floats.txt");
    StrBuf out = {0};
    int failures = 0;
    while (data_next(&d)) {
        data_fields(&d, 2, 2);
        char *stop;
        uint64_t bits = strtoull(d.field[0], &stop, 16);
        data_check(&d, strlen(d.field[0]) == 16 && !*stop, "not 16 hex digits: %s", d.field[0]);
        double x;
        memcpy(&x, &bits, sizeof x);
        sb_truncate(&out, 0);
        print_float(&out, x);
        if (strcmp(out.data, d.field[1]) != 0) {
            if (failures < 10)
                fprintf(stderr, "%s:%d: float %s: want %s got %s\n", d.path, d.line, d.field[0], d.field[1],
                        out.data);
            failures++;
        }
    }
    ck_assert_int_eq(failures, 0);
    ck_assert_int_gt(d.records, 0);
    data_close(&d);
    sb_free(&out);
}
END_TEST

/* ---- written by hand ---- */

/* Each printed float reads back as the same double. */
START_TEST(test_float_roundtrip)
{
    StrBuf out = {0};
    uint64_t x = 0x9E3779B97F4A7C15u;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        double d;
        memcpy(&d, &x, sizeof d);
        if (!isfinite(d))
            continue;
        sb_truncate(&out, 0);
        print_float(&out, d);
        ck_assert_msg(strtod(out.data, NULL) == d, "%s does not read back", out.data);
        ck_assert_ptr_nonnull(strchr(out.data, '.'));
    }
    sb_free(&out);
}
END_TEST

static const char *atom_text_of(const char *name)
{
    static StrBuf out;
    if (!test_proc)
        term_of("ok");
    sb_truncate(&out, 0);
    print_atom(&out, atom_intern(name, strlen(name)));
    return out.data ? out.data : "";
}

START_TEST(test_atoms)
{
    ck_assert_str_eq(atom_text_of("ok"), "ok");
    ck_assert_str_eq(atom_text_of("hello_World@1"), "hello_World@1");
    ck_assert_str_eq(atom_text_of("Hello"), "'Hello'");
    ck_assert_str_eq(atom_text_of("_x"), "'_x'");
    ck_assert_str_eq(atom_text_of(""), "''");
    ck_assert_str_eq(atom_text_of("a b"), "'a b'");
    ck_assert_str_eq(atom_text_of("it's"), "'it\\'s'");
    ck_assert_str_eq(atom_text_of("back\\slash"), "'back\\\\slash'");
    ck_assert_str_eq(atom_text_of("tab\there"), "'tab\\there'");
    ck_assert_str_eq(atom_text_of("nl\n"), "'nl\\n'");
    ck_assert_str_eq(atom_text_of("\x01"), "'\\001'");
    ck_assert_str_eq(atom_text_of("del\x7f"), "'del\\d'");
    ck_assert_str_eq(atom_text_of("esc\x1b"), "'esc\\e'");
    /* reserved words need quotes; maybe and else do not in OTP 25 */
    ck_assert_str_eq(atom_text_of("receive"), "'receive'");
    ck_assert_str_eq(atom_text_of("andalso"), "'andalso'");
    ck_assert_str_eq(atom_text_of("xor"), "'xor'");
    ck_assert_str_eq(atom_text_of("maybe"), "maybe");
    ck_assert_str_eq(atom_text_of("else"), "else");
    ck_assert_str_eq(atom_text_of("query"), "query");
    /* latin1 letters (UTF-8 atom texts): lower-case start needs no quotes */
    ck_assert_str_eq(atom_text_of("\xc3\xa9t\xc3\xa9"), "\xc3\xa9t\xc3\xa9");       /* été */
    ck_assert_str_eq(atom_text_of("\xc3\x89t\xc3\xa9"), "'\xc3\x89t\xc3\xa9'");     /* Été */
    ck_assert_str_eq(atom_text_of("\xc3\xb7"), "'\xc3\xb7'");                       /* ÷ */
    ck_assert_str_eq(atom_text_of("a\xc3\x97"), "'a\xc3\x97'");                     /* a× */
    /* above latin1: \x{...} under ~w */
    ck_assert_str_eq(atom_text_of("\xce\xb1"), "'\\x{3B1}'");
    /* chars 128..159 in octal */
    ck_assert_str_eq(atom_text_of("a\xc2\x80"), "'a\\200'");
}
END_TEST

static bool printable(const char *text, bool unicode)
{
    return print_is_printable_list(term_of(text), unicode);
}

START_TEST(test_printable)
{
    ck_assert(printable("\"abc\"", false));
    ck_assert(printable("[]", false));
    ck_assert(printable("\"a\\nb\\tc\\e\\v\\f\\b\\r\"", false));
    ck_assert(printable("[233,255,160]", false));
    ck_assert(!printable("[159]", false));
    ck_assert(!printable("[127]", false));
    ck_assert(!printable("[0]", false));
    ck_assert(!printable("[256]", false));
    ck_assert(printable("[945,8364]", true));
    ck_assert(!printable("[945,8364]", false));
    ck_assert(!printable("[55296]", true)); /* surrogate */
    ck_assert(!printable("[65534]", true));
    ck_assert(printable("[65536]", true));
    ck_assert(!printable("[1114112]", true));
    ck_assert(!printable("[97|98]", false));
    ck_assert(!printable("[97,a]", false));
    ck_assert(!printable("abc", false));
    ck_assert(!printable("[97,1.0]", false));
}
END_TEST

static const char *w_of(Term t)
{
    static StrBuf out;
    sb_truncate(&out, 0);
    print_w(&out, t, -1);
    return out.data ? out.data : "";
}

static const char *p_of(Term t)
{
    static StrBuf out;
    sb_truncate(&out, 0);
    print_p(&out, t, 1, 80, -1, false);
    return out.data ? out.data : "";
}

/* Funs read their FunEntry / Export: closures print as
 * #Fun<module.index.uniq>, exports as fun m:f/a. */
START_TEST(test_funs)
{
    term_of("ok");
    Module mod;
    memset(&mod, 0, sizeof mod);
    mod.name = atom_intern("my_mod", 6);
    FunEntry fe;
    memset(&fe, 0, sizeof fe);
    fe.module = &mod;
    fe.index = 3;
    fe.uniq = 12345678;
    fe.nfree = 1;
    Term *hp = proc_alloc(test_proc, 3);
    hp[0] = make_header(2, SUB_FUN);
    hp[1] = (Term)(uintptr_t)&fe;
    hp[2] = make_small(7);
    Term closure = make_boxed(hp);
    ck_assert_str_eq(w_of(closure), "#Fun<my_mod.3.12345678>");
    ck_assert_str_eq(p_of(closure), "#Fun<my_mod.3.12345678>");

    Export ex;
    memset(&ex, 0, sizeof ex);
    ex.module = atom_intern("lists", 5);
    ex.name = atom_intern("map", 3);
    ex.arity = 2;
    hp = proc_alloc(test_proc, 2);
    hp[0] = make_header(1, SUB_EXPORT);
    hp[1] = (Term)(uintptr_t)&ex;
    Term efun = make_boxed(hp);
    ck_assert_str_eq(w_of(efun), "fun lists:map/2");
    Term l = proc_cons(test_proc, efun, proc_cons(test_proc, closure, NIL));
    ck_assert_str_eq(w_of(l), "[fun lists:map/2,#Fun<my_mod.3.12345678>]");

    ex.module = atom_intern("A", 1);
    ex.name = atom_intern("b c", 3);
    ex.arity = 1;
    ck_assert_str_eq(w_of(efun), "fun 'A':'b c'/1");
}
END_TEST

/* FNV-1a, to check big outputs against erl's without storing them. */
static uint64_t fnv1a(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

/* [1, ..., n | tail] on the test heap. */
static Term seq_list(size_t n, Term tail)
{
    term_of("ok");
    Term l = tail;
    for (size_t i = n; i > 0; i--)
        l = proc_cons(test_proc, make_small((int64_t)i), l);
    return l;
}

static void check_big(Term t, bool pretty, size_t len, uint64_t hash)
{
    StrBuf out = {0};
    if (pretty)
        print_p(&out, t, 1, 80, -1, false);
    else
        print_w(&out, t, -1);
    ck_assert_uint_eq(out.len, len);
    ck_assert_uint_eq(fnv1a(out.data, out.len), hash);
    sb_free(&out);
}

/* A million-element list prints (iteratively) exactly as erl prints it. */
START_TEST(test_long_lists)
{
    Term seq = seq_list(1000000, NIL);
    check_big(seq, false, 6888897, 6489675501364940842u);
    check_big(seq, true, 7068835, 1681112762513162448u);
    Term imp = seq_list(1000000, atom_intern("x", 1));
    check_big(imp, false, 6888899, 3459942716641535174u);
    check_big(imp, true, 7068837, 16149046378868508212u);

    term_of("ok");
    Term str = NIL;
    for (int i = 0; i < 1000000; i++)
        str = proc_cons(test_proc, make_small('a'), str);
    check_big(str, true, 1000002, 14658595804743578981u);

    term_of("ok");
    Term tups = NIL;
    for (int64_t i = 200000; i > 0; i--) {
        Term el[2] = {make_small(i), make_small(i)};
        tups = proc_cons(test_proc, proc_tuple(test_proc, 2, el), tups);
    }
    check_big(tups, true, 3377789, 13074827767607512469u);
}
END_TEST

/* Bignums print through big_to_string. */
START_TEST(test_bignums)
{
    ck_assert_str_eq(w_of(term_of("1152921504606846976")), "1152921504606846976");
    ck_assert_str_eq(w_of(term_of("-1152921504606846977")), "-1152921504606846977");
    ck_assert_str_eq(w_of(term_of("[340282366920938463463374607431768211456]")),
                     "[340282366920938463463374607431768211456]");
}
END_TEST

/* Line length 0 means never break; other line lengths break earlier or later. */
START_TEST(test_line_length)
{
    Term t = term_of("[1000,2000,3000,4000,5000,6000,7000,8000,9000,10000,11000,12000,13000,14000]");
    StrBuf out = {0};
    print_p(&out, t, 1, 0, -1, false);
    ck_assert_str_eq(out.data, "[1000,2000,3000,4000,5000,6000,7000,8000,9000,10000,11000,12000,13000,14000]");
    sb_truncate(&out, 0);
    print_p(&out, t, 1, 40, -1, false);
    /* io_lib_pretty:print(T, 1, 40, -1) */
    ck_assert_str_eq(out.data, "[1000,2000,3000,4000,5000,6000,7000,\n 8000,9000,10000,11000,12000,13000,\n 14000]");
    sb_truncate(&out, 0);
    print_p(&out, t, 0, 80, 0, false);
    ck_assert_str_eq(out.data, "...");
    sb_free(&out);
}
END_TEST

static Suite *print_suite(void)
{
    Suite *s = suite_create("print");
    TCase *tc = unit_case(s, "print", NULL, NULL, 120);
    tcase_add_test(tc, test_corpus);
    tcase_add_test(tc, test_floats);
    tcase_add_test(tc, test_float_roundtrip);
    tcase_add_test(tc, test_atoms);
    tcase_add_test(tc, test_printable);
    tcase_add_test(tc, test_funs);
    tcase_add_test(tc, test_long_lists);
    tcase_add_test(tc, test_bignums);
    tcase_add_test(tc, test_line_length);
    return s;
}

int main(void)
{
    return unit_run(print_suite());
}
