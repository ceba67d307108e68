-module(factorial).
-export([main/0]).

fact(0) -> 1;
fact(N) when N > 0 -> N * fact(N - 1).

main() ->
    F = fact(100),
    io:format("100! = ~p~n", [F]),
    io:format("digits: ~p~n", [length(integer_to_list(F))]),
    io:format("~p~n", [fact(25) div fact(20)]),
    io:format("~p~n", [-fact(30) rem 1000007]).
