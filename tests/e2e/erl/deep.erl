-module(deep).
-export([main/0]).

%% non-tail recursion a million deep: the stack grows through the heap
count(0) -> 0;
count(N) -> 1 + count(N - 1).

build(0) -> [];
build(N) -> [N | build(N - 1)].

sum([], S) -> S;
sum([H | T], S) -> sum(T, S + H).

main() ->
    io:format("~p~n", [count(1000000)]),
    io:format("~p~n", [sum(build(1000000), 0)]),
    ok.
