%% stress_senders.erl - S senders each send N numbered messages {self(), I}
%% (I = 1..N) to one receiver (main), which takes them as they come and
%% checks that every sender's numbers arrive in order, none lost, none
%% repeated. Prints "ok S N", or the first violation and the totals.
%%
%% With a window W > 0 the senders are throttled: after sending message
%% I (a multiple of W) a sender waits until the receiver has taken message
%% I - W, so that at most 2W messages per sender are queued. W = 0 (the
%% default) lets the mailbox grow as fast as the senders can fill it:
%% with 16 x 1,000,000 that is about 1.8 GB on Erlang/OTP.
%%
%%   beamlet run stress_senders.erl [S N [W]]     (default 4 10000 0)
%%   erl -noshell -run stress_senders main S N [W] -s init stop
-module(stress_senders).
-export([main/1]).

main([]) -> main(["4", "10000"]);
main([SArg, NArg]) -> main([SArg, NArg, "0"]);
main([SArg, NArg, WArg]) ->
    S = list_to_integer(SArg),
    N = list_to_integer(NArg),
    W = list_to_integer(WArg),
    process_flag(trap_exit, false),
    Me = self(),
    Go = make_ref(),
    Senders = [spawn_monitor(fun() -> receive Go -> send(Me, 1, N, W) end end)
               || _ <- lists:seq(1, S)],
    %% the per-sender counters live in the process dictionary, keyed by pid
    [put(P, 0) || {P, _} <- Senders],
    %% all senders start together, so that their messages interleave
    [P ! Go || {P, _} <- Senders],
    First = take(S * N, W, none),
    Ends = [receive {'DOWN', R, process, P, Why} -> Why end || {P, R} <- Senders],
    Counts = [get(P) || {P, _} <- Senders],
    Extra = receive M -> {unexpected, M} after 0 -> none end,
    case {First, lists:usort(Counts), lists:usort(Ends), Extra} of
        {none, [N], [normal], none} ->
            io:format("ok ~p ~p~n", [S, N]);
        _ ->
            io:format("FAILED ~p ~p: first violation ~p, counts ~p, ends ~p, extra ~p~n",
                      [S, N, First, Counts, lists:usort(Ends), Extra])
    end.

send(_, I, N, _) when I > N -> ok;
send(To, I, N, W) ->
    To ! {self(), I},
    if
        W > 0, I rem W =:= 0, I > W ->
            Acked = I - W,
            receive {ack, Acked} -> ok end;
        true ->
            ok
    end,
    send(To, I + 1, N, W).

%% take(Left, W, First): receives Left messages, acking every W-th to its
%% sender; First is the first violation seen ({violation, Expected, Got}),
%% or none.
take(0, _, First) -> First;
take(Left, W, First) ->
    receive
        {P, I} ->
            Last = get(P),
            First2 = if
                         I =:= Last + 1 -> First;
                         First =:= none -> {violation, Last + 1, I};
                         true -> First
                     end,
            put(P, I),
            if
                W > 0, I rem W =:= 0 -> P ! {ack, I};
                true -> ok
            end,
            take(Left - 1, W, First2)
    end.
