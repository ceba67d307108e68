%% lists_sort.erl - sort/1,2, usort, keysort, with mixed types and
%% custom orderings.
-module(lists_sort).
-export([main/0]).

main() ->
    io:format("~w~n", [lists:sort([5, 3, 9, 1, 1, 7, 2])]),
    io:format("~w~n", [lists:sort([])]),
    io:format("~w~n", [lists:sort([b, 3, "x", {1}, 2.5, a, [], {0, 0}, 1])]),
    io:format("~p~n", [lists:sort(["pear", "apple", "fig", "banana", "apple"])]),
    io:format("~w~n", [lists:sort(fun(A, B) -> A >= B end, [5, 3, 9, 1, 7, 2])]),
    io:format("~w~n", [lists:sort(fun({_, A}, {_, B}) -> A =< B end,
                                  [{a, 3}, {b, 1}, {c, 2}, {d, 1}, {e, 3}])]),
    io:format("~w~n", [lists:usort([3, 1, 2, 3, 1, 2, 5])]),
    io:format("~w~n", [lists:usort([b, a, c, a, b])]),
    io:format("~w~n", [lists:usort([])]),
    io:format("~w~n", [lists:keysort(2, [{x, 3, a}, {y, 1, b}, {z, 2, c}, {w, 1, d}])]),
    io:format("~w~n", [lists:keysort(1, [{3, c}, {1, a}, {2, b}, {1, z}])]),
    io:format("~w~n", [lists:sort([1, 1.0, 2, 2.0, 0.5])]),
    io:format("~w~n", [lists:usort([1, 1.0, 2])]),
    %% A larger sort: pseudo-random numbers
    R = rand_list(200, 12345, []),
    S = lists:sort(R),
    io:format("first ~w last ~w len ~w sorted ~w~n",
              [lists:sublist(S, 5), lists:last(S), length(S), is_sorted(S)]),
    U = lists:usort(R),
    io:format("unique ~w~n", [length(U)]),
    D = lists:sort(fun(A, B) -> A > B end, R),
    io:format("desc head ~w~n", [lists:sublist(D, 5)]),
    %% Sort by several keys
    People = [{"bob", 25}, {"alice", 30}, {"carol", 25}, {"dave", 30}, {"eve", 22}],
    ByAgeName = lists:sort(fun({N1, A1}, {N2, A2}) -> {A1, N1} =< {A2, N2} end, People),
    io:format("~p~n", [ByAgeName]),
    ok.

rand_list(0, _, Acc) -> Acc;
rand_list(N, Seed, Acc) ->
    Next = (Seed * 1103515245 + 12345) rem 2147483648,
    rand_list(N - 1, Next, [Next rem 1000 | Acc]).

is_sorted([A, B | T]) when A =< B -> is_sorted([B | T]);
is_sorted([_, _ | _]) -> false;
is_sorted(_) -> true.
