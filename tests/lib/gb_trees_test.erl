%% gb_trees_test.erl - test program for lib/gb_trees.erl, in beamlet's
%% Erlang subset. main/0 prints one line per case, {Name, Result} with ~p;
%% the output must be identical under Erlang/OTP's gb_trees and beamlet's
%% (see tests/lib/run_otp.sh). Whole trees are printed, so the shape the
%% balancing gives must match OTP's, not only the contents.
%% larger/2 and smaller/2 are not in OTP 25: where the module lacks them
%% (OTP's, under run_otp.sh) a list-based reference stands in, so both
%% runs print the reference's answer.
-module(gb_trees_test).
-export([main/0]).

t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~p~n", [{Name, R}]).

%% A small linear congruential generator: the same numbers everywhere.
randoms(0, _, _) -> [];
randoms(N, Seed, Range) ->
    S = (Seed * 1103515245 + 12345) rem 2147483648,
    [(S bsr 8) rem Range | randoms(N - 1, S, Range)].

build(Keys) ->
    lists:foldl(fun(K, T) -> gb_trees:enter(K, {v, K}, T) end, gb_trees:empty(), Keys).

insert_all(Keys) ->
    lists:foldl(fun(K, T) -> gb_trees:insert(K, K * 2, T) end, gb_trees:empty(), Keys).

iter_all(I) ->
    case gb_trees:next(I) of
        none -> [];
        {K, V, I1} -> [{K, V} | iter_all(I1)]
    end.

ref_larger(K, T) ->
    case [E || {K1, _} = E <- gb_trees:to_list(T), K1 > K] of
        [] -> none;
        [E | _] -> E
    end.

ref_smaller(K, T) ->
    case [E || {K1, _} = E <- lists:reverse(gb_trees:to_list(T)), K1 < K] of
        [] -> none;
        [E | _] -> E
    end.

larger(K, T) -> try gb_trees:larger(K, T) catch error:undef -> ref_larger(K, T) end.

smaller(K, T) -> try gb_trees:smaller(K, T) catch error:undef -> ref_smaller(K, T) end.

main() ->
    E = gb_trees:empty(),
    t(empty, fun() -> E end),
    t(is_empty, fun() -> {gb_trees:is_empty(E), gb_trees:is_empty(insert_all([1]))} end),
    t(size, fun() -> {gb_trees:size(E), gb_trees:size(insert_all([3, 1, 2]))} end),
    %% Shapes: ascending, descending, zigzag, random sequences.
    [t({ascending, N}, fun() -> insert_all(lists:seq(1, N)) end) || N <- lists:seq(0, 17)],
    [t({descending, N}, fun() -> insert_all(lists:seq(N, 1, -1)) end) || N <- [5, 9, 16, 33]],
    t(ascending_100, fun() -> insert_all(lists:seq(1, 100)) end),
    t(zigzag, fun() -> insert_all([1, 100, 2, 99, 3, 98, 4, 97, 5, 96, 6, 95, 7, 94]) end),
    Rs = [randoms(N, N * 7 + 1, 1000) || N <- [10, 25, 60, 200]],
    [t({random_enter, length(R)}, fun() -> build(R) end) || R <- Rs],
    [t({random_insert, N}, fun() -> insert_all(lists:usort(randoms(N, N, 100000))) end)
     || N <- [40, 120]],
    [t({random_insert_raw, N},
       fun() -> insert_all(lists:reverse(lists:usort(randoms(N, N + 3, 100000)))) end)
     || N <- [31, 64]],
    Big = build(randoms(300, 42, 100000)),
    t(big_size, fun() -> gb_trees:size(Big) end),
    t(big_sorted, fun() -> gb_trees:keys(Big) =:= lists:usort(randoms(300, 42, 100000)) end),
    %% Lookups
    T = insert_all([5, 3, 8, 1, 4, 7, 9, 2, 6]),
    [t({lookup, K}, fun() -> gb_trees:lookup(K, T) end) || K <- [0, 1, 5, 5.0, 9, 10, a]],
    [t({get, K}, fun() -> gb_trees:get(K, T) end) || K <- [1, 5.0, 9, 10]],
    [t({is_defined, K}, fun() -> gb_trees:is_defined(K, T) end) || K <- [0, 1, 2.0, 9, 10]],
    %% Inserting and updating
    t(insert_exists, fun() -> gb_trees:insert(5, x, T) end),
    t(insert_exists_float, fun() -> gb_trees:insert(5.0, x, T) end),
    t(insert_float, fun() -> gb_trees:insert(5.5, x, T) end),
    t(insert_mixed, fun() -> insert_all([1, 2.5, 3]) end),
    t(insert_terms, fun() ->
                            lists:foldl(fun(K, A) -> gb_trees:insert(K, 0, A) end, E,
                                        [b, 1, "s", {t}, [], a, 2.0, <<"x">>, self() =:= self()])
                    end),
    [t({update, K}, fun() -> gb_trees:update(K, new, T) end) || K <- [1, 5, 5.0, 9]],
    t(update_absent, fun() -> gb_trees:update(10, new, T) end),
    t(update_empty, fun() -> gb_trees:update(1, new, E) end),
    [t({enter, K}, fun() -> gb_trees:enter(K, new, T) end) || K <- [0, 5, 5.0, 10]],
    t(enter_seq, fun() -> build([3, 1, 3, 2, 1, 4, 5, 6, 7, 8, 2, 9]) end),
    %% Deleting and taking
    [t({delete, K}, fun() -> gb_trees:delete(K, T) end) || K <- [1, 5, 5.0, 8, 9]],
    t(delete_absent, fun() -> gb_trees:delete(10, T) end),
    t(delete_empty, fun() -> gb_trees:delete(1, E) end),
    [t({delete_any, K}, fun() -> gb_trees:delete_any(K, T) end) || K <- [0, 3, 10]],
    t(delete_all, fun() -> lists:foldl(fun gb_trees:delete/2, T, lists:seq(1, 9)) end),
    t(delete_all_rev, fun() -> lists:foldl(fun gb_trees:delete/2, T, lists:seq(9, 1, -1)) end),
    [t({take, K}, fun() -> gb_trees:take(K, T) end) || K <- [1, 5, 5.0, 9]],
    t(take_absent, fun() -> gb_trees:take(10, T) end),
    t(take_empty, fun() -> gb_trees:take(1, E) end),
    [t({take_any, K}, fun() -> gb_trees:take_any(K, T) end) || K <- [0, 4, 10]],
    t(take_smallest, fun() -> gb_trees:take_smallest(T) end),
    t(take_largest, fun() -> gb_trees:take_largest(T) end),
    t(take_smallest_empty, fun() -> gb_trees:take_smallest(E) end),
    t(take_largest_empty, fun() -> gb_trees:take_largest(E) end),
    t(take_smallest_all, fun() -> drain(fun gb_trees:take_smallest/1, T) end),
    t(take_largest_all, fun() -> drain(fun gb_trees:take_largest/1, T) end),
    t(smallest, fun() -> {gb_trees:smallest(T), gb_trees:largest(T)} end),
    t(smallest_empty, fun() -> gb_trees:smallest(E) end),
    t(largest_empty, fun() -> gb_trees:largest(E) end),
    %% Rebuilding
    t(balance, fun() -> gb_trees:balance(T) end),
    t(balance_big, fun() -> gb_trees:balance(Big) end),
    t(balance_after_delete, fun() ->
                                    gb_trees:balance(lists:foldl(fun gb_trees:delete/2, T,
                                                                 [1, 2, 3, 4]))
                            end),
    t(balance_empty, fun() -> gb_trees:balance(E) end),
    [t({from_orddict, N}, fun() -> gb_trees:from_orddict([{K, K} || K <- lists:seq(1, N)]) end)
     || N <- [0, 1, 2, 3, 4, 7, 8, 12]],
    t(from_orddict_then_insert,
      fun() -> insert_all_into(lists:seq(20, 30), gb_trees:from_orddict([{K, K} || K <- lists:seq(1, 6)])) end),
    t(from_orddict_bad, fun() -> gb_trees:from_orddict([a, b]) end),
    t(from_orddict_improper, fun() -> gb_trees:from_orddict([{a, 1} | b]) end),
    %% Listing, mapping, iterating
    t(to_list, fun() -> gb_trees:to_list(T) end),
    t(keys, fun() -> gb_trees:keys(T) end),
    t(values, fun() -> gb_trees:values(T) end),
    t(to_list_empty, fun() -> {gb_trees:to_list(E), gb_trees:keys(E), gb_trees:values(E)} end),
    t(map, fun() -> gb_trees:map(fun(K, V) -> {K, V} end, T) end),
    t(map_empty, fun() -> gb_trees:map(fun(K, V) -> {K, V} end, E) end),
    t(map_bad_fun, fun() -> gb_trees:map(fun(K) -> K end, T) end),
    t(map_not_fun, fun() -> gb_trees:map(foo, T) end),
    t(iterator, fun() -> gb_trees:iterator(T) end),
    t(iterator_all, fun() -> iter_all(gb_trees:iterator(T)) end),
    t(iterator_empty, fun() -> {gb_trees:iterator(E), gb_trees:next(gb_trees:iterator(E))} end),
    [t({iterator_from, K}, fun() -> iter_all(gb_trees:iterator_from(K, T)) end)
     || K <- [0, 1, 4.5, 5, 9, 10, a]],
    t(iterator_from_raw, fun() -> gb_trees:iterator_from(4, T) end),
    t(iterator_from_big, fun() -> length(iter_all(gb_trees:iterator_from(50000, Big))) end),
    t(next_bad, fun() -> gb_trees:next(foo) end),
    [t({larger, K}, fun() -> larger(K, T) end) || K <- [0, 1, 4.5, 5, 8, 9, 10, a]],
    [t({smaller, K}, fun() -> smaller(K, T) end) || K <- [0, 1, 1.5, 5, 9, 10, a]],
    t(larger_empty, fun() -> {larger(1, E), smaller(1, E)} end),
    t(larger_big, fun() -> [larger(K, Big) =:= ref_larger(K, Big) || K <- randoms(50, 9, 100000)] end),
    t(smaller_big, fun() -> [smaller(K, Big) =:= ref_smaller(K, Big) || K <- randoms(50, 8, 100000)] end),
    %% Bad trees
    t(size_bad, fun() -> gb_trees:size(foo) end),
    t(size_bad_neg, fun() -> gb_trees:size({-1, nil}) end),
    t(is_empty_bad, fun() -> gb_trees:is_empty(foo) end),
    t(lookup_bad, fun() -> gb_trees:lookup(1, foo) end),
    t(lookup_bad_node, fun() -> gb_trees:lookup(1, {1, foo}) end),
    t(insert_bad, fun() -> gb_trees:insert(1, 1, foo) end),
    t(insert_bad_size, fun() -> gb_trees:insert(1, 1, {foo, nil}) end),
    t(enter_bad, fun() -> gb_trees:enter(1, 1, foo) end),
    t(delete_bad, fun() -> gb_trees:delete(1, foo) end),
    t(delete_any_bad, fun() -> gb_trees:delete_any(1, foo) end),
    t(take_bad, fun() -> gb_trees:take(1, foo) end),
    t(take_any_bad, fun() -> gb_trees:take_any(1, foo) end),
    t(to_list_bad, fun() -> gb_trees:to_list(foo) end),
    t(keys_bad, fun() -> gb_trees:keys(foo) end),
    t(balance_bad, fun() -> gb_trees:balance(foo) end),
    t(from_orddict_not_list, fun() -> gb_trees:from_orddict(foo) end),
    t(iterator_bad, fun() -> gb_trees:iterator(foo) end),
    t(iterator_from_bad, fun() -> gb_trees:iterator_from(1, foo) end),
    t(take_smallest_bad, fun() -> gb_trees:take_smallest(foo) end),
    t(smallest_bad, fun() -> gb_trees:smallest(foo) end),
    t(map_bad, fun() -> gb_trees:map(fun(K, V) -> {K, V} end, foo) end),
    ok.

insert_all_into(Keys, T0) ->
    lists:foldl(fun(K, T) -> gb_trees:insert(K, K, T) end, T0, Keys).

drain(Take, T) ->
    case gb_trees:is_empty(T) of
        true -> [];
        false ->
            {K, V, T1} = Take(T),
            [{K, V, gb_trees:size(T1)} | drain(Take, T1)]
    end.
