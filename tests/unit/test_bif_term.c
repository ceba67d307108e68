/* test_bif_term.c - unit tests of the BIFs in vm/bif_term.c: tuples, lists,
 * atoms, type tests and binaries. Expected results and errors are those of
 * Erlang/OTP 25 (checked with erl). Arguments are written as Erlang terms,
 * parsed onto the process heap into x registers, and results are printed
 * as ~w would print them; a second suite repeats the building BIFs with a
 * collection at every proc_reserve, which catches terms read across one. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atom.h"
#include "bif.h"
#include "binary.h"
#include "export.h"
#include "gc.h"
#include "module.h"
#include "process.h"
#include "strbuf.h"
#include "term.h"

#include "bif_harness.h"

/* ---- calling BIFs ----------------------------------------------------- */

/* Parses the arguments into x0.. and calls the BIF with them. */
static Term call(BifFn f, unsigned n, const char *const *texts)
{
    for (unsigned i = 0; i < n; i++)
        put_x(i, texts[i]);
    p->exc_class = p->exc_reason = NIL;
    Term r = f(p, p->x, n);
    if (r != THE_NON_VALUE)
        ck_assert(p->exc_class == NIL);
    return r;
}

#define ARGS(...) (const char *const[]){ __VA_ARGS__ }
#define NARGS(...) (unsigned)(sizeof(ARGS(__VA_ARGS__)) / sizeof(const char *))
#define CALL(f, ...) call(f, NARGS(__VA_ARGS__), ARGS(__VA_ARGS__))
#define OK(expect, f, ...) ck_assert_str_eq(show(CALL(f, __VA_ARGS__)), expect)
#define FAILS(reason, f, ...)                                                                     \
    do {                                                                                          \
        Term r_ = CALL(f, __VA_ARGS__);                                                           \
        ck_assert_msg(r_ == THE_NON_VALUE, "expected an error, got %s", show(r_));                \
        ck_assert(p->exc_class == ATOM_error);                                                    \
        ck_assert_str_eq(show(p->exc_reason), reason);                                            \
    } while (0)
#define BADARG(f, ...) FAILS("badarg", f, __VA_ARGS__)

/* A list of the integers from, from+1, ... (n of them) into x[reg]. */
static void seq_x(unsigned reg, int64_t from, size_t n, int64_t step)
{
    ck_assert(proc_reserve(p, 2 * n, reg));
    Term l = NIL;
    for (size_t i = n; i-- > 0;)
        l = proc_cons(p, make_small(from + (int64_t)i * step), l);
    p->x[reg] = l;
}

/* A binary of n copies of byte b into x[reg]. */
static void bin_x(unsigned reg, uint8_t b, size_t n)
{
    uint8_t *bytes = malloc(n ? n : 1);
    memset(bytes, b, n);
    ck_assert(proc_reserve(p, bin_words(n), reg));
    p->x[reg] = bin_new(p, bytes, n);
    free(bytes);
}

/* A binary of n copies of byte b followed by one byte `last`, into x[reg]. */
static void bytes_x(unsigned reg, uint8_t b, size_t n, uint8_t last)
{
    uint8_t *bytes = malloc(n + 1);
    memset(bytes, b, n);
    bytes[n] = last;
    ck_assert(proc_reserve(p, bin_words(n + 1), reg));
    p->x[reg] = bin_new(p, bytes, n + 1);
    free(bytes);
}

/* A sub-binary of x[reg]: n bytes from offset off, into x[reg] itself. */
static void sub_bin_x(unsigned reg, size_t off, size_t n)
{
    ck_assert(proc_reserve(p, SUB_BIN_WORDS, reg + 1));
    Term *hp = proc_alloc(p, SUB_BIN_WORDS);
    hp[0] = make_header(3, SUB_SUB_BIN);
    hp[1] = (Term)n;
    hp[2] = (Term)off;
    hp[3] = p->x[reg];
    p->x[reg] = make_boxed(hp);
}

/* A positive bignum 2^70 into x[reg]. */
static void big_x(unsigned reg, bool negative)
{
    ck_assert(proc_reserve(p, 3, reg));
    Term *hp = proc_alloc(p, 3);
    hp[0] = make_header(2, negative ? SUB_NEG_BIG : SUB_POS_BIG);
    hp[1] = 0;
    hp[2] = 64;
    p->x[reg] = make_boxed(hp);
}

static Term expect_error(Term r, Term reason)
{
    ck_assert(r == THE_NON_VALUE);
    ck_assert(p->exc_class == ATOM_error);
    ck_assert(p->exc_reason == reason);
    return r;
}

/* ---- tuples ----------------------------------------------------------- */

START_TEST(test_element)
{
    OK("a", bif_element_2, "1", "{a,b,c}");
    OK("c", bif_element_2, "3", "{a,b,c}");
    OK("[1,2]", bif_element_2, "2", "{x,[1,2]}");
    BADARG(bif_element_2, "0", "{a}");
    BADARG(bif_element_2, "2", "{a}");
    BADARG(bif_element_2, "-1", "{a}");
    BADARG(bif_element_2, "1", "{}");
    BADARG(bif_element_2, "1.0", "{a}");
    BADARG(bif_element_2, "1", "[a]");
    BADARG(bif_element_2, "a", "{a}");
    put_x(1, "{a}");
    big_x(0, false);
    expect_error(bif_element_2(p, p->x, 2), ATOM_badarg);
}
END_TEST

