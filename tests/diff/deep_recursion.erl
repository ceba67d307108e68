%% deep_recursion.erl - body recursion a million frames deep (the stack
%% grows), deep non-tail list building, deep nesting of terms, the
%% Ackermann function.
-module(deep_recursion).
-export([main/0]).

sum_to(0) -> 0;
sum_to(N) -> N + sum_to(N - 1).

build(0) -> [];
build(N) -> [N | build(N - 1)].

nest(0, T) -> T;
nest(N, T) -> nest(N - 1, {T}).

depth({T}) -> 1 + depth(T);
depth(_) -> 0.

ack(0, N) -> N + 1;
ack(M, 0) -> ack(M - 1, 1);
ack(M, N) -> ack(M - 1, ack(M, N - 1)).

my_map(_, []) -> [];
my_map(F, [H | T]) -> [F(H) | my_map(F, T)].

main() ->
    io:format("~p~n", [sum_to(1000000)]),
    L = build(500000),
    io:format("~p ~p ~p~n", [length(L), hd(L), lists:last(L)]),
    M = my_map(fun(X) -> X * 2 end, L),
    io:format("~p~n", [lists:sum(M)]),
    T = nest(100000, leaf),
    io:format("~p~n", [depth(T)]),
    io:format("~p~n", [ack(2, 300)]),
    io:format("~p~n", [ack(3, 6)]),
    R = lists:foldr(fun(X, Acc) -> [X + 1 | Acc] end, [], lists:seq(1, 300000)),
    io:format("~p~n", [lists:nth(300000, R)]),
    Flat = lists:flatten(deep_list(20)),
    io:format("~p~n", [length(Flat)]),
    ok.

deep_list(0) -> [x];
deep_list(N) -> [deep_list(N - 1)].
