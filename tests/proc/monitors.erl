%% monitors.erl - monitor(process, P) and 'DOWN' messages with their
%% reasons; noproc for a process already gone; several monitors on one
%% process; demonitor/1 and demonitor/2 with flush and info; spawn_monitor;
%% a monitor does not link.
-module(monitors).
-export([main/0]).

main() ->
    process_flag(trap_exit, false),
    %% the reasons a 'DOWN' message carries
    lists:foreach(fun(R) ->
                          P = spawn(fun() -> receive go -> exit(R) end end),
                          Ref = monitor(process, P),
                          P ! go,
                          receive {'DOWN', Ref, process, P, Got} ->
                                  io:format("exit(~p): ~p~n", [R, Got])
                          end
                  end, [normal, shutdown, {shutdown, why}, [1, 2, 3], kill]),
    W = spawn(fun wait/0),
    WRef = monitor(process, W),
    exit(W, kill),
    receive {'DOWN', WRef, process, W, RW} -> io:format("exit(P, kill): ~p~n", [RW]) end,
    W2 = spawn(fun wait/0),
    W2Ref = monitor(process, W2),
    exit(W2, {custom, 1}),
    receive {'DOWN', W2Ref, process, W2, RW2} -> io:format("exit(P, {custom, 1}): ~p~n", [RW2]) end,
    {P1, R1} = spawn_monitor(fun() -> done end),
    receive {'DOWN', R1, process, P1, RN} -> io:format("returned: ~p~n", [RN]) end,

    %% monitor of a process already gone: noproc at once
    NoRef = monitor(process, P1),
    receive
        {'DOWN', NoRef, process, P1, RNo} -> io:format("monitor a dead process: ~p~n", [RNo])
    end,

    %% the reference is new and the message names the process
    {P2, R2} = spawn_monitor(fun() -> exit(bye) end),
    receive {'DOWN', Ref2, Type, Who, Why} ->
            io:format("spawn_monitor: ref ~p, ~p, pid ~p, ~p~n",
                      [Ref2 =:= R2, Type, Who =:= P2, Why])
    end,

    %% two monitors on one process: two messages, one per reference
    P3 = spawn(fun() -> receive go -> exit(twice) end end),
    Ma = monitor(process, P3),
    Mb = monitor(process, P3),
    io:format("two refs differ: ~p~n", [Ma =/= Mb]),
    P3 ! go,
    receive {'DOWN', Mb, process, P3, Rb} -> ok end,
    receive {'DOWN', Ma, process, P3, Ra} -> ok end,
    io:format("both: ~p ~p~n", [Ra, Rb]),

    %% demonitor/1 before the exit: no message for that reference
    P4 = spawn(fun() -> receive go -> exit(late) end end),
    Mc = monitor(process, P4),
    Md = monitor(process, P4),
    io:format("demonitor: ~p~n", [demonitor(Mc)]),
    P4 ! go,
    receive {'DOWN', Md, process, P4, late} -> ok end,
    io:format("demonitored ref: ~p~n", [receive {'DOWN', Mc, _, _, _} -> got after 50 -> none end]),
    io:format("demonitor again: ~p~n", [demonitor(Mc)]),

    %% demonitor(Ref, [flush]) after the exit: the message, there or on its
    %% way, is gone
    P5 = spawn(fun() -> exit(flushed) end),
    Me = monitor(process, P5),
    timer:sleep(20),
    io:format("demonitor flush: ~p~n", [demonitor(Me, [flush])]),
    io:format("after flush: ~p~n", [receive {'DOWN', Me, _, _, _} -> got after 50 -> none end]),

    %% demonitor(Ref, [info]): true while the monitor is active, false once
    %% its message has been received
    P6 = spawn(fun wait/0),
    Mf = monitor(process, P6),
    io:format("info, active: ~p~n", [demonitor(Mf, [info])]),
    Mg = monitor(process, P6),
    exit(P6, kill),
    receive {'DOWN', Mg, process, P6, killed} -> ok end,
    io:format("info, delivered: ~p~n", [demonitor(Mg, [info])]),
    io:format("info and flush, delivered: ~p~n", [demonitor(Mg, [flush, info])]),
    io:format("demonitor with []: ~p~n", [demonitor(make_ref(), [])]),

    %% a monitor is one way and does not link: the watcher lives on
    Main = self(),
    {Watcher, WMon} = spawn_monitor(fun() ->
                                            T = spawn(fun() -> receive go -> exit(crash) end end),
                                            TR = monitor(process, T),
                                            T ! go,
                                            receive {'DOWN', TR, process, T, crash} ->
                                                    Main ! {watcher_saw, crash}
                                            end,
                                            wait()
                                    end),
    receive {watcher_saw, X} -> io:format("watcher saw ~p and is alive: ~p~n",
                                          [X, is_process_alive(Watcher)])
    end,
    exit(Watcher, kill),
    receive {'DOWN', WMon, process, Watcher, RWa} -> io:format("watcher: ~p~n", [RWa]) end,

    %% many monitors on many processes
    Ps = [spawn_monitor(fun() -> exit(I) end) || I <- lists:seq(1, 100)],
    Reasons = [receive {'DOWN', Rf, process, Pd, Rs} -> Rs end || {Pd, Rf} <- Ps],
    io:format("100 monitors: ~p~n", [Reasons =:= lists:seq(1, 100)]),
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).

wait() ->
    receive _ -> wait() end.
