/* test_compile.c - the Erlang-subset compiler (compiler/sema.c, codegen.c,
 * compile.c): programs are compiled in memory, loaded (so the verifier
 * checks the generated code) and run, and their results compared with what
 * erl gives; semantic errors must come out with erlc's message at erlc's
 * line:col. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "atom.h"
#include "bcfile.h"
#include "bif.h"
#include "compile.h"
#include "export.h"
#include "gc.h"
#include "interp.h"
#include "module.h"
#include "print.h"
#include "process.h"

/* ---- helpers */

typedef struct {
    bool ok;
    char *msgs; /* everything printed to errs */
    char *asm_text;
    BcBuf bc;
} Comp;

static Comp compile_src(const char *src)
{
    Comp c = { 0 };
    size_t n = 0;
    FILE *f = open_memstream(&c.msgs, &n);
    StrBuf s = { 0 };
    c.ok = comp_compile(src, strlen(src), "t.erl", f, &c.bc, &s);
    fclose(f);
    c.asm_text = s.data ? s.data : strdup("");
    return c;
}

static void comp_free(Comp *c)
{
    free(c->msgs);
    free(c->asm_text);
    bc_buf_free(&c->bc);
}

typedef struct {
    Term result;   /* main()'s value, THE_NON_VALUE if it crashed */
    char text[4096]; /* the value as ~w prints it, or "crash:Class:Reason" */
    bool finished;
} Result;

/* Compiles src (a module t exporting main/0), loads it and runs main(). */
static Result run_src(const char *src)
{
    Result r;
    memset(&r, 0, sizeof r);
    Comp c = compile_src(src);
    ck_assert_msg(c.ok, "compilation failed:\n%s", c.msgs);
    char err[1024] = "";
    Module *m = code_load_image(c.bc.data, c.bc.len, "t.bc", err, sizeof err);
    ck_assert_msg(m != NULL, "load failed: %s\n%s", err, c.asm_text);
    Export *e = export_find(m->name, ATOM_main, 0);
    ck_assert_ptr_nonnull(e);
    Process *p = proc_new(0);
    Term *x = malloc((BC_MAX_X + 8) * sizeof(Term));
    ck_assert(p && x);
    for (unsigned i = 0; i < BC_MAX_X + 8; i++)
        x[i] = NIL;
    p->id = make_pid(1);
    p->x = x;
    ck_assert(interp_setup_call(p, export_code(e), NULL, 0));
    r.result = THE_NON_VALUE;
    for (int i = 0; i < 100000; i++)
        if (interp_run(p, x, 4000) == RUN_EXIT) {
            r.finished = true;
            break;
        }
    StrBuf sb = { 0 };
    if (r.finished && p->exit_reason == ATOM_normal) {
        r.result = x[0];
        print_w(&sb, x[0], -1);
    } else if (r.finished) {
        sb_adds(&sb, "crash:");
        print_w(&sb, p->exc_class, -1);
        sb_addc(&sb, ':');
        print_w(&sb, p->exc_reason, -1);
    }
    snprintf(r.text, sizeof r.text, "%s", sb.data ? sb.data : "");
    sb_free(&sb);
    proc_free(p);
    free(x);
    comp_free(&c);
    return r;
}

#define MOD "-module(t).\n-export([main/0]).\n"

/* main() of body (a module's forms after its header) must give the term
 * printed as want (~w). Loaded modules stay, so each run in a test gets a
 * module name of its own: t, then t2, t3... */
static void check_run(const char *body, const char *want, const char *file, int line)
{
    static int runs;
    char *src = malloc(strlen(body) + 64);
    ck_assert_ptr_nonnull(src);
    if (runs++ == 0)
        sprintf(src, MOD "%s", body);
    else
        sprintf(src, "-module(t%d).\n-export([main/0]).\n%s", runs, body);
    Result r = run_src(src);
    free(src);
    ck_assert_msg(r.finished, "%s:%d: did not finish", file, line);
    ck_assert_msg(strcmp(r.text, want) == 0, "%s:%d: got %s, want %s", file, line, r.text, want);
}
#define RUN(src, want) check_run(src, want, __FILE__, __LINE__)

