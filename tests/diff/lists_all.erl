%% lists_all.erl - one call to every lists function the library lists
%% (map foldl foldr filter reverse/1,2 seq/2,3 nth nthtail sum max min
%% member append/1,2 flatten sort/1,2 usort keyfind keysearch keymember
%% keyreplace keystore keydelete keysort zip unzip zipwith zipwith3
%% duplicate last foreach all any split sublist/2,3 takewhile dropwhile
%% partition delete mapfoldl concat filtermap enumerate), each result
%% printed under its name, then their errors on bad arguments.
-module(lists_all).
-export([main/0]).

show(Name, V) -> io:format("~-12s ~p~n", [Name, V]).

main() ->
    L = [4, 8, 15, 16, 23, 42],
    KL = [{b, 2}, {a, 1}, {c, 3}],
    show(map, lists:map(fun(X) -> X div 2 end, L)),
    show(foldl, lists:foldl(fun(X, A) -> A - X end, 0, L)),
    show(foldr, lists:foldr(fun(X, A) -> A - X end, 0, L)),
    show(filter, lists:filter(fun(X) -> X > 10 end, L)),
    show(reverse, lists:reverse(L)),
    show(reverse2, lists:reverse(L, ['end'])),
    show(seq2, lists:seq(3, 9)),
    show(seq3, lists:seq(20, 2, -6)),
    show(nth, lists:nth(3, L)),
    show(nthtail, lists:nthtail(4, L)),
    show(sum, lists:sum(L)),
    show(max, lists:max(L)),
    show(min, lists:min(L)),
    show(member, lists:member(23, L)),
    show(append2, lists:append(L, [99])),
    show(append1, lists:append([[1], [], [2, 3]])),
    show(flatten, lists:flatten([[1, [2]], [], [[[3]]]])),
    show(sort1, lists:sort([c, a, b])),
    show(sort2, lists:sort(fun(A, B) -> A > B end, L)),
    show(usort, lists:usort([3, 1, 3, 2, 1])),
    show(keyfind, lists:keyfind(a, 1, KL)),
    show(keysearch, lists:keysearch(c, 1, KL)),
    show(keymember, lists:keymember(z, 1, KL)),
    show(keyreplace, lists:keyreplace(b, 1, KL, {b, 20})),
    show(keystore, lists:keystore(d, 1, KL, {d, 4})),
    show(keydelete, lists:keydelete(a, 1, KL)),
    show(keysort, lists:keysort(2, KL)),
    show(zip, lists:zip([1, 2, 3], [x, y, z])),
    show(unzip, lists:unzip(KL)),
    show(zipwith, lists:zipwith(fun(A, B) -> A * B end, [1, 2, 3], [4, 5, 6])),
    show(zipwith3, lists:zipwith3(fun(A, B, C) -> A + B + C end, [1, 2], [3, 4], [5, 6])),
    show(duplicate, lists:duplicate(4, ab)),
    show(last, lists:last(L)),
    show(foreach, lists:foreach(fun(_) -> ok end, L)),
    show(all, lists:all(fun(X) -> X rem 2 =:= 0 end, L)),
    show(any, lists:any(fun(X) -> X rem 2 =:= 1 end, L)),
    show(split, lists:split(2, L)),
    show(sublist2, lists:sublist(L, 2)),
    show(sublist3, lists:sublist(L, 3, 2)),
    show(takewhile, lists:takewhile(fun(X) -> X < 16 end, L)),
    show(dropwhile, lists:dropwhile(fun(X) -> X < 16 end, L)),
    show(partition, lists:partition(fun(X) -> X rem 4 =:= 0 end, L)),
    show(delete, lists:delete(15, L)),
    show(mapfoldl, lists:mapfoldl(fun(X, S) -> {X + S, S + 1} end, 0, L)),
    show(concat, lists:concat([a, 1, "b", 2.0])),
    show(filtermap, lists:filtermap(fun(X) when X > 20 -> {true, {big, X}}; (X) -> X =:= 4 end, L)),
    show(enumerate, lists:enumerate([a, b, c])),
    Errors = [
        {nth0, fun() -> lists:nth(0, L) end},
        {nth_far, fun() -> lists:nth(7, L) end},
        {nthtail, fun() -> lists:nthtail(7, L) end},
        {seq_bad, fun() -> lists:seq(5, 1) end},
        {seq3_zero, fun() -> lists:seq(1, 5, 0) end},
        {seq_float, fun() -> lists:seq(1.0, 5) end},
        {max_empty, fun() -> lists:max([]) end},
        {min_empty, fun() -> lists:min([]) end},
        {last_empty, fun() -> lists:last([]) end},
        {sum_atom, fun() -> lists:sum([1, a]) end},
        {map_notfun, fun() -> lists:map(x, L) end},
        {map_notlist, fun() -> lists:map(fun(X) -> X end, x) end},
        {foldl_arity, fun() -> lists:foldl(fun(X) -> X end, 0, L) end},
        {zip_len, fun() -> lists:zip([1, 2], [a]) end},
        {split_far, fun() -> lists:split(10, L) end},
        {sublist_neg, fun() -> lists:sublist(L, -1) end},
        {keyfind_pos, fun() -> lists:keyfind(a, 0, KL) end},
        {keysort_pos, fun() -> lists:keysort(0, KL) end},
        {duplicate_neg, fun() -> lists:duplicate(-1, x) end},
        {reverse_atom, fun() -> lists:reverse(atom) end},
        {flatten_atom, fun() -> lists:flatten(atom) end},
        {member_bad, fun() -> lists:member(1, [2 | 3]) end},
        {all_bad, fun() -> lists:all(fun(_) -> maybe end, [1]) end},
        {filter_bad, fun() -> lists:filter(fun(_) -> maybe end, [1]) end}
    ],
    lists:foreach(fun({Name, F}) ->
        R = try F() of V -> {ok, V} catch C:E -> {C, E} end,
        show(Name, R)
    end, Errors),
    ok.