START_TEST(test_setelement)
{
    OK("{a,c}", bif_setelement_3, "2", "{a,b}", "c");
    OK("{[x],b}", bif_setelement_3, "1", "{a,b}", "[x]");
    /* The original is left alone. */
    put_x(0, "1");
    put_x(1, "{a,b}");
    put_x(2, "z");
    Term r = bif_setelement_3(p, p->x, 3);
    ck_assert_str_eq(show(r), "{z,b}");
    ck_assert_str_eq(show(p->x[1]), "{a,b}");
    BADARG(bif_setelement_3, "3", "{a,b}", "c");
    BADARG(bif_setelement_3, "0", "{a}", "c");
    BADARG(bif_setelement_3, "1", "[]", "c");
    BADARG(bif_setelement_3, "x", "{a}", "c");
}
END_TEST

START_TEST(test_sizes)
{
    OK("0", bif_tuple_size_1, "{}");
    OK("3", bif_tuple_size_1, "{1,2,3}");
    BADARG(bif_tuple_size_1, "[]");
    BADARG(bif_tuple_size_1, "<<1>>");
    OK("2", bif_size_1, "{1,2}");
    OK("3", bif_size_1, "<<1,2,3>>");
    OK("0", bif_size_1, "<<>>");
    BADARG(bif_size_1, "[1]");
    BADARG(bif_size_1, "a");
    OK("3", bif_byte_size_1, "<<1,2,3>>");
    BADARG(bif_byte_size_1, "{1}");
    BADARG(bif_byte_size_1, "a");
    bin_x(0, 7, 1000); /* off-heap */
    ck_assert_str_eq(show(bif_size_1(p, p->x, 1)), "1000");
    ck_assert_str_eq(show(bif_byte_size_1(p, p->x, 1)), "1000");
    sub_bin_x(0, 10, 100);
    ck_assert_str_eq(show(bif_byte_size_1(p, p->x, 1)), "100");
}
END_TEST

START_TEST(test_make_tuple)
{
    OK("{}", bif_make_tuple_2, "0", "a");
    OK("{a,a,a}", bif_make_tuple_2, "3", "a");
    OK("{[1],[1]}", bif_make_tuple_2, "2", "[1]");
    BADARG(bif_make_tuple_2, "-1", "a");
    BADARG(bif_make_tuple_2, "16777216", "a");
    BADARG(bif_make_tuple_2, "1.0", "a");
    BADARG(bif_make_tuple_2, "x", "a");
    put_x(0, "100000");
    put_x(1, "z");
    Term t = bif_make_tuple_2(p, p->x, 2);
    ck_assert_uint_eq(tuple_arity(t), 100000);
    ck_assert(tuple_elem(t, 100000) == atom_intern("z", 1));
}
END_TEST

START_TEST(test_tuple_list)
{
    OK("[]", bif_tuple_to_list_1, "{}");
    OK("[a,{b},[c]]", bif_tuple_to_list_1, "{a,{b},[c]}");
    BADARG(bif_tuple_to_list_1, "[a]");
    OK("{}", bif_list_to_tuple_1, "[]");
    OK("{a,{b},[c]}", bif_list_to_tuple_1, "[a,{b},[c]]");
    BADARG(bif_list_to_tuple_1, "[a|b]");
    BADARG(bif_list_to_tuple_1, "a");
    BADARG(bif_list_to_tuple_1, "{a}");
}
END_TEST

/* ---- lists ------------------------------------------------------------ */

START_TEST(test_length_hd_tl)
{
    OK("0", bif_length_1, "[]");
    OK("3", bif_length_1, "[1,[2,3],4]");
    BADARG(bif_length_1, "[1|2]");
    BADARG(bif_length_1, "a");
    BADARG(bif_length_1, "<<>>");
    OK("1", bif_hd_1, "[1,2]");
    OK("[2]", bif_tl_1, "[1,2]");
    OK("2", bif_tl_1, "[1|2]");
    BADARG(bif_hd_1, "[]");
    BADARG(bif_tl_1, "[]");
    BADARG(bif_hd_1, "{1}");
    BADARG(bif_tl_1, "a");
}
END_TEST

START_TEST(test_append)
{
    OK("[1,2,3,4]", bif_append_2, "[1,2]", "[3,4]");
    OK("[1,2|3]", bif_append_2, "[1,2]", "3");
    OK("a", bif_append_2, "[]", "a");
    OK("[a]", bif_append_2, "[a]", "[]");
    BADARG(bif_append_2, "[1|2]", "3");
    BADARG(bif_append_2, "[1|2]", "[]");
    BADARG(bif_append_2, "a", "[]");
    /* The right side is shared, the left copied. */
    put_x(0, "[1,2]");
    put_x(1, "[3]");
    Term r = bif_append_2(p, p->x, 2);
    ck_assert(list_tail(list_tail(r)) == p->x[1]);
    ck_assert(r != p->x[0]);
    ck_assert_str_eq(show(p->x[0]), "[1,2]");
}
END_TEST

