%% precedence.erl - operator precedence and associativity as the parser
%% must get them: unary minus and not, * / div rem band, + - bor bxor bsl
%% bsr, ++ -- (right associative), comparisons, andalso, orelse, =, catch.
-module(precedence).
-export([main/0]).

main() ->
    io:format("~p~n", [[- 2 * 3, -2 * -3, 1 - - 1, - (1 - 2), + 1 - 2, 10 - 2 - 3, 2 * 3 div 2, 7 rem 4 * 2]]),
    io:format("~p~n", [[1 + 2 * 3 - 4 div 2, (1 + 2) * (3 - 4) div 2, 100 div 7 rem 3, 2 bsl 2 + 1, (2 bsl 2) + 1]]),
    io:format("~p~n", [[1 bor 2 band 3, (1 bor 2) band 3, 6 bxor 3 bor 8, bnot 1 band 7, bnot (1 band 7)]]),
    io:format("~p~n", [[[1] ++ [2] ++ [3], [1, 2, 3] -- [2] -- [2], ([1, 2, 3] -- [2]) -- [2], "ab" ++ "cd" -- "c"]]),
    io:format("~p~n", [[1 + 1 == 2, (1 < 2) == true, (3 > 2) =:= true, (1 == 1.0) =:= true]]),
    io:format("~p~n", [[not true or true, not (true or true), true and false or true, true or false and false]]),
    io:format("~p~n", [[1 < 2 andalso 2 < 3 orelse false, false andalso true orelse true, true orelse false andalso false]]),
    io:format("~p~n", [[try not id(1) == 2 catch error:E -> E end, not (1 == 2)]]),
    X = Y = 1 + 2,
    io:format("~p~n", [{X, Y}]),
    Z = 1 + 2 == 3,
    io:format("~p~n", [Z]),
    C = (catch 1 + 2),
    io:format("~p~n", [C]),
    D = (catch throw(a) + 1),
    io:format("~p~n", [D]),
    io:format("~p~n", [[-(1 bsl 3), - 1 bsl 3, (-1) bsl 3, -8 bsr 1, 2 * -3 + 4]]),
    io:format("~p~n", [[2 + 3.0 * 2, 7 / 2 * 2, 7 div 2 * 2, 2.0 * 3 / 4]]),
    io:format("~p~n", [[1, 2 | [3 | [4]]]]),
    io:format("~p~n", [[a | [b | c]]]),
    io:format("~p~n", [{[] ++ [], [x] -- [], - - - 1}]),
    ok.

id(X) -> X.
