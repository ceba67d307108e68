%% lists_keys.erl - the key functions over lists of tuples.
-module(lists_keys).
-export([main/0]).

main() ->
    L = [{apple, 3, red}, {banana, 5, yellow}, {cherry, 7, red}, {date, 1, brown}],
    io:format("keyfind: ~p~n", [lists:keyfind(banana, 1, L)]),
    io:format("keyfind miss: ~p~n", [lists:keyfind(kiwi, 1, L)]),
    io:format("keyfind pos3: ~p~n", [lists:keyfind(red, 3, L)]),
    io:format("keyfind num: ~p ~p~n", [lists:keyfind(7, 2, L), lists:keyfind(7.0, 2, L)]),
    io:format("keysearch: ~p ~p~n", [lists:keysearch(cherry, 1, L), lists:keysearch(x, 1, L)]),
    io:format("keymember: ~p ~p~n", [lists:keymember(date, 1, L), lists:keymember(blue, 3, L)]),
    io:format("keyreplace: ~p~n", [lists:keyreplace(banana, 1, L, {banana, 0, green})]),
    io:format("keyreplace miss: ~p~n", [lists:keyreplace(kiwi, 1, [{a, 1}], {kiwi, 2})]),
    io:format("keystore: ~p~n", [lists:keystore(kiwi, 1, [{a, 1}], {kiwi, 2})]),
    io:format("keystore replace: ~p~n", [lists:keystore(a, 1, [{a, 1}, {b, 2}], {a, 9})]),
    io:format("keydelete: ~p~n", [lists:keydelete(red, 3, L)]),
    io:format("keydelete miss: ~p~n", [lists:keydelete(zzz, 1, L)]),
    io:format("keysort 2: ~p~n", [lists:keysort(2, L)]),
    io:format("keysort 3: ~p~n", [lists:keysort(3, L)]),
    %% short tuples are skipped by keyfind
    io:format("short tuples: ~p~n", [lists:keyfind(x, 2, [{x}, {y, x}, z])]),
    %% an inventory using the key functions
    Inv0 = [],
    Inv1 = add(apple, 5, Inv0),
    Inv2 = add(pear, 2, Inv1),
    Inv3 = add(apple, 4, Inv2),
    Inv4 = remove(pear, 2, Inv3),
    Inv5 = add(fig, 10, Inv4),
    io:format("inventory: ~p~n", [lists:keysort(1, Inv5)]),
    io:format("total: ~p~n", [lists:sum([N || {_, N} <- Inv5])]),
    ok.

add(Item, N, Inv) ->
    case lists:keyfind(Item, 1, Inv) of
        {Item, M} -> lists:keyreplace(Item, 1, Inv, {Item, M + N});
        false -> lists:keystore(Item, 1, Inv, {Item, N})
    end.

remove(Item, N, Inv) ->
    case lists:keyfind(Item, 1, Inv) of
        {Item, N} -> lists:keydelete(Item, 1, Inv);
        {Item, M} when M > N -> lists:keyreplace(Item, 1, Inv, {Item, M - N});
        _ -> Inv
    end.
