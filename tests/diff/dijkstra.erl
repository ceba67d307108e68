%% dijkstra.erl - shortest paths in a weighted graph (adjacency lists as
%% key lists), path reconstruction, BFS and DFS orders, topological sort.
-module(dijkstra).
-export([main/0]).

graph() ->
    [{a, [{b, 7}, {c, 9}, {f, 14}]},
     {b, [{a, 7}, {c, 10}, {d, 15}]},
     {c, [{a, 9}, {b, 10}, {d, 11}, {f, 2}]},
     {d, [{b, 15}, {c, 11}, {e, 6}]},
     {e, [{d, 6}, {f, 9}]},
     {f, [{a, 14}, {c, 2}, {e, 9}]},
     {g, []}].

edges(G, V) -> element(2, lists:keyfind(V, 1, G)).

shortest(G, Src) ->
    loop(G, [{0, Src, none}], [], []).

loop(_, [], Dist, Prev) -> {lists:sort(Dist), Prev};
loop(G, [{D, V, From} | Q], Dist, Prev) ->
    case lists:keymember(V, 1, Dist) of
        true -> loop(G, Q, Dist, Prev);
        false ->
            New = [{D + W, U, V} || {U, W} <- edges(G, V), not lists:keymember(U, 1, Dist)],
            loop(G, lists:sort(New ++ Q), [{V, D} | Dist], [{V, From} | Prev])
    end.

path(Prev, V) -> path(Prev, V, []).
path(_, none, Acc) -> Acc;
path(Prev, V, Acc) ->
    case lists:keyfind(V, 1, Prev) of
        {V, From} -> path(Prev, From, [V | Acc]);
        false -> unreachable
    end.

bfs(G, Start) -> bfs(G, [Start], [Start]).
bfs(_, [], Seen) -> lists:reverse(Seen);
bfs(G, [V | Q], Seen) ->
    New = [U || {U, _} <- edges(G, V), not lists:member(U, Seen)],
    bfs(G, Q ++ New, lists:reverse(New) ++ Seen).

dfs(G, Start) -> lists:reverse(dfs(G, Start, [])).
dfs(G, V, Seen) ->
    case lists:member(V, Seen) of
        true -> Seen;
        false -> lists:foldl(fun({U, _}, S) -> dfs(G, U, S) end, [V | Seen], edges(G, V))
    end.

topo(Deps) ->
    Nodes = lists:usort(lists:append([[N | Ds] || {N, Ds} <- Deps])),
    topo(Nodes, Deps, []).
topo([], _, Acc) -> lists:reverse(Acc);
topo(Nodes, Deps, Acc) ->
    Ready = [N || N <- Nodes, lists:all(fun(D) -> lists:member(D, Acc) end, deps_of(N, Deps))],
    case Ready of
        [] -> {cycle, Nodes};
        [R | _] -> topo(Nodes -- [R], Deps, [R | Acc])
    end.
deps_of(N, Deps) -> case lists:keyfind(N, 1, Deps) of {N, Ds} -> Ds; false -> [] end.

main() ->
    G = graph(),
    {Dist, Prev} = shortest(G, a),
    io:format("~p~n", [Dist]),
    lists:foreach(fun({V, D}) -> io:format("~w: ~w via ~w~n", [V, D, path(Prev, V)]) end, Dist),
    io:format("g: ~p~n", [path(Prev, g)]),
    io:format("bfs ~w~ndfs ~w~n", [bfs(G, a), dfs(G, a)]),
    Deps = [{app, [lib, util]}, {lib, [base]}, {util, [base, lib]}, {test, [app]}, {base, []}],
    io:format("~p~n", [topo(Deps)]),
    io:format("~p~n", [topo([{x, [y]}, {y, [x]}])]),
    ok.
