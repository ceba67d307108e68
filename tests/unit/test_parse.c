/* test_parse.c - the Erlang-subset front end (compiler/lexer.c,
 * preproc.c, parser.c, ast.c): the tree printed back as text for a corpus
 * of valid forms, the preprocessor, erlc's error messages with their
 * line:col, the tree's fields and positions, and robustness (random
 * bytes, truncated sources, deep nesting, macro bombs, a 5,000-line
 * module).
 *
 * The expected texts of the three tables below were produced by erl
 * itself (OTP 25): the forms through epp:parse_file/2 and a printer
 * written in Erlang that writes erl_parse's tree in ast_print_form()'s
 * format, the errors through epp:parse_file/2's {error, ...} entries, so
 * the parser is checked against erl_parse and erl_scan, not against
 * itself. (Maps, which erlc accepts and the subset rejects, are tested
 * separately.) */
#define _GNU_SOURCE
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ast.h"
#include "diag.h"
#include "lexer.h"
#include "parser.h"

typedef struct {
    const char *src;
    const char *expect;
} Case;

static const Case valid_cases[] = {
    {"f() -> 1 + 2 * 3.",
     "f() -> (1 + (2 * 3)).\n"},
    {"f() -> (1 + 2) * 3.",
     "f() -> ((1 + 2) * 3).\n"},
    {"f() -> 1 - 2 - 3.",
     "f() -> ((1 - 2) - 3).\n"},
    {"f() -> 2 * 3 / 4 div 5 rem 6.",
     "f() -> ((((2 * 3) / 4) div 5) rem 6).\n"},
    {"f() -> a ++ b ++ c.",
     "f() -> (a ++ (b ++ c)).\n"},
    {"f() -> a -- b -- c.",
     "f() -> (a -- (b -- c)).\n"},
    {"f() -> a ++ b -- c.",
     "f() -> (a ++ (b -- c)).\n"},
    {"f(X, Y) -> X = Y = 1.",
     "f(X, Y) -> (X = (Y = 1)).\n"},
    {"f(X, Y, Z) -> X ! Y ! Z.",
     "f(X, Y, Z) -> (X ! (Y ! Z)).\n"},
    {"f(X, Y) -> X = Y ! 1.",
     "f(X, Y) -> (X = (Y ! 1)).\n"},
    {"f() -> a orelse b orelse c.",
     "f() -> (a orelse (b orelse c)).\n"},
    {"f() -> a andalso b andalso c.",
     "f() -> (a andalso (b andalso c)).\n"},
    {"f() -> a andalso b orelse c andalso d.",
     "f() -> ((a andalso b) orelse (c andalso d)).\n"},
    {"f() -> not a andalso b.",
     "f() -> ((not a) andalso b).\n"},
    {"f() -> not a == b.",
     "f() -> ((not a) == b).\n"},
    {"f(X) -> - X * 2.",
     "f(X) -> ((-X) * 2).\n"},
    {"f(X) -> - - X.",
     "f(X) -> (-(-X)).\n"},
    {"f(X) -> + - X.",
     "f(X) -> (+(-X)).\n"},
    {"f(X) -> not not X.",
     "f(X) -> (not (not X)).\n"},
    {"f(X) -> bnot X band 3 bor 4 bxor 5 bsl 1 bsr 2.",
     "f(X) -> ((((((bnot X) band 3) bor 4) bxor 5) bsl 1) bsr 2).\n"},
    {"f(X) -> X and true or false xor X.",
     "f(X) -> (((X and true) or false) xor X).\n"},
    {"f(X) -> X == 1 andalso X /= 2 orelse X =:= 3 orelse X =/= 4.",
     "f(X) -> (((X == 1) andalso (X /= 2)) orelse ((X =:= 3) orelse (X =/= 4))).\n"},
    {"f(X) -> X < 1 orelse X > 2 orelse X =< 3 orelse X >= 4.",
     "f(X) -> ((X < 1) orelse ((X > 2) orelse ((X =< 3) orelse (X >= 4)))).\n"},
    {"f() -> 1 + 2 == 3.",
     "f() -> ((1 + 2) == 3).\n"},
    {"f() -> 1 + 2 = 3.",
     "f() -> ((1 + 2) = 3).\n"},
    {"f(X) -> catch X + 1.",
     "f(X) -> (catch (X + 1)).\n"},
    {"f(X) -> Y = catch X, Y.",
     "f(X) -> (Y = (catch X)), Y.\n"},
    {"f(X) -> X + catch X + 1.",
     "f(X) -> (X + (catch (X + 1))).\n"},
    {"f(X) -> catch X = 1.",
     "f(X) -> (catch (X = 1)).\n"},
    {"f(X) -> - catch X.",
     "f(X) -> (-(catch X)).\n"},
    {"f(X) -> X#r.a + 1.",
     "f(X) -> (X#r.a + 1).\n"},
    {"f(M) -> - M:f() * 2.",
     "f(M) -> ((-M:f()) * 2).\n"},
    {"f() -> [1, 2 | [3]] ++ [4].",
     "f() -> ([1, 2, 3] ++ [4]).\n"},
    {"f() -> -1 + - 2 - -3.",
     "f() -> ((-1 + -2) - -3).\n"},
    {"f() -> ((((1)))).",
     "f() -> 1.\n"},
    {"f(X) -> X * (X + 1) - (X - 1) / 2.",
     "f(X) -> ((X * (X + 1)) - ((X - 1) / 2)).\n"},
    {"f() -> {16#FF, 2#1010, 36#Zz, 8#777, 16#ff_ff, 1_000_000, 0}.",
     "f() -> {255, 10, 1295, 511, 65535, 1000000, 0}.\n"},
    {"f() -> {$a, $\\n, $\\s, $\\x{41}, $\\101, $\\^A, $\\e, $\\d, $', $\", $\\\\, $ }.",
     "f() -> {$a, $\\n, $\\s, $A, $A, $\\001, $\\e, $\\d, $', $\\\", $\\\\, $\\s}.\n"},
    {"f() -> {123456789012345678901234567890, -123456789012345678901234567890, 9223372036854775807, -9223372036854775808, 9223372036854775808}.",
     "f() -> {123456789012345678901234567890, -123456789012345678901234567890, 9223372036854775807, -9223372036854775808, 9223372036854775808}.\n"},
    {"f() -> 16#FFFFFFFFFFFFFFFFFFFFFFFF.",
     "f() -> 79228162514264337593543950335.\n"},
    {"f() -> {1.5, 1.0e10, 2.5e-3, 1.0e-5, 100.0, 0.1, 1234567.0, 1.5e3, 1_0.2_5, 1.0E+2, -0.0}.",
     "f() -> {1.5, 1.0e10, 0.0025, 1.0e-5, 100.0, 0.1, 1234567.0, 1.5e3, 10.25, 100.0, -0.0}.\n"},
    {"f() -> {'hello world', 'A', '', 'case', 'foo\\nbar', a@b, hello_World9}.",
     "f() -> {'hello world', 'A', '', 'case', 'foo\\nbar', a@b, hello_World9}.\n"},
    {"f() -> {\"abc\" \"def\", \"\", \"tab\\there\\\"q\\\"\", \"\\x{400}\\101\\^G\", \"multi\nline\"}.",
     "f() -> {\"abcdef\", \"\", \"tab\\there\\\"q\\\"\", \"\\x{400}A\\007\", \"multi\\nline\"}.\n"},
    {"f() -> {<<>>, [], {}, [[]], {{}}}.",
     "f() -> {<<>>, [], {}, [[]], {{}}}.\n"},
    {"f() -> {'\\x{400}', \"\\e\\d\\v\\f\\b\\r\"}.",
     "f() -> {'\\x{400}', \"\\e\\d\\v\\f\\b\\r\"}.\n"},
    {"f(M, F) -> g(1), M:F(2), m:f(3), M:f(), F(5), apply(M, F, []).",
     "f(M, F) -> g(1), M:F(2), m:f(3), M:f(), F(5), apply(M, F, []).\n"},
    {"f(F) -> (fun g/1)(4), (F)(1), (f())(2), fun m:f/1(1), (m:f(1)):g().",
     "f(F) -> (fun g/1)(4), F(1), (f())(2), (fun m:f/1)(1), (m:f(1)):g().\n"},
    {"f(M, F, A) -> {fun g/2, fun m:g/2, fun M:F/A, fun m:F/2, fun M:g/A}.",
     "f(M, F, A) -> {fun g/2, fun m:g/2, fun M:F/A, fun m:F/2, fun M:g/A}.\n"},
    {"f() -> fun (X) -> X end.",
     "f() -> fun (X) -> X end.\n"},
    {"f() -> fun () -> ok end.",
     "f() -> fun () -> ok end.\n"},
    {"f() -> fun (X) when X > 0 -> pos; (_) -> neg end.",
     "f() -> fun (X) when (X > 0) -> pos; (_) -> neg end.\n"},
    {"f() -> fun Loop(0) -> done; Loop(N) -> Loop(N - 1) end.",
     "f() -> fun Loop(0) -> done; Loop(N) -> Loop((N - 1)) end.\n"},
    {"f() -> fun (X, Y) when X > Y; X < 0 -> {X, Y} end.",
     "f() -> fun (X, Y) when (X > Y); (X < 0) -> {X, Y} end.\n"},
    {"f() -> erlang:'+'(1, 2).",
     "f() -> erlang:'+'(1, 2).\n"},
    {"f(X) -> case X of {a, Y} when Y > 0; Y < -5 -> Y; [H | _] -> H; _ -> none end.",
     "f(X) -> case X of {a, Y} when (Y > 0); (Y < -5) -> Y; [H | _] -> H; _ -> none end.\n"},
    {"f(X) -> case X of 1 + 2 -> three; \"ab\" ++ T -> T end.",
     "f(X) -> case X of (1 + 2) -> three; (\"ab\" ++ T) -> T end.\n"},
    {"f(X) -> if X > 0 -> pos; X < 0, X > -10; X =:= -20 -> neg; true -> zero end.",
     "f(X) -> if (X > 0) -> pos; (X < 0), (X > -10); (X =:= -20) -> neg; true -> zero end.\n"},
    {"f() -> receive {a, X} -> X; b -> b after 1000 -> timeout end.",
     "f() -> receive {a, X} -> X; b -> b after 1000 -> timeout end.\n"},
    {"f() -> receive after 0 -> ok end.",
     "f() -> receive after 0 -> ok end.\n"},
    {"f() -> receive X when is_atom(X) -> X end.",
     "f() -> receive X when is_atom(X) -> X end.\n"},
    {"f() -> try g() of 1 -> one; _ -> other catch throw:T -> T; error:R:S -> {R, S}; exit:_ -> x; Z -> Z after done() end.",
     "f() -> try g() of 1 -> one; _ -> other catch T -> T; error:R:S -> {R, S}; exit:_ -> x; Z -> Z after done() end.\n"},
    {"f() -> try g() catch _ -> err end.",
     "f() -> try g() catch _ -> err end.\n"},
    {"f() -> try g() after h() end.",
     "f() -> try g() after h() end.\n"},
    {"f() -> try g(), h() of X -> X after i() end.",
     "f() -> try g(), h() of X -> X after i() end.\n"},
    {"f() -> try g() catch C:R when C =:= error -> R end.",
     "f() -> try g() catch C:R when (C =:= error) -> R end.\n"},
    {"f() -> try g() catch {a, B} -> B; [_] = L -> L end.",
     "f() -> try g() catch {a, B} -> B; ([_] = L) -> L end.\n"},
    {"f() -> begin a, b, c end.",
     "f() -> begin a, b, c end.\n"},
    {"f() -> begin X = 1, X + 1 end * 2.",
     "f() -> (begin (X = 1), (X + 1) end * 2).\n"},
    {"f(L) -> [X * 2 || X <- L, X > 1, {Y, Z} <- pairs(), Y =/= Z].",
     "f(L) -> [(X * 2) || X <- L, (X > 1), {Y, Z} <- pairs(), (Y =/= Z)].\n"},
    {"f(B) -> << <<X:8>> || <<X:4>> <= B >>.",
     "f(B) -> <<<<X:8>> || <<X:4>> <= B>>.\n"},
    {"f(B) -> [X || <<X>> <= B, X > 0].",
     "f(B) -> [X || <<X>> <= B, (X > 0)].\n"},
    {"f(L) -> [[Y || Y <- X] || X <- L].",
     "f(L) -> [[Y || Y <- X] || X <- L].\n"},
    {"f(L) -> [{X, Y} || X <- L, Y <- L, true].",
     "f(L) -> [{X, Y} || X <- L, Y <- L, true].\n"},
    {"f(L) -> << (g(X)) || X <- L >>.",
     "f(L) -> <<g(X) || X <- L>>.\n"},
    {"f(R) -> {#r{}, #r{a = 1, b = 2}, R#r{a = 3}, R#r.a, #r.b, R#r.a#s.b, (g())#r.a, #r{_ = 0, a = 1}}.",
     "f(R) -> {#r{}, #r{a = 1, b = 2}, R#r{a = 3}, R#r.a, #r.b, R#r.a#s.b, g()#r.a, #r{_ = 0, a = 1}}.\n"},
    {"f(R) -> R#r{a = 1}#r{b = 2}, #r{a = 1}#r.a, (R)#r.a.",
     "f(R) -> R#r{a = 1}#r{b = 2}, #r{a = 1}#r.a, R#r.a.\n"},
    {"f(#r{a = A} = R, #r.b) -> {A, R}.",
     "f((#r{a = A} = R), #r.b) -> {A, R}.\n"},
    {"f(#r{a = #s{b = B}}) -> B.",
     "f(#r{a = #s{b = B}}) -> B.\n"},
    {"f(X, Y) -> <<X:8, Y/binary, 1:4/integer-unit:1, \"abc\"/utf8, 1.5/float-little, (X + 1):16/signed-big, -1:8, <<1>>/bits>>.",
     "f(X, Y) -> <<X:8, Y/binary, 1:4/integer-unit:1, \"abc\"/utf8, 1.5/float-little, (X + 1):16/signed-big, -1:8, <<1>>/bits>>.\n"},
    {"f(X) -> <<X:(X + 1), X/unit:8-binary, $a, \"a\" \"b\", 'x'>>.",
     "f(X) -> <<X:(X + 1), X/unit:8-binary, $a, \"ab\", x>>.\n"},
    {"f(<<S:8, _/binary>>, <<\"ab\", R/bytes>>) -> {S, R}.",
     "f(<<S:8, _/binary>>, <<\"ab\", R/bytes>>) -> {S, R}.\n"},
    {"f(<<>>) -> empty; f(<<X:16/little-signed-integer-unit:1>>) -> X.",
     "f(<<>>) -> empty; f(<<X:16/little-signed-integer-unit:1>>) -> X.\n"},
    {"f({a, B}, [H | T], \"ab\" ++ R, X = {_, _}, -1, $c, 1.5, 'A', _) -> {B, H, T, R, X}.",
     "f({a, B}, [H | T], (\"ab\" ++ R), (X = {_, _}), -1, $c, 1.5, 'A', _) -> {B, H, T, R, X}.\n"},
    {"f([X] = Y) -> Y.",
     "f(([X] = Y)) -> Y.\n"},
    {"f((X)) -> X.",
     "f(X) -> X.\n"},
    {"f(X = Y = Z) -> {X, Y, Z}.",
     "f((X = (Y = Z))) -> {X, Y, Z}.\n"},
    {"f(- 1) -> neg; f(+ 1) -> pos; f(1 + 2 * 3) -> seven; f(\"a\" ++ \"b\" ++ T) -> T.",
     "f(-1) -> neg; f(1) -> pos; f((1 + (2 * 3))) -> seven; f((\"a\" ++ (\"b\" ++ T))) -> T.\n"},
    {"f(X) when is_integer(X), X > 0; is_float(X) -> ok; f(X) when X andalso true -> ok.",
     "f(X) when is_integer(X), (X > 0); is_float(X) -> ok; f(X) when (X andalso true) -> ok.\n"},
    {"f(X) when element(1, X) =:= a, tuple_size(X) > 2 -> ok.",
     "f(X) when (element(1, X) =:= a), (tuple_size(X) > 2) -> ok.\n"},
    {"f([g()]) -> ok.",
     "f([g()]) -> ok.\n"},
    {"f(X) when X#r.a > 0 -> ok.",
     "f(X) when (X#r.a > 0) -> ok.\n"},
    {"f() -> ok; f() -> ok.",
     "f() -> ok; f() -> ok.\n"},
    {"'f o'() -> ok.",
     "'f o'() -> ok.\n"},
    {"f(A, B, C, D, E, F, G, H, I, J) -> [A, B, C, D, E, F, G, H, I, J].",
     "f(A, B, C, D, E, F, G, H, I, J) -> [A, B, C, D, E, F, G, H, I, J].\n"},
    {"-export([f/0, g/1, 'h i'/2]).",
     "-export([f/0, g/1, 'h i'/2]).\n"},
    {"-export([]).",
     "-export([]).\n"},
    {"-import(lists, [map/2, foldl/3]).",
     "-import(lists, [map/2, foldl/3]).\n"},
    {"-record(r, {a, b = 1, c = [] :: list(), d :: integer(), e = fun () -> ok end}).",
     "-record(r, {a, b = 1, c = [] :: _, d :: _, e = fun () -> ok end}).\n"},
    {"-record(r, {}).",
     "-record(r, {}).\n"},
    {"-record(r, {a = 1 :: 0..255, b :: fun((A) -> B) | undefined, c :: #{a => b}, d :: <<_:8, _:_*4>>}).",
     "-record(r, {a = 1 :: _, b :: _, c :: _, d :: _}).\n"},
    {"-record r, {a :: integer()}.",
     "-record(r, {a :: _}).\n"},
    {"-compile(export_all).",
     "-compile(export_all).\n"},
    {"-compile([{inline, [f/1]}, nowarn_unused]).",
     "-compile([{inline, [{f, 1}]}, nowarn_unused]).\n"},
    {"-vsn(\"1.0\").",
     "-vsn(\"1.0\").\n"},
    {"-author('me').",
     "-author(me).\n"},
    {"-behaviour(gen_server).",
     "-behaviour(gen_server).\n"},
    {"-dialyzer({nowarn_function, f/0}).",
     "-dialyzer({nowarn_function, {f, 0}}).\n"},
    {"-foo({a, [b, \"c\"], <<1, 2>>, -1, 1.5, f/1, [g/2 | h]}).",
     "-foo({a, [b, \"c\"], <<1, 2>>, -1, 1.5, {f, 1}, [{g, 2} | h]}).\n"},
    {"-on_load(init/0).",
     "-on_load({init, 0}).\n"},
    {"-vsn 1.",
     "-vsn(1).\n"},
    {"-foo ([a]).",
     "-foo([a]).\n"},
    {"-spec f(integer()) -> integer().",
     ""},
    {"-spec f(X) -> ok when X :: integer() | atom(); (Y) -> Y when Y :: [tuple()].",
     ""},
    {"-spec m:f(a) -> b.",
     ""},
    {"-spec (f(a) -> b).",
     ""},
    {"-callback init(Args :: term()) -> {ok, State :: term()} | {error, Reason :: term()}.",
     ""},
    {"-type t() :: [t()] | {a, b} | #r{} | fun(() -> ok) | -1 | 1 bsl 3.",
     ""},
    {"-type t(A) :: #{a => A, b := 1..5} | fun((...) -> ok) | <<_:8, _:_*4>> | [A, ...] | m:t(A).",
     ""},
    {"-opaque o() :: {x, y}.",
     ""},
    {"-type(t() :: ok).",
     ""},
    {"-export_type([t/0]).",
     "-export_type([{t, 0}]).\n"},
};

