%% stress_suptree.erl - random kills in a tree of supervisors.
%%
%% A tree D levels deep below its root, F children per supervisor:
%% supervisors (trapping exits, one_for_one, no restart limit) down to
%% level D-1, workers at level D. Every node tells main when it starts.
%% Each round, main takes a census of the tree, picks B nodes whose
%% subtrees do not overlap with a home-made PRNG (fixed seed, no rand
%% module) and kills them all at once with exit(P, kill). Then it checks:
%% every target went down with reason killed; exactly B restarts were
%% reported, one per target, by the target's supervisor; exactly as many
%% nodes started as the killed subtrees held, all inside them; the next
%% complete census has the same pids outside the killed subtrees and new
%% ones inside. At the end the root is shut down and every process that
%% ever started must be gone. Prints the counts and "ok" or "FAILED".
%%
%%   beamlet run stress_suptree.erl [D F ROUNDS B SEED]  (default 3 3 100 3 1)
%%   erl -noshell -run stress_suptree main D F ROUNDS B SEED -s init stop
-module(stress_suptree).
-export([main/1]).

%% ---- the tree ----

%% sup_init(Parent, Path, Cfg): a supervisor at Path (a list of child
%% indices from the root); Cfg = {D, F, Main}.
sup_init(Parent, Path, {D, F, Main} = Cfg) ->
    process_flag(trap_exit, true),
    Main ! {started, Path, self()},
    Children = [{I, start_child(Path ++ [I], Cfg)} || I <- lists:seq(1, F)],
    sup_loop(Parent, Path, Cfg, Children, D).

start_child(Path, {D, _, Main} = Cfg) ->
    Self = self(),
    case length(Path) of
        D -> spawn_link(fun() -> worker_init(Path, Main) end);
        _ -> spawn_link(fun() -> sup_init(Self, Path, Cfg) end)
    end.

sup_loop(Parent, Path, {_, _, Main} = Cfg, Children, D) ->
    receive
        {'EXIT', Parent, Reason} ->
            exit(Reason);
        {'EXIT', Pid, Reason} ->
            case lists:keyfind(Pid, 2, Children) of
                {I, Pid} ->
                    Main ! {restarted, Path ++ [I], Reason},
                    New = start_child(Path ++ [I], Cfg),
                    sup_loop(Parent, Path, Cfg, lists:keyreplace(I, 1, Children, {I, New}), D);
                false ->
                    sup_loop(Parent, Path, Cfg, Children, D)
            end;
        {census, From, Ref} ->
            From ! {reply, Ref, census(Path, Children, length(Path) + 1 =:= D)},
            sup_loop(Parent, Path, Cfg, Children, D)
    end.

%% census(Path, Children, Leaves): {ok, [{Path, Pid}]} for this supervisor
%% and everything below it, or incomplete if some child is gone (being
%% restarted) or could not answer.
census(Path, Children, Leaves) ->
    Below = [case call(P, if Leaves -> ping; true -> census end) of
                 {ok, pong} -> {ok, [{Path ++ [I], P}]};
                 {ok, {ok, Entries}} -> {ok, Entries};
                 _ -> incomplete
             end || {I, P} <- Children],
    case lists:member(incomplete, Below) of
        true -> incomplete;
        false -> {ok, [{Path, self()} | lists:append([E || {ok, E} <- Below])]}
    end.

%% call(P, What): asks P, watching it with a monitor: {ok, Reply} or down.
call(P, What) ->
    Ref = monitor(process, P),
    P ! {What, self(), Ref},
    receive
        {reply, Ref, Reply} ->
            demonitor(Ref, [flush]),
            {ok, Reply};
        {'DOWN', Ref, process, P, _} ->
            down
    end.

worker_init(Path, Main) ->
    Main ! {started, Path, self()},
    worker_loop().

worker_loop() ->
    receive
        {ping, From, Ref} ->
            From ! {reply, Ref, pong},
            worker_loop()
    end.

%% ---- the PRNG: a 31-bit linear congruential generator ----

next(X) -> (X * 1103515245 + 12345) band 16#7FFFFFFF.

%% uniform(N, X): {a number in 0..N-1, the next state}.
uniform(N, X) ->
    X1 = next(X),
    {(X1 bsr 8) rem N, X1}.

%% ---- main ----

main([]) -> main(["3", "3", "100", "3", "1"]);
main(Args) ->
    [D, F, Rounds, B, Seed] = [list_to_integer(A) || A <- Args],
    process_flag(trap_exit, false),
    Me = self(),
    Size = subtree(0, D, F),
    Root = spawn(fun() -> sup_init(Me, [], {D, F, Me}) end),
    RootMon = monitor(process, Root),
    Started0 = take_started(Size, []),
    put(all_pids, [P || {_, P} <- Started0]),
    Census0 = census_of(Root, Size),
    St = {0, 0, 0, lists:duplicate(D, 0)},  % {kills, restarts, started, kills by level}
    {St2, Bad, _} = rounds(Rounds, Root, Size, {D, F, B}, Census0, St, [], Seed),
    %% shut everything down
    exit(Root, shutdown),
    RootWhy = receive {'DOWN', RootMon, process, Root, W} -> W end,
    Alive = wait_all_gone(get(all_pids), 500),
    {Kills, Restarts, Started, ByLevel} = St2,
    Expected = lists:sum([N * subtree(L, D, F) || {L, N} <- lists:zip(lists:seq(1, D), ByLevel)]),
    io:format("tree: depth ~p, fanout ~p, ~p nodes; ~p rounds of ~p kills, seed ~p~n",
              [D, F, Size, Rounds, B, Seed]),
    io:format("kills ~p (by level ~p), restarts ~p, restarted nodes ~p (expected ~p)~n",
              [Kills, ByLevel, Restarts, Started, Expected]),
    io:format("processes started in all: ~p (expected ~p)~n",
              [length(get(all_pids)), Size + Expected]),
    io:format("root: ~p; alive at the end: ~p~n", [RootWhy, Alive]),
    Stray = receive M -> M after 100 -> none end,
    Ok = Bad =:= [] andalso Kills =:= Restarts andalso Started =:= Expected
        andalso length(get(all_pids)) =:= Size + Expected andalso Alive =:= 0
        andalso RootWhy =:= shutdown andalso Stray =:= none,
    case Ok of
        true -> io:format("ok~n");
        false -> io:format("FAILED: ~p~n", [{lists:sublist(lists:reverse(Bad), 5), Stray}])
    end.