START_TEST(test_subtract)
{
    OK("[2,3,1,2]", bif_subtract_2, "[1,2,3,1,2,1.0]", "[1,1.0,4]");
    OK("[c,a]", bif_subtract_2, "[a,b,c,a,b]", "[b,b,b,a]");
    OK("[{1.0},{1}]", bif_subtract_2, "[{1},{1.0},{1}]", "[{1}]");
    OK("[1.0,1]", bif_subtract_2, "[1.0,1,1]", "[1]");
    OK("[]", bif_subtract_2, "[]", "[a,b]");
    OK("[a,b]", bif_subtract_2, "[a,b]", "[]");
    OK("[a,b]", bif_subtract_2, "[a,b]", "[c,d]");
    OK("[]", bif_subtract_2, "[a,b]", "[b,a]");
    OK("[<<2>>]", bif_subtract_2, "[<<1>>,<<2>>]", "[<<1>>]");
    OK("[[1],x]", bif_subtract_2, "[\"ab\",[1],x]", "[\"ab\",\"ab\"]");
    OK("[z,y,z]", bif_subtract_2, "[x,z,y,z,x]", "[x,x,x]");
    /* Many duplicates on the right (more than the small buffer). */
    OK("[b,b]", bif_subtract_2, "[a,b,a,b,a,a,a,b,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a]",
       "[b,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a,a]");
    BADARG(bif_subtract_2, "[1,2]", "[1|2]");
    BADARG(bif_subtract_2, "[1|2]", "[]");
    BADARG(bif_subtract_2, "a", "[]");
    BADARG(bif_subtract_2, "[]", "a");
    BADARG(bif_subtract_2, "[]", "[a|b]");
}
END_TEST

/* After the last removed element the left list is shared, not copied. */
START_TEST(test_subtract_shares_tail)
{
    put_x(0, "[a,b,c,d,e]");
    put_x(1, "[b]");
    Term r = bif_subtract_2(p, p->x, 2);
    ck_assert_str_eq(show(r), "[a,c,d,e]");
    Term left_c = list_tail(list_tail(p->x[0]));
    ck_assert(list_tail(r) == left_c);
    /* Nothing removed: the list itself. */
    put_x(1, "[q]");
    ck_assert(bif_subtract_2(p, p->x, 2) == p->x[0]);
    /* The first element removed: the tail itself. */
    put_x(1, "[a]");
    ck_assert(bif_subtract_2(p, p->x, 2) == list_tail(p->x[0]));
}
END_TEST

/* 200,000 minus 100,000: a quadratic algorithm would take minutes. */
START_TEST(test_subtract_big)
{
    size_t n = 200000;
    seq_x(0, 1, n, 1);                      /* 1..n */
    seq_x(1, (int64_t)n, n / 2, -2);        /* n, n-2, ..., 2 */
    Term r = bif_subtract_2(p, p->x, 2);
    size_t k = 0;
    for (; is_list(r); r = list_tail(r), k++)
        ck_assert_int_eq(small_val(list_head(r)), (int64_t)(2 * k + 1));
    ck_assert(is_nil(r));
    ck_assert_uint_eq(k, n / 2);
}
END_TEST

/* Random lists against the definition: for each element of the right list
 * in turn, delete its first remaining occurrence in the left one. */
START_TEST(test_subtract_random)
{
    unsigned seed = 12345;
    for (int round = 0; round < 300; round++) {
        int64_t left[60], right[40];
        bool gone[60] = { false };
        size_t n = (size_t)(rand_r(&seed) % 60), m = (size_t)(rand_r(&seed) % 40);
        int range = 1 + rand_r(&seed) % 12;
        for (size_t i = 0; i < n; i++)
            left[i] = rand_r(&seed) % range;
        for (size_t i = 0; i < m; i++)
            right[i] = rand_r(&seed) % range;
        for (size_t j = 0; j < m; j++)
            for (size_t i = 0; i < n; i++)
                if (!gone[i] && left[i] == right[j]) {
                    gone[i] = true;
                    break;
                }
        ck_assert(proc_reserve(p, 2 * (n + m), 0));
        p->x[0] = p->x[1] = NIL;
        for (size_t i = n; i-- > 0;)
            p->x[0] = proc_cons(p, make_small(left[i]), p->x[0]);
        for (size_t i = m; i-- > 0;)
            p->x[1] = proc_cons(p, make_small(right[i]), p->x[1]);
        Term r = bif_subtract_2(p, p->x, 2);
        for (size_t i = 0; i < n; i++) {
            if (gone[i])
                continue;
            ck_assert(is_list(r));
            ck_assert_int_eq(small_val(list_head(r)), left[i]);
            r = list_tail(r);
        }
        ck_assert(is_nil(r));
    }
}
END_TEST

