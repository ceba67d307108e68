%% math_funcs.erl - every math function: sqrt pow pi sin cos tan atan
%% atan2 exp log log2 log10 floor ceil, and their errors.
-module(math_funcs).
-export([main/0]).

show(Name, V) -> io:format("~-8s ~.10f ~w~n", [Name, float(V), V]).

main() ->
    show("pi", math:pi()),
    show("sqrt2", math:sqrt(2)),
    show("sqrt16", math:sqrt(16.0)),
    show("pow", math:pow(2, 10)),
    show("pow.5", math:pow(2.0, 0.5)),
    show("pow-1", math:pow(4, -1)),
    show("sin", math:sin(math:pi() / 6)),
    show("cos", math:cos(math:pi() / 3)),
    show("tan", math:tan(math:pi() / 4)),
    show("sin0", math:sin(0)),
    show("cos0", math:cos(0)),
    show("atan", math:atan(1)),
    show("atan2", math:atan2(1, -1)),
    show("atan2b", math:atan2(-2.0, -2.0)),
    show("exp", math:exp(1)),
    show("exp0", math:exp(0)),
    show("log", math:log(10)),
    show("log e", math:log(math:exp(2))),
    show("log2", math:log2(1024)),
    show("log2b", math:log2(10)),
    show("log10", math:log10(1000)),
    show("log10b", math:log10(2)),
    io:format("floor: ~w ~w ~w ~w~n", [math:floor(2.7), math:floor(-2.7), math:floor(3), math:floor(-0.5)]),
    io:format("ceil: ~w ~w ~w ~w~n", [math:ceil(2.1), math:ceil(-2.1), math:ceil(3), math:ceil(0.0)]),
    io:format("erlang floor/ceil: ~w ~w ~w ~w~n", [floor(2.7), floor(-2.7), ceil(2.1), ceil(-2.1)]),
    Errs = [fun() -> math:sqrt(-1) end, fun() -> math:log(0) end, fun() -> math:log(-1.0) end,
            fun() -> math:sqrt(a) end, fun() -> math:pow(a, 2) end, fun() -> math:log10(0) end],
    lists:foreach(fun(F) ->
        R = try F() catch C:E -> {C, E} end,
        io:format("~p~n", [R])
    end, Errs),
    %% some numerics: Newton's sqrt against math:sqrt, a trig identity
    lists:foreach(fun(X) ->
        N = newton(X, X / 2 + 1, 30),
        io:format("sqrt(~w): ~.12f ~.12f ~w~n", [X, N, math:sqrt(X), abs(N - math:sqrt(X)) < 1.0e-9])
    end, [2, 10, 144, 12345]),
    Id = [math:pow(math:sin(T), 2) + math:pow(math:cos(T), 2) || T <- [0.1, 1.0, 2.5, 10.0]],
    io:format("identity: ~w~n", [[abs(V - 1.0) < 1.0e-12 || V <- Id]]),
    Deg = [round(math:atan2(Y, X) * 180 / math:pi()) || {X, Y} <- [{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}]],
    io:format("angles: ~w~n", [Deg]),
    ok.

newton(_, G, 0) -> G;
newton(X, G, N) -> newton(X, (G + X / G) / 2, N - 1).
