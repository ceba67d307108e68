%% funs.erl - funs: closures over free variables, named recursive funs, fun
%% references (local and remote), calls of fun values, apply.
-module(funs).
-export([main/0, twice/2]).

map(_, []) -> [];
map(F, [H | T]) -> [F(H) | map(F, T)].

foldl(_, Acc, []) -> Acc;
foldl(F, Acc, [H | T]) -> foldl(F, F(H, Acc), T).

twice(F, X) -> F(F(X)).

adder(N) -> fun(X) -> X + N end.

compose(F, G) -> fun(X) -> F(G(X)) end.

counter(N) -> fun() -> {N, counter(N + 1)} end.

sq(X) -> X * X.

main() ->
    A = adder(10),
    io:format("~p~n", [A(5)]),
    io:format("~p~n", [map(fun(X) -> X * 2 end, [1, 2, 3])]),
    io:format("~p~n", [map(fun sq/1, [1, 2, 3])]),
    io:format("~p~n", [foldl(fun(X, S) -> X + S end, 0, [1, 2, 3, 4])]),
    io:format("~p~n", [(compose(fun sq/1, A))(2)]),
    io:format("~p~n", [twice(A, 1)]),
    io:format("~p~n", [funs:twice(fun(X) -> X ++ X end, [a])]),
    F = fun funs:twice/2,
    io:format("~p~n", [F(fun sq/1, 3)]),
    {V1, C1} = (counter(0))(),
    {V2, _} = C1(),
    io:format("~p ~p~n", [V1, V2]),
    Fact = fun Fa(0) -> 1; Fa(N) -> N * Fa(N - 1) end,
    io:format("~p~n", [Fact(20)]),
    Y = 3,
    G = fun(X) when X > Y -> big; (_) -> small end,
    io:format("~p~n", [map(G, [1, 5])]),
    H = fun Loop(0, Acc) -> Acc; Loop(N, Acc) -> Loop(N - 1, [N * Y | Acc]) end,
    io:format("~p~n", [H(4, [])]),
    M = funs, Fn = twice,
    io:format("~p~n", [M:Fn(fun(X) -> X + 1 end, 0)]),
    io:format("~p~n", [apply(funs, twice, [fun(X) -> X * 3 end, 1])]),
    io:format("~p~n", [apply(fun(X, Z) -> X - Z end, [10, 4])]),
    io:format("~p ~p~n", [is_function(A), is_function(A, 1)]),
    Nested = fun(X) -> fun(Z) -> X + Z + Y end end,
    io:format("~p~n", [(Nested(1))(2)]),
    R = fun Rec(N) when N > 0 -> [N | (fun() -> Rec(N - 1) end)()]; Rec(_) -> [] end,
    io:format("~p~n", [R(3)]),
    ok.