static const Case preproc_cases[] = {
    {"-module(m).\n-define(X, 42).\n-define(ADD(A, B), A + B).\nf() -> {?X, ?ADD(1, 2), ?MODULE, ?MODULE_STRING, ?LINE}.\n",
     "-module(m).\nf() -> {42, (1 + 2), m, \"m\", 4}.\n"},
    {"-define(A, 1).\n-define(A(X), {X}).\n-define(A(X, Y), {X, Y}).\nf() -> {?A, ?A(2), ?A(3, 4), ?A (5)}.\n",
     "f() -> {1, {2}, {3, 4}, {5}}.\n"},
    {"-define(S(X), ??X).\nf() -> {?S(1 + 2), ?S({a, \"b\", $c, 'D', 1.5}), ?S([x|y])}.\n",
     "f() -> {\"1 + 2\", \"{ a , \\\"b\\\" , $c , 'D' , 1.5 }\", \"[ x | y ]\"}.\n"},
    {"-define(F(X), X(1)).\nf() -> ?F(g), ?F(fun h/1).\n",
     "f() -> g(1), (fun h/1)(1).\n"},
    {"-define(D, ?B(?A)).\n-define(B(X), {X}).\n-define(A, a).\nf() -> ?D.\n",
     "f() -> {a}.\n"},
    {"-define(C(X, Y), [X | Y]).\nf() -> ?C((1), [2]), ?C({a, b}, []), ?C(begin x end, case y of _ -> [] end), ?C(fun() -> a end, []).\n",
     "f() -> [1, 2], [{a, b}], [begin x end | case y of _ -> [] end], [fun () -> a end].\n"},
    {"-define(Z, z).\n-undef(Z).\n-ifdef(Z).\nf() -> defined.\n-else.\nf() -> undefined.\n-endif.\n",
     "f() -> undefined.\n"},
    {"-ifndef(NOPE).\nf() -> a.\n-endif.\n-ifdef(NOPE).\ng() -> b.\n-endif.\n",
     "f() -> a.\n"},
    {"-if(?OTP_RELEASE >= 21).\nf() -> new.\n-elif(true).\nf() -> old.\n-else.\nf() -> older.\n-endif.\n",
     "f() -> new.\n"},
    {"-if(false).\nf() -> a.\n-elif(1 + 1 =:= 2).\nf() -> b.\n-else.\nf() -> c.\n-endif.\n",
     "f() -> b.\n"},
    {"-define(X, 1).\n-if(defined(X) andalso not defined(Y)).\nf() -> yes.\n-else.\nf() -> no.\n-endif.\n",
     "f() -> yes.\n"},
    {"-ifdef(A).\n-ifdef(B).\nf() -> 1.\n-else.\nf() -> 2.\n-endif.\n-else.\n-ifdef(C).\nf() -> 3.\n-else.\nf() -> 4.\n-endif.\n-endif.\n",
     "f() -> 4.\n"},
    {"f(X) -> {?FUNCTION_NAME, ?FUNCTION_ARITY, X}.\ng({A, B}, [C]) -> ?FUNCTION_ARITY.\n",
     "f(X) -> {f, 1, X}.\ng({A, B}, [C]) -> 2.\n"},
    {"-define(P(X), X + ?LINE).\nf() ->\n    ?P(\n      1).\n",
     "f() -> (1 + 4).\n"},
    {"-define(EMPTY, ).\n-define(TWO, 1, 2).\nf() -> {?TWO ?EMPTY}.\n",
     "f() -> {1, 2}.\n"},
    {"-define(M, m).\n-define(F, f).\ng() -> ?M:?F(), fun ?M:?F/0.\n",
     "g() -> m:f(), fun m:f/0.\n"},
    {"-define(R, #r).\nf(X) -> {?R{a = 1}, X?R.a}.\n",
     "f(X) -> {#r{a = 1}, X#r.a}.\n"},
    {"-define(HEAD, f(X) ->).\n?HEAD X + 1.\n",
     "f(X) -> (X + 1).\n"},
    {"-define('quoted macro', 1).\n-define(Var, 2).\nf() -> ?'quoted macro' + ?Var.\n",
     "f() -> (1 + 2).\n"},
    {"-ifdef(MACHINE).\nf() -> ?MACHINE.\n-endif.\n",
     "f() -> 'BEAM'.\n"},
    {"-if(?FEATURE_AVAILABLE(maybe_expr)).\nf() -> avail.\n-endif.\n-if(?FEATURE_ENABLED(maybe_expr)).\ng() -> enabled.\n-endif.\n",
     "f() -> avail.\n"},
    {"-undef(LINE).\nf() -> ?LINE.\n-define(x, 1).\ng() -> ?x.\n",
     "f() -> 2.\ng() -> 1.\n"},
    {"f() -> {?'LINE', ?LINE}.\n",
     "f() -> {1, 1}.\n"},
    {"-define(D,? ?B(?A)).\n-define(A, a).\nf(B) -> ?D.\n",
     "f(B) -> B(a).\n"},
};

