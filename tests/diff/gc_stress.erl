%% gc_stress.erl - allocation-heavy work that makes the garbage collector
%% move live data many times: growing and shrinking lists, big tuples,
%% closures capturing large terms, bignum churn, deep trees rebuilt.
-module(gc_stress).
-export([main/0]).

churn(0, Acc) -> Acc;
churn(N, Acc) ->
    L = lists:seq(1, 100),
    T = list_to_tuple(L),
    churn(N - 1, Acc + element(50, T) + length(lists:reverse(L))).

tree(0) -> leaf;
tree(N) -> {tree(N - 1), N, tree(N - 1)}.

check(leaf) -> 0;
check({L, N, R}) -> N + check(L) + check(R).

closures(N) ->
    Big = lists:seq(1, 1000),
    Fs = [fun() -> lists:nth(I, Big) + I end || I <- lists:seq(1, N)],
    lists:sum([F() || F <- Fs]).

bigs(0, Acc) -> Acc;
bigs(N, Acc) -> bigs(N - 1, (Acc * 3 + N) rem (1 bsl 200)).

strings(N) ->
    lists:flatten([integer_to_list(I) ++ "," || I <- lists:seq(1, N)]).

main() ->
    io:format("~p~n", [churn(20000, 0)]),
    Trees = [check(tree(D)) || D <- lists:seq(1, 14)],
    io:format("~p~n", [Trees]),
    io:format("~p~n", [closures(1000)]),
    io:format("~p~n", [bigs(50000, 1)]),
    S = strings(20000),
    io:format("~p ~p~n", [length(S), lists:sublist(S, 20)]),
    Kept = lists:foldl(fun(I, Acc) -> case I rem 1000 of 0 -> [lists:seq(1, I div 1000) | Acc]; _ -> Acc end end,
                       [], lists:seq(1, 200000)),
    io:format("~p ~p~n", [length(Kept), lists:sum([length(K) || K <- Kept])]),
    Tup = erlang:make_tuple(100000, 0),
    Tup2 = lists:foldl(fun(I, T) -> setelement(I, T, I) end, Tup, lists:seq(1, 200)),
    io:format("~p ~p~n", [element(200, Tup2), element(201, Tup2)]),
    ok.
