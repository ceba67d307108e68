%% sets_test.erl - test program for lib/sets.erl, in beamlet's Erlang
%% subset. main/0 prints one line per case, {Name, Result} with ~p; the
%% output must be identical under Erlang/OTP's sets and beamlet's (see
%% tests/lib/run_otp.sh). Whole sets are printed: the hash table's buckets,
%% their order and the table's growing and shrinking must match OTP's
%% (version 1 representation), and so the order to_list/1 gives.
-module(sets_test).
-export([main/0]).

t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~p~n", [{Name, R}]).

c(F) -> try F() catch C:E -> {C, E} end.

%% A small linear congruential generator: the same numbers everywhere.
randoms(0, _, _) -> [];
randoms(N, Seed, Range) ->
    S = (Seed * 1103515245 + 12345) rem 2147483648,
    [(S bsr 8) rem Range | randoms(N - 1, S, Range)].

add_all(Xs, S) -> lists:foldl(fun sets:add_element/2, S, Xs).

%% Terms of many kinds, for the hash.
terms() ->
    [0, 1, -1, 255, 256, 1 bsl 31, 1 bsl 32, -(1 bsl 32), 1 bsl 40, 1 bsl 59, 1 bsl 60,
     1 bsl 64, -(1 bsl 64), 1 bsl 100, 123456789012345678901234567890,
     0.0, -0.0, 1.0, -1.5, 3.0e100, 1.0e-300,
     a, b, abc, '', 'hello world', 'é', 'ĉapelo', '日本',
     [], [a], [1, 2, 3], "abc", [256, 1], [a | b], [1 | 2], [[1], [2, [3]]], "é",
     {}, {a}, {a, 1, "x"}, {{}, []}, list_to_binary([]), <<"bin">>, list_to_binary(lists:seq(1, 13))].

