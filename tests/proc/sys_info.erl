%% sys_info.erl - erlang:system_info(schedulers | schedulers_online |
%% logical_processors) and node(): integers (logical_processors may be
%% unknown), at least one scheduler, no more online than exist; the same
%% answers from any process. Nothing machine-dependent is printed.
-module(sys_info).
-export([main/0]).

main() ->
    S = erlang:system_info(schedulers),
    On = erlang:system_info(schedulers_online),
    LP = erlang:system_info(logical_processors),
    io:format("schedulers integer: ~p, >= 1: ~p~n", [is_integer(S), S >= 1]),
    io:format("schedulers_online integer: ~p, 1..schedulers: ~p~n",
              [is_integer(On), On >= 1 andalso On =< S]),
    io:format("logical_processors integer or unknown: ~p~n",
              [is_integer(LP) orelse LP =:= unknown]),
    io:format("node: ~p~n", [node()]),
    Me = self(),
    {P, R} = spawn_monitor(fun() ->
                                   Me ! {info, erlang:system_info(schedulers),
                                         erlang:system_info(schedulers_online), node()}
                           end),
    receive {info, S2, On2, N2} ->
            io:format("same from a child: ~p~n", [{S2, On2, N2} =:= {S, On, node()}])
    end,
    receive {'DOWN', R, process, P, normal} -> ok end,
    io:format("bad item: ~p~n",
              [try erlang:system_info(no_such_item) catch error:E -> {error, E} end]).
