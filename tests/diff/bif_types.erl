%% bif_types.erl - the is_* type tests as BIFs and in guards, over every
%% kind of term.
-module(bif_types).
-export([main/0]).

values() ->
    [0, -5, 1 bsl 80, 1.5, -0.0, atom, true, false, [], [1, 2], "str", {}, {a, b},
     <<>>, <<"bin">>, fun() -> ok end, fun lists:map/2, fun(X, Y) -> X + Y end].

kind(X) when is_integer(X) -> integer;
kind(X) when is_float(X) -> float;
kind(X) when is_boolean(X) -> boolean;
kind(X) when is_atom(X) -> atom;
kind(X) when is_list(X), X =/= [] -> list;
kind([]) -> nil;
kind(X) when is_tuple(X) -> tuple;
kind(X) when is_binary(X) -> binary;
kind(X) when is_function(X, 0) -> fun0;
kind(X) when is_function(X, 2) -> fun2;
kind(X) when is_function(X) -> function.

main() ->
    Tests = [{is_integer, fun erlang:is_integer/1}, {is_float, fun erlang:is_float/1},
             {is_number, fun erlang:is_number/1}, {is_atom, fun erlang:is_atom/1},
             {is_boolean, fun erlang:is_boolean/1}, {is_list, fun erlang:is_list/1},
             {is_tuple, fun erlang:is_tuple/1}, {is_binary, fun erlang:is_binary/1},
             {is_function, fun erlang:is_function/1}, {is_pid, fun erlang:is_pid/1},
             {is_reference, fun erlang:is_reference/1}],
    lists:foreach(fun({Name, F}) ->
        io:format("~-14s ~s~n", [Name, [case F(V) of true -> $T; false -> $. end || V <- values()]])
    end, Tests),
    io:format("is_function/2: ~w~n", [[is_function(V, 2) || V <- values()]]),
    io:format("kinds: ~w~n", [[kind(V) || V <- values()]]),
    io:format("~w ~w ~w~n", [is_function(fun main/0, 0), is_function(fun main/0, 1), is_function(fun kind/1)]),
    ok.
