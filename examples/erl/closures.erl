-module(closures).
-export([main/0]).

adder(N) -> fun(X) -> X + N end.

compose(F, G) -> fun(X) -> F(G(X)) end.

counter(Start) ->
    fun(Step) -> {Start + Step, counter(Start + Step)} end.

foldl(_, Acc, []) -> Acc;
foldl(F, Acc, [H | T]) -> foldl(F, F(H, Acc), T).

main() ->
    Add5 = adder(5),
    Times2 = fun(X) -> X * 2 end,
    io:format("~p~n", [Add5(10)]),
    io:format("~p~n", [(compose(Add5, Times2))(7)]),
    {V1, C1} = (counter(0))(3),
    {V2, _} = C1(4),
    io:format("~p ~p~n", [V1, V2]),
    io:format("~p~n", [foldl(fun(X, A) -> X + A end, 0, [1, 2, 3, 4])]),
    F = fun erlang:tuple_size/1,
    io:format("~p~n", [F({a, b, c})]),
    io:format("~p~n", [erlang:apply(fun(A, B) -> A - B end, [10, 3])]),
    io:format("~p~n", [erlang:apply(erlang, element, [2, {x, y}])]),
    Fact = fun Fact(0) -> 1; Fact(N) -> N * Fact(N - 1) end,
    io:format("~p~n", [Fact(20)]).
