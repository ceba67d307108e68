%% mandelbrot.erl - an ASCII Mandelbrot set with float arithmetic and
%% escape-time iteration counts, plus numeric integration.
-module(mandelbrot).
-export([main/0]).

iter(_, _, _, _, N, Max) when N >= Max -> Max;
iter(X, Y, CX, CY, N, Max) ->
    X2 = X * X, Y2 = Y * Y,
    if X2 + Y2 > 4.0 -> N;
       true -> iter(X2 - Y2 + CX, 2 * X * Y + CY, CX, CY, N + 1, Max)
    end.

row(Y, W, Max) ->
    [char(iter(0.0, 0.0, -2.2 + 3.0 * I / W, Y, 0, Max), Max) || I <- lists:seq(0, W - 1)].

char(Max, Max) -> $#;
char(N, _) when N > 10 -> $+;
char(N, _) when N > 5 -> $-;
char(N, _) when N > 2 -> $.;
char(_, _) -> $\s.

simpson(F, A, B, N) ->
    H = (B - A) / N,
    S = F(A) + F(B) + lists:sum([case I rem 2 of 1 -> 4; 0 -> 2 end * F(A + I * H) || I <- lists:seq(1, N - 1)]),
    S * H / 3.

main() ->
    H = 24, W = 64, Max = 50,
    lists:foreach(fun(J) ->
        Y = -1.2 + 2.4 * J / (H - 1),
        io:format("~s~n", [row(Y, W, Max)])
    end, lists:seq(0, H - 1)),
    Inside = length([1 || J <- lists:seq(0, 99), I <- lists:seq(0, 99),
                          iter(0.0, 0.0, -2.0 + 2.5 * I / 100, -1.25 + 2.5 * J / 100, 0, 100) =:= 100]),
    io:format("inside: ~p of 10000, area ~.4f~n", [Inside, 2.5 * 2.5 * Inside / 10000]),
    io:format("~.10f~n", [simpson(fun(X) -> X * X end, 0.0, 3.0, 100)]),
    io:format("~.10f~n", [simpson(fun(X) -> 4 / (1 + X * X) end, 0.0, 1.0, 1000)]),
    ok.
