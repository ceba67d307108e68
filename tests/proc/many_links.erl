%% many_links.erl - one process with many links and monitors at once, in
%% both directions: it links to 3,000 children and monitors 3,000 more
%% (its set grows past the size where links.c indexes it), some are
%% unlinked and demonitored in the middle, then all end in an order unlike
%% the one they were made in; every 'EXIT' and 'DOWN' that should come
%% comes once, from the right process, and none for the dropped ones.
%% Then 3,000 clients all monitor one server and demonitor it again while it
%% lives: the server's side shrinks back and it ends with no 'DOWN' sent.
-module(many_links).
-export([main/0]).

-define(N, 3000).

main() ->
    process_flag(trap_exit, true),
    Ls = [spawn_link(fun child/0) || _ <- lists:seq(1, ?N)],
    Ms = [spawn_monitor(fun child/0) || _ <- lists:seq(1, ?N)],
    %% drop every fifth of each
    Dropped = [P || {I, P} <- lists:zip(lists:seq(1, ?N), Ls), I rem 5 =:= 0],
    [unlink(P) || P <- Dropped],
    DroppedM = [{P, R} || {I, {P, R}} <- lists:zip(lists:seq(1, ?N), Ms), I rem 5 =:= 0],
    [demonitor(R) || {_, R} <- DroppedM],
    %% end them: odd positions first, then even, each from the back
    Order = fun(L) -> Odd = [X || {I, X} <- lists:zip(lists:seq(1, length(L)), L), I rem 2 =:= 1],
                      Even = L -- Odd,
                      lists:reverse(Odd) ++ lists:reverse(Even) end,
    [P ! {stop, I} || {I, P} <- lists:zip(lists:seq(1, ?N), Order(Ls))],
    [P ! {stop, I} || {I, {P, _}} <- lists:zip(lists:seq(1, ?N), Order(Ms))],
    Exits = collect_exits(?N - length(Dropped), []),
    Downs = collect_downs(?N - length(DroppedM), []),
    Kept = Ls -- Dropped,
    KeptM = Ms -- DroppedM,
    io:format("exits ~p, from the linked ones: ~p, reasons: ~p~n",
              [length(Exits), lists:sort([P || {P, _} <- Exits]) =:= lists:sort(Kept),
               lists:usort([R || {_, R} <- Exits])]),
    io:format("downs ~p, right refs: ~p, reasons: ~p~n",
              [length(Downs), lists:sort([{P, R} || {P, R, _} <- Downs]) =:= lists:sort(KeptM),
               lists:usort([W || {_, _, W} <- Downs])]),
    receive Extra -> io:format("unexpected ~p~n", [element(1, Extra)])
    after 200 -> io:format("nothing more~n")
    end,
    server_side().

child() -> receive {stop, I} -> exit({done, I rem 1}) end.

collect_exits(0, Acc) -> Acc;
collect_exits(N, Acc) -> receive {'EXIT', P, R} -> collect_exits(N - 1, [{P, R} | Acc]) end.

collect_downs(0, Acc) -> Acc;
collect_downs(N, Acc) ->
    receive {'DOWN', R, process, P, W} -> collect_downs(N - 1, [{P, R, W} | Acc]) end.

%% Clients monitor the server, tell main, then demonitor and tell main.
server_side() ->
    Main = self(),
    S = spawn(fun() -> receive stop -> ok end end),
    Cs = [spawn(fun() -> R = monitor(process, S),
                         Main ! {monitoring, self()},
                         receive demon -> true = demonitor(R), Main ! {demonitored, self()} end,
                         receive Any -> Main ! {got, Any} after 300 -> Main ! {quiet, self()} end
                end) || _ <- lists:seq(1, ?N)],
    [receive {monitoring, C} -> ok end || C <- Cs],
    [C ! demon || C <- Cs],
    [receive {demonitored, C} -> ok end || C <- Cs],
    Ref = monitor(process, S),
    S ! stop,
    receive {'DOWN', Ref, process, S, Why} -> io:format("server ended: ~p~n", [Why]) end,
    Quiet = [receive {quiet, C} -> quiet; {got, _} -> got end || C <- Cs],
    io:format("clients quiet: ~p~n", [lists:usort(Quiet)]).
