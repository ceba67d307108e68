%% lists_zip.erl - zip, unzip, zipwith, zipwith3, enumerate, split,
%% partition, mapfoldl.
-module(lists_zip).
-export([main/0]).

main() ->
    A = [1, 2, 3, 4],
    B = [a, b, c, d],
    C = ["w", "x", "y", "z"],
    Z = lists:zip(A, B),
    io:format("zip: ~p~n", [Z]),
    io:format("unzip: ~p~n", [lists:unzip(Z)]),
    io:format("unzip empty: ~p~n", [lists:unzip([])]),
    io:format("zipwith: ~p~n", [lists:zipwith(fun(X, Y) -> {Y, X * 10} end, A, B)]),
    io:format("zipwith3: ~p~n", [lists:zipwith3(fun(X, Y, W) -> atom_to_list(Y) ++ W ++ integer_to_list(X) end, A, B, C)]),
    io:format("enumerate: ~p~n", [lists:enumerate(B)]),
    io:format("enumerate/2: ~p~n", [lists:enumerate(0, B)]),
    io:format("split: ~p~n", [lists:split(2, A)]),
    io:format("split 0: ~p ~p~n", [lists:split(0, A), lists:split(4, A)]),
    io:format("partition: ~p~n", [lists:partition(fun(X) -> X > 2 end, A)]),
    io:format("mapfoldl: ~p~n", [lists:mapfoldl(fun(X, Acc) -> {X * 2, Acc + X} end, 0, A)]),
    io:format("mapfoldl idx: ~p~n", [lists:mapfoldl(fun(X, I) -> {{I, X}, I + 1} end, 1, C)]),
    %% dot product and transposition with zips
    V1 = [1, 2, 3], V2 = [4, 5, 6],
    io:format("dot: ~p~n", [lists:sum(lists:zipwith(fun(X, Y) -> X * Y end, V1, V2))]),
    M = [[1, 2, 3], [4, 5, 6]],
    io:format("transpose: ~p~n", [transpose(M)]),
    {Ks, Vs} = lists:unzip([{K, V} || {K, V} <- lists:zip(B, A), V rem 2 =:= 0]),
    io:format("even keys ~p values ~p~n", [Ks, Vs]),
    ok.

transpose([[] | _]) -> [];
transpose(M) -> [[H || [H | _] <- M] | transpose([T || [_ | T] <- M])].
