%% guards.erl - guard expressions: type tests, comparisons, arithmetic,
%% boolean operators, guard BIFs, guard sequences; a guard that raises is
%% false.
-module(guards).
-export([main/0]).

kind(X) when is_integer(X) -> integer;
kind(X) when is_float(X) -> float;
kind(X) when is_atom(X) -> atom;
kind(X) when is_tuple(X) -> tuple;
kind(X) when is_list(X) -> list;
kind(X) when is_binary(X) -> binary;
kind(X) when is_function(X) -> function;
kind(_) -> other.

range(X) when X >= 0, X =< 9 -> digit;
range(X) when X > 9 andalso X < 100 -> two_digits;
range(X) when X < 0; X > 1000 -> out;
range(_) -> big.

bools(X, Y) when X and Y -> both;
bools(X, Y) when X or Y -> one;
bools(X, Y) when not (X xor Y) -> none;
bools(_, _) -> impossible.

bifs(T) when element(1, T) =:= point, tuple_size(T) == 3 -> point;
bifs(L) when length(L) > 2, hd(L) == 1 -> long_from_one;
bifs(L) when tl(L) == [] -> singleton;
bifs(X) when abs(X) > 10 -> big_abs;
bifs(X) when trunc(X) =:= 3 -> three_ish;
bifs(B) when byte_size(B) == 2 -> two_bytes;
bifs(_) -> nothing.

raising(X) when X + 1 > 0 -> positive;
raising(X) when is_atom(X); X / 0 > 1 -> atom_or_impossible;
raising(_) -> other.

orelse_raise(X) when (element(1, X) == a) orelse true -> yes;
orelse_raise(_) -> no.

exact(X) when X =:= 1 -> exact_one;
exact(X) when X == 1 -> equal_one;
exact(X) when X =/= 2, X /= 3 -> not_two_or_three;
exact(_) -> two_or_three.

nested(X) when ((X > 1) andalso (X < 5)) orelse ((X > 10) andalso not (X > 20)) -> in;
nested(_) -> out.

value_guard(X) when (X > 5) =:= true -> gt5;
value_guard(X) when (is_atom(X) orelse is_list(X)) =:= true -> atom_or_list;
value_guard(_) -> other.

funs(F) when is_function(F, 2) -> arity2;
funs(F) when is_function(F) -> function;
funs(_) -> not_fun.

main() ->
    io:format("~p~n", [[kind(X) || X <- [1, 2.0, a, {}, [], <<>>, fun main/0, "s"]]]),
    io:format("~p~n", [[range(X) || X <- [5, 50, -1, 5000, 500]]]),
    io:format("~p~n", [[bools(X, Y) || X <- [true, false], Y <- [true, false]]]),
    io:format("~p~n", [[bifs(X) || X <- [{point, 1, 2}, [1, 2, 3], [x], -20, 3.5, <<1, 2>>, {}]]]),
    io:format("~p~n", [[raising(X) || X <- [1, a, -5, "str"]]]),
    io:format("~p~n", [[orelse_raise(X) || X <- [{a}, {b}, 7]]]),
    io:format("~p~n", [[exact(X) || X <- [1, 1.0, 2, 3, 4]]]),
    io:format("~p~n", [[nested(X) || X <- [0, 3, 7, 15, 25]]]),
    io:format("~p~n", [[value_guard(X) || X <- [10, a, "l", 1]]]),
    io:format("~p~n", [[funs(F) || F <- [fun(A, B) -> {A, B} end, fun() -> ok end, 3]]]),
    ok.
