%% imports.erl - -import of lists and string functions, calls to them
%% unqualified, remote calls through variables, ?MODULE calls, and funs
%% referring to imported functions.
-module(imports).
-export([main/0, callback/1]).
-import(lists, [map/2, foldl/3, reverse/1, seq/2, sum/1]).
-import(string, [to_upper/1, join/2]).

callback(X) -> {called, X}.

main() ->
    L = seq(1, 6),
    io:format("~p~n", [map(fun(X) -> X * 3 end, L)]),
    io:format("~p~n", [foldl(fun(X, A) -> A * X end, 1, L)]),
    io:format("~p ~p~n", [reverse(L), sum(L)]),
    io:format("~s~n", [join([to_upper(W) || W <- ["alpha", "beta", "gamma"]], "-")]),
    Mod = lists,
    Fun = nth,
    io:format("~p~n", [Mod:Fun(2, [a, b, c])]),
    io:format("~p~n", [?MODULE:callback(1)]),
    Me = ?MODULE,
    io:format("~p~n", [Me:callback(2)]),
    io:format("~p~n", [apply(Me, callback, [3])]),
    F = fun ?MODULE:callback/1,
    io:format("~p~n", [map(F, [4, 5])]),
    G = fun lists:sum/1,
    io:format("~p~n", [G(L)]),
    Dyn = [{lists, max}, {lists, min}, {lists, last}, {erlang, length}],
    io:format("~p~n", [[M:Fn(L) || {M, Fn} <- Dyn]]),
    Name = list_to_atom("call" ++ "back"),
    io:format("~p~n", [apply(imports, Name, [dyn])]),
    ok.
