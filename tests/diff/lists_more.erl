%% lists_more.erl - foreach, all, any, sublist, takewhile, dropwhile,
%% delete, concat, filtermap, and -- / ++.
-module(lists_more).
-export([main/0]).

main() ->
    L = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5],
    lists:foreach(fun(X) -> io:format("<~w>", [X]) end, L),
    io:nl(),
    io:format("all: ~w ~w ~w~n", [lists:all(fun(X) -> X > 0 end, L), lists:all(fun(X) -> X > 1 end, L), lists:all(fun(_) -> false end, [])]),
    io:format("any: ~w ~w ~w~n", [lists:any(fun(X) -> X > 8 end, L), lists:any(fun(X) -> X > 9 end, L), lists:any(fun(_) -> true end, [])]),
    io:format("sublist/2: ~w ~w ~w~n", [lists:sublist(L, 3), lists:sublist(L, 0), lists:sublist(L, 100)]),
    io:format("sublist/3: ~w ~w ~w~n", [lists:sublist(L, 2, 3), lists:sublist(L, 10, 5), lists:sublist(L, 12, 1)]),
    io:format("takewhile: ~w~n", [lists:takewhile(fun(X) -> X < 5 end, L)]),
    io:format("dropwhile: ~w~n", [lists:dropwhile(fun(X) -> X < 5 end, L)]),
    io:format("takewhile all: ~w ~w~n", [lists:takewhile(fun(_) -> true end, L) =:= L, lists:dropwhile(fun(_) -> true end, L)]),
    io:format("delete: ~w ~w ~w~n", [lists:delete(1, L), lists:delete(7, L), lists:delete(a, [])]),
    io:format("concat: ~p~n", [lists:concat([foo, "bar", 42, 'baz', 1.5])]),
    io:format("concat empty: ~p~n", [lists:concat([])]),
    io:format("filtermap: ~w~n", [lists:filtermap(fun(X) when X > 4 -> {true, X * 100}; (X) -> X =:= 1 end, L)]),
    io:format("--: ~w ~w~n", [L -- [1, 5, 5, 7], [a, b, c, a] -- [a]]),
    io:format("++: ~w ~p~n", [[1, 2] ++ [3], "abc" ++ "def"]),
    io:format("improper ++: ~w~n", [[1, 2] ++ 3]),
    Counter = lists:foldl(fun(X, Acc) -> inc(X, Acc) end, [], L),
    io:format("counts: ~w~n", [lists:sort(Counter)]),
    ok.

inc(X, [{X, N} | T]) -> [{X, N + 1} | T];
inc(X, [H | T]) -> [H | inc(X, T)];
inc(X, []) -> [{X, 1}].