static const Case error_cases[] = {
    {"f() -> foo()).\n",
     "t.erl:1:13: error: syntax error before: ')'\n"},
    {"f() -> 1 +.\n",
     "t.erl:1:11: error: syntax error before: '.'\n"},
    {"f(X) -> X == X == X.\n",
     "t.erl:1:16: error: syntax error before: '=='\n"},
    {"f(X) -> X < X >= X.\n",
     "t.erl:1:15: error: syntax error before: '>='\n"},
    {"f() -> f(1)(2).\n",
     "t.erl:1:12: error: syntax error before: '('\n"},
    {"f() -> a:b:c().\n",
     "t.erl:1:11: error: syntax error before: ':'\n"},
    {"f(X) -> f(X)#r.a.\n",
     "t.erl:1:13: error: syntax error before: '#'\n"},
    {"f(X) -> X#r.a.b.\n",
     "t.erl:1:14: error: syntax error before: '.'\n"},
    {"f(X) -> fun f/X.\n",
     "t.erl:1:15: error: syntax error before: X\n"},
    {"f(X) -> fun f(X).\n",
     "t.erl:1:14: error: syntax error before: '('\n"},
    {"f(X) -> try X end.\n",
     "t.erl:1:15: error: syntax error before: 'end'\n"},
    {"f() -> receive end.\n",
     "t.erl:1:16: error: syntax error before: 'end'\n"},
    {"f() -> if end.\n",
     "t.erl:1:11: error: syntax error before: 'end'\n"},
    {"f(foo()) -> ok.\n",
     "t.erl:1:6: error: syntax error before: '('\n"},
    {"f(X!Y) -> ok.\n",
     "t.erl:1:4: error: syntax error before: '!'\n"},
    {"f(X) -> <<X+1:8>>.\n",
     "t.erl:1:12: error: syntax error before: '+'\n"},
    {"f() -> {1 2}.\n",
     "t.erl:1:11: error: syntax error before: 2\n"},
    {"f() -> [1 | 2 | 3].\n",
     "t.erl:1:15: error: syntax error before: '|'\n"},
    {"f() -> #r{a}.\n",
     "t.erl:1:12: error: syntax error before: '}'\n"},
    {"f() -> #X{}.\n",
     "t.erl:1:9: error: syntax error before: X\n"},
    {"f() -> #r.\n",
     "t.erl:1:10: error: syntax error before: '.'\n"},
    {"f() -> fun().\n",
     "t.erl:1:13: error: syntax error before: '.'\n"},
    {"f(X) when -> X.\n",
     "t.erl:1:11: error: syntax error before: '->'\n"},
    {"f() -> ok\n",
     "t.erl:1:8: error: syntax error before: \n"},
    {"f() -> ok",
     "t.erl:1:8: error: syntax error before: \n"},
    {"X.\n",
     "t.erl:1:1: error: syntax error before: X\n"},
    {"-1.\n",
     "t.erl:1:2: error: syntax error before: 1\n"},
    {"- .\n",
     "t.erl:1:3: error: syntax error before: '.'\n"},
    {".\n",
     "t.erl:1:1: error: syntax error before: '.'\n"},
    {"f() -> \"a\" \"b\" X.\n",
     "t.erl:1:16: error: syntax error before: X\n"},
    {"f(X) -> try X catch {a,b}:R -> R end.\n",
     "t.erl:1:26: error: syntax error before: ':'\n"},
    {"f(X) -> try X catch a:R:foo -> R end.\n",
     "t.erl:1:25: error: syntax error before: foo\n"},
    {"f() -> X = 1, .\n",
     "t.erl:1:15: error: syntax error before: '.'\n"},
    {"f(X) -> case X of 1 -> a; end.\n",
     "t.erl:1:27: error: syntax error before: 'end'\n"},
    {"f(B) -> [X || X <- B, (<<Y>>) <= B].\n",
     "t.erl:1:31: error: syntax error before: '<='\n"},
    {"f() -> 'a''b'.\n",
     "t.erl:1:11: error: syntax error before: b\n"},
    {"f(M) -> M:f:g.\n",
     "t.erl:1:12: error: syntax error before: ':'\n"},
    {"-foo (1), 2.\n",
     "t.erl:1:11: error: bad attribute\n"},
    {"-foo (1) + 2.\n",
     "t.erl:1:7: error: bad attribute\n"},
    {"f() -> a; g() -> b c.\n",
     "t.erl:1:11: error: head mismatch\n"},
    {"f() -> ok. g() -> ) . h() -> ok.\n",
     "t.erl:1:19: error: syntax error before: ')'\n"},
    {"f() -> X = catch.\n",
     "t.erl:1:17: error: syntax error before: '.'\n"},
    {"f() -> cond.\n",
     "t.erl:1:8: error: syntax error before: 'cond'\n"},
    {"f(X) -> X; .\n",
     "t.erl:1:12: error: syntax error before: '.'\n"},
    {"f(X) -> X; g -> 1.\n",
     "t.erl:1:14: error: syntax error before: '->'\n"},
    {"f(X) -> 1; g(X) -> 2.\n",
     "t.erl:1:12: error: head mismatch\n"},
    {"f(X) -> 1; f(X, Y) -> 2.\n",
     "t.erl:1:12: error: head mismatch\n"},
    {"f() -> fun (0) -> 0; (A, B) -> 1 end.\n",
     "t.erl:1:22: error: head mismatch\n"},
    {"f() -> fun F(0) -> 0; G(N) -> 1 end.\n",
     "t.erl:1:23: error: head mismatch\n"},
    {"f() -> fun (0) -> 0; G(N) -> G(N - 1) end.\n",
     "t.erl:1:22: error: head mismatch\n"},
    {"-export([g]).\n",
     "t.erl:1:9: error: bad Name/Arity\n"},
    {"-export([g/a]).\n",
     "t.erl:1:12: error: bad function arity\n"},
    {"-export([1/2]).\n",
     "t.erl:1:10: error: bad function name\n"},
    {"-export(foo).\n",
     "t.erl:1:9: error: bad Name/Arity\n"},
    {"-export([f/1], x).\n",
     "t.erl:1:16: error: bad export declaration\n"},
    {"-export.\n",
     "t.erl:1:8: error: syntax error before: '.'\n"},
    {"-export([f/1, g]).\n",
     "t.erl:1:15: error: bad Name/Arity\n"},
    {"-export([f/$a]).\n",
     "t.erl:1:12: error: bad function arity\n"},
    {"-export([f/1 | x]).\n",
     "t.erl:1:16: error: bad Name/Arity\n"},
    {"-module.\n",
     "t.erl:1:8: error: syntax error before: '.'\n"},
    {"-module(\"m\").\n",
     "t.erl:1:9: error: bad module declaration\n"},
    {"-foo(X).\n",
     "t.erl:1:6: error: bad attribute\n"},
    {"-foo(1 + 2).\n",
     "t.erl:1:6: error: bad attribute\n"},
    {"-foo(a, b).\n",
     "t.erl:1:9: error: bad attribute\n"},
    {"-specf(integer()) -> integer().\n",
     "t.erl:1:8: error: bad attribute\n"},
    {"-foo(a) -> b.\n",
     "t.erl:1:9: error: syntax error before: '->'\n"},
    {"-foo(X) -> b.\n",
     "t.erl:1:6: error: bad attribute\n"},
    {"-record(r, {a, 1}).\n",
     "t.erl:1:16: error: bad record field\n"},
    {"-record(r, [a]).\n",
     "t.erl:1:12: error: bad record declaration\n"},
    {"-record(r).\n",
     "t.erl:1:9: error: bad record declaration\n"},
    {"-record(\"r\", {a}).\n",
     "t.erl:1:9: error: bad record declaration\n"},
    {"-record(r, {1 :: integer()}) x.\n",
     "t.erl:1:13: error: bad record field\n"},
    {"-record(r, {a = 1 :: integer()1, b}).\n",
     "t.erl:1:31: error: syntax error before: 1\n"},
    {"-import(lists, [map/2], x).\n",
     "t.erl:1:16: error: bad import declaration\n"},
    {"-spec f(X) -> ).\n",
     "t.erl:1:15: error: syntax error before: ')'\n"},
    {"-type t() :: 1..2..3.\n",
     "t.erl:1:18: error: syntax error before: '..'\n"},
    {"-type t() :: <<X:8>>.\n",
     "t.erl:1:16: error: Bad binary type\n"},
    {"-spec f(X) -> ok when foo(X).\n",
     "t.erl:1:23: error: unsupported constraint foo\n"},
    {"-spec f(X) -> ok when _ :: atom().\n",
     "t.erl:1:23: error: bad type variable\n"},
    {"-type t(_) :: ok.\n",
     "t.erl:1:9: error: bad type variable\n"},
    {"-type t(a) :: ok.\n",
     "t.erl:1:9: error: bad type variable\n"},
    {"-type T :: ok.\n",
     "t.erl:1:2: error: bad type declaration\n"},
    {"-type t() :: m:t.\n",
     "t.erl:1:17: error: syntax error before: '.'\n"},
    {"-opaque t() , {a :: b}.\n",
     "t.erl:1:2: error: bad opaque declaration\n"},
    {"-spec f(integer() -> integer().\n",
     "t.erl:1:19: error: syntax error before: '->'\n"},
    {"f() -> 'abc\n",
     "t.erl:1:8: error: unterminated atom starting with 'abc\\n'\n"},
    {"f() -> \"abc\n",
     "t.erl:1:8: error: unterminated string starting with \"abc\\n\"\n"},
    {"f() -> \"abc\\",
     "t.erl:1:8: error: unterminated string starting with \"abc\"\n"},
    {"f() -> 1.0e400 + 1.\n",
     "t.erl:1:8: error: illegal float\nt.erl:1:16: error: syntax error before: '+'\n"},
    {"f() -> 37#1 + 2.\n",
     "t.erl:1:8: error: illegal base '37'\nt.erl:1:10: error: syntax error before: '#'\n"},
    {"f() -> 0037#1 + 2.\n",
     "t.erl:1:8: error: illegal base '37'\nt.erl:1:12: error: syntax error before: '#'\n"},
    {"f() -> 16#.\n",
     "t.erl:1:8: error: illegal integer\nt.erl:1:11: error: syntax error before: '.'\n"},
    {"f() -> 16#G.\n",
     "t.erl:1:8: error: illegal integer\nt.erl:1:11: error: syntax error before: G\n"},
    {"f() -> $",
     "t.erl:1:8: error: unterminated character\n"},
    {"f() -> \"\\x{110000}\".\ng() -> ok.\n",
     "t.erl:1:9: error: illegal character\nt.erl:1:19: error: unterminated string starting with \".\\ng() -> ok.\\n\"\n"},
    {"f() -> $\\x{D800}.\n",
     "t.erl:1:8: error: illegal character\nt.erl:1:17: error: syntax error before: '.'\n"},
    {"f() -> \"\\x{41\" ).\ng() -> 1.\n",
     "t.erl:1:9: error: illegal character\nt.erl:1:14: error: unterminated string starting with \" ).\\ng() -> 1.\\n\"\n"},
    {"f() -> a ` b.\n",
     "t.erl:1:10: error: syntax error before: '`'\n"},
    {"f() -> 1.5e.\n",
     "t.erl:1:8: error: illegal float\nt.erl:1:12: error: syntax error before: '.'\n"},
    {"f() -> 1.e5.\n",
     "t.erl:1:9: error: syntax error before: '.'\n"},
    {"f() -> \342\202\254 .\n",
     "t.erl:1:8: error: illegal character\nt.erl:1:10: error: syntax error before: '.'\n"},
    {"f() -> 2#102.\n",
     "t.erl:1:12: error: syntax error before: 2\n"},
    {"f() -> 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.\n",
     "t.erl:1:8: error: illegal atom\nt.erl:1:266: error: syntax error before: '.'\n"},
    {"f() -> aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.\n",
     "t.erl:1:8: error: illegal atom\nt.erl:1:264: error: syntax error before: '.'\n"},
    {"f() -> XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX.\n",
     "t.erl:1:8: error: illegal var\nt.erl:1:264: error: syntax error before: '.'\n"},
    {"f() -> \"a\\xb\".\n",
     "t.erl:1:10: error: illegal character\nt.erl:1:13: error: unterminated string starting with \".\\n\"\n"},
    {"f() -> $\\x.\n",
     "t.erl:1:8: error: illegal character\nt.erl:1:11: error: syntax error before: '.'\n"},
    {"h() -> $.\ni() -> 16#FZ.\nj() -> ok.\n",
     "t.erl:2:1: error: syntax error before: i\n"},
    {"f() -> 1_.\n",
     "t.erl:1:9: error: syntax error before: _\n"},
    {"f() -> 1__0.\n",
     "t.erl:1:9: error: syntax error before: __0\n"},
    {"f() -> \"\\x{FFFE}\".\n",
     "t.erl:1:9: error: illegal character\nt.erl:1:17: error: unterminated string starting with \".\\n\"\n"},
    {"\357\273\277f() -> ok.\n",
     "t.erl:1:1: error: illegal character\n"},
    {"-define(A, 1).\n-define(A, 2).\n",
     "t.erl:2:9: error: redefining macro 'A'\n"},
    {"f() -> ?B.\n",
     "t.erl:1:9: error: undefined macro 'B'\n"},
    {"f() -> ?B(1, 2).\n",
     "t.erl:1:9: error: undefined macro 'B/2'\n"},
    {"-define(A(X), X).\nf() -> ?A.\n",
     "t.erl:2:9: error: argument mismatch for macro 'A'\n"},
    {"-define(A(X), X).\nf() -> ?A(1, 2).\n",
     "t.erl:2:9: error: argument mismatch for macro 'A'\n"},
    {"-define(A(X), X).\nf() -> ?A(.\n",
     "t.erl:2:9: error: badly formed argument for macro 'A'\n"},
    {"-define(A(X), X).\nf() -> ?A(, 1).\n",
     "t.erl:2:9: error: badly formed argument for macro 'A'\n"},
    {"-define(A(X), X).\nf() -> ?A(1, ).\n",
     "t.erl:2:9: error: badly formed argument for macro 'A'\n"},
    {"-define(A(X, Y), X).\nf() -> ?A(1, , 2).\n",
     "t.erl:2:9: error: argument mismatch for macro 'A'\n"},
    {"-define A.\n",
     "t.erl:1:9: error: badly formed 'define'\n"},
    {"-define(A, 1\nf() -> x.\n",
     "t.erl:2:9: error: badly formed define: missing closing right parenthesis\n"},
    {"-define(A(X, X), 1).\n",
     "t.erl:1:14: error: argument 'X' already used\n"},
    {"-define(A(X) X).\n",
     "t.erl:1:14: error: badly formed define: missing comma\n"},
    {"-define(A(X, 1), X).\n",
     "t.erl:1:12: error: badly formed 'define'\n"},
    {"-define(A, 1)",
     "t.erl:1:13: error: premature end\n"},
    {"-define(1, 1).\n",
     "t.erl:1:9: error: badly formed 'define'\n"},
    {"-define(A(), 1).\nf() -> ?A.\n",
     "t.erl:2:9: error: argument mismatch for macro 'A'\n"},
    {"-undef(A, B).\n",
     "t.erl:1:9: error: badly formed 'undef'\n"},
    {"-ifdef(A).\nf() -> x.\n",
     "t.erl:3:1: error: unterminated '-ifdef'\n"},
    {"-ifdef(A).\n-ifdef(B).\n-else.\n",
     "t.erl:4:1: error: unterminated '-ifdef'\nt.erl:4:1: error: unterminated '-ifdef'\n"},
    {"-endif.\n",
     "t.erl:1:2: error: unbalanced '-endif'\n"},
    {"-else.\n",
     "t.erl:1:2: error: unbalanced '-else'\n"},
    {"-elif(true).\n",
     "t.erl:1:2: error: unbalanced '-elif'\n"},
    {"-ifdef(A).\n-else.\n-else.\n-endif.\n",
     "t.erl:3:2: error: repeated '-else'\n"},
    {"-if(true).\n-else.\n-elif(true).\n-endif.\n",
     "t.erl:3:2: error: 'elif' following 'else'\n"},
    {"-ifdef(A).\n-else.\n-elif(true).\n-endif.\n",
     "t.erl:3:2: error: unbalanced '-elif'\n"},
    {"-include(\"nonexist.hrl\").\n",
     "t.erl:1:10: error: can't find include file \"nonexist.hrl\"\n"},
    {"-include_lib(\"nonexist/include/x.hrl\").\n",
     "t.erl:1:14: error: can't find include lib \"nonexist/include/x.hrl\"\n"},
    {"-include(foo).\n",
     "t.erl:1:10: error: badly formed 'include'\n"},
    {"-include(\"a\", \"b\").\n",
     "t.erl:1:13: error: badly formed 'include'\n"},
    {"f() -> ?.\n",
     "t.erl:1:9: error: illegal macro call '?dot'\n"},
    {"f() -> ?1.\n",
     "t.erl:1:9: error: illegal macro call '?1'\n"},
    {"f() -> ??.\n",
     "t.erl:1:9: error: illegal macro call '?'?''\n"},
    {"f() -> ?(.\n",
     "t.erl:1:9: error: illegal macro call '?'(''\n"},
    {"f() -> ?\"a\".\n",
     "t.erl:1:9: error: illegal macro call '?\"a\"'\n"},
    {"f() -> ?$a.\n",
     "t.erl:1:9: error: illegal macro call '?97'\n"},
    {"f() -> ?'case'.\n",
     "t.erl:1:9: error: undefined macro 'case'\n"},
    {"-define(MODULE, x).\n",
     "t.erl:1:9: error: redefining predefined macro 'MODULE'\n"},
    {"-define(LINE, x).\n",
     "t.erl:1:9: error: redefining predefined macro 'LINE'\n"},
    {"-define(FILE, x).\n",
     "t.erl:1:9: error: redefining predefined macro 'FILE'\n"},
    {"f() -> ?MODULE.\n",
     "t.erl:1:9: error: undefined macro 'MODULE'\n"},
    {"-define(F, ?FUNCTION_NAME).\n-foo(?F).\n",
     "t.erl:2:7: error: ?FUNCTION_NAME can only be used within a function\n"},
    {"?FUNCTION_NAME() -> ok.\n",
     "t.erl:1:2: error: ?FUNCTION_NAME must not begin a form\n"},
    {"-if(1 +).\n-endif.\n",
     "t.erl:1:8: error: syntax error before: ')'\n"},
    {"-if(atom_to_list(a)).\n-endif.\n",
     "t.erl:1:2: error: badly formed 'if'\n"},
    {"-if(X = 1).\n-endif.\n",
     "t.erl:1:2: error: badly formed 'if'\n"},
    {"-if(true, false).\n-endif.\n",
     "t.erl:1:9: error: syntax error before: ','\n"},
    {"-if true.\n-endif.\n",
     "t.erl:1:5: error: badly formed 'if'\n"},
    {"-error(\"boom\").\n",
     "t.erl:1:2: error: -error(\"boom\").\n"},
    {"-error({a, [b, 1], \"c\"}).\n",
     "t.erl:1:2: error: -error({a,[b,1],\"c\"}).\n"},
    {"-warning(careful).\n",
     "t.erl:1:2: warning: -warning(careful).\n"},
    {"-error(X).\n",
     "t.erl:1:2: error: badly formed 'error'\n"},
    {"-define(A, ?B).\n-define(B, ?A).\nf() -> ?A.\n",
     "t.erl:3:9: error: circular macro 'A'\n"},
    {"-define(A(X), [X|?A(X)]).\nf() -> ?A(1).\n",
     "t.erl:2:9: error: circular macro 'A/1'\n"},
    {"-define(A, ?B).\n-define(B, ?C).\n-define(C, ?B).\nf() -> ?A.\n",
     "t.erl:4:9: error: circular macro 'B'\n"},
    {"-ifdef(X Y).\n-endif.\n",
     "t.erl:1:10: error: badly formed 'ifdef'\n"},
    {"-endif(x).\n",
     "t.erl:1:7: error: badly formed 'endif'\n"},
    {"-else(x).\n",
     "t.erl:1:6: error: badly formed 'else'\n"},
    {"-define(A, ?).\nf() -> ?A X.\n",
     "t.erl:2:11: error: undefined macro 'X'\n"},
    {"-define(F(X), X + ).\nf() -> ?F(1).\n",
     "t.erl:2:13: error: syntax error before: '.'\n"},
    {"-define(A, ?B(,)).\n",
     "t.erl:1:13: error: badly formed argument for macro 'B'\n"},
    {"-file(foo).\n",
     "t.erl:1:7: error: badly formed 'file'\n"},
    {"-define(G, ?H).\nf() -> ?G(1).\n",
     "t.erl:2:9: error: undefined macro 'H'\n"},
    {"f() -> ?FEATURE_ENABLED.\n-define(FEATURE_ENABLED(X), x).\n",
     "t.erl:1:9: error: argument mismatch for macro 'FEATURE_ENABLED'\nt.erl:2:9: error: redefining macro 'FEATURE_ENABLED'\n"},
    {"-module(m, [A, b]).\n",
     "t.erl:1:16: error: bad variable list\n"},
    {"-foo X == Y b.\n",
     "t.erl:1:13: error: syntax error before: b\n"},
    {"-foo (X == Y) b.\n",
     "t.erl:1:7: error: bad attribute\n"},
    {"-foo X + Y b.\n",
     "t.erl:1:6: error: bad attribute\n"},
    {"f() -> a; g() -> X == 1 c.\n",
     "t.erl:1:25: error: syntax error before: c\n"},
    {"f() -> a; g() -> X + 1 c.\n",
     "t.erl:1:11: error: head mismatch\n"},
    {"-type t(a) :: 1..2 b.\n",
     "t.erl:1:20: error: syntax error before: b\n"},
    {"-type t(a) :: 1 + 2 b.\n",
     "t.erl:1:9: error: bad type variable\n"},
    {"-module(a1),3], X > 1].\n",
     "t.erl:1:13: error: bad variable list\n"},
    {"f() -> ).\ng() -> ok.\nh() -> [.\n-export([i]).\nj() -> ?K.\n",
     "t.erl:1:8: error: syntax error before: ')'\nt.erl:3:9: error: syntax error before: '.'\nt.erl:4:9: error: bad Name/Arity\nt.erl:5:9: error: undefined macro 'K'\n"},
};