main() ->
    E = sets:new(),
    t(new, fun() -> E end),
    t(new_v1, fun() -> sets:new([{version, 1}]) =:= E end),
    t(new_opts_empty, fun() -> sets:new([]) =:= E end),
    t(new_bad_version, fun() -> sets:new([{version, 3}]) end),
    t(new_bad_opts, fun() -> sets:new(foo) end),
    t(is_empty, fun() -> {sets:is_empty(E), sets:is_empty(sets:from_list([x]))} end),
    t(is_set, fun() -> [sets:is_set(X) || X <- [E, foo, {set, 1}, sets:from_list([1])]] end),
    t(from_list_small, fun() -> sets:from_list([3, 1, 2, 1, a, "s", 2.0]) end),
    t(from_list_v1, fun() -> sets:from_list([3, 1, 2], [{version, 1}]) end),
    t(from_list_bad, fun() -> sets:from_list(foo) end),
    t(from_list_improper, fun() -> sets:from_list([a | b]) end),
    [t({from_list, N}, fun() -> sets:from_list(lists:seq(1, N)) end) || N <- [15, 81, 100]],
    t(from_list_terms, fun() -> sets:from_list(terms()) end),
    t(to_list_terms, fun() -> sets:to_list(sets:from_list(terms())) end),
    t(size_terms, fun() -> sets:size(sets:from_list(terms())) end),
    Big = sets:from_list(randoms(700, 11, 5000)),
    t(big_size, fun() -> sets:size(Big) end),
    t(big_to_list, fun() -> sets:to_list(Big) end),
    t(big_sorted, fun() -> lists:sort(sets:to_list(Big)) =:= lists:usort(randoms(700, 11, 5000)) end),
    t(big_raw, fun() -> {element(2, Big), element(3, Big), element(4, Big), element(5, Big),
                         element(6, Big), element(7, Big), tuple_size(element(9, Big))} end),
    t(add_many, fun() -> add_all(randoms(120, 3, 300), sets:from_list([x, y])) end),
    t(grow_to_600, fun() -> sets:from_list(lists:seq(1, 600)) end),
    S = sets:from_list(lists:seq(1, 20)),
    [t({is_element, X}, fun() -> sets:is_element(X, S) end) || X <- [0, 1, 1.0, 20, 21, a]],
    t(add_existing, fun() -> sets:add_element(5, S) =:= S end),
    t(add_float, fun() -> sets:add_element(5.0, S) end),
    t(del_element, fun() -> sets:del_element(5, S) end),
    t(del_absent, fun() -> sets:del_element(5.0, S) =:= S end),
    t(del_all_big, fun() -> lists:foldl(fun sets:del_element/2, Big, randoms(650, 11, 5000)) end),
    t(del_every_other, fun() -> lists:foldl(fun sets:del_element/2, sets:from_list(lists:seq(1, 300)),
                                            lists:seq(1, 300, 2)) end),
    Filtered = sets:filter(fun(X) -> X rem 10 =:= 0 end, sets:from_list(lists:seq(1, 400))),
    t(filter_big, fun() -> Filtered end),
    t(filter_then_del_absent, fun() -> sets:del_element(7, Filtered) end),
    t(filter_then_del, fun() -> sets:del_element(10, Filtered) end),
    t(filter_then_add_existing, fun() -> sets:add_element(10, Filtered) end),
    t(filter_then_add, fun() -> sets:add_element(11, Filtered) end),
    t(filter_small, fun() -> sets:filter(fun(X) -> X > 10 end, S) end),
    t(filter_bad_result, fun() -> sets:filter(fun(X) -> X end, S) end),
    t(filter_bad_fun, fun() -> sets:filter(fun(X, Y) -> {X, Y} end, S) end),
    t(fold, fun() -> sets:fold(fun(X, A) -> [X | A] end, [], S) end),
    t(fold_sum, fun() -> sets:fold(fun(X, A) -> X + A end, 0, Big) end),
    t(fold_bad_fun, fun() -> sets:fold(foo, 0, S) end),
    A = sets:from_list(lists:seq(1, 30, 3)),
    B = sets:from_list(lists:seq(1, 90, 2)),
    C = sets:from_list([a, b, 1.0]),
    Pairs = [{ab, A, B}, {ba, B, A}, {ac, A, C}, {ca, C, A}, {ae, A, E}, {ea, E, A},
             {bigb, Big, B}, {bbig, B, Big}, {aa, A, A}],
    [t({union, N}, fun() -> sets:union(X, Y) end) || {N, X, Y} <- Pairs],
    [t({intersection, N}, fun() -> sets:intersection(X, Y) end) || {N, X, Y} <- Pairs],
    [t({subtract, N}, fun() -> sets:subtract(X, Y) end) || {N, X, Y} <- Pairs],
    [t({is_subset, N}, fun() -> sets:is_subset(X, Y) end) || {N, X, Y} <- Pairs],
    [t({is_disjoint, N}, fun() -> sets:is_disjoint(X, Y) end) || {N, X, Y} <- Pairs],
    t(is_subset_true, fun() -> sets:is_subset(sets:from_list([3, 5]), B) end),
    t(union_list, fun() -> sets:union([A, B, C]) end),
    t(union_list_one, fun() -> sets:union([A]) =:= A end),
    t(union_list_empty, fun() -> sets:union([]) end),
    t(union_list_improper, fun() -> sets:union([A | foo]) end),
    t(intersection_list, fun() -> sets:intersection([B, A, sets:from_list([1, 7, 19, 25, 26])]) end),
    t(intersection_list_one, fun() -> sets:intersection([A]) =:= A end),
    t(intersection_list_empty, fun() -> sets:intersection([]) end),
    %% Bad sets
    t(size_bad, fun() -> sets:size(foo) end),
    t(size_bad_tuple, fun() -> sets:size({set, 1, 2}) end),
    t(is_empty_bad, fun() -> sets:is_empty(foo) end),
    t(is_element_bad, fun() -> sets:is_element(1, foo) end),
    t(add_bad, fun() -> sets:add_element(1, foo) end),
    t(del_bad, fun() -> sets:del_element(1, foo) end),
    t(to_list_bad, fun() -> sets:to_list(foo) end),
    t(fold_bad, fun() -> sets:fold(fun(X, Y) -> [X | Y] end, [], foo) end),
    t(filter_bad, fun() -> sets:filter(fun(_) -> true end, foo) end),
    t(union_bad, fun() -> {c(fun() -> sets:union(foo, A) end), c(fun() -> sets:union(A, foo) end)} end),
    t(intersection_bad, fun() -> {c(fun() -> sets:intersection(foo, A) end), c(fun() -> sets:intersection(A, foo) end)} end),
    t(subtract_bad, fun() -> {c(fun() -> sets:subtract(foo, A) end), c(fun() -> sets:subtract(A, foo) end)} end),
    t(is_subset_bad, fun() -> {c(fun() -> sets:is_subset(foo, A) end), c(fun() -> sets:is_subset(A, foo) end)} end),
    t(is_disjoint_bad, fun() -> {c(fun() -> sets:is_disjoint(foo, A) end), c(fun() -> sets:is_disjoint(A, foo) end)} end),
    ok.
