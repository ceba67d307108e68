%% nqueens.erl - N queens by backtracking (all solutions counted for
%% N = 1..8, the first board drawn), and Towers of Hanoi.
-module(nqueens).
-export([main/0]).

queens(N) -> place(N, N, []).
place(_, 0, Qs) -> [lists:reverse(Qs)];
place(N, K, Qs) ->
    lists:append([place(N, K - 1, [C | Qs]) || C <- lists:seq(1, N), safe(C, Qs, 1)]).

safe(_, [], _) -> true;
safe(C, [Q | Qs], D) -> C =/= Q andalso abs(C - Q) =/= D andalso safe(C, Qs, D + 1).

draw(Sol) ->
    N = length(Sol),
    lists:foreach(fun(C) ->
        io:format("~s~n", [lists:flatten([case I of C -> "Q "; _ -> ". " end || I <- lists:seq(1, N)])])
    end, Sol).

hanoi(0, _, _, _) -> [];
hanoi(N, From, To, Via) -> hanoi(N - 1, From, Via, To) ++ [{From, To}] ++ hanoi(N - 1, Via, To, From).

main() ->
    lists:foreach(fun(N) -> io:format("~w queens: ~w solutions~n", [N, length(queens(N))]) end, lists:seq(1, 8)),
    [First | _] = queens(8),
    io:format("~w~n", [First]),
    draw(First),
    Moves = hanoi(4, left, right, middle),
    io:format("~w moves~n", [length(Moves)]),
    lists:foreach(fun({I, {F, T}}) -> io:format("~2w: ~w -> ~w~n", [I, F, T]) end,
                  lists:zip(lists:seq(1, length(Moves)), Moves)),
    io:format("hanoi(16): ~w moves~n", [length(hanoi(16, a, c, b))]),
    ok.
