%% stress_monitors.erl - many clients monitoring and demonitoring a few
%% servers at once, from every scheduler, then the servers ending.
%%   beamlet run tests/stress/stress_monitors.erl S C R   (default 8 500 20)
%% S servers; C clients, each doing R rounds of: take server
%% (Id * 7 + Round * 13) rem S; if it already monitors it, demonitor with
%% flush, else monitor it. So each server's set of watchers grows and
%% shrinks under many concurrent monitor and demonitor signals. Then main
%% ends every server (reason {bye, K}) and each client must get exactly one
%% 'DOWN' per monitor it still holds, with the right reference, pid and
%% reason, and none for the ones it dropped. Prints counts and a verdict.
-module(stress_monitors).
-export([main/1]).

main([]) -> main(["8", "500", "20"]);
main([SArg, CArg, RArg]) ->
    S = list_to_integer(SArg),
    C = list_to_integer(CArg),
    R = list_to_integer(RArg),
    Main = self(),
    Servers = list_to_tuple([spawn(fun() -> server(K) end) || K <- lists:seq(0, S - 1)]),
    SMons = [monitor(process, element(K + 1, Servers)) || K <- lists:seq(0, S - 1)],
    Clients = [spawn(fun() -> client(Main, Id, Servers, R) end) || Id <- lists:seq(1, C)],
    Stats = [receive {ready, Cl, Made, Dropped, Held} -> {Made, Dropped, Held} end || Cl <- Clients],
    Made = lists:sum([M || {M, _, _} <- Stats]),
    Dropped = lists:sum([D || {_, D, _} <- Stats]),
    Held = lists:sum([H || {_, _, H} <- Stats]),
    io:format("servers ~p, clients ~p, rounds ~p~n", [S, C, R]),
    io:format("monitors made ~p, dropped ~p, held ~p~n", [Made, Dropped, Held]),
    [element(K + 1, Servers) ! stop || K <- lists:seq(0, S - 1)],
    [receive {'DOWN', M, process, _, {bye, _}} -> ok end || M <- SMons],
    Results = [receive {result, Cl, Got, Bad} -> {Got, Bad} end || Cl <- Clients],
    receive after 100 -> ok end,
    [Cl ! check || Cl <- Clients],
    Strays = lists:sum([receive {strays, Cl, N} -> N end || Cl <- Clients]),
    Got = lists:sum([G || {G, _} <- Results]),
    Bad = lists:append([B || {_, B} <- Results]),
    io:format("'DOWN' received ~p, wrong ~p, stray ~p~n", [Got, length(Bad), Strays]),
    case {Got, Bad, Strays} of
        {Held, [], 0} -> io:format("ok~n");
        _ -> io:format("FAILED ~p~n", [lists:sublist(Bad, 3)])
    end.

server(K) -> receive stop -> exit({bye, K}) end.

client(Main, Id, Servers, R) ->
    S = tuple_size(Servers),
    {Mons, Made, Dropped} = rounds(Id, Servers, S, 0, R, [], 0, 0),
    Main ! {ready, self(), Made, Dropped, length(Mons)},
    {Got, Bad} = downs(Mons, Servers, 0, []),
    Main ! {result, self(), Got, Bad},
    receive check -> ok end,
    Main ! {strays, self(), strays(0)}.

rounds(_, _, _, R, R, Mons, Made, Dropped) -> {Mons, Made, Dropped};
rounds(Id, Servers, S, Round, R, Mons, Made, Dropped) ->
    K = (Id * 7 + Round * 13) rem S,
    case lists:keyfind(K, 1, Mons) of
        {K, Ref} ->
            true = demonitor(Ref, [flush]),
            rounds(Id, Servers, S, Round + 1, R, lists:keydelete(K, 1, Mons), Made, Dropped + 1);
        false ->
            Ref = monitor(process, element(K + 1, Servers)),
            rounds(Id, Servers, S, Round + 1, R, [{K, Ref} | Mons], Made + 1, Dropped)
    end.

%% One 'DOWN' per held monitor, in any order.
downs([], _, Got, Bad) -> {Got, Bad};
downs(Mons, Servers, Got, Bad) ->
    receive
        {'DOWN', Ref, process, Pid, Reason} ->
            case lists:keyfind(Ref, 2, Mons) of
                {K, Ref} ->
                    Ok = Pid =:= element(K + 1, Servers) andalso Reason =:= {bye, K},
                    Bad1 = if Ok -> Bad; true -> [{K, Reason} | Bad] end,
                    downs(lists:keydelete(Ref, 2, Mons), Servers, Got + 1, Bad1);
                false ->
                    downs(Mons, Servers, Got, [{unknown, Reason} | Bad])
            end
    end.

strays(N) -> receive {'DOWN', _, _, _, _} -> strays(N + 1) after 0 -> N end.
