%% bits.erl - bit manipulation: population count, bit reversal, Gray
%% codes, powers of two, bit sets as integers (also bignums), masks.
-module(bits).
-export([main/0]).

popcount(0) -> 0;
popcount(N) -> (N band 1) + popcount(N bsr 1).

reverse_bits(N, Width) -> reverse_bits(N, Width, 0).
reverse_bits(_, 0, Acc) -> Acc;
reverse_bits(N, W, Acc) -> reverse_bits(N bsr 1, W - 1, (Acc bsl 1) bor (N band 1)).

gray(N) -> N bxor (N bsr 1).
ungray(0) -> 0;
ungray(G) -> G bxor ungray(G bsr 1).

is_pow2(N) -> N > 0 andalso (N band (N - 1)) =:= 0.

log2(1) -> 0;
log2(N) -> 1 + log2(N bsr 1).

set_add(S, I) -> S bor (1 bsl I).
set_del(S, I) -> S band bnot (1 bsl I).
set_has(S, I) -> (S bsr I) band 1 =:= 1.
set_list(S) -> [I || I <- lists:seq(0, log2(max(S, 1))), set_has(S, I)].

main() ->
    io:format("~p~n", [[popcount(N) || N <- [0, 1, 7, 255, 1023, 16#F0F0, (1 bsl 100) - 1]]]),
    io:format("~p~n", [[reverse_bits(N, 8) || N <- [1, 2, 3, 128, 2#10110000]]]),
    io:format("~s~n", [string:join([io_lib:format("~4.2.0B", [gray(I)]) || I <- lists:seq(0, 15)], " ")]),
    io:format("~p~n", [lists:all(fun(I) -> ungray(gray(I)) =:= I end, lists:seq(0, 1000))]),
    io:format("~p~n", [[N || N <- lists:seq(1, 300), is_pow2(N)]]),
    io:format("~p~n", [[log2(1 bsl K) || K <- [0, 1, 10, 62, 63, 64, 100]]]),
    S0 = lists:foldl(fun(I, S) -> set_add(S, I) end, 0, [1, 3, 5, 64, 65, 100]),
    S1 = set_del(S0, 3),
    io:format("~p~n~p~n~p~n", [S0, set_list(S1), [set_has(S1, I) || I <- [1, 3, 64, 99]]]),
    A = 2#1100, B = 2#1010,
    io:format("~.2B ~.2B ~.2B ~.2B~n", [A band B, A bor B, A bxor B, bnot A band 16#F]),
    io:format("~p~n", [[X bsl 3 || X <- [1, -1, 1 bsl 60]]]),
    io:format("~p~n", [[X bsr 3 || X <- [100, -100, -(1 bsl 70)]]]),
    Mask = (1 bsl 32) - 1,
    io:format("~.16B~n", [(16#DEADBEEF * 16#CAFEBABE) band Mask]),
    Hash = lists:foldl(fun(C, H) -> ((H bxor C) * 16777619) band Mask end, 2166136261, "hello world"),
    io:format("fnv1a ~.16B~n", [Hash]),
    ok.