START_TEST(test_long_lists)
{
    size_t n = 10000000;
    seq_x(0, 0, n, 1);
    ck_assert_str_eq(show(bif_length_1(p, p->x, 1)), "10000000");
    put_x(1, "[x]");
    Term r = bif_append_2(p, p->x, 2);
    ck_assert(!is_nil(r));
    p->x[0] = r;
    ck_assert_str_eq(show(bif_length_1(p, p->x, 1)), "10000001");
    put_x(1, "[5000000]");
    r = bif_subtract_2(p, p->x, 2);
    p->x[0] = r;
    ck_assert_str_eq(show(bif_length_1(p, p->x, 1)), "10000000");
}
END_TEST

/* ---- atoms ------------------------------------------------------------ */

START_TEST(test_atom_to_list)
{
    OK("[104,101,108,108,111]", bif_atom_to_list_1, "hello");
    OK("[]", bif_atom_to_list_1, "''");
    BADARG(bif_atom_to_list_1, "\"abc\"");
    BADARG(bif_atom_to_list_1, "1");
    /* Non-ASCII: stored as UTF-8, listed as code points. */
    Term a = CALL(bif_list_to_atom_1, "[1000,65,200,1114111,0,127,128,2047,2048,65535,65536]");
    ck_assert(is_atom(a));
    size_t len;
    const char *s = atom_text(a, &len);
    ck_assert_uint_eq(len, 2 + 1 + 2 + 4 + 1 + 1 + 2 + 2 + 3 + 3 + 4);
    ck_assert(memcmp(s, "\xcf\xa8" "A" "\xc3\x88" "\xf4\x8f\xbf\xbf", 9) == 0);
    p->x[0] = a;
    ck_assert_str_eq(show(bif_atom_to_list_1(p, p->x, 1)),
                     "[1000,65,200,1114111,0,127,128,2047,2048,65535,65536]");
}
END_TEST

START_TEST(test_list_to_atom)
{
    OK("hello", bif_list_to_atom_1, "\"hello\"");
    OK("''", bif_list_to_atom_1, "[]");
    ck_assert(CALL(bif_list_to_atom_1, "\"ok\"") == ATOM_ok);
    BADARG(bif_list_to_atom_1, "[1114112]");
    BADARG(bif_list_to_atom_1, "[55296]");
    BADARG(bif_list_to_atom_1, "[57343]");
    BADARG(bif_list_to_atom_1, "[-1]");
    BADARG(bif_list_to_atom_1, "[a]");
    BADARG(bif_list_to_atom_1, "[97|b]");
    BADARG(bif_list_to_atom_1, "[[97]]");
    BADARG(bif_list_to_atom_1, "<<97>>");
    BADARG(bif_list_to_atom_1, "a");
    BADARG(bif_list_to_atom_1, "[97.0]");
}
END_TEST

/* Lists of n 'a's, followed by tail text, in x0. */
static void a_list_x(size_t n, const char *tail)
{
    put_x(0, tail);
    ck_assert(proc_reserve(p, 2 * n, 1));
    for (size_t i = 0; i < n; i++)
        p->x[0] = proc_cons(p, make_small('a'), p->x[0]);
}

START_TEST(test_list_to_atom_limits)
{
    a_list_x(255, "[]");
    Term a = bif_list_to_atom_1(p, p->x, 1);
    ck_assert(is_atom(a));
    ck_assert_uint_eq(strlen(atom_cstr(a)), 255);
    a_list_x(256, "[]");
    expect_error(bif_list_to_atom_1(p, p->x, 1), ATOM_system_limit);
    /* Too long wins over what comes after the 255th character... */
    a_list_x(300, "[-1]");
    expect_error(bif_list_to_atom_1(p, p->x, 1), ATOM_system_limit);
    a_list_x(255, "[x]");
    expect_error(bif_list_to_atom_1(p, p->x, 1), ATOM_system_limit);
    /* ... but not over what comes before, nor over a bad tail after. */
    a_list_x(255, "y");
    expect_error(bif_list_to_atom_1(p, p->x, 1), ATOM_badarg);
    a_list_x(300, "[]");
    ck_assert(proc_reserve(p, 2, 1));
    p->x[0] = proc_cons(p, make_small(-1), p->x[0]);
    expect_error(bif_list_to_atom_1(p, p->x, 1), ATOM_badarg);
    /* list_to_existing_atom: always badarg. */
    a_list_x(300, "[]");
    expect_error(bif_list_to_existing_atom_1(p, p->x, 1), ATOM_badarg);
    a_list_x(10000000, "[]");
    expect_error(bif_list_to_atom_1(p, p->x, 1), ATOM_system_limit);
}
END_TEST