/* Compiling src must fail with the line `want` (from "t.erl:" to the end
 * of the message) among the messages. */
static void check_msg(const char *src, bool fails, const char *want, const char *file, int line)
{
    Comp c = compile_src(src);
    ck_assert_msg(c.ok == !fails, "%s:%d: compilation %s:\n%s", file, line, c.ok ? "succeeded" : "failed", c.msgs);
    ck_assert_msg(strstr(c.msgs, want) != NULL, "%s:%d: expected '%s' in:\n%s", file, line, want, c.msgs);
    comp_free(&c);
}
#define ERR(src, want) check_msg(MOD src, true, want, __FILE__, __LINE__)
#define WARN(src, want) check_msg(MOD src, false, want, __FILE__, __LINE__)

/* ---- running programs */

START_TEST(run_fib)
{
    RUN("fib(0) -> 0; fib(1) -> 1; fib(N) when N > 1 -> fib(N - 1) + fib(N - 2).\n"
        "main() -> {fib(20), fib(1), fib(0)}.\n",
        "{6765,1,0}");
}
END_TEST

START_TEST(run_clauses_and_guards)
{
    RUN("c(X) when is_integer(X), X > 100 -> big;\n"
        "c(X) when is_integer(X) -> small;\n"
        "c(X) when is_atom(X); is_list(X) -> atom_or_list;\n"
        "c({a, _}) -> tagged;\n"
        "c({_, _, _}) -> triple;\n"
        "c(X) when is_float(X), X > 1.0 orelse X < -1.0 -> far;\n"
        "c(_) -> other.\n"
        "main() -> [c(X) || X <- [1, 1000, foo, \"s\", {a, 1}, {1, 2, 3}, 3.5, 0.5, {}]].\n",
        "[small,big,atom_or_list,atom_or_list,tagged,triple,far,other,other]");
}
END_TEST

START_TEST(run_guard_exceptions_are_false)
{
    /* a guard that raises is false; the next guard of the sequence runs */
    RUN("g(X) when X + 1 > 2; is_atom(X) -> yes;\n"
        "g(_) -> no.\n"
        "h(X) when (X + 1 > 0) orelse true -> yes;\n"
        "h(_) -> no.\n"
        "main() -> {g(5), g(a), g(\"s\"), h(1), h(a), h(-5)}.\n",
        "{yes,yes,no,yes,no,yes}");
}
END_TEST

START_TEST(run_case_if_exports)
{
    RUN("e(X) -> case X of a -> Y = 1, Z = 10; _ -> Y = 2, Z = 20 end, Y + Z.\n"
        "cmp(A, B) -> if A < B -> less; A > B -> greater; true -> equal end.\n"
        "sw(X) -> case X of 1 -> one; {ok, V} when V > 0 -> {pos, V}; [H | _] -> {head, H}; _ -> other end.\n"
        "main() -> {e(a), e(b), cmp(1, 2), cmp(2, 1), cmp(1, 1.0), sw(1), sw({ok, 3}), sw({ok, -3}), sw([x])}.\n",
        "{11,22,less,greater,equal,one,{pos,3},other,{head,x}}");
}
END_TEST

START_TEST(run_errors_raised)
{
    RUN("main() -> X = 2, 1 = X.\n", "crash:error:{badmatch,2}");
    RUN("main() -> f(3).\nf(X) -> case X of 1 -> a end.\n", "crash:error:{case_clause,3}");
    RUN("main() -> f(3).\nf(X) -> if X > 5 -> a end.\n", "crash:error:if_clause");
    RUN("main() -> f(3).\nf(1) -> a.\n", "crash:error:function_clause");
    RUN("main() -> f(x).\nf(X) -> X andalso true.\n", "crash:error:{badarg,x}");
    RUN("main() -> try 1 of 2 -> a catch _ -> b end.\n", "crash:error:{try_clause,1}");
    RUN("main() -> [X || X <- foo].\n", "crash:error:{bad_generator,foo}");
    RUN("main() -> [X || X <- [1], X].\n", "[]");
    RUN("main() -> [X || X <- [1], f(X)].\nf(X) -> X.\n", "crash:error:{bad_filter,1}");
}
END_TEST

