%% comprehensions.erl - list comprehensions with several generators and
%% filters, pattern generators that skip non-matching elements, nesting.
-module(comprehensions).
-export([main/0]).

main() ->
    io:format("~p~n", [[X * 2 || X <- [1, 2, 3]]]),
    io:format("~p~n", [[{X, Y} || X <- [1, 2, 3], Y <- [a, b]]]),
    io:format("~p~n", [[{X, Y} || X <- lists:seq(1, 5), Y <- lists:seq(X, 5), X + Y =:= 6]]),
    io:format("~p~n", [[X || X <- lists:seq(1, 30), X rem 3 =:= 0, X rem 5 =:= 0]]),
    io:format("~p~n", [[V || {ok, V} <- [{ok, 1}, error, {ok, 2}, {error, x}, {ok, 3}]]]),
    io:format("~p~n", [[X || [X] <- [[1], [2, 3], [], [4]]]]),
    io:format("~p~n", [[{A, B, C} || A <- lists:seq(1, 20), B <- lists:seq(A, 20), C <- lists:seq(B, 20), A * A + B * B =:= C * C]]),
    io:format("~p~n", [[[Y || Y <- lists:seq(1, X)] || X <- lists:seq(1, 4)]]),
    io:format("~p~n", [[X || X <- "Hello World", X >= $a, X =< $z]]),
    io:format("~p~n", [[X + Y || X <- [], Y <- [1, 2]]]),
    io:format("~p~n", [[true || _ <- [a, b, c]]]),
    N = 5,
    io:format("~p~n", [[{I, J} || I <- lists:seq(1, N), J <- lists:seq(1, N), I < J, (I + J) rem N =:= 0]]),
    io:format("~p~n", [qsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9])]),
    io:format("~p~n", [perms([1, 2, 3])]),
    io:format("~p~n", [length(perms(lists:seq(1, 6)))]),
    io:format("~p~n", [primes(60)]),
    io:format("~p~n", [[{K, V} || {K, V} <- [{a, 1}, {b, 2}, {c, 3}], V > 1, K =/= c]]),
    Matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
    io:format("~p~n", [[lists:nth(I, Row) || {I, Row} <- lists:zip([1, 2, 3], Matrix)]]),
    io:format("~p~n", [[X || X <- [1, a, 2.0, "s", b], is_atom(X)]]),
    Filter = fun(X) -> X > 2 end,
    io:format("~p~n", [[X || X <- [1, 2, 3, 4], Filter(X)]]),
    io:format("~p~n", [[X || {X, _} <- [{1, 2}, {3, 4}], _ <- [x, y]]]),
    ok.

qsort([]) -> [];
qsort([P | T]) -> qsort([X || X <- T, X < P]) ++ [P] ++ qsort([X || X <- T, X >= P]).

perms([]) -> [[]];
perms(L) -> [[H | T] || H <- L, T <- perms(L -- [H])].

primes(N) -> [X || X <- lists:seq(2, N), lists:all(fun(D) -> X rem D =/= 0 end, lists:seq(2, X - 1))].