/* ---- helpers */

typedef struct {
    char *forms;  /* ast_unit_to_string, malloc'd */
    char *errors; /* the message lines of the Diag output (no source
                   * lines or carets), malloc'd */
    int nerrors, nwarnings;
    CompUnit *unit;
} Result;

/* Keeps the lines of a Diag's output that are messages (source lines and
 * carets start with a space). */
static char *message_lines(const char *out)
{
    size_t n = strlen(out);
    char *r = malloc(n + 1);
    size_t k = 0;
    const char *p = out;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        if (p[0] != ' ') {
            memcpy(r + k, p, len);
            k += len;
        }
        p += len;
    }
    r[k] = 0;
    return r;
}

static Result parse_opts(const char *src, size_t len, const FrontOptions *opts)
{
    Result r = {0};
    char *buf = NULL;
    size_t blen = 0;
    FILE *mem = open_memstream(&buf, &blen);
    ck_assert_ptr_nonnull(mem);
    Diag d;
    diag_init(&d, "t.erl", src, len, mem);
    r.unit = front_parse(src, len, "t.erl", &d, opts);
    fclose(mem);
    ck_assert_ptr_nonnull(r.unit);
    r.forms = ast_unit_to_string(r.unit);
    r.errors = message_lines(buf ? buf : "");
    r.nerrors = d.errors;
    r.nwarnings = d.warnings;
    free(buf);
    return r;
}

