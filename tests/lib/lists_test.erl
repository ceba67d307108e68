%% lists_test.erl - test program for lib/lists.erl, in beamlet's Erlang
%% subset. main/0 prints one line per case, {Name, Result} with ~p, where
%% Result is the value or {Class, Reason} of the exception. The output must
%% be identical under Erlang/OTP's lists module and under beamlet's (see
%% tests/lib/run_otp.sh, which runs it both ways).
-module(lists_test).
-export([main/0]).

t(Name, F) ->
    R = try F() catch C:E -> {C, E} end,
    io:format("~p~n", [{Name, R}]).

main() ->
    basics(),
    higher_order(),
    keys(),
    sorting(),
    random_sorts(),
    long_lists(),
    ok.

basics() ->
    t(reverse_0, fun() -> lists:reverse([]) end),
    t(reverse_3, fun() -> lists:reverse([1, 2, 3]) end),
    t(reverse_2, fun() -> lists:reverse([a, b], [c]) end),
    t(reverse_tail, fun() -> lists:reverse([1, 2], foo) end),
    t(reverse_bad, fun() -> lists:reverse(foo) end),
    t(reverse_improper1, fun() -> lists:reverse([1 | 2]) end),
    t(reverse_improper2, fun() -> lists:reverse([1, 2, 3 | 4]) end),
    t(reverse_2_bad, fun() -> lists:reverse(foo, []) end),
    t(append_2, fun() -> lists:append("abc", "de") end),
    t(append_1, fun() -> lists:append([[1], [], [2, 3], [4]]) end),
    t(append_1_empty, fun() -> lists:append([]) end),
    t(append_1_tail, fun() -> lists:append([[1], foo]) end),
    t(append_1_bad, fun() -> lists:append([foo, [1]]) end),
    t(append_1_improper, fun() -> lists:append([[1] | foo]) end),
    t(concat, fun() -> lists:concat([abc, "def", 12, -3, 1.5]) end),
    t(concat_bad, fun() -> lists:concat([a, {b}]) end),
    t(subtract, fun() -> lists:subtract([1, 2, 3, 2, 1], [2, 1]) end),
    t(flatten, fun() -> lists:flatten([1, [2, [3, []], [[4]]], 5]) end),
    t(flatten_2, fun() -> lists:flatten([[a], [b, [c]]], [d, e]) end),
    t(flatten_bad, fun() -> lists:flatten([1, [2 | x]]) end),
    t(flatlength, fun() -> lists:flatlength([1, [2, [3, []]], "ab"]) end),
    t(join, fun() -> lists:join(", ", ["a", "b", "c"]) end),
    t(join_1, fun() -> lists:join(x, [a]) end),
    t(join_0, fun() -> lists:join(x, []) end),
    t(nth_1, fun() -> lists:nth(1, [a, b, c]) end),
    t(nth_3, fun() -> lists:nth(3, [a, b, c]) end),
    t(nth_0, fun() -> lists:nth(0, [a]) end),
    t(nth_4, fun() -> lists:nth(4, [a, b, c]) end),
    t(nth_atom, fun() -> lists:nth(x, [a]) end),
    t(nthtail_0, fun() -> lists:nthtail(0, [a, b]) end),
    t(nthtail_2, fun() -> lists:nthtail(2, [a, b, c]) end),
    t(nthtail_end, fun() -> lists:nthtail(3, [a, b, c]) end),
    t(nthtail_over, fun() -> lists:nthtail(4, [a, b, c]) end),
    t(last, fun() -> lists:last([1, 2, 3]) end),
    t(last_empty, fun() -> lists:last([]) end),
    t(droplast, fun() -> lists:droplast([1, 2, 3]) end),
    t(droplast_empty, fun() -> lists:droplast([]) end),
    t(duplicate, fun() -> lists:duplicate(3, xy) end),
    t(duplicate_0, fun() -> lists:duplicate(0, xy) end),
    t(duplicate_neg, fun() -> lists:duplicate(-1, xy) end),
    t(sublist_2, fun() -> lists:sublist([1, 2, 3, 4], 2) end),
    t(sublist_2_long, fun() -> lists:sublist([1, 2], 5) end),
    t(sublist_3, fun() -> lists:sublist([1, 2, 3, 4, 5], 2, 3) end),
    t(sublist_3_past, fun() -> lists:sublist([1, 2, 3], 4, 2) end),
    t(sublist_3_far, fun() -> lists:sublist([1, 2, 3], 9, -1) end),
    t(sublist_3_zero, fun() -> lists:sublist([1, 2, 3], 0, 1) end),
    t(sublist_neg, fun() -> lists:sublist([1, 2, 3], -1) end),
    t(split, fun() -> lists:split(2, [a, b, c]) end),
    t(split_all, fun() -> lists:split(3, [a, b, c]) end),
    t(split_over, fun() -> lists:split(4, [a, b, c]) end),
    t(split_neg, fun() -> lists:split(-1, [a, b, c]) end),
    t(prefix_yes, fun() -> lists:prefix("ab", "abc") end),
    t(prefix_no, fun() -> lists:prefix("ac", "abc") end),
    t(suffix_yes, fun() -> lists:suffix("bc", "abc") end),
    t(suffix_no, fun() -> lists:suffix("abcd", "abc") end),
    t(enumerate, fun() -> lists:enumerate([a, b, c]) end),
    t(enumerate_from, fun() -> lists:enumerate(0, [a, b]) end),
    t(enumerate_bad, fun() -> lists:enumerate(foo) end),
    t(seq_2, fun() -> lists:seq(1, 10) end),
    t(seq_2_empty, fun() -> lists:seq(5, 4) end),
    t(seq_2_bad, fun() -> lists:seq(5, 3) end),
    t(seq_2_float, fun() -> lists:seq(1, 2.0) end),
    t(seq_3, fun() -> lists:seq(1, 10, 3) end),
    t(seq_3_down, fun() -> lists:seq(10, 1, -4) end),
    t(seq_3_empty, fun() -> lists:seq(1, 0, 1) end),
    t(seq_3_empty_down, fun() -> lists:seq(1, 2, -1) end),
    t(seq_3_one, fun() -> lists:seq(7, 7, 0) end),
    t(seq_3_zero, fun() -> lists:seq(1, 5, 0) end),
    t(seq_3_wrong_way, fun() -> lists:seq(1, 5, -1) end),
    t(seq_3_big, fun() -> lists:seq(100000000000000000000, 100000000000000000010, 4) end),
    t(sum, fun() -> lists:sum([1, 2, 3.5, 100000000000000000000]) end),
    t(sum_empty, fun() -> lists:sum([]) end),
    t(sum_bad, fun() -> lists:sum([1, a]) end),
    t(max, fun() -> lists:max([3, 1, {a}, "z", 2.5]) end),
    t(max_ties, fun() -> {lists:max([1, 1.0]), lists:max([1.0, 1])} end),
    t(min, fun() -> lists:min([3, 1, {a}, "z", 2.5]) end),
    t(min_ties, fun() -> {lists:min([1, 1.0]), lists:min([1.0, 1])} end),
    t(max_empty, fun() -> lists:max([]) end),
    t(member_yes, fun() -> lists:member(b, [a, b, c]) end),
    t(member_exact, fun() -> lists:member(1, [1.0, 2]) end),
    t(member_no, fun() -> lists:member(d, [a, b, c]) end),
    t(member_bad, fun() -> lists:member(d, [a | b]) end),
    t(delete, fun() -> lists:delete(b, [a, b, c, b]) end),
    t(delete_exact, fun() -> lists:delete(1, [1.0, 1]) end),
    t(delete_none, fun() -> lists:delete(x, [a, b]) end),
    t(zip, fun() -> lists:zip([1, 2, 3], [a, b, c]) end),
    t(zip_uneven, fun() -> lists:zip([1, 2], [a]) end),
    t(zip3, fun() -> lists:zip3([1, 2], [a, b], ["x", "y"]) end),
    t(unzip, fun() -> lists:unzip([{1, a}, {2, b}]) end),
    t(unzip3, fun() -> lists:unzip3([{1, a, x}, {2, b, y}]) end),
    t(unzip_bad, fun() -> lists:unzip([{1, a}, {2}]) end).

