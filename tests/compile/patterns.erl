%% patterns.erl - pattern matching in heads, case and = : literals,
%% tuples, lists, strings, "prefix" ++ Rest, aliases, repeated variables,
%% variables already bound, constant arithmetic, binaries as constants.
-module(patterns).
-export([main/0]).

f("GET " ++ Path) -> {get, Path};
f([X, X | _]) -> {pair, X};
f({A, [B | C], {}}) -> {nested, A, B, C};
f(P = {_, _}) -> {two, P};
f(-3) -> minus_three;
f(1 + 1) -> two;
f(<<"bin">>) -> bin;
f([]) -> empty;
f({}) -> empty_tuple;
f(3.5) -> float;
f([_ | _] = L) -> {list, L};
f(_) -> none.

g(X, X) -> same;
g(X, Y) when X > Y -> first;
g(_, _) -> second.

h(X) ->
    Y = {X, X},
    case Y of
        {1, Z} -> {one, Z};
        {X, 2} -> impossible;
        {_, X} -> {echo, X}
    end.

swap({A, B}) -> {B, A}.

deep({a, {b, {c, {d, V}}}}) -> V;
deep(_) -> no.

main() ->
    io:format("~p~n", [[f(X) || X <- ["GET /index", [1, 1, 2], {1, [2, 3], {}}, {a, b}, -3, 2, <<"bin">>,
                                     [], {}, 3.5, [9], 9]]]),
    io:format("~p~n", [[g(1, 1), g(2, 1), g(1, 2)]]),
    io:format("~p~n", [[h(1), h(2)]]),
    {P, Q} = swap({1, 2}),
    [First | _] = "xyz",
    {_, {_, Inner}} = {0, {1, {inner, value}}},
    io:format("~p~n", [{P, Q, First, Inner, deep({a, {b, {c, {d, 42}}}}), deep(x)}]),
    W = 5,
    {W, Other} = {5, six},
    io:format("~p~n", [Other]),
    io:format("~p~n", [try {W, _} = {6, x} catch error:E -> E end]),
    ok.