static Result parse(const char *src)
{
    return parse_opts(src, strlen(src), NULL);
}

static void done(Result *r)
{
    free(r->forms);
    free(r->errors);
    front_free(r->unit);
}

/* The forms of src, which must parse without errors. */
static void check_forms(const char *src, const char *expect)
{
    Result r = parse(src);
    ck_assert_msg(r.nerrors == 0, "errors in:\n%s\n%s", src, r.errors);
    ck_assert_msg(strcmp(r.forms, expect) == 0, "source:\n%s\nexpected:\n%s\ngot:\n%s", src, expect, r.forms);
    done(&r);
}

static void check_errors(const char *src, const char *expect)
{
    Result r = parse(src);
    ck_assert_msg(strcmp(r.errors, expect) == 0, "source:\n%s\nexpected:\n%s\ngot:\n%s", src, expect, r.errors);
    ck_assert_int_gt(r.nerrors + r.nwarnings, 0);
    done(&r);
}

/* The single expression of `f() -> E.` */
static const AstExpr *body_expr(const CompUnit *u)
{
    ck_assert_int_eq(u->nforms, 1);
    ck_assert_int_eq(u->forms[0].kind, AST_FORM_FUNCTION);
    const AstClause *c = &u->forms[0].u.function.clauses[0];
    ck_assert_int_ge(c->body.n, 1);
    return c->body.items[0];
}

/* ---- the corpus tables */

START_TEST(test_valid_corpus)
{
    for (size_t i = 0; i < sizeof valid_cases / sizeof *valid_cases; i++)
        check_forms(valid_cases[i].src, valid_cases[i].expect);
}
END_TEST

START_TEST(test_preproc_corpus)
{
    for (size_t i = 0; i < sizeof preproc_cases / sizeof *preproc_cases; i++)
        check_forms(preproc_cases[i].src, preproc_cases[i].expect);
}
END_TEST

START_TEST(test_error_corpus)
{
    for (size_t i = 0; i < sizeof error_cases / sizeof *error_cases; i++)
        check_errors(error_cases[i].src, error_cases[i].expect);
}
END_TEST

/* ---- precedence, spelled out */