higher_order() ->
    Inc = fun(X) -> X + 1 end,
    IsEven = fun(X) -> X rem 2 =:= 0 end,
    L = [1, 2, 3, 4, 5, 6],
    t(map, fun() -> lists:map(Inc, L) end),
    t(map_remote, fun() -> lists:map(fun erlang:abs/1, [-1, 2, -3]) end),
    t(map_bad_list, fun() -> lists:map(Inc, foo) end),
    t(map_bad_fun, fun() -> lists:map(foo, [1]) end),
    t(map_badarith, fun() -> lists:map(Inc, [1, a]) end),
    t(flatmap, fun() -> lists:flatmap(fun(X) -> [X, X] end, [a, b]) end),
    t(foldl, fun() -> lists:foldl(fun(X, A) -> [X | A] end, [], L) end),
    t(foldr, fun() -> lists:foldr(fun(X, A) -> [X | A] end, [], L) end),
    t(foldl_bad, fun() -> lists:foldl(fun(X, A) -> X + A end, 0, foo) end),
    t(foreach, fun() -> lists:foreach(fun(X) -> put(last, X) end, L), get(last) end),
    t(filter, fun() -> lists:filter(IsEven, L) end),
    t(filter_bad, fun() -> lists:filter(fun(X) -> X end, [true, 1]) end),
    t(filter_improper, fun() -> lists:filter(IsEven, [2 | x]) end),
    t(filtermap, fun() -> lists:filtermap(fun(X) when X > 4 -> {true, X * 10};
                                            (X) -> X rem 2 =:= 0 end, L) end),
    t(filtermap_bad, fun() -> lists:filtermap(fun(_) -> maybe end, L) end),
    t(partition, fun() -> lists:partition(IsEven, L) end),
    t(all_yes, fun() -> lists:all(fun(X) -> is_integer(X) end, L) end),
    t(all_no, fun() -> lists:all(IsEven, L) end),
    t(all_empty, fun() -> lists:all(IsEven, []) end),
    t(any_yes, fun() -> lists:any(IsEven, L) end),
    t(any_no, fun() -> lists:any(fun(X) -> is_atom(X) end, L) end),
    t(any_bad, fun() -> lists:any(fun(X) -> X end, [false, 1]) end),
    t(takewhile, fun() -> lists:takewhile(fun(X) -> X < 4 end, L) end),
    t(dropwhile, fun() -> lists:dropwhile(fun(X) -> X < 4 end, L) end),
    t(splitwith, fun() -> lists:splitwith(fun(X) -> X < 4 end, L) end),
    t(takewhile_bad, fun() -> lists:takewhile(foo, L) end),
    t(mapfoldl, fun() -> lists:mapfoldl(fun(X, A) -> {X * 2, A + X} end, 0, L) end),
    t(mapfoldr, fun() -> lists:mapfoldr(fun(X, A) -> {X * 2, [X | A]} end, [], L) end),
    t(mapfoldl_bad, fun() -> lists:mapfoldl(fun(X, _) -> X end, 0, L) end),
    t(zipwith, fun() -> lists:zipwith(fun(A, B) -> A * B end, [1, 2, 3], [4, 5, 6]) end),
    t(zipwith3, fun() -> lists:zipwith3(fun(A, B, C) -> A + B + C end, [1, 2], [3, 4], [5, 6]) end),
    t(search, fun() -> {lists:search(IsEven, L), lists:search(fun(X) -> X > 9 end, L)} end),
    t(zf, fun() -> lists:zf(fun(X) -> X > 3 end, L) end),
    t(uniq, fun() -> lists:uniq([3, 1, 3, 1.0, a, 2, a, 1, "x", "x"]) end),
    t(uniq_fun, fun() -> lists:uniq(fun(X) -> X rem 3 end, [1, 2, 3, 4, 5, 6, 7]) end).