START_TEST(run_bool_ops)
{
    RUN("b(A, B) -> {A andalso B, A orelse B, not A, A xor B, A and B, A or B}.\n"
        "main() -> {b(true, false), b(false, true), false andalso error(x), true orelse error(x)}.\n",
        "{{false,true,false,true,false,true},{false,true,true,true,false,true},false,true}");
}
END_TEST

START_TEST(run_funs)
{
    RUN("-export([sq/1]).\n"
        "adder(N) -> fun(X) -> X + N end.\n"
        "compose(F, G) -> fun(X) -> F(G(X)) end.\n"
        "sq(X) -> X * X.\n"
        "map(_, []) -> []; map(F, [H | T]) -> [F(H) | map(F, T)].\n"
        "main() -> A = adder(10), C = compose(fun sq/1, A), Y = 3,\n"
        "  Fact = fun Fa(0) -> 1; Fa(N) -> N * Fa(N - 1) end,\n"
        "  R = fun Rec(N) when N > 0 -> [N * Y | (fun() -> Rec(N - 1) end)()]; Rec(_) -> [] end,\n"
        "  {A(5), C(2), map(fun sq/1, [1, 2]), Fact(20), R(3), (fun erlang:abs/1)(-4),\n"
        "   is_function(A, 1), apply(fun(P, Q) -> P - Q end, [10, 4]), apply(t, sq, [5])}.\n",
        "{15,144,[1,4],2432902008176640000,[9,6,3],4,true,6,25}");
}
END_TEST

START_TEST(run_dynamic_calls)
{
    RUN("-export([twice/2]).\n"
        "twice(F, X) -> F(F(X)).\n"
        "main() -> M = t, F = twice, {M:F(fun(X) -> X + 1 end, 0), t:twice(fun(X) -> [X] end, a)}.\n",
        "{2,[[a]]}");
}
END_TEST

START_TEST(run_comprehensions)
{
    RUN("main() -> Z = 100,\n"
        "  {[X * Y || X <- [1, 2, 3], Y <- [10, 20], X + Y > 12],\n"
        "   [{X, Y} || {X, Y} <- [{1, a}, bad, {2, b}]],\n"
        "   [X || X <- [a, 1, 2], X + 1 > 1],\n"
        "   [X + Z || X <- [1, 2]],\n"
        "   [[Y || Y <- L] || L <- [[1], [2, 3]]],\n"
        "   [X || X <- \"hello\", X > $h]}.\n",
        "{[20,40,30,60],[{1,a},{2,b}],[1,2],[101,102],[[1],[2,3]],[108,108,111]}");
}
END_TEST

START_TEST(run_try_catch)
{
    RUN("th(0) -> throw(zero); th(1) -> error(one); th(2) -> exit(two); th(3) -> 1 / zero(); th(N) -> N.\n"
        "zero() -> 0.\n"
        "t1(N) -> try th(N) of V when V > 10 -> {big, V}; V -> {ok, V}\n"
        "  catch throw:T -> {thrown, T}; error:badarith -> arith; error:E -> {error, E}; exit:X -> {exit, X} end.\n"
        "t2(N) -> try try th(N) catch throw:X -> {inner, X} end catch C:R -> {outer, C, R} end.\n"
        "t3() -> try error(foo) catch error:foo:St -> is_list(St) end.\n"
        "t4() -> put(k, 0), try th(0) after put(k, 1) end.\n"
        "main() -> {[t1(N) || N <- [0, 1, 2, 3, 5, 20]], [catch th(N) || N <- [0, 2, 6]],\n"
        "  [t2(N) || N <- [0, 1, 9]], t3(), catch t4(), get(k)}.\n",
        "{[{thrown,zero},{error,one},{exit,two},arith,{ok,5},{big,20}],[zero,{'EXIT',two},6],"
        "[{inner,zero},{outer,error,one},9],true,zero,1}");
}
END_TEST

