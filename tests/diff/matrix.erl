%% matrix.erl - matrices as lists of lists: multiplication, transpose,
%% identity, powers (fast Fibonacci), determinant with fractions, and
%% printing with aligned columns.
-module(matrix).
-export([main/0]).

transpose([[] | _]) -> [];
transpose(M) -> [[hd(R) || R <- M] | transpose([tl(R) || R <- M])].

mul(A, B) ->
    BT = transpose(B),
    [[lists:sum(lists:zipwith(fun(X, Y) -> X * Y end, Row, Col)) || Col <- BT] || Row <- A].

identity(N) -> [[case I of J -> 1; _ -> 0 end || J <- lists:seq(1, N)] || I <- lists:seq(1, N)].

mpow(M, 0) -> identity(length(M));
mpow(M, N) when N rem 2 =:= 0 -> H = mpow(M, N div 2), mul(H, H);
mpow(M, N) -> mul(M, mpow(M, N - 1)).

add(A, B) -> lists:zipwith(fun(R1, R2) -> lists:zipwith(fun(X, Y) -> X + Y end, R1, R2) end, A, B).
scale(K, M) -> [[K * X || X <- R] || R <- M].

%% determinant by Laplace expansion along the first row
det([[X]]) -> X;
det([Row | Rest]) ->
    lists:sum([sign(J) * X * det(minor(J, Rest)) || {J, X} <- lists:zip(lists:seq(1, length(Row)), Row)]).
sign(J) when J rem 2 =:= 1 -> 1;
sign(_) -> -1.
minor(J, Rows) -> [drop_nth(J, R) || R <- Rows].
drop_nth(J, L) -> {A, [_ | B]} = lists:split(J - 1, L), A ++ B.

show(M) ->
    W = lists:max([lists:flatlength(io_lib:format("~w", [X])) || R <- M, X <- R]),
    lists:foreach(fun(R) ->
        io:format("|~s |~n", [[io_lib:format(" ~*w", [W, X]) || X <- R]])
    end, M).

showf(M) ->
    lists:foreach(fun(R) -> io:format("~s~n", [[io_lib:format("~10.4f", [X]) || X <- R]]) end, M).

main() ->
    A = [[1, 2, 3], [4, 5, 6]],
    B = [[7, 8], [9, 10], [11, 12]],
    show(mul(A, B)),
    show(transpose(A)),
    show(identity(4)),
    show(add(A, scale(10, A))),
    Fib = mpow([[1, 1], [1, 0]], 100),
    io:format("fib(100) = ~p~n", [lists:nth(2, hd(Fib))]),
    show(mpow([[1, 1], [1, 0]], 30)),
    M3 = [[2, -3, 1], [2, 0, -1], [1, 4, 5]],
    io:format("det ~p~n", [det(M3)]),
    M5 = [[I * J + (I bxor J) || J <- lists:seq(1, 5)] || I <- lists:seq(1, 5)],
    show(M5),
    io:format("det ~p~n", [det(M5)]),
    Rot = fun(T) -> [[math_cos(T), -math_sin(T)], [math_sin(T), math_cos(T)]] end,
    showf(mul(Rot(0.5), Rot(0.25))),
    Hilbert = [[1 / (I + J - 1) || J <- lists:seq(1, 4)] || I <- lists:seq(1, 4)],
    showf(Hilbert),
    io:format("~p~n", [det(Hilbert)]),
    ok.

%% Taylor series, so this program does not depend on the math module
math_sin(X) -> taylor(X, X, 1, X, 1).
math_cos(X) -> taylor(X, 1.0, 0, 1.0, 1).
taylor(_, Sum, _, _, 12) -> Sum;
taylor(X, Sum, K, Term, N) ->
    T = -Term * X * X / ((K + 1) * (K + 2)),
    taylor(X, Sum + T, K + 2, T, N + 1).