keys() ->
    TL = [{a, 1}, {b, 2}, {c, 3}, {b, 4}, x, {d}],
    t(keyfind, fun() -> lists:keyfind(b, 1, TL) end),
    t(keyfind_2, fun() -> lists:keyfind(3, 2, TL) end),
    t(keyfind_eq, fun() -> lists:keyfind(1.0, 2, TL) end),
    t(keyfind_none, fun() -> lists:keyfind(z, 1, TL) end),
    t(keyfind_bad_n, fun() -> lists:keyfind(a, 0, TL) end),
    t(keyfind_improper, fun() -> lists:keyfind(z, 1, [{a} | b]) end),
    t(keymember, fun() -> {lists:keymember(c, 1, TL), lists:keymember(e, 1, TL)} end),
    t(keysearch, fun() -> {lists:keysearch(c, 1, TL), lists:keysearch(e, 1, TL)} end),
    t(keydelete, fun() -> lists:keydelete(b, 1, TL) end),
    t(keydelete_none, fun() -> lists:keydelete(z, 1, TL) end),
    t(keyreplace, fun() -> lists:keyreplace(b, 1, TL, {bb, 0}) end),
    t(keyreplace_bad, fun() -> lists:keyreplace(b, 1, TL, bb) end),
    t(keystore_old, fun() -> lists:keystore(c, 1, TL, {cc}) end),
    t(keystore_new, fun() -> lists:keystore(z, 1, TL, {z, 26}) end),
    t(keytake, fun() -> lists:keytake(b, 1, TL) end),
    t(keytake_none, fun() -> lists:keytake(z, 1, TL) end),
    t(keymap, fun() -> lists:keymap(fun(X) -> X * 10 end, 2, [{a, 1}, {b, 2}]) end),
    t(keysort_1, fun() -> lists:keysort(1, [{b, 1}, {a, 2}, {b, 0}, {a, 1}]) end),
    t(keysort_2, fun() -> lists:keysort(2, [{b, 1}, {a, 2}, {b, 0}, {a, 1}]) end),
    t(keysort_stable, fun() -> lists:keysort(1, [{1, a}, {1.0, b}, {0, c}, {1, d}, {1.0, e}]) end),
    t(keysort_quirk, fun() -> lists:keysort(1, [{2.0, 1.0}, {2, 1.0}, {1, 1.0}, {1.0, 1}]) end),
    t(keysort_short, fun() -> lists:keysort(2, [{a}]) end),
    t(keysort_bad, fun() -> lists:keysort(2, [{a}, {b, c}]) end),
    t(keysort_zero, fun() -> lists:keysort(0, [{a}]) end),
    t(ukeysort, fun() -> lists:ukeysort(1, [{1, a}, {1.0, b}, {0, c}, {1, d}]) end),
    t(keymerge, fun() -> lists:keymerge(1, [{1, a}, {3, a}], [{1, b}, {2, b}, {4, b}]) end).

