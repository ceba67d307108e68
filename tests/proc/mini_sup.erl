%% mini_sup.erl - a small hand-written one_for_one supervisor: it traps
%% exits, starts its workers linked, restarts one that crashes (with the
%% generation number one higher) and leaves the others alone, drops one
%% that ends normally, and gives up after too many restarts, taking the
%% remaining workers down with it. Main prints every event it is told of.
-module(mini_sup).
-export([main/0]).

-define(MAX_RESTARTS, 5).

%% ---- the supervisor ----

%% start(Names, Report): a supervisor of one worker per name; every event
%% is sent to Report as {sup, Event}.
start(Names, Report) ->
    spawn(fun() ->
                  process_flag(trap_exit, true),
                  Children = [{Name, start_worker(Name, 1), 1} || Name <- Names],
                  Report ! {sup, started},
                  sup_loop(Children, 0, Report)
          end).

start_worker(Name, Gen) ->
    spawn_link(fun() -> worker(Name, Gen) end).

sup_loop(Children, Restarts, Report) ->
    receive
        {which_children, From} ->
            From ! {children, Children},
            sup_loop(Children, Restarts, Report);
        {'EXIT', Pid, Reason} ->
            case lists:keyfind(Pid, 2, Children) of
                false ->
                    sup_loop(Children, Restarts, Report);
                {Name, Pid, _} when Reason =:= normal ->
                    Report ! {sup, {finished, Name}},
                    sup_loop(lists:keydelete(Pid, 2, Children), Restarts, Report);
                {Name, Pid, Gen} when Restarts < ?MAX_RESTARTS ->
                    New = start_worker(Name, Gen + 1),
                    Report ! {sup, {restarted, Name, Reason, Gen + 1}},
                    sup_loop(lists:keyreplace(Pid, 2, Children, {Name, New, Gen + 1}),
                             Restarts + 1, Report);
                {Name, Pid, _} ->
                    Report ! {sup, {giving_up, Name, Reason}},
                    Rest = lists:keydelete(Pid, 2, Children),
                    shutdown(Rest, Report),
                    exit(reached_max_restart_intensity)
            end
    end.

%% shutdown(Children, Report): ends every child with exit(P, shutdown) and
%% waits for its 'EXIT', in order.
shutdown(Children, Report) ->
    lists:foreach(fun({Name, P, _}) ->
                          exit(P, shutdown),
                          receive {'EXIT', P, R} -> Report ! {sup, {shut_down, Name, R}} end
                  end, Children).

%% ---- the worker ----

worker(Name, Gen) ->
    receive
        {work, From, X} ->
            From ! {result, Name, Gen, X * 2},
            worker(Name, Gen);
        crash ->
            exit({crashed, Name, Gen});
        finish ->
            ok
    end.

%% ---- the test ----

main() ->
    process_flag(trap_exit, false),
    Sup = start([a, b, c], self()),
    SupMon = monitor(process, Sup),
    event(),
    show(Sup),
    %% a crashes three times, b once; c keeps its pid throughout
    [C0] = [P || {c, P, _} <- children(Sup)],
    crash(Sup, a),
    crash(Sup, a),
    crash(Sup, b),
    crash(Sup, a),
    show(Sup),
    io:format("c untouched: ~p~n", [[P || {c, P, _} <- children(Sup)] =:= [C0]]),
    io:format("workers work: ~p~n", [[work(Sup, N, 21) || N <- [a, b, c]]]),
    %% c finishes normally and is not restarted
    send_to(Sup, c, finish),
    event(),
    show(Sup),
    %% two more crashes: the fifth restart is the last allowed
    crash(Sup, b),
    show(Sup),
    All = [P || {_, P, _} <- children(Sup)],
    send_to(Sup, a, crash),
    event(),
    event(),
    receive {'DOWN', SupMon, process, Sup, Why} -> io:format("supervisor down: ~p~n", [Why]) end,
    io:format("workers alive: ~p~n", [[is_process_alive(P) || P <- All]]),
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).

event() ->
    receive {sup, E} -> io:format("event: ~p~n", [E]) end.

children(Sup) ->
    Sup ! {which_children, self()},
    receive {children, Cs} -> Cs end.

show(Sup) ->
    io:format("children: ~p~n", [[{N, G} || {N, _, G} <- children(Sup)]]).

send_to(Sup, Name, Msg) ->
    [P] = [P || {N, P, _} <- children(Sup), N =:= Name],
    P ! Msg.

crash(Sup, Name) ->
    send_to(Sup, Name, crash),
    event().

work(Sup, Name, X) ->
    send_to(Sup, Name, {work, self(), X}),
    receive {result, Name, Gen, Y} -> {Name, Gen, Y} end.