START_TEST(run_catch_keeps_values)
{
    /* values live across a catch and a try come back from y registers */
    RUN("th(X) -> throw(X).\n"
        "main() -> A = {a, 1}, B = (catch th(b)), C = try th(c) catch c -> {A, B} end, {A, B, C}.\n",
        "{{a,1},b,{{a,1},b}}");
}
END_TEST

START_TEST(run_records)
{
    RUN("-record(point, {x = 0, y = 0}).\n"
        "-record(person, {name, age = 0, pos = #point{}}).\n"
        "older(#person{age = A} = P) -> P#person{age = A + 1}.\n"
        "adult(P) when P#person.age >= 18 -> true; adult(_) -> false.\n"
        "main() -> P = #person{name = ann}, P2 = older(older(P)),\n"
        "  {P, P2#person.age, #person.age, record_info(fields, point), is_record(P, person),\n"
        "   adult(P), adult(P#person{age = 30}), adult({x, 1, 2, 3, 4}), #point{x = 1, _ = 7},\n"
        "   try P#point.x catch error:E -> E end}.\n",
        "{{person,ann,0,{point,0,0}},2,3,[x,y],true,false,true,false,{point,1,7},"
        "{badrecord,{person,ann,0,{point,0,0}}}}");
}
END_TEST

START_TEST(run_terms)
{
    RUN("main() -> X = 5, {<<\"ab\", 1, 2:16>>, [1, 2] ++ [3], [1, 2, 3] -- [2], \"ab\" ++ [X],\n"
        "  123456789012345678901234567890 * 2, -X, 2.5 * 2, {X, [X | tail]}, $a, [1 | 2], begin Y = 7, Y end}.\n",
        "{<<97,98,1,0,2>>,[1,2,3],[1,3],[97,98,5],246913578024691357802469135780,-5,5.0,{5,[5|tail]},97,[1|2],7}");
}
END_TEST

START_TEST(run_patterns)
{
    RUN("f(\"ab\" ++ R) -> {ab, R}; f([X, X | _]) -> {twice, X}; f({A, [B | C], {}}) -> {A, B, C};\n"
        "f(X = {_, _}) -> {pair, X}; f(-3) -> minus3; f(<<\"bin\">>) -> bin; f(_) -> none.\n"
        "main() -> [f(\"abc\"), f([1, 1, 2]), f({1, [2, 3], {}}), f({1, 2}), f(-3), f(<<\"bin\">>), f(3)].\n",
        "[{ab,[99]},{twice,1},{1,2,[3]},{pair,{1,2}},minus3,bin,none]");
}
END_TEST

START_TEST(run_tail_calls_in_constant_stack)
{
    /* 3 million iterations, through case clauses, receive-free "server" style */
    RUN("loop(0, Acc) -> Acc;\n"
        "loop(N, Acc) -> case N rem 2 of 0 -> loop(N - 1, Acc + 1); _ -> other(N, Acc) end.\n"
        "other(N, Acc) -> loop(N - 1, Acc).\n"
        "main() -> loop(3000000, 0).\n",
        "1500000");
    Comp c = compile_src(MOD "loop(0) -> ok; loop(N) -> io:format(\"\"), loop(N - 1).\nmain() -> loop(3).\n");
    ck_assert(c.ok);
    ck_assert_msg(strstr(c.asm_text, "{call_last,1,") != NULL, "%s", c.asm_text);
    comp_free(&c);
}
END_TEST

