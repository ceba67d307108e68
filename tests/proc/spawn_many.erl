%% spawn_many.erl - many processes: 10000 at once each sending one result
%% back; a binary tree of processes 12 levels deep, each node summing its
%% two children's answers; 20000 processes spawned and ended one after the
%% other; 5000 waiting processes all alive, then all stopped.
-module(spawn_many).
-export([main/0]).

main() ->
    process_flag(trap_exit, false),
    Me = self(),
    %% 10000 at once, results taken in any order and summed
    N = 10000,
    [spawn(fun() -> Me ! {sq, I * I} end) || I <- lists:seq(1, N)],
    Sum = lists:sum([receive {sq, S} -> S end || _ <- lists:seq(1, N)]),
    io:format("10000 squares: ~p (expected ~p)~n", [Sum, N * (N + 1) * (2 * N + 1) div 6]),

    %% a tree: each node spawns two children and adds their answers
    {T, TRef} = spawn_monitor(fun() -> Me ! {tree, tree(12)} end),
    receive {tree, Leaves} -> io:format("tree of depth 12: ~p leaves~n", [Leaves]) end,
    receive {'DOWN', TRef, process, T, normal} -> ok end,

    %% spawn and end one after the other, each monitored to its end
    io:format("20000 in turn: ~p~n", [in_turn(20000, 0)]),

    %% many waiting at once
    Waiters = [spawn_monitor(fun() -> receive stop -> ok end end) || _ <- lists:seq(1, 5000)],
    io:format("5000 waiting, all alive: ~p~n",
              [lists:all(fun({P, _}) -> is_process_alive(P) end, Waiters)]),
    [P ! stop || {P, _} <- Waiters],
    Ends = [receive {'DOWN', R, process, P, Why} -> Why end || {P, R} <- Waiters],
    io:format("all stopped: ~p~n", [lists:usort(Ends)]),
    io:format("none alive: ~p~n",
              [lists:any(fun({P, _}) -> is_process_alive(P) end, Waiters)]),
    io:format("mailbox: ~p~n", [receive M -> M after 0 -> empty end]).

%% tree(Depth): the number of leaves below, counted by child processes.
tree(0) -> 1;
tree(D) ->
    Me = self(),
    [spawn(fun() -> Me ! {leaves, self(), tree(D - 1)} end) || _ <- [1, 2]],
    receive {leaves, _, A} -> receive {leaves, _, B} -> A + B end end.

in_turn(0, Done) -> Done;
in_turn(N, Done) ->
    {P, R} = spawn_monitor(fun() -> exit(N) end),
    receive {'DOWN', R, process, P, N} -> in_turn(N - 1, Done + 1) end.