sorting() ->
    t(sort_terms, fun() -> lists:sort([b, 3, "str", {1, 2}, [], 2.5, a, {0}, [1], -7]) end),
    t(sort_ints, fun() -> lists:sort([5, 3, 9, 1, 1, 0, -2, 8]) end),
    t(sort_ties_1, fun() -> lists:sort([1.0, 1, -1, {2.0}, 0, []]) end),
    t(sort_ties_2, fun() -> lists:sort([2, 1.0, 1, 2.0, 1, 1.0, 0, 0.0]) end),
    t(sort_ties_3, fun() -> lists:sort([3, 1, 1.0]) end),
    t(sort_ties_4, fun() -> lists:sort([1, 1.0, 1, 0, 2, 1.0]) end),
    t(sort_improper, fun() -> lists:sort([b, a | c]) end),
    t(sort_bad, fun() -> lists:sort(foo) end),
    t(sort_fun_desc, fun() -> lists:sort(fun(A, B) -> A >= B end, [3, 1, 2, 1.0]) end),
    t(sort_fun_stable, fun() -> lists:sort(fun({A, _}, {B, _}) -> A =< B end,
                                           [{2, a}, {1, b}, {2, c}, {1, d}]) end),
    t(sort_fun_bad, fun() -> lists:sort(fun(_, _) -> maybe end, [1, 2]) end),
    t(usort, fun() -> lists:usort([3, 1, 2, 1, 3.0, 2, 1.0]) end),
    t(usort_first, fun() -> lists:usort([1.0, 1, 2, 2.0]) end),
    t(usort_fun, fun() -> lists:usort(fun(A, B) -> A >= B end, [1, 3, 2, 3, 1]) end),
    t(merge, fun() -> lists:merge([1, 3, 5], [1.0, 2, 6]) end),
    t(merge_fun, fun() -> lists:merge(fun(A, B) -> A >= B end, [5, 3], [4, 1]) end),
    t(merge_1, fun() -> lists:merge([[1, 4], [2, 3], [], [0, 5]]) end),
    t(umerge, fun() -> lists:umerge([1, 2, 4], [1.0, 3, 4]) end).

%% A linear congruential generator, so the "random" lists are the same
%% everywhere.
next(S) -> (S * 1103515245 + 12345) rem 2147483648.