START_TEST(run_under_gc_stress)
{
    gc_stress = true;
    RUN("build(0, Acc) -> Acc; build(N, Acc) -> build(N - 1, [{N, [N]} | Acc]).\n"
        "sum([]) -> 0; sum([{N, [M]} | T]) -> N + M + sum(T).\n"
        "main() -> L = build(2000, []), F = fun(X) -> {X, L} end, {sum(L), element(1, F(x)),\n"
        "  [X * 2 || {X, _} <- lists(L), X < 3]}.\n"
        "lists(L) -> L.\n",
        "{4002000,x,[2,4]}");
    gc_stress = false;
}
END_TEST

START_TEST(run_binaries_and_unicode)
{
    RUN("join([]) -> <<>>; join([H | T]) -> R = join(T), <<H/binary, \",\", R/binary>>.\n"
        "main() -> X = 258, {<<X:16, \"ab\", X, X:16/little>>, join([<<\"a\">>, <<\"b\">>]), 'h\xc3\xa9', \"\xc3\xa9\"}.\n",
        "{<<1,2,97,98,2,2,1>>,<<97,44,98,44>>,h\xc3\xa9,[233]}");
}
END_TEST

START_TEST(run_message_code_is_generated)
{
    Comp c = compile_src(MOD "main() -> self() ! hi, receive {a, X} -> X; hi -> ok after 100 -> timeout end.\n");
    ck_assert_msg(c.ok, "%s", c.msgs);
    const char *want[] = { "send.", "{loop_rec,", "remove_message.", "{loop_rec_end,", "{wait_timeout,", "timeout." };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
        ck_assert_msg(strstr(c.asm_text, want[i]) != NULL, "no %s in\n%s", want[i], c.asm_text);
    char err[1024] = "";
    Module *m = code_load_image(c.bc.data, c.bc.len, "t.bc", err, sizeof err);
    ck_assert_msg(m != NULL, "the loader refused the receive code: %s", err);
    comp_free(&c);
}
END_TEST

START_TEST(run_asm_out_is_erlc_syntax)
{
    Comp c = compile_src(MOD "main() -> ok.\n");
    ck_assert(c.ok);
    /* module_info/0,1 as erlc -S writes them */
    ck_assert_msg(strstr(c.asm_text, "{module, t}.") &&
                      strstr(c.asm_text, "{exports, [{main,0},{module_info,0},{module_info,1}]}.") &&
                      strstr(c.asm_text, "{function, main, 0, 2}.") &&
                      strstr(c.asm_text, "{func_info,{atom,t},{atom,main},0}.") &&
                      strstr(c.asm_text, "{move,{atom,ok},{x,0}}.") && strstr(c.asm_text, "return.") &&
                      strstr(c.asm_text, "{function, module_info, 0, 4}.\n"
                                         "  {label,3}.\n"
                                         "    {func_info,{atom,t},{atom,module_info},0}.\n"
                                         "  {label,4}.\n"
                                         "    {move,{atom,t},{x,0}}.\n"
                                         "    {call_ext_only,1,{extfunc,erlang,get_module_info,1}}.\n") &&
                      strstr(c.asm_text, "{function, module_info, 1, 6}.\n"
                                         "  {label,5}.\n"
                                         "    {func_info,{atom,t},{atom,module_info},1}.\n"
                                         "  {label,6}.\n"
                                         "    {move,{x,0},{x,1}}.\n"
                                         "    {move,{atom,t},{x,0}}.\n"
                                         "    {call_ext_only,2,{extfunc,erlang,get_module_info,2}}.\n"),
                  "%s", c.asm_text);
    comp_free(&c);
}
END_TEST

/* ---- semantic errors, with erlc's words and positions */

START_TEST(err_unbound)
{
    ERR("main() -> X.\n", "t.erl:3:11: error: variable 'X' is unbound");
    ERR("main() -> _.\n", "t.erl:3:11: error: variable '_' is unbound");
}
END_TEST

