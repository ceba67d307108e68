%% basics.erl - function clauses, guards, case, if, exported variables,
%% boolean operators, simple comprehensions, matches, ++ and --.
-module(basics).
-export([main/0]).

len([]) -> 0;
len([_ | T]) -> 1 + len(T).

rev(L) -> rev(L, []).
rev([], A) -> A;
rev([H | T], A) -> rev(T, [H | A]).

classify(X) when is_integer(X), X > 100 -> big;
classify(X) when is_integer(X) -> small;
classify(X) when is_atom(X); is_list(X) -> atom_or_list;
classify({a, _}) -> tagged_a;
classify({_, _, _}) -> triple;
classify(_) -> other.

sum_pairs([]) -> 0;
sum_pairs([{A, B} | T]) -> A + B + sum_pairs(T).

cmp(A, B) ->
    if A < B -> less;
       A > B -> greater;
       true -> equal
    end.

sw(X) ->
    case X of
        1 -> one;
        2 -> two;
        {ok, V} when V > 0 -> {positive, V};
        {ok, V} -> {nonpositive, V};
        [H | _] -> {head, H};
        _ -> unknown
    end.

safe_div(A, B) ->
    case B of
        0 -> {error, div_by_zero};
        _ -> {ok, A div B}
    end.

exports(X) ->
    case X of
        a -> Y = 1, Z = 10;
        _ -> Y = 2, Z = 20
    end,
    Y + Z.

bools(A, B) -> {A andalso B, A orelse B, not A, A xor B, A and B, A or B}.

main() ->
    io:format("~p~n", [len([1,2,3,4])]),
    io:format("~p~n", [rev([1,2,3])]),
    io:format("~p~n", [[classify(X) || X <- [1, 1000, foo, "str", {a, 1}, {1,2,3}, 3.5]]]),
    io:format("~p~n", [sum_pairs([{1,2},{3,4}])]),
    io:format("~p ~p ~p~n", [cmp(1,2), cmp(2,1), cmp(1,1.0)]),
    io:format("~p~n", [[sw(X) || X <- [1, 2, {ok, 5}, {ok, -1}, [x,y], z]]]),
    io:format("~p ~p~n", [safe_div(10, 3), safe_div(1, 0)]),
    io:format("~p ~p~n", [exports(a), exports(b)]),
    io:format("~p~n", [bools(true, false)]),
    io:format("~p~n", [[X * Y || X <- [1,2,3], Y <- [10, 20], X + Y > 12]]),
    io:format("~p~n", [[{X, Y} || {X, Y} <- [{1, a}, bad, {2, b}]]]),
    {A, B} = {1, 2},
    io:format("~p~n", [A + B]),
    [P, Q | R] = "hello",
    io:format("~p ~p ~p~n", [P, Q, R]),
    "he" ++ Rest = "hello",
    io:format("~s~n", [Rest]),
    io:format("~p~n", [[1,2] ++ [3] -- [2]]),
    ok.
