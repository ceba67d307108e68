-module(lists_demo).
-export([main/0]).

seq(N, N) -> [N];
seq(I, N) -> [I | seq(I + 1, N)].

rev(L) -> rev(L, []).
rev([], Acc) -> Acc;
rev([H | T], Acc) -> rev(T, [H | Acc]).

sum(L) -> sum(L, 0).
sum([], S) -> S;
sum([H | T], S) -> sum(T, S + H).

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

map(_, []) -> [];
map(F, [H | T]) -> [F(H) | map(F, T)].

main() ->
    L = seq(1, 100000),
    R = rev(L),
    io:format("~p ~p ~p~n", [len(L), sum(L), hd(R)]),
    Sq = map(fun(X) -> X * X end, seq(1, 10)),
    io:format("~p~n", [Sq]),
    io:format("~w~n", [rev([a, {b, "c"}, 1.5, [2, 3]])]),
    Big = seq(1, 1000),
    io:format("~p~n", [lists_tail(Big, 980)]),
    io:format("~p~n", [{length(Big), tuple_size(list_to_tuple(Big))}]).

lists_tail(L, 0) -> L;
lists_tail([_ | T], N) -> lists_tail(T, N - 1).
