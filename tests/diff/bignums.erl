%% bignums.erl - integers of any size: factorials, powers, division and
%% remainder signs, bit operations, comparisons with floats, conversion.
-module(bignums).
-export([main/0]).

fact(0) -> 1;
fact(N) -> N * fact(N - 1).

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

fib(N) -> fib(N, 0, 1).
fib(0, A, _) -> A;
fib(N, A, B) -> fib(N - 1, B, A + B).

gcd(A, 0) -> A;
gcd(A, B) -> gcd(B, A rem B).

isqrt(N) -> isqrt(N, N, (N + 1) div 2).
isqrt(_, X, Y) when Y >= X -> X;
isqrt(N, _, Y) -> isqrt(N, Y, (Y + N div Y) div 2).

digits_sum(0) -> 0;
digits_sum(N) -> N rem 10 + digits_sum(N div 10).

main() ->
    io:format("~p~n", [fact(30)]),
    io:format("~p~n", [fact(100)]),
    io:format("~p~n", [digits_sum(fact(100))]),
    io:format("~p~n", [pow(2, 200)]),
    io:format("~p~n", [pow(-3, 101)]),
    io:format("~p~n", [fib(300)]),
    Big = pow(10, 40) + 7,
    io:format("~p ~p~n", [Big div 12345, Big rem 12345]),
    io:format("~p ~p~n", [(-Big) div 12345, (-Big) rem 12345]),
    io:format("~p ~p~n", [Big div -Big, Big rem (Big - 1)]),
    io:format("~p~n", [gcd(fact(40), pow(2, 100) * 3 * 7)]),
    io:format("~p~n", [isqrt(pow(10, 50))]),
    io:format("~p~n", [isqrt(2 * pow(10, 60))]),
    io:format("~p~n", [pow(2, 64) - 1 band 16#FFFF0000FFFF0000FFFF]),
    io:format("~p~n", [(1 bsl 100) bor (1 bsl 3)]),
    io:format("~p~n", [(1 bsl 100) bxor ((1 bsl 100) - 1)]),
    io:format("~p~n", [bnot (1 bsl 70)]),
    io:format("~p~n", [(1 bsl 100) bsr 98]),
    io:format("~p~n", [-(1 bsl 100) bsr 99]),
    io:format("~p~n", [1 bsl -5]),
    io:format("~p ~p~n", [(-1) bsr 200, -(1 bsl 80) band 16#FFFF]),
    io:format("~p~n", [[pow(2, 62) - 1, pow(2, 62), -pow(2, 62), -pow(2, 62) - 1, pow(2, 63), pow(2, 64)]]),
    io:format("~p~n", [[pow(2, 59) + pow(2, 59), 1152921504606846975 + 1, -1152921504606846976 - 1]]),
    io:format("~p~n", [[pow(2, 100) > 1.0e30, pow(2, 100) < 1.0e31, pow(2, 100) == float(pow(2, 100))]]),
    io:format("~p~n", [[float(pow(2, 100)), float(fact(25)), pow(10, 20) / 3]]),
    io:format("~p~n", [[abs(-pow(3, 50)), -pow(3, 50) * -1, pow(3, 50) - pow(3, 50)]]),
    io:format("~p~n", [lists:sort([pow(2, 70), -pow(2, 70), 0, 1.0e30, -1.0e30, 5])]),
    io:format("~p~n", [integer_to_list(pow(7, 77), 16)]),
    io:format("~p~n", [list_to_integer("-" ++ lists:duplicate(50, $9))]),
    io:format("~p~n", [trunc(1.0e25)]),
    io:format("~p~n", [round(-1.5e20)]),
    io:format("~p~n", [lists:sum([pow(2, N) || N <- lists:seq(0, 127)])]),
    io:format("~w ~.16B~n", [pow(2, 127) * pow(3, 40), pow(2, 127) * pow(3, 40)]),
    M = 1000000007,
    io:format("~p~n", [modpow(2, pow(10, 18), M)]),
    ok.

modpow(_, 0, _) -> 1;
modpow(B, E, M) when E rem 2 =:= 0 -> H = modpow(B, E div 2, M), (H * H) rem M;
modpow(B, E, M) -> (B * modpow(B, E - 1, M)) rem M.
