-module(fib).
-export([main/0, fib/1]).

fib(N) when N < 2 -> N;
fib(N) -> fib(N - 1) + fib(N - 2).

main() ->
    io:format("fib(30) = ~p~n", [fib(30)]).
