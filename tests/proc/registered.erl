%% registered.erl - register/2, unregister/1, whereis/1, registered/0;
%% sending to a name with ! and erlang:send/2; badarg for an unregistered
%% name, a name already taken, a process that already has a name, a dead
%% process, the name undefined; a name is freed when its process ends.
-module(registered).
-export([main/0]).

main() ->
    process_flag(trap_exit, false),
    io:format("whereis unknown: ~p~n", [whereis(reg_server)]),
    S = spawn(fun server/0),
    io:format("register: ~p~n", [register(reg_server, S)]),
    io:format("whereis: ~p~n", [whereis(reg_server) =:= S]),
    io:format("in registered(): ~p~n", [lists:member(reg_server, registered())]),
    io:format("all atoms: ~p~n", [lists:all(fun erlang:is_atom/1, registered())]),

    reg_server ! {echo, self(), hello},
    io:format("by !: ~p~n", [receive {echoed, M1} -> M1 end]),
    erlang:send(reg_server, {echo, self(), world}),
    io:format("by send/2: ~p~n", [receive {echoed, M2} -> M2 end]),
    Sent = reg_server ! {echo, self(), x},
    io:format("! returns the message: ~p~n", [Sent =:= {echo, self(), x}]),
    receive {echoed, x} -> ok end,

    io:format("send to unknown: ~p~n", [catch_error(fun() -> no_such_name ! hi end)]),
    io:format("send/2 to unknown: ~p~n",
              [catch_error(fun() -> erlang:send(no_such_name, hi) end)]),
    Other = spawn(fun server/0),
    io:format("name taken: ~p~n", [catch_error(fun() -> register(reg_server, Other) end)]),
    io:format("second name: ~p~n", [catch_error(fun() -> register(reg_other, S) end)]),
    io:format("name undefined: ~p~n", [catch_error(fun() -> register(undefined, Other) end)]),
    io:format("name not an atom: ~p~n", [catch_error(fun() -> register("str", Other) end)]),
    {Dead, DMon} = spawn_monitor(fun() -> ok end),
    receive {'DOWN', DMon, process, Dead, normal} -> ok end,
    io:format("dead process: ~p~n", [catch_error(fun() -> register(reg_dead, Dead) end)]),
    io:format("whereis after failures: ~p ~p~n", [whereis(reg_server) =:= S, whereis(reg_other)]),

    io:format("unregister: ~p~n", [unregister(reg_server)]),
    io:format("whereis: ~p~n", [whereis(reg_server)]),
    io:format("in registered(): ~p~n", [lists:member(reg_server, registered())]),
    io:format("unregister again: ~p~n", [catch_error(fun() -> unregister(reg_server) end)]),
    io:format("send after unregister: ~p~n", [catch_error(fun() -> reg_server ! hi end)]),
    io:format("re-register elsewhere: ~p ~p~n",
              [register(reg_server, Other), whereis(reg_server) =:= Other]),
    io:format("first one under a new name: ~p~n", [register(reg_other, S)]),

    %% a name goes with its process
    OMon = monitor(process, Other),
    reg_server ! stop,
    receive {'DOWN', OMon, process, Other, normal} -> ok end,
    io:format("after its process ended: ~p ~p~n",
              [whereis(reg_server), lists:member(reg_server, registered())]),
    KMon = monitor(process, S),
    exit(whereis(reg_other), kill),
    receive {'DOWN', KMon, process, S, killed} -> ok end,
    io:format("after a kill: ~p~n", [whereis(reg_other)]),

    %% main can have a name, and the name is used to reach it
    io:format("register self: ~p~n", [register(reg_main, self())]),
    spawn(fun() -> reg_main ! {from_child, 42} end),
    io:format("child sent by name: ~p~n", [receive {from_child, V} -> V end]),
    unregister(reg_main),

    %% many names
    Ps = [begin
              P = spawn(fun server/0),
              Name = list_to_atom("reg_many_" ++ integer_to_list(I)),
              register(Name, P),
              {Name, P}
          end || I <- lists:seq(1, 50)],
    io:format("50 names found: ~p~n", [lists:all(fun({N, P}) -> whereis(N) =:= P end, Ps)]),
    [N ! {echo, self(), N} || {N, _} <- Ps],
    Echoes = [receive {echoed, N} -> N end || {N, _} <- Ps],
    io:format("50 echoes: ~p~n", [Echoes =:= [N || {N, _} <- Ps]]),
    Mons = [{monitor(process, P), N} || {N, P} <- Ps],
    [N ! stop || {N, _} <- Ps],
    [receive {'DOWN', R, process, _, normal} -> ok end || {R, _} <- Mons],
    io:format("50 names freed: ~p~n",
              [lists:all(fun({N, _}) -> whereis(N) =:= undefined end, Ps)]).

server() ->
    receive
        {echo, From, X} -> From ! {echoed, X}, server();
        stop -> ok
    end.

%% catch_error(F): F()'s value, or {error, Reason} when it raises.
catch_error(F) ->
    try F() catch error:R -> {error, R} end.
