-module(deep_crash).
-export([main/0]).
nest(0, A) -> A;
nest(N, A) -> nest(N - 1, [A]).
main() ->
    io:format("crashing~n"),
    erlang:error({deep, nest(1000000, x)}).
