%% proc_dict.erl - the process dictionary belongs to one process: a new
%% process starts with an empty one, what children put, get and erase does
%% not touch main's or each other's, and it is gone with its process.
-module(proc_dict).
-export([main/0]).

main() ->
    process_flag(trap_exit, false),
    put(owner, main),
    put(count, 0),
    Me = self(),
    %% ten children, each with the same keys and its own values
    Kids = [spawn_monitor(fun() -> kid(Me, I) end) || I <- lists:seq(1, 10)],
    Reports = [receive {report, I, R} -> R end || I <- lists:seq(1, 10)],
    [receive {'DOWN', Ref, process, P, normal} -> ok end || {P, Ref} <- Kids],
    lists:foreach(fun(R) -> io:format("~p~n", [R]) end, Reports),
    io:format("main owner: ~p~n", [get(owner)]),
    io:format("main count: ~p~n", [get(count)]),
    io:format("main keys: ~p~n", [lists:sort(get_keys())]),
    io:format("main has no kid key: ~p~n", [get(kid_only)]),

    %% a long-lived child keeps its dictionary between messages
    Keeper = spawn(fun keeper/0),
    [Keeper ! {add, K, V} || {K, V} <- [{a, 1}, {b, 2}, {a, 3}, {c, "three"}]],
    Keeper ! {erase, b},
    Keeper ! {dump, self()},
    io:format("keeper: ~p~n", [receive {dump, D} -> D end]),
    io:format("main still: ~p ~p~n", [get(a), get(owner)]),
    KMon = monitor(process, Keeper),
    Keeper ! stop,
    receive {'DOWN', KMon, process, Keeper, normal} -> ok end,

    %% a dictionary holding big terms: a copy goes with the message, the
    %% value in the dictionary is unaffected
    Big = lists:seq(1, 5000),
    put(big, Big),
    {Bp, BRef} = spawn_monitor(fun() ->
                                       put(big, lists:reverse(Big)),
                                       Me ! {sum, lists:sum(get(big)), hd(get(big))}
                               end),
    receive {sum, S, H} -> io:format("child big: ~p ~p~n", [S, H]) end,
    receive {'DOWN', BRef, process, Bp, normal} -> ok end,
    io:format("main big: ~p ~p~n", [hd(get(big)), length(get(big))]),
    io:format("erase all: ~p~n", [lists:sort([K || {K, _} <- erase()])]),
    io:format("after erase: ~p~n", [get()]).

kid(Main, I) ->
    Fresh = get(),
    undefined = put(owner, {kid, I}),
    put(count, I * 10),
    put(kid_only, true),
    Old = put(count, get(count) + 1),
    Erased = erase(kid_only),
    Main ! {report, I, {I, Fresh, get(owner), Old, get(count), Erased, get(kid_only)}}.

keeper() ->
    receive
        {add, K, V} -> put(K, V), keeper();
        {erase, K} -> erase(K), keeper();
        {dump, From} -> From ! {dump, lists:sort(get())}, keeper();
        stop -> ok
    end.
