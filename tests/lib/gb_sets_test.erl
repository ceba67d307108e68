%% gb_sets_test.erl - test program for lib/gb_sets.erl, in beamlet's
%% Erlang subset. main/0 prints one line per case, {Name, Result} with ~p;
%% the output must be identical under Erlang/OTP's gb_sets and beamlet's
%% (see tests/lib/run_otp.sh). Whole sets are printed, so the shape the
%% balancing and the set operations give must match OTP's; the set
%% operations are run on sizes that take each of OTP's two strategies
%% (merging sorted lists, looking elements up), with 1 and 1.0 in both
%% operands to show which of two equal elements is kept.
-module(gb_sets_test).
-export([main/0]).

t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~p~n", [{Name, R}]).

%% A small linear congruential generator: the same numbers everywhere.
randoms(0, _, _) -> [];
randoms(N, Seed, Range) ->
    S = (Seed * 1103515245 + 12345) rem 2147483648,
    [(S bsr 8) rem Range | randoms(N - 1, S, Range)].

add_all(Xs) -> lists:foldl(fun gb_sets:add/2, gb_sets:empty(), Xs).

insert_all(Xs) -> lists:foldl(fun gb_sets:insert/2, gb_sets:new(), Xs).

iter_all(I) ->
    case gb_sets:next(I) of
        none -> [];
        {X, I1} -> [X | iter_all(I1)]
    end.

%% Sets of given sizes and contents for the binary operations: each pair
%% is run both ways round.
pairs() ->
    [{"empty", [], []},
     {"small", [1, 2, 3], [2.0, 3, 4]},
     {"small_float", [1.0, 2, 5], [1, 2.0, 3, 4, 5, 6]},
     {"one_vs_20", [1.0], lists:seq(1, 20)},
     {"two_vs_20", [3.0, 25], lists:seq(1, 20)},
     {"five_vs_30", [1.0, 7, 12.0, 30, 31], lists:seq(1, 30)},
     {"ten_vs_12", lists:seq(1, 19, 2), [1.0 | lists:seq(2, 12)]},
     {"disjoint", lists:seq(1, 15), lists:seq(16, 40)},
     {"interleaved", lists:seq(1, 40, 2), lists:seq(2, 40, 2)},
     {"subset", [3, 5.0, 8], lists:seq(1, 100)},
     {"random", randoms(30, 5, 200), randoms(140, 6, 200)},
     {"random_big", randoms(3, 7, 500), randoms(400, 8, 500)}].

binops(Name, A, B) ->
    [t({Op, Name, Dir}, fun() -> F(X, Y) end)
     || {Op, F} <- [{union, fun gb_sets:union/2},
                    {intersection, fun gb_sets:intersection/2},
                    {difference, fun gb_sets:difference/2},
                    {subtract, fun gb_sets:subtract/2},
                    {is_subset, fun gb_sets:is_subset/2},
                    {is_disjoint, fun gb_sets:is_disjoint/2}],
        {Dir, X, Y} <- [{ab, A, B}, {ba, B, A}]].

