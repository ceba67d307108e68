%% guards.erl - guard expressions: type tests, comparisons, arithmetic,
%% element, tuple_size, length, hd, tl, abs, andalso, orelse, ',' and ';',
%% and guards that raise (which are simply false).
-module(guards).
-export([main/0]).

size_class(X) when is_integer(X), X < 0 -> negative;
size_class(X) when is_integer(X), X < 10 -> small;
size_class(X) when is_integer(X); is_float(X) -> number;
size_class(_) -> other.

shape(T) when tuple_size(T) =:= 2, element(1, T) =:= circle -> circle;
shape(T) when is_tuple(T), tuple_size(T) =:= 3, element(1, T) =:= rect -> rect;
shape(_) -> unknown.

list_kind(L) when length(L) > 3 -> long;
list_kind(L) when length(L) =:= 0 -> empty;
list_kind(L) when hd(L) =:= 0 -> zero_first;
list_kind(L) when tl(L) =:= [] -> singleton;
list_kind(_) -> short.

%% guards that raise: length of an improper list, hd of [], element out of
%% range, arithmetic on atoms -- each makes the clause false.
safe(X) when length(X) > 1 -> long_list;
safe(X) when hd(X) =:= a -> starts_with_a;
safe(X) when element(2, X) =:= b -> second_is_b;
safe(X) when X + 1 > 5 -> big_number;
safe(X) when abs(X) > 2 -> abs_big;
safe(_) -> fallback.

both(X, Y) when X > 0 andalso Y > 0 -> both_positive;
both(X, Y) when X > 0 orelse Y > 0 -> one_positive;
both(_, _) -> none_positive.

raising_orelse(X) when is_atom(X) orelse X + 1 > 0 -> yes;
raising_orelse(_) -> no.

raising_semicolon(X) when X + 1 > 0; is_atom(X) -> yes;
raising_semicolon(_) -> no.

arith(X) when X * 2 - 1 =:= 9 -> five;
arith(X) when X rem 3 =:= 0, X div 3 > 1 -> multiple_of_3;
arith(X) when (X band 1) =:= 1, (X bsr 1) > 2 -> odd_big;
arith(X) when float(X) > 1.5 -> float_big;
arith(_) -> other.

cmp(X, Y) when X == Y, X =/= Y -> equal_not_exact;
cmp(X, Y) when X =:= Y -> exact;
cmp(X, Y) when X < Y -> less;
cmp(_, _) -> greater.

boolean_ops(X) when not (X > 5) -> not_big;
boolean_ops(X) when (X > 5) xor (X > 10) -> middle;
boolean_ops(X) when (X > 10) and (X < 100) -> large;
boolean_ops(_) -> huge.

in_case(X) ->
    case X of
        {ok, V} when is_list(V), V =/= [] -> nonempty_list;
        {ok, V} when is_binary(V), byte_size(V) > 2 -> long_binary;
        {ok, _} -> other_ok;
        N when is_number(N), N >= 0.0 -> non_negative;
        _ -> something_else
    end.

main() ->
    io:format("~p~n", [[size_class(X) || X <- [-5, 3, 42, 2.5, "x"]]]),
    io:format("~p~n", [[shape(S) || S <- [{circle, 1}, {rect, 1, 2}, {tri, 1, 2, 3}, circle]]]),
    io:format("~p~n", [[list_kind(L) || L <- [[1, 2, 3, 4], [], [0, 1], [7], [1, 2]]]]),
    io:format("~p~n", [[safe(X) || X <- [[1, 2], [a], [a | b], {a, b}, {x}, 10, 3.5, -4, x, []]]]),
    io:format("~p~n", [[both(X, Y) || {X, Y} <- [{1, 1}, {1, -1}, {-1, 1}, {-1, -1}]]]),
    io:format("~p~n", [[raising_orelse(X) || X <- [a, 1, -5, "s"]]]),
    io:format("~p~n", [[raising_semicolon(X) || X <- [a, 1, -5, "s"]]]),
    io:format("~p~n", [[arith(X) || X <- [5, 9, 7, 2.0, 1]]]),
    io:format("~p~n", [[cmp(X, Y) || {X, Y} <- [{1, 1.0}, {1, 1}, {1, 2}, {b, a}]]]),
    io:format("~p~n", [[boolean_ops(X) || X <- [1, 7, 50, 500]]]),
    io:format("~p~n", [[in_case(X) || X <- [{ok, [1]}, {ok, []}, {ok, <<"abc">>}, {ok, <<"a">>}, 3, 0.0, -1]]]),
    F = fun(X) when X > 0, X < 10; X =:= 100 -> in; (_) -> out end,
    io:format("~p~n", [[F(X) || X <- [5, 10, 100, -1]]]),
    ok.
