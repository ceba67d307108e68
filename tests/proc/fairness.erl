%% fairness.erl - preemption: processes that never wait (busy loops that
%% only call themselves) cannot starve the others. With one scheduler as
%% with many, a ping-pong pair and main make steady progress while four
%% busy loops run, a timer fires, and the busy loops are then killed.
-module(fairness).
-export([main/0]).

main() ->
    process_flag(trap_exit, false),
    Me = self(),
    Busy = [spawn_monitor(fun() -> spin(0) end) || _ <- lists:seq(1, 4)],
    %% a pair playing 300 rounds
    Pong = spawn(fun pong/0),
    {Ping, PRef} = spawn_monitor(fun() -> Me ! {rounds, ping(Pong, 300, 0)} end),
    receive {rounds, N} -> io:format("ping-pong among busy loops: ~p rounds~n", [N]) end,
    receive {'DOWN', PRef, process, Ping, normal} -> ok end,
    %% a timer still fires, not much late
    T0 = erlang:monotonic_time(millisecond),
    erlang:send_after(50, self(), tick),
    receive tick -> ok end,
    Late = erlang:monotonic_time(millisecond) - T0,
    io:format("timer among busy loops: fired ~p~n", [Late >= 50 andalso Late < 5000]),
    %% a receive ... after in main
    io:format("after 20 among busy loops: ~p~n", [receive x -> x after 20 -> timeout end]),
    %% spawn and collect work while they spin
    Work = [spawn_monitor(fun() -> exit({fib, fib(18)}) end) || _ <- lists:seq(1, 10)],
    Results = [receive {'DOWN', R, process, P, {fib, F}} -> F end || {P, R} <- Work],
    io:format("ten workers among busy loops: ~p~n", [lists:usort(Results)]),
    %% the busy loops are alive, and a kill reaches them
    io:format("busy loops alive: ~p~n", [[is_process_alive(P) || {P, _} <- Busy]]),
    [exit(P, kill) || {P, _} <- Busy],
    Reasons = [receive {'DOWN', R, process, P, Why} -> Why end || {P, R} <- Busy],
    io:format("busy loops: ~p~n", [Reasons]),
    PongMon = monitor(process, Pong),
    Pong ! stop,
    receive {'DOWN', PongMon, process, Pong, normal} -> ok end.

spin(N) -> spin(N + 1).

ping(_, N, N) -> N;
ping(Pong, N, I) ->
    Pong ! {ping, self(), I},
    receive {pong, I} -> ping(Pong, N, I + 1) end.

pong() ->
    receive
        {ping, From, I} -> From ! {pong, I}, pong();
        stop -> ok
    end.

fib(0) -> 0;
fib(1) -> 1;
fib(N) -> fib(N - 1) + fib(N - 2).