START_TEST(err_unsafe)
{
    ERR("main() -> case a of a -> Y = 1; b -> ok end, Y.\n",
        "t.erl:3:46: error: variable 'Y' unsafe in 'case' (line 3, column 11)");
    ERR("main() -> (catch (Y = 1)), Y.\n", "t.erl:3:28: error: variable 'Y' unsafe in 'catch' (line 3, column 12)");
    ERR("main() -> try Y = 1 of _ -> ok catch _ -> ok end, Y.\n",
        "t.erl:3:51: error: variable 'Y' unsafe in 'try' (line 3, column 11)");
    ERR("main() -> true andalso (Y = true), Y.\n",
        "t.erl:3:36: error: variable 'Y' unsafe in 'andalso' (line 3, column 16)");
}
END_TEST

START_TEST(err_undefined_functions)
{
    ERR("main() -> foo(1).\n", "t.erl:3:11: error: function foo/1 undefined");
    check_msg("-module(t).\n-export([main/0, bar/2]).\nmain() -> ok.\n", true,
              "t.erl:2:2: error: function bar/2 undefined", __FILE__, __LINE__);
    ERR("main() -> fun nope/0.\n", "t.erl:3:11: error: function nope/0 undefined");
    ERR("main() -> ok.\nmain() -> ok.\n", "t.erl:4:1: error: function main/0 already defined");
}
END_TEST

START_TEST(err_patterns_and_guards)
{
    ERR("main() -> f(1).\nf(X + Y) -> ok.\n", "t.erl:4:5: error: illegal pattern");
    ERR("main() -> f(1).\nf(X) when g(X) -> ok.\ng(_) -> true.\n",
        "t.erl:4:11: error: call to local/imported function g/1 is illegal in guard");
    ERR("main() -> f(1).\nf(X) when lists:member(X, []) -> ok.\n", "t.erl:4:11: error: illegal guard expression");
    ERR("main() -> f(1).\nf(X) when X = 1 -> ok.\n", "t.erl:4:11: error: illegal guard expression");
}
END_TEST

START_TEST(err_records)
{
    ERR("-record(r, {a, b = 2}).\nmain() -> #r{c = 1}.\n", "t.erl:4:14: error: field c undefined in record r");
    ERR("main() -> #s{}.\n", "t.erl:3:11: error: record s undefined");
    ERR("-record(r, {a}).\nmain() -> X = #r{}, X#r.d.\n", "t.erl:4:25: error: field d undefined in record r");
    ERR("-record(r, {a, a}).\nmain() -> #r{}.\n", "t.erl:3:16: error: field a already defined in record r");
}
END_TEST

START_TEST(err_all_reported)
{
    Comp c = compile_src(MOD "main() -> X.\nf() -> Y.\ng() -> h().\n");
    ck_assert(!c.ok);
    ck_assert_msg(strstr(c.msgs, "3:11: error: variable 'X' is unbound") &&
                      strstr(c.msgs, "4:8: error: variable 'Y' is unbound") &&
                      strstr(c.msgs, "5:8: error: function h/0 undefined"),
                  "%s", c.msgs);
    /* errors first, by position */
    ck_assert(strstr(c.msgs, "3:11") < strstr(c.msgs, "4:8"));
    comp_free(&c);
}
END_TEST

START_TEST(warn_unused_and_shadowed)
{
    WARN("main() -> f(1).\nf(X) -> ok.\n", "t.erl:4:3: warning: variable 'X' is unused");
    WARN("main() -> f(1).\nf(X) -> F = fun(X) -> X end, F(X).\n",
         "t.erl:4:17: warning: variable 'X' shadowed in 'fun'");
    WARN("main() -> ok.\nf() -> ok.\n", "t.erl:4:1: warning: function f/0 is unused");
    WARN("main() -> case 1 of 1 -> Y = 1; _ -> Y = 2 end, ok.\n", "t.erl:3:38: warning: variable 'Y' is unused");
    WARN("main() -> [1 || X <- [1]].\n", "t.erl:3:17: warning: variable 'X' is unused");
}
END_TEST

