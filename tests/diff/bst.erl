%% bst.erl - an AVL tree used as an ordered dictionary: insert, lookup,
%% delete, in-order traversal, fold, range queries, height checks.
-module(bst).
-export([main/0]).

%% tree: nil | {Key, Value, Height, Left, Right}
height(nil) -> 0;
height({_, _, H, _, _}) -> H.

node(K, V, L, R) -> {K, V, 1 + max(height(L), height(R)), L, R}.

balance(K, V, L, R) ->
    HL = height(L), HR = height(R),
    if
        HL > HR + 1 ->
            {LK, LV, _, LL, LR} = L,
            case height(LL) >= height(LR) of
                true -> node(LK, LV, LL, node(K, V, LR, R));
                false ->
                    {LRK, LRV, _, LRL, LRR} = LR,
                    node(LRK, LRV, node(LK, LV, LL, LRL), node(K, V, LRR, R))
            end;
        HR > HL + 1 ->
            {RK, RV, _, RL, RR} = R,
            case height(RR) >= height(RL) of
                true -> node(RK, RV, node(K, V, L, RL), RR);
                false ->
                    {RLK, RLV, _, RLL, RLR} = RL,
                    node(RLK, RLV, node(K, V, L, RLL), node(RK, RV, RLR, RR))
            end;
        true -> node(K, V, L, R)
    end.

insert(K, V, nil) -> node(K, V, nil, nil);
insert(K, V, {K, _, H, L, R}) -> {K, V, H, L, R};
insert(K, V, {K1, V1, _, L, R}) when K < K1 -> balance(K1, V1, insert(K, V, L), R);
insert(K, V, {K1, V1, _, L, R}) -> balance(K1, V1, L, insert(K, V, R)).

lookup(_, nil) -> none;
lookup(K, {K, V, _, _, _}) -> {value, V};
lookup(K, {K1, _, _, L, _}) when K < K1 -> lookup(K, L);
lookup(K, {_, _, _, _, R}) -> lookup(K, R).

delete(_, nil) -> nil;
delete(K, {K, _, _, L, nil}) -> L;
delete(K, {K, _, _, nil, R}) -> R;
delete(K, {K, _, _, L, R}) -> {MK, MV} = min_kv(R), balance(MK, MV, L, delete(MK, R));
delete(K, {K1, V1, _, L, R}) when K < K1 -> balance(K1, V1, delete(K, L), R);
delete(K, {K1, V1, _, L, R}) -> balance(K1, V1, L, delete(K, R)).

min_kv({K, V, _, nil, _}) -> {K, V};
min_kv({_, _, _, L, _}) -> min_kv(L).

to_list(T) -> fold(fun(K, V, Acc) -> [{K, V} | Acc] end, [], T).
fold(_, Acc, nil) -> Acc;
fold(F, Acc, {K, V, _, L, R}) -> fold(F, F(K, V, fold(F, Acc, R)), L).

range(_, _, nil) -> [];
range(Lo, Hi, {K, V, _, L, R}) ->
    Left = if Lo < K -> range(Lo, Hi, L); true -> [] end,
    Mid = if K >= Lo, K =< Hi -> [{K, V}]; true -> [] end,
    Right = if Hi > K -> range(Lo, Hi, R); true -> [] end,
    Left ++ Mid ++ Right.

balanced(nil) -> true;
balanced({_, _, H, L, R}) ->
    abs(height(L) - height(R)) =< 1 andalso H =:= 1 + max(height(L), height(R))
        andalso balanced(L) andalso balanced(R).

tsize(nil) -> 0;
tsize({_, _, _, L, R}) -> 1 + tsize(L) + tsize(R).

main() ->
    Words = string:tokens("the quick brown fox jumps over the lazy dog and the quick cat", " "),
    T = lists:foldl(fun(W, Acc) ->
                            N = case lookup(W, Acc) of none -> 0; {value, C} -> C end,
                            insert(W, N + 1, Acc)
                    end, nil, Words),
    io:format("~p~n", [to_list(T)]),
    io:format("~p ~p ~p~n", [lookup("the", T), lookup("zebra", T), height(T)]),
    T1 = lists:foldl(fun(I, Acc) -> insert(I, I * I, Acc) end, nil, lists:seq(1, 1000)),
    io:format("size ~p height ~p balanced ~p~n", [tsize(T1), height(T1), balanced(T1)]),
    io:format("~p~n", [range(100, 105, T1)]),
    T2 = lists:foldl(fun delete/2, T1, lists:seq(1, 1000, 2)),
    io:format("size ~p height ~p balanced ~p~n", [tsize(T2), height(T2), balanced(T2)]),
    io:format("~p~n", [lists:sublist(to_list(T2), 5)]),
    io:format("~p~n", [fold(fun(_, V, A) -> A + V end, 0, T2)]),
    Small = lists:foldl(fun(K, Acc) -> insert(K, x, Acc) end, nil, [5, 3, 8, 1, 4]),
    io:format("~p~n", [Small]),
    ok.
