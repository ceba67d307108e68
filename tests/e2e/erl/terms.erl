-module(terms).
-export([main/0]).

id(X) -> X.

%% insertion sort with the term order
sort([]) -> [];
sort([H | T]) -> insert(H, sort(T)).
insert(X, []) -> [X];
insert(X, [H | T]) when X =< H -> [X, H | T];
insert(X, [H | T]) -> [H | insert(X, T)].

main() ->
    L = id([<<"bin">>, [a], [], {1, 2}, {1}, self_pid, 3.5, 2, -1, atom, {0, 0, 0},
            "str", 1 bsl 70, 1.0e30, <<>>, [a | b], 'Atom']),
    io:format("~p~n", [sort(L)]),
    io:format("~p~n", [[id(1) == id(1.0), id(1) /= id(1.0), id({a, 1}) == id({a, 1.0}),
                        id({a, 1}) =:= id({a, 1.0}), id([1, 2]) < id([1, 2, 0]),
                        id({2}) < id({1, 1}), id("abc") < id("abd"), id(<<1>>) < id(<<1, 0>>)]]),
    io:format("~p~n", [id({deeply, [nested, {structure, [with, "strings", and_atoms]}, 42]})]),
    Big = id([{I, I * I} || I <- [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]),
    io:format("~p~n", [Big]),
    ok.