START_TEST(test_precedence)
{
    static const Case cases[] = {
        {"f() -> 1 + 2 * 3.\n", "f() -> (1 + (2 * 3)).\n"},
        {"f() -> 1 - 2 - 3.\n", "f() -> ((1 - 2) - 3).\n"},
        {"f() -> a ++ b ++ c.\n", "f() -> (a ++ (b ++ c)).\n"},
        {"f() -> a -- b ++ c.\n", "f() -> (a -- (b ++ c)).\n"},
        {"f() -> X = Y = Z.\n", "f() -> (X = (Y = Z)).\n"},
        {"f() -> P ! Q ! m.\n", "f() -> (P ! (Q ! m)).\n"},
        {"f() -> X = P ! m.\n", "f() -> (X = (P ! m)).\n"},
        {"f() -> a orelse b andalso c.\n", "f() -> (a orelse (b andalso c)).\n"},
        {"f() -> a andalso b orelse c.\n", "f() -> ((a andalso b) orelse c).\n"},
        {"f() -> a == b andalso c < d.\n", "f() -> ((a == b) andalso (c < d)).\n"},
        {"f() -> a ++ b == c -- d.\n", "f() -> ((a ++ b) == (c -- d)).\n"},
        {"f() -> a + b ++ c * d.\n", "f() -> ((a + b) ++ (c * d)).\n"},
        {"f() -> a bor b band c.\n", "f() -> (a bor (b band c)).\n"},
        {"f() -> a or b and c.\n", "f() -> (a or (b and c)).\n"},
        {"f() -> not a and b.\n", "f() -> ((not a) and b).\n"},
        {"f() -> - a * b.\n", "f() -> ((-a) * b).\n"},
        {"f() -> bnot a + b.\n", "f() -> ((bnot a) + b).\n"},
        {"f() -> - - a.\n", "f() -> (-(-a)).\n"},
        {"f() -> catch a + b.\n", "f() -> (catch (a + b)).\n"},
        {"f() -> X = catch a.\n", "f() -> (X = (catch a)).\n"},
        {"f() -> a + catch b + c.\n", "f() -> (a + (catch (b + c))).\n"},
        {"f() -> catch X = a.\n", "f() -> (catch (X = a)).\n"},
        {"f() -> - X#r.a.\n", "f() -> (-X#r.a).\n"},
        {"f() -> - m:f(x).\n", "f() -> (-m:f(x)).\n"},
        {"f() -> a / b div c rem d.\n", "f() -> (((a / b) div c) rem d).\n"},
        {"f() -> a + b - c bxor d.\n", "f() -> (((a + b) - c) bxor d).\n"},
        {"f() -> (a + b) * c.\n", "f() -> ((a + b) * c).\n"},
        {"f() -> -1.\n", "f() -> -1.\n"},
        {"f() -> - 1.5.\n", "f() -> -1.5.\n"},
        {"f() -> + 7.\n", "f() -> 7.\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        check_forms(cases[i].src, cases[i].expect);
    /* comparisons do not chain */
    check_errors("f() -> a < b < c.\n", "t.erl:1:14: error: syntax error before: '<'\n");
    check_errors("f() -> a =:= b == c.\n", "t.erl:1:16: error: syntax error before: '=='\n");
}
END_TEST

/* ---- the tree's fields */

START_TEST(test_tree_literals)
{
    Result r = parse("f() -> {16#FF, $a, 123456789012345678901234567890, -9223372036854775808, 1.5e3, 'A b', "
                     "\"h\\x{e9}\\n\" \"!\", X, _, [], \"\"}.\n");
    ck_assert_int_eq(r.nerrors, 0);
    const AstExpr *t = body_expr(r.unit);
    ck_assert_int_eq(t->kind, AST_TUPLE);
    ck_assert_int_eq(t->u.tuple.elems.n, 11);
    AstExpr **e = t->u.tuple.elems.items;
    ck_assert_int_eq(e[0]->kind, AST_INT);
    ck_assert_int_eq(e[0]->u.int_.value, 255);
    ck_assert_ptr_null(e[0]->u.int_.big);
    ck_assert(e[1]->kind == AST_INT && e[1]->u.int_.value == 'a' && e[1]->u.int_.is_char);
    ck_assert_str_eq(e[2]->u.int_.big, "123456789012345678901234567890");
    ck_assert(e[3]->kind == AST_INT && e[3]->u.int_.big == NULL && e[3]->u.int_.value == INT64_MIN);
    ck_assert(e[4]->kind == AST_FLOAT && e[4]->u.float_.value == 1500.0);
    ck_assert_int_eq(e[5]->kind, AST_ATOM);
    ck_assert_str_eq(e[5]->u.atom.name, "A b");
    ck_assert_uint_eq(e[5]->u.atom.len, 3);
    ck_assert_int_eq(e[6]->kind, AST_STRING);
    ck_assert_uint_eq(e[6]->u.str.len, 4);
    ck_assert(e[6]->u.str.chars[0] == 'h' && e[6]->u.str.chars[1] == 0xE9 && e[6]->u.str.chars[2] == '\n' &&
              e[6]->u.str.chars[3] == '!');
    ck_assert(e[7]->kind == AST_VAR && strcmp(e[7]->u.var.name, "X") == 0);
    ck_assert(e[8]->kind == AST_VAR && strcmp(e[8]->u.var.name, "_") == 0);
    ck_assert_int_eq(e[9]->kind, AST_NIL);
    ck_assert(e[10]->kind == AST_STRING && e[10]->u.str.len == 0);
    done(&r);
}
END_TEST

START_TEST(test_tree_structure)
{
    Result r = parse("-module(m).\n"
                     "-export([f/2]).\n"
                     "-import(lists, [map/2]).\n"
                     "-record(r, {a = 1, b :: integer()}).\n"
                     "-compile(export_all).\n"
                     "-spec f(_, _) -> ok.\n"
                     "f(X, [H | T]) when X > 0; is_atom(X), H =:= T ->\n"
                     "    Y = m:g(X), (fun lists:map/2)(Y);\n"
                     "f(_, _) -> try a catch E:R -> {E, R}; Other -> Other end.\n");
    ck_assert_int_eq(r.nerrors, 0);
    const CompUnit *u = r.unit;
    ck_assert_str_eq(u->module, "m");
    ck_assert_int_eq(u->nforms, 6);
    ck_assert_int_eq(u->forms[0].kind, AST_FORM_MODULE);
    ck_assert_int_eq(u->forms[1].kind, AST_FORM_EXPORT);
    ck_assert_int_eq(u->forms[1].u.export_.n, 1);
    ck_assert_str_eq(u->forms[1].u.export_.funs[0].name, "f");
    ck_assert_int_eq(u->forms[1].u.export_.funs[0].arity, 2);
    ck_assert_int_eq(u->forms[2].kind, AST_FORM_IMPORT);
    ck_assert_str_eq(u->forms[2].u.import.module, "lists");
    ck_assert_int_eq(u->forms[3].kind, AST_FORM_RECORD);
    ck_assert_int_eq(u->forms[3].u.record.nfields, 2);
    ck_assert_int_eq(u->forms[3].u.record.fields[0].init->u.int_.value, 1);
    ck_assert(u->forms[3].u.record.fields[1].init == NULL && u->forms[3].u.record.fields[1].typed);
    ck_assert_int_eq(u->forms[4].kind, AST_FORM_ATTRIBUTE);
    ck_assert_str_eq(u->forms[4].u.attribute.name, "compile");
    const AstForm *f = &u->forms[5];
    ck_assert_int_eq(f->kind, AST_FORM_FUNCTION);
    ck_assert_str_eq(f->u.function.name, "f");
    ck_assert_int_eq(f->u.function.arity, 2);
    ck_assert_int_eq(f->u.function.nclauses, 2);
    ck_assert(f->line == 7 && f->col == 1 && f->file == 0);
    const AstClause *c = &f->u.function.clauses[0];
    ck_assert_int_eq(c->guard.n, 2);
    ck_assert_int_eq(c->guard.alts[1].n, 2);
    const AstExpr *l = c->pats.items[1];
    ck_assert_int_eq(l->kind, AST_LIST);
    ck_assert_int_eq(l->u.list.elems.n, 1);
    ck_assert_int_eq(l->u.list.tail->kind, AST_VAR);
    const AstExpr *m = c->body.items[0];
    ck_assert_int_eq(m->kind, AST_MATCH);
    ck_assert_int_eq(m->u.match.expr->kind, AST_CALL);
    ck_assert_str_eq(m->u.match.expr->u.call.mod->u.atom.name, "m");
    const AstExpr *call = c->body.items[1];
    ck_assert(call->kind == AST_CALL && call->u.call.mod == NULL && call->u.call.fun->kind == AST_FUN_REF);
    const AstExpr *t = f->u.function.clauses[1].body.items[0];
    ck_assert_int_eq(t->kind, AST_TRY);
    ck_assert_int_eq(t->u.try_.ncatches, 2);
    for (int i = 0; i < 2; i++)
        ck_assert_int_eq(t->u.try_.catches[i].pats.n, 3);
    const AstExprList *p0 = &t->u.try_.catches[0].pats, *p1 = &t->u.try_.catches[1].pats;
    ck_assert(p0->items[0]->kind == AST_VAR && strcmp(p0->items[2]->u.var.name, "_") == 0);
    ck_assert(p1->items[0]->kind == AST_ATOM && strcmp(p1->items[0]->u.atom.name, "throw") == 0);
    ck_assert_int_eq(t->u.try_.nof, 0);
    ck_assert_int_eq(t->u.try_.after.n, 0);
    done(&r);
}
END_TEST

/* Positions follow erl_parse: first token, operators at the operator,
 * matches and calls at their first token. */
START_TEST(test_positions)
{
    Result r = parse("f() ->\n"
                     "\tY = X + 1,\n"
                     "    \"\xc3\xa9\xc3\xa9\" ++ m:f(a), R#r.a, fun (Z) -> Z end.\n");
    ck_assert_int_eq(r.nerrors, 0);
    const AstClause *c = &r.unit->forms[0].u.function.clauses[0];
    const AstExpr *m = c->body.items[0];
    ck_assert(m->kind == AST_MATCH && m->line == 2 && m->col == 2);
    const AstExpr *add = m->u.match.expr;
    ck_assert(add->kind == AST_BINOP && add->line == 2 && add->col == 8);
    ck_assert(add->u.binop.rhs->line == 2 && add->u.binop.rhs->col == 10);
    const AstExpr *app = c->body.items[1];
    ck_assert(app->line == 3 && app->col == 10); /* characters, not bytes */
    const AstExpr *call = app->u.binop.rhs;
    ck_assert(call->kind == AST_CALL && call->line == 3 && call->col == 13);
    const AstExpr *fld = c->body.items[2];
    ck_assert(fld->kind == AST_RECORD_FIELD && fld->line == 3 && fld->col == 22);
    ck_assert(fld->u.rfield.base->col == 21 && fld->u.rfield.field_col == 25);
    const AstExpr *fun = c->body.items[3];
    ck_assert(fun->kind == AST_FUN && fun->col == 28 && fun->u.fun.clauses[0].col == 32);
    done(&r);
}
END_TEST

/* Macro-made tokens take the position of the macro's name. */
START_TEST(test_macro_positions)
{
    Result r = parse("-define(P, {a, b}).\n-define(Q(X), [X]).\nf() -> ?P, ?Q(  zz).\n");
    ck_assert_int_eq(r.nerrors, 0);
    const AstClause *c = &r.unit->forms[0].u.function.clauses[0];
    const AstExpr *t = c->body.items[0];
    ck_assert(t->line == 3 && t->col == 9);
    ck_assert(t->u.tuple.elems.items[1]->col == 9);
    const AstExpr *l = c->body.items[1];
    ck_assert(l->kind == AST_LIST && l->col == 13);
    ck_assert_int_eq(l->u.list.elems.items[0]->col, 17);
    done(&r);
}
END_TEST

START_TEST(test_maps_rejected)
{
    check_errors("f() -> #{a => 1}.\n", "t.erl:1:8: error: maps are not supported\n");
    check_errors("f(X) -> X#{a := 1}.\n", "t.erl:1:10: error: maps are not supported\n");
    check_errors("f(#{}) -> ok.\n", "t.erl:1:3: error: maps are not supported\n");
    /* map types in specs are fine: they are skipped */
    check_forms("-spec f(#{atom() => term()}) -> ok.\n", "");
}
END_TEST

/* ---- the lexer */

static int lex_all(const char *src, TokVec *tv, AstArena *a, Lexer *lx)
{
    lex_init(lx, a, src, strlen(src));
    LexStatus st = lex_form(lx, tv);
    return (int)st;
}

START_TEST(test_lexer_tokens)
{
    AstArena *a = ast_arena_new();
    TokVec tv = {0};
    Lexer lx;
    ck_assert_int_eq(lex_all("f(X) -> 'a b' ++ \"s\" =:= $\\s <<>> 2#101 .\n", &tv, a, &lx), LEX_FORM);
    static const TokKind kinds[] = {TOK_ATOM,   TOK_LPAREN, TOK_VAR,  TOK_RPAREN, TOK_ARROW, TOK_ATOM,
                                    TOK_PLUSPLUS, TOK_STRING, TOK_EXEQ, TOK_CHAR,   TOK_LTLT,  TOK_GTGT,
                                    TOK_INT,    TOK_DOT};
    ck_assert_int_eq(tv.n, (int)(sizeof kinds / sizeof *kinds));
    for (int i = 0; i < tv.n; i++)
        ck_assert_int_eq(tv.v[i].kind, kinds[i]);
    ck_assert_int_eq(tv.v[9].u.i.v, ' ');
    ck_assert_int_eq(tv.v[12].u.i.v, 5);
    ck_assert(tv.v[13].line == 1 && tv.v[13].col == 41);
    lex_free(&lx);
    /* a '.' not followed by white space is not a form end */
    ck_assert_int_eq(lex_all("X#r.a.", &tv, a, &lx), LEX_FORM);
    ck_assert_int_eq(tv.n, 6);
    ck_assert_int_eq(tv.v[3].kind, TOK_PERIOD);
    ck_assert_int_eq(tv.v[5].kind, TOK_DOT);
    lex_free(&lx);
    /* keywords, .. and ... */
    ck_assert_int_eq(lex_all("case of end ... .. maybe", &tv, a, &lx), LEX_PARTIAL);
    ck_assert(tv.v[0].kind == TOK_CASE && tv.v[1].kind == TOK_OF && tv.v[2].kind == TOK_KEND &&
              tv.v[3].kind == TOK_DOTDOTDOT && tv.v[4].kind == TOK_DOTDOT && tv.v[5].kind == TOK_ATOM);
    lex_free(&lx);
    ck_assert_int_eq(lex_all("", &tv, a, &lx), LEX_EOF);
    lex_free(&lx);
    ck_assert_int_eq(lex_all("% only a comment", &tv, a, &lx), LEX_EOF);
    lex_free(&lx);
    tokvec_free(&tv);
    ast_arena_free(a);
}
END_TEST

START_TEST(test_lexer_texts)
{
    static const struct {
        const char *src, *text;
    } cases[] = {
        {"foo", "foo"},     {"'Foo'", "'Foo'"},   {"'a b'", "'a b'"},   {"''", "''"},
        {"'case'", "'case'"}, {"case", "'case'"}, {"(", "'('"},         {"->", "'->'"},
        {"X", "X"},         {"_", "_"},           {"16#FF", "255"},     {"$a", "$a"},
        {"$\\n", "$\\n"},   {"$ ", "$\\s"},       {"$\\x{400}", "$\\x{400}"}, {"1.0e10", "1.0e10"},
        {"\"a\\nb\"", "\"a\\nb\""}, {"'\\n'", "'\\n'"}, {"`", "'`'"}, {"1_000", "1000"},
        {"\"\\x{7f}\\x{80}\"", "\"\\d\\200\""},
    };
    AstArena *a = ast_arena_new();
    TokVec tv = {0};
    Lexer lx;
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        lex_all(cases[i].src, &tv, a, &lx);
        ck_assert_int_ge(tv.n, 1);
        AstBuf b = {0};
        lex_token_text(&b, &tv.v[0]);
        ck_assert_msg(b.s && strcmp(b.s, cases[i].text) == 0, "%s: %s", cases[i].src, b.s);
        free(b.s);
        lex_free(&lx);
    }
    tokvec_free(&tv);
    ast_arena_free(a);
}
END_TEST

/* Floats are written as Erlang writes them (checked against erl). */
START_TEST(test_float_text)
{
    static const struct {
        double f;
        const char *text;
    } cases[] = {
        {1500.0, "1.5e3"},     {100.0, "100.0"},       {1000.0, "1.0e3"},
        {10000.0, "1.0e4"},    {123456.0, "123456.0"}, {0.001, "0.001"},
        {0.0001, "0.0001"},    {12.5, "12.5"},         {1.0e15, "1.0e15"},
        {123456789012345.0, "123456789012345.0"},      {5.0e-324, "5.0e-324"},
        {1.7976931348623157e308, "1.7976931348623157e308"}, {0.1, "0.1"},
        {0.3, "0.3"},          {2.5e-5, "2.5e-5"},     {1.0, "1.0"},
        {0.0, "0.0"},          {-0.0, "-0.0"},         {3.14159, "3.14159"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        AstBuf b = {0};
        ast_buf_float(&b, cases[i].f);
        ck_assert_msg(strcmp(b.s, cases[i].text) == 0, "%s vs %s", b.s, cases[i].text);
        free(b.s);
    }
}
END_TEST

START_TEST(test_atom_quoting)
{
    ck_assert(ast_atom_is_plain("foo", 3));
    ck_assert(ast_atom_is_plain("a@b_C9", 6));
    ck_assert(ast_atom_is_plain("\xc3\xa9t\xc3\xa9", 5)); /* été */
    ck_assert(!ast_atom_is_plain("Foo", 3));
    ck_assert(!ast_atom_is_plain("_a", 2));
    ck_assert(!ast_atom_is_plain("", 0));
    ck_assert(!ast_atom_is_plain("a b", 3));
    ck_assert(!ast_atom_is_plain("end", 3));
    ck_assert(!ast_atom_is_plain("a\xc3\x97", 3)); /* a× */
    AstBuf b = {0};
    ast_buf_atom(&b, "it's", 4);
    ck_assert_str_eq(b.s, "'it\\'s'");
    free(b.s);
}
END_TEST

/* ---- the preprocessor */

typedef struct {
    const char *path, *text;
} VFile;

static const VFile vfiles[] = {
    {"inc/a.hrl", "-define(A, from_a).\n-include(\"b.hrl\").\n-record(ra, {x = ?B}).\n"},
    {"inc/b.hrl", "-define(B, from_b).\n"},
    {"libdir/app/include/c.hrl", "-define(C, from_c).\n"},
    {"bad.hrl", "-define(D, 1).\nf() -> ).\n"},
    {"deep.hrl", "-include(\"deep.hrl\").\n"},
    {"fn.hrl", "g() -> ?FILE.\n"},
};

static char *vread(void *ctx, const char *path, size_t *len)
{
    (void)ctx;
    for (size_t i = 0; i < sizeof vfiles / sizeof *vfiles; i++) {
        if (strcmp(vfiles[i].path, path) == 0) {
            *len = strlen(vfiles[i].text);
            char *s = malloc(*len + 1);
            memcpy(s, vfiles[i].text, *len + 1);
            return s;
        }
    }
    return NULL;
}

static Result parse_v(const char *src, const char *const *defines, int ndefines)
{
    static const char *const paths[] = {"libdir"};
    FrontOptions o = {0};
    o.read_file = vread;
    o.include_paths = paths;
    o.n_include_paths = 1;
    o.defines = defines;
    o.n_defines = ndefines;
    return parse_opts(src, strlen(src), &o);
}

START_TEST(test_include)
{
    Result r = parse_v("-include(\"inc/a.hrl\").\n-include_lib(\"app/include/c.hrl\").\n"
                       "f() -> {?A, ?B, ?C, #ra{}}.\n",
                       NULL, 0);
    ck_assert_msg(r.nerrors == 0, "%s", r.errors);
    ck_assert_str_eq(r.forms, "-record(ra, {x = from_b}).\nf() -> {from_a, from_b, from_c, #ra{}}.\n");
    ck_assert_int_eq(r.unit->nfiles, 4);
    ck_assert_str_eq(r.unit->files[1].name, "inc/a.hrl");
    ck_assert_str_eq(r.unit->files[2].name, "inc/b.hrl");
    ck_assert_int_eq(r.unit->forms[0].file, 1);
    ck_assert_int_eq(r.unit->forms[0].line, 3);
    ck_assert_int_eq(r.unit->forms[1].file, 0);
    done(&r);
    /* errors in an included file are reported against it */
    r = parse_v("-include(\"bad.hrl\").\nh() -> ?D.\n", NULL, 0);
    ck_assert_str_eq(r.errors, "bad.hrl:2:8: error: syntax error before: ')'\n");
    ck_assert_int_eq(r.nerrors, 1);
    ck_assert_str_eq(r.forms, "h() -> 1.\n");
    done(&r);
    /* ?FILE inside an include */
    r = parse_v("-include(\"fn.hrl\").\n", NULL, 0);
    ck_assert_str_eq(r.forms, "g() -> \"fn.hrl\".\n");
    done(&r);
    r = parse_v("-include(\"deep.hrl\").\n", NULL, 0);
    ck_assert_str_eq(r.errors, "deep.hrl:1:10: error: include too deep\n");
    done(&r);
    r = parse_v("-include_lib(\"nope/x.hrl\").\n-include(\"nope.hrl\").\n", NULL, 0);
    ck_assert_str_eq(r.errors, "t.erl:1:14: error: can't find include lib \"nope/x.hrl\"\n"
                               "t.erl:2:10: error: can't find include file \"nope.hrl\"\n");
    done(&r);
}
END_TEST

START_TEST(test_front_report)
{
    Result r = parse_v("-include(\"inc/b.hrl\").\n-include(\"bad.hrl\").\n", NULL, 0);
    char *buf = NULL;
    size_t blen = 0;
    FILE *mem = open_memstream(&buf, &blen);
    Diag d;
    diag_init(&d, "t.erl", "", 0, mem);
    front_report(r.unit, &d, 2, "warning", 1, 2, "about %s", "this");
    front_report(r.unit, &d, 0, "error", 2, 1, "here");
    fclose(mem);
    ck_assert_int_eq(d.warnings, 1);
    ck_assert_int_eq(d.errors, 1);
    ck_assert_str_eq(buf, "bad.hrl:1:2: warning: about this\n"
                          "    1 | -define(D, 1).\n"
                          "      |  ^\n"
                          "t.erl:2:1: error: here\n");
    free(buf);
    done(&r);
}
END_TEST

START_TEST(test_defines_option)
{
    static const char *const defs[] = {"DEBUG", "LEVEL=3", "PAIR={a, b}"};
    Result r = parse_v("-ifdef(DEBUG).\nf() -> {?DEBUG, ?LEVEL + 1, ?PAIR}.\n-endif.\n", defs, 3);
    ck_assert_msg(r.nerrors == 0, "%s", r.errors);
    ck_assert_str_eq(r.forms, "f() -> {true, (3 + 1), {a, b}}.\n");
    done(&r);
}
END_TEST

/* ---- robustness */

static uint64_t rng_state = 88172645463325252ull;

static uint64_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static void parse_quietly(const char *src, size_t len)
{
    Diag d;
    diag_init(&d, "t.erl", src, len, NULL);
    CompUnit *u = front_parse(src, len, "t.erl", &d, NULL);
    ck_assert_ptr_nonnull(u);
    char *s = ast_unit_to_string(u);
    free(s);
    front_free(u);
}

START_TEST(test_random_bytes)
{
    static const char alphabet[] = "()[]{}<>,;.:|-+*/=#?!$'\"%\\ \n\tabXY_019e@^`~&";
    char buf[300];
    for (int iter = 0; iter < 3000; iter++) {
        size_t n = rng() % sizeof buf;
        bool bytes = iter % 3 == 0;
        for (size_t i = 0; i < n; i++)
            buf[i] = bytes ? (char)(rng() & 0xFF) : alphabet[rng() % (sizeof alphabet - 1)];
        parse_quietly(buf, n);
    }
}
END_TEST

/* Every prefix and many mutations of valid sources: reports, no crash. */
START_TEST(test_truncations)
{
    const Case *sets[] = {valid_cases, preproc_cases};
    size_t counts[] = {sizeof valid_cases / sizeof *valid_cases, sizeof preproc_cases / sizeof *preproc_cases};
    for (int s = 0; s < 2; s++) {
        for (size_t i = 0; i < counts[s]; i += 3) {
            const char *src = sets[s][i].src;
            size_t n = strlen(src);
            for (size_t k = 0; k < n; k++)
                parse_quietly(src, k);
            char *m = malloc(n + 1);
            for (int j = 0; j < 20; j++) {
                memcpy(m, src, n);
                m[rng() % n] = "()[]{}.,;:|#?$'\"%<>-"[rng() % 20];
                parse_quietly(m, n);
            }
            free(m);
        }
    }
}
END_TEST

START_TEST(test_deep_nesting)
{
    size_t n = 990;
    char *src = malloc(4 * n + 64);
    /* nested parentheses, lists, tuples and unary minus within the limit */
    const char *open[] = {"(", "[", "{", "- "}, *close[] = {")", "]", "}", ""};
    for (int k = 0; k < 4; k++) {
        strcpy(src, "f() -> ");
        for (size_t i = 0; i < n; i++)
            strcat(src, open[k]);
        strcat(src, "1");
        for (size_t i = 0; i < n; i++)
            strcat(src, close[k]);
        strcat(src, ".\n");
        Result r = parse(src);
        ck_assert_msg(r.nerrors == 0, "%s", r.errors);
        done(&r);
    }
    /* beyond it: one clear error, no stack overflow */
    size_t big = 100000;
    char *deep = malloc(2 * big + 64);
    strcpy(deep, "f() -> ");
    size_t k = strlen(deep);
    for (size_t i = 0; i < big; i++)
        deep[k++] = '[';
    deep[k] = 0;
    strcat(deep, "1.\ng() -> ok.\n");
    Result r = parse(deep);
    ck_assert_str_eq(r.errors, "t.erl:1:1008: error: nesting too deep (more than 1000 levels)\n");
    ck_assert_str_eq(r.forms, "g() -> ok.\n");
    done(&r);
    /* a long chain of operators counts too */
    strcpy(deep, "f() -> 1");
    for (size_t i = 0; i < 1200; i++)
        strcat(deep, "+1");
    strcat(deep, ".\n");
    r = parse(deep);
    ck_assert_int_eq(r.nerrors, 1);
    ck_assert(strstr(r.errors, "nesting too deep") != NULL);
    done(&r);
    free(deep);
    free(src);
}
END_TEST

START_TEST(test_macro_bomb)
{
    AstBuf b = {0};
    ast_buf_puts(&b, "-define(A0, x).\n");
    for (int i = 1; i <= 40; i++)
        ast_buf_printf(&b, "-define(A%d, ?A%d ?A%d).\n", i, i - 1, i - 1);
    ast_buf_puts(&b, "f() -> ?A40.\ng() -> ok.\n");
    Result r = parse(b.s);
    ck_assert_str_eq(r.errors, "t.erl:42:9: error: too many tokens from macro expansion\n");
    ck_assert_str_eq(r.forms, "g() -> ok.\n");
    done(&r);
    free(b.s);
}
END_TEST

/* Every error of a file is reported, each form on its own. */
START_TEST(test_many_errors)
{
    AstBuf b = {0};
    for (int i = 0; i < 500; i++)
        ast_buf_printf(&b, "f%d() -> %s.\n", i, i % 2 ? ")" : "ok");
    Result r = parse(b.s);
    ck_assert_int_eq(r.nerrors, 250);
    ck_assert_int_eq(r.unit->nforms, 250);
    done(&r);
    free(b.s);
}
END_TEST

/* A generated 5,000-line module parses quickly. */
START_TEST(test_big_module)
{
    AstBuf b = {0};
    ast_buf_puts(&b, "-module(big).\n-export([f0/2]).\n-record(st, {a = 0, b = [], c}).\n-define(K, 7).\n");
    int lines = 4;
    for (int i = 0; lines < 5000; i++) {
        ast_buf_printf(&b,
                       "f%d(X, #st{a = A} = S) when is_integer(X), X > %d ->\n"
                       "    Y = [E * ?K || E <- lists:seq(1, X), E rem 2 =:= 0],\n"
                       "    case catch g(Y, <<X:8, \"abc\">>) of\n"
                       "        {ok, Z} -> S#st{a = A + Z, b = \"line %d\"};\n"
                       "        {'EXIT', _} -> try h(X) of R -> R catch _:_ -> 0 end;\n"
                       "        _ -> receive {msg, M} -> M after 10 -> fun (Q) -> Q + 1 end end\n"
                       "    end;\n"
                       "f%d(_, S) -> S.\n",
                       i, i, i, i);
        lines += 8;
    }
    clock_t t0 = clock();
    Result r = parse(b.s);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ck_assert_int_eq(r.nerrors, 0);
    ck_assert_int_eq(r.unit->nforms, 3 + 625);
    ck_assert_msg(secs < 1.0, "5,000 lines took %.3f s", secs);
    done(&r);
    free(b.s);
}
END_TEST

/* Integer literals beamlet's bytecode cannot hold (more than 32768 bits)
 * are refused at the literal, decimal or based, 2^32768 - 1 accepted. */
START_TEST(test_integer_limit)
{
    AstBuf ok = {0}, hex = {0}, dec = {0};
    ast_buf_puts(&ok, "f() -> 16#");
    ast_buf_puts(&hex, "f() ->\n    16#1");
    for (int i = 0; i < 8192; i++) {
        ast_buf_putc(&ok, 'f');
        ast_buf_putc(&hex, '0');
    }
    ast_buf_puts(&ok, ".\n");
    ast_buf_puts(&hex, ".\n");
    /* 10^9865 > 2^32768 > 10^9864 */
    ast_buf_puts(&dec, "f() -> [-1");
    for (int i = 0; i < 9865; i++)
        ast_buf_putc(&dec, '0');
    ast_buf_puts(&dec, "].\n");
    Result r = parse(ok.s);
    ck_assert_int_eq(r.nerrors, 0);
    const AstExpr *e = body_expr(r.unit);
    ck_assert_int_eq(e->kind, AST_INT);
    ck_assert(e->u.int_.big != NULL && strlen(e->u.int_.big) == 9865);
    done(&r);
    check_errors(hex.s, "t.erl:2:5: error: integer too large (more than 32768 bits)\n");
    check_errors(dec.s, "t.erl:1:10: error: integer too large (more than 32768 bits)\n");
    free(ok.s);
    free(hex.s);
    free(dec.s);
}
END_TEST

static Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("corpus");
    tcase_add_test(tc, test_valid_corpus);
    tcase_add_test(tc, test_preproc_corpus);
    tcase_add_test(tc, test_error_corpus);
    tcase_add_test(tc, test_precedence);
    tcase_add_test(tc, test_maps_rejected);
    suite_add_tcase(s, tc);
    tc = tcase_create("tree");
    tcase_add_test(tc, test_tree_literals);
    tcase_add_test(tc, test_tree_structure);
    tcase_add_test(tc, test_positions);
    tcase_add_test(tc, test_macro_positions);
    suite_add_tcase(s, tc);
    tc = tcase_create("lexer");
    tcase_add_test(tc, test_lexer_tokens);
    tcase_add_test(tc, test_lexer_texts);
    tcase_add_test(tc, test_float_text);
    tcase_add_test(tc, test_atom_quoting);
    suite_add_tcase(s, tc);
    tc = tcase_create("preproc");
    tcase_add_test(tc, test_include);
    tcase_add_test(tc, test_front_report);
    tcase_add_test(tc, test_defines_option);
    suite_add_tcase(s, tc);
    tc = tcase_create("robust");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_random_bytes);
    tcase_add_test(tc, test_truncations);
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_macro_bomb);
    tcase_add_test(tc, test_many_errors);
    tcase_add_test(tc, test_big_module);
    tcase_add_test(tc, test_integer_limit);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(parse_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