START_TEST(test_list_to_existing_atom)
{
    ck_assert(CALL(bif_list_to_existing_atom_1, "\"ok\"") == ATOM_ok);
    ck_assert(CALL(bif_list_to_existing_atom_1, "\"badarg\"") == ATOM_badarg);
    uint32_t before = atom_count();
    BADARG(bif_list_to_existing_atom_1, "\"surely_not_an_atom_yet\"");
    ck_assert_uint_eq(atom_count(), before);
    BADARG(bif_list_to_existing_atom_1, "[1114112]");
    BADARG(bif_list_to_existing_atom_1, "a");
    BADARG(bif_list_to_existing_atom_1, "[111|k]");
    OK("now_it_is", bif_list_to_atom_1, "\"now_it_is\"");
    OK("now_it_is", bif_list_to_existing_atom_1, "\"now_it_is\"");
}
END_TEST

/* ---- type tests ------------------------------------------------------- */

/* Calls a one-argument test on the text; true or false. */
static bool test1(BifFn f, const char *text)
{
    Term r = call(f, 1, ARGS(text));
    ck_assert(r == ATOM_true || r == ATOM_false);
    return r == ATOM_true;
}

START_TEST(test_type_tests)
{
    ck_assert(test1(bif_is_atom_1, "a"));
    ck_assert(test1(bif_is_atom_1, "[]") == false);
    ck_assert(test1(bif_is_atom_1, "\"a\"") == false);
    ck_assert(test1(bif_is_integer_1, "12"));
    ck_assert(test1(bif_is_integer_1, "1.0") == false);
    ck_assert(test1(bif_is_float_1, "1.0"));
    ck_assert(test1(bif_is_float_1, "1") == false);
    ck_assert(test1(bif_is_number_1, "1"));
    ck_assert(test1(bif_is_number_1, "1.5"));
    ck_assert(test1(bif_is_number_1, "a") == false);
    ck_assert(test1(bif_is_list_1, "[]"));
    ck_assert(test1(bif_is_list_1, "[1|2]"));
    ck_assert(test1(bif_is_list_1, "{}") == false);
    ck_assert(test1(bif_is_tuple_1, "{}"));
    ck_assert(test1(bif_is_tuple_1, "[]") == false);
    ck_assert(test1(bif_is_binary_1, "<<>>"));
    ck_assert(test1(bif_is_binary_1, "\"\"") == false);
    ck_assert(test1(bif_is_boolean_1, "true"));
    ck_assert(test1(bif_is_boolean_1, "false"));
    ck_assert(test1(bif_is_boolean_1, "undefined") == false);
    ck_assert(test1(bif_is_function_1, "a") == false);
    ck_assert(test1(bif_is_pid_1, "a") == false);
    ck_assert(test1(bif_is_reference_1, "{}") == false);
    p->x[0] = make_pid(42);
    ck_assert(bif_is_pid_1(p, p->x, 1) == ATOM_true);
    ck_assert(bif_is_atom_1(p, p->x, 1) == ATOM_false);
    big_x(0, true);
    ck_assert(bif_is_integer_1(p, p->x, 1) == ATOM_true);
    ck_assert(bif_is_number_1(p, p->x, 1) == ATOM_true);
    ck_assert(bif_is_float_1(p, p->x, 1) == ATOM_false);
    ck_assert(proc_reserve(p, 3, 0));
    Term *hp = proc_alloc(p, 3);
    hp[0] = make_header(2, SUB_REF);
    hp[1] = 7;
    hp[2] = 0;
    p->x[0] = make_boxed(hp);
    ck_assert(bif_is_reference_1(p, p->x, 1) == ATOM_true);
    ck_assert(bif_is_tuple_1(p, p->x, 1) == ATOM_false);
}
END_TEST

/* An export fun for e:f/2 and a closure of arity 3 with one free
 * variable, in x0 and x1. */
static Export test_export;
static FunEntry test_lambda;

static void funs_x(void)
{
    test_export.arity = 2;
    test_lambda.arity = 3;
    test_lambda.nfree = 1;
    ck_assert(proc_reserve(p, 5, 0));
    Term *hp = proc_alloc(p, 2);
    hp[0] = make_header(1, SUB_EXPORT);
    hp[1] = (Term)(uintptr_t)&test_export;
    p->x[0] = make_boxed(hp);
    hp = proc_alloc(p, 3);
    hp[0] = make_header(2, SUB_FUN);
    hp[1] = (Term)(uintptr_t)&test_lambda;
    hp[2] = make_small(5);
    p->x[1] = make_boxed(hp);
}

