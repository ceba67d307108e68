%% dynamic.erl - calls whose target is known only at run time: M:F(A),
%% fun values, apply/2, apply/3, erlang:apply/3, fun M:F/A, and calls to
%% this module's exported functions through its name.
-module(dynamic).
-export([main/0, double/1, add/2]).

double(X) -> 2 * X.
add(A, B) -> A + B.

call(M, F, Args) -> apply(M, F, Args).

each(_, []) -> ok;
each(F, [H | T]) -> F(H), each(F, T).

main() ->
    M = dynamic,
    F = double,
    io:format("~p~n", [M:F(21)]),
    io:format("~p~n", [dynamic:add(1, 2)]),
    io:format("~p~n", [call(dynamic, add, [3, 4])]),
    io:format("~p~n", [erlang:apply(dynamic, double, [5])]),
    io:format("~p~n", [apply(fun add/2, [10, 20])]),
    G = fun dynamic:double/1,
    io:format("~p~n", [G(8)]),
    H = fun erlang:element/2,
    io:format("~p~n", [H(2, {a, b})]),
    each(fun(X) -> io:format("item ~p~n", [X]) end, [a, b, c]),
    Ops = [fun double/1, fun(X) -> X + 1 end, G],
    io:format("~p~n", [[Op(10) || Op <- Ops]]),
    io:format("~p~n", [try M:nope(1) catch error:E -> E end]),
    io:format("~p~n", [try (fun(X) -> X end)(1, 2) catch error:{badarity, _} -> badarity end]),
    ok.
