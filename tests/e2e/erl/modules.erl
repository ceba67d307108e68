-module(modules).
-export([main/0]).

id(X) -> X.

main() ->
    io:format("~p~n", [e2e_helper:double(21)]),
    io:format("~p~n", [c(fun() -> e2e_helper:missing(1) end)]),
    io:format("~p~n", [c(fun() -> no_such_module:f() end)]),
    M = id(e2e_helper),
    io:format("~p~n", [M:double(5)]),
    io:format("~p~n", [erlang:apply(M, double, [7])]),
    F = fun e2e_helper:double/1,
    io:format("~p~n", [F(8)]),
    {error, {badarity, {Fun, Args}}} = c(fun() -> (id(fun(X) -> X end))(1, 2) end),
    io:format("badarity ~p ~p~n", [is_function(Fun, 1), Args]),
    io:format("~p~n", [c(fun() -> (id(not_a_fun))(1) end)]),
    ok.

%% an exception as {Class, Reason}: stack traces differ between VMs
c(F) ->
    try F() catch C:R -> {C, R} end.