START_TEST(test_is_function)
{
    funs_x();
    ck_assert(bif_is_function_1(p, p->x, 1) == ATOM_true);
    ck_assert(bif_is_function_1(p, p->x + 1, 2) == ATOM_true);
    Term f = p->x[0], g = p->x[1];
    Term *a = p->x + 2;
    a[0] = f, a[1] = make_small(2);
    ck_assert(bif_is_function_2(p, a, 4) == ATOM_true);
    a[1] = make_small(3);
    ck_assert(bif_is_function_2(p, a, 4) == ATOM_false);
    a[0] = g;
    ck_assert(bif_is_function_2(p, a, 4) == ATOM_true);
    a[1] = make_small(0);
    ck_assert(bif_is_function_2(p, a, 4) == ATOM_false);
    a[1] = make_small(-1);
    expect_error(bif_is_function_2(p, a, 4), ATOM_badarg);
    a[1] = ATOM_ok;
    expect_error(bif_is_function_2(p, a, 4), ATOM_badarg);
    /* Not a fun: false, but the arity is still checked. */
    BADARG(bif_is_function_2, "a", "-1");
    BADARG(bif_is_function_2, "a", "1.0");
    ck_assert(CALL(bif_is_function_2, "a", "1") == ATOM_false);
    funs_x();
    p->x[0] = p->x[1];
    big_x(1, false);
    ck_assert(bif_is_function_2(p, p->x, 2) == ATOM_false);
    big_x(1, true);
    expect_error(bif_is_function_2(p, p->x, 2), ATOM_badarg);
}
END_TEST

/* ---- binaries --------------------------------------------------------- */

START_TEST(test_binary_to_list)
{
    OK("[1,2,255]", bif_binary_to_list_1, "<<1,2,255>>");
    OK("[]", bif_binary_to_list_1, "<<>>");
    BADARG(bif_binary_to_list_1, "a");
    BADARG(bif_binary_to_list_1, "[1]");
    bin_x(0, 9, 100); /* off-heap */
    Term l = bif_binary_to_list_1(p, p->x, 1);
    size_t k = 0;
    for (; is_list(l); l = list_tail(l), k++)
        ck_assert(list_head(l) == make_small(9));
    ck_assert_uint_eq(k, 100);
    put_x(0, "<<1,2,3,4,5,6,7,8,9,10>>");
    sub_bin_x(0, 3, 4);
    ck_assert_str_eq(show(bif_binary_to_list_1(p, p->x, 1)), "[4,5,6,7]");
}
END_TEST

START_TEST(test_list_to_binary)
{
    OK("<<1,2,3,4,5>>", bif_list_to_binary_1, "[1,[2,<<3>>],<<4>>|<<5>>]");
    OK("<<>>", bif_list_to_binary_1, "[]");
    OK("<<>>", bif_list_to_binary_1, "[[],[[]],<<>>]");
    OK("<<1,2>>", bif_list_to_binary_1, "[<<1>>|<<2>>]");
    OK("<<2>>", bif_list_to_binary_1, "[[]|<<2>>]");
    OK("<<97,98,0,255>>", bif_list_to_binary_1, "[\"ab\",0,255]");
    BADARG(bif_list_to_binary_1, "<<5>>");
    BADARG(bif_list_to_binary_1, "[256]");
    BADARG(bif_list_to_binary_1, "[-1]");
    BADARG(bif_list_to_binary_1, "[a]");
    BADARG(bif_list_to_binary_1, "[1|2]");
    BADARG(bif_list_to_binary_1, "[1,[2|a]]");
    BADARG(bif_list_to_binary_1, "[1.0]");
    BADARG(bif_list_to_binary_1, "[{1}]");
    BADARG(bif_list_to_binary_1, "a");
}
END_TEST

START_TEST(test_iolist_to_binary)
{
    OK("<<5>>", bif_iolist_to_binary_1, "<<5>>");
    OK("<<1,2>>", bif_iolist_to_binary_1, "[<<1>>|<<2>>]");
    OK("<<1,2>>", bif_iolist_to_binary_1, "[1|<<2>>]");
    OK("<<>>", bif_iolist_to_binary_1, "[[]|[]]");
    OK("<<1,2,3,4>>", bif_iolist_to_binary_1, "[[[1],[[2]]],[],3,[[[[4]]]]]");
    BADARG(bif_iolist_to_binary_1, "a");
    BADARG(bif_iolist_to_binary_1, "[1|a]");
    BADARG(bif_iolist_to_binary_1, "1");
    /* A binary argument comes back as it is. */
    put_x(0, "<<1,2,3>>");
    ck_assert(bif_iolist_to_binary_1(p, p->x, 1) == p->x[0]);
}
END_TEST

/* Deep nesting ([[[...[1]...]]], 200,000 levels) and a big result. */
START_TEST(test_iolist_deep)
{
    size_t depth = 200000;
    put_x(0, "[1]");
    ck_assert(proc_reserve(p, 4 * depth, 1));
    for (size_t i = 0; i < depth; i++)
        p->x[0] = proc_cons(p, proc_cons(p, make_small(2), p->x[0]), NIL);
    Term b = bif_iolist_to_binary_1(p, p->x, 1);
    ck_assert(is_binary(b));
    ck_assert_uint_eq(bin_size(b), depth + 1);
    const uint8_t *s = bin_bytes(b);
    ck_assert_uint_eq(s[0], 2);
    ck_assert_uint_eq(s[depth - 1], 2);
    ck_assert_uint_eq(s[depth], 1);

    seq_x(0, 0, 256, 1);
    put_x(1, "[]");
    for (int i = 0; i < 100; i++) { /* 100 x [0..255] */
        ck_assert(proc_reserve(p, 2, 2));
        p->x[1] = proc_cons(p, p->x[0], p->x[1]);
    }
    b = bif_list_to_binary_1(p, p->x + 1, 2);
    ck_assert_uint_eq(bin_size(b), 25600);
    for (size_t i = 0; i < 25600; i++)
        ck_assert_uint_eq(bin_bytes(b)[i], i % 256);
}
END_TEST

