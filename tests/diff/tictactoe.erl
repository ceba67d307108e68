%% tictactoe.erl - tic-tac-toe with a full minimax search: the value of
%% the empty board, best moves from several positions, and a self-played
%% game printed move by move.
-module(tictactoe).
-export([main/0]).

lines() -> [[1, 2, 3], [4, 5, 6], [7, 8, 9], [1, 4, 7], [2, 5, 8], [3, 6, 9], [1, 5, 9], [3, 5, 7]].

winner(B) ->
    case [P || [A, Bx, C] <- lines(), P <- [element(A, B)], P =/= e, P =:= element(Bx, B), P =:= element(C, B)] of
        [W | _] -> W;
        [] -> case lists:member(e, tuple_to_list(B)) of true -> none; false -> draw end
    end.

other(x) -> o;
other(o) -> x.

moves(B) -> [I || I <- lists:seq(1, 9), element(I, B) =:= e].

%% score from x's point of view: 1 win, 0 draw, -1 loss
minimax(B, Player) ->
    case winner(B) of
        x -> 1;
        o -> -1;
        draw -> 0;
        none ->
            Scores = [minimax(setelement(M, B, Player), other(Player)) || M <- moves(B)],
            case Player of x -> lists:max(Scores); o -> lists:min(Scores) end
    end.

best(B, Player) ->
    Scored = [{minimax(setelement(M, B, Player), other(Player)), M} || M <- moves(B)],
    {S, M} = case Player of
                 x -> lists:max([{Sc, -Mv} || {Sc, Mv} <- Scored]);
                 o -> lists:min([{Sc, Mv} || {Sc, Mv} <- Scored])
             end,
    {S, abs(M)}.

show(B) ->
    [io:format(" ~s ~s ~s~n", [cell(element(R * 3 + 1, B)), cell(element(R * 3 + 2, B)), cell(element(R * 3 + 3, B))])
     || R <- [0, 1, 2]],
    ok.
cell(e) -> ".";
cell(P) -> atom_to_list(P).

play(B, P) ->
    case winner(B) of
        none ->
            {_, M} = best(B, P),
            B2 = setelement(M, B, P),
            io:format("~w plays ~w~n", [P, M]),
            play(B2, other(P));
        Result ->
            show(B),
            io:format("result: ~w~n", [Result])
    end.

main() ->
    Empty = erlang:make_tuple(9, e),
    io:format("value of empty board: ~w~n", [minimax(Empty, x)]),
    P1 = list_to_tuple([x, x, e, o, o, e, e, e, e]),
    io:format("x to move: ~p~n", [best(P1, x)]),
    io:format("o to move: ~p~n", [best(P1, o)]),
    P2 = list_to_tuple([x, e, e, e, o, e, e, e, x]),
    show(P2),
    io:format("o to move: ~p~n", [best(P2, o)]),
    play(Empty, x),
    ok.
