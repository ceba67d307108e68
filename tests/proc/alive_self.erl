%% alive_self.erl - self/0 and is_process_alive/1: a process is alive from
%% spawn until it ends (by returning, exit/1, exit/2 or kill), and not
%% after; pids compare equal only to themselves; is_process_alive of a
%% non-pid is badarg.
-module(alive_self).
-export([main/0]).

main() ->
    process_flag(trap_exit, false),
    Me = self(),
    io:format("self is a pid: ~p~n", [is_pid(Me)]),
    io:format("self is stable: ~p~n", [Me =:= self()]),
    io:format("main alive: ~p~n", [is_process_alive(self())]),

    %% the child's view of itself
    {C, CMon} = spawn_monitor(fun() ->
                                      Me ! {child, self(), is_process_alive(self()), self() =/= Me},
                                      receive stop -> ok end
                              end),
    receive {child, C2, Alive, Differs} ->
            io:format("child: self is spawn's pid ~p, alive ~p, differs from main ~p~n",
                      [C2 =:= C, Alive, Differs])
    end,
    io:format("child alive while waiting: ~p~n", [is_process_alive(C)]),
    C ! stop,
    receive {'DOWN', CMon, process, C, normal} -> ok end,
    io:format("child alive after returning: ~p~n", [is_process_alive(C)]),

    %% every way of ending; each child waits for go (or a signal) first,
    %% so that it is surely alive when asked
    Ends = [{"returns", fun() -> ok end, go},
            {"exit(normal)", fun() -> exit(normal) end, go},
            {"exit(reason)", fun() -> exit(reason) end, go},
            {"exit(P, kill)", fun wait/0, kill},
            {"exit(P, other)", fun wait/0, other},
            {"exit(P, normal) then go", fun() -> ok end, normal}],
    lists:foreach(fun({Name, F, Signal}) ->
                          {P, R} = spawn_monitor(fun() -> receive go -> F() end end),
                          Before = is_process_alive(P),
                          signal(P, Signal),
                          Why = receive {'DOWN', R, process, P, W} -> W end,
                          io:format("~s: alive before ~p, reason ~p, alive after ~p~n",
                                    [Name, Before, Why, is_process_alive(P)])
                  end, Ends),

    %% pids in terms
    Ps = [spawn(fun wait/0) || _ <- lists:seq(1, 3)],
    [P1, P2, P3] = Ps,
    io:format("compare: ~p ~p ~p~n", [P1 =:= P1, P1 == P2, lists:member(P3, Ps)]),
    io:format("sorted stays 3: ~p~n", [length(lists:usort(Ps ++ Ps))]),
    io:format("alive: ~p~n", [[is_process_alive(P) || P <- Ps]]),
    Mons = [monitor(process, P) || P <- Ps],
    [exit(P, kill) || P <- Ps],
    [receive {'DOWN', M, process, _, killed} -> ok end || M <- Mons],
    io:format("alive after kill: ~p~n", [[is_process_alive(P) || P <- Ps]]),

    %% the parent does not have to be alive for its child to live on
    {Parent, PMon} = spawn_monitor(fun() ->
                                           Kid = spawn(fun wait/0),
                                           Me ! {kid, Kid}
                                   end),
    Kid = receive {kid, K} -> K end,
    receive {'DOWN', PMon, process, Parent, normal} -> ok end,
    io:format("orphan alive: ~p, parent alive: ~p~n",
              [is_process_alive(Kid), is_process_alive(Parent)]),
    KMon = monitor(process, Kid),
    exit(Kid, kill),
    receive {'DOWN', KMon, process, Kid, killed} -> ok end,

    io:format("is_process_alive(foo): ~p~n",
              [try is_process_alive(foo) catch error:E -> {error, E} end]),
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).

wait() ->
    receive stop -> ok end.

signal(P, go) ->
    P ! go;
signal(P, normal) ->
    exit(P, normal),
    P ! go;
signal(P, Reason) ->
    exit(P, Reason).