START_TEST(err_unsupported_binaries)
{
    ERR("main() -> f(<<1>>).\nf(<<X:8>>) -> X.\n",
        "t.erl:4:3: error: binary patterns that are not constants are not supported");
}
END_TEST

/* A refused binary pattern still binds its variables: no cascade of
 * "unbound" errors for their uses. */
START_TEST(err_unsupported_binary_no_cascade)
{
    Comp c = compile_src(MOD "main() -> f(<<1, 2>>).\nf(<<A:8, B:8>>) -> {A, B}.\n");
    ck_assert(!c.ok);
    ck_assert_msg(strstr(c.msgs, "binary patterns that are not constants") != NULL, "%s", c.msgs);
    ck_assert_msg(strstr(c.msgs, "unbound") == NULL, "%s", c.msgs);
    comp_free(&c);
}
END_TEST

/* Limits of beamlet's bytecode that erlc does not have, reported as
 * errors rather than as generated code the assembler or loader refuses. */
START_TEST(err_bytecode_limits)
{
    /* 2^32768 needs 32769 bits; 2^32768 - 1 is accepted */
    AstBuf big = { 0 }, ok = { 0 };
    ast_buf_puts(&big, MOD "main() -> 16#1");
    ast_buf_puts(&ok, "main() -> -16#");
    for (int i = 0; i < 8192; i++) {
        ast_buf_putc(&big, '0');
        ast_buf_putc(&ok, 'F');
    }
    ast_buf_puts(&big, ".\n");
    ast_buf_puts(&ok, " rem 1000000007.\n");
    check_msg(big.s, true, "t.erl:3:11: error: integer too large (more than 32768 bits)", __FILE__, __LINE__);
    RUN(ok.s, "-669157961");
    free(big.s);
    free(ok.s);
    /* try/catch nesting: markers in y0..y63 */
    AstBuf deep = { 0 };
    ast_buf_puts(&deep, MOD "main() -> ");
    for (int i = 0; i < 65; i++)
        ast_buf_puts(&deep, "catch ");
    ast_buf_puts(&deep, "1.\n");
    check_msg(deep.s, true, "t.erl:3: error: try and catch nested too deeply (65 levels, at most 64)", __FILE__,
              __LINE__);
    free(deep.s);
    /* a fun capturing 255 variables has 256 arguments */
    AstBuf fun = { 0 };
    ast_buf_puts(&fun, MOD "main() -> X = 1, ");
    for (int i = 0; i < 255; i++)
        ast_buf_printf(&fun, "V%d = X + %d, ", i, i);
    ast_buf_puts(&fun, "F = fun(A) -> A");
    for (int i = 0; i < 255; i++)
        ast_buf_printf(&fun, " + V%d", i);
    ast_buf_puts(&fun, " end, F(1).\n");
    check_msg(fun.s, true,
              "t.erl:3: error: too many variables captured by a fun or comprehension (256 with its arguments, at most 255)",
              __FILE__, __LINE__);
    free(fun.s);
}
END_TEST

/* A comprehension's helpers capture only what the rest of it uses, as
 * erlc's do (Y, bound by the second generator, is not captured). */
START_TEST(run_comprehension_captures)
{
    const char *src = "main() -> g(10).\ng(B) -> [X + B || X <- [1, 2], Y <- [a, b], Y =/= c].\n";
    Comp c = compile_src(MOD "main() -> g(10).\ng(B) -> [X + B || X <- [1, 2], Y <- [a, b], Y =/= c].\n");
    ck_assert_msg(c.ok, "%s", c.msgs);
    /* erlc -S: '-g/1-lc$^0/1-0-'/2 (list, B), '-g/1-lc$^1/1-1-'/4 (list,
     * the outer tail, X, B) */
    ck_assert_msg(strstr(c.asm_text, "{function, '-g/1-lc$^0/1-0-', 2,") != NULL, "%s", c.asm_text);
    ck_assert_msg(strstr(c.asm_text, "{function, '-g/1-lc$^1/1-1-', 4,") != NULL, "%s", c.asm_text);
    comp_free(&c);
    RUN(src, "[11,11,12,12]");
}
END_TEST

