%% rationals.erl - exact rational arithmetic on bignums: normalisation,
%% the four operations, continued fractions, harmonic and Bernoulli numbers.
-module(rationals).
-export([main/0]).

gcd(A, 0) -> abs(A);
gcd(A, B) -> gcd(B, A rem B).

q(_, 0) -> erlang:error(zero_denominator);
q(N, D) when D < 0 -> q(-N, -D);
q(N, D) -> G = gcd(N, D), {N div G, D div G}.

add({A, B}, {C, D}) -> q(A * D + C * B, B * D).
sub({A, B}, {C, D}) -> q(A * D - C * B, B * D).
mul({A, B}, {C, D}) -> q(A * C, B * D).
dvd({A, B}, {C, D}) -> q(A * D, B * C).

show({N, 1}) -> integer_to_list(N);
show({N, D}) -> integer_to_list(N) ++ "/" ++ integer_to_list(D).

harmonic(N) -> lists:foldl(fun(K, Acc) -> add(Acc, q(1, K)) end, q(0, 1), lists:seq(1, N)).

cfrac({_, 0}) -> [];
cfrac({N, D}) -> [N div D | cfrac_rest(N rem D, D)].
cfrac_rest(0, _) -> [];
cfrac_rest(R, D) -> cfrac({D, R}).

from_cfrac([A]) -> q(A, 1);
from_cfrac([A | T]) -> add(q(A, 1), dvd(q(1, 1), from_cfrac(T))).

binom(N, K) -> lists:foldl(fun(I, Acc) -> Acc * (N - I + 1) div I end, 1, lists:seq(1, K)).

bernoulli(N) -> bernoulli(N, [q(1, 1)]).
bernoulli(N, Acc) when length(Acc) > N -> lists:reverse(Acc);
bernoulli(N, Acc) ->
    M = length(Acc),
    Prev = lists:reverse(Acc),
    S = lists:foldl(fun({K, Bk}, Sum) -> add(Sum, mul(q(binom(M + 1, K), 1), Bk)) end, q(0, 1),
                    lists:zip(lists:seq(0, M - 1), Prev)),
    bernoulli(N, [mul(q(-1, M + 1), S) | Acc]).

main() ->
    A = q(1, 3), B = q(-2, 4),
    io:format("~s ~s ~s ~s ~s ~s~n", [show(A), show(B), show(add(A, B)), show(sub(A, B)), show(mul(A, B)), show(dvd(A, B))]),
    io:format("~s~n", [show(q(10, -4))]),
    lists:foreach(fun(N) -> io:format("H(~w) = ~s~n", [N, show(harmonic(N))]) end, [1, 2, 5, 10, 30]),
    io:format("~w~n", [cfrac(q(415, 93))]),
    io:format("~s~n", [show(from_cfrac([4, 2, 6, 7]))]),
    Sqrt2 = from_cfrac([1 | lists:duplicate(40, 2)]),
    io:format("~s~n~.15f~n", [show(Sqrt2), element(1, Sqrt2) / element(2, Sqrt2)]),
    lists:foreach(fun({I, Bn}) -> io:format("B~w = ~s~n", [I, show(Bn)]) end,
                  [{I, Bn} || {I, Bn} <- lists:zip(lists:seq(0, 20), bernoulli(20)), element(1, Bn) =/= 0]),
    Z = try q(1, 0) catch error:E -> E end,
    io:format("~p~n", [Z]),
    ok.
