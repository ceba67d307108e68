%% maze.erl - solving a text maze by breadth-first search, marking the
%% shortest path, and counting reachable cells with a flood fill.
-module(maze).
-export([main/0]).

maze() ->
    ["##########",
     "#S.....#.#",
     "#.##.#.#.#",
     "#.#..#...#",
     "#.#.####.#",
     "#...#..#.#",
     "###.#.##.#",
     "#.....#..#",
     "#.###...E#",
     "##########"].

at(M, {R, C}) -> lists:nth(C, lists:nth(R, M)).

find(M, Ch) ->
    hd([{R, C} || {R, Row} <- lists:zip(lists:seq(1, length(M)), M),
                  {C, X} <- lists:zip(lists:seq(1, length(Row)), Row), X =:= Ch]).

neighbours(M, {R, C}) ->
    [P || P <- [{R - 1, C}, {R + 1, C}, {R, C - 1}, {R, C + 1}], at(M, P) =/= $#].

bfs(M, Start, Goal) -> bfs(M, Goal, [Start], [{Start, none}]).
bfs(_, _, [], _) -> no_path;
bfs(M, Goal, [P | Q], Prev) when P =:= Goal -> {path(Prev, Goal), length(Q), M};
bfs(M, Goal, [P | Q], Prev) ->
    New = [N || N <- neighbours(M, P), not lists:keymember(N, 1, Prev)],
    bfs(M, Goal, Q ++ New, [{N, P} || N <- New] ++ Prev).

path(Prev, P) ->
    case lists:keyfind(P, 1, Prev) of
        {P, none} -> [P];
        {P, From} -> path(Prev, From) ++ [P]
    end.

mark(M, Path) ->
    [[case lists:member({R, C}, Path) andalso X =:= $. of true -> $o; false -> X end
      || {C, X} <- lists:zip(lists:seq(1, length(Row)), Row)]
     || {R, Row} <- lists:zip(lists:seq(1, length(M)), M)].

flood(M, Start) -> flood(M, [Start], [Start]).
flood(_, [], Seen) -> length(Seen);
flood(M, [P | T], Seen) ->
    New = [N || N <- neighbours(M, P), not lists:member(N, Seen)],
    flood(M, New ++ T, New ++ Seen).

main() ->
    M = maze(),
    S = find(M, $S), E = find(M, $E),
    io:format("start ~p end ~p~n", [S, E]),
    {Path, _, _} = bfs(M, S, E),
    io:format("path length ~p~n~p~n", [length(Path) - 1, Path]),
    lists:foreach(fun(Row) -> io:format("~s~n", [Row]) end, mark(M, Path)),
    io:format("reachable ~p~n", [flood(M, S)]),
    Blocked = [case R of "#.....#..#" -> "#.....####"; _ -> R end || R <- M],
    Blocked2 = [case R of "#...#..#.#" -> "#...#..###"; _ -> R end || R <- Blocked],
    io:format("~p~n", [element(1, case bfs(Blocked2, S, E) of no_path -> {no_path}; T -> T end)]),
    ok.