START_TEST(test_atom_to_binary)
{
    OK("<<97,98,99>>", bif_atom_to_binary_2, "abc", "utf8");
    OK("<<97,98,99>>", bif_atom_to_binary_2, "abc", "latin1");
    OK("<<97,98,99>>", bif_atom_to_binary_2, "abc", "unicode");
    OK("<<>>", bif_atom_to_binary_2, "''", "utf8");
    BADARG(bif_atom_to_binary_2, "abc", "foo");
    BADARG(bif_atom_to_binary_2, "\"abc\"", "utf8");
    BADARG(bif_atom_to_binary_2, "<<97>>", "utf8");
    /* 'È' (200): two bytes in UTF-8, one in latin1; 1000 has no latin1. */
    p->x[0] = CALL(bif_list_to_atom_1, "[200]");
    p->x[1] = ATOM_utf8;
    ck_assert_str_eq(show(bif_atom_to_binary_2(p, p->x, 2)), "<<195,136>>");
    p->x[1] = ATOM_latin1;
    ck_assert_str_eq(show(bif_atom_to_binary_2(p, p->x, 2)), "<<200>>");
    p->x[0] = CALL(bif_list_to_atom_1, "[97,1000]");
    p->x[1] = ATOM_latin1;
    expect_error(bif_atom_to_binary_2(p, p->x, 2), ATOM_badarg);
    p->x[1] = ATOM_unicode;
    ck_assert_str_eq(show(bif_atom_to_binary_2(p, p->x, 2)), "<<97,207,168>>");
}
END_TEST

START_TEST(test_binary_to_atom)
{
    OK("x", bif_binary_to_atom_2, "<<\"x\">>", "latin1");
    OK("abc", bif_binary_to_atom_2, "<<\"abc\">>", "utf8");
    OK("''", bif_binary_to_atom_2, "<<>>", "unicode");
    ck_assert(CALL(bif_binary_to_atom_2, "<<\"ok\">>", "utf8") == ATOM_ok);
    Term e200 = CALL(bif_list_to_atom_1, "[200]");
    ck_assert(CALL(bif_binary_to_atom_2, "<<200>>", "latin1") == e200);
    ck_assert(CALL(bif_binary_to_atom_2, "<<195,136>>", "utf8") == e200);
    Term max = CALL(bif_list_to_atom_1, "[1114111]");
    ck_assert(CALL(bif_binary_to_atom_2, "<<244,143,191,191>>", "utf8") == max);
    Term zero = CALL(bif_binary_to_atom_2, "<<0>>", "utf8");
    ck_assert(is_atom(zero));
    BADARG(bif_binary_to_atom_2, "<<200>>", "utf8");       /* not UTF-8 */
    BADARG(bif_binary_to_atom_2, "<<195>>", "utf8");       /* truncated */
    BADARG(bif_binary_to_atom_2, "<<237,160,128>>", "utf8"); /* surrogate */
    BADARG(bif_binary_to_atom_2, "<<192,128>>", "utf8");   /* overlong */
    BADARG(bif_binary_to_atom_2, "<<224,128,128>>", "utf8");
    BADARG(bif_binary_to_atom_2, "<<244,144,128,128>>", "utf8"); /* > 10FFFF */
    BADARG(bif_binary_to_atom_2, "<<195,136>>", "foo");
    BADARG(bif_binary_to_atom_2, "<<97>>", "\"utf8\"");
    BADARG(bif_binary_to_atom_2, "\"abc\"", "utf8");
    BADARG(bif_binary_to_atom_2, "a", "utf8");
}
END_TEST

START_TEST(test_binary_to_atom_limits)
{
    p->x[1] = ATOM_utf8;
    bin_x(0, 'a', 255);
    ck_assert(is_atom(bif_binary_to_atom_2(p, p->x, 2)));
    bin_x(0, 'a', 256);
    expect_error(bif_binary_to_atom_2(p, p->x, 2), ATOM_system_limit);
    p->x[1] = ATOM_latin1;
    expect_error(bif_binary_to_atom_2(p, p->x, 2), ATOM_system_limit);
    /* 255 good characters then a bad byte: too long, as OTP. */
    bytes_x(0, 'a', 255, 255);
    p->x[1] = ATOM_utf8;
    ck_assert_uint_eq(bin_size(p->x[0]), 256);
    expect_error(bif_binary_to_atom_2(p, p->x, 2), ATOM_system_limit);
    bytes_x(0, 'a', 255, 195); /* ... or a truncated one */
    expect_error(bif_binary_to_atom_2(p, p->x, 2), ATOM_system_limit);
    /* A bad byte first: badarg. */
    bin_x(0, 'a', 300);
    ((uint8_t *)bin_bytes(p->x[0]))[0] = 255;
    expect_error(bif_binary_to_atom_2(p, p->x, 2), ATOM_badarg);
    /* From a sub-binary: only its own bytes. */
    put_x(0, "<<\"xxhixx\">>");
    sub_bin_x(0, 2, 2);
    ck_assert(bif_binary_to_atom_2(p, p->x, 2) == atom_intern("hi", 2));
}
END_TEST