/* module_info/0,1 exist in every module: callable, not definable, and
 * exporting them (or anything twice) is warned about, as erlc does. */
START_TEST(err_module_info)
{
    ERR("main() -> ok.\nmodule_info() -> mine.\n", "t.erl:4:1: error: function module_info/0 already defined");
    WARN("-export([module_info/1]).\nmain() -> {module_info(), fun module_info/1}.\n",
         "t.erl:3:2: warning: function module_info/1 already exported");
    WARN("-export([main/0]).\nmain() -> ok.\n", "t.erl:3:2: warning: function main/0 already exported");
}
END_TEST

START_TEST(opts_no_warnings)
{
    const char *src = MOD "main() -> ok.\nf(X) -> ok.\n";
    char *msgs = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&msgs, &n);
    BcBuf bc = { 0 };
    CompOptions o = { NULL, true };
    bool ok = comp_compile_opts(src, strlen(src), "t.erl", &o, f, &bc, NULL);
    fclose(f);
    ck_assert(ok);
    ck_assert_msg(n == 0, "%s", msgs);
    free(msgs);
    bc_buf_free(&bc);
}
END_TEST

START_TEST(err_syntax_passes_through)
{
    ERR("main() -> ok.\nf( -> ok.\n", "t.erl:4:4: error: syntax error before: '->'");
}
END_TEST

/* ---- suite */

static Suite *compile_suite(void)
{
    Suite *s = suite_create("compile");
    TCase *t = tcase_create("run");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, run_fib);
    tcase_add_test(t, run_clauses_and_guards);
    tcase_add_test(t, run_guard_exceptions_are_false);
    tcase_add_test(t, run_case_if_exports);
    tcase_add_test(t, run_errors_raised);
    tcase_add_test(t, run_bool_ops);
    tcase_add_test(t, run_funs);
    tcase_add_test(t, run_dynamic_calls);
    tcase_add_test(t, run_comprehensions);
    tcase_add_test(t, run_try_catch);
    tcase_add_test(t, run_catch_keeps_values);
    tcase_add_test(t, run_records);
    tcase_add_test(t, run_terms);
    tcase_add_test(t, run_patterns);
    tcase_add_test(t, run_tail_calls_in_constant_stack);
    tcase_add_test(t, run_under_gc_stress);
    tcase_add_test(t, run_binaries_and_unicode);
    tcase_add_test(t, run_message_code_is_generated);
    tcase_add_test(t, run_asm_out_is_erlc_syntax);
    tcase_add_test(t, run_comprehension_captures);
    suite_add_tcase(s, t);
    TCase *e = tcase_create("errors");
    tcase_add_test(e, err_unbound);
    tcase_add_test(e, err_unsafe);
    tcase_add_test(e, err_undefined_functions);
    tcase_add_test(e, err_patterns_and_guards);
    tcase_add_test(e, err_records);
    tcase_add_test(e, err_all_reported);
    tcase_add_test(e, warn_unused_and_shadowed);
    tcase_add_test(e, err_unsupported_binaries);
    tcase_add_test(e, err_unsupported_binary_no_cascade);
    tcase_add_test(e, err_bytecode_limits);
    tcase_add_test(e, err_module_info);
    tcase_add_test(e, opts_no_warnings);
    tcase_add_test(e, err_syntax_passes_through);
    suite_add_tcase(s, e);
    return s;
}

int main(void)
{
    atom_init();
    export_init();
    bif_init();
    interp_init();
    SRunner *sr = srunner_create(compile_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
