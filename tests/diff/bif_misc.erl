%% bif_misc.erl - apply/2,3, node/0, monotonic_time, system_time,
%% process dictionary, erlang:error/2, timer:sleep.
-module(bif_misc).
-export([main/0, add/2, twice/1]).

add(A, B) -> A + B.
twice(X) -> 2 * X.

main() ->
    io:format("~p~n", [apply(fun add/2, [3, 4])]),
    io:format("~p~n", [apply(?MODULE, add, [10, 20])]),
    io:format("~p~n", [erlang:apply(bif_misc, twice, [21])]),
    io:format("~p~n", [apply(lists, reverse, [[1, 2, 3]])]),
    io:format("~p~n", [apply(fun(X) -> X * X end, [9])]),
    M = lists, F = seq,
    io:format("~p~n", [M:F(1, 5)]),
    io:format("~p~n", [apply(M, F, [2, 4])]),
    io:format("node: ~p ~p~n", [node(), is_atom(node())]),
    T1 = erlang:monotonic_time(),
    T2 = erlang:monotonic_time(),
    io:format("monotonic: ~p ~p~n", [is_integer(T1), T2 >= T1]),
    M1 = erlang:monotonic_time(millisecond),
    timer:sleep(20),
    M2 = erlang:monotonic_time(millisecond),
    io:format("slept: ~p~n", [M2 - M1 >= 19]),
    S1 = erlang:system_time(),
    S2 = erlang:system_time(second),
    S3 = erlang:system_time(millisecond),
    io:format("system: ~p ~p ~p~n", [is_integer(S1), S2 > 1600000000, abs(S3 div 1000 - S2) =< 1]),
    U1 = erlang:monotonic_time(microsecond),
    N1 = erlang:monotonic_time(nanosecond),
    io:format("units: ~p ~p~n", [is_integer(U1), is_integer(N1)]),
    timer:sleep(0),
    io:format("~p~n", [get(missing)]),
    put(k1, v1),
    Old = put(k1, v2),
    put(k2, [1, 2]),
    io:format("~p ~p ~p~n", [Old, get(k1), get(k2)]),
    io:format("~p~n", [lists:sort(get_keys())]),
    io:format("~p~n", [lists:sort(get())]),
    io:format("~p ~p~n", [erase(k1), get(k1)]),
    io:format("~p~n", [erase(nothing)]),
    %% memoised fibonacci in the process dictionary
    io:format("fib(90) = ~p~n", [mfib(90)]),
    R = try erlang:error(my_reason, [1, 2]) catch error:E -> E end,
    io:format("~p~n", [R]),
    R2 = try apply(bif_misc, nonexistent, [1]) catch error:E2 -> E2 end,
    io:format("~p~n", [R2]),
    R3 = try apply(fun add/2, [1]) catch error:{badarity, {Fn, Args}} -> {badarity, is_function(Fn), Args} end,
    io:format("~p~n", [R3]),
    ok.

mfib(N) when N < 2 -> N;
mfib(N) ->
    case get({fib, N}) of
        undefined ->
            V = mfib(N - 1) + mfib(N - 2),
            put({fib, N}, V),
            V;
        V -> V
    end.
