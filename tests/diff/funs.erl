%% funs.erl - every kind of fun: local fun f/N, remote fun m:f/N,
%% anonymous with several clauses and guards, closures capturing variables,
%% funs returning funs, currying, composition, named recursive funs.
-module(funs).
-export([main/0, double/1]).

double(X) -> 2 * X.
square(X) -> X * X.

compose(F, G) -> fun(X) -> F(G(X)) end.
curry(F) -> fun(A) -> fun(B) -> F(A, B) end end.
adder(N) -> fun(X) -> X + N end.
counter(Start) -> {fun() -> Start end, fun(D) -> counter(Start + D) end}.

main() ->
    F1 = fun square/1,
    F2 = fun funs:double/1,
    F3 = fun lists:reverse/1,
    io:format("~p ~p ~p~n", [F1(5), F2(5), F3([1, 2, 3])]),
    Classify = fun(X) when X < 0 -> negative;
                  (0) -> zero;
                  (X) when X rem 2 =:= 0 -> even;
                  (_) -> odd
               end,
    io:format("~p~n", [lists:map(Classify, [-3, 0, 4, 7])]),
    Base = 100,
    AddBase = fun(X) -> X + Base end,
    io:format("~p~n", [lists:map(AddBase, [1, 2, 3])]),
    Add5 = adder(5),
    Add10 = adder(10),
    io:format("~p ~p~n", [Add5(1), Add10(1)]),
    Inc2 = compose(Add5, Add10),
    io:format("~p~n", [Inc2(0)]),
    SqThenDouble = compose(fun double/1, fun square/1),
    io:format("~p~n", [SqThenDouble(3)]),
    CurriedAdd = curry(fun(A, B) -> A + B end),
    io:format("~p~n", [(CurriedAdd(3))(4)]),
    Fact = fun Fact(0) -> 1; Fact(N) when N > 0 -> N * Fact(N - 1) end,
    io:format("~p~n", [Fact(20)]),
    Fib = fun F(0) -> 0; F(1) -> 1; F(N) -> F(N - 1) + F(N - 2) end,
    io:format("~p~n", [[Fib(N) || N <- lists:seq(0, 15)]]),
    Len = fun L([]) -> 0; L([_ | T]) -> 1 + L(T) end,
    io:format("~p~n", [Len("hello world")]),
    {Get, Add} = counter(10),
    {Get2, _} = Add(5),
    io:format("~p ~p~n", [Get(), Get2()]),
    Pipeline = lists:foldl(fun compose/2, fun(X) -> X end, [fun double/1, adder(1), fun square/1]),
    io:format("~p~n", [Pipeline(3)]),
    Swap = fun({A, B}) -> {B, A} end,
    io:format("~p~n", [lists:map(Swap, [{1, a}, {2, b}])]),
    Multi = fun(A, B, C) -> A * B + C end,
    io:format("~p ~p~n", [Multi(2, 3, 4), is_function(Multi, 3)]),
    Nullary = fun() -> nothing end,
    io:format("~p~n", [Nullary()]),
    Captured = [fun() -> I * 10 end || I <- [1, 2, 3]],
    io:format("~p~n", [[C() || C <- Captured]]),
    Y = fun(Fn) -> (fun(X) -> Fn(fun(V) -> (X(X))(V) end) end)(fun(X) -> Fn(fun(V) -> (X(X))(V) end) end) end,
    FactY = Y(fun(Self) -> fun(0) -> 1; (N) -> N * Self(N - 1) end end),
    io:format("~p~n", [FactY(10)]),
    io:format("~p~n", [is_function(F1, 1)]),
    Apply = fun(Fn, Args) -> apply(Fn, Args) end,
    io:format("~p~n", [Apply(fun erlang:max/2, [3, 8])]),
    ok.
