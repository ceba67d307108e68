%% tailcalls.erl - calls in tail position run in constant stack: local
%% loops, mutual recursion, tail calls from case and if branches, from
%% andalso/orelse, from try's of clauses, and to other modules' functions.
-module(tailcalls).
-export([main/0, ext_loop/2]).

count(0, Acc) -> Acc;
count(N, Acc) -> count(N - 1, Acc + 1).

even(0) -> true;
even(N) -> odd(N - 1).
odd(0) -> false;
odd(N) -> even(N - 1).

branchy(0, A) -> A;
branchy(N, A) ->
    case N rem 3 of
        0 -> branchy(N - 1, A + 2);
        1 -> if A > 100000000 -> A; true -> branchy(N - 1, A + 1) end;
        _ -> branchy(N - 1, A)
    end.

walk(N) -> N =:= 0 orelse walk(N - 1).

ext_loop(0, Acc) -> Acc;
ext_loop(N, Acc) -> tailcalls:ext_loop(N - 1, Acc + 2).

server(0, State) -> State;
server(N, State) ->
    try step(N, State) of
        New -> server(N - 1, New)
    catch
        throw:skip -> server(N - 1, State)
    end.

step(N, _) when N rem 7 =:= 0 -> throw(skip);
step(_, S) -> S + 1.

main() ->
    io:format("~p~n", [count(5000000, 0)]),
    io:format("~p~n", [even(1000001)]),
    io:format("~p~n", [branchy(3000000, 0)]),
    io:format("~p~n", [walk(2000000)]),
    io:format("~p~n", [ext_loop(1000000, 0)]),
    io:format("~p~n", [server(1000000, 0)]),
    ok.
