%% spawn.erl - process creation benchmark: N processes spawned and ended
%% one after the other; each new process sends one message to main and
%% ends, and main waits for it before spawning the next (with "monitor",
%% main waits for the process's 'DOWN' instead, so that it is surely gone).
%% Prints the time and spawns per second, as "key=value" fields.
%%
%%   beamlet run bench/proc/spawn.erl [N [msg|monitor]]  (default 1000000 msg)
%%   erl -noshell -run spawn main N [msg|monitor] -s init stop
-module(spawn).
-export([main/1]).

main([]) -> main(["1000000"]);
main([NArg]) -> main([NArg, "msg"]);
main([NArg, Mode]) ->
    N = list_to_integer(NArg),
    T0 = erlang:monotonic_time(millisecond),
    case Mode of
        "msg" -> by_message(self(), N);
        "monitor" -> by_monitor(N)
    end,
    Ms = max(erlang:monotonic_time(millisecond) - T0, 1),
    io:format("spawn: mode=~s spawns=~p ms=~p spawns_per_s=~p~n", [Mode, N, Ms, N * 1000 div Ms]).

by_message(_, 0) -> ok;
by_message(Me, N) ->
    spawn(fun() -> Me ! N end),
    receive N -> by_message(Me, N - 1) end.

by_monitor(0) -> ok;
by_monitor(N) ->
    {P, R} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', R, process, P, normal} -> by_monitor(N - 1) end.
