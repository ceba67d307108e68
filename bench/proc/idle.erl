%% idle.erl - memory per idle process: spawns N processes that each wait
%% in receive, then ends them all.
%%
%% Two modes:
%%   mem   (Erlang/OTP only: it uses erlang:memory/1) measures
%%         erlang:memory(total) and (processes) before and after spawning,
%%         and prints the difference divided by N.
%%   wait  for an external measure of the resident set size: prints
%%         "baseline", pauses PAUSE ms, spawns the N processes, prints
%%         "ready", pauses PAUSE ms again, then ends them. A tool reads
%%         VmRSS from /proc/PID/status in each pause (after seeing each
%%         line) and divides the difference by N.
%%
%%   beamlet run bench/proc/idle.erl N wait [PAUSE]  (default 1000000 wait 2000)
%%   erl -noshell -run idle main N mem -s init stop
-module(idle).
-export([main/1]).

main([]) -> main(["1000000", "wait"]);
main([NArg]) -> main([NArg, "wait"]);
main([NArg, Mode]) -> main([NArg, Mode, "2000"]);
main([NArg, "mem", _]) ->
    N = list_to_integer(NArg),
    erlang:garbage_collect(),
    Total0 = erlang:memory(total),
    Procs0 = erlang:memory(processes),
    Pids = spawn_idle(N),
    erlang:garbage_collect(),
    Total1 = erlang:memory(total),
    Procs1 = erlang:memory(processes),
    io:format("idle: procs=~p total_bytes_per_proc=~p processes_bytes_per_proc=~p~n",
              [N, (Total1 - Total0) div N, (Procs1 - Procs0) div N]),
    stop_all(Pids);
main([NArg, "wait", PauseArg]) ->
    N = list_to_integer(NArg),
    Pause = list_to_integer(PauseArg),
    io:format("baseline~n"),
    timer:sleep(Pause),
    T0 = erlang:monotonic_time(millisecond),
    Pids = spawn_idle(N),
    Ms = max(erlang:monotonic_time(millisecond) - T0, 1),
    io:format("ready procs=~p start_ms=~p~n", [N, Ms]),
    timer:sleep(Pause),
    stop_all(Pids).

%% spawn_idle(N): N processes waiting in receive, all started (each has
%% run up to its receive) when this returns.
spawn_idle(N) ->
    Pids = [spawn(fun idle/0) || _ <- lists:seq(1, N)],
    [P ! {ping, self()} || P <- Pids],
    [receive pong -> ok end || _ <- Pids],
    Pids.

idle() ->
    receive
        {ping, From} -> From ! pong, idle();
        stop -> ok
    end.

stop_all(Pids) ->
    [P ! stop || P <- Pids],
    ok.
