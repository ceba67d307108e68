%% ring.erl - N processes in a ring (each knows the next) pass a token
%% for M laps: N * M hops, each adding one to the token's hop count; the
%% process that makes the last hop tells main the count. Then every
%% process reports how many times it saw the token (M) and is stopped;
%% main waits for each to be gone.
-module(ring).
-export([main/0]).

main() ->
    lists:foreach(fun({N, M}) -> run(N, M) end,
                  [{1, 1}, {1, 10}, {2, 5}, {3, 7}, {10, 100}, {100, 10},
                   {1000, 3}]).

run(N, M) ->
    Main = self(),
    Pids = [spawn(fun() -> init(Main) end) || _ <- lists:seq(1, N)],
    connect(Pids, hd(Pids)),
    [First | _] = Pids,
    First ! {token, 0, N * M},
    Hops = receive {done, H} -> H end,
    Counts = [stop(P) || P <- Pids],
    io:format("ring ~p x ~p: hops ~p, seen ~p, all ~p: ~p~n",
              [N, M, Hops, lists:sum(Counts), M,
               lists:all(fun(C) -> C =:= M end, Counts)]).

%% connect(Pids, First): tells every process who comes next; the last one's
%% next is the first.
connect([P], First) -> P ! {next, First};
connect([P, Q | Rest], First) ->
    P ! {next, Q},
    connect([Q | Rest], First).

init(Main) ->
    receive {next, Next} -> node_loop(Main, Next, 0) end.

%% A node forwards {token, Hops, Left}, adding one hop; the node that
%% brings Left to zero reports the hop count to main instead.
node_loop(Main, Next, Seen) ->
    receive
        {token, Hops, 1} ->
            Main ! {done, Hops + 1},
            node_loop(Main, Next, Seen + 1);
        {token, Hops, Left} ->
            Next ! {token, Hops + 1, Left - 1},
            node_loop(Main, Next, Seen + 1);
        {stop, From} ->
            From ! {stopped, self(), Seen}
    end.

%% stop(P): stops P, returns how many tokens it saw, and returns only once
%% P is gone.
stop(P) ->
    Ref = monitor(process, P),
    P ! {stop, self()},
    Seen = receive {stopped, P, S} -> S end,
    receive {'DOWN', Ref, process, P, normal} -> Seen end.
