%% patterns.erl - pattern matching: nested tuples and lists, repeated
%% variables, string prefixes, literals, match in patterns (=), underscore
%% variables, binaries with literal segments.
-module(patterns).
-export([main/0]).

same({X, X}) -> same;
same({_, _}) -> different.

head_tail([]) -> empty;
head_tail([X]) -> {one, X};
head_tail([X, Y]) -> {two, X, Y};
head_tail([X, Y | Rest]) -> {many, X, Y, length(Rest)}.

command("get " ++ Key) -> {get, Key};
command("set " ++ Rest) -> [K, V] = string:tokens(Rest, " "), {set, K, V};
command("quit") -> quit;
command(_) -> unknown.

deep({a, [b, {c, D} | _], E}) -> {D, E};
deep(_) -> nomatch.

aliased({point, X, Y} = P) -> {P, X + Y}.

lit(0) -> zero;
lit(1.5) -> one_and_half;
lit(atom) -> atom;
lit("str") -> string;
lit({}) -> empty_tuple;
lit([]) -> empty_list;
lit(<<"bin">>) -> binary;
lit(<<1, 2>>) -> two_bytes;
lit(-3) -> minus_three;
lit($a) -> char_a;
lit(_) -> other.

main() ->
    io:format("~p~n", [[same({1, 1}), same({1, 1.0}), same({a, a}), same({[1], [1]})]]),
    io:format("~p~n", [[head_tail(L) || L <- [[], [1], [1, 2], [1, 2, 3, 4]]]]),
    io:format("~p~n", [[command(C) || C <- ["get name", "set a 1", "quit", "other"]]]),
    io:format("~p~n", [[deep(T) || T <- [{a, [b, {c, 42}], e}, {a, [b, {c, x}, y, z], f}, {a, [b], e}]]]),
    io:format("~p~n", [aliased({point, 3, 4})]),
    io:format("~p~n", [[lit(X) || X <- [0, 1.5, atom, "str", {}, [], <<"bin">>, <<1, 2>>, -3, 97, 1.0, 0.0]]]),
    {A, [B, C | D], {E}} = {1, [2, 3, 4, 5], {"six"}},
    io:format("~p~n", [{A, B, C, D, E}]),
    [First | _] = lists:seq(10, 20),
    {_, Second, _Ignored} = {x, y, z},
    io:format("~p ~p~n", [First, Second]),
    X = Y = 7,
    io:format("~p ~p~n", [X, Y]),
    {ok, {V1, V2}} = {ok, {1, 2}},
    io:format("~p~n", [V1 + V2]),
    "abc" ++ Tail = "abcdef",
    io:format("~p~n", [Tail]),
    [H1, H2 | T2] = "xyz",
    io:format("~p ~p ~p~n", [H1, H2, T2]),
    case {1, [2, 3]} of
        {1, [_ | [Z]]} -> io:format("z=~p~n", [Z])
    end,
    Fun = fun({K, V}) when is_atom(K) -> {V, K}; (Other) -> Other end,
    io:format("~p~n", [lists:map(Fun, [{a, 1}, {"b", 2}, x])]),
    <<"GET">> = <<"GET">>,
    io:format("~p~n", [case <<1, 2, 3>> of <<1, 2, 3>> -> matched; _ -> no end]),
    ok.
