%% sudoku.erl - a sudoku solver: constraint checking on a tuple board and
%% depth-first search choosing the most constrained empty cell.
-module(sudoku).
-export([main/0]).

parse(Rows) -> list_to_tuple([case C of $. -> 0; _ -> C - $0 end || R <- Rows, C <- R]).

get(B, R, C) -> element(R * 9 + C + 1, B).
set(B, R, C, V) -> setelement(R * 9 + C + 1, B, V).

candidates(B, R, C) ->
    Used = [get(B, R, I) || I <- lists:seq(0, 8)] ++ [get(B, I, C) || I <- lists:seq(0, 8)] ++
           [get(B, 3 * (R div 3) + I, 3 * (C div 3) + J) || I <- [0, 1, 2], J <- [0, 1, 2]],
    lists:seq(1, 9) -- Used.

empties(B) -> [{R, C} || R <- lists:seq(0, 8), C <- lists:seq(0, 8), get(B, R, C) =:= 0].

solve(B) ->
    case empties(B) of
        [] -> {solved, B};
        Es ->
            Scored = [{length(candidates(B, R, C)), R, C} || {R, C} <- Es],
            {_, R, C} = lists:min(Scored),
            try_each(B, R, C, candidates(B, R, C))
    end.

try_each(_, _, _, []) -> unsolvable;
try_each(B, R, C, [V | Vs]) ->
    case solve(set(B, R, C, V)) of
        {solved, S} -> {solved, S};
        unsolvable -> try_each(B, R, C, Vs)
    end.

show(B) ->
    lists:foreach(fun(R) ->
        Row = [integer_to_list(get(B, R, C)) ++ sep(C) || C <- lists:seq(0, 8)],
        io:format("~s~n", [lists:flatten(Row)]),
        case R of 2 -> io:format("------+-------+------~n"); 5 -> io:format("------+-------+------~n"); _ -> ok end
    end, lists:seq(0, 8)).

sep(2) -> " | ";
sep(5) -> " | ";
sep(8) -> "";
sep(_) -> " ".

valid(B) ->
    Units = [[{R, C} || C <- lists:seq(0, 8)] || R <- lists:seq(0, 8)] ++
            [[{R, C} || R <- lists:seq(0, 8)] || C <- lists:seq(0, 8)] ++
            [[{3 * BR + I, 3 * BC + J} || I <- [0, 1, 2], J <- [0, 1, 2]] || BR <- [0, 1, 2], BC <- [0, 1, 2]],
    lists:all(fun(U) -> lists:sort([get(B, R, C) || {R, C} <- U]) =:= lists:seq(1, 9) end, Units).

main() ->
    Puzzle = parse(["53..7....", "6..195...", ".98....6.",
                    "8...6...3", "4..8.3..1", "7...2...6",
                    ".6....28.", "...419..5", "....8..79"]),
    io:format("~w empty cells~n", [length(empties(Puzzle))]),
    {solved, S} = solve(Puzzle),
    show(S),
    io:format("valid: ~p~n", [valid(S)]),
    Hard = parse(["..9748...", "7........", ".2.1.9...", "..7...24.", ".64.1.59.",
                  ".98...3..", "...8.3.2.", "........6", "...2759.."]),
    {solved, S2} = solve(Hard),
    show(S2),
    io:format("valid: ~p~n", [valid(S2)]),
    Bad = set(Puzzle, 0, 2, 5),
    io:format("~p~n", [solve(Bad)]),
    ok.
