%% life.erl - Conway's game of life on a small torus: a glider, a
%% blinker and an R-pentomino, printed as text frames.
-module(life).
-export([main/0]).

-define(W, 12).
-define(H, 8).

from_strings(Rows) ->
    lists:usort([{X, Y} || {Y, Row} <- lists:zip(lists:seq(0, length(Rows) - 1), Rows),
                           {X, C} <- lists:zip(lists:seq(0, length(Row) - 1), Row), C =:= $#]).

neighbours({X, Y}) ->
    [{(X + DX + ?W) rem ?W, (Y + DY + ?H) rem ?H} || DX <- [-1, 0, 1], DY <- [-1, 0, 1], {DX, DY} =/= {0, 0}].

step(Live) ->
    Counts = count(lists:sort(lists:append([neighbours(C) || C <- Live])), []),
    lists:sort([C || {C, N} <- Counts, N =:= 3 orelse (N =:= 2 andalso lists:member(C, Live))]).

count([], Acc) -> Acc;
count([C | T], [{C, N} | Acc]) -> count(T, [{C, N + 1} | Acc]);
count([C | T], Acc) -> count(T, [{C, 1} | Acc]).

render(Live) ->
    [[case lists:member({X, Y}, Live) of true -> $#; false -> $. end || X <- lists:seq(0, ?W - 1)] ++ "\n"
     || Y <- lists:seq(0, ?H - 1)].

run(Name, Live, Gens) ->
    io:format("== ~s ==~n", [Name]),
    lists:foldl(fun(G, L) ->
                        io:format("gen ~w (~w alive)~n~s", [G, length(L), render(L)]),
                        step(L)
                end, Live, lists:seq(0, Gens - 1)),
    ok.

main() ->
    Glider = from_strings([".#.", "..#", "###"]),
    run("glider", Glider, 5),
    Blinker = from_strings(["", ".###"]),
    run("blinker", Blinker, 3),
    R = from_strings(["", "....##", "...##", "....#"]),
    Final = lists:foldl(fun(_, L) -> step(L) end, R, lists:seq(1, 30)),
    io:format("r-pentomino after 30: ~w cells~n~s", [length(Final), render(Final)]),
    G4 = lists:foldl(fun(_, L) -> step(L) end, Glider, lists:seq(1, 4)),
    io:format("glider moved by (1,1): ~p~n", [G4 =:= lists:sort([{X + 1, Y + 1} || {X, Y} <- Glider])]),
    ok.
