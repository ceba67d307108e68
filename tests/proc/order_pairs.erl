%% order_pairs.erl - messages between one pair of processes arrive in the
%% order sent, none lost, however many senders interleave: eight senders
%% each send 2000 numbered messages to main, which takes them as they come
%% and checks each sender's sequence; a message sent before an exit comes
%% before the 'EXIT' and 'DOWN' it causes; a forwarder keeps order too.
-module(order_pairs).
-export([main/0]).

-define(SENDERS, 8).
-define(COUNT, 2000).

main() ->
    process_flag(trap_exit, true),
    Me = self(),
    Senders = [spawn_link(fun() -> send_seq(Me, Id, ?COUNT) end)
               || Id <- lists:seq(1, ?SENDERS)],
    {Counts, Bad} = take(?SENDERS * ?COUNT, erlang:make_tuple(?SENDERS, 0), []),
    io:format("received per sender: ~p~n", [tuple_to_list(Counts)]),
    io:format("out of order: ~p~n", [Bad]),
    [receive {'EXIT', P, normal} -> ok end || P <- Senders],
    io:format("nothing more: ~p~n", [receive M -> M after 0 -> empty end]),

    %% messages, then the exit: the 'EXIT' comes after all of them
    P1 = spawn_link(fun() -> [Me ! {msg, I} || I <- lists:seq(1, 500)], exit(done) end),
    Seq = collect_until_exit(P1, []),
    io:format("before 'EXIT': ~p messages, in order ~p~n",
              [length(Seq), Seq =:= lists:seq(1, 500)]),
    {P2, R2} = spawn_monitor(fun() -> [Me ! {msg, I} || I <- lists:seq(1, 500)] end),
    Seq2 = collect_until_down(P2, R2, []),
    io:format("before 'DOWN': ~p messages, in order ~p~n",
              [length(Seq2), Seq2 =:= lists:seq(1, 500)]),

    %% two senders to one forwarder: each sender's order survives forwarding
    Fwd = spawn_link(fun() -> forward(Me) end),
    Fs = [spawn_link(fun() -> send_seq(Fwd, Id, 1000) end) || Id <- [1, 2]],
    [receive {'EXIT', P, normal} -> ok end || P <- Fs],
    {FCounts, FBad} = take(2000, {0, 0}, []),
    io:format("through a forwarder: ~p, out of order: ~p~n", [tuple_to_list(FCounts), FBad]),
    exit(Fwd, kill),
    receive {'EXIT', Fwd, killed} -> ok end,

    %% main sends to a child in bursts while the child replies: both
    %% directions keep their order
    Echo = spawn_link(fun echo/0),
    [Echo ! {self(), I} || I <- lists:seq(1, 3000)],
    Back = [receive {echo, X} -> X end || _ <- lists:seq(1, 3000)],
    io:format("echoed in order: ~p~n", [Back =:= lists:seq(1, 3000)]),
    Echo ! stop,
    receive {'EXIT', Echo, normal} -> ok end,
    io:format("mailbox: ~p~n", [receive M2 -> M2 after 0 -> empty end]).

send_seq(To, Id, N) ->
    [To ! {seq, Id, I} || I <- lists:seq(1, N)],
    ok.

%% take(N, Counts, Bad): receives N {seq, Id, I} messages in whatever order
%% they come; Counts holds the last number seen per sender, and any number
%% that is not one more than the last goes into Bad.
take(0, Counts, Bad) -> {Counts, lists:reverse(Bad)};
take(N, Counts, Bad) ->
    receive
        {seq, Id, I} ->
            Last = element(Id, Counts),
            Bad2 = if I =:= Last + 1 -> Bad;
                      true -> [{Id, Last, I} | Bad]
                   end,
            take(N - 1, setelement(Id, Counts, I), Bad2)
    end.

collect_until_exit(P, Acc) ->
    receive
        {msg, I} -> collect_until_exit(P, [I | Acc]);
        {'EXIT', P, done} -> lists:reverse(Acc)
    end.

collect_until_down(P, R, Acc) ->
    receive
        {msg, I} -> collect_until_down(P, R, [I | Acc]);
        {'DOWN', R, process, P, normal} -> lists:reverse(Acc)
    end.

forward(To) ->
    receive M -> To ! M, forward(To) end.

echo() ->
    receive
        {From, I} -> From ! {echo, I}, echo();
        stop -> ok
    end.
