%% timers2.erl - erlang:start_timer/3,4 ({timeout, TRef, Msg}),
%% send_after/4 with {abs, true}, read_timer/1,2, cancel_timer/2 with
%% {async, true} and {info, false}, timers to a registered name; and
%% monitor(process, Name) / {Name, node()}: 'DOWN' names {Name, Node},
%% noproc at once for a name nobody has.
-module(timers2).
-export([main/0]).

main() ->
    %% start_timer: the message carries the timer's reference
    T1 = erlang:start_timer(30, self(), hello),
    receive {timeout, T1, hello} -> io:format("start_timer: {timeout, TRef, hello}~n") end,
    io:format("read after firing: ~p~n", [erlang:read_timer(T1)]),
    io:format("cancel after firing: ~p~n", [erlang:cancel_timer(T1)]),
    %% absolute time
    Now = erlang:monotonic_time(millisecond),
    T2 = erlang:send_after(Now + 40, self(), abs_msg, [{abs, true}]),
    receive abs_msg -> ok end,
    Waited = erlang:monotonic_time(millisecond) - Now,
    io:format("abs timer not early: ~p, is ref: ~p~n", [Waited >= 40, is_reference(T2)]),
    T3 = erlang:start_timer(Now + 30, self(), abs2, [{abs, true}]),
    receive {timeout, T3, abs2} -> io:format("abs start_timer ok~n") end,
    %% read and cancel a pending timer
    T4 = erlang:start_timer(10000, self(), never),
    Left = erlang:read_timer(T4),
    io:format("read pending: ~p~n", [is_integer(Left) andalso Left > 9000 andalso Left =< 10000]),
    Left2 = erlang:read_timer(T4, [{async, false}]),
    io:format("read/2 pending: ~p~n", [is_integer(Left2) andalso Left2 =< 10000]),
    ok = erlang:read_timer(T4, [{async, true}]),
    receive {read_timer, T4, L3} -> io:format("async read: ~p~n", [is_integer(L3)]) end,
    ok = erlang:cancel_timer(T4, [{async, true}]),
    receive {cancel_timer, T4, L4} -> io:format("async cancel: ~p~n", [is_integer(L4) andalso L4 > 9000]) end,
    io:format("cancel again: ~p~n", [erlang:cancel_timer(T4)]),
    T5 = erlang:send_after(10000, self(), never2),
    io:format("cancel, no info: ~p~n", [erlang:cancel_timer(T5, [{info, false}])]),
    io:format("read cancelled: ~p~n", [erlang:read_timer(T5)]),
    ok = erlang:cancel_timer(T5, [{async, true}, {info, false}]),
    %% to a registered name
    register(timers2_main, self()),
    erlang:start_timer(10, timers2_main, by_name),
    receive {timeout, _, by_name} -> io:format("timer to a name ok~n") end,
    unregister(timers2_main),
    %% bad arguments
    Bad = [catch erlang:start_timer(-1, self(), x),
           catch erlang:send_after(10, self(), x, [{abs, maybe}]),
           catch erlang:read_timer(not_a_ref),
           catch erlang:cancel_timer(make_ref(), [{bogus, true}])],
    io:format("bad: ~p~n", [[element(1, element(2, B)) || B <- Bad]]),
    receive Stray -> io:format("stray: ~p~n", [Stray]) after 100 -> ok end,
    monitors_by_name().

monitors_by_name() ->
    P = spawn(fun() -> receive stop -> exit(stopped) end end),
    register(watched, P),
    R1 = monitor(process, watched),
    R2 = monitor(process, {watched, node()}),
    P ! stop,
    receive {'DOWN', R1, process, O1, W1} -> io:format("by name: ~p ~p~n", [O1, W1]) end,
    receive {'DOWN', R2, process, O2, W2} -> io:format("by {name, node}: ~p ~p~n", [O2, W2]) end,
    R3 = monitor(process, nobody_here),
    receive {'DOWN', R3, process, O3, W3} -> io:format("no such name: ~p ~p~n", [O3, W3]) end,
    Q = spawn(fun() -> receive stop -> ok end end),
    register(watched2, Q),
    R4 = monitor(process, watched2),
    true = demonitor(R4),
    Q ! stop,
    receive {'DOWN', R4, _, _, _} -> io:format("DOWN after demonitor!~n")
    after 100 -> io:format("demonitor by name: quiet~n")
    end,
    io:format("bad monitor: ~p~n", [element(1, element(2, catch monitor(process, 42)))]).
