%% heap_pq.erl - a leftist heap used as a priority queue: heap sort,
%% k smallest, merging sorted streams, and an event scheduler.
-module(heap_pq).
-export([main/0]).

%% heap: nil | {Rank, Key, Value, Left, Right}
empty() -> nil.
rank(nil) -> 0;
rank({R, _, _, _, _}) -> R.

merge(nil, H) -> H;
merge(H, nil) -> H;
merge({_, K1, V1, L1, R1}, {_, K2, _, _, _} = H2) when K1 =< K2 ->
    make(K1, V1, L1, merge(R1, H2));
merge(H1, H2) -> merge(H2, H1).

make(K, V, A, B) ->
    case rank(A) >= rank(B) of
        true -> {rank(B) + 1, K, V, A, B};
        false -> {rank(A) + 1, K, V, B, A}
    end.

insert(K, V, H) -> merge({1, K, V, nil, nil}, H).
pop(nil) -> empty;
pop({_, K, V, L, R}) -> {K, V, merge(L, R)}.
hsize(nil) -> 0;
hsize({_, _, _, L, R}) -> 1 + hsize(L) + hsize(R).

from_list(L) -> lists:foldl(fun(K, H) -> insert(K, K, H) end, empty(), L).
drain(H) ->
    case pop(H) of
        empty -> [];
        {K, _, H2} -> [K | drain(H2)]
    end.

take(0, _) -> [];
take(N, H) ->
    case pop(H) of
        empty -> [];
        {K, _, H2} -> [K | take(N - 1, H2)]
    end.

%% k-way merge of sorted lists using the heap keyed on {Value, ListIndex}
kmerge(Lists) ->
    Indexed = lists:zip(lists:seq(1, length(Lists)), Lists),
    H0 = lists:foldl(fun({_, []}, H) -> H;
                        ({I, [X | Rest]}, H) -> insert({X, I}, Rest, H) end, empty(), Indexed),
    kmerge_loop(H0).

kmerge_loop(H) ->
    case pop(H) of
        empty -> [];
        {{X, I}, Rest, H2} ->
            H3 = case Rest of
                     [] -> H2;
                     [Y | Rest2] -> insert({Y, I}, Rest2, H2)
                 end,
            [X | kmerge_loop(H3)]
    end.

%% a discrete-event scheduler: events fire in time order, some schedule more
schedule(H, Log, Limit) when Limit =< 0 -> {lists:reverse(Log), hsize(H)};
schedule(H, Log, Limit) ->
    case pop(H) of
        empty -> {lists:reverse(Log), 0};
        {T, {tick, N}, H2} when N > 0 -> schedule(insert(T + N, {tick, N - 1}, H2), [{T, tick, N} | Log], Limit - 1);
        {T, Ev, H2} -> schedule(H2, [{T, Ev} | Log], Limit - 1)
    end.

main() ->
    L = [38, 27, 43, 3, 9, 82, 10, 3, 55, 1, 70, 27],
    H = from_list(L),
    io:format("size ~p~n", [hsize(H)]),
    io:format("sorted ~w~n", [drain(H)]),
    io:format("same as lists:sort ~p~n", [drain(H) =:= lists:sort(L)]),
    io:format("3 smallest ~w~n", [take(3, H)]),
    Rand = rand_list(2000, 7),
    io:format("big sort ok ~p~n", [drain(from_list(Rand)) =:= lists:sort(Rand)]),
    io:format("~w~n", [kmerge([[1, 4, 9], [2, 3, 10, 11], [], [0, 5, 6, 7, 8]])]),
    Events = lists:foldl(fun({T, E}, Acc) -> insert(T, E, Acc) end, empty(),
                         [{5, start}, {1, {tick, 3}}, {12, stop}, {7, {tick, 2}}, {3, ping}]),
    {Log, Left} = schedule(Events, [], 20),
    lists:foreach(fun(E) -> io:format("  ~p~n", [E]) end, Log),
    io:format("left ~p~n", [Left]),
    ok.

rand_list(0, _) -> [];
rand_list(N, S) -> S2 = (S * 48271) rem 2147483647, [S2 rem 10000 | rand_list(N - 1, S2)].
