%% spectral-norm from the Computer Language Benchmarks Game: the spectral
%% norm of the infinite matrix A(i,j) = 1/((i+j)(i+j+1)/2 + i + 1),
%% truncated to N x N, by ten rounds of the power method on A'A.
-module(spectralnorm).
-export([main/0]).

-define(N, 100).

main() ->
    U0 = lists:duplicate(?N, 1.0),
    {U, V} = power(10, U0, U0),
    VBV = dot(U, V),
    VV = dot(V, V),
    io:format("~.9f~n", [math:sqrt(VBV / VV)]).

power(0, U, V) -> {U, V};
power(K, U, _) ->
    V = mul_AtA(U),
    power(K - 1, mul_AtA(V), V).

a(I, J) -> 1.0 / ((I + J) * (I + J + 1) div 2 + I + 1).

%% (A u)_i and (A' u)_i, with indices from 0.
mul_A(U) -> [row(fun(J) -> a(I, J) end, U, 0, 0.0) || I <- lists:seq(0, length(U) - 1)].
mul_At(U) -> [row(fun(J) -> a(J, I) end, U, 0, 0.0) || I <- lists:seq(0, length(U) - 1)].
mul_AtA(U) -> mul_At(mul_A(U)).

row(_, [], _, Acc) -> Acc;
row(A, [X | Xs], J, Acc) -> row(A, Xs, J + 1, Acc + A(J) * X).

dot(Xs, Ys) -> lists:sum([X * Y || {X, Y} <- lists:zip(Xs, Ys)]).
