%% operators.erl - arithmetic, integer division, bitwise and boolean
%% operators, their precedence, and mixed integer/float arithmetic.
-module(operators).
-export([main/0]).

main() ->
    io:format("~p~n", [[7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 div 2, 7 rem 2]]),
    io:format("~p~n", [[-7 div 2, -7 rem 2, 7 div -2, 7 rem -2, -7 div -2, -7 rem -2]]),
    io:format("~p~n", [[1 + 2.0, 3 * 1.5, 10 / 5, 2.0 - 2, 0.1 * 3]]),
    io:format("~p~n", [[2 + 3 * 4, (2 + 3) * 4, 10 - 2 - 3, 100 div 10 div 5, 2 * 3 rem 4]]),
    io:format("~p~n", [[- 5, + 5, -(-5), - 2.5, 3 - -2]]),
    io:format("~p~n", [[12 band 10, 12 bor 10, 12 bxor 10, bnot 12, 1 bsl 10, 1024 bsr 3]]),
    io:format("~p~n", [[-12 band 10, -12 bor 10, -1 bsr 1, -16 bsr 2, bnot -1]]),
    io:format("~p~n", [[1 + 2 bsl 3, (1 + 2) bsl 3, 16#F0 band 16#3C bor 1]]),
    io:format("~p~n", [[true and false, true or false, true xor true, not true, not false]]),
    io:format("~p~n", [[false andalso undefined_never_evaluated(), true orelse undefined_never_evaluated()]]),
    io:format("~p~n", [[1 < 2 andalso 2 < 3, 1 > 2 orelse 3 > 2, not (1 == 1.0)]]),
    io:format("~p~n", [[true andalso 42, false orelse {x}]]),
    io:format("~p~n", [[5 == 5.0, 5 =:= 5.0, 5 /= 5.0, 5 =/= 5.0, 1 < 1.5, 2 >= 2.0, 3 =< 2]]),
    io:format("~p~n", [[abs(-7), abs(7.5), -abs(-3)]]),
    io:format("~p~n", [[1.0e300 * 1.0e-300, 7.0 / 2.0, 1 / 3]]),
    io:format("~p~n", [[trunc(7 / 2), round(7 / 2), float(7 div 2)]]),
    X = 10,
    Y = 3,
    io:format("~p~n", [{X div Y, X rem Y, X / Y, (X div Y) * Y + X rem Y =:= X}]),
    io:format("~p~n", [[A * B || A <- [1, -1], B <- [2.5, -2]]]),
    io:format("~p~n", [[(1 bsl 62) - 1 + 1, -(1 bsl 62) - 1, 4611686018427387903 * 2]]),
    io:format("~p~n", [[2 * 3 + 4 * 5 - 6 div 2, 2 * (3 + 4) * (5 - 6) div 2]]),
    ok.

undefined_never_evaluated() -> erlang:error(should_not_run).
