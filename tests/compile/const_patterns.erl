%% const_patterns.erl - arithmetic in patterns, folded at compile time as
%% erl_lint allows it: integers of any size (up to beamlet's 32768 bits),
%% floats, /, div, rem, the bit operations and negative shifts.
-module(const_patterns).
-export([main/0]).
f(99999999999999999999 * 99999999999999999999) -> big_square;
f(1 bsl 100) -> two_100;
f(-(1 bsl 64)) -> minus_two_64;
f(2.0 * 3) -> six_float;
f(7 / 2) -> three_and_half;
f(1 bsl 63 - 1) -> max_int64;
f((1 bsl 70) div 3) -> div3;
f((1 bsl 70) rem 1000) -> rem1000;
f(bnot (1 bsl 65)) -> bnot65;
f((1 bsl 80) bsr 10) -> shifted;
f(16#FFFFFFFFFFFFFFFFFF band 16#F0F0F0F0F0F0F0F0F0) -> anded;
f(1 bsl -3) -> zero;
f(X) -> {other, X}.
main() ->
    L = [99999999999999999999 * 99999999999999999999, 1 bsl 100, -(1 bsl 64), 6.0, 6, 3.5,
         (1 bsl 63) - 1, (1 bsl 70) div 3, (1 bsl 70) rem 1000, bnot (1 bsl 65), 1 bsl 70,
         16#FFFFFFFFFFFFFFFFFF band 16#F0F0F0F0F0F0F0F0F0, 0, 12],
    io:format("~p~n", [[f(X) || X <- L]]).
