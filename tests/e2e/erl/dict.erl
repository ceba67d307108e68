-module(dict).
-export([main/0]).

main() ->
    undefined = put(a, 1),
    1 = put(a, 2),
    put(b, 3),
    io:format("~p ~p ~p~n", [get(a), get(b), get(c)]),
    io:format("~p~n", [erase(a)]),
    io:format("~p ~p~n", [get(a), erase(zz)]),
    put({complex, key}, [1, 2, 3]),
    io:format("~p~n", [get({complex, key})]),
    ok.
