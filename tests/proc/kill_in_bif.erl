%% kill_in_bif.erl - signals that reach a process while a BIF of its own
%% looks at its mailbox (demonitor with flush, process_info of itself) take
%% effect all the same: a process looping on those BIFs is killed by
%% exit(P, kill), and ends by a linked exit, instead of the signal being
%% lost. And a busy process (no receive) answers process_info.
-module(kill_in_bif).
-export([main/0]).

main() ->
    process_flag(trap_exit, false),
    Me = self(),
    Busy = spawn(fun() -> Me ! started, spin(0) end),
    receive started -> ok end,
    Busy ! hello,
    io:format("busy answers: ~p~n", [process_info(Busy, message_queue_len)]),
    exit(Busy, kill),
    lists:foreach(
      fun(Kind) ->
              P = spawn(fun() -> Me ! started, bif_loop(Kind) end),
              receive started -> ok end,
              R = monitor(process, P),
              receive after 20 -> ok end,
              exit(P, kill),
              receive {'DOWN', R, process, P, Why} -> io:format("~p: ~p~n", [Kind, Why])
              after 5000 -> io:format("~p: still alive~n", [Kind])
              end
      end, [flush, info]),
    %% a linked process ending abnormally takes the looping one with it
    P2 = spawn(fun() -> Me ! started, bif_loop(flush) end),
    receive started -> ok end,
    R2 = monitor(process, P2),
    L = spawn(fun() -> link(P2), Me ! linked, receive go -> exit(boom) end end),
    receive linked -> ok end,
    L ! go,
    receive {'DOWN', R2, process, P2, Why2} -> io:format("linked: ~p~n", [Why2])
    after 5000 -> io:format("linked: still alive~n")
    end.

spin(N) -> spin(N + 1).

bif_loop(flush) ->
    R = monitor(process, self()),
    demonitor(R, [flush]),
    bif_loop(flush);
bif_loop(info) ->
    {messages, _} = process_info(self(), messages),
    bif_loop(info).