main() ->
    E = gb_sets:empty(),
    t(empty, fun() -> {E, gb_sets:new(), gb_sets:singleton(x)} end),
    t(is_empty, fun() -> {gb_sets:is_empty(E), gb_sets:is_empty(gb_sets:singleton(1))} end),
    t(size, fun() -> {gb_sets:size(E), gb_sets:size(add_all([3, 1, 2, 1]))} end),
    [t({ascending, N}, fun() -> insert_all(lists:seq(1, N)) end) || N <- lists:seq(0, 17)],
    [t({descending, N}, fun() -> insert_all(lists:seq(N, 1, -1)) end) || N <- [6, 16, 33]],
    t(ascending_70, fun() -> insert_all(lists:seq(1, 70)) end),
    [t({random_add, N}, fun() -> add_all(randoms(N, N * 3, 1000)) end) || N <- [12, 40, 150]],
    t(insert_exists, fun() -> gb_sets:insert(2, add_all([1, 2, 3])) end),
    t(insert_exists_float, fun() -> gb_sets:insert(2.0, add_all([1, 2, 3])) end),
    t(add_existing, fun() -> gb_sets:add_element(2.0, add_all([1, 2, 3])) end),
    S = insert_all([5, 3, 8, 1, 4, 7, 9, 2, 6]),
    [t({is_member, X}, fun() -> {gb_sets:is_member(X, S), gb_sets:is_element(X, S)} end)
     || X <- [0, 1, 5.0, 9, 10, a]],
    [t({delete, X}, fun() -> gb_sets:delete(X, S) end) || X <- [1, 5, 5.0, 9]],
    t(delete_absent, fun() -> gb_sets:delete(10, S) end),
    t(delete_empty, fun() -> gb_sets:delete(1, E) end),
    [t({delete_any, X}, fun() -> {gb_sets:delete_any(X, S), gb_sets:del_element(X, S)} end)
     || X <- [0, 4, 10]],
    t(delete_all, fun() -> lists:foldl(fun gb_sets:delete/2, S, lists:seq(1, 9)) end),
    t(take_smallest, fun() -> gb_sets:take_smallest(S) end),
    t(take_largest, fun() -> gb_sets:take_largest(S) end),
    t(take_smallest_empty, fun() -> gb_sets:take_smallest(E) end),
    t(take_largest_empty, fun() -> gb_sets:take_largest(E) end),
    t(smallest, fun() -> {gb_sets:smallest(S), gb_sets:largest(S)} end),
    t(smallest_empty, fun() -> gb_sets:smallest(E) end),
    t(largest_empty, fun() -> gb_sets:largest(E) end),
    t(balance, fun() -> gb_sets:balance(S) end),
    t(balance_after_delete, fun() -> gb_sets:balance(lists:foldl(fun gb_sets:delete/2, S, [6, 7, 8, 9])) end),
    [t({from_list, N}, fun() -> gb_sets:from_list(randoms(N, N, 50)) end) || N <- [0, 1, 2, 5, 12]],
    t(from_list_mixed, fun() -> gb_sets:from_list([b, 1, "s", 1.0, {t}, a, 2, b]) end),
    t(from_list_bad, fun() -> gb_sets:from_list(foo) end),
    [t({from_ordset, N}, fun() -> gb_sets:from_ordset(lists:seq(1, N)) end) || N <- [0, 3, 4, 8]],
    t(from_ordset_bad, fun() -> gb_sets:from_ordset([a | b]) end),
    t(to_list, fun() -> {gb_sets:to_list(S), gb_sets:to_list(E)} end),
    t(iterator, fun() -> gb_sets:iterator(S) end),
    t(iterator_all, fun() -> iter_all(gb_sets:iterator(S)) end),
    t(iterator_empty, fun() -> gb_sets:next(gb_sets:iterator(E)) end),
    [t({iterator_from, X}, fun() -> iter_all(gb_sets:iterator_from(X, S)) end)
     || X <- [0, 1, 4.5, 5, 9, 10]],
    t(iterator_from_raw, fun() -> gb_sets:iterator_from(4, S) end),
    t(is_set, fun() -> [gb_sets:is_set(X) || X <- [E, S, {0, foo}, {1, nil}, {-1, {a, nil, nil}},
                                                    {1, {a, nil, nil}}, foo, {1, {a}}]] end),
    t(filter, fun() -> gb_sets:filter(fun(X) -> X rem 2 =:= 0 end, S) end),
    t(filter_bad_fun, fun() -> gb_sets:filter(fun(X, _) -> X end, S) end),
    t(filter_bad, fun() -> gb_sets:filter(fun(X) -> X end, S) end),
    t(fold, fun() -> gb_sets:fold(fun(X, A) -> [X | A] end, [], S) end),
    t(fold_empty, fun() -> gb_sets:fold(fun(X, A) -> [X | A] end, acc, E) end),
    t(fold_bad_fun, fun() -> gb_sets:fold(fun(X) -> X end, [], S) end),
    t(fold_bad_set, fun() -> gb_sets:fold(fun(X, A) -> [X | A] end, [], {3, foo}) end),
    [binops(Name, add_all(A), add_all(B)) || {Name, A, B} <- pairs()],
    t(union_list, fun() -> gb_sets:union([add_all([1, 2]), add_all([2.0, 3]), add_all(lists:seq(5, 20))]) end),
    t(union_list_empty, fun() -> gb_sets:union([]) end),
    t(union_list_one, fun() -> gb_sets:union([S]) end),
    t(intersection_list, fun() -> gb_sets:intersection([add_all(lists:seq(1, 30)), add_all([2.0, 3, 40]), S]) end),
    t(intersection_list_one, fun() -> gb_sets:intersection([S]) end),
    t(intersection_list_empty, fun() -> gb_sets:intersection([]) end),
    %% Bad sets
    t(size_bad, fun() -> gb_sets:size(foo) end),
    t(is_member_bad, fun() -> gb_sets:is_member(1, foo) end),
    t(insert_bad, fun() -> gb_sets:insert(1, foo) end),
    t(insert_bad_size, fun() -> gb_sets:insert(1, {foo, nil}) end),
    t(add_bad, fun() -> gb_sets:add(1, foo) end),
    t(delete_bad, fun() -> gb_sets:delete(1, foo) end),
    t(to_list_bad, fun() -> gb_sets:to_list(foo) end),
    t(balance_bad, fun() -> gb_sets:balance(foo) end),
    t(union_bad, fun() -> gb_sets:union(S, foo) end),
    t(union_list_bad, fun() -> gb_sets:union(foo) end),
    t(intersection_bad, fun() -> gb_sets:intersection(foo, S) end),
    t(difference_bad, fun() -> gb_sets:difference(S, foo) end),
    t(is_subset_bad, fun() -> gb_sets:is_subset(foo, S) end),
    t(is_disjoint_bad, fun() -> gb_sets:is_disjoint(S, foo) end),
    t(iterator_bad, fun() -> gb_sets:iterator(foo) end),
    t(next_bad, fun() -> gb_sets:next(foo) end),
    t(take_smallest_bad, fun() -> gb_sets:take_smallest(foo) end),
    ok.
