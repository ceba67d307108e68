%% knapsack.erl - dynamic programming: 0/1 knapsack with item recovery,
%% longest common subsequence, edit distance, coin change counting.
-module(knapsack).
-export([main/0]).

knapsack(Items, Cap) ->
    Row0 = list_to_tuple(lists:duplicate(Cap + 1, 0)),
    Rows = lists:foldl(fun({_, W, V}, [Prev | _] = Acc) ->
                               Row = list_to_tuple([best(Prev, C, W, V) || C <- lists:seq(0, Cap)]),
                               [Row | Acc]
                       end, [Row0], Items),
    Best = element(Cap + 1, hd(Rows)),
    Chosen = recover(lists:reverse(Items), Rows, Cap, []),
    {Best, Chosen}.

best(Prev, C, W, V) when W =< C -> max(element(C + 1, Prev), element(C - W + 1, Prev) + V);
best(Prev, C, _, _) -> element(C + 1, Prev).

recover([], _, _, Acc) -> Acc;
recover([{Name, W, _} | Items], [Row, Prev | Rows], C, Acc) ->
    case element(C + 1, Row) =:= element(C + 1, Prev) of
        true -> recover(Items, [Prev | Rows], C, Acc);
        false -> recover(Items, [Prev | Rows], C - W, [Name | Acc])
    end.

lcs(A, B) ->
    LB = length(B),
    Init = list_to_tuple(lists:duplicate(LB + 1, "")),
    Final = lists:foldl(fun(CA, Prev) ->
                                lcs_row(CA, B, Prev, 2, [""])
                        end, Init, A),
    lists:reverse(element(LB + 1, Final)).

lcs_row(_, [], _, _, Acc) -> list_to_tuple(lists:reverse(Acc));
lcs_row(CA, [CB | Bs], Prev, J, [Left | _] = Acc) ->
    V = if CA =:= CB -> [CA | element(J - 1, Prev)];
           true ->
               Up = element(J, Prev),
               if length(Up) >= length(Left) -> Up; true -> Left end
        end,
    lcs_row(CA, Bs, Prev, J + 1, [V | Acc]).

edit(A, B) ->
    Row0 = lists:seq(0, length(B)),
    {_, Last} = lists:foldl(fun(CA, {I, Prev}) ->
                                    {I + 1, edit_row(CA, B, Prev, [I + 1])}
                            end, {0, Row0}, A),
    lists:last(Last).

edit_row(_, [], _, Acc) -> lists:reverse(Acc);
edit_row(CA, [CB | Bs], [Diag, Up | Prev], [Left | _] = Acc) ->
    Cost = if CA =:= CB -> 0; true -> 1 end,
    V = lists:min([Left + 1, Up + 1, Diag + Cost]),
    edit_row(CA, Bs, [Up | Prev], [V | Acc]).

change(Amount, Coins) ->
    T0 = list_to_tuple([1 | lists:duplicate(Amount, 0)]),
    T = lists:foldl(fun(Coin, T1) -> ways(Coin, Coin, Amount, T1) end, T0, Coins),
    element(Amount + 1, T).

ways(I, _, Amount, T) when I > Amount -> T;
ways(I, Coin, Amount, T) ->
    ways(I + 1, Coin, Amount, setelement(I + 1, T, element(I + 1, T) + element(I - Coin + 1, T))).

main() ->
    Items = [{map, 9, 150}, {compass, 13, 35}, {water, 153, 200}, {sandwich, 50, 160},
             {glucose, 15, 60}, {tin, 68, 45}, {banana, 27, 60}, {apple, 39, 40},
             {cheese, 23, 30}, {beer, 52, 10}, {suntan, 11, 70}, {camera, 32, 30}],
    {Best, Chosen} = knapsack(Items, 400),
    io:format("best value ~p with ~p~n", [Best, Chosen]),
    io:format("weight ~p~n", [lists:sum([W || {N, W, _} <- Items, lists:member(N, Chosen)])]),
    Pairs = [{"AGGTAB", "GXTXAYB"}, {"kitten", "sitting"}, {"saturday", "sunday"}, {"", "abc"}, {"erlang", "beamlet"}],
    lists:foreach(fun({A, B}) ->
        io:format("~-8s ~-8s lcs ~-6s edit ~p~n", [A, B, lcs(A, B), edit(A, B)])
    end, Pairs),
    io:format("change(100) = ~p~n", [change(100, [1, 5, 10, 25, 50])]),
    io:format("change(1000) = ~p~n", [change(1000, [1, 2, 5, 10, 20, 50, 100, 200])]),
    ok.
