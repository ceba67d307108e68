%% kv_server.erl - a key-value server process behind a client API, as a
%% gen_server would be written by hand: each call carries a fresh monitor
%% reference that tags the reply, and a server that is gone (or dies during
%% the call) turns into {error, Reason}. Several clients work at once.
-module(kv_server).
-export([main/0]).

%% ---- client API ----

start() -> spawn(fun() -> loop([]) end).

kv_put(S, K, V) -> call(S, {put, K, V}).
kv_get(S, K) -> call(S, {get, K}).
kv_delete(S, K) -> call(S, {delete, K}).
kv_keys(S) -> call(S, keys).
kv_count(S) -> call(S, count).

%% kv_stop(S): stops the server and returns once it is gone, so that a
%% later call surely finds it gone (noproc).
kv_stop(S) ->
    Mon = monitor(process, S),
    S ! {call, self(), Mon, stop},
    receive
        {reply, Mon, Reply} ->
            receive {'DOWN', Mon, process, S, _} -> Reply end;
        {'DOWN', Mon, process, S, Reason} ->
            {error, Reason}
    end.

%% call(S, Req): sends Req with a new reference, waits for the reply that
%% carries it. The monitor catches a server that is gone or dies.
call(S, Req) ->
    Mon = monitor(process, S),
    S ! {call, self(), Mon, Req},
    receive
        {reply, Mon, Reply} ->
            demonitor(Mon, [flush]),
            Reply;
        {'DOWN', Mon, process, S, Reason} ->
            {error, Reason}
    end.

%% ---- the server ----

loop(Store) ->
    receive
        {call, From, Ref, stop} ->
            From ! {reply, Ref, stopped};
        {call, From, Ref, Req} ->
            {Reply, Store2} = handle(Req, Store),
            From ! {reply, Ref, Reply},
            loop(Store2)
    end.

handle({put, K, V}, Store) ->
    Old = case lists:keyfind(K, 1, Store) of
              {K, O} -> {replaced, O};
              false -> new
          end,
    {Old, lists:keystore(K, 1, Store, {K, V})};
handle({get, K}, Store) ->
    case lists:keyfind(K, 1, Store) of
        {K, V} -> {{ok, V}, Store};
        false -> {not_found, Store}
    end;
handle({delete, K}, Store) ->
    {lists:keymember(K, 1, Store), lists:keydelete(K, 1, Store)};
handle(keys, Store) ->
    {lists:sort([K || {K, _} <- Store]), Store};
handle(count, Store) ->
    {length(Store), Store};
handle({crash, Why}, _) ->
    exit(Why);
handle(Other, Store) ->
    {{unknown_request, Other}, Store}.

%% ---- the test ----

main() ->
    process_flag(trap_exit, false),
    S = start(),
    io:format("get missing: ~p~n", [kv_get(S, a)]),
    io:format("put a: ~p~n", [kv_put(S, a, 1)]),
    io:format("put b: ~p~n", [kv_put(S, b, "two")]),
    io:format("put a again: ~p~n", [kv_put(S, a, {one, 1.0})]),
    io:format("get a: ~p~n", [kv_get(S, a)]),
    io:format("get b: ~p~n", [kv_get(S, b)]),
    io:format("keys: ~p~n", [kv_keys(S)]),
    io:format("delete a: ~p~n", [kv_delete(S, a)]),
    io:format("delete a again: ~p~n", [kv_delete(S, a)]),
    io:format("keys: ~p~n", [kv_keys(S)]),
    io:format("unknown request: ~p~n", [call(S, frobnicate)]),
    io:format("mailbox clean: ~p~n", [receive M -> M after 0 -> empty end]),

    %% ten clients at once, each with its own keys and a shared counter
    Main = self(),
    Clients = [spawn_monitor(fun() -> client(S, C, Main) end) || C <- lists:seq(1, 10)],
    [receive {'DOWN', Ref, process, Pid, normal} -> ok end || {Pid, Ref} <- Clients],
    Results = [receive {client_done, C, R} -> R end || C <- lists:seq(1, 10)],
    io:format("clients: ~p~n", [Results]),
    io:format("count after clients: ~p~n", [kv_count(S)]),
    io:format("client 7 key 50: ~p~n", [kv_get(S, {7, 50})]),
    io:format("shared: ~p~n", [kv_get(S, shared)]),

    io:format("stop: ~p~n", [kv_stop(S)]),
    io:format("call after stop: ~p~n", [kv_get(S, b)]),

    %% a server that dies during a call
    S2 = start(),
    kv_put(S2, x, 1),
    io:format("crash in call: ~p~n", [call(S2, {crash, bad_request})]),
    io:format("call to crashed: ~p~n", [kv_get(S2, x)]),
    io:format("alive: ~p ~p~n", [is_process_alive(S), is_process_alive(S2)]),
    io:format("mailbox clean: ~p~n", [receive M2 -> M2 after 0 -> empty end]).

%% client(S, C, Main): puts 100 keys {C, I}, reads them back, deletes the
%% odd ones and writes the key shared (which every client writes, so only
%% its final value, not who wrote it last, is known).
client(S, C, Main) ->
    [new = kv_put(S, {C, I}, I * C) || I <- lists:seq(1, 100)],
    Ok = lists:all(fun(I) -> kv_get(S, {C, I}) =:= {ok, I * C} end, lists:seq(1, 100)),
    Deleted = length([I || I <- lists:seq(1, 100, 2), kv_delete(S, {C, I})]),
    kv_put(S, shared, last_writer),
    Main ! {client_done, C, {Ok, Deleted}}.
