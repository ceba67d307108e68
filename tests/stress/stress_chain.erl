%% stress_chain.erl - N processes spawned one by the other, each linked to
%% the next, none trapping exits. Main monitors every one, then kills the
%% head with exit(Head, kill): the head dies killed and the signal runs
%% down the links until every process is gone, each with reason killed.
%% A second chain is ended from its middle with exit(Mid, boom): the
%% signal runs both ways. Prints the counts, which must all be N.
%%
%%   beamlet run stress_chain.erl [N]     (default 10000)
%%   erl -noshell -run stress_chain main N -s init stop
-module(stress_chain).
-export([main/1]).

main([]) -> main(["10000"]);
main([NArg]) ->
    N = list_to_integer(NArg),
    process_flag(trap_exit, false),
    run(N, head, kill),
    run(N, middle, boom).

%% run(N, Where, Reason): builds a chain of N, sends exit(P, Reason) to the
%% process at Where and checks that all N end.
run(N, Where, Reason) ->
    Pids = build(N),
    Mons = [{monitor(process, P), P} || P <- Pids],
    Alive = length([P || P <- Pids, is_process_alive(P)]),
    Target = case Where of
                 head -> hd(Pids);
                 middle -> lists:nth(N div 2 + 1, Pids)
             end,
    exit(Target, Reason),
    Expected = case Reason of kill -> killed; _ -> Reason end,
    %% the 'DOWN' messages are taken as they come (the order is the order
    %% the signal travels); each must be for one of ours, once
    [put(R, P) || {R, P} <- Mons],
    {Down, Right} = downs(N, Expected, 0, 0),
    Left = length([P || P <- Pids, is_process_alive(P)]),
    io:format("chain of ~p, ~p sent exit ~p: built ~p, alive ~p, down ~p, reason ~p: ~p, "
              "alive after ~p~n",
              [N, Where, Reason, length(Pids), Alive, Down, Expected, Right, Left]).

%% downs(Left, Expected, Down, Right): takes Left 'DOWN' messages; counts
%% those for a monitor of ours not seen before (Down) and among them those
%% with the expected reason (Right).
downs(0, _, Down, Right) -> {Down, Right};
downs(Left, Expected, Down, Right) ->
    receive
        {'DOWN', R, process, P, Why} ->
            Ours = erase(R) =:= P,
            downs(Left - 1, Expected,
                  Down + one_if(Ours),
                  Right + one_if(Ours andalso Why =:= Expected))
    end.

one_if(true) -> 1;
one_if(false) -> 0.

%% build(N): the pids of a new chain, head first. Each process spawns the
%% next (linked) and tells main its pid; main takes exactly N such
%% messages, whichever order they come in, then puts them in chain order
%% by their position.
build(N) ->
    Me = self(),
    spawn(fun() -> link_next(Me, 1, N) end),
    Got = [receive {member, I, P} -> {I, P} end || _ <- lists:seq(1, N)],
    [P || {_, P} <- lists:keysort(1, Got)].

link_next(Main, I, N) ->
    Main ! {member, I, self()},
    if
        I < N -> spawn_link(fun() -> link_next(Main, I + 1, N) end);
        true -> ok
    end,
    receive after infinity -> ok end.
