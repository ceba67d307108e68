%% max_heap.erl - a process that grows past its max_heap_size (set with
%% spawn_opt or process_flag) is killed alone: its monitor and links see
%% the reason killed, main and a sibling go on; a process that stays under
%% its limit ends normally. Erlang/OTP also logs an error report (to
%% stdout unless told otherwise; see README.md).
-module(max_heap).
-export([main/0]).

main() ->
    process_flag(trap_exit, true),
    Me = self(),
    Sibling = spawn_link(fun sibling/0),
    {P1, R1} = spawn_opt(fun() -> grow(1000000, []) end,
                         [monitor, link, {max_heap_size, 20000}]),
    receive {'DOWN', R1, process, P1, D1} -> io:format("over the limit, monitor: ~p~n", [D1]) end,
    receive {'EXIT', P1, E1} -> io:format("over the limit, link: ~p~n", [E1]) end,

    {P2, R2} = spawn_opt(fun() -> Me ! {length, grow(1000, [])} end,
                         [monitor, {max_heap_size, 1000000}]),
    receive {length, L} -> io:format("under the limit: ~p~n", [L]) end,
    receive {'DOWN', R2, process, P2, D2} -> io:format("under the limit ends: ~p~n", [D2]) end,

    {P3, R3} = spawn_monitor(fun() ->
                                     process_flag(max_heap_size, 20000),
                                     grow(1000000, [])
                             end),
    receive {'DOWN', R3, process, P3, D3} -> io:format("set by process_flag: ~p~n", [D3]) end,

    %% a process whose mailbox holds big messages, growing on receipt
    {P4, R4} = spawn_opt(fun() -> hoard([]) end, [monitor, {max_heap_size, 20000}]),
    Chunk = lists:seq(1, 1000),
    [P4 ! {chunk, Chunk} || _ <- lists:seq(1, 200)],
    receive {'DOWN', R4, process, P4, D4} -> io:format("hoarding messages: ~p~n", [D4]) end,

    Sibling ! {ping, self()},
    receive {pong, Sibling} -> io:format("sibling alive: ~p~n", [is_process_alive(Sibling)]) end,
    io:format("main alive: ~p~n", [is_process_alive(self())]),
    Sibling ! stop,
    receive {'EXIT', Sibling, normal} -> ok end,
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).

grow(0, Acc) -> length(Acc);
grow(N, Acc) -> grow(N - 1, [N | Acc]).

hoard(Acc) ->
    receive {chunk, C} -> hoard([C | Acc]) end.

sibling() ->
    receive
        {ping, From} -> From ! {pong, self()}, sibling();
        stop -> ok
    end.