rand_list(0, S, _) -> {[], S};
rand_list(N, S, Pool) ->
    S1 = next(S),
    {T, S2} = rand_list(N - 1, S1, Pool),
    {[lists:nth(S1 div 65536 rem length(Pool) + 1, Pool) | T], S2}.

%% rand_ints(N, S, Max): N pseudo-random integers in 1..Max.
rand_ints(N, S, Max) -> rand_ints(N, S, Max, []).

rand_ints(0, _, _, Acc) -> Acc;
rand_ints(N, S, Max, Acc) ->
    S1 = next(S),
    rand_ints(N - 1, S1, Max, [S1 div 256 rem Max + 1 | Acc]).

random_sorts() ->
    Pools = [[1, 1.0, 2, 2.0, 0, 0.0, {1}, {1.0}],
             [a, b, c, 1, 2, 3, "x", {}, [], 1.5],
             lists:seq(1, 1000)],
    random_sorts(Pools, 1, 42).

random_sorts([], _, _) -> ok;
random_sorts([Pool | Pools], I, S) ->
    S1 = random_sorts_1(Pool, I, 40, S),
    random_sorts(Pools, I + 1, S1).

random_sorts_1(_, _, 0, S) -> S;
random_sorts_1(Pool, I, K, S) ->
    {Len0, S1} = {S rem 25, next(S)},
    {L, S2} = rand_list(Len0, S1, Pool),
    Tagged = lists:zip(L, lists:seq(1, length(L))),
    t({sort, I, K, L}, fun() -> lists:sort(L) end),
    t({usort, I, K}, fun() -> lists:usort(L) end),
    t({sort_fun, I, K}, fun() -> lists:sort(fun(A, B) -> A =< B end, L) end),
    t({keysort, I, K}, fun() -> lists:keysort(1, Tagged) end),
    t({ukeysort, I, K}, fun() -> lists:ukeysort(1, Tagged) end),
    t({uniq, I, K}, fun() -> lists:uniq(L) end),
    random_sorts_1(Pool, I, K - 1, S2).

long_lists() ->
    N = 300000,
    Seq = lists:seq(1, N),
    t(long_seq, fun() -> {length(Seq), lists:last(Seq)} end),
    t(long_foldl, fun() -> lists:foldl(fun(X, A) -> X + A end, 0, Seq) end),
    t(long_sum, fun() -> lists:sum(Seq) end),
    t(long_reverse, fun() -> lists:sublist(lists:reverse(Seq), 3) end),
    t(long_map, fun() -> lists:last(lists:map(fun(X) -> X * 2 end, Seq)) end),
    t(long_filter, fun() -> length(lists:filter(fun(X) -> X rem 3 =:= 0 end, Seq)) end),
    t(long_max, fun() -> {lists:max(Seq), lists:min(Seq)} end),
    t(long_append, fun() -> length(lists:append([Seq, Seq, Seq])) end),
    t(long_flatten, fun() -> length(lists:flatten([Seq, [Seq]])) end),
    R = rand_ints(N, 7, 100000),
    Sorted = lists:sort(R),
    t(long_sort, fun() -> {length(Sorted), lists:sublist(Sorted, 5), lists:last(Sorted)} end),
    t(long_sort_ok, fun() -> ordered(Sorted) end),
    t(long_usort, fun() -> length(lists:usort(R)) end),
    t(long_sort_fun, fun() -> lists:sort(fun(A, B) -> A >= B end, R) =:= lists:reverse(Sorted) end),
    t(long_keysort, fun() -> lists:sublist(lists:keysort(2, lists:zip(Seq, R)), 3) end),
    t(long_sort_sorted, fun() -> lists:sort(Seq) =:= Seq end),
    t(long_sort_reversed, fun() -> lists:sort(lists:reverse(Seq)) =:= Seq end),
    t(long_uniq, fun() -> length(lists:uniq(R)) end),
    t(long_merge, fun() -> length(lists:merge(Sorted, Seq)) end),
    t(long_seq_3, fun() -> length(lists:seq(N, 1, -7)) end),
    t(long_duplicate, fun() -> length(lists:duplicate(N, x)) end).

ordered([A, B | T]) when A =< B -> ordered([B | T]);
ordered([_, _ | _]) -> false;
ordered(_) -> true.
