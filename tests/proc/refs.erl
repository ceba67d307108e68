%% refs.erl - make_ref/0: references are unique (also across processes),
%% equal only to themselves, survive being sent and sent back, order
%% consistently, and tag replies so that a receive takes only its own.
-module(refs).
-export([main/0]).

main() ->
    process_flag(trap_exit, false),
    R = make_ref(),
    io:format("is_reference: ~p ~p ~p~n", [is_reference(R), is_reference(self()), is_reference(r)]),
    io:format("equal to itself: ~p, to a new one: ~p~n", [R =:= R, R =:= make_ref()]),
    Rs = [make_ref() || _ <- lists:seq(1, 10000)],
    io:format("10000 distinct: ~p~n", [length(lists:usort(Rs)) =:= 10000]),
    io:format("sort is a total order: ~p~n", [lists:sort(Rs) =:= lists:sort(lists:reverse(Rs))]),
    io:format("between numbers and pids in term order: ~p~n",
              [lists:sort([self(), R, 1, a]) =:= [1, a, R, self()]]),

    %% made in several processes at once: still all distinct
    Me = self(),
    Makers = [spawn_monitor(fun() -> Me ! {refs, I, [make_ref() || _ <- lists:seq(1, 1000)]} end)
              || I <- lists:seq(1, 8)],
    All = lists:append([receive {refs, I, L} -> L end || I <- lists:seq(1, 8)]),
    [receive {'DOWN', M, process, P, normal} -> ok end || {P, M} <- Makers],
    io:format("8 x 1000 from 8 processes distinct: ~p~n",
              [length(lists:usort(All ++ Rs)) =:= 18000]),

    %% sent away and back: the same reference
    Echo = spawn(fun echo/0),
    Echo ! {self(), {tagged, R, [R, R]}},
    receive {Echo, {tagged, R2, [R3, R4]}} ->
            io:format("back from a process: ~p~n", [R2 =:= R andalso R3 =:= R andalso R4 =:= R])
    end,

    %% replies tagged with references: out-of-order replies are taken in
    %% the order asked for
    Tags = [make_ref() || _ <- lists:seq(1, 5)],
    [spawn(fun() -> timer:sleep(50 - 10 * I), Me ! {reply, T, I} end)
     || {I, T} <- lists:zip(lists:seq(1, 5), Tags)],
    io:format("replies by tag: ~p~n", [[receive {reply, T, I} -> I end || T <- Tags]]),
    Stray = make_ref(),
    self() ! {reply, Stray, stray},
    io:format("other tag left alone: ~p~n",
              [receive {reply, Mine, _} when Mine =:= R -> mine after 0 -> none end]),
    receive {reply, Stray, stray} -> ok end,

    EMon = monitor(process, Echo),
    Echo ! stop,
    receive {'DOWN', EMon, process, Echo, normal} -> ok end,
    io:format("mailbox: ~p~n", [receive Msg -> Msg after 0 -> empty end]).

echo() ->
    receive
        {From, X} -> From ! {self(), X}, echo();
        stop -> ok
    end.
