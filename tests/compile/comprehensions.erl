%% comprehensions.erl - list comprehensions: several generators, filters
%% that are guards and filters that are expressions, patterns in
%% generators, nesting, free variables, side effects in order.
-module(comprehensions).
-export([main/0]).

pyth(N) ->
    [{A, B, C} || A <- seq(1, N), B <- seq(A, N), C <- seq(B, N), A * A + B * B =:= C * C].

seq(A, B) when A > B -> [];
seq(A, B) -> [A | seq(A + 1, B)].

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

is_even(X) -> X rem 2 =:= 0.

main() ->
    io:format("~p~n", [pyth(20)]),
    io:format("~p~n", [qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])]),
    io:format("~p~n", [perms([a, b, c])]),
    io:format("~p~n", [[X || X <- seq(1, 10), is_even(X)]]),
    io:format("~p~n", [[X || {X, ok} <- [{1, ok}, {2, error}, three, {4, ok}]]]),
    io:format("~p~n", [[X || X <- [a, 1, 2.5, "s"], X + 1 > 1]]),
    Base = 100,
    io:format("~p~n", [[X + Base || X <- [1, 2, 3]]]),
    io:format("~p~n", [[[{X, Y} || Y <- seq(1, X)] || X <- seq(1, 3)]]),
    io:format("~p~n", [[io:format("~p ", [X]) || X <- [first, second, third]]]),
    io:format("~p~n", [[X || X <- "hello world", X =/= $o]]),
    io:format("~p~n", [[{X, Y} || X <- [1, 2], Y <- [a, b], X =/= 2 orelse Y =/= a]]),
    io:format("~p~n", [[Y || X <- [1, 2, 3], Y <- [X * 10], Y > 10]]),
    io:format("~p~n", [[X || X <- []]]),
    io:format("~p~n", [[ok || _ <- [x, y]]]),
    io:format("~p~n", [try [X || X <- not_a_list] catch error:E1 -> E1 end]),
    io:format("~p~n", [try [X || X <- [1, 2], X + 1] catch error:E2 -> E2 end]),
    ok.
