%% links_trap_exit.erl - links and exit signals: spawn_link, exit reasons
%% normal, kill (becoming killed) and any term; trap_exit turning signals
%% into {'EXIT', Pid, Reason} messages; link/1 and unlink/1; exit/2 with
%% normal ignored by a process that does not trap; a linked crash taking a
%% non-trapping process down with it.
-module(links_trap_exit).
-export([main/0]).

main() ->
    %% erl runs main in a process that traps exits already: start from
    %% false, as a fresh process does
    process_flag(trap_exit, false),
    io:format("trap_exit was: ~p~n", [process_flag(trap_exit, true)]),
    io:format("trap_exit now: ~p~n", [process_flag(trap_exit, true)]),

    %% a linked child's exit becomes an 'EXIT' message
    [begin
         P = spawn_link(fun() -> exit(R) end),
         receive {'EXIT', P, Got} -> io:format("child exit(~p): ~p~n", [R, Got]) end
     end || R <- [normal, boom, {any, "term", [1, 2.0]}]],
    P0 = spawn_link(fun() -> ok end),
    receive {'EXIT', P0, R0} -> io:format("child returns: ~p~n", [R0]) end,

    %% exit(P, kill) cannot be trapped and becomes killed
    Plain = spawn_link(fun wait/0),
    exit(Plain, kill),
    receive {'EXIT', Plain, R1} -> io:format("kill a waiting child: ~p~n", [R1]) end,
    Trapper = spawn_link(fun() -> process_flag(trap_exit, true), wait() end),
    sync(Trapper),
    exit(Trapper, kill),
    receive {'EXIT', Trapper, R2} -> io:format("kill a trapping child: ~p~n", [R2]) end,

    %% exit/2 with other reasons: a trapping child gets a message, a
    %% plain one dies
    T2 = spawn_link(fun() -> process_flag(trap_exit, true), report_exits() end),
    sync(T2),
    exit(T2, hello),
    exit(T2, normal),
    T2 ! {report, self()},
    receive {exits, T2, Exits} ->
            io:format("trapping child got: ~p~n",
                      [[R || {'EXIT', From, R} <- Exits, From =:= self()]])
    end,
    io:format("still alive: ~p~n", [is_process_alive(T2)]),
    P3 = spawn_link(fun wait/0),
    exit(P3, normal),
    io:format("plain child after exit(P, normal): answers ~p, alive ~p~n",
              [sync(P3), is_process_alive(P3)]),
    exit(P3, goodbye),
    receive {'EXIT', P3, R3} -> io:format("plain child after exit(P, goodbye): ~p~n", [R3]) end,

    %% a crash spreads along links to processes that do not trap
    {A, AMon} = spawn_monitor(fun() -> chain(3) end),
    receive {'DOWN', AMon, process, A, RA} -> io:format("chain of 3 down: ~p~n", [RA]) end,
    %% a normal exit does not
    Main = self(),
    {B, BMon} = spawn_monitor(fun() ->
                                      C = spawn_link(fun() -> ok end),
                                      Mc = monitor(process, C),
                                      receive {'DOWN', Mc, process, C, normal} -> ok end,
                                      Main ! {survived, self()},
                                      wait()
                              end),
    receive {survived, B} -> io:format("linked child ended normally: parent survived~n") end,
    exit(B, kill),
    receive {'DOWN', BMon, process, B, killed} -> ok end,
    %% a killed process signals killed along its links, which kills
    {K, KMon} = spawn_monitor(fun() ->
                                      spawn_link(fun() -> exit(kill) end),
                                      wait()
                              end),
    receive {'DOWN', KMon, process, K, RK} ->
            io:format("linked to a process that called exit(kill): ~p~n", [RK])
    end,
    {K2, K2Mon} = spawn_monitor(fun() ->
                                        Me = self(),
                                        L = spawn_link(fun() -> Me ! {ready, self()}, wait() end),
                                        receive {ready, L} -> exit(L, kill) end,
                                        wait()
                                end),
    receive {'DOWN', K2Mon, process, K2, RK2} ->
            io:format("linked to a process killed by exit(P, kill): ~p~n", [RK2])
    end,

    %% unlink: the child's exit is no longer seen
    U = spawn_link(fun() -> receive go -> exit(unseen) end end),
    io:format("unlink: ~p~n", [unlink(U)]),
    UMon = monitor(process, U),
    U ! go,
    receive {'DOWN', UMon, process, U, RU} -> io:format("unlinked child down: ~p~n", [RU]) end,
    io:format("no 'EXIT' from it: ~p~n", [receive {'EXIT', U, _} -> got after 0 -> none end]),

    %% link/1 to a running process, and to one that is gone
    L1 = spawn(fun() -> receive go -> exit(later) end end),
    io:format("link: ~p~n", [link(L1)]),
    L1 ! go,
    receive {'EXIT', L1, RL} -> io:format("linked later: ~p~n", [RL]) end,
    {Gone, GMon} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', GMon, process, Gone, normal} -> ok end,
    io:format("link to a dead process while trapping: ~p~n", [link(Gone)]),
    receive {'EXIT', Gone, RG} -> io:format("then: ~p~n", [RG]) end,
    {NT, NTMon} = spawn_monitor(fun() ->
                                        process_flag(trap_exit, false),
                                        try link(Gone) of
                                            X -> Main ! {nt, X}
                                        catch
                                            error:E -> Main ! {nt, {error, E}}
                                        end
                                end),
    receive {nt, NTR} -> io:format("link to a dead process, not trapping: ~p~n", [NTR]) end,
    receive {'DOWN', NTMon, process, NT, normal} -> ok end,

    %% a link is one link: linking twice and unlinking once removes it
    D = spawn_link(fun() -> receive go -> exit(twice) end end),
    link(D),
    unlink(D),
    DMon = monitor(process, D),
    D ! go,
    receive {'DOWN', DMon, process, D, _} -> ok end,
    io:format("linked twice, unlinked once: ~p~n",
              [receive {'EXIT', D, _} -> got after 0 -> none end]),

    %% exit/1 of the caller itself, caught and not caught
    io:format("catch exit(x): ~p~n", [catch exit(x)]),
    io:format("try exit(y): ~p~n", [try exit(y) catch exit:Y -> {caught, Y} end]),

    %% trap_exit turned off again: exit(self(), normal) in a child ends it
    {S, SMon} = spawn_monitor(fun() -> exit(self(), normal), wait() end),
    receive {'DOWN', SMon, process, S, RS} -> io:format("exit(self(), normal): ~p~n", [RS]) end,
    io:format("trap_exit off: ~p~n", [process_flag(trap_exit, false)]),
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).

wait() ->
    receive
        {sync, From} -> From ! {synced, self()}, wait()
    end.

%% sync(P): a round trip to P, so that everything sent to P before has
%% been handled.
sync(P) ->
    P ! {sync, self()},
    receive {synced, P} -> ok end.

report_exits() ->
    receive
        {sync, From} -> From ! {synced, self()}, report_exits();
        {report, From} -> From ! {exits, self(), drain()}, wait()
    end.

drain() ->
    receive M -> [M | drain()] after 0 -> [] end.

%% chain(N): spawns a chain of N more linked processes; the last one exits
%% with reason crash, the others are plain and die of it.
chain(0) -> exit(crash);
chain(N) ->
    spawn_link(fun() -> chain(N - 1) end),
    wait().