/* ---- the same under a collection at every reserve ---------------------- */

START_TEST(test_stress_building)
{
    for (int round = 0; round < 3; round++) {
        OK("{a,[c]}", bif_setelement_3, "2", "{a,b}", "[c]");
        OK("{[1],[1]}", bif_make_tuple_2, "2", "[1]");
        OK("[a,{b},[c]]", bif_tuple_to_list_1, "{a,{b},[c]}");
        OK("{a,{b},[c]}", bif_list_to_tuple_1, "[a,{b},[c]]");
        OK("[{1},2,{3},4]", bif_append_2, "[{1},2]", "[{3},4]");
        OK("[{2},{3},{1},{2}]", bif_subtract_2, "[{1},{2},{3},{1},{2},{1.0}]", "[{1},{1.0},{4}]");
        OK("[{1},x]", bif_subtract_2, "[{1},{2},x]", "[{2}]");
        OK("[104,105]", bif_atom_to_list_1, "hi");
        OK("[1,2,3]", bif_binary_to_list_1, "<<1,2,3>>");
        OK("<<1,2,3,4,5>>", bif_list_to_binary_1, "[1,[2,<<3>>],<<4>>|<<5>>]");
        OK("<<1,2,3,4,5>>", bif_iolist_to_binary_1, "[1,[2,<<3>>],<<4>>|<<5>>]");
        OK("<<104,105>>", bif_atom_to_binary_2, "hi", "latin1");
        OK("hi", bif_binary_to_atom_2, "<<\"hi\">>", "utf8");
    }
    /* Arguments below the BIF's own stay alive and move too. */
    put_x(0, "{keep,me}");
    put_x(1, "[1,2]");
    put_x(2, "[3]");
    Term r = bif_append_2(p, p->x + 1, 3);
    ck_assert_str_eq(show(r), "[1,2,3]");
    ck_assert_str_eq(show(p->x[0]), "{keep,me}");
    /* Binaries bigger than a heap binary, and sub-binaries. */
    bin_x(0, 3, 200);
    sub_bin_x(0, 100, 70);
    r = bif_binary_to_list_1(p, p->x, 1);
    size_t k = 0;
    for (; is_list(r); r = list_tail(r), k++)
        ck_assert(list_head(r) == make_small(3));
    ck_assert_uint_eq(k, 70);
    put_x(1, "[<<1,2>>]");
    ck_assert(proc_reserve(p, 2, 2));
    p->x[1] = proc_cons(p, p->x[0], p->x[1]);
    r = bif_iolist_to_binary_1(p, p->x + 1, 2);
    ck_assert_uint_eq(bin_size(r), 72);
    ck_assert_uint_eq(bin_bytes(r)[69], 3);
    ck_assert_uint_eq(bin_bytes(r)[71], 2);
}
END_TEST

static Suite *term_suite(void)
{
    Suite *s = suite_create("bif_term");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_element);
    tcase_add_test(tc, test_setelement);
    tcase_add_test(tc, test_sizes);
    tcase_add_test(tc, test_make_tuple);
    tcase_add_test(tc, test_tuple_list);
    tcase_add_test(tc, test_length_hd_tl);
    tcase_add_test(tc, test_append);
    tcase_add_test(tc, test_subtract);
    tcase_add_test(tc, test_subtract_shares_tail);
    tcase_add_test(tc, test_subtract_big);
    tcase_add_test(tc, test_subtract_random);
    tcase_add_test(tc, test_long_lists);
    tcase_add_test(tc, test_atom_to_list);
    tcase_add_test(tc, test_list_to_atom);
    tcase_add_test(tc, test_list_to_atom_limits);
    tcase_add_test(tc, test_list_to_existing_atom);
    tcase_add_test(tc, test_type_tests);
    tcase_add_test(tc, test_is_function);
    tcase_add_test(tc, test_binary_to_list);
    tcase_add_test(tc, test_list_to_binary);
    tcase_add_test(tc, test_iolist_to_binary);
    tcase_add_test(tc, test_iolist_deep);
    tcase_add_test(tc, test_atom_to_binary);
    tcase_add_test(tc, test_binary_to_atom);
    tcase_add_test(tc, test_binary_to_atom_limits);
    suite_add_tcase(s, tc);

    TCase *st = tcase_create("gc_stress");
    tcase_add_checked_fixture(st, setup_stress, teardown);
    tcase_set_timeout(st, 60);
    tcase_add_test(st, test_stress_building);
    tcase_add_test(st, test_subtract);
    tcase_add_test(st, test_subtract_random);
    tcase_add_test(st, test_list_to_binary);
    tcase_add_test(st, test_atom_to_list);
    suite_add_tcase(s, st);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(term_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