%% subtree(Level, D, F): the number of nodes in a subtree whose root is at
%% Level.
subtree(L, D, _) when L =:= D -> 1;
subtree(L, D, F) -> 1 + F * subtree(L + 1, D, F).

rounds(0, _, _, _, Census, St, Bad, X) -> {St, Bad, {Census, X}};
rounds(R, Root, Size, {D, F, B} = Cfg, Census, {K, Rs, S, ByLevel}, Bad, X) ->
    {Targets, X2} = pick(B, [E || {Path, _} = E <- Census, Path =/= []], [], 10 * B, X),
    Mons = [{monitor(process, P), Path} || {Path, P} <- Targets],
    [exit(P, kill) || {_, P} <- Targets],
    Downs = [receive {'DOWN', M, process, _, Why} -> {Path, Why} end || {M, Path} <- Mons],
    Bad1 = [{R, target_not_killed, D1} || {_, Why} = D1 <- Downs, Why =/= killed] ++ Bad,
    TPaths = [Path || {Path, _} <- Targets],
    Restarted = [receive {restarted, Path, Why} -> {Path, Why} end || _ <- Targets],
    Bad2 = case lists:sort(Restarted) =:= lists:sort([{Path, killed} || Path <- TPaths]) of
               true -> Bad1;
               false -> [{R, restarts, Restarted, TPaths} | Bad1]
           end,
    Expect = lists:sum([subtree(length(Path), D, F) || Path <- TPaths]),
    New = take_started(Expect, []),
    put(all_pids, [P || {_, P} <- New] ++ get(all_pids)),
    Bad3 = [{R, started_outside, Path} || {Path, _} <- New, not under_any(Path, TPaths)] ++ Bad2,
    Census2 = census_of(Root, Size),
    Bad4 = compare(Census, Census2, TPaths, R) ++ Bad3,
    Levels = lists:foldl(fun(Path, Acc) ->
                                 L = length(Path),
                                 lists:sublist(Acc, L - 1) ++ [lists:nth(L, Acc) + 1]
                                     ++ lists:nthtail(L, Acc)
                         end, ByLevel, TPaths),
    rounds(R - 1, Root, Size, Cfg, Census2,
           {K + length(Targets), Rs + length(Restarted), S + length(New), Levels}, Bad4, X2).

%% pick(N, Candidates, Chosen, Tries, X): up to N census entries whose
%% subtrees do not overlap, drawn at random.
pick(0, _, Chosen, _, X) -> {lists:reverse(Chosen), X};
pick(_, _, Chosen, 0, X) -> {lists:reverse(Chosen), X};
pick(N, Cands, Chosen, Tries, X) ->
    {I, X2} = uniform(length(Cands), X),
    {Path, _} = E = lists:nth(I + 1, Cands),
    case lists:any(fun({C, _}) -> prefix(C, Path) orelse prefix(Path, C) end, Chosen) of
        true -> pick(N, Cands, Chosen, Tries - 1, X2);
        false -> pick(N - 1, Cands, [E | Chosen], Tries - 1, X2)
    end.

prefix([], _) -> true;
prefix([H | T1], [H | T2]) -> prefix(T1, T2);
prefix(_, _) -> false.

under_any(Path, Targets) ->
    lists:any(fun(T) -> prefix(T, Path) end, Targets).

%% compare(Old, New, Targets, R): violations of one_for_one: a pid outside
%% the killed subtrees that changed, or one inside that did not.
compare(Old, New, Targets, R) ->
    [{R, census_mismatch, Path}
     || {{Path, P1}, {Path2, P2}} <- lists:zip(Old, New),
        Path =/= Path2 orelse (P1 =:= P2) =:= under_any(Path, Targets)].

take_started(0, Acc) -> lists:sort(Acc);
take_started(N, Acc) ->
    receive {started, Path, P} -> take_started(N - 1, [{Path, P} | Acc]) end.

%% census_of(Root, Size): a complete census (sorted by path), asking again
%% while a restart is still going on; gives up (and halts) after about
%% ten seconds without one.
census_of(Root, Size) ->
    census_of(Root, Size, 10000).

census_of(_, _, 0) ->
    io:format("FAILED: no complete census in 10 s~n"),
    erlang:halt(1);
census_of(Root, Size, Tries) ->
    case call(Root, census) of
        {ok, {ok, Entries}} when length(Entries) =:= Size -> lists:sort(Entries);
        _ -> timer:sleep(1), census_of(Root, Size, Tries - 1)
    end.

%% wait_all_gone(Pids, Tries): how many of Pids are still alive once all
%% are gone or Tries polls 10 ms apart have passed.
wait_all_gone(Pids, Tries) ->
    case length([P || P <- Pids, is_process_alive(P)]) of
        0 -> 0;
        N when Tries =:= 0 -> N;
        _ -> timer:sleep(10), wait_all_gone(Pids, Tries - 1)
    end.
